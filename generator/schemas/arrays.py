"""Arrays: `items` gives a list; `prefixItems` gives a tuple typed position by position."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import ir

if TYPE_CHECKING:
    from .converter import SchemaConverter


class Arrays:
    def __init__(self, schemas: SchemaConverter) -> None:
        self.schemas = schemas

    def array(self, schema: dict[str, Any], pointer: str, hint: str) -> ir.TypeRef:
        layout = tuple_layout(schema)
        if layout is not None:
            return self._tuple(schema, pointer, hint, *layout)
        items = schema.get("items")
        if items is False:
            return ir.TupleType((), None)  # only the empty array
        return ir.ArrayType(self.schemas.type_of(items, pointer + "/items", hint + "Item"))

    def _tuple(
        self,
        schema: dict[str, Any],
        pointer: str,
        hint: str,
        prefix_key: str,
        rest_key: str,
    ) -> ir.TypeRef:
        prefix = schema[prefix_key]
        positions = tuple(
            self.schemas.type_of(item, f"{pointer}/{prefix_key}/{index}", f"{hint}Item{index + 1}")
            for index, item in enumerate(prefix)
        )
        rest_schema = schema.get(rest_key, True)
        longest = schema.get("maxItems")
        longest = longest if isinstance(longest, int) and not isinstance(longest, bool) else None
        shortest = schema.get("minItems")
        shortest = shortest if isinstance(shortest, int) and not isinstance(shortest, bool) else 0
        if rest_schema is False or (longest is not None and longest <= len(positions)):
            # Nothing after the prefix: the array is one of a few exact tuples.
            limit = len(positions) if longest is None else max(0, longest)
            positions = positions[:limit]
            return ir.TupleType(positions, None, min(shortest, len(positions)))
        rest = self.schemas.type_of(rest_schema, f"{pointer}/{rest_key}", hint + "Item")
        return ir.TupleType(positions, rest)


def tuple_layout(schema: dict[str, Any]) -> tuple[str, str] | None:
    """Where an array schema keeps its per-position schemas and the schema of the rest:
    ("prefixItems", "items"), or None for a plain list."""
    if isinstance(schema.get("prefixItems"), list) and schema["prefixItems"]:
        return "prefixItems", "items"
    return None
