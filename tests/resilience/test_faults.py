"""Each failure the fault server can produce, against both clients and both retry policies.

Three operations are called (see `support.py`): an idempotent GET with the key in a
header (`get`), and two calls that send an SMS and so must never be repeated once they
may have reached the API: the POST (`post`) and the browser-form GET with the key in
its query string (`form get`), which the description marks `x-idempotent: false`.

For every case the test checks the error class (or the parsed result), how many
attempts reached the server, how many requests it received whole (at most one
whenever the outcome was ambiguous), each wait the client chose between attempts
(never the time taken against an upper bound: the machine may be slow), and that the
key shows in no error text and no log line. The backoff is shortened
(`fast_backoff`); `test_policy.py` checks the real one.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from primotexto import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    OutcomeUnknownError,
    RateLimitError,
    ResponseValidationError,
    _base_client,
)

from .faultserver import HTML, JSON, Action, FaultServer, Reply, Reset, Stall
from .support import (
    FAST_MAX_DELAY,
    FORM_GET,
    GET,
    KEY,
    NOT_REPEATED,
    POST,
    SEND_OK_BODY,
    TIMEOUT,
    Operation,
    Outcome,
    assert_no_secret,
    call,
    error_texts,
    keys_received,
    ok,
)

pytestmark = pytest.mark.usefixtures("fast_backoff")

MAX_RETRIES = 2
"""The clients' default, used by every case unless it sets its own."""
ALL = MAX_RETRIES + 1
HTML_PAGE = b"<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>"


@dataclass(frozen=True)
class Case:
    name: str
    operation: Operation
    script: tuple[Action, ...]
    error: type[Exception] | None
    """The exact class raised, or None when the call succeeds."""
    attempts: int
    """Connections the server accepted, which is also the attempts the client reports."""
    received: int | None = None
    """Requests the server read whole (for `post` and `form get`, messages the API would
    send); None when that is every attempt."""
    min_elapsed: float = 0.0
    """The call took at least this long (a timeout that fired, seen from outside)."""
    waits: int | tuple[float, ...] | None = 0
    """The waits between attempts: this many of the patched backoff, or exactly these
    (`Retry-After`), or None when `check` judges them."""
    client: dict[str, Any] = field(default_factory=dict)
    check: Callable[[Outcome], None] | None = None
    max_retry_after: float | None = None
    """Lowers `MAX_RETRY_AFTER`, so that a client ignoring it fails in seconds, not hours."""


def status(code: int, *fragments: str) -> Callable[[Outcome], None]:
    """The error carries this HTTP status, and its text these fragments of the body."""

    def check(outcome: Outcome) -> None:
        error = outcome.error
        assert isinstance(error, APIStatusError | ResponseValidationError)
        assert error.status_code == code
        for fragment in fragments:
            assert fragment in str(error)

    return check


def at_path(path: str) -> Callable[[Outcome], None]:
    def check(outcome: Outcome) -> None:
        assert isinstance(outcome.error, ResponseValidationError)
        assert outcome.error.path == path and outcome.error.status_code == 200

    return check


def may_have_been_sent(operation: Operation) -> Callable[[Outcome], None]:
    """The error says the message may be out, and names the call without its key."""

    def check(outcome: Outcome) -> None:
        error = outcome.error
        assert isinstance(error, OutcomeUnknownError)
        assert not isinstance(error, APIConnectionError)  # code retrying those must not resend
        assert "may already have been sent" in str(error)
        assert error.operation == operation.operation_id
        assert error.request.startswith(f"{operation.method} http://127.0.0.1:")
        assert error.request in str(error)
        if operation.key_in == "query":
            assert "apiKey=<redacted>" in error.request

    return check


def waited_once_at_most(seconds: float) -> Callable[[Outcome], None]:
    def check(outcome: Outcome) -> None:
        assert len(outcome.waits) == 1 and 0.0 <= outcome.waits[0] <= seconds, outcome.waits

    return check


