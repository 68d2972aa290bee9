"""Random OpenAPI documents give clients that compile, import, and run nothing from the document.

Hypothesis builds OpenAPI 3.0 and 3.1 documents whose names (paths, operationIds,
parameters, properties, schemas, enum values) come from Python keywords,
builtins, names the generated package itself uses, unicode, digits, punctuation
and names that become equal once converted (`DateSent`, `DateSent<`,
`DateSent>`), and whose descriptions, titles and examples carry quotes, triple
quotes, template braces, backslashes, control characters, lone surrogates and a
payload that writes a marker file if it is ever run. Schemas mix objects,
arrays, string and integer enums, nullable values, oneOf/anyOf/allOf,
discriminators and (recursive) references to components.

For each document: generation succeeds without skipping anything; every module
compiles; no planted text appears outside string literals and docstrings; the
package imports in a fresh interpreter; and the marker file never appears.
One fixed hostile document is also checked with mypy --strict and ruff.
"""

from __future__ import annotations

import ast
import json
import keyword
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import write
from generator.errors import Severity
from generator.model import HTTP_METHODS
from generator.pipeline import generate

PACKAGE = "prop_pkg"
MARKER = "PWNED"
PAYLOAD = f"__import__('pathlib').Path('{MARKER}').write_text('x')"
TEMPLATE_PAYLOAD = '{{ "JINJA" ~ "EVAL" }}'
# Text that must never appear in generated code outside a string: it would mean
# that document text became code, or was evaluated as a template.
FORBIDDEN_CODE = ("__import__", f"('{MARKER}')", "JINJAEVAL")

HOSTILE_TEXT = [
    PAYLOAD,
    f'"""; {PAYLOAD}; """',
    f"'''; {PAYLOAD}; '''",
    f'"; {PAYLOAD}; "',
    f"\\\n{PAYLOAD}",
    f"\n# comment\n{PAYLOAD}\n",
    TEMPLATE_PAYLOAD,
    "{% if true %}JINJA{% endif %}EVAL {# c #}",
    "{{ x }} {{{ y }}} }} {{",
    '"',
    '""',
    '"""',
    "'",
    "\\",
    "\\\\",
    'ends with a quote "',
    "ends with a backslash \\",
    "NUL \x00 BEL \x07 ESC \x1b DEL \x7f",
    "line\nbreaks\r\nand\rcarriage returns\n\n\nparagraphs",
    "tabs\tand\u2028separators\u2029and\x85NEL",
    "bidi \u202e override \u2066 isolate",
    "zero\u200bwidth and non\u00a0breaking",
    "emoji 😀 and CJK 日本語 and é",
    "   ",
    "",
    "- a list\n- of items\n\n    indented code\n| a | table |",
    "%s %(x)s {0} {x!r} $x ${x}",
    "</script><!-- -->",
]

KEYWORD_NAMES = sorted(set(keyword.kwlist) | set(keyword.softkwlist))
BUILTIN_NAMES = ["list", "dict", "str", "int", "float", "bool", "bytes", "type", "id", "print"]
BUILTIN_NAMES += ["object", "Exception", "__init__", "__class__", "__dict__", "self", "cls"]
# Names the generated modules use themselves.
GENERATED_NAMES = [
    "httpx", "date", "datetime", "timezone", "Any", "Literal", "enum", "dataclass", "json",
    "Request", "JsonBody", "FormBody", "MultipartBody", "RawBody", "Body", "NotGiven",
    "NOT_GIVEN", "ApiResponse", "Client", "AsyncClient", "RawResponseClient", "APIError",
    "BadRequestError", "PropPkgError", "DecodeError", "ErrorStatus", "to_json", "from_json",
    "data", "fields", "path", "body", "_body", "_content", "content_type", "response",
    "parsed", "options", "close", "base_url", "with_options", "with_raw_response", "item0",
    "key0", "value0", "_decode", "_encode", "_checks", "_responses", "T", "E", "P",
    "description", "value", "name", "annotations",
]  # fmt: skip
CONVERTED_EQUAL = ["DateSent", "DateSent<", "DateSent>", "date_sent", "dateSent", "DATE_SENT"]
CONVERTED_EQUAL += ["date-sent", "Date Sent", "date.sent", "DateSent<=", "DateSent!="]
ODD_NAMES = ["1", "123abc", "0x1F", "_", "__", "-", "é", "café", "日本", "😀", "a b", "a\tb"]
ODD_NAMES += ["x\ny", "'", '"', "\\", "{{ x }}", "{% x %}", "a/b", "a~b", "a.b", "%20", "", " "]
NAMES = sorted(
    set(KEYWORD_NAMES + BUILTIN_NAMES + GENERATED_NAMES + CONVERTED_EQUAL + ODD_NAMES + [PAYLOAD])
)
# components/schemas keys must match ^[a-zA-Z0-9.\-_]+$
COMPONENT_NAMES = sorted(
    {n for n in NAMES if n and all(c.isascii() and (c.isalnum() or c in ".-_") for c in n)}
)
# A path parameter's name sits inside {...} in the path.
PATH_PARAMETER_NAMES = sorted({n for n in NAMES if n and not set(n) & set("{}/?#")})

