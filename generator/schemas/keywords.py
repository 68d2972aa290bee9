"""Every keyword of JSON Schema 2020-12 and of the OpenAPI 3.0/3.1 Schema Object, and
what the client does with it: the decision table behind the README's "Supported
keywords" section.

A keyword is *typed* (it shapes the Python type), *checked* (enforced before a
request is sent), an *annotation* (documentation: it never makes a value invalid),
or *reported*: the client cannot honour it, and each place it is written gets a
located warning saying what the client does instead. A keyword that constrains
values of one JSON type and is written on a schema of another type has no effect
(JSON Schema says so): it is ignored, with a located warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .context import Context

Handling = Literal["typed", "checked", "annotation", "reported"]

STRING = frozenset({"string"})
NUMBER = frozenset({"number", "integer"})
ARRAY = frozenset({"array"})
OBJECT = frozenset({"object"})


@dataclass(frozen=True)
class Keyword:
    handling: Handling
    applies_to: frozenset[str] | None = None
    """The JSON types whose values the keyword constrains; None: any value."""
    instead: str = ""
    """For a reported keyword: what the client does instead."""


_NOT_CHECKED = "not checked before sending; values are typed by the rest of the schema"

KEYWORDS: dict[str, Keyword] = {
    # Core
    "$ref": Keyword("typed"),
    "$defs": Keyword("typed"),
    "definitions": Keyword("typed"),
    "$comment": Keyword("annotation"),
    "$id": Keyword(
        "reported", instead="ignored: every $ref is read as a pointer into this document"
    ),
    "$schema": Keyword(
        "reported", instead="ignored: the schema is read as OpenAPI's own JSON Schema dialect"
    ),
    "$vocabulary": Keyword("reported", instead="ignored"),
    "$anchor": Keyword("reported", instead="a $ref to an anchor is not followed"),
    "$dynamicAnchor": Keyword("reported", instead="a $dynamicRef is not followed"),
    "$dynamicRef": Keyword("reported", instead="not followed; the value is typed as any value"),
    "$recursiveAnchor": Keyword(
        "reported",
        instead="draft 2019-09's keyword (2020-12 has $dynamicAnchor); a $recursiveRef is not "
        "followed",
    ),
    "$recursiveRef": Keyword(
        "reported",
        instead="draft 2019-09's keyword (2020-12 has $dynamicRef); not followed, the value is "
        "typed as any value",
    ),
    # Applicators
    "allOf": Keyword("typed"),
    "anyOf": Keyword("typed"),
    "oneOf": Keyword("typed"),
    "not": Keyword("reported", instead=_NOT_CHECKED),
    "if": Keyword("reported", instead=_NOT_CHECKED),
    "then": Keyword("reported", instead=_NOT_CHECKED),
    "else": Keyword("reported", instead=_NOT_CHECKED),
    "dependentSchemas": Keyword("reported", OBJECT, _NOT_CHECKED),
    "dependencies": Keyword(
        "reported",
        OBJECT,
        "draft-07's keyword (2020-12 has dependentRequired and dependentSchemas): ignored",
    ),
    "prefixItems": Keyword("typed", ARRAY),
    "items": Keyword("typed", ARRAY),
    "additionalItems": Keyword(
        "reported",
        ARRAY,
        "an older draft's keyword (2020-12 has items, with prefixItems), nor one of OpenAPI 3.0: "
        "ignored",
    ),
    "contains": Keyword("reported", ARRAY, _NOT_CHECKED),
    "minContains": Keyword("reported", ARRAY, "not checked before sending"),
    "maxContains": Keyword("reported", ARRAY, "not checked before sending"),
    "properties": Keyword("typed", OBJECT),
    "additionalProperties": Keyword("typed", OBJECT),
    "patternProperties": Keyword(
        "reported",
        OBJECT,
        "property names are not matched against the patterns; a property not listed "
        "in `properties` may have the type of any of them",
    ),
    "propertyNames": Keyword("reported", OBJECT, "property names are not checked"),
    "unevaluatedItems": Keyword(
        "reported", ARRAY, "not checked; items are typed by `items` and `prefixItems`"
    ),
    "unevaluatedProperties": Keyword(
        "reported",
        OBJECT,
        "not checked; properties that are not listed are ignored when decoding, "
        "and kept by type only where `additionalProperties` allows them",
    ),
    # Validation
    "type": Keyword("typed"),
    "enum": Keyword("typed"),
    "const": Keyword("typed"),
    "multipleOf": Keyword("checked", NUMBER),
    "maximum": Keyword("checked", NUMBER),
    "exclusiveMaximum": Keyword("checked", NUMBER),
    "minimum": Keyword("checked", NUMBER),
    "exclusiveMinimum": Keyword("checked", NUMBER),
    "maxLength": Keyword("checked", STRING),
    "minLength": Keyword("checked", STRING),
    "pattern": Keyword("checked", STRING),
    "maxItems": Keyword("checked", ARRAY),
    "minItems": Keyword("checked", ARRAY),
    "uniqueItems": Keyword("checked", ARRAY),
    "maxProperties": Keyword("checked", OBJECT),
    "minProperties": Keyword("checked", OBJECT),
    "required": Keyword("typed", OBJECT),
    "dependentRequired": Keyword("checked", OBJECT),
    # Annotations
    "title": Keyword("annotation"),
    "description": Keyword("annotation"),
    "default": Keyword("annotation"),
    "deprecated": Keyword("annotation"),
    "readOnly": Keyword("annotation"),
    "writeOnly": Keyword("annotation"),
    "examples": Keyword("annotation"),
    "format": Keyword("typed"),
    "contentEncoding": Keyword(
        "reported",
        STRING,
        "the value is the encoded text (a str); the client neither encodes nor decodes it",
    ),
    "contentMediaType": Keyword(
        "reported", STRING, "the value is kept as a str; its content is not parsed"
    ),
    "contentSchema": Keyword("reported", STRING, "the string's content is not checked"),
    # OpenAPI's Schema Object
    "nullable": Keyword("typed"),
    "discriminator": Keyword("typed", OBJECT),
    "xml": Keyword("annotation"),
    "externalDocs": Keyword("annotation"),
    "example": Keyword("annotation"),
}

_TYPE_NAMES = {
    "string": "a string",
    "number": "a number",
    "integer": "an integer",
    "boolean": "a boolean",
    "array": "an array",
    "object": "an object",
    "null": "null",
}


def describe_types(types: frozenset[str] | set[str] | list[str]) -> str:
    """`{"string", "null"}` → "a string or null", in a fixed order."""
    order = list(_TYPE_NAMES)
    known = sorted((t for t in types if t in _TYPE_NAMES), key=order.index)
    return " or ".join(_TYPE_NAMES[t] for t in known) or "any value"


def applies(keyword: Keyword, types: frozenset[str] | set[str]) -> bool:
    """Whether `keyword` can constrain a value of one of `types` (integers are numbers)."""
    if keyword.applies_to is None:
        return True
    widened = set(types) | ({"number"} if "integer" in types else set())
    widened |= {"integer"} if "number" in types else set()
    return bool(widened & keyword.applies_to)


def wrong_type_message(name: str, keyword: Keyword, types: frozenset[str] | set[str]) -> str:
    assert keyword.applies_to is not None
    target = {
        STRING: "strings",
        NUMBER: "numbers",
        ARRAY: "arrays",
        OBJECT: "objects",
    }.get(keyword.applies_to, "other values")
    return f"{name} applies to {target}, and this value is {describe_types(types)}: ignored"


def declared_types(schema: dict[str, Any]) -> set[str]:
    """The types a schema's own `type` keyword lists (empty when it has none)."""
    declared = schema.get("type")
    if isinstance(declared, str):
        return {declared}
    if isinstance(declared, list):
        return {t for t in declared if isinstance(t, str)}
    return set()


def report(context: Context, schema: dict[str, Any], pointer: str) -> None:
    """Warn about each keyword of `schema` the client cannot honour, and each structural
    keyword written on a schema of another type (`items` on a string).

    Constraint keywords on the wrong type are reported where constraints are
    gathered, which knows the value's type even when `type` is not written here.
    """
    types = declared_types(schema)
    for name in schema:
        keyword = KEYWORDS.get(name)
        if keyword is None:
            continue
        if name == "$schema" and _is_openapi_dialect(schema[name]):
            continue
        if types and keyword.applies_to is not None and not applies(keyword, types):
            if keyword.handling != "checked":
                context.warn(f"{pointer}/{name}", wrong_type_message(name, keyword, types))
            continue
        if keyword.handling == "reported":
            context.warn(f"{pointer}/{name}", f"{name} is not supported: {keyword.instead}")


OPENAPI_DIALECT = "https://spec.openapis.org/oas/3.1/dialect/base"


def _is_openapi_dialect(value: Any) -> bool:
    return isinstance(value, str) and value.rstrip("#") == OPENAPI_DIALECT
