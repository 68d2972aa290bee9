"""Schema objects → `ir` types, models and enums.

Named component schemas become classes named after their key; inline schemas
that need a class are named from where they appear (`SendNotificationMessage`
+ `Response`), always claimed in document order so names are stable.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from . import ir
from .errors import Problem, Severity, join_pointer
from .escape import SpecText
from .load import Document
from .naming import (
    RESERVED_CLASS_NAMES,
    RESERVED_FIELD_NAMES,
    Namespace,
    class_name,
    constant_name,
    value_name,
)
from .validate import resolve_pointer

_COMPONENT_PREFIX = "#/components/schemas/"
_SCALAR_TYPES: dict[str, Literal["str", "int", "float", "bool"]] = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
}
_STRING_RULES = ("pattern", "minLength", "maxLength")
_NUMBER_RULES = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")
_ARRAY_RULES = ("minItems", "maxItems", "uniqueItems")


def text(value: Any) -> SpecText | None:
    return SpecText(value) if isinstance(value, str) and value.strip() else None


@dataclass
class SchemaConverter:
    document: Document
    problems: list[Problem]
    reserved: frozenset[str] = frozenset()
    """Class names the package defines besides the fixed ones (its base error)."""
    class_names: Namespace = field(default_factory=lambda: Namespace(RESERVED_CLASS_NAMES))
    models: dict[str, ir.Model] = field(default_factory=dict)
    enums: dict[str, ir.Enum] = field(default_factory=dict)
    _named: dict[str, ir.TypeRef] = field(default_factory=dict)
    _component_names: dict[str, str] = field(default_factory=dict)
    _name_for_next_class: str | None = None
    _inline: dict[str, ir.TypeRef] = field(default_factory=dict)
    """Types of inline schemas by JSON pointer: one schema, one class, however reached."""

    def __post_init__(self) -> None:
        for name in self.reserved:
            self.class_names.claim(name)
        # Claim component names first so inline schemas never take them.
        components = self.document.data.get("components", {}).get("schemas", {}) or {}
        for key in components:
            self._component_names[key] = self.class_names.claim(self._class_name(key))

    def _class_name(self, name: str) -> str:
        candidate = class_name(name)
        return candidate + "Model" if candidate in self.reserved else candidate

    @property
    def is_openapi_30(self) -> bool:
        return str(self.document.data.get("openapi", "")).startswith("3.0")

    # ------------------------------------------------------------ helpers

    def warn(self, pointer: str, message: str) -> None:
        location = self.document.location(pointer)
        self.problems.append(Problem(message, location, Severity.WARNING))

    def error(self, pointer: str, message: str) -> None:
        self.problems.append(self.document.problem(pointer, message))

    def resolve(self, schema: Any, pointer: str) -> tuple[Any, str]:
        """Follow `$ref`s to the schema they name; returns it with its pointer."""
        seen: set[str] = set()
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            ref = schema["$ref"]
            if ref in seen:
                self.error(pointer, f"$ref cycle through {ref!r}")
                return {}, pointer
            seen.add(ref)
            try:
                schema, pointer = resolve_pointer(self.document.data, ref[1:]), ref[1:]
            except (KeyError, ValueError):
                self.error(pointer, f"$ref {ref!r} points at nothing")
                return {}, pointer
        return schema, pointer

    def convert_components(self) -> None:
        components = self.document.data.get("components", {}).get("schemas", {}) or {}
        for key in components:
            self.type_of({"$ref": _COMPONENT_PREFIX + _escape(key)}, "", key)

    def _claim(self, hint: str) -> str:
        if self._name_for_next_class is not None:
            name, self._name_for_next_class = self._name_for_next_class, None
            return name
        return self.class_names.claim(self._class_name(hint))

    # ------------------------------------------------------------ types

    def type_of(self, schema: Any, pointer: str, hint: str) -> ir.TypeRef:
        """The type for `schema`, creating any model or enum it needs."""
        if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            ref = schema["$ref"]
            if ref.startswith(_COMPONENT_PREFIX) and "/" not in ref[len(_COMPONENT_PREFIX) :]:
                return self._component(ref, pointer)
            target, target_pointer = self.resolve(schema, pointer)
            return self.type_of(target, target_pointer, hint)
        if schema is True or schema is None or schema == {}:
            return ir.AnyType()
        if not isinstance(schema, dict):
            self.warn(pointer, "a schema must be an object; treated as any value")
            return ir.AnyType()

        if pointer.startswith("/") and pointer in self._inline:
            return self._inline[pointer]
        nullable, types = self._types(schema)
        inner = self._non_null_type(schema, pointer, hint, types)
        result = inner
        if nullable and not isinstance(inner, ir.NullableType | ir.AnyType):
            result = ir.NullableType(inner)
        if pointer.startswith("/"):
            self._inline[pointer] = result
        return result

    def _component(self, ref: str, pointer: str) -> ir.TypeRef:
        if ref in self._named:
            return self._named[ref]
        key = _unescape(ref[len(_COMPONENT_PREFIX) :])
        name = self._component_names.get(key)
        target, target_pointer = self.resolve({"$ref": ref}, pointer)
        if name is None:  # resolve() reported the dangling reference
            return ir.AnyType()
        if self._needs_model(target):
            # Registered before its fields are read, so recursive schemas resolve.
            self._named[ref] = ir.ModelType(name)
            self._build_model(name, target, target_pointer)
            return self._named[ref]
        self._named[ref] = ir.AnyType()  # a placeholder while an alias resolves itself
        # An enum or other class made for this component takes its claimed name.
        self._name_for_next_class = name
        resolved = self.type_of(target, target_pointer, name)
        self._name_for_next_class = None
        self._named[ref] = resolved
        return resolved

    def _types(self, schema: dict[str, Any]) -> tuple[bool, list[str]]:
        declared = schema.get("type")
        types = [declared] if isinstance(declared, str) else list(declared or [])
        nullable = "null" in types or schema.get("nullable") is True
        if isinstance(schema.get("enum"), list) and None in schema["enum"]:
            nullable = True
        for key in ("oneOf", "anyOf"):
            options = schema.get(key)
            if isinstance(options, list) and any(_is_null_schema(o) for o in options):
                nullable = True
        return nullable, [t for t in types if t != "null"]

    def _non_null_type(
        self, schema: dict[str, Any], pointer: str, hint: str, types: list[str]
    ) -> ir.TypeRef:
        if "const" in schema:
            return self._literal(schema["const"], pointer)
        if isinstance(schema.get("enum"), list):
            return self._enum(schema, pointer, hint, schema["enum"])
        for key in ("oneOf", "anyOf"):
            options = schema.get(key)
            if isinstance(options, list) and options:
                return self._union(schema, key, options, pointer, hint)
        if isinstance(schema.get("allOf"), list):
            return self._all_of(schema, pointer, hint)
        if len(types) > 1:
            options_types = tuple(
                self._non_null_type({**schema, "type": t}, pointer, hint, [t]) for t in types
            )
            return ir.union(options_types)
        kind = types[0] if types else _implied_type(schema)
        if kind == "string":
            return self._string(schema)
        if kind == "integer":
            unit = schema.get("x-unix-timestamp")
            if unit in ("seconds", "milliseconds"):
                return ir.UnixTimeType(unit)
            if unit is not None:
                self.warn(pointer + "/x-unix-timestamp", "use 'seconds' or 'milliseconds'")
            return ir.ScalarType("int")
        if kind in ("number", "boolean"):
            return ir.ScalarType(_SCALAR_TYPES[kind])
        if kind == "array":
            items = schema.get("items")
            return ir.ArrayType(self.type_of(items, pointer + "/items", hint + "Item"))
        if kind == "object":
            if self._needs_model(schema):
                name = self._claim(hint)
                if pointer.startswith("/"):
                    self._inline[pointer] = ir.ModelType(name)  # for recursion through it
                self._build_model(name, schema, pointer)
                return ir.ModelType(name)
            return ir.MapType(self._additional(schema, pointer, hint) or ir.AnyType())
        return ir.AnyType()

    def _string(self, schema: dict[str, Any]) -> ir.TypeRef:
        fmt = schema.get("format")
        if fmt == "date-time":
            return ir.DateTimeType()
        if fmt == "date":
            return ir.DateType()
        if fmt == "binary":
            return ir.BytesType()
        return ir.ScalarType("str")

    def _literal(self, value: Any, pointer: str) -> ir.TypeRef:
        python = _python_scalar(value)
        if python is None:
            self.warn(pointer + "/const", "only scalar const values are typed; any value accepted")
            return ir.AnyType()
        return ir.LiteralType(SpecText(value) if isinstance(value, str) else value, python)

    def _enum(
        self, schema: dict[str, Any], pointer: str, hint: str, values: list[Any]
    ) -> ir.TypeRef:
        members = [v for v in values if v is not None]
        descriptions = schema.get("x-enum-descriptions") or schema.get("x-enumDescriptions")
        names = schema.get("x-enum-varnames") or schema.get("x-enumNames")
        entries = [
            (
                names[i] if isinstance(names, list) and i < len(names) else None,
                value,
                (
                    descriptions[i]
                    if isinstance(descriptions, list) and i < len(descriptions)
                    else None
                ),
            )
            for i, value in enumerate(members)
        ]
        return self._make_enum(schema, pointer, hint, entries, is_open=False)

    def _make_enum(
        self,
        schema: dict[str, Any],
        pointer: str,
        hint: str,
        entries: list[tuple[Any, Any, Any]],
        *,
        is_open: bool,
    ) -> ir.TypeRef:
        if entries and all(isinstance(v, str) for _, v, _ in entries):
            value_type: Literal["str", "int"] = "str"
        elif entries and all(isinstance(v, int) and not isinstance(v, bool) for _, v, _ in entries):
            value_type = "int"
        else:
            self.warn(
                pointer + "/enum",
                "enum values must be all strings or all integers; " "typed as the plain value",
            )
            return ir.AnyType()
        name = self._claim(hint)
        member_names = Namespace()
        members = []
        for label, value, description in entries:
            if isinstance(label, str) and label.strip():
                base = label
            elif value_type == "int":
                base = "VALUE_" + str(value).replace("-", "MINUS_")
            else:
                base = str(value) if str(value).strip() else "EMPTY"
            member = member_names.claim(constant_name(base))
            members.append(
                ir.EnumMember(
                    member, SpecText(value) if isinstance(value, str) else value, text(description)
                )
            )
        self.enums[name] = ir.Enum(
            name, text(schema.get("description")), value_type, tuple(members), is_open
        )
        return ir.EnumType(name, value_type, is_open)

    def _union(
        self, schema: dict[str, Any], key: str, options: list[Any], pointer: str, hint: str
    ) -> ir.TypeRef:
        non_null = [(i, o) for i, o in enumerate(options) if not _is_null_schema(o)]
        resolved = [(i, self.resolve(o, f"{pointer}/{key}/{i}")[0]) for i, o in non_null]
        consts = [o for _, o in resolved if isinstance(o, dict) and "const" in o]
        open_branches = [o for _, o in resolved if not (isinstance(o, dict) and "const" in o)]
        if consts and len(open_branches) <= 1 and all(_is_plain_scalar(o) for o in open_branches):
            # A documented set of values: an enum, open if a plain branch accepts others.
            entries = [(o.get("title"), o["const"], o.get("description")) for o in consts]
            return self._make_enum(schema, pointer, hint, entries, is_open=bool(open_branches))
        if len(non_null) == 1:
            index, only = non_null[0]
            return self.type_of(only, f"{pointer}/{key}/{index}", hint)
        types = tuple(
            self.type_of(o, f"{pointer}/{key}/{i}", f"{hint}Option{n + 1}")
            for n, (i, o) in enumerate(non_null)
        )
        return ir.union(types, self._discriminator(schema, pointer, types))

    def _discriminator(
        self, schema: dict[str, Any], pointer: str, types: tuple[ir.TypeRef, ...]
    ) -> ir.Discriminator | None:
        discriminator = schema.get("discriminator")
        if not isinstance(discriminator, dict) or not discriminator.get("propertyName"):
            return None
        mapping: dict[str, str] = {}
        for value, ref in (discriminator.get("mapping") or {}).items():
            target = self._component(ref, pointer) if ref.startswith(_COMPONENT_PREFIX) else None
            if isinstance(target, ir.ModelType):
                mapping[value] = target.name
        for option in types:
            if isinstance(option, ir.ModelType) and option.name not in mapping.values():
                key = next((k for k, v in self._component_names.items() if v == option.name), None)
                if key is not None:
                    mapping[key] = option.name
        return ir.Discriminator(
            SpecText(discriminator["propertyName"]),
            tuple((SpecText(k), v) for k, v in mapping.items()),
        )

    def _all_of(self, schema: dict[str, Any], pointer: str, hint: str) -> ir.TypeRef:
        parts = schema["allOf"]
        own = {k: v for k, v in schema.items() if k not in ("allOf", "description", "title")}
        if len(parts) == 1 and not own.get("properties"):
            return self.type_of(parts[0], pointer + "/allOf/0", hint)
        merged = self.merged_object(schema, pointer)
        name = self._claim(hint)
        if pointer.startswith("/"):
            self._inline[pointer] = ir.ModelType(name)  # for recursion through it
        self._build_model(name, merged, pointer)
        return ir.ModelType(name)

    def merged_object(self, schema: dict[str, Any], pointer: str) -> dict[str, Any]:
        """An `allOf` folded into one object schema (properties and required lists merged)."""
        properties: dict[str, Any] = {}
        required: list[str] = []
        merged: dict[str, Any] = {"type": "object"}
        for index, part in enumerate(schema.get("allOf", [])):
            resolved, part_pointer = self.resolve(part, f"{pointer}/allOf/{index}")
            if isinstance(resolved, dict) and "allOf" in resolved:
                resolved = self.merged_object(resolved, part_pointer)
            if not isinstance(resolved, dict):
                continue
            properties.update(resolved.get("properties") or {})
            required.extend(r for r in resolved.get("required") or [] if r not in required)
            if "additionalProperties" in resolved:
                merged["additionalProperties"] = resolved["additionalProperties"]
        properties.update(schema.get("properties") or {})
        required.extend(r for r in schema.get("required") or [] if r not in required)
        merged.update(properties=properties, required=required)
        if "description" in schema:
            merged["description"] = schema["description"]
        return merged

    def _needs_model(self, schema: Any) -> bool:
        if not isinstance(schema, dict):
            return False
        if "allOf" in schema and "oneOf" not in schema and "anyOf" not in schema:
            return True
        _, types = self._types(schema)
        kind = types[0] if len(types) == 1 else _implied_type(schema) if not types else None
        return kind == "object" and bool(schema.get("properties"))

    def _additional(self, schema: dict[str, Any], pointer: str, hint: str) -> ir.TypeRef | None:
        extra = schema.get("additionalProperties")
        if extra is False:
            return None
        if extra is None or extra is True:
            return ir.AnyType() if extra is True else None
        return self.type_of(extra, pointer + "/additionalProperties", hint + "Value")

    # ------------------------------------------------------------ models

    def _build_model(self, name: str, schema: dict[str, Any], pointer: str) -> None:
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
                    f"{pointer}/properties/{_escape(wire_name)}",
                    name,
                    required=wire_name in required,
                    names=names,
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
        self.models[name] = ir.Model(
            name=name,
            description=text(schema.get("description")),
            fields=tuple(fields),
            additional_properties=self._additional(schema, pointer, name),
            pointer=SpecText(pointer),
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
    ) -> ir.Field:
        resolved, _ = self.resolve(schema, pointer)
        resolved = resolved if isinstance(resolved, dict) else {}
        own = schema if isinstance(schema, dict) else {}
        description = own.get("description") or resolved.get("description")
        default = resolved.get("default", own.get("default"))
        example = own.get("example", resolved.get("example"))
        examples = own.get("examples", resolved.get("examples"))
        if example is None and isinstance(examples, list) and examples:
            example = examples[0]
        return ir.Field(
            name=names.claim(value_name(wire_name)),
            wire_name=SpecText(wire_name),
            type=self.type_of(schema, pointer, owner + class_name(wire_name)),
            required=required,
            description=text(description),
            constraints=tuple(self.constraints(schema, pointer)),
            default=default,
            has_default="default" in resolved or "default" in own,
            example=example,
            has_example=example is not None,
            read_only=bool(own.get("readOnly") or resolved.get("readOnly")),
            write_only=bool(own.get("writeOnly") or resolved.get("writeOnly")),
        )

    def constraints(self, schema: Any, pointer: str) -> Iterator[ir.Constraint]:
        """The checkable keywords of `schema` and of the schemas it refers to."""
        seen: set[str] = set()
        while isinstance(schema, dict):
            for rule in _STRING_RULES + _NUMBER_RULES + _ARRAY_RULES:
                if rule in schema and rule not in seen:
                    constraint = self._constraint(rule, schema, pointer)
                    if constraint is not None:
                        seen.add(rule)
                        yield constraint
            if "$ref" not in schema:
                return
            schema, pointer = self.resolve({"$ref": schema["$ref"]}, pointer)

    def _constraint(self, rule: str, schema: dict[str, Any], pointer: str) -> ir.Constraint | None:
        value = schema[rule]
        if rule == "pattern":
            try:
                translated = python_pattern(value)
                re.compile(translated)
            except (re.error, TypeError, ValueError) as exc:
                self.warn(pointer + "/pattern", f"pattern cannot be enforced in Python: {exc}")
                return None
            return ir.Constraint(rule, SpecText(translated))
        if rule in ("exclusiveMinimum", "exclusiveMaximum") and isinstance(value, bool):
            # OpenAPI 3.0: a flag on minimum/maximum.
            bound = schema.get("minimum" if rule == "exclusiveMinimum" else "maximum")
            return ir.Constraint(rule, bound) if value and bound is not None else None
        if (
            rule in ("minimum", "maximum")
            and schema.get("exclusiveMinimum" if rule == "minimum" else "exclusiveMaximum") is True
        ):
            return None  # expressed by the exclusive rule
        if rule == "uniqueItems":
            return ir.Constraint(rule, True) if value is True else None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.warn(f"{pointer}/{rule}", f"{rule} must be a number; not enforced")
            return None
        return ir.Constraint(rule, value)


# ECMA-262 classes are ASCII-only where Python's are Unicode-aware; `$` ends
# the input in ECMA-262 but may match before a final newline in Python.
_ECMA_CLASSES = {"d": "0-9", "w": "A-Za-z0-9_", "s": " \\t\\n\\r\\f\\v"}


def python_pattern(pattern: str) -> str:
    """An ECMA-262 `pattern` (as JSON Schema uses) rewritten for Python's `re`.search."""
    if not isinstance(pattern, str):
        raise TypeError("a pattern must be a string")
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            escaped = pattern[index + 1]
            if (escaped in "pPkuc" and escaped != "u") or (
                escaped == "u" and pattern[index + 2 : index + 3] == "{"
            ):
                raise ValueError(f"\\{escaped} escapes are not supported by Python's re")
            if escaped.lower() in _ECMA_CLASSES:
                chars = _ECMA_CLASSES[escaped.lower()]
                negated = escaped.isupper()
                if in_class and not negated:
                    out.append(chars)
                elif in_class:
                    out.append(pattern[index : index + 2])  # rare; keep Python's meaning
                else:
                    out.append(f"[{'^' if negated else ''}{chars}]")
            else:
                out.append(pattern[index : index + 2])
            index += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
        elif char == "[":
            in_class = True
            out.append(char)
            index += 1
            if pattern[index : index + 1] == "^":
                out.append("^")
                index += 1
            if pattern[index : index + 1] == "]":
                out.append("\\]")  # a literal ] first in a class
                index += 1
            continue
        elif char == "$":
            char = "\\Z"
        out.append(char)
        index += 1
    return "".join(out)


def _implied_type(schema: dict[str, Any]) -> str | None:
    if "properties" in schema or "additionalProperties" in schema:
        return "object"
    if "items" in schema:
        return "array"
    if any(rule in schema for rule in _STRING_RULES) or (
        "format" in schema and schema["format"] in ("date-time", "date", "binary")
    ):
        return "string"
    return None


def _is_null_schema(schema: Any) -> bool:
    return isinstance(schema, dict) and (
        schema.get("type") == "null"
        or ("const" in schema and schema["const"] is None)
        or schema.get("enum") == [None]
    )


def _is_plain_scalar(schema: Any) -> bool:
    return (
        isinstance(schema, dict)
        and schema.get("type") in _SCALAR_TYPES
        and not any(k in schema for k in ("enum", "const", "oneOf", "anyOf", "allOf", "properties"))
    )


def _python_scalar(value: Any) -> Literal["str", "int", "float", "bool"] | None:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    return None


def _escape(token: str) -> str:
    return join_pointer(token)[1:]


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")
