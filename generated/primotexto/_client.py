"""`Client` (blocking) and `AsyncClient` (asyncio) for the Primotexto SMS API.

Each operation is a method of both clients, and of their `with_raw_response`
views, which return the status, headers and body beside the parsed result.
Every method hands its arguments to the builder of the same name in
`_operations`, which checks and encodes them, and sends what it returns;
`client.with_options(...)` changes the timeout or retries for some calls.
"""

from __future__ import annotations

import asyncio
import time
from datetime import datetime
from types import TracebackType
from typing import Any, Literal, TypeVar

import httpx

from . import _operations
from ._base_client import BaseClient, _BodyCutShort
from ._types import ApiResponse, Request
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
    FieldType,
    ListField,
    MessageStats,
    MessageStatus,
    NewContact,
    NumberCheck,
    Reply,
    SendResult,
)

T = TypeVar("T")


class Client(BaseClient[httpx.Client]):
    """A blocking client. Use it as a context manager, or call `close()` when done.

    Arguments (all keyword-only, all optional):
        api_key: the API key; defaults to the environment variable PRIMOTEXTO_API_KEY.
        base_url: defaults to PRIMOTEXTO_BASE_URL, then to the API description's server.
        timeout: seconds, or an `httpx.Timeout`; defaults to 30 s (5 s to connect).
        max_retries: retries of a call that provably did not take effect, or is idempotent.
        max_response_bytes: the largest response body accepted; defaults to 16 MiB.
        default_headers: headers added to every request.
        allow_insecure_http: allow plain http to a host that is not this machine.
        http_client: an `httpx.Client` to send with (for proxies or tests); not closed by us.
    """

    def _new_http_client(self) -> httpx.Client:
        return httpx.Client(timeout=self._settings.timeout, follow_redirects=False)

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def with_options(
        self, *, timeout: float | httpx.Timeout | None = None, max_retries: int | None = None
    ) -> Client:
        """A client sharing this one's connections, with another timeout or retry count."""
        return self._copy(timeout, max_retries)

    @property
    def with_raw_response(self) -> RawResponseClient:
        """The same operations, returning an `ApiResponse` with status, headers and body."""
        return RawResponseClient(self)

    def _send(self, request: Request[T]) -> ApiResponse[T]:
        http_request = self._build(request)
        attempt = 0
        while True:
            attempt += 1
            self._log_request(http_request, attempt)
            try:
                # Never follow a redirect, even with a caller's own httpx.Client: it
                # would send the body, and the credentials, somewhere else.
                response = self._http.send(http_request, stream=True, follow_redirects=False)
            except httpx.TransportError as error:
                time.sleep(self._delay_after_transport_error(request, http_request, error, attempt))
                continue
            try:
                # The status alone decides a retry: the body of an answer that is
                # retried is not read.
                delay = self._delay_after_status(request, response, attempt)
                if delay is None:
                    content = self._read(request, response, attempt)
                    return self._result(request, response, content, attempt)
            except _BodyCutShort as cut:
                delay = self._delay_after_cut_body(request, response, cut, attempt)
            finally:
                response.close()
            time.sleep(delay)

    def _read(self, request: Request[T], response: httpx.Response, attempt: int) -> bytes:
        """The whole body, decompressed, and no larger than `max_response_bytes`."""
        limit = self._body_limit(request, response, attempt)
        received = bytearray()
        try:
            for chunk in response.iter_bytes():
                received += chunk
                if len(received) > limit:
                    raise self._too_large(request, response, bytes(received), attempt)
        except httpx.DecodingError as error:
            raise self._undecodable(request, response, bytes(received), attempt) from error
        except httpx.TransportError as error:
            raise _BodyCutShort(bytes(received), error) from error
        return bytes(received)

    def send_notification_message(
        self,
        *,
        number: str,
        message: str,
        sender: str | None = None,
        campaign_name: str | None = None,
        category: str | None = None,
        date: datetime | int | None = None,
    ) -> SendResult:
        """Send a notification SMS

        Sends one transactional SMS to one recipient, now or at a scheduled time.
        Marketing content is forbidden on this route: marketing messages go to `POST
        /marketing/messages/send` (same body, same response).

        Args:
            number: The recipient: `0600000000` (French national) or `+33600000000`
                (E.164). Landlines are refused (error 19); international numbers need
                the account's international mode (error 91); some countries are refused
                (error 90). Some vendor samples send `identifier` here instead: that is
                the recipient's name on the other calls, not on this one.
            message: The text of the SMS, limited to the vendor's character list plus
                space and newline (see `MessageText`). Empty → error 30, disallowed
                character → 31, too long → 32 (no maximum is published).
            sender: Optional sender name, 3 to 11 letters and digits, not digits only
                (errors 20 to 23). Without it a numeric short code `XX XXX` is used.
            campaign_name: Optional campaign name. Sends with the same name are pooled
                so that their statistics can be viewed together.
            category: Optional tag of the pool this send belongs to. It is the search
                key of the statistics, blacklist and replies calls (`GET
                /messages/stats`, `/messages/blacklists`, `/messages/replies`). Some
                vendor samples send `tag` here instead; this call reads `category`. Its
                allowed syntax is not published.
            date: Optional scheduled send time, as a Unix epoch in MILLISECONDS (UTC):
                `1398177000000` is 2014-04-22T14:30:00Z. Passing seconds is a common
                mistake; the `minimum` (10^12 ms, that is 2001-09-09) catches it, since
                every present-day epoch in seconds is far below it (a safeguard of this
                document, not a vendor rule). Without it the message is sent at once
                (inferred). Errors: 41 invalid programming time, 61 invalid date format,
                62 invalid scheduled date (for example in the past).
        """
        return self._send(
            _operations.send_notification_message(
                number=number,
                message=message,
                sender=sender,
                campaign_name=campaign_name,
                category=category,
                date=date,
            )
        ).parsed

    def send_notification_message_with_query_key(
        self,
        *,
        identifier: str,
        message: str,
        sender: str | None = None,
    ) -> SendResult:
        """Send a notification SMS from a browser form (API key in the URL)

        The form shown on the vendor's page: the same send as the POST, with every
        value, the API key included, in the query string. **Avoid it.** The key travels
        in the URL, so it ends up in server, proxy and browser logs (and browser
        history). No known client uses this form; prefer `POST
        /notification/messages/send` with the `X-Primotexto-ApiKey` header. On this form
        the recipient is named `identifier`, not `number`. Only `identifier`, `message`
        and `sender` are shown for it; whether `campaignName`, `category` or `date` are
        accepted here is not documented. The responses are assumed to be those of the
        POST (inferred).

        Args:
            identifier: The recipient's mobile number (called `number` in the POST
                body): `0600000000` (French national) or `+33600000000` (E.164). See
                `PhoneNumber`.
            message: The text of the SMS, with the same constraints as in the POST body.
            sender: The sender name shown on the handset, with the same constraints as
                in the POST body. Without it a numeric short code is used.
        """
        return self._send(
            _operations.send_notification_message_with_query_key(
                identifier=identifier,
                message=message,
                sender=sender,
            )
        ).parsed

    def send_marketing_message(
        self,
        *,
        number: str,
        message: str,
        sender: str | None = None,
        campaign_name: str | None = None,
        category: str | None = None,
        date: datetime | int | None = None,
    ) -> SendResult:
        """Send a marketing SMS

        Sends one promotional SMS (an offer, a newsletter) to one recipient, now or
        at a scheduled time. The body and the response are those of the notification
        send; only the route differs. Marketing content belongs here, transactional
        content (confirmation codes, alerts, reminders) on `POST
        /notification/messages/send`. A recipient who answered STOP is refused with
        error 12. French rules also keep marketing SMS off nights, Sundays and public
        holidays; whether, and how, the vendor enforces that on this route is not
        documented.

        Args:
            number: The recipient: `0600000000` (French national) or `+33600000000`
                (E.164). Landlines are refused (error 19); international numbers need
                the account's international mode (error 91); some countries are refused
                (error 90). Some vendor samples send `identifier` here instead: that is
                the recipient's name on the other calls, not on this one.
            message: The text of the SMS, limited to the vendor's character list plus
                space and newline (see `MessageText`). Empty → error 30, disallowed
                character → 31, too long → 32 (no maximum is published).
            sender: Optional sender name, 3 to 11 letters and digits, not digits only
                (errors 20 to 23). Without it a numeric short code `XX XXX` is used.
            campaign_name: Optional campaign name. Sends with the same name are pooled
                so that their statistics can be viewed together.
            category: Optional tag of the pool this send belongs to. It is the search
                key of the statistics, blacklist and replies calls (`GET
                /messages/stats`, `/messages/blacklists`, `/messages/replies`). Some
                vendor samples send `tag` here instead; this call reads `category`. Its
                allowed syntax is not published.
            date: Optional scheduled send time, as a Unix epoch in MILLISECONDS (UTC):
                `1398177000000` is 2014-04-22T14:30:00Z. Passing seconds is a common
                mistake; the `minimum` (10^12 ms, that is 2001-09-09) catches it, since
                every present-day epoch in seconds is far below it (a safeguard of this
                document, not a vendor rule). Without it the message is sent at once
                (inferred). Errors: 41 invalid programming time, 61 invalid date format,
                62 invalid scheduled date (for example in the past).
        """
        return self._send(
            _operations.send_marketing_message(
                number=number,
                message=message,
                sender=sender,
                campaign_name=campaign_name,
                category=category,
                date=date,
            )
        ).parsed

    def get_message_status(
        self,
        *,
        snapshot_id: str | None = None,
        identifier: str | None = None,
    ) -> MessageStatus:
        """Get the delivery status of a message

        The delivery status of one message, found by the `snapshotId` its send
        returned, or by the recipient's number (`identifier`), which gives the latest
        message sent to that number (inferred from the vendor's page title "status of a
        message by mobile number"). Give exactly one of the two: the API's behaviour
        with both or neither is not documented, and this document cannot require "one
        of" two query parameters, so the client sends what it is given. Times are epoch
        milliseconds, returned as aware datetimes (UTC). A query that matches no message
        is assumed to give error 16 (inferred from the error table).

        Args:
            snapshot_id: The `snapshotId` returned by the send (`POST
                /notification/messages/send` or `POST /marketing/messages/send`).
            identifier: The recipient's mobile number, `0600000000` or `+33600000000`;
                the latest message sent to it is described (inferred). The vendor's
                sample sends it URL-encoded (`%2B33600000000`), as every client does.
        """
        return self._send(
            _operations.get_message_status(
                snapshot_id=snapshot_id,
                identifier=identifier,
            )
        ).parsed

    def get_message_stats(
        self,
        *,
        category: str,
    ) -> MessageStats:
        """Get the statistics of the messages of a category

        Counts over every message sent with the given `category` (the optional tag of
        the send calls): how many were sent, delivered, opened, clicked, answered,
        unsubscribed, bounced.

        Args:
            category: The `category` given to the sends (their optional pooling tag),
                for example `codeConfirmation`. Its allowed syntax is not published; an
                empty one is refused by this document.
        """
        return self._send(
            _operations.get_message_stats(
                category=category,
            )
        ).parsed

    def list_message_replies(
        self,
        *,
        category: str,
    ) -> list[Reply]:
        """List the replies to the messages of a category

        The SMS that recipients sent back in answer to the messages of the given
        `category`. Replies are only available by polling this call (no webhook is
        documented). Whether the list is paginated or limited is not documented.

        Args:
            category: The `category` given to the sends (their optional pooling tag),
                for example `codeConfirmation`. Its allowed syntax is not published; an
                empty one is refused by this document.
        """
        return self._send(
            _operations.list_message_replies(
                category=category,
            )
        ).parsed

    def get_message_blacklists(
        self,
        *,
        category: str,
    ) -> Blacklists:
        """Get the numbers of a category that unsubscribed or bounced

        The recipients of the given `category`'s messages that are now blacklisted:
        those that answered STOP (`unsubscribers`) and those whose number is not
        assigned (`bounces`), each with their count. The vendor's sample body is not
        valid JSON (braces where a colon and brackets are meant); the shape here is its
        evident reading, the one the SDKs parse.

        Args:
            category: The `category` given to the sends (their optional pooling tag),
                for example `codeConfirmation`. Its allowed syntax is not published; an
                empty one is refused by this document.
        """
        return self._send(
            _operations.get_message_blacklists(
                category=category,
            )
        ).parsed

    def get_account_stats(self) -> AccountStats:
        """Get the account's totals and credit balance

        The account's totals over every send (sent, submitted, delivered,
        undelivered, bounces, unsubscribers) and its remaining credits. Check `credits`
        before a large send: a send the balance cannot cover is refused with error 71.
        """
        return self._send(_operations.get_account_stats()).parsed

    def list_unsubscribers(self) -> list[BlacklistEntry]:
        """List the account's unsubscribed numbers (STOP)

        Every entry of the account's unsubscribers blacklist: numbers that answered
        STOP, or that were added by `addUnsubscriber`. The vendor's page lists this
        call; the entry's fields come from the SDKs (inferred where the description says
        so). `default` is the name of the account's only blacklist of each kind.
        """
        return self._send(_operations.list_unsubscribers()).parsed

    def add_unsubscriber(
        self,
        *,
        identifier: str,
    ) -> CreatedId:
        """Add a number to the unsubscribers blacklist (STOP)

        Adds a number to the account's unsubscribers blacklist, as if its owner had
        answered STOP: later sends to it are refused with error 12. Answers the new
        entry's `id`, which `removeUnsubscriberById` takes. The vendor's curl sample
        posts to `/unsubscribers/defaults/contacts` (with an `s`); its URL line, its
        other samples and every SDK use `/unsubscribers/default/contacts`, taken here.
        Adding a number that is already on the list is assumed to give error 15
        (inferred).

        Args:
            identifier: The number to blacklist, `0600000000` or `+33600000000`.
        """
        return self._send(
            _operations.add_unsubscriber(
                identifier=identifier,
            )
        ).parsed

    def remove_unsubscriber(
        self,
        *,
        identifier: str,
    ) -> None:
        """Remove a number from the unsubscribers blacklist

        Removes the entry of the given number from the account's unsubscribers
        blacklist, so that it can be sent to again (only do so with its owner's
        consent). The answer has no JSON body: `204` is what the Java SDK expects; a
        `200` without a JSON body (seen in the histories of other SDKs) is accepted as
        the same success.

        Args:
            identifier: The mobile number, `0600000000` or `+33600000000` (see
                `PhoneNumber`). Clients send it URL-encoded (`%2B33600000000`).
        """
        return self._send(
            _operations.remove_unsubscriber(
                identifier=identifier,
            )
        ).parsed

    def remove_unsubscriber_by_id(
        self,
        *,
        contact_id: str,
    ) -> None:
        """Remove an entry from the unsubscribers blacklist by its id

        Removes one entry, named by the `id` that `addUnsubscriber` or
        `listUnsubscribers` gave, from the account's unsubscribers blacklist. The answer
        has no JSON body (`204`, or `200` without a JSON body).

        Args:
            contact_id: The `id` of the blacklist entry, as answered when it was added
                or listed.
        """
        return self._send(
            _operations.remove_unsubscriber_by_id(
                contact_id=contact_id,
            )
        ).parsed

    def list_bounces(self) -> list[BlacklistEntry]:
        """List the account's bounced numbers (NPAI)

        Every entry of the account's bounces blacklist: numbers found not to be
        assigned ("NPAI"), or added by `addBounce`. Same entry shape as the
        unsubscribers list.
        """
        return self._send(_operations.list_bounces()).parsed

    def add_bounce(
        self,
        *,
        identifier: str,
    ) -> CreatedId:
        """Add a number to the bounces blacklist (NPAI)

        Adds a number to the account's bounces blacklist: later sends to it are
        refused with error 13. Answers the new entry's `id`, which `removeBounceById`
        takes. Adding a number that is already on the list is assumed to give error 15
        (inferred).

        Args:
            identifier: The number to blacklist, `0600000000` or `+33600000000`.
        """
        return self._send(
            _operations.add_bounce(
                identifier=identifier,
            )
        ).parsed

    def remove_bounce(
        self,
        *,
        identifier: str,
    ) -> None:
        """Remove a number from the bounces blacklist

        Removes the entry of the given number from the account's bounces blacklist.
        The answer has no JSON body (`204`, or `200` without a JSON body).

        Args:
            identifier: The mobile number, `0600000000` or `+33600000000` (see
                `PhoneNumber`). Clients send it URL-encoded (`%2B33600000000`).
        """
        return self._send(
            _operations.remove_bounce(
                identifier=identifier,
            )
        ).parsed

    def remove_bounce_by_id(
        self,
        *,
        contact_id: str,
    ) -> None:
        """Remove an entry from the bounces blacklist by its id

        Removes one entry, named by the `id` that `addBounce` or `listBounces` gave,
        from the account's bounces blacklist. The answer has no JSON body (`204`, or
        `200` without a JSON body).

        Args:
            contact_id: The `id` of the blacklist entry, as answered when it was added
                or listed.
        """
        return self._send(
            _operations.remove_bounce_by_id(
                contact_id=contact_id,
            )
        ).parsed

    def check_number(
        self,
        *,
        identifier: str,
    ) -> NumberCheck:
        """Check and normalise a mobile number

        Tells whether a number can be sent to, whether it is outside France, and
        gives it in the API's own format. Shown by the SDKs only, not by the vendor's
        pages: the route, the parameter and the answer's field names come from them; the
        values of `status` are not documented. The number is taken as typed (spaces and
        dots included), since normalising it is the point of the call.

        Args:
            identifier: The number to check, as the user typed it (for example `06 00 00
                00 00`).
        """
        return self._send(
            _operations.check_number(
                identifier=identifier,
            )
        ).parsed

    def create_list(
        self,
        *,
        name: str,
    ) -> CreatedId:
        """Create a contact list

        Creates an empty contact list and answers its `id`, which every other list
        call takes. The vendor's page posts to `/lists/` (with a trailing slash) and
        answers `200`; the SDKs post to `/lists`, taken here.

        Args:
            name: The list's name, as shown in the vendor's web interface.
        """
        return self._send(
            _operations.create_list(
                name=name,
            )
        ).parsed

    def list_lists(self) -> list[ContactList]:
        """List the account's contact lists

        Every contact list of the account (SDKs only). Only `id` and `name` are known
        fields of a list; whether the answer is paginated is not documented.
        """
        return self._send(_operations.list_lists()).parsed

    def get_list(
        self,
        *,
        list_id: str,
    ) -> ContactList:
        """Get a contact list

        One contact list (SDKs only). An unknown list gives error 60 (the HTTP
        status, 400, is inferred like that of every business error).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
        """
        return self._send(
            _operations.get_list(
                list_id=list_id,
            )
        ).parsed

    def delete_list(
        self,
        *,
        list_id: str,
    ) -> None:
        """Delete a contact list

        Deletes a contact list and its contacts (SDKs only; whether campaigns that
        used the list keep their recipients is not documented). The answer has no JSON
        body (`204`, or `200` without a JSON body).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
        """
        return self._send(
            _operations.delete_list(
                list_id=list_id,
            )
        ).parsed

    def add_contact(
        self,
        *,
        list_id: str,
        identifier: str,
        attributes: dict[str, str | float] | None = None,
    ) -> CreatedId:
        """Add a contact to a contact list

        Adds one contact (a mobile number, with values for the list's custom fields)
        to a list and answers the contact's `id`. The vendor's page shows this route
        with `identifier` only and a `200` answer; `attributes` comes from its "with
        custom columns" variant and the SDKs. A number already in the list is assumed to
        give error 15, an unknown list error 60 (inferred).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
            identifier: The contact's mobile number, `0600000000` or `+33600000000`.
            attributes: Optional values for the list's custom fields, by field name (see
                `createListField`).
        """
        return self._send(
            _operations.add_contact(
                list_id=list_id,
                identifier=identifier,
                attributes=attributes,
            )
        ).parsed

    def list_contacts(
        self,
        *,
        list_id: str,
    ) -> list[Contact]:
        """List the contacts of a contact list

        Every contact of a list, with its custom field values (SDKs only; whether the
        answer is paginated is not documented).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
        """
        return self._send(
            _operations.list_contacts(
                list_id=list_id,
            )
        ).parsed

    def delete_contact(
        self,
        *,
        list_id: str,
        contact_id: str,
    ) -> None:
        """Remove a contact from a contact list

        Removes one contact, named by the `id` that `addContact` or `listContacts`
        gave, from a list (SDKs only). The answer has no JSON body (`204`, or `200`
        without a JSON body).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
            contact_id: The `id` of the contact, as answered by `addContact` or
                `listContacts`.
        """
        return self._send(
            _operations.delete_contact(
                list_id=list_id,
                contact_id=contact_id,
            )
        ).parsed

    def create_list_field(
        self,
        *,
        list_id: str,
        name: str,
        type_: FieldType | Literal["STRING", "DATE", "NUMBER"],
        format: DateFormat | Literal["dd/MM/yyyy", "dd/MM", "MM/yyyy"] | None = None,
    ) -> ListField:
        """Add a custom field to a contact list

        Adds a custom field (a column such as a first name or a birthday) to a list;
        its values are then given in the contacts' `attributes`. The vendor's page shows
        the option; the field's shape (`name`, `type`, `format`) and the date formats
        come from the Java SDK, which checks that a `DATE` field has a `format`. The
        answer is assumed to be the field as stored (the Java SDK reads it so), `id`
        included (inferred).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
            name: The field's name, the key of its values in a contact's `attributes`.
            type_: The kind of values the field holds.
            format: How the field's dates are written; required for a `DATE` field.
        """
        return self._send(
            _operations.create_list_field(
                list_id=list_id,
                name=name,
                type_=type_,
                format=format,
            )
        ).parsed

    def list_list_fields(
        self,
        *,
        list_id: str,
    ) -> list[ListField]:
        """List the custom fields of a contact list

        Every custom field of a list (SDKs only; the Java SDK requests
        `/lists/{listId}/fields/` with a trailing slash).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
        """
        return self._send(
            _operations.list_list_fields(
                list_id=list_id,
            )
        ).parsed

    def delete_list_field(
        self,
        *,
        list_id: str,
        field_id: str,
    ) -> None:
        """Remove a custom field from a contact list

        Removes a custom field, and presumably its values, from a list (the Java SDK
        only). The answer has no JSON body (`204`, or `200` without a JSON body).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
            field_id: The `id` of the custom field, as answered by `listListFields`.
        """
        return self._send(
            _operations.delete_list_field(
                list_id=list_id,
                field_id=field_id,
            )
        ).parsed

    def import_contacts(
        self,
        *,
        list_id: str,
        body: list[NewContact],
    ) -> None:
        """Import many contacts into a contact list

        Starts an asynchronous import of many contacts into a list. The API answers
        `201` at once, without a body, with a `Location` header naming the import; the
        contacts appear in the list as it proceeds. Read the header with
        `client.with_raw_response.import_contacts(...)`. The SDKs send a JSON document
        read from a file, as is; its expected content is not published. An array of
        contacts shaped like those of `addContact` is inferred. What the `Location` URL
        answers, and how an import's progress is read, is not documented. Error 74
        (limit on posting contacts) and 18 (file too large) are the documented errors
        most likely here (inferred).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
            body: The contacts to import, at least one, each shaped like the body of
                `addContact` (inferred).
        """
        return self._send(
            _operations.import_contacts(
                list_id=list_id,
                body=body,
            )
        ).parsed

    def create_marketing_campaign(
        self,
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
    ) -> CampaignCreation:
        """Create a marketing campaign

        Creates a marketing campaign: one message sent to a contact list, now or at a
        scheduled time, once `sendMarketingCampaign` is called. The PHP and C# SDKs post
        to `/marketing/campaigns` or `/notification/campaigns` by the campaign's kind
        (the Java SDK posts both kinds here, evidently a bug). `name`, `message` and
        `sendList` are required by every SDK. The SDKs disagree on the answer: some read
        `id`, others `campaignId`; both are declared and one is expected (inferred).

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
                single send (the `minimum` catches epoch seconds). Without it the
                campaign goes out when `send...Campaign` is called (inferred). Errors
                41, 61, 62.
            external_url: A link for the message (PHP and C# SDKs; its use is not
                documented).
            landing_page_type: The kind of landing page (PHP and C# SDKs; its values are
                not documented).
            landing_page: The landing page (PHP and C# SDKs; not documented).
            landing_page_title: The landing page's title (PHP and C# SDKs; not
                documented).
        """
        return self._send(
            _operations.create_marketing_campaign(
                name=name,
                message=message,
                send_list=send_list,
                source_address=source_address,
                type_=type_,
                flash=flash,
                date=date,
                external_url=external_url,
                landing_page_type=landing_page_type,
                landing_page=landing_page,
                landing_page_title=landing_page_title,
            )
        ).parsed

    def create_notification_campaign(
        self,
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
    ) -> CampaignCreation:
        """Create a notification campaign

        Creates a notification (transactional) campaign: the same body and answer as
        `createMarketingCampaign`, on the notification route (PHP and C# SDKs).
        Marketing content is forbidden here.

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
                single send (the `minimum` catches epoch seconds). Without it the
                campaign goes out when `send...Campaign` is called (inferred). Errors
                41, 61, 62.
            external_url: A link for the message (PHP and C# SDKs; its use is not
                documented).
            landing_page_type: The kind of landing page (PHP and C# SDKs; its values are
                not documented).
            landing_page: The landing page (PHP and C# SDKs; not documented).
            landing_page_title: The landing page's title (PHP and C# SDKs; not
                documented).
        """
        return self._send(
            _operations.create_notification_campaign(
                name=name,
                message=message,
                send_list=send_list,
                source_address=source_address,
                type_=type_,
                flash=flash,
                date=date,
                external_url=external_url,
                landing_page_type=landing_page_type,
                landing_page=landing_page,
                landing_page_title=landing_page_title,
            )
        ).parsed

    def test_marketing_campaign(
        self,
        *,
        campaign_id: str,
        identifier: str,
    ) -> CreditsUsed:
        """Send a marketing campaign's message to one test number

        Sends the campaign's message once to the given number, to check it before the
        real send; it costs credits like any send (`creditsUsed`). The route is the
        vendor's page's; the PHP SDK uses it too, while the Java and C# SDKs post to
        `/campaigns/{campaignId}/test` without the kind (not declared here). An unknown
        campaign gives error 47 (inferred).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
            identifier: The test recipient, `0600000000` or `+33600000000`.
        """
        return self._send(
            _operations.test_marketing_campaign(
                campaign_id=campaign_id,
                identifier=identifier,
            )
        ).parsed

    def test_notification_campaign(
        self,
        *,
        campaign_id: str,
        identifier: str,
    ) -> CreditsUsed:
        """Send a notification campaign's message to one test number

        The test send of a notification campaign: the marketing call on the
        notification route (the vendor's page shows the marketing one; this one is
        inferred from it and from the PHP SDK, which builds the route from the
        campaign's kind).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
            identifier: The test recipient, `0600000000` or `+33600000000`.
        """
        return self._send(
            _operations.test_notification_campaign(
                campaign_id=campaign_id,
                identifier=identifier,
            )
        ).parsed

    def send_marketing_campaign(
        self,
        *,
        campaign_id: str,
    ) -> CreditsUsed:
        """Send a marketing campaign

        Sends the campaign to its list (or schedules it, if it has a `date`) and
        answers the credits debited. Not repeated automatically after a lost answer: it
        may already have been sent. No body is sent (the vendor's page shows none; the
        Java and C# SDKs post `SEND` to `/campaigns/{campaignId}/send`, a route not
        declared here). A balance that cannot cover the send gives error 71, an unknown
        campaign error 47 (inferred).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return self._send(
            _operations.send_marketing_campaign(
                campaign_id=campaign_id,
            )
        ).parsed

    def send_notification_campaign(
        self,
        *,
        campaign_id: str,
    ) -> CreditsUsed:
        """Send a notification campaign

        Sends a notification campaign to its list: the marketing call on the
        notification route (inferred from the vendor's marketing page and the PHP SDK).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return self._send(
            _operations.send_notification_campaign(
                campaign_id=campaign_id,
            )
        ).parsed

    def list_campaigns(self) -> list[Campaign]:
        """List the account's campaigns

        Every campaign of the account, of both kinds (SDKs only; whether the answer
        is paginated is not documented).
        """
        return self._send(_operations.list_campaigns()).parsed

    def get_campaign(
        self,
        *,
        campaign_id: str,
    ) -> Campaign:
        """Get a campaign

        One campaign, as created (SDKs only; the fields come from the Java SDK's
        model). An unknown campaign gives error 47.

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return self._send(
            _operations.get_campaign(
                campaign_id=campaign_id,
            )
        ).parsed

    def get_campaign_status(
        self,
        *,
        campaign_id: str,
    ) -> CampaignStatus:
        """Get a campaign's state and delivery counts

        The campaign's state and counts: sent, submitted, delivered, undelivered,
        errors, bounces, replies, and the credits it used (the vendor's "campaign
        statistics" page).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return self._send(
            _operations.get_campaign_status(
                campaign_id=campaign_id,
            )
        ).parsed

    def list_campaign_replies(
        self,
        *,
        campaign_id: str,
    ) -> list[Reply]:
        """List the replies to a campaign

        The SMS that recipients sent back in answer to the campaign, with the same
        shape as the replies of a category (SDKs only).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return self._send(
            _operations.list_campaign_replies(
                campaign_id=campaign_id,
            )
        ).parsed

    def get_campaign_blacklists(
        self,
        *,
        campaign_id: str,
    ) -> Blacklists:
        """Get the numbers of a campaign that unsubscribed or bounced

        The campaign's recipients that are now blacklisted: those that answered STOP
        (`unsubscribers`) and those whose number is not assigned (`bounces`), with the
        same shape as the blacklists of a category. The vendor's sample body is not
        valid JSON; the shape here is its evident reading.

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return self._send(
            _operations.get_campaign_blacklists(
                campaign_id=campaign_id,
            )
        ).parsed


