"""End to end: real HTTP against the fixture server on 127.0.0.1."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from generator.fixtures import FixtureServer, fixture_server

from .support import (
    KEY,
    LEGACY_RECORDINGS,
    LEGACY_SPEC,
    MESSAGES_RECORDINGS,
    MESSAGES_SPEC,
    SEND_BODY,
)


@pytest.fixture
def client(server: FixtureServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, timeout=5) as http:
        yield http


def _problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem: dict[str, Any] = response.json()
    assert {"type", "title", "status", "detail", "validation"} <= problem.keys()
    assert problem["status"] == status
    for entry in problem["validation"]:
        assert set(entry) == {"location", "pointer", "rule", "message"}
    return problem


def test_start_stop_on_an_ephemeral_port() -> None:
    server = FixtureServer(MESSAGES_SPEC, MESSAGES_RECORDINGS, port=0)
    server.start()
    port = server.port
    try:
        assert port > 0
        assert server.base_url == f"http://127.0.0.1:{server.port}/v2"
        with socket.create_connection(("127.0.0.1", server.port), timeout=2):
            pass
    finally:
        server.stop()
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass
    server.stop()  # stopping twice is harmless


def test_fixture_server_helper_and_default_recordings_folder(tmp_path: Any) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(LEGACY_SPEC.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "recordings").mkdir()
    with fixture_server(spec) as running:
        assert running.recordings_dir == tmp_path / "recordings"
        assert running.base_url.endswith("/api")
        assert running.usage == {}


def test_replays_the_recording_exactly(client: httpx.Client) -> None:
    response = client.post("/messages/send", json=SEND_BODY, headers=KEY)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json;charset=UTF-8"
    assert response.content == b'{"creditsUsed":1.0,"snapshotId":"386479"}'


def test_key_order_and_whitespace_do_not_matter(client: httpx.Client) -> None:
    text = json.dumps(dict(reversed(list(SEND_BODY.items()))), indent=4)
    response = client.post(
        "/messages/send",
        content=text.encode(),
        headers={**KEY, "Content-Type": "application/json"},
    )
    assert response.status_code == 200
    assert response.json()["snapshotId"] == "386479"


def test_volatile_fields(client: httpx.Client) -> None:
    body = {"number": "0600000000", "message": "Later", "date": int(time.time() * 1000)}
    response = client.post("/messages/send", json=body, headers=KEY)
    assert response.status_code == 200
    assert response.json()["snapshotId"] == "386480"


def test_recorded_error_is_replayed(client: httpx.Client) -> None:
    body = {"number": "+99912345678", "message": "Hello"}
    response = client.post("/messages/send", json=body, headers=KEY)
    assert response.status_code == 400
    assert response.json() == {"code": 11, "error": "invalid number"}


def test_query_key_path_params_and_arrays(client: httpx.Client) -> None:
    params = {"apiKey": "secret-value", "identifier": "+33600000000", "message": "Hello"}
    response = client.get("/messages/send", params=params)
    assert response.status_code == 200
    response = client.get(
        "/items/42",
        params={"limit": "5", "fields": "name,tags"},
        headers={"Authorization": "Bearer token"},
    )
    assert response.status_code == 200
    assert response.headers["x-rate-remaining"] == "99"
    response = client.get(
        "/search", params=[("q", "widgets"), ("tag", "red"), ("tag", "blue"), ("page", "2")]
    )
    assert response.status_code == 200 and len(response.json()) == 2
    response = client.delete("/items/7", headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert response.status_code == 204 and response.content == b""
    response = client.post("/forms", data={"count": "3", "name": "Ada"})
    assert response.status_code == 201
    assert response.text == "accepted"
    assert response.headers["content-type"] == "text/plain; charset=utf-8"


def test_unknown_path_is_404(client: httpx.Client, server: FixtureServer) -> None:
    problem = _problem(client.get("/nowhere"), 404)
    assert "/nowhere" in problem["detail"]
    with httpx.Client(timeout=5) as bare:
        outside = bare.get(f"http://127.0.0.1:{server.port}/v3/messages/send")
    assert "base path /v2" in _problem(outside, 404)["detail"]


def test_wrong_method_is_405_with_allow(client: httpx.Client) -> None:
    response = client.put("/messages/send", json={})
    _problem(response, 405)
    assert response.headers["allow"] == "GET, POST"


@pytest.mark.parametrize(
    "headers",
    [{}, {"X-Api-Key": ""}],
    ids=["missing", "empty"],
)
def test_missing_or_empty_key_is_401(client: httpx.Client, headers: dict[str, str]) -> None:
    response = client.post("/messages/send", json=SEND_BODY, headers=headers)
    problem = _problem(response, 401)
    assert response.headers["www-authenticate"].startswith("ApiKey ")
    assert 'name="X-Api-Key"' in response.headers["www-authenticate"]
    assert problem["validation"][0]["pointer"] == "/X-Api-Key"


def test_other_security_schemes(client: httpx.Client) -> None:
    response = client.get(
        "/messages/send", params={"apiKey": "", "identifier": "x", "message": "m"}
    )
    assert _problem(response, 401)["validation"][0] == {
        "location": "query",
        "pointer": "/apiKey",
        "rule": "security",
        "message": "missing or empty API key: query 'apiKey' (security scheme 'queryKey')",
    }
    response = client.get("/items/42", headers={"Authorization": "Basic dXNlcjpwYXNz"})
    _problem(response, 401)
    assert response.headers["www-authenticate"] == 'Bearer realm="fixture server"'
    response = client.delete("/items/7", headers={"Authorization": "Basic !!!"})
    assert "malformed Basic" in _problem(response, 401)["detail"]


def test_validation_errors_are_400(client: httpx.Client) -> None:
    body = {**SEND_BODY, "number": "12", "date": "tomorrow"}
    problem = _problem(client.post("/messages/send", json=body, headers=KEY), 400)
    assert sorted((v["location"], v["pointer"], v["rule"]) for v in problem["validation"]) == [
        ("body", "/date", "type"),
        ("body", "/number", "pattern"),
    ]
    problem = _problem(client.get("/search", params={"q": "x", "page": "first"}), 400)
    assert problem["validation"][0]["pointer"] == "/page"
    problem = _problem(client.get("/items/abc", headers={"Authorization": "Bearer t"}), 400)
    assert problem["validation"][0]["location"] == "path"


def test_malformed_json_is_400(client: httpx.Client) -> None:
    headers = {**KEY, "Content-Type": "application/json"}
    for raw in (b'{"number": ', b"\xff\xfe", b"[" * 5000, b'{"a": Infinity}'):
        problem = _problem(client.post("/messages/send", content=raw, headers=headers), 400)
        assert problem["validation"][0]["rule"] == "json"


def test_wrong_content_type_is_415(client: httpx.Client) -> None:
    response = client.post(
        "/messages/send", content=b"number=1", headers={**KEY, "Content-Type": "text/plain"}
    )
    problem = _problem(response, 415)
    assert "application/json" in problem["detail"]


def test_oversized_body_is_413(client: httpx.Client) -> None:
    big = b'{"message": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    response = client.post(
        "/messages/send", content=big, headers={**KEY, "Content-Type": "application/json"}
    )
    _problem(response, 413)


def test_missing_required_body_is_400(client: httpx.Client) -> None:
    problem = _problem(client.post("/messages/send", headers=KEY), 400)
    assert problem["validation"][0]["rule"] == "required"


def test_no_match_shows_a_diff_to_the_nearest_recording(client: httpx.Client) -> None:
    body = {**SEND_BODY, "message": "Code de confirmation: 000000"}
    problem = _problem(client.post("/messages/send", json=body, headers=KEY), 404)
    detail = problem["detail"]
    assert "sendMessage-1.yaml" in detail
    assert '-  "message": "Code de confirmation: 283951",' in detail
    assert '+  "message": "Code de confirmation: 000000",' in detail
    assert problem["nearestRecording"] == "sendMessage-1.yaml"
    assert problem["validation"] == [
        {
            "location": "body",
            "pointer": "/message",
            "rule": "recording",
            "message": 'recorded "Code de confirmation: 283951", '
            'received "Code de confirmation: 000000"',
        }
    ]


def test_wrong_field_name_shows_what_is_wrong_and_the_diff(client: httpx.Client) -> None:
    body = dict(SEND_BODY)
    body["identifier"] = body.pop("number")
    problem = _problem(client.post("/messages/send", json=body, headers=KEY), 400)
    assert problem["validation"][0]["pointer"] == "/number"
    assert problem["validation"][0]["rule"] == "required"
    assert '-  "number": "+33600000000",' in problem["detail"]
    assert '+  "identifier": "+33600000000",' in problem["detail"]


def test_credentials_never_appear_in_problems(client: httpx.Client) -> None:
    params = {"apiKey": "do-not-echo-me", "identifier": "someone", "message": "Hello"}
    response = client.get("/messages/send", params=params)
    assert response.status_code == 404
    assert "do-not-echo-me" not in response.text


def test_used_and_unused_counts() -> None:
    with (
        FixtureServer(LEGACY_SPEC, LEGACY_RECORDINGS) as server,
        httpx.Client(base_url=server.base_url, timeout=5) as http,
    ):
        assert server.used == {}
        assert server.unused == ["createPet-1.yaml", "getPet-1.yaml"]
        for _ in range(3):
            assert http.post("/pets", json={"tag": None, "name": "Rex"}).status_code == 201
        assert server.used == {"createPet-1.yaml": 3}
        assert server.unused == ["getPet-1.yaml"]
        with pytest.raises(AssertionError, match=r"getPet-1\.yaml"):
            server.assert_all_used()
        response = http.get("/pets/9007199254740993", headers={"X-Trace": "abc"})
        assert response.json()["id"] == 9007199254740993
        server.assert_all_used()
        server.reset_usage()
        assert server.used == {}


def test_concurrent_clients() -> None:
    with FixtureServer(MESSAGES_SPEC, MESSAGES_RECORDINGS) as server:
        failures: list[str] = []

        def worker() -> None:
            with httpx.Client(base_url=server.base_url, timeout=10) as http:
                for _ in range(25):
                    response = http.post("/messages/send", json=SEND_BODY, headers=KEY)
                    if response.status_code != 200:
                        failures.append(response.text)
                    if http.get("/nowhere").status_code != 404:
                        failures.append("not 404")

        threads = [threading.Thread(target=worker) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        assert server.used["sendMessage-1.yaml"] == 200


def test_keep_alive_and_tcp_nodelay(server: FixtureServer) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as connection:
        request = b"GET /v2/search?q=widgets&tag=red&tag=blue&page=2 HTTP/1.1\r\nHost: x\r\n\r\n"
        reader = connection.makefile("rb")
        for _ in range(3):
            connection.sendall(request)
            status = reader.readline()
            assert status == b"HTTP/1.1 200 OK\r\n"
            length = 0
            while (line := reader.readline()) != b"\r\n":
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                assert not line.lower().startswith(b"connection: close")
            assert len(reader.read(length)) == length
        sockets = list(server._http._connections)
        assert sockets
        assert all(s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) for s in sockets)
        reader.close()


def test_blank_key_and_http10(server: FixtureServer) -> None:
    from .support import raw_exchange, statuses

    answer = raw_exchange(
        server.port,
        b"POST /v2/messages/send HTTP/1.1\r\nHost: x\r\n"
        b"X-Api-Key:    \r\nContent-Length: 2\r\n"
        b"Content-Type: application/json\r\n\r\n{}",
    )
    assert statuses(answer) == [401]
    answer = raw_exchange(
        server.port, b"GET /v2/items/1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer   \r\n\r\n"
    )
    assert statuses(answer) == [401]
    answer = raw_exchange(
        server.port, b"GET /v2/search?q=widgets&tag=red&tag=blue&page=2 HTTP/1.0\r\n\r\n"
    )
    assert answer.startswith(b"HTTP/1.1 200 OK\r\n")
    assert b"Connection: close\r\n" in answer
