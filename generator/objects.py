"""What each OpenAPI object may hold: its fields, and which of them hold other objects.

One table for OpenAPI 3.0 and 3.1 (fields new in 3.1 are marked), and the
keywords of schemas: 3.0's subset of JSON Schema with its own additions, and
JSON Schema 2020-12 for 3.1. Two uses:

- `unknown_keywords` finds a misspelt field (`requried`) in any object, with a
  guess at what was meant;
- `generator.bundle` asks `field_shape` what a `$ref` to another file stands for
  (a schema, a parameter, a path item...) to know where to put what it refers to.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any, Literal

from .errors import escape_pointer_token

Shape = tuple[Literal["one", "list", "map"], str]
"""How a field holds objects: one, a list of, or a mapping of names to objects of a kind."""

SCHEMA = "Schema"
DATA = None
"""A field whose value is data (a string, an example, a security requirement)."""

_FIELDS: dict[str, dict[str, Shape | None]] = {
    "OpenAPI": {
        "openapi": DATA,
        "info": ("one", "Info"),
        "jsonSchemaDialect": DATA,
        "servers": ("list", "Server"),
        "paths": ("one", "Paths"),
        "webhooks": ("map", "PathItem"),
        "components": ("one", "Components"),
        "security": DATA,
        "tags": ("list", "Tag"),
        "externalDocs": ("one", "ExternalDocs"),
    },
    "Info": {
        "title": DATA,
        "summary": DATA,
        "description": DATA,
        "termsOfService": DATA,
        "contact": ("one", "Contact"),
        "license": ("one", "License"),
        "version": DATA,
    },
    "Contact": {"name": DATA, "url": DATA, "email": DATA},
    "License": {"name": DATA, "identifier": DATA, "url": DATA},
    "Server": {"url": DATA, "description": DATA, "variables": ("map", "ServerVariable")},
    "ServerVariable": {"enum": DATA, "default": DATA, "description": DATA},
    "Components": {
        "schemas": ("map", SCHEMA),
        "responses": ("map", "Response"),
        "parameters": ("map", "Parameter"),
        "examples": ("map", "Example"),
        "requestBodies": ("map", "RequestBody"),
        "headers": ("map", "Header"),
        "securitySchemes": ("map", "SecurityScheme"),
        "links": ("map", "Link"),
        "callbacks": ("map", "Callback"),
        "pathItems": ("map", "PathItem"),
    },
    "PathItem": {
        "$ref": DATA,
        "summary": DATA,
        "description": DATA,
        "get": ("one", "Operation"),
        "put": ("one", "Operation"),
        "post": ("one", "Operation"),
        "delete": ("one", "Operation"),
        "options": ("one", "Operation"),
        "head": ("one", "Operation"),
        "patch": ("one", "Operation"),
        "trace": ("one", "Operation"),
        "servers": ("list", "Server"),
        "parameters": ("list", "Parameter"),
    },
    "Operation": {
        "tags": DATA,
        "summary": DATA,
        "description": DATA,
        "externalDocs": ("one", "ExternalDocs"),
        "operationId": DATA,
        "parameters": ("list", "Parameter"),
        "requestBody": ("one", "RequestBody"),
        "responses": ("one", "Responses"),
        "callbacks": ("map", "Callback"),
        "deprecated": DATA,
        "security": DATA,
        "servers": ("list", "Server"),
    },
    "ExternalDocs": {"description": DATA, "url": DATA},
    "Parameter": {
        "name": DATA,
        "in": DATA,
        "description": DATA,
        "required": DATA,
        "deprecated": DATA,
        "allowEmptyValue": DATA,
        "style": DATA,
        "explode": DATA,
        "allowReserved": DATA,
        "schema": ("one", SCHEMA),
        "example": DATA,
        "examples": ("map", "Example"),
        "content": ("map", "MediaType"),
    },
    "RequestBody": {"description": DATA, "content": ("map", "MediaType"), "required": DATA},
    "MediaType": {
        "schema": ("one", SCHEMA),
        "example": DATA,
        "examples": ("map", "Example"),
        "encoding": ("map", "Encoding"),
    },
    "Encoding": {
        "contentType": DATA,
        "headers": ("map", "Header"),
        "style": DATA,
        "explode": DATA,
        "allowReserved": DATA,
    },
    "Response": {
        "description": DATA,
        "headers": ("map", "Header"),
        "content": ("map", "MediaType"),
        "links": ("map", "Link"),
    },
    "Example": {"summary": DATA, "description": DATA, "value": DATA, "externalValue": DATA},
    "Link": {
        "operationRef": DATA,
        "operationId": DATA,
        "parameters": DATA,
        "requestBody": DATA,
        "description": DATA,
        "server": ("one", "Server"),
    },
    "Tag": {"name": DATA, "description": DATA, "externalDocs": ("one", "ExternalDocs")},
    "SecurityScheme": {
        "type": DATA,
        "description": DATA,
        "name": DATA,
        "in": DATA,
        "scheme": DATA,
        "bearerFormat": DATA,
        "flows": ("one", "OAuthFlows"),
        "openIdConnectUrl": DATA,
    },
    "OAuthFlows": {
        "implicit": ("one", "OAuthFlow"),
        "password": ("one", "OAuthFlow"),
        "clientCredentials": ("one", "OAuthFlow"),
        "authorizationCode": ("one", "OAuthFlow"),
    },
    "OAuthFlow": {"authorizationUrl": DATA, "tokenUrl": DATA, "refreshUrl": DATA, "scopes": DATA},
    "Discriminator": {"propertyName": DATA, "mapping": DATA},
    "XML": {"name": DATA, "namespace": DATA, "prefix": DATA, "attribute": DATA, "wrapped": DATA},
}

# A Header Object is a Parameter Object without `name` and `in`.
_FIELDS["Header"] = {k: v for k, v in _FIELDS["Parameter"].items() if k not in ("name", "in")}

_ONLY_31 = frozenset(
    {
        ("OpenAPI", "jsonSchemaDialect"),
        ("OpenAPI", "webhooks"),
        ("Info", "summary"),
        ("License", "identifier"),
        ("Components", "pathItems"),
    }
)

_MAPS = {"Paths": "PathItem", "Responses": "Response", "Callback": "PathItem"}
"""Objects whose every field (a path, a status, an expression) holds one object of a kind."""

REFERABLE = frozenset(
    {
        SCHEMA,
        "Response",
        "Parameter",
        "Example",
        "RequestBody",
        "Header",
        "SecurityScheme",
        "Link",
        "Callback",
        "PathItem",
    }
)
"""Kinds that a Reference Object (`$ref`) may stand for."""

COMPONENT_SECTIONS = {
    shape[1]: name
    for name, shape in _FIELDS["Components"].items()
    if shape is not None and name != "pathItems"
}
"""Kind → its section of `components` (path items only have one in 3.1)."""

# ---------------------------------------------------------------- schemas

_SCHEMA_ONE = {
    "not",
    "items",
    "additionalProperties",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
    "contentSchema",
    "additionalItems",
}
_SCHEMA_LIST = {"allOf", "anyOf", "oneOf", "prefixItems"}
_SCHEMA_MAP = {"properties", "patternProperties", "$defs", "dependentSchemas", "definitions"}
_SCHEMA_OBJECTS: dict[str, Shape] = {
    "discriminator": ("one", "Discriminator"),
    "xml": ("one", "XML"),
    "externalDocs": ("one", "ExternalDocs"),
}

_SCHEMA_30 = frozenset(
    {
        "$ref",
        "title",
        "multipleOf",
        "maximum",
        "exclusiveMaximum",
        "minimum",
        "exclusiveMinimum",
        "maxLength",
        "minLength",
        "pattern",
        "maxItems",
        "minItems",
        "uniqueItems",
        "maxProperties",
        "minProperties",
        "required",
        "enum",
        "type",
        "allOf",
        "oneOf",
        "anyOf",
        "not",
        "items",
        "properties",
        "additionalProperties",
        "description",
        "format",
        "default",
        "nullable",
        "discriminator",
        "readOnly",
        "writeOnly",
        "xml",
        "externalDocs",
        "example",
        "deprecated",
    }
)
_SCHEMA_31 = _SCHEMA_30 | frozenset(
    {
        # core
        "$schema",
        "$id",
        "$anchor",
        "$dynamicRef",
        "$dynamicAnchor",
        "$vocabulary",
        "$comment",
        "$defs",
        # applicator
        "if",
        "then",
        "else",
        "dependentSchemas",
        "prefixItems",
        "contains",
        "patternProperties",
        "propertyNames",
        # unevaluated
        "unevaluatedItems",
        "unevaluatedProperties",
        # validation
        "const",
        "maxContains",
        "minContains",
        "dependentRequired",
        # meta-data
        "examples",
        # content
        "contentEncoding",
        "contentMediaType",
        "contentSchema",
    }
)
"""JSON Schema 2020-12 and OpenAPI's base vocabulary; `nullable` (3.0) is still read."""

