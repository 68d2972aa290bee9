"""Long runs show their stage and a count on a terminal's standard error, and nowhere else."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

from generator.progress import SILENT, Progress, on_terminal

from .conftest import SPEC

ROOT = SPEC.parent.parent


def _generate(out: Path, stderr: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-m", "generator", "generate", str(SPEC), "-o", str(out),
        "--package-name", "primotexto", "--no-cache",
    ]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=stderr)


def _read_all(fd: int) -> bytes:
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:  # the terminal's other end closed: the run is over
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks)


def test_a_terminal_sees_each_stage_and_its_count(tmp_path: Path) -> None:
    terminal, other_end = os.openpty()
    process = _generate(tmp_path / "out", other_end)
    os.close(other_end)
    shown = _read_all(terminal).decode()
    stdout, _ = process.communicate()
    os.close(terminal)
    assert process.returncode == 0, shown
    assert "\r\x1b[Kloading: openapi.yaml" in shown, shown
    assert re.search(r"\r\x1b\[Kmodelling: (\d+)/\1 operations", shown), shown
    assert re.search(r"\r\x1b\[Krendering: (\d+)/\1 files", shown), shown
    assert "\r\x1b[Kformatting" in shown, shown
    assert re.search(r"\r\x1b\[Kwriting: \d+ files", shown), shown
    # The line is cleared before the closing message, which stays.
    assert re.search(r"\r\x1b\[K[^\r\x1b]*: (\d+) files, \1 changed\r\n$", shown), shown[-300:]
    assert stdout == b""


def test_nothing_is_shown_when_standard_error_is_not_a_terminal(tmp_path: Path) -> None:
    process = _generate(tmp_path / "out", subprocess.PIPE)
    stdout, stderr = process.communicate()
    assert process.returncode == 0, stderr
    assert re.fullmatch(
        rf"{re.escape(str(tmp_path / 'out'))}: (\d+) files, \1 changed\n", stderr.decode()
    )
    assert stdout == b""


def test_updates_are_throttled_but_the_last_count_is_always_drawn() -> None:
    stream = io.StringIO()
    progress = Progress(stream)
    progress.stage("formatting")
    for done in range(1, 1001):
        progress.count(done, 1000, "pieces")
    text = stream.getvalue()
    assert text.count("\r\x1b[K") < 50
    assert text.endswith("\r\x1b[Kformatting: 1,000/1,000 pieces")
    progress.clear()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_a_stream_that_is_not_a_terminal_gets_the_silent_progress() -> None:
    assert on_terminal(io.StringIO()) is SILENT
    SILENT.stage("anything")
    SILENT.count(1, 2, "things")
    SILENT.clear()
