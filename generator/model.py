"""Stage 3: build the intermediate model (`ir.Api`) from a validated document.

Problems that make a part impossible to express are collected, not raised
one at a time: strict mode turns any error into a failed run, lenient mode
skips the part and lists it. Nothing is dropped silently.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from . import __version__, ir
from .errors import Location, Problem, Severity, SpecError, join_pointer
from .escape import SpecText
from .load import Document
from .naming import Namespace, class_name, value_name
from .progress import SILENT, Progress
from .schemas import BrokenSchema, SchemaConverter, documented, property_pointer, text
from .schemas.context import UNEXPECTED_SHAPES, unreadable
from .validate import resolve_pointer

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"})
# Attribute names of the generated Client classes that operations must not take.
RESERVED_METHOD_NAMES = frozenset(
    {
        "close",
        "aclose",
        "with_options",
        "with_raw_response",
        "base_url",
        "api_key",
        "timeout",
        "max_retries",
        "copy",
        "options",
        # module-level names of the generated _operations.py, and names the
        # client classes' own annotations use
        "httpx",
        "date",
        "datetime",
        "annotations",
    }
)
_JSON_CONTENT = re.compile(r"^application/(?:[\w.+-]+\+)?json$|^\*/\*$", re.IGNORECASE)
_PATH_PARAMETER = re.compile(r"{([^{}]+)}")
_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_OPENAPI_DIALECT = "https://spec.openapis.org/oas/3.1/dialect/base"


@dataclass
class ModelBuilder:
    document: Document
    package_name: str
    lenient: bool = False
    problems: list[Problem] = field(default_factory=list)
    progress: Progress = SILENT

    def __post_init__(self) -> None:
        self.schemas = SchemaConverter(
            self.document,
            self.problems,
            reserved=frozenset({class_name(self.package_name) + "Error"}),
        )
        self.operation_names = Namespace(RESERVED_METHOD_NAMES)
        self.body_functions = Namespace()

    @property
    def data(self) -> dict[str, Any]:
        return cast(dict[str, Any], self.document.data)

    def problem(self, pointer: str, message: str) -> None:
        severity = Severity.WARNING if self.lenient else Severity.ERROR
        self.problems.append(Problem(message, self.document.location(pointer), severity))

    def skip(self, pointer: str, message: str) -> None:
        """A part that cannot be expressed: an error, or in lenient mode a listed skip."""
        self.problem(pointer, message + (" (skipped)" if self.lenient else ""))

    # ------------------------------------------------------------ the API

    def build(self) -> ir.Api:
        self._unsupported_parts()
        schemes = self._security_schemes()
        default_security = self._security(self.data.get("security"), "/security", schemes)
        operations = []
        for operation in self._operations(default_security, schemes):
            operations.append(operation)
            self.progress.count(len(operations), None, "operations")
        self.progress.count(len(operations), len(operations), "operations")  # the total, drawn
        self.schemas.convert_components()
        self._report_broken()
        errors = [p for p in self.problems if p.severity is Severity.ERROR]
        if errors:
            raise SpecError(self.problems)
        info = self.data.get("info")
        info = info if isinstance(info, dict) else {}
        used_schemes = {key for op in operations for alt in op.security for key in alt}
        return ir.Api(
            package_name=self.package_name,
            distribution_name=self.package_name.replace("_", "-"),
            package_version=_package_version(info.get("version")),
            title=SpecText(_one_line(info.get("title")) or self.package_name),
            version=SpecText(str(info.get("version") or "0")),
            description=text(info.get("description")),
            base_url=self._base_url(),
            env_prefix=self.package_name.upper(),
            operations=tuple(operations),
            models=tuple(self.schemas.models.values()),
            enums=tuple(self.schemas.enums.values()),
            aliases=tuple(self.schemas.aliases.values()),
            security_schemes=tuple(s for s in schemes.values() if s.key in used_schemes),
            credentials_required=bool(operations)
            and all(op.security and all(alt for alt in op.security) for op in operations),
            error_codes=self._error_codes(operations),
            generator_version=__version__,
            error_base_name=class_name(self.package_name) + "Error",
        )

    def _report_broken(self) -> None:
        """One problem per broken reference, listing what was skipped because of it.

        The validator reports a dangling `$ref` too, at the same place: this message
        starts like its own and replaces it (see `pipeline`).
        """
        for pointer, broken in self.schemas.broken.items():
            shown = broken.skipped[:10]
            more = len(broken.skipped) - len(shown)
            skipped = "; skipped: " + ", ".join(shown) if shown else ""
            skipped += f" and {more:,} more" if more else ""
            self.problem(pointer, broken.message + skipped)

    def _unsupported_parts(self) -> None:
        """Parts of a document the client has no place for, each reported where it is."""
        webhooks = self.data.get("webhooks")
        if isinstance(webhooks, dict) and webhooks:
            names = ", ".join(sorted(map(str, webhooks)))
            self._warn(
                "/webhooks",
                f"webhooks ({names}) are requests the API sends to you: the client, which "
                "only sends requests, has nothing for them (their component schemas are "
                "still generated as models)",
            )
        dialect = self.data.get("jsonSchemaDialect")
        if dialect is not None and str(dialect).rstrip("#") != _OPENAPI_DIALECT:
            self._warn(
                "/jsonSchemaDialect",
                f"jsonSchemaDialect {dialect!r} is not supported: schemas are read as "
                "OpenAPI 3.1's own dialect",
            )

    def _warn(self, pointer: str, message: str) -> None:
        self.schemas.warn(pointer, message)

    def _base_url(self) -> SpecText | None:
        servers = self.data.get("servers")
        if not isinstance(servers, list) or not servers or not isinstance(servers[0], dict):
            return None
        url = str(servers[0].get("url", ""))
        for name, variable in _mapping(servers[0].get("variables")).items():
            url = url.replace("{" + name + "}", str(_mapping(variable).get("default", "")))
        if not re.match(r"^https?://", url):
            return None  # a relative server URL: the caller must give the host
        return SpecText(url.rstrip("/"))

    # ------------------------------------------------------------ security

    def _security_schemes(self) -> dict[str, ir.SecurityScheme]:
        found: dict[str, ir.SecurityScheme] = {}
        raw = _mapping(_mapping(self.data.get("components")).get("securitySchemes"))
        for key, scheme in raw.items():
            pointer = join_pointer("components", "securitySchemes", key)
            try:
                scheme, _ = self.schemas.resolve(scheme, pointer)
            except BrokenSchema as broken:
                self.schemas.skipped(broken, f"security scheme {key!r}")
                continue
            kind = scheme.get("type") if isinstance(scheme, dict) else None
            field = {"apiKey": "name", "http": "scheme"}.get(str(kind))
            if not isinstance(scheme, dict) or (field and not isinstance(scheme.get(field), str)):
                self.problem(
                    pointer,
                    "security scheme cannot be read (a field is missing or of the wrong "
                    "type); operations that require it are sent without it",
                )
                continue
            if kind == "apiKey" and scheme.get("in") in ("header", "query", "cookie"):
                found[key] = ir.SecurityScheme(
                    SpecText(key),
                    "api_key",
                    scheme["in"],
                    SpecText(scheme["name"]),
                    text(scheme.get("description")),
                )
            elif kind == "http" and str(scheme.get("scheme", "")).lower() in ("bearer", "basic"):
                http_kind: Literal["bearer", "basic"] = (
                    "bearer" if scheme["scheme"].lower() == "bearer" else "basic"
                )
                found[key] = ir.SecurityScheme(
                    SpecText(key),
                    http_kind,
                    "header",
                    SpecText("Authorization"),
                    text(scheme.get("description")),
                )
            elif kind in ("oauth2", "openIdConnect"):
                # The client takes an access token obtained elsewhere.
                found[key] = ir.SecurityScheme(
                    SpecText(key),
                    "bearer",
                    "header",
                    SpecText("Authorization"),
                    text(scheme.get("description")),
                )
            else:
                self.problems.append(
                    Problem(
                        f"security scheme type {kind!r} is not supported; operations that "
                        "require it are sent without it",
                        self.document.location(pointer),
                        Severity.WARNING,
                    )
                )
        return found

    def _security(
        self, requirements: Any, pointer: str, schemes: dict[str, ir.SecurityScheme]
    ) -> tuple[tuple[str, ...], ...]:
        alternatives = []
        if not isinstance(requirements, list | None):
            self.problem(pointer, "`security` must be a list of requirements; read as none")
            return ()
        for index, requirement in enumerate(requirements or []):
            if not isinstance(requirement, dict):
                self.problem(f"{pointer}/{index}", "a security requirement must be a mapping")
                continue
            known = tuple(k for k in requirement if k in schemes)
            for key in requirement:
                if key not in schemes and key not in (
                    _mapping(_mapping(self.data.get("components")).get("securitySchemes"))
                ):
                    self.problem(f"{pointer}/{index}", f"security scheme {key!r} is not defined")
            if known or not requirement:
                alternatives.append(known)
        return tuple(alternatives)

    # ------------------------------------------------------------ operations

    def _operations(
        self,
        default_security: tuple[tuple[str, ...], ...],
        schemes: dict[str, ir.SecurityScheme],
    ) -> Any:
        for path, path_item in _mapping(self.data.get("paths")).items():
            item_pointer = join_pointer("paths", path)
            try:
                path_item, _ = self.schemas.resolve(path_item, item_pointer)
            except BrokenSchema as broken:
                self.schemas.skipped(broken, f"path {path}")
                continue
            if not isinstance(path_item, dict):
                continue
            for method in path_item:
                if method not in HTTP_METHODS:
                    continue
                pointer = f"{item_pointer}/{method}"
                try:
                    try:
                        operation = self._operation(
                            path, method, path_item, pointer, default_security, schemes
                        )
                    except UNEXPECTED_SHAPES as error:
                        raise unreadable(pointer, error) from None
                except BrokenSchema as broken:
                    # Whatever the operation had built so far goes with it.
                    self.schemas.forget_operation(pointer)
                    spec = path_item[method]
                    label = spec.get("operationId") if isinstance(spec, dict) else None
                    self.schemas.skipped(
                        broken, f"operation {label or method.upper() + ' ' + path}"
                    )
                    continue
                if operation is not None:
                    self._callbacks(spec=path_item[method], pointer=pointer)
                    yield operation

    def _operation(
        self,
        path: str,
        method: str,
        path_item: dict[str, Any],
        pointer: str,
        default_security: tuple[tuple[str, ...], ...],
        schemes: dict[str, ir.SecurityScheme],
    ) -> ir.Operation | None:
        spec = path_item[method]
        if not isinstance(spec, dict):
            self.skip(pointer, "an operation must be an object")
            return None
        operation_id = spec.get("operationId") or _synthesized_id(method, path)
        name = self.operation_names.claim(value_name(operation_id))
        hint = class_name(operation_id)

        responses_raw = spec.get("responses")
        if not isinstance(responses_raw, dict) or not responses_raw:
            self.skip(pointer, "operation has no 'responses'; its result cannot be typed")
            return None

        security = (
            self._security(spec["security"], pointer + "/security", schemes)
            if "security" in spec
            else default_security
        )
        # Where a scheme of the operation puts its credential, no parameter may go too.
        credentials = {
            _credential_place(schemes[key].location, schemes[key].wire_name): key
            for alternative in security
            for key in alternative
            if key in schemes
        }
        arguments = Namespace()
        parameters = self._parameters(path_item, spec, pointer, hint, arguments, credentials)
        missing = set(_PATH_PARAMETER.findall(path)) - {
            p.wire_name for p in parameters if p.location == "path"
        }
        if missing:
            self.skip(pointer, f"path parameters {sorted(missing)} are not declared")
            return None
        body, variants = self._request_bodies(spec, pointer, hint, arguments, name)
        content_type_argument = arguments.claim("content_type") if variants else "content_type"
        responses = tuple(self._responses(responses_raw, pointer, hint))
        upper = method.upper()
        declared = spec.get("x-idempotent")
        # The document may say either way: a GET that sends an SMS is not idempotent.
        # An `Idempotency-Key` header makes a call safe to repeat because every request
        # of the call carries one: the caller's, or a key the client makes for the call.
        idempotent = (
            declared
            if isinstance(declared, bool)
            else upper in IDEMPOTENT_METHODS or any(p.is_idempotency_key for p in parameters)
        )
        return ir.Operation(
            name=name,
            operation_id=SpecText(operation_id),
            method=upper,
            path=SpecText(path),
            summary=text(spec.get("summary")),
            description=text(spec.get("description")),
            tags=tuple(SpecText(t) for t in spec.get("tags") or [] if isinstance(t, str)),
            parameters=parameters,
            body=body,
            responses=responses,
            security=security,
            idempotent=idempotent,
            deprecated=bool(spec.get("deprecated")),
            arguments=_arguments(parameters, [v.body for v in variants] or [body]),
            return_type=_return_type(responses),
            pointer=SpecText(pointer),
            body_variants=_with_conversions(variants),
            content_type_argument=content_type_argument,
        )

    def _callbacks(self, spec: dict[str, Any], pointer: str) -> None:
        callbacks = spec.get("callbacks")
        if isinstance(callbacks, dict) and callbacks:
            names = ", ".join(sorted(map(str, callbacks)))
            self._warn(
                pointer + "/callbacks",
                f"callbacks ({names}) are requests the API sends to you: the client, which "
                "only sends requests, has nothing for them",
            )

    def _parameters(
        self,
        path_item: dict[str, Any],
        spec: dict[str, Any],
        pointer: str,
        hint: str,
        names: Namespace,
        credentials: dict[tuple[str, str], str],
    ) -> tuple[ir.Parameter, ...]:
        by_key: dict[tuple[str, str], tuple[Any, str, str]] = {}
        item_pointer = pointer.rsplit("/", 1)[0]
        sources = ((path_item, item_pointer), (spec, pointer))
        for owner, owner_pointer in sources:
            for index, raw in enumerate(owner.get("parameters") or []):
                raw_pointer = f"{owner_pointer}/parameters/{index}"
                # A parameter written under components/parameters is one schema, however
                # many operations use it: its types and problems belong to where it is.
                resolved, resolved_pointer = self.schemas.resolve(raw, raw_pointer)
                if isinstance(resolved, dict) and "name" in resolved and "in" in resolved:
                    by_key[(resolved["name"], resolved["in"])] = (
                        resolved,
                        raw_pointer,
                        resolved_pointer,
                    )
        parameters = []
        first_location: dict[str, str] = {}  # Python name -> where it was first used
        for (wire_name, location), (raw, raw_pointer, written_at) in by_key.items():
            if location not in ("path", "query", "header", "cookie"):
                self.skip(raw_pointer, f"parameter location {location!r} is not supported")
                continue
            if location == "header" and wire_name.lower() in (
                "accept",
                "content-type",
                "authorization",
            ):
                # OpenAPI says these are ignored as parameters; the client sets them.
                continue
            scheme = credentials.get(_credential_place(location, wire_name))
            if scheme is not None:
                # Both would be sent, the caller's value first: the scheme wins.
                self._warn(
                    raw_pointer + "/name",
                    f"{location} parameter {wire_name!r} is where security scheme "
                    f"{scheme!r} puts its credential; the client sends the credential it "
                    "is configured with, once, so this parameter is not an argument",
                )
                continue
            schema = raw.get("schema")
            schema_pointer = written_at + "/schema"
            if schema is None and isinstance(raw.get("content"), dict) and raw["content"]:
                media = next(iter(raw["content"]))
                schema = raw["content"][media].get("schema")
                schema_pointer = f"{written_at}/content/{join_pointer(media)[1:]}/schema"
            example = raw.get("example")
            defaults = self._own_or_referenced(schema)
            style = raw.get("style") or ("simple" if location in ("path", "header") else "form")
            if location == "header" and not _HEADER_NAME.fullmatch(wire_name):
                self.problems.append(
                    Problem(
                        f"header name {wire_name!r} is not a valid HTTP header name; the "
                        "client refuses a value for it",
                        self.document.location(raw_pointer + "/name"),
                        Severity.WARNING,
                    )
                )
            base = value_name(wire_name)
            if first_location.setdefault(base, location) != location:
                # One name in several places (`param` in the query and a header):
                # the later ones say where they go.
                base = value_name(f"{wire_name}_{location}")
            parameter_type = self.schemas.type_of(
                schema, schema_pointer, hint + class_name(wire_name)
            )
            parameters.append(
                ir.Parameter(
                    name=names.claim(base),
                    wire_name=SpecText(wire_name),
                    location=cast(Literal["path", "query", "header", "cookie"], location),
                    type=parameter_type,
                    required=bool(raw.get("required")) or location == "path",
                    description=self._parameter_description(raw),
                    constraints=self.schemas.constraints(schema, schema_pointer, parameter_type),
                    explode=bool(raw.get("explode", style == "form")),
                    style=style,
                    example=example,
                    has_example=example is not None,
                    default=defaults.get("default"),
                    has_default="default" in defaults,
                )
            )
        return tuple(parameters)

    def _own_or_referenced(self, schema: Any) -> dict[str, Any]:
        """`schema`, or the one its `$ref` names (an unresolvable one is reported elsewhere)."""
        for _ in range(16):
            if not isinstance(schema, dict) or not isinstance(schema.get("$ref"), str):
                break
            try:
                schema = resolve_pointer(self.document.data, schema["$ref"][1:])
            except (KeyError, ValueError, TypeError, IndexError):
                return {}
        return schema if isinstance(schema, dict) else {}

    def _parameter_description(self, raw: dict[str, Any]) -> SpecText | None:
        """The parameter's description, with whether it is deprecated."""
        return documented(raw.get("description"), raw.get("deprecated") is True)

    def _request_bodies(
        self, spec: dict[str, Any], pointer: str, hint: str, names: Namespace, operation: str
    ) -> tuple[ir.RequestBody | None, tuple[ir.BodyVariant, ...]]:
        """The request body in its preferred content type, and every other one it may take.

        With one content type there are no variants. With several, each is a
        variant with its own private builder; the operation takes the union of
        their arguments and a `content_type` argument choosing among them.
        """
        if "requestBody" not in spec:
            return None, ()
        # A request body written under components/requestBodies is one schema, however
        # many operations use it: its types and problems belong to where it is.
        raw, body_pointer = self.schemas.resolve(spec["requestBody"], pointer + "/requestBody")
        content = (raw.get("content") if isinstance(raw, dict) else None) or {}
        ordered = _ordered_contents(content)
        if not ordered:
            self.skip(body_pointer, "request body has no content type the client can send")
            return None, ()
        primary = self._request_body(raw, *ordered[0], body_pointer, hint, names)
        if len(ordered) == 1:
            return primary, ()
        bodies = [primary]
        built: list[tuple[Any, ir.RequestBody]] = [(_media_schema(content, ordered[0][0]), primary)]
        suffixes = Namespace()
        shared: dict[str, ir.TypeRef] = {}  # body argument name -> its type
        for body in bodies:
            shared.update((a.name, a.type) for a in _body_arguments(body))
        for media, encoding in ordered[1:]:
            schema = _media_schema(content, media)
            same = next((b for s, b in built if s == schema and b.flattened), None)
            if same is not None and encoding in ("json", "form", "multipart"):
                body = dataclasses.replace(
                    same,
                    content_type=SpecText(media),
                    encoding=encoding,
                    styles=self._styles(content, media),
                    part_types=self._part_types(content, media),
                )
            else:
                variant_hint = hint + class_name(_content_suffix(media, encoding))
                body = self._request_body(
                    raw, media, encoding, body_pointer, variant_hint, Namespace()
                )
                body = self._share_names(body, shared, names)
            built.append((schema, body))
            bodies.append(body)
            shared.update((a.name, a.type) for a in _body_arguments(body))
        variants = []
        for body in bodies:
            suffix = suffixes.claim(_content_suffix(body.content_type, body.encoding))
            variants.append(
                ir.BodyVariant(
                    body=body,
                    function=self.body_functions.claim(f"_body_{operation}_{suffix}"),
                    arguments=_body_arguments(body),
                )
            )
        return primary, tuple(variants)

    def _share_names(
        self, body: ir.RequestBody, shared: dict[str, ir.TypeRef], names: Namespace
    ) -> ir.RequestBody:
        """`body` with argument names shared with earlier content types where the type agrees.

        A name already taken by a parameter, or by an argument of another type,
        is replaced by a new one.
        """

        def rename(name: str, type_: ir.TypeRef) -> str:
            return name if shared.get(name) == type_ else names.claim(name)

        if body.flattened:
            fields = tuple(
                f if f.read_only else dataclasses.replace(f, name=rename(f.name, f.type))
                for f in body.fields
            )
            return dataclasses.replace(body, fields=fields)
        assert body.type is not None
        return dataclasses.replace(body, argument=rename(body.argument, body.type))

    def _request_body(
        self,
        raw: dict[str, Any],
        content_type: str,
        encoding: ir.BodyEncoding,
        body_pointer: str,
        hint: str,
        names: Namespace,
    ) -> ir.RequestBody:
        content = raw.get("content") or {}
        media_pointer = f"{body_pointer}/content/{join_pointer(content_type)[1:]}"
        schema = _media_schema(content, content_type)
        schema_pointer = media_pointer + "/schema"
        resolved, resolved_pointer = self.schemas.resolve(schema, schema_pointer)
        required = bool(raw.get("required"))
        description = text(raw.get("description"))
        if encoding in ("json", "form", "multipart") and self.schemas.needs_model(resolved):
            if "allOf" in resolved:
                resolved = self.schemas.merged_object(resolved, resolved_pointer)
            self.schemas.type_of(schema, schema_pointer, hint + "Body")  # the model, for users
            required_fields = set(resolved.get("required") or [])
            # Read-only properties are the API's to set: a request has no place for them.
            fields = tuple(
                self.schemas.field(
                    wire,
                    prop,
                    property_pointer(resolved, wire, resolved_pointer),
                    hint,
                    required=required and wire in required_fields,
                    names=names,
                )
                for wire, prop in (resolved.get("properties") or {}).items()
                if not self._read_only(prop, property_pointer(resolved, wire, resolved_pointer))
            )
            return ir.RequestBody(
                SpecText(content_type),
                encoding,
                required,
                description,
                fields=fields,
                constraints=self.schemas.rules.of_object(resolved, resolved_pointer),
                styles=self._styles(content, content_type),
                part_types=self._part_types(content, content_type),
            )
        body_type: ir.TypeRef
        if encoding == "binary":
            body_type = ir.BytesType()
        elif encoding == "text":
            body_type = ir.ScalarType("str")
        else:
            body_type = self.schemas.type_of(schema, schema_pointer, hint + "Body")
        return ir.RequestBody(
            SpecText(content_type),
            encoding,
            required,
            description,
            type=body_type,
            argument=names.claim("body"),
            constraints=self.schemas.constraints(schema, schema_pointer, body_type),
            styles=self._styles(content, content_type),
            part_types=self._part_types(content, content_type),
        )

    def _read_only(self, schema: Any, pointer: str) -> bool:
        resolved, _ = self.schemas.resolve(schema, pointer)
        return any(isinstance(s, dict) and s.get("readOnly") is True for s in (schema, resolved))

    def _encodings(self, content: dict[str, Any], media: str) -> dict[str, dict[str, Any]]:
        """The media type's `encoding` object: property name -> how it is sent."""
        encoding = (content.get(media) or {}).get("encoding")
        if not isinstance(encoding, dict):
            return {}
        return {str(k): v for k, v in encoding.items() if isinstance(v, dict)}

    def _styles(
        self, content: dict[str, Any], media: str
    ) -> tuple[tuple[SpecText, str, bool], ...]:
        """Form fields whose style or explode the `encoding` object sets (forms only)."""
        if media.split(";")[0].strip().lower() != "application/x-www-form-urlencoded":
            return ()
        found = []
        for name, encoding in self._encodings(content, media).items():
            style = encoding.get("style")
            if isinstance(style, str) or isinstance(encoding.get("explode"), bool):
                style = (
                    style
                    if style in ("form", "spaceDelimited", "pipeDelimited", "deepObject")
                    else "form"
                )
                found.append(
                    (SpecText(name), style, bool(encoding.get("explode", style == "form")))
                )
        return tuple(found)

    def _part_types(
        self, content: dict[str, Any], media: str
    ) -> tuple[tuple[SpecText, SpecText], ...]:
        """Multipart parts whose content type the `encoding` object sets."""
        if not media.lower().startswith("multipart/"):
            return ()
        return tuple(
            (SpecText(name), SpecText(encoding["contentType"].split(",")[0].strip()))
            for name, encoding in self._encodings(content, media).items()
            if isinstance(encoding.get("contentType"), str) and encoding["contentType"].strip()
        )

    def _responses(self, raw: dict[str, Any], pointer: str, hint: str) -> Any:
        success_count = sum(1 for status in raw if str(status).startswith("2"))
        for status, response in raw.items():
            status = str(status)
            response_pointer = f"{pointer}/responses/{status}"
            response, response_pointer = self.schemas.resolve(response, response_pointer)
            if not isinstance(response, dict):
                continue
            is_success = status.startswith("2")
            content = response.get("content") or {}
            media = next((m for m in content if _JSON_CONTENT.match(m.split(";")[0])), None)
            others = [m for m in content if m != media]
            response_type: ir.TypeRef | None = None
            fallback: Literal["text", "bytes"] | None = None
            json_type: ir.TypeRef | None = None
            if media is not None:
                schema = (content[media] or {}).get("schema")
                suffix = "Response" if success_count == 1 and is_success else f"Response{status}"
                if not is_success:
                    suffix = f"Error{status.capitalize()}"
                response_type = self.schemas.type_of(
                    schema,
                    f"{response_pointer}/content/{join_pointer(media)[1:]}/schema",
                    hint + suffix,
                )
                if others:
                    # The API may answer in another of the described media types:
                    # that answer is returned as it came.
                    fallback = "text" if all(_is_text(m) for m in others) else "bytes"
                    other_type = ir.ScalarType("str") if fallback == "text" else ir.BytesType()
                    json_type = response_type
                    response_type = ir.union((response_type, other_type))
            elif content:
                media = next(iter(content))
                response_type = ir.ScalarType("str") if _is_text(media) else ir.BytesType()
            found = ir.Response(
                status=SpecText(status),
                description=text(response.get("description")),
                content_type=SpecText(media) if media else None,
                type=response_type,
                is_success=is_success,
                fallback=fallback,
                json_type=json_type,
            )
            yield found
            if status == "default" and success_count == 0:
                # Without a 2XX response, `default` describes the successful answers too.
                yield dataclasses.replace(found, is_success=True)

    # ------------------------------------------------------------ error codes

    def _error_codes(self, operations: list[ir.Operation]) -> ir.ErrorCodes | None:
        """The documented `code` field of error bodies, when every error body shares it."""
        found: set[tuple[str, str, str]] = set()
        for operation in operations:
            for response in operation.error_responses:
                if not isinstance(response.type, ir.ModelType):
                    continue
                model = self.schemas.models[response.type.name]
                for model_field in model.fields:
                    if model_field.wire_name == "code" and isinstance(
                        model_field.type, ir.EnumType
                    ):
                        found.add((model_field.wire_name, model_field.name, model_field.type.name))
        if len(found) != 1:
            return None
        wire_name, name, enum_name = found.pop()
        return ir.ErrorCodes(SpecText(wire_name), name, enum_name)


