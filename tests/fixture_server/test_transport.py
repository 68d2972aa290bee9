"""The in-process transport answers exactly as the socket does, for httpx sync and async."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator.fixture_server import FixtureServer, FixtureTransport

from .support import KEY, LEGACY_RECORDINGS, LEGACY_SPEC, SEND_BODY

# (method, path and query, headers, body): replays, refusals of every kind, no match.
REQUESTS: dict[str, tuple[str, str, dict[str, str], bytes]] = {
    "replay": ("POST", "/messages/send", KEY, json.dumps(SEND_BODY).encode()),
    "recorded error": (
        "POST",
        "/messages/send",
        KEY,
        json.dumps({"number": "+99912345678", "message": "Hello"}).encode(),
    ),
    "query and arrays": ("GET", "/search?q=widgets&tag=red&tag=blue&page=2", {}, b""),
    "204": ("DELETE", "/items/7", {"Authorization": "Basic dXNlcjpwYXNz"}, b""),
    "form body": ("POST", "/forms", {}, b"count=3&name=Ada"),
    "HEAD": ("HEAD", "/search?q=widgets", {}, b""),
    "unknown path": ("GET", "/nowhere", {}, b""),
    "outside the base path": ("GET", "/../v3/x", {}, b""),
    "wrong method": ("PUT", "/messages/send", KEY, b"{}"),
    "no key": ("POST", "/messages/send", {}, json.dumps(SEND_BODY).encode()),
    "invalid body": ("POST", "/messages/send", KEY, b'{"number": "12"}'),
    "malformed JSON": ("POST", "/messages/send", KEY, b'{"number": '),
    "wrong media type": ("POST", "/messages/send", {**KEY, "Content-Type": "text/plain"}, b"x"),
    "no match": (
        "POST",
        "/messages/send",
        KEY,
        json.dumps({**SEND_BODY, "message": "other"}).encode(),
    ),
    "too large": ("POST", "/messages/send", KEY, b"[" + b"0," * 600_000 + b"0]"),
}
_PER_CONNECTION = {"date", "connection"}


def _content_type(path: str, headers: dict[str, str]) -> dict[str, str]:
    if "Content-Type" in headers:
        return headers
    kind = "application/x-www-form-urlencoded" if path == "/forms" else "application/json"
    return {**headers, "Content-Type": kind}


def _comparable(response: httpx.Response) -> tuple[int, list[tuple[str, str]], bytes]:
    headers = sorted(
        (name.lower(), value)
        for name, value in response.headers.multi_items()
        if name.lower() not in _PER_CONNECTION
    )
    return response.status_code, headers, response.content


def test_same_answers_over_the_socket_and_in_process(server: FixtureServer) -> None:
    over_socket: dict[str, Any] = {}
    with httpx.Client(base_url=server.base_url, timeout=30) as client:
        for name, (method, path, headers, body) in REQUESTS.items():
            response = client.request(
                method, path, headers=_content_type(path, headers), content=body
            )
            over_socket[name] = _comparable(response)
    transport = server.transport()
    assert isinstance(transport, FixtureTransport)
    with httpx.Client(base_url="https://api.example.test/v2", transport=transport) as client:
        for name, (method, path, headers, body) in REQUESTS.items():
            response = client.request(
                method, path, headers=_content_type(path, headers), content=body
            )
            assert _comparable(response) == over_socket[name], name

    async def asynchronously() -> None:
        async with httpx.AsyncClient(base_url="http://h/v2", transport=transport) as client:
            for name, (method, path, headers, body) in REQUESTS.items():
                response = await client.request(
                    method, path, headers=_content_type(path, headers), content=body
                )
                assert _comparable(response) == over_socket[name], name

    asyncio.run(asynchronously())
    statuses = {name: answer[0] for name, answer in over_socket.items()}
    assert statuses == {
        "replay": 200,
        "recorded error": 400,
        "query and arrays": 200,
        "204": 204,
        "form body": 201,
        "HEAD": 405,  # search is a GET only
        "unknown path": 404,
        "outside the base path": 404,
        "wrong method": 405,
        "no key": 401,
        "invalid body": 400,
        "malformed JSON": 400,
        "wrong media type": 415,
        "no match": 404,
        "too large": 413,
    }


def test_in_process_without_starting_any_socket() -> None:
    server = FixtureServer(LEGACY_SPEC, LEGACY_RECORDINGS)
    with pytest.raises(RuntimeError, match="not running"):
        server.base_url  # noqa: B018
    with httpx.Client(transport=server.transport(), base_url="http://anywhere/api") as client:
        assert client.post("/pets", json={"tag": None, "name": "Rex"}).status_code == 201
        answer = client.get("/pets/2", headers={"X-Trace": "abc"})
        assert answer.status_code == 404
        assert answer.headers["x-fixture-server"] == "no-matching-recording"
    assert server.used == {"createPet-1.yaml": 1}


def test_streamed_request_bodies_are_read(server: FixtureServer) -> None:
    def parts() -> Any:
        raw = json.dumps(SEND_BODY).encode()
        yield raw[:10]
        yield raw[10:]

    with httpx.Client(base_url="http://h/v2", transport=server.transport()) as client:
        response = client.post(
            "/messages/send", content=parts(), headers={**KEY, "Content-Type": "application/json"}
        )
    assert response.status_code == 200


def test_a_document_split_over_files_is_served_with_its_referenced_schemas(
    tmp_path: Path,
) -> None:
    """The server bundles the document as the generator does: schemas in other files check."""
    split = Path(__file__).resolve().parent.parent / "documents" / "split" / "openapi.yaml"
    server = FixtureServer(split, tmp_path)  # no recordings
    with httpx.Client(transport=server.transport(), base_url="http://anywhere/v1") as client:
        valid = client.post("/messages", json={"to": "+33600000000", "text": "Bonjour"})
        assert valid.headers["x-fixture-server"] == "no-matching-recording"
        too_long = client.post("/messages", json={"to": "+33600000000", "text": "x" * 641})
    assert too_long.status_code == 400
    assert "/text" in too_long.text  # the rule of schemas/messages/new-message.yaml
