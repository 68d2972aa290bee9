"""Serving a service on 127.0.0.1 with uvicorn (HTTP/1.1 on httptools or h11), or in-process.

`LoopbackService` is what the fixture server and the recording proxy share: a
`respond(request)` that never raises, and three ways to reach it that all give the same
answers: a socket served by uvicorn in a background thread (`start()`/`stop()` or
`with`), an ASGI application (`asgi_app()`) for any ASGI server, and an `httpx`
transport (`transport()`) for tests that want no socket at all.

uvicorn runs one asyncio event loop in its thread: connections cost no thread each, an
idle keep-alive connection is closed after `KEEP_ALIVE` seconds, and a process out of
file descriptors backs off instead of spinning. HTTP/1.1 is parsed by httptools (llhttp)
by default, measured 2-3x faster than h11 (`make bench` prints both), with what llhttp
leaves open guarded in `_StrictHttpToolsProtocol`; `http="h11"` selects uvicorn's h11
protocol, used as is except that a request h11 cannot parse is answered with a problem
document instead of text.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import sys
import threading
from http import HTTPStatus
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import h11
import httptools
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.protocols.http.httptools_impl import (
    STATUS_LINE,
    HttpToolsProtocol,
    RequestResponseCycle,
)

from .asgi import AsgiApp, Receive, Scope, Send, send_response, too_large_detail
from .messages import MAX_BODY, MAX_HEADER_BYTES, Request, Response
from .problems import body_too_large, headers_too_large, malformed_request, problem_response

if TYPE_CHECKING:
    from .transport import FixtureTransport

log = logging.getLogger("generator.fixture_server")

KEEP_ALIVE = 15
"""Seconds an idle keep-alive connection stays open."""
SHUTDOWN_GRACE = 1
"""Seconds `stop()` lets a request in progress finish before closing its connection."""
RESOURCE_WARNING_INTERVAL = 10.0
BACKLOG = 512
"""Connections waiting to be accepted. asyncio also tries this many accepts in a row, each
failing, every second it is out of file descriptors: a smaller backlog spins less then."""


class _ProblemH11Protocol(H11Protocol):
    """uvicorn's h11 protocol; a request h11 cannot parse gets a problem document."""

    def send_400_response(self, msg: str) -> None:
        if self.conn.our_state not in (h11.IDLE, h11.SEND_RESPONSE):
            self.transport.close()  # an answer has started: nothing more can be said
            return
        response = malformed_request(UNPARSEABLE)
        try:
            data = self.conn.send(
                h11.Response(
                    status_code=400, headers=response.wire_headers(), reason=b"Bad Request"
                )
            )
            data = (data or b"") + (self.conn.send(h11.Data(data=response.body)) or b"")
            data += self.conn.send(h11.EndOfMessage()) or b""
        except h11.LocalProtocolError:
            self.transport.close()
            return
        self.transport.write(data)
        self.transport.close()


