"""The README's section on the fixture server: its Python example runs as written."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from .support import PROJECT


def _section_blocks() -> list[str]:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## The fixture server\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.DOTALL)


def test_the_in_process_example_runs() -> None:
    [block] = _section_blocks()
    environment = {**os.environ, "PYTHONPATH": str(PROJECT / "generated")}
    environment.pop("PRIMOTEXTO_BASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", block],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "279 credits left",
        "no recording of that request: the fixture server's 404, not the API's",
    ]
