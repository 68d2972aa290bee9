"""Requests and responses as the fixture server sees them, whatever carried them.

The same `Request` reaches the replay logic from a socket (uvicorn, `asgi.py`) and from
an in-process `httpx` transport (`transport.py`), and the same `Response` goes back to
both, so the two give identical answers. Every bound on the work one request may cost
is here too.
"""

from __future__ import annotations

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

    __slots__ = ("_asgi_headers", "body", "headers", "status")

    def __init__(self, status: int, headers: list[tuple[str, str]], body: bytes = b"") -> None:
        self.status = status
        self.headers = headers
        self.body = body
        self._asgi_headers: list[tuple[bytes, bytes]] | None = None

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
