"""Data models of the Primotexto SMS API.

Frozen dataclasses. `from_json` accepts what the API sends (unknown fields
are ignored, undocumented enum values are kept as plain values); `to_json`
produces what the API expects, checking the description's constraints.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar, TypeAlias

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
    ErrorCode.NUMBER_BLACKLISTED_STOP: "The number is blacklisted because its owner unsubscribed (STOP).",
    ErrorCode.NUMBER_BLACKLISTED_USER_NPAI: "The number is on the account's NPAI (unreachable, bounced) blacklist.",
    ErrorCode.NUMBER_BLACKLISTED_GLOBAL_NPAI: "The number is on the vendor's global NPAI (unreachable, bounced) blacklist.",
    ErrorCode.NUMBER_ALREADY_EXISTS: "The number already exists.",
    ErrorCode.NO_MESSAGE_FOR_QUERY: "No message matches the query.",
    ErrorCode.TOO_MANY_FIELDS: "Too many fields.",
    ErrorCode.FILE_TOO_LARGE: "The file is too large.",
    ErrorCode.FIXED_LINE_NOT_ALLOWED: "The number is a landline; only mobile numbers are allowed.",
    ErrorCode.SENDER_INVALID_CHARACTERS: "The sender contains invalid characters.",
    ErrorCode.SENDER_TOO_SHORT: "The sender is too short (fewer than 3 characters).",
    ErrorCode.SENDER_TOO_LONG: "The sender is too long (more than 11 characters).",
    ErrorCode.SENDER_ALL_DIGITS: "The sender is made of digits only.",
    ErrorCode.MESSAGE_EMPTY: "The message is empty.",
    ErrorCode.MESSAGE_INVALID_CHARACTERS: "The message contains characters that are not allowed.",
    ErrorCode.MESSAGE_TOO_LONG: "The message is too long.",
    ErrorCode.CAMPAIGN_NAME_INVALID: "The campaign name is invalid.",
    ErrorCode.CAMPAIGN_PROGRAMMING_TIME_INVALID: "The campaign's programming (scheduled) time is invalid.",
    ErrorCode.CAMPAIGN_CANNOT_BE_DELETED: "The campaign cannot be deleted.",
    ErrorCode.CAMPAIGN_CANNOT_BE_CANCELLED: "The campaign cannot be cancelled.",
    ErrorCode.FREE_MODE_CAMPAIGN_LIMIT_REACHED: "The campaign limit of the free mode is reached.",
    ErrorCode.CAMPAIGN_TAG_INVALID: "The campaign tag is invalid.",
    ErrorCode.TAG_ALREADY_EXISTS: "The tag already exists.",
    ErrorCode.CAMPAIGN_NOT_FOUND: "The campaign was not found.",
    ErrorCode.CAMPAIGN_SEND_LIST_INVALID: "The campaign's send list (`sendList`) is invalid.",
    ErrorCode.LIST_NOT_FOUND: "The list was not found.",
    ErrorCode.DATE_FORMAT_INVALID: "The date format is invalid.",
    ErrorCode.SCHEDULED_DATE_INVALID: "The scheduled date is invalid.",
    ErrorCode.API_ACCESS_DISABLED: "API access is disabled for this account.",
    ErrorCode.INSUFFICIENT_CREDITS: "The account does not have enough credits.",
    ErrorCode.AUTHENTICATION_FAILED: "Authentication failed (missing or wrong API key); sent with HTTP 401.",
    ErrorCode.INVALID_JSON: "The request body is not valid JSON.",
    ErrorCode.CONTACTS_POST_LIMIT_REACHED: "The limit on posting contacts is reached.",
    ErrorCode.QUOTA_EXCEEDED: "A quota is exceeded.",
    ErrorCode.COUNTRY_NOT_SUPPORTED: "The recipient's country is not supported.",
    ErrorCode.INTERNATIONAL_MODE_REQUIRED: "The number is outside France and the account's international mode is not enabled.",
    ErrorCode.ACCOUNT_BLOCKED: "The account is blocked.",
    ErrorCode.ACCOUNT_STATE_93: "A user or account state error (inferred from the order of the vendor's summary of codes 93 to 95, 120, 121 and 1000); not documented individually.",
    ErrorCode.ACCOUNT_STATE_94: "A user or account state error (inferred from the order of the vendor's summary of codes 93 to 95, 120, 121 and 1000); not documented individually.",
    ErrorCode.ACCOUNT_STATE_95: "A user or account state error (inferred from the order of the vendor's summary of codes 93 to 95, 120, 121 and 1000); not documented individually.",
    ErrorCode.AUTOMATION_120: "An automation error (inferred from the order of the vendor's summary of codes 93 to 95, 120, 121 and 1000); not documented individually.",
    ErrorCode.AUTOMATION_121: "An automation error (inferred from the order of the vendor's summary of codes 93 to 95, 120, 121 and 1000); not documented individually.",
    ErrorCode.UNKNOWN_ERROR: "An unknown error (inferred from the order of the vendor's summary of codes 93 to 95, 120, 121 and 1000).",
}


class MessageState(str, enum.Enum):
    """Where a message is in its life, as the vendor's status page lists it (the
    meanings are translated from its French table). The list is open: a state this
    document does not list is passed through (the last branch).

    The API may send values not listed here; they are kept as plain values."""

    SENT = "sent"
    SUBMITTED = "submitted"
    DELIVERED = "delivered"
    UNSUBSCRIBED = "unsubscribed"
    BOUNCED = "bounced"
    OPENED = "opened"
    REPLY = "reply"
    ERROR = "error"

    def __str__(self) -> str:
        # As the API writes it, like an undocumented value kept as a plain string.
        return str(self.value)

    @property
    def description(self) -> str | None:
        """What the API's documentation says this value means."""
        return _MESSAGE_STATE_DESCRIPTIONS.get(self)


_MESSAGE_STATE_DESCRIPTIONS: dict[MessageState, str] = {
    MessageState.SENT: "Sent, and acknowledged by the operator.",
    MessageState.SUBMITTED: "Sent, without an acknowledgement from the operator.",
    MessageState.DELIVERED: "Received by the handset (the operator's delivery report).",
    MessageState.UNSUBSCRIBED: "The recipient unsubscribed (answered STOP).",
    MessageState.BOUNCED: "The number is not assigned (NPAI).",
    MessageState.OPENED: "The recipient opened a tracked link.",
    MessageState.REPLY: "The recipient replied.",
    MessageState.ERROR: "The message did not reach the handset.",
}


