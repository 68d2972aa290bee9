"""An independent check: schemathesis drives the fixture server from the API description.

schemathesis (pinned, test-only) generates requests from `spec/openapi.yaml` in all its
phases (explicit examples, coverage, fuzzing and the stateful phase that chains calls
through the document's links), with every check on, a fixed seed and a bounded number of
examples per operation. The fixture server must never answer 5xx nor fail to answer; the
only failure classes allowed are those below, each expected of a replay server.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.fixture_server import FixtureServer

from .support import PRIMOTEXTO_RECORDINGS, PRIMOTEXTO_SPEC

# Failure classes (schemathesis codes) the fixture server shows by design: why, and a
# check that each failure of the class is of that kind and no other.
EXPECTED_FAILURES: dict[str, tuple[str, Callable[[dict[str, Any]], bool]]] = {
    "ST401": (
        "API accepts invalid authentication: the fixture server holds no real keys, so it "
        "checks that a credential is present and never its value; any non-empty key passes",
        lambda response: True,
    ),
    "ST105": (
        "Undocumented Content-Type: the fixture server's own answers (no matching "
        "recording, a request the description refuses) are application/problem+json, "
        "marked X-Fixture-Server, which the API description does not declare",
        lambda response: _own_answer(response)
        and response["headers"]["content-type"] == ["application/problem+json"],
    ),
    "ST202": (
        "Schema-valid request rejected: a recording replays the API's own refusal of a "
        "schema-valid request (e.g. code 15, the contact is already in the list), a "
        "refusal for reasons no schema states",
        lambda response: not _own_answer(response),
    ),
}
SERVER_ERRORS = {"ST101", "ST102"}  # any 5xx, or a 5xx with an undeclared content type
SEED = 14
EXAMPLES = 3


def _schemathesis(base_url: str, report: Path) -> dict[str, Any]:
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "run",
        str(PRIMOTEXTO_SPEC),
        "--url",
        base_url,
        "--checks",
        "all",
        "--phases",
        "examples,coverage,fuzzing,stateful",
        "--seed",
        str(SEED),
        "--max-examples",
        str(EXAMPLES),
        "--workers",
        "1",
        "--generation-database",
        "none",
        "--generation-with-security-parameters",
        "false",
        "--header",
        "X-Primotexto-ApiKey: schemathesis-test-key",
        "--request-timeout",
        "30",
        "--report",
        "json,ndjson",
        "--report-json-path",
        str(report / "run.json"),
        "--report-ndjson-path",
        str(report / "events.ndjson"),
        "--no-color",
    ]
    # In a fresh folder: schemathesis keeps a cache of past failures in its working
    # directory and would replay them first, so runs would depend on earlier ones.
    run = subprocess.run(
        command, cwd=report, capture_output=True, text=True, check=False, timeout=600
    )
    if not (report / "run.json").exists():
        pytest.fail(f"schemathesis wrote no report (exit {run.returncode}):\n{run.stdout[-4000:]}")
    data: dict[str, Any] = json.loads((report / "run.json").read_text(encoding="utf-8"))
    data["output"] = run.stdout
    return data


def _failed_checks(events: Path) -> Iterator[tuple[str, dict[str, Any] | None]]:
    """(failure code, the response that failed the check) for every failed check."""
    with events.open(encoding="utf-8") as lines:
        for line in lines:
            finished = json.loads(line).get("ScenarioFinished")
            if finished is None:
                continue
            recorder = finished["recorder"]
            for case_id, checks in recorder.get("checks", {}).items():
                for check in checks:
                    info = check.get("failure_info")
                    if check["status"] != "failure" or not info:
                        continue
                    interaction = recorder.get("interactions", {}).get(case_id) or {}
                    yield info["failure"]["code"], interaction.get("response")


def _own_answer(response: dict[str, Any]) -> bool:
    return "x-fixture-server" in response["headers"]


@pytest.mark.skipif(not PRIMOTEXTO_SPEC.exists(), reason="spec/openapi.yaml not yet")
def test_schemathesis_finds_only_the_expected_failure_classes(tmp_path: Path) -> None:
    with FixtureServer(PRIMOTEXTO_SPEC, PRIMOTEXTO_RECORDINGS) as server:
        report = _schemathesis(server.base_url, tmp_path)
    output = report["output"][-6000:]
    assert report["complete"] and report["stop_reason"] == "completed", output
    assert report["errors"] == [], output  # a request that got no answer would be here
    assert report["operations"]["tested"] == report["operations"]["total"], output
    assert report["phases"]["stateful"]["skip_reason"] is None, output
    codes = {failure["code"] for failure in report["failures"]}
    assert not SERVER_ERRORS & codes, output
    assert codes <= EXPECTED_FAILURES.keys(), output
    checked = 0
    for code, response in _failed_checks(tmp_path / "events.ndjson"):
        assert response is not None, f"{code} without a response:\n{output}"
        reason, expected = EXPECTED_FAILURES[code]
        assert expected(response), f"{code} is not of the expected kind ({reason}): {response}"
        checked += 1
    assert checked >= len(codes)
