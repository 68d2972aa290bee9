"""Stage 2: check that a document is a sound OpenAPI 3.0/3.1 description.

openapi-spec-validator does the schema-level work. Before it runs we check
what it cannot report as a value: the `openapi` version and every local
`$ref` (the validator raises, rather than reports, on a dangling reference).
Beside it we check what it reports without a place, or not at all: operation
ids used twice (both places are reported), path parameters missing from a
path template or from the parameters, and misspelt keywords
(`generator.objects`).

Every finding is a JSON pointer into the (bundled) document and a message;
`generator.validator` locates the validator's own. Findings are sorted and
deduplicated, so the result (and what the cache keeps) does not depend on the
order the validator happens to walk in, which varies with `PYTHONHASHSEED`.

In strict mode every problem is an error. In lenient mode (for third-party
documents, which are often slightly invalid) problems become warnings and the
later stages go on where the meaning is still clear.
"""

from __future__ import annotations

import gc
import json
import math
import os
import re
import signal
import sys
from collections.abc import Iterator
from typing import Any

from .cache import DISABLED, Cache, installed, key
from .errors import (
    Problem,
    Severity,
    SpecError,
    in_document_order,
    join_pointer,
    resolve_pointer,
    resolved,
)
from .load import Document
from .objects import unknown_keywords, walk
from .validator import schema_problems

__all__ = [
    "SWAGGER_2",
    "Finding",
    "Validation",
    "findings",
    "resolve_pointer",  # for the modules that import it from here; it lives in errors
    "start_validation",
    "validate_document",
]

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
        installed("generator.validator"),
        installed("generator.objects"),
        _shape(document.data),
    )
    validation = Validation(document, version, lenient, cache, entry)
    cached = _cached_findings(cache.get("validate", entry))
    if cached is not None:
        validation.findings = cached
    elif sys.platform == "linux" and (os.cpu_count() or 1) > 1:
        validation.start_child()
    else:
        validation.finish(findings(document.data, version))
    return validation


def _cached_findings(entry: str | None) -> list[Finding] | None:
    """The findings of a cache entry: [pointer, message, at_key] triples, or else a miss."""
    try:
        findings = json.loads(entry) if entry is not None else None
    except ValueError:
        return None
    if isinstance(findings, list) and all(
        isinstance(f, list)
        and len(f) == 3
        and isinstance(f[0], str)
        and isinstance(f[1], str)
        and isinstance(f[2], bool)
        for f in findings
    ):
        return [(pointer, message, at_key) for pointer, message, at_key in findings]
    return None


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

        # Forked, so the child shares the parsed document instead of receiving a copy; and
        # frozen, so the child's garbage collector leaves the objects it inherits alone
        # instead of copying every page that holds one.
        context = multiprocessing.get_context("fork")
        self._answer, sender = context.Pipe(duplex=False)
        self._child = context.Process(
            target=_report_findings,
            args=(self.document.data, self.version, sender, os.getpid()),
            daemon=True,
        )
        gc.freeze()
        try:
            self._child.start()
        finally:
            gc.unfreeze()
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


def _report_findings(data: Any, version: str, sender: Any, parent: int) -> None:
    """The child process: validate, send the findings back."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to report
    _end_with(parent)
    with sender:
        sender.send(findings(data, version))


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _end_with(parent: int) -> None:
    """Have Linux kill this child when the generator ends, however it ends (a `timeout`,
    the OOM killer, SIGKILL): a validation nobody waits for must not go on using a core."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it ended before the request was made
        os._exit(0)


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
            for pointer, message, unexpected in schema_problems(data, version)
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

    (A `$ref` key inside an example or a default value is data, and left alone.) A chain
    of references coming back to itself without reaching a schema is reported once, at its
    first `$ref`; so is one longer than `MAX_REFERENCE_CHAIN`.
    """
    chained: dict[str, str | None] = {}
    """Each `$ref` that points at something → the `$ref` held there, if any."""
    for pointer, _, node in walk(data, version):
        if not isinstance(node, dict):
            continue
        ref = node.get("$ref")
        if not isinstance(ref, str):
            continue
        if ref.startswith("#") and _resolves(data, ref):
            target = resolve_pointer(data, ref[1:])
            holds_ref = isinstance(target, dict) and isinstance(target.get("$ref"), str)
            chained[pointer + "/$ref"] = ref[1:] + "/$ref" if holds_ref else None
        if not ref.startswith("#"):
            yield (
                pointer + "/$ref",
                f"$ref {ref!r} refers to another document in a place the generator does not "
                "follow references to other files",
            )
        elif not _resolves(data, ref):
            yield pointer + "/$ref", f"$ref {ref!r} points at nothing"
    yield from _chain_problems(chained)


def _chain_problems(chained: dict[str, str | None]) -> Iterator[tuple[str, str]]:
    """Cycles of references, and chains of more than `MAX_REFERENCE_CHAIN`, each reported
    once: a chain at its first `$ref` (one no other `$ref` leads to), a cycle at the `$ref`
    that sorts first. Each `$ref` is followed once (no chain is walked twice)."""
    length: dict[str, float] = {}
    for start in chained:
        path: list[str] = []
        on_path: set[str] = set()
        here: str | None = start
        while here is not None and here not in length and here not in on_path:
            on_path.add(here)
            path.append(here)
            here = chained.get(here)
        if here is None:
            steps = 0.0
        elif here in length:
            steps = length[here]
        else:
            steps = math.inf
            cycle = path[path.index(here) :]
            first = cycle.index(min(cycle))
            if len(cycle) > MAX_REFERENCE_CHAIN:
                yield cycle[first], reference_chain_message(cycle[first], cycle=True)
            else:
                yield cycle[first], cycle_message(cycle[first:] + cycle[:first])
        for pointer in reversed(path):
            steps += 1
            length[pointer] = steps
    led_to = set(chained.values())
    for pointer, steps in length.items():
        if MAX_REFERENCE_CHAIN < steps < math.inf and pointer not in led_to:
            yield pointer, reference_chain_message(pointer)


MAX_REFERENCE_CHAIN = 64
"""How many `$ref`s in a row, each naming another `$ref`, are followed to reach a schema.