class FieldType(str, enum.Enum):
    """The kind of values a custom field holds (the Java SDK accepts exactly these)."""

    STRING = "STRING"
    DATE = "DATE"
    NUMBER = "NUMBER"

    def __str__(self) -> str:
        # As the API writes it, like an undocumented value kept as a plain string.
        return str(self.value)

    @property
    def description(self) -> str | None:
        """What the API's documentation says this value means."""
        return _FIELD_TYPE_DESCRIPTIONS.get(self)


_FIELD_TYPE_DESCRIPTIONS: dict[FieldType, str] = {
    FieldType.STRING: "Text.",
    FieldType.DATE: "A date, written in the field's `format`.",
    FieldType.NUMBER: "A number.",
}


class DateFormat(str, enum.Enum):
    """How the values of a `DATE` field are written (the Java SDK lists exactly these:
    day/month/year, day/month, month/year)."""

    DAY_MONTH_YEAR = "dd/MM/yyyy"
    DAY_MONTH = "dd/MM"
    MONTH_YEAR = "MM/yyyy"

    def __str__(self) -> str:
        # As the API writes it, like an undocumented value kept as a plain string.
        return str(self.value)

    @property
    def description(self) -> str | None:
        """What the API's documentation says this value means."""
        return _DATE_FORMAT_DESCRIPTIONS.get(self)


_DATE_FORMAT_DESCRIPTIONS: dict[DateFormat, str] = {
    DateFormat.DAY_MONTH_YEAR: "Day, month and year, as in `14/07/1990`.",
    DateFormat.DAY_MONTH: "Day and month, as in `14/07`.",
    DateFormat.MONTH_YEAR: "Month and year, as in `07/1990`.",
}


class CampaignType(str, enum.Enum):
    """The campaign's type. The SDKs send `STANDARD` when none is given, the only value
    they show; the list is open.

    The API may send values not listed here; they are kept as plain values."""

    STANDARD = "STANDARD"

    def __str__(self) -> str:
        # As the API writes it, like an undocumented value kept as a plain string.
        return str(self.value)

    @property
    def description(self) -> str | None:
        """What the API's documentation says this value means."""
        return _CAMPAIGN_TYPE_DESCRIPTIONS.get(self)


_CAMPAIGN_TYPE_DESCRIPTIONS: dict[CampaignType, str] = {
    CampaignType.STANDARD: "An ordinary campaign (the SDKs' default).",
}


@dataclass(frozen=True, kw_only=True)
class NotificationMessage:
    """One notification SMS to one recipient."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset(
        {"number", "message", "sender", "campaignName", "category", "date"}
    )
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

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
            number=_decode.required(fields, "number", path, _decode.string),
            message=_decode.required(fields, "message", path, _decode.string),
            sender=_decode.optional(fields, "sender", path, _decode.string),
            campaign_name=_decode.optional(fields, "campaignName", path, _decode.string),
            category=_decode.optional(fields, "category", path, _decode.string),
            date=_decode.optional(fields, "date", path, _decode.unix_milliseconds),
        )

    def to_json(self, path: str = "NotificationMessage") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        _checks.pattern(f"{path}.number", self.number, r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z")
        _checks.pattern(
            f"{path}.message",
            self.message,
            "^[A-Za-z0-9 @£_!$\"#èé%ù&ìò()*:+;,<=ÑñÅ.>Üüå/?à|\\^¤{}~\\\\'\\-\\n]+\\Z",
        )
        _checks.min_length(f"{path}.message", self.message, 1)
        data: dict[str, object] = {
            "number": self.number,
            "message": self.message,
        }
        if self.sender is not None:
            _checks.pattern(f"{path}.sender", self.sender, r"^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}\Z")
            _checks.min_length(f"{path}.sender", self.sender, 3)
            _checks.max_length(f"{path}.sender", self.sender, 11)
            data["sender"] = self.sender
        if self.campaign_name is not None:
            data["campaignName"] = self.campaign_name
        if self.category is not None:
            data["category"] = self.category
        if self.date is not None:
            _date_wire = _encode.unix_time(self.date, 1000, f"{path}.date")
            _checks.minimum(f"{path}.date", _date_wire, 1000000000000)
            data["date"] = _date_wire
        return data


@dataclass(frozen=True, kw_only=True)
class SendResult:
    """The outcome of an accepted send."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset({"creditsUsed", "snapshotId"})
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

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
            credits_used=_decode.required(fields, "creditsUsed", path, _decode.number),
            snapshot_id=_decode.required(fields, "snapshotId", path, _decode.string),
        )

    def to_json(self, path: str = "SendResult") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        data: dict[str, object] = {
            "creditsUsed": self.credits_used,
            "snapshotId": self.snapshot_id,
        }
        return data


