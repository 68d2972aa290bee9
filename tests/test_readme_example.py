"""The README's end-to-end example runs, unchanged, against the recorded fixture server."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from generator.fixture_server import FixtureServer

from .conftest import ROOT, SPEC


def readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- example: end-to-end -->\n```python\n(.*?)```", readme, re.DOTALL)
    assert match, "the README has lost its end-to-end example"
    return match.group(1)


def test_readme_example_runs_against_the_fixture_server() -> None:
    with FixtureServer(SPEC, SPEC.parent / "recordings") as server:
        environment = {
            **os.environ,
            "PYTHONPATH": str(ROOT / "generated"),
            "PRIMOTEXTO_API_KEY": "readme-example-key",
            "PRIMOTEXTO_BASE_URL": server.base_url,
        }
        result = subprocess.run(
            [sys.executable, "-c", readme_example()],
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        used = {name for name, count in server.used.items() if count}
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["message 386479: submitted", "279 credits left"]
    assert used == {
        "sendNotificationMessage-vendor-example.yaml",
        "getMessageStatus-by-snapshot-id.yaml",
        "getAccountStats-vendor-example.yaml",
    }
