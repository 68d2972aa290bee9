"""Stage 2: check that a document is a sound OpenAPI 3.0/3.1 description.

openapi-spec-validator does the schema-level work. Before it runs we check
what it cannot report as a value: the `openapi` version and every local
`$ref` (the validator raises, rather than reports, on a dangling reference).

In strict mode every problem is an error. In lenient mode (for third-party
documents, which are often slightly invalid) problems become warnings and the
later stages go on where the meaning is still clear.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

from .errors import Problem, Severity, SpecError, join_pointer, split_pointer
from .load import Document


def validate_document(document: Document, *, lenient: bool = False) -> list[Problem]:
    """Return the warnings for `document`; raise `SpecError` if it has errors."""
    version = str(document.data.get("openapi", ""))
    if version.startswith("3.0"):
        validator_class: Any = OpenAPIV30SpecValidator
    elif version.startswith("3.1"):
        validator_class = OpenAPIV31SpecValidator
    else:
        raise SpecError(
            [
                document.problem(
                    "/openapi", f"unsupported OpenAPI version {version!r}; use 3.0 or 3.1"
                )
            ]
        )

    problems = list(_dangling_references(document))
    if not problems:
        problems.extend(_schema_problems(document, validator_class))

    if lenient:
        return [Problem(p.message, p.location, Severity.WARNING) for p in problems]
    if problems:
        raise SpecError(problems)
    return []


def _schema_problems(document: Document, validator_class: Any) -> Iterator[Problem]:
    try:
        errors = list(validator_class(document.data).iter_errors())
    except Exception as exc:  # the validator raises on constructs it cannot walk
        yield document.problem("", f"the OpenAPI validator failed: {exc}")
        return
    seen: set[tuple[str, str]] = set()
    for error in errors:
        pointer = join_pointer(*getattr(error, "absolute_path", ()))
        message = _short_message(error)
        if (pointer, message) not in seen:
            seen.add((pointer, message))
            yield document.problem(pointer, message)


def _short_message(error: Any) -> str:
    message = str(getattr(error, "message", error))
    # jsonschema messages embed the whole offending instance; keep them readable.
    return message if len(message) <= 300 else message[:297] + "..."


def _dangling_references(document: Document) -> Iterator[Problem]:
    """Every local `$ref` must point at something that exists."""
    stack: list[tuple[str, Any]] = [("", document.data)]
    while stack:
        pointer, node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and not _resolves(document.data, ref):
                if ref.startswith("#"):
                    yield document.problem(pointer + "/$ref", f"$ref {ref!r} points at nothing")
                else:
                    yield document.problem(
                        pointer + "/$ref",
                        f"$ref {ref!r} refers to another document; only local references "
                        "(starting with '#') are supported",
                    )
            for key, value in node.items():
                if isinstance(value, dict | list):
                    stack.append((f"{pointer}/{_token(key)}", value))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                if isinstance(value, dict | list):
                    stack.append((f"{pointer}/{index}", value))


def _token(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


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
    if not ref.startswith("#"):
        return False
    try:
        resolve_pointer(data, ref[1:])
    except (KeyError, ValueError):
        return False
    return True
