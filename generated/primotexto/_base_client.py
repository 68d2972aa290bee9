"""Configuration, credentials, sending and retrying, shared by `Client` and `AsyncClient`.

Everything about a call except the act of sending lives in `BaseClient`:
building the HTTP request, deciding whether a failure may be retried, and
turning the answer into a result or a typed error. The sync and async
clients differ only in how they send and how they wait.

Retries never repeat a request that may have taken effect. An idempotent
call (GET, PUT, DELETE, ..., one the description marks idempotent, or one
sent with an `Idempotency-Key` header, which the builder fills with a key of
the call's own when the caller gives none) is retried after connection
failures, timeouts and 408/429/5xx answers. Any
other call is retried only when it provably did not take effect: the
connection could not be made, or the API answered 429. When a request was
sent and its answer lost, `OutcomeUnknownError` is raised instead. Once a
status has arrived the outcome is known, even if the body is then cut short:
an idempotent call is tried again, any other is reported with that status.

Waits follow `Retry-After` when the API sends one (a longer wait than
`MAX_RETRY_AFTER` is not made: the error is raised at once), otherwise an
exponential backoff with jitter, capped at `MAX_RETRY_DELAY`.

Credentials never reach an error message, a ``repr`` or a log line: secret
headers and query parameters are redacted wherever a request is described,
any echo of a credential in a response body is replaced in error messages,
and the URLs httpx writes to its own log lose their secret query parameters.
"""

from __future__ import annotations

import email.utils
import functools
import ipaddress
import json
import logging
import os
import random
import time
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import timezone
from typing import Generic, TypeVar

import httpx

from ._decode import DecodeError
from ._responses import ErrorStatus
from ._types import ApiResponse, FormBody, JsonBody, MultipartBody, RawBody, Request
from .errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    ConfigurationError,
    OutcomeUnknownError,
    ResponseValidationError,
    status_error_class,
)

T = TypeVar("T")
HttpClient = TypeVar("HttpClient", httpx.Client, httpx.AsyncClient)
Self = TypeVar("Self", bound="BaseClient[httpx.Client] | BaseClient[httpx.AsyncClient]")

logger = logging.getLogger("primotexto")

DEFAULT_BASE_URL: str | None = "https://api.primotexto.com/v2"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
"""30 s to read an answer, 5 s to connect."""
DEFAULT_MAX_RETRIES = 2
MAX_RESPONSE_BYTES = 16 * 1024 * 1024
"""Default of `max_response_bytes`: larger bodies are refused rather than read into memory."""
MAX_RETRY_AFTER = 60.0
"""A longer `Retry-After` is not waited for: the error is raised instead."""
INITIAL_RETRY_DELAY = 0.5
"""The wait before the first retry, when the API gives no `Retry-After`; it doubles each time."""
MAX_RETRY_DELAY = 8.0
"""The longest wait between two attempts the backoff chooses."""
USER_AGENT = "primotexto-python/0.2.0"

_RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# The only failures that prove nothing was sent: no connection was ever made.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_REDACTED = "<redacted>"

# The description's security schemes: name -> (kind, where it goes, wire name).
_SECURITY_SCHEMES: Mapping[str, tuple[str, str, str]] = {
    "apiKeyHeader": ("api_key", "header", "X-Primotexto-ApiKey"),
    "apiKeyQuery": ("api_key", "query", "apiKey"),
}
_SECRET_QUERY_NAMES: frozenset[str] = frozenset({"apiKey"})
_SECRET_HEADER_NAMES = frozenset({"authorization", "cookie", "x-primotexto-apikey"})


@dataclass(frozen=True)
class _Settings:
    base_url: httpx.URL
    timeout: httpx.Timeout
    max_retries: int
    max_response_bytes: int
    headers: tuple[tuple[str, str], ...]
    api_key: str | None = field(repr=False)


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _from_environment(given: str | None, variable: str) -> str | None:
    value = given if given is not None else os.environ.get(variable)
    return value or None


