"""Objects: models (a dataclass per object schema with properties), maps (objects
with `additionalProperties` only), `allOf` folded into one model, and fields.

Named component schemas become classes named after their key; inline schemas
that need a class are named from where they appear (`SendNotificationMessage`
+ `Response`), always claimed in document order so names are stable.
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any

from .. import ir
from ..escape import SpecText
from ..naming import RESERVED_FIELD_NAMES, Namespace, class_name, value_name
from . import keywords
from .context import BrokenSchema, escape, text

if TYPE_CHECKING:
    from .converter import SchemaConverter

# What an option of a `oneOf`/`anyOf` beside `properties` may hold to be a refinement
# of that object (which of its properties are required, narrower property rules)
# rather than a type of its own.
_REFINING = frozenset(
    {"required", "properties", "additionalProperties", "type", "title", "description"}
)
_OBJECT_RULES = ("minProperties", "maxProperties", "dependentRequired")


class Objects:
    def __init__(self, schemas: SchemaConverter) -> None:
        self.schemas = schemas
        self._merging: list[str] = []

    # ------------------------------------------------------------ what is an object

    def needs_model(self, schema: Any) -> bool:
        """Whether the schema (a resolved one) is an object with properties of its own."""
        if not isinstance(schema, dict):
            return False
        if isinstance(schema.get("allOf"), list) and schema["allOf"]:
            if "oneOf" in schema or "anyOf" in schema:
                return False
            return self._object_like(schema)
        if "const" in schema or "enum" in schema:
            return False
        if any(k in schema for k in ("oneOf", "anyOf")) and not (
            self.is_refined(schema, "oneOf") or self.is_refined(schema, "anyOf")
        ):
            return False
        types = _types(schema)
        kind = types[0] if len(types) == 1 else implied_type(schema) if not types else None
        if kind != "object":
            return False
        properties = schema.get("properties")
        return isinstance(properties, dict) and (
            bool(properties) or schema.get("additionalProperties") is False
        )

    def adds_properties(self, schema: dict[str, Any]) -> bool:
        return isinstance(schema.get("properties"), dict) and bool(schema["properties"])

    def _object_like(self, schema: dict[str, Any], seen: frozenset[int] = frozenset()) -> bool:
        """Whether an `allOf` describes an object: some part of it does."""
        if "object" in _types(schema) or "properties" in schema:
            return True
        for part in schema.get("allOf") or []:
            try:
                resolved, _ = self.schemas.resolve(part, "")
            except BrokenSchema:
                continue  # reported where the part is converted
            if not isinstance(resolved, dict) or id(resolved) in seen | {id(schema)}:
                continue
            if self._object_like(resolved, seen | {id(schema)}):
                return True
        return False

    def is_refined(self, schema: dict[str, Any], key: str) -> bool:
        """An object with properties whose `oneOf`/`anyOf` options only say which of them
        are required (and narrow their rules): the object, not a union."""
        options = schema.get(key)
        if not (
            isinstance(options, list) and options and isinstance(schema.get("properties"), dict)
        ):
            return False
        listed = set(schema["properties"])
        return all(
            isinstance(option, dict)
            and set(option) <= _REFINING
            and option.get("type", "object") == "object"
            and set(option.get("properties") or {}) <= listed
            for option in options
        )

    # ------------------------------------------------------------ types

    def object(self, schema: dict[str, Any], pointer: str, hint: str) -> ir.TypeRef:
        if self.needs_model(schema):
            return self.new_model(schema, pointer, hint)
        return ir.MapType(self.additional(schema, pointer, hint) or ir.AnyType())

    def new_model(self, schema: dict[str, Any], pointer: str, hint: str) -> ir.TypeRef:
        name = self.schemas.claim(hint, pointer)
        self.schemas.remember(pointer, ir.ModelType(name))  # for recursion through it
        self.build_model(name, schema, pointer)
        return ir.ModelType(name)

    def all_of(self, schema: dict[str, Any], pointer: str, hint: str) -> ir.TypeRef:
        parts = schema["allOf"]
        if self._object_like(schema):
            if len(parts) == 1 and not self.adds_properties(schema):
                self.schemas.pass_name(pointer, pointer + "/allOf/0")
                return self.schemas.type_of(parts[0], pointer + "/allOf/0", hint)
            return self.merged_model(schema, pointer, hint)
        # Not an object: the value has the type of the parts, and all their rules apply
        # (gathered by `Constraints`). The first part that says what it is types it.
        chosen = next(
            (i for i, part in enumerate(parts) if isinstance(part, dict) and _says_type(part)),
            0,
        )
        self.schemas.pass_name(pointer, f"{pointer}/allOf/{chosen}")
        result = self.schemas.type_of(parts[chosen], f"{pointer}/allOf/{chosen}", hint)
        for index, part in enumerate(parts):
            if index != chosen and isinstance(part, dict) and _says_type(part):
                other = self.schemas.type_of(part, f"{pointer}/allOf/{index}", hint)
                if other != result:
                    self.schemas.warn(
                        f"{pointer}/allOf/{index}",
                        "this part of the allOf has another type than the first; "
                        "typed as the first",
                    )
        return result

    def merged_model(self, schema: dict[str, Any], pointer: str, hint: str) -> ir.TypeRef:
        """One model for an object made of several (`allOf`, or a 3.1 `$ref` with
        properties beside it)."""
        name = self.schemas.claim(hint, pointer)
        self.schemas.remember(pointer, ir.ModelType(name))
        self.build_model(name, self.merged_object(schema, pointer), pointer)
        return ir.ModelType(name)

    def merged_object(self, schema: dict[str, Any], pointer: str) -> dict[str, Any]:
        """An `allOf` (or a `$ref` with properties beside it) folded into one object schema:
        properties, required lists and object rules merged; later parts win."""
        merged: dict[str, Any] = {"type": "object"}
        properties: dict[str, Any] = {}
        pointers: dict[str, str] = {}
        required: list[str] = []
        parts = [(part, f"{pointer}/allOf/{i}") for i, part in enumerate(schema.get("allOf", []))]
        if isinstance(schema.get("$ref"), str):
            parts.insert(0, ({"$ref": schema["$ref"]}, pointer))
        self._merging.append(pointer)
        try:
            for part, part_pointer in parts:
                resolved, resolved_pointer = self.schemas.resolve(part, part_pointer)
                if resolved_pointer in self._merging:
                    raise BrokenSchema(
                        part_pointer + "/$ref" if "$ref" in part else part_pointer,
                        "this allOf includes itself, so it names no schema",
                    )
                if not isinstance(resolved, dict):
                    continue
                if "allOf" in resolved or ("$ref" in resolved and self.adds_properties(resolved)):
                    resolved = self.merged_object(resolved, resolved_pointer)
                _gather(resolved, resolved_pointer, properties, pointers)
                required.extend(r for r in resolved.get("required") or [] if r not in required)
                for key in ("additionalProperties", "patternProperties", *_OBJECT_RULES):
                    if key in resolved:
                        merged[key] = resolved[key]
        finally:
            self._merging.pop()
        _gather(schema, pointer, properties, pointers)
        required.extend(r for r in schema.get("required") or [] if r not in required)
        for key in ("additionalProperties", "patternProperties", *_OBJECT_RULES):
            if key in schema:
                merged[key] = schema[key]
        merged.update(properties=properties, required=required)
        merged[_POINTERS] = pointers
        if "description" in schema:
            merged["description"] = schema["description"]
        return merged

    def additional(self, schema: dict[str, Any], pointer: str, hint: str) -> ir.TypeRef | None:
        """The type of properties an object does not list; None when it allows none, or
        when it says nothing about them (unknown properties are then ignored)."""
        extra = schema.get("additionalProperties")
        patterns = schema.get("patternProperties")
        options: list[ir.TypeRef] = []
        if isinstance(patterns, dict):
            for pattern, pattern_schema in patterns.items():
                options.append(
                    self.schemas.type_of(
                        pattern_schema,
                        f"{pointer}/patternProperties/{escape(pattern)}",
                        hint + "Value",
                    )
                )
        if extra is False:
            return ir.union(tuple(options)) if options else None
        if extra is None or extra is True:
            if options and extra is None:
                options.append(ir.AnyType())
            return ir.union(tuple(options)) if options else (ir.AnyType() if extra else None)
        options.append(
            self.schemas.type_of(extra, pointer + "/additionalProperties", hint + "Value")
        )
        return ir.union(tuple(options))

    # ------------------------------------------------------------ models

    def build_model(self, name: str, schema: dict[str, Any], pointer: str) -> None:
        self.schemas.record_class(name, pointer)
        keywords.report(self.schemas, schema, pointer)
        if "allOf" in schema:
            schema = self.merged_object(schema, pointer)
        required = set(schema.get("required") or [])
        names = Namespace(RESERVED_FIELD_NAMES)
        fields = []
        for wire_name, property_schema in (schema.get("properties") or {}).items():
            fields.append(
                self.field(
                    wire_name,
                    property_schema,
                    property_pointer(schema, wire_name, pointer),
                    name,
                    required=wire_name in required,
                    names=names,
                    in_model=True,
                )
            )
        # A field named after a type the class's annotations use would hide it
        # (`datetime: int` above `created: datetime`): it gives way.
        kinds = ir.type_kinds(f.type for f in fields)
        annotation_names = {"datetime"} if kinds & {"datetime", "unixtime"} else set()
        annotation_names |= {"date"} if "date" in kinds else set()
        annotation_names |= {"Any"} if "any" in kinds else set()
        fields = [
            (
                dataclasses.replace(f, name=names.claim(f.name + "_"))
                if f.name in annotation_names
                else f
            )
            for f in fields
        ]
        # The API never sends a write-only property: a model it decodes cannot need one.
        fields = [dataclasses.replace(f, required=False) if f.write_only else f for f in fields]
        additional = self.additional(schema, pointer, name)
        self.schemas.models[name] = ir.Model(
            name=name,
            description=text(schema.get("description")),
            fields=tuple(fields),
            additional_properties=additional,
            pointer=SpecText(pointer),
            additional_name=names.claim("additional_properties") if additional else "",
            constraints=self.schemas.rules.of_object(schema, pointer),
            additional_constraints=self.schemas.rules.of_additional(schema, pointer, additional),
        )

    def field(
        self,
        wire_name: str,
        schema: Any,
        pointer: str,
        owner: str,
        *,
        required: bool,
        names: Namespace,
        in_model: bool = False,
    ) -> ir.Field:
        """A property, of a model or of a flattened request body.

        A model's own values are also checked against its closed enums and literals
        before it is sent; an operation's arguments are the operation's to check.
        """
        resolved, _ = self.schemas.resolve(schema, pointer)
        resolved = resolved if isinstance(resolved, dict) else {}
        own = schema if isinstance(schema, dict) else {}
        description = own.get("description") or resolved.get("description")
        has_default = "default" in own or "default" in resolved
        default = own.get("default", resolved.get("default"))
        example = own.get("example", resolved.get("example"))
        examples = own.get("examples", resolved.get("examples"))
        if example is None and isinstance(examples, list) and examples:
            example = examples[0]
        deprecated = own.get("deprecated") is True or resolved.get("deprecated") is True
        value_type = self.schemas.type_of(schema, pointer, owner + class_name(wire_name))
        return ir.Field(
            name=names.claim(value_name(wire_name)),
            wire_name=SpecText(wire_name),
            type=value_type,
            required=required,
            description=documented(description, deprecated),
            constraints=self.schemas.rules.of(schema, pointer, value_type, closed=in_model),
            default=default,
            has_default=has_default,
            example=example,
            has_example=example is not None,
            read_only=bool(own.get("readOnly") or resolved.get("readOnly")),
            write_only=bool(own.get("writeOnly") or resolved.get("writeOnly")),
        )


def documented(description: Any, deprecated: bool = False) -> SpecText | None:
    """A description with whether the schema is deprecated. (A `default` is documented by
    the templates: in a model's docstring, and as what the API uses for an argument left
    out.)"""
    parts = [description.strip()] if isinstance(description, str) and description.strip() else []
    if deprecated:
        parts.append("Deprecated.")
    return SpecText("\n\n".join(parts)) if parts else None


def with_default(description: SpecText | None, default: Any) -> SpecText:
    """`description` followed by `default` as JSON (what the API assumes when the value
    is left out), shortened past 80 characters."""
    shown = json.dumps(default, ensure_ascii=False, sort_keys=True)
    note = f"Default: `{shown if len(shown) <= 80 else shown[:77] + '...'}`."
    return SpecText(f"{description}\n\n{note}" if description else note)


def implied_type(schema: dict[str, Any]) -> str | None:
    """The type of a schema that does not say, from its keywords."""
    if "properties" in schema or "additionalProperties" in schema:
        return "object"
    if "items" in schema or "prefixItems" in schema:
        return "array"
    if any(rule in schema for rule in ("pattern", "minLength", "maxLength")) or (
        "format" in schema and schema["format"] in ("date-time", "date", "binary")
    ):
        return "string"
    return None


def _types(schema: dict[str, Any]) -> list[str]:
    declared = schema.get("type")
    types = [declared] if isinstance(declared, str) else list(declared or [])
    return [t for t in types if t != "null"]


def _says_type(schema: dict[str, Any]) -> bool:
    return any(
        k in schema
        for k in ("$ref", "type", "enum", "const", "oneOf", "anyOf", "allOf", "items", "format")
    )


# Merged objects keep where each property was written, so that problems are located
# and inline classes are named and cached by their own place.
_POINTERS = "x-clientgen-property-pointers"


def _gather(
    schema: dict[str, Any], pointer: str, properties: dict[str, Any], pointers: dict[str, str]
) -> None:
    own = schema.get("properties")
    if not isinstance(own, dict):
        return
    known = schema.get(_POINTERS) or {}
    for wire_name, property_schema in own.items():
        properties[wire_name] = property_schema
        pointers[wire_name] = known.get(wire_name) or f"{pointer}/properties/{escape(wire_name)}"


def property_pointer(schema: dict[str, Any], wire_name: str, pointer: str) -> str:
    """Where a property of `schema` (at `pointer`, perhaps a merged `allOf`) is written."""
    known = schema.get(_POINTERS)
    if isinstance(known, dict) and wire_name in known:
        return str(known[wire_name])
    return f"{pointer}/properties/{escape(wire_name)}"
