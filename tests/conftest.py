"""Shared fixtures: paths, and a way to run the generator's command line in-process."""

from __future__ import annotations

import contextlib
import io
import signal
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "openapi.yaml"
SHARED_SPECS = ROOT.parent / "shared" / "specs"

# Tests send Ctrl-C (SIGINT) to the processes they start, as a terminal would. A test run
# started in the background (`make test &`, a CI step) ignores SIGINT, and an ignored
# signal stays ignored in every process started from it: handle it as a terminal's
# process does, so that those processes see it.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@dataclass
class CliResult:
    code: int
    out: str
    err: str


def run_cli(args: Sequence[str]) -> CliResult:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return CliResult(code, out.getvalue(), err.getvalue())


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` with its bytes, to compare a folder before and after."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Runs of the command line cache into a folder of the test session, not the user's,
    with the secret that signs the entries kept there too."""
    monkeypatch.setenv("OPENAPI_CLIENTGEN_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.getbasetemp() / "state"))


@pytest.fixture
def spec_text() -> str:
    return SPEC.read_text(encoding="utf-8")


def readme_block(name: str) -> str:
    """The code block of the README marked `<!-- example: NAME -->`."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- example: {name} -->\n```\w+\n(.*?)```", readme, re.DOTALL)
    assert match, f"the README has lost its {name} example"
    return match.group(1)
