"""Request and response checks (`contract.py`), independent of any generated client."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.fixture_server.contract import (
    MAX_JSON_DEPTH,
    BodyError,
    Contract,
    Violation,
    loads_json,
    scalar_coercer,
)
from generator.fixture_server.spec import load_api

from .support import LEGACY_SPEC, MESSAGES_SPEC


@pytest.fixture(scope="module")
def contract() -> Contract:
    return Contract(load_api(MESSAGES_SPEC))


def test_scalar_coercion() -> None:
    integer = scalar_coercer(frozenset({"integer"}))
    assert integer("5") == 5 and integer("-3") == -3 and integer("5.5") == "5.5"
    number = scalar_coercer(frozenset({"number"}))
    assert number("5.5") == 5.5 and number("1e3") == 1000.0 and number("x") == "x"
    boolean = scalar_coercer(frozenset({"boolean"}))
    assert boolean("true") is True and boolean("false") is False and boolean("1") == "1"
    text = scalar_coercer(frozenset({"string", "integer"}))
    assert text("5") == "5"
    assert integer("9" * 5000) == "9" * 5000
    nullable = scalar_coercer(frozenset({"integer", "null"}))
    assert nullable("null") is None


def test_query_parameters_are_typed(contract: Contract) -> None:
    search = contract["search"]
    assert search.check_parameters({"q": ["x"], "page": ["5"]}, {}, {}, {}) == []
    found = search.check_parameters({"q": ["x"], "page": ["zero"]}, {}, {}, {})
    assert found == [Violation("query", "/page", "type", "'zero' is not of type 'integer'")]
    found = search.check_parameters({"page": ["0"]}, {}, {}, {})
    assert [(v.pointer, v.rule) for v in found] == [("/q", "required"), ("/page", "minimum")]
    # form + explode: repeated names make an array
    assert search.check_parameters({"q": ["x"], "tag": ["a", "b"]}, {}, {}, {}) == []
    assert search.check_parameters({"q": ["x"], "exact": ["true"]}, {}, {}, {}) == []
    found = search.check_parameters({"q": ["x"], "exact": ["yes"]}, {}, {}, {})
    assert [(v.pointer, v.rule) for v in found] == [("/exact", "type")]


def test_path_header_and_comma_arrays(contract: Contract) -> None:
    item = contract["getItem"]
    ok = item.check_parameters(
        {"fields": ["name,tags"]}, {"x-request-id": "abc"}, {}, {"itemId": "4"}
    )
    assert ok == []
    found = item.check_parameters(
        {"fields": ["name,colour"], "limit": ["500"]},
        {"x-request-id": "far-too-long"},
        {},
        {"itemId": "0"},
    )
    assert sorted((v.location, v.pointer, v.rule) for v in found) == [
        ("header", "/X-Request-Id", "maxLength"),
        ("path", "/itemId", "minimum"),
        ("query", "/fields/1", "enum"),
        ("query", "/limit", "maximum"),
    ]


def test_json_bodies(contract: Contract) -> None:
    send = contract["sendMessage"]
    check = send.body_check("application/json; charset=utf-8", True)
    assert check is not None
    body = check.parse(b'{"number": "+33600000000", "message": "hi"}')
    assert check.check(body) == []
    wrong = check.check({"number": "33", "message": "", "date": 1.5})
    assert sorted((v.pointer, v.rule) for v in wrong) == [
        ("/date", "type"),
        ("/message", "minLength"),
        ("/number", "pattern"),
    ]
    missing = check.check({"identifier": "+33600000000", "message": "hi"})
    assert missing == [Violation("body", "/number", "required", "'number' is a required property")]


@pytest.mark.parametrize(
    ("content_type", "present", "status", "rule"),
    [
        ("text/plain", True, 415, "content-type"),
        (None, True, 415, "content-type"),
        (None, False, 400, "required"),
    ],
)
def test_body_errors(
    contract: Contract, content_type: str | None, present: bool, status: int, rule: str
) -> None:
    with pytest.raises(BodyError) as caught:
        contract["sendMessage"].body_check(content_type, present)
    assert caught.value.status == status
    assert caught.value.violation.rule == rule


def test_malformed_json_and_nesting(contract: Contract) -> None:
    check = contract["sendMessage"].body_check("application/json", True)
    assert check is not None
    for raw in (b"{", b"\xff\xfe{", b'{"a": NaN}', b"[" * 100_000, b"[" * (MAX_JSON_DEPTH + 1)):
        with pytest.raises(BodyError) as caught:
            check.parse(raw)
        assert caught.value.status == 400
        assert caught.value.violation.rule == "json"
    assert loads_json(b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH) is not None


def test_form_bodies_are_coerced(contract: Contract) -> None:
    check = contract["submitForm"].body_check("application/x-www-form-urlencoded", True)
    assert check is not None
    value = check.parse(b"name=Ada&count=3")
    assert value == {"name": "Ada", "count": 3}
    assert check.check(value) == []
    assert [v.rule for v in check.check(check.parse(b"count=x"))] == ["required", "type"]


def test_responses(contract: Contract) -> None:
    send = contract["sendMessage"]
    ok = {"creditsUsed": 1.0, "snapshotId": "1"}
    assert send.check_response(200, {"content-type": "application/json"}, ok, True) == []
    found = send.check_response(
        200, {"content-type": "application/json"}, {"creditsUsed": "1", "snapshotId": "1"}, True
    )
    assert found == [
        Violation("response", "/body/creditsUsed", "type", "'1' is not of type 'number'")
    ]
    # undeclared status falls back to `default`; the open anyOf accepts any integer code
    assert (
        send.check_response(503, {"content-type": "application/json"}, {"code": 1000}, True) == []
    )
    found = send.check_response(400, {"content-type": "application/json"}, {"code": "11"}, True)
    assert found[0].rule == "anyOf" and "closest" in found[0].message
    found = send.check_response(200, {"content-type": "text/html"}, "<p>", True)
    assert found[0].pointer == "/headers/Content-Type"
    item = contract["getItem"]
    found = item.check_response(
        200, {"content-type": "application/json"}, {"id": 1, "name": "x"}, True
    )
    assert found == [
        Violation(
            "response",
            "/headers/X-Rate-Remaining",
            "required",
            "required header header 'X-Rate-Remaining' is missing",
        )
    ]
    found = item.check_response(201, {}, None, False)
    assert found[0].pointer == "/status" and found[0].rule == "responses"
    assert (
        contract["submitForm"].check_response(202, {"content-type": "text/plain"}, "ok", True) == []
    )


def test_type_arrays_and_nullable() -> None:
    contract31 = Contract(load_api(MESSAGES_SPEC))
    item = contract31["getItem"]
    body = {"id": 1, "name": "x", "note": None}
    assert item.check_response(200, {"x-rate-remaining": "1"}, body, True) == []
    body["note"] = 3
    assert (
        item.check_response(200, {"x-rate-remaining": "1"}, body, True)[0].pointer == "/body/note"
    )

    contract30 = Contract(load_api(LEGACY_SPEC))
    create = contract30["createPet"]
    check = create.body_check("application/json", True)
    assert check is not None
    assert check.check({"name": "Rex", "tag": None, "owner": None}) == []
    found = check.check({"name": None})
    assert found == [
        Violation("body", "/name", "type", "None is not of type 'string' (not nullable)")
    ]
    # readOnly properties are refused in requests, required in responses
    assert [v.rule for v in check.check({"name": "Rex", "id": 1})] == ["readOnly"]
    found = create.check_response(201, {"content-type": "application/json"}, {"name": "Rex"}, True)
    assert [v.pointer for v in found] == ["/body/id"]
    # int64 above 2**53 is fine
    big = {"id": 2**63 - 1, "name": "Rex"}
    assert create.check_response(201, {"content-type": "application/json"}, big, True) == []


def _contract(tmp_path: Path, version: str, schemas: str) -> Contract:
    spec = tmp_path / "inline.yaml"
    spec.write_text(
        f"openapi: {version}\ninfo: {{title: t, version: '1'}}\npaths: {{}}\n"
        "components:\n  schemas:\n" + schemas,
        encoding="utf-8",
    )
    return Contract(load_api(spec))


def _check(contract: Contract, name: str, value: object) -> list[tuple[str, str]]:
    check = contract.compiler.compile(f"/components/schemas/{name}")
    return [(v.pointer, v.rule) for v in check.check(value, "body")]


def test_recursive_references(tmp_path: Path) -> None:
    contract = _contract(
        tmp_path,
        "3.1.0",
        "    Node:\n"
        "      type: object\n"
        "      required: [name]\n"
        "      properties:\n"
        "        name: {type: string}\n"
        "        children: {type: array, items: {$ref: '#/components/schemas/Node'}}\n",
    )
    tree = {"name": "a", "children": [{"name": "b", "children": [{"name": "c"}]}]}
    assert _check(contract, "Node", tree) == []
    tree["children"][0]["children"][0]["name"] = 3  # type: ignore[index]
    assert _check(contract, "Node", tree) == [("/children/0/children/0/name", "type")]


def test_reference_siblings_apply_in_3_1(tmp_path: Path) -> None:
    contract = _contract(
        tmp_path,
        "3.1.0",
        "    Code: {type: string, pattern: '^[A-Z]+$'}\n"
        "    Short: {$ref: '#/components/schemas/Code', maxLength: 3, description: d}\n",
    )
    assert _check(contract, "Short", "ABC") == []
    assert _check(contract, "Short", "ABCD") == [("", "maxLength")]
    assert _check(contract, "Short", "abc") == [("", "pattern")]


def test_nullable_reference_and_discriminator_in_3_0(tmp_path: Path) -> None:
    contract = _contract(
        tmp_path,
        "3.0.3",
        "    Cat: {type: object, required: [kind], properties: {kind: {type: string}}}\n"
        "    Dog: {type: object, required: [kind, bark], properties: {kind: {type: string},\n"
        "          bark: {type: boolean}}}\n"
        "    MaybeCat: {$ref: '#/components/schemas/Cat', nullable: true}\n"
        "    Pet:\n"
        "      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]\n"
        "      discriminator: {propertyName: kind, mapping: {cat: '#/components/schemas/Cat',\n"
        "                      dog: '#/components/schemas/Dog'}}\n",
    )
    assert _check(contract, "MaybeCat", None) == []
    assert _check(contract, "MaybeCat", {"kind": "cat"}) == []
    assert _check(contract, "MaybeCat", {}) == [("/kind", "required")]
    assert _check(contract, "Pet", {"kind": "cat"}) == []
    assert _check(contract, "Pet", {"kind": "dog", "bark": True}) == []
    assert _check(contract, "Pet", {"kind": "dog"}) == [("/bark", "required")]
