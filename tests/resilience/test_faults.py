"""Each failure the fault server can produce, against both clients and both retry policies.

For every case the test checks the error class (or success), how many attempts
reached the server, how many POST bodies it received (at most one whenever the
outcome was ambiguous), the time taken against bounds computed from the
timeouts and the backoff, and that the key shows in no error text and no log
line. The backoff is shortened (`fast_backoff`); `test_policy.py` checks the
real one.
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
    GET,
    KEY,
    OK_BODY,
    POST,
    SLACK,
    TIMEOUT,
    Outcome,
    assert_no_secret,
    call,
    error_texts,
    key_sent_as,
)

pytestmark = pytest.mark.usefixtures("fast_backoff")

MAX_RETRIES = 2
"""The clients' default, used by every case unless it sets its own."""
ALL = MAX_RETRIES + 1
HTML_PAGE = b"<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>"


def waits(retries: int) -> float:
    """The longest the patched backoff can wait in total over `retries` retries."""
    return retries * FAST_MAX_DELAY


@dataclass(frozen=True)
class Case:
    name: str
    operation: str
    script: tuple[Action, ...]
    error: type[Exception] | None
    """The exact class raised, or None when the call succeeds."""
    attempts: int
    """Connections the server accepted, which is also the attempts the client reports."""
    bodies: int | None = None
    """POST bodies the server received in full; None for the GET operation."""
    min_elapsed: float = 0.0
    max_elapsed: float = 0.0
    """Without `SLACK`, which the test adds."""
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


def may_have_been_sent(outcome: Outcome) -> None:
    error = outcome.error
    assert isinstance(error, OutcomeUnknownError)
    assert not isinstance(error, APIConnectionError)  # code retrying those must not resend
    assert "may already have been sent" in str(error)
    assert error.operation == "sendNotificationMessage"
    assert error.request.startswith("POST http://127.0.0.1:")
    assert error.request in str(error)


OK = Reply(200, OK_BODY)
TRUNCATED = Reply(200, b'{"creditsUsed": 1.0, "snapsh', content_length=200)

