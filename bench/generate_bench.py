"""Generation speed and memory against openapi-python-client, measured in the same run.

Every figure is a median of whole-process runs, ours and the peer's alternating so
that machine noise hits both alike, printed as a ratio against the peer. The peer
runs from its own virtual environment (`make bench` creates `.venv-bench`); its
location can be given as PEER_BIN.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRIMOTEXTO = ROOT / "spec" / "openapi.yaml"
TWILIO = ROOT.parent / "shared" / "specs" / "twilio_api_v2010.json"
PEER_BIN = Path(os.environ.get("PEER_BIN", ROOT / ".venv-bench" / "bin"))


@dataclass
class Run:
    seconds: float
    peak_kb: int


def timed(command: list[str], environment: dict[str, str]) -> Run:
    """Wall time and peak resident memory of one whole process (its reaped children too)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{' '.join(command)} failed:\n{error[-2000:]}")
    if process.stderr:
        process.stderr.close()
    return Run(seconds, usage.ru_maxrss)


class Workspace:
    """Copies of the documents to edit, and the commands of both generators."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.cache = folder / "cache"
        self.environment = {
            **os.environ,
            "OPENAPI_CLIENTGEN_CACHE": str(self.cache),
            "PATH": f"{PEER_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
            "PYTHONPATH": str(ROOT),
        }
        self.edits = 0

    def copy(self, spec: Path) -> Path:
        target = self.folder / "specs" / spec.parent.name / spec.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(spec, target)
        if (spec.parent / "recordings").is_dir():
            shutil.copytree(spec.parent / "recordings", target.parent / "recordings")
        return target

    def ours(self, spec: Path, *extra: str) -> list[str]:
        out = self.folder / "ours" / spec.stem
        return [
            sys.executable, "-m", "generator", "generate", str(spec), "-o", str(out),
            "--package-name", "bench_client", "--lenient", *extra,
        ]  # fmt: skip

    def peer(self, spec: Path) -> list[str]:
        out = self.folder / "peer" / spec.stem
        return [
            str(PEER_BIN / "openapi-python-client"), "generate", "--path", str(spec),
            "--output-path", str(out), "--overwrite",
        ]  # fmt: skip

    def edit(self, spec: Path) -> None:
        """A one-line edit of the first summary (YAML) or description (JSON), new each time."""
        self.edits += 1
        marker = '"description": "' if spec.suffix == ".json" else "summary: "
        text = spec.read_text(encoding="utf-8")
        spec.write_text(text.replace(marker, f"{marker}Edit {self.edits}. ", 1), encoding="utf-8")


def compare(
    label: str,
    ours: Callable[[], Run],
    peer: Callable[[], Run],
    runs: int,
    target: str,
) -> tuple[Run, Run]:
    mine: list[Run] = []
    theirs: list[Run] = []
    for _ in range(runs):
        mine.append(ours())
        theirs.append(peer())
    our_time = statistics.median(r.seconds for r in mine)
    peer_time = statistics.median(r.seconds for r in theirs)
    print(
        f"  {label:<48} {our_time:7.2f} s vs {peer_time:6.2f} s = {our_time / peer_time:5.2f}x"
        f"  (target {target})",
        flush=True,
    )
    return (
        Run(our_time, max(r.peak_kb for r in mine)),
        Run(peer_time, max(r.peak_kb for r in theirs)),
    )


def main() -> int:
    if not (PEER_BIN / "openapi-python-client").exists():
        print(f"openapi-python-client not found in {PEER_BIN}: run make bench", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as temporary:
        work = Workspace(Path(temporary))
        env = work.environment
        primotexto = work.copy(PRIMOTEXTO)
        twilio = work.copy(TWILIO)
        print("generation, medians of whole-process runs (ours vs openapi-python-client 0.29.1)")

        def cold(spec: Path, *extra: str) -> Callable[[], Run]:
            def run() -> Run:
                shutil.rmtree(work.cache, ignore_errors=True)
                return timed(work.ours(spec, *extra), env)

            return run

        def after_edit(spec: Path) -> Callable[[], Run]:
            def run() -> Run:
                work.edit(spec)
                return timed(work.ours(spec), env)

            return run

        def peer(spec: Path) -> Callable[[], Run]:
            return lambda: timed(work.peer(spec), env)

        compare(
            "spec/openapi.yaml, cold (black)", cold(primotexto), peer(primotexto), 5, "<= 0.75x"
        )
        timed(work.ours(primotexto), env)  # warm the cache
        compare(
            "spec/openapi.yaml, one-line description edit",
            after_edit(primotexto),
            peer(primotexto),
            5,
            "<= 0.3x",
        )
        timed(work.ours(twilio), env)  # warm the cache (black, once)
        compare("twilio, one-line description edit", after_edit(twilio), peer(twilio), 3, "<= 0.3x")
        ours_ruff, peer_twilio = compare(
            "twilio, cold, --formatter ruff",
            cold(twilio, "--formatter", "ruff"),
            peer(twilio),
            3,
            "<= 1x",
        )
        black = cold(twilio)()
        print(
            f"  {'twilio, cold, black (reported)':<48} {black.seconds:7.2f} s vs "
            f"{peer_twilio.seconds:6.2f} s = {black.seconds / peer_twilio.seconds:5.2f}x"
        )
        for label, run, target in (
            ("peak memory generating twilio (ruff)", ours_ruff, "  (target <= 1x)"),
            ("peak memory generating twilio (black)", black, ""),
        ):
            ratio = run.peak_kb / peer_twilio.peak_kb
            print(
                f"  {label:<48} {run.peak_kb / 1024:7.0f} MB vs "
                f"{peer_twilio.peak_kb / 1024:3.0f} MB = {ratio:5.2f}x{target}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