texts = st.sampled_from(HOSTILE_TEXT) | st.text(max_size=20)
names = st.sampled_from(NAMES)


def _described(schema: dict[str, Any], draw: Any) -> dict[str, Any]:
    """Hostile description, title and example on a schema, some of the time."""
    for key in ("description", "title"):
        if draw(st.booleans()):
            schema[key] = draw(texts)
    if draw(st.integers(0, 3)) == 0:
        schema["example"] = draw(texts)
    return schema


@st.composite
def scalar_schemas(draw: Any) -> dict[str, Any]:
    kind = draw(st.sampled_from(["string", "integer", "number", "boolean", "date-time", "date"]))
    date_like = kind in ("date-time", "date")
    schema: dict[str, Any] = {"type": "string", "format": kind} if date_like else {"type": kind}
    if kind == "string" and draw(st.booleans()):
        schema["pattern"] = draw(st.sampled_from(["^[a-z]+$", "\\d{3}", "^\"'\\\\$", "x{2,}"]))
    if kind == "integer" and draw(st.booleans()):
        schema["minimum"] = draw(st.integers(-5, 5))
    return schema


@st.composite
def enum_schemas(draw: Any) -> dict[str, Any]:
    if draw(st.booleans()):
        values: list[Any] = draw(st.lists(names | texts, min_size=1, max_size=6, unique=True))
        schema: dict[str, Any] = {"type": "string", "enum": values}
    else:
        ints = draw(st.lists(st.integers(-(2**40), 2**40), min_size=1, max_size=5, unique=True))
        schema = {"type": "integer", "enum": ints}
    if draw(st.integers(0, 3)) == 0:
        schema["x-enum-varnames"] = draw(
            st.lists(names, min_size=len(schema["enum"]), max_size=len(schema["enum"]))
        )
    return schema


def _nullable(schema: dict[str, Any], version: str) -> dict[str, Any]:
    if version.startswith("3.0") or "$ref" in schema or "type" not in schema:
        if "$ref" in schema:
            return {"oneOf": [schema, {"type": "null"}]} if version >= "3.1" else schema
        return {**schema, "nullable": True} if version.startswith("3.0") else schema
    if "enum" in schema:
        return {**schema, "type": [schema["type"], "null"], "enum": [*schema["enum"], None]}
    return {**schema, "type": [schema["type"], "null"]}


def schemas(refs: list[str], version: str, depth: int = 2) -> st.SearchStrategy[dict[str, Any]]:
    """Any schema: scalars, enums, references, and (to `depth`) containers and unions."""

    @st.composite
    def build(draw: Any) -> dict[str, Any]:
        leaves: list[st.SearchStrategy[dict[str, Any]]] = [scalar_schemas(), enum_schemas()]
        if refs:
            leaves.append(st.sampled_from(refs).map(lambda r: {"$ref": r}))
        leaves.append(st.just({}))
        kinds = ["leaf"] * 3 + (["object", "array", "union", "map"] if depth > 0 else [])
        kind = draw(st.sampled_from(kinds))
        schema: dict[str, Any]
        if kind == "leaf":
            schema = dict(draw(st.one_of(leaves)))
        elif kind == "object":
            schema = draw(object_schemas(refs, version, depth - 1))
        elif kind == "array":
            schema = {"type": "array", "items": draw(schemas(refs, version, depth - 1))}
            if draw(st.booleans()):
                schema["minItems"] = 1
        elif kind == "map":
            schema = {
                "type": "object",
                "additionalProperties": draw(schemas(refs, version, depth - 1)),
            }
        else:
            options = draw(st.lists(schemas(refs, version, depth - 1), min_size=1, max_size=3))
            schema = {draw(st.sampled_from(["oneOf", "anyOf"])): options}
        if "$ref" not in schema and schema:
            schema = _described(schema, draw)
        if draw(st.integers(0, 3)) == 0:
            schema = _nullable(schema, version)
        return schema

    return build()


