"""Part of the model stage: recordings → contract test cases (`ir.Contracts`).

Each recording becomes a call of the generated client with the recorded
request's arguments, and the result (or typed error) it must produce. Each
constraint of an operation that has a recording also becomes a refusal case:
the recorded arguments with one value broken, which the client must refuse
before sending anything.

A recording that cannot be expressed as a call is listed as a warning with
its file, never dropped silently.
"""

from __future__ import annotations

import math
import os
import re
import urllib.parse
from pathlib import Path
from typing import Any

from . import ir
from .errors import Location, Problem, Severity
from .escape import SpecText
from .fixture_server.recordings import Recording, collect_recordings
from .naming import Namespace, value_name
from .schemas import text

_STATUS_ERRORS = {
    400: "BadRequestError",
    401: "AuthenticationError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    409: "ConflictError",
    422: "UnprocessableEntityError",
    429: "RateLimitError",
}


class _Unexpressible(Exception):
    """A recording the generated client cannot reproduce as a call."""


def build_contracts(
    api: ir.Api, spec: Path, recordings_dir: Path, tests_dir: Path
) -> tuple[ir.Contracts | None, list[Problem]]:
    if not recordings_dir.is_dir():
        return None, []
    recordings, problems = collect_recordings(recordings_dir)
    operations: dict[str, ir.Operation] = {op.operation_id: op for op in api.operations}
    names = Namespace()
    cases: list[ir.ContractCase] = []
    bases: dict[str, tuple[ir.CallArgument, ...]] = {}
    for recording in recordings:
        where = Location(recording.source, "")
        operation = operations.get(recording.operation_id)
        if operation is None:
            problems.append(
                Problem(
                    f"operationId {recording.operation_id!r} is not generated; no contract test",
                    where,
                    Severity.WARNING,
                )
            )
            continue
        try:
            arguments = _call_arguments(operation, recording)
        except _Unexpressible as exc:
            problems.append(Problem(f"no contract test: {exc}", where, Severity.WARNING))
            continue
        success = _success_response(operation, recording.status)
        if success is not None or recording.status < 400:
            bases.setdefault(operation.name, arguments)
        code = _error_code(api, recording) if success is None else None
        cases.append(
            ir.ContractCase(
                name=names.claim("test_" + value_name(Path(recording.name).stem)),
                recording=SpecText(recording.name),
                provenance=SpecText(recording.provenance),
                description=text(recording.description),
                operation=operation,
                arguments=arguments,
                status=recording.status,
                expected_type=success.type if success is not None else None,
                expected_body=recording.response_body if recording.has_response_body else None,
                error_class=None if success is not None else _error_class(recording.status),
                error_code=code,
            )
        )
    for recording in recordings:  # an error recording is a base when nothing else is
        operation = operations.get(recording.operation_id)
        if operation is not None and operation.name not in bases:
            try:
                bases[operation.name] = _call_arguments(operation, recording)
            except _Unexpressible:
                continue
    refusals = [
        refusal
        for operation in api.operations
        if operation.name in bases
        for refusal in _refusals(operation, bases[operation.name], names)
    ]
    contracts = ir.Contracts(
        spec_path=Path(os.path.relpath(spec.resolve(), tests_dir.resolve())).as_posix(),
        recordings_path=Path(
            os.path.relpath(recordings_dir.resolve(), tests_dir.resolve())
        ).as_posix(),
        cases=tuple(cases),
        refusals=tuple(refusals),
    )
    return contracts, [Problem(p.message, p.location, Severity.WARNING) for p in problems]


# ------------------------------------------------------------------ calls


