"""The fixture server (and the recording proxy) as an ASGI application, for uvicorn.

uvicorn, on httptools (llhttp) or h11, reads the HTTP/1.1 framing (request line, header
syntax, Content-Length, chunked bodies, `Expect: 100-continue` only from HTTP/1.1 clients)
and answers what it cannot parse with 400 (`serving.py`). This adapter adds what both
parsers leave to the application, each answered with a problem document and the
connection closed:

* a version other than HTTP/1.0 or HTTP/1.1 (both parse `HTTP/2.0` request lines);
* more than one `Host` header;
* `Transfer-Encoding` on an HTTP/1.0 request, or together with `Content-Length`
  (RFC 9112 6.1: the framing is ambiguous, a request smuggling vector);
* header fields above `MAX_HEADER_BYTES` in all (431);
* a target that is neither a path nor an absolute http(s) URL.

A body above the size limit gets 413 as soon as the limit is passed or, for a declared
Content-Length, before a byte of it is read; uvicorn then discards the rest as it comes,
keeping the connection (closing it under data still in flight would reset it, and the
client could lose the answer), unless the declared length is above `DRAIN_LIMIT`.

Then the body is read and the `Request` handed to the service's `respond`, synchronously:
every request costs bounded work (`messages.py`), so the event loop is never held long.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from .messages import MAX_HEADER_BYTES, Request, Response
from .problems import body_too_large, headers_too_large, malformed_request

log = logging.getLogger("generator.fixture_server")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
Respond = Callable[[Request], Response]
DRAIN_LIMIT = 16 * 1024 * 1024
"""A declared body above the size limit but below this is discarded after the answer,
keeping the connection; above it, the connection is closed."""


def too_large_detail(size: int | None, limit: int) -> str:
    if size is None:
        return f"the body exceeds the limit of {limit:,} bytes"
    return f"the body has {size:,} bytes; the limit is {limit:,}"


class AsgiApp:
    """An ASGI 3 application answering every HTTP request with `respond(request)`."""

    def __init__(self, respond: Respond, *, max_body: int) -> None:
        self.respond = respond
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == "lifespan":
            await _lifespan(receive, send)
            return
        if kind != "http":
            return  # uvicorn runs without WebSocket support: nothing else arrives
        head = self._read_head(scope)
        if isinstance(head, Response):
            response = head
        else:
            body = await self._body(receive)
            if body is None:
                return  # the client went away
            response = body if isinstance(body, Response) else self._answer(scope, head, body)
        await send_response(send, response)

    def answer_read(self, scope: Scope, body: bytes) -> Response:
        """What `__call__` answers to a request whose body has been read whole, at once.

        For an HTTP layer that has the whole request in hand (see `serving.py`): the same
        checks, in the same order, and the same answer, without an ASGI exchange.
        """
        head = self._read_head(scope)
        if isinstance(head, Response):
            return head
        if len(body) > self.max_body:
            return body_too_large(too_large_detail(None, self.max_body))
        return self._answer(scope, head, body)

    def _read_head(self, scope: Scope) -> str | Response:
        """The request target, or the answer refusing the request from its head alone."""
        response = _framing_problem(scope)
        if response is not None:
            return response
        target = _target(scope)
        if target is None:
            return malformed_request("the request target must be a path (or an absolute http URL)")
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body:
            # A client that sent `Expect: 100-continue` gets no 100 and sends nothing.
            close = declared > DRAIN_LIMIT
            return body_too_large(too_large_detail(declared, self.max_body), close=close)
        return target

    def _answer(self, scope: Scope, target: str, body: bytes) -> Response:
        fields = [
            (name.decode("latin-1"), value.decode("latin-1")) for name, value in scope["headers"]
        ]
        return self.respond(Request.from_fields(scope["method"], target, fields, body))

    async def _body(self, receive: Receive) -> bytes | Response | None:
        limit = self.max_body
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                return body_too_large(too_large_detail(None, limit))
            if chunk:
                chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)


async def send_response(send: Send, response: Response) -> None:
    """`response` as the two ASGI messages of an answer."""
    await send(
        {
            "type": "http.response.start",
            "status": response.status,
            "headers": response.wire_headers(),
        }
    )
    await send({"type": "http.response.body", "body": response.body})


def _framing_problem(scope: Scope) -> Response | None:
    version = scope["http_version"]
    if version not in ("1.1", "1.0"):
        return malformed_request(f"HTTP/{version} is not served; only HTTP/1.1 and HTTP/1.0")
    hosts = 0
    transfer_encoding = content_length = False
    size = 0
    for name, value in scope["headers"]:
        size += len(name) + len(value) + 4
        if name == b"host":
            hosts += 1
        elif name == b"transfer-encoding":
            transfer_encoding = True
        elif name == b"content-length":
            content_length = True
    if size > MAX_HEADER_BYTES:
        return headers_too_large(
            f"the header fields take {size:,} bytes; the limit is {MAX_HEADER_BYTES:,}"
        )
    if hosts > 1:
        return malformed_request("more than one Host header")
    if transfer_encoding and version == "1.0":
        return malformed_request("Transfer-Encoding is not allowed in an HTTP/1.0 request")
    if transfer_encoding and content_length:
        return malformed_request(
            "both Transfer-Encoding and Content-Length are present; send only one"
        )
    return None


def _target(scope: Scope) -> str | None:
    """The request target in origin form (`/path?query`), still percent-encoded."""
    path = bytes(scope["raw_path"]).decode("ascii")
    if not path.startswith("/"):
        scheme, separator, rest = path.partition("://")
        if not separator or scheme.lower() not in ("http", "https"):
            return None
        slash = rest.find("/")
        path = rest[slash:] if slash >= 0 else "/"
    query = bytes(scope["query_string"]).decode("ascii")
    return f"{path}?{query}" if query else path


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            # h11 has checked the syntax; equal repeated values arrive joined by commas.
            return int(value.split(b",")[0])
    return None


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