@dataclass(frozen=True, kw_only=True)
class Error:
    """The body of a failed call. Observed in several clients; no real capture is
    public, so the exact shape is inferred."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset({"code", "error", "message"})
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

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
            code=_decode.required(
                fields,
                "code",
                path,
                _decode.enum_of(ErrorCode, _decode.integer),
            ),
            error=_decode.optional(fields, "error", path, _decode.string),
            message=_decode.optional(fields, "message", path, _decode.string),
        )

    def to_json(self, path: str = "Error") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        data: dict[str, object] = {
            "code": _encode.enum_value(self.code),
        }
        if self.error is not None:
            data["error"] = self.error
        if self.message is not None:
            data["message"] = self.message
        return data


@dataclass(frozen=True, kw_only=True)
class MarketingMessage:
    """One marketing SMS to one recipient: exactly the fields of `NotificationMessage`,
    sent to `POST /marketing/messages/send`. The content, not the shape, decides the
    route: promotional content here, transactional content on the notification route."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset(
        {"number", "message", "sender", "campaignName", "category", "date"}
    )
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

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
    def from_json(cls, data: object, path: str = "$") -> MarketingMessage:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            number=_decode.required(fields, "number", path, _decode.string),
            message=_decode.required(fields, "message", path, _decode.string),
            sender=_decode.optional(fields, "sender", path, _decode.string),
            campaign_name=_decode.optional(fields, "campaignName", path, _decode.string),
            category=_decode.optional(fields, "category", path, _decode.string),
            date=_decode.optional(fields, "date", path, _decode.unix_milliseconds),
        )

    def to_json(self, path: str = "MarketingMessage") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        _checks.pattern(f"{path}.number", self.number, r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z")
        _checks.pattern(
            f"{path}.message",
            self.message,
            "^[A-Za-z0-9 @£_!$\"#èé%ù&ìò()*:+;,<=ÑñÅ.>Üüå/?à|\\^¤{}~\\\\'\\-\\n]+\\Z",
        )
        _checks.min_length(f"{path}.message", self.message, 1)
        data: dict[str, object] = {
            "number": self.number,
            "message": self.message,
        }
        if self.sender is not None:
            _checks.pattern(f"{path}.sender", self.sender, r"^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}\Z")
            _checks.min_length(f"{path}.sender", self.sender, 3)
            _checks.max_length(f"{path}.sender", self.sender, 11)
            data["sender"] = self.sender
        if self.campaign_name is not None:
            data["campaignName"] = self.campaign_name
        if self.category is not None:
            data["category"] = self.category
        if self.date is not None:
            _date_wire = _encode.unix_time(self.date, 1000, f"{path}.date")
            _checks.minimum(f"{path}.date", _date_wire, 1000000000000)
            data["date"] = _date_wire
        return data


@dataclass(frozen=True, kw_only=True)
class MessageStatus:
    """The delivery status of one message. Every time is a Unix epoch in milliseconds,
    returned as an aware datetime (UTC). The vendor's sample has every field; a time
    that has not happened yet (a message not yet delivered) is assumed to be absent or
    `null` (inferred), so the times are optional."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset(
        {"id", "state", "stateDate", "sent", "submitted", "delivered", "test"}
    )
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    id: int | str
    """The message's identifier. The vendor's sample gives a JSON number (`362891`)
    where the send answered its `snapshotId` as a string (`"386479"`), so both are
    accepted."""
    state: MessageState | str
    """Where a message is in its life, as the vendor's status page lists it (the
    meanings are translated from its French table). The list is open: a state this
    document does not list is passed through (the last branch)."""
    state_date: datetime | None = None
    """When the message entered its current `state`."""
    sent: datetime | None = None
    """When the message was sent."""
    submitted: datetime | None = None
    """When the message was handed to the operator."""
    delivered: datetime | None = None
    """When the operator reported the message delivered."""
    test: bool | None = None
    """Whether this was a test send (presumably a campaign's test send; inferred)."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> MessageStatus:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            id=_decode.required(
                fields,
                "id",
                path,
                _decode.union_of(_decode.integer, _decode.string),
            ),
            state=_decode.required(
                fields,
                "state",
                path,
                _decode.enum_of(MessageState, _decode.string),
            ),
            state_date=_decode.optional(
                fields,
                "stateDate",
                path,
                _decode.nullable(_decode.unix_milliseconds),
            ),
            sent=_decode.optional(
                fields,
                "sent",
                path,
                _decode.nullable(_decode.unix_milliseconds),
            ),
            submitted=_decode.optional(
                fields,
                "submitted",
                path,
                _decode.nullable(_decode.unix_milliseconds),
            ),
            delivered=_decode.optional(
                fields,
                "delivered",
                path,
                _decode.nullable(_decode.unix_milliseconds),
            ),
            test=_decode.optional(fields, "test", path, _decode.boolean),
        )

    def to_json(self, path: str = "MessageStatus") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        data: dict[str, object] = {
            "id": _encode.json_value(self.id, f"{path}.id"),
            "state": _encode.enum_value(self.state),
        }
        if self.state_date is not None:
            data["stateDate"] = _encode.unix_time(self.state_date, 1000, f"{path}.state_date")
        if self.sent is not None:
            data["sent"] = _encode.unix_time(self.sent, 1000, f"{path}.sent")
        if self.submitted is not None:
            data["submitted"] = _encode.unix_time(self.submitted, 1000, f"{path}.submitted")
        if self.delivered is not None:
            data["delivered"] = _encode.unix_time(self.delivered, 1000, f"{path}.delivered")
        if self.test is not None:
            data["test"] = self.test
        return data


@dataclass(frozen=True, kw_only=True)
class MessageStats:
    """Counts over every message of one category, as the vendor's sample shows them. The
    vendor does not define the fields; their meanings below follow their names."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset(
        {
            "sent",
            "submitted",
            "delivered",
            "openers",
            "clickers",
            "clicks",
            "opens",
            "replies",
            "unsubscribers",
            "errors",
            "bounced",
            "complaint",
            "timespent",
        }
    )
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    sent: int
    """Messages sent and acknowledged by the operator."""
    submitted: int
    """Messages handed to the operator."""
    delivered: int
    """Messages the operator reported delivered."""
    openers: int
    """Recipients who opened a tracked link."""
    clickers: int
    """Recipients who clicked a tracked link."""
    clicks: int
    """Clicks on tracked links."""
    opens: int
    """Openings of tracked links."""
    replies: int
    """Replies received."""
    unsubscribers: int
    """Recipients who answered STOP."""
    errors: int
    """Messages that did not reach the handset."""
    bounced: int
    """Recipients whose number is not assigned (NPAI)."""
    complaint: int
    """Complaints (undocumented; presumably spam reports)."""
    timespent: int
    """Time spent on tracked pages; its unit is not documented (`18` in the vendor's
    sample)."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> MessageStats:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            sent=_decode.required(fields, "sent", path, _decode.integer),
            submitted=_decode.required(fields, "submitted", path, _decode.integer),
            delivered=_decode.required(fields, "delivered", path, _decode.integer),
            openers=_decode.required(fields, "openers", path, _decode.integer),
            clickers=_decode.required(fields, "clickers", path, _decode.integer),
            clicks=_decode.required(fields, "clicks", path, _decode.integer),
            opens=_decode.required(fields, "opens", path, _decode.integer),
            replies=_decode.required(fields, "replies", path, _decode.integer),
            unsubscribers=_decode.required(fields, "unsubscribers", path, _decode.integer),
            errors=_decode.required(fields, "errors", path, _decode.integer),
            bounced=_decode.required(fields, "bounced", path, _decode.integer),
            complaint=_decode.required(fields, "complaint", path, _decode.integer),
            timespent=_decode.required(fields, "timespent", path, _decode.integer),
        )

    def to_json(self, path: str = "MessageStats") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        data: dict[str, object] = {
            "sent": self.sent,
            "submitted": self.submitted,
            "delivered": self.delivered,
            "openers": self.openers,
            "clickers": self.clickers,
            "clicks": self.clicks,
            "opens": self.opens,
            "replies": self.replies,
            "unsubscribers": self.unsubscribers,
            "errors": self.errors,
            "bounced": self.bounced,
            "complaint": self.complaint,
            "timespent": self.timespent,
        }
        return data