_WHERE = {
    "OpenAPI": "the document's top level",
    "Paths": "paths",
    "PathItem": "a path item",
    "ExternalDocs": "externalDocs",
    "OAuthFlows": "OAuth flows",
    "OAuthFlow": "an OAuth flow",
    "XML": "xml",
    "Info": "info",
}


def is_31(version: str) -> bool:
    return version.startswith("3.1")


def field_shape(kind: str, key: str, version: str) -> Shape | None:
    """How field `key` of an object of `kind` holds objects; None for data or unknown fields."""
    if kind in _MAPS:
        return None if key.startswith("x-") else ("one", _MAPS[kind])
    if kind == SCHEMA:
        if key in _SCHEMA_ONE:
            return "one", SCHEMA
        if key in _SCHEMA_LIST:
            return "list", SCHEMA
        if key in _SCHEMA_MAP:
            return "map", SCHEMA
        return _SCHEMA_OBJECTS.get(key)
    return _FIELDS.get(kind, {}).get(key)


def allowed_fields(kind: str, version: str) -> frozenset[str] | None:
    """The fields an object of `kind` may have besides `x-` ones; None when any name goes."""
    if kind in _MAPS:
        return None
    if kind == SCHEMA:
        return _SCHEMA_31 if is_31(version) else _SCHEMA_30
    fields = _FIELDS[kind]
    return frozenset(name for name in fields if is_31(version) or (kind, name) not in _ONLY_31)