Real documents chain two or three; a longer chain (or cycle) is reported by the model
stage, where it is met, rather than followed for ever."""


def reference_chain_message(first: str, *, cycle: bool = False) -> str:
    """How a chain (or a `cycle`) of more than `MAX_REFERENCE_CHAIN` references is reported."""
    what = "a cycle of more than" if cycle else "more than"
    return (
        f"$ref chain: {what} {MAX_REFERENCE_CHAIN} $refs in a row, from "
        f"#{first.removesuffix('/$ref')}, each name another $ref before a schema is "
        f"reached; at most {MAX_REFERENCE_CHAIN} are followed: refer to the schema itself"
    )


def reference_cycle(data: Any, ref_pointer: str) -> list[str] | None:
    """The `$ref`s of a chain of references through `ref_pointer` that comes back to
    itself without ever reaching a schema, first the one that sorts first; else None.

    Such a chain names nothing (the validator recurses forever on it): it is one
    broken place, reported at its first `$ref`. Only `MAX_REFERENCE_CHAIN` steps are
    followed: a longer cycle is reported as a chain too long.
    """
    chain: dict[str, None] = {}
    pointer = ref_pointer
    while pointer not in chain:
        if len(chain) > MAX_REFERENCE_CHAIN:
            return None
        chain[pointer] = None
        try:
            ref = resolve_pointer(data, pointer)
            target = resolve_pointer(data, ref[1:]) if ref.startswith("#") else None
        except (KeyError, ValueError, AttributeError, TypeError):
            return None
        if not (isinstance(target, dict) and isinstance(target.get("$ref"), str)):
            return None
        pointer = ref[1:] + "/$ref"
    walked = list(chain)
    cycle = walked[walked.index(pointer) :]
    if ref_pointer not in cycle:
        return None  # it leads into a cycle without being part of it
    start = cycle.index(min(cycle))
    return cycle[start:] + cycle[:start]


def cycle_message(cycle: list[str]) -> str:
    """How a cycle of `$ref`s is reported: the schemas it goes through."""
    names = " → ".join("#" + pointer.removesuffix("/$ref") for pointer in cycle)
    return f"$ref cycle: {names} → back; it names no schema"


def _resolves(data: Any, ref: str) -> bool:
    try:
        resolve_pointer(data, ref[1:])
    except (KeyError, ValueError):
        return False
    return True


# ---------------------------------------------------------------- operations


_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _operations(data: Any, version: str) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(path template, method, pointer, operation) of every operation under `paths`."""
    paths = data.get("paths")
    if not isinstance(paths, dict):
        return
    for template, item in paths.items():
        item, item_pointer = resolved(data, item, join_pointer("paths", template))
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
        item, resolved_pointer = resolved(data, item, item_pointer)
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
        parameter, _ = resolved(data, written, f"{pointer}/parameters/{index}")
        if isinstance(parameter, dict) and parameter.get("in") == "path":
            name = parameter.get("name")
            if isinstance(name, str):
                # Where the operation names it: the parameter itself may be shared.
                where = f"{pointer}/parameters/{index}"
                yield name, where if parameter is not written else where + "/name"
