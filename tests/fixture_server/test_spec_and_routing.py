"""The document model (`spec.py`) and routing (`routing.py`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import SpecError
from generator.fixture_server.contract import Contract
from generator.fixture_server.routing import Router
from generator.fixture_server.spec import load_api

from .support import LEGACY_SPEC, MESSAGES_SPEC, SHARED_SPECS


def test_operations_security_and_base_path() -> None:
    api = load_api(MESSAGES_SPEC)
    assert api.version == "3.1"
    assert api.server_url == "https://api.example.test/v2"
    assert api.base_path == "/v2"
    send = api.operation("sendMessage")
    assert send is not None and send.method == "POST" and send.path == "/messages/send"
    assert [[s.key for s in alt] for alt in send.security] == [["apiKey"]]
    assert send.credential_names["header"] == frozenset({"x-api-key"})
    by_query = api.operation("sendMessageByQuery")
    assert by_query is not None and by_query.credential_names["query"] == frozenset({"apiKey"})
    search = api.operation("search")
    assert search is not None and search.security == ()
    item = api.operation("getItem")
    assert item is not None
    # Path-level parameters are merged into the operation's.
    assert {p.name for p in item.parameters} == {"itemId", "fields", "limit", "X-Request-Id"}


def test_server_variables_are_substituted() -> None:
    api = load_api(LEGACY_SPEC)
    assert api.version == "3.0"
    assert api.server_url == "http://legacy.example.test/api"
    assert api.base_path == "/api"


def test_problems_name_the_place(tmp_path: Path) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text(
        "openapi: 3.1.0\n"
        "info: {title: t, version: '1'}\n"
        "paths:\n"
        "  /a/{id}:\n"
        "    get:\n"
        "      security: [{nope: []}]\n"
        "      responses: {'200': {description: ok}}\n",
        encoding="utf-8",
    )
    with pytest.raises(SpecError) as caught:
        load_api(spec)
    text = str(caught.value)
    assert "path parameter 'id'" in text
    assert "unknown security scheme 'nope'" in text
    assert f"{spec}:6:" in text


def test_invalid_pattern_is_refused_at_start(tmp_path: Path) -> None:
    spec = tmp_path / "pattern.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
        "components:\n  schemas:\n    A: {type: string, pattern: '(unclosed'}\n",
        encoding="utf-8",
    )
    with pytest.raises(SpecError) as caught:
        Contract(load_api(spec))
    assert "/components/schemas/A/pattern" in str(caught.value)


@pytest.mark.parametrize(
    "name",
    [
        "petstore3.yaml",
        "vonage_sms.yaml",
        "bulksms.json",
        "feature-matrix-3.0.json",
        "feature-matrix-3.1.yaml",
        "twilio_api_v2010.json",
    ],
)
def test_real_documents_compile(name: str) -> None:
    path = SHARED_SPECS / name
    if not path.exists():
        pytest.skip(f"{name} is not available here")
    api = load_api(path)
    contract = Contract(api)
    assert len(contract.operations) == len(api.operations) > 0


def test_routing_prefers_concrete_paths() -> None:
    api = load_api(MESSAGES_SPEC)
    router = Router(api.operations)
    route = router.resolve("GET", "/items/42")
    assert route.operation is not None and route.operation.operation_id == "getItem"
    assert route.path_parameters == {"itemId": "42"}
    assert router.resolve("GET", "/items/a%20b").path_parameters == {"itemId": "a b"}
    assert router.resolve("GET", "/nowhere").operation is None
    assert router.resolve("GET", "/nowhere").allowed == ()
    wrong = router.resolve("PUT", "/items/1")
    assert wrong.operation is None and wrong.allowed == ("DELETE", "GET")
    assert router.resolve("GET", "/items/").operation is None
    assert router.resolve("GET", "/items/1/extra").operation is None


def test_routing_literal_beats_template() -> None:
    api = load_api(MESSAGES_SPEC)
    from dataclasses import replace

    send = api.operation("sendMessageByQuery")
    item = api.operation("getItem")
    assert send is not None and item is not None
    literal = replace(send, path="/items/latest", operation_id="latest")
    router = Router([item, literal])
    found = router.resolve("GET", "/items/latest").operation
    assert found is not None and found.operation_id == "latest"