def _call_arguments(op: ir.Operation, recording: Recording) -> tuple[ir.CallArgument, ...]:
    values: dict[str, Any] = {}
    types: dict[str, ir.TypeRef] = {}
    path_values = _path_values(op.path, recording.path)
    lowered_headers = {k.lower(): v for k, v in recording.request_headers.items()}
    for parameter in op.parameters:
        types[parameter.name] = parameter.type
        raw: Any
        if parameter.location == "path":
            raw = path_values.get(parameter.wire_name)
        elif parameter.location == "query":
            raw = recording.query.get(parameter.wire_name)
            if raw is not None and not isinstance(_plain(parameter.type), ir.ArrayType):
                raw = raw[0] if len(raw) == 1 else raw
        elif parameter.location == "header":
            raw = lowered_headers.get(parameter.wire_name.lower())
        else:
            raise _Unexpressible("cookie parameters are not recorded")
        if raw is not None:
            values[parameter.name] = _from_text(raw, parameter.type, parameter.wire_name)
    if op.body is not None and recording.has_request_body:
        body = recording.request_body
        if op.body.flattened:
            if not isinstance(body, dict):
                raise _Unexpressible("the recorded body is not a JSON object")
            fields = {f.wire_name: f for f in op.body.fields if not f.read_only}
            unknown = sorted(set(body) - set(fields))
            if unknown:
                raise _Unexpressible(f"body fields {unknown} are not in the API description")
            for wire_name, value in body.items():
                field = fields[wire_name]
                values[field.name] = value
                types[field.name] = field.type
        elif op.body.encoding == "json":
            values[op.body.argument] = body
            types[op.body.argument] = op.body.type or ir.AnyType()
        else:
            raise _Unexpressible(f"{op.body.encoding} bodies are not replayed yet")
    for argument in op.arguments:
        if argument.required and argument.name not in values:
            raise _Unexpressible(f"the recording has no value for {argument.name!r}")
    order = [a.name for a in op.arguments]
    return tuple(
        ir.CallArgument(name, values[name], types[name]) for name in sorted(values, key=order.index)
    )


def _path_values(template: str, path: str) -> dict[str, str]:
    pattern = "".join(
        f"(?P<p{index}>[^/]+)" if part.startswith("{") else re.escape(part)
        for index, part in enumerate(re.split(r"(\{[^{}]+\})", template))
    )
    names = {f"p{i}": part[1:-1] for i, part in enumerate(re.split(r"(\{[^{}]+\})", template))}
    match = re.fullmatch(pattern, path)
    if match is None:
        raise _Unexpressible(f"path {path!r} does not fit {template!r}")
    return {names[k]: urllib.parse.unquote(v) for k, v in match.groupdict().items()}


def _plain(t: ir.TypeRef) -> ir.TypeRef:
    return t.inner if isinstance(t, ir.NullableType) else t


def _from_text(raw: Any, t: ir.TypeRef, name: str) -> Any:
    """A value read from a path, query or header, as the argument's type wants it."""
    t = _plain(t)
    if isinstance(t, ir.ArrayType):
        items = raw if isinstance(raw, list) else str(raw).split(",")
        return [_from_text(item, t.item, name) for item in items]
    if isinstance(raw, list):
        raise _Unexpressible(f"{name!r} is repeated but is not an array")
    try:
        if isinstance(t, ir.ScalarType | ir.UnixTimeType) and (
            isinstance(t, ir.UnixTimeType) or t.python == "int"
        ):
            return int(raw)
        if isinstance(t, ir.ScalarType) and t.python == "float":
            return float(raw)
        if isinstance(t, ir.ScalarType) and t.python == "bool":
            return {"true": True, "false": False}[raw]
    except (ValueError, KeyError):
        raise _Unexpressible(f"{name!r}: {raw!r} is not a {t}") from None
    if isinstance(t, ir.ScalarType | ir.EnumType | ir.AnyType):
        return raw
    raise _Unexpressible(f"{name!r} has a type the tests cannot build from text")


def _success_response(op: ir.Operation, status: int) -> ir.Response | None:
    for response in op.success_responses:
        if response.status_code == status or (
            response.status_code is None and response.status[0] == str(status)[0]
        ):
            return response
    return None


def _error_class(status: int) -> str:
    if status >= 500:
        return "InternalServerError"
    return _STATUS_ERRORS.get(status, "APIStatusError")


def _error_code(api: ir.Api, recording: Recording) -> int | None:
    if api.error_codes is None or not isinstance(recording.response_body, dict):
        return None
    code = recording.response_body.get(api.error_codes.field_wire_name)
    return code if isinstance(code, int) and not isinstance(code, bool) else None


# ------------------------------------------------------------------ refusals


