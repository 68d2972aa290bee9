"""A scripted HTTP/1.1 server on 127.0.0.1 that fails on purpose.

Each accepted connection carries one request and gets the next action of the
script (the last action repeats once the script is used up). The server counts
what it saw: connections, and requests that arrived whole, so a test can tell
how many times a message would have been sent (by a POST body or by the query
string of a GET alike).

Only the standard library is used, on purpose: the failures have to be exact
(a reset at a chosen moment, a body shorter than its Content-Length), which a
real HTTP server would not produce.
"""

from __future__ import annotations

import contextlib
import email.utils
import select
import socket
import struct
import threading
import time
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

JSON = (("Content-Type", "application/json;charset=UTF-8"),)
HTML = (("Content-Type", "text/html; charset=utf-8"),)


@dataclass(frozen=True)
class Reply:
    """Answer with this status and body, then close the connection."""

    status: int
    body: bytes = b""
    """`{target}` in it is replaced by the request target (percent-encoded, as sent),
    `{apikey}` by the key as the request carried it (header, or else the decoded `apiKey`
    query parameter): an echo of the request, as some error pages show it."""
    headers: tuple[tuple[str, str], ...] = JSON
    content_length: int | None = None
    """The Content-Length to announce: None for the real one, -1 for none (ends at close)."""
    retry_after_in: float | None = None
    """Add `Retry-After` as an HTTP date this many seconds after the moment of answering."""


@dataclass(frozen=True)
class Reset:
    """Abort the connection with a TCP reset, before or after reading the request.

    Before reading, the server still waits until the request has arrived: a
    reset during the TCP handshake would be seen by the client as a failure to
    connect, which proves nothing was sent, and that is another case.
    """

    before_reading: bool


@dataclass(frozen=True)
class Stall:
    """Read the request and never answer, until the client hangs up or the server stops."""


Action = Reply | Reset | Stall


@dataclass(frozen=True)
class Received:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes
    raw: bytes


@dataclass
class FaultServer:
    """Use as a context manager; `url` is the base URL to give the client.

    With `listening=False` the port is reserved but refuses connections until
    `listen()` is called.
    """

    script: Sequence[Action]
    listening: bool = True
    connections: int = 0
    requests: list[Received] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _stop: threading.Event = field(default_factory=threading.Event)
    _threads: list[threading.Thread] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.script:
            raise ValueError("a script needs at least one action")
        self._actions = list(self.script)
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self.port: int = self._socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/v2"

    def __enter__(self) -> FaultServer:
        if self.listening:
            self.listen()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        for thread in list(self._threads):
            thread.join(timeout=10)
        self._socket.close()

    def listen(self) -> None:
        """Start accepting connections (a bound socket that is not listening refuses them)."""
        self._socket.listen(16)
        self._socket.settimeout(0.02)  # so the accepting thread notices the stop promptly
        self._start(self._accept)

    @property
    def received(self) -> int:
        """How many requests arrived whole (head and body): requests the API would act on.

        For an operation that sends a message, each is a message sent, whatever the method.
        """
        with self._lock:
            return len(self.requests)

    # ------------------------------------------------------------ internals

    def _start(self, target: Callable[..., None], *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        with self._lock:
            self._threads.append(thread)
        thread.start()

    def _next_action(self) -> Action:
        with self._lock:
            self.connections += 1
            return self._actions.pop(0) if len(self._actions) > 1 else self._actions[0]

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._start(self._serve, connection, self._next_action())

    def _serve(self, connection: socket.socket, action: Action) -> None:
        with connection:
            connection.settimeout(5.0)
            if isinstance(action, Reset) and action.before_reading:
                select.select([connection], [], [], 5.0)
                _reset(connection)
                return
            received = _read_request(connection)
            if received is None:
                return
            with self._lock:
                self.requests.append(received)
            if isinstance(action, Reset):
                _reset(connection)
            elif isinstance(action, Stall):
                self._stall(connection)
            else:
                # The client may hang up before reading everything (an oversized body).
                with contextlib.suppress(OSError):
                    connection.sendall(_response(action, received))

    def _stall(self, connection: socket.socket) -> None:
        connection.settimeout(0.02)
        while not self._stop.is_set():
            try:
                if not connection.recv(1024):
                    return  # the client hung up
            except TimeoutError:
                continue
            except OSError:
                return


def _reset(connection: socket.socket) -> None:
    """Close with RST instead of FIN: the client sees 'connection reset by peer'."""
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def _read_request(connection: socket.socket) -> Received | None:
    data = b""
    try:
        while b"\r\n\r\n" not in data:
            chunk = connection.recv(65536)
            if not chunk:
                return None
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        request_line, *header_lines = head.decode("latin-1").split("\r\n")
        headers = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        while len(body) < length:
            chunk = connection.recv(65536)
            if not chunk:
                return None
            body += chunk
    except OSError:
        return None
    method, target, _ = request_line.split(" ", 2)
    return Received(method, target, headers, body, head + b"\r\n\r\n" + body)


def _key(received: Received) -> str:
    """The key the request carried: in its header, or else in its query string."""
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(received.target).query)
    return received.headers.get("x-primotexto-apikey") or query.get("apiKey", [""])[0]


def _response(reply: Reply, received: Received) -> bytes:
    body = reply.body.replace(b"{target}", received.target.encode("latin-1"))
    body = body.replace(b"{apikey}", _key(received).encode())
    lines = [f"HTTP/1.1 {reply.status} Scripted", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in reply.headers]
    if reply.retry_after_in is not None:
        moment = time.time() + reply.retry_after_in
        lines.append(f"Retry-After: {email.utils.formatdate(moment, usegmt=True)}")
    if reply.content_length is None:
        lines.append(f"Content-Length: {len(body)}")
    elif reply.content_length >= 0:
        lines.append(f"Content-Length: {reply.content_length}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
