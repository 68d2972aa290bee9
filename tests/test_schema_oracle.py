"""The generated models agree with JSON Schema, as `jsonschema` reads it.

Hypothesis builds schemas that mix types and keywords freely — constraint keywords
on types they do not apply to included (`maxLength` on an integer, `uniqueItems` on
a boolean), objects, maps, tuples (`prefixItems`), enums of every kind, `const`,
nullable types, unions of distinct types, `allOf`, and references with siblings.
Each schema is the one property of a model in a generated client; values are
drawn around each schema (inside, on and beyond its limits, of other types) and
`jsonschema` says which are valid:

- a valid value decodes (`from_json`), encodes (`to_json`) back to the same JSON,
  and that JSON is valid;
- an invalid value is refused — by `from_json` (`DecodeError`) or by `to_json`
  before anything is sent (`RequestValidationError`) — naming the property that
  is wrong. The documented leniencies of decoding: properties an object does not
  list are ignored, and an optional property that is null is read as absent;
  neither is ever sent, so what `to_json` produces is still valid.

Generating a client takes a second or two, so each example batches many schemas
into one document. `make test` runs a few examples, the same on every run;
`make test-large` runs more, drawn afresh each time.
"""

from __future__ import annotations

import ast
import importlib
import itertools
import re
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from generator import write
from generator.pipeline import generate

SCHEMAS_PER_DOCUMENT = 30
VALUES_PER_SCHEMA = 14
_packages = itertools.count()

# Patterns on which ECMA-262 and Python agree, over the alphabet values are drawn from.
PATTERNS = ["^a", "b$", "^[ab]*$", "1", "^$", "a.b"]
ALPHABET = "ab1 "

# ------------------------------------------------------------------ schemas

KEYWORD_VALUES: dict[str, Any] = {
    "minLength": st.integers(0, 3),
    "maxLength": st.integers(0, 4),
    "pattern": st.sampled_from(PATTERNS),
    "minimum": st.integers(-3, 3),
    "maximum": st.integers(-3, 3),
    "exclusiveMinimum": st.integers(-3, 3),
    "exclusiveMaximum": st.integers(-3, 3),
    "multipleOf": st.integers(1, 3),
    "minItems": st.integers(0, 2),
    "maxItems": st.integers(0, 3),
    "uniqueItems": st.booleans(),
    "minProperties": st.integers(0, 2),
    "maxProperties": st.integers(0, 3),
    "dependentRequired": st.just({"a": ["b"]}),
}
HELPERS = {
    "Word": {"type": "string", "maxLength": 3},
    "Small": {"type": "integer", "minimum": 0, "maximum": 5},
    "Pair": {
        "type": "object",
        "properties": {"x": {"type": "integer"}, "y": {"type": "string", "minLength": 1}},
        "required": ["x"],
    },
}


@st.composite
def keywords(draw: Any) -> dict[str, Any]:
    """A few constraint keywords of any family: often not the schema's own type's."""
    names = draw(st.lists(st.sampled_from(sorted(KEYWORD_VALUES)), max_size=3, unique=True))
    return {name: draw(KEYWORD_VALUES[name]) for name in names}


SCALARS = ["string", "integer", "number", "boolean"]


@st.composite
def scalar_schemas(draw: Any) -> dict[str, Any]:
    kind = draw(st.sampled_from([*SCALARS, "null"]))
    schema: dict[str, Any] = {"type": kind}
    if kind != "null":
        schema.update(draw(keywords()))
        if draw(st.integers(0, 4)) == 0:
            schema["type"] = [kind, "null"]
    return schema


@st.composite
def enum_schemas(draw: Any) -> dict[str, Any]:
    values = draw(
        st.sampled_from(
            [
                ["a", "b", "ab"],
                ["a", "a-b", "a_b"],
                [1, 2, 30],
                [True],
                [False],
                [True, False],
                ["a", 1],
                [1.5, 2.5],
                [{"k": 1}, [1, 2]],
                ["a", None],
            ]
        )
    )
    schema: dict[str, Any] = {"enum": values}
    if draw(st.booleans()):
        schema.update(draw(keywords()))
    return schema