def _refusals(
    op: ir.Operation, base: tuple[ir.CallArgument, ...], names: Namespace
) -> list[ir.RefusalCase]:
    constrained: list[tuple[str, SpecText, ir.TypeRef, tuple[ir.Constraint, ...]]] = [
        (p.name, p.wire_name, p.type, p.constraints) for p in op.parameters if p.constraints
    ]
    if op.body is not None and op.body.flattened:
        constrained += [
            (f.name, f.wire_name, f.type, f.constraints)
            for f in op.body.fields
            if f.constraints and not f.read_only
        ]
    if op.body is not None and not op.body.flattened and op.body.constraints:
        body_type = op.body.type or ir.AnyType()
        constrained.append((op.body.argument, SpecText("body"), body_type, op.body.constraints))
    values = {a.name: a for a in base}
    cases = []
    for name, wire_name, t, constraints in constrained:
        given = values[name].value if name in values else None
        for constraint in constraints:
            broken = _break(constraint, _plain(t), given)
            if broken is None:
                continue
            rule = _first_failure(constraints, broken)
            if rule is None:
                continue
            arguments = {**values, name: ir.CallArgument(name, broken, t)}
            order = [a.name for a in op.arguments]
            cases.append(
                ir.RefusalCase(
                    name=names.claim(
                        f"test_{op.name}_refuses_{value_name(wire_name)}_"
                        f"{value_name(constraint.rule)}"
                    ),
                    operation=op,
                    arguments=tuple(arguments[n] for n in sorted(arguments, key=order.index)),
                    field=SpecText(name),  # the keyword argument, as errors name it
                    rule=rule,
                )
            )
    return cases


def _break(constraint: ir.Constraint, t: ir.TypeRef, given: Any) -> Any:
    """A value of type `t` that breaks `constraint`, or None if none is easy to find."""
    rule, limit = constraint.rule, constraint.value
    is_int = isinstance(t, ir.UnixTimeType) or (isinstance(t, ir.ScalarType) and t.python == "int")
    if rule == "minLength" and limit > 0:
        return (given if isinstance(given, str) and given else "a")[: limit - 1] or ""
    if rule == "maxLength":
        return (given if isinstance(given, str) and given else "a") * (limit + 1)
    if rule == "pattern":
        compiled = re.compile(limit)
        for candidate in ("", " ", "~", "a b", "!!", "0", "a" * 300, "é"):
            if compiled.search(candidate) is None:
                return candidate
        return None
    if rule in ("minimum", "exclusiveMinimum"):
        return (limit - 1 if is_int else limit - 0.5) if rule == "minimum" else limit
    if rule in ("maximum", "exclusiveMaximum"):
        return (limit + 1 if is_int else limit + 0.5) if rule == "maximum" else limit
    if rule == "multipleOf":
        return limit + 1 if is_int and limit > 1 else (None if is_int else limit * 1.5)
    if rule == "minItems" and limit > 0:
        return []
    if rule in ("maxItems", "uniqueItems") and isinstance(given, list) and given:
        return [given[0]] * ((limit + 1) if rule == "maxItems" else 2)
    return None


def _first_failure(constraints: tuple[ir.Constraint, ...], value: Any) -> str | None:
    """The rule the client reports first for `value` (it checks in this order)."""
    return next((c.rule for c in constraints if _fails(c.rule, c.value, value)), None)


def _fails(rule: str, limit: Any, value: Any) -> bool:
    """Whether the generated check of `rule` refuses `value` (a rule only applies to
    values of its own JSON type; rules this does not model are taken to pass)."""
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if rule == "pattern":
        return isinstance(value, str) and re.search(limit, value) is None
    if rule in ("minLength", "maxLength") and isinstance(value, str):
        return bool(len(value) < limit) if rule == "minLength" else bool(len(value) > limit)
    if rule in ("minItems", "maxItems") and isinstance(value, list):
        return bool(len(value) < limit) if rule == "minItems" else bool(len(value) > limit)
    if rule == "multipleOf" and is_number:
        return not math.isclose(value / limit, round(value / limit))
    if rule == "uniqueItems" and isinstance(value, list):
        return len({repr(v) for v in value}) < len(value)
    if rule in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum") and is_number:
        comparisons = {
            "minimum": value < limit,
            "maximum": value > limit,
            "exclusiveMinimum": value <= limit,
            "exclusiveMaximum": value >= limit,
        }
        return bool(comparisons[rule])
    return False