@dataclass(frozen=True, kw_only=True)
class Reply:
    """One SMS a recipient sent back in answer to a message."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset({"id", "identifier", "message"})
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    id: str
    """The reply's identifier."""
    identifier: str
    """The number that replied, as the API writes it (E.164 in the vendor's sample:
    `+33600000000`)."""
    message: str
    """The text of the reply, as received: any characters, not only those a sent message
    may use."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> Reply:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            id=_decode.required(fields, "id", path, _decode.string),
            identifier=_decode.required(fields, "identifier", path, _decode.string),
            message=_decode.required(fields, "message", path, _decode.string),
        )

    def to_json(self, path: str = "Reply") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        _checks.min_length(f"{path}.id", self.id, 1)
        data: dict[str, object] = {
            "id": self.id,
            "identifier": self.identifier,
            "message": self.message,
        }
        return data


@dataclass(frozen=True, kw_only=True)
class BlacklistSummary:
    """The numbers on one blacklist among a send's recipients, and their count."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset({"number", "identifiers"})
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    number: int
    """How many recipients are on this blacklist. It may exceed the length of
    `identifiers` (the vendor's sample counts 18 and lists 3), so the list is presumably
    truncated (inferred)."""
    identifiers: list[str]
    """The blacklisted numbers, as the API writes them (`0600000000`)."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> BlacklistSummary:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            number=_decode.required(fields, "number", path, _decode.integer),
            identifiers=_decode.required(
                fields,
                "identifiers",
                path,
                _decode.array_of(_decode.string),
            ),
        )

    def to_json(self, path: str = "BlacklistSummary") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        _checks.minimum(f"{path}.number", self.number, 0)
        data: dict[str, object] = {
            "number": self.number,
            "identifiers": self.identifiers,
        }
        return data


@dataclass(frozen=True, kw_only=True)
class Blacklists:
    """The recipients of a category's messages, or of a campaign, that are now on the
    account's blacklists."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset({"bounces", "unsubscribers"})
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    bounces: BlacklistSummary
    """Recipients whose number is not assigned (NPAI)."""
    unsubscribers: BlacklistSummary
    """Recipients who answered STOP."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> Blacklists:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            bounces=_decode.required(fields, "bounces", path, BlacklistSummary.from_json),
            unsubscribers=_decode.required(
                fields,
                "unsubscribers",
                path,
                BlacklistSummary.from_json,
            ),
        )

    def to_json(self, path: str = "Blacklists") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        data: dict[str, object] = {
            "bounces": self.bounces.to_json(f"{path}.bounces"),
            "unsubscribers": self.unsubscribers.to_json(f"{path}.unsubscribers"),
        }
        return data


@dataclass(frozen=True, kw_only=True)
class AccountStats:
    """The account's totals over every send, and its credit balance."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset(
        {"credits", "sent", "submitted", "delivered", "undelivered", "bounces", "unsubscribers"}
    )
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    credits: float
    """The remaining credits. An integer in the vendor's sample (`279`); typed as a
    number because credits are debited in fractions elsewhere (`creditsUsed` is `1.0`)."""
    sent: int
    """Messages sent and acknowledged by the operator."""
    submitted: int
    """Messages handed to the operator."""
    delivered: int
    """Messages the operator reported delivered."""
    undelivered: int
    """Messages that were not delivered."""
    bounces: int
    """Numbers on the account's bounces blacklist (NPAI), presumably."""
    unsubscribers: int
    """Numbers on the account's unsubscribers blacklist (STOP), presumably."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> AccountStats:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            credits=_decode.required(fields, "credits", path, _decode.number),
            sent=_decode.required(fields, "sent", path, _decode.integer),
            submitted=_decode.required(fields, "submitted", path, _decode.integer),
            delivered=_decode.required(fields, "delivered", path, _decode.integer),
            undelivered=_decode.required(fields, "undelivered", path, _decode.integer),
            bounces=_decode.required(fields, "bounces", path, _decode.integer),
            unsubscribers=_decode.required(fields, "unsubscribers", path, _decode.integer),
        )

    def to_json(self, path: str = "AccountStats") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        data: dict[str, object] = {
            "credits": self.credits,
            "sent": self.sent,
            "submitted": self.submitted,
            "delivered": self.delivered,
            "undelivered": self.undelivered,
            "bounces": self.bounces,
            "unsubscribers": self.unsubscribers,
        }
        return data


@dataclass(frozen=True, kw_only=True)
class BlacklistEvent:
    """One event in the history of a blacklist entry (SDKs only)."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset({"date", "campaignId"})
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    date: datetime | None = None
    """When it happened (epoch milliseconds)."""
    campaign_id: str | None = None
    """The campaign that caused it, if any (`null` when the number was added by hand,
    inferred)."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> BlacklistEvent:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            date=_decode.optional(fields, "date", path, _decode.unix_milliseconds),
            campaign_id=_decode.optional(
                fields,
                "campaignId",
                path,
                _decode.nullable(_decode.string),
            ),
        )

    def to_json(self, path: str = "BlacklistEvent") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        data: dict[str, object] = {}
        if self.date is not None:
            data["date"] = _encode.unix_time(self.date, 1000, f"{path}.date")
        if self.campaign_id is not None:
            data["campaignId"] = self.campaign_id
        return data


@dataclass(frozen=True, kw_only=True)
class BlacklistEntry:
    """One entry of an account blacklist. Only the field names are known (from the
    SDKs); their meanings below are inferred from the names."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset(
        {"id", "identifier", "deleted", "blacklistId", "history"}
    )
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    id: str
    """The entry's identifier, which the `...ById` removal calls take."""
    identifier: str
    """The blacklisted number, as the API writes it."""
    deleted: bool | None = None
    """Whether the entry was removed (inferred from its name)."""
    blacklist_id: str | None = None
    """The identifier of the blacklist the entry belongs to."""
    history: list[BlacklistEvent] | None = None
    """When, and from which campaign, the number was blacklisted."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> BlacklistEntry:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            id=_decode.required(fields, "id", path, _decode.string),
            identifier=_decode.required(fields, "identifier", path, _decode.string),
            deleted=_decode.optional(fields, "deleted", path, _decode.boolean),
            blacklist_id=_decode.optional(fields, "blacklistId", path, _decode.string),
            history=_decode.optional(
                fields,
                "history",
                path,
                _decode.array_of(BlacklistEvent.from_json),
            ),
        )

    def to_json(self, path: str = "BlacklistEntry") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        _checks.min_length(f"{path}.id", self.id, 1)
        data: dict[str, object] = {
            "id": self.id,
            "identifier": self.identifier,
        }
        if self.deleted is not None:
            data["deleted"] = self.deleted
        if self.blacklist_id is not None:
            data["blacklistId"] = self.blacklist_id
        if self.history is not None:
            data["history"] = [
                item0.to_json(f"{path}.history[{index0}]")
                for index0, item0 in enumerate(self.history)
            ]
        return data


@dataclass(frozen=True, kw_only=True)
class BlacklistAddition:
    """A number to add to one of the account's blacklists."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset({"identifier"})
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    identifier: str
    """The number to blacklist, `0600000000` or `+33600000000`."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> BlacklistAddition:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            identifier=_decode.required(fields, "identifier", path, _decode.string),
        )

    def to_json(self, path: str = "BlacklistAddition") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        _checks.pattern(
            f"{path}.identifier",
            self.identifier,
            r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z",
        )
        data: dict[str, object] = {
            "identifier": self.identifier,
        }
        return data


@dataclass(frozen=True, kw_only=True)
class CreatedId:
    """The identifier of what a call created (a blacklist entry, a list, a contact)."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset({"id"})
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    id: str
    """The new object's identifier."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> CreatedId:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            id=_decode.required(fields, "id", path, _decode.string),
        )

    def to_json(self, path: str = "CreatedId") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        _checks.min_length(f"{path}.id", self.id, 1)
        data: dict[str, object] = {
            "id": self.id,
        }
        return data


@dataclass(frozen=True, kw_only=True)
class NumberCheck:
    """The result of checking a number (SDKs only). The field names come from the SDKs;
    their meanings are inferred from the names."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset(
        {"international", "rawIdentifier", "formattedIdentifier", "status"}
    )
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    international: bool | None = None
    """Whether the number is outside France (sending to it needs the international mode,
    error 91)."""
    raw_identifier: str
    """The number as it was given."""
    formatted_identifier: str | None = None
    """The number in the API's format (E.164, presumably), or `null` when it cannot be
    read as a number (inferred)."""
    status: str
    """The verdict on the number. Its values are not documented (`VALID` in this
    document's examples is illustrative)."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> NumberCheck:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            international=_decode.optional(fields, "international", path, _decode.boolean),
            raw_identifier=_decode.required(fields, "rawIdentifier", path, _decode.string),
            formatted_identifier=_decode.optional(
                fields,
                "formattedIdentifier",
                path,
                _decode.nullable(_decode.string),
            ),
            status=_decode.required(fields, "status", path, _decode.string),
        )

    def to_json(self, path: str = "NumberCheck") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        data: dict[str, object] = {
            "rawIdentifier": self.raw_identifier,
            "status": self.status,
        }
        if self.international is not None:
            data["international"] = self.international
        if self.formatted_identifier is not None:
            data["formattedIdentifier"] = self.formatted_identifier
        return data


@dataclass(frozen=True, kw_only=True)
class NewContactList:
    """A contact list to create."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset({"name"})
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    name: str
    """The list's name, as shown in the vendor's web interface."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> NewContactList:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            name=_decode.required(fields, "name", path, _decode.string),
        )

    def to_json(self, path: str = "NewContactList") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        _checks.min_length(f"{path}.name", self.name, 1)
        data: dict[str, object] = {
            "name": self.name,
        }
        return data


@dataclass(frozen=True, kw_only=True)
class ContactList:
    """A contact list. Only `id` and `name` are known fields; others the API sends are
    passed through untyped."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset({"id", "name"})
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    id: str
    """The list's identifier."""
    name: str | None = None
    """The list's name."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> ContactList:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            id=_decode.required(fields, "id", path, _decode.string),
            name=_decode.optional(fields, "name", path, _decode.string),
        )

    def to_json(self, path: str = "ContactList") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        _checks.min_length(f"{path}.id", self.id, 1)
        data: dict[str, object] = {
            "id": self.id,
        }
        if self.name is not None:
            data["name"] = self.name
        return data


@dataclass(frozen=True, kw_only=True)
class NewContact:
    """A contact to add to a list."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset({"identifier", "attributes"})
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    identifier: str
    """The contact's mobile number, `0600000000` or `+33600000000`."""
    attributes: dict[str, str | float] | None = None
    """Optional values for the list's custom fields, by field name (see
    `createListField`)."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> NewContact:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            identifier=_decode.required(fields, "identifier", path, _decode.string),
            attributes=_decode.optional(
                fields,
                "attributes",
                path,
                _decode.map_of(_decode.union_of(_decode.string, _decode.number)),
            ),
        )

    def to_json(self, path: str = "NewContact") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        _checks.pattern(
            f"{path}.identifier",
            self.identifier,
            r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z",
        )
        data: dict[str, object] = {
            "identifier": self.identifier,
        }
        if self.attributes is not None:
            data["attributes"] = {
                key0: _encode.json_value(value0, f"{path}.attributes[{key0!r}]")
                for key0, value0 in self.attributes.items()
            }
        return data


@dataclass(frozen=True, kw_only=True)
class Contact:
    """A contact of a list (SDKs only)."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset({"id", "identifier", "attributes"})
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    id: str
    """The contact's identifier."""
    identifier: str
    """The contact's number, as the API writes it."""
    attributes: dict[str, str | float] | None = None
    """The contact's values for the list's custom fields."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> Contact:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            id=_decode.required(fields, "id", path, _decode.string),
            identifier=_decode.required(fields, "identifier", path, _decode.string),
            attributes=_decode.optional(
                fields,
                "attributes",
                path,
                _decode.map_of(_decode.union_of(_decode.string, _decode.number)),
            ),
        )

    def to_json(self, path: str = "Contact") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        _checks.min_length(f"{path}.id", self.id, 1)
        data: dict[str, object] = {
            "id": self.id,
            "identifier": self.identifier,
        }
        if self.attributes is not None:
            data["attributes"] = {
                key0: _encode.json_value(value0, f"{path}.attributes[{key0!r}]")
                for key0, value0 in self.attributes.items()
            }
        return data


@dataclass(frozen=True, kw_only=True)
class NewListField:
    """A custom field to add to a list. A `DATE` field needs a `format` (the Java SDK
    refuses one without it; the API's own answer to that is not documented)."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset({"name", "type", "format"})
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    name: str
    """The field's name, the key of its values in a contact's `attributes`."""
    type_: FieldType | str
    """The kind of values the field holds."""
    format: DateFormat | str | None = None
    """How the field's dates are written; required for a `DATE` field."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> NewListField:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            name=_decode.required(fields, "name", path, _decode.string),
            type_=_decode.required(
                fields,
                "type",
                path,
                _decode.enum_of(FieldType, _decode.string),
            ),
            format=_decode.optional(
                fields,
                "format",
                path,
                _decode.enum_of(DateFormat, _decode.string),
            ),
        )

    def to_json(self, path: str = "NewListField") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        _checks.min_length(f"{path}.name", self.name, 1)
        _checks.one_of_values(f"{path}.type_", self.type_, ("STRING", "DATE", "NUMBER"))
        data: dict[str, object] = {
            "name": self.name,
            "type": _encode.member_value(self.type_, FieldType, f"{path}.type_"),
        }
        if self.format is not None:
            _checks.one_of_values(f"{path}.format", self.format, ("dd/MM/yyyy", "dd/MM", "MM/yyyy"))
            data["format"] = _encode.member_value(self.format, DateFormat, f"{path}.format")
        return data


@dataclass(frozen=True, kw_only=True)
class ListField:
    """A custom field of a list (SDKs only)."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset({"id", "name", "type", "format"})
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    id: str | None = None
    """The field's identifier, which `deleteListField` takes."""
    name: str
    """The field's name."""
    type_: FieldType | str
    """The kind of values the field holds."""
    format: DateFormat | str | None = None
    """How the field's dates are written (`DATE` fields)."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> ListField:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            id=_decode.optional(fields, "id", path, _decode.string),
            name=_decode.required(fields, "name", path, _decode.string),
            type_=_decode.required(
                fields,
                "type",
                path,
                _decode.enum_of(FieldType, _decode.string),
            ),
            format=_decode.optional(
                fields,
                "format",
                path,
                _decode.enum_of(DateFormat, _decode.string),
            ),
        )

    def to_json(self, path: str = "ListField") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        _checks.one_of_values(f"{path}.type_", self.type_, ("STRING", "DATE", "NUMBER"))
        data: dict[str, object] = {
            "name": self.name,
            "type": _encode.member_value(self.type_, FieldType, f"{path}.type_"),
        }
        if self.id is not None:
            _checks.min_length(f"{path}.id", self.id, 1)
            data["id"] = self.id
        if self.format is not None:
            _checks.one_of_values(f"{path}.format", self.format, ("dd/MM/yyyy", "dd/MM", "MM/yyyy"))
            data["format"] = _encode.member_value(self.format, DateFormat, f"{path}.format")
        return data


@dataclass(frozen=True, kw_only=True)
class NewCampaign:
    """A campaign to create (fields from the SDKs; the vendor's creation page is not
    available). `name`, `message` and `sendList` are required by every SDK."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset(
        {
            "name",
            "message",
            "sendList",
            "sourceAddress",
            "type",
            "flash",
            "date",
            "externalUrl",
            "landingPageType",
            "landingPage",
            "landingPageTitle",
        }
    )
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    name: str
    """The campaign's name (an invalid one gives error 40)."""
    message: str
    """The text of the SMS, with the same characters as a single send (see
    `MessageText`; errors 30 to 32)."""
    send_list: dict[str, Any]
    """Who the campaign is sent to; its shape is not published (see `CampaignSendList`).
    An invalid one gives error 48."""
    source_address: str | None = None
    """The sender name shown on the handsets, with the rules of a single send's `sender`
    (3 to 11 letters and digits, errors 20 to 23; inferred to be the same field under
    another name)."""
    type_: CampaignType | str | None = None
    """The campaign's type; the SDKs send `STANDARD` when none is given."""
    flash: bool | None = None
    """Whether to send a "flash" SMS (shown at once on the screen and not stored), as
    the name suggests; not documented."""
    date: datetime | None = None
    """Optional scheduled send time, a Unix epoch in MILLISECONDS, as for a single send
    (the `minimum` catches epoch seconds). Without it the campaign goes out when
    `send...Campaign` is called (inferred). Errors 41, 61, 62."""
    external_url: str | None = None
    """A link for the message (PHP and C# SDKs; its use is not documented)."""
    landing_page_type: str | None = None
    """The kind of landing page (PHP and C# SDKs; its values are not documented)."""
    landing_page: str | None = None
    """The landing page (PHP and C# SDKs; not documented)."""
    landing_page_title: str | None = None
    """The landing page's title (PHP and C# SDKs; not documented)."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> NewCampaign:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            name=_decode.required(fields, "name", path, _decode.string),
            message=_decode.required(fields, "message", path, _decode.string),
            send_list=_decode.required(fields, "sendList", path, _decode.map_of(_decode.any_value)),
            source_address=_decode.optional(fields, "sourceAddress", path, _decode.string),
            type_=_decode.optional(
                fields,
                "type",
                path,
                _decode.enum_of(CampaignType, _decode.string),
            ),
            flash=_decode.optional(fields, "flash", path, _decode.boolean),
            date=_decode.optional(fields, "date", path, _decode.unix_milliseconds),
            external_url=_decode.optional(fields, "externalUrl", path, _decode.string),
            landing_page_type=_decode.optional(fields, "landingPageType", path, _decode.string),
            landing_page=_decode.optional(fields, "landingPage", path, _decode.string),
            landing_page_title=_decode.optional(fields, "landingPageTitle", path, _decode.string),
        )

    def to_json(self, path: str = "NewCampaign") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        _checks.min_length(f"{path}.name", self.name, 1)
        _checks.pattern(
            f"{path}.message",
            self.message,
            "^[A-Za-z0-9 @£_!$\"#èé%ù&ìò()*:+;,<=ÑñÅ.>Üüå/?à|\\^¤{}~\\\\'\\-\\n]+\\Z",
        )
        _checks.min_length(f"{path}.message", self.message, 1)
        data: dict[str, object] = {
            "name": self.name,
            "message": self.message,
            "sendList": self.send_list,
        }
        if self.source_address is not None:
            _checks.pattern(
                f"{path}.source_address",
                self.source_address,
                r"^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}\Z",
            )
            _checks.min_length(f"{path}.source_address", self.source_address, 3)
            _checks.max_length(f"{path}.source_address", self.source_address, 11)
            data["sourceAddress"] = self.source_address
        if self.type_ is not None:
            data["type"] = _encode.enum_value(self.type_)
        if self.flash is not None:
            data["flash"] = self.flash
        if self.date is not None:
            _date_wire = _encode.unix_time(self.date, 1000, f"{path}.date")
            _checks.minimum(f"{path}.date", _date_wire, 1000000000000)
            data["date"] = _date_wire
        if self.external_url is not None:
            data["externalUrl"] = self.external_url
        if self.landing_page_type is not None:
            data["landingPageType"] = self.landing_page_type
        if self.landing_page is not None:
            data["landingPage"] = self.landing_page
        if self.landing_page_title is not None:
            data["landingPageTitle"] = self.landing_page_title
        return data


@dataclass(frozen=True, kw_only=True)
class CampaignCreation:
    """The answer to a campaign creation. The SDKs disagree on its field: some read
    `id`, others `campaignId`. Both are declared, both optional; one is expected."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset({"id", "campaignId"})
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    id: str | None = None
    """The new campaign's identifier (the PHP and C# SDKs' reading)."""
    campaign_id: str | None = None
    """The new campaign's identifier (the Java SDK's reading)."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> CampaignCreation:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            id=_decode.optional(fields, "id", path, _decode.string),
            campaign_id=_decode.optional(fields, "campaignId", path, _decode.string),
        )

    def to_json(self, path: str = "CampaignCreation") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        data: dict[str, object] = {}
        if self.id is not None:
            _checks.min_length(f"{path}.id", self.id, 1)
            data["id"] = self.id
        if self.campaign_id is not None:
            _checks.min_length(f"{path}.campaign_id", self.campaign_id, 1)
            data["campaignId"] = self.campaign_id
        return data


@dataclass(frozen=True, kw_only=True)
class CampaignTest:
    """The number to send a campaign's test message to."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset({"identifier"})
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    identifier: str
    """The test recipient, `0600000000` or `+33600000000`."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> CampaignTest:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            identifier=_decode.required(fields, "identifier", path, _decode.string),
        )

    def to_json(self, path: str = "CampaignTest") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        _checks.pattern(
            f"{path}.identifier",
            self.identifier,
            r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z",
        )
        data: dict[str, object] = {
            "identifier": self.identifier,
        }
        return data


@dataclass(frozen=True, kw_only=True)
class CreditsUsed:
    """The credits a campaign's test or send debited."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset({"creditsUsed"})
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    credits_used: float
    """Credits debited, a JSON number with a fraction in the vendor's samples (`1.0` for
    a test, `26146.0` for a send)."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> CreditsUsed:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            credits_used=_decode.required(fields, "creditsUsed", path, _decode.number),
        )

    def to_json(self, path: str = "CreditsUsed") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        data: dict[str, object] = {
            "creditsUsed": self.credits_used,
        }
        return data


@dataclass(frozen=True, kw_only=True)
class Campaign:
    """A campaign as stored (SDKs only: the fields are those of the Java SDK's model,
    which also accepts others). Every field is optional: the Java model has both `id`
    and `campaignId` and the API's choice is not documented."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset(
        {
            "id",
            "campaignId",
            "name",
            "message",
            "sendList",
            "state",
            "type",
            "sourceAddress",
            "date",
            "flash",
            "cleanBounces",
            "cleanUnsubscribers",
            "keepList",
            "totalCredits",
        }
    )
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    id: str | None = None
    """The campaign's identifier."""
    campaign_id: str | None = None
    """The campaign's identifier, under the other name some SDKs read."""
    name: str | None = None
    """The campaign's name."""
    message: str | None = None
    """The text of the SMS."""
    send_list: dict[str, Any] | None = None
    """Who the campaign is sent to (shape not published)."""
    state: str | None = None
    """The campaign's state. `SENT` in the vendor's samples; the other values are not
    documented."""
    type_: CampaignType | str | None = None
    """The campaign's type."""
    source_address: str | None = None
    """The sender name shown on the handsets."""
    date: datetime | None = None
    """The scheduled send time (epoch milliseconds)."""
    flash: bool | None = None
    """Whether it is sent as a "flash" SMS."""
    clean_bounces: bool | None = None
    """Whether bounced numbers are left out of the send (inferred from the name)."""
    clean_unsubscribers: bool | None = None
    """Whether unsubscribed numbers are left out of the send (inferred from the name)."""
    keep_list: bool | None = None
    """Whether the contact list is kept after the send (inferred from the name)."""
    total_credits: float | None = None
    """The credits the campaign costs or cost."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> Campaign:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            id=_decode.optional(fields, "id", path, _decode.string),
            campaign_id=_decode.optional(fields, "campaignId", path, _decode.string),
            name=_decode.optional(fields, "name", path, _decode.string),
            message=_decode.optional(fields, "message", path, _decode.string),
            send_list=_decode.optional(fields, "sendList", path, _decode.map_of(_decode.any_value)),
            state=_decode.optional(fields, "state", path, _decode.string),
            type_=_decode.optional(
                fields,
                "type",
                path,
                _decode.enum_of(CampaignType, _decode.string),
            ),
            source_address=_decode.optional(fields, "sourceAddress", path, _decode.string),
            date=_decode.optional(fields, "date", path, _decode.unix_milliseconds),
            flash=_decode.optional(fields, "flash", path, _decode.boolean),
            clean_bounces=_decode.optional(fields, "cleanBounces", path, _decode.boolean),
            clean_unsubscribers=_decode.optional(
                fields,
                "cleanUnsubscribers",
                path,
                _decode.boolean,
            ),
            keep_list=_decode.optional(fields, "keepList", path, _decode.boolean),
            total_credits=_decode.optional(fields, "totalCredits", path, _decode.number),
        )

    def to_json(self, path: str = "Campaign") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        data: dict[str, object] = {}
        if self.id is not None:
            _checks.min_length(f"{path}.id", self.id, 1)
            data["id"] = self.id
        if self.campaign_id is not None:
            _checks.min_length(f"{path}.campaign_id", self.campaign_id, 1)
            data["campaignId"] = self.campaign_id
        if self.name is not None:
            data["name"] = self.name
        if self.message is not None:
            data["message"] = self.message
        if self.send_list is not None:
            data["sendList"] = self.send_list
        if self.state is not None:
            data["state"] = self.state
        if self.type_ is not None:
            data["type"] = _encode.enum_value(self.type_)
        if self.source_address is not None:
            data["sourceAddress"] = self.source_address
        if self.date is not None:
            data["date"] = _encode.unix_time(self.date, 1000, f"{path}.date")
        if self.flash is not None:
            data["flash"] = self.flash
        if self.clean_bounces is not None:
            data["cleanBounces"] = self.clean_bounces
        if self.clean_unsubscribers is not None:
            data["cleanUnsubscribers"] = self.clean_unsubscribers
        if self.keep_list is not None:
            data["keepList"] = self.keep_list
        if self.total_credits is not None:
            data["totalCredits"] = self.total_credits
        return data


@dataclass(frozen=True, kw_only=True)
class CampaignStatus:
    """A campaign's state and counts, as the vendor's "campaign statistics" page shows
    them."""

    _JSON_KEYS: ClassVar[frozenset[str]] = frozenset(
        {
            "id",
            "name",
            "state",
            "creditsUsed",
            "sent",
            "submitted",
            "delivered",
            "undelivered",
            "errors",
            "bounces",
            "replies",
        }
    )
    """The JSON fields this model knows: the union decoder prefers the closest fit."""

    id: str
    """The campaign's identifier."""
    name: str
    """The campaign's name."""
    state: str
    """The campaign's state. `SENT` in the vendor's sample; the other values are not
    documented."""
    credits_used: float
    """Credits the campaign used (`2000` in the vendor's sample)."""
    sent: int
    """Messages sent and acknowledged by the operators."""
    submitted: int
    """Messages handed to the operators."""
    delivered: int
    """Messages the operators reported delivered."""
    undelivered: int
    """Messages that were not delivered."""
    errors: int
    """Messages that did not reach the handset."""
    bounces: int
    """Recipients whose number is not assigned (NPAI)."""
    replies: int
    """Replies received."""

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> CampaignStatus:
        """Decode the API's JSON; raises `_decode.DecodeError` naming where it does not fit."""
        fields = _decode.obj(data, path)
        return cls(
            id=_decode.required(fields, "id", path, _decode.string),
            name=_decode.required(fields, "name", path, _decode.string),
            state=_decode.required(fields, "state", path, _decode.string),
            credits_used=_decode.required(fields, "creditsUsed", path, _decode.number),
            sent=_decode.required(fields, "sent", path, _decode.integer),
            submitted=_decode.required(fields, "submitted", path, _decode.integer),
            delivered=_decode.required(fields, "delivered", path, _decode.integer),
            undelivered=_decode.required(fields, "undelivered", path, _decode.integer),
            errors=_decode.required(fields, "errors", path, _decode.integer),
            bounces=_decode.required(fields, "bounces", path, _decode.integer),
            replies=_decode.required(fields, "replies", path, _decode.integer),
        )

    def to_json(self, path: str = "CampaignStatus") -> dict[str, object]:
        """The JSON the API expects; raises `RequestValidationError` if a value breaks a rule.

        `path` is how errors name this value (the argument it was given as).
        """
        _checks.min_length(f"{path}.id", self.id, 1)
        data: dict[str, object] = {
            "id": self.id,
            "name": self.name,
            "state": self.state,
            "creditsUsed": self.credits_used,
            "sent": self.sent,
            "submitted": self.submitted,
            "delivered": self.delivered,
            "undelivered": self.undelivered,
            "errors": self.errors,
            "bounces": self.bounces,
            "replies": self.replies,
        }
        return data


