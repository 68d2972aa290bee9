"""`make bench`: every performance figure, each as a ratio against a baseline measured in
the same run (medians of several runs; these machines are noisy, so tests never time)."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ("fixture_server_bench.py", "import_bench.py")


def main() -> int:
    sys.path.insert(0, str(HERE.parent))
    for name in BENCHMARKS:
        print(f"== {name}", flush=True)
        runpy.run_path(str(HERE / name), run_name="__main__")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
