"""Every error the Primotexto SMS API client raises.

    PrimotextoError
    ├── RequestValidationError      an argument breaks the API description; nothing was sent
    ├── ConfigurationError          the client is set up wrongly (no credentials, unsafe URL)
    └── APIError                    something went wrong talking to the API
        ├── APIConnectionError      no answer, and the request provably did not take effect
        │   └── APITimeoutError
        ├── OutcomeUnknownError     the request was sent but the answer was lost: it may have
        │                           taken effect, so it was not repeated
        ├── ResponseValidationError the answer does not match the API description
        └── APIStatusError          the API answered with an error status
            ├── BadRequestError (400), AuthenticationError (401),
            ├── PermissionDeniedError (403), NotFoundError (404), ConflictError (409),
            ├── UnprocessableEntityError (422), RateLimitError (429)
            └── InternalServerError (500 and above)

No error's text, ``repr`` or attributes contain a credential.
"""

from __future__ import annotations

import httpx

_EXCERPT_LIMIT = 500


def excerpt(content: bytes) -> str:
    """A short, printable start of a response body, safe to show in an error."""
    text = content[:_EXCERPT_LIMIT].decode("utf-8", errors="replace")
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

    def __init__(self, message: str, *, operation: str, request: str) -> None:
        super().__init__(message)
        self.operation = operation
        """The operationId of the call."""
        self.request = request
        """The method and URL of the call, with any credential redacted."""


class APIConnectionError(APIError):
    """The API could not be reached; the request provably did not take effect."""


class APITimeoutError(APIConnectionError):
    """The API did not answer in time, and the call was safe to give up on."""


class OutcomeUnknownError(APIError):
    """The request was sent but no answer arrived, so whether it took effect is unknown.

    It was not sent again: for an operation that is not idempotent (such as
    sending a message) a second attempt could act twice. Check the outcome
    (for example with a status call) before trying again.
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
    ) -> None:
        super().__init__(
            f"{message} (HTTP {status_code}; body starts: {excerpt(body)!r})",
            operation=operation,
            request=request,
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
    ) -> None:
        described = ""
        if code is not None:
            described = f"; code {code}: {code_meaning or 'undocumented code'}"
        super().__init__(
            f"HTTP {status_code} from {operation}{described}; body starts: {excerpt(body)!r}",
            operation=operation,
            request=request,
        )
        self.status_code = status_code
        self.headers = headers
        self.body = body
        """The raw response body."""
        self.parsed = parsed
        """The body decoded with the schema the description gives for this status, if any."""
        self.code = code
        """The API's own error code, when the body carries one."""
        self.code_meaning = code_meaning
        """What the API's documentation says `code` means, when it documents that code."""


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
