"""Stage 2: check that a document is a sound OpenAPI 3.0/3.1 description.

openapi-spec-validator does the schema-level work. Before it runs we check
what it cannot report as a value: the `openapi` version and every local
`$ref` (the validator raises, rather than reports, on a dangling reference).
Beside it we check what it reports without a place, or not at all: operation
ids used twice (both places are reported), path parameters missing from a
path template or from the parameters, and misspelt keywords
(`generator.objects`).

Every finding is a JSON pointer into the (bundled) document and a message.
The validator's own errors carry pointers relative to the sub-schema or value
it was checking, and follow `$ref`s as it goes; `_located_validator` records
which object each check was about, and `_physical` turns that into the
pointer of the node as written. Of an `anyOf`/`oneOf` that failed, the errors
of the alternative the author evidently meant are reported (`type: strng`
reports `type` and lists the valid types), not "not valid under any of the
given schemas". Findings are sorted and deduplicated, so the result (and what
the cache keeps) does not depend on the order the validator happens to walk
in, which varies with `PYTHONHASHSEED`.

In strict mode every problem is an error. In lenient mode (for third-party
documents, which are often slightly invalid) problems become warnings and the
later stages go on where the meaning is still clear.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .cache import DISABLED, Cache, installed, key
from .errors import (
    Problem,
    Severity,
    SpecError,
    in_document_order,
    join_pointer,
    split_pointer,
)
from .load import Document
from .objects import did_you_mean, unknown_keywords, walk

Finding = tuple[str, str, bool]
"""(JSON pointer, message, whether the problem is the member's key rather than its value)."""

SWAGGER_2 = (
    "this is Swagger 2.0; convert it to OpenAPI 3 first (for example with "
    "`npx swagger2openapi {name} -o openapi.yaml`, or at https://converter.swagger.io), "
    "then generate from the converted document"
)


def validate_document(
    document: Document, *, lenient: bool = False, cache: Cache = DISABLED
) -> list[Problem]:
    """Return the warnings for `document`; raise `SpecError` if it has errors."""
    return start_validation(document, lenient=lenient, cache=cache).result()


def start_validation(
    document: Document, *, lenient: bool = False, cache: Cache = DISABLED
) -> Validation:
    """Begin validating `document`; `result()` gives the verdict.

    The findings for a given document are cached: validating a large document
    takes seconds, and most runs see a document that was validated before.
    When they are not cached, and the machine has more than one core, the
    validator runs in a forked child process, so that the later stages can
    work beside it; nothing may be written before `result()` has returned.
    """
    version = _version(document)
    entry = key(
        installed("openapi_spec_validator"),
        installed("generator.validate"),
        installed("generator.objects"),
        _shape(document.data),
    )
    validation = Validation(document, version, lenient, cache, entry)
    cached = cache.get("validate", entry)
    if cached is not None:
        validation.findings = [(p, message, key) for p, message, key in json.loads(cached)]
    elif sys.platform == "linux" and (os.cpu_count() or 1) > 1:
        validation.start_child()
    else:
        validation.finish(findings(document.data, version))
    return validation


def _version(document: Document) -> str:
    data = document.data
    if "swagger" in data and "openapi" not in data:
        raise SpecError([document.problem("/swagger", SWAGGER_2.format(name=document.path.name))])
    if "openapi" not in data:
        message = (
            "the document has no 'openapi' field: an OpenAPI 3 document starts with "
            "`openapi: 3.1.0` (or 3.0.x)"
        )
        raise SpecError([document.problem("", message)])
    version = str(data["openapi"])
    if not re.match(r"^3\.[01]\.\d+", version):
        message = f"unsupported OpenAPI version {version!r}; use 3.0.x or 3.1.x"
        raise SpecError([document.problem("/openapi", message)])
    return version


class Validation:
    """A validation under way (in a child process) or done."""

    def __init__(
        self, document: Document, version: str, lenient: bool, cache: Cache, entry: str
    ) -> None:
        self.document = document
        self.version = version
        self.lenient = lenient
        self.cache = cache
        self.entry = entry
        self.findings: list[Finding] | None = None
        self._child: Any = None
        self._answer: Any = None

    def start_child(self) -> None:
        import multiprocessing

        # Forked, so the child shares the parsed document instead of receiving a copy.
        context = multiprocessing.get_context("fork")
        self._answer, sender = context.Pipe(duplex=False)
        self._child = context.Process(
            target=_report_findings, args=(self.document.data, self.version, sender), daemon=True
        )
        self._child.start()
        sender.close()

    def finish(self, found: list[Finding]) -> list[Finding]:
        self.findings = found
        self.cache.put("validate", self.entry, json.dumps(found))
        return found

    def result(self) -> list[Problem]:
        """The warnings, in document order; raises `SpecError` if the document has errors."""
        found = self.findings if self.findings is not None else self.finish(self._answered())
        severity = Severity.WARNING if self.lenient else Severity.ERROR
        problems = in_document_order(
            (
                Problem(message, self.document.location(pointer, key=key), severity)
                for pointer, message, key in found
            ),
            self.document.path,
        )
        if problems and not self.lenient:
            raise SpecError(problems)
        return problems

    def _answered(self) -> list[Finding]:
        try:
            found: list[Finding] = self._answer.recv()
        except EOFError:  # the child died without answering (killed, out of memory)
            found = findings(self.document.data, self.version)
        finally:
            self._answer.close()
            self._child.join()
        return found


def _report_findings(data: Any, version: str, sender: Any) -> None:
    """The child process: validate, send the findings back."""
    with sender:
        sender.send(findings(data, version))


def findings(data: Any, version: str) -> list[Finding]:
    """Every problem of the document, once each, sorted (so always in the same order)."""
    references = [(p, message, False) for p, message in _reference_problems(data, version)]
    keywords = [(p, message, True) for p, message in unknown_keywords(data, version)]
    found = references + keywords
    if not references:  # the validator cannot walk a document with a dangling reference
        found.extend((p, m, False) for p, m in _duplicate_operation_ids(data, version))
        found.extend((p, m, False) for p, m in _path_parameter_problems(data, version))
        # A misspelt keyword is reported once, by the keyword check: the validator's
        # "unexpected property" about it, and what it says of its value, go.
        flagged = {pointer for pointer, _, _ in keywords}
        holders = {pointer.rsplit("/", 1)[0] for pointer in flagged}
        found.extend(
            (pointer, message, False)
            for pointer, message, unexpected in _schema_problems(data, version)
            if not (unexpected and pointer in holders) and not _under(pointer, flagged)
        )
    return sorted(set(found))


def _under(pointer: str, places: set[str]) -> bool:
    while pointer:
        if pointer in places:
            return True
        pointer = pointer.rsplit("/", 1)[0]
    return False


_PROSE = frozenset({"description", "summary"})
# Values that are data, where a "description" key is data too and is kept as written.
_DATA = frozenset({"example", "examples", "default", "enum", "const"})


def _shape(data: Any) -> str:
    """The document as the validator sees it: prose texts only count as being strings.

    Editing a description (the most common edit) must not cost a revalidation;
    a description that is not a string still changes the key.
    """

    def blank(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                k: ("" if k in _PROSE and isinstance(v, str) else v if k in _DATA else blank(v))
                for k, v in node.items()
            }
        if isinstance(node, list):
            return [blank(item) for item in node]
        return node

    return json.dumps(blank(data), sort_keys=True, ensure_ascii=False, default=str)


# ---------------------------------------------------------------- references


def _reference_problems(data: Any, version: str) -> Iterator[tuple[str, str]]:
    """Every `$ref` where OpenAPI reads one must point at something that exists.

    (A `$ref` key inside an example or a default value is data, and left alone.)
    """
    for pointer, _, node in walk(data, version):
        if not isinstance(node, dict):
            continue
        ref = node.get("$ref")
        if not isinstance(ref, str):
            continue
        if not ref.startswith("#"):
            yield (
                pointer + "/$ref",
                f"$ref {ref!r} refers to another document in a place the generator does not "
                "follow references to other files",
            )
        elif not _resolves(data, ref):
            yield pointer + "/$ref", f"$ref {ref!r} points at nothing"


def resolve_pointer(data: Any, pointer: str) -> Any:
    """The value at `pointer` inside `data`; raises KeyError if there is none."""
    node = data
    for token in split_pointer(pointer):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise KeyError(pointer)
    return node


def _resolves(data: Any, ref: str) -> bool:
    try:
        resolve_pointer(data, ref[1:])
    except (KeyError, ValueError):
        return False
    return True


def _resolved(data: Any, node: Any, pointer: str) -> tuple[Any, str]:
    """`node` with local references followed, and the pointer of what it ends at."""
    for _ in range(64):
        ref = node.get("$ref") if isinstance(node, dict) else None
        if not isinstance(ref, str) or not ref.startswith("#"):
            break
        try:
            node, pointer = resolve_pointer(data, ref[1:]), ref[1:]
        except (KeyError, ValueError):
            break
    return node, pointer


# ---------------------------------------------------------------- operations


_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _operations(data: Any, version: str) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(path template, method, pointer, operation) of every operation under `paths`."""
    paths = data.get("paths")
    if not isinstance(paths, dict):
        return
    for template, item in paths.items():
        item, item_pointer = _resolved(data, item, join_pointer("paths", template))
        if not isinstance(item, dict):
            continue
        for method in _METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                yield template, method, f"{item_pointer}/{method}", operation


def _duplicate_operation_ids(data: Any, version: str) -> Iterator[tuple[str, str]]:
    places: dict[str, list[str]] = {}
    for _, _, pointer, operation in _operations(data, version):
        operation_id = operation.get("operationId")
        if isinstance(operation_id, str):
            places.setdefault(operation_id, []).append(pointer + "/operationId")
    for operation_id, pointers in places.items():
        for pointer in pointers if len(pointers) > 1 else ():
            others = ", ".join(p for p in pointers if p != pointer)
            yield (
                pointer,
                f"operationId {operation_id!r} is used more than once (also at {others}); "
                "each operation needs its own",
            )


_TEMPLATE_PARAMETER = re.compile(r"{([^{}]+)}")


def _path_parameter_problems(data: Any, version: str) -> Iterator[tuple[str, str]]:
    """Each `{name}` of a path template needs a path parameter, and each one a `{name}`."""
    paths = data.get("paths")
    if not isinstance(paths, dict):
        return
    for template, item in paths.items():
        item_pointer = join_pointer("paths", template)
        item, resolved_pointer = _resolved(data, item, item_pointer)
        if not isinstance(item, dict):
            continue
        in_template = _TEMPLATE_PARAMETER.findall(template)
        shared = dict(_path_parameters(data, item, resolved_pointer))
        missing: dict[str, list[str]] = {}
        for method in _METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            own = _path_parameters(data, operation, f"{resolved_pointer}/{method}")
            declared = {**shared, **dict(own)}
            for name in in_template:
                if name not in declared:
                    missing.setdefault(name, []).append(method)
            for name, pointer in declared.items():
                if name not in in_template:
                    yield (
                        pointer,
                        f"path parameter {name!r} does not appear in the path template "
                        f"{template!r}",
                    )
        for name, methods in missing.items():
            yield (
                item_pointer,
                f"the path template {template!r} has {{{name}}}, but {'/'.join(methods)} "
                f"declares no parameter with `in: path` and `name: {name}`",
            )


def _path_parameters(data: Any, owner: dict[str, Any], pointer: str) -> Iterator[tuple[str, str]]:
    parameters = owner.get("parameters")
    if not isinstance(parameters, list):
        return
    for index, written in enumerate(parameters):
        parameter, _ = _resolved(data, written, f"{pointer}/parameters/{index}")
        if isinstance(parameter, dict) and parameter.get("in") == "path":
            name = parameter.get("name")
            if isinstance(name, str):
                # Where the operation names it: the parameter itself may be shared.
                where = f"{pointer}/parameters/{index}"
                yield name, where if parameter is not written else where + "/name"


# ---------------------------------------------------------------- the validator


def _schema_problems(data: Any, version: str) -> list[tuple[str, str, bool]]:
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
    from openapi_spec_validator.validation import keywords
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    base: Any = OpenAPIV30SpecValidator if version.startswith("3.0") else OpenAPIV31SpecValidator

    class EverySchemaError(base.keyword_validators["schema"]):  # type: ignore[misc,name-defined]
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
            meta = validator_for(checker.META_SCHEMA, default=checker)(
                checker.META_SCHEMA, format_checker=format_checker, registry=REGISTRY
            )
            found = list(meta.iter_errors(schema_value))
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
    return type(
        "Located" + base.__name__,
        (base,),
        {"keyword_validators": validators, "resolver_handlers": {}},
    )


def _physical(data: Any, parts: Iterable[Any]) -> list[str | int]:
    """The pointer tokens of the node the validator reached by `parts`, following `$ref`s."""
    node: Any = data
    tokens: list[str | int] = []
    for part in parts:
        node, pointer = _resolved(data, node, join_pointer(*tokens))
        tokens = list(split_pointer(pointer))
        if isinstance(node, dict) and str(part) in node:
            node = node[str(part)]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            tokens.append(part)
            return tokens
        tokens.append(part)
    node, pointer = _resolved(data, node, join_pointer(*tokens))
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
