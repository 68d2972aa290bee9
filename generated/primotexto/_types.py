"""Types shared by the whole client: the not-given marker, prepared requests, raw responses."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Generic, Literal, TypeVar

import httpx

T = TypeVar("T")


class NotGiven(enum.Enum):
    """The value of an optional argument the caller left out.

    It differs from ``None`` only where ``None`` has a meaning of its own: for a
    nullable field, ``None`` sends ``null`` while ``NOT_GIVEN`` sends nothing.
    """

    NOT_GIVEN = "NOT_GIVEN"

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __bool__(self) -> Literal[False]:
        return False


NOT_GIVEN: Final = NotGiven.NOT_GIVEN

Security = tuple[tuple[str, ...], ...]
"""Alternatives of security scheme names; any one complete alternative will do."""


@dataclass(frozen=True)
class JsonBody:
    value: object


@dataclass(frozen=True)
class FormBody:
    fields: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class MultipartBody:
    fields: tuple[tuple[str, str], ...]
    files: tuple[tuple[str, tuple[str, bytes, str | None]], ...]
    """Parts as (name, (file name, content, content type)); an empty file name and no
    content type make a plain form field."""


@dataclass(frozen=True)
class RawBody:
    content: bytes
    content_type: str


Body = JsonBody | FormBody | MultipartBody | RawBody


@dataclass(frozen=True)
class Request(Generic[T]):
    """One call, fully validated and encoded, ready for either client to send."""

    operation_id: str
    method: str
    path: str
    parse: Callable[[httpx.Response], T]
    security: Security
    idempotent: bool
    query: tuple[tuple[str, str], ...] = ()
    headers: tuple[tuple[str, str], ...] = ()
    cookies: tuple[tuple[str, str], ...] = ()
    body: Body | None = None


@dataclass(frozen=True)
class ApiResponse(Generic[T]):
    """A parsed result together with the HTTP response it came from."""

    status_code: int
    headers: httpx.Headers
    content: bytes
    parsed: T
    attempts: int
    """How many times the request was sent (1 when no retry was needed)."""
