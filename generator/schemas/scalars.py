"""Strings, integers, numbers and booleans, with the formats that change their type."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from .. import ir

if TYPE_CHECKING:
    from .converter import SchemaConverter

SCALAR_TYPES: dict[str, Literal["str", "int", "float", "bool"]] = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
}


class Scalars:
    def __init__(self, schemas: SchemaConverter) -> None:
        self.schemas = schemas

    def scalar(self, kind: str, schema: dict[str, Any], pointer: str) -> ir.TypeRef:
        if kind == "string":
            return self.string(schema)
        if kind == "integer":
            return self.integer(schema, pointer)
        return ir.ScalarType(SCALAR_TYPES[kind])

    def string(self, schema: dict[str, Any]) -> ir.TypeRef:
        """`date-time` and `date` are parsed; `binary` is bytes; other formats stay text."""
        fmt = schema.get("format")
        if fmt == "date-time":
            return ir.DateTimeType()
        if fmt == "date":
            return ir.DateType()
        if fmt == "binary":
            return ir.BytesType()
        return ir.ScalarType("str")

    def integer(self, schema: dict[str, Any], pointer: str) -> ir.TypeRef:
        unit = schema.get("x-unix-timestamp")
        if unit in ("seconds", "milliseconds"):
            return ir.UnixTimeType(unit)
        if unit is not None:
            self.schemas.warn(pointer + "/x-unix-timestamp", "use 'seconds' or 'milliseconds'")
        return ir.ScalarType("int")
