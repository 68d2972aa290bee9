"""The operations under test, making one call with either client, and checking that no
credential leaked from it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import traceback
import urllib.parse
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, Literal
from unittest import mock

import httpx
import primotexto
from primotexto import AccountStats, ApiResponse, SendResult, _client

from .faultserver import Reply

# A made-up key with characters a URL must escape, so that its percent-encoded
# form (the one in the query string of the browser-form operation) is checked as well.
KEY = "Pt+k3Y/Zm9vYmFy=Tv7c1e2d9a"
SECRET_FORMS = (KEY, urllib.parse.quote(KEY, safe=""), urllib.parse.quote_plus(KEY))


@dataclass(frozen=True)
class Operation:
    """One operation of the client under test, and what a test needs to call and check it."""

    name: str
    """The method of `Client` and `AsyncClient` (and the builder in `_operations`)."""
    label: str
    """How the names of test cases refer to it."""
    operation_id: str
    method: str
    arguments: Mapping[str, str]
    idempotent: bool
    """Whether the client may repeat it after an ambiguous failure."""
    sends_message: bool
    """Whether the API sends an SMS for each request it receives whole."""
    key_in: Literal["header", "query"]
    """Where the request carries the API key."""
    ok_body: bytes
    """A valid 200 body of this operation."""
    expected: object
    """`ok_body` as the client parses it."""

    def __str__(self) -> str:
        return self.label


SEND_OK_BODY = b'{"creditsUsed": 1.0, "snapshotId": "386479"}'
SENT = SendResult(credits_used=1.0, snapshot_id="386479")
MESSAGE = {"message": "Code de confirmation: 283951"}

POST = Operation(
    name="send_notification_message",
    label="post",
    operation_id="sendNotificationMessage",
    method="POST",
    arguments={"number": "+33600000000", **MESSAGE},
    idempotent=False,
    sends_message=True,
    key_in="header",
    ok_body=SEND_OK_BODY,
    expected=SENT,
)
"""Sends an SMS: never repeated once it may have been received."""

FORM_GET = Operation(
    name="send_notification_message_with_query_key",
    label="form get",
    operation_id="sendNotificationMessageWithQueryKey",
    method="GET",
    arguments={"identifier": "+33600000000", **MESSAGE},
    idempotent=False,  # `x-idempotent: false` in the description, over its method's default
    sends_message=True,
    key_in="query",
    ok_body=SEND_OK_BODY,
    expected=SENT,
)
"""The browser form: a GET that sends an SMS, with the key in the query string. Like the
POST, it is never repeated once it may have been received."""

GET = Operation(
    name="get_account_stats",
    label="get",
    operation_id="getAccountStats",
    method="GET",
    arguments={},
    idempotent=True,
    sends_message=False,
    key_in="header",
    # The vendor's example (spec/recordings/getAccountStats-vendor-example.yaml).
    ok_body=(
        b'{"bounces": 1247, "credits": 279, "delivered": 12484, "sent": 14925,'
        b' "submitted": 14811, "undelivered": 2441, "unsubscribers": 213}'
    ),
    expected=AccountStats(
        credits=279.0,
        sent=14925,
        submitted=14811,
        delivered=12484,
        undelivered=2441,
        bounces=1247,
        unsubscribers=213,
    ),
)
"""Idempotent: reads the account's totals, so it may be repeated after any failure."""

OPERATIONS = (POST, FORM_GET, GET)
NOT_REPEATED = (POST, FORM_GET)
"""The operations that send an SMS, whatever their method: retried only when they provably
did not reach the API (no connection could be made) or the API refused them (429)."""


def ok(operation: Operation) -> Reply:
    """A valid 200 answer to `operation`."""
    return Reply(200, operation.ok_body)


TIMEOUT = 0.5
"""The timeout of calls the fault server stalls (`Stall`), in seconds: short, so that
the suite stays quick, yet long enough for the server's other answers to arrive in
time on a loaded machine."""
PATIENT_TIMEOUT = 30.0
"""The timeout of every other call: one that no answer should ever come near."""
FAST_INITIAL_DELAY = 0.02
FAST_MAX_DELAY = 0.05
"""The backoff the fault tests patch in: attempt n waits at most this long."""


@dataclass
class Outcome:
    """What one call produced, how long it took (client setup excluded), and each wait
    between attempts as the client chose it (see `WaitRecorder`).

    Tests judge the waits, never the elapsed time against an upper bound: a loaded
    machine makes any call slower, never a wait shorter.
    """

    response: ApiResponse[object] | None
    error: Exception | None
    elapsed: float
    waits: list[float] = field(default_factory=list)


class WaitRecorder:
    """Stands in for `time` and `asyncio` in `primotexto._client`, whose only use of
    either is `sleep` between attempts: records each wait, then waits as asked."""

    def __init__(self) -> None:
        self.waits: list[float] = []
        self.time = SimpleNamespace(sleep=self._sleep)
        self.asyncio = SimpleNamespace(sleep=self._async_sleep)

    def _sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        time.sleep(seconds)

    async def _async_sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        await asyncio.sleep(seconds)

    @contextlib.contextmanager
    def installed(self) -> Iterator[WaitRecorder]:
        with (
            mock.patch.object(_client, "time", self.time),
            mock.patch.object(_client, "asyncio", self.asyncio),
        ):
            yield self


def call(
    mode: str,
    base_url: str,
    operation: Operation,
    *,
    options: dict[str, Any] | None = None,
    **client_arguments: Any,
) -> Outcome:
    """Call `operation` once with a fresh `Client` ("sync") or `AsyncClient` ("async").

    `client_arguments` go to the constructor (the timeout defaults to `PATIENT_TIMEOUT`),
    `options` to `with_options` for this call only.
    """
    client_arguments.setdefault("timeout", PATIENT_TIMEOUT)
    with WaitRecorder().installed() as recorder:
        if mode == "sync":
            outcome = _call_sync(base_url, operation, options, client_arguments)
        else:
            outcome = asyncio.run(_call_async(base_url, operation, options, client_arguments))
    outcome.waits = recorder.waits
    return outcome


def _call_sync(
    base_url: str, operation: Operation, options: dict[str, Any] | None, arguments: dict[str, Any]
) -> Outcome:
    with primotexto.Client(api_key=KEY, base_url=base_url, **arguments) as client:
        target = client.with_options(**options) if options else client
        method = getattr(target.with_raw_response, operation.name)
        start = time.monotonic()
        try:
            response: ApiResponse[object] = method(**operation.arguments)
        except primotexto.PrimotextoError as error:
            return Outcome(None, error, time.monotonic() - start)
        return Outcome(response, None, time.monotonic() - start)


async def _call_async(
    base_url: str, operation: Operation, options: dict[str, Any] | None, arguments: dict[str, Any]
) -> Outcome:
    async with primotexto.AsyncClient(api_key=KEY, base_url=base_url, **arguments) as client:
        target = client.with_options(**options) if options else client
        method = getattr(target.with_raw_response, operation.name)
        start = time.monotonic()
        try:
            response: ApiResponse[object] = await method(**operation.arguments)
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


def keys_received(target: str, headers: Mapping[str, str]) -> dict[str, str]:
    """Where a request carried a key, as the server received it: "header", "query", or both."""
    found = {
        "header": headers.get("x-primotexto-apikey"),
        "query": dict(httpx.URL(target).params).get("apiKey"),
    }
    return {place: key for place, key in found.items() if key is not None}
