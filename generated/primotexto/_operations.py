"""Each operation of the Primotexto SMS API: its checks, its encoding and its parser.

A builder validates and encodes one call into a `Request`; both clients send
it. Nothing here does I/O, so a call is checked and encoded identically
whichever client sends it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx

from . import _checks, _decode, _encode, _responses
from ._types import JsonBody, Request
from .models import (
    AccountStats,
    BlacklistEntry,
    Blacklists,
    Campaign,
    CampaignCreation,
    CampaignStatus,
    CampaignType,
    Contact,
    ContactList,
    CreatedId,
    CreditsUsed,
    DateFormat,
    Error,
    FieldType,
    ListField,
    MessageStats,
    MessageStatus,
    NewContact,
    NumberCheck,
    Reply,
    SendResult,
)


def send_notification_message(
    *,
    number: str,
    message: str,
    sender: str | None = None,
    campaign_name: str | None = None,
    category: str | None = None,
    date: datetime | int | None = None,
) -> Request[SendResult]:
    """Send a notification SMS

    Sends one transactional SMS to one recipient, now or at a scheduled time.
    Marketing content is forbidden on this route: marketing messages go to `POST
    /marketing/messages/send` (same body, same response).

    Args:
        number: The recipient: `0600000000` (French national) or `+33600000000` (E.164).
            Landlines are refused (error 19); international numbers need the account's
            international mode (error 91); some countries are refused (error 90). Some
            vendor samples send `identifier` here instead: that is the recipient's name
            on the other calls, not on this one.
        message: The text of the SMS, limited to the vendor's character list plus space
            and newline (see `MessageText`). Empty → error 30, disallowed character →
            31, too long → 32 (no maximum is published).
        sender: Optional sender name, 3 to 11 letters and digits, not digits only
            (errors 20 to 23). Without it a numeric short code `XX XXX` is used.
        campaign_name: Optional campaign name. Sends with the same name are pooled so
            that their statistics can be viewed together.
        category: Optional tag of the pool this send belongs to. It is the search key of
            the statistics, blacklist and replies calls (`GET /messages/stats`,
            `/messages/blacklists`, `/messages/replies`). Some vendor samples send `tag`
            here instead; this call reads `category`. Its allowed syntax is not
            published.
        date: Optional scheduled send time, as a Unix epoch in MILLISECONDS (UTC):
            `1398177000000` is 2014-04-22T14:30:00Z. Passing seconds is a common
            mistake; the `minimum` (10^12 ms, that is 2001-09-09) catches it, since
            every present-day epoch in seconds is far below it (a safeguard of this
            document, not a vendor rule). Without it the message is sent at once
            (inferred). Errors: 41 invalid programming time, 61 invalid date format, 62
            invalid scheduled date (for example in the past).
    """
    _checks.pattern("number", number, r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z")
    _checks.pattern(
        "message",
        message,
        ("^[A-Za-z0-9 @£_!$\"#èé%ù&ìò()*:+;,<=ÑñÅ.>Üüå/?à|\\^¤{}~\\\\'\\-\\n]+\\Z"),
    )
    _checks.min_length("message", message, 1)
    _body: dict[str, object] = {
        "number": number,
        "message": message,
    }
    if sender is not None:
        _checks.pattern("sender", sender, r"^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}\Z")
        _checks.min_length("sender", sender, 3)
        _checks.max_length("sender", sender, 11)
        _body["sender"] = sender
    if campaign_name is not None:
        _body["campaignName"] = campaign_name
    if category is not None:
        _body["category"] = category
    if date is not None:
        _date_wire = _encode.unix_time(date, 1000, "date")
        _checks.minimum("date", _date_wire, 1000000000000)
        _body["date"] = _date_wire
    return Request(
        operation_id="sendNotificationMessage",
        method="POST",
        path="/notification/messages/send",
        parse=_parse_send_notification_message,
        security=(("apiKeyHeader",),),
        idempotent=False,
        body=JsonBody(_body),
    )


def _parse_send_notification_message(response: httpx.Response) -> SendResult:
    if response.status_code == 200:
        return SendResult.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def send_notification_message_with_query_key(
    *,
    identifier: str,
    message: str,
    sender: str | None = None,
) -> Request[SendResult]:
    """Send a notification SMS from a browser form (API key in the URL)

    The form shown on the vendor's page: the same send as the POST, with every value,
    the API key included, in the query string. **Avoid it.** The key travels in the URL,
    so it ends up in server, proxy and browser logs (and browser history). No known
    client uses this form; prefer `POST /notification/messages/send` with the
    `X-Primotexto-ApiKey` header. On this form the recipient is named `identifier`, not
    `number`. Only `identifier`, `message` and `sender` are shown for it; whether
    `campaignName`, `category` or `date` are accepted here is not documented. The
    responses are assumed to be those of the POST (inferred).

    Args:
        identifier: The recipient's mobile number (called `number` in the POST body):
            `0600000000` (French national) or `+33600000000` (E.164). See `PhoneNumber`.
        message: The text of the SMS, with the same constraints as in the POST body.
        sender: The sender name shown on the handset, with the same constraints as in
            the POST body. Without it a numeric short code is used.
    """
    _checks.pattern("identifier", identifier, r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z")
    _checks.pattern(
        "message",
        message,
        ("^[A-Za-z0-9 @£_!$\"#èé%ù&ìò()*:+;,<=ÑñÅ.>Üüå/?à|\\^¤{}~\\\\'\\-\\n]+\\Z"),
    )
    _checks.min_length("message", message, 1)
    if sender is not None:
        _checks.pattern("sender", sender, r"^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}\Z")
        _checks.min_length("sender", sender, 3)
        _checks.max_length("sender", sender, 11)
    return Request(
        operation_id="sendNotificationMessageWithQueryKey",
        method="GET",
        path="/notification/messages/send",
        parse=_parse_send_notification_message_with_query_key,
        security=(("apiKeyQuery",),),
        idempotent=False,
        query=_encode.query(
            [
                ("identifier", identifier, "form", True),
                ("message", message, "form", True),
                ("sender", sender, "form", True),
            ]
        ),
    )


def _parse_send_notification_message_with_query_key(response: httpx.Response) -> SendResult:
    if response.status_code == 200:
        return SendResult.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def send_marketing_message(
    *,
    number: str,
    message: str,
    sender: str | None = None,
    campaign_name: str | None = None,
    category: str | None = None,
    date: datetime | int | None = None,
) -> Request[SendResult]:
    """Send a marketing SMS

    Sends one promotional SMS (an offer, a newsletter) to one recipient, now or at a
    scheduled time. The body and the response are those of the notification send; only
    the route differs. Marketing content belongs here, transactional content
    (confirmation codes, alerts, reminders) on `POST /notification/messages/send`. A
    recipient who answered STOP is refused with error 12. French rules also keep
    marketing SMS off nights, Sundays and public holidays; whether, and how, the vendor
    enforces that on this route is not documented.

    Args:
        number: The recipient: `0600000000` (French national) or `+33600000000` (E.164).
            Landlines are refused (error 19); international numbers need the account's
            international mode (error 91); some countries are refused (error 90). Some
            vendor samples send `identifier` here instead: that is the recipient's name
            on the other calls, not on this one.
        message: The text of the SMS, limited to the vendor's character list plus space
            and newline (see `MessageText`). Empty → error 30, disallowed character →
            31, too long → 32 (no maximum is published).
        sender: Optional sender name, 3 to 11 letters and digits, not digits only
            (errors 20 to 23). Without it a numeric short code `XX XXX` is used.
        campaign_name: Optional campaign name. Sends with the same name are pooled so
            that their statistics can be viewed together.
        category: Optional tag of the pool this send belongs to. It is the search key of
            the statistics, blacklist and replies calls (`GET /messages/stats`,
            `/messages/blacklists`, `/messages/replies`). Some vendor samples send `tag`
            here instead; this call reads `category`. Its allowed syntax is not
            published.
        date: Optional scheduled send time, as a Unix epoch in MILLISECONDS (UTC):
            `1398177000000` is 2014-04-22T14:30:00Z. Passing seconds is a common
            mistake; the `minimum` (10^12 ms, that is 2001-09-09) catches it, since
            every present-day epoch in seconds is far below it (a safeguard of this
            document, not a vendor rule). Without it the message is sent at once
            (inferred). Errors: 41 invalid programming time, 61 invalid date format, 62
            invalid scheduled date (for example in the past).
    """
    _checks.pattern("number", number, r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z")
    _checks.pattern(
        "message",
        message,
        ("^[A-Za-z0-9 @£_!$\"#èé%ù&ìò()*:+;,<=ÑñÅ.>Üüå/?à|\\^¤{}~\\\\'\\-\\n]+\\Z"),
    )
    _checks.min_length("message", message, 1)
    _body: dict[str, object] = {
        "number": number,
        "message": message,
    }
    if sender is not None:
        _checks.pattern("sender", sender, r"^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}\Z")
        _checks.min_length("sender", sender, 3)
        _checks.max_length("sender", sender, 11)
        _body["sender"] = sender
    if campaign_name is not None:
        _body["campaignName"] = campaign_name
    if category is not None:
        _body["category"] = category
    if date is not None:
        _date_wire = _encode.unix_time(date, 1000, "date")
        _checks.minimum("date", _date_wire, 1000000000000)
        _body["date"] = _date_wire
    return Request(
        operation_id="sendMarketingMessage",
        method="POST",
        path="/marketing/messages/send",
        parse=_parse_send_marketing_message,
        security=(("apiKeyHeader",),),
        idempotent=False,
        body=JsonBody(_body),
    )


def _parse_send_marketing_message(response: httpx.Response) -> SendResult:
    if response.status_code == 200:
        return SendResult.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def get_message_status(
    *,
    snapshot_id: str | None = None,
    identifier: str | None = None,
) -> Request[MessageStatus]:
    """Get the delivery status of a message

    The delivery status of one message, found by the `snapshotId` its send returned,
    or by the recipient's number (`identifier`), which gives the latest message sent to
    that number (inferred from the vendor's page title "status of a message by mobile
    number"). Give exactly one of the two: the API's behaviour with both or neither is
    not documented, and this document cannot require "one of" two query parameters, so
    the client sends what it is given. Times are epoch milliseconds, returned as aware
    datetimes (UTC). A query that matches no message is assumed to give error 16
    (inferred from the error table).

    Args:
        snapshot_id: The `snapshotId` returned by the send (`POST
            /notification/messages/send` or `POST /marketing/messages/send`).
        identifier: The recipient's mobile number, `0600000000` or `+33600000000`; the
            latest message sent to it is described (inferred). The vendor's sample sends
            it URL-encoded (`%2B33600000000`), as every client does.
    """
    if snapshot_id is not None:
        _checks.min_length("snapshotId", snapshot_id, 1)
    if identifier is not None:
        _checks.pattern("identifier", identifier, r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z")
    return Request(
        operation_id="getMessageStatus",
        method="GET",
        path="/messages/status",
        parse=_parse_get_message_status,
        security=(("apiKeyHeader",),),
        idempotent=True,
        query=_encode.query(
            [
                ("snapshotId", snapshot_id, "form", True),
                ("identifier", identifier, "form", True),
            ]
        ),
    )


def _parse_get_message_status(response: httpx.Response) -> MessageStatus:
    if response.status_code == 200:
        return MessageStatus.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def get_message_stats(
    *,
    category: str,
) -> Request[MessageStats]:
    """Get the statistics of the messages of a category

    Counts over every message sent with the given `category` (the optional tag of the
    send calls): how many were sent, delivered, opened, clicked, answered, unsubscribed,
    bounced.

    Args:
        category: The `category` given to the sends (their optional pooling tag), for
            example `codeConfirmation`. Its allowed syntax is not published; an empty
            one is refused by this document.
    """
    _checks.min_length("category", category, 1)
    return Request(
        operation_id="getMessageStats",
        method="GET",
        path="/messages/stats",
        parse=_parse_get_message_stats,
        security=(("apiKeyHeader",),),
        idempotent=True,
        query=_encode.query(
            [
                ("category", category, "form", True),
            ]
        ),
    )


def _parse_get_message_stats(response: httpx.Response) -> MessageStats:
    if response.status_code == 200:
        return MessageStats.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def list_message_replies(
    *,
    category: str,
) -> Request[list[Reply]]:
    """List the replies to the messages of a category

    The SMS that recipients sent back in answer to the messages of the given
    `category`. Replies are only available by polling this call (no webhook is
    documented). Whether the list is paginated or limited is not documented.

    Args:
        category: The `category` given to the sends (their optional pooling tag), for
            example `codeConfirmation`. Its allowed syntax is not published; an empty
            one is refused by this document.
    """
    _checks.min_length("category", category, 1)
    return Request(
        operation_id="listMessageReplies",
        method="GET",
        path="/messages/replies",
        parse=_parse_list_message_replies,
        security=(("apiKeyHeader",),),
        idempotent=True,
        query=_encode.query(
            [
                ("category", category, "form", True),
            ]
        ),
    )


def _parse_list_message_replies(response: httpx.Response) -> list[Reply]:
    if response.status_code == 200:
        parsed: list[Reply] = _decode.array_of(Reply.from_json)(_responses.json_body(response), "$")
        return parsed
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def get_message_blacklists(
    *,
    category: str,
) -> Request[Blacklists]:
    """Get the numbers of a category that unsubscribed or bounced

    The recipients of the given `category`'s messages that are now blacklisted: those
    that answered STOP (`unsubscribers`) and those whose number is not assigned
    (`bounces`), each with their count. The vendor's sample body is not valid JSON
    (braces where a colon and brackets are meant); the shape here is its evident
    reading, the one the SDKs parse.

    Args:
        category: The `category` given to the sends (their optional pooling tag), for
            example `codeConfirmation`. Its allowed syntax is not published; an empty
            one is refused by this document.
    """
    _checks.min_length("category", category, 1)
    return Request(
        operation_id="getMessageBlacklists",
        method="GET",
        path="/messages/blacklists",
        parse=_parse_get_message_blacklists,
        security=(("apiKeyHeader",),),
        idempotent=True,
        query=_encode.query(
            [
                ("category", category, "form", True),
            ]
        ),
    )


def _parse_get_message_blacklists(response: httpx.Response) -> Blacklists:
    if response.status_code == 200:
        return Blacklists.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def get_account_stats() -> Request[AccountStats]:
    """Get the account's totals and credit balance

    The account's totals over every send (sent, submitted, delivered, undelivered,
    bounces, unsubscribers) and its remaining credits. Check `credits` before a large
    send: a send the balance cannot cover is refused with error 71.
    """
    return Request(
        operation_id="getAccountStats",
        method="GET",
        path="/account/stats",
        parse=_parse_get_account_stats,
        security=(("apiKeyHeader",),),
        idempotent=True,
    )


def _parse_get_account_stats(response: httpx.Response) -> AccountStats:
    if response.status_code == 200:
        return AccountStats.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def list_unsubscribers() -> Request[list[BlacklistEntry]]:
    """List the account's unsubscribed numbers (STOP)

    Every entry of the account's unsubscribers blacklist: numbers that answered STOP,
    or that were added by `addUnsubscriber`. The vendor's page lists this call; the
    entry's fields come from the SDKs (inferred where the description says so).
    `default` is the name of the account's only blacklist of each kind.
    """
    return Request(
        operation_id="listUnsubscribers",
        method="GET",
        path="/unsubscribers/default/contacts",
        parse=_parse_list_unsubscribers,
        security=(("apiKeyHeader",),),
        idempotent=True,
    )


def _parse_list_unsubscribers(response: httpx.Response) -> list[BlacklistEntry]:
    if response.status_code == 200:
        parsed: list[BlacklistEntry] = _decode.array_of(BlacklistEntry.from_json)(
            _responses.json_body(response), "$"
        )
        return parsed
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def add_unsubscriber(
    *,
    identifier: str,
) -> Request[CreatedId]:
    """Add a number to the unsubscribers blacklist (STOP)

    Adds a number to the account's unsubscribers blacklist, as if its owner had
    answered STOP: later sends to it are refused with error 12. Answers the new entry's
    `id`, which `removeUnsubscriberById` takes. The vendor's curl sample posts to
    `/unsubscribers/defaults/contacts` (with an `s`); its URL line, its other samples
    and every SDK use `/unsubscribers/default/contacts`, taken here. Adding a number
    that is already on the list is assumed to give error 15 (inferred).

    Args:
        identifier: The number to blacklist, `0600000000` or `+33600000000`.
    """
    _checks.pattern("identifier", identifier, r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z")
    _body: dict[str, object] = {
        "identifier": identifier,
    }
    return Request(
        operation_id="addUnsubscriber",
        method="POST",
        path="/unsubscribers/default/contacts",
        parse=_parse_add_unsubscriber,
        security=(("apiKeyHeader",),),
        idempotent=False,
        body=JsonBody(_body),
    )


def _parse_add_unsubscriber(response: httpx.Response) -> CreatedId:
    if response.status_code == 200:
        return CreatedId.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def remove_unsubscriber(
    *,
    identifier: str,
) -> Request[None]:
    """Remove a number from the unsubscribers blacklist

    Removes the entry of the given number from the account's unsubscribers blacklist,
    so that it can be sent to again (only do so with its owner's consent). The answer
    has no JSON body: `204` is what the Java SDK expects; a `200` without a JSON body
    (seen in the histories of other SDKs) is accepted as the same success.

    Args:
        identifier: The mobile number, `0600000000` or `+33600000000` (see
            `PhoneNumber`). Clients send it URL-encoded (`%2B33600000000`).
    """
    _checks.pattern("identifier", identifier, r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z")
    return Request(
        operation_id="removeUnsubscriber",
        method="DELETE",
        path="/unsubscribers/default/contacts",
        parse=_parse_remove_unsubscriber,
        security=(("apiKeyHeader",),),
        idempotent=True,
        query=_encode.query(
            [
                ("identifier", identifier, "form", True),
            ]
        ),
    )


def _parse_remove_unsubscriber(response: httpx.Response) -> None:
    if response.status_code == 200:
        return None
    if response.status_code == 204:
        return None
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def remove_unsubscriber_by_id(
    *,
    contact_id: str,
) -> Request[None]:
    """Remove an entry from the unsubscribers blacklist by its id

    Removes one entry, named by the `id` that `addUnsubscriber` or
    `listUnsubscribers` gave, from the account's unsubscribers blacklist. The answer has
    no JSON body (`204`, or `200` without a JSON body).

    Args:
        contact_id: The `id` of the blacklist entry, as answered when it was added or
            listed.
    """
    _checks.min_length("contactId", contact_id, 1)
    return Request(
        operation_id="removeUnsubscriberById",
        method="DELETE",
        path=_encode.expand_path(
            "/unsubscribers/default/contacts/{contactId}",
            {
                "contactId": contact_id,
            },
        ),
        parse=_parse_remove_unsubscriber_by_id,
        security=(("apiKeyHeader",),),
        idempotent=True,
    )


def _parse_remove_unsubscriber_by_id(response: httpx.Response) -> None:
    if response.status_code == 200:
        return None
    if response.status_code == 204:
        return None
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def list_bounces() -> Request[list[BlacklistEntry]]:
    """List the account's bounced numbers (NPAI)

    Every entry of the account's bounces blacklist: numbers found not to be assigned
    ("NPAI"), or added by `addBounce`. Same entry shape as the unsubscribers list.
    """
    return Request(
        operation_id="listBounces",
        method="GET",
        path="/bounces/default/contacts",
        parse=_parse_list_bounces,
        security=(("apiKeyHeader",),),
        idempotent=True,
    )


def _parse_list_bounces(response: httpx.Response) -> list[BlacklistEntry]:
    if response.status_code == 200:
        parsed: list[BlacklistEntry] = _decode.array_of(BlacklistEntry.from_json)(
            _responses.json_body(response), "$"
        )
        return parsed
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def add_bounce(
    *,
    identifier: str,
) -> Request[CreatedId]:
    """Add a number to the bounces blacklist (NPAI)

    Adds a number to the account's bounces blacklist: later sends to it are refused
    with error 13. Answers the new entry's `id`, which `removeBounceById` takes. Adding
    a number that is already on the list is assumed to give error 15 (inferred).

    Args:
        identifier: The number to blacklist, `0600000000` or `+33600000000`.
    """
    _checks.pattern("identifier", identifier, r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z")
    _body: dict[str, object] = {
        "identifier": identifier,
    }
    return Request(
        operation_id="addBounce",
        method="POST",
        path="/bounces/default/contacts",
        parse=_parse_add_bounce,
        security=(("apiKeyHeader",),),
        idempotent=False,
        body=JsonBody(_body),
    )


def _parse_add_bounce(response: httpx.Response) -> CreatedId:
    if response.status_code == 200:
        return CreatedId.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def remove_bounce(
    *,
    identifier: str,
) -> Request[None]:
    """Remove a number from the bounces blacklist

    Removes the entry of the given number from the account's bounces blacklist. The
    answer has no JSON body (`204`, or `200` without a JSON body).

    Args:
        identifier: The mobile number, `0600000000` or `+33600000000` (see
            `PhoneNumber`). Clients send it URL-encoded (`%2B33600000000`).
    """
    _checks.pattern("identifier", identifier, r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z")
    return Request(
        operation_id="removeBounce",
        method="DELETE",
        path="/bounces/default/contacts",
        parse=_parse_remove_bounce,
        security=(("apiKeyHeader",),),
        idempotent=True,
        query=_encode.query(
            [
                ("identifier", identifier, "form", True),
            ]
        ),
    )


def _parse_remove_bounce(response: httpx.Response) -> None:
    if response.status_code == 200:
        return None
    if response.status_code == 204:
        return None
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def remove_bounce_by_id(
    *,
    contact_id: str,
) -> Request[None]:
    """Remove an entry from the bounces blacklist by its id

    Removes one entry, named by the `id` that `addBounce` or `listBounces` gave, from
    the account's bounces blacklist. The answer has no JSON body (`204`, or `200`
    without a JSON body).

    Args:
        contact_id: The `id` of the blacklist entry, as answered when it was added or
            listed.
    """
    _checks.min_length("contactId", contact_id, 1)
    return Request(
        operation_id="removeBounceById",
        method="DELETE",
        path=_encode.expand_path(
            "/bounces/default/contacts/{contactId}",
            {
                "contactId": contact_id,
            },
        ),
        parse=_parse_remove_bounce_by_id,
        security=(("apiKeyHeader",),),
        idempotent=True,
    )


def _parse_remove_bounce_by_id(response: httpx.Response) -> None:
    if response.status_code == 200:
        return None
    if response.status_code == 204:
        return None
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def check_number(
    *,
    identifier: str,
) -> Request[NumberCheck]:
    """Check and normalise a mobile number

    Tells whether a number can be sent to, whether it is outside France, and gives it
    in the API's own format. Shown by the SDKs only, not by the vendor's pages: the
    route, the parameter and the answer's field names come from them; the values of
    `status` are not documented. The number is taken as typed (spaces and dots
    included), since normalising it is the point of the call.

    Args:
        identifier: The number to check, as the user typed it (for example `06 00 00 00
            00`).
    """
    _checks.min_length("identifier", identifier, 1)
    return Request(
        operation_id="checkNumber",
        method="GET",
        path="/check",
        parse=_parse_check_number,
        security=(("apiKeyHeader",),),
        idempotent=True,
        query=_encode.query(
            [
                ("identifier", identifier, "form", True),
            ]
        ),
    )


def _parse_check_number(response: httpx.Response) -> NumberCheck:
    if response.status_code == 200:
        return NumberCheck.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def create_list(
    *,
    name: str,
) -> Request[CreatedId]:
    """Create a contact list

    Creates an empty contact list and answers its `id`, which every other list call
    takes. The vendor's page posts to `/lists/` (with a trailing slash) and answers
    `200`; the SDKs post to `/lists`, taken here.

    Args:
        name: The list's name, as shown in the vendor's web interface.
    """
    _checks.min_length("name", name, 1)
    _body: dict[str, object] = {
        "name": name,
    }
    return Request(
        operation_id="createList",
        method="POST",
        path="/lists",
        parse=_parse_create_list,
        security=(("apiKeyHeader",),),
        idempotent=False,
        body=JsonBody(_body),
    )


def _parse_create_list(response: httpx.Response) -> CreatedId:
    if response.status_code == 200:
        return CreatedId.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def list_lists() -> Request[list[ContactList]]:
    """List the account's contact lists

    Every contact list of the account (SDKs only). Only `id` and `name` are known
    fields of a list; whether the answer is paginated is not documented.
    """
    return Request(
        operation_id="listLists",
        method="GET",
        path="/lists",
        parse=_parse_list_lists,
        security=(("apiKeyHeader",),),
        idempotent=True,
    )


def _parse_list_lists(response: httpx.Response) -> list[ContactList]:
    if response.status_code == 200:
        parsed: list[ContactList] = _decode.array_of(ContactList.from_json)(
            _responses.json_body(response), "$"
        )
        return parsed
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def get_list(
    *,
    list_id: str,
) -> Request[ContactList]:
    """Get a contact list

    One contact list (SDKs only). An unknown list gives error 60 (the HTTP status,
    400, is inferred like that of every business error).

    Args:
        list_id: The `id` of the contact list, as answered by `createList`.
    """
    _checks.min_length("listId", list_id, 1)
    return Request(
        operation_id="getList",
        method="GET",
        path=_encode.expand_path(
            "/lists/{listId}",
            {
                "listId": list_id,
            },
        ),
        parse=_parse_get_list,
        security=(("apiKeyHeader",),),
        idempotent=True,
    )


def _parse_get_list(response: httpx.Response) -> ContactList:
    if response.status_code == 200:
        return ContactList.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def delete_list(
    *,
    list_id: str,
) -> Request[None]:
    """Delete a contact list

    Deletes a contact list and its contacts (SDKs only; whether campaigns that used
    the list keep their recipients is not documented). The answer has no JSON body
    (`204`, or `200` without a JSON body).

    Args:
        list_id: The `id` of the contact list, as answered by `createList`.
    """
    _checks.min_length("listId", list_id, 1)
    return Request(
        operation_id="deleteList",
        method="DELETE",
        path=_encode.expand_path(
            "/lists/{listId}",
            {
                "listId": list_id,
            },
        ),
        parse=_parse_delete_list,
        security=(("apiKeyHeader",),),
        idempotent=True,
    )


def _parse_delete_list(response: httpx.Response) -> None:
    if response.status_code == 200:
        return None
    if response.status_code == 204:
        return None
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def add_contact(
    *,
    list_id: str,
    identifier: str,
    attributes: dict[str, str | float] | None = None,
) -> Request[CreatedId]:
    """Add a contact to a contact list

    Adds one contact (a mobile number, with values for the list's custom fields) to a
    list and answers the contact's `id`. The vendor's page shows this route with
    `identifier` only and a `200` answer; `attributes` comes from its "with custom
    columns" variant and the SDKs. A number already in the list is assumed to give error
    15, an unknown list error 60 (inferred).

    Args:
        list_id: The `id` of the contact list, as answered by `createList`.
        identifier: The contact's mobile number, `0600000000` or `+33600000000`.
        attributes: Optional values for the list's custom fields, by field name (see
            `createListField`).
    """
    _checks.min_length("listId", list_id, 1)
    _checks.pattern("identifier", identifier, r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z")
    _body: dict[str, object] = {
        "identifier": identifier,
    }
    if attributes is not None:
        _body["attributes"] = {
            key0: _encode.json_value(value0, "attributes") for key0, value0 in attributes.items()
        }
    return Request(
        operation_id="addContact",
        method="POST",
        path=_encode.expand_path(
            "/lists/{listId}/contacts",
            {
                "listId": list_id,
            },
        ),
        parse=_parse_add_contact,
        security=(("apiKeyHeader",),),
        idempotent=False,
        body=JsonBody(_body),
    )


def _parse_add_contact(response: httpx.Response) -> CreatedId:
    if response.status_code == 200:
        return CreatedId.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def list_contacts(
    *,
    list_id: str,
) -> Request[list[Contact]]:
    """List the contacts of a contact list

    Every contact of a list, with its custom field values (SDKs only; whether the
    answer is paginated is not documented).

    Args:
        list_id: The `id` of the contact list, as answered by `createList`.
    """
    _checks.min_length("listId", list_id, 1)
    return Request(
        operation_id="listContacts",
        method="GET",
        path=_encode.expand_path(
            "/lists/{listId}/contacts",
            {
                "listId": list_id,
            },
        ),
        parse=_parse_list_contacts,
        security=(("apiKeyHeader",),),
        idempotent=True,
    )


def _parse_list_contacts(response: httpx.Response) -> list[Contact]:
    if response.status_code == 200:
        parsed: list[Contact] = _decode.array_of(Contact.from_json)(
            _responses.json_body(response), "$"
        )
        return parsed
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def delete_contact(
    *,
    list_id: str,
    contact_id: str,
) -> Request[None]:
    """Remove a contact from a contact list

    Removes one contact, named by the `id` that `addContact` or `listContacts` gave,
    from a list (SDKs only). The answer has no JSON body (`204`, or `200` without a JSON
    body).

    Args:
        list_id: The `id` of the contact list, as answered by `createList`.
        contact_id: The `id` of the contact, as answered by `addContact` or
            `listContacts`.
    """
    _checks.min_length("listId", list_id, 1)
    _checks.min_length("contactId", contact_id, 1)
    return Request(
        operation_id="deleteContact",
        method="DELETE",
        path=_encode.expand_path(
            "/lists/{listId}/contacts/{contactId}",
            {
                "listId": list_id,
                "contactId": contact_id,
            },
        ),
        parse=_parse_delete_contact,
        security=(("apiKeyHeader",),),
        idempotent=True,
    )


def _parse_delete_contact(response: httpx.Response) -> None:
    if response.status_code == 200:
        return None
    if response.status_code == 204:
        return None
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def create_list_field(
    *,
    list_id: str,
    name: str,
    type_: FieldType | str,
    format: DateFormat | str | None = None,
) -> Request[ListField]:
    """Add a custom field to a contact list

    Adds a custom field (a column such as a first name or a birthday) to a list; its
    values are then given in the contacts' `attributes`. The vendor's page shows the
    option; the field's shape (`name`, `type`, `format`) and the date formats come from
    the Java SDK, which checks that a `DATE` field has a `format`. The answer is assumed
    to be the field as stored (the Java SDK reads it so), `id` included (inferred).

    Args:
        list_id: The `id` of the contact list, as answered by `createList`.
        name: The field's name, the key of its values in a contact's `attributes`.
        type_: The kind of values the field holds.
        format: How the field's dates are written; required for a `DATE` field.
    """
    _checks.min_length("listId", list_id, 1)
    _checks.min_length("name", name, 1)
    _body: dict[str, object] = {
        "name": name,
        "type": _encode.enum_value(type_),
    }
    if format is not None:
        _body["format"] = _encode.enum_value(format)
    return Request(
        operation_id="createListField",
        method="POST",
        path=_encode.expand_path(
            "/lists/{listId}/fields",
            {
                "listId": list_id,
            },
        ),
        parse=_parse_create_list_field,
        security=(("apiKeyHeader",),),
        idempotent=False,
        body=JsonBody(_body),
    )


def _parse_create_list_field(response: httpx.Response) -> ListField:
    if response.status_code == 200:
        return ListField.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def list_list_fields(
    *,
    list_id: str,
) -> Request[list[ListField]]:
    """List the custom fields of a contact list

    Every custom field of a list (SDKs only; the Java SDK requests
    `/lists/{listId}/fields/` with a trailing slash).

    Args:
        list_id: The `id` of the contact list, as answered by `createList`.
    """
    _checks.min_length("listId", list_id, 1)
    return Request(
        operation_id="listListFields",
        method="GET",
        path=_encode.expand_path(
            "/lists/{listId}/fields",
            {
                "listId": list_id,
            },
        ),
        parse=_parse_list_list_fields,
        security=(("apiKeyHeader",),),
        idempotent=True,
    )


def _parse_list_list_fields(response: httpx.Response) -> list[ListField]:
    if response.status_code == 200:
        parsed: list[ListField] = _decode.array_of(ListField.from_json)(
            _responses.json_body(response), "$"
        )
        return parsed
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def delete_list_field(
    *,
    list_id: str,
    field_id: str,
) -> Request[None]:
    """Remove a custom field from a contact list

    Removes a custom field, and presumably its values, from a list (the Java SDK
    only). The answer has no JSON body (`204`, or `200` without a JSON body).

    Args:
        list_id: The `id` of the contact list, as answered by `createList`.
        field_id: The `id` of the custom field, as answered by `listListFields`.
    """
    _checks.min_length("listId", list_id, 1)
    _checks.min_length("fieldId", field_id, 1)
    return Request(
        operation_id="deleteListField",
        method="DELETE",
        path=_encode.expand_path(
            "/lists/{listId}/fields/{fieldId}",
            {
                "listId": list_id,
                "fieldId": field_id,
            },
        ),
        parse=_parse_delete_list_field,
        security=(("apiKeyHeader",),),
        idempotent=True,
    )


def _parse_delete_list_field(response: httpx.Response) -> None:
    if response.status_code == 200:
        return None
    if response.status_code == 204:
        return None
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def import_contacts(
    *,
    list_id: str,
    body: list[NewContact],
) -> Request[None]:
    """Import many contacts into a contact list

    Starts an asynchronous import of many contacts into a list. The API answers `201`
    at once, without a body, with a `Location` header naming the import; the contacts
    appear in the list as it proceeds. Read the header with
    `client.with_raw_response.import_contacts(...)`. The SDKs send a JSON document read
    from a file, as is; its expected content is not published. An array of contacts
    shaped like those of `addContact` is inferred. What the `Location` URL answers, and
    how an import's progress is read, is not documented. Error 74 (limit on posting
    contacts) and 18 (file too large) are the documented errors most likely here
    (inferred).

    Args:
        list_id: The `id` of the contact list, as answered by `createList`.
        body: The contacts to import, at least one, each shaped like the body of
            `addContact` (inferred).
    """
    _checks.min_length("listId", list_id, 1)
    _checks.min_items("body", body, 1)
    return Request(
        operation_id="importContacts",
        method="POST",
        path=_encode.expand_path(
            "/lists/{listId}/import",
            {
                "listId": list_id,
            },
        ),
        parse=_parse_import_contacts,
        security=(("apiKeyHeader",),),
        idempotent=False,
        body=JsonBody([item0.to_json() for item0 in body]),
    )


def _parse_import_contacts(response: httpx.Response) -> None:
    if response.status_code == 201:
        return None
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def create_marketing_campaign(
    *,
    name: str,
    message: str,
    send_list: dict[str, Any],
    source_address: str | None = None,
    type_: CampaignType | str | None = None,
    flash: bool | None = None,
    date: datetime | int | None = None,
    external_url: str | None = None,
    landing_page_type: str | None = None,
    landing_page: str | None = None,
    landing_page_title: str | None = None,
) -> Request[CampaignCreation]:
    """Create a marketing campaign

    Creates a marketing campaign: one message sent to a contact list, now or at a
    scheduled time, once `sendMarketingCampaign` is called. The PHP and C# SDKs post to
    `/marketing/campaigns` or `/notification/campaigns` by the campaign's kind (the Java
    SDK posts both kinds here, evidently a bug). `name`, `message` and `sendList` are
    required by every SDK. The SDKs disagree on the answer: some read `id`, others
    `campaignId`; both are declared and one is expected (inferred).

    Args:
        name: The campaign's name (an invalid one gives error 40).
        message: The text of the SMS, with the same characters as a single send (see
            `MessageText`; errors 30 to 32).
        send_list: Who the campaign is sent to; its shape is not published (see
            `CampaignSendList`). An invalid one gives error 48.
        source_address: The sender name shown on the handsets, with the rules of a
            single send's `sender` (3 to 11 letters and digits, errors 20 to 23;
            inferred to be the same field under another name).
        type_: The campaign's type; the SDKs send `STANDARD` when none is given.
        flash: Whether to send a "flash" SMS (shown at once on the screen and not
            stored), as the name suggests; not documented.
        date: Optional scheduled send time, a Unix epoch in MILLISECONDS, as for a
            single send (the `minimum` catches epoch seconds). Without it the campaign
            goes out when `send...Campaign` is called (inferred). Errors 41, 61, 62.
        external_url: A link for the message (PHP and C# SDKs; its use is not
            documented).
        landing_page_type: The kind of landing page (PHP and C# SDKs; its values are not
            documented).
        landing_page: The landing page (PHP and C# SDKs; not documented).
        landing_page_title: The landing page's title (PHP and C# SDKs; not documented).
    """
    _checks.min_length("name", name, 1)
    _checks.pattern(
        "message",
        message,
        ("^[A-Za-z0-9 @£_!$\"#èé%ù&ìò()*:+;,<=ÑñÅ.>Üüå/?à|\\^¤{}~\\\\'\\-\\n]+\\Z"),
    )
    _checks.min_length("message", message, 1)
    _body: dict[str, object] = {
        "name": name,
        "message": message,
        "sendList": send_list,
    }
    if source_address is not None:
        _checks.pattern("sourceAddress", source_address, r"^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}\Z")
        _checks.min_length("sourceAddress", source_address, 3)
        _checks.max_length("sourceAddress", source_address, 11)
        _body["sourceAddress"] = source_address
    if type_ is not None:
        _body["type"] = _encode.enum_value(type_)
    if flash is not None:
        _body["flash"] = flash
    if date is not None:
        _date_wire = _encode.unix_time(date, 1000, "date")
        _checks.minimum("date", _date_wire, 1000000000000)
        _body["date"] = _date_wire
    if external_url is not None:
        _body["externalUrl"] = external_url
    if landing_page_type is not None:
        _body["landingPageType"] = landing_page_type
    if landing_page is not None:
        _body["landingPage"] = landing_page
    if landing_page_title is not None:
        _body["landingPageTitle"] = landing_page_title
    return Request(
        operation_id="createMarketingCampaign",
        method="POST",
        path="/marketing/campaigns",
        parse=_parse_create_marketing_campaign,
        security=(("apiKeyHeader",),),
        idempotent=False,
        body=JsonBody(_body),
    )


def _parse_create_marketing_campaign(response: httpx.Response) -> CampaignCreation:
    if response.status_code == 200:
        return CampaignCreation.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def create_notification_campaign(
    *,
    name: str,
    message: str,
    send_list: dict[str, Any],
    source_address: str | None = None,
    type_: CampaignType | str | None = None,
    flash: bool | None = None,
    date: datetime | int | None = None,
    external_url: str | None = None,
    landing_page_type: str | None = None,
    landing_page: str | None = None,
    landing_page_title: str | None = None,
) -> Request[CampaignCreation]:
    """Create a notification campaign

    Creates a notification (transactional) campaign: the same body and answer as
    `createMarketingCampaign`, on the notification route (PHP and C# SDKs). Marketing
    content is forbidden here.

    Args:
        name: The campaign's name (an invalid one gives error 40).
        message: The text of the SMS, with the same characters as a single send (see
            `MessageText`; errors 30 to 32).
        send_list: Who the campaign is sent to; its shape is not published (see
            `CampaignSendList`). An invalid one gives error 48.
        source_address: The sender name shown on the handsets, with the rules of a
            single send's `sender` (3 to 11 letters and digits, errors 20 to 23;
            inferred to be the same field under another name).
        type_: The campaign's type; the SDKs send `STANDARD` when none is given.
        flash: Whether to send a "flash" SMS (shown at once on the screen and not
            stored), as the name suggests; not documented.
        date: Optional scheduled send time, a Unix epoch in MILLISECONDS, as for a
            single send (the `minimum` catches epoch seconds). Without it the campaign
            goes out when `send...Campaign` is called (inferred). Errors 41, 61, 62.
        external_url: A link for the message (PHP and C# SDKs; its use is not
            documented).
        landing_page_type: The kind of landing page (PHP and C# SDKs; its values are not
            documented).
        landing_page: The landing page (PHP and C# SDKs; not documented).
        landing_page_title: The landing page's title (PHP and C# SDKs; not documented).
    """
    _checks.min_length("name", name, 1)
    _checks.pattern(
        "message",
        message,
        ("^[A-Za-z0-9 @£_!$\"#èé%ù&ìò()*:+;,<=ÑñÅ.>Üüå/?à|\\^¤{}~\\\\'\\-\\n]+\\Z"),
    )
    _checks.min_length("message", message, 1)
    _body: dict[str, object] = {
        "name": name,
        "message": message,
        "sendList": send_list,
    }
    if source_address is not None:
        _checks.pattern("sourceAddress", source_address, r"^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}\Z")
        _checks.min_length("sourceAddress", source_address, 3)
        _checks.max_length("sourceAddress", source_address, 11)
        _body["sourceAddress"] = source_address
    if type_ is not None:
        _body["type"] = _encode.enum_value(type_)
    if flash is not None:
        _body["flash"] = flash
    if date is not None:
        _date_wire = _encode.unix_time(date, 1000, "date")
        _checks.minimum("date", _date_wire, 1000000000000)
        _body["date"] = _date_wire
    if external_url is not None:
        _body["externalUrl"] = external_url
    if landing_page_type is not None:
        _body["landingPageType"] = landing_page_type
    if landing_page is not None:
        _body["landingPage"] = landing_page
    if landing_page_title is not None:
        _body["landingPageTitle"] = landing_page_title
    return Request(
        operation_id="createNotificationCampaign",
        method="POST",
        path="/notification/campaigns",
        parse=_parse_create_notification_campaign,
        security=(("apiKeyHeader",),),
        idempotent=False,
        body=JsonBody(_body),
    )


def _parse_create_notification_campaign(response: httpx.Response) -> CampaignCreation:
    if response.status_code == 200:
        return CampaignCreation.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def test_marketing_campaign(
    *,
    campaign_id: str,
    identifier: str,
) -> Request[CreditsUsed]:
    """Send a marketing campaign's message to one test number

    Sends the campaign's message once to the given number, to check it before the
    real send; it costs credits like any send (`creditsUsed`). The route is the vendor's
    page's; the PHP SDK uses it too, while the Java and C# SDKs post to
    `/campaigns/{campaignId}/test` without the kind (not declared here). An unknown
    campaign gives error 47 (inferred).

    Args:
        campaign_id: The campaign's `id`, as answered by `createMarketingCampaign` or
            `createNotificationCampaign` (some SDKs read it as `campaignId`).
        identifier: The test recipient, `0600000000` or `+33600000000`.
    """
    _checks.min_length("campaignId", campaign_id, 1)
    _checks.pattern("identifier", identifier, r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z")
    _body: dict[str, object] = {
        "identifier": identifier,
    }
    return Request(
        operation_id="testMarketingCampaign",
        method="POST",
        path=_encode.expand_path(
            "/marketing/campaigns/{campaignId}/test",
            {
                "campaignId": campaign_id,
            },
        ),
        parse=_parse_test_marketing_campaign,
        security=(("apiKeyHeader",),),
        idempotent=False,
        body=JsonBody(_body),
    )


def _parse_test_marketing_campaign(response: httpx.Response) -> CreditsUsed:
    if response.status_code == 200:
        return CreditsUsed.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def test_notification_campaign(
    *,
    campaign_id: str,
    identifier: str,
) -> Request[CreditsUsed]:
    """Send a notification campaign's message to one test number

    The test send of a notification campaign: the marketing call on the notification
    route (the vendor's page shows the marketing one; this one is inferred from it and
    from the PHP SDK, which builds the route from the campaign's kind).

    Args:
        campaign_id: The campaign's `id`, as answered by `createMarketingCampaign` or
            `createNotificationCampaign` (some SDKs read it as `campaignId`).
        identifier: The test recipient, `0600000000` or `+33600000000`.
    """
    _checks.min_length("campaignId", campaign_id, 1)
    _checks.pattern("identifier", identifier, r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z")
    _body: dict[str, object] = {
        "identifier": identifier,
    }
    return Request(
        operation_id="testNotificationCampaign",
        method="POST",
        path=_encode.expand_path(
            "/notification/campaigns/{campaignId}/test",
            {
                "campaignId": campaign_id,
            },
        ),
        parse=_parse_test_notification_campaign,
        security=(("apiKeyHeader",),),
        idempotent=False,
        body=JsonBody(_body),
    )


def _parse_test_notification_campaign(response: httpx.Response) -> CreditsUsed:
    if response.status_code == 200:
        return CreditsUsed.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def send_marketing_campaign(
    *,
    campaign_id: str,
) -> Request[CreditsUsed]:
    """Send a marketing campaign

    Sends the campaign to its list (or schedules it, if it has a `date`) and answers
    the credits debited. Not repeated automatically after a lost answer: it may already
    have been sent. No body is sent (the vendor's page shows none; the Java and C# SDKs
    post `SEND` to `/campaigns/{campaignId}/send`, a route not declared here). A balance
    that cannot cover the send gives error 71, an unknown campaign error 47 (inferred).

    Args:
        campaign_id: The campaign's `id`, as answered by `createMarketingCampaign` or
            `createNotificationCampaign` (some SDKs read it as `campaignId`).
    """
    _checks.min_length("campaignId", campaign_id, 1)
    return Request(
        operation_id="sendMarketingCampaign",
        method="POST",
        path=_encode.expand_path(
            "/marketing/campaigns/{campaignId}/send",
            {
                "campaignId": campaign_id,
            },
        ),
        parse=_parse_send_marketing_campaign,
        security=(("apiKeyHeader",),),
        idempotent=False,
    )


def _parse_send_marketing_campaign(response: httpx.Response) -> CreditsUsed:
    if response.status_code == 200:
        return CreditsUsed.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def send_notification_campaign(
    *,
    campaign_id: str,
) -> Request[CreditsUsed]:
    """Send a notification campaign

    Sends a notification campaign to its list: the marketing call on the notification
    route (inferred from the vendor's marketing page and the PHP SDK).

    Args:
        campaign_id: The campaign's `id`, as answered by `createMarketingCampaign` or
            `createNotificationCampaign` (some SDKs read it as `campaignId`).
    """
    _checks.min_length("campaignId", campaign_id, 1)
    return Request(
        operation_id="sendNotificationCampaign",
        method="POST",
        path=_encode.expand_path(
            "/notification/campaigns/{campaignId}/send",
            {
                "campaignId": campaign_id,
            },
        ),
        parse=_parse_send_notification_campaign,
        security=(("apiKeyHeader",),),
        idempotent=False,
    )


def _parse_send_notification_campaign(response: httpx.Response) -> CreditsUsed:
    if response.status_code == 200:
        return CreditsUsed.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def list_campaigns() -> Request[list[Campaign]]:
    """List the account's campaigns

    Every campaign of the account, of both kinds (SDKs only; whether the answer is
    paginated is not documented).
    """
    return Request(
        operation_id="listCampaigns",
        method="GET",
        path="/campaigns",
        parse=_parse_list_campaigns,
        security=(("apiKeyHeader",),),
        idempotent=True,
    )


def _parse_list_campaigns(response: httpx.Response) -> list[Campaign]:
    if response.status_code == 200:
        parsed: list[Campaign] = _decode.array_of(Campaign.from_json)(
            _responses.json_body(response), "$"
        )
        return parsed
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def get_campaign(
    *,
    campaign_id: str,
) -> Request[Campaign]:
    """Get a campaign

    One campaign, as created (SDKs only; the fields come from the Java SDK's model).
    An unknown campaign gives error 47.

    Args:
        campaign_id: The campaign's `id`, as answered by `createMarketingCampaign` or
            `createNotificationCampaign` (some SDKs read it as `campaignId`).
    """
    _checks.min_length("campaignId", campaign_id, 1)
    return Request(
        operation_id="getCampaign",
        method="GET",
        path=_encode.expand_path(
            "/campaigns/{campaignId}",
            {
                "campaignId": campaign_id,
            },
        ),
        parse=_parse_get_campaign,
        security=(("apiKeyHeader",),),
        idempotent=True,
    )


def _parse_get_campaign(response: httpx.Response) -> Campaign:
    if response.status_code == 200:
        return Campaign.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def get_campaign_status(
    *,
    campaign_id: str,
) -> Request[CampaignStatus]:
    """Get a campaign's state and delivery counts

    The campaign's state and counts: sent, submitted, delivered, undelivered, errors,
    bounces, replies, and the credits it used (the vendor's "campaign statistics" page).

    Args:
        campaign_id: The campaign's `id`, as answered by `createMarketingCampaign` or
            `createNotificationCampaign` (some SDKs read it as `campaignId`).
    """
    _checks.min_length("campaignId", campaign_id, 1)
    return Request(
        operation_id="getCampaignStatus",
        method="GET",
        path=_encode.expand_path(
            "/campaigns/{campaignId}/status",
            {
                "campaignId": campaign_id,
            },
        ),
        parse=_parse_get_campaign_status,
        security=(("apiKeyHeader",),),
        idempotent=True,
    )


def _parse_get_campaign_status(response: httpx.Response) -> CampaignStatus:
    if response.status_code == 200:
        return CampaignStatus.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def list_campaign_replies(
    *,
    campaign_id: str,
) -> Request[list[Reply]]:
    """List the replies to a campaign

    The SMS that recipients sent back in answer to the campaign, with the same shape
    as the replies of a category (SDKs only).

    Args:
        campaign_id: The campaign's `id`, as answered by `createMarketingCampaign` or
            `createNotificationCampaign` (some SDKs read it as `campaignId`).
    """
    _checks.min_length("campaignId", campaign_id, 1)
    return Request(
        operation_id="listCampaignReplies",
        method="GET",
        path=_encode.expand_path(
            "/campaigns/{campaignId}/replies",
            {
                "campaignId": campaign_id,
            },
        ),
        parse=_parse_list_campaign_replies,
        security=(("apiKeyHeader",),),
        idempotent=True,
    )


def _parse_list_campaign_replies(response: httpx.Response) -> list[Reply]:
    if response.status_code == 200:
        parsed: list[Reply] = _decode.array_of(Reply.from_json)(_responses.json_body(response), "$")
        return parsed
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )


def get_campaign_blacklists(
    *,
    campaign_id: str,
) -> Request[Blacklists]:
    """Get the numbers of a campaign that unsubscribed or bounced

    The campaign's recipients that are now blacklisted: those that answered STOP
    (`unsubscribers`) and those whose number is not assigned (`bounces`), with the same
    shape as the blacklists of a category. The vendor's sample body is not valid JSON;
    the shape here is its evident reading.

    Args:
        campaign_id: The campaign's `id`, as answered by `createMarketingCampaign` or
            `createNotificationCampaign` (some SDKs read it as `campaignId`).
    """
    _checks.min_length("campaignId", campaign_id, 1)
    return Request(
        operation_id="getCampaignBlacklists",
        method="GET",
        path=_encode.expand_path(
            "/campaigns/{campaignId}/blacklists",
            {
                "campaignId": campaign_id,
            },
        ),
        parse=_parse_get_campaign_blacklists,
        security=(("apiKeyHeader",),),
        idempotent=True,
    )


def _parse_get_campaign_blacklists(response: httpx.Response) -> Blacklists:
    if response.status_code == 200:
        return Blacklists.from_json(_responses.json_body(response), "$")
    raise _responses.failure(
        response,
        {
            "400": Error.from_json,
            "401": Error.from_json,
            "default": Error.from_json,
        },
    )
