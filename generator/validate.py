"""Stage 2: check that a document is a sound OpenAPI 3.0/3.1 description.

openapi-spec-validator does the schema-level work. Before it runs we check
what it cannot report as a value: the `openapi` version and every local
`$ref` (the validator raises, rather than reports, on a dangling reference).

In strict mode every problem is an error. In lenient mode (for third-party
documents, which are often slightly invalid) problems become warnings and the
later stages go on where the meaning is still clear.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from typing import Any

from .cache import DISABLED, Cache, installed, key
from .errors import Problem, Severity, SpecError, join_pointer, split_pointer
from .load import Document

Finding = tuple[str, str]  # (JSON pointer, message)


def validate_document(
    document: Document, *, lenient: bool = False, cache: Cache = DISABLED
) -> list[Problem]:
    """Return the warnings for `document`; raise `SpecError` if it has errors."""
    return start_validation(document, lenient=lenient, cache=cache).result()


def start_validation(
    document: Document, *, lenient: bool = False, cache: Cache = DISABLED
) -> Validation:
    """Begin validating `document`; `result()` gives the verdict.

    The findings for a given text are cached: validating a large document
    takes seconds, and most runs see a document that was validated before.
    When they are not cached, and the machine has more than one core, the
    validator runs in a forked child process, so that the later stages can
    work beside it; nothing may be written before `result()` has returned.
    """
    version = str(document.data.get("openapi", ""))
    if not version.startswith(("3.0", "3.1")):
        message = f"unsupported OpenAPI version {version!r}; use 3.0 or 3.1"
        raise SpecError([document.problem("/openapi", message)])
    entry = key(installed("openapi_spec_validator"), _shape(document.data))
    validation = Validation(document, version, lenient, cache, entry)
    cached = cache.get("validate", entry)
    if cached is not None:
        validation.findings = [(pointer, message) for pointer, message in json.loads(cached)]
    elif sys.platform == "linux" and (os.cpu_count() or 1) > 1:
        validation.start_child()
    else:
        validation.finish(_findings(document.data, version))
    return validation


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

    def finish(self, findings: list[Finding]) -> list[Finding]:
        self.findings = findings
        self.cache.put("validate", self.entry, json.dumps(findings))
        return findings

    def result(self) -> list[Problem]:
        """The warnings; raises `SpecError` if the document has errors."""
        findings = self.findings if self.findings is not None else self.finish(self._answered())
        problems = [self.document.problem(pointer, message) for pointer, message in findings]
        if self.lenient:
            return [Problem(p.message, p.location, Severity.WARNING) for p in problems]
        if problems:
            raise SpecError(problems)
        return []

    def _answered(self) -> list[Finding]:
        try:
            findings: list[Finding] = self._answer.recv()
        except EOFError:  # the child died without answering (killed, out of memory)
            findings = _findings(self.document.data, self.version)
        finally:
            self._answer.close()
            self._child.join()
        return findings


def _report_findings(data: Any, version: str, sender: Any) -> None:
    """The child process: validate, send the findings back."""
    with sender:
        sender.send(_findings(data, version))


def _findings(data: Any, version: str) -> list[Finding]:
    findings = list(_dangling_references(data))
    if not findings:
        findings.extend(_schema_problems(data, version))
    return findings


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


def _schema_problems(data: Any, version: str) -> Iterator[Finding]:
    # Imported here: it is slow to import, and a cached result does not need it.
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

    validator_class: Any = (
        OpenAPIV30SpecValidator if version.startswith("3.0") else OpenAPIV31SpecValidator
    )
    try:
        errors = list(validator_class(data).iter_errors())
    except Exception as exc:  # the validator raises on constructs it cannot walk
        yield "", f"the OpenAPI validator failed: {exc}"
        return
    seen: set[Finding] = set()
    for error in errors:
        finding = (join_pointer(*getattr(error, "absolute_path", ())), _short_message(error))
        if finding not in seen:
            seen.add(finding)
            yield finding


def _short_message(error: Any) -> str:
    message = str(getattr(error, "message", error))
    # jsonschema messages embed the whole offending instance; keep them readable.
    return message if len(message) <= 300 else message[:297] + "..."


def _dangling_references(data: Any) -> Iterator[Finding]:
    """Every local `$ref` must point at something that exists, and not only at itself."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        pointer, node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and not _resolves(data, ref):
                if ref.startswith("#"):
                    yield pointer + "/$ref", f"$ref {ref!r} points at nothing"
                else:
                    yield (
                        pointer + "/$ref",
                        f"$ref {ref!r} refers to another document; only local references "
                        "(starting with '#') are supported",
                    )
            elif isinstance(ref, str):
                cycle = reference_cycle(data, pointer + "/$ref")
                if cycle is not None and cycle[0] == pointer + "/$ref":  # reported once
                    yield cycle[0], cycle_message(cycle)
            for key_, value in node.items():
                if isinstance(value, dict | list):
                    stack.append((f"{pointer}/{_token(key_)}", value))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                if isinstance(value, dict | list):
                    stack.append((f"{pointer}/{index}", value))


def reference_cycle(data: Any, ref_pointer: str) -> list[str] | None:
    """The `$ref`s of a chain of references through `ref_pointer` that comes back to
    itself without ever reaching a schema, first the one that sorts first; else None.

    Such a chain names nothing (the validator recurses forever on it): it is one
    broken place, reported at its first `$ref`.
    """
    chain: list[str] = []
    pointer = ref_pointer
    while pointer not in chain:
        chain.append(pointer)
        try:
            ref = resolve_pointer(data, pointer)
            target = resolve_pointer(data, ref[1:]) if ref.startswith("#") else None
        except (KeyError, ValueError, AttributeError, TypeError):
            return None
        if not (isinstance(target, dict) and isinstance(target.get("$ref"), str)):
            return None
        pointer = ref[1:] + "/$ref"
    cycle = chain[chain.index(pointer) :]
    if ref_pointer not in cycle:
        return None  # it leads into a cycle without being part of it
    start = cycle.index(min(cycle))
    return cycle[start:] + cycle[:start]


def cycle_message(cycle: list[str]) -> str:
    """How a cycle of `$ref`s is reported: the schemas it goes through."""
    names = " → ".join("#" + pointer.removesuffix("/$ref") for pointer in cycle)
    return f"$ref cycle: {names} → back; it names no schema"


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
