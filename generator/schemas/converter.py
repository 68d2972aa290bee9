"""The entry point: a schema's type, found by dispatching on its kind.

Each kind has its own module (`scalars`, `enums`, `arrays`, `objects`, `unions`,
`constraints`); this one follows `$ref`s (with their siblings, in 3.1), turns the
components into classes and aliases, and remembers every type by where its
schema is, so that one schema is one class however it is reached.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import ir
from ..escape import SpecText
from ..naming import Namespace
from . import keywords
from .arrays import Arrays
from .constraints import Constraints
from .context import COMPONENT_PREFIX, BrokenSchema, Context, escape, text, unescape
from .enums import Enumerations
from .objects import Objects, implied_type
from .scalars import Scalars
from .unions import Unions, is_null_schema

# Keywords beside a `$ref` that only document it (used for docstrings in 3.0 and 3.1).
_DOCUMENTING = frozenset(
    name for name, keyword in keywords.KEYWORDS.items() if keyword.handling == "annotation"
) | {"summary"}


@dataclass
class SchemaConverter(Context):
    _named: dict[str, ir.TypeRef | BrokenSchema] = field(default_factory=dict)
    """Types of component schemas by `$ref`; a broken one is re-raised to each user."""
    _inline: dict[str, ir.TypeRef] = field(default_factory=dict)
    """Types of schemas by JSON pointer: one schema, one class, however reached."""
    _own_names: dict[str, str] = field(default_factory=dict)
    """Class names waiting for the schema at a pointer (a component's own class)."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self.scalars = Scalars(self)
        self.enumerations = Enumerations(self)
        self.arrays = Arrays(self)
        self.objects = Objects(self)
        self.unions = Unions(self)
        self.rules = Constraints(self)

    # ------------------------------------------------------------ names

    def claim(self, hint: str, pointer: str) -> str:
        """A class name for the schema at `pointer`: its component's, or one from `hint`."""
        own = self._own_names.pop(pointer, None)
        return own if own is not None else self.class_names.claim(self.class_name(hint))

    def pass_name(self, pointer: str, to: str) -> None:
        """The schema at `pointer` is just the one at `to` (a single `oneOf` option, a
        single `allOf` part): a class made for it takes the name waiting at `pointer`."""
        if pointer in self._own_names:
            self._own_names[to] = self._own_names.pop(pointer)

    def record_class(self, name: str, pointer: str) -> None:
        self.class_pointers[name] = pointer

    # ------------------------------------------------------------ types

    def type_of(self, schema: Any, pointer: str, hint: str) -> ir.TypeRef:
        """The type for `schema`, creating any model or enum it needs.

        Raises `BrokenSchema` when it depends on a reference that cannot be followed.
        """
        if schema is True or schema is None or schema == {}:
            return ir.AnyType()
        if schema is False:
            self.warn(pointer, "the schema false accepts no value: not checked; typed as any value")
            return ir.AnyType()
        if not isinstance(schema, dict):
            self.warn(pointer, "a schema must be an object; typed as any value")
            return ir.AnyType()
        if isinstance(schema.get("$ref"), str):
            return self._reference(schema, pointer, hint)
        if pointer in self._inline:
            return self._inline[pointer]
        keywords.report(self, schema, pointer)
        result = self.typed(schema, pointer, hint)
        self._inline[pointer] = result
        return result

    def remember(self, pointer: str, t: ir.TypeRef) -> None:
        """Register the type of the schema at `pointer` before it is complete (a model
        whose fields may lead back to it)."""
        self._inline[pointer] = t

    def typed(self, schema: dict[str, Any], pointer: str, hint: str) -> ir.TypeRef:
        """The type of a schema object that is not a reference."""
        nullable, types = json_types(schema)
        if not types and keywords.declared_types(schema) == {"null"}:
            return ir.NullType()
        inner = self.non_null(schema, pointer, hint, types)
        return ir.union((inner, ir.NullType())) if nullable else inner

    def non_null(
        self, schema: dict[str, Any], pointer: str, hint: str, types: list[str]
    ) -> ir.TypeRef:
        if "const" in schema:
            return self.enumerations.const(schema["const"], pointer)
        if isinstance(schema.get("enum"), list):
            return self.enumerations.enum(schema, pointer, hint)
        for key in ("oneOf", "anyOf"):
            options = schema.get(key)
            if isinstance(options, list) and options:
                if self.objects.is_refined(schema, key):
                    return self.objects.new_model(schema, pointer, hint)  # checked as a whole
                return self.unions.union(schema, key, options, pointer, hint)
        if isinstance(schema.get("allOf"), list) and schema["allOf"]:
            return self.objects.all_of(schema, pointer, hint)
        if len(types) > 1:
            return ir.union(
                tuple(self.non_null({**schema, "type": t}, pointer, hint, [t]) for t in types)
            )
        kind = types[0] if types else implied_type(schema)
        if kind in ("string", "integer", "number", "boolean"):
            return self.scalars.scalar(kind, schema, pointer)
        if kind == "array":
            return self.arrays.array(schema, pointer, hint)
        if kind == "object":
            return self.objects.object(schema, pointer, hint)
        return ir.AnyType()

    # ------------------------------------------------------------ references

    def _reference(self, schema: dict[str, Any], pointer: str, hint: str) -> ir.TypeRef:
        ref = schema["$ref"]
        if _is_component(ref):
            target = self._component(ref, pointer)
        else:
            resolved, resolved_pointer = self.resolve({"$ref": ref}, pointer)
            target = self.type_of(resolved, resolved_pointer, hint)
        siblings = {k: v for k, v in schema.items() if k != "$ref"}
        if not siblings:
            return target
        if pointer in self._inline:
            return self._inline[pointer]
        result = self._with_siblings(target, schema, siblings, pointer, hint)
        self._inline[pointer] = result
        return result

    def _with_siblings(
        self,
        target: ir.TypeRef,
        schema: dict[str, Any],
        siblings: dict[str, Any],
        pointer: str,
        hint: str,
    ) -> ir.TypeRef:
        """A `$ref` with keywords beside it: in 3.1 they apply together with it.

        In 3.0 they are ignored, as the specification says, except those that only
        document the value.
        """
        acting = [k for k in siblings if k not in _DOCUMENTING and not k.startswith("x-")]
        if not acting:
            return target
        if self.is_openapi_30:
            self.warn(
                pointer,
                f"OpenAPI 3.0 ignores keywords beside a $ref ({', '.join(acting)}): "
                "ignored; write them in an allOf with the reference to apply them",
            )
            return target
        keywords.report(self, siblings, pointer)
        declared = keywords.declared_types(siblings)
        nullable = "null" in declared or siblings.get("nullable") is True
        if isinstance(siblings.get("enum"), list) and None in siblings["enum"]:
            nullable = True
        other = declared - {"null"}
        if other and not other & _widened(ir.json_types(target)):
            self.warn(
                pointer + "/type",
                f"type {sorted(other)} beside the $ref does not fit the referenced schema: "
                "typed as the referenced schema",
            )
        inner = target.inner if isinstance(target, ir.NullableType) else target
        if self.objects.adds_properties(siblings) and isinstance(inner, ir.ModelType):
            # An object with properties of its own besides the referenced ones: one model.
            result = self.objects.merged_model(schema, pointer, hint)
        else:
            ignored = [k for k in acting if k in _NARROWING and k in siblings]
            if ignored:
                self.warn(
                    pointer,
                    f"{', '.join(ignored)} beside the $ref cannot narrow the referenced "
                    "type: typed as the referenced schema",
                )
            result = target
        return ir.union((result, ir.NullType())) if nullable else result

    def _component(self, ref: str, pointer: str) -> ir.TypeRef:
        named = self._named.get(ref)
        if isinstance(named, BrokenSchema):
            raise named
        if named is not None:
            return named
        key = unescape(ref[len(COMPONENT_PREFIX) :])
        name = self.component_names[key]
        target, target_pointer = self.resolve({"$ref": ref}, pointer)
        own = self.components.get(key)
        if isinstance(own, dict) and isinstance(own.get("$ref"), str):
            # A component that names another schema: that schema's type, not a copy.
            target, target_pointer = own, ref[1:]
        try:
            if self.objects.needs_model(target):
                # Registered before its fields are read, so recursive schemas resolve.
                self._named[ref] = ir.ModelType(name)
                self.objects.build_model(name, target, target_pointer)
                return self._named[ref]  # type: ignore[return-value]
            self._named[ref] = ir.AnyType()  # a placeholder while an alias resolves itself
            self._own_names[target_pointer] = name
            resolved = self.type_of(target, target_pointer, name)
        except BrokenSchema as broken:
            self._named[ref] = broken
            self._forget(target_pointer)
            raise
        finally:
            self._own_names.pop(target_pointer, None)
        self._named[ref] = resolved
        return resolved

    def _forget(self, pointer: str) -> None:
        """Undo what a schema that turned out broken had built."""
        self.forget_classes_under(pointer)
        for where in [p for p in self._inline if p == pointer or p.startswith(pointer + "/")]:
            del self._inline[where]

    def forget_operation(self, pointer: str) -> None:
        """Undo the inline classes of an operation being skipped."""
        self._forget(pointer)

    # ------------------------------------------------------------ components

    def convert_components(self) -> None:
        """Every component schema becomes a class (objects, enums) or a type alias, so
        that all of the description's vocabulary can be imported, used by an
        operation or not. One that depends on a broken reference is skipped."""
        for key, name in self.component_names.items():
            ref = COMPONENT_PREFIX + escape(key)
            try:
                t = self._component(ref, "")
            except BrokenSchema as broken:
                self.skipped(broken, f"schema {key!r}")
                continue
            own = t.inner if isinstance(t, ir.NullableType) else t
            if isinstance(own, ir.ModelType | ir.EnumType) and own.name == name:
                continue  # its class has its name
            schema = self.components[key]
            self.aliases[name] = ir.Alias(
                name,
                t,
                text(schema.get("description")) if isinstance(schema, dict) else None,
                SpecText(ref[1:]),
            )

    # ------------------------------------------------------------ the shared API

    def needs_model(self, schema: Any) -> bool:
        return self.objects.needs_model(schema)

    def merged_object(self, schema: dict[str, Any], pointer: str) -> dict[str, Any]:
        return self.objects.merged_object(schema, pointer)

    def field(
        self,
        wire_name: str,
        schema: Any,
        pointer: str,
        owner: str,
        *,
        required: bool,
        names: Namespace,
    ) -> ir.Field:
        return self.objects.field(wire_name, schema, pointer, owner, required=required, names=names)

    def constraints(
        self, schema: Any, pointer: str, value_type: ir.TypeRef
    ) -> tuple[ir.Constraint, ...]:
        """The checks a value of `value_type` described by `schema` gets before sending."""
        return self.rules.of(schema, pointer, value_type)


_NARROWING = frozenset({"enum", "const", "items", "prefixItems", "oneOf", "anyOf", "format"})


def _is_component(ref: str) -> bool:
    return ref.startswith(COMPONENT_PREFIX) and "/" not in ref[len(COMPONENT_PREFIX) :]


def _widened(types: frozenset[str]) -> set[str]:
    return set(types) | ({"number", "integer"} if types & {"number", "integer"} else set())


def json_types(schema: dict[str, Any]) -> tuple[bool, list[str]]:
    """Whether the schema allows null, and the other JSON types its `type` lists."""
    declared = schema.get("type")
    types = [declared] if isinstance(declared, str) else list(declared or [])
    nullable = "null" in types or schema.get("nullable") is True
    if isinstance(schema.get("enum"), list) and None in schema["enum"]:
        nullable = True
    if "const" in schema and schema["const"] is None:
        nullable = True
    for key in ("oneOf", "anyOf"):
        options = schema.get(key)
        if isinstance(options, list) and any(is_null_schema(o) for o in options):
            nullable = True
    return nullable, [t for t in types if t != "null" and isinstance(t, str)]
