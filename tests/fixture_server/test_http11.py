"""The HTTP/1.1 layer with raw sockets: every malformed input gets a 4xx, never a 5xx."""

from __future__ import annotations

import json
import socket

import pytest

from generator.fixture_server import FixtureServer

from .support import raw_exchange, statuses

SEARCH = b"GET /v2/search?q=widgets&tag=red&tag=blue&page=2 HTTP/1.1\r\nHost: x\r\n"
SEND_HEAD = (
    b"POST /v2/messages/send HTTP/1.1\r\nHost: x\r\nX-Api-Key: k\r\n"
    b"Content-Type: application/json\r\n"
)
SEND_BODY = json.dumps(
    {
        "number": "+99912345678",
        "message": "Hello",
    }
).encode()


def _chunked(body: bytes, size: int = 7) -> bytes:
    parts = [
        b"%x\r\n%s\r\n" % (len(body[i : i + size]), body[i : i + size])
        for i in range(0, len(body), size)
    ]
    return b"".join(parts) + b"0\r\n\r\n"


def test_pipelined_requests_on_one_connection(server: FixtureServer) -> None:
    answer = raw_exchange(server.port, SEARCH + b"\r\n" + SEARCH + b"\r\n")
    assert statuses(answer) == [200, 200]


def test_chunked_body(server: FixtureServer) -> None:
    request = SEND_HEAD + b"Transfer-Encoding: chunked\r\n\r\n" + _chunked(SEND_BODY)
    answer = raw_exchange(server.port, request)
    assert statuses(answer) == [400]  # the recorded error answer
    assert b'"code":11' in answer


def test_expect_100_continue(server: FixtureServer) -> None:
    request = (
        SEND_HEAD
        + b"Expect: 100-continue\r\nContent-Length: %d\r\n\r\n" % len(SEND_BODY)
        + SEND_BODY
    )
    answer = raw_exchange(server.port, request)
    assert answer.startswith(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 400 ")


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"garbage\r\n\r\n", 400),
        (b"GET /v2/search HTTP/2.0\r\nHost: x\r\n\r\n", 400),
        (b"GET /v2/search HTTP/1.1\r\n\r\n", 400),  # no Host
        (b"GET v2/search HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"G(T /v2/search HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"GET /v2/\xff HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"GET /v2/items/%ff HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n", 400),
        (b"GET /v2/search?q=%ff HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        (b"GET /v2/search HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 9000 + b"\r\n\r\n", 431),
        (b"GET /v2/search HTTP/1.1\r\nHost: x\r\n" + b"X-A: b\r\n" * 101 + b"\r\n", 431),
        (b"GET /v2/search HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400),
        (b"GET /v2/search HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n", 400),
        (SEND_HEAD + b"Content-Length: abc\r\n\r\n", 400),
        (SEND_HEAD + b"Content-Length: 2, 3\r\n\r\n{}", 400),
        (SEND_HEAD + b"Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}", 400),
        (SEND_HEAD + b"Transfer-Encoding: gzip\r\n\r\n", 400),
        (SEND_HEAD + b"Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", 400),
        (SEND_HEAD + b"Transfer-Encoding: chunked\r\n\r\n2\r\n{}XX0\r\n\r\n", 400),
        (SEND_HEAD + b"Transfer-Encoding: chunked\r\n\r\n200000\r\n", 413),
        (SEND_HEAD + b"Content-Length: 99999999999\r\n\r\n", 413),
        (SEND_HEAD + b"Content-Length: 9\r\n\r\n\xff\xfe\x00\x01\x02\x03\x04\x05\x06", 400),
        (SEND_HEAD + b"Content-Length: 1\r\n\r\n{", 400),
    ],
)
def test_malformed_requests_get_4xx_problems(
    server: FixtureServer, request_bytes: bytes, status: int
) -> None:
    answer = raw_exchange(server.port, request_bytes)
    assert statuses(answer) == [status]
    assert b"Content-Type: application/problem+json\r\n" in answer
    assert b'"validation"' in answer


def test_truncated_request_is_closed_quietly(server: FixtureServer) -> None:
    assert raw_exchange(server.port, SEND_HEAD + b"Content-Length: 100\r\n\r\n{") == b""
    assert statuses(raw_exchange(server.port, b"GET /v2/search HTTP/1.1\r\nHost")) == [400]
    # and the server still answers
    assert statuses(raw_exchange(server.port, SEARCH + b"\r\n")) == [200]


def test_stop_closes_idle_keep_alive_connections() -> None:
    from .support import MESSAGES_RECORDINGS, MESSAGES_SPEC

    server = FixtureServer(MESSAGES_SPEC, MESSAGES_RECORDINGS).start()
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as connection:
        connection.sendall(SEARCH + b"\r\n")
        assert connection.recv(12) == b"HTTP/1.1 200"
        server.stop()
        connection.settimeout(5)
        while connection.recv(65536):
            pass  # drains, then sees the close
