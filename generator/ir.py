"""The intermediate model: everything the templates may see, and nothing else.

Frozen dataclasses built by `generator.model` from a validated document.
Identifiers here are already valid Python names; text from the document is
`SpecText`, which templates must escape.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from .escape import SpecText

# ---------------------------------------------------------------- types


@dataclass(frozen=True)
class ScalarType:
    """str, int, float or bool."""

    python: Literal["str", "int", "float", "bool"]
    kind: Literal["scalar"] = "scalar"


@dataclass(frozen=True)
class DateTimeType:
    """RFC 3339 `date-time`, always an aware datetime."""

    kind: Literal["datetime"] = "datetime"


@dataclass(frozen=True)
class DateType:
    kind: Literal["date"] = "date"


@dataclass(frozen=True)
class UnixTimeType:
    """An integer timestamp (`x-unix-timestamp`); an aware datetime in Python."""

    unit: Literal["seconds", "milliseconds"]
    kind: Literal["unixtime"] = "unixtime"


@dataclass(frozen=True)
class BytesType:
    """`format: binary` content."""

    kind: Literal["bytes"] = "bytes"


@dataclass(frozen=True)
class AnyType:
    """Any JSON value (a schema with no type)."""

    kind: Literal["any"] = "any"


@dataclass(frozen=True)
class NullType:
    """Only null (`type: 'null'`, `const: null`): `None` in Python."""

    kind: Literal["null"] = "null"


@dataclass(frozen=True)
class ArrayType:
    item: TypeRef
    kind: Literal["array"] = "array"


@dataclass(frozen=True)
class TupleType:
    """`prefixItems`: an item type per position, then `rest` for any further items.

    Without `rest` (`items: false`) the array has `shortest` to `len(items)` items
    and is typed exactly, one tuple type per possible length. With `rest` every item
    is typed as any of the positions' types (Python 3.10 cannot spell "these, then
    any number of those"), and the decoder still gives each position its own type.
    """

    items: tuple[TypeRef, ...]
    rest: TypeRef | None
    shortest: int = 0
    kind: Literal["tuple"] = "tuple"

    @property
    def lengths(self) -> tuple[int, ...]:
        """The possible lengths of a closed tuple."""
        return tuple(range(self.shortest, len(self.items) + 1))

    @property
    def element(self) -> TypeRef:
        """The type of any item of an open tuple."""
        return union(self.items + ((self.rest,) if self.rest is not None else ()))

    @property
    def items_need_encoding(self) -> bool:
        """Whether an item is more than its JSON (a tuple is always made a list)."""
        return any(needs_encoding(t) for t in self.items + ((self.rest,) if self.rest else ()))


@dataclass(frozen=True)
class MapType:
    """An object with arbitrary keys (`additionalProperties` only)."""

    value: TypeRef
    kind: Literal["map"] = "map"


@dataclass(frozen=True)
class ModelType:
    name: str
    kind: Literal["model"] = "model"


@dataclass(frozen=True)
class EnumType:
    name: str
    value_type: Literal["str", "int"]
    open: bool
    kind: Literal["enum"] = "enum"


@dataclass(frozen=True)
class LiteralType:
    """A `const` value."""

    value: Any
    python: Literal["str", "int", "float", "bool"]
    kind: Literal["literal"] = "literal"


@dataclass(frozen=True)
class ConstType:
    """One of fixed JSON values that `Literal` cannot spell: numbers with a fraction,
    objects and arrays (a `const`, or such an `enum`).

    Annotated as `base` (`float`, `dict[str, Any]`, ...); decoding refuses any other
    value, and so does the `enum` check before sending.
    """

    values: tuple[Any, ...]
    base: TypeRef
    kind: Literal["const"] = "const"


@dataclass(frozen=True)
class UnionType:
    """`oneOf`/`anyOf`: tried in order, or chosen by a discriminator."""

    options: tuple[TypeRef, ...]
    discriminator: Discriminator | None = None
    kind: Literal["union"] = "union"


@dataclass(frozen=True)
class Discriminator:
    property_wire_name: SpecText
    mapping: tuple[tuple[SpecText, str], ...]  # wire value -> model class name


@dataclass(frozen=True)
class NullableType:
    inner: TypeRef
    kind: Literal["nullable"] = "nullable"


TypeRef = (
    ScalarType
    | DateTimeType
    | DateType
    | UnixTimeType
    | BytesType
    | AnyType
    | NullType
    | ArrayType
    | TupleType
    | MapType
    | ModelType
    | EnumType
    | LiteralType
    | ConstType
    | UnionType
    | NullableType
)


def union(options: tuple[TypeRef, ...], discriminator: Discriminator | None = None) -> TypeRef:
    """The type of a value of any of `options`, in a canonical form.

    Nested unions without a discriminator are flattened, repeated options
    dropped, and null is lifted out (`A | None` or `B` is `(A | B) | None`), so
    that no `UnionType` ever holds a `NullableType` or a `NullType` and one option
    is no union.
    """
    flat: list[TypeRef] = []
    nullable = False
    stack = list(reversed(options))
    while stack:
        option = stack.pop()
        if isinstance(option, NullType):
            nullable = True
        elif isinstance(option, NullableType):
            nullable = True
            stack.append(option.inner)
        elif isinstance(option, UnionType) and option.discriminator is None:
            stack.extend(reversed(option.options))
        elif option not in flat:
            flat.append(option)
    if not flat:
        return NullType()
    result: TypeRef = flat[0] if len(flat) == 1 else UnionType(tuple(flat), discriminator)
    if nullable and not isinstance(result, AnyType):
        return NullableType(result)
    return result


# ---------------------------------------------------------------- constraints


@dataclass(frozen=True)
class Constraint:
    """A JSON-schema check enforced by the client before sending.

    `rule` is the JSON-schema keyword (`pattern`, `minLength`, ...); `value` its
    argument.
    """

    rule: str
    value: Any


def check_argument(constraint: Constraint) -> Any:
    """The argument the generated check of `constraint` takes: its value, or for the
    rules of items, tuple positions and map values, their (rule, argument) pairs."""
    if constraint.rule == "prefixItems":
        positions, rest = constraint.value
        return (tuple(_pairs(position) for position in positions), _pairs(rest))
    if constraint.rule == "options":
        key, choices = constraint.value
        return (key, tuple((kinds, _pairs(rules)) for kinds, rules in choices))
    if constraint.rule in NESTING_RULES:
        return _pairs(constraint.value)
    return constraint.value


def _pairs(constraints: tuple[Constraint, ...]) -> tuple[tuple[str, Any], ...]:
    return tuple((c.rule, check_argument(c)) for c in constraints)


NESTING_RULES = frozenset({"items", "prefixItems", "values", "options"})
"""Rules whose value holds constraints: of each item, tuple position or map value, or of
each option of a union whose options share a type."""


def every_constraint(constraints: Iterable[Constraint]) -> Iterator[Constraint]:
    """`constraints` and every constraint nested in them (the rules of items, tuple
    positions, map values and union options)."""
    stack = list(constraints)
    while stack:
        c = stack.pop()
        yield c
        if c.rule == "prefixItems":
            positions, rest = c.value
            for position in positions:
                stack.extend(position)
            stack.extend(rest)
        elif c.rule == "options":
            for _, rules in c.value[1]:
                stack.extend(rules)
        elif c.rule in NESTING_RULES:
            stack.extend(c.value)


# ---------------------------------------------------------------- models


@dataclass(frozen=True)
class Field:
    name: str
    wire_name: SpecText
    type: TypeRef
    required: bool
    description: SpecText | None
    constraints: tuple[Constraint, ...] = ()
    default: Any = None
    has_default: bool = False
    example: Any = None
    has_example: bool = False
    read_only: bool = False
    write_only: bool = False

    @property
    def check_after_encoding(self) -> bool:
        return checks_wire_value(self.type) and bool(self.constraints)


@dataclass(frozen=True)
class Model:
    name: str
    description: SpecText | None
    fields: tuple[Field, ...]
    additional_properties: TypeRef | None
    """The type of properties not listed (`additionalProperties`), kept in a dict
    attribute named `additional_name`; None when the model has no such attribute."""
    pointer: SpecText
    additional_name: str = "additional_properties"
    constraints: tuple[Constraint, ...] = ()
    """Checks of the whole JSON object (`minProperties`, `dependentRequired`, ...)."""
    additional_constraints: tuple[Constraint, ...] = ()
    """Checks of the properties besides those listed (a `values` rule)."""

    @property
    def required_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.required)

    @property
    def optional_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if not f.required)


@dataclass(frozen=True)
class Alias:
    """A component schema that is no class (a string, an array, a map...), exported under
    its name as a type alias: every component of the description can be imported."""

    name: str
    type: TypeRef
    description: SpecText | None
    pointer: SpecText


@dataclass(frozen=True)
class EnumMember:
    name: str
    value: Any
    description: SpecText | None


@dataclass(frozen=True)
class Enum:
    name: str
    description: SpecText | None
    value_type: Literal["str", "int"]
    members: tuple[EnumMember, ...]
    open: bool

    @property
    def documented(self) -> bool:
        return any(m.description for m in self.members)


# ---------------------------------------------------------------- operations


@dataclass(frozen=True)
class Parameter:
    name: str
    wire_name: SpecText
    location: Literal["path", "query", "header", "cookie"]
    type: TypeRef
    required: bool
    description: SpecText | None
    constraints: tuple[Constraint, ...] = ()
    explode: bool = True
    style: str = "form"
    example: Any = None
    has_example: bool = False
    default: Any = None
    """The schema's `default`: what the API assumes when the parameter is left out."""
    has_default: bool = False

    @property
    def check_after_encoding(self) -> bool:
        return checks_wire_value(self.type) and bool(self.constraints)

    @property
    def is_idempotency_key(self) -> bool:
        """Whether this is an `Idempotency-Key` header that every request of a call carries:
        the caller must give it, or it is a string the client makes up when left out."""
        return (
            self.location == "header"
            and self.wire_name.lower() == "idempotency-key"
            and (self.required or self.type == ScalarType("str"))
        )


