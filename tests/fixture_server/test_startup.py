"""The server refuses to start on a recording the API description contradicts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.errors import SpecError
from generator.fixture_server import FixtureServer

from .support import MESSAGES_SPEC


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _refusal(recordings: Path) -> SpecError:
    with pytest.raises(SpecError) as caught:
        FixtureServer(MESSAGES_SPEC, recordings)
    return caught.value


def test_wrong_response_type_names_file_line_and_pointer(recordings_copy: Path) -> None:
    target = recordings_copy / "sendMessage-1.yaml"
    _edit(target, "creditsUsed: 1.0", 'creditsUsed: "1"')
    error = _refusal(recordings_copy)
    assert len(error.problems) == 1
    problem = error.problems[0]
    assert problem.location.file == target
    assert problem.location.pointer == "/response/body/creditsUsed"
    lines = target.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "creditsUsed" in text)
    assert problem.location.line == line
    assert str(problem) == (
        f"{target}:{line}:18: /response/body/creditsUsed: error: type: '1' is not of type 'number'"
    )


def test_unknown_operation_id(recordings_copy: Path) -> None:
    target = recordings_copy / "search-1.yaml"
    _edit(target, "operationId: search", "operationId: serach")
    problem = _refusal(recordings_copy).problems[0]
    assert problem.location.file == target
    assert problem.location.pointer == "/operationId"
    assert (problem.location.line, problem.location.column) == (1, 14)
    assert "unknown operationId 'serach'" in problem.message
    assert "did you mean search" in problem.message


def test_path_or_method_of_another_operation(recordings_copy: Path) -> None:
    target = recordings_copy / "search-1.yaml"
    _edit(target, "path: /search", "path: /items/3")
    problem = _refusal(recordings_copy).problems[0]
    assert problem.location.pointer == "/request/path"
    assert "is operation 'getItem'" in problem.message

    _edit(target, "path: /items/3", "path: /v2/search")
    problem = _refusal(recordings_copy).problems[0]
    assert "matches no path" in problem.message and "relative to" in problem.message

    _edit(target, "path: /v2/search", "path: /search")
    _edit(target, "method: GET", "method: PATCH")
    problem = _refusal(recordings_copy).problems[0]
    assert problem.location.pointer == "/request/method"


def test_request_must_conform_too(recordings_copy: Path) -> None:
    _edit(recordings_copy / "sendMessage-1.yaml", 'number: "+33600000000"', "number: 33")
    _edit(recordings_copy / "search-1.yaml", 'page: "2"', "page: two")
    _edit(recordings_copy / "getItem-1.yaml", "path: /items/42", "path: /items/0")
    problems = {
        (p.location.file.name, p.location.pointer, p.message.split(":")[0])
        for p in _refusal(recordings_copy).problems
    }
    assert problems == {
        ("sendMessage-1.yaml", "/request/body/number", "type"),
        ("search-1.yaml", "/request/query/page", "type"),
        ("getItem-1.yaml", "/request/path", "minimum"),
    }


def test_undeclared_status_and_missing_response_header(recordings_copy: Path) -> None:
    _edit(recordings_copy / "getItem-1.yaml", 'X-Rate-Remaining: "99"', "X-Other: x")
    _edit(recordings_copy / "deleteItem-1.yaml", "status: 204", "status: 200")
    problems = {
        (p.location.file.name, p.location.pointer, p.message.split(":")[0])
        for p in _refusal(recordings_copy).problems
    }
    assert problems == {
        ("getItem-1.yaml", "/response/headers", "required"),
        ("deleteItem-1.yaml", "/response/status", "responses"),
    }


def test_unredacted_credentials_are_refused(recordings_copy: Path) -> None:
    _edit(
        recordings_copy / "sendMessage-1.yaml",
        "X-Api-Key: <redacted>",
        "X-Api-Key: 0123456789abcdef0123456789abcdef",
    )
    _edit(recordings_copy / "sendMessageByQuery-1.yaml", "apiKey: <redacted>", "apiKey: abc")
    problems = _refusal(recordings_copy).problems
    assert {(p.location.file.name, p.location.pointer) for p in problems} == {
        ("sendMessage-1.yaml", "/request/headers/X-Api-Key"),
        ("sendMessageByQuery-1.yaml", "/request/query/apiKey"),
    }
    for problem in problems:
        assert "0123456789abcdef" not in str(problem)
        assert problem.message.startswith("secret:")


def test_duplicate_requests_are_refused(recordings_copy: Path) -> None:
    source = recordings_copy / "search-1.yaml"
    text = source.read_text(encoding="utf-8").replace("Red widget", "Another")
    (recordings_copy / "search-2.yaml").write_text(text, encoding="utf-8")
    problem = _refusal(recordings_copy).problems[0]
    assert problem.location.file.name == "search-2.yaml"
    assert "same as in search-1.yaml" in problem.message


def test_every_problem_is_reported_at_once(recordings_copy: Path) -> None:
    _edit(recordings_copy / "sendMessage-1.yaml", "creditsUsed: 1.0", 'creditsUsed: "1"')
    _edit(recordings_copy / "search-1.yaml", "operationId: search", "operationId: nope")
    (recordings_copy / "broken.yaml").write_text("request: [\n", encoding="utf-8")
    problems = _refusal(recordings_copy).problems
    assert [p.location.file.name for p in problems] == [
        "broken.yaml",
        "search-1.yaml",
        "sendMessage-1.yaml",
    ]
    for problem in problems:
        assert re.match(r".+\.yaml:\d+:\d+: /", str(problem))
