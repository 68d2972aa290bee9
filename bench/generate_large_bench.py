"""`make bench-large`: generating the largest common documents, against openapi-python-client.

OpenAI (288 operations, 1,422 schemas) and GitHub (1,223 operations, 13 MB): cold
generation with the default formatter, and the peak memory of the whole process
tree, each a median (time) or the largest (memory) of 3 runs, ours and the
peer's alternating, as in `generate_bench.py`. Both generators run in lenient
mode where they have one (the peer skips what it cannot generate, and says so).
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_bench import (
    PEER_BIN,
    SHARED,
    Workspace,
    compare,
    peak_memory_kb,
    report,
    timed,
)

DOCUMENTS = (("openai", SHARED / "openai.yaml"), ("github", SHARED / "github.json"))
RUNS = 3


def main() -> int:
    if not (PEER_BIN / "openapi-python-client").exists():
        print(f"openapi-python-client not found in {PEER_BIN}: run make bench", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as temporary:
        work = Workspace(Path(temporary))
        env = work.environment
        print("large documents, cold, default formatter (medians of 3, alternating)", flush=True)
        for label, source in DOCUMENTS:
            spec = work.copy(source)

            def cold(spec: Path = spec) -> float:
                shutil.rmtree(work.cache, ignore_errors=True)
                return timed(work.ours(spec), env)

            def peer(spec: Path = spec) -> float:
                return timed(work.peer(spec), env)

            compare(f"{label}, cold (black)", cold, peer, RUNS, 1.0)
            ours: list[int] = []
            theirs: list[int] = []
            for _ in range(RUNS):
                shutil.rmtree(work.cache, ignore_errors=True)
                ours.append(peak_memory_kb(work.ours(spec), env))
                theirs.append(peak_memory_kb(work.peer(spec), env))
            report(
                f"peak memory generating {label}, black",
                f"{max(ours) / 1024:.0f} MB",
                f"{max(theirs) / 1024:.0f} MB",
                max(ours) / max(theirs),
                1.5,
            )
            print(
                f"  (memory medians: ours {statistics.median(ours) / 1024:.0f} MB, "
                f"peer {statistics.median(theirs) / 1024:.0f} MB)",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