def _check_sendable(value: str | None, what: str) -> None:
    """Refuse a credential that cannot travel in a header, without ever showing it.

    Sent as it is, httpx or h11 would fail later with an error that quotes the
    header value, the credential included. A stray newline from a file read
    into an environment variable is the usual cause.
    """
    if value is not None and not all("!" <= c <= "~" for c in value):
        raise ConfigurationError(
            f"the {what} contains spaces, line breaks or non-ASCII characters, which cannot "
            "be sent in an HTTP header; check how it was read"
        )


def _safe_url(url: httpx.URL) -> str:
    """`url` as text without credentials: no user info, secret query values redacted."""
    if url.userinfo:
        url = url.copy_with(username=None, password=None)
    if not (_SECRET_QUERY_NAMES and url.query):
        return str(url)
    pairs = urllib.parse.parse_qsl(url.query.decode("ascii"), keep_blank_values=True)
    if not any(k in _SECRET_QUERY_NAMES for k, _ in pairs):
        return str(url)
    redacted = [(k, _REDACTED if k in _SECRET_QUERY_NAMES else v) for k, v in pairs]
    # Joined by hand so that the marker reads <redacted>, not %3Credacted%3E.
    return f"{url.copy_with(query=None)}?{urllib.parse.urlencode(redacted, safe='<>')}"


@functools.lru_cache(maxsize=256)
def _operation_url(base_url: httpx.URL, path: str) -> httpx.URL:
    """The URL of `path` under `base_url`, made once for the most recent paths.

    httpx checks and encodes every part of a URL it makes, which costs more than
    the rest of building a request; most operations always call the same path. A
    server URL without a path has the path "/": it is not doubled.
    """
    return base_url.copy_with(path=base_url.path.rstrip("/") + path)


