"""What changed in the client for its users: the public API before and after, compared.

The public API (operations with their arguments and result, models with their
fields, enums with their values) is taken from the intermediate model, not
from the generated code, so it does not depend on how templates lay the code
out. It is written beside the client as a small JSON file
(`.openapi-clientgen-api.json`), types spelled as in the generated
annotations; the next run compares the API it is about to write with that
record, and classifies each change:

- breaking: an operation, model, enum or parameter removed or renamed; an
  optional parameter (or request model field) now required, or a new required
  one; an argument type narrowed (it accepts less than it did); a result or a
  response model field widened (it may now be something callers do not handle,
  such as None: a field now optional or nullable); an enum value removed;
- additive: whatever is new and asks nothing of existing callers.

Types are compared as Python annotations: `int` fits where `float` is taken,
`Literal["a"]` where `str` is, `list[A]` where `list[B]` is if `A` fits `B`,
anything where `Any` is.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from . import ir
from .errors import printable
from .write import read_inside

API_FILE = ".openapi-clientgen-api.json"
_SURROGATE = re.compile("[\ud800-\udfff]")
_FORMAT = 1


# ---------------------------------------------------------------- the record


def record(api: ir.Api) -> str:
    """The public API of the client generated from `api`, as the text of `API_FILE`."""
    inputs, outputs = _uses(api)
    surface = {
        "format": _FORMAT,
        "package": api.package_name,
        "operations": {
            op.name: {
                "method": op.method,
                "path": str(op.path),
                "arguments": {
                    argument.name: {
                        "type": _annotation(argument.type, argument=True),
                        "required": argument.required,
                        "wire": wire,
                    }
                    for argument, wire in _arguments(op)
                },
                "returns": None if op.return_type is None else _annotation(op.return_type),
            }
            for op in api.operations
        },
        "models": {
            model.name: {
                "fields": {
                    f.name: {
                        "type": _annotation(f.type),
                        "required": f.required,
                        "wire": str(f.wire_name),
                    }
                    for f in model.fields
                },
                "sent": model.name in inputs,
                "received": model.name in outputs,
            }
            for model in api.models
        },
        "enums": {enum.name: [m.value for m in enum.members] for enum in api.enums},
    }
    return _dump(surface) + "\n"


def _dump(value: Any, indent: str = "") -> str:
    """JSON with one line per argument, field or enum: short to read, and to diff.

    Text is kept as it is, but for lone surrogates (which a document in JSON may
    hold, and no UTF-8 file can), written as escapes.
    """
    if not isinstance(value, dict) or all(not isinstance(v, dict | list) for v in value.values()):
        return _json(value)
    if not value:
        return "{}"
    inner = indent + " "
    items = [f"{inner}{_json(k)}: {_dump(v, inner)}" for k, v in sorted(value.items())]
    return "{\n" + ",\n".join(items) + "\n" + indent + "}"


def _json(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def previous_record(out_dir: Path) -> dict[str, Any] | None:
    """The record in `out_dir`, if there is a readable one of this format."""
    # The output folder is data from a checkout: never read through a link out of it.
    data = read_inside(out_dir, API_FILE)
    if data is None:
        return None
    try:
        surface = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(surface, dict) or surface.get("format") != _FORMAT:
        return None
    return surface


def _arguments(op: ir.Operation) -> Iterator[tuple[ir.Argument, str]]:
    """Each argument, with what it is on the wire (to tell a renamed one from a removed one)."""
    wires = {p.name: f"{p.location} {p.wire_name}" for p in op.parameters}
    for body in [op.body, *(v.body for v in op.body_variants)]:
        if body is None:
            continue
        if body.flattened:
            wires.update((f.name, f"body {f.wire_name}") for f in body.fields)
        else:
            wires.setdefault(body.argument, "body")
    for argument in op.arguments:
        yield argument, wires.get(argument.name, argument.name)


def _uses(api: ir.Api) -> tuple[set[str], set[str]]:
    """The models callers build (sent) and the models the API returns (received)."""
    models = {m.name: m for m in api.models}

    def reach(types: Iterable[ir.TypeRef | None]) -> set[str]:
        found: set[str] = set()
        pending = list(types)
        while pending:
            within, pending = list(ir.types_within(pending)), []
            for t in within:
                if isinstance(t, ir.ModelType) and t.name not in found and t.name in models:
                    found.add(t.name)
                    model = models[t.name]
                    pending.extend(f.type for f in model.fields)
                    pending.append(model.additional_properties)
        return found

    sent = reach(a.type for op in api.operations for a in op.arguments)
    received = reach(r.type for op in api.operations for r in op.responses)
    return sent, received


def _annotation(t: ir.TypeRef, argument: bool = False) -> str:
    """`t` as the generated code annotates it."""
    if isinstance(t, ir.ScalarType):
        return t.python
    if isinstance(t, ir.UnixTimeType):
        return "datetime | int" if argument else "datetime"
    if isinstance(t, ir.DateTimeType):
        return "datetime"
    if isinstance(t, ir.DateType):
        return "date"
    if isinstance(t, ir.BytesType):
        return "bytes"
    if isinstance(t, ir.AnyType):
        return "Any"
    if isinstance(t, ir.ArrayType):
        return f"list[{_annotation(t.item)}]"
    if isinstance(t, ir.MapType):
        return f"dict[str, {_annotation(t.value)}]"
    if isinstance(t, ir.ModelType):
        return t.name
    if isinstance(t, ir.EnumType):
        return f"{t.name} | {t.value_type}"
    if isinstance(t, ir.LiteralType):
        return f"Literal[{t.value!r}]"
    if isinstance(t, ir.UnionType):
        return " | ".join(_annotation(o, argument) for o in t.options)
    if isinstance(t, ir.NullableType):
        return f"{_annotation(t.inner, argument)} | None"
    return type(t).__name__  # a kind this module does not know yet: compared by name


# ---------------------------------------------------------------- comparing


@dataclass(frozen=True, order=True)
class Change:
    kind: Literal["breaking", "additive"]
    text: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.text}"


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every change from the API `old` to `new` (both as `record` writes them), breaking first."""
    changes: list[Change] = []

    def breaking(text: str) -> None:
        changes.append(Change("breaking", text))

    def additive(text: str) -> None:
        changes.append(Change("additive", text))

    if old.get("package") != new.get("package"):
        breaking(f"package renamed from {old.get('package')} to {new.get('package')}")

    old_ops, new_ops = old.get("operations", {}), new.get("operations", {})
    by_route = {(op["method"], op["path"]): name for name, op in new_ops.items()}
    renamed_to: set[str] = set()
    for name, op in old_ops.items():
        if name in new_ops:
            _compare_operation(name, op, new_ops[name], breaking, additive)
            continue
        other = by_route.get((op["method"], op["path"]))
        if other is not None and other not in old_ops:
            renamed_to.add(other)
            breaking(f"operation {name}() renamed to {other}() ({op['method']} {op['path']})")
            _compare_operation(other, op, new_ops[other], breaking, additive)
        else:
            breaking(f"operation {name}() removed ({op['method']} {op['path']})")
    for name, op in new_ops.items():
        if name not in old_ops and name not in renamed_to:
            additive(f"operation {name}() added ({op['method']} {op['path']})")

    old_models, new_models = old.get("models", {}), new.get("models", {})
    for name, model in old_models.items():
        if name not in new_models:
            breaking(f"model {name} removed")
        else:
            _compare_model(name, model, new_models[name], breaking, additive)
    for name in new_models:
        if name not in old_models:
            additive(f"model {name} added")

    old_enums, new_enums = old.get("enums", {}), new.get("enums", {})
    for name, values in old_enums.items():
        if name not in new_enums:
            breaking(f"enum {name} removed")
            continue
        for value in values:
            if value not in new_enums[name]:
                breaking(f"enum {name}: value {value!r} removed")
        for value in new_enums[name]:
            if value not in values:
                additive(f"enum {name}: value {value!r} added")
    for name in new_enums:
        if name not in old_enums:
            additive(f"enum {name} added")
    return changes


