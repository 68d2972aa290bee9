"""Primotexto SMS API: a typed Python client (sync and async).

Generated from the API description by openapi-clientgen 0.1.0; do not
edit by hand: change the description and generate again.
"""

from ._client import AsyncClient, AsyncRawResponseClient, Client, RawResponseClient
from ._types import NOT_GIVEN, ApiResponse, NotGiven
from .errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    PrimotextoError,
    RateLimitError,
    RequestValidationError,
    ResponseValidationError,
    UnprocessableEntityError,
)
from .models import (
    Error,
    ErrorCode,
    NotificationMessage,
    SendResult,
)

__version__ = "0.1.0"

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "ApiResponse",
    "AsyncClient",
    "AsyncRawResponseClient",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ConfigurationError",
    "ConflictError",
    "Error",
    "ErrorCode",
    "InternalServerError",
    "NotFoundError",
    "NotGiven",
    "NotificationMessage",
    "OutcomeUnknownError",
    "PermissionDeniedError",
    "PrimotextoError",
    "RateLimitError",
    "RawResponseClient",
    "RequestValidationError",
    "ResponseValidationError",
    "SendResult",
    "UnprocessableEntityError",
]