class AsyncClient(BaseClient[httpx.AsyncClient]):
    """An asyncio client; the same arguments as `Client`, with an `httpx.AsyncClient`.

    Use it as an async context manager, or await `aclose()` when done. Waiting
    between retries never blocks the event loop.
    """

    def _new_http_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=self._settings.timeout, follow_redirects=False)

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    def with_options(
        self, *, timeout: float | httpx.Timeout | None = None, max_retries: int | None = None
    ) -> AsyncClient:
        """A client sharing this one's connections, with another timeout or retry count."""
        return self._copy(timeout, max_retries)

    @property
    def with_raw_response(self) -> AsyncRawResponseClient:
        """The same operations, returning an `ApiResponse` with status, headers and body."""
        return AsyncRawResponseClient(self)

    async def _send(self, request: Request[T]) -> ApiResponse[T]:
        http_request = self._build(request)
        attempt = 0
        while True:
            attempt += 1
            self._log_request(http_request, attempt)
            try:
                # Never follow a redirect, even with a caller's own httpx.AsyncClient:
                # it would send the body, and the credentials, somewhere else.
                response = await self._http.send(http_request, stream=True, follow_redirects=False)
            except httpx.TransportError as error:
                await asyncio.sleep(
                    self._delay_after_transport_error(request, http_request, error, attempt)
                )
                continue
            try:
                # The status alone decides a retry: the body of an answer that is
                # retried is not read.
                delay = self._delay_after_status(request, response, attempt)
                if delay is None:
                    content = await self._read(request, response, attempt)
                    return self._result(request, response, content, attempt)
            except _BodyCutShort as cut:
                delay = self._delay_after_cut_body(request, response, cut, attempt)
            finally:
                await response.aclose()
            await asyncio.sleep(delay)

    async def _read(self, request: Request[T], response: httpx.Response, attempt: int) -> bytes:
        """The whole body, decompressed, and no larger than `max_response_bytes`."""
        limit = self._body_limit(request, response, attempt)
        received = bytearray()
        try:
            async for chunk in response.aiter_bytes():
                received += chunk
                if len(received) > limit:
                    raise self._too_large(request, response, bytes(received), attempt)
        except httpx.DecodingError as error:
            raise self._undecodable(request, response, bytes(received), attempt) from error
        except httpx.TransportError as error:
            raise _BodyCutShort(bytes(received), error) from error
        return bytes(received)

    async def send_notification_message(
        self,
        *,
        number: str,
        message: str,
        sender: str | None = None,
        campaign_name: str | None = None,
        category: str | None = None,
        date: datetime | int | None = None,
    ) -> SendResult:
        """Send a notification SMS

        Sends one transactional SMS to one recipient, now or at a scheduled time.
        Marketing content is forbidden on this route: marketing messages go to `POST
        /marketing/messages/send` (same body, same response).

        Args:
            number: The recipient: `0600000000` (French national) or `+33600000000`
                (E.164). Landlines are refused (error 19); international numbers need
                the account's international mode (error 91); some countries are refused
                (error 90). Some vendor samples send `identifier` here instead: that is
                the recipient's name on the other calls, not on this one.
            message: The text of the SMS, limited to the vendor's character list plus
                space and newline (see `MessageText`). Empty → error 30, disallowed
                character → 31, too long → 32 (no maximum is published).
            sender: Optional sender name, 3 to 11 letters and digits, not digits only
                (errors 20 to 23). Without it a numeric short code `XX XXX` is used.
            campaign_name: Optional campaign name. Sends with the same name are pooled
                so that their statistics can be viewed together.
            category: Optional tag of the pool this send belongs to. It is the search
                key of the statistics, blacklist and replies calls (`GET
                /messages/stats`, `/messages/blacklists`, `/messages/replies`). Some
                vendor samples send `tag` here instead; this call reads `category`. Its
                allowed syntax is not published.
            date: Optional scheduled send time, as a Unix epoch in MILLISECONDS (UTC):
                `1398177000000` is 2014-04-22T14:30:00Z. Passing seconds is a common
                mistake; the `minimum` (10^12 ms, that is 2001-09-09) catches it, since
                every present-day epoch in seconds is far below it (a safeguard of this
                document, not a vendor rule). Without it the message is sent at once
                (inferred). Errors: 41 invalid programming time, 61 invalid date format,
                62 invalid scheduled date (for example in the past).
        """
        return (
            await self._send(
                _operations.send_notification_message(
                    number=number,
                    message=message,
                    sender=sender,
                    campaign_name=campaign_name,
                    category=category,
                    date=date,
                )
            )
        ).parsed

    async def send_notification_message_with_query_key(
        self,
        *,
        identifier: str,
        message: str,
        sender: str | None = None,
    ) -> SendResult:
        """Send a notification SMS from a browser form (API key in the URL)

        The form shown on the vendor's page: the same send as the POST, with every
        value, the API key included, in the query string. **Avoid it.** The key travels
        in the URL, so it ends up in server, proxy and browser logs (and browser
        history). No known client uses this form; prefer `POST
        /notification/messages/send` with the `X-Primotexto-ApiKey` header. On this form
        the recipient is named `identifier`, not `number`. Only `identifier`, `message`
        and `sender` are shown for it; whether `campaignName`, `category` or `date` are
        accepted here is not documented. The responses are assumed to be those of the
        POST (inferred).

        Args:
            identifier: The recipient's mobile number (called `number` in the POST
                body): `0600000000` (French national) or `+33600000000` (E.164). See
                `PhoneNumber`.
            message: The text of the SMS, with the same constraints as in the POST body.
            sender: The sender name shown on the handset, with the same constraints as
                in the POST body. Without it a numeric short code is used.
        """
        return (
            await self._send(
                _operations.send_notification_message_with_query_key(
                    identifier=identifier,
                    message=message,
                    sender=sender,
                )
            )
        ).parsed

    async def send_marketing_message(
        self,
        *,
        number: str,
        message: str,
        sender: str | None = None,
        campaign_name: str | None = None,
        category: str | None = None,
        date: datetime | int | None = None,
    ) -> SendResult:
        """Send a marketing SMS

        Sends one promotional SMS (an offer, a newsletter) to one recipient, now or
        at a scheduled time. The body and the response are those of the notification
        send; only the route differs. Marketing content belongs here, transactional
        content (confirmation codes, alerts, reminders) on `POST
        /notification/messages/send`. A recipient who answered STOP is refused with
        error 12. French rules also keep marketing SMS off nights, Sundays and public
        holidays; whether, and how, the vendor enforces that on this route is not
        documented.

        Args:
            number: The recipient: `0600000000` (French national) or `+33600000000`
                (E.164). Landlines are refused (error 19); international numbers need
                the account's international mode (error 91); some countries are refused
                (error 90). Some vendor samples send `identifier` here instead: that is
                the recipient's name on the other calls, not on this one.
            message: The text of the SMS, limited to the vendor's character list plus
                space and newline (see `MessageText`). Empty → error 30, disallowed
                character → 31, too long → 32 (no maximum is published).
            sender: Optional sender name, 3 to 11 letters and digits, not digits only
                (errors 20 to 23). Without it a numeric short code `XX XXX` is used.
            campaign_name: Optional campaign name. Sends with the same name are pooled
                so that their statistics can be viewed together.
            category: Optional tag of the pool this send belongs to. It is the search
                key of the statistics, blacklist and replies calls (`GET
                /messages/stats`, `/messages/blacklists`, `/messages/replies`). Some
                vendor samples send `tag` here instead; this call reads `category`. Its
                allowed syntax is not published.
            date: Optional scheduled send time, as a Unix epoch in MILLISECONDS (UTC):
                `1398177000000` is 2014-04-22T14:30:00Z. Passing seconds is a common
                mistake; the `minimum` (10^12 ms, that is 2001-09-09) catches it, since
                every present-day epoch in seconds is far below it (a safeguard of this
                document, not a vendor rule). Without it the message is sent at once
                (inferred). Errors: 41 invalid programming time, 61 invalid date format,
                62 invalid scheduled date (for example in the past).
        """
        return (
            await self._send(
                _operations.send_marketing_message(
                    number=number,
                    message=message,
                    sender=sender,
                    campaign_name=campaign_name,
                    category=category,
                    date=date,
                )
            )
        ).parsed

    async def get_message_status(
        self,
        *,
        snapshot_id: str | None = None,
        identifier: str | None = None,
    ) -> MessageStatus:
        """Get the delivery status of a message

        The delivery status of one message, found by the `snapshotId` its send
        returned, or by the recipient's number (`identifier`), which gives the latest
        message sent to that number (inferred from the vendor's page title "status of a
        message by mobile number"). Give exactly one of the two: the API's behaviour
        with both or neither is not documented, and this document cannot require "one
        of" two query parameters, so the client sends what it is given. Times are epoch
        milliseconds, returned as aware datetimes (UTC). A query that matches no message
        is assumed to give error 16 (inferred from the error table).

        Args:
            snapshot_id: The `snapshotId` returned by the send (`POST
                /notification/messages/send` or `POST /marketing/messages/send`).
            identifier: The recipient's mobile number, `0600000000` or `+33600000000`;
                the latest message sent to it is described (inferred). The vendor's
                sample sends it URL-encoded (`%2B33600000000`), as every client does.
        """
        return (
            await self._send(
                _operations.get_message_status(
                    snapshot_id=snapshot_id,
                    identifier=identifier,
                )
            )
        ).parsed

    async def get_message_stats(
        self,
        *,
        category: str,
    ) -> MessageStats:
        """Get the statistics of the messages of a category

        Counts over every message sent with the given `category` (the optional tag of
        the send calls): how many were sent, delivered, opened, clicked, answered,
        unsubscribed, bounced.

        Args:
            category: The `category` given to the sends (their optional pooling tag),
                for example `codeConfirmation`. Its allowed syntax is not published; an
                empty one is refused by this document.
        """
        return (
            await self._send(
                _operations.get_message_stats(
                    category=category,
                )
            )
        ).parsed

    async def list_message_replies(
        self,
        *,
        category: str,
    ) -> list[Reply]:
        """List the replies to the messages of a category

        The SMS that recipients sent back in answer to the messages of the given
        `category`. Replies are only available by polling this call (no webhook is
        documented). Whether the list is paginated or limited is not documented.

        Args:
            category: The `category` given to the sends (their optional pooling tag),
                for example `codeConfirmation`. Its allowed syntax is not published; an
                empty one is refused by this document.
        """
        return (
            await self._send(
                _operations.list_message_replies(
                    category=category,
                )
            )
        ).parsed

    async def get_message_blacklists(
        self,
        *,
        category: str,
    ) -> Blacklists:
        """Get the numbers of a category that unsubscribed or bounced

        The recipients of the given `category`'s messages that are now blacklisted:
        those that answered STOP (`unsubscribers`) and those whose number is not
        assigned (`bounces`), each with their count. The vendor's sample body is not
        valid JSON (braces where a colon and brackets are meant); the shape here is its
        evident reading, the one the SDKs parse.

        Args:
            category: The `category` given to the sends (their optional pooling tag),
                for example `codeConfirmation`. Its allowed syntax is not published; an
                empty one is refused by this document.
        """
        return (
            await self._send(
                _operations.get_message_blacklists(
                    category=category,
                )
            )
        ).parsed

    async def get_account_stats(self) -> AccountStats:
        """Get the account's totals and credit balance

        The account's totals over every send (sent, submitted, delivered,
        undelivered, bounces, unsubscribers) and its remaining credits. Check `credits`
        before a large send: a send the balance cannot cover is refused with error 71.
        """
        return (await self._send(_operations.get_account_stats())).parsed

    async def list_unsubscribers(self) -> list[BlacklistEntry]:
        """List the account's unsubscribed numbers (STOP)

        Every entry of the account's unsubscribers blacklist: numbers that answered
        STOP, or that were added by `addUnsubscriber`. The vendor's page lists this
        call; the entry's fields come from the SDKs (inferred where the description says
        so). `default` is the name of the account's only blacklist of each kind.
        """
        return (await self._send(_operations.list_unsubscribers())).parsed

    async def add_unsubscriber(
        self,
        *,
        identifier: str,
    ) -> CreatedId:
        """Add a number to the unsubscribers blacklist (STOP)

        Adds a number to the account's unsubscribers blacklist, as if its owner had
        answered STOP: later sends to it are refused with error 12. Answers the new
        entry's `id`, which `removeUnsubscriberById` takes. The vendor's curl sample
        posts to `/unsubscribers/defaults/contacts` (with an `s`); its URL line, its
        other samples and every SDK use `/unsubscribers/default/contacts`, taken here.
        Adding a number that is already on the list is assumed to give error 15
        (inferred).

        Args:
            identifier: The number to blacklist, `0600000000` or `+33600000000`.
        """
        return (
            await self._send(
                _operations.add_unsubscriber(
                    identifier=identifier,
                )
            )
        ).parsed

    async def remove_unsubscriber(
        self,
        *,
        identifier: str,
    ) -> None:
        """Remove a number from the unsubscribers blacklist

        Removes the entry of the given number from the account's unsubscribers
        blacklist, so that it can be sent to again (only do so with its owner's
        consent). The answer has no JSON body: `204` is what the Java SDK expects; a
        `200` without a JSON body (seen in the histories of other SDKs) is accepted as
        the same success.

        Args:
            identifier: The mobile number, `0600000000` or `+33600000000` (see
                `PhoneNumber`). Clients send it URL-encoded (`%2B33600000000`).
        """
        return (
            await self._send(
                _operations.remove_unsubscriber(
                    identifier=identifier,
                )
            )
        ).parsed

    async def remove_unsubscriber_by_id(
        self,
        *,
        contact_id: str,
    ) -> None:
        """Remove an entry from the unsubscribers blacklist by its id

        Removes one entry, named by the `id` that `addUnsubscriber` or
        `listUnsubscribers` gave, from the account's unsubscribers blacklist. The answer
        has no JSON body (`204`, or `200` without a JSON body).

        Args:
            contact_id: The `id` of the blacklist entry, as answered when it was added
                or listed.
        """
        return (
            await self._send(
                _operations.remove_unsubscriber_by_id(
                    contact_id=contact_id,
                )
            )
        ).parsed

    async def list_bounces(self) -> list[BlacklistEntry]:
        """List the account's bounced numbers (NPAI)

        Every entry of the account's bounces blacklist: numbers found not to be
        assigned ("NPAI"), or added by `addBounce`. Same entry shape as the
        unsubscribers list.
        """
        return (await self._send(_operations.list_bounces())).parsed

    async def add_bounce(
        self,
        *,
        identifier: str,
    ) -> CreatedId:
        """Add a number to the bounces blacklist (NPAI)

        Adds a number to the account's bounces blacklist: later sends to it are
        refused with error 13. Answers the new entry's `id`, which `removeBounceById`
        takes. Adding a number that is already on the list is assumed to give error 15
        (inferred).

        Args:
            identifier: The number to blacklist, `0600000000` or `+33600000000`.
        """
        return (
            await self._send(
                _operations.add_bounce(
                    identifier=identifier,
                )
            )
        ).parsed

    async def remove_bounce(
        self,
        *,
        identifier: str,
    ) -> None:
        """Remove a number from the bounces blacklist

        Removes the entry of the given number from the account's bounces blacklist.
        The answer has no JSON body (`204`, or `200` without a JSON body).

        Args:
            identifier: The mobile number, `0600000000` or `+33600000000` (see
                `PhoneNumber`). Clients send it URL-encoded (`%2B33600000000`).
        """
        return (
            await self._send(
                _operations.remove_bounce(
                    identifier=identifier,
                )
            )
        ).parsed

    async def remove_bounce_by_id(
        self,
        *,
        contact_id: str,
    ) -> None:
        """Remove an entry from the bounces blacklist by its id

        Removes one entry, named by the `id` that `addBounce` or `listBounces` gave,
        from the account's bounces blacklist. The answer has no JSON body (`204`, or
        `200` without a JSON body).

        Args:
            contact_id: The `id` of the blacklist entry, as answered when it was added
                or listed.
        """
        return (
            await self._send(
                _operations.remove_bounce_by_id(
                    contact_id=contact_id,
                )
            )
        ).parsed

    async def check_number(
        self,
        *,
        identifier: str,
    ) -> NumberCheck:
        """Check and normalise a mobile number

        Tells whether a number can be sent to, whether it is outside France, and
        gives it in the API's own format. Shown by the SDKs only, not by the vendor's
        pages: the route, the parameter and the answer's field names come from them; the
        values of `status` are not documented. The number is taken as typed (spaces and
        dots included), since normalising it is the point of the call.

        Args:
            identifier: The number to check, as the user typed it (for example `06 00 00
                00 00`).
        """
        return (
            await self._send(
                _operations.check_number(
                    identifier=identifier,
                )
            )
        ).parsed

    async def create_list(
        self,
        *,
        name: str,
    ) -> CreatedId:
        """Create a contact list

        Creates an empty contact list and answers its `id`, which every other list
        call takes. The vendor's page posts to `/lists/` (with a trailing slash) and
        answers `200`; the SDKs post to `/lists`, taken here.

        Args:
            name: The list's name, as shown in the vendor's web interface.
        """
        return (
            await self._send(
                _operations.create_list(
                    name=name,
                )
            )
        ).parsed

    async def list_lists(self) -> list[ContactList]:
        """List the account's contact lists

        Every contact list of the account (SDKs only). Only `id` and `name` are known
        fields of a list; whether the answer is paginated is not documented.
        """
        return (await self._send(_operations.list_lists())).parsed

    async def get_list(
        self,
        *,
        list_id: str,
    ) -> ContactList:
        """Get a contact list

        One contact list (SDKs only). An unknown list gives error 60 (the HTTP
        status, 400, is inferred like that of every business error).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
        """
        return (
            await self._send(
                _operations.get_list(
                    list_id=list_id,
                )
            )
        ).parsed

    async def delete_list(
        self,
        *,
        list_id: str,
    ) -> None:
        """Delete a contact list

        Deletes a contact list and its contacts (SDKs only; whether campaigns that
        used the list keep their recipients is not documented). The answer has no JSON
        body (`204`, or `200` without a JSON body).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
        """
        return (
            await self._send(
                _operations.delete_list(
                    list_id=list_id,
                )
            )
        ).parsed

    async def add_contact(
        self,
        *,
        list_id: str,
        identifier: str,
        attributes: dict[str, str | float] | None = None,
    ) -> CreatedId:
        """Add a contact to a contact list

        Adds one contact (a mobile number, with values for the list's custom fields)
        to a list and answers the contact's `id`. The vendor's page shows this route
        with `identifier` only and a `200` answer; `attributes` comes from its "with
        custom columns" variant and the SDKs. A number already in the list is assumed to
        give error 15, an unknown list error 60 (inferred).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
            identifier: The contact's mobile number, `0600000000` or `+33600000000`.
            attributes: Optional values for the list's custom fields, by field name (see
                `createListField`).
        """
        return (
            await self._send(
                _operations.add_contact(
                    list_id=list_id,
                    identifier=identifier,
                    attributes=attributes,
                )
            )
        ).parsed

    async def list_contacts(
        self,
        *,
        list_id: str,
    ) -> list[Contact]:
        """List the contacts of a contact list

        Every contact of a list, with its custom field values (SDKs only; whether the
        answer is paginated is not documented).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
        """
        return (
            await self._send(
                _operations.list_contacts(
                    list_id=list_id,
                )
            )
        ).parsed

    async def delete_contact(
        self,
        *,
        list_id: str,
        contact_id: str,
    ) -> None:
        """Remove a contact from a contact list

        Removes one contact, named by the `id` that `addContact` or `listContacts`
        gave, from a list (SDKs only). The answer has no JSON body (`204`, or `200`
        without a JSON body).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
            contact_id: The `id` of the contact, as answered by `addContact` or
                `listContacts`.
        """
        return (
            await self._send(
                _operations.delete_contact(
                    list_id=list_id,
                    contact_id=contact_id,
                )
            )
        ).parsed

    async def create_list_field(
        self,
        *,
        list_id: str,
        name: str,
        type_: FieldType | Literal["STRING", "DATE", "NUMBER"],
        format: DateFormat | Literal["dd/MM/yyyy", "dd/MM", "MM/yyyy"] | None = None,
    ) -> ListField:
        """Add a custom field to a contact list

        Adds a custom field (a column such as a first name or a birthday) to a list;
        its values are then given in the contacts' `attributes`. The vendor's page shows
        the option; the field's shape (`name`, `type`, `format`) and the date formats
        come from the Java SDK, which checks that a `DATE` field has a `format`. The
        answer is assumed to be the field as stored (the Java SDK reads it so), `id`
        included (inferred).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
            name: The field's name, the key of its values in a contact's `attributes`.
            type_: The kind of values the field holds.
            format: How the field's dates are written; required for a `DATE` field.
        """
        return (
            await self._send(
                _operations.create_list_field(
                    list_id=list_id,
                    name=name,
                    type_=type_,
                    format=format,
                )
            )
        ).parsed

    async def list_list_fields(
        self,
        *,
        list_id: str,
    ) -> list[ListField]:
        """List the custom fields of a contact list

        Every custom field of a list (SDKs only; the Java SDK requests
        `/lists/{listId}/fields/` with a trailing slash).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
        """
        return (
            await self._send(
                _operations.list_list_fields(
                    list_id=list_id,
                )
            )
        ).parsed

    async def delete_list_field(
        self,
        *,
        list_id: str,
        field_id: str,
    ) -> None:
        """Remove a custom field from a contact list

        Removes a custom field, and presumably its values, from a list (the Java SDK
        only). The answer has no JSON body (`204`, or `200` without a JSON body).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
            field_id: The `id` of the custom field, as answered by `listListFields`.
        """
        return (
            await self._send(
                _operations.delete_list_field(
                    list_id=list_id,
                    field_id=field_id,
                )
            )
        ).parsed

    async def import_contacts(
        self,
        *,
        list_id: str,
        body: list[NewContact],
    ) -> None:
        """Import many contacts into a contact list

        Starts an asynchronous import of many contacts into a list. The API answers
        `201` at once, without a body, with a `Location` header naming the import; the
        contacts appear in the list as it proceeds. Read the header with
        `client.with_raw_response.import_contacts(...)`. The SDKs send a JSON document
        read from a file, as is; its expected content is not published. An array of
        contacts shaped like those of `addContact` is inferred. What the `Location` URL
        answers, and how an import's progress is read, is not documented. Error 74
        (limit on posting contacts) and 18 (file too large) are the documented errors
        most likely here (inferred).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
            body: The contacts to import, at least one, each shaped like the body of
                `addContact` (inferred).
        """
        return (
            await self._send(
                _operations.import_contacts(
                    list_id=list_id,
                    body=body,
                )
            )
        ).parsed

    async def create_marketing_campaign(
        self,
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
    ) -> CampaignCreation:
        """Create a marketing campaign

        Creates a marketing campaign: one message sent to a contact list, now or at a
        scheduled time, once `sendMarketingCampaign` is called. The PHP and C# SDKs post
        to `/marketing/campaigns` or `/notification/campaigns` by the campaign's kind
        (the Java SDK posts both kinds here, evidently a bug). `name`, `message` and
        `sendList` are required by every SDK. The SDKs disagree on the answer: some read
        `id`, others `campaignId`; both are declared and one is expected (inferred).

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
                single send (the `minimum` catches epoch seconds). Without it the
                campaign goes out when `send...Campaign` is called (inferred). Errors
                41, 61, 62.
            external_url: A link for the message (PHP and C# SDKs; its use is not
                documented).
            landing_page_type: The kind of landing page (PHP and C# SDKs; its values are
                not documented).
            landing_page: The landing page (PHP and C# SDKs; not documented).
            landing_page_title: The landing page's title (PHP and C# SDKs; not
                documented).
        """
        return (
            await self._send(
                _operations.create_marketing_campaign(
                    name=name,
                    message=message,
                    send_list=send_list,
                    source_address=source_address,
                    type_=type_,
                    flash=flash,
                    date=date,
                    external_url=external_url,
                    landing_page_type=landing_page_type,
                    landing_page=landing_page,
                    landing_page_title=landing_page_title,
                )
            )
        ).parsed

    async def create_notification_campaign(
        self,
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
    ) -> CampaignCreation:
        """Create a notification campaign

        Creates a notification (transactional) campaign: the same body and answer as
        `createMarketingCampaign`, on the notification route (PHP and C# SDKs).
        Marketing content is forbidden here.

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
                single send (the `minimum` catches epoch seconds). Without it the
                campaign goes out when `send...Campaign` is called (inferred). Errors
                41, 61, 62.
            external_url: A link for the message (PHP and C# SDKs; its use is not
                documented).
            landing_page_type: The kind of landing page (PHP and C# SDKs; its values are
                not documented).
            landing_page: The landing page (PHP and C# SDKs; not documented).
            landing_page_title: The landing page's title (PHP and C# SDKs; not
                documented).
        """
        return (
            await self._send(
                _operations.create_notification_campaign(
                    name=name,
                    message=message,
                    send_list=send_list,
                    source_address=source_address,
                    type_=type_,
                    flash=flash,
                    date=date,
                    external_url=external_url,
                    landing_page_type=landing_page_type,
                    landing_page=landing_page,
                    landing_page_title=landing_page_title,
                )
            )
        ).parsed

    async def test_marketing_campaign(
        self,
        *,
        campaign_id: str,
        identifier: str,
    ) -> CreditsUsed:
        """Send a marketing campaign's message to one test number

        Sends the campaign's message once to the given number, to check it before the
        real send; it costs credits like any send (`creditsUsed`). The route is the
        vendor's page's; the PHP SDK uses it too, while the Java and C# SDKs post to
        `/campaigns/{campaignId}/test` without the kind (not declared here). An unknown
        campaign gives error 47 (inferred).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
            identifier: The test recipient, `0600000000` or `+33600000000`.
        """
        return (
            await self._send(
                _operations.test_marketing_campaign(
                    campaign_id=campaign_id,
                    identifier=identifier,
                )
            )
        ).parsed

    async def test_notification_campaign(
        self,
        *,
        campaign_id: str,
        identifier: str,
    ) -> CreditsUsed:
        """Send a notification campaign's message to one test number

        The test send of a notification campaign: the marketing call on the
        notification route (the vendor's page shows the marketing one; this one is
        inferred from it and from the PHP SDK, which builds the route from the
        campaign's kind).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
            identifier: The test recipient, `0600000000` or `+33600000000`.
        """
        return (
            await self._send(
                _operations.test_notification_campaign(
                    campaign_id=campaign_id,
                    identifier=identifier,
                )
            )
        ).parsed

    async def send_marketing_campaign(
        self,
        *,
        campaign_id: str,
    ) -> CreditsUsed:
        """Send a marketing campaign

        Sends the campaign to its list (or schedules it, if it has a `date`) and
        answers the credits debited. Not repeated automatically after a lost answer: it
        may already have been sent. No body is sent (the vendor's page shows none; the
        Java and C# SDKs post `SEND` to `/campaigns/{campaignId}/send`, a route not
        declared here). A balance that cannot cover the send gives error 71, an unknown
        campaign error 47 (inferred).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return (
            await self._send(
                _operations.send_marketing_campaign(
                    campaign_id=campaign_id,
                )
            )
        ).parsed

    async def send_notification_campaign(
        self,
        *,
        campaign_id: str,
    ) -> CreditsUsed:
        """Send a notification campaign

        Sends a notification campaign to its list: the marketing call on the
        notification route (inferred from the vendor's marketing page and the PHP SDK).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return (
            await self._send(
                _operations.send_notification_campaign(
                    campaign_id=campaign_id,
                )
            )
        ).parsed

    async def list_campaigns(self) -> list[Campaign]:
        """List the account's campaigns

        Every campaign of the account, of both kinds (SDKs only; whether the answer
        is paginated is not documented).
        """
        return (await self._send(_operations.list_campaigns())).parsed

    async def get_campaign(
        self,
        *,
        campaign_id: str,
    ) -> Campaign:
        """Get a campaign

        One campaign, as created (SDKs only; the fields come from the Java SDK's
        model). An unknown campaign gives error 47.

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return (
            await self._send(
                _operations.get_campaign(
                    campaign_id=campaign_id,
                )
            )
        ).parsed

    async def get_campaign_status(
        self,
        *,
        campaign_id: str,
    ) -> CampaignStatus:
        """Get a campaign's state and delivery counts

        The campaign's state and counts: sent, submitted, delivered, undelivered,
        errors, bounces, replies, and the credits it used (the vendor's "campaign
        statistics" page).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return (
            await self._send(
                _operations.get_campaign_status(
                    campaign_id=campaign_id,
                )
            )
        ).parsed

    async def list_campaign_replies(
        self,
        *,
        campaign_id: str,
    ) -> list[Reply]:
        """List the replies to a campaign

        The SMS that recipients sent back in answer to the campaign, with the same
        shape as the replies of a category (SDKs only).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return (
            await self._send(
                _operations.list_campaign_replies(
                    campaign_id=campaign_id,
                )
            )
        ).parsed

    async def get_campaign_blacklists(
        self,
        *,
        campaign_id: str,
    ) -> Blacklists:
        """Get the numbers of a campaign that unsubscribed or bounced

        The campaign's recipients that are now blacklisted: those that answered STOP
        (`unsubscribers`) and those whose number is not assigned (`bounces`), with the
        same shape as the blacklists of a category. The vendor's sample body is not
        valid JSON; the shape here is its evident reading.

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return (
            await self._send(
                _operations.get_campaign_blacklists(
                    campaign_id=campaign_id,
                )
            )
        ).parsed