def build_api(
    document: Document, package_name: str, *, lenient: bool = False, progress: Progress = SILENT
) -> tuple[ir.Api, list[Problem]]:
    builder = ModelBuilder(document, package_name, lenient=lenient, progress=progress)
    try:
        api = builder.build()
    except UNEXPECTED_SHAPES as error:
        # Operations and schemas that cannot be read are skipped one by one; this is
        # what is left: a part of the document outside them.
        raise SpecError(
            [
                Problem(
                    "the document cannot be read: a value has a type the generator does not "
                    f"expect ({type(error).__name__}: {error}); the validator's problems say "
                    "which (if there are none, this is a fault of the generator: please "
                    "report it)",
                    Location(document.path, ""),
                )
            ]
        ) from None
    return api, builder.problems


def _package_version(version: Any) -> str:
    """The API's version if it is a valid package version (PEP 440), else 0.0.0."""
    text = str(version or "")
    return (
        text if re.fullmatch(r"\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?", text) else "0.0.0"
    )


def _one_line(value: Any) -> str:
    """A title as one line of visible text: it also names the package's metadata.

    Line breaks and runs of whitespace become one space; control characters and
    lone surrogates (which no file encoding can hold) become U+FFFD.
    """
    if not isinstance(value, str):
        return ""
    line = " ".join(value.split())
    return "".join(c if c.isprintable() else "\ufffd" for c in line)


