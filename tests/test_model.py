"""The intermediate model built from the Primotexto spec and from small documents."""

from pathlib import Path

import pytest

from generator import ir
from generator.errors import SpecError
from generator.escape import SpecText
from generator.load import load_document, parse_document
from generator.model import build_api

from .conftest import SPEC


@pytest.fixture(scope="module")
def api() -> ir.Api:
    return build_api(load_document(SPEC), "primotexto")[0]


def test_the_notification_call(api: ir.Api) -> None:
    op = next(o for o in api.operations if o.operation_id == "sendNotificationMessage")
    assert (op.name, op.method, op.path, op.idempotent) == (
        "send_notification_message",
        "POST",
        "/notification/messages/send",
        False,
    )
    assert [(a.name, a.required) for a in op.arguments] == [
        ("number", True),
        ("message", True),
        ("sender", False),
        ("campaign_name", False),
        ("category", False),
        ("date", False),
    ]
    assert op.body is not None and op.body.flattened
    assert [f.wire_name for f in op.body.fields] == [
        "number",
        "message",
        "sender",
        "campaignName",
        "category",
        "date",
    ]
    date = op.body.fields[-1]
    assert date.type == ir.UnixTimeType("milliseconds")
    assert ir.Constraint("minimum", 1000000000000) in date.constraints
    assert op.return_type == ir.ModelType("SendResult")
    assert op.security == (("apiKeyHeader",),)


def test_the_browser_form_uses_its_own_query_key(api: ir.Api) -> None:
    op = next(o for o in api.operations if o.method == "GET")
    assert op.security == (("apiKeyQuery",),)
    assert {p.location for p in op.parameters} == {"query"}
    scheme = next(s for s in api.security_schemes if s.key == "apiKeyQuery")
    assert (scheme.location, scheme.wire_name) == ("query", "apiKey")


def test_error_codes_are_an_open_documented_enum(api: ir.Api) -> None:
    assert api.error_codes == ir.ErrorCodes("code", "code", "ErrorCode")
    enum = next(e for e in api.enums if e.name == "ErrorCode")
    assert enum.open and enum.value_type == "int"
    members = {m.value: m for m in enum.members}
    assert members[71].name == "INSUFFICIENT_CREDITS" and members[71].description


def test_base_url_env_prefix_and_credentials(api: ir.Api) -> None:
    assert api.base_url == "https://api.primotexto.com/v2"
    assert api.env_prefix == "PRIMOTEXTO"
    assert api.credentials_required


def test_spec_text_is_marked(api: ir.Api) -> None:
    assert isinstance(api.title, SpecText)
    assert all(isinstance(op.operation_id, SpecText) for op in api.operations)


def test_an_operation_without_responses_is_an_error_with_its_location() -> None:
    text = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get: {}\n"
    with pytest.raises(SpecError) as caught:
        build_api(parse_document(Path("t.yaml"), text), "t")
    problem = caught.value.problems[0]
    assert (problem.location.pointer, problem.location.line) == ("/paths/~1a/get", 5)


def test_lenient_mode_skips_and_lists_instead() -> None:
    text = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get: {}\n"
    api, problems = build_api(parse_document(Path("t.yaml"), text), "t", lenient=True)
    assert api.operations == ()
    assert any("skipped" in p.message for p in problems)


def test_a_shared_parameter_is_one_schema_and_its_problems_one_warning() -> None:
    text = """
openapi: 3.1.0
info: {title: T, version: '1'}
paths:
  /a:
    get:
      operationId: getA
      parameters: [{$ref: '#/components/parameters/Watch'}]
      responses: {'204': {description: ok}}
  /b:
    get:
      operationId: getB
      parameters: [{$ref: '#/components/parameters/Watch'}]
      responses: {'204': {description: ok}}
components:
  parameters:
    Watch:
      name: watch
      in: query
      schema: {type: boolean, uniqueItems: true}
"""
    api, problems = build_api(parse_document(Path("t.yaml"), text), "t")
    assert [(p.location.pointer, p.location.line) for p in problems] == [
        ("/components/parameters/Watch/schema/uniqueItems", 20)
    ]
    assert all(op.parameters[0].constraints == () for op in api.operations)


def test_components_that_are_no_class_become_aliases() -> None:
    text = """
openapi: 3.1.0
info: {title: T, version: '1'}
paths: {}
components:
  schemas:
    Phone: {type: string, pattern: '^[0-9]+$', description: A phone number.}
    Phones: {type: array, items: {$ref: '#/components/schemas/Phone'}}
    Pet: {type: object, properties: {name: {type: string}}}
    Pets: {$ref: '#/components/schemas/Pet'}
    Color: {type: string, enum: [red, null]}
"""
    api, _ = build_api(parse_document(Path("t.yaml"), text), "t")
    assert [(a.name, a.type) for a in api.aliases] == [
        ("Phone", ir.ScalarType("str")),
        ("Phones", ir.ArrayType(ir.ScalarType("str"))),
        ("Pets", ir.ModelType("Pet")),
    ]
    assert api.aliases[0].description == "A phone number."
    assert [m.name for m in api.models] == ["Pet"] and [e.name for e in api.enums] == ["Color"]


def test_a_broken_reference_skips_what_depends_on_it_once() -> None:
    text = """
openapi: 3.1.0
info: {title: T, version: '1'}
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}
  /b:
    get:
      operationId: getB
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {type: object, properties: {n: {type: integer}}}}}
components:
  schemas:
    A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}}}
    B: {type: object, properties: {c: {$ref: '#/components/schemas/Nowhere'}}}
"""
    document = parse_document(Path("t.yaml"), text)
    api, problems = build_api(document, "t", lenient=True)
    assert [op.name for op in api.operations] == ["get_b"]
    assert [m.name for m in api.models] == ["GetBResponse"]
    assert [(p.location.pointer, p.message) for p in problems] == [
        (
            "/components/schemas/B/properties/c/$ref",
            "$ref '#/components/schemas/Nowhere' points at nothing; "
            "skipped: operation getA, schema 'A', schema 'B'",
        )
    ]
    with pytest.raises(SpecError) as caught:
        build_api(document, "t")
    assert caught.value.problems[-1].location.pointer == "/components/schemas/B/properties/c/$ref"
