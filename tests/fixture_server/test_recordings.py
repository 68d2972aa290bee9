"""Recording files: loading, shape errors with line and column, writing."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import SpecError
from generator.fixture_server.recordings import (
    dump_recording,
    load_recording,
    load_recordings,
    write_recording,
)

from .support import MESSAGES_RECORDINGS


def test_loads_every_file_sorted() -> None:
    recordings = load_recordings(MESSAGES_RECORDINGS)
    names = [r.name for r in recordings]
    assert names == sorted(names)
    first = next(r for r in recordings if r.name == "sendMessage-1.yaml")
    assert first.operation_id == "sendMessage"
    assert first.method == "POST" and first.path == "/messages/send"
    assert first.request_body["date"] == 1398177000000
    assert first.response_headers == {"Content-Type": "application/json;charset=UTF-8"}
    assert first.response_body == {"creditsUsed": 1.0, "snapshotId": "386479"}
    assert first.source == MESSAGES_RECORDINGS / "sendMessage-1.yaml"
    search = next(r for r in recordings if r.name == "search-1.yaml")
    assert search.query == {"q": ["widgets"], "tag": ["red", "blue"], "page": ["2"]}
    delete = next(r for r in recordings if r.name == "deleteItem-1.yaml")
    assert not delete.has_request_body and not delete.has_response_body


def test_shape_errors_name_file_line_and_pointer(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(
        "operationId: x\n"
        "provenance: ''\n"
        "volatile: [/headers/Date]\n"
        "request:\n"
        "  method: FETCH\n"
        "  path: /a?b=1\n"
        "  headers: {Bad Name: x}\n"
        "  extra: 1\n"
        "response:\n"
        "  status: 999\n",
        encoding="utf-8",
    )
    with pytest.raises(SpecError) as caught:
        load_recording(path)
    lines = str(caught.value).splitlines()
    expected = [
        f"{path}:2:13: /provenance",
        f"{path}:3:12: /volatile/0",
        f"{path}:5:11: /request/method",
        f"{path}:6:9: /request/path",
        f"{path}:7:23: /request/headers/Bad Name",
        f"{path}:8:10: /request/extra",
        f"{path}:10:11: /response/status",
    ]
    for prefix in expected:
        assert any(line.startswith(prefix) for line in lines), (prefix, lines)


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("operationId: [\n", encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load_recordings(tmp_path)
    assert str(caught.value).startswith(f"{path}:2:")


def test_missing_folder() -> None:
    with pytest.raises(SpecError, match="recordings folder not found"):
        load_recordings(Path("does-not-exist"))


def test_write_never_overwrites(tmp_path: Path) -> None:
    data = {
        "operationId": "send Message/odd",
        "provenance": "recorded 2026-01-01",
        "request": {"method": "POST", "path": "/a", "body": {"text": "two\nlines", "n": 1.0}},
        "response": {"status": 200, "body": {"id": "0042", "flag": "on"}},
    }
    text = dump_recording(data)
    first = write_recording(tmp_path, "send Message/odd", text)
    second = write_recording(tmp_path, "send Message/odd", text)
    assert first.name == "send-Message-odd-1.yaml"
    assert second.name == "send-Message-odd-2.yaml"
    assert first.read_text(encoding="utf-8") == text
    loaded = load_recording(first)
    # Round trip: strings that look like numbers or booleans stay strings.
    assert loaded.response_body == {"id": "0042", "flag": "on"}
    assert loaded.request_body == {"text": "two\nlines", "n": 1.0}