BodyEncoding = Literal["json", "form", "multipart", "binary", "text"]


@dataclass(frozen=True)
class RequestBody:
    """A request body; JSON objects are flattened into keyword arguments."""

    content_type: SpecText
    encoding: BodyEncoding
    required: bool
    description: SpecText | None
    fields: tuple[Field, ...] = ()  # when flattened
    type: TypeRef | None = None  # when passed whole as `body`
    argument: str = "body"
    constraints: tuple[Constraint, ...] = ()
    """Checks of a body passed whole (`minItems` on an array body, ...)."""
    styles: tuple[tuple[SpecText, str, bool], ...] = ()
    """Form fields the `encoding` object gives a style: (wire name, style, explode)."""
    part_types: tuple[tuple[SpecText, SpecText], ...] = ()
    """Multipart parts the `encoding` object gives a content type: (wire name, type)."""

    @property
    def flattened(self) -> bool:
        return self.type is None

    @property
    def sent_fields(self) -> tuple[Field, ...]:
        """The fields a caller gives (read-only ones are the API's to set)."""
        return tuple(f for f in self.fields if not f.read_only)

    @property
    def uses_encode(self) -> bool:
        """Whether building this body calls the generated `_encode` module."""
        if self.encoding in ("form", "multipart"):
            return True
        types = [f.type for f in self.sent_fields] if self.flattened else [self.type]
        return bool(type_kinds(types) & ENCODED_KINDS)


