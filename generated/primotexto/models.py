"""Data models of the Primotexto SMS API.

Frozen dataclasses. `from_json` accepts what the API sends (unknown fields
are ignored, undocumented enum values are kept as plain values); `to_json`
produces what the API expects, checking the description's constraints.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from . import _checks, _decode, _encode


class ErrorCode(enum.IntEnum):
    """The vendor's error code. The documented codes are listed below; the list is open:
    a client must accept codes it does not know (the last branch). The meanings come
    from the vendor's code table as reproduced by its SDKs; codes 93 to 95, 120, 121 and
    1000 are only summarised there as a group.

    The API may send values not listed here; they are kept as plain values."""

    NO_NUMBER = 10
    INVALID_NUMBER = 11
    NUMBER_BLACKLISTED_STOP = 12
    NUMBER_BLACKLISTED_USER_NPAI = 13
    NUMBER_BLACKLISTED_GLOBAL_NPAI = 14
    NUMBER_ALREADY_EXISTS = 15
    NO_MESSAGE_FOR_QUERY = 16
    TOO_MANY_FIELDS = 17
    FILE_TOO_LARGE = 18
    FIXED_LINE_NOT_ALLOWED = 19
    SENDER_INVALID_CHARACTERS = 20
    SENDER_TOO_SHORT = 21
    SENDER_TOO_LONG = 22
    SENDER_ALL_DIGITS = 23
    MESSAGE_EMPTY = 30
    MESSAGE_INVALID_CHARACTERS = 31
    MESSAGE_TOO_LONG = 32
    CAMPAIGN_NAME_INVALID = 40
    CAMPAIGN_PROGRAMMING_TIME_INVALID = 41
    CAMPAIGN_CANNOT_BE_DELETED = 42
    CAMPAIGN_CANNOT_BE_CANCELLED = 43
    FREE_MODE_CAMPAIGN_LIMIT_REACHED = 44
    CAMPAIGN_TAG_INVALID = 45
    TAG_ALREADY_EXISTS = 46
    CAMPAIGN_NOT_FOUND = 47
    CAMPAIGN_SEND_LIST_INVALID = 48
    LIST_NOT_FOUND = 60
    DATE_FORMAT_INVALID = 61
    SCHEDULED_DATE_INVALID = 62
    API_ACCESS_DISABLED = 70
    INSUFFICIENT_CREDITS = 71
    AUTHENTICATION_FAILED = 72
    INVALID_JSON = 73
    CONTACTS_POST_LIMIT_REACHED = 74
    QUOTA_EXCEEDED = 76
    COUNTRY_NOT_SUPPORTED = 90
    INTERNATIONAL_MODE_REQUIRED = 91
    ACCOUNT_BLOCKED = 92
    ACCOUNT_STATE_93 = 93
    ACCOUNT_STATE_94 = 94
    ACCOUNT_STATE_95 = 95
    AUTOMATION_120 = 120
    AUTOMATION_121 = 121
    UNKNOWN_ERROR = 1000

    @property
    def description(self) -> str | None:
        """What the API's documentation says this value means."""
        return _ERROR_CODE_DESCRIPTIONS.get(self)


