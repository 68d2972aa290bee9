"""The rest of the policy: refused connections, per-call options, timeouts, the real
backoff and Retry-After values, insecure URLs, logging, and an event loop left free."""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import json
import logging
import random
import time
import traceback
import urllib.parse
from types import SimpleNamespace
from typing import Any

import httpx
import primotexto
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from primotexto import (
    APIConnectionError,
    APITimeoutError,
    ConfigurationError,
    InternalServerError,
    OutcomeUnknownError,
    ResponseValidationError,
    _base_client,
    _client,
    _operations,
)
from primotexto.errors import excerpt

from .faultserver import JSON, Action, FaultServer, Reply, Stall
from .support import (
    FAST_MAX_DELAY,
    FORM_GET,
    GET,
    KEY,
    NOT_REPEATED,
    OPERATIONS,
    POST,
    SECRET_FORMS,
    TIMEOUT,
    Operation,
    assert_no_secret,
    call,
    error_texts,
    ok,
)


def attempts_logged(records: list[logging.LogRecord]) -> int:
    return sum(1 for record in records if record.name == "primotexto" and "(attempt " in record.msg)


# ---------------------------------------------------------------- the operations under test


@pytest.mark.parametrize("operation", OPERATIONS, ids=str)
def test_the_operations_under_test_are_what_the_suite_assumes(operation: Operation) -> None:
    # Every case relies on these: a change to the description shows here first.
    request = getattr(_operations, operation.name)(**operation.arguments)
    assert request.operation_id == operation.operation_id
    assert request.method == operation.method
    assert request.idempotent is operation.idempotent
    scheme = "apiKeyQuery" if operation.key_in == "query" else "apiKeyHeader"
    assert request.security == ((scheme,),)
    assert request.parse(httpx.Response(200, json=json.loads(operation.ok_body))) == (
        operation.expected
    )


# ---------------------------------------------------------------- refused connections


@pytest.mark.usefixtures("fast_backoff")
@pytest.mark.parametrize("operation", OPERATIONS, ids=str)
def test_refused_connection_is_retried_then_apiconnectionerror(
    mode: str, operation: Operation, caplog: pytest.LogCaptureFixture
) -> None:
    # A bound socket that is not listening refuses connections: nothing is ever sent,
    # so even the calls that send an SMS may be tried again.
    with FaultServer([ok(operation)], listening=False) as server:
        outcome = call(mode, server.url, operation)
    error = outcome.error
    assert isinstance(error, APIConnectionError) and type(error) is APIConnectionError
    assert error.operation == operation.operation_id
    assert "ConnectError" in str(error)
    assert error.attempts == 3 and attempts_logged(caplog.records) == 3
    assert server.connections == 0 and server.received == 0
    assert len(outcome.waits) == 2 and all(0 < w <= FAST_MAX_DELAY for w in outcome.waits)
    assert_no_secret(error_texts(error), caplog.records)


@pytest.mark.parametrize("operation", NOT_REPEATED, ids=str)
def test_refused_then_the_server_comes_up(
    mode: str,
    operation: Operation,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = FaultServer([ok(operation)], listening=False)

    def backoff_then_listen(attempt: int) -> float:
        # The first refusal was seen; the server starts while the client waits.
        if attempt == 1:
            server.listen()
        return 0.01

    monkeypatch.setattr(_base_client, "_backoff", backoff_then_listen)
    with server:
        outcome = call(mode, server.url, operation)
    assert outcome.error is None, repr(outcome.error)
    assert outcome.response is not None and outcome.response.attempts == 2
    assert outcome.response.parsed == operation.expected
    assert server.connections == 1 and server.received == 1  # sent once
    assert_no_secret([], caplog.records)


# ---------------------------------------------------------------- per call options


@pytest.mark.usefixtures("fast_backoff")
@pytest.mark.parametrize(("per_call", "attempts"), [(0, 1), (4, 5)])
def test_with_options_sets_max_retries_for_one_call(
    mode: str, per_call: int, attempts: int, caplog: pytest.LogCaptureFixture
) -> None:
    with FaultServer([Reply(503)]) as server:
        outcome = call(mode, server.url, GET, options={"max_retries": per_call})
    error = outcome.error
    assert isinstance(error, InternalServerError) and type(error) is InternalServerError
    assert error.attempts == attempts and server.connections == attempts
    assert_no_secret(error_texts(error), caplog.records)


@pytest.fixture
def sent_timeouts(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, float | None]]:
    """The timeouts each HTTP request the clients build carries (httpx enforces them)."""
    timeouts: list[dict[str, float | None]] = []
    build = _base_client.BaseClient._build

    def recording_build(self: Any, request: Any) -> httpx.Request:
        http_request = build(self, request)
        timeouts.append(http_request.extensions["timeout"])
        return http_request

    monkeypatch.setattr(_base_client.BaseClient, "_build", recording_build)
    return timeouts


