"""Names that would give a package that does not import: builtins the generated modules use,
taken as field or argument names, and package names of modules Python finds first."""

from __future__ import annotations

import builtins
import json
import subprocess
import symtable
import sys
from pathlib import Path
from typing import Any

import pytest

from generator import naming

from .conftest import ROOT, run_cli

# Every lowercase builtin, and the modules and names generated modules import.
SHADOWING_NAMES = sorted(
    {name for name in dir(builtins) if name.islower() and not name.startswith("_")}
    | {"asyncio", "functools", "httpx", "json", "logging", "os", "random", "re", "time"}
    | {"urllib", "email", "enum", "ipaddress", "importlib", "datetime", "date", "timedelta"}
    | {"timezone", "dataclasses", "dataclass", "typing", "field", "annotations", "models"}
)


def _document(title: str) -> dict[str, Any]:
    properties = {name: {"type": "string"} for name in SHADOWING_NAMES}
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": "1"},
        "servers": [{"url": "https://api.example.test/v1"}],
        "paths": {
            "/things": {
                "post": {
                    "operationId": "makeThing",
                    "parameters": [
                        {"name": name, "in": "query", "schema": {"type": "string"}}
                        for name in SHADOWING_NAMES
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "the thing",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Thing"}
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {"schemas": {"Thing": {"type": "object", "properties": properties}}},
    }


# Imported in a fresh interpreter: build a model with every field, send it with every
# argument to a mock transport, and read the answer back.
_USE = """
import json, sys
import httpx
import {package} as package
from {package} import models

names = json.loads(sys.argv[1])
fields = {{f.name: f for f in __import__("dataclasses").fields(models.Thing)}}
assert len(fields) == len(names), sorted(fields)
thing = models.Thing(**{{field: "v-" + field for field in fields}})
wire = thing.to_json()
assert sorted(wire) == sorted(names), wire
assert models.Thing.from_json(wire) == thing
seen = {{}}

def answer(request):
    seen["query"] = dict(request.url.params)
    seen["body"] = json.loads(request.content)
    return httpx.Response(200, json=seen["body"])

http = httpx.Client(transport=httpx.MockTransport(answer))
client = package.Client(http_client=http)
# (the builder's signature: inspect.signature fails on the client's bound methods)
builder = __import__("inspect").signature(package._operations.make_thing)
arguments = {{name: "v-" + name for name in builder.parameters}}
assert len(arguments) == 2 * len(names)  # the query's, then the body's (flattened)
result = client.make_thing(**arguments)
assert result.to_json() == seen["body"]
assert sorted(seen["query"]) == sorted(names)
assert sorted(seen["body"]) == sorted(names)
print("ok")
"""


@pytest.fixture(scope="module")
def shadowing_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("shadowing")
    spec = folder / "openapi.json"
    spec.write_text(json.dumps(_document("JSON")))
    result = run_cli(["generate", str(spec), "-o", str(folder / "out")])
    assert result.code == 0, result.err
    return folder / "out"


def test_a_document_of_builtin_and_module_names_gives_a_package_that_imports_and_works(
    shadowing_package: Path,
) -> None:
    assert (shadowing_package / "json_client").is_dir()  # not `json`: it imports json
    run = subprocess.run(
        [sys.executable, "-c", _USE.format(package="json_client"), json.dumps(SHADOWING_NAMES)],
        cwd=shadowing_package,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.strip() == "ok"


def _builtins_used(folder: Path) -> set[str]:
    """The builtins generated modules look up, in any function or class body."""
    used: set[str] = set()

    def visit(table: symtable.SymbolTable, module_names: set[str]) -> None:
        for symbol in table.get_symbols():
            name = symbol.get_name()
            if (
                table.get_type() != "module"
                and symbol.is_referenced()
                and symbol.is_global()
                and name not in module_names
                and hasattr(builtins, name)
            ):
                used.add(name)
        for child in table.get_children():
            visit(child, module_names)

    for module in folder.rglob("*.py"):
        table = symtable.symtable(module.read_text(encoding="utf-8"), str(module), "exec")
        defined = {s.get_name() for s in table.get_symbols() if s.is_assigned() or s.is_imported()}
        visit(table, defined)
    return used


def test_every_builtin_the_generated_modules_use_is_kept_from_field_and_argument_names(
    shadowing_package: Path,
) -> None:
    used = _builtins_used(ROOT / "generated" / "primotexto") | _builtins_used(shadowing_package)
    lowercase = {name for name in used if name.islower() and not name.startswith("_")}
    assert lowercase, "the scan found nothing: it is broken"
    assert all(naming.value_name(name) == name + "_" for name in lowercase), sorted(
        name for name in lowercase if naming.value_name(name) == name
    )


@pytest.mark.parametrize(
    ("title", "package"),
    [
        ("JSON", "json_client"),
        ("HTTP", "http_client"),
        ("Email", "email_client"),
        ("logging", "logging_client"),
        ("dataclasses", "dataclasses_client"),
        ("OS", "os_client"),
        ("typing", "typing_client"),
        ("httpx", "httpx_client"),
        ("Tests", "tests_client"),
        ("Primotexto", "primotexto"),
        ("Primotexto SMS API", "primotexto_sms_api"),
    ],
)
def test_a_title_naming_a_taken_module_gives_another_package_name(title: str, package: str) -> None:
    assert naming.package_name_from_title(title) == package


@pytest.mark.parametrize(
    "name", ["json", "os", "typing", "re", "httpx", "email", "tests", "pytest"]
)
def test_a_taken_package_name_is_refused_and_nothing_is_written(tmp_path: Path, name: str) -> None:
    out = tmp_path / "out"
    spec = ROOT / "spec" / "openapi.yaml"
    result = run_cli(["generate", str(spec), "-o", str(out), "--package-name", name])
    assert result.code == 2
    assert result.err.startswith(f"error: --package-name {name!r} ")
    assert f"such as {name}_client" in result.err
    assert len(result.err.splitlines()) == 1
    assert not out.exists()
