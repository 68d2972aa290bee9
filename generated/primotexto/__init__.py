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
        AccountStats,
        BlacklistAddition,
        BlacklistEntry,
        BlacklistEvent,
        Blacklists,
        BlacklistSummary,
        Campaign,
        CampaignCreation,
        CampaignStatus,
        CampaignTest,
        CampaignType,
        Contact,
        ContactList,
        CreatedId,
        CreditsUsed,
        DateFormat,
        Error,
        ErrorCode,
        FieldType,
        ListField,
        MarketingMessage,
        MessageState,
        MessageStats,
        MessageStatus,
        NewCampaign,
        NewContact,
        NewContactList,
        NewListField,
        NotificationMessage,
        NumberCheck,
        Reply,
        SendResult,
    )

__version__ = "0.2.0"

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AccountStats",
    "ApiResponse",
    "AsyncClient",
    "AsyncRawResponseClient",
    "AuthenticationError",
    "BadRequestError",
    "BlacklistAddition",
    "BlacklistEntry",
    "BlacklistEvent",
    "BlacklistSummary",
    "Blacklists",
    "Campaign",
    "CampaignCreation",
    "CampaignStatus",
    "CampaignTest",
    "CampaignType",
    "Client",
    "ConfigurationError",
    "ConflictError",
    "Contact",
    "ContactList",
    "CreatedId",
    "CreditsUsed",
    "DateFormat",
    "Error",
    "ErrorCode",
    "FieldType",
    "InternalServerError",
    "ListField",
    "MarketingMessage",
    "MessageState",
    "MessageStats",
    "MessageStatus",
    "NewCampaign",
    "NewContact",
    "NewContactList",
    "NewListField",
    "NotFoundError",
    "NotGiven",
    "NotificationMessage",
    "NumberCheck",
    "OutcomeUnknownError",
    "PermissionDeniedError",
    "PrimotextoError",
    "RateLimitError",
    "RawResponseClient",
    "Reply",
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
    "AccountStats": ".models",
    "BlacklistAddition": ".models",
    "BlacklistEntry": ".models",
    "BlacklistEvent": ".models",
    "Blacklists": ".models",
    "BlacklistSummary": ".models",
    "Campaign": ".models",
    "CampaignCreation": ".models",
    "CampaignStatus": ".models",
    "CampaignTest": ".models",
    "CampaignType": ".models",
    "Contact": ".models",
    "ContactList": ".models",
    "CreatedId": ".models",
    "CreditsUsed": ".models",
    "DateFormat": ".models",
    "Error": ".models",
    "ErrorCode": ".models",
    "FieldType": ".models",
    "ListField": ".models",
    "MarketingMessage": ".models",
    "MessageState": ".models",
    "MessageStats": ".models",
    "MessageStatus": ".models",
    "NewCampaign": ".models",
    "NewContact": ".models",
    "NewContactList": ".models",
    "NewListField": ".models",
    "NotificationMessage": ".models",
    "NumberCheck": ".models",
    "Reply": ".models",
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
