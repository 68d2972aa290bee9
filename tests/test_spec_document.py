"""Checks on the hand-written Primotexto document, `spec/openapi.yaml`.

The document is read with the generator's own loader, so these tests see exactly the data the
generator sees. Examples are found by walking the whole document, not from a list kept here.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from generator.load import load_document

SPEC_PATH = Path(__file__).resolve().parents[1] / "spec" / "openapi.yaml"
DOCUMENT_URI = "urn:primotexto:openapi"
SEND_PATH = "/notification/messages/send"

# The allowed characters exactly as the vendor prints them (it ends with a backslash and an
# apostrophe; "é" appears twice in the original).
VENDOR_CHARACTERS = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    "@£_!$\"#èé%ù&ìò()*:+;,<-=ÑñÅ.>Üüåé/?à|^¤{}~\\'"
)
VENDOR_REQUEST = {
    "number": "+33600000000",
    "message": "Code de confirmation: 283951",
    "sender": "YourCompany",
    "campaignName": "Code de confirmation",
    "category": "codeConfirmation",
    "date": 1398177000000,
}

# Schema keywords whose values are subschemas (JSON Schema 2020-12).
_SCHEMA_MAP_KEYWORDS = ("properties", "patternProperties", "$defs", "dependentSchemas")
_SCHEMA_LIST_KEYWORDS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_KEYWORDS = (
    "items",
    "not",
    "additionalProperties",
    "contains",
    "if",
    "then",
    "else",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
    "contentSchema",
)


@dataclass(frozen=True)
class Example:
    """One example value and the schema it must satisfy, both as JSON pointers."""

    pointer: str
    value: Any
    schema_pointer: str


def _token(key: str | int) -> str:
    return str(key).replace("~", "~0").replace("/", "~1")


def _resolve(data: dict[str, Any], ref: str) -> Any:
    if not ref.startswith("#/"):
        raise AssertionError(f"only local references are expected, got {ref!r}")
    node: Any = data
    for token in ref[2:].split("/"):
        key = token.replace("~1", "/").replace("~0", "~")
        node = node[int(key)] if isinstance(node, list) else node[key]
    return node


def _schema_examples(schema: Any, pointer: str) -> Iterator[Example]:
    """Examples inside a schema and all its subschemas."""
    if not isinstance(schema, dict):
        return
    if "example" in schema:
        yield Example(f"{pointer}/example", schema["example"], pointer)
    for index, value in enumerate(schema.get("examples", [])):
        yield Example(f"{pointer}/examples/{index}", value, pointer)
    for keyword in _SCHEMA_MAP_KEYWORDS:
        for name, sub in schema.get(keyword, {}).items():
            yield from _schema_examples(sub, f"{pointer}/{keyword}/{_token(name)}")
    for keyword in _SCHEMA_LIST_KEYWORDS:
        for index, sub in enumerate(schema.get(keyword, [])):
            yield from _schema_examples(sub, f"{pointer}/{keyword}/{index}")
    for keyword in _SCHEMA_KEYWORDS:
        if keyword in schema:
            yield from _schema_examples(schema[keyword], f"{pointer}/{keyword}")


def _carrier_examples(
    data: dict[str, Any], node: dict[str, Any], pointer: str
) -> Iterator[Example]:
    """Examples of an object that has a `schema` (media type, parameter, header)."""
    schema_pointer = f"{pointer}/schema"
    if "example" in node:
        yield Example(f"{pointer}/example", node["example"], schema_pointer)
    for name, entry in node.get("examples", {}).items():
        where = f"{pointer}/examples/{_token(name)}"
        if "$ref" in entry:
            where, entry = entry["$ref"], _resolve(data, entry["$ref"])
        if "value" in entry:
            yield Example(f"{where}/value", entry["value"], schema_pointer)


def find_examples(data: dict[str, Any]) -> list[Example]:
    """Every example in the document, with the pointer of the schema it belongs to."""
    found: list[Example] = []

    def walk(node: Any, pointer: str) -> None:
        if isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, f"{pointer}/{index}")
            return
        if not isinstance(node, dict):
            return
        if isinstance(node.get("schema"), dict):
            found.extend(_carrier_examples(data, node, pointer))
            found.extend(_schema_examples(node["schema"], f"{pointer}/schema"))
        for key, value in node.items():
            child = f"{pointer}/{_token(key)}"
            if pointer == "/components" and key == "schemas":
                for name, schema in value.items():
                    found.extend(_schema_examples(schema, f"{child}/{_token(name)}"))
            elif key in ("schema", "example", "examples") or key.startswith("x-"):
                continue  # schemas are walked above; examples and extensions are data
            else:
                walk(value, child)

    walk(data, "")
    return found


FORMAT_CHECKER = FormatChecker()


def _integer_in(bits: int, instance: object) -> bool:
    if not isinstance(instance, int) or isinstance(instance, bool):
        return True
    return -(2 ** (bits - 1)) <= instance < 2 ** (bits - 1)


@FORMAT_CHECKER.checks("int32")
def _is_int32(instance: object) -> bool:
    return _integer_in(32, instance)


@FORMAT_CHECKER.checks("int64")
def _is_int64(instance: object) -> bool:
    return _integer_in(64, instance)


def example_problems(data: dict[str, Any]) -> list[str]:
    """A line per example that does not validate against its schema."""
    registry = Registry().with_resource(DOCUMENT_URI, DRAFT202012.create_resource(data))
    problems = []
    for example in find_examples(data):
        target = {"$ref": f"{DOCUMENT_URI}#{quote(example.schema_pointer, safe='/~')}"}
        validator = Draft202012Validator(target, registry=registry, format_checker=FORMAT_CHECKER)
        for error in validator.iter_errors(example.value):
            problems.append(f"{example.pointer}: {error.message}")
    return problems


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return load_document(SPEC_PATH).data


@pytest.fixture(scope="module")
def schemas(data: dict[str, Any]) -> dict[str, Any]:
    return data["components"]["schemas"]


def _operations(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    methods = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
    for path, item in data["paths"].items():
        for method in methods:
            if method in item:
                yield f"{method.upper()} {path}", item[method]


# --- the document as a whole ------------------------------------------------------------------


def test_document_is_valid_openapi_3_1(data: dict[str, Any]) -> None:
    assert data["openapi"] == "3.1.0"
    validate(data, cls=OpenAPIV31SpecValidator)


def test_every_operation_declares_400_401_and_default(data: dict[str, Any]) -> None:
    for name, operation in _operations(data):
        assert {"400", "401", "default"} <= set(operation["responses"]), name


def test_query_key_form_uses_only_the_query_key(data: dict[str, Any]) -> None:
    assert data["security"] == [{"apiKeyHeader": []}]
    post = data["paths"][SEND_PATH]["post"]
    get = data["paths"][SEND_PATH]["get"]
    assert "security" not in post
    assert get["security"] == [{"apiKeyQuery": []}]
    schemes = data["components"]["securitySchemes"]
    header = {"type": "apiKey", "in": "header", "name": "X-Primotexto-ApiKey"}
    query = {"type": "apiKey", "in": "query", "name": "apiKey"}
    assert schemes["apiKeyHeader"].items() >= header.items()
    assert schemes["apiKeyQuery"].items() >= query.items()


def test_form_and_body_share_their_constraints(data: dict[str, Any]) -> None:
    properties = data["components"]["schemas"]["NotificationMessage"]["properties"]
    parameters = {p["name"]: p for p in data["paths"][SEND_PATH]["get"]["parameters"]}
    pairs = (("identifier", "number"), ("message", "message"), ("sender", "sender"))
    for parameter, field in pairs:
        assert parameters[parameter]["schema"]["$ref"] == properties[field]["$ref"]
        assert properties[field]["description"].strip()


# --- examples -----------------------------------------------------------------------------


def test_walker_finds_the_examples(data: dict[str, Any]) -> None:
    examples = find_examples(data)
    pointers = {example.pointer for example in examples}
    request = f"/paths/{_token(SEND_PATH)}/post/requestBody/content/application~1json/example"
    assert request in pointers
    assert next(e.value for e in examples if e.pointer == request) == VENDOR_REQUEST
    assert "/components/schemas/NotificationMessage/properties/date/examples/0" in pointers
    assert f"/paths/{_token(SEND_PATH)}/get/parameters/0/example" in pointers
    assert "/components/responses/Unauthorized/content/application~1json/example" in pointers
    assert len(examples) >= 15


def test_every_example_matches_its_schema(data: dict[str, Any]) -> None:
    assert example_problems(data) == []


REQUEST_EXAMPLE = f"/paths/{_token(SEND_PATH)}/post/requestBody/content/application~1json/example"
RESULT_EXAMPLE = "/components/responses/SendAccepted/content/application~1json/example"
ERROR_EXAMPLE = "/components/responses/BadRequest/content/application~1json/example"


@pytest.mark.parametrize(
    ("pointer", "key", "bad_value"),
    [
        (REQUEST_EXAMPLE, "date", 1398177000),  # epoch seconds: the minimum must catch it
        (REQUEST_EXAMPLE, "message", "Prix: 10€"),
        (REQUEST_EXAMPLE, "number", "06 00 00 00 00"),
        (RESULT_EXAMPLE, "snapshotId", 386479),
        ("/components/schemas/SendResult/examples/0", "creditsUsed", "1.0"),
        (ERROR_EXAMPLE, "code", "11"),
        ("/components/schemas/NotificationMessage/properties/date/examples/0", None, 2**63),
        (f"/paths/{_token(SEND_PATH)}/get/parameters/2/example", None, "ab"),
    ],
)
def test_a_broken_example_is_caught(
    data: dict[str, Any], pointer: str, key: str | None, bad_value: Any
) -> None:
    """Break one example (a field of it, or the whole value) and expect an error there only."""
    broken = copy.deepcopy(data)
    if key is None:
        parent, _, last = pointer.rpartition("/")
        container = _resolve(broken, f"#{parent}")
        container[int(last) if isinstance(container, list) else last] = bad_value
    else:
        _resolve(broken, f"#{pointer}")[key] = bad_value
    problems = example_problems(broken)
    assert problems, "the broken example was not caught"
    assert {problem.split(":")[0] for problem in problems} == {pointer}, problems


# --- patterns, checked the way the generated client checks them: re.search(pattern, value) ----
#
# JSON Schema patterns are ECMA-262 regexes. Python's `$` also matches before a final "\n",
# ECMA-262's does not: re.search accepts "0600000000\n" where ECMA-262 refuses it. That is a
# matter for the generator's regex translation, so trailing newlines are not sampled here.


def _search(pattern: str, value: str) -> bool:
    return re.search(pattern, value) is not None


@pytest.mark.parametrize("character", sorted(set(VENDOR_CHARACTERS) | {" ", "\n"}))
def test_message_accepts_each_allowed_character(schemas: dict[str, Any], character: str) -> None:
    assert _search(schemas["MessageText"]["pattern"], character)


@pytest.mark.parametrize(
    "text",
    [
        VENDOR_CHARACTERS,
        "Code de confirmation: 283951",
        "Line one\nline two",
        "Back\\slash, 'quote', ^caret^, {braces}, ~tilde~ | pipe - dash",
    ],
)
def test_message_accepts_texts(schemas: dict[str, Any], text: str) -> None:
    assert _search(schemas["MessageText"]["pattern"], text)


@pytest.mark.parametrize(
    "text", ["€", "\t", "[", "]", "ç", "\r", "`", "Prix: 10€", "tab\there", "a[b]", ""]
)
def test_message_refuses_texts(schemas: dict[str, Any], text: str) -> None:
    assert not _search(schemas["MessageText"]["pattern"], text)


def test_message_pattern_allows_exactly_the_listed_characters(schemas: dict[str, Any]) -> None:
    pattern = re.compile(schemas["MessageText"]["pattern"])
    allowed = set(VENDOR_CHARACTERS) | {" ", "\n"}
    accepted = {chr(c) for c in range(0x110000) if pattern.search(chr(c))}
    assert accepted == allowed


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("0600000000", True),
        ("+33600000000", True),
        ("+4915112345678", True),
        ("600000000", False),
        ("+0033", False),
        ("06 00 00 00 00", False),
        ("+33 6 00 00 00 00", False),
        ("06000000000", False),
        ("+3360000000000000", False),
        ("0600000000 ", False),
        ("٠٦٠٠٠٠٠٠٠٠", False),  # Arabic-Indic digits: Python's \d would take them
    ],
)
def test_number_pattern(schemas: dict[str, Any], number: str, valid: bool) -> None:
    assert _search(schemas["PhoneNumber"]["pattern"], number) is valid


@pytest.mark.parametrize(
    ("sender", "valid"),
    [
        ("YourCompany", True),
        ("abc", True),
        ("A1B2", True),
        ("123abc", True),
        ("ab", False),
        ("123456", False),
        ("TwelveChars1", False),
        ("Your Company", False),
        ("Société", False),
        ("", False),
    ],
)
def test_sender_pattern(schemas: dict[str, Any], sender: str, valid: bool) -> None:
    schema = schemas["SenderName"]
    assert _search(schema["pattern"], sender) is valid
    if valid:
        assert schema["minLength"] <= len(sender) <= schema["maxLength"]


_NODE_SCRIPT = """
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = input.map(([pattern, samples]) => {
  const regex = new RegExp(pattern, "u");
  return samples.map((sample) => regex.test(sample));
});
process.stdout.write(JSON.stringify(out));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_patterns_mean_the_same_in_ecma_262(schemas: dict[str, Any]) -> None:
    """Every sample gets the same answer from Node's `u`-mode RegExp as from Python's re."""
    samples = [
        *VENDOR_CHARACTERS, " ", "\n", "€", "\t", "[", "]", "ç", "\r", "", "-", "\\", "^",
        "0600000000", "+33600000000", "600000000", "+0033", "06 00 00 00 00",
        "YourCompany", "abc", "A1B2", "ab", "123456", "TwelveChars1", "Your Company",
    ]  # fmt: skip
    patterns = [schemas[name]["pattern"] for name in ("MessageText", "PhoneNumber", "SenderName")]
    request = [[pattern, samples] for pattern in patterns]
    result = subprocess.run(
        ["node", "-e", _NODE_SCRIPT],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    ecma = json.loads(result.stdout)
    python = [[_search(pattern, sample) for sample in samples] for pattern in patterns]
    assert ecma == python