_ERROR_CODE_DESCRIPTIONS: dict[ErrorCode, str] = {
    ErrorCode.NO_NUMBER: "No number was given.",
    ErrorCode.INVALID_NUMBER: "The number's syntax is invalid.",
    ErrorCode.NUMBER_BLACKLISTED_STOP: (
        "The number is blacklisted because " "its owner unsubscribed (STOP)."
    ),
    ErrorCode.NUMBER_BLACKLISTED_USER_NPAI: (
        "The number is on the account's NPAI " "(unreachable, bounced) blacklist."
    ),
    ErrorCode.NUMBER_BLACKLISTED_GLOBAL_NPAI: (
        "The number is on the vendor's global NPAI " "(unreachable, bounced) blacklist."
    ),
    ErrorCode.NUMBER_ALREADY_EXISTS: "The number already exists.",
    ErrorCode.NO_MESSAGE_FOR_QUERY: "No message matches the query.",
    ErrorCode.TOO_MANY_FIELDS: "Too many fields.",
    ErrorCode.FILE_TOO_LARGE: "The file is too large.",
    ErrorCode.FIXED_LINE_NOT_ALLOWED: (
        "The number is a landline; only " "mobile numbers are allowed."
    ),
    ErrorCode.SENDER_INVALID_CHARACTERS: "The sender contains invalid characters.",
    ErrorCode.SENDER_TOO_SHORT: ("The sender is too short (fewer " "than 3 characters)."),
    ErrorCode.SENDER_TOO_LONG: ("The sender is too long (more " "than 11 characters)."),
    ErrorCode.SENDER_ALL_DIGITS: "The sender is made of digits only.",
    ErrorCode.MESSAGE_EMPTY: "The message is empty.",
    ErrorCode.MESSAGE_INVALID_CHARACTERS: (
        "The message contains characters " "that are not allowed."
    ),
    ErrorCode.MESSAGE_TOO_LONG: "The message is too long.",
    ErrorCode.CAMPAIGN_NAME_INVALID: "The campaign name is invalid.",
    ErrorCode.CAMPAIGN_PROGRAMMING_TIME_INVALID: (
        "The campaign's programming (scheduled) " "time is invalid."
    ),
    ErrorCode.CAMPAIGN_CANNOT_BE_DELETED: "The campaign cannot be deleted.",
    ErrorCode.CAMPAIGN_CANNOT_BE_CANCELLED: "The campaign cannot be cancelled.",
    ErrorCode.FREE_MODE_CAMPAIGN_LIMIT_REACHED: (
        "The campaign limit of the " "free mode is reached."
    ),
    ErrorCode.CAMPAIGN_TAG_INVALID: "The campaign tag is invalid.",
    ErrorCode.TAG_ALREADY_EXISTS: "The tag already exists.",
    ErrorCode.CAMPAIGN_NOT_FOUND: "The campaign was not found.",
    ErrorCode.CAMPAIGN_SEND_LIST_INVALID: ("The campaign's send list " "(`sendList`) is invalid."),
    ErrorCode.LIST_NOT_FOUND: "The list was not found.",
    ErrorCode.DATE_FORMAT_INVALID: "The date format is invalid.",
    ErrorCode.SCHEDULED_DATE_INVALID: "The scheduled date is invalid.",
    ErrorCode.API_ACCESS_DISABLED: "API access is disabled for this account.",
    ErrorCode.INSUFFICIENT_CREDITS: ("The account does not " "have enough credits."),
    ErrorCode.AUTHENTICATION_FAILED: (
        "Authentication failed (missing or wrong " "API key); sent with HTTP 401."
    ),
    ErrorCode.INVALID_JSON: "The request body is not valid JSON.",
    ErrorCode.CONTACTS_POST_LIMIT_REACHED: ("The limit on posting " "contacts is reached."),
    ErrorCode.QUOTA_EXCEEDED: "A quota is exceeded.",
    ErrorCode.COUNTRY_NOT_SUPPORTED: ("The recipient's country " "is not supported."),
    ErrorCode.INTERNATIONAL_MODE_REQUIRED: (
        "The number is outside France and the account's " "international mode is not enabled."
    ),
    ErrorCode.ACCOUNT_BLOCKED: "The account is blocked.",
    ErrorCode.ACCOUNT_STATE_93: (
        "A user or account state error (inferred from the "
        "order of the vendor's summary of codes 93 to 95, "
        "120, 121 and 1000); not documented individually."
    ),
    ErrorCode.ACCOUNT_STATE_94: (
        "A user or account state error (inferred from the "
        "order of the vendor's summary of codes 93 to 95, "
        "120, 121 and 1000); not documented individually."
    ),
    ErrorCode.ACCOUNT_STATE_95: (
        "A user or account state error (inferred from the "
        "order of the vendor's summary of codes 93 to 95, "
        "120, 121 and 1000); not documented individually."
    ),
    ErrorCode.AUTOMATION_120: (
        "An automation error (inferred from the order of "
        "the vendor's summary of codes 93 to 95, 120, 121 "
        "and 1000); not documented individually."
    ),
    ErrorCode.AUTOMATION_121: (
        "An automation error (inferred from the order of "
        "the vendor's summary of codes 93 to 95, 120, 121 "
        "and 1000); not documented individually."
    ),
    ErrorCode.UNKNOWN_ERROR: (
        "An unknown error (inferred from the order of the vendor's "
        "summary of codes 93 to 95, 120, 121 and 1000)."
    ),
}


