"""Reading responses: JSON bodies, and error statuses with the API's own error code."""

from __future__ import annotations

import json
from collections.abc import Mapping

import httpx

from ._decode import DecodeError, Decoder
from .models import ErrorCode


class ErrorStatus(Exception):
    """Raised by an operation's parser for an error status; the client adds the context."""

    def __init__(self, parsed: object | None, code: int | None, code_meaning: str | None) -> None:
        super().__init__(code)
        self.parsed = parsed
        self.code = code
        self.code_meaning = code_meaning


def _is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


def is_json(response: httpx.Response) -> bool:
    """Whether the response says its body is JSON."""
    return _is_json(response.headers.get("content-type", ""))


def json_body(response: httpx.Response, *, empty_is_null: bool = False) -> object:
    """The decoded JSON body, or `DecodeError` saying why there is none.

    With `empty_is_null` (a body that may be null or anything at all), an empty
    body is null rather than an error.
    """
    if empty_is_null and not response.content.strip():
        return None
    content_type = response.headers.get("content-type", "")
    if not _is_json(content_type):
        raise DecodeError("$", f"expected a JSON body, got content type {content_type or 'none'!r}")
    try:
        return json.loads(response.content.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DecodeError("$", f"the body is not valid UTF-8 ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise DecodeError("$", f"the body is not valid JSON ({exc.msg} at {exc.pos})") from None


def failure(response: httpx.Response, decoders: Mapping[str, Decoder[object]]) -> Exception:
    """The exception for a status the operation does not treat as success.

    `decoders` maps the description's status keys ("400", "4XX", "default") to
    the decoder of that response's body.
    """
    status = response.status_code
    if status < 400:
        return DecodeError("$", f"HTTP {status} is not a response this operation describes")
    decoder = (
        decoders.get(str(status)) or decoders.get(f"{status // 100}XX") or decoders.get("default")
    )
    parsed: object | None = None
    if decoder is not None and response.content:
        try:
            parsed = decoder(json_body(response), "$")
        except DecodeError:
            parsed = None  # an error body in another shape must not hide the error itself
    code = getattr(parsed, "code", None)
    if isinstance(code, ErrorCode):
        return ErrorStatus(parsed, int(code), code.description)
    if isinstance(code, int):
        return ErrorStatus(parsed, code, None)
    return ErrorStatus(parsed, None, None)