def object_schemas(
    refs: list[str], version: str, depth: int = 1, *, extra: dict[str, Any] | None = None
) -> st.SearchStrategy[dict[str, Any]]:
    @st.composite
    def build(draw: Any) -> dict[str, Any]:
        keys = draw(st.lists(names, max_size=4, unique=True))
        properties = {key: draw(schemas(refs, version, depth)) for key in keys}
        properties.update(extra or {})
        schema: dict[str, Any] = {"type": "object", "properties": properties}
        required = [k for k in properties if draw(st.booleans())]
        if required:
            schema["required"] = required
        for key in list(properties)[:1]:
            if draw(st.integers(0, 4)) == 0:
                properties[key] = {**properties[key], "readOnly": True}
        return _described(schema, draw)

    return build()


@st.composite
def components(draw: Any, version: str) -> dict[str, Any]:
    keys = draw(st.lists(st.sampled_from(COMPONENT_NAMES), max_size=5, unique=True))
    kinds = {
        key: draw(st.sampled_from(["object", "object", "enum", "union", "allOf"])) for key in keys
    }
    objects = [f"#/components/schemas/{k}" for k in keys if kinds[k] == "object"]
    every = [f"#/components/schemas/{k}" for k in keys]
    result: dict[str, Any] = {}
    for key in keys:
        kind = kinds[key]
        if kind == "object":
            # Properties may refer to any component, this one included (recursion).
            result[key] = draw(object_schemas(every, version))
        elif kind == "enum":
            result[key] = _described(draw(enum_schemas()), draw)
        elif kind == "allOf" and objects:
            parts: list[Any] = [{"$ref": draw(st.sampled_from(objects))}]
            parts.append(draw(object_schemas(every, version)))
            result[key] = _described({"allOf": parts}, draw)
        else:
            # A discriminated union of two fresh object components.
            tag = draw(names)
            values = draw(st.lists(names | texts, min_size=2, max_size=2, unique=True))
            variants = [f"{key}-variant{i}" for i in (1, 2)]
            for variant, value in zip(variants, values, strict=True):
                const = {"type": "string", "enum": [value]}
                result[variant] = draw(object_schemas(every, version, extra={tag: const}))
                result[variant]["required"] = [*result[variant].get("required", []), tag]
            union: dict[str, Any] = {
                "oneOf": [{"$ref": f"#/components/schemas/{v}"} for v in variants]
            }
            if draw(st.booleans()):
                union["discriminator"] = {
                    "propertyName": tag,
                    "mapping": {
                        value: f"#/components/schemas/{variant}"
                        for variant, value in zip(variants, values, strict=True)
                    },
                }
            result[key] = union
    return result


@st.composite
def parameters(draw: Any, refs: list[str], version: str, path_names: list[str]) -> list[Any]:
    found: list[dict[str, Any]] = [
        {"name": name, "in": "path", "required": True, "schema": draw(scalar_schemas())}
        for name in path_names
    ]
    taken = {(p["name"], "path") for p in found}
    for _ in range(draw(st.integers(0, 3))):
        name, location = draw(names), draw(st.sampled_from(["query", "header", "cookie"]))
        if (name, location) in taken:
            continue
        taken.add((name, location))
        kind = draw(st.sampled_from(["scalar", "enum", "array", "object"]))
        parameter: dict[str, Any] = {"name": name, "in": location}
        if kind == "scalar":
            parameter["schema"] = draw(scalar_schemas())
        elif kind == "enum":
            parameter["schema"] = draw(enum_schemas())
        elif kind == "array":
            parameter["schema"] = {
                "type": "array",
                "items": draw(scalar_schemas() | enum_schemas()),
            }
            if location == "query":
                parameter["explode"] = draw(st.booleans())
        else:
            parameter["schema"] = draw(object_schemas([], version, 0))
            if location == "query":
                parameter["style"] = draw(st.sampled_from(["form", "deepObject"]))
        if draw(st.integers(0, 3)) == 0:
            parameter["schema"] = _nullable(parameter["schema"], version)
        if draw(st.booleans()):
            parameter["required"] = True
        if draw(st.booleans()):
            parameter["description"] = draw(texts)
        if draw(st.integers(0, 3)) == 0:
            parameter["example"] = draw(texts)
        found.append(parameter)
    return found


