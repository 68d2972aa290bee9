"""A request read whole is answered at once, with the bytes the ASGI way would write.

The httptools protocol answers a request whose head and body arrived in one read in the
same turn of the event loop (`_StrictHttpToolsProtocol._answer_at_once`); one whose body
comes in a later read goes through uvicorn's ASGI cycle. The two must write the same
bytes and leave the connection in the same state. The protocol is driven here without a
socket: a transport records what is written, and the event loop runs until nothing is
left to do.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from uvicorn.server import ServerState

from generator.fixture_server import FixtureServer
from generator.fixture_server.asgi import AsgiApp
from generator.fixture_server.messages import MAX_BODY, Request, Response
from generator.fixture_server.serving import HTTP_PROTOCOLS, server_config

from .support import KEY, MESSAGES_RECORDINGS, MESSAGES_SPEC, SEND_BODY

DATE = (b"date", b"Sun, 06 Nov 1994 08:49:37 GMT")


class _Transport(asyncio.Transport):
    def __init__(self) -> None:
        super().__init__()
        self.written: list[bytes] = []
        self.closed = False

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self.written.append(bytes(data))

    def close(self) -> None:
        self.closed = True

    def is_closing(self) -> bool:
        return self.closed

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"sockname": ("127.0.0.1", 8000), "peername": ("127.0.0.1", 50000)}.get(
            name, default
        )

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass


@dataclass
class Outcome:
    written: bytes
    closed: bool
    at_once: list[bool]  # per read: its answer was complete when the read was handled


@pytest.fixture
def exchange() -> Iterator[Callable[[AsgiApp, list[bytes]], Outcome]]:
    loop = asyncio.new_event_loop()

    def run(app: AsgiApp, reads: list[bytes]) -> Outcome:
        state = ServerState()
        state.default_headers = [DATE]
        protocol_class = HTTP_PROTOCOLS["httptools"]
        protocol: Any = protocol_class(  # type: ignore[call-arg]
            config=server_config(app, protocol_class),
            server_state=state,
            app_state={},
            _loop=loop,
        )
        transport = _Transport()
        protocol.connection_made(transport)
        at_once = []
        for data in reads:
            protocol.data_received(data)
            at_once.append(protocol.cycle is not None and protocol.cycle.response_complete)
            for _ in range(50):  # the loop turns an ASGI task takes, and the corked send
                loop.run_until_complete(asyncio.sleep(0))
        assert not protocol.tasks
        return Outcome(b"".join(transport.written), transport.closed, at_once)

    yield run
    loop.close()


@pytest.fixture(scope="module")
def replaying() -> AsgiApp:
    return FixtureServer(MESSAGES_SPEC, MESSAGES_RECORDINGS).asgi_app()


def _post(path: str, body: bytes, *extra: bytes, version: bytes = b"1.1") -> tuple[bytes, bytes]:
    head = [b"POST " + path.encode() + b" HTTP/" + version, b"Host: x"]
    head += [f"{name}: {value}".encode() for name, value in KEY.items()]
    head += [b"Content-Type: application/json", b"Content-Length: %d" % len(body), *extra]
    return b"\r\n".join(head) + b"\r\n\r\n", body


SEND = json.dumps(SEND_BODY).encode()
CASES = {
    "a replayed answer": _post("/v2/messages/send", SEND),
    "a problem (no such path)": _post("/v2/nowhere", SEND),
    "a request that does not conform": _post("/v2/messages/send", b'{"number": 1}'),
    "HTTP/1.0": _post("/v2/messages/send", SEND, version=b"1.0"),
    "Connection: close": _post("/v2/messages/send", SEND, b"Connection: close"),
    "HEAD": (b"HEAD /v2/search?q=widgets HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n", b"{}"),
}


@pytest.mark.parametrize("case", CASES)
def test_the_answer_at_once_is_the_asgi_answer(
    case: str, exchange: Callable[[AsgiApp, list[bytes]], Outcome], replaying: AsgiApp
) -> None:
    head, body = CASES[case]
    whole = exchange(replaying, [head + body])
    pieces = exchange(replaying, [head, body])
    assert whole.at_once == [True]
    assert pieces.at_once == [False, False]  # the body came later: an ASGI task answers
    assert whole.written.startswith(b"HTTP/1.1 ")
    assert whole.written == pieces.written
    assert whole.closed == pieces.closed == (case in ("HTTP/1.0", "Connection: close"))


def test_the_only_connection_s_answer_leaves_at_once(replaying: AsgiApp) -> None:
    """Answers wait for the loop turn's end to leave with those of other connections; a
    lone connection's leaves as soon as it is complete."""
    loop = asyncio.new_event_loop()
    try:
        state = ServerState()
        protocol_class = HTTP_PROTOCOLS["httptools"]
        config = server_config(replaying, protocol_class)

        def connect() -> tuple[Any, _Transport]:
            protocol: Any = protocol_class(  # type: ignore[call-arg]
                config=config, server_state=state, app_state={}, _loop=loop
            )
            transport = _Transport()
            protocol.connection_made(transport)
            return protocol, transport

        request = b"".join(CASES["a replayed answer"])
        first, first_transport = connect()
        first.data_received(request)
        assert first_transport.written  # alone: sent in the read's own turn
        first_transport.written.clear()

        second, second_transport = connect()
        first.data_received(request)
        second.data_received(request)
        assert not first_transport.written and not second_transport.written
        loop.run_until_complete(asyncio.sleep(0))  # the turn ends: both leave
        assert first_transport.written and second_transport.written
    finally:
        loop.close()


