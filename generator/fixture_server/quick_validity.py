"""A quick yes to "is this value valid?" for schemas made of plain keywords.

jsonschema validates by walking the schema, creating a validator object for every
subschema it descends into; for a typical request body (an object of a few scalar
fields) that walk cost most of a replay. `quick_validity` compiles a schema once, at
start-up, into a function that answers exactly what the validator's `is_valid` answers:

* a keyword that does not descend (`type`, `format`, `pattern`, `enum`, `minimum`,
  `required`, `readOnly`, ...) is checked by the validator class's own keyword function,
  with the validator itself: the same code, format checker, type checker and OpenAPI 3.0
  `nullable` rules;
* `properties`, `items` and `additionalProperties` descend here, without the objects;
* any other keyword that jsonschema acts on (`$ref`, `allOf`, `anyOf`, `oneOf`, `not`,
  `patternProperties`, `if`, `prefixItems`, `unevaluatedProperties`, ...) means no quick
  test for the whole schema: jsonschema alone decides.

The caller still asks jsonschema whenever the answer is "invalid", to say why.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from typing import Any

from jsonschema import _keywords
from jsonschema._utils import find_additional_properties
from openapi_schema_validator import _keywords as oas_keywords
from openapi_schema_validator import _regex as oas_regex

Test = Callable[[Any], bool]

LEAF_KEYWORDS = frozenset(
    {
        "type",
        "format",
        "pattern",
        "enum",
        "const",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "required",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minProperties",
        "maxProperties",
        "dependentRequired",
        "readOnly",
        "writeOnly",
        "description",
        "example",
        "deprecated",
        "xml",
        "externalDocs",
    }
)
"""Keywords whose check in jsonschema and openapi-schema-validator never descends into
a subschema: calling the keyword function is the whole check."""
_PROPERTIES = (_keywords.properties,)
_ITEMS = (_keywords.items, oas_keywords.items)
_ADDITIONAL = (_keywords.additionalProperties, oas_keywords.additionalProperties)
MAX_DEPTH = 32
"""Schemas nested deeper get no quick test (it recurses once per level)."""


class _NoQuickTest(Exception):
    pass


def quick_validity(validator: Any) -> Test | None:
    """A function answering `validator.is_valid(value)`, or None for schemas it cannot
    answer for (see the module's docstring)."""
    try:
        return _compile(validator, validator.schema, 0)
    except _NoQuickTest:
        return None


def _always(instance: Any) -> bool:
    return True


def _never(instance: Any) -> bool:
    return False


def _compile(validator: Any, schema: Any, depth: int) -> Test:
    if schema is True:
        return _always
    if schema is False:
        return _never
    if not isinstance(schema, dict) or depth > MAX_DEPTH:
        raise _NoQuickTest
    known = validator.VALIDATORS
    tests: list[Test] = []
    for keyword, value in schema.items():
        function = known.get(keyword)
        if function is None:
            continue  # jsonschema ignores what it has no function for (x-..., title, ...)
        if keyword == "type" and isinstance(value, str):
            tests.append(_type(validator, function, value, schema))
        elif keyword in LEAF_KEYWORDS:
            special = _SPECIAL.get(function)
            leaf = _leaf(validator, function, value, schema)
            tests.append(leaf if special is None else special(validator, value, leaf))
        elif keyword == "properties" and function in _PROPERTIES and isinstance(value, dict):
            tests.append(_properties(validator, value, depth))
        elif keyword == "items" and function in _ITEMS and isinstance(value, dict):
            if "prefixItems" in schema:
                raise _NoQuickTest
            tests.append(_items(validator, value, depth))
        elif keyword == "additionalProperties" and function in _ADDITIONAL:
            if isinstance(value, dict):
                tests.append(_additional(validator, value, schema, depth))
            else:
                tests.append(_leaf(validator, function, value, schema))
        else:
            raise _NoQuickTest
    if not tests:
        return _always
    if len(tests) == 1:
        return tests[0]
    return lambda instance: all(test(instance) for test in tests)


def _leaf(validator: Any, function: Any, value: Any, schema: Any) -> Test:
    def test(instance: Any) -> bool:
        return next(function(validator, value, instance, schema), None) is None

    return test


_SAMPLES: tuple[Any, ...] = ("", 0, 0.5, True, {}, [])


def _type(validator: Any, function: Any, name: str, schema: Any) -> Test:
    """`type: name`; values whose Python type always passes it (a `str` for "string",
    an `int` for "integer", ...) skip the keyword function. Which Python types those are
    is asked of the validator's own type checker, once."""
    checker = validator.TYPE_CHECKER
    try:
        passing = frozenset(type(sample) for sample in _SAMPLES if checker.is_type(sample, name))
    except Exception:  # an unknown type name: the keyword function says so
        passing = frozenset()
    leaf = _leaf(validator, function, name, schema)

    def test(instance: Any) -> bool:
        return type(instance) in passing or leaf(instance)

    return test


def _pattern(validator: Any, pattern: Any, leaf: Test) -> Test:
    """jsonschema's `pattern` is `re.search` on strings (so is openapi-schema-validator's
    without the `regress` package)."""
    if not isinstance(pattern, str) or oas_regex.has_ecma_regex():
        return leaf
    try:
        search = re.compile(pattern).search
    except re.error:
        return leaf  # the keyword function raises it, as jsonschema would

    def test(instance: Any) -> bool:
        if type(instance) is str:
            return search(instance) is not None
        return leaf(instance)

    return test


def _length(within: Callable[[int, int], bool]) -> Callable[[Any, Any, Test], Test]:
    """`minLength` (`within` is `>=`) or `maxLength` (`<=`): a string's length against
    the limit; anything else is the keyword function's."""

    def special(validator: Any, limit: Any, leaf: Test) -> Test:
        if type(limit) is not int:
            return leaf

        def test(instance: Any) -> bool:
            if type(instance) is str:
                return within(len(instance), limit)
            return leaf(instance)

        return test

    return special


def _format(validator: Any, name: Any, leaf: Test) -> Test:
    """A value the format checker accepts passes both `format` functions; the keyword
    function decides the others (openapi-schema-validator's lets None through)."""
    checker = validator.format_checker
    if checker is None or not isinstance(name, str):
        return leaf
    conforms = checker.conforms

    def test(instance: Any) -> bool:
        return conforms(instance, name) or leaf(instance)

    return test


_SPECIAL: dict[Any, Callable[[Any, Any, Test], Test]] = {
    _keywords.pattern: _pattern,
    oas_keywords.pattern: _pattern,
    _keywords.minLength: _length(operator.ge),
    _keywords.maxLength: _length(operator.le),
    oas_keywords.format: _format,
    _keywords.format: _format,
}
"""Exact shortcuts of keyword functions, for the values they decide alone."""


def _properties(validator: Any, properties: dict[str, Any], depth: int) -> Test:
    tests = [(name, _compile(validator, sub, depth + 1)) for name, sub in properties.items()]
    is_type = validator.is_type

    def test(instance: Any) -> bool:
        if not is_type(instance, "object"):
            return True
        return all(name not in instance or check(instance[name]) for name, check in tests)

    return test


def _items(validator: Any, items: Any, depth: int) -> Test:
    check = _compile(validator, items, depth + 1)
    is_type = validator.is_type

    def test(instance: Any) -> bool:
        if not is_type(instance, "array"):
            return True
        return all(check(item) for item in instance)

    return test


def _additional(validator: Any, additional: Any, schema: Any, depth: int) -> Test:
    check = _compile(validator, additional, depth + 1)
    is_type = validator.is_type

    def test(instance: Any) -> bool:
        if not is_type(instance, "object"):
            return True
        return all(check(instance[extra]) for extra in find_additional_properties(instance, schema))

    return test