PhoneNumber: TypeAlias = str
"""A mobile number, either French national (`0600000000`: 10 digits starting with 0) or
E.164 (`+33600000000`: `+` then 8 to 15 digits, the first not 0). No spaces, dots or
dashes. The vendor refuses landlines (error 19); numbers outside France need the
account's "international mode" option (error 91), and some countries are refused (error
90). A syntactically invalid number gives error 11, a missing one error 10."""


MessageText: TypeAlias = str
"""The text of the SMS. The vendor lists exactly these allowed characters:
`abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@£_!$"#èé%ù&ìò()*:+;,<-=ÑñÅ.>Üüåé/?à|^¤{}~\\'`
(ending with a backslash and an apostrophe). The printed list omits space and newline,
yet the vendor's own example (`Code de confirmation: 283951`) contains a space, so the
list is taken as incomplete and this pattern also allows space and newline (inferred).
The set is a subset of the GSM 03.38 alphabet; `{`, `}`, `~`, `\\`, `|` and `^` are GSM
extension characters and count as two characters in a segment. No maximum length is
published; a message that is too long gives error 32. An empty message gives error 30, a
disallowed character error 31."""


SenderName: TypeAlias = str
"""The sender name shown on the handset: 3 to 11 ASCII letters and digits, not digits
only. Without a sender the message comes from a numeric short code (`XX XXX`). Errors:
20 invalid characters, 21 too short, 22 too long, 23 digits only."""


Category: TypeAlias = str
"""The tag that pools sends (the `category` field of the send calls) and the search key
of the statistics, replies and blacklists of `/messages/...`. Its allowed syntax is not
published; the vendor's samples use camelCase words."""


SnapshotId: TypeAlias = str
"""The identifier of one send, as answered in `SendResult.snapshotId`. Digits in every
sample (`386479`), but kept as text: it is an identifier, not a quantity."""


ResourceId: TypeAlias = str
"""An identifier the API assigns to a list, contact, field, campaign, reply or blacklist
entry. Every sample shows 24 lowercase hexadecimal characters
(`533e9f59e4b05d2efeb6f1b4`); since no format is documented, only a non-empty string is
required."""


ContactAttributes: TypeAlias = dict[str, str | float]
"""A contact's values for the list's custom fields, by field name: text for `STRING`
fields, a date written in the field's `format` for `DATE` fields, a number for `NUMBER`
fields (inferred; the vendor's page shows only the field names)."""


CampaignSendList: TypeAlias = dict[str, Any]
"""Who a campaign is sent to. Required by every SDK, but its shape is not published: the
Java SDK models it as an object (`PTSendList`) whose fields are not public, the C# SDK
as text. It is declared here as an open object, passed through as given; the `lists` key
(the contact lists' identifiers) in this document's examples is an illustration, not a
documented shape. An invalid one gives error 48."""
