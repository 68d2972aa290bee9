"""Each operation of the Primotexto SMS API: its checks, its encoding and its parser.

A builder validates and encodes one call into a `Request`; both clients send
it. Nothing here does I/O, so a call is checked and encoded identically
whichever client sends it.
"""

from __future__ import annotations

from datetime import datetime

import httpx

from . import _checks, _encode, _responses
from ._types import JsonBody, Request
from .models import Error, SendResult


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
        _date = _encode.unix_time(date, 1000, "date")
        _checks.minimum("date", _date, 1000000000000)
        _body["date"] = _date
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
        idempotent=True,
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
