"""What every kind of schema shares: the document, the names handed out, the classes
built so far, reporting, and following `$ref`s.

A `$ref` that points at nothing, or a chain of `$ref`s that comes back to itself,
makes the schema holding it unreadable: `resolve` raises `BrokenSchema`, and
whatever was being built from it (a model, an operation) is skipped by the caller
and listed once, at the place of the broken reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import ir
from ..errors import Problem, Severity, join_pointer
from ..escape import SpecText
from ..load import Document
from ..naming import RESERVED_CLASS_NAMES, Namespace, class_name
from ..validate import cycle_message, reference_cycle, resolve_pointer

COMPONENT_PREFIX = "#/components/schemas/"
_UNSEEN = object()
_NOTHING = object()


class BrokenSchema(Exception):
    """A reference that cannot be followed; `pointer` is where the `$ref` is written."""

    def __init__(self, pointer: str, message: str) -> None:
        super().__init__(f"{pointer}: {message}")
        self.pointer = pointer
        self.message = message


@dataclass
class Broken:
    """A broken place, and the parts of the client skipped because they depend on it."""

    message: str
    skipped: list[str] = field(default_factory=list)


def text(value: Any) -> SpecText | None:
    return SpecText(value) if isinstance(value, str) and value.strip() else None


def escape(token: str) -> str:
    """One JSON-pointer token, escaped."""
    return join_pointer(token)[1:]


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


@dataclass
class Context:
    document: Document
    problems: list[Problem]
    reserved: frozenset[str] = frozenset()
    """Class names the package defines besides the fixed ones (its base error)."""
    class_names: Namespace = field(default_factory=lambda: Namespace(RESERVED_CLASS_NAMES))
    models: dict[str, ir.Model] = field(default_factory=dict)
    enums: dict[str, ir.Enum] = field(default_factory=dict)
    aliases: dict[str, ir.Alias] = field(default_factory=dict)
    broken: dict[str, Broken] = field(default_factory=dict)
    """Broken references by the pointer of their `$ref`, in the order they were met."""
    component_names: dict[str, str] = field(default_factory=dict)
    """Class name claimed for each key of `components/schemas`."""
    class_pointers: dict[str, str] = field(default_factory=dict)
    """Where each model and enum was built: a skipped part takes its classes with it."""
    _warned: set[tuple[str, str]] = field(default_factory=set)
    _targets: dict[str, Any] = field(default_factory=dict)
    """What each `$ref` names, once looked up."""

    def __post_init__(self) -> None:
        for name in self.reserved:
            self.class_names.claim(name)
        # Claim component names first so inline schemas never take them.
        for key in self.components:
            self.component_names[key] = self.class_names.claim(self.class_name(key))

    @property
    def components(self) -> dict[str, Any]:
        schemas = (self.document.data.get("components") or {}).get("schemas")
        return schemas if isinstance(schemas, dict) else {}

    @property
    def is_openapi_30(self) -> bool:
        return str(self.document.data.get("openapi", "")).startswith("3.0")

    def class_name(self, name: str) -> str:
        candidate = class_name(name)
        return candidate + "Model" if candidate in self.reserved else candidate

    # ------------------------------------------------------------ reporting

    def warn(self, pointer: str, message: str) -> None:
        """A located warning; the same one for the same place is given once."""
        if (pointer, message) in self._warned:
            return
        self._warned.add((pointer, message))
        self.problems.append(Problem(message, self.document.location(pointer), Severity.WARNING))

    def skipped(self, broken: BrokenSchema, part: str) -> None:
        """Record that `part` ("model Pet", "operation getPet") depends on `broken`."""
        place = self.broken.setdefault(broken.pointer, Broken(broken.message))
        if part not in place.skipped:
            place.skipped.append(part)

    # ------------------------------------------------------------ references

    def resolve(self, schema: Any, pointer: str) -> tuple[Any, str]:
        """Follow `$ref`s to the object they name; returns it with its pointer.

        Raises `BrokenSchema` for a reference to nothing, to another document,
        or a chain of references that never reaches anything else.
        """
        seen: list[str] = []
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            ref = schema["$ref"]
            here = pointer + "/$ref"
            if ref in seen:
                cycle = reference_cycle(self.document.data, here) or [here]
                raise BrokenSchema(cycle[0], cycle_message(cycle))
            seen.append(ref)
            if not ref.startswith("#"):
                raise BrokenSchema(
                    here,
                    f"$ref {ref!r} refers to another document; only local references "
                    "(starting with '#') are supported",
                )
            target = self._targets.get(ref, _UNSEEN)
            if target is _UNSEEN:
                try:
                    target = resolve_pointer(self.document.data, ref[1:])
                except (KeyError, ValueError):
                    target = _NOTHING
                self._targets[ref] = target
            if target is _NOTHING:
                raise BrokenSchema(here, f"$ref {ref!r} points at nothing")
            schema, pointer = target, ref[1:]
        return schema, pointer

    def forget_classes_under(self, pointer: str) -> None:
        """Drop the models and enums built from the schema at `pointer` (being skipped)."""
        for name, where in list(self.class_pointers.items()):
            if where == pointer or where.startswith(pointer + "/"):
                self.models.pop(name, None)
                self.enums.pop(name, None)
                del self.class_pointers[name]
