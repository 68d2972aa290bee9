"""The quick validity test answers exactly what jsonschema's `is_valid` answers.

Oracle: the validator classes the fixture server compiles (OpenAPI 3.0 request and
response, OpenAPI 3.1), with their format checkers, on random schemas of the keywords the
quick test handles (and some it refuses) and random JSON values.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_schema_validator import OAS31Validator

from generator.fixture_server import FixtureServer
from generator.fixture_server.contract import _OAS30_REQUEST, _OAS30_RESPONSE
from generator.fixture_server.quick_validity import quick_validity

ROOT = Path(__file__).resolve().parents[2]
CLASSES = {"3.0 request": _OAS30_REQUEST, "3.0 response": _OAS30_RESPONSE, "3.1": OAS31Validator}

names = st.sampled_from(["a", "b", "id", "c"])
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from([0.0, 1.0, 2.5, -1.5, 2**31, 2**63, 1e300]),
    st.sampled_from(["", "x", "ab", "abc", "A1", "2024-01-02T03:04:05Z", "not a date", "é"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(names, inner, max_size=4)),
    max_leaves=12,
)


TYPE_NAMES = ["string", "integer", "number", "boolean", "object", "array", "null"]


def leaf_keyword_values(version: str) -> dict[str, list[Any]]:
    """The values each keyword takes in these tests."""
    types: list[Any] = list(TYPE_NAMES)
    if version == "3.1":
        types += [["string", "null"], ["integer", "number"], ["object", "array", "boolean"]]
    return {
        "type": types,
        "nullable": [True, False],
        "format": ["int32", "int64", "date-time", "byte", "binary", "email"],
        "pattern": ["^a", "b$", "[0-9]", "^(?=.*[A-Z])[A-Z0-9]+$"],
        "minLength": [0, 1, 3],
        "maxLength": [0, 1, 3],
        "minimum": [-2, 0, 1],
        "maximum": [-2, 0, 1],
        "exclusiveMinimum": [True, False] if version == "3.0" else [-2, 0, 1],
        "exclusiveMaximum": [True, False] if version == "3.0" else [-2, 0, 1],
        "multipleOf": [1, 2, 0.5],
        "enum": [[None], [1, "x"], [True], [1.0, []], [{"a": 1}]],
        "const": [None, 1, True, "x", 0.0],
        "required": [[], ["a"], ["a", "id"]],
        "minItems": [0, 1, 2],
        "maxItems": [0, 1],
        "uniqueItems": [True, False],
        "minProperties": [0, 1, 2],
        "maxProperties": [0, 1],
        "readOnly": [True, False],
        "writeOnly": [True, False],
        "description": ["text"],
        "x-extension": [{"anything": 1}],
    }


def leaf_keywords(version: str) -> st.SearchStrategy[dict[str, Any]]:
    keywords = {
        name: st.sampled_from(candidates)
        for name, candidates in leaf_keyword_values(version).items()
    }
    keywords["enum"] = st.lists(scalars, min_size=1, max_size=3)
    keywords["const"] = scalars
    keywords["required"] = st.lists(names, max_size=3, unique=True)
    # A few keywords at a time: with many, almost every value would be invalid.
    chosen = st.lists(st.sampled_from(sorted(keywords)), max_size=3, unique=True)
    return chosen.flatmap(
        lambda names: st.fixed_dictionaries({name: keywords[name] for name in names})
    )


def schemas(version: str) -> st.SearchStrategy[Any]:
    refused = st.sampled_from(
        [{"not": {"type": "string"}}, {"anyOf": [{"type": "string"}]}, {"patternProperties": {}}]
    )

    def nested(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
        return st.tuples(
            leaf_keywords(version),
            st.fixed_dictionaries(
                {},
                optional={
                    "properties": st.dictionaries(names, inner, max_size=3),
                    "items": inner,
                    "additionalProperties": st.one_of(st.booleans(), inner),
                },
            ),
        ).map(lambda parts: {**parts[0], **parts[1]})

    base = st.one_of(leaf_keywords(version), refused)
    if version == "3.1":
        base = st.one_of(base, st.booleans())
    return st.recursive(base, nested, max_leaves=6)


@pytest.mark.parametrize("kind", list(CLASSES))
@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.data())
def test_the_quick_test_agrees_with_jsonschema(kind: str, data: st.DataObject) -> None:
    cls = CLASSES[kind]
    schema = data.draw(schemas("3.1" if kind == "3.1" else "3.0"), label="schema")
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    quick = quick_validity(validator)
    for _ in range(8):
        instance = data.draw(st.one_of(scalars, values), label="instance")
        if quick is not None:
            assert outcome(quick, instance) == outcome(validator.is_valid, instance), (
                schema,
                instance,
            )


SCALARS = [None, True, False, 0, 1, -3, 0.0, 1.0, 2.5, 2**31, 2**63, 1e300, "", "x", "abc", "A1"]
SCALARS += ["2024-01-02T03:04:05Z", "é", b"bytes"]
GRID = [*SCALARS, [], [1, 1], ["a", 2], {}, {"a": 1}, {"a": None, "b": "x"}, {"id": [1]}]


@pytest.mark.parametrize("kind", list(CLASSES))
def test_each_keyword_alone_over_a_grid_of_values(kind: str) -> None:
    """Every keyword value the random schemas use, alone and beside `nullable`, against
    every value of a grid (each Python type, boundary numbers, null)."""
    cls = CLASSES[kind]
    version = "3.1" if kind == "3.1" else "3.0"
    keywords = leaf_keyword_values(version)
    checked = 0
    for keyword, candidates in keywords.items():
        for value in candidates:
            for extra in ({}, {"nullable": True}, {"format": "binary"}):
                validator = cls({keyword: value, **extra}, format_checker=cls.FORMAT_CHECKER)
                quick = quick_validity(validator)
                assert quick is not None, (keyword, value)
                for instance in GRID:
                    expected = outcome(validator.is_valid, instance)
                    assert outcome(quick, instance) == expected, (keyword, value, extra, instance)
                    checked += 1
    assert checked > 5000


def outcome(test: Any, instance: Any) -> object:
    """True, False, or the kind of error raised (an unknown type name raises in both)."""
    try:
        return bool(test(instance))
    except Exception as error:
        return type(error)


def test_refused_keywords_leave_jsonschema_to_decide() -> None:
    for schema in (
        {"$ref": "#/x"},
        {"type": "object", "properties": {"a": {"allOf": [{"type": "string"}]}}},
        {"items": [{"type": "string"}]},
        {"type": "array", "prefixItems": [{"type": "string"}], "items": {"type": "string"}},
    ):
        assert quick_validity(OAS31Validator(schema)) is None, schema


def test_the_flagship_request_body_has_a_quick_test() -> None:
    """The replay path of the vendor's send call does not walk jsonschema (what the
    benchmark's distinct bodies measure)."""
    server = FixtureServer(ROOT / "spec" / "openapi.yaml")
    check = server.contract["sendNotificationMessage"].body_check("application/json", True)
    assert check is not None and check.schema is not None
    assert check.schema._quick is not None
    assert check.check({"number": "+33600000000", "message": "Hello"}) == []
    violations = check.check({"number": "+33600000000", "message": "Hello", "date": "soon"})
    assert ("/date", "type") in [(violation.pointer, violation.rule) for violation in violations]
