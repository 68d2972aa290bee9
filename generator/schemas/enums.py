"""`enum` and `const`: enum classes, `Literal` types, and fixed values.

String and integer enums become enum classes (members named from the values, or
from `x-enum-varnames`); booleans and mixed scalar values become `Literal` types;
values `Literal` cannot spell (numbers with a fraction, objects, arrays) become a
`ConstType`, checked when decoding and before sending. An `anyOf` of `const`
values with titles is an enum with documented meanings (see `Unions`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from .. import ir
from ..escape import SpecText
from ..naming import Namespace, constant_name
from .context import text

if TYPE_CHECKING:
    from .converter import SchemaConverter

Entry = tuple[Any, Any, Any]
"""(member name or None, value, description or None)."""


class Enumerations:
    def __init__(self, schemas: SchemaConverter) -> None:
        self.schemas = schemas

    def const(self, value: Any, pointer: str) -> ir.TypeRef:
        if value is None:
            return ir.NullType()
        literal = literal_type(value)
        if literal is not None:
            return literal
        return ir.ConstType((value,), base_type((value,)))

    def enum(self, schema: dict[str, Any], pointer: str, hint: str) -> ir.TypeRef:
        values = [v for v in schema["enum"] if v is not None]
        if not values:
            return ir.NullType()  # `enum: [null]`
        first: dict[Any, int] = {}  # each distinct value's first place among `values`
        for index, value in enumerate(values):
            if json_key(value) in first:
                self.schemas.warn(
                    f"{pointer}/enum/{index}",
                    f"{value!r} is listed twice: one member stands for both",
                )
            else:
                first[json_key(value)] = index
        distinct = [values[index] for index in first.values()]
        if all(isinstance(v, bool) for v in distinct):
            if len(distinct) == 2:
                return ir.ScalarType("bool")
            return ir.LiteralType(distinct[0], "bool")  # `enum: [true]`
        if _value_type(distinct) is not None:
            descriptions = schema.get("x-enum-descriptions") or schema.get("x-enumDescriptions")
            names = schema.get("x-enum-varnames") or schema.get("x-enumNames")
            entries = [
                (_item(names, index), values[index], _item(descriptions, index))
                for index in first.values()
            ]
            return self.make_enum(schema, pointer, hint, entries, is_open=False)
        literals = [literal_type(v) for v in distinct]
        if all(literals):
            return ir.union(tuple(t for t in literals if t is not None))
        return ir.ConstType(tuple(distinct), base_type(tuple(distinct)))

    def make_enum(
        self,
        schema: dict[str, Any],
        pointer: str,
        hint: str,
        entries: list[Entry],
        *,
        is_open: bool,
    ) -> ir.TypeRef:
        value_type = _value_type([v for _, v, _ in entries])
        if value_type is None:
            self.schemas.warn(
                pointer + "/enum",
                "enum values must be all strings or all integers; typed as the plain value",
            )
            return ir.AnyType()
        name = self.schemas.claim(hint, pointer)
        self.schemas.record_class(name, pointer)
        member_names = Namespace()
        members = []
        for label, value, description in entries:
            if isinstance(label, str) and label.strip():
                base = label
            elif value_type == "int":
                base = "VALUE_" + str(value).replace("-", "MINUS_")
            else:
                base = str(value) if str(value).strip() else "EMPTY"
            # Distinct values whose names read the same (`*` and `star`) get distinct
            # names: a Python enum would make a member with a repeated name an alias.
            member = member_names.claim(constant_name(base))
            members.append(
                ir.EnumMember(
                    member, SpecText(value) if isinstance(value, str) else value, text(description)
                )
            )
        self.schemas.enums[name] = ir.Enum(
            name, text(schema.get("description")), value_type, tuple(members), is_open
        )
        return ir.EnumType(name, value_type, is_open)


def literal_type(value: Any) -> ir.LiteralType | None:
    """`Literal[value]`, for the values `Literal` can spell."""
    if isinstance(value, bool):
        return ir.LiteralType(value, "bool")
    if isinstance(value, int):
        return ir.LiteralType(value, "int")
    if isinstance(value, str):
        return ir.LiteralType(SpecText(value), "str")
    return None


def base_type(values: tuple[Any, ...]) -> ir.TypeRef:
    """The plain type of fixed JSON values: how a `ConstType` is annotated."""
    types: list[ir.TypeRef] = []
    for value in values:
        if isinstance(value, bool):
            types.append(ir.ScalarType("bool"))
        elif isinstance(value, int | float):
            types.append(ir.ScalarType("float"))
        elif isinstance(value, str):
            types.append(ir.ScalarType("str"))
        elif isinstance(value, dict):
            types.append(ir.MapType(ir.AnyType()))
        elif isinstance(value, list):
            types.append(ir.ArrayType(ir.AnyType()))
        else:
            types.append(ir.NullType())
    return ir.union(tuple(types))


def json_key(value: Any) -> Any:
    """A key equal for equal JSON values: 1 and 1.0 are equal, true and 1 are not."""
    if isinstance(value, bool) or value is None:
        return ("literal", value)
    if isinstance(value, float) and value.is_integer():
        return ("number", int(value))
    if isinstance(value, int | float):
        return ("number", value)
    if isinstance(value, str):
        return ("string", value)
    if isinstance(value, list):
        return ("array", tuple(json_key(v) for v in value))
    if isinstance(value, dict):
        return ("object", tuple(sorted((str(k), json_key(v)) for k, v in value.items())))
    return ("other", repr(value))


def _value_type(values: list[Any]) -> Literal["str", "int"] | None:
    if values and all(isinstance(v, str) for v in values):
        return "str"
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "int"
    return None


def _item(values: Any, index: int) -> Any:
    return values[index] if isinstance(values, list) and index < len(values) else None
