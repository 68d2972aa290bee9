"""The HTTP/1.1 layer (uvicorn on httptools, and on h11) with raw sockets.

The classes of the raw-socket abuse probes: every malformed input gets a 4xx problem
document, never a 5xx; the framing leniencies a hand-written parser grows are refused;
and after every probe the server is alive and answers a normal client (how fast is the
benchmark's business, not a test's).
"""

from __future__ import annotations

import json
import resource
import select
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator

import pytest

from generator.fixture_server import FixtureServer

from .support import MESSAGES_RECORDINGS, MESSAGES_SPEC, raw_exchange, serve_process, statuses

SEARCH = b"GET /v2/search?q=widgets&tag=red&tag=blue&page=2 HTTP/1.1\r\nHost: x\r\n"
SEND_HEAD = (
    b"POST /v2/messages/send HTTP/1.1\r\nHost: x\r\nX-Api-Key: k\r\n"
    b"Content-Type: application/json\r\n"
)
SEND_BODY = json.dumps({"number": "+99912345678", "message": "Hello"}).encode()


def _chunked(body: bytes, size: int = 7) -> bytes:
    parts = [
        b"%x\r\n%s\r\n" % (len(body[i : i + size]), body[i : i + size])
        for i in range(0, len(body), size)
    ]
    return b"".join(parts) + b"0\r\n\r\n"


def _answers_a_normal_client(port: int) -> bool:
    return statuses(raw_exchange(port, SEARCH + b"\r\n")) == [200]


@pytest.fixture(scope="module", params=["httptools", "h11"])
def server(request: pytest.FixtureRequest) -> Iterator[FixtureServer]:
    """The server on each HTTP/1.1 implementation uvicorn offers: the same probes, the
    same answers."""
    with FixtureServer(MESSAGES_SPEC, MESSAGES_RECORDINGS, http=request.param) as running:
        yield running


@pytest.fixture
def probed(server: FixtureServer) -> Iterator[FixtureServer]:
    """The shared server; after the test it must still answer a normal client."""
    yield server
    assert _answers_a_normal_client(server.port), "the server stopped answering after a probe"


def test_pipelined_requests_on_one_connection(probed: FixtureServer) -> None:
    answer = raw_exchange(probed.port, SEARCH + b"\r\n" + SEARCH + b"\r\n")
    assert statuses(answer) == [200, 200]


def test_chunked_body(probed: FixtureServer) -> None:
    request = SEND_HEAD + b"Transfer-Encoding: chunked\r\n\r\n" + _chunked(SEND_BODY)
    answer = raw_exchange(probed.port, request)
    assert statuses(answer) == [400]  # the recorded error answer
    assert b'"code":11' in answer