def _compare_operation(
    name: str, old: dict[str, Any], new: dict[str, Any], breaking: Any, additive: Any
) -> None:
    where = f"{name}()"
    old_args, new_args = old.get("arguments", {}), new.get("arguments", {})
    matched = _match_arguments(old_args, new_args)  # old name -> new name
    for arg_name in old_args:
        if arg_name not in matched:
            breaking(f"{where}: parameter {arg_name!r} removed")
        elif matched[arg_name] != arg_name:
            breaking(f"{where}: parameter {arg_name!r} renamed to {matched[arg_name]!r}")
    for old_name, new_name in matched.items():
        before, after = old_args[old_name], new_args[new_name]
        if after["required"] and not before["required"]:
            breaking(f"{where}: parameter {new_name!r} is now required")
        elif before["required"] and not after["required"]:
            additive(f"{where}: parameter {new_name!r} is now optional")
        _compare_type(
            f"{where}: parameter {new_name!r}",
            before["type"],
            after["type"],
            True,
            breaking,
            additive,
        )
    for arg_name, arg in new_args.items():
        if arg_name in matched.values():
            continue
        if arg["required"]:
            breaking(f"{where}: new required parameter {arg_name!r}")
        else:
            additive(f"{where}: new optional parameter {arg_name!r}")
    before, after = old.get("returns"), new.get("returns")
    if before != after:
        if before is None or after is None:
            breaking(f"{where}: now returns {after or 'None'} (was {before or 'None'})")
        else:
            _compare_type(f"{where}: result", before, after, False, breaking, additive)


