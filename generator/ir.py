"""The intermediate model: everything the templates may see, and nothing else.

Frozen dataclasses built by `generator.model` from a validated document.
Identifiers here are already valid Python names; text from the document is
`SpecText`, which templates must escape.
"""

from __future__ import annotations

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
class ArrayType:
    item: TypeRef
    kind: Literal["array"] = "array"


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
    | ArrayType
    | MapType
    | ModelType
    | EnumType
    | LiteralType
    | UnionType
    | NullableType
)


def union(options: tuple[TypeRef, ...], discriminator: Discriminator | None = None) -> TypeRef:
    """The type of a value of any of `options`, in a canonical form.

    Nested unions without a discriminator are flattened, repeated options
    dropped, and null is lifted out (`A | None` or `B` is `(A | B) | None`), so
    that no `UnionType` ever holds a `NullableType` and one option is no union.
    """
    flat: list[TypeRef] = []
    nullable = False
    stack = list(reversed(options))
    while stack:
        option = stack.pop()
        if isinstance(option, NullableType):
            nullable = True
            stack.append(option.inner)
        elif isinstance(option, UnionType) and option.discriminator is None:
            stack.extend(reversed(option.options))
        elif option not in flat:
            flat.append(option)
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
    pointer: SpecText

    @property
    def required_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.required)

    @property
    def optional_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if not f.required)


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


def type_kinds(types: Any) -> frozenset[str]:
    """Every kind of type reachable from `types` ("datetime", "enum", ...).

    Templates use it to import exactly what a module needs and no more.
    """
    found: set[str] = set()
    stack: list[Any] = list(types)
    while stack:
        t = stack.pop()
        if t is None:
            continue
        found.add(t.kind)
        if isinstance(t, ScalarType | LiteralType):
            found.add(f"{t.kind}:{t.python}")
        elif isinstance(t, UnixTimeType):
            found.add(f"unixtime:{t.unit}")
        elif isinstance(t, ArrayType):
            stack.append(t.item)
        elif isinstance(t, MapType):
            stack.append(t.value)
        elif isinstance(t, UnionType):
            stack.extend(t.options)
            if t.discriminator is not None:
                found.add("discriminated")
        elif isinstance(t, NullableType):
            stack.append(t.inner)
    return frozenset(found)


ENCODED_KINDS = frozenset({"datetime", "date", "unixtime", "enum", "union"})
"""Kinds of values whose JSON form the generated `_encode` module computes (a model
encodes itself, bytes are decoded as UTF-8 in place)."""


def needs_encoding(t: TypeRef) -> bool:
    """Whether a value of type `t` must be converted before it is JSON."""
    if isinstance(t, ScalarType | LiteralType | AnyType):
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