class RawResponseClient:
    """`Client.with_raw_response`: each operation returns an `ApiResponse`."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def send_notification_message(
        self,
        *,
        number: str,
        message: str,
        sender: str | None = None,
        campaign_name: str | None = None,
        category: str | None = None,
        date: datetime | int | None = None,
    ) -> ApiResponse[SendResult]:
        """Send a notification SMS

        Sends one transactional SMS to one recipient, now or at a scheduled time.
        Marketing content is forbidden on this route: marketing messages go to `POST
        /marketing/messages/send` (same body, same response).

        Args:
            number: The recipient: `0600000000` (French national) or `+33600000000`
                (E.164). Landlines are refused (error 19); international numbers need
                the account's international mode (error 91); some countries are refused
                (error 90). Some vendor samples send `identifier` here instead: that is
                the recipient's name on the other calls, not on this one.
            message: The text of the SMS, limited to the vendor's character list plus
                space and newline (see `MessageText`). Empty → error 30, disallowed
                character → 31, too long → 32 (no maximum is published).
            sender: Optional sender name, 3 to 11 letters and digits, not digits only
                (errors 20 to 23). Without it a numeric short code `XX XXX` is used.
            campaign_name: Optional campaign name. Sends with the same name are pooled
                so that their statistics can be viewed together.
            category: Optional tag of the pool this send belongs to. It is the search
                key of the statistics, blacklist and replies calls (`GET
                /messages/stats`, `/messages/blacklists`, `/messages/replies`). Some
                vendor samples send `tag` here instead; this call reads `category`. Its
                allowed syntax is not published.
            date: Optional scheduled send time, as a Unix epoch in MILLISECONDS (UTC):
                `1398177000000` is 2014-04-22T14:30:00Z. Passing seconds is a common
                mistake; the `minimum` (10^12 ms, that is 2001-09-09) catches it, since
                every present-day epoch in seconds is far below it (a safeguard of this
                document, not a vendor rule). Without it the message is sent at once
                (inferred). Errors: 41 invalid programming time, 61 invalid date format,
                62 invalid scheduled date (for example in the past).
        """
        return self._client._send(
            _operations.send_notification_message(
                number=number,
                message=message,
                sender=sender,
                campaign_name=campaign_name,
                category=category,
                date=date,
            )
        )

    def send_notification_message_with_query_key(
        self,
        *,
        identifier: str,
        message: str,
        sender: str | None = None,
    ) -> ApiResponse[SendResult]:
        """Send a notification SMS from a browser form (API key in the URL)

        The form shown on the vendor's page: the same send as the POST, with every
        value, the API key included, in the query string. **Avoid it.** The key travels
        in the URL, so it ends up in server, proxy and browser logs (and browser
        history). No known client uses this form; prefer `POST
        /notification/messages/send` with the `X-Primotexto-ApiKey` header. On this form
        the recipient is named `identifier`, not `number`. Only `identifier`, `message`
        and `sender` are shown for it; whether `campaignName`, `category` or `date` are
        accepted here is not documented. The responses are assumed to be those of the
        POST (inferred).

        Args:
            identifier: The recipient's mobile number (called `number` in the POST
                body): `0600000000` (French national) or `+33600000000` (E.164). See
                `PhoneNumber`.
            message: The text of the SMS, with the same constraints as in the POST body.
            sender: The sender name shown on the handset, with the same constraints as
                in the POST body. Without it a numeric short code is used.
        """
        return self._client._send(
            _operations.send_notification_message_with_query_key(
                identifier=identifier,
                message=message,
                sender=sender,
            )
        )

    def send_marketing_message(
        self,
        *,
        number: str,
        message: str,
        sender: str | None = None,
        campaign_name: str | None = None,
        category: str | None = None,
        date: datetime | int | None = None,
    ) -> ApiResponse[SendResult]:
        """Send a marketing SMS

        Sends one promotional SMS (an offer, a newsletter) to one recipient, now or
        at a scheduled time. The body and the response are those of the notification
        send; only the route differs. Marketing content belongs here, transactional
        content (confirmation codes, alerts, reminders) on `POST
        /notification/messages/send`. A recipient who answered STOP is refused with
        error 12. French rules also keep marketing SMS off nights, Sundays and public
        holidays; whether, and how, the vendor enforces that on this route is not
        documented.

        Args:
            number: The recipient: `0600000000` (French national) or `+33600000000`
                (E.164). Landlines are refused (error 19); international numbers need
                the account's international mode (error 91); some countries are refused
                (error 90). Some vendor samples send `identifier` here instead: that is
                the recipient's name on the other calls, not on this one.
            message: The text of the SMS, limited to the vendor's character list plus
                space and newline (see `MessageText`). Empty → error 30, disallowed
                character → 31, too long → 32 (no maximum is published).
            sender: Optional sender name, 3 to 11 letters and digits, not digits only
                (errors 20 to 23). Without it a numeric short code `XX XXX` is used.
            campaign_name: Optional campaign name. Sends with the same name are pooled
                so that their statistics can be viewed together.
            category: Optional tag of the pool this send belongs to. It is the search
                key of the statistics, blacklist and replies calls (`GET
                /messages/stats`, `/messages/blacklists`, `/messages/replies`). Some
                vendor samples send `tag` here instead; this call reads `category`. Its
                allowed syntax is not published.
            date: Optional scheduled send time, as a Unix epoch in MILLISECONDS (UTC):
                `1398177000000` is 2014-04-22T14:30:00Z. Passing seconds is a common
                mistake; the `minimum` (10^12 ms, that is 2001-09-09) catches it, since
                every present-day epoch in seconds is far below it (a safeguard of this
                document, not a vendor rule). Without it the message is sent at once
                (inferred). Errors: 41 invalid programming time, 61 invalid date format,
                62 invalid scheduled date (for example in the past).
        """
        return self._client._send(
            _operations.send_marketing_message(
                number=number,
                message=message,
                sender=sender,
                campaign_name=campaign_name,
                category=category,
                date=date,
            )
        )

    def get_message_status(
        self,
        *,
        snapshot_id: str | None = None,
        identifier: str | None = None,
    ) -> ApiResponse[MessageStatus]:
        """Get the delivery status of a message

        The delivery status of one message, found by the `snapshotId` its send
        returned, or by the recipient's number (`identifier`), which gives the latest
        message sent to that number (inferred from the vendor's page title "status of a
        message by mobile number"). Give exactly one of the two: the API's behaviour
        with both or neither is not documented, and this document cannot require "one
        of" two query parameters, so the client sends what it is given. Times are epoch
        milliseconds, returned as aware datetimes (UTC). A query that matches no message
        is assumed to give error 16 (inferred from the error table).

        Args:
            snapshot_id: The `snapshotId` returned by the send (`POST
                /notification/messages/send` or `POST /marketing/messages/send`).
            identifier: The recipient's mobile number, `0600000000` or `+33600000000`;
                the latest message sent to it is described (inferred). The vendor's
                sample sends it URL-encoded (`%2B33600000000`), as every client does.
        """
        return self._client._send(
            _operations.get_message_status(
                snapshot_id=snapshot_id,
                identifier=identifier,
            )
        )

    def get_message_stats(
        self,
        *,
        category: str,
    ) -> ApiResponse[MessageStats]:
        """Get the statistics of the messages of a category

        Counts over every message sent with the given `category` (the optional tag of
        the send calls): how many were sent, delivered, opened, clicked, answered,
        unsubscribed, bounced.

        Args:
            category: The `category` given to the sends (their optional pooling tag),
                for example `codeConfirmation`. Its allowed syntax is not published; an
                empty one is refused by this document.
        """
        return self._client._send(
            _operations.get_message_stats(
                category=category,
            )
        )

    def list_message_replies(
        self,
        *,
        category: str,
    ) -> ApiResponse[list[Reply]]:
        """List the replies to the messages of a category

        The SMS that recipients sent back in answer to the messages of the given
        `category`. Replies are only available by polling this call (no webhook is
        documented). Whether the list is paginated or limited is not documented.

        Args:
            category: The `category` given to the sends (their optional pooling tag),
                for example `codeConfirmation`. Its allowed syntax is not published; an
                empty one is refused by this document.
        """
        return self._client._send(
            _operations.list_message_replies(
                category=category,
            )
        )

    def get_message_blacklists(
        self,
        *,
        category: str,
    ) -> ApiResponse[Blacklists]:
        """Get the numbers of a category that unsubscribed or bounced

        The recipients of the given `category`'s messages that are now blacklisted:
        those that answered STOP (`unsubscribers`) and those whose number is not
        assigned (`bounces`), each with their count. The vendor's sample body is not
        valid JSON (braces where a colon and brackets are meant); the shape here is its
        evident reading, the one the SDKs parse.

        Args:
            category: The `category` given to the sends (their optional pooling tag),
                for example `codeConfirmation`. Its allowed syntax is not published; an
                empty one is refused by this document.
        """
        return self._client._send(
            _operations.get_message_blacklists(
                category=category,
            )
        )

    def get_account_stats(self) -> ApiResponse[AccountStats]:
        """Get the account's totals and credit balance

        The account's totals over every send (sent, submitted, delivered,
        undelivered, bounces, unsubscribers) and its remaining credits. Check `credits`
        before a large send: a send the balance cannot cover is refused with error 71.
        """
        return self._client._send(_operations.get_account_stats())

    def list_unsubscribers(self) -> ApiResponse[list[BlacklistEntry]]:
        """List the account's unsubscribed numbers (STOP)

        Every entry of the account's unsubscribers blacklist: numbers that answered
        STOP, or that were added by `addUnsubscriber`. The vendor's page lists this
        call; the entry's fields come from the SDKs (inferred where the description says
        so). `default` is the name of the account's only blacklist of each kind.
        """
        return self._client._send(_operations.list_unsubscribers())

    def add_unsubscriber(
        self,
        *,
        identifier: str,
    ) -> ApiResponse[CreatedId]:
        """Add a number to the unsubscribers blacklist (STOP)

        Adds a number to the account's unsubscribers blacklist, as if its owner had
        answered STOP: later sends to it are refused with error 12. Answers the new
        entry's `id`, which `removeUnsubscriberById` takes. The vendor's curl sample
        posts to `/unsubscribers/defaults/contacts` (with an `s`); its URL line, its
        other samples and every SDK use `/unsubscribers/default/contacts`, taken here.
        Adding a number that is already on the list is assumed to give error 15
        (inferred).

        Args:
            identifier: The number to blacklist, `0600000000` or `+33600000000`.
        """
        return self._client._send(
            _operations.add_unsubscriber(
                identifier=identifier,
            )
        )

    def remove_unsubscriber(
        self,
        *,
        identifier: str,
    ) -> ApiResponse[None]:
        """Remove a number from the unsubscribers blacklist

        Removes the entry of the given number from the account's unsubscribers
        blacklist, so that it can be sent to again (only do so with its owner's
        consent). The answer has no JSON body: `204` is what the Java SDK expects; a
        `200` without a JSON body (seen in the histories of other SDKs) is accepted as
        the same success.

        Args:
            identifier: The mobile number, `0600000000` or `+33600000000` (see
                `PhoneNumber`). Clients send it URL-encoded (`%2B33600000000`).
        """
        return self._client._send(
            _operations.remove_unsubscriber(
                identifier=identifier,
            )
        )

    def remove_unsubscriber_by_id(
        self,
        *,
        contact_id: str,
    ) -> ApiResponse[None]:
        """Remove an entry from the unsubscribers blacklist by its id

        Removes one entry, named by the `id` that `addUnsubscriber` or
        `listUnsubscribers` gave, from the account's unsubscribers blacklist. The answer
        has no JSON body (`204`, or `200` without a JSON body).

        Args:
            contact_id: The `id` of the blacklist entry, as answered when it was added
                or listed.
        """
        return self._client._send(
            _operations.remove_unsubscriber_by_id(
                contact_id=contact_id,
            )
        )

    def list_bounces(self) -> ApiResponse[list[BlacklistEntry]]:
        """List the account's bounced numbers (NPAI)

        Every entry of the account's bounces blacklist: numbers found not to be
        assigned ("NPAI"), or added by `addBounce`. Same entry shape as the
        unsubscribers list.
        """
        return self._client._send(_operations.list_bounces())

    def add_bounce(
        self,
        *,
        identifier: str,
    ) -> ApiResponse[CreatedId]:
        """Add a number to the bounces blacklist (NPAI)

        Adds a number to the account's bounces blacklist: later sends to it are
        refused with error 13. Answers the new entry's `id`, which `removeBounceById`
        takes. Adding a number that is already on the list is assumed to give error 15
        (inferred).

        Args:
            identifier: The number to blacklist, `0600000000` or `+33600000000`.
        """
        return self._client._send(
            _operations.add_bounce(
                identifier=identifier,
            )
        )

    def remove_bounce(
        self,
        *,
        identifier: str,
    ) -> ApiResponse[None]:
        """Remove a number from the bounces blacklist

        Removes the entry of the given number from the account's bounces blacklist.
        The answer has no JSON body (`204`, or `200` without a JSON body).

        Args:
            identifier: The mobile number, `0600000000` or `+33600000000` (see
                `PhoneNumber`). Clients send it URL-encoded (`%2B33600000000`).
        """
        return self._client._send(
            _operations.remove_bounce(
                identifier=identifier,
            )
        )

    def remove_bounce_by_id(
        self,
        *,
        contact_id: str,
    ) -> ApiResponse[None]:
        """Remove an entry from the bounces blacklist by its id

        Removes one entry, named by the `id` that `addBounce` or `listBounces` gave,
        from the account's bounces blacklist. The answer has no JSON body (`204`, or
        `200` without a JSON body).

        Args:
            contact_id: The `id` of the blacklist entry, as answered when it was added
                or listed.
        """
        return self._client._send(
            _operations.remove_bounce_by_id(
                contact_id=contact_id,
            )
        )

    def check_number(
        self,
        *,
        identifier: str,
    ) -> ApiResponse[NumberCheck]:
        """Check and normalise a mobile number

        Tells whether a number can be sent to, whether it is outside France, and
        gives it in the API's own format. Shown by the SDKs only, not by the vendor's
        pages: the route, the parameter and the answer's field names come from them; the
        values of `status` are not documented. The number is taken as typed (spaces and
        dots included), since normalising it is the point of the call.

        Args:
            identifier: The number to check, as the user typed it (for example `06 00 00
                00 00`).
        """
        return self._client._send(
            _operations.check_number(
                identifier=identifier,
            )
        )

    def create_list(
        self,
        *,
        name: str,
    ) -> ApiResponse[CreatedId]:
        """Create a contact list

        Creates an empty contact list and answers its `id`, which every other list
        call takes. The vendor's page posts to `/lists/` (with a trailing slash) and
        answers `200`; the SDKs post to `/lists`, taken here.

        Args:
            name: The list's name, as shown in the vendor's web interface.
        """
        return self._client._send(
            _operations.create_list(
                name=name,
            )
        )

    def list_lists(self) -> ApiResponse[list[ContactList]]:
        """List the account's contact lists

        Every contact list of the account (SDKs only). Only `id` and `name` are known
        fields of a list; whether the answer is paginated is not documented.
        """
        return self._client._send(_operations.list_lists())

    def get_list(
        self,
        *,
        list_id: str,
    ) -> ApiResponse[ContactList]:
        """Get a contact list

        One contact list (SDKs only). An unknown list gives error 60 (the HTTP
        status, 400, is inferred like that of every business error).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
        """
        return self._client._send(
            _operations.get_list(
                list_id=list_id,
            )
        )

    def delete_list(
        self,
        *,
        list_id: str,
    ) -> ApiResponse[None]:
        """Delete a contact list

        Deletes a contact list and its contacts (SDKs only; whether campaigns that
        used the list keep their recipients is not documented). The answer has no JSON
        body (`204`, or `200` without a JSON body).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
        """
        return self._client._send(
            _operations.delete_list(
                list_id=list_id,
            )
        )

    def add_contact(
        self,
        *,
        list_id: str,
        identifier: str,
        attributes: dict[str, str | float] | None = None,
    ) -> ApiResponse[CreatedId]:
        """Add a contact to a contact list

        Adds one contact (a mobile number, with values for the list's custom fields)
        to a list and answers the contact's `id`. The vendor's page shows this route
        with `identifier` only and a `200` answer; `attributes` comes from its "with
        custom columns" variant and the SDKs. A number already in the list is assumed to
        give error 15, an unknown list error 60 (inferred).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
            identifier: The contact's mobile number, `0600000000` or `+33600000000`.
            attributes: Optional values for the list's custom fields, by field name (see
                `createListField`).
        """
        return self._client._send(
            _operations.add_contact(
                list_id=list_id,
                identifier=identifier,
                attributes=attributes,
            )
        )

    def list_contacts(
        self,
        *,
        list_id: str,
    ) -> ApiResponse[list[Contact]]:
        """List the contacts of a contact list

        Every contact of a list, with its custom field values (SDKs only; whether the
        answer is paginated is not documented).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
        """
        return self._client._send(
            _operations.list_contacts(
                list_id=list_id,
            )
        )

    def delete_contact(
        self,
        *,
        list_id: str,
        contact_id: str,
    ) -> ApiResponse[None]:
        """Remove a contact from a contact list

        Removes one contact, named by the `id` that `addContact` or `listContacts`
        gave, from a list (SDKs only). The answer has no JSON body (`204`, or `200`
        without a JSON body).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
            contact_id: The `id` of the contact, as answered by `addContact` or
                `listContacts`.
        """
        return self._client._send(
            _operations.delete_contact(
                list_id=list_id,
                contact_id=contact_id,
            )
        )

    def create_list_field(
        self,
        *,
        list_id: str,
        name: str,
        type_: FieldType | Literal["STRING", "DATE", "NUMBER"],
        format: DateFormat | Literal["dd/MM/yyyy", "dd/MM", "MM/yyyy"] | None = None,
    ) -> ApiResponse[ListField]:
        """Add a custom field to a contact list

        Adds a custom field (a column such as a first name or a birthday) to a list;
        its values are then given in the contacts' `attributes`. The vendor's page shows
        the option; the field's shape (`name`, `type`, `format`) and the date formats
        come from the Java SDK, which checks that a `DATE` field has a `format`. The
        answer is assumed to be the field as stored (the Java SDK reads it so), `id`
        included (inferred).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
            name: The field's name, the key of its values in a contact's `attributes`.
            type_: The kind of values the field holds.
            format: How the field's dates are written; required for a `DATE` field.
        """
        return self._client._send(
            _operations.create_list_field(
                list_id=list_id,
                name=name,
                type_=type_,
                format=format,
            )
        )

    def list_list_fields(
        self,
        *,
        list_id: str,
    ) -> ApiResponse[list[ListField]]:
        """List the custom fields of a contact list

        Every custom field of a list (SDKs only; the Java SDK requests
        `/lists/{listId}/fields/` with a trailing slash).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
        """
        return self._client._send(
            _operations.list_list_fields(
                list_id=list_id,
            )
        )

    def delete_list_field(
        self,
        *,
        list_id: str,
        field_id: str,
    ) -> ApiResponse[None]:
        """Remove a custom field from a contact list

        Removes a custom field, and presumably its values, from a list (the Java SDK
        only). The answer has no JSON body (`204`, or `200` without a JSON body).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
            field_id: The `id` of the custom field, as answered by `listListFields`.
        """
        return self._client._send(
            _operations.delete_list_field(
                list_id=list_id,
                field_id=field_id,
            )
        )

    def import_contacts(
        self,
        *,
        list_id: str,
        body: list[NewContact],
    ) -> ApiResponse[None]:
        """Import many contacts into a contact list

        Starts an asynchronous import of many contacts into a list. The API answers
        `201` at once, without a body, with a `Location` header naming the import; the
        contacts appear in the list as it proceeds. Read the header with
        `client.with_raw_response.import_contacts(...)`. The SDKs send a JSON document
        read from a file, as is; its expected content is not published. An array of
        contacts shaped like those of `addContact` is inferred. What the `Location` URL
        answers, and how an import's progress is read, is not documented. Error 74
        (limit on posting contacts) and 18 (file too large) are the documented errors
        most likely here (inferred).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
            body: The contacts to import, at least one, each shaped like the body of
                `addContact` (inferred).
        """
        return self._client._send(
            _operations.import_contacts(
                list_id=list_id,
                body=body,
            )
        )

    def create_marketing_campaign(
        self,
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
    ) -> ApiResponse[CampaignCreation]:
        """Create a marketing campaign

        Creates a marketing campaign: one message sent to a contact list, now or at a
        scheduled time, once `sendMarketingCampaign` is called. The PHP and C# SDKs post
        to `/marketing/campaigns` or `/notification/campaigns` by the campaign's kind
        (the Java SDK posts both kinds here, evidently a bug). `name`, `message` and
        `sendList` are required by every SDK. The SDKs disagree on the answer: some read
        `id`, others `campaignId`; both are declared and one is expected (inferred).

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
                single send (the `minimum` catches epoch seconds). Without it the
                campaign goes out when `send...Campaign` is called (inferred). Errors
                41, 61, 62.
            external_url: A link for the message (PHP and C# SDKs; its use is not
                documented).
            landing_page_type: The kind of landing page (PHP and C# SDKs; its values are
                not documented).
            landing_page: The landing page (PHP and C# SDKs; not documented).
            landing_page_title: The landing page's title (PHP and C# SDKs; not
                documented).
        """
        return self._client._send(
            _operations.create_marketing_campaign(
                name=name,
                message=message,
                send_list=send_list,
                source_address=source_address,
                type_=type_,
                flash=flash,
                date=date,
                external_url=external_url,
                landing_page_type=landing_page_type,
                landing_page=landing_page,
                landing_page_title=landing_page_title,
            )
        )

    def create_notification_campaign(
        self,
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
    ) -> ApiResponse[CampaignCreation]:
        """Create a notification campaign

        Creates a notification (transactional) campaign: the same body and answer as
        `createMarketingCampaign`, on the notification route (PHP and C# SDKs).
        Marketing content is forbidden here.

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
                single send (the `minimum` catches epoch seconds). Without it the
                campaign goes out when `send...Campaign` is called (inferred). Errors
                41, 61, 62.
            external_url: A link for the message (PHP and C# SDKs; its use is not
                documented).
            landing_page_type: The kind of landing page (PHP and C# SDKs; its values are
                not documented).
            landing_page: The landing page (PHP and C# SDKs; not documented).
            landing_page_title: The landing page's title (PHP and C# SDKs; not
                documented).
        """
        return self._client._send(
            _operations.create_notification_campaign(
                name=name,
                message=message,
                send_list=send_list,
                source_address=source_address,
                type_=type_,
                flash=flash,
                date=date,
                external_url=external_url,
                landing_page_type=landing_page_type,
                landing_page=landing_page,
                landing_page_title=landing_page_title,
            )
        )

    def test_marketing_campaign(
        self,
        *,
        campaign_id: str,
        identifier: str,
    ) -> ApiResponse[CreditsUsed]:
        """Send a marketing campaign's message to one test number

        Sends the campaign's message once to the given number, to check it before the
        real send; it costs credits like any send (`creditsUsed`). The route is the
        vendor's page's; the PHP SDK uses it too, while the Java and C# SDKs post to
        `/campaigns/{campaignId}/test` without the kind (not declared here). An unknown
        campaign gives error 47 (inferred).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
            identifier: The test recipient, `0600000000` or `+33600000000`.
        """
        return self._client._send(
            _operations.test_marketing_campaign(
                campaign_id=campaign_id,
                identifier=identifier,
            )
        )

    def test_notification_campaign(
        self,
        *,
        campaign_id: str,
        identifier: str,
    ) -> ApiResponse[CreditsUsed]:
        """Send a notification campaign's message to one test number

        The test send of a notification campaign: the marketing call on the
        notification route (the vendor's page shows the marketing one; this one is
        inferred from it and from the PHP SDK, which builds the route from the
        campaign's kind).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
            identifier: The test recipient, `0600000000` or `+33600000000`.
        """
        return self._client._send(
            _operations.test_notification_campaign(
                campaign_id=campaign_id,
                identifier=identifier,
            )
        )

    def send_marketing_campaign(
        self,
        *,
        campaign_id: str,
    ) -> ApiResponse[CreditsUsed]:
        """Send a marketing campaign

        Sends the campaign to its list (or schedules it, if it has a `date`) and
        answers the credits debited. Not repeated automatically after a lost answer: it
        may already have been sent. No body is sent (the vendor's page shows none; the
        Java and C# SDKs post `SEND` to `/campaigns/{campaignId}/send`, a route not
        declared here). A balance that cannot cover the send gives error 71, an unknown
        campaign error 47 (inferred).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return self._client._send(
            _operations.send_marketing_campaign(
                campaign_id=campaign_id,
            )
        )

    def send_notification_campaign(
        self,
        *,
        campaign_id: str,
    ) -> ApiResponse[CreditsUsed]:
        """Send a notification campaign

        Sends a notification campaign to its list: the marketing call on the
        notification route (inferred from the vendor's marketing page and the PHP SDK).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return self._client._send(
            _operations.send_notification_campaign(
                campaign_id=campaign_id,
            )
        )

    def list_campaigns(self) -> ApiResponse[list[Campaign]]:
        """List the account's campaigns

        Every campaign of the account, of both kinds (SDKs only; whether the answer
        is paginated is not documented).
        """
        return self._client._send(_operations.list_campaigns())

    def get_campaign(
        self,
        *,
        campaign_id: str,
    ) -> ApiResponse[Campaign]:
        """Get a campaign

        One campaign, as created (SDKs only; the fields come from the Java SDK's
        model). An unknown campaign gives error 47.

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return self._client._send(
            _operations.get_campaign(
                campaign_id=campaign_id,
            )
        )

    def get_campaign_status(
        self,
        *,
        campaign_id: str,
    ) -> ApiResponse[CampaignStatus]:
        """Get a campaign's state and delivery counts

        The campaign's state and counts: sent, submitted, delivered, undelivered,
        errors, bounces, replies, and the credits it used (the vendor's "campaign
        statistics" page).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return self._client._send(
            _operations.get_campaign_status(
                campaign_id=campaign_id,
            )
        )

    def list_campaign_replies(
        self,
        *,
        campaign_id: str,
    ) -> ApiResponse[list[Reply]]:
        """List the replies to a campaign

        The SMS that recipients sent back in answer to the campaign, with the same
        shape as the replies of a category (SDKs only).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return self._client._send(
            _operations.list_campaign_replies(
                campaign_id=campaign_id,
            )
        )

    def get_campaign_blacklists(
        self,
        *,
        campaign_id: str,
    ) -> ApiResponse[Blacklists]:
        """Get the numbers of a campaign that unsubscribed or bounced

        The campaign's recipients that are now blacklisted: those that answered STOP
        (`unsubscribers`) and those whose number is not assigned (`bounces`), with the
        same shape as the blacklists of a category. The vendor's sample body is not
        valid JSON; the shape here is its evident reading.

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return self._client._send(
            _operations.get_campaign_blacklists(
                campaign_id=campaign_id,
            )
        )


class AsyncRawResponseClient:
    """`AsyncClient.with_raw_response`: each operation returns an `ApiResponse`."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def send_notification_message(
        self,
        *,
        number: str,
        message: str,
        sender: str | None = None,
        campaign_name: str | None = None,
        category: str | None = None,
        date: datetime | int | None = None,
    ) -> ApiResponse[SendResult]:
        """Send a notification SMS

        Sends one transactional SMS to one recipient, now or at a scheduled time.
        Marketing content is forbidden on this route: marketing messages go to `POST
        /marketing/messages/send` (same body, same response).

        Args:
            number: The recipient: `0600000000` (French national) or `+33600000000`
                (E.164). Landlines are refused (error 19); international numbers need
                the account's international mode (error 91); some countries are refused
                (error 90). Some vendor samples send `identifier` here instead: that is
                the recipient's name on the other calls, not on this one.
            message: The text of the SMS, limited to the vendor's character list plus
                space and newline (see `MessageText`). Empty → error 30, disallowed
                character → 31, too long → 32 (no maximum is published).
            sender: Optional sender name, 3 to 11 letters and digits, not digits only
                (errors 20 to 23). Without it a numeric short code `XX XXX` is used.
            campaign_name: Optional campaign name. Sends with the same name are pooled
                so that their statistics can be viewed together.
            category: Optional tag of the pool this send belongs to. It is the search
                key of the statistics, blacklist and replies calls (`GET
                /messages/stats`, `/messages/blacklists`, `/messages/replies`). Some
                vendor samples send `tag` here instead; this call reads `category`. Its
                allowed syntax is not published.
            date: Optional scheduled send time, as a Unix epoch in MILLISECONDS (UTC):
                `1398177000000` is 2014-04-22T14:30:00Z. Passing seconds is a common
                mistake; the `minimum` (10^12 ms, that is 2001-09-09) catches it, since
                every present-day epoch in seconds is far below it (a safeguard of this
                document, not a vendor rule). Without it the message is sent at once
                (inferred). Errors: 41 invalid programming time, 61 invalid date format,
                62 invalid scheduled date (for example in the past).
        """
        return await self._client._send(
            _operations.send_notification_message(
                number=number,
                message=message,
                sender=sender,
                campaign_name=campaign_name,
                category=category,
                date=date,
            )
        )

    async def send_notification_message_with_query_key(
        self,
        *,
        identifier: str,
        message: str,
        sender: str | None = None,
    ) -> ApiResponse[SendResult]:
        """Send a notification SMS from a browser form (API key in the URL)

        The form shown on the vendor's page: the same send as the POST, with every
        value, the API key included, in the query string. **Avoid it.** The key travels
        in the URL, so it ends up in server, proxy and browser logs (and browser
        history). No known client uses this form; prefer `POST
        /notification/messages/send` with the `X-Primotexto-ApiKey` header. On this form
        the recipient is named `identifier`, not `number`. Only `identifier`, `message`
        and `sender` are shown for it; whether `campaignName`, `category` or `date` are
        accepted here is not documented. The responses are assumed to be those of the
        POST (inferred).

        Args:
            identifier: The recipient's mobile number (called `number` in the POST
                body): `0600000000` (French national) or `+33600000000` (E.164). See
                `PhoneNumber`.
            message: The text of the SMS, with the same constraints as in the POST body.
            sender: The sender name shown on the handset, with the same constraints as
                in the POST body. Without it a numeric short code is used.
        """
        return await self._client._send(
            _operations.send_notification_message_with_query_key(
                identifier=identifier,
                message=message,
                sender=sender,
            )
        )

    async def send_marketing_message(
        self,
        *,
        number: str,
        message: str,
        sender: str | None = None,
        campaign_name: str | None = None,
        category: str | None = None,
        date: datetime | int | None = None,
    ) -> ApiResponse[SendResult]:
        """Send a marketing SMS

        Sends one promotional SMS (an offer, a newsletter) to one recipient, now or
        at a scheduled time. The body and the response are those of the notification
        send; only the route differs. Marketing content belongs here, transactional
        content (confirmation codes, alerts, reminders) on `POST
        /notification/messages/send`. A recipient who answered STOP is refused with
        error 12. French rules also keep marketing SMS off nights, Sundays and public
        holidays; whether, and how, the vendor enforces that on this route is not
        documented.

        Args:
            number: The recipient: `0600000000` (French national) or `+33600000000`
                (E.164). Landlines are refused (error 19); international numbers need
                the account's international mode (error 91); some countries are refused
                (error 90). Some vendor samples send `identifier` here instead: that is
                the recipient's name on the other calls, not on this one.
            message: The text of the SMS, limited to the vendor's character list plus
                space and newline (see `MessageText`). Empty → error 30, disallowed
                character → 31, too long → 32 (no maximum is published).
            sender: Optional sender name, 3 to 11 letters and digits, not digits only
                (errors 20 to 23). Without it a numeric short code `XX XXX` is used.
            campaign_name: Optional campaign name. Sends with the same name are pooled
                so that their statistics can be viewed together.
            category: Optional tag of the pool this send belongs to. It is the search
                key of the statistics, blacklist and replies calls (`GET
                /messages/stats`, `/messages/blacklists`, `/messages/replies`). Some
                vendor samples send `tag` here instead; this call reads `category`. Its
                allowed syntax is not published.
            date: Optional scheduled send time, as a Unix epoch in MILLISECONDS (UTC):
                `1398177000000` is 2014-04-22T14:30:00Z. Passing seconds is a common
                mistake; the `minimum` (10^12 ms, that is 2001-09-09) catches it, since
                every present-day epoch in seconds is far below it (a safeguard of this
                document, not a vendor rule). Without it the message is sent at once
                (inferred). Errors: 41 invalid programming time, 61 invalid date format,
                62 invalid scheduled date (for example in the past).
        """
        return await self._client._send(
            _operations.send_marketing_message(
                number=number,
                message=message,
                sender=sender,
                campaign_name=campaign_name,
                category=category,
                date=date,
            )
        )

    async def get_message_status(
        self,
        *,
        snapshot_id: str | None = None,
        identifier: str | None = None,
    ) -> ApiResponse[MessageStatus]:
        """Get the delivery status of a message

        The delivery status of one message, found by the `snapshotId` its send
        returned, or by the recipient's number (`identifier`), which gives the latest
        message sent to that number (inferred from the vendor's page title "status of a
        message by mobile number"). Give exactly one of the two: the API's behaviour
        with both or neither is not documented, and this document cannot require "one
        of" two query parameters, so the client sends what it is given. Times are epoch
        milliseconds, returned as aware datetimes (UTC). A query that matches no message
        is assumed to give error 16 (inferred from the error table).

        Args:
            snapshot_id: The `snapshotId` returned by the send (`POST
                /notification/messages/send` or `POST /marketing/messages/send`).
            identifier: The recipient's mobile number, `0600000000` or `+33600000000`;
                the latest message sent to it is described (inferred). The vendor's
                sample sends it URL-encoded (`%2B33600000000`), as every client does.
        """
        return await self._client._send(
            _operations.get_message_status(
                snapshot_id=snapshot_id,
                identifier=identifier,
            )
        )

    async def get_message_stats(
        self,
        *,
        category: str,
    ) -> ApiResponse[MessageStats]:
        """Get the statistics of the messages of a category

        Counts over every message sent with the given `category` (the optional tag of
        the send calls): how many were sent, delivered, opened, clicked, answered,
        unsubscribed, bounced.

        Args:
            category: The `category` given to the sends (their optional pooling tag),
                for example `codeConfirmation`. Its allowed syntax is not published; an
                empty one is refused by this document.
        """
        return await self._client._send(
            _operations.get_message_stats(
                category=category,
            )
        )

    async def list_message_replies(
        self,
        *,
        category: str,
    ) -> ApiResponse[list[Reply]]:
        """List the replies to the messages of a category

        The SMS that recipients sent back in answer to the messages of the given
        `category`. Replies are only available by polling this call (no webhook is
        documented). Whether the list is paginated or limited is not documented.

        Args:
            category: The `category` given to the sends (their optional pooling tag),
                for example `codeConfirmation`. Its allowed syntax is not published; an
                empty one is refused by this document.
        """
        return await self._client._send(
            _operations.list_message_replies(
                category=category,
            )
        )

    async def get_message_blacklists(
        self,
        *,
        category: str,
    ) -> ApiResponse[Blacklists]:
        """Get the numbers of a category that unsubscribed or bounced

        The recipients of the given `category`'s messages that are now blacklisted:
        those that answered STOP (`unsubscribers`) and those whose number is not
        assigned (`bounces`), each with their count. The vendor's sample body is not
        valid JSON (braces where a colon and brackets are meant); the shape here is its
        evident reading, the one the SDKs parse.

        Args:
            category: The `category` given to the sends (their optional pooling tag),
                for example `codeConfirmation`. Its allowed syntax is not published; an
                empty one is refused by this document.
        """
        return await self._client._send(
            _operations.get_message_blacklists(
                category=category,
            )
        )

    async def get_account_stats(self) -> ApiResponse[AccountStats]:
        """Get the account's totals and credit balance

        The account's totals over every send (sent, submitted, delivered,
        undelivered, bounces, unsubscribers) and its remaining credits. Check `credits`
        before a large send: a send the balance cannot cover is refused with error 71.
        """
        return await self._client._send(_operations.get_account_stats())

    async def list_unsubscribers(self) -> ApiResponse[list[BlacklistEntry]]:
        """List the account's unsubscribed numbers (STOP)

        Every entry of the account's unsubscribers blacklist: numbers that answered
        STOP, or that were added by `addUnsubscriber`. The vendor's page lists this
        call; the entry's fields come from the SDKs (inferred where the description says
        so). `default` is the name of the account's only blacklist of each kind.
        """
        return await self._client._send(_operations.list_unsubscribers())

    async def add_unsubscriber(
        self,
        *,
        identifier: str,
    ) -> ApiResponse[CreatedId]:
        """Add a number to the unsubscribers blacklist (STOP)

        Adds a number to the account's unsubscribers blacklist, as if its owner had
        answered STOP: later sends to it are refused with error 12. Answers the new
        entry's `id`, which `removeUnsubscriberById` takes. The vendor's curl sample
        posts to `/unsubscribers/defaults/contacts` (with an `s`); its URL line, its
        other samples and every SDK use `/unsubscribers/default/contacts`, taken here.
        Adding a number that is already on the list is assumed to give error 15
        (inferred).

        Args:
            identifier: The number to blacklist, `0600000000` or `+33600000000`.
        """
        return await self._client._send(
            _operations.add_unsubscriber(
                identifier=identifier,
            )
        )

    async def remove_unsubscriber(
        self,
        *,
        identifier: str,
    ) -> ApiResponse[None]:
        """Remove a number from the unsubscribers blacklist

        Removes the entry of the given number from the account's unsubscribers
        blacklist, so that it can be sent to again (only do so with its owner's
        consent). The answer has no JSON body: `204` is what the Java SDK expects; a
        `200` without a JSON body (seen in the histories of other SDKs) is accepted as
        the same success.

        Args:
            identifier: The mobile number, `0600000000` or `+33600000000` (see
                `PhoneNumber`). Clients send it URL-encoded (`%2B33600000000`).
        """
        return await self._client._send(
            _operations.remove_unsubscriber(
                identifier=identifier,
            )
        )

    async def remove_unsubscriber_by_id(
        self,
        *,
        contact_id: str,
    ) -> ApiResponse[None]:
        """Remove an entry from the unsubscribers blacklist by its id

        Removes one entry, named by the `id` that `addUnsubscriber` or
        `listUnsubscribers` gave, from the account's unsubscribers blacklist. The answer
        has no JSON body (`204`, or `200` without a JSON body).

        Args:
            contact_id: The `id` of the blacklist entry, as answered when it was added
                or listed.
        """
        return await self._client._send(
            _operations.remove_unsubscriber_by_id(
                contact_id=contact_id,
            )
        )

    async def list_bounces(self) -> ApiResponse[list[BlacklistEntry]]:
        """List the account's bounced numbers (NPAI)

        Every entry of the account's bounces blacklist: numbers found not to be
        assigned ("NPAI"), or added by `addBounce`. Same entry shape as the
        unsubscribers list.
        """
        return await self._client._send(_operations.list_bounces())

    async def add_bounce(
        self,
        *,
        identifier: str,
    ) -> ApiResponse[CreatedId]:
        """Add a number to the bounces blacklist (NPAI)

        Adds a number to the account's bounces blacklist: later sends to it are
        refused with error 13. Answers the new entry's `id`, which `removeBounceById`
        takes. Adding a number that is already on the list is assumed to give error 15
        (inferred).

        Args:
            identifier: The number to blacklist, `0600000000` or `+33600000000`.
        """
        return await self._client._send(
            _operations.add_bounce(
                identifier=identifier,
            )
        )

    async def remove_bounce(
        self,
        *,
        identifier: str,
    ) -> ApiResponse[None]:
        """Remove a number from the bounces blacklist

        Removes the entry of the given number from the account's bounces blacklist.
        The answer has no JSON body (`204`, or `200` without a JSON body).

        Args:
            identifier: The mobile number, `0600000000` or `+33600000000` (see
                `PhoneNumber`). Clients send it URL-encoded (`%2B33600000000`).
        """
        return await self._client._send(
            _operations.remove_bounce(
                identifier=identifier,
            )
        )

    async def remove_bounce_by_id(
        self,
        *,
        contact_id: str,
    ) -> ApiResponse[None]:
        """Remove an entry from the bounces blacklist by its id

        Removes one entry, named by the `id` that `addBounce` or `listBounces` gave,
        from the account's bounces blacklist. The answer has no JSON body (`204`, or
        `200` without a JSON body).

        Args:
            contact_id: The `id` of the blacklist entry, as answered when it was added
                or listed.
        """
        return await self._client._send(
            _operations.remove_bounce_by_id(
                contact_id=contact_id,
            )
        )

    async def check_number(
        self,
        *,
        identifier: str,
    ) -> ApiResponse[NumberCheck]:
        """Check and normalise a mobile number

        Tells whether a number can be sent to, whether it is outside France, and
        gives it in the API's own format. Shown by the SDKs only, not by the vendor's
        pages: the route, the parameter and the answer's field names come from them; the
        values of `status` are not documented. The number is taken as typed (spaces and
        dots included), since normalising it is the point of the call.

        Args:
            identifier: The number to check, as the user typed it (for example `06 00 00
                00 00`).
        """
        return await self._client._send(
            _operations.check_number(
                identifier=identifier,
            )
        )

    async def create_list(
        self,
        *,
        name: str,
    ) -> ApiResponse[CreatedId]:
        """Create a contact list

        Creates an empty contact list and answers its `id`, which every other list
        call takes. The vendor's page posts to `/lists/` (with a trailing slash) and
        answers `200`; the SDKs post to `/lists`, taken here.

        Args:
            name: The list's name, as shown in the vendor's web interface.
        """
        return await self._client._send(
            _operations.create_list(
                name=name,
            )
        )

    async def list_lists(self) -> ApiResponse[list[ContactList]]:
        """List the account's contact lists

        Every contact list of the account (SDKs only). Only `id` and `name` are known
        fields of a list; whether the answer is paginated is not documented.
        """
        return await self._client._send(_operations.list_lists())

    async def get_list(
        self,
        *,
        list_id: str,
    ) -> ApiResponse[ContactList]:
        """Get a contact list

        One contact list (SDKs only). An unknown list gives error 60 (the HTTP
        status, 400, is inferred like that of every business error).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
        """
        return await self._client._send(
            _operations.get_list(
                list_id=list_id,
            )
        )

    async def delete_list(
        self,
        *,
        list_id: str,
    ) -> ApiResponse[None]:
        """Delete a contact list

        Deletes a contact list and its contacts (SDKs only; whether campaigns that
        used the list keep their recipients is not documented). The answer has no JSON
        body (`204`, or `200` without a JSON body).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
        """
        return await self._client._send(
            _operations.delete_list(
                list_id=list_id,
            )
        )

    async def add_contact(
        self,
        *,
        list_id: str,
        identifier: str,
        attributes: dict[str, str | float] | None = None,
    ) -> ApiResponse[CreatedId]:
        """Add a contact to a contact list

        Adds one contact (a mobile number, with values for the list's custom fields)
        to a list and answers the contact's `id`. The vendor's page shows this route
        with `identifier` only and a `200` answer; `attributes` comes from its "with
        custom columns" variant and the SDKs. A number already in the list is assumed to
        give error 15, an unknown list error 60 (inferred).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
            identifier: The contact's mobile number, `0600000000` or `+33600000000`.
            attributes: Optional values for the list's custom fields, by field name (see
                `createListField`).
        """
        return await self._client._send(
            _operations.add_contact(
                list_id=list_id,
                identifier=identifier,
                attributes=attributes,
            )
        )

    async def list_contacts(
        self,
        *,
        list_id: str,
    ) -> ApiResponse[list[Contact]]:
        """List the contacts of a contact list

        Every contact of a list, with its custom field values (SDKs only; whether the
        answer is paginated is not documented).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
        """
        return await self._client._send(
            _operations.list_contacts(
                list_id=list_id,
            )
        )

    async def delete_contact(
        self,
        *,
        list_id: str,
        contact_id: str,
    ) -> ApiResponse[None]:
        """Remove a contact from a contact list

        Removes one contact, named by the `id` that `addContact` or `listContacts`
        gave, from a list (SDKs only). The answer has no JSON body (`204`, or `200`
        without a JSON body).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
            contact_id: The `id` of the contact, as answered by `addContact` or
                `listContacts`.
        """
        return await self._client._send(
            _operations.delete_contact(
                list_id=list_id,
                contact_id=contact_id,
            )
        )

    async def create_list_field(
        self,
        *,
        list_id: str,
        name: str,
        type_: FieldType | Literal["STRING", "DATE", "NUMBER"],
        format: DateFormat | Literal["dd/MM/yyyy", "dd/MM", "MM/yyyy"] | None = None,
    ) -> ApiResponse[ListField]:
        """Add a custom field to a contact list

        Adds a custom field (a column such as a first name or a birthday) to a list;
        its values are then given in the contacts' `attributes`. The vendor's page shows
        the option; the field's shape (`name`, `type`, `format`) and the date formats
        come from the Java SDK, which checks that a `DATE` field has a `format`. The
        answer is assumed to be the field as stored (the Java SDK reads it so), `id`
        included (inferred).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
            name: The field's name, the key of its values in a contact's `attributes`.
            type_: The kind of values the field holds.
            format: How the field's dates are written; required for a `DATE` field.
        """
        return await self._client._send(
            _operations.create_list_field(
                list_id=list_id,
                name=name,
                type_=type_,
                format=format,
            )
        )

    async def list_list_fields(
        self,
        *,
        list_id: str,
    ) -> ApiResponse[list[ListField]]:
        """List the custom fields of a contact list

        Every custom field of a list (SDKs only; the Java SDK requests
        `/lists/{listId}/fields/` with a trailing slash).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
        """
        return await self._client._send(
            _operations.list_list_fields(
                list_id=list_id,
            )
        )

    async def delete_list_field(
        self,
        *,
        list_id: str,
        field_id: str,
    ) -> ApiResponse[None]:
        """Remove a custom field from a contact list

        Removes a custom field, and presumably its values, from a list (the Java SDK
        only). The answer has no JSON body (`204`, or `200` without a JSON body).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
            field_id: The `id` of the custom field, as answered by `listListFields`.
        """
        return await self._client._send(
            _operations.delete_list_field(
                list_id=list_id,
                field_id=field_id,
            )
        )

    async def import_contacts(
        self,
        *,
        list_id: str,
        body: list[NewContact],
    ) -> ApiResponse[None]:
        """Import many contacts into a contact list

        Starts an asynchronous import of many contacts into a list. The API answers
        `201` at once, without a body, with a `Location` header naming the import; the
        contacts appear in the list as it proceeds. Read the header with
        `client.with_raw_response.import_contacts(...)`. The SDKs send a JSON document
        read from a file, as is; its expected content is not published. An array of
        contacts shaped like those of `addContact` is inferred. What the `Location` URL
        answers, and how an import's progress is read, is not documented. Error 74
        (limit on posting contacts) and 18 (file too large) are the documented errors
        most likely here (inferred).

        Args:
            list_id: The `id` of the contact list, as answered by `createList`.
            body: The contacts to import, at least one, each shaped like the body of
                `addContact` (inferred).
        """
        return await self._client._send(
            _operations.import_contacts(
                list_id=list_id,
                body=body,
            )
        )

    async def create_marketing_campaign(
        self,
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
    ) -> ApiResponse[CampaignCreation]:
        """Create a marketing campaign

        Creates a marketing campaign: one message sent to a contact list, now or at a
        scheduled time, once `sendMarketingCampaign` is called. The PHP and C# SDKs post
        to `/marketing/campaigns` or `/notification/campaigns` by the campaign's kind
        (the Java SDK posts both kinds here, evidently a bug). `name`, `message` and
        `sendList` are required by every SDK. The SDKs disagree on the answer: some read
        `id`, others `campaignId`; both are declared and one is expected (inferred).

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
                single send (the `minimum` catches epoch seconds). Without it the
                campaign goes out when `send...Campaign` is called (inferred). Errors
                41, 61, 62.
            external_url: A link for the message (PHP and C# SDKs; its use is not
                documented).
            landing_page_type: The kind of landing page (PHP and C# SDKs; its values are
                not documented).
            landing_page: The landing page (PHP and C# SDKs; not documented).
            landing_page_title: The landing page's title (PHP and C# SDKs; not
                documented).
        """
        return await self._client._send(
            _operations.create_marketing_campaign(
                name=name,
                message=message,
                send_list=send_list,
                source_address=source_address,
                type_=type_,
                flash=flash,
                date=date,
                external_url=external_url,
                landing_page_type=landing_page_type,
                landing_page=landing_page,
                landing_page_title=landing_page_title,
            )
        )

    async def create_notification_campaign(
        self,
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
    ) -> ApiResponse[CampaignCreation]:
        """Create a notification campaign

        Creates a notification (transactional) campaign: the same body and answer as
        `createMarketingCampaign`, on the notification route (PHP and C# SDKs).
        Marketing content is forbidden here.

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
                single send (the `minimum` catches epoch seconds). Without it the
                campaign goes out when `send...Campaign` is called (inferred). Errors
                41, 61, 62.
            external_url: A link for the message (PHP and C# SDKs; its use is not
                documented).
            landing_page_type: The kind of landing page (PHP and C# SDKs; its values are
                not documented).
            landing_page: The landing page (PHP and C# SDKs; not documented).
            landing_page_title: The landing page's title (PHP and C# SDKs; not
                documented).
        """
        return await self._client._send(
            _operations.create_notification_campaign(
                name=name,
                message=message,
                send_list=send_list,
                source_address=source_address,
                type_=type_,
                flash=flash,
                date=date,
                external_url=external_url,
                landing_page_type=landing_page_type,
                landing_page=landing_page,
                landing_page_title=landing_page_title,
            )
        )

    async def test_marketing_campaign(
        self,
        *,
        campaign_id: str,
        identifier: str,
    ) -> ApiResponse[CreditsUsed]:
        """Send a marketing campaign's message to one test number

        Sends the campaign's message once to the given number, to check it before the
        real send; it costs credits like any send (`creditsUsed`). The route is the
        vendor's page's; the PHP SDK uses it too, while the Java and C# SDKs post to
        `/campaigns/{campaignId}/test` without the kind (not declared here). An unknown
        campaign gives error 47 (inferred).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
            identifier: The test recipient, `0600000000` or `+33600000000`.
        """
        return await self._client._send(
            _operations.test_marketing_campaign(
                campaign_id=campaign_id,
                identifier=identifier,
            )
        )

    async def test_notification_campaign(
        self,
        *,
        campaign_id: str,
        identifier: str,
    ) -> ApiResponse[CreditsUsed]:
        """Send a notification campaign's message to one test number

        The test send of a notification campaign: the marketing call on the
        notification route (the vendor's page shows the marketing one; this one is
        inferred from it and from the PHP SDK, which builds the route from the
        campaign's kind).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
            identifier: The test recipient, `0600000000` or `+33600000000`.
        """
        return await self._client._send(
            _operations.test_notification_campaign(
                campaign_id=campaign_id,
                identifier=identifier,
            )
        )

    async def send_marketing_campaign(
        self,
        *,
        campaign_id: str,
    ) -> ApiResponse[CreditsUsed]:
        """Send a marketing campaign

        Sends the campaign to its list (or schedules it, if it has a `date`) and
        answers the credits debited. Not repeated automatically after a lost answer: it
        may already have been sent. No body is sent (the vendor's page shows none; the
        Java and C# SDKs post `SEND` to `/campaigns/{campaignId}/send`, a route not
        declared here). A balance that cannot cover the send gives error 71, an unknown
        campaign error 47 (inferred).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return await self._client._send(
            _operations.send_marketing_campaign(
                campaign_id=campaign_id,
            )
        )

    async def send_notification_campaign(
        self,
        *,
        campaign_id: str,
    ) -> ApiResponse[CreditsUsed]:
        """Send a notification campaign

        Sends a notification campaign to its list: the marketing call on the
        notification route (inferred from the vendor's marketing page and the PHP SDK).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return await self._client._send(
            _operations.send_notification_campaign(
                campaign_id=campaign_id,
            )
        )

    async def list_campaigns(self) -> ApiResponse[list[Campaign]]:
        """List the account's campaigns

        Every campaign of the account, of both kinds (SDKs only; whether the answer
        is paginated is not documented).
        """
        return await self._client._send(_operations.list_campaigns())

    async def get_campaign(
        self,
        *,
        campaign_id: str,
    ) -> ApiResponse[Campaign]:
        """Get a campaign

        One campaign, as created (SDKs only; the fields come from the Java SDK's
        model). An unknown campaign gives error 47.

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return await self._client._send(
            _operations.get_campaign(
                campaign_id=campaign_id,
            )
        )

    async def get_campaign_status(
        self,
        *,
        campaign_id: str,
    ) -> ApiResponse[CampaignStatus]:
        """Get a campaign's state and delivery counts

        The campaign's state and counts: sent, submitted, delivered, undelivered,
        errors, bounces, replies, and the credits it used (the vendor's "campaign
        statistics" page).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return await self._client._send(
            _operations.get_campaign_status(
                campaign_id=campaign_id,
            )
        )

    async def list_campaign_replies(
        self,
        *,
        campaign_id: str,
    ) -> ApiResponse[list[Reply]]:
        """List the replies to a campaign

        The SMS that recipients sent back in answer to the campaign, with the same
        shape as the replies of a category (SDKs only).

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return await self._client._send(
            _operations.list_campaign_replies(
                campaign_id=campaign_id,
            )
        )

    async def get_campaign_blacklists(
        self,
        *,
        campaign_id: str,
    ) -> ApiResponse[Blacklists]:
        """Get the numbers of a campaign that unsubscribed or bounced

        The campaign's recipients that are now blacklisted: those that answered STOP
        (`unsubscribers`) and those whose number is not assigned (`bounces`), with the
        same shape as the blacklists of a category. The vendor's sample body is not
        valid JSON; the shape here is its evident reading.

        Args:
            campaign_id: The campaign's `id`, as answered by `createMarketingCampaign`
                or `createNotificationCampaign` (some SDKs read it as `campaignId`).
        """
        return await self._client._send(
            _operations.get_campaign_blacklists(
                campaign_id=campaign_id,
            )
        )
