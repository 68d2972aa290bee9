"""Bounded work and answers whatever the request; lone surrogates never give a 500.

How long the server takes and how much memory it uses are the benchmark's business
(`bench/fixture_server_bench.py`); here: the statuses, sizes and what a cut answer says.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from generator.fixture_server import FixtureServer
from generator.fixture_server.contract import Violation
from generator.fixture_server.messages import MAX_JSON_VALUES, MAX_PROBLEM_BYTES
from generator.fixture_server.problems import MAX_VALIDATION_ENTRIES, problem_response

from .support import KEY, SEND_BODY

JSON = {**KEY, "Content-Type": "application/json"}


@pytest.fixture(params=["socket", "in-process"])
def http(request: pytest.FixtureRequest, server: FixtureServer) -> Iterator[httpx.Client]:
    """A client of the shared server, over a socket and in-process alike."""
    if request.param == "socket":
        client = httpx.Client(base_url=server.base_url, timeout=30)
    else:
        client = httpx.Client(base_url="http://api.test/v2", transport=server.transport())
    with client:
        yield client


def _problem(response: httpx.Response) -> dict[str, Any]:
    assert response.headers["content-type"] == "application/problem+json"
    assert len(response.content) <= MAX_PROBLEM_BYTES
    problem: dict[str, Any] = json.loads(response.content.decode("utf-8"))
    return problem


def test_the_amplification_request_is_refused_small(http: httpx.Client) -> None:
    """~900 kB of `[0, 0, ...]` beside the vendor's fields: once 4 MB of diff, now a 413."""
    raw = json.dumps({**SEND_BODY, "extra": [0] * 450_000}, separators=(",", ":")).encode()
    assert 800_000 < len(raw) < 1024 * 1024  # under the size limit: the count limit applies
    response = http.post("/messages/send", content=raw, headers=JSON)
    assert response.status_code == 413
    problem = _problem(response)
    assert problem["type"] == "urn:fixture-server:problem:body-too-large"
    assert problem["validation"][0]["rule"] == "maxJsonValues"
    assert f"more than {MAX_JSON_VALUES:,} values" in problem["detail"]


def test_a_large_body_within_the_limits_gets_a_cut_diff(http: httpx.Client) -> None:
    body = {**SEND_BODY, "extra": [0] * (MAX_JSON_VALUES - 100)}
    response = http.post("/messages/send", content=json.dumps(body).encode(), headers=JSON)
    assert response.status_code == 404
    problem = _problem(response)
    assert problem["nearestRecording"] == "sendMessage-1.yaml"
    assert "[diff cut: only the first 200 lines of each side are compared" in problem["detail"]
    assert len(problem["validation"]) <= 20


def test_a_huge_string_is_cut_in_messages_and_diffs(http: httpx.Client) -> None:
    body = {**SEND_BODY, "sender": "x" * 900_000}
    response = http.post("/messages/send", content=json.dumps(body).encode(), headers=JSON)
    assert response.status_code == 400
    problem = _problem(response)
    assert {v["pointer"] for v in problem["validation"]} == {"/sender"}
    assert all(len(v["message"]) <= 300 for v in problem["validation"])
    assert "[...]" in problem["detail"]  # the diff line holding the string is cut


def test_problem_documents_stay_within_the_limit() -> None:
    violations = [Violation("body", f"/{i}" * 300, "type", "m" * 300) for i in range(5000)]
    response = problem_response(400, "request-validation", "Bad Request", "d" * 10**6, violations)
    assert len(response.body) <= MAX_PROBLEM_BYTES
    problem = json.loads(response.body)
    assert len(problem["validation"]) <= MAX_VALIDATION_ENTRIES
    assert "truncated" in problem
    assert problem["detail"].endswith("[...cut]")
    assert all(len(v["pointer"]) <= 510 for v in problem["validation"])


SURROGATE_BODIES = {
    "in a recorded field": {**SEND_BODY, "message": "\ud800"},
    "in a field no recording has": {**SEND_BODY, "campaignName": "x\udfff"},
    "as an object key": {**SEND_BODY, "\ud800": 1},
    "in a field with a pattern": {**SEND_BODY, "sender": "\ud800abc"},
}


@pytest.mark.parametrize("body", SURROGATE_BODIES.values(), ids=SURROGATE_BODIES.keys())
def test_lone_surrogates_get_a_valid_problem_not_a_500(
    http: httpx.Client, body: dict[str, Any]
) -> None:
    raw = json.dumps(body).encode()  # "\ud800" escaped: valid JSON, not valid Unicode
    response = http.post("/messages/send", content=raw, headers=JSON)
    assert response.status_code in (400, 404)
    problem = _problem(response)  # decodes as UTF-8 and parses as JSON
    assert problem["type"] != "urn:fixture-server:problem:malformed-request"
    assert problem["type"] != "urn:fixture-server:problem:internal-error"


def test_a_surrogate_in_the_problem_is_a_json_escape() -> None:
    response = problem_response(404, "no-matching-recording", "No", "got \ud800 here")
    assert b"got \\ud800 here" in response.body
    assert json.loads(response.body)["detail"] == "got \ud800 here"