def truncated(operation: Operation) -> Reply:
    """A 200 whose body breaks off: Content-Length announces more than is sent."""
    return Reply(200, operation.ok_body[:28], content_length=200)


CASES = [
    # ---- the retry policy of an idempotent call (GET, key in a header)
    Case("get 200: one attempt", GET, (ok(GET),), None, 1),
    Case(
        "get 503, 503, then 200: three attempts",
        GET,
        (Reply(503), Reply(503), ok(GET)),
        None,
        3,
        waits=2,
    ),
    *[
        Case(
            f"get {code} every time: retried, then InternalServerError",
            GET,
            (Reply(code, b'{"code": 1000}'),),
            InternalServerError,
            ALL,
            waits=MAX_RETRIES,
            check=status(code),
        )
        for code in (500, 502, 503, 504)
    ],
    Case("get 408 then 200: retried", GET, (Reply(408), ok(GET)), None, 2, waits=1),
    Case(
        "get 429 without Retry-After, then 200: retried",
        GET,
        (Reply(429, b'{"code": 429}'), ok(GET)),
        None,
        2,
        waits=1,
    ),
    Case(
        "get reset before the request is read: retried, then APIConnectionError",
        GET,
        (Reset(before_reading=True),),
        APIConnectionError,
        ALL,
        received=0,
        waits=2,
    ),
    Case(
        "get reset after the request is read: retried, then APIConnectionError",
        GET,
        (Reset(before_reading=False),),
        APIConnectionError,
        ALL,
        waits=2,
    ),
    Case(
        "get reset, then 200",
        GET,
        (Reset(before_reading=False), ok(GET)),
        None,
        2,
        waits=1,
    ),
    Case(
        "get read timeout every time: retried, then APITimeoutError",
        GET,
        (Stall(),),
        APITimeoutError,
        ALL,
        min_elapsed=ALL * TIMEOUT,
        waits=2,
    ),
    Case(
        "get read timeout, then 200",
        GET,
        (Stall(), ok(GET)),
        None,
        2,
        min_elapsed=TIMEOUT,
        waits=1,
    ),
    Case(
        "get 503 asking to wait beyond the bound: not retried, InternalServerError",
        GET,
        (Reply(503, headers=(*JSON, ("Retry-After", "4"))), ok(GET)),
        InternalServerError,
        1,
        check=status(503),
        max_retry_after=2.0,
    ),
    # ---- the retry policy of a call that must not be repeated: the POST and the
    # browser-form GET alike (the GET's method does not make it idempotent)
    *[
        case
        for operation in NOT_REPEATED
        for case in [
            Case(f"{operation} 200: one attempt", operation, (ok(operation),), None, 1),
            *[
                Case(
                    f"{operation} {code}: not retried, InternalServerError",
                    operation,
                    (Reply(code, b'{"code": 1000}'), ok(operation)),
                    InternalServerError,
                    1,
                    check=status(code),
                )
                for code in (500, 502, 503, 504)
            ],
            Case(
                f"{operation} 503 with max_retries=5: still one attempt",
                operation,
                (Reply(503), ok(operation)),
                InternalServerError,
                1,
                client={"max_retries": 5},
            ),
            Case(
                f"{operation} 408: not retried",
                operation,
                (Reply(408), ok(operation)),
                APIStatusError,
                1,
                check=status(408),
            ),
            Case(
                f"{operation} 429 without Retry-After: retried with backoff, then RateLimitError",
                operation,
                (Reply(429, b'{"code": 429}'),),
                RateLimitError,
                ALL,
                waits=2,
                check=status(429),
            ),
            Case(
                f"{operation} 429 with Retry-After: 1, then 200: waits about a second",
                operation,
                (Reply(429, headers=(*JSON, ("Retry-After", "1"))), ok(operation)),
                None,
                2,
                waits=(1.0,),
            ),
            Case(
                f"{operation} 429 with Retry-After beyond the bound: no wait, RateLimitError",
                operation,
                (Reply(429, headers=(*JSON, ("Retry-After", "4"))), ok(operation)),
                RateLimitError,
                1,
                check=status(429),
                max_retry_after=2.0,
            ),
            # The server waits for the request before resetting: it was sent, maybe
            # only in part, which the client cannot tell from a reset after reading.
            Case(
                f"{operation} reset before the request is read: OutcomeUnknownError",
                operation,
                (Reset(before_reading=True), ok(operation)),
                OutcomeUnknownError,
                1,
                received=0,
                check=may_have_been_sent(operation),
            ),
            Case(
                f"{operation} reset after the request is read: OutcomeUnknownError, one request",
                operation,
                (Reset(before_reading=False), ok(operation)),
                OutcomeUnknownError,
                1,
                check=may_have_been_sent(operation),
            ),
            Case(
                f"{operation} read timeout: OutcomeUnknownError after exactly one request",
                operation,
                (Stall(), ok(operation)),
                OutcomeUnknownError,
                1,
                min_elapsed=TIMEOUT,
                check=may_have_been_sent(operation),
            ),
            Case(
                f"{operation} read timeout with max_retries=5: still one request",
                operation,
                (Stall(), ok(operation)),
                OutcomeUnknownError,
                1,
                min_elapsed=TIMEOUT,
                client={"max_retries": 5},
                check=may_have_been_sent(operation),
            ),
            Case(
                f"{operation} 200 with the body cut short: not retried, ResponseValidationError",
                operation,
                (truncated(operation), ok(operation)),
                ResponseValidationError,
                1,
                check=status(200, "broke off", "creditsUsed"),
            ),
        ]
    ],
    Case(
        "post 429 with Retry-After as an HTTP date, then 200: waits until then",
        POST,
        (Reply(429, retry_after_in=2.0), ok(POST)),
        None,
        2,
        # An HTTP date has whole seconds: "now + 2 s" is at most 2 s away (how much less
        # depends on the moment; test_policy.py checks the arithmetic on a frozen clock).
        waits=None,
        check=waited_once_at_most(2.0),
    ),
    Case(
        "post 429 with an HTTP-date Retry-After beyond the bound: RateLimitError",
        POST,
        (Reply(429, retry_after_in=5.0), ok(POST)),
        RateLimitError,
        1,
        max_retry_after=2.0,
    ),
    # ---- answers that are not what the description promises
    Case(
        "get 200 with the body cut short: retried, then ResponseValidationError",
        GET,
        (truncated(GET),),
        ResponseValidationError,
        ALL,
        waits=2,
        check=status(200, "broke off", "bounces"),
    ),
    Case(
        "get 200 with the body cut short, then 200",
        GET,
        (truncated(GET), ok(GET)),
        None,
        2,
        waits=1,
    ),
    Case(
        "post 400 with the body cut short: BadRequestError",
        POST,
        (Reply(400, b'{"code": 1', content_length=50),),
        BadRequestError,
        1,
        check=status(400, '{"code": 1'),
    ),
    Case(
        "post short invalid JSON",
        POST,
        (Reply(200, b'{"creditsUsed": 1.0,'), ok(POST)),
        ResponseValidationError,
        1,
        check=status(200, "not valid JSON"),
    ),
    Case(
        "get short invalid JSON: not retried",
        GET,
        (Reply(200, b'{"credit'), ok(GET)),
        ResponseValidationError,
        1,
        check=status(200, "not valid JSON"),
    ),
    Case(
        "get wrong field types: not retried",
        GET,
        (Reply(200, GET.ok_body.replace(b'"credits": 279', b'"credits": "279"')), ok(GET)),
        ResponseValidationError,
        1,
        check=at_path("$.credits"),
    ),
    Case(
        "post 200 with an HTML page",
        POST,
        (Reply(200, HTML_PAGE, HTML), ok(POST)),
        ResponseValidationError,
        1,
        check=status(200, "text/html", "<h1>502"),
    ),
    Case(
        "post 200 with JSON under a wrong content type",
        POST,
        (Reply(200, SEND_OK_BODY, (("Content-Type", "text/plain"),)), ok(POST)),
        ResponseValidationError,
        1,
        check=status(200, "'text/plain'", "386479"),
    ),
    Case(
        "post 502 with an HTML page: InternalServerError with the page's start",
        POST,
        (Reply(502, HTML_PAGE, HTML), ok(POST)),
        InternalServerError,
        1,
        check=status(502, "<!DOCTYPE html>"),
    ),
    Case(
        "get 502 with an HTML page: retried, then InternalServerError",
        GET,
        (Reply(502, HTML_PAGE, HTML),),
        InternalServerError,
        ALL,
        waits=2,
        check=status(502, "Bad Gateway"),
    ),
    Case(
        "post oversized body, announced by Content-Length",
        POST,
        (Reply(200, b"[" + b"1," * 4000 + b"1]"), ok(POST)),
        ResponseValidationError,
        1,
        client={"max_response_bytes": 1024},
        check=status(200, "exceeds 1024 bytes"),
    ),
    Case(
        "post oversized body, without Content-Length",
        POST,
        (Reply(200, b"[" + b"1," * 4000 + b"1]", content_length=-1), ok(POST)),
        ResponseValidationError,
        1,
        client={"max_response_bytes": 1024},
        check=status(200, "exceeds 1024 bytes"),
    ),
    Case(
        "post 500 with an oversized page: InternalServerError all the same",
        POST,
        (Reply(500, b"<html>" + b"x" * 4000, HTML, content_length=-1), ok(POST)),
        InternalServerError,
        1,
        client={"max_response_bytes": 1024},
        check=status(500, "exceeds 1024 bytes", "<html>"),
    ),
    Case(
        "post wrong field types",
        POST,
        (Reply(200, b'{"creditsUsed": "1", "snapshotId": "386479"}'), ok(POST)),
        ResponseValidationError,
        1,
        check=at_path("$.creditsUsed"),
    ),
    Case(
        "post invalid UTF-8",
        POST,
        (Reply(200, b'{"creditsUsed": 1, "snapshotId": "\xff\xfe"}'), ok(POST)),
        ResponseValidationError,
        1,
        check=status(200, "not valid UTF-8"),
    ),
    Case(
        "post gzip-compressed answer is read",
        POST,
        (Reply(200, gzip.compress(SEND_OK_BODY), (*JSON, ("Content-Encoding", "gzip"))),),
        None,
        1,
    ),
    Case(
        "post body that is not the gzip it claims",
        POST,
        (Reply(200, SEND_OK_BODY, (*JSON, ("Content-Encoding", "gzip"))), ok(POST)),
        ResponseValidationError,
        1,
        check=status(200, "Content-Encoding"),
    ),
    Case(
        "post 502 whose body is not the gzip it claims: InternalServerError",
        POST,
        (Reply(502, SEND_OK_BODY, (*JSON, ("Content-Encoding", "gzip"))), ok(POST)),
        InternalServerError,
        1,
        check=status(502, "Content-Encoding"),
    ),
    Case(
        "post redirect is not followed",
        POST,
        (Reply(307, headers=(("Location", "/elsewhere"),)), ok(POST)),
        ResponseValidationError,
        1,
        check=status(307, "not a response this operation describes"),
    ),
    # ---- an API that echoes the request, key included, in its error page
    Case(
        "form get 404 page echoing the URL with the key (percent-encoded)",
        FORM_GET,
        (Reply(404, b"<html>No route for {target}</html>", HTML),),
        NotFoundError,
        1,
        check=status(404, "No route for", "apiKey=<redacted>"),
    ),
    Case(
        "form get 400 echoing the key from the query string (decoded)",
        FORM_GET,
        (Reply(400, b'{"code": 10, "message": "unknown key {apikey}"}'),),
        BadRequestError,
        1,
        check=status(400, "unknown key <redacted>"),
    ),
    Case(
        "form get 502 page echoing the URL with the key: not retried",
        FORM_GET,
        (Reply(502, b"<html>Bad gateway for {target}</html>", HTML), ok(FORM_GET)),
        InternalServerError,
        1,
        check=status(502, "Bad gateway for", "apiKey=<redacted>"),
    ),
    Case(
        "post 400 echoing the key header",
        POST,
        (Reply(400, b'{"code": 10, "message": "unknown key {apikey}"}'),),
        BadRequestError,
        1,
        check=status(400, "unknown key <redacted>"),
    ),
    Case(
        "get 401 echoing the key header",
        GET,
        (Reply(401, b'{"code": 72, "message": "unknown key {apikey}"}'),),
        AuthenticationError,
        1,
        check=status(401, "unknown key <redacted>"),
    ),
    # ---- per-client retry count
    Case(
        "get 503 with max_retries=5: six attempts",
        GET,
        (Reply(503),),
        InternalServerError,
        6,
        waits=5,
        client={"max_retries": 5},
    ),
    Case(
        "get 503 with max_retries=0: one attempt",
        GET,
        (Reply(503),),
        InternalServerError,
        1,
        client={"max_retries": 0},
    ),
]