Conversion = Literal["pass", "required", "given"]
"""How an operation's argument becomes a body variant's: as it is; refused when None;
refused when not given (None being null)."""


@dataclass(frozen=True)
class BodyVariant:
    """One of several content types an operation's request body may be sent as.

    Built by a private function (`function`) whose keyword arguments are
    `arguments`; the operation method, which takes every variant's arguments,
    passes each one on as `conversions` says, and refuses those in `unused`.
    """

    body: RequestBody
    function: str
    arguments: tuple[Argument, ...]
    conversions: tuple[tuple[str, Conversion], ...] = ()
    unused: tuple[str, ...] = ()


@dataclass(frozen=True)
class Response:
    status: SpecText  # "200", "4XX" or "default"
    description: SpecText | None
    content_type: SpecText | None
    type: TypeRef | None
    is_success: bool
    fallback: Literal["text", "bytes"] | None = None
    """How an answer in another described media type than JSON is returned."""
    json_type: TypeRef | None = None
    """With a fallback: the type of a JSON answer (`type` being the union of both)."""

    @property
    def decoded_type(self) -> TypeRef | None:
        """The type a JSON answer is decoded as."""
        return self.json_type if self.json_type is not None else self.type

    @property
    def status_code(self) -> int | None:
        return int(self.status) if self.status.isdigit() else None

    @property
    def status_range(self) -> tuple[int, int]:
        """The statuses this response describes, as [low, high) (`default`: any 2XX)."""
        if self.status_code is not None:
            return self.status_code, self.status_code + 1
        if self.status[:1].isdigit():
            return int(self.status[0]) * 100, int(self.status[0]) * 100 + 100
        return 200, 300

    @property
    def uses_decode(self) -> bool:
        """Whether parsing this response calls the generated `_decode` module."""
        if self.type is None or self.reads_text or self.type == BytesType():
            return False
        return not isinstance(self.decoded_type, ModelType)

    @property
    def reads_text(self) -> bool:
        """Whether the body is read as text (a `text/*` media type with a string schema)."""
        media = (self.content_type or "").split(";")[0].strip().lower()
        return media.startswith("text/") and self.type == ScalarType("str")