class _RedactHttpxUrls(logging.Filter):
    """Takes the credentials out of the URLs httpx writes to its own log.

    httpx logs every request's full URL at INFO level; for an operation whose
    credential travels in the query string, that line would carry it.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                _safe_url(arg) if isinstance(arg, httpx.URL) else arg for arg in record.args
            )
        return True


if _SECRET_QUERY_NAMES:
    logging.getLogger("httpx").addFilter(_RedactHttpxUrls())


class _BodyCutShort(Exception):
    """The connection failed after the status arrived, while the body was being read."""

    def __init__(self, received: bytes, error: httpx.TransportError) -> None:
        super().__init__(type(error).__name__)
        self.received = received
        """The part of the body that did arrive."""
        self.error = error


class BaseClient(Generic[HttpClient]):
    """Settings and the parts of a call that do not depend on how it is sent."""

    _settings: _Settings
    _http: HttpClient
    _owns_http: bool

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_response_bytes: int = MAX_RESPONSE_BYTES,
        default_headers: Mapping[str, str] | None = None,
        allow_insecure_http: bool = False,
        http_client: HttpClient | None = None,
    ) -> None:
        url = base_url or os.environ.get("PRIMOTEXTO_BASE_URL") or DEFAULT_BASE_URL
        if not url:
            raise ConfigurationError("no base URL: pass base_url= or set PRIMOTEXTO_BASE_URL")
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL:
            raise ConfigurationError("the base URL is not a valid URL") from None
        if parsed.scheme not in ("http", "https") or not parsed.host:
            raise ConfigurationError(
                f"base URL {_safe_url(parsed)!r} is not an absolute http(s) URL"
            )
        if parsed.scheme == "http" and not allow_insecure_http and not _is_loopback(parsed.host):
            raise ConfigurationError(
                f"base URL {_safe_url(parsed)!r} uses plain http to a remote host, which would "
                "send the credentials in clear; use https, or pass allow_insecure_http=True"
            )
        if max_retries < 0:
            raise ConfigurationError("max_retries must not be negative")
        if max_response_bytes < 1:
            raise ConfigurationError("max_response_bytes must be positive")
        settings = _Settings(
            base_url=parsed.copy_with(path=parsed.path.rstrip("/")),
            timeout=timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout),
            max_retries=max_retries,
            max_response_bytes=max_response_bytes,
            headers=tuple((default_headers or {}).items()),
            api_key=_from_environment(api_key, "PRIMOTEXTO_API_KEY"),
        )
        if not _has_credentials(settings):
            raise ConfigurationError(
                "no credentials: every operation of this API needs them; "
                "pass api_key= or set PRIMOTEXTO_API_KEY"
            )
        _check_sendable(settings.api_key, "API key")
        self._settings = settings
        self._owns_http = http_client is None
        self._http = http_client if http_client is not None else self._new_http_client()

    def _new_http_client(self) -> HttpClient:
        raise NotImplementedError

    def _copy(self: Self, timeout: float | httpx.Timeout | None, max_retries: int | None) -> Self:
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone._settings = self._settings_with(timeout, max_retries)
        clone._owns_http = False  # the original closes the shared connection pool
        return clone

    @property
    def base_url(self) -> str:
        return str(self._settings.base_url)

    @property
    def timeout(self) -> httpx.Timeout:
        return self._settings.timeout

    @property
    def max_retries(self) -> int:
        return self._settings.max_retries

    def __repr__(self) -> str:
        # Credentials are never shown, not even in part.
        return f"{type(self).__name__}(base_url={self.base_url!r})"

    def _settings_with(
        self, timeout: float | httpx.Timeout | None, max_retries: int | None
    ) -> _Settings:
        settings = self._settings
        if timeout is not None:
            if not isinstance(timeout, httpx.Timeout):
                timeout = httpx.Timeout(timeout)
            settings = replace(settings, timeout=timeout)
        if max_retries is not None:
            if max_retries < 0:
                raise ConfigurationError("max_retries must not be negative")
            settings = replace(settings, max_retries=max_retries)
        return settings

    # ------------------------------------------------------------ building

    def _build(self, request: Request[T]) -> httpx.Request:
        settings: _Settings = self._settings
        query = list(request.query)
        headers = [("User-Agent", USER_AGENT), *settings.headers, *request.headers]
        cookies = list(request.cookies)
        self._authorize(request, query, headers, cookies)
        if cookies:
            headers.append(("Cookie", "; ".join(f"{k}={v}" for k, v in cookies)))
        url = _operation_url(settings.base_url, request.path)
        if query:
            url = url.copy_with(query=urllib.parse.urlencode(query).encode("ascii"))
        content: bytes | None = None
        body = request.body
        if isinstance(body, JsonBody):
            content = json.dumps(
                body.value, ensure_ascii=False, separators=(",", ":"), allow_nan=False
            ).encode("utf-8")
            headers.append(("Content-Type", "application/json"))
        elif isinstance(body, FormBody):
            content = urllib.parse.urlencode(body.fields).encode("ascii")
            headers.append(("Content-Type", "application/x-www-form-urlencoded"))
        elif isinstance(body, RawBody):
            content = body.content
            headers.append(("Content-Type", body.content_type))
        if isinstance(body, MultipartBody):
            return self._http.build_request(
                request.method,
                url,
                headers=headers,
                data=dict(body.fields),
                files=list(body.files),
                timeout=settings.timeout,
            )
        return self._http.build_request(
            request.method, url, headers=headers, content=content, timeout=settings.timeout
        )

    def _authorize(
        self,
        request: Request[T],
        query: list[tuple[str, str]],
        headers: list[tuple[str, str]],
        cookies: list[tuple[str, str]],
    ) -> None:
        """Add the credentials of the first security alternative this client can satisfy."""
        if not request.security or any(not alternative for alternative in request.security):
            return
        for alternative in request.security:
            credentials = [(name, self._credential(name)) for name in alternative]
            if all(value is not None for _, value in credentials):
                for name, value in credentials:
                    _kind, location, wire_name = _SECURITY_SCHEMES[name]
                    target = {"query": query, "header": headers, "cookie": cookies}[location]
                    target.append((wire_name, str(value)))
                return
        raise ConfigurationError(
            f"{request.operation_id} needs credentials this client was not given"
        )

    def _credential(self, scheme: str) -> str | None:
        kind = _SECURITY_SCHEMES[scheme][0]
        settings = self._settings
        if kind == "api_key":
            return settings.api_key
        return None

    def _secrets(self) -> tuple[str, ...]:
        """Every credential this client may send, to be replaced in any text that echoes one."""
        settings = self._settings
        candidates = [
            settings.api_key,
        ]
        return tuple(value for value in candidates if value)

    # ------------------------------------------------------------ deciding

    def _describe(self, http_request: httpx.Request) -> str:
        """Method and URL, with every credential in the URL replaced."""
        return f"{http_request.method} {_safe_url(http_request.url)}"

    def _log_request(self, http_request: httpx.Request, attempt: int) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            headers = {
                name: _REDACTED if name.lower() in _SECRET_HEADER_NAMES else value
                for name, value in http_request.headers.items()
            }
            logger.debug(
                "%s (attempt %d) headers=%s", self._describe(http_request), attempt, headers
            )

    def _delay_after_transport_error(
        self,
        request: Request[T],
        http_request: httpx.Request,
        error: httpx.TransportError,
        attempt: int,
    ) -> float:
        """How long to wait before sending again; raises when the call must stop here.

        Only a failure to connect proves that nothing was sent. Anything later
        (a reset, no answer in time, a failure while sending) may come after the
        API acted on the request.
        """
        described = self._describe(http_request)
        failure = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        if not isinstance(error, _NOT_SENT) and not request.idempotent:
            raise OutcomeUnknownError(
                f"{request.operation_id} ({described}): the request was sent but no answer "
                f"arrived ({failure}). It may have taken effect (a message may already have "
                "been sent), so it was not sent again; check its outcome before trying again.",
                operation=request.operation_id,
                request=described,
                attempts=attempt,
                secrets=self._secrets(),
            ) from error
        if attempt > self._settings.max_retries:
            error_class = (
                APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
            )
            raise error_class(
                f"{request.operation_id} ({described}): {failure}, after {attempt} attempt(s)",
                operation=request.operation_id,
                request=described,
                attempts=attempt,
                secrets=self._secrets(),
            ) from error
        delay = _backoff(attempt)
        logger.info("%s failed (%s); retrying in %.2f s", described, type(error).__name__, delay)
        return delay

    def _delay_after_status(
        self, request: Request[T], response: httpx.Response, attempt: int
    ) -> float | None:
        """How long to wait before sending again after this status, or None to use the answer."""
        status = response.status_code
        if status not in _RETRYABLE_STATUSES or attempt > self._settings.max_retries:
            return None
        if status != 429 and not request.idempotent:
            return None  # the request reached the API; repeating it could act twice
        described = self._describe(response.request)
        retry_after = _retry_after(response.headers)
        if retry_after is not None and retry_after > MAX_RETRY_AFTER:
            logger.info(
                "%s answered %d and asks to wait %.0f s, longer than %.0f s; not retrying",
                described,
                status,
                retry_after,
                MAX_RETRY_AFTER,
            )
            return None
        delay = retry_after if retry_after is not None else _backoff(attempt)
        logger.info("%s answered %d; retrying in %.2f s", described, status, delay)
        return delay

    def _delay_after_cut_body(
        self, request: Request[T], response: httpx.Response, cut: _BodyCutShort, attempt: int
    ) -> float:
        """How long to wait after the body broke off; raises when the call must stop here.

        The status proves the API received the request, so the outcome is not
        unknown: an idempotent call is tried again as after a connection
        failure, any other is reported with the status that arrived.
        """
        described = self._describe(response.request)
        status = response.status_code
        if request.idempotent and attempt <= self._settings.max_retries:
            delay = _backoff(attempt)
            logger.info(
                "%s answered %d but the body broke off (%s); retrying in %.2f s",
                described,
                status,
                type(cut.error).__name__,
                delay,
            )
            return delay
        problem = (
            f"the body broke off after {len(cut.received)} bytes ({type(cut.error).__name__}); "
            "the status shows the API received the request"
        )
        raise self._unreadable(request, response, cut.received, attempt, problem) from cut.error

    def _result(
        self, request: Request[T], response: httpx.Response, content: bytes, attempts: int
    ) -> ApiResponse[T]:
        """The parsed answer, or the typed error for it."""
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug("%s answered %d", self._describe(response.request), response.status_code)
        try:
            parsed = request.parse(_with_content(response, content))
        except DecodeError as exc:
            raise ResponseValidationError(
                f"{request.operation_id}: {exc}",
                operation=request.operation_id,
                request=self._describe(response.request),
                status_code=response.status_code,
                headers=response.headers,
                body=content,
                path=exc.path,
                attempts=attempts,
                secrets=self._secrets(),
            ) from None
        except ErrorStatus as exc:
            raise status_error_class(response.status_code)(
                operation=request.operation_id,
                request=self._describe(response.request),
                status_code=response.status_code,
                headers=response.headers,
                body=content,
                parsed=exc.parsed,
                code=exc.code,
                code_meaning=exc.code_meaning,
                attempts=attempts,
                secrets=self._secrets(),
            ) from None
        return ApiResponse(
            status_code=response.status_code,
            headers=response.headers,
            content=content,
            parsed=parsed,
            attempts=attempts,
        )

    # ------------------------------------------------------------ reading

    def _body_limit(self, request: Request[T], response: httpx.Response, attempt: int) -> int:
        """The most body bytes to read; raises at once when the announced length is larger."""
        limit = self._settings.max_response_bytes
        length = response.headers.get("content-length", "")
        if length.isascii() and length.isdigit() and int(length) > limit:
            raise self._too_large(request, response, b"", attempt)
        return limit

    def _too_large(
        self, request: Request[T], response: httpx.Response, received: bytes, attempt: int
    ) -> APIError:
        problem = f"the body exceeds {self._settings.max_response_bytes} bytes"
        return self._unreadable(request, response, received, attempt, problem)

    def _undecodable(
        self, request: Request[T], response: httpx.Response, received: bytes, attempt: int
    ) -> APIError:
        encoding = response.headers.get("content-encoding", "")
        problem = f"the body does not decode as its Content-Encoding ({encoding!r}) says"
        return self._unreadable(request, response, received, attempt, problem)

    def _unreadable(
        self,
        request: Request[T],
        response: httpx.Response,
        received: bytes,
        attempt: int,
        problem: str,
    ) -> APIError:
        """The error for an answer whose body could not be read whole.

        An error status keeps its own class (what went wrong matters more than
        its page); any other status is a `ResponseValidationError`.
        """
        status = response.status_code
        described = self._describe(response.request)
        if status >= 400:
            return status_error_class(status)(
                operation=request.operation_id,
                request=described,
                status_code=status,
                headers=response.headers,
                body=received,
                parsed=None,
                detail=problem,
                attempts=attempt,
                secrets=self._secrets(),
            )
        return ResponseValidationError(
            f"{request.operation_id}: {problem}",
            operation=request.operation_id,
            request=described,
            status_code=status,
            headers=response.headers,
            body=received,
            attempts=attempt,
            secrets=self._secrets(),
        )


def _has_credentials(settings: _Settings) -> bool:
    return settings.api_key is not None


def _with_content(response: httpx.Response, content: bytes) -> httpx.Response:
    """A complete response with the body read (and already decompressed) from `response`.

    Content-Encoding is dropped: httpx would otherwise decompress the body a
    second time, and fail.
    """
    headers = response.headers.copy()
    headers.pop("content-encoding", None)
    return httpx.Response(
        response.status_code, headers=headers, content=content, request=response.request
    )


def _backoff(attempt: int) -> float:
    """The wait after failed attempt number `attempt` (from 1): exponential, jittered, capped.

    `INITIAL_RETRY_DELAY` doubled for each earlier attempt, at most
    `MAX_RETRY_DELAY`, less up to a quarter at random so that clients which
    failed together do not all come back at the same instant.
    """
    delay = min(MAX_RETRY_DELAY, INITIAL_RETRY_DELAY * 2.0 ** min(attempt - 1, 64))
    return delay * (1 - 0.25 * random.random())


def _retry_after(headers: httpx.Headers) -> float | None:
    """`Retry-After` in seconds, from either of its forms (delta-seconds or an HTTP date)."""
    value = headers.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)  # "-0000": UTC, of unknown local origin
    return max(0.0, moment.timestamp() - time.time())
