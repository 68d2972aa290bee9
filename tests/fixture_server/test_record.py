"""Record mode against local fake upstreams (127.0.0.1 only; the real API is never reached)."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

import httpx
import pytest

from generator.fixture_server import FixtureServer, RecordingProxy
from generator.fixture_server.recordings import load_recording

from .support import MESSAGES_SPEC, SEND_BODY

CLIENT_KEY = "c0ffee00c0ffee00c0ffee00c0ffee00"
ENV_KEY = "e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1"


Echo = Callable[[str], tuple[int, dict[str, str], bytes]]


class Upstream:
    """A fake API: records what it received and answers as `mode` (or `echo`) says."""

    def __init__(self, mode: str, echo: Echo | None = None) -> None:
        self.mode = mode
        self.echo = echo
        self.received: list[dict[str, Any]] = []
        upstream = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                upstream.received.append(
                    {
                        "method": self.command,
                        "path": self.path,
                        "headers": dict(self.headers),
                        "body": body,
                    }
                )
                key = self.headers.get("X-Api-Key") or ""
                status, headers, data = (upstream.echo or upstream.answer)(key)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = _answer
            do_POST = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def answer(self, key: str) -> tuple[int, dict[str, str], bytes]:
        """The answer of `mode`: the key echoed in an error, drifted types, or the normal one."""
        if self.mode == "echo":
            payload: Any = {"code": 72, "error": f"unknown key {key}"}
            status = 401
        elif self.mode == "drift":
            payload = {"creditsUsed": "1", "snapshotId": 386479}
            status = 200
        else:
            payload = {"creditsUsed": 1.0, "snapshotId": "386479"}
            status = 200
        headers = {
            "Content-Type": "application/json;charset=UTF-8",
            "Set-Cookie": f"session={key}",
            "X-Internal": "node-7",
        }
        return status, headers, json.dumps(payload).encode()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v2"

    def __enter__(self) -> Upstream:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def messages(tmp_path: Path) -> Iterator[tuple[Path, list[str]]]:
    """A folder for new recordings, and the messages reported by the proxy."""
    reports: list[str] = []
    yield tmp_path / "new", reports


def test_records_a_normal_answer_without_the_key(
    messages: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, reports = messages
    monkeypatch.setenv("FIXTURE_TEST_KEY", ENV_KEY)
    with (
        Upstream("normal") as upstream,
        RecordingProxy(
            MESSAGES_SPEC,
            folder,
            upstream=upstream.url,
            key_env="FIXTURE_TEST_KEY",
            report=reports.append,
        ) as proxy,
        httpx.Client(base_url=proxy.base_url, timeout=10) as client,
    ):
        response = client.post(
            "/messages/send",
            json=SEND_BODY,
            headers={"X-Api-Key": CLIENT_KEY, "User-Agent": "tests"},
        )
        assert response.status_code == 200
        assert response.json() == {"creditsUsed": 1.0, "snapshotId": "386479"}
        assert response.headers["x-fixture-recording"] == "sendMessage-1.yaml"
        response = client.get(
            "/messages/send",
            params={"apiKey": CLIENT_KEY, "identifier": "+33600000000", "message": "Hello"},
        )
        assert response.status_code == 200
    # The upstream got the key from the environment, never the client's.
    sent = upstream.received[0]
    assert sent["path"] == "/v2/messages/send"
    assert sent["headers"]["X-Api-Key"] == ENV_KEY
    assert json.loads(sent["body"]) == SEND_BODY
    assert "apiKey=" + ENV_KEY in upstream.received[1]["path"]
    assert CLIENT_KEY not in upstream.received[1]["path"]

    assert [p.name for p in proxy.written] == ["sendMessage-1.yaml", "sendMessageByQuery-1.yaml"]
    assert proxy.refused == [] and proxy.drift == []
    for path in proxy.written:
        text = path.read_text(encoding="utf-8")
        assert CLIENT_KEY not in text and ENV_KEY not in text
        assert "Set-Cookie" not in text and "X-Internal" not in text and "User-Agent" not in text
    recording = load_recording(proxy.written[0])
    assert recording.provenance.startswith("recorded 20")
    assert recording.request_headers == {
        "Content-Type": "application/json",
        "X-Api-Key": "<redacted>",
    }
    assert recording.request_body == SEND_BODY
    assert recording.response_headers == {"Content-Type": "application/json;charset=UTF-8"}
    assert recording.response_body == {"creditsUsed": 1.0, "snapshotId": "386479"}
    by_query = load_recording(proxy.written[1])
    assert by_query.query["apiKey"] == ["<redacted>"]
    assert any("recorded POST /messages/send -> 200" in m for m in reports)

    # What was recorded replays.
    with (
        FixtureServer(MESSAGES_SPEC, folder) as server,
        httpx.Client(base_url=server.base_url, timeout=5) as client,
    ):
        response = client.post("/messages/send", json=SEND_BODY, headers={"X-Api-Key": "x"})
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json;charset=UTF-8"


def test_refuses_to_write_when_the_upstream_echoes_the_key(
    messages: tuple[Path, list[str]],
) -> None:
    folder, reports = messages
    with (
        Upstream("echo") as upstream,
        RecordingProxy(
            MESSAGES_SPEC, folder, upstream=upstream.url, report=reports.append
        ) as proxy,
        httpx.Client(base_url=proxy.base_url, timeout=10) as client,
    ):
        response = client.post("/messages/send", json=SEND_BODY, headers={"X-Api-Key": CLIENT_KEY})
        # The client still gets the upstream's answer, marked as not recorded.
        assert response.status_code == 401
        assert response.headers["x-fixture-recording"] == "refused"
    assert proxy.written == []
    assert not folder.exists() or list(folder.iterdir()) == []
    assert len(proxy.refused) == 1
    assert "credential" in proxy.refused[0] and "nothing was written" in proxy.refused[0]
    assert CLIENT_KEY not in proxy.refused[0]
    assert reports == proxy.refused


def _json(payload: Any, status: int = 401) -> tuple[int, dict[str, str], bytes]:
    return status, {"Content-Type": "application/json"}, json.dumps(payload).encode()


# Each form an upstream plausibly echoes a key in: (the key the client sends, the echo).
SPECIAL_KEY = "k3y/with+special=chars&more 0123"
LEAK_FORMS: dict[str, tuple[str, Echo]] = {
    "as sent": (CLIENT_KEY, lambda key: _json({"code": 72, "error": f"unknown key {key}"})),
    "URL-encoded": (SPECIAL_KEY, lambda key: _json({"code": 72, "error": quote(key, safe="")})),
    "form-URL-encoded": (SPECIAL_KEY, lambda key: _json({"code": 72, "error": quote_plus(key)})),
    "URL-encoded twice": (
        SPECIAL_KEY,
        lambda key: _json({"code": 72, "error": quote(quote(key, safe=""), safe="")}),
    ),
    "JSON-escaped": (
        'k"ey\\with\tescapes-0123',
        lambda key: _json({"code": 72, "error": "request was " + json.dumps({"key": key})}),
    ),
    "base64": (
        CLIENT_KEY,
        lambda key: _json({"code": 72, "error": base64.b64encode(key.encode()).decode()}),
    ),
    "base64 of user:key": (
        CLIENT_KEY,
        lambda key: _json(
            {"code": 72, "error": "Basic " + base64.b64encode(b"me:" + key.encode()).decode()}
        ),
    ),
    "base64url": (
        "key>>>???>>>???-0123456789",
        lambda key: _json(
            {"code": 72, "error": base64.urlsafe_b64encode(key.encode()).decode().rstrip("=")}
        ),
    ),
    "hex": (CLIENT_KEY, lambda key: _json({"code": 72, "error": key.encode().hex()})),
    "hex in upper case": (
        CLIENT_KEY,
        lambda key: _json({"code": 72, "error": key.encode().hex().upper()}),
    ),
    "upper case": (CLIENT_KEY, lambda key: _json({"code": 72, "error": key.upper()})),
    "lower case": ("ABCDEF0123456789ABCDEF", lambda key: _json({"code": 72, "error": key.lower()})),
    "a 12-character run": (CLIENT_KEY, lambda key: _json({"code": 72, "error": key[5:17]})),
    "split across two fields": (
        CLIENT_KEY,
        lambda key: _json({"code": 72, "error": key[:16], "message": key[16:]}),
    ),
    "in a kept response header": (
        CLIENT_KEY,
        lambda key: (201, {"Content-Type": "application/json", "Location": f"/k/{key}"}, b"{}"),
    ),
}


@pytest.mark.parametrize(("key", "echo"), LEAK_FORMS.values(), ids=LEAK_FORMS.keys())
def test_refuses_every_form_of_an_echoed_key(
    messages: tuple[Path, list[str]], key: str, echo: Echo
) -> None:
    folder, reports = messages
    with Upstream("echo", echo) as upstream:
        proxy = RecordingProxy(MESSAGES_SPEC, folder, upstream=upstream.url, report=reports.append)
        with httpx.Client(base_url="http://h/v2", transport=proxy.transport()) as client:
            response = client.post("/messages/send", json=SEND_BODY, headers={"X-Api-Key": key})
            assert response.headers["x-fixture-recording"] == "refused"
    assert proxy.written == [] and (not folder.exists() or list(folder.iterdir()) == [])
    [refusal] = proxy.refused
    assert refusal.startswith(f"not recorded: {folder / 'sendMessage-<n>.yaml'}: /response/")
    assert "header X-Api-Key" in refusal
    for part in (key, key.upper(), key.lower(), key[:12], key[-12:]):
        assert part not in refusal


def test_redacts_every_credential_name_in_every_place(messages: tuple[Path, list[str]]) -> None:
    """A query key sent to a header-secured operation, and a bearer token, are not written."""
    folder, reports = messages
    with Upstream("normal") as upstream:
        proxy = RecordingProxy(MESSAGES_SPEC, folder, upstream=upstream.url, report=reports.append)
        with httpx.Client(base_url="http://h/v2", transport=proxy.transport()) as client:
            response = client.post(
                "/messages/send",
                params={"apiKey": ENV_KEY},
                json=SEND_BODY,
                headers={"X-Api-Key": CLIENT_KEY, "Authorization": "Bearer " + ENV_KEY[::-1]},
            )
            assert response.status_code == 200
    [path] = proxy.written
    text = path.read_text(encoding="utf-8")
    assert CLIENT_KEY not in text and ENV_KEY not in text and ENV_KEY[::-1] not in text
    recording = load_recording(path)
    assert recording.query == {"apiKey": ["<redacted>"]}
    assert recording.request_headers["X-Api-Key"] == "<redacted>"
    assert recording.request_headers["Authorization"] == "<redacted>"


def test_keeps_only_recordings_that_load_back(messages: tuple[Path, list[str]]) -> None:
    """A lone surrogate in the upstream's JSON cannot be written as YAML that loads."""
    folder, reports = messages
    surrogate: Echo = lambda key: (  # noqa: E731
        200,
        {"Content-Type": "application/json"},
        b'{"creditsUsed": 1.0, "snapshotId": "\\ud800"}',
    )
    with Upstream("echo", surrogate) as upstream:
        proxy = RecordingProxy(MESSAGES_SPEC, folder, upstream=upstream.url, report=reports.append)
        with httpx.Client(base_url="http://h/v2", transport=proxy.transport()) as client:
            response = client.post("/messages/send", json=SEND_BODY, headers={"X-Api-Key": "k"})
            assert response.status_code == 200
            assert response.headers["x-fixture-recording"] == "refused"
    assert proxy.written == []
    assert list(folder.iterdir()) == []
    [refusal] = proxy.refused
    assert refusal.startswith(f"not recorded: {folder / 'sendMessage-1.yaml'} would not load back")
    assert "the file was removed" in refusal