@st.composite
def const_schemas(draw: Any) -> dict[str, Any]:
    value = draw(st.sampled_from(["a", 3, True, 2.5, None, {"k": [1, "x"]}, [1, True]]))
    return {"const": value}


def schemas(depth: int = 2) -> st.SearchStrategy[dict[str, Any]]:
    leaves = st.one_of(
        scalar_schemas(),
        enum_schemas(),
        const_schemas(),
        st.just({}),
        st.sampled_from(
            [{"$ref": f"#/components/schemas/{name}"} for name in HELPERS]
            + [
                {"$ref": "#/components/schemas/Word", "minLength": 2},
                {"$ref": "#/components/schemas/Small", "multipleOf": 2, "description": "d"},
                {"anyOf": [{"$ref": "#/components/schemas/Pair"}, {"type": "null"}]},
            ]
        ),
    )
    if depth == 0:
        return leaves
    inner = schemas(depth - 1)
    return st.one_of(
        leaves,
        arrays(inner),
        tuples(inner),
        objects(inner),
        maps(inner),
        unions(),
        all_ofs(),
    )


@st.composite
def arrays(draw: Any, inner: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "array", "items": draw(inner), **draw(keywords())}


@st.composite
def tuples(draw: Any, inner: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "array",
        "prefixItems": draw(st.lists(inner, min_size=1, max_size=3)),
        **draw(keywords()),
    }
    rest = draw(st.sampled_from(["absent", "false", "schema"]))
    if rest == "false":
        schema["items"] = False
    elif rest == "schema":
        schema["items"] = draw(inner)
    return schema


@st.composite
def objects(draw: Any, inner: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    names = draw(st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3, unique=True))
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {name: draw(inner) for name in names},
        "required": draw(st.lists(st.sampled_from(names), unique=True)),
        **draw(keywords()),
    }
    extra = draw(st.sampled_from(["absent", "false", "schema"]))
    if extra == "false":
        schema["additionalProperties"] = False
    elif extra == "schema":
        schema["additionalProperties"] = draw(scalar_schemas())
    if len(names) > 1 and draw(st.integers(0, 3)) == 0:
        # Alternatives that only say which properties are required.
        schema[draw(st.sampled_from(["oneOf", "anyOf"]))] = [
            {"required": [name]} for name in names[:2]
        ]
    return schema


