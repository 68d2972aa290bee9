"""Generation speed and memory against openapi-python-client, measured in the same run.

Every figure is a median of whole-process runs, ours and the peer's alternating so
that machine noise hits both alike, printed as a ratio against the peer. The peer
runs from its own virtual environment (`make bench` creates `.venv-bench`); its
location can be given as PEER_BIN.

"Cold" means an empty cache (`$OPENAPI_CLIENTGEN_CACHE`, emptied before each run).
Memory is the peak of the summed proportional set size (PSS) of the whole process
tree, sampled while it runs: our validator and formatter workers are forked
processes, and the peer starts ruff, so counting one process would flatter both.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRIMOTEXTO = ROOT / "spec" / "openapi.yaml"
SHARED = ROOT.parent / "shared" / "specs"
TWILIO = SHARED / "twilio_api_v2010.json"
KUBERNETES = SHARED / "kubernetes_apps_v1.json"
# Absolute: the peer runs ruff from the folder it generates into, through PATH.
PEER_BIN = Path(os.environ.get("PEER_BIN", ROOT / ".venv-bench" / "bin")).absolute()

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import record  # noqa: E402


def timed(command: list[str], environment: dict[str, str]) -> float:
    """Wall time of one whole process."""
    start = time.perf_counter()
    result = subprocess.run(command, env=environment, capture_output=True, check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr.decode()[-2000:]}")
    return seconds


def peak_memory_kb(command: list[str], environment: dict[str, str]) -> int:
    """Peak total PSS of the process and every descendant, sampled every few milliseconds."""
    process = subprocess.Popen(
        command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    peak = 0
    while process.poll() is None:
        peak = max(peak, sum(_pss_kb(pid) for pid in _tree(process.pid)))
        time.sleep(0.003)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return peak


def _tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue  # gone already
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree = [root]
    for pid in tree:  # grows while it is walked: children, then theirs
        tree.extend(child for child, parent in parents.items() if parent == pid)
    return tree


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass  # the process ended between listing and reading
    return 0


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
    ours: Callable[[], float],
    peer: Callable[[], float],
    runs: int,
    target: float | None,
) -> float:
    """Print and record our median against the peer's; returns the peer's median."""
    mine: list[float] = []
    theirs: list[float] = []
    for _ in range(runs):
        mine.append(ours())
        theirs.append(peer())
    our_time = statistics.median(mine)
    peer_time = statistics.median(theirs)
    print(f"  (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)", flush=True)
    report(
        f"generate: {label}",
        f"{our_time:.2f} s",
        f"{peer_time:.2f} s",
        our_time / peer_time,
        target,
    )
    return peer_time


def report(figure: str, ours: str, peer: str, ratio: float, target: float | None) -> None:
    """Print one figure against the peer's, and record it for the summary table."""
    target_text = "reported" if target is None else f"<= {target:g}x"
    print(f"  {figure:<58} {ours:>8} vs {peer:>8} = {ratio:5.2f}x  ({target_text})", flush=True)
    record(
        figure,
        ours,
        f"openapi-python-client {peer}",
        f"{ratio:.2f}x",
        target_text,
        None if target is None else ratio <= target,
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
        print(
            "generation, medians of whole-process runs (ours vs openapi-python-client 0.29.1)",
            flush=True,
        )

        def cold(spec: Path, *extra: str) -> Callable[[], float]:
            def run() -> float:
                shutil.rmtree(work.cache, ignore_errors=True)
                return timed(work.ours(spec, *extra), env)

            return run

        def after_edit(spec: Path) -> Callable[[], float]:
            def run() -> float:
                work.edit(spec)
                return timed(work.ours(spec), env)

            return run

        def peer(spec: Path) -> Callable[[], float]:
            return lambda: timed(work.peer(spec), env)

        compare("spec/openapi.yaml, cold (black)", cold(primotexto), peer(primotexto), 5, 0.75)
        compare(
            "spec/openapi.yaml, cold, --formatter ruff",
            cold(primotexto, "--formatter", "ruff"),
            peer(primotexto),
            5,
            None,
        )
        timed(work.ours(primotexto), env)  # warm the cache
        compare(
            "spec/openapi.yaml, one-line description edit",
            after_edit(primotexto),
            peer(primotexto),
            7,
            0.3,
        )
        timed(work.ours(twilio), env)  # warm the cache (black, once)
        compare("twilio, one-line description edit", after_edit(twilio), peer(twilio), 5, 0.3)
        compare("twilio, cold (black)", cold(twilio), peer(twilio), 5, 1.0)
        compare(
            "twilio, cold, --formatter ruff",
            cold(twilio, "--formatter", "ruff"),
            peer(twilio),
            3,
            None,
        )
        kubernetes = work.copy(KUBERNETES)
        compare("kubernetes apps/v1, cold (black)", cold(kubernetes), peer(kubernetes), 5, 1.0)
        print("peak memory, whole process tree (PSS), the largest of 3 runs", flush=True)
        peer_kb = max(peak_memory_kb(work.peer(twilio), env) for _ in range(3))
        for label, extra, target in (
            ("twilio, black", (), 1.5),
            ("twilio, --formatter ruff", ("--formatter", "ruff"), None),
        ):
            ours_kb = max(_cold_memory(work, twilio, extra) for _ in range(3))
            report(
                f"peak memory generating {label}",
                f"{ours_kb / 1024:.0f} MB",
                f"{peer_kb / 1024:.0f} MB",
                ours_kb / peer_kb,
                target,
            )
    return 0


def _cold_memory(work: Workspace, spec: Path, extra: tuple[str, ...]) -> int:
    shutil.rmtree(work.cache, ignore_errors=True)
    return peak_memory_kb(work.ours(spec, *extra), work.environment)


if __name__ == "__main__":
    raise SystemExit(main())