def _mapping(value: Any) -> dict[str, Any]:
    """`value` if it is a mapping, else an empty one (a wrongly typed part is reported by
    validation)."""
    return value if isinstance(value, dict) else {}


def _credential_place(location: str, wire_name: str) -> tuple[str, str]:
    """A parameter's place, as a security scheme's: header names are case-insensitive."""
    return location, wire_name.lower() if location == "header" else wire_name


def _synthesized_id(method: str, path: str) -> str:
    words = [w for w in re.split(r"[^0-9A-Za-z]+", path.replace("{", "by_")) if w]
    return "_".join([method, *words]) if words else method


def _ordered_contents(content: dict[str, Any]) -> list[tuple[str, ir.BodyEncoding]]:
    """Every content type of a request body with its encoding, the preferred one first.

    JSON is preferred, then forms, multipart, raw bytes and text; within one
    kind, the document's order.
    """
    preference: tuple[tuple[ir.BodyEncoding, Any], ...] = (
        ("json", lambda m: _JSON_CONTENT.match(m) is not None and m != "*/*"),
        ("form", lambda m: m == "application/x-www-form-urlencoded"),
        ("multipart", lambda m: m.startswith("multipart/")),
        ("binary", lambda m: m == "application/octet-stream"),
        ("text", lambda m: m.startswith("text/")),
        ("binary", lambda m: True),
    )
    ordered: list[tuple[str, ir.BodyEncoding]] = []
    for encoding, accepts in preference:
        for media in content:
            if media not in (m for m, _ in ordered) and accepts(
                media.split(";")[0].strip().lower()
            ):
                ordered.append((media, encoding))
    return ordered