MEDIA_TYPES = [
    "application/json",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "application/octet-stream",
    "text/plain",
    "application/vnd.api+json",
]


@st.composite
def request_bodies(draw: Any, refs: list[str], version: str) -> dict[str, Any]:
    media = draw(st.lists(st.sampled_from(MEDIA_TYPES), min_size=1, max_size=3, unique=True))
    content: dict[str, Any] = {}
    for media_type in media:
        if media_type == "application/octet-stream":
            content[media_type] = {"schema": {"type": "string", "format": "binary"}}
        elif media_type == "text/plain":
            content[media_type] = {"schema": {"type": "string"}}
        elif media_type == "multipart/form-data":
            file_field = {"type": "string", "format": "binary", "description": draw(texts)}
            schema = draw(object_schemas(refs, version, 0, extra={draw(names): file_field}))
            content[media_type] = {"schema": schema}
        else:
            content[media_type] = {
                "schema": draw(schemas(refs, version) | object_schemas(refs, version))
            }
    body: dict[str, Any] = {"content": content}
    if draw(st.booleans()):
        body["required"] = True
    if draw(st.booleans()):
        body["description"] = draw(texts)
    return body


@st.composite
def responses(draw: Any, refs: list[str], version: str) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for status in draw(
        st.lists(st.sampled_from(["200", "201", "204", "2XX", "404", "4XX", "default"]),
                 min_size=1, max_size=3, unique=True)
    ):  # fmt: skip
        response: dict[str, Any] = {"description": draw(texts)}
        kind = draw(st.sampled_from(["json", "json", "text", "binary", "none"]))
        if status != "204" and kind == "json":
            response["content"] = {"application/json": {"schema": draw(schemas(refs, version))}}
        elif status != "204" and kind == "text":
            response["content"] = {"text/plain": {"schema": {"type": "string"}}}
        elif status != "204" and kind == "binary":
            response["content"] = {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            }
        result[status] = response
    return result


@st.composite
def documents(draw: Any) -> dict[str, Any]:
    version = draw(st.sampled_from(["3.0.3", "3.1.0"]))
    component_schemas = draw(components(version))
    refs = [f"#/components/schemas/{key}" for key in component_schemas]
    paths: dict[str, Any] = {}
    operation_ids: set[str] = set()
    for index in range(draw(st.integers(1, 4))):
        segments = draw(st.lists(names, max_size=2))
        path_names = draw(st.lists(st.sampled_from(PATH_PARAMETER_NAMES), max_size=2, unique=True))
        literal = [s.replace("{", "").replace("}", "").replace("/", "") or "x" for s in segments]
        path = f"/p{index}/" + "/".join(literal + [f"{{{n}}}" for n in path_names])
        item: dict[str, Any] = paths.setdefault(path, {})
        if draw(st.booleans()):
            item["description"] = draw(texts)
        for method in draw(st.lists(st.sampled_from(list(HTTP_METHODS[:5])), min_size=1,
                                    max_size=2, unique=True)):  # fmt: skip
            operation: dict[str, Any] = {
                "parameters": draw(parameters(refs, version, path_names)),
                "responses": draw(responses(refs, version)),
            }
            operation_id = draw(names)
            if operation_id and operation_id not in operation_ids and draw(st.booleans()):
                operation_ids.add(operation_id)
                operation["operationId"] = operation_id
            for key in ("summary", "description"):
                if draw(st.booleans()):
                    operation[key] = draw(texts)
            if draw(st.booleans()):
                operation["tags"] = [draw(texts)]
            if method in ("post", "put", "patch") or draw(st.integers(0, 4)) == 0:
                operation["requestBody"] = draw(request_bodies(refs, version))
            if draw(st.integers(0, 5)) == 0:
                operation["deprecated"] = True
            item[method] = operation
    document: dict[str, Any] = {
        "openapi": version,
        "info": {"title": draw(texts), "version": draw(texts), "description": draw(texts)},
        "paths": paths,
        "components": {"schemas": component_schemas},
    }
    if draw(st.booleans()):
        location = draw(st.sampled_from(["header", "query", "cookie"]))
        document["components"]["securitySchemes"] = {
            draw(st.sampled_from(COMPONENT_NAMES)): {
                "type": "apiKey", "in": location, "name": draw(names), "description": draw(texts),
            },
        }  # fmt: skip
        document["security"] = [{key: []} for key in document["components"]["securitySchemes"]]
    if draw(st.booleans()):
        document["servers"] = [{"url": "https://api.example.com/" + draw(st.sampled_from(
            ["v1", "{version}"])), "variables": {"version": {"default": "v2"}}}]  # fmt: skip
        if "{version}" not in document["servers"][0]["url"]:
            del document["servers"][0]["variables"]
    return document