@st.composite
def maps(draw: Any, inner: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": draw(inner), **draw(keywords())}


OVERLAPPING = [
    [{"type": "string", "maxLength": 2}, {"type": "string", "enum": ["", "long one"]}],
    [{"type": "integer", "minimum": 5}, {"type": "number", "maximum": 0}],
    [{"type": "string", "pattern": "^a"}, {"type": "string", "minLength": 3}, {"type": "boolean"}],
]


@st.composite
def unions(draw: Any) -> dict[str, Any]:
    """`oneOf`/`anyOf` of options of distinct JSON types (where both agree), or an `anyOf`
    whose options share a type (a value must pass the rules of one of them)."""
    if draw(st.integers(0, 3)) == 0:
        return {"anyOf": draw(st.sampled_from(OVERLAPPING))}
    kinds = draw(
        st.lists(
            st.sampled_from(["string", "integer", "boolean", "array", "object"]),
            min_size=2,
            max_size=3,
            unique=True,
        )
    )
    options = []
    for kind in kinds:
        if kind == "array":
            options.append({"type": "array", "items": draw(scalar_schemas()), **draw(keywords())})
        elif kind == "object":
            options.append({"$ref": "#/components/schemas/Pair"})
        elif kind in ("string", "integer") and draw(st.booleans()):
            values = ["a", "bb"] if kind == "string" else [1, 20]
            options.append({"type": kind, "enum": values, **draw(keywords())})
        else:
            options.append({"type": kind, **draw(keywords())})
    if draw(st.booleans()):
        options.append({"type": "null"})
    return {draw(st.sampled_from(["oneOf", "anyOf"])): options}


@st.composite
def all_ofs(draw: Any) -> dict[str, Any]:
    if draw(st.booleans()):
        kind = draw(st.sampled_from(["string", "integer"]))
        return {"allOf": [{"type": kind, **draw(keywords())}, draw(keywords())]}
    return {
        "allOf": [
            {"$ref": "#/components/schemas/Pair"},
            {"type": "object", "properties": {"z": draw(scalar_schemas())}, "required": ["z"]},
        ]
    }


# ------------------------------------------------------------------ values


def values(schema: Any, depth: int = 0) -> st.SearchStrategy[Any]:
    """Values around `schema`: most near what it accepts, some of other types."""
    others = st.sampled_from([None, True, 0, -1, 2.5, "", "ab", [], [1], {}, {"x": 1}])
    if not isinstance(schema, dict) or depth > 4:
        return others
    if "$ref" in schema:
        return values(HELPERS[schema["$ref"].rsplit("/", 1)[1]], depth + 1) | others
    if "enum" in schema:
        return st.sampled_from(schema["enum"]) | others
    if "const" in schema:
        return st.just(schema["const"]) | others
    for key in ("anyOf", "oneOf"):
        if key in schema and "properties" not in schema:
            return st.one_of([values(option, depth + 1) for option in schema[key]])
    if "allOf" in schema:
        parts = schema["allOf"]
        if any("$ref" in part for part in parts):
            return st.builds(
                lambda pair, extra: (
                    {**pair, **extra}
                    if isinstance(pair, dict) and isinstance(extra, dict)
                    else pair
                ),
                values(HELPERS["Pair"], depth + 1),
                values(parts[1], depth + 1),
            )
        return values(parts[0], depth + 1)
    kinds = schema.get("type")
    kinds = [kinds] if isinstance(kinds, str) else kinds or []
    near = [_near(schema, kind, depth) for kind in kinds if kind != "null"]
    if "null" in kinds:
        near.append(st.none())
    if not near:
        return others | st.dictionaries(st.sampled_from("ab"), others, max_size=2)
    return st.one_of(near) | others


def _near(schema: dict[str, Any], kind: str, depth: int) -> st.SearchStrategy[Any]:
    if kind == "string":
        longest = schema.get("maxLength", 3) + 1
        return st.text(ALPHABET, max_size=longest)
    if kind == "integer":
        return st.integers(-5, 6)
    if kind == "number":
        return st.sampled_from([-2, 0, 1, 3, 0.5, -1.5, 2.0, 4.0])
    if kind == "boolean":
        return st.booleans()
    if kind == "array":
        size = st.integers(0, schema.get("maxItems", 3) + 1)
        if "prefixItems" in schema:
            positions = [values(s, depth + 1) for s in schema["prefixItems"]]
            rest = values(schema.get("items", {}), depth + 1)
            return size.flatmap(
                lambda n: st.tuples(
                    *[positions[i] if i < len(positions) else rest for i in range(n)]
                ).map(list)
            )
        item = values(schema.get("items", {}), depth + 1)
        return st.lists(item, max_size=schema.get("maxItems", 3) + 1) | st.lists(
            item.filter(lambda v: v is not None), min_size=2, max_size=3
        ).map(
            lambda items: items + items[:1]
        )  # a repeated item
    properties = schema.get("properties", {})
    known = st.fixed_dictionaries(
        {}, optional={k: values(v, depth + 1) for k, v in properties.items()}
    )
    extra = schema.get("additionalProperties")
    if extra is None and properties:
        return known
    extras = st.dictionaries(
        st.sampled_from(["p", "q", "r"]),
        values(extra if isinstance(extra, dict) else {}, depth + 1),
        max_size=3,
    )
    return st.builds(lambda a, b: {**b, **a}, known, extras)


# ------------------------------------------------------------------ the client


def _document(cases: list[dict[str, Any]]) -> dict[str, Any]:
    components = dict(HELPERS)
    for index, schema in enumerate(cases):
        components[f"Case{index}"] = {
            "type": "object",
            "properties": {"value": schema},
            "required": ["value"],
        }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Oracle", "version": "1"},
        "paths": {},
        "components": {"schemas": components},
    }


def _generated_models(document: dict[str, Any], folder: Path) -> Any:
    import json

    package = f"oracle_{next(_packages)}"
    spec = folder / "oracle.json"
    spec.write_text(json.dumps(document), encoding="utf-8")
    result = generate(spec, folder / "out", package_name=package, formatter="ruff")
    write.apply(folder / "out", write.plan(folder / "out", result.files))
    sys.path.insert(0, str(folder / "out"))
    try:
        return (
            importlib.import_module(f"{package}.models"),
            importlib.import_module(f"{package}._decode").DecodeError,
            importlib.import_module(f"{package}.errors").RequestValidationError,
        )
    finally:
        sys.path.remove(str(folder / "out"))


