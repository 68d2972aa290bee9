"""Primotexto SMS API: a typed Python client (sync and async).

Generated from the API description by openapi-clientgen 0.1.0; do not
edit by hand: change the description and generate again.

Names are imported on first use, so `import primotexto` stays fast however large
the API is.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_MODULES = {
    "AsyncClient": "._client",
    "AsyncRawResponseClient": "._client",
    "Client": "._client",
    "RawResponseClient": "._client",
    "NOT_GIVEN": "._types",
    "ApiResponse": "._types",
    "NotGiven": "._types",
    "APIConnectionError": ".errors",
    "APIError": ".errors",
    "APIStatusError": ".errors",
    "APITimeoutError": ".errors",
    "AuthenticationError": ".errors",
    "BadRequestError": ".errors",
    "ConfigurationError": ".errors",
    "ConflictError": ".errors",
    "InternalServerError": ".errors",
    "NotFoundError": ".errors",
    "OutcomeUnknownError": ".errors",
    "PermissionDeniedError": ".errors",
    "PrimotextoError": ".errors",
    "RateLimitError": ".errors",
    "RequestValidationError": ".errors",
    "ResponseValidationError": ".errors",
    "UnprocessableEntityError": ".errors",
    "Error": ".models",
    "ErrorCode": ".models",
    "NotificationMessage": ".models",
    "SendResult": ".models",
}


def __getattr__(name: str) -> Any:
    """Import `name` from its module the first time it is asked for."""
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
