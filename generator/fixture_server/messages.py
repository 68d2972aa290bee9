"""Requests and responses as the fixture server sees them, whatever carried them.

The same `Request` reaches the replay logic from a socket (uvicorn, `asgi.py`) and from
an in-process `httpx` transport (`transport.py`), and the same `Response` goes back to
both, so the two give identical answers. Every bound on the work one request may cost
is here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_BODY = 1024 * 1024
"""Request bodies above this many bytes are answered 413 without being read."""
MAX_HEADER_BYTES = 64 * 1024
"""Request headers above this many bytes in all are answered 431."""
MAX_JSON_VALUES = 10_000
"""A JSON body with more values (objects, arrays and scalars) is answered 413: checking,
matching and comparing it would cost more than a fixture server should spend."""
MAX_PROBLEM_BYTES = 64 * 1024
"""The fixture server's own answers never exceed this size; what is cut says so."""


@dataclass(slots=True)
class Request:
    """A request as received: the target still percent-encoded, header names in lower case.

    `headers` joins repeated fields with ", " (cookies with "; "); `raw_headers` keeps
    each field as it came, in order.
    """

    method: str
    target: str
    headers: dict[str, str]
    body: bytes = b""
    raw_headers: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def from_fields(
        cls, method: str, target: str, fields: list[tuple[str, str]], body: bytes
    ) -> Request:
        headers: dict[str, str] = {}
        for name, value in fields:
            key = name.lower()
            previous = headers.get(key)
            if previous is None:
                headers[key] = value
            else:
                headers[key] = previous + ("; " if key == "cookie" else ", ") + value
        return cls(method, target, headers, body, fields)


class Response:
    """A response: status, headers (without Content-Length) and the body's bytes.

    The header list a transport sends is built once per response and kept, so a
    recording's answer costs no encoding work after the first time it is replayed.
    """

    __slots__ = ("_asgi_headers", "_header_block", "body", "headers", "status")

    def __init__(self, status: int, headers: list[tuple[str, str]], body: bytes = b"") -> None:
        self.status = status
        self.headers = headers
        self.body = body
        self._asgi_headers: list[tuple[bytes, bytes]] | None = None
        self._header_block: tuple[bytes | None, bool] | None = None

    @property
    def has_body(self) -> bool:
        return self.status >= 200 and self.status not in (204, 304)

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((v for k, v in self.headers if k.lower() == wanted), None)

    def wire_headers(self) -> list[tuple[bytes, bytes]]:
        """The header fields as bytes, with Content-Length when the status allows a body."""
        encoded = self._asgi_headers
        if encoded is None:
            encoded = [
                (name.encode("latin-1"), value.encode("latin-1")) for name, value in self.headers
            ]
            if self.has_body:
                encoded.append((b"content-length", str(len(self.body)).encode("ascii")))
            self._asgi_headers = encoded
        return encoded

    def header_block(self) -> tuple[bytes, bool] | None:
        """The header fields as HTTP/1.1 lines (`name: value` and CRLF each, names in lower
        case), Content-Length included, and whether a Connection field says `close`; built
        once. None when a field cannot be written as it is: a name that is not a token, a
        value with a control character (RFC 9110 5.1, 5.5), or a field that frames the body
        (Content-Length, Transfer-Encoding: the HTTP layer's, from the body itself).
        """
        if self._header_block is None:
            self._header_block = _header_block(self)
        lines, closes = self._header_block
        return None if lines is None else (lines, closes)


def _header_block(response: Response) -> tuple[bytes | None, bool]:
    if any(name.lower() in _FRAMING for name, _ in response.headers):
        return None, False
    lines: list[bytes] = []
    closes = False
    for name, value in response.wire_headers():
        name = name.lower()
        if not _TOKEN.fullmatch(name) or _CONTROL.search(value):
            return None, False
        if name == b"connection":
            closes = closes or b"close" in [token.strip().lower() for token in value.split(b",")]
        lines.append(name + b": " + value + b"\r\n")
    return b"".join(lines), closes


_FRAMING = ("content-length", "transfer-encoding")
_TOKEN = re.compile(rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_CONTROL = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")
