"""`oneOf` and `anyOf`: unions, tried in order or chosen by a discriminator.

A null option makes the rest nullable; a single other option is that option's
type. An `anyOf` of `const` values (each with a title and a description),
optionally with one plain branch of the same type, is an enum with documented
meanings, open to undocumented values when the plain branch is there. `oneOf` is
typed like `anyOf`: a value that fits several options is not refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import ir
from ..escape import SpecText
from .context import COMPONENT_PREFIX, BrokenSchema, escape
from .scalars import SCALAR_TYPES

if TYPE_CHECKING:
    from .converter import SchemaConverter


class Unions:
    def __init__(self, schemas: SchemaConverter) -> None:
        self.schemas = schemas

    def union(
        self, schema: dict[str, Any], key: str, options: list[Any], pointer: str, hint: str
    ) -> ir.TypeRef:
        non_null = [(i, o) for i, o in enumerate(options) if not is_null_schema(o)]
        if not non_null:
            return ir.NullType()
        resolved = [(i, self.schemas.resolve(o, f"{pointer}/{key}/{i}")[0]) for i, o in non_null]
        consts = [o for _, o in resolved if isinstance(o, dict) and "const" in o]
        open_branches = [o for _, o in resolved if not (isinstance(o, dict) and "const" in o)]
        if (
            consts
            and len(open_branches) <= 1
            and all(_is_plain_scalar(o) for o in open_branches)
            and all(_enum_value(o["const"]) for o in consts)
        ):
            # A documented set of values: an enum, open if a plain branch accepts others.
            entries = [(o.get("title"), o["const"], o.get("description")) for o in consts]
            return self.schemas.enumerations.make_enum(
                schema, pointer, hint, entries, is_open=bool(open_branches)
            )
        if len(non_null) == 1:
            index, only = non_null[0]
            self.schemas.pass_name(pointer, f"{pointer}/{key}/{index}")
            return self.schemas.type_of(only, f"{pointer}/{key}/{index}", hint)
        types = tuple(
            self.schemas.type_of(o, f"{pointer}/{key}/{i}", f"{hint}Option{n + 1}")
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
            target: ir.TypeRef | None = None
            where = f"{pointer}/discriminator/mapping/{escape(value)}"
            if isinstance(ref, str) and ref.startswith(COMPONENT_PREFIX):
                try:
                    target = self.schemas.type_of({"$ref": ref}, where, "")
                except BrokenSchema:
                    self.schemas.warn(
                        where,
                        f"{ref!r} names no schema that can be read; a value {value!r} is "
                        "decoded by trying each option",
                    )
            if isinstance(target, ir.ModelType):
                mapping[value] = target.name
        for option in types:
            if isinstance(option, ir.ModelType) and option.name not in mapping.values():
                key = next(
                    (k for k, v in self.schemas.component_names.items() if v == option.name), None
                )
                if key is not None:
                    mapping[key] = option.name
        return ir.Discriminator(
            SpecText(discriminator["propertyName"]),
            tuple((SpecText(k), v) for k, v in mapping.items()),
        )


def is_null_schema(schema: Any) -> bool:
    return isinstance(schema, dict) and (
        schema.get("type") == "null"
        or ("const" in schema and schema["const"] is None)
        or schema.get("enum") == [None]
    )


def _is_plain_scalar(schema: Any) -> bool:
    return (
        isinstance(schema, dict)
        and schema.get("type") in SCALAR_TYPES
        and not any(k in schema for k in ("enum", "const", "oneOf", "anyOf", "allOf", "properties"))
    )


def _enum_value(value: Any) -> bool:
    return isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))