def _match_arguments(old: dict[str, Any], new: dict[str, Any]) -> dict[str, str]:
    """Which new argument each old one became: the same name; else the same thing on the
    wire; else, when one argument went and one came in the same place of the request
    (query, body...) with the same type, that one."""
    matched = {name: name for name in old if name in new}
    gone = [name for name in old if name not in matched]
    came = [name for name in new if name not in matched.values()]
    for name in list(gone):
        same_wire = [n for n in came if new[n]["wire"] == old[name]["wire"]]
        if len(same_wire) == 1:
            matched[name] = same_wire[0]
            gone.remove(name)
            came.remove(same_wire[0])
    if len(gone) == 1 and len(came) == 1:
        before, after = old[gone[0]], new[came[0]]
        if before["type"] == after["type"] and (
            before["wire"].split(" ")[0] == after["wire"].split(" ")[0]
        ):
            matched[gone[0]] = came[0]
    return matched


def _compare_model(
    name: str, old: dict[str, Any], new: dict[str, Any], breaking: Any, additive: Any
) -> None:
    sent = old.get("sent") or new.get("sent")
    received = old.get("received") or new.get("received")
    if not (sent or received):
        sent = True  # no operation takes it whole: a request body's model, for callers to build
    old_fields, new_fields = old.get("fields", {}), new.get("fields", {})
    for field_name, field in old_fields.items():
        where = f"model {name}: field {field_name!r}"
        if field_name not in new_fields:
            breaking(f"{where} removed")
            continue
        after = new_fields[field_name]
        if field["required"] and not after["required"]:
            if received:
                breaking(f"{where} is now optional in responses (it may be None)")
            else:
                additive(f"{where} is now optional")
        elif after["required"] and not field["required"]:
            if sent:
                breaking(f"{where} is now required")
            else:
                additive(f"{where} is now always present")
        if sent and received:
            # Callers both build it and read it: a change either way breaks one of them.
            if not (_fits(field["type"], after["type"]) and _fits(after["type"], field["type"])):
                breaking(f"{where} type changed from {field['type']} to {after['type']}")
        else:
            _compare_type(where, field["type"], after["type"], bool(sent), breaking, additive)
    for field_name, field in new_fields.items():
        if field_name not in old_fields:
            if field["required"] and sent:
                breaking(f"model {name}: new required field {field_name!r}")
            else:
                additive(f"model {name}: field {field_name!r} added")