@dataclass(frozen=True)
class Argument:
    """One keyword argument of an operation method, in signature order."""

    name: str
    type: TypeRef
    required: bool
    description: SpecText | None
    nullable_optional: bool  # optional and null is meaningful: needs the not-given sentinel
    example: Any = None
    has_example: bool = False
    default: Any = None
    """The schema's `default`: what the API assumes when the argument is left out."""
    has_default: bool = False
    idempotency_key: bool = False
    """An optional `Idempotency-Key` header: left out, the client sends a key of its own."""


@dataclass(frozen=True)
class Operation:
    name: str
    operation_id: SpecText
    method: str
    path: SpecText
    summary: SpecText | None
    description: SpecText | None
    tags: tuple[SpecText, ...]
    parameters: tuple[Parameter, ...]
    body: RequestBody | None
    responses: tuple[Response, ...]
    security: tuple[tuple[str, ...], ...]  # alternatives, each a set of scheme names
    idempotent: bool
    deprecated: bool
    arguments: tuple[Argument, ...]
    return_type: TypeRef | None
    pointer: SpecText
    body_variants: tuple[BodyVariant, ...] = ()
    """Every content type the body may be sent as, `body`'s first; empty when only one."""
    content_type_argument: str = "content_type"
    """The argument choosing among `body_variants`."""

    @property
    def success_responses(self) -> tuple[Response, ...]:
        """The successful answers, exact statuses first, then ranges, then `default`."""
        found = [r for r in self.responses if r.is_success]
        return tuple(
            sorted(found, key=lambda r: 0 if r.status_code else 1 if r.status[:1].isdigit() else 2)
        )

    @property
    def error_responses(self) -> tuple[Response, ...]:
        return tuple(r for r in self.responses if not r.is_success)

    def parameters_in(self, location: str) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == location)

    @property
    def generated_idempotency_key(self) -> Parameter | None:
        """The optional `Idempotency-Key` header the client fills with a key of its own."""
        return next((p for p in self.parameters if p.is_idempotency_key and not p.required), None)


# ---------------------------------------------------------------- the API


@dataclass(frozen=True)
class SecurityScheme:
    key: SpecText  # the name under components/securitySchemes
    kind: Literal["api_key", "bearer", "basic"]
    location: Literal["header", "query", "cookie"]
    wire_name: SpecText  # header, query parameter or cookie name
    description: SpecText | None


@dataclass(frozen=True)
class ErrorCodes:
    """The integer or string `code` carried by error bodies, with documented meanings."""

    field_wire_name: SpecText
    field_name: str
    enum_name: str


@dataclass(frozen=True)
class Api:
    package_name: str
    distribution_name: str
    package_version: str
    title: SpecText
    version: SpecText
    description: SpecText | None
    base_url: SpecText | None  # None when the document's server URL is relative
    env_prefix: str
    operations: tuple[Operation, ...]
    models: tuple[Model, ...]
    enums: tuple[Enum, ...]
    security_schemes: tuple[SecurityScheme, ...]
    credentials_required: bool
    error_codes: ErrorCodes | None
    generator_version: str
    error_base_name: str
    contracts: Contracts | None = None
    folder_name: str = "generated"
    """The name of the folder generated into (the README says `pip install ./<it>`)."""
    aliases: tuple[Alias, ...] = ()

    @property
    def uses_api_key(self) -> bool:
        return any(s.kind == "api_key" for s in self.security_schemes)

    @property
    def uses_bearer(self) -> bool:
        return any(s.kind == "bearer" for s in self.security_schemes)

    @property
    def uses_basic(self) -> bool:
        return any(s.kind == "basic" for s in self.security_schemes)


# ---------------------------------------------------------------- usage


def types_within(types: Iterable[TypeRef | None]) -> Iterator[TypeRef]:
    """`types` and every type inside them (items, tuple positions, map values, union
    options, nullable and constant bases); models are not entered."""
    stack = [t for t in types if t is not None]
    while stack:
        t = stack.pop()
        yield t
        if isinstance(t, ArrayType):
            stack.append(t.item)
        elif isinstance(t, TupleType):
            stack.extend(t.items)
            if t.rest is not None:
                stack.append(t.rest)
        elif isinstance(t, ConstType):
            stack.append(t.base)
        elif isinstance(t, MapType):
            stack.append(t.value)
        elif isinstance(t, UnionType):
            stack.extend(t.options)
        elif isinstance(t, NullableType):
            stack.append(t.inner)