@pytest.mark.parametrize("operation", NOT_REPEATED, ids=str)
def test_with_options_sets_the_timeout_for_one_call(
    mode: str,
    operation: Operation,
    caplog: pytest.LogCaptureFixture,
    sent_timeouts: list[dict[str, float | None]],
) -> None:
    # The client would wait 5 s; this call waits TIMEOUT, and the send is not repeated.
    with FaultServer([Stall(), ok(operation)]) as server:
        outcome = call(mode, server.url, operation, timeout=5.0, options={"timeout": TIMEOUT})
    error = outcome.error
    assert isinstance(error, OutcomeUnknownError)
    assert error.attempts == 1 and server.connections == 1 and server.received == 1
    assert sent_timeouts == [httpx.Timeout(TIMEOUT).as_dict()]
    assert outcome.elapsed >= TIMEOUT * 0.95  # it did wait for the answer, that long at least
    assert outcome.waits == []
    assert_no_secret(error_texts(error), caplog.records)


@pytest.mark.usefixtures("fast_backoff")
def test_per_call_timeout_and_retries_together(
    mode: str, caplog: pytest.LogCaptureFixture, sent_timeouts: list[dict[str, float | None]]
) -> None:
    with FaultServer([Stall()]) as server:
        outcome = call(
            mode, server.url, GET, timeout=5.0, options={"timeout": 0.1, "max_retries": 1}
        )
    error = outcome.error
    assert isinstance(error, APITimeoutError) and type(error) is APITimeoutError
    assert error.attempts == 2 and server.connections == 2
    # One request built, sent twice; one wait between the attempts.
    assert sent_timeouts == [httpx.Timeout(0.1).as_dict()]
    assert len(outcome.waits) == 1 and 0 < outcome.waits[0] <= FAST_MAX_DELAY
    assert outcome.elapsed >= 2 * 0.1 * 0.95
    assert_no_secret(error_texts(error), caplog.records)


def test_timeouts_default_and_are_overridable() -> None:
    with primotexto.Client(api_key=KEY) as client:
        assert (client.timeout.connect, client.timeout.read) == (5.0, 30.0)
        assert client.max_retries == 2
        one_call = client.with_options(timeout=httpx.Timeout(2.0, connect=1.0), max_retries=0)
        assert (one_call.timeout.connect, one_call.timeout.read, one_call.max_retries) == (
            1.0,
            2.0,
            0,
        )
        assert (client.timeout.read, client.max_retries) == (30.0, 2)  # unchanged
    with primotexto.Client(api_key=KEY, timeout=3.0, max_retries=7) as client:
        assert (client.timeout.connect, client.timeout.read, client.max_retries) == (3.0, 3.0, 7)


@pytest.mark.parametrize("arguments", [{"max_retries": -1}, {"max_response_bytes": 0}], ids=str)
def test_nonsense_limits_are_refused(arguments: dict[str, Any]) -> None:
    with pytest.raises(ConfigurationError):
        primotexto.Client(api_key=KEY, **arguments)


# ---------------------------------------------------------------- the real backoff


