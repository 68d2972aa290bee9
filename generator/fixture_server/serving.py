"""Serving a service on 127.0.0.1 with uvicorn (HTTP/1.1 on h11), or in-process.

`LoopbackService` is what the fixture server and the recording proxy share: a
`respond(request)` that never raises, and three ways to reach it that all give the same
answers: a socket served by uvicorn in a background thread (`start()`/`stop()` or
`with`), an ASGI application (`asgi_app()`) for any ASGI server, and an `httpx`
transport (`transport()`) for tests that want no socket at all.

uvicorn runs one asyncio event loop in its thread: connections cost no thread each, an
idle keep-alive connection is closed after `KEEP_ALIVE` seconds, and a process out of
file descriptors backs off instead of spinning. Its h11 protocol is used as is, except
that a request h11 cannot parse is answered with a problem document instead of text.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from .asgi import AsgiApp, too_large_detail
from .messages import MAX_BODY, MAX_HEADER_BYTES, Request, Response
from .problems import body_too_large, malformed_request, problem_response

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
        response = malformed_request(
            "the request is not valid HTTP/1.1 (RFC 9112): its request line, a header "
            "field or the framing of its body could not be parsed"
        )
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

    def __init__(self, app: AsgiApp, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.app = app
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
        config = uvicorn.Config(
            self.app,
            http=_ProblemH11Protocol,
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
            loopback = LoopbackServer(self.asgi_app(), host=self.host, port=self.requested_port)
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