def _same_json(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same_json(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same_json(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _plain(value: Any) -> Any:
    """What `json` would make of a value: tuples are arrays."""
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


_WHOLE_OBJECT_RULES = {"minProperties", "maxProperties", "anyOf", "oneOf", "dependentRequired"}
"""The rules the client checks on a model's whole object."""


def _lenient(error: jsonschema.ValidationError) -> bool:
    """Whether decoding is documented to accept what `error` says is wrong."""
    if error.validator == "additionalProperties":
        return True
    path = list(error.absolute_path)
    if error.instance is None and len(path) > 1 and isinstance(path[-1], str):
        return True
    if error.validator in ("anyOf", "oneOf") and error.context:
        by_option: dict[Any, list[jsonschema.ValidationError]] = {}
        for sub in error.context:
            by_option.setdefault(sub.relative_schema_path[0], []).append(sub)
        return any(all(_lenient(sub) for sub in subs) for subs in by_option.values())
    return False


def _rules(errors: list[jsonschema.ValidationError]) -> set[str]:
    found: set[str] = set()
    stack = list(errors)
    while stack:
        error = stack.pop()
        found.add(str(error.validator))
        stack.extend(error.context or [])
    return found


def _declared(schema: Any, value: Any) -> Any:
    """`value` without the properties a model ignores: those of an object with
    `properties` that says nothing of others (the documented leniency: unknown
    properties are ignored when decoding)."""
    if not isinstance(schema, dict):
        return value
    if "$ref" in schema:
        return _declared(HELPERS[schema["$ref"].rsplit("/", 1)[1]], value)
    for key in ("anyOf", "oneOf"):
        for option in schema.get(key, []) if "properties" not in schema else []:
            if _json_kind(value) in _kinds_of(option):
                return _declared(option, value)
    if "allOf" in schema and isinstance(value, dict):
        parts = [HELPERS["Pair"] if "$ref" in part else part for part in schema["allOf"]]
        properties = {k: v for part in parts for k, v in part.get("properties", {}).items()}
        required = [r for part in parts for r in part.get("required", [])]
        merged = {"properties": properties, "required": required} if properties else {}
        return _declared(merged, value)
    if isinstance(value, list):
        prefix = schema.get("prefixItems", [])
        rest = schema.get("items", {})
        return [_declared(prefix[i] if i < len(prefix) else rest, v) for i, v in enumerate(value)]
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        return {
            k: _declared(properties.get(k, extra), v)
            for k, v in value.items()
            if (k in properties or extra is not None or not properties)
            # an optional property that is null is read as absent
            and not (v is None and k in properties and k not in schema.get("required", []))
        }
    return value


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return {str: "string", list: "array", dict: "object"}[type(value)]


def _kinds_of(schema: dict[str, Any]) -> set[str]:
    if "$ref" in schema:
        return _kinds_of(HELPERS[schema["$ref"].rsplit("/", 1)[1]])
    kinds = schema.get("type")
    kinds = {kinds} if isinstance(kinds, str) else set(kinds or [])
    return {"number" if k == "integer" else k for k in kinds}


_SEGMENT = re.compile(r"\.([^.\[]+)|\[(\d+)\]|\[('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\]")


def _properties(named: str) -> list[str]:
    """The property names in a decoder path (`$.value.a[1]`) or a checked field
    (`Case3.value[1]`, `Case3.value['a']` for a map's value), without the leading `$`
    or model name."""
    return [
        m[1] or ast.literal_eval(m[3])
        for m in _SEGMENT.finditer(named[named.find(".") :])
        if m[1] or m[3]
    ]


def _oracle_places(errors: list[jsonschema.ValidationError]) -> set[str]:
    """The last property named by each error, sub-errors of unions included."""
    places: set[str] = set()
    stack = list(errors)
    while stack:
        error = stack.pop()
        keys = [k for k in error.absolute_path if isinstance(k, str)]
        places.add(keys[-1] if keys else "")
        if error.validator == "required":
            places.update(re.findall(r"^'([^']*)' is a required", error.message))
        stack.extend(error.context or [])
    return places


# ------------------------------------------------------------------ the property


def _check(models: Any, errors: tuple[Any, Any], cases: list[dict[str, Any]], data: Any) -> None:
    """Every disagreement with the oracle, all schemas of the document at once."""
    failures: list[str] = []
    for index in range(len(cases)):
        try:
            _check_case(models, errors, cases, index, data)
        except AssertionError as failure:
            failures.append(str(failure))
    assert not failures, f"{len(failures)} disagreements:\n" + "\n".join(failures[:12])


def _check_case(
    models: Any, errors: tuple[Any, Any], cases: list[dict[str, Any]], index: int, data: Any
) -> None:
    decode_error, request_error = errors
    schema = cases[index]
    document = _document(cases)
    model = getattr(models, f"Case{index}")
    oracle = jsonschema.Draft202012Validator(
        {
            **document["components"]["schemas"][f"Case{index}"],
            "components": document["components"],
        }
    )
    for _ in range(VALUES_PER_SCHEMA):
        value = data.draw(values(schema), label=f"Case{index}")
        instance = {"value": value}
        problems = list(oracle.iter_errors(instance))
        try:
            decoded = model.from_json(instance)
            encoded = _plain(decoded.to_json())
        except (decode_error, request_error) as refusal:
            assert problems, f"Case{index} {schema}: {value!r} is valid, yet {refusal!r}"
            named = refusal.path if isinstance(refusal, decode_error) else refusal.field
            ours = _properties(named)
            places = _oracle_places(problems)
            # A check of a model's whole object names the object (the model, or the
            # field holding it): then its rule must be one the oracle broke, or one that
            # properties read as absent (ignored, or null) break in turn.
            whole = isinstance(refusal, request_error) and refusal.rule in _WHOLE_OBJECT_RULES
            broken = _rules(problems)
            if any(_lenient(p) for p in problems):
                broken |= _WHOLE_OBJECT_RULES - {"maxProperties"}
            assert (ours and ours[-1] in places) or (whole and refusal.rule in broken), (
                f"Case{index} {schema}: {value!r} refused as {refusal!r}; "
                f"jsonschema: {[p.message for p in problems]}"
            )
            continue
        if problems:
            # The documented leniencies: properties an object does not allow, and
            # optional properties sent as null, are read as absent (and not sent).
            # Dropping properties may also cure a `maxProperties`, or leave a `oneOf`
            # with one option (an optional property present but null satisfied a
            # `required`): the value as decoding reads it is then valid.
            read_as = {"value": _declared(schema, value)}
            assert not list(oracle.iter_errors(read_as)) or all(
                _lenient(p) or p.validator == "maxProperties" for p in problems
            ), (
                f"Case{index} {schema}: {value!r} is invalid "
                f"({[p.message for p in problems]}) yet accepted as {encoded!r}"
            )
            assert not list(oracle.iter_errors(encoded)), encoded
            continue
        expected = {"value": _declared(schema, value)}
        assert _same_json(encoded, expected), f"Case{index} {schema}: {value!r} → {encoded!r}"


@pytest.mark.parametrize(
    ("examples", "fixed"),
    [
        # In make test, the same examples on every run: a CI run fails for a change, not a draw.
        pytest.param(4, True, id="small"),
        pytest.param(40, False, id="many", marks=pytest.mark.large),
    ],
)
def test_generated_models_agree_with_jsonschema(
    examples: int, fixed: bool, tmp_path_factory: pytest.TempPathFactory
) -> None:

    @settings(
        max_examples=examples,
        derandomize=fixed,
        # Each example generates a client: shrinking would take minutes, and a failure
        # already names its schema and value.
        phases=[Phase.explicit, Phase.reuse, Phase.generate],
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )
    @given(
        cases=st.lists(schemas(), min_size=SCHEMAS_PER_DOCUMENT, max_size=SCHEMAS_PER_DOCUMENT),
        data=st.data(),
    )
    def run(cases: list[dict[str, Any]], data: Any) -> None:
        folder = tmp_path_factory.mktemp("oracle")
        models, *errors = _generated_models(_document(cases), folder)
        _check(models, (errors[0], errors[1]), cases, data)

    run()