# ---------------------------------------------------------------- checks


class _BlankStrings(ast.NodeTransformer):
    def visit_Constant(self, node: ast.Constant) -> ast.Constant:
        return ast.Constant("") if isinstance(node.value, str | bytes) else node


def code_outside_strings(source: str, filename: str) -> str:
    """The module's code with every string literal (docstrings included) emptied."""
    tree = ast.parse(source, filename)
    return ast.unparse(_BlankStrings().visit(tree))


def check_generated(document: dict[str, Any], folder: Path) -> Path:
    """Generate `document` into `folder`/out and check the package; returns the output."""
    spec = folder / "document.json"
    # ensure_ascii keeps lone surrogates as \ud800 escapes, as a JSON document may have them.
    spec.write_text(json.dumps(document, ensure_ascii=True), encoding="utf-8")
    out = folder / "out"
    result = generate(spec, out, package_name=PACKAGE, lenient=True)
    skipped = [str(w) for w in result.warnings if "skipped" in w.message]
    assert skipped == []
    assert all(w.severity is Severity.WARNING for w in result.warnings)
    write.apply(out, write.plan(out, result.files))

    operations = sum(1 for item in document["paths"].values() for m in item if m in HTTP_METHODS)
    client = (out / PACKAGE / "_client.py").read_text(encoding="utf-8")
    assert client.count("return self._send(") == operations  # nothing was left out

    modules = sorted(p for p in (out / PACKAGE).glob("*.py"))
    for module in modules:
        source = module.read_text(encoding="utf-8")
        assert "JINJAEVAL" not in source  # no document text was evaluated as a template
        code = code_outside_strings(source, str(module))
        for fragment in FORBIDDEN_CODE:
            assert fragment not in code, f"{fragment!r} became code in {module.name}"
    for extra in ("README.md", "pyproject.toml"):
        assert "JINJAEVAL" not in (out / extra).read_text(encoding="utf-8")

    names = [f"{PACKAGE}.{m.stem}" for m in modules if m.stem != "__init__"]
    script = (
        "import importlib, sys\n"
        f"package = importlib.import_module({PACKAGE!r})\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "for name in package.__all__:\n"
        "    getattr(package, name)\n"
        "assert package.Client.__doc__ and package.models.__doc__\n"
    )
    run = subprocess.run(
        [sys.executable, "-E", "-s", "-c", script],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert not (out / MARKER).exists() and not (folder / MARKER).exists()
    return out


@settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(documents())
def test_any_document_gives_a_package_that_imports_and_runs_none_of_its_text(
    document: dict[str, Any],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        check_generated(document, Path(folder))


# ---------------------------------------------------------------- lone surrogates

SURROGATES = "lone surrogate \ud800 and \udfff"


def test_lone_surrogates_anywhere_in_a_json_document(tmp_path: Path) -> None:
    schema = {
        "type": "object",
        "title": SURROGATES,
        "description": SURROGATES,
        "properties": {
            SURROGATES: {"type": "string", "enum": [SURROGATES, "b"], "example": SURROGATES},
        },
    }
    ok = {"description": SURROGATES, "content": {"application/json": {"schema": schema}}}
    document = {
        "openapi": "3.0.3",
        "info": {"title": SURROGATES, "version": SURROGATES, "description": SURROGATES},
        "paths": {
            "/x": {
                "get": {
                    "operationId": SURROGATES,
                    "summary": SURROGATES,
                    "parameters": [
                        {"name": SURROGATES, "in": "query", "schema": {"type": "string"},
                         "description": SURROGATES},
                    ],
                    "responses": {"200": ok},
                }
            }
        },
        "components": {"schemas": {"Thing": schema}},
    }  # fmt: skip
    check_generated(document, tmp_path)


# ---------------------------------------------------------------- one fixed document


def _hostile_document() -> dict[str, Any]:
    """Every hostile name and text at once, deterministic, for the slow type checks."""
    text = " ".join(HOSTILE_TEXT)
    keys = [n for n in COMPONENT_NAMES if n in NAMES]
    schemas_: dict[str, Any] = {}
    for index, key in enumerate(keys[:24]):
        if index % 4 == 0:
            schemas_[key] = {"type": "string", "enum": NAMES[:30], "description": text}
            continue
        properties: dict[str, Any] = {}
        for number, name in enumerate(NAMES[index : index + 12]):
            properties[name] = [
                {"type": "string", "description": text, "example": text, "pattern": "^[\"']*$"},
                {"$ref": f"#/components/schemas/{keys[(index + 1) % 24]}"},
                {"type": "array", "items": {"$ref": f"#/components/schemas/{key}"}},
                {"type": "integer", "nullable": True, "enum": [1, -2, 3], "title": text},
                {"type": "string", "format": "date-time", "description": text},
                {"oneOf": [{"type": "string"}, {"$ref": f"#/components/schemas/{key}"}]},
            ][number % 6]
        schemas_[key] = {
            "type": "object",
            "title": text,
            "description": text,
            "example": {"x": text},
            "required": list(properties)[::2],
            "properties": properties,
        }
    paths: dict[str, Any] = {}
    for index, name in enumerate(NAMES):
        method = ("get", "post", "put", "delete")[index % 4]
        operation: dict[str, Any] = {
            "operationId": name or "empty",
            "summary": text,
            "description": text,
            "tags": [text],
            "parameters": [
                {
                    "name": other,
                    "in": ("query", "header", "cookie")[number % 3],
                    "schema": {
                        "type": "string",
                        "format": ("date-time", "date", "uuid")[number % 3],
                    },
                    "description": text,
                    "example": text,
                }
                for number, other in enumerate(NAMES[index : index + 4])
            ],
            "responses": {
                "200": {
                    "description": text,
                    "content": {
                        "application/json": {
                            "schema": {"$ref": f"#/components/schemas/{keys[index % 24]}"}
                        }
                    },
                },
                "default": {"description": text},
            },
        }
        if method in ("post", "put"):
            fields = {
                other: {"type": "string", "description": text} for other in NAMES[index : index + 5]
            }
            fields["upload"] = {"type": "string", "format": "binary"}
            content = {"application/json": {"schema": {"type": "object", "properties": fields}}}
            if index % 3 == 0:
                content["multipart/form-data"] = {
                    "schema": {"type": "object", "properties": fields}
                }
                content["application/octet-stream"] = {
                    "schema": {"type": "string", "format": "binary"}
                }
            operation["requestBody"] = {"description": text, "content": content}
        paths[f"/p{index}/{{pp}}"] = {
            "description": text,
            "parameters": [
                {"name": "pp", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            method: operation,
        }
    return {
        "openapi": "3.0.3",
        "info": {"title": text, "version": "1.0", "description": text},
        "paths": paths,
        "components": {
            "schemas": schemas_,
            "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}},
        },
        "security": [{"key": []}],
    }


def test_names_that_sort_naturally_are_sorted_as_ruff_does(tmp_path: Path) -> None:
    object_schema = {"type": "object", "properties": {"a": {"type": "string"}}}
    document = {
        "openapi": "3.0.3",
        "info": {"title": "sorting", "version": "1"},
        "paths": {"/": {"get": {"responses": {"200": {"description": "ok"}}}}},
        "components": {"schemas": {n: object_schema for n in ("T", "TA", "M1", "M123abc", "M2")}},
    }
    out = check_generated(document, tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "."],
        cwd=out, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.fixture(scope="module")
def hostile_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return check_generated(_hostile_document(), tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("tool", ["mypy", "ruff"])
def test_the_hostile_document_type_checks_and_lints(hostile_package: Path, tool: str) -> None:
    command = {
        "mypy": [sys.executable, "-m", "mypy", "--strict", "--no-incremental", PACKAGE],
        "ruff": [sys.executable, "-m", "ruff", "check", "--no-cache", "."],
    }[tool]
    result = subprocess.run(
        command, cwd=hostile_package, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


# ---------------------------------------------------------------- focused regressions


def _api(document: dict[str, Any], folder: Path) -> Any:
    from generator.load import load_document
    from generator.model import build_api

    spec = folder / "document.json"
    spec.write_text(json.dumps(document, ensure_ascii=True), encoding="utf-8")
    return build_api(load_document(spec), PACKAGE, lenient=True)[0]


def test_escaped_text_survives_lone_surrogates_bidi_controls_and_docstring_quotes() -> None:
    from generator.escape import comment, docstring_body, python_literal

    text = 'a """ b \ud800 c \u202e d \x7f e \\'
    # A class cannot even be created with a lone surrogate in its docstring.
    source = f'class C:\n    """{docstring_body(text)}"""\n\nT = """{comment(text)}"""\n'
    source += f"V = {python_literal(text)}\n"
    namespace: dict[str, Any] = {}
    exec(compile(source, "<test>", "exec"), namespace)
    assert namespace["V"] == text
    assert "\u202e" not in source and "\ud800" not in source  # shown as escapes
    source.encode("utf-8")  # writable


def test_names_the_package_uses_are_never_given_to_models_fields_or_operations(
    tmp_path: Path,
) -> None:
    model = {"type": "object", "properties": {"to_json": {"type": "string"}, "from_json": {}}}
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": model}}}}
    document = {
        "openapi": "3.0.3",
        "info": {"title": "names", "version": "1"},
        "paths": {
            f"/{name}": {"get": {"operationId": name, "responses": ok}}
            for name in ("httpx", "date", "datetime")
        },
        "components": {
            "schemas": {n: model for n in ("Request", "JsonBody", "APIError", "PropPkgError")}
        },
    }
    api = _api(document, tmp_path)
    assert {op.name for op in api.operations} == {"httpx_2", "date_2", "datetime_2"}
    assert {m.name for m in api.models} >= {
        "RequestModel",
        "JsonBodyModel",
        "APIErrorModel",
        "PropPkgErrorModel",
    }
    assert {f.name for m in api.models for f in m.fields} == {"to_json_2", "from_json_2"}


def test_a_union_holds_no_null_option_and_one_option_is_no_union() -> None:
    from generator import ir

    text, number = ir.ScalarType("str"), ir.ScalarType("float")
    assert ir.union((ir.NullableType(text), number)) == ir.NullableType(
        ir.UnionType((text, number))
    )
    assert ir.union((text, ir.UnionType((number, text)))) == ir.UnionType((text, number))
    assert ir.union((ir.NullableType(text), text)) == ir.NullableType(text)


def test_one_inline_schema_gives_one_class_however_it_is_reached(tmp_path: Path) -> None:
    filter_ = {
        "type": "object",
        "properties": {
            "range": {"type": "object", "properties": {"low": {"type": "integer"}}},
            "kind": {"type": "string", "enum": ["a", "b"]},
        },
    }
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Filter"}}}}
    document = {
        "openapi": "3.0.3",
        "info": {"title": "shared", "version": "1"},
        "paths": {
            "/f": {"post": {"requestBody": body, "responses": {"204": {"description": "no"}}}}
        },
        "components": {"schemas": {"Filter": filter_}},
    }
    api = _api(document, tmp_path)
    assert sorted(m.name for m in api.models) == ["Filter", "FilterRange"]
    assert [e.name for e in api.enums] == ["FilterKind"]
    [operation] = api.operations
    assert {a.name: a.type for a in operation.arguments}["range_"].name == "FilterRange"


def test_a_title_is_one_line_of_visible_text(tmp_path: Path) -> None:
    document = {
        "openapi": "3.0.3",
        "info": {"title": "a\nb\x7f\ud800 c", "version": "1"},
        "paths": {},
    }
    assert _api(document, tmp_path).title == "a b\ufffd\ufffd c"