def _compare_type(
    where: str, before: str, after: str, accepted: bool, breaking: Any, additive: Any
) -> None:
    """A type a caller gives (`accepted`) may only widen; one it receives may only narrow."""
    if before == after:
        return
    widened, narrowed = _fits(before, after), _fits(after, before)
    if widened and narrowed:
        return  # the same type, written otherwise
    text = f"{where} type changed from {before} to {after}"
    if accepted:
        if widened:
            additive(f"{where} now also accepts {after} (was {before})")
        elif narrowed:
            breaking(f"{where} type narrowed from {before} to {after}")
        else:
            breaking(text)
    else:
        if narrowed:
            additive(f"{where} type narrowed from {before} to {after}")
        elif widened:
            breaking(f"{where} type widened from {before} to {after}")
        else:
            breaking(text)


# ---------------------------------------------------------------- types


Atom = tuple[str, tuple[Any, ...]]
"""One member of a union: ("name", ()), ("list", (members,)), ("Literal", (value,))..."""


def _fits(smaller: str, larger: str) -> bool:
    """Whether every value of annotation `smaller` is a value of annotation `larger`."""
    try:
        small, large = _parse(smaller), _parse(larger)
    except (SyntaxError, ValueError):
        return smaller == larger
    return _union_fits(small, large)


def _union_fits(small: frozenset[Atom], large: frozenset[Atom]) -> bool:
    return all(any(_atom_fits(a, b) for b in large) for a in small)


def _atom_fits(a: Atom, b: Atom) -> bool:
    if a == b or b == ("Any", ()):
        return True
    (a_name, a_args), (b_name, b_args) = a, b
    if a_name == "int" and b_name == "float":
        return True
    if a_name == "Literal" and not b_args:
        value = a_args[0]
        python = {bool: "bool", int: "int", float: "float", str: "str"}.get(type(value))
        return python == b_name or (python == "int" and b_name == "float")
    if a_name == b_name and a_name in ("list", "dict") and len(a_args) == len(b_args):
        return all(_union_fits(x, y) for x, y in zip(a_args, b_args, strict=True))
    return False


def _parse(annotation: str) -> frozenset[Atom]:
    return _members(ast.parse(annotation, mode="eval").body)


def _members(node: ast.expr) -> frozenset[Atom]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _members(node.left) | _members(node.right)
    if isinstance(node, ast.Constant) and node.value is None:
        return frozenset({("None", ())})
    if isinstance(node, ast.Name):
        return frozenset({(node.id, ())})
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        name = node.value.id
        if name == "Literal":
            return frozenset({("Literal", (ast.literal_eval(node.slice),))})
        items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        return frozenset({(name, tuple(_members(item) for item in items))})
    raise ValueError(f"not an annotation: {ast.dump(node)}")


# ---------------------------------------------------------------- the report


def report(changes: list[Change], where: Path) -> str:
    """The changes as the command line prints them (empty when there are none)."""
    if not changes:
        return ""
    ordered = sorted(set(changes), key=lambda c: (c.kind != "breaking", c.text))
    count = sum(1 for c in ordered if c.kind == "breaking")
    head = (
        f"API changes in the client in {where}: {count} breaking, "
        f"{len(ordered) - count} additive"
    )
    # Names may come from a record in the checkout: escaped, as every diagnostic.
    return "\n".join(printable(line) for line in [head, *(f"  {c}" for c in ordered)]) + "\n"