def _is_text(media: str) -> bool:
    return media.split(";")[0].strip().lower().startswith("text/")


def _media_schema(content: dict[str, Any], media: str) -> Any:
    return (content.get(media) or {}).get("schema")


def _content_suffix(media: str, encoding: str) -> str:
    """A short name for a content type, for the private builder of its body."""
    if encoding == "json" and media.split(";")[0].strip().lower() == "application/json":
        return "json"
    if encoding in ("form", "multipart") or media == "application/octet-stream":
        return {"form": "form", "multipart": "multipart"}.get(encoding, "binary")
    return value_name(media)


def _body_arguments(body: ir.RequestBody) -> tuple[ir.Argument, ...]:
    """The keyword arguments that carry `body`: its fields, or the whole body."""
    if body.flattened:
        return tuple(
            ir.Argument(
                f.name,
                f.type,
                f.required,
                f.description,
                nullable_optional=not f.required and isinstance(f.type, ir.NullableType),
                example=f.example,
                has_example=f.has_example,
                default=f.default,
                has_default=f.has_default,
            )
            for f in body.fields
            if not f.read_only
        )
    assert body.type is not None
    return (ir.Argument(body.argument, body.type, body.required, body.description, False),)


def _arguments(
    parameters: tuple[ir.Parameter, ...], bodies: list[ir.RequestBody | None]
) -> tuple[ir.Argument, ...]:
    """The operation's keyword arguments, required ones first.

    With several content types, a body argument is required only when every
    one of them requires it, and optional (nullable with the not-given marker)
    otherwise.
    """
    entries: list[ir.Argument] = [
        ir.Argument(
            parameter.name,
            parameter.type,
            parameter.required,
            parameter.description,
            nullable_optional=False,
            example=parameter.example,
            has_example=parameter.has_example,
            default=parameter.default,
            has_default=parameter.has_default,
            idempotency_key=parameter.is_idempotency_key and not parameter.required,
        )
        for parameter in parameters
    ]
    per_body = [_body_arguments(body) for body in bodies if body is not None]
    merged: dict[str, ir.Argument] = {}
    for arguments in per_body:
        for argument in arguments:
            merged.setdefault(argument.name, argument)
    whole_bodies = {b.argument for b in bodies if b is not None and not b.flattened}
    required_per_body = [{a.name for a in arguments if a.required} for arguments in per_body]
    for name, argument in merged.items():
        required = all(name in names for names in required_per_body)
        entries.append(
            dataclasses.replace(
                argument,
                required=required,
                nullable_optional=not required
                and name not in whole_bodies
                and isinstance(argument.type, ir.NullableType),
            )
        )
    return tuple([a for a in entries if a.required] + [a for a in entries if not a.required])


