"""Matching requests to recordings, and the diff to the nearest one."""

from __future__ import annotations

from generator.fixture_server.matching import Matcher, View, distance
from generator.fixture_server.recordings import load_recordings
from generator.fixture_server.verify import Checked, candidates, request_view

from .support import MESSAGES_RECORDINGS, SEND_BODY


def _matcher() -> Matcher:
    recordings = [
        r for r in load_recordings(MESSAGES_RECORDINGS) if r.operation_id == "sendMessage"
    ]
    checked = [Checked(r, request_view(r, frozenset())) for r in recordings]
    return Matcher(candidates(checked)["sendMessage"])


def _view(body: object) -> View:
    return View("POST", "/messages/send", {}, True, body)


def test_key_order_and_numbers_do_not_matter() -> None:
    matcher = _matcher()
    reordered = dict(reversed(list(SEND_BODY.items())))
    found = matcher.find(_view(reordered).flat())
    assert found is not None and found.name == "sendMessage-1.yaml"
    # 1398177000000 and 1398177000000.0 are the same JSON number
    found = matcher.find(_view({**SEND_BODY, "date": 1398177000000.0}).flat())
    assert found is not None and found.name == "sendMessage-1.yaml"


def test_types_are_not_confused() -> None:
    left = _view({"a": True}).flat()
    assert distance(left, _view({"a": 1}).flat()) == 1
    assert distance(left, _view({"a": "true"}).flat()) == 1
    assert distance(_view({"a": []}).flat(), _view({"a": {}}).flat()) == 1
    assert distance(_view({"a": None}).flat(), _view({}).flat()) == 2


def test_volatile_fields_are_ignored() -> None:
    matcher = _matcher()
    for date in (1, 1700000000000, None):
        body: dict[str, object] = {"number": "0600000000", "message": "Later"}
        if date is not None:
            body["date"] = date
        found = matcher.find(_view(body).flat())
        assert found is not None and found.name == "sendMessage-scheduled.yaml"
    assert matcher.find(_view({"number": "0600000000", "message": "Other"}).flat()) is None


def test_nearest_recording_diff() -> None:
    matcher = _matcher()
    body = dict(SEND_BODY)
    body["identifier"] = body.pop("number")
    view = _view(body)
    nearest = matcher.nearest(view, view.flat())
    assert nearest is not None
    assert nearest.recording.name == "sendMessage-1.yaml"
    assert nearest.distance == 2
    lines = nearest.diff.splitlines()
    assert lines[0] == "--- recording sendMessage-1.yaml"
    assert lines[1] == "+++ request"
    assert '-  "number": "+33600000000",' in lines
    assert '+  "identifier": "+33600000000",' in lines
    assert {(v.location, v.pointer) for v in nearest.differences} == {
        ("body", "/identifier"),
        ("body", "/number"),
    }


def test_volatile_values_are_masked_in_the_diff() -> None:
    matcher = _matcher()
    view = _view({"number": "0600000000", "message": "Later!", "date": 5})
    nearest = matcher.nearest(view, view.flat())
    assert nearest is not None and nearest.recording.name == "sendMessage-scheduled.yaml"
    assert '   "date": "<volatile>",' in nearest.diff.splitlines()
    assert '+  "message": "Later!",' in nearest.diff.splitlines()
