"""Import time of generated packages: whole-process medians, against `import httpx`.

Generates the Primotexto client and the Twilio client (the largest shared document)
into a temporary folder, then times `python -c "import <package>"` in fresh processes,
alternating with the baseline so that machine noise hits both alike.
"""

from __future__ import annotations

import compileall
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator import write
from generator.pipeline import generate

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import record

ROOT = Path(__file__).resolve().parent.parent
RUNS = 15


def _import_seconds(statement: str, folder: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", statement], cwd=folder, check=True)
    return time.perf_counter() - start


def main() -> int:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        documents = {
            "primotexto": ROOT / "spec" / "openapi.yaml",
            "twilio": ROOT.parent / "shared" / "specs" / "twilio_api_v2010.json",
        }
        for package, spec in documents.items():
            out = folder / package
            files = generate(spec, out, package_name=package, lenient=True, formatter="ruff")
            write.apply(out, write.plan(out, files.files))
            # Compiled, as installing a package compiles it: with PYTHONDONTWRITEBYTECODE
            # set, every run would otherwise compile it again.
            compileall.compile_dir(out, quiet=1)
        baseline: list[float] = []
        measured: dict[str, list[float]] = {package: [] for package in documents}
        for _ in range(RUNS):
            baseline.append(_import_seconds("import httpx", folder))
            for package in documents:
                measured[package].append(
                    _import_seconds(f"import httpx, {package}", folder / package)
                )
        python = statistics.median(_import_seconds("pass", folder) for _ in range(RUNS))
        httpx_median = statistics.median(baseline)
        print(
            f"whole-process medians of {RUNS} runs (python startup alone: {python * 1000:.0f} ms)"
        )
        print(f"  import httpx                     {httpx_median * 1000:6.0f} ms  (baseline)")
        for package, times in measured.items():
            median = statistics.median(times)
            extra = (median - httpx_median) * 1000
            print(
                f"  import httpx, {package:<18} {median * 1000:6.0f} ms  "
                f"= httpx + {extra:.0f} ms = {median / httpx_median:.2f}x"
            )
            record(
                f"import {package}",
                f"{median * 1000:.0f} ms",
                f"import httpx {httpx_median * 1000:.0f} ms",
                f"httpx {extra:+.0f} ms",
                "<= httpx + 30 ms",
                extra <= 30,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