def test_case_names_are_unique() -> None:
    names = [case.name for case in CASES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_fault(
    mode: str, case: Case, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    operation = case.operation
    if case.max_retry_after is not None:
        monkeypatch.setattr(_base_client, "MAX_RETRY_AFTER", case.max_retry_after)
    stalls = any(isinstance(action, Stall) for action in case.script)
    client = {"timeout": TIMEOUT, **case.client} if stalls else case.client
    with FaultServer(list(case.script)) as server:
        outcome = call(mode, server.url, operation, **client)
    # The server has stopped: its counts are final.

    if case.error is None:
        assert outcome.error is None, repr(outcome.error)
        assert outcome.response is not None
        assert outcome.response.parsed == operation.expected
        assert outcome.response.attempts == case.attempts
    else:
        assert type(outcome.error) is case.error, repr(outcome.error)
        assert isinstance(outcome.error, APIError)
        assert outcome.error.attempts == case.attempts
        assert outcome.error.operation == operation.operation_id
        assert outcome.error.operation in str(outcome.error)
    assert server.connections == case.attempts
    assert server.received == (case.attempts if case.received is None else case.received)
    if isinstance(outcome.error, OutcomeUnknownError):
        # The ambiguous case: only a call that must not be repeated ends here, and it
        # reached the API at most once (a message is never sent twice).
        assert not operation.idempotent
        assert server.received <= 1

    # The waits the client chose, not the time the call took: a loaded machine slows
    # everything down, so only a lower bound on elapsed time means anything.
    if isinstance(case.waits, int):
        assert len(outcome.waits) == case.waits, outcome.waits
        assert all(0 < wait <= FAST_MAX_DELAY for wait in outcome.waits), outcome.waits
    elif case.waits is not None:
        assert outcome.waits == list(case.waits)
    assert outcome.elapsed >= case.min_elapsed * 0.95, f"{outcome.elapsed:.3f} s"
    if case.check is not None:
        case.check(outcome)

    # The key did travel, where the operation sends it (the redaction is only in what
    # the client shows) ...
    for request in server.requests:
        assert request.method == operation.method
        assert keys_received(request.target, request.headers) == {operation.key_in: KEY}
    # ... and nothing the client shows contains it.
    texts = error_texts(outcome.error) if outcome.error is not None else []
    assert_no_secret(texts, caplog.records)