def test_reports_drift_but_keeps_the_recording(messages: tuple[Path, list[str]]) -> None:
    folder, reports = messages
    with (
        Upstream("drift") as upstream,
        RecordingProxy(
            MESSAGES_SPEC, folder, upstream=upstream.url, report=reports.append
        ) as proxy,
        httpx.Client(base_url=proxy.base_url, timeout=10) as client,
    ):
        response = client.post("/messages/send", json=SEND_BODY, headers={"X-Api-Key": CLIENT_KEY})
        assert response.status_code == 200
    assert [p.name for p in proxy.written] == ["sendMessage-1.yaml"]
    assert sorted(p.location.pointer for p in proxy.drift) == [
        "/response/body/creditsUsed",
        "/response/body/snapshotId",
    ]
    assert all(p.location.line is not None for p in proxy.drift)
    assert sum(m.startswith("drift: ") for m in reports) == 2


def test_undocumented_operations_are_not_forwarded(messages: tuple[Path, list[str]]) -> None:
    folder, reports = messages
    with (
        Upstream("normal") as upstream,
        RecordingProxy(
            MESSAGES_SPEC, folder, upstream=upstream.url, report=reports.append
        ) as proxy,
        httpx.Client(base_url=proxy.base_url, timeout=10) as client,
    ):
        assert client.get("/elsewhere").status_code == 404
    assert upstream.received == []


def test_unreachable_upstream_and_missing_key_variable(
    messages: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, reports = messages
    monkeypatch.delenv("FIXTURE_TEST_MISSING", raising=False)
    with pytest.raises(ValueError, match="FIXTURE_TEST_MISSING"):
        RecordingProxy(MESSAGES_SPEC, folder, key_env="FIXTURE_TEST_MISSING")
    with pytest.raises(ValueError, match="http"):
        RecordingProxy(MESSAGES_SPEC, folder, upstream="ftp://127.0.0.1/")
    # A port nothing listens on: a closed ephemeral port from a finished upstream.
    with Upstream("normal") as finished:
        url = finished.url
    with (
        RecordingProxy(
            MESSAGES_SPEC, folder, upstream=url, report=reports.append, timeout=2
        ) as proxy,
        httpx.Client(base_url=proxy.base_url, timeout=10) as client,
    ):
        response = client.post("/messages/send", json=SEND_BODY, headers={"X-Api-Key": "k"})
        assert response.status_code == 502
        assert response.headers["content-type"] == "application/problem+json"
    assert proxy.written == []