@dataclass(frozen=True, kw_only=True)
class NotificationMessage:
    """One notification SMS to one recipient."""

    number: str
    """The recipient: `0600000000` (French national) or `+33600000000` (E.164).
    Landlines are refused (error 19); international numbers need the account's
    international mode (error 91); some countries are refused (error 90). Some vendor
    samples send `identifier` here instead: that is the recipient's name on the other
    calls, not on this one."""
    message: str
    """The text of the SMS, limited to the vendor's character list plus space and
    newline (see `MessageText`). Empty → error 30, disallowed character → 31, too long →
    32 (no maximum is published)."""
    sender: str | None = None
    """Optional sender name, 3 to 11 letters and digits, not digits only (errors 20 to
    23). Without it a numeric short code `XX XXX` is used."""
    campaign_name: str | None = None
    """Optional campaign name. Sends with the same name are pooled so that their
    statistics can be viewed together."""
    category: str | None = None
    """Optional tag of the pool this send belongs to. It is the search key of the
    statistics, blacklist and replies calls (`GET /messages/stats`,
    `/messages/blacklists`, `/messages/replies`). Some vendor samples send `tag` here
    instead; this call reads `category`. Its allowed syntax is not published."""
    date: datetime | None = None
    """Optional scheduled send time, as a Unix epoch in MILLISECONDS (UTC):
    `1398177000000` is 2014-04-22T14:30:00Z. Passing seconds is a common mistake; the
    `minimum` (10^12 ms, that is 2001-09-09) catches it, since every present-day epoch
    in seconds is far below it (a safeguard of this document, not a vendor rule).
    Without it the message is sent at once (inferred). Errors: 41 invalid programming
    time, 61 invalid date format, 62 invalid scheduled date (for example in the past)."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> NotificationMessage:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            number=_decode.string(_decode.required(fields, "number", path), path + ".number"),
            message=_decode.string(_decode.required(fields, "message", path), path + ".message"),
            sender=_decode.optional(fields, "sender", path, _decode.string),
            campaign_name=_decode.optional(fields, "campaignName", path, _decode.string),
            category=_decode.optional(fields, "category", path, _decode.string),
            date=_decode.optional(fields, "date", path, _decode.unix_milliseconds),
        )

    def to_json(self) -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule."""
        _checks.pattern(
            "NotificationMessage.number", self.number, r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z"
        )
        _checks.pattern(
            "NotificationMessage.message",
            self.message,
            ("^[A-Za-z0-9 @£_!$\"#èé%ù&ìò()*:+;,<=ÑñÅ.>Üüå/?à|\\^¤{}~\\\\'\\-\\n]+\\Z"),
        )
        _checks.min_length("NotificationMessage.message", self.message, 1)
        data: dict[str, object] = {
            "number": self.number,
            "message": self.message,
        }
        if self.sender is not None:
            _checks.pattern(
                "NotificationMessage.sender", self.sender, r"^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}\Z"
            )
            _checks.min_length("NotificationMessage.sender", self.sender, 3)
            _checks.max_length("NotificationMessage.sender", self.sender, 11)
            data["sender"] = self.sender
        if self.campaign_name is not None:
            data["campaignName"] = self.campaign_name
        if self.category is not None:
            data["category"] = self.category
        if self.date is not None:
            _date = _encode.unix_time(self.date, 1000, "NotificationMessage.date")
            _checks.minimum("NotificationMessage.date", _date, 1000000000000)
            data["date"] = _date
        return data


@dataclass(frozen=True, kw_only=True)
class SendResult:
    """The outcome of an accepted send."""

    credits_used: float
    """Credits debited for this send. The vendor's sample shows a JSON number with a
    fraction (`1.0`)."""
    snapshot_id: str
    """Identifier of this send, used to query its status later. Some SDKs parse it as an
    integer; it is an identifier, not a quantity, so it is kept as a string."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> SendResult:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            credits_used=_decode.number(
                _decode.required(fields, "creditsUsed", path), path + ".creditsUsed"
            ),
            snapshot_id=_decode.string(
                _decode.required(fields, "snapshotId", path), path + ".snapshotId"
            ),
        )

    def to_json(self) -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule."""
        data: dict[str, object] = {
            "creditsUsed": self.credits_used,
            "snapshotId": self.snapshot_id,
        }
        return data


@dataclass(frozen=True, kw_only=True)
class Error:
    """The body of a failed call. Observed in several clients; no real capture is
    public, so the exact shape is inferred."""

    code: ErrorCode | int
    """The vendor's error code. The documented codes are listed below; the list is open:
    a client must accept codes it does not know (the last branch). The meanings come
    from the vendor's code table as reproduced by its SDKs; codes 93 to 95, 120, 121 and
    1000 are only summarised there as a group."""
    error: str | None = None
    """Optional text describing the error. Some clients read this field, others read
    `message`; which one the API sends is not documented."""
    message: str | None = None
    """Optional text describing the error. Some clients read this field, others read
    `error`; which one the API sends is not documented."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> Error:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            code=_decode.enum_of(ErrorCode, _decode.integer)(
                _decode.required(fields, "code", path), path + ".code"
            ),
            error=_decode.optional(fields, "error", path, _decode.string),
            message=_decode.optional(fields, "message", path, _decode.string),
        )

    def to_json(self) -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule."""
        data: dict[str, object] = {
            "code": _encode.enum_value(self.code),
        }
        if self.error is not None:
            data["error"] = self.error
        if self.message is not None:
            data["message"] = self.message
        return data
