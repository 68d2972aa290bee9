"""Refusals speak to the caller: the keyword as passed, the rule in words, nothing sent.

Run on the committed Primotexto client with a transport that fails the test if
anything is sent: every refusal must happen before a request exists.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from primotexto import (
    AsyncClient,
    Client,
    DateFormat,
    FieldType,
    NewContact,
    RequestValidationError,
)

SEND = {"number": "+33600000000", "message": "Code de confirmation: 283951"}


def refuse(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"a request was sent: {request.method} {request.url.path}")


@pytest.fixture
def client() -> Iterator[Client]:
    with (
        httpx.Client(transport=httpx.MockTransport(refuse)) as http_client,
        Client(api_key="k", base_url="http://127.0.0.1:9/v2", http_client=http_client) as client,
    ):
        yield client


def refusal(call: Any, **arguments: Any) -> RequestValidationError:
    with pytest.raises(RequestValidationError) as caught:
        call(**arguments)
    return caught.value


@pytest.mark.parametrize(
    ("arguments", "field", "rule", "problem"),
    [
        (
            {"sender": "MyCompanyName"},
            "sender",
            "pattern",
            "is 13 characters long; at most 11 characters are allowed",
        ),
        (
            {"sender": "Yo"},
            "sender",
            "pattern",
            "is 2 characters long; at least 3 characters are required",
        ),
        (
            {"sender": "123456"},
            "sender",
            "pattern",
            "must contain at least one character among A-Z, a-z",
        ),
        (
            {"sender": "My_Company"},
            "sender",
            "pattern",
            "has '_' at position 3, which is not allowed (allowed: A-Z, a-z, 0-9)",
        ),
        (
            {"message": "Ça commence bien"},
            "message",
            "pattern",
            "has 'Ç' at position 1, which is not allowed (allowed: A-Z, a-z, 0-9, space, "
            "newline and any of @£_!$\"#èé%ù&ìò()*:+;,<=ÑñÅ.>Üüå/?à|^¤{}~\\'-)",
        ),
        ({"message": ""}, "message", "pattern", "is empty; at least 1 character is required"),
        (
            {"date": 1398177000},
            "date",
            "minimum",
            "is 1398177000; it must be at least 1000000000000",
        ),
    ],
)
def test_a_send_is_refused_in_words(
    client: Client, arguments: dict[str, Any], field: str, rule: str, problem: str
) -> None:
    error = refusal(client.send_notification_message, **{**SEND, **arguments})
    assert (error.field, error.rule, error.problem) == (field, rule, problem)
    assert str(error) == f"{field}: {problem} ({rule})"


def test_a_pattern_without_plainer_words_shows_its_regex(client: Client) -> None:
    error = refusal(client.send_notification_message, **{**SEND, "number": "+3360"})
    assert (error.field, error.rule) == ("number", "pattern")
    assert error.problem.startswith("'+3360' does not match the pattern '^(?:0[0-9]{9}")


def test_the_keyword_is_named_as_passed_not_as_sent(client: Client) -> None:
    error = refusal(client.create_list_field, list_id="", name="Birthday", type_=FieldType.DATE)
    assert (error.field, error.rule) == ("list_id", "minLength")  # `listId` on the wire


def test_a_field_inside_a_model_is_named_by_its_python_path(client: Client) -> None:
    contacts = [NewContact(identifier="+33600000000"), NewContact(identifier="06")]
    error = refusal(client.import_contacts, list_id="533e9f59e4b05d2efeb6f1b4", body=contacts)
    assert (error.field, error.rule) == ("body[1].identifier", "pattern")


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"type_": "BOOLEAN"}, "type_"),
        ({"type_": FieldType.DATE, "format": "yyyy-MM-dd"}, "format"),
    ],
)
def test_a_value_outside_a_closed_enum_is_refused(
    client: Client, arguments: dict[str, Any], field: str
) -> None:
    error = refusal(
        client.create_list_field, list_id="533e9f59e4b05d2efeb6f1b4", name="Birthday", **arguments
    )
    assert (error.field, error.rule) == (field, "enum")
    values = ", ".join(repr(m.value) for m in (FieldType if field == "type_" else DateFormat))
    assert error.problem.endswith(f"; it must be one of {values}")


def test_the_async_client_refuses_alike() -> None:
    async def main() -> RequestValidationError:
        async with (
            httpx.AsyncClient(transport=httpx.MockTransport(refuse)) as http_client,
            AsyncClient(
                api_key="k", base_url="http://127.0.0.1:9/v2", http_client=http_client
            ) as c,
        ):
            with pytest.raises(RequestValidationError) as caught:
                await c.send_notification_message(**{**SEND, "sender": "MyCompanyName"})
            return caught.value

    error = asyncio.run(main())
    assert (error.field, error.rule) == ("sender", "pattern")