def test_expect_100_continue_from_http11_only(probed: FixtureServer) -> None:
    head = SEND_HEAD + b"Expect: 100-continue\r\nContent-Length: %d\r\n\r\n" % len(SEND_BODY)
    answer = raw_exchange(probed.port, head + SEND_BODY)
    assert answer.startswith(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 400 ")
    # An HTTP/1.0 client cannot know 100 Continue: it is not sent one.
    http10 = head.replace(b"HTTP/1.1", b"HTTP/1.0")
    answer = raw_exchange(probed.port, http10 + SEND_BODY)
    assert b"100 Continue" not in answer
    assert statuses(answer) == [400]


# Each leniency the hand-written HTTP/1.1 parser had, and other malformed framing.
STRICT = {
    "two Host headers": b"GET /v2/search?q=x HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
    "vertical tab before chunked": SEND_HEAD
    + b"Transfer-Encoding: \x0bchunked\r\n\r\n"
    + _chunked(SEND_BODY),
    "no-break space in Content-Length": SEND_HEAD
    + b"Content-Length: \xa0%d\r\n\r\n" % len(SEND_BODY)
    + SEND_BODY,
    "space before a chunk size": SEND_HEAD
    + b"Transfer-Encoding: chunked\r\n\r\n 5\r\nhello\r\n0\r\n\r\n",
    "Transfer-Encoding on HTTP/1.0": SEND_HEAD.replace(b"HTTP/1.1", b"HTTP/1.0")
    + b"Transfer-Encoding: chunked\r\n\r\n"
    + _chunked(SEND_BODY),
    "Transfer-Encoding and Content-Length": SEND_HEAD
    + b"Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}",
    "HTTP/2.0 request line": b"GET /v2/search HTTP/2.0\r\nHost: x\r\n\r\n",
    "garbage": b"garbage\r\n\r\n",
    "no Host in HTTP/1.1": b"GET /v2/search HTTP/1.1\r\n\r\n",
    "relative target": b"GET v2/search HTTP/1.1\r\nHost: x\r\n\r\n",
    "asterisk target": b"OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
    "authority target": b"CONNECT x:443 HTTP/1.1\r\nHost: x:443\r\n\r\n",
    "bad method token": b"G(T /v2/search HTTP/1.1\r\nHost: x\r\n\r\n",
    "non-ASCII target": b"GET /v2/\xff HTTP/1.1\r\nHost: x\r\n\r\n",
    "space in a header name": b"GET /v2/search HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n",
    "space before the colon": b"GET /v2/search HTTP/1.1\r\nHost : x\r\n\r\n",
    "NUL in a header value": b"GET /v2/search HTTP/1.1\r\nHost: x\r\nX-A: a\x00b\r\n\r\n",
    "Content-Length not a number": SEND_HEAD + b"Content-Length: abc\r\n\r\n",
    "Content-Length with a sign": SEND_HEAD + b"Content-Length: +2\r\n\r\n{}",
    "two different Content-Lengths": SEND_HEAD + b"Content-Length: 2, 3\r\n\r\n{}",
    "unknown Transfer-Encoding": SEND_HEAD + b"Transfer-Encoding: gzip\r\n\r\n",
    "chunked twice": SEND_HEAD + b"Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n",
    "chunk size not hex": SEND_HEAD + b"Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
    "chunk without CRLF": SEND_HEAD + b"Transfer-Encoding: chunked\r\n\r\n2\r\n{}XX0\r\n\r\n",
    "huge chunk size": SEND_HEAD
    + b"Transfer-Encoding: chunked\r\n\r\nffffffffffffffffffffffff\r\n",
}


@pytest.mark.parametrize("request_bytes", STRICT.values(), ids=STRICT.keys())
def test_malformed_framing_gets_a_400_problem(probed: FixtureServer, request_bytes: bytes) -> None:
    answer = raw_exchange(probed.port, request_bytes)
    assert statuses(answer) == [400], answer[:300]
    head, _, body = answer.partition(b"\r\n\r\n")
    assert b"\r\ncontent-type: application/problem+json" in head.lower()
    assert b"\r\nx-fixture-server: " in head.lower()
    problem = json.loads(body)
    assert problem["status"] == 400 and problem["validation"]


# Input the HTTP layer reads but the fixture server refuses, each with its own status.
REFUSED = {
    "undecodable path parameter": (
        b"GET /v2/items/%ff HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n",
        400,
    ),
    "undecodable query": (b"GET /v2/search?q=%ff HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    "a long path": (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 404),
    "headers above 64 kB": (
        b"GET /v2/search HTTP/1.1\r\nHost: x\r\n" + b"X-A: " + b"b" * 70_000 + b"\r\n\r\n",
        (400, 431),  # 400 from h11 when they arrive in pieces, 431 when whole
    ),
    "declared body above 1 MiB": (SEND_HEAD + b"Content-Length: 99999999999\r\n\r\n", 413),
    "chunked body above 1 MiB": (
        SEND_HEAD + b"Transfer-Encoding: chunked\r\n\r\n" + _chunked(b"x" * 1_100_000, 65536),
        413,
    ),
    "body not UTF-8": (
        SEND_HEAD + b"Content-Length: 9\r\n\r\n\xff\xfe\x00\x01\x02\x03\x04\x05\x06",
        400,
    ),
    "truncated JSON": (SEND_HEAD + b"Content-Length: 1\r\n\r\n{", 400),
}


@pytest.mark.parametrize(("request_bytes", "status"), REFUSED.values(), ids=REFUSED.keys())
def test_refused_input_gets_a_4xx_problem(
    probed: FixtureServer, request_bytes: bytes, status: int | tuple[int, ...]
) -> None:
    answer = raw_exchange(probed.port, request_bytes)
    [got] = statuses(answer)
    assert got in (status if isinstance(status, tuple) else (status,)), answer[:300]
    assert b"\r\ncontent-type: application/problem+json" in answer.lower()


def test_obsolete_line_folding_is_unfolded_or_refused(probed: FixtureServer) -> None:
    # RFC 9112 5.2: a server either replaces obs-fold with a space (h11) or refuses the
    # request with 400 (llhttp), never reads the folded line as a field of its own.
    answer = raw_exchange(probed.port, SEARCH + b"X-Note: a\r\n folded\r\n\r\n")
    if probed.http == "h11":
        assert statuses(answer) == [200]
    else:
        assert statuses(answer) == [400]
        assert b"Unexpected whitespace after header value" in answer


def test_pipelined_requests_are_answered_before_a_malformed_one(probed: FixtureServer) -> None:
    """llhttp parses ahead of the answers; the 400 must not overtake them (a client would
    take it for the answer to its first request)."""
    answer = raw_exchange(probed.port, SEARCH + b"\r\n" + SEARCH + b"\r\nG(T / HTTP/1.1\r\n\r\n")
    assert statuses(answer) == [200, 200, 400]
    bad_chunk = SEND_HEAD + b"Transfer-Encoding: chunked\r\n\r\n2\r\n{}XX0\r\n\r\n"
    answer = raw_exchange(probed.port, SEARCH + b"\r\n" + bad_chunk)
    assert statuses(answer) == [200, 400]  # the request with the bad chunk gets the 400
    assert answer.count(b"malformed-request") == 2  # problem type, X-Fixture-Server


def test_a_protocol_upgrade_is_answered_over_http11(probed: FixtureServer) -> None:
    """No protocol switch is offered: the request is answered as HTTP/1.1. llhttp stops
    parsing the connection there, so it is then closed rather than left unread."""
    upgrade = SEARCH + b"Connection: Upgrade\r\nUpgrade: websocket\r\n\r\n"
    answer = raw_exchange(probed.port, upgrade + SEARCH + b"\r\n")
    if probed.http == "h11":
        assert statuses(answer) == [200, 200]
    else:
        assert statuses(answer) == [200]
        assert b"\r\nconnection: close\r\n" in answer.lower()


def test_an_endless_request_head_is_cut_off(probed: FixtureServer) -> None:
    """A header field that never ends: the server answers (or closes) long before 16 MiB
    of it, instead of gathering it in memory (llhttp itself has no limit)."""
    piece = b"a" * 65536
    sent = 0
    answer = b""
    with socket.create_connection(("127.0.0.1", probed.port), timeout=10) as connection:
        try:
            connection.sendall(b"GET /v2/search HTTP/1.1\r\nHost: x\r\nX-Endless: ")
            while sent < 16 * 1024 * 1024:
                connection.sendall(piece)
                sent += len(piece)
                if select.select([connection], [], [], 0.01)[0]:
                    break  # the server has answered or closed
            answer = connection.recv(65536)
        except OSError:
            pass  # reset by the server: it closed with our data unread
    assert sent < 16 * 1024 * 1024
    if answer:
        assert statuses(answer) in ([431], [400]), answer[:200]
        assert b"problem+json" in answer


def test_truncated_requests_are_closed_quietly(probed: FixtureServer) -> None:
    assert raw_exchange(probed.port, SEND_HEAD + b"Content-Length: 100\r\n\r\n{") == b""
    assert raw_exchange(probed.port, b"GET /v2/search HTTP/1.1\r\nHost") == b""


def test_http10_gets_an_answer_and_a_close(probed: FixtureServer) -> None:
    answer = raw_exchange(probed.port, SEARCH.replace(b"HTTP/1.1", b"HTTP/1.0") + b"\r\n")
    assert answer.startswith(b"HTTP/1.1 200 OK\r\n")
    assert b"\r\nconnection: close\r\n" in answer.lower()


def test_slow_clients_cost_no_thread_each(probed: FixtureServer) -> None:
    """Slowloris: many connections sending half a request hold no thread and no answer."""
    threads_before = threading.active_count()
    slow: list[socket.socket] = []
    try:
        for _ in range(200):
            connection = socket.create_connection(("127.0.0.1", probed.port), timeout=5)
            connection.sendall(b"POST /v2/messages/send HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            slow.append(connection)
        assert _answers_a_normal_client(probed.port)
        assert threading.active_count() <= threads_before + 2
    finally:
        for connection in slow:
            connection.close()


def test_stop_closes_idle_keep_alive_connections() -> None:
    server = FixtureServer(MESSAGES_SPEC, MESSAGES_RECORDINGS).start()
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as connection:
        connection.sendall(SEARCH + b"\r\n")
        assert connection.recv(12) == b"HTTP/1.1 200"
        server.stop()
        while connection.recv(65536):
            pass  # drains, then sees the close


@pytest.mark.skipif(sys.platform != "linux", reason="uses RLIMIT_NOFILE")
def test_out_of_file_descriptors_then_serves_again() -> None:
    """Out of descriptors, the server keeps its accept loop alive and serves again after."""
    limit = 40

    def lower_limit() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))

    process = serve_process(stderr=subprocess.DEVNULL, preexec_fn=lower_limit)
    held: list[socket.socket] = []
    try:
        assert process.stdout is not None
        port = int(process.stdout.readline().strip().split(":")[2].split("/")[0])
        for _ in range(limit + 20):  # more than the server has descriptors for
            held.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        for connection in held:
            connection.close()
        held.clear()
        assert statuses(raw_exchange(port, SEARCH + b"\r\n", timeout=30)) == [200]
        assert process.poll() is None
    finally:
        for connection in held:
            connection.close()
        process.terminate()
        process.communicate(timeout=30)