class _StrictHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol (llhttp, strict by default), with what it leaves open
    closed; each has a test in tests/fixture_server/test_http.py:

    * The request head is bounded: llhttp has no limit on the request line and header
      fields, and httptools gathers a field whole before handing it over. Past
      `MAX_HEADER_BYTES` (give or take one read), 431 and the connection closed.
    * `Expect: 100-continue` is honoured from HTTP/1.1 clients only (RFC 9110 10.1.1;
      uvicorn sends 100 Continue to HTTP/1.0 clients too).
    * A request llhttp cannot parse gets a problem document naming llhttp's reason, after
      the answers still owed to the requests before it on the connection (llhttp parses
      pipelined requests ahead; uvicorn would answer 400 before them, and a client would
      take it for the answer to its first request). A request whose own body cannot be
      parsed gets the 400 instead of an answer.
    * A request asking to switch protocols (`Connection: upgrade`) is answered over
      HTTP/1.1, then the connection is closed: llhttp stops parsing at it, so requests
      after it would go unread and unanswered.

    And one shortcut: a request read whole in one read (its head and body arrived
    together, as a client's request usually does) is answered right away, in the same
    turn of the event loop, by `AsgiApp.answer_read`, with the head uvicorn would write;
    a request whose body is still to come goes the ASGI way, as does an answer that is
    not plain (see `_answer_at_once`). The ASGI way costs a task, an event, one more
    loop turn and uvicorn's checks of each message: measured, the server's work per
    replay went from 70-79 to 50-52 microseconds, and one keep-alive client's rate up by
    a third (`make bench`).
    """

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self._corked = _CorkedTransport(transport, self.loop)
        super().connection_made(self._corked)  # type: ignore[arg-type]

    def eof_received(self) -> None:
        # The transport closes itself when this returns, dropping later writes: what the
        # application has written so far goes first.
        self._corked.flush()
        super().eof_received()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._in_head = False  # between the start of a request and the end of its head
        self._head_began = False  # ... and that start was in the data being parsed
        self._head_bytes = 0
        self._reading_body = False
        self._refusal: bytes | None = None
        self._parsing = False
        self._deferred: tuple[RequestResponseCycle, AsgiApp] | None = None
        self._default_lines: tuple[object, bytes] = ((), b"")

    def data_received(self, data: bytes) -> None:
        if self._refusal is not None:
            return  # refused: nothing more is read
        self._head_began = False
        self._parsing = True
        try:
            super().data_received(data)
        finally:
            self._parsing = False
        deferred, self._deferred = self._deferred, None
        if deferred is not None:
            self._run_asgi(*deferred)  # its body is still to come: the ASGI way
        # Counted from the read after the one a head starts in: never more than the
        # head, so pipelined requests read together are not taken for a long head.
        if self._in_head and not self._head_began and self._refusal is None:
            self._head_bytes += len(data)
            if self._head_bytes > MAX_HEADER_BYTES:
                self._in_head = False
                self._refuse(
                    headers_too_large(
                        f"the request line and header fields exceed {MAX_HEADER_BYTES:,} bytes"
                    )
                )

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._in_head = self._head_began = True
        self._head_bytes = 0

    def on_header(self, name: bytes, value: bytes) -> None:
        super().on_header(name, value)
        if self.expect_100_continue and self.parser.get_http_version() != "1.1":
            self.expect_100_continue = False

    def on_headers_complete(self) -> None:
        self._in_head = False
        super().on_headers_complete()
        self._reading_body = True
        if self.parser.should_upgrade() and self.cycle is not None:
            self.cycle.keep_alive = False

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._reading_body = False
        deferred = self._deferred
        if deferred is not None and deferred[0] is self.cycle:
            self._deferred = None
            self._answer_at_once(*deferred)

    def _start_asgi_task(self, cycle: RequestResponseCycle, app: Any) -> None:
        if (
            self._parsing
            and self._deferred is None
            and isinstance(app, AsgiApp)
            and not cycle.waiting_for_100_continue
        ):
            self._deferred = (cycle, app)  # answered at once if its body is read whole now
            return
        self._run_asgi(cycle, app)

    def _run_asgi(self, cycle: RequestResponseCycle, app: Any) -> None:
        """The ASGI way: `app` run in a task of its own, by uvicorn."""
        super()._start_asgi_task(cycle, app)

    def _answer_at_once(self, cycle: RequestResponseCycle, app: AsgiApp) -> None:
        """Answer a request read whole, in this turn, as uvicorn's `send` would have."""
        if cycle.disconnected or self._refusal is not None:
            self._run_asgi(cycle, app)  # it sees the client gone, as ever
            return
        try:
            response = app.answer_read(cycle.scope, bytes(cycle.body))  # type: ignore[arg-type]
        except Exception:
            self._run_asgi(cycle, app)  # uvicorn logs it and answers 500, as ever
            return
        block = response.header_block()
        status_line = STATUS_LINE.get(response.status)
        if (
            block is None
            or status_line is None
            or response.status < 200  # uvicorn would frame it as chunked
            or cycle.access_log
            or self.flow.write_paused
        ):
            self._run_asgi(cycle, _Replying(response))  # uvicorn's send decides
            return
        lines, closes = block
        if closes:
            cycle.keep_alive = False
        defaults = self.server_state.default_headers
        if self._default_lines[0] is not defaults:  # uvicorn renews the Date once a second
            text = b"".join(name.lower() + b": " + value + b"\r\n" for name, value in defaults)
            self._default_lines = (defaults, text)
        parts = [status_line, self._default_lines[1], lines]
        if not cycle.keep_alive and not closes:
            parts.append(b"connection: close\r\n")
        parts.append(b"\r\n")
        if cycle.scope["method"] != "HEAD":
            parts.append(response.body)
        cycle.response_started = cycle.response_complete = True
        if len(self.connections) == 1:
            self._corked.write_now(b"".join(parts))  # see on_response_complete
        else:
            self.transport.write(b"".join(parts))
        cycle.message_event.set()
        if not cycle.keep_alive:
            self.transport.close()
        cycle.on_response()

    def send_400_response(self, msg: str) -> None:
        error = sys.exc_info()[1]
        reason = (
            f" ({error})" if isinstance(error, httptools.HttpParserError) and str(error) else ""
        )
        self._refuse(malformed_request(UNPARSEABLE + reason))

    def _refuse(self, response: Response) -> None:
        """Answer `response` and close, once the answers owed before it are sent."""
        self._refusal = _raw_response(response)
        self.flow.pause_reading()
        cycle = self.cycle
        if cycle is not None and self._reading_body:
            # The request being read is the one refused: it gets no answer of its own.
            if cycle.response_started:
                self.transport.close()  # it has (begun) an answer: nothing else can be said
                return
            cycle.disconnected = True  # its application sees the client gone
            cycle.message_event.set()
        self._answer_refusal()

    def on_response_complete(self) -> None:
        if len(self.connections) == 1:
            # No other connection's answer to send with this one at the turn's end.
            self._corked.flush()
        super().on_response_complete()
        self._answer_refusal()

    def _answer_refusal(self) -> None:
        cycle = self.cycle
        if self._refusal is None or self.pipeline:
            return  # requests before the refused one still wait for their answers
        if cycle is not None and not (cycle.response_complete or cycle.disconnected):
            return
        if not self.transport.is_closing():
            self.transport.write(self._refusal)
            self.transport.close()


class _Replying:
    """An ASGI application sending an answer already made."""

    def __init__(self, response: Response) -> None:
        self.response = response

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send_response(send, self.response)


class _CorkedTransport:
    """A connection's transport that sends what one turn of the event loop wrote at once.

    uvicorn writes a response's head and its body separately: two system calls, each a
    loopback TCP segment, where one does; profiled with 50 clients, `send` took a quarter
    of the server's time. Writes are joined and sent when the loop turns;
    `close` (and the client's EOF, after which asyncio closes the transport itself) sends
    them first. Everything else is the transport's own. (Sending at once when a response
    is complete instead was measured slower with 50 clients: 4,700-7,200 req/s against
    9,500-10,100, fixed answer, alternating runs. Sent at the turn's end, the answers of
    all connections served in a turn go out together and the clients wake once for them.)
    The server's only connection has no other answer to wait for: the protocol sends its
    answer as soon as it is complete (one client: 3,150-3,980 req/s at the turn's end,
    3,850-5,000 at once, alternating runs on a quiet machine).
    """

    __slots__ = ("_loop", "_pending", "_transport")

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._pending: list[bytes] = []

    def write(self, data: bytes) -> None:
        if not self._pending:
            self._loop.call_soon(self.flush)
        self._pending.append(bytes(data))

    def flush(self) -> None:
        pending, self._pending = self._pending, []
        if pending:
            self._transport.write(b"".join(pending))

    def write_now(self, data: bytes) -> None:
        """Send `data` after what is pending, without waiting for the turn's end."""
        self._pending.append(data)
        self.flush()

    def close(self) -> None:
        self.flush()
        self._transport.close()

    def abort(self) -> None:
        self._pending = []
        self._transport.abort()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


UNPARSEABLE = (
    "the request is not valid HTTP/1.1 (RFC 9112): its request line, a header field or "
    "the framing of its body could not be parsed"
)


def _raw_response(response: Response) -> bytes:
    reason = HTTPStatus(response.status).phrase.encode("ascii")
    lines = [b"HTTP/1.1 %d %s" % (response.status, reason)]
    lines += [name + b": " + value for name, value in response.wire_headers()]
    return b"\r\n".join(lines) + b"\r\n\r\n" + response.body


HTTP_PROTOCOLS: dict[str, type[asyncio.Protocol]] = {
    "httptools": _StrictHttpToolsProtocol,
    "h11": _ProblemH11Protocol,
}


def server_config(app: AsgiApp, http: type[asyncio.Protocol]) -> uvicorn.Config:
    """uvicorn's configuration: `app` over the protocol `http`, loaded."""
    config = uvicorn.Config(
        app,
        http=http,
        loop="asyncio",
        ws="none",
        lifespan="off",
        interface="asgi3",
        log_config=None,
        log_level="error",
        access_log=False,
        proxy_headers=False,
        server_header=False,
        backlog=BACKLOG,
        timeout_keep_alive=KEEP_ALIVE,
        timeout_graceful_shutdown=SHUTDOWN_GRACE,
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
    )
    config.load()
    return config


class _Server(uvicorn.Server):
    """A uvicorn server that says when it accepts connections."""

    def __init__(self, config: uvicorn.Config, ready: threading.Event) -> None:
        super().__init__(config)
        self.ready = ready

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        self.ready.set()


class LoopbackServer:
    """An ASGI application served by uvicorn on `host:port` in a background thread."""

    def __init__(
        self, app: AsgiApp, *, host: str = "127.0.0.1", port: int = 0, http: str = "httptools"
    ) -> None:
        self.app = app
        self.http = HTTP_PROTOCOLS[http]
        self.host = host
        self.port = port
        self._socket: socket.socket | None = None
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None

    @property
    def address(self) -> tuple[str, int]:
        if self._socket is None:
            raise RuntimeError("the server is not running")
        host, port = self._socket.getsockname()[:2]
        return str(host), int(port)

    def start(self) -> None:
        if self._socket is not None:
            return
        listener = _bind(self.host, self.port)
        ready = threading.Event()
        config = server_config(self.app, self.http)
        server = _Server(config, ready)
        self._failure = None
        thread = threading.Thread(
            target=self._run,
            args=(server, listener),
            name=f"fixture-server-{listener.getsockname()[1]}",
            daemon=True,
        )
        self._socket, self._server, self._thread = listener, server, thread
        thread.start()
        while not ready.wait(0.05):
            if not thread.is_alive():
                break
        if not ready.is_set():
            self._socket = self._server = self._thread = None
            listener.close()
            raise RuntimeError(f"the server could not start: {self._failure}")

    def stop(self) -> None:
        server, thread, listener = self._server, self._thread, self._socket
        if server is None or thread is None or listener is None:
            return
        server.should_exit = True
        thread.join()
        listener.close()
        self._socket = self._server = self._thread = None

    def _run(self, server: _Server, listener: socket.socket) -> None:
        try:
            asyncio.run(_serve(server, listener))
        except BaseException as error:  # reported by start(), or logged if after it
            self._failure = error
            if server.ready.is_set():
                log.exception("fixture server: the server thread failed")


async def _serve(server: _Server, listener: socket.socket) -> None:
    asyncio.get_running_loop().set_exception_handler(_ResourceWarnings())
    try:
        await server.serve(sockets=[listener])
    finally:
        # Connections still open after the grace period (a client in the middle of
        # sending a body) are closed with the loop.
        for connection in list(server.server_state.connections):
            transport = getattr(connection, "transport", None)
            if transport is not None:
                transport.close()
        await asyncio.sleep(0)


class _ResourceWarnings:
    """The event loop's exception handler: "out of file descriptors" once in a while.

    Out of descriptors, asyncio (3.11) stops accepting for a second, but first logs the
    failure with a traceback once per accept attempt, up to the listen backlog, every
    second; that logging, not the accepting, cost most of a core. It is said once every
    RESOURCE_WARNING_INTERVAL seconds instead; other errors go to the default handler.
    """

    def __init__(self) -> None:
        self.last = -RESOURCE_WARNING_INTERVAL

    def __call__(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        if context.get("message") != "socket.accept() out of system resource":
            loop.default_exception_handler(context)
            return
        now = loop.time()
        if now - self.last >= RESOURCE_WARNING_INTERVAL:
            self.last = now
            log.warning(
                "fixture server: cannot accept connections (%s); retrying every second",
                context.get("exception"),
            )


def _bind(host: str, port: int) -> socket.socket:
    """A bound TCP socket; created with IPPROTO_TCP so that asyncio sets TCP_NODELAY."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    listener = socket.socket(family, kind, proto)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(address)
    except OSError:
        listener.close()
        raise
    return listener


class LoopbackService:
    """A service answering `Request`s: over a socket, as ASGI, or as an httpx transport.

    A subclass implements `_handle` and sets `base_path` (the path of the document's
    first server URL), `host`, `requested_port` and `max_body`.
    """

    base_path: str = ""
    host: str = "127.0.0.1"
    requested_port: int = 0
    max_body: int = MAX_BODY
    http: str = "httptools"
    _loopback: LoopbackServer | None = None

    def _handle(self, request: Request) -> Response:
        raise NotImplementedError

    def respond(self, request: Request) -> Response:
        """The answer to `request`, whichever way it came. Never raises."""
        if len(request.body) > self.max_body:
            return body_too_large(too_large_detail(len(request.body), self.max_body))
        try:
            return self._handle(request)
        except Exception:
            log.exception("fixture server: answering %s %s failed", request.method, request.target)
            return problem_response(
                500,
                "internal-error",
                "Internal Server Error",
                "the fixture server failed on this request; this is a bug in the fixture "
                "server, and its log has the details",
            )

    def asgi_app(self) -> AsgiApp:
        """This service as an ASGI 3 application."""
        return AsgiApp(self.respond, max_body=self.max_body)

    def transport(self) -> FixtureTransport:
        """This service in-process, for `httpx.Client(transport=...)` or `httpx.AsyncClient`.

        No socket is opened: requests are answered in the calling thread (or event loop)
        with the same checks and the same answers as over HTTP.
        """
        from .transport import FixtureTransport

        return FixtureTransport(self.respond)

    # -- the socket ----------------------------------------------------------------------

    def start(self) -> Self:
        if self._loopback is None:
            loopback = LoopbackServer(
                self.asgi_app(), host=self.host, port=self.requested_port, http=self.http
            )
            loopback.start()
            self._loopback = loopback
        return self

    def stop(self) -> None:
        loopback, self._loopback = self._loopback, None
        if loopback is not None:
            loopback.stop()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._loopback is None:
            raise RuntimeError("the server is not running: call start() or use `with`")
        return self._loopback.address[1]

    @property
    def base_url(self) -> str:
        """`http://127.0.0.1:PORT` plus the path of the document's first server URL."""
        if self._loopback is None:
            raise RuntimeError("the server is not running: call start() or use `with`")
        host, port = self._loopback.address
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{port}{self.base_path}"

    def url(self, path: str) -> str:
        return self.base_url + path
