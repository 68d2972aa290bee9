"""`Client` (blocking) and `AsyncClient` (asyncio) for the Primotexto SMS API.

Each operation method is the builder of the same name in `_operations`
(its signature, checks and documentation), sent by the client it is called
on. `client.with_raw_response.<operation>(...)` returns the status, headers
and body beside the parsed result; `client.with_options(...)` changes the
timeout or retries for some calls.
"""

from __future__ import annotations

import asyncio
import functools
import time
from collections.abc import Callable, Coroutine
from types import TracebackType
from typing import Any, Concatenate, ParamSpec, TypeVar

import httpx

from . import _operations
from ._base_client import BaseClient, _BodyCutShort
from ._types import ApiResponse, Request

P = ParamSpec("P")
T = TypeVar("T")


def _sync(builder: Callable[P, Request[T]]) -> Callable[Concatenate[Client, P], T]:
    """A `Client` method: send what `builder` prepares, return the parsed result."""

    @functools.wraps(builder)
    def method(self: Client, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return self._send(builder(*args, **kwargs)).parsed

    return method


def _async(
    builder: Callable[P, Request[T]],
) -> Callable[Concatenate[AsyncClient, P], Coroutine[Any, Any, T]]:
    """An `AsyncClient` method: send what `builder` prepares, return the parsed result."""

    @functools.wraps(builder)
    async def method(self: AsyncClient, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return (await self._send(builder(*args, **kwargs))).parsed

    return method


def _sync_raw(
    builder: Callable[P, Request[T]],
) -> Callable[Concatenate[RawResponseClient, P], ApiResponse[T]]:
    @functools.wraps(builder)
    def method(self: RawResponseClient, /, *args: P.args, **kwargs: P.kwargs) -> ApiResponse[T]:
        return self._client._send(builder(*args, **kwargs))

    return method


def _async_raw(
    builder: Callable[P, Request[T]],
) -> Callable[Concatenate[AsyncRawResponseClient, P], Coroutine[Any, Any, ApiResponse[T]]]:
    @functools.wraps(builder)
    async def method(
        self: AsyncRawResponseClient, /, *args: P.args, **kwargs: P.kwargs
    ) -> ApiResponse[T]:
        return await self._client._send(builder(*args, **kwargs))

    return method


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

    send_notification_message = _sync(_operations.send_notification_message)
    send_notification_message_with_query_key = _sync(
        _operations.send_notification_message_with_query_key
    )
    send_marketing_message = _sync(_operations.send_marketing_message)
    get_message_status = _sync(_operations.get_message_status)
    get_message_stats = _sync(_operations.get_message_stats)
    list_message_replies = _sync(_operations.list_message_replies)
    get_message_blacklists = _sync(_operations.get_message_blacklists)
    get_account_stats = _sync(_operations.get_account_stats)
    list_unsubscribers = _sync(_operations.list_unsubscribers)
    add_unsubscriber = _sync(_operations.add_unsubscriber)
    remove_unsubscriber = _sync(_operations.remove_unsubscriber)
    remove_unsubscriber_by_id = _sync(_operations.remove_unsubscriber_by_id)
    list_bounces = _sync(_operations.list_bounces)
    add_bounce = _sync(_operations.add_bounce)
    remove_bounce = _sync(_operations.remove_bounce)
    remove_bounce_by_id = _sync(_operations.remove_bounce_by_id)
    check_number = _sync(_operations.check_number)
    create_list = _sync(_operations.create_list)
    list_lists = _sync(_operations.list_lists)
    get_list = _sync(_operations.get_list)
    delete_list = _sync(_operations.delete_list)
    add_contact = _sync(_operations.add_contact)
    list_contacts = _sync(_operations.list_contacts)
    delete_contact = _sync(_operations.delete_contact)
    create_list_field = _sync(_operations.create_list_field)
    list_list_fields = _sync(_operations.list_list_fields)
    delete_list_field = _sync(_operations.delete_list_field)
    import_contacts = _sync(_operations.import_contacts)
    create_marketing_campaign = _sync(_operations.create_marketing_campaign)
    create_notification_campaign = _sync(_operations.create_notification_campaign)
    test_marketing_campaign = _sync(_operations.test_marketing_campaign)
    test_notification_campaign = _sync(_operations.test_notification_campaign)
    send_marketing_campaign = _sync(_operations.send_marketing_campaign)
    send_notification_campaign = _sync(_operations.send_notification_campaign)
    list_campaigns = _sync(_operations.list_campaigns)
    get_campaign = _sync(_operations.get_campaign)
    get_campaign_status = _sync(_operations.get_campaign_status)
    list_campaign_replies = _sync(_operations.list_campaign_replies)
    get_campaign_blacklists = _sync(_operations.get_campaign_blacklists)


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

    send_notification_message = _async(_operations.send_notification_message)
    send_notification_message_with_query_key = _async(
        _operations.send_notification_message_with_query_key
    )
    send_marketing_message = _async(_operations.send_marketing_message)
    get_message_status = _async(_operations.get_message_status)
    get_message_stats = _async(_operations.get_message_stats)
    list_message_replies = _async(_operations.list_message_replies)
    get_message_blacklists = _async(_operations.get_message_blacklists)
    get_account_stats = _async(_operations.get_account_stats)
    list_unsubscribers = _async(_operations.list_unsubscribers)
    add_unsubscriber = _async(_operations.add_unsubscriber)
    remove_unsubscriber = _async(_operations.remove_unsubscriber)
    remove_unsubscriber_by_id = _async(_operations.remove_unsubscriber_by_id)
    list_bounces = _async(_operations.list_bounces)
    add_bounce = _async(_operations.add_bounce)
    remove_bounce = _async(_operations.remove_bounce)
    remove_bounce_by_id = _async(_operations.remove_bounce_by_id)
    check_number = _async(_operations.check_number)
    create_list = _async(_operations.create_list)
    list_lists = _async(_operations.list_lists)
    get_list = _async(_operations.get_list)
    delete_list = _async(_operations.delete_list)
    add_contact = _async(_operations.add_contact)
    list_contacts = _async(_operations.list_contacts)
    delete_contact = _async(_operations.delete_contact)
    create_list_field = _async(_operations.create_list_field)
    list_list_fields = _async(_operations.list_list_fields)
    delete_list_field = _async(_operations.delete_list_field)
    import_contacts = _async(_operations.import_contacts)
    create_marketing_campaign = _async(_operations.create_marketing_campaign)
    create_notification_campaign = _async(_operations.create_notification_campaign)
    test_marketing_campaign = _async(_operations.test_marketing_campaign)
    test_notification_campaign = _async(_operations.test_notification_campaign)
    send_marketing_campaign = _async(_operations.send_marketing_campaign)
    send_notification_campaign = _async(_operations.send_notification_campaign)
    list_campaigns = _async(_operations.list_campaigns)
    get_campaign = _async(_operations.get_campaign)
    get_campaign_status = _async(_operations.get_campaign_status)
    list_campaign_replies = _async(_operations.list_campaign_replies)
    get_campaign_blacklists = _async(_operations.get_campaign_blacklists)


class RawResponseClient:
    """`Client.with_raw_response`: each operation returns an `ApiResponse`."""

    def __init__(self, client: Client) -> None:
        self._client = client

    send_notification_message = _sync_raw(_operations.send_notification_message)
    send_notification_message_with_query_key = _sync_raw(
        _operations.send_notification_message_with_query_key
    )
    send_marketing_message = _sync_raw(_operations.send_marketing_message)
    get_message_status = _sync_raw(_operations.get_message_status)
    get_message_stats = _sync_raw(_operations.get_message_stats)
    list_message_replies = _sync_raw(_operations.list_message_replies)
    get_message_blacklists = _sync_raw(_operations.get_message_blacklists)
    get_account_stats = _sync_raw(_operations.get_account_stats)
    list_unsubscribers = _sync_raw(_operations.list_unsubscribers)
    add_unsubscriber = _sync_raw(_operations.add_unsubscriber)
    remove_unsubscriber = _sync_raw(_operations.remove_unsubscriber)
    remove_unsubscriber_by_id = _sync_raw(_operations.remove_unsubscriber_by_id)
    list_bounces = _sync_raw(_operations.list_bounces)
    add_bounce = _sync_raw(_operations.add_bounce)
    remove_bounce = _sync_raw(_operations.remove_bounce)
    remove_bounce_by_id = _sync_raw(_operations.remove_bounce_by_id)
    check_number = _sync_raw(_operations.check_number)
    create_list = _sync_raw(_operations.create_list)
    list_lists = _sync_raw(_operations.list_lists)
    get_list = _sync_raw(_operations.get_list)
    delete_list = _sync_raw(_operations.delete_list)
    add_contact = _sync_raw(_operations.add_contact)
    list_contacts = _sync_raw(_operations.list_contacts)
    delete_contact = _sync_raw(_operations.delete_contact)
    create_list_field = _sync_raw(_operations.create_list_field)
    list_list_fields = _sync_raw(_operations.list_list_fields)
    delete_list_field = _sync_raw(_operations.delete_list_field)
    import_contacts = _sync_raw(_operations.import_contacts)
    create_marketing_campaign = _sync_raw(_operations.create_marketing_campaign)
    create_notification_campaign = _sync_raw(_operations.create_notification_campaign)
    test_marketing_campaign = _sync_raw(_operations.test_marketing_campaign)
    test_notification_campaign = _sync_raw(_operations.test_notification_campaign)
    send_marketing_campaign = _sync_raw(_operations.send_marketing_campaign)
    send_notification_campaign = _sync_raw(_operations.send_notification_campaign)
    list_campaigns = _sync_raw(_operations.list_campaigns)
    get_campaign = _sync_raw(_operations.get_campaign)
    get_campaign_status = _sync_raw(_operations.get_campaign_status)
    list_campaign_replies = _sync_raw(_operations.list_campaign_replies)
    get_campaign_blacklists = _sync_raw(_operations.get_campaign_blacklists)


class AsyncRawResponseClient:
    """`AsyncClient.with_raw_response`: each operation returns an `ApiResponse`."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    send_notification_message = _async_raw(_operations.send_notification_message)
    send_notification_message_with_query_key = _async_raw(
        _operations.send_notification_message_with_query_key
    )
    send_marketing_message = _async_raw(_operations.send_marketing_message)
    get_message_status = _async_raw(_operations.get_message_status)
    get_message_stats = _async_raw(_operations.get_message_stats)
    list_message_replies = _async_raw(_operations.list_message_replies)
    get_message_blacklists = _async_raw(_operations.get_message_blacklists)
    get_account_stats = _async_raw(_operations.get_account_stats)
    list_unsubscribers = _async_raw(_operations.list_unsubscribers)
    add_unsubscriber = _async_raw(_operations.add_unsubscriber)
    remove_unsubscriber = _async_raw(_operations.remove_unsubscriber)
    remove_unsubscriber_by_id = _async_raw(_operations.remove_unsubscriber_by_id)
    list_bounces = _async_raw(_operations.list_bounces)
    add_bounce = _async_raw(_operations.add_bounce)
    remove_bounce = _async_raw(_operations.remove_bounce)
    remove_bounce_by_id = _async_raw(_operations.remove_bounce_by_id)
    check_number = _async_raw(_operations.check_number)
    create_list = _async_raw(_operations.create_list)
    list_lists = _async_raw(_operations.list_lists)
    get_list = _async_raw(_operations.get_list)
    delete_list = _async_raw(_operations.delete_list)
    add_contact = _async_raw(_operations.add_contact)
    list_contacts = _async_raw(_operations.list_contacts)
    delete_contact = _async_raw(_operations.delete_contact)
    create_list_field = _async_raw(_operations.create_list_field)
    list_list_fields = _async_raw(_operations.list_list_fields)
    delete_list_field = _async_raw(_operations.delete_list_field)
    import_contacts = _async_raw(_operations.import_contacts)
    create_marketing_campaign = _async_raw(_operations.create_marketing_campaign)
    create_notification_campaign = _async_raw(_operations.create_notification_campaign)
    test_marketing_campaign = _async_raw(_operations.test_marketing_campaign)
    test_notification_campaign = _async_raw(_operations.test_notification_campaign)
    send_marketing_campaign = _async_raw(_operations.send_marketing_campaign)
    send_notification_campaign = _async_raw(_operations.send_notification_campaign)
    list_campaigns = _async_raw(_operations.list_campaigns)
    get_campaign = _async_raw(_operations.get_campaign)
    get_campaign_status = _async_raw(_operations.get_campaign_status)
    list_campaign_replies = _async_raw(_operations.list_campaign_replies)
    get_campaign_blacklists = _async_raw(_operations.get_campaign_blacklists)