def type_kinds(types: Any) -> frozenset[str]:
    """Every kind of type reachable from `types` ("datetime", "enum", ...).

    Templates use it to import exactly what a module needs and no more.
    """
    found: set[str] = set()
    for t in types_within(types):
        found.add(t.kind)
        if isinstance(t, ScalarType | LiteralType):
            found.add(f"{t.kind}:{t.python}")
        elif isinstance(t, UnixTimeType):
            found.add(f"unixtime:{t.unit}")
        elif isinstance(t, TupleType):
            found.add("tuple:encoded" if t.items_need_encoding else "tuple:plain")
        elif isinstance(t, UnionType) and t.discriminator is not None:
            found.add("discriminated")
    return frozenset(found)


ENCODED_KINDS = frozenset({"datetime", "date", "unixtime", "enum", "union", "tuple:encoded"})
"""Kinds of values whose JSON form the generated `_encode` module computes (a model
encodes itself, bytes are decoded as UTF-8 in place)."""


def needs_encoding(t: TypeRef) -> bool:
    """Whether a value of type `t` must be converted before it is JSON."""
    if isinstance(t, ScalarType | LiteralType | AnyType | NullType | ConstType):
        return False
    if isinstance(t, ArrayType):
        return needs_encoding(t.item)
    if isinstance(t, MapType):
        return needs_encoding(t.value)
    if isinstance(t, NullableType):
        return needs_encoding(t.inner)
    return True


def checks_wire_value(t: TypeRef) -> bool:
    """Whether a value of type `t` is checked once encoded rather than as given.

    JSON-schema rules apply to the JSON value: a timestamp's `minimum` to the
    integer, a date's `pattern` to its text. Enums, models and unions are
    checked as given (a str enum member is the string itself).
    """
    if isinstance(t, NullableType):
        return checks_wire_value(t.inner)
    if isinstance(t, ArrayType):
        return needs_encoding(t.item) and checks_wire_value(t.item)
    return isinstance(t, DateTimeType | DateType | UnixTimeType | BytesType)


def json_types(t: TypeRef) -> frozenset[str]:
    """The JSON types a value of type `t` may have once encoded ("string", "array"...).

    A constraint keyword applies to values of one JSON type: these say which of
    a schema's keywords can ever apply to its values.
    """
    if isinstance(t, ScalarType):
        return frozenset({_SCALAR_JSON_TYPES[t.python]})
    if isinstance(t, LiteralType):
        return frozenset({_SCALAR_JSON_TYPES[t.python]})
    if isinstance(t, EnumType):
        return frozenset({"string" if t.value_type == "str" else "integer"})
    if isinstance(t, DateTimeType | DateType | BytesType):
        return frozenset({"string"})
    if isinstance(t, UnixTimeType):
        return frozenset({"integer"})
    if isinstance(t, ArrayType | TupleType):
        return frozenset({"array"})
    if isinstance(t, MapType | ModelType):
        return frozenset({"object"})
    if isinstance(t, NullType):
        return frozenset({"null"})
    if isinstance(t, NullableType):
        return json_types(t.inner) | {"null"}
    if isinstance(t, ConstType):
        return json_types(t.base)
    if isinstance(t, UnionType):
        return frozenset(kind for option in t.options for kind in json_types(option))
    return ALL_JSON_TYPES


ALL_JSON_TYPES = frozenset({"string", "number", "integer", "boolean", "array", "object", "null"})
_SCALAR_JSON_TYPES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean"}


# ---------------------------------------------------------------- contract tests


@dataclass(frozen=True)
class CallArgument:
    """One argument of a generated test call: its name, JSON value and type."""

    name: str
    value: Any
    type: TypeRef


@dataclass(frozen=True)
class ContractCase:
    """A test replaying one recording through the client."""

    name: str
    recording: SpecText
    provenance: SpecText
    description: SpecText | None
    operation: Operation
    arguments: tuple[CallArgument, ...]
    status: int
    expected_type: TypeRef | None  # the success result's type; None for an error or no body
    expected_body: Any
    error_class: str | None  # the exception class an error status raises
    error_code: int | None


@dataclass(frozen=True)
class RefusalCase:
    """A test that a value breaking one constraint is refused before any request."""

    name: str
    operation: Operation
    arguments: tuple[CallArgument, ...]
    field: SpecText
    rule: str


@dataclass(frozen=True)
class Contracts:
    spec_path: str  # relative to the generated tests folder, POSIX
    recordings_path: str
    cases: tuple[ContractCase, ...]
    refusals: tuple[RefusalCase, ...]
