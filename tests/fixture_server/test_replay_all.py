"""Every recording replays when its own request is sent (test specs and the Primotexto spec)."""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest

from generator.errors import SpecError
from generator.fixture_server import REDACTED, FixtureServer, Recording
from generator.fixture_server.spec import Operation

from .support import (
    LEGACY_RECORDINGS,
    LEGACY_SPEC,
    MESSAGES_RECORDINGS,
    MESSAGES_SPEC,
    PRIMOTEXTO_RECORDINGS,
    PRIMOTEXTO_SPEC,
)

TEST_KEY = "test-key-0000"


def _request(recording: Recording, operation: Operation) -> tuple[str, dict[str, str], bytes]:
    """The recording's request with placeholder credentials: (path+query, headers, body)."""
    headers = {k: v for k, v in recording.request_headers.items() if REDACTED not in v}
    query = [
        (name, value)
        for name, values in recording.query.items()
        for value in values
        if value != REDACTED
    ]
    for scheme in operation.security[0] if operation.security else ():
        if scheme.type == "apiKey" and scheme.location == "header":
            headers[scheme.param_name or ""] = TEST_KEY
        elif scheme.type == "apiKey" and scheme.location == "query":
            query.append((scheme.param_name or "", TEST_KEY))
        elif scheme.type == "apiKey":
            headers["Cookie"] = f"{scheme.param_name}={TEST_KEY}"
        elif scheme.scheme == "basic":
            headers["Authorization"] = "Basic " + base64.b64encode(b"user:pass").decode()
        else:
            headers["Authorization"] = f"Bearer {TEST_KEY}"
    body = b""
    if recording.has_request_body:
        content_type = next(
            (v for k, v in headers.items() if k.lower() == "content-type"), "application/json"
        )
        value = recording.request_body
        if "form-urlencoded" in content_type:
            body = urlencode(value, doseq=True).encode()
        elif isinstance(value, str) and "json" not in content_type:
            body = value.encode()
        else:
            body = json.dumps(value).encode()
    target = recording.path + ("?" + urlencode(query) if query else "")
    return target, headers, body


def _replay_everything(server: FixtureServer) -> None:
    with httpx.Client(base_url=server.base_url, timeout=5) as client:
        for recording in server.recordings:
            operation = server.api.operation(recording.operation_id)
            assert operation is not None
            target, headers, body = _request(recording, operation)
            response = client.request(recording.method, target, headers=headers, content=body)
            assert response.status_code == recording.status, (recording.name, response.text)
            if recording.has_response_body and isinstance(recording.response_body, dict | list):
                assert response.json() == recording.response_body
            for name, value in recording.response_headers.items():
                assert response.headers[name] == value
    server.assert_all_used()


@pytest.mark.parametrize(
    ("spec", "recordings"),
    [(MESSAGES_SPEC, MESSAGES_RECORDINGS), (LEGACY_SPEC, LEGACY_RECORDINGS)],
    ids=["messages", "legacy30"],
)
def test_test_recordings_replay(spec: Path, recordings: Path) -> None:
    with FixtureServer(spec, recordings) as server:
        _replay_everything(server)


primotexto = pytest.mark.skipif(not PRIMOTEXTO_SPEC.exists(), reason="spec/openapi.yaml not yet")


@primotexto
def test_primotexto_recordings_replay() -> None:
    with FixtureServer(PRIMOTEXTO_SPEC, PRIMOTEXTO_RECORDINGS) as server:
        names = {r.name for r in server.recordings}
        assert "sendNotificationMessage-vendor-example.yaml" in names
        _replay_everything(server)


@primotexto
def test_primotexto_vendor_example_exactly() -> None:
    with (
        FixtureServer(PRIMOTEXTO_SPEC, PRIMOTEXTO_RECORDINGS) as server,
        httpx.Client(base_url=server.base_url, timeout=5) as client,
    ):
        assert server.base_url.endswith("/v2")
        body = {
            "number": "+33600000000",
            "message": "Code de confirmation: 283951",
            "sender": "YourCompany",
            "campaignName": "Code de confirmation",
            "category": "codeConfirmation",
            "date": 1398177000000,
        }
        response = client.post(
            "/notification/messages/send", json=body, headers={"X-Primotexto-ApiKey": "0" * 32}
        )
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json;charset=UTF-8"
        assert response.content == b'{"creditsUsed":1.0,"snapshotId":"386479"}'
        # The samples that send `identifier` instead of `number` are told what is wrong.
        body["identifier"] = body.pop("number")
        response = client.post(
            "/notification/messages/send", json=body, headers={"X-Primotexto-ApiKey": "0" * 32}
        )
        assert response.status_code == 400
        detail = response.json()["detail"]
        assert '-  "number": "+33600000000",' in detail
        assert '+  "identifier": "+33600000000",' in detail
        response = client.post("/notification/messages/send", json=body)
        assert response.status_code == 401
        assert "X-Primotexto-ApiKey" in response.headers["www-authenticate"]


@primotexto
def test_primotexto_refuses_a_string_credits_used(tmp_path: Path) -> None:
    copy = tmp_path / "recordings"
    shutil.copytree(PRIMOTEXTO_RECORDINGS, copy)
    target = copy / "sendNotificationMessage-vendor-example.yaml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("creditsUsed: 1.0", 'creditsUsed: "1"'), encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        FixtureServer(PRIMOTEXTO_SPEC, copy)
    [problem] = caught.value.problems
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "creditsUsed" in t)
    assert str(problem).startswith(f"{target}:{line}:18: /response/body/creditsUsed: error: type:")
