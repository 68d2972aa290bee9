"""Each operation of the Primotexto SMS API: its checks, its encoding and its parser.

A builder validates and encodes one call into a `Request`; the methods of both
clients (documented there) send it. Nothing here does I/O, so a call is checked
and encoded identically whichever client sends it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

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
    """Check and encode a call of `Client.send_notification_message` (documented there)."""
    _checks.pattern("number", number, r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z")
    _checks.pattern(
        "message",
        message,
        "^[A-Za-z0-9 @£_!$\"#èé%ù&ìò()*:+;,<=ÑñÅ.>Üüå/?à|\\^¤{}~\\\\'\\-\\n]+\\Z",
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def send_notification_message_with_query_key(
    *,
    identifier: str,
    message: str,
    sender: str | None = None,
) -> Request[SendResult]:
    """Check and encode a call of `Client.send_notification_message_with_query_key` (documented there)."""
    _checks.pattern("identifier", identifier, r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z")
    _checks.pattern(
        "message",
        message,
        "^[A-Za-z0-9 @£_!$\"#èé%ù&ìò()*:+;,<=ÑñÅ.>Üüå/?à|\\^¤{}~\\\\'\\-\\n]+\\Z",
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
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
    """Check and encode a call of `Client.send_marketing_message` (documented there)."""
    _checks.pattern("number", number, r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z")
    _checks.pattern(
        "message",
        message,
        "^[A-Za-z0-9 @£_!$\"#èé%ù&ìò()*:+;,<=ÑñÅ.>Üüå/?à|\\^¤{}~\\\\'\\-\\n]+\\Z",
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def get_message_status(
    *,
    snapshot_id: str | None = None,
    identifier: str | None = None,
) -> Request[MessageStatus]:
    """Check and encode a call of `Client.get_message_status` (documented there)."""
    if snapshot_id is not None:
        _checks.min_length("snapshot_id", snapshot_id, 1)
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def get_message_stats(
    *,
    category: str,
) -> Request[MessageStats]:
    """Check and encode a call of `Client.get_message_stats` (documented there)."""
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def list_message_replies(
    *,
    category: str,
) -> Request[list[Reply]]:
    """Check and encode a call of `Client.list_message_replies` (documented there)."""
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def get_message_blacklists(
    *,
    category: str,
) -> Request[Blacklists]:
    """Check and encode a call of `Client.get_message_blacklists` (documented there)."""
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def get_account_stats() -> Request[AccountStats]:
    """Check and encode a call of `Client.get_account_stats` (documented there)."""
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def list_unsubscribers() -> Request[list[BlacklistEntry]]:
    """Check and encode a call of `Client.list_unsubscribers` (documented there)."""
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
            _responses.json_body(response),
            "$",
        )
        return parsed
    raise _responses.failure(
        response,
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def add_unsubscriber(
    *,
    identifier: str,
) -> Request[CreatedId]:
    """Check and encode a call of `Client.add_unsubscriber` (documented there)."""
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def remove_unsubscriber(
    *,
    identifier: str,
) -> Request[None]:
    """Check and encode a call of `Client.remove_unsubscriber` (documented there)."""
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def remove_unsubscriber_by_id(
    *,
    contact_id: str,
) -> Request[None]:
    """Check and encode a call of `Client.remove_unsubscriber_by_id` (documented there)."""
    _checks.min_length("contact_id", contact_id, 1)
    return Request(
        operation_id="removeUnsubscriberById",
        method="DELETE",
        path=_encode.expand_path(
            "/unsubscribers/default/contacts/{contactId}",
            {"contactId": contact_id},
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def list_bounces() -> Request[list[BlacklistEntry]]:
    """Check and encode a call of `Client.list_bounces` (documented there)."""
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
            _responses.json_body(response),
            "$",
        )
        return parsed
    raise _responses.failure(
        response,
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def add_bounce(
    *,
    identifier: str,
) -> Request[CreatedId]:
    """Check and encode a call of `Client.add_bounce` (documented there)."""
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def remove_bounce(
    *,
    identifier: str,
) -> Request[None]:
    """Check and encode a call of `Client.remove_bounce` (documented there)."""
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def remove_bounce_by_id(
    *,
    contact_id: str,
) -> Request[None]:
    """Check and encode a call of `Client.remove_bounce_by_id` (documented there)."""
    _checks.min_length("contact_id", contact_id, 1)
    return Request(
        operation_id="removeBounceById",
        method="DELETE",
        path=_encode.expand_path(
            "/bounces/default/contacts/{contactId}",
            {"contactId": contact_id},
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def check_number(
    *,
    identifier: str,
) -> Request[NumberCheck]:
    """Check and encode a call of `Client.check_number` (documented there)."""
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def create_list(
    *,
    name: str,
) -> Request[CreatedId]:
    """Check and encode a call of `Client.create_list` (documented there)."""
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def list_lists() -> Request[list[ContactList]]:
    """Check and encode a call of `Client.list_lists` (documented there)."""
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
            _responses.json_body(response),
            "$",
        )
        return parsed
    raise _responses.failure(
        response,
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def get_list(
    *,
    list_id: str,
) -> Request[ContactList]:
    """Check and encode a call of `Client.get_list` (documented there)."""
    _checks.min_length("list_id", list_id, 1)
    return Request(
        operation_id="getList",
        method="GET",
        path=_encode.expand_path(
            "/lists/{listId}",
            {"listId": list_id},
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def delete_list(
    *,
    list_id: str,
) -> Request[None]:
    """Check and encode a call of `Client.delete_list` (documented there)."""
    _checks.min_length("list_id", list_id, 1)
    return Request(
        operation_id="deleteList",
        method="DELETE",
        path=_encode.expand_path(
            "/lists/{listId}",
            {"listId": list_id},
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def add_contact(
    *,
    list_id: str,
    identifier: str,
    attributes: dict[str, str | float] | None = None,
) -> Request[CreatedId]:
    """Check and encode a call of `Client.add_contact` (documented there)."""
    _checks.min_length("list_id", list_id, 1)
    _checks.pattern("identifier", identifier, r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z")
    _body: dict[str, object] = {
        "identifier": identifier,
    }
    if attributes is not None:
        _body["attributes"] = {
            key0: _encode.json_value(value0, f"attributes[{key0!r}]")
            for key0, value0 in attributes.items()
        }
    return Request(
        operation_id="addContact",
        method="POST",
        path=_encode.expand_path(
            "/lists/{listId}/contacts",
            {"listId": list_id},
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def list_contacts(
    *,
    list_id: str,
) -> Request[list[Contact]]:
    """Check and encode a call of `Client.list_contacts` (documented there)."""
    _checks.min_length("list_id", list_id, 1)
    return Request(
        operation_id="listContacts",
        method="GET",
        path=_encode.expand_path(
            "/lists/{listId}/contacts",
            {"listId": list_id},
        ),
        parse=_parse_list_contacts,
        security=(("apiKeyHeader",),),
        idempotent=True,
    )


def _parse_list_contacts(response: httpx.Response) -> list[Contact]:
    if response.status_code == 200:
        parsed: list[Contact] = _decode.array_of(Contact.from_json)(
            _responses.json_body(response),
            "$",
        )
        return parsed
    raise _responses.failure(
        response,
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def delete_contact(
    *,
    list_id: str,
    contact_id: str,
) -> Request[None]:
    """Check and encode a call of `Client.delete_contact` (documented there)."""
    _checks.min_length("list_id", list_id, 1)
    _checks.min_length("contact_id", contact_id, 1)
    return Request(
        operation_id="deleteContact",
        method="DELETE",
        path=_encode.expand_path(
            "/lists/{listId}/contacts/{contactId}",
            {"listId": list_id, "contactId": contact_id},
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def create_list_field(
    *,
    list_id: str,
    name: str,
    type_: FieldType | Literal["STRING", "DATE", "NUMBER"],
    format: DateFormat | Literal["dd/MM/yyyy", "dd/MM", "MM/yyyy"] | None = None,
) -> Request[ListField]:
    """Check and encode a call of `Client.create_list_field` (documented there)."""
    _checks.min_length("list_id", list_id, 1)
    _checks.min_length("name", name, 1)
    _body: dict[str, object] = {
        "name": name,
        "type": _encode.member_value(type_, FieldType, "type_"),
    }
    if format is not None:
        _body["format"] = _encode.member_value(format, DateFormat, "format")
    return Request(
        operation_id="createListField",
        method="POST",
        path=_encode.expand_path(
            "/lists/{listId}/fields",
            {"listId": list_id},
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def list_list_fields(
    *,
    list_id: str,
) -> Request[list[ListField]]:
    """Check and encode a call of `Client.list_list_fields` (documented there)."""
    _checks.min_length("list_id", list_id, 1)
    return Request(
        operation_id="listListFields",
        method="GET",
        path=_encode.expand_path(
            "/lists/{listId}/fields",
            {"listId": list_id},
        ),
        parse=_parse_list_list_fields,
        security=(("apiKeyHeader",),),
        idempotent=True,
    )


def _parse_list_list_fields(response: httpx.Response) -> list[ListField]:
    if response.status_code == 200:
        parsed: list[ListField] = _decode.array_of(ListField.from_json)(
            _responses.json_body(response),
            "$",
        )
        return parsed
    raise _responses.failure(
        response,
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def delete_list_field(
    *,
    list_id: str,
    field_id: str,
) -> Request[None]:
    """Check and encode a call of `Client.delete_list_field` (documented there)."""
    _checks.min_length("list_id", list_id, 1)
    _checks.min_length("field_id", field_id, 1)
    return Request(
        operation_id="deleteListField",
        method="DELETE",
        path=_encode.expand_path(
            "/lists/{listId}/fields/{fieldId}",
            {"listId": list_id, "fieldId": field_id},
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def import_contacts(
    *,
    list_id: str,
    body: list[NewContact],
) -> Request[None]:
    """Check and encode a call of `Client.import_contacts` (documented there)."""
    _checks.min_length("list_id", list_id, 1)
    _checks.min_items("body", body, 1)
    return Request(
        operation_id="importContacts",
        method="POST",
        path=_encode.expand_path(
            "/lists/{listId}/import",
            {"listId": list_id},
        ),
        parse=_parse_import_contacts,
        security=(("apiKeyHeader",),),
        idempotent=False,
        body=JsonBody([item0.to_json(f"body[{index0}]") for index0, item0 in enumerate(body)]),
    )


def _parse_import_contacts(response: httpx.Response) -> None:
    if response.status_code == 201:
        return None
    raise _responses.failure(
        response,
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
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
    """Check and encode a call of `Client.create_marketing_campaign` (documented there)."""
    _checks.min_length("name", name, 1)
    _checks.pattern(
        "message",
        message,
        "^[A-Za-z0-9 @£_!$\"#èé%ù&ìò()*:+;,<=ÑñÅ.>Üüå/?à|\\^¤{}~\\\\'\\-\\n]+\\Z",
    )
    _checks.min_length("message", message, 1)
    _body: dict[str, object] = {
        "name": name,
        "message": message,
        "sendList": send_list,
    }
    if source_address is not None:
        _checks.pattern("source_address", source_address, r"^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}\Z")
        _checks.min_length("source_address", source_address, 3)
        _checks.max_length("source_address", source_address, 11)
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
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
    """Check and encode a call of `Client.create_notification_campaign` (documented there)."""
    _checks.min_length("name", name, 1)
    _checks.pattern(
        "message",
        message,
        "^[A-Za-z0-9 @£_!$\"#èé%ù&ìò()*:+;,<=ÑñÅ.>Üüå/?à|\\^¤{}~\\\\'\\-\\n]+\\Z",
    )
    _checks.min_length("message", message, 1)
    _body: dict[str, object] = {
        "name": name,
        "message": message,
        "sendList": send_list,
    }
    if source_address is not None:
        _checks.pattern("source_address", source_address, r"^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}\Z")
        _checks.min_length("source_address", source_address, 3)
        _checks.max_length("source_address", source_address, 11)
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def test_marketing_campaign(
    *,
    campaign_id: str,
    identifier: str,
) -> Request[CreditsUsed]:
    """Check and encode a call of `Client.test_marketing_campaign` (documented there)."""
    _checks.min_length("campaign_id", campaign_id, 1)
    _checks.pattern("identifier", identifier, r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z")
    _body: dict[str, object] = {
        "identifier": identifier,
    }
    return Request(
        operation_id="testMarketingCampaign",
        method="POST",
        path=_encode.expand_path(
            "/marketing/campaigns/{campaignId}/test",
            {"campaignId": campaign_id},
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def test_notification_campaign(
    *,
    campaign_id: str,
    identifier: str,
) -> Request[CreditsUsed]:
    """Check and encode a call of `Client.test_notification_campaign` (documented there)."""
    _checks.min_length("campaign_id", campaign_id, 1)
    _checks.pattern("identifier", identifier, r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z")
    _body: dict[str, object] = {
        "identifier": identifier,
    }
    return Request(
        operation_id="testNotificationCampaign",
        method="POST",
        path=_encode.expand_path(
            "/notification/campaigns/{campaignId}/test",
            {"campaignId": campaign_id},
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def send_marketing_campaign(
    *,
    campaign_id: str,
) -> Request[CreditsUsed]:
    """Check and encode a call of `Client.send_marketing_campaign` (documented there)."""
    _checks.min_length("campaign_id", campaign_id, 1)
    return Request(
        operation_id="sendMarketingCampaign",
        method="POST",
        path=_encode.expand_path(
            "/marketing/campaigns/{campaignId}/send",
            {"campaignId": campaign_id},
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def send_notification_campaign(
    *,
    campaign_id: str,
) -> Request[CreditsUsed]:
    """Check and encode a call of `Client.send_notification_campaign` (documented there)."""
    _checks.min_length("campaign_id", campaign_id, 1)
    return Request(
        operation_id="sendNotificationCampaign",
        method="POST",
        path=_encode.expand_path(
            "/notification/campaigns/{campaignId}/send",
            {"campaignId": campaign_id},
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def list_campaigns() -> Request[list[Campaign]]:
    """Check and encode a call of `Client.list_campaigns` (documented there)."""
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
            _responses.json_body(response),
            "$",
        )
        return parsed
    raise _responses.failure(
        response,
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def get_campaign(
    *,
    campaign_id: str,
) -> Request[Campaign]:
    """Check and encode a call of `Client.get_campaign` (documented there)."""
    _checks.min_length("campaign_id", campaign_id, 1)
    return Request(
        operation_id="getCampaign",
        method="GET",
        path=_encode.expand_path(
            "/campaigns/{campaignId}",
            {"campaignId": campaign_id},
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def get_campaign_status(
    *,
    campaign_id: str,
) -> Request[CampaignStatus]:
    """Check and encode a call of `Client.get_campaign_status` (documented there)."""
    _checks.min_length("campaign_id", campaign_id, 1)
    return Request(
        operation_id="getCampaignStatus",
        method="GET",
        path=_encode.expand_path(
            "/campaigns/{campaignId}/status",
            {"campaignId": campaign_id},
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def list_campaign_replies(
    *,
    campaign_id: str,
) -> Request[list[Reply]]:
    """Check and encode a call of `Client.list_campaign_replies` (documented there)."""
    _checks.min_length("campaign_id", campaign_id, 1)
    return Request(
        operation_id="listCampaignReplies",
        method="GET",
        path=_encode.expand_path(
            "/campaigns/{campaignId}/replies",
            {"campaignId": campaign_id},
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )


def get_campaign_blacklists(
    *,
    campaign_id: str,
) -> Request[Blacklists]:
    """Check and encode a call of `Client.get_campaign_blacklists` (documented there)."""
    _checks.min_length("campaign_id", campaign_id, 1)
    return Request(
        operation_id="getCampaignBlacklists",
        method="GET",
        path=_encode.expand_path(
            "/campaigns/{campaignId}/blacklists",
            {"campaignId": campaign_id},
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
        {"400": Error.from_json, "401": Error.from_json, "default": Error.from_json},
    )