def test_backoff_doubles_from_half_a_second_up_to_the_cap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert (_base_client.INITIAL_RETRY_DELAY, _base_client.MAX_RETRY_DELAY) == (0.5, 8.0)
    assert _base_client.MAX_RETRY_AFTER == 60.0
    without_jitter = [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    monkeypatch.setattr(random, "random", lambda: 0.0)
    assert [_base_client._backoff(n) for n in range(1, 8)] == without_jitter
    assert _base_client._backoff(100_000) == 8.0  # no overflow, however many attempts
    monkeypatch.setattr(random, "random", lambda: 1.0)
    assert [_base_client._backoff(n) for n in range(1, 8)] == [0.75 * d for d in without_jitter]


def test_backoff_is_jittered() -> None:
    samples = [_base_client._backoff(3) for _ in range(200)]
    assert all(1.5 <= sample <= 2.0 for sample in samples)
    assert len(set(samples)) > 150 and max(samples) - min(samples) > 0.25


@given(st.integers(min_value=1, max_value=10_000))
def test_backoff_stays_within_its_bounds(attempt: int) -> None:
    ceiling = min(8.0, 0.5 * 2.0 ** min(attempt - 1, 64))
    assert 0.75 * ceiling <= _base_client._backoff(attempt) <= ceiling


@pytest.mark.parametrize(
    ("operation", "status", "header", "delay"),
    [
        (POST, 429, "60", 60.0),
        (POST, 429, "61", None),
        (POST, 429, "3600", None),
        (FORM_GET, 429, "60", 60.0),
        (FORM_GET, 429, "61", None),
        (GET, 429, "60", 60.0),
        (GET, 503, "60", 60.0),
        (GET, 503, "61", None),
        (GET, 503, "3600", None),
        # A call that sends an SMS is never repeated after a 503, however short the wait.
        (POST, 503, "1", None),
        (FORM_GET, 503, "1", None),
    ],
    ids=str,
)
def test_retry_after_is_waited_for_up_to_the_real_bound(
    operation: Operation, status: int, header: str, delay: float | None
) -> None:
    request = getattr(_operations, operation.name)(**operation.arguments)
    with primotexto.Client(api_key=KEY, base_url="https://api.example.com/v2") as client:
        answer = httpx.Response(
            status, headers={"Retry-After": header}, request=client._build(request)
        )
        assert client._delay_after_status(request, answer, attempt=1) == delay


def retry_after(value: str) -> float | None:
    # As bytes, as they come off the wire (httpx then decodes UTF-8 when it can).
    return _base_client._retry_after(httpx.Headers({b"Retry-After": value.encode()}))


def test_retry_after_in_both_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    assert retry_after("1") == 1.0
    assert retry_after(" 120 ") == 120.0
    assert _base_client._retry_after(httpx.Headers()) is None
    # The client's clock stands still, so that a date means an exact wait.
    now = float(int(time.time()))
    monkeypatch.setattr(_base_client, "time", SimpleNamespace(time=lambda: now))
    assert retry_after(email.utils.formatdate(now + 30, usegmt=True)) == 30.0
    # The same moment written with "-0000" (a naive time, to be read as UTC).
    assert retry_after(email.utils.formatdate(now + 30)) == 30.0
    assert retry_after(email.utils.formatdate(now - 600, usegmt=True)) == 0.0
    for nonsense in ("soon", "-5", "1.5", "", "\u0661\u0662"):  # the last: Arabic-Indic "12"
        assert retry_after(nonsense) is None


# ---------------------------------------------------------------- secrets


@pytest.mark.parametrize(
    ("base_url", "allowed"),
    [
        ("http://api.example.com/v2", False),
        ("http://user:hunter2secret@api.example.com/v2", False),
        ("ftp://api.example.com/v2", False),
        ("https://api.example.com/v2", True),
        ("http://127.0.0.1:8080/v2", True),
        ("http://localhost:8080/v2", True),
        ("http://[::1]:8080/v2", True),
    ],
)
def test_plain_http_to_a_remote_host_is_refused(mode: str, base_url: str, allowed: bool) -> None:
    client_class = primotexto.Client if mode == "sync" else primotexto.AsyncClient
    if not allowed:
        with pytest.raises(ConfigurationError) as caught:
            client_class(api_key=KEY, base_url=base_url)
        assert "hunter2secret" not in "".join(traceback.format_exception(caught.value))
        if base_url.startswith("http:"):
            assert "allow_insecure_http" in str(caught.value)
            client = client_class(api_key=KEY, base_url=base_url, allow_insecure_http=True)
        else:
            return
    else:
        client = client_class(api_key=KEY, base_url=base_url)
    if isinstance(client, primotexto.AsyncClient):
        asyncio.run(client.aclose())
    else:
        client.close()


@pytest.mark.parametrize(
    "bad",
    [KEY + "\n", " " + KEY, KEY[:8] + "é" + KEY[8:]],
    ids=["trailing newline", "leading space", "non-ASCII"],
)
def test_a_key_that_cannot_be_sent_is_refused_without_showing_it(bad: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        primotexto.Client(api_key=bad, base_url="https://api.example.com/v2")
    text = "".join(traceback.format_exception(caught.value))
    assert KEY[:8] not in text and KEY[9:] not in text


def test_the_client_logs_through_its_logger_with_secrets_redacted(
    caplog: pytest.LogCaptureFixture,
) -> None:
    for operation in OPERATIONS:
        with FaultServer([ok(operation)]) as server:
            assert call("sync", server.url, operation).error is None
    ours = [r.getMessage() for r in caplog.records if r.name == "primotexto"]
    assert any("apiKey=<redacted>" in message for message in ours)
    assert any("'x-primotexto-apikey': '<redacted>'" in message for message in ours)
    httpx_lines = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert any("apiKey=<redacted>" in line for line in httpx_lines)
    assert_no_secret([], caplog.records)


def test_repr_shows_no_key(mode: str) -> None:
    client_class = primotexto.Client if mode == "sync" else primotexto.AsyncClient
    client = client_class(api_key=KEY, base_url="https://api.example.com/v2")
    texts = [repr(client), repr(client.with_options(timeout=1)), repr(vars(client))]
    assert_no_secret(texts, [])
    if isinstance(client, primotexto.AsyncClient):
        asyncio.run(client.aclose())
    else:
        client.close()


def test_outcome_unknown_is_not_a_connection_error() -> None:
    # Code that retries APIConnectionError must not resend a message that may be out.
    assert not issubclass(OutcomeUnknownError, APIConnectionError)
    assert issubclass(APITimeoutError, APIConnectionError)


# No "<", ">" or "#": a match can then only lie inside an echo, or inside "<redacted>".
_KEY_ALPHABET = st.sampled_from("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789+/=-_")


@given(
    key=st.text(_KEY_ALPHABET, min_size=8, max_size=48),
    before=st.integers(min_value=0, max_value=1100),
    encoded=st.booleans(),
)
def test_an_echoed_key_never_shows_in_an_error(key: str, before: int, encoded: bool) -> None:
    half = key[: len(key) // 2 + 1].lower()
    assume(half not in "<redacted>")
    echo = urllib.parse.quote(key, safe="") if encoded else key

    def shown(echoed: str) -> list[str]:
        body = ("#" * before + echoed + "#" * 40).encode()
        error = ResponseValidationError(
            "bad",
            operation="op",
            request="GET /",
            status_code=200,
            headers=httpx.Headers(),
            body=body,
            secrets=(key,),
        )
        return [text.lower() for text in (excerpt(body, (key,)), str(error), repr(error))]

    # Wherever the echo falls, even across the cut of the excerpt, no more of the key
    # shows than when the body holds no echo at all (the fixed text may contain a
    # short key by chance, "response" say).
    for with_echo, without in zip(shown(echo), shown("#" * len(echo)), strict=True):
        assert with_echo.count(key.lower()) <= without.count(key.lower())
        assert with_echo.count(half) <= without.count(half)


# ---------------------------------------------------------------- the event loop


@pytest.mark.parametrize(
    ("operation", "script", "waits"),
    [
        (GET, [Reply(503), Reply(503), ok(GET)], 2),
        (POST, [Reply(429, headers=(*JSON, ("Retry-After", "1"))), ok(POST)], 1),
    ],
    ids=["backoff", "retry-after"],
)
def test_async_waiting_does_not_block_the_event_loop(
    operation: Operation,
    script: list[Action],
    waits: int,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # The property, without a clock: each wait of AsyncClient between attempts is an
    # awaited asyncio.sleep, never time.sleep, and another task runs while it lasts.
    monkeypatch.setattr(_base_client, "INITIAL_RETRY_DELAY", 0.15)
    monkeypatch.setattr(_base_client, "MAX_RETRY_DELAY", 0.15)
    real_sleep = asyncio.sleep
    ticks = 0
    ran_while_waiting: list[bool] = []

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await real_sleep(0.005)

    async def observed_sleep(seconds: float) -> None:
        # The ticker's next turn (5 ms at most) comes before this wait's end, whatever
        # the machine's load, if and only if the wait gives the loop back.
        before = ticks
        await real_sleep(seconds)
        ran_while_waiting.append(ticks > before)

    def blocking_sleep(seconds: float) -> None:
        raise AssertionError(f"AsyncClient blocked the event loop with time.sleep({seconds})")

    monkeypatch.setattr(_client, "asyncio", SimpleNamespace(sleep=observed_sleep))
    monkeypatch.setattr(_client, "time", SimpleNamespace(sleep=blocking_sleep))

    async def main(url: str) -> None:
        task = asyncio.create_task(ticker())
        async with primotexto.AsyncClient(api_key=KEY, base_url=url) as client:
            result = await getattr(client, operation.name)(**operation.arguments)
        assert result == operation.expected
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    with FaultServer(script) as server:
        asyncio.run(main(server.url))
    assert ran_while_waiting == [True] * waits
    assert_no_secret([], caplog.records)


def test_secret_forms_are_distinct() -> None:
    # The checks above look for the key as written and percent-encoded: make sure
    # the made-up key really differs between those forms.
    assert len(set(SECRET_FORMS)) >= 2
