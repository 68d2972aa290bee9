"""Every error the Primotexto SMS API client raises.

    PrimotextoError
    ├── RequestValidationError      an argument breaks the API description; nothing was sent
    ├── ConfigurationError          the client is set up wrongly (no credentials, unsafe URL)
    └── APIError                    something went wrong talking to the API
        ├── APIConnectionError      no answer, and sending again is safe: the request
        │   │                       provably did not take effect, or is idempotent
        │   └── APITimeoutError
        ├── OutcomeUnknownError     the request was sent but the answer was lost: it may have
        │                           taken effect, so it was not repeated
        ├── ResponseValidationError the answer does not match the API description
        └── APIStatusError          the API answered with an error status
            ├── BadRequestError (400), AuthenticationError (401),
            ├── PermissionDeniedError (403), NotFoundError (404), ConflictError (409),
            ├── UnprocessableEntityError (422), RateLimitError (429)
            └── InternalServerError (500 and above)

No error's text or ``repr`` contains a credential: the client passes its
credentials as ``secrets`` and every occurrence (also percent-encoded, as an
API echoing a URL would show it) is replaced before the message is built. The
``body`` and ``parsed`` attributes are kept exactly as the API sent them.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Collection

import httpx

_EXCERPT_LIMIT = 500
_REDACTED = "<redacted>"


def redact(text: str, secrets: Collection[str]) -> str:
    """`text` with every secret replaced, as written and as it looks inside a URL."""
    forms = {
        form
        for secret in secrets
        if secret
        for form in (
            secret,
            urllib.parse.quote(secret, safe=""),
            urllib.parse.quote_plus(secret, safe=""),
        )
    }
    if not forms:
        return text
    # Longest first, so that no shorter form leaves part of a longer one behind;
    # case-insensitive, since percent-escapes may be written %2f as well as %2F.
    pattern = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.sub(pattern, _REDACTED, text, flags=re.IGNORECASE)


def excerpt(content: bytes, secrets: Collection[str] = ()) -> str:
    """A short, printable start of a response body, safe to show in an error.

    Secrets are replaced before the cut, so that one straddling the cut cannot
    show even in part.
    """
    text = content[: 2 * _EXCERPT_LIMIT].decode("utf-8", errors="replace")
    text = redact(text, secrets)[:_EXCERPT_LIMIT]
    text = "".join(
        c if c.isprintable() or c in "\n\t" else "\N{REPLACEMENT CHARACTER}" for c in text
    )
    return text + ("..." if len(content) > _EXCERPT_LIMIT else "")


class PrimotextoError(Exception):
    """Base class of every error raised by this package."""


class RequestValidationError(PrimotextoError, ValueError):
    """An argument breaks a rule of the API description; the request was not sent."""

    def __init__(self, field: str, rule: str, problem: str) -> None:
        super().__init__(f"{field}: {problem} ({rule})")
        self.field = field
        self.rule = rule
        self.problem = problem


class ConfigurationError(PrimotextoError):
    """The client cannot be used as configured."""


class APIError(PrimotextoError):
    """A call to the API did not succeed."""

    def __init__(
        self,
        message: str,
        *,
        operation: str,
        request: str,
        attempts: int = 1,
        secrets: Collection[str] = (),
    ) -> None:
        super().__init__(redact(message, secrets))
        self.operation = operation
        """The operationId of the call."""
        self.request: str = redact(request, secrets)
        """The method and URL of the call, with any credential redacted."""
        self.attempts = attempts
        """How many times the request was tried, the last one included."""


class APIConnectionError(APIError):
    """No answer arrived, and sending the request again is safe.

    Either the connection could not be made, so the request provably did not
    take effect, or the operation is idempotent. The client has already tried
    as many times as `max_retries` allows.
    """


class APITimeoutError(APIConnectionError):
    """As `APIConnectionError`, when the last attempt ran out of time."""


class OutcomeUnknownError(APIError):
    """The request was sent but no answer arrived, so whether it took effect is unknown.

    It was not sent again: for an operation that is not idempotent (such as
    sending a message) a second attempt could act twice. Check the outcome
    (for example with a status call) before trying again.

    It is deliberately not an `APIConnectionError`: code that retries
    connection errors must not repeat this one blindly.
    """


class ResponseValidationError(APIError):
    """The API answered, but not in the shape its description promises."""

    def __init__(
        self,
        message: str,
        *,
        operation: str,
        request: str,
        status_code: int,
        headers: httpx.Headers,
        body: bytes,
        path: str | None = None,
        attempts: int = 1,
        secrets: Collection[str] = (),
    ) -> None:
        super().__init__(
            f"{message} (HTTP {status_code}; body starts: {excerpt(body, secrets)!r})",
            operation=operation,
            request=request,
            attempts=attempts,
            secrets=secrets,
        )
        self.status_code = status_code
        self.headers = headers
        self.body = body
        self.path = path
        """Where in the body the mismatch is, like ``$.items[0].id``, when known."""


class APIStatusError(APIError):
    """The API answered with an error status."""

    def __init__(
        self,
        *,
        operation: str,
        request: str,
        status_code: int,
        headers: httpx.Headers,
        body: bytes,
        parsed: object | None,
        code: int | None = None,
        code_meaning: str | None = None,
        detail: str | None = None,
        attempts: int = 1,
        secrets: Collection[str] = (),
    ) -> None:
        described = ""
        if code is not None:
            described = f"; code {code}: {code_meaning or 'undocumented code'}"
        if detail is not None:
            described += f"; {detail}"
        super().__init__(
            f"HTTP {status_code} from {operation}{described}; "
            f"body starts: {excerpt(body, secrets)!r}",
            operation=operation,
            request=request,
            attempts=attempts,
            secrets=secrets,
        )
        self.status_code = status_code
        self.headers = headers
        self.body = body
        """The raw response body, as the API sent it (not redacted)."""
        self.parsed = parsed
        """The body decoded with the schema the description gives for this status, if any
        (like `body`, as the API sent it)."""
        self.code = code
        """The API's own error code, when the body carries one."""
        self.code_meaning = code_meaning
        """What the API's documentation says `code` means, when it documents that code."""
        self.detail = detail
        """Why the body could not be read whole (cut short, too large), when that happened."""


class BadRequestError(APIStatusError):
    """HTTP 400."""


class AuthenticationError(APIStatusError):
    """HTTP 401: the credential is missing, wrong or revoked."""


class PermissionDeniedError(APIStatusError):
    """HTTP 403."""


class NotFoundError(APIStatusError):
    """HTTP 404."""


class ConflictError(APIStatusError):
    """HTTP 409."""


class UnprocessableEntityError(APIStatusError):
    """HTTP 422."""


class RateLimitError(APIStatusError):
    """HTTP 429: too many requests."""


class InternalServerError(APIStatusError):
    """HTTP 500 or above."""


STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status_code: int) -> type[APIStatusError]:
    if status_code >= 500:
        return InternalServerError
    return STATUS_ERRORS.get(status_code, APIStatusError)
