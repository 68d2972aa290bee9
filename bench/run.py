"""`make bench`: every performance figure, each as a ratio against a baseline measured in
the same run (medians of several runs; these machines are noisy, so tests never time)."""

from __future__ import annotations

import compileall
import os
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ("fixture_server_bench.py", "import_bench.py", "call_bench.py", "generate_bench.py")
# `run.py --large` (make bench-large): the largest documents, minutes of generation each.
LARGE_BENCHMARKS = ("generate_large_bench.py",)


def main() -> int:
    sys.path.insert(0, str(HERE.parent))
    sys.path.insert(0, str(HERE))
    from results import table

    # The generator's modules compiled, as an installation has them (pip compiles on
    # install, and so does the peer's): in a checkout run with PYTHONDONTWRITEBYTECODE,
    # every run would otherwise compile the modules changed since their last bytecode.
    compileall.compile_dir(HERE.parent / "generator", quiet=1)

    failed = 0
    for name in LARGE_BENCHMARKS if "--large" in sys.argv[1:] else BENCHMARKS:
        print(f"== {name}", flush=True)
        try:
            runpy.run_path(str(HERE / name), run_name="__main__")
        except SystemExit as exit_:  # each benchmark ends as a script does
            if isinstance(exit_.code, str):
                print(exit_.code, file=sys.stderr, flush=True)
            failed += exit_.code not in (None, 0)
    print("\n== summary: every figure against its baseline measured in this run", flush=True)
    print(table())
    load = os.getloadavg()
    print(
        f"load average at the end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}",
        f"on {os.cpu_count()} cores",
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