def _with_conversions(variants: tuple[ir.BodyVariant, ...]) -> tuple[ir.BodyVariant, ...]:
    """Each variant told how the operation's arguments become its own, and which it lacks."""
    if not variants:
        return ()
    merged = {a.name: a for a in _arguments((), [v.body for v in variants])}
    result = []
    for variant in variants:
        conversions: list[tuple[str, ir.Conversion]] = []
        for argument in variant.arguments:
            operation_argument = merged[argument.name]
            if operation_argument.required or not argument.required:
                conversions.append((argument.name, "pass"))
            elif operation_argument.nullable_optional:
                conversions.append((argument.name, "given"))
            else:
                conversions.append((argument.name, "required"))
        own = {a.name for a in variant.arguments}
        result.append(
            dataclasses.replace(
                variant,
                conversions=tuple(conversions),
                unused=tuple(name for name in merged if name not in own),
            )
        )
    return tuple(result)


def _return_type(responses: tuple[ir.Response, ...]) -> ir.TypeRef | None:
    types: list[ir.TypeRef] = []
    empty = False
    for response in responses:
        if not response.is_success:
            continue
        if response.type is None:
            empty = True
        elif response.type not in types:
            types.append(response.type)
    if not types:
        return None
    result = ir.union(tuple(types))
    if empty and not isinstance(result, ir.NullableType | ir.AnyType):
        return ir.NullableType(result)
    return result