CASES = [
    # ---- the retry policy of an idempotent call (GET)
    Case(
        "get 503, 503, then 200: three attempts",
        GET,
        (Reply(503), Reply(503), OK),
        None,
        3,
        max_elapsed=waits(2),
    ),
    *[
        Case(
            f"get {code} every time: retried, then InternalServerError",
            GET,
            (Reply(code, b'{"code": 1000}'),),
            InternalServerError,
            ALL,
            max_elapsed=waits(MAX_RETRIES),
            check=status(code),
        )
        for code in (500, 502, 503, 504)
    ],
    Case("get 408 then 200: retried", GET, (Reply(408), OK), None, 2, max_elapsed=waits(1)),
    Case(
        "get reset before the request is read: retried, then APIConnectionError",
        GET,
        (Reset(before_reading=True),),
        APIConnectionError,
        ALL,
        max_elapsed=waits(2),
    ),
    Case(
        "get reset after the request is read: retried, then APIConnectionError",
        GET,
        (Reset(before_reading=False),),
        APIConnectionError,
        ALL,
        max_elapsed=waits(2),
    ),
    Case(
        "get reset, then 200", GET, (Reset(before_reading=False), OK), None, 2, max_elapsed=waits(1)
    ),
    Case(
        "get read timeout every time: retried, then APITimeoutError",
        GET,
        (Stall(),),
        APITimeoutError,
        ALL,
        min_elapsed=ALL * TIMEOUT,
        max_elapsed=ALL * TIMEOUT + waits(2),
    ),
    Case(
        "get read timeout, then 200",
        GET,
        (Stall(), OK),
        None,
        2,
        min_elapsed=TIMEOUT,
        max_elapsed=TIMEOUT + waits(1),
    ),
    # ---- the retry policy of a call that must not be repeated (POST)
    *[
        Case(
            f"post {code}: not retried, InternalServerError",
            POST,
            (Reply(code, b'{"code": 1000}'), OK),
            InternalServerError,
            1,
            bodies=1,
            check=status(code),
        )
        for code in (500, 502, 503, 504)
    ],
    Case(
        "post 408: not retried",
        POST,
        (Reply(408), OK),
        APIStatusError,
        1,
        bodies=1,
        check=status(408),
    ),
    Case(
        "post 429 without Retry-After: retried with backoff, then RateLimitError",
        POST,
        (Reply(429, b'{"code": 429}'),),
        RateLimitError,
        ALL,
        bodies=ALL,
        max_elapsed=waits(2),
        check=status(429),
    ),
    Case(
        "post 429 with Retry-After: 1, then 200: waits about a second",
        POST,
        (Reply(429, headers=(*JSON, ("Retry-After", "1"))), OK),
        None,
        2,
        bodies=2,
        min_elapsed=1.0,
        max_elapsed=1.0,
    ),
    Case(
        "post 429 with Retry-After as an HTTP date, then 200: waits until then",
        POST,
        (Reply(429, retry_after_in=2.0), OK),
        None,
        2,
        bodies=2,
        # An HTTP date has whole seconds: "now + 2 s" is between 1 s and 2 s away.
        min_elapsed=1.0 - 0.1,
        max_elapsed=2.0,
    ),
    Case(
        "post 429 with Retry-After beyond the bound: no wait, RateLimitError",
        POST,
        (Reply(429, headers=(*JSON, ("Retry-After", "4"))), OK),
        RateLimitError,
        1,
        bodies=1,
        check=status(429),
        max_retry_after=2.0,
    ),
    Case(
        "post 429 with an HTTP-date Retry-After beyond the bound: RateLimitError",
        POST,
        (Reply(429, retry_after_in=5.0), OK),
        RateLimitError,
        1,
        bodies=1,
        max_retry_after=2.0,
    ),
    Case(
        "get 503 asking to wait beyond the bound: not retried, InternalServerError",
        GET,
        (Reply(503, headers=(*JSON, ("Retry-After", "4"))), OK),
        InternalServerError,
        1,
        check=status(503),
        max_retry_after=2.0,
    ),
    Case(
        "post reset before the request is read: OutcomeUnknownError",
        POST,
        (Reset(before_reading=True), OK),
        OutcomeUnknownError,
        1,
        bodies=0,
        check=may_have_been_sent,
    ),
    Case(
        "post reset after the request is read: OutcomeUnknownError, one body",
        POST,
        (Reset(before_reading=False), OK),
        OutcomeUnknownError,
        1,
        bodies=1,
        check=may_have_been_sent,
    ),
    Case(
        "post read timeout: OutcomeUnknownError after exactly one body",
        POST,
        (Stall(), OK),
        OutcomeUnknownError,
        1,
        bodies=1,
        min_elapsed=TIMEOUT,
        max_elapsed=TIMEOUT,
        check=may_have_been_sent,
    ),
    # ---- answers that are not what the description promises
    Case(
        "post 200 with the body cut short (Content-Length too large)",
        POST,
        (TRUNCATED, OK),
        ResponseValidationError,
        1,
        bodies=1,
        check=status(200, "broke off", "creditsUsed"),
    ),
    Case(
        "get 200 with the body cut short: retried, then ResponseValidationError",
        GET,
        (TRUNCATED,),
        ResponseValidationError,
        ALL,
        max_elapsed=waits(2),
        check=status(200, "broke off"),
    ),
    Case(
        "get 200 with the body cut short, then 200",
        GET,
        (TRUNCATED, OK),
        None,
        2,
        max_elapsed=waits(1),
    ),
    Case(
        "post 400 with the body cut short: BadRequestError",
        POST,
        (Reply(400, b'{"code": 1', content_length=50),),
        BadRequestError,
        1,
        bodies=1,
        check=status(400, '{"code": 1'),
    ),
    Case(
        "post short invalid JSON",
        POST,
        (Reply(200, b'{"creditsUsed": 1.0,'), OK),
        ResponseValidationError,
        1,
        bodies=1,
        check=status(200, "not valid JSON"),
    ),
    Case(
        "get short invalid JSON: not retried",
        GET,
        (Reply(200, b'{"credit'), OK),
        ResponseValidationError,
        1,
        check=status(200, "not valid JSON"),
    ),
    Case(
        "post 200 with an HTML page",
        POST,
        (Reply(200, HTML_PAGE, HTML), OK),
        ResponseValidationError,
        1,
        bodies=1,
        check=status(200, "text/html", "<h1>502"),
    ),
    Case(
        "post 200 with JSON under a wrong content type",
        POST,
        (Reply(200, OK_BODY, (("Content-Type", "text/plain"),)), OK),
        ResponseValidationError,
        1,
        bodies=1,
        check=status(200, "'text/plain'", "386479"),
    ),
    Case(
        "post 502 with an HTML page: InternalServerError with the page's start",
        POST,
        (Reply(502, HTML_PAGE, HTML), OK),
        InternalServerError,
        1,
        bodies=1,
        check=status(502, "<!DOCTYPE html>"),
    ),
    Case(
        "get 502 with an HTML page: retried, then InternalServerError",
        GET,
        (Reply(502, HTML_PAGE, HTML),),
        InternalServerError,
        ALL,
        max_elapsed=waits(2),
        check=status(502, "Bad Gateway"),
    ),
    Case(
        "post oversized body, announced by Content-Length",
        POST,
        (Reply(200, b"[" + b"1," * 4000 + b"1]"), OK),
        ResponseValidationError,
        1,
        bodies=1,
        client={"max_response_bytes": 1024},
        check=status(200, "exceeds 1024 bytes"),
    ),
    Case(
        "post oversized body, without Content-Length",
        POST,
        (Reply(200, b"[" + b"1," * 4000 + b"1]", content_length=-1), OK),
        ResponseValidationError,
        1,
        bodies=1,
        client={"max_response_bytes": 1024},
        check=status(200, "exceeds 1024 bytes"),
    ),
    Case(
        "post 500 with an oversized page: InternalServerError all the same",
        POST,
        (Reply(500, b"<html>" + b"x" * 4000, HTML, content_length=-1), OK),
        InternalServerError,
        1,
        bodies=1,
        client={"max_response_bytes": 1024},
        check=status(500, "exceeds 1024 bytes", "<html>"),
    ),
    Case(
        "post wrong field types",
        POST,
        (Reply(200, b'{"creditsUsed": "1", "snapshotId": "386479"}'), OK),
        ResponseValidationError,
        1,
        bodies=1,
        check=at_path("$.creditsUsed"),
    ),
    Case(
        "post invalid UTF-8",
        POST,
        (Reply(200, b'{"creditsUsed": 1, "snapshotId": "\xff\xfe"}'), OK),
        ResponseValidationError,
        1,
        bodies=1,
        check=status(200, "not valid UTF-8"),
    ),
    Case(
        "post gzip-compressed answer is read",
        POST,
        (Reply(200, gzip.compress(OK_BODY), (*JSON, ("Content-Encoding", "gzip"))),),
        None,
        1,
        bodies=1,
    ),
    Case(
        "post body that is not the gzip it claims",
        POST,
        (Reply(200, OK_BODY, (*JSON, ("Content-Encoding", "gzip"))), OK),
        ResponseValidationError,
        1,
        bodies=1,
        check=status(200, "Content-Encoding"),
    ),
    Case(
        "post 502 whose body is not the gzip it claims: InternalServerError",
        POST,
        (Reply(502, OK_BODY, (*JSON, ("Content-Encoding", "gzip"))), OK),
        InternalServerError,
        1,
        bodies=1,
        check=status(502, "Content-Encoding"),
    ),
    Case(
        "post redirect is not followed",
        POST,
        (Reply(307, headers=(("Location", "/elsewhere"),)), OK),
        ResponseValidationError,
        1,
        bodies=1,
        check=status(307, "not a response this operation describes"),
    ),
    # ---- an API that echoes the request, key included, in its error page
    Case(
        "get 404 page echoing the URL with the key",
        GET,
        (Reply(404, b"<html>No route for {target}</html>", HTML),),
        NotFoundError,
        1,
        check=status(404, "No route for", "<redacted>"),
    ),
    Case(
        "post 400 echoing the key header",
        POST,
        (Reply(400, b'{"code": 10, "message": "unknown key {apikey}"}'),),
        BadRequestError,
        1,
        bodies=1,
        check=status(400, "unknown key <redacted>"),
    ),
    # ---- per-client retry count
    Case(
        "get 503 with max_retries=5: six attempts",
        GET,
        (Reply(503),),
        InternalServerError,
        6,
        max_elapsed=waits(5),
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


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_fault(
    mode: str, case: Case, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    if case.max_retry_after is not None:
        monkeypatch.setattr(_base_client, "MAX_RETRY_AFTER", case.max_retry_after)
    with FaultServer(list(case.script)) as server:
        outcome = call(mode, server.url, case.operation, **case.client)
    # The server has stopped: its counts are final.

    if case.error is None:
        assert outcome.error is None, repr(outcome.error)
        assert outcome.response is not None
        assert outcome.response.parsed.snapshot_id == "386479"
        assert outcome.response.attempts == case.attempts
    else:
        assert type(outcome.error) is case.error, repr(outcome.error)
        assert isinstance(outcome.error, APIError)
        assert outcome.error.attempts == case.attempts
        assert outcome.error.operation in str(outcome.error)
    assert server.connections == case.attempts
    if case.operation == POST:
        assert server.post_bodies == case.bodies
        if isinstance(outcome.error, OutcomeUnknownError):
            assert server.post_bodies <= 1  # the ambiguous case: never sent twice
    else:
        assert server.post_bodies == 0

    assert (
        case.min_elapsed * 0.95 <= outcome.elapsed <= case.max_elapsed + SLACK
    ), f"{outcome.elapsed:.3f} s not in [{case.min_elapsed}, {case.max_elapsed} + {SLACK}]"
    if case.check is not None:
        case.check(outcome)

    # The key did travel (the redaction is only in what the client shows) ...
    for request in server.requests:
        assert key_sent_as(case.operation, request.target, request.headers) == KEY
    # ... and nothing the client shows contains it.
    texts = error_texts(outcome.error) if outcome.error is not None else []
    assert_no_secret(texts, caplog.records)
