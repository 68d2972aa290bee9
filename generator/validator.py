"""openapi-spec-validator, with every error located and told in words an author can act on.

The validator's errors carry pointers relative to the sub-schema or value it
was checking, and it follows `$ref`s as it goes. `_located_validator` records
which object each check was about, and `_physical` turns that into the pointer
of the node as written. Of an `anyOf`/`oneOf` that failed, the errors of the
alternative the author evidently meant are reported (`type: strng` reports
`type` and lists the valid types), not "not valid under any of the given
schemas".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .errors import join_pointer, resolved, split_pointer
from .objects import did_you_mean


def schema_problems(data: Any, version: str) -> list[tuple[str, str, bool]]:
    """(pointer, message, whether it is about unexpected fields) for each validator finding.

    One place gets one finding where one follows from another: a value of the
    wrong type is not also said to be outside its enum; and in 3.0, where the
    document's JSON schema checks schemas as the schema check does, the first
    one's words are kept.
    """
    try:
        errors = list(_located_validator(version)(data).iter_errors())
    except Exception as exc:  # the validator raises on constructs it cannot walk
        return [("", f"the OpenAPI validator failed: {exc}", False)]
    found: list[tuple[str, str, bool, str, bool]] = []  # + validator keyword, from the schema check
    for error in errors:
        if type(error).__name__ in _REPORTED_BY_US:
            continue
        base = _physical(data, getattr(error, "clientgen_parts", ()))
        every = getattr(error, "clientgen_all", None)
        for sub in every or [error]:
            for specific in _specific(sub):
                tokens = [*base, *specific.absolute_path]
                if type(error).__name__ == "ExtraParametersError":
                    tokens.append("required")
                found.append(
                    (
                        join_pointer(*tokens),
                        _describe(specific, tokens),
                        specific.validator in _UNEXPECTED,
                        str(specific.validator),
                        bool(every),
                    )
                )
    document_level = {pointer for pointer, _, _, _, from_schema in found if not from_schema}
    wrong_type = {pointer for pointer, _, _, keyword, _ in found if keyword == "type"}
    missing: dict[str, list[str]] = {}  # pointer -> the required fields it lacks
    kept = []
    for pointer, message, unexpected, keyword, from_schema in found:
        if (from_schema and pointer in document_level) or (
            keyword in ("enum", "const", "format") and pointer in wrong_type
        ):
            continue
        if keyword == "required" and message.endswith(_MISSING):
            names = missing.setdefault(pointer, [])
            if message[: -len(_MISSING)] not in names:
                names.append(message[: -len(_MISSING)])
            continue
        kept.append((pointer, message, unexpected))
    for pointer, names in missing.items():
        names.sort()
        if len(names) == 1:
            kept.append((pointer, names[0] + _MISSING, False))
        else:
            listed = ", ".join(names[:-1]) + " and " + names[-1]
            kept.append((pointer, f"{listed} are required here and missing", False))
    return kept


_MISSING = " is required here and missing"
_REPORTED_BY_US = frozenset({"DuplicateOperationIDError", "UnresolvableParameterError"})
_UNEXPECTED = frozenset({"additionalProperties", "unevaluatedProperties"})


def _located_validator(version: str) -> Any:
    """openapi-spec-validator's validator, with each error told which object it is about.

    The keyword validators (one per kind of object) report errors relative to
    the object they check; each is wrapped to record that object's path on the
    errors it yields. The schema check reports every error of a schema instead
    of the first one (which one came first varied from run to run). No
    reference is ever fetched: the document is bundled beforehand, and the
    validator has no handler to fetch with.

    This leans on the keyword-validator classes of openapi-spec-validator 0.9
    (pinned in requirements/lock.txt).
    """
    from jsonschema.validators import validator_for
    from jsonschema_path import SchemaPath
    from openapi_schema_validator._specifications import REGISTRY
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
    from openapi_spec_validator.schemas import schema_v30, schema_v31
    from openapi_spec_validator.schemas.backend.jsonschema import create_validator
    from openapi_spec_validator.validation import keywords
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    base: Any = OpenAPIV30SpecValidator if version.startswith("3.0") else OpenAPIV31SpecValidator
    checked: dict[tuple[int, str], list[Any]] = {}  # the meta-schema's errors, by schema
    meta_checks: dict[int, QuickFirst] = {}

    def meta_check(checker: Any, format_checker: Any) -> QuickFirst:
        """The check of a schema against its dialect's meta-schema, jsonschema-rs first
        (jsonschema took 16 s of the 20 of OpenAI's validation in these checks)."""
        if id(checker) not in meta_checks:
            located = validator_for(checker.META_SCHEMA, default=checker)(
                checker.META_SCHEMA, format_checker=format_checker, registry=REGISTRY
            )
            meta_checks[id(checker)] = QuickFirst(located, REGISTRY)
        return meta_checks[id(checker)]

    class EverySchemaError(base.keyword_validators["schema"]):  # type: ignore[misc,name-defined]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.visited_schema_ids = _SeenIds()
            self.meta_checked_schema_ids = _SeenIds()

        def _validate_schema_meta(self, schema: Any, schema_value: Any) -> Any:
            if isinstance(self, keywords.OpenAPIV31SchemaValidator):
                try:
                    dialect = self._get_schema_dialect_id(schema, schema_value)
                except ValueError as exc:
                    return OpenAPIValidationError(str(exc))
                checker = self._get_validator_class_for_dialect(dialect)
                if checker is None:
                    return OpenAPIValidationError(f"unknown JSON Schema dialect {dialect!r}")
                format_checker = self.schema_validator_format_checker
            else:
                checker = self.schema_validator_cls
                format_checker = checker.FORMAT_CHECKER
            # Documents repeat schemas (a shared parameter's on every operation): each
            # distinct one is checked once.
            seen = (id(checker), json.dumps(schema_value, sort_keys=True, default=repr))
            if seen not in checked:
                check = meta_check(checker, format_checker)
                # jsonschema-rs checks no format; the one the meta-schemas ask for that
                # the checker knows is `regex`.
                quick = check.quick_verdict(schema_value) and _regexes_compile(schema_value)
                checked[seen] = [] if quick else list(check.located.iter_errors(schema_value))
            found = checked[seen]
            if not found:
                return None
            error = OpenAPIValidationError(found[0].message)
            error.clientgen_all = found
            return error

    def located(validator: Any) -> Any:
        class Located(validator):  # type: ignore[misc]
            def __call__(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
                where = next((a for a in args if isinstance(a, SchemaPath)), None)
                parts = () if where is None else tuple(where.parts)
                if isinstance(self, keywords.ValueValidator):
                    parts += ("default",)
                for error in super().__call__(*args, **kwargs):
                    if where is not None and not hasattr(error, "clientgen_parts"):
                        # Converted here, as the validator would convert it later,
                        # so that the conversion keeps the mark.
                        if not isinstance(error, OpenAPIValidationError):
                            error = OpenAPIValidationError.create_from(error)
                        error.clientgen_parts = parts
                    yield error

        return Located

    validators = {name: located(v) for name, v in base.keyword_validators.items()}
    validators["schema"] = located(EverySchemaError)
    document_schema = schema_v30 if version.startswith("3.0") else schema_v31
    return type(
        "Located" + base.__name__,
        (base,),
        {
            "keyword_validators": validators,
            "resolver_handlers": {},
            "schema_validator": QuickFirst(create_validator(document_schema)),
        },
    )


def _plain(value: Any) -> Any:
    """`value` as plain dicts and lists (the validators' schemas are read-only mappings)."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _regexes_compile(schema: Any) -> bool:
    """Whether every `pattern` and `patternProperties` key within `schema` (or any value
    under such a name, schema or not) is a regular expression Python compiles: the one
    format the meta-schemas ask for that the checker knows (jsonschema-rs checks none)."""
    if isinstance(schema, list):
        return all(_regexes_compile(item) for item in schema)
    if not isinstance(schema, dict):
        return True
    regexes = [schema["pattern"]] if isinstance(schema.get("pattern"), str) else []
    if isinstance(schema.get("patternProperties"), dict):
        regexes.extend(schema["patternProperties"])
    for regex in regexes:
        try:
            re.compile(regex)
        except Exception:  # re.error, or a pattern too deep for it: jsonschema decides
            return False
    return all(_regexes_compile(item) for item in schema.values())


class _SeenIds(set[int]):
    """The schemas the validator has walked or checked, as a set: it keeps them in lists,
    searched at every schema, which took 12 s of the 24 of GitHub's document."""

    def append(self, schema_id: int) -> None:
        self.add(schema_id)


class QuickFirst:
    """A check against a JSON schema (the OpenAPI one of the whole document, or a
    dialect's meta-schema of each schema): jsonschema-rs says whether there is any
    error, and jsonschema (`located`) lists them when there are.

    jsonschema takes seconds on a large document (15 s on OpenAI's, 1.2 s on
    Kubernetes'), jsonschema-rs milliseconds; but only jsonschema's errors carry
    the paths findings are located by. jsonschema-rs checks no format (the
    document's check asks for none; the meta-schemas' `regex` is checked apart).
    The two agree on validity (`tests/test_validate.py` holds them to it).
    """

    def __init__(self, located: Any, registry: Any = None) -> None:
        import jsonschema_rs

        self.located = located
        schema = getattr(located.schema, "__wrapped__", located.schema)  # loaded lazily
        # The schemas it refers to (a dialect's meta-schemas), from `referencing`'s registry.
        resources = [(uri, _plain(registry[uri].contents)) for uri in registry or ()]
        self.quick = jsonschema_rs.validator_for(
            _plain(schema),
            validate_formats=False,
            registry=jsonschema_rs.Registry(resources) if resources else None,
        )

    def quick_verdict(self, instance: Any) -> bool | None:
        """jsonschema-rs's verdict, or None for a value it cannot take."""
        try:
            return bool(self.quick.is_valid(instance))
        except ValueError:
            return None

    def is_valid(self, instance: Any) -> bool:
        verdict = self.quick_verdict(instance)
        if verdict is None:
            return not any(True for _ in self.located.iter_errors(instance))
        return verdict

    def iter_errors(self, instance: Any) -> Iterator[Any]:
        if self.quick_verdict(instance) is not True:
            yield from self.located.iter_errors(instance)


def _physical(data: Any, parts: Iterable[Any]) -> list[str | int]:
    """The pointer tokens of the node the validator reached by `parts`, following `$ref`s."""
    node: Any = data
    tokens: list[str | int] = []
    for part in parts:
        node, pointer = resolved(data, node, join_pointer(*tokens))
        tokens = list(split_pointer(pointer))
        if isinstance(node, dict) and str(part) in node:
            node = node[str(part)]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            tokens.append(part)
            return tokens
        tokens.append(part)
    node, pointer = resolved(data, node, join_pointer(*tokens))
    return list(split_pointer(pointer))


def _specific(error: Any) -> list[Any]:
    """What the author needs to fix, rather than "not valid under any of the given schemas".

    An `anyOf`/`oneOf` failed: each alternative failed in its own way. Those
    the value is evidently not meant to be (its type is wrong for it; it
    requires a `$ref` the value does not have) are set aside, and the errors
    of the alternative that got deepest into the value are reported, each
    made specific in turn. When that leaves no single alternative, the error
    stays as it is.
    """
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        return [error]
    branches: dict[Any, list[Any]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)

    def misfit(errors: list[Any]) -> int:
        """2: the value is not even of this alternative's type; 1: a constant or enum at the top."""
        worst = 0
        for sub in errors:
            if sub.relative_path:
                continue
            if sub.validator == "type" or (
                sub.validator == "required"
                and "$ref" in (sub.validator_value or [])
                and not (isinstance(sub.instance, dict) and "$ref" in sub.instance)
            ):
                worst = max(worst, 2)
            elif sub.validator in ("enum", "const"):
                worst = max(worst, 1)
        return worst

    fitness = {branch: misfit(errors) for branch, errors in branches.items()}
    best_fit = min(fitness.values())
    if best_fit == 2:
        return [error]
    candidates = [b for b in branches if fitness[b] == best_fit]
    expanded = {b: [s for sub in branches[b] for s in _specific(sub)] for b in candidates}

    def rank(branch: Any) -> tuple[int, int]:
        """The alternative that got deepest into the value, with the fewest complaints."""
        found = expanded[branch]
        return -max(len(s.absolute_path) for s in found), len(found)

    best = min(rank(b) for b in candidates)
    chosen = [b for b in candidates if rank(b) == best]
    if len(chosen) == 1:
        return expanded[chosen[0]]
    # Alternatives told apart by one field's value (`in: path`, `in: query`...): that
    # field must be one of all their values.
    ones = [expanded[b][0] for b in chosen if len(expanded[b]) == 1]
    if len(ones) == len(chosen) and all(
        one.validator in ("enum", "const") and one.absolute_path == ones[0].absolute_path
        for one in ones
    ):
        values: list[Any] = []
        for branch in candidates:
            for sub in expanded[branch]:
                if (
                    sub.validator in ("enum", "const")
                    and sub.absolute_path == ones[0].absolute_path
                ):
                    allowed = (
                        sub.validator_value if sub.validator == "enum" else [sub.validator_value]
                    )
                    values.extend(v for v in allowed if v not in values)
        return [_Choices(ones[0].instance, ones[0].absolute_path, values)]
    return [error]


@dataclass
class _Choices:
    """A value that must be one of `validator_value`: what several alternatives said together."""

    instance: Any
    absolute_path: Any
    validator_value: list[Any]
    validator: str = "enum"
    message: str = ""


def _describe(error: Any, tokens: list[Any]) -> str:
    """A validator error (about the node at `tokens`) in words a spec author can act on."""
    field = f"`{tokens[-1]}`" if tokens and isinstance(tokens[-1], str) else "the value"
    instance = error.instance
    kind = error.validator
    if kind == "enum" and isinstance(error.validator_value, list):
        choices = [str(c) if isinstance(c, str) else json.dumps(c) for c in error.validator_value]
        message = f"{field} must be one of: {', '.join(choices)}; found {_short(instance)}"
        if isinstance(instance, str):
            guess = did_you_mean(instance, [c for c in choices if c])
            if guess is not None:
                message += f" (did you mean {guess!r}?)"
        return message
    if kind == "const":
        return f"{field} must be {_short(error.validator_value)}; found {_short(instance)}"
    if kind == "type":
        wanted = error.validator_value
        names = [wanted] if isinstance(wanted, str) else list(wanted)
        wanted_text = " or ".join(_TYPE_NAMES.get(n, n) for n in names)
        return f"{field} must be {wanted_text}; found {_kind_of(instance)}"
    if kind == "required" and isinstance(error.message, str):
        missing = error.message.split(" is a required property")[0]
        return missing + _MISSING
    if kind in ("anyOf", "oneOf") and "valid under each of" not in error.message:
        wanted = _root_types(error)
        if wanted:
            return f"{field} must be {' or '.join(wanted)}; found {_kind_of(instance)}"
        return f"{field} ({_short(instance)}) does not match any of the forms allowed here"
    if kind == "uniqueItems" and isinstance(instance, list):
        repeated: list[Any] = []
        for index, value in enumerate(instance):
            if value in instance[:index] and value not in repeated:
                repeated.append(value)
        return f"{field} lists {', '.join(_short(v) for v in repeated)} more than once"
    message = str(error.message)
    if type(error).__name__ == "ExtraParametersError":
        inside = re.search(r"\[(.*)\]", message)
        names = sorted(n.strip().strip("'\"") for n in inside.group(1).split(",")) if inside else []
        return "listed as required but defined by no property: " + ", ".join(map(repr, names))
    return message if len(message) <= 300 else message[:297] + "..."


def _root_types(error: Any) -> list[str]:
    """The types the alternatives of a failed `anyOf`/`oneOf` want, if that is all they say."""
    wanted: list[str] = []
    for sub in error.context:
        if sub.relative_path:
            return []
        if sub.validator == "type":
            names = (
                [sub.validator_value]
                if isinstance(sub.validator_value, str)
                else list(sub.validator_value)
            )
            wanted.extend(
                _TYPE_NAMES.get(n, n) for n in names if _TYPE_NAMES.get(n, n) not in wanted
            )
        elif sub.validator == "required" and "$ref" in (sub.validator_value or []):
            continue  # a Reference Object: it is not a type
        else:
            return []
    return wanted


_TYPE_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "object": "a mapping",
    "array": "a list",
    "null": "null",
}


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return f"a boolean ({json.dumps(value)})"
    if isinstance(value, int):
        return f"an integer ({value})"
    if isinstance(value, float):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"a string ({_short(value)})"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def _short(value: Any) -> str:
    text = (
        json.dumps(value, ensure_ascii=False, default=str)
        if not isinstance(value, str)
        else repr(value)
    )
    return text if len(text) <= 60 else text[:57] + "..."
