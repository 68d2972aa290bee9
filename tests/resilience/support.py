"""Making one call with either client, and checking that no credential leaked from it."""

from __future__ import annotations

import asyncio
import logging
import time
import traceback
import urllib.parse
from dataclasses import dataclass
from typing import Any

import httpx
import primotexto
from primotexto import ApiResponse, SendResult

# A made-up key with characters a URL must escape, so that its percent-encoded
# form (the one in the query string of the GET operation) is checked as well.
KEY = "Pt+k3Y/Zm9vYmFy=Tv7c1e2d9a"
SECRET_FORMS = (KEY, urllib.parse.quote(KEY, safe=""), urllib.parse.quote_plus(KEY))

POST = "send_notification_message"
"""Non-idempotent: sends an SMS; never repeated once it may have been received."""
GET = "send_notification_message_with_query_key"
"""Idempotent by its method (GET), with the key in the query string."""
ARGUMENTS: dict[str, dict[str, str]] = {
    POST: {"number": "+33600000000", "message": "Code de confirmation: 283951"},
    GET: {"identifier": "+33600000000", "message": "Code de confirmation: 283951"},
}
OK_BODY = b'{"creditsUsed": 1.0, "snapshotId": "386479"}'

TIMEOUT = 0.2
"""Every timeout of the clients under test, in seconds, unless a test says otherwise."""
FAST_INITIAL_DELAY = 0.02
FAST_MAX_DELAY = 0.05
"""The backoff the fault tests patch in: attempt n waits at most this long."""
SLACK = 1.0
"""Added to every upper bound on elapsed time, for a loaded machine."""


@dataclass
class Outcome:
    """What one call produced, and how long it took (client setup excluded)."""

    response: ApiResponse[SendResult] | None
    error: Exception | None
    elapsed: float


def call(
    mode: str,
    base_url: str,
    operation: str,
    *,
    options: dict[str, Any] | None = None,
    **client_arguments: Any,
) -> Outcome:
    """Call `operation` once with a fresh `Client` ("sync") or `AsyncClient` ("async").

    `client_arguments` go to the constructor (the timeout defaults to `TIMEOUT`),
    `options` to `with_options` for this call only.
    """
    client_arguments.setdefault("timeout", TIMEOUT)
    if mode == "sync":
        return _call_sync(base_url, operation, options, client_arguments)
    return asyncio.run(_call_async(base_url, operation, options, client_arguments))


def _call_sync(
    base_url: str, operation: str, options: dict[str, Any] | None, arguments: dict[str, Any]
) -> Outcome:
    with primotexto.Client(api_key=KEY, base_url=base_url, **arguments) as client:
        target = client.with_options(**options) if options else client
        method = getattr(target.with_raw_response, operation)
        start = time.monotonic()
        try:
            response = method(**ARGUMENTS[operation])
        except primotexto.PrimotextoError as error:
            return Outcome(None, error, time.monotonic() - start)
        return Outcome(response, None, time.monotonic() - start)


async def _call_async(
    base_url: str, operation: str, options: dict[str, Any] | None, arguments: dict[str, Any]
) -> Outcome:
    async with primotexto.AsyncClient(api_key=KEY, base_url=base_url, **arguments) as client:
        target = client.with_options(**options) if options else client
        method = getattr(target.with_raw_response, operation)
        start = time.monotonic()
        try:
            response = await method(**ARGUMENTS[operation])
        except primotexto.PrimotextoError as error:
            return Outcome(None, error, time.monotonic() - start)
        return Outcome(response, None, time.monotonic() - start)


def error_texts(error: BaseException) -> list[str]:
    """Every text a program or a person is likely to see of an error."""
    texts = [str(error), repr(error), "".join(traceback.format_exception(error))]
    # `body` and `parsed` hold the answer exactly as the API sent it, by design.
    attributes = {
        name: value for name, value in vars(error).items() if name not in ("body", "parsed")
    }
    texts.append(repr(attributes))
    return texts


def assert_no_secret(texts: list[str], records: list[logging.LogRecord]) -> None:
    """No form of the key in `texts`, nor in any log record (message or attached exception)."""
    seen = list(texts)
    for record in records:
        seen.append(record.getMessage())
        if record.exc_info and record.exc_info[1] is not None:
            seen.append("".join(traceback.format_exception(record.exc_info[1])))
    for text in seen:
        for form in SECRET_FORMS:
            assert form.lower() not in text.lower(), f"the key leaked into: {text[:300]!r}"


def key_sent_as(operation: str, target: str, headers: dict[str, str]) -> str | None:
    """The key as the server received it, where `operation` sends it."""
    if operation == POST:
        return headers.get("x-primotexto-apikey")
    return dict(httpx.URL(target).params).get("apiKey")
