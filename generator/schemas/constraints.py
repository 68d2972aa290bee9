"""Constraints: the keywords a value is checked against before it is sent.

A value's checks come from its schema, the schemas its `$ref`s and `allOf` parts
name, a single non-null `oneOf`/`anyOf` option, and options of distinct JSON types
(each check applies only to values of its own type, as in JSON Schema). The
checks of array items, tuple positions and map values nest. A keyword that cannot
apply to the value's type (`uniqueItems` on a boolean, `maxLength` on an integer)
is ignored with a located warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .. import ir
from ..escape import SpecText
from . import keywords
from .arrays import tuple_layout
from .context import BrokenSchema
from .unions import is_null_schema

if TYPE_CHECKING:
    from .converter import SchemaConverter

STRING_RULES = ("pattern", "minLength", "maxLength")
NUMBER_RULES = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")
ARRAY_RULES = ("minItems", "maxItems", "uniqueItems")
OBJECT_RULES = ("minProperties", "maxProperties", "dependentRequired")
VALUE_RULES = STRING_RULES + NUMBER_RULES + ARRAY_RULES + OBJECT_RULES
# Keywords a schema needs for its value to have any check at all.
_WITH_RULES = frozenset(VALUE_RULES) | {"items", "prefixItems", "additionalProperties"}
_WITH_RULES |= {"oneOf", "anyOf", "const", "enum"}


class Constraints:
    def __init__(self, schemas: SchemaConverter) -> None:
        self.schemas = schemas

    def of(
        self, schema: Any, pointer: str, value_type: ir.TypeRef, *, closed: bool = False
    ) -> tuple[ir.Constraint, ...]:
        """The checks of a value of `value_type` that `schema` describes.

        With `closed`, a value of a closed enum or a `Literal` is also checked to be
        one of its values (a model may hold any value its caller gave, or a value the
        API sent that its description does not list).
        """
        found: list[ir.Constraint] = []
        inner = value_type.inner if isinstance(value_type, ir.NullableType) else value_type
        parts = list(self._parts(schema, pointer, set()))
        allowed = self._allowed(inner, closed)
        if allowed is None and not any(part.keys() & _WITH_RULES for part, _ in parts):
            return ()  # most schemas: nothing to check
        types = ir.json_types(value_type)
        for part, part_pointer in parts:
            for rule in VALUE_RULES:
                if rule not in part:
                    continue
                keyword = keywords.KEYWORDS[rule]
                if not keywords.applies(keyword, types):
                    self.schemas.warn(
                        f"{part_pointer}/{rule}", keywords.wrong_type_message(rule, keyword, types)
                    )
                    continue
                if rule in OBJECT_RULES and isinstance(inner, ir.ModelType):
                    self._model_rule(inner, rule, part_pointer)
                    continue
                constraint = self._constraint(rule, part, part_pointer)
                if constraint is not None and constraint not in found:
                    found.append(constraint)
        if allowed is not None:
            found.append(ir.Constraint("enum", allowed))
        found.extend(c for c in self._nested(parts, inner, closed) if c not in found)
        found.extend(c for c in self._options(parts, closed) if c not in found)
        return tuple(found)

    def of_object(self, schema: dict[str, Any], pointer: str) -> tuple[ir.Constraint, ...]:
        """The checks of a model's whole JSON object: its property count, properties
        that require others, and which properties its `oneOf`/`anyOf` require."""
        found: list[ir.Constraint] = []
        for rule in OBJECT_RULES:
            if rule in schema:
                constraint = self._constraint(rule, schema, pointer)
                if constraint is not None:
                    found.append(constraint)
        for key in ("anyOf", "oneOf"):
            options = schema.get(key)
            if not (isinstance(options, list) and self.schemas.objects.is_refined(schema, key)):
                continue
            alternatives = tuple(
                tuple(str(r) for r in option.get("required") or []) for option in options
            )
            if any(
                set(option) - {"required", "description", "title", "type"} for option in options
            ):
                self.schemas.warn(
                    f"{pointer}/{key}",
                    f"the property rules of these {key} options are not checked before "
                    "sending; only which properties they require is",
                )
            if any(alternatives):
                found.append(ir.Constraint(key, alternatives))
        return tuple(found)

    def of_additional(
        self, schema: dict[str, Any], pointer: str, value_type: ir.TypeRef | None
    ) -> tuple[ir.Constraint, ...]:
        """The checks of a model's properties besides those it lists."""
        extra = schema.get("additionalProperties")
        if value_type is None or not isinstance(extra, dict) or "patternProperties" in schema:
            return ()
        rules = self.of(extra, pointer + "/additionalProperties", value_type, closed=True)
        return (ir.Constraint("values", rules),) if rules else ()

    # ------------------------------------------------------------ where rules come from

    def _parts(
        self, schema: Any, pointer: str, seen: set[str]
    ) -> Iterator[tuple[dict[str, Any], str]]:
        """The schema objects whose rules all apply to the value."""
        if not isinstance(schema, dict) or pointer in seen:
            return
        seen.add(pointer)
        ref = schema.get("$ref")
        if not (isinstance(ref, str) and self.schemas.is_openapi_30):  # 3.0 ignores siblings
            yield schema, pointer
        if isinstance(ref, str):
            try:
                target, target_pointer = self.schemas.resolve({"$ref": ref}, pointer)
            except BrokenSchema:
                return  # the type of the value has reported it already
            yield from self._parts(target, target_pointer, seen)
        for index, part in enumerate(schema.get("allOf") or []):
            yield from self._parts(part, f"{pointer}/allOf/{index}", seen)
        for key in ("oneOf", "anyOf"):
            options = schema.get(key)
            if not isinstance(options, list):
                continue
            non_null = [(i, o) for i, o in enumerate(options) if not is_null_schema(o)]
            if len(non_null) == 1:
                index, only = non_null[0]
                yield from self._parts(only, f"{pointer}/{key}/{index}", seen)

    def _allowed(self, value_type: ir.TypeRef, closed: bool) -> tuple[Any, ...] | None:
        """The only values a value of `value_type` may have, when they must be checked."""
        if isinstance(value_type, ir.ConstType):
            return value_type.values  # values no `Literal` can spell
        if closed and isinstance(value_type, ir.LiteralType):
            return (value_type.value,)
        if closed and isinstance(value_type, ir.EnumType) and not value_type.open:
            return tuple(m.value for m in self.schemas.enums[value_type.name].members)
        return None

    def _options(
        self, parts: list[tuple[dict[str, Any], str]], closed: bool
    ) -> Iterator[ir.Constraint]:
        """Rules inside the options of a union (a rule applies to values of its own type).

        When no two options share a type, each option's rules are checked as they
        are. Otherwise a value must pass the rules of one of the options of its type:
        one `options` check, with each option's JSON types and its rules (its own
        closed enum included: an option `enum: [""]` accepts only that).
        """
        for part, part_pointer in parts:
            for key in ("oneOf", "anyOf"):
                options = part.get(key)
                if not isinstance(options, list) or self.schemas.objects.is_refined(part, key):
                    continue
                non_null = [(i, o) for i, o in enumerate(options) if not is_null_schema(o)]
                if len(non_null) < 2:
                    continue
                typed = []
                for index, option in non_null:
                    where = f"{part_pointer}/{key}/{index}"
                    option_type = self.schemas.type_of(option, where, "")
                    kinds = _widened(ir.json_types(option_type))
                    typed.append((option, where, option_type, kinds))
                choices = [
                    (kinds, self.of(option, where, option_type, closed=True))
                    for option, where, option_type, kinds in typed
                ]
                # An option without rules takes every value of its types: rules of
                # options of no other types are then moot.
                free: set[str] = set().union(*(kinds for kinds, rules in choices if not rules))
                ruled = [(k, rules) for k, rules in choices if rules and not k <= free]
                if not ruled:
                    continue
                if not any(r.rule == "enum" for _, rules in ruled for r in rules) and all(
                    not (a & free) and not any(a & b for b, _ in ruled[i + 1 :])
                    for i, (a, _) in enumerate(ruled)
                ):
                    # No option shares a type with one that has rules: each as it is
                    # (every rule but `enum` only applies to values of its own type).
                    for option, where, option_type, _ in typed:
                        yield from self.of(option, where, option_type, closed=closed)
                    continue
                yield ir.Constraint(
                    "options", (key, tuple((tuple(sorted(k)), rules) for k, rules in choices))
                )

    def _nested(
        self, parts: list[tuple[dict[str, Any], str]], value_type: ir.TypeRef, closed: bool
    ) -> Iterator[ir.Constraint]:
        """The checks of each item, tuple position or map value."""
        for part, part_pointer in parts:
            if (
                isinstance(value_type, ir.ArrayType)
                and "items" in part
                and tuple_layout(part) is None
            ):
                rules = self.of(
                    part["items"], part_pointer + "/items", value_type.item, closed=closed
                )
                if rules:
                    yield ir.Constraint("items", rules)
            elif isinstance(value_type, ir.TupleType):
                layout = tuple_layout(part)
                if layout is None:
                    continue
                prefix_key, rest_key = layout
                positions = tuple(
                    self.of(item, f"{part_pointer}/{prefix_key}/{index}", item_type, closed=closed)
                    for index, (item, item_type) in enumerate(
                        zip(part[prefix_key], value_type.items, strict=False)
                    )
                )
                rest = (
                    self.of(
                        part[rest_key], f"{part_pointer}/{rest_key}", value_type.rest, closed=closed
                    )
                    if value_type.rest is not None and rest_key in part
                    else ()
                )
                if any(positions) or rest:
                    yield ir.Constraint("prefixItems", (positions, rest))
            elif isinstance(value_type, ir.MapType) and isinstance(
                part.get("additionalProperties"), dict
            ):
                rules = self.of(
                    part["additionalProperties"],
                    part_pointer + "/additionalProperties",
                    value_type.value,
                    closed=closed,
                )
                if rules:
                    yield ir.Constraint("values", rules)

    def _model_rule(self, model: ir.ModelType, rule: str, pointer: str) -> None:
        """An object rule on a model's value is checked by the model, if written there."""
        where = self.schemas.class_pointers.get(model.name)
        if where is not None and pointer == where:
            return
        self.schemas.warn(
            f"{pointer}/{rule}",
            f"{rule} here is not checked before sending: only the rules of the "
            f"model's own schema are ({model.name})",
        )

    # ------------------------------------------------------------ one rule

    def _constraint(self, rule: str, schema: dict[str, Any], pointer: str) -> ir.Constraint | None:
        value = schema[rule]
        if rule == "pattern":
            try:
                translated = python_pattern(value)
                re.compile(translated)
            except (re.error, TypeError, ValueError) as exc:
                self.schemas.warn(
                    pointer + "/pattern", f"pattern cannot be enforced in Python: {exc}"
                )
                return None
            return ir.Constraint(rule, SpecText(translated))
        if rule in ("exclusiveMinimum", "exclusiveMaximum") and isinstance(value, bool):
            # OpenAPI 3.0: a flag on minimum/maximum.
            bound = schema.get("minimum" if rule == "exclusiveMinimum" else "maximum")
            return ir.Constraint(rule, bound) if value and _is_number(bound) else None
        if (
            rule in ("minimum", "maximum")
            and schema.get("exclusiveMinimum" if rule == "minimum" else "exclusiveMaximum") is True
        ):
            return None  # expressed by the exclusive rule
        if rule == "uniqueItems":
            return ir.Constraint(rule, True) if value is True else None
        if rule == "dependentRequired":
            if not isinstance(value, dict):
                return None
            pairs = tuple(
                (SpecText(str(k)), tuple(SpecText(str(r)) for r in v))
                for k, v in value.items()
                if isinstance(v, list) and v
            )
            return ir.Constraint(rule, pairs) if pairs else None
        if not _is_number(value):
            self.schemas.warn(f"{pointer}/{rule}", f"{rule} must be a number; not enforced")
            return None
        if rule == "multipleOf" and value <= 0:
            self.schemas.warn(
                f"{pointer}/{rule}", "multipleOf must be greater than 0; not enforced"
            )
            return None
        return ir.Constraint(rule, value)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _widened(types: frozenset[str]) -> set[str]:
    return set(types) | ({"number", "integer"} if types & {"number", "integer"} else set())


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