def test_pipelined_requests_read_together_are_answered_in_order(
    exchange: Callable[[AsgiApp, list[bytes]], Outcome], replaying: AsgiApp
) -> None:
    requests = [
        b"".join(CASES[case]) for case in ("a replayed answer", "HEAD", "a problem (no such path)")
    ]
    together = exchange(replaying, [b"".join(requests)])
    apart = exchange(replaying, requests)
    assert together.at_once == [True]
    assert together.written == apart.written
    assert together.written.count(b"HTTP/1.1 ") == 3


def _answering(response: Response | Exception) -> AsgiApp:
    def respond(request: Request) -> Response:
        if isinstance(response, Exception):
            raise response
        return response

    return AsgiApp(respond, max_body=MAX_BODY)


@pytest.mark.parametrize(
    ("answer", "status", "at_once"),
    [
        # uvicorn refuses these fields once it has begun the answer: it closes, saying nothing
        (Response(200, [("X-Broken", "a\r\nInjected: yes")], b"{}"), None, False),
        (Response(200, [("Bad Name", "x")], b"{}"), None, False),  # not a token
        (Response(200, [("Content-Length", "99")], b"{}"), b"200", False),  # framing its own
        (RuntimeError("the service failed"), b"500", False),
        (Response(200, [("Connection", "close")], b"{}"), b"200", True),
        (Response(204, [("X-Seen", "yes")]), b"204", True),
    ],
    ids=["control character", "not a token", "content-length", "raises", "close", "204"],
)
def test_an_answer_that_is_not_plain_is_left_to_uvicorn(
    answer: Response | Exception,
    status: bytes | None,
    at_once: bool,
    exchange: Callable[[AsgiApp, list[bytes]], Outcome],
) -> None:
    head, body = _post("/v2/anything", b"{}")
    whole = exchange(_answering(answer), [head + body])
    pieces = exchange(_answering(answer), [head, body])
    assert whole.at_once == [at_once]
    assert whole.written == pieces.written
    assert whole.closed == pieces.closed
    if status is None:
        assert (whole.written, whole.closed) == (b"", True)
    else:
        assert whole.written.startswith(b"HTTP/1.1 " + status + b" ")


def test_a_body_too_large_read_whole_gets_the_same_413(
    exchange: Callable[[AsgiApp, list[bytes]], Outcome],
) -> None:
    app = AsgiApp(lambda request: Response(200, [], b"{}"), max_body=8)
    declared = _post("/v2/anything", b'{"a": "0123456789"}')
    whole = exchange(app, [b"".join(declared)])
    pieces = exchange(app, list(declared))
    assert whole.written == pieces.written
    assert whole.written.startswith(b"HTTP/1.1 413 ")