def walk(data: Any, version: str) -> Iterator[tuple[str, str, Any]]:
    """Every OpenAPI object in `data` as (JSON pointer, kind, value), in document order.

    References are not followed: what they name is walked where it is written.
    """
    stack: list[tuple[str, str, Any]] = [("", "OpenAPI", data)]
    while stack:
        pointer, kind, node = stack.pop()
        yield pointer, kind, node
        if not isinstance(node, dict):
            continue
        children: list[tuple[str, str, Any]] = []
        for key, value in node.items():
            shape = field_shape(kind, key, version)
            if shape is None:
                continue
            how, child_kind = shape
            base = f"{pointer}/{escape_pointer_token(key)}"
            if how == "one":
                children.append((base, child_kind, value))
            elif how == "list" and isinstance(value, list):
                children.extend(
                    (f"{base}/{index}", child_kind, item) for index, item in enumerate(value)
                )
            elif how == "map" and isinstance(value, dict):
                children.extend(
                    (f"{base}/{escape_pointer_token(name)}", child_kind, item)
                    for name, item in value.items()
                )
        stack.extend(reversed(children))


def unknown_keywords(data: Any, version: str) -> Iterator[tuple[str, str]]:
    """(pointer, message) for each field no OpenAPI object of its kind has, in document order.

    Extensions (`x-...`) are always allowed; a path must start with '/', a response
    be keyed by a status. The fields beside a `$ref` outside a schema are not
    checked: OpenAPI says they are ignored (3.0) or allows a summary and
    description (3.1).
    """
    for pointer, kind, node in walk(data, version):
        if not isinstance(node, dict):
            continue
        if kind in ("Paths", "Responses"):
            yield from _misnamed(pointer, kind, node)
            continue
        allowed = allowed_fields(kind, version)
        if allowed is None or (kind != SCHEMA and kind != "PathItem" and "$ref" in node):
            continue
        for key in node:
            if key in allowed or key.startswith("x-"):
                continue
            if kind == SCHEMA and is_31(version) and key in _OLDER_SCHEMA_KEYWORDS:
                continue  # not a typo: the model stage says what the client does with it
            yield f"{pointer}/{escape_pointer_token(key)}", _unknown(key, kind, allowed, version)


_OLDER_SCHEMA_KEYWORDS = frozenset(
    {"$recursiveAnchor", "$recursiveRef", "definitions", "dependencies", "additionalItems"}
)
"""Keywords of older JSON Schema drafts a 3.1 schema may still hold: 2020-12 ignores them."""


_STATUS = re.compile(r"^(?:default|[1-5](?:\d\d|XX))$")


def _misnamed(pointer: str, kind: str, node: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Paths must start with '/', responses be keyed by a status, a range or `default`."""
    for key in node:
        if key.startswith("x-"):
            continue
        where = f"{pointer}/{escape_pointer_token(key)}"
        if kind == "Paths" and not key.startswith("/"):
            yield where, f"{key!r} is not a path: a path must start with '/'"
        elif kind == "Responses" and not _STATUS.match(key):
            yield (
                where,
                f"{key!r} is not a response status: write a status code ('200'), a range "
                "('2XX') or 'default'",
            )


def _unknown(key: str, kind: str, allowed: frozenset[str], version: str) -> str:
    where = _WHERE.get(kind) or _article(_words(kind))
    message = f"unknown keyword {key!r} in {where}"
    if kind == SCHEMA and not is_31(version) and key in _SCHEMA_31:
        return f"{message}: {key!r} is a JSON Schema keyword OpenAPI 3.0 does not have (3.1 has it)"
    if kind != SCHEMA and not is_31(version) and key in _FIELDS.get(kind, {}):
        return f"{message}: {key!r} is new in OpenAPI 3.1"
    guess = did_you_mean(key, allowed)
    if guess is not None:
        return f"{message}; did you mean {guess!r}?"
    return f"{message} (extensions must start with 'x-')"


def did_you_mean(word: str, choices: frozenset[str] | list[str]) -> str | None:
    """The choice `word` most likely misspells, if any is close enough."""
    ordered = sorted(choices)
    for choice in ordered:
        if choice.lower() == word.lower():
            return choice
    close = difflib.get_close_matches(word, ordered, n=1, cutoff=0.75)
    return close[0] if close else None


def _words(kind: str) -> str:
    out = ""
    for char in kind:
        out += (" " + char.lower()) if char.isupper() and out else char.lower()
    return out


def _article(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun
