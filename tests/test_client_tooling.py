"""The generated client as its users' tools see it: inspect, jedi, mock, pyright.

For the Primotexto client (`generated/`) and the feature-matrix client (generated
from ../shared/specs/feature-matrix-3.0.json in lenient mode), and for every
operation on each of the four client classes (`Client`, `AsyncClient` and their
`with_raw_response` views):

- `inspect.signature` lists exactly the operation's keyword arguments, with their
  defaults, and the return type (wrapped in `ApiResponse` on the raw views);
- jedi (IPython, Jupyter, many editors), asked inside `client.<operation>(`, shows
  the same parameters and the operation's docstring;
- `mock.create_autospec(<class>, instance=True)` accepts a call with the right
  keywords and refuses a misspelled one with `TypeError`.

`pyright --verifytypes` then scores each package's public types 100 % complete, and
pyright refuses a value outside a closed enum and a misspelled keyword in a call.
The expected arguments come from the intermediate model the templates rendered.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any
from unittest import mock

import jedi
import pytest

from generator import ir, write
from generator.escape import python_literal
from generator.load import load_document
from generator.model import build_api
from generator.pipeline import generate

from .conftest import ROOT, SHARED_SPECS, SPEC

CLASSES = ("Client", "AsyncClient", "RawResponseClient", "AsyncRawResponseClient")
"""The four classes with a method per operation, as the tests below name them."""
OPERATIONS_PER_SCRIPT = 8


@dataclass(frozen=True)
class Package:
    name: str
    folder: Path
    """The folder the package is in (what goes on sys.path)."""
    api: ir.Api
    module: ModuleType


def _load(name: str, folder: Path, spec: Path, *, lenient: bool) -> Package:
    api, _ = build_api(load_document(spec), name, lenient=lenient)
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    module = importlib.import_module(name)
    importlib.import_module(f"{name}._client")
    return Package(name, folder, api, module)


@pytest.fixture(scope="module", params=["primotexto", "feature_matrix"])
def package(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Package]:
    if request.param == "primotexto":
        # The committed client, as applications import it.
        yield _load("primotexto", ROOT / "generated", SPEC, lenient=False)
        return
    spec = SHARED_SPECS / "feature-matrix-3.0.json"
    folder = tmp_path_factory.mktemp("tooling")
    # ruff formats faster than black; layout is not what these tests look at.
    result = generate(spec, folder, package_name="tooling_matrix", lenient=True, formatter="ruff")
    write.apply(folder, write.plan(folder, result.files))
    yield _load("tooling_matrix", folder, spec, lenient=True)
    sys.path.remove(str(folder))


def expected_parameters(op: ir.Operation) -> list[tuple[str, str]]:
    """Each keyword parameter of `op`'s methods: its name and its default as source text."""
    found = []
    for argument in op.arguments:
        if argument.required:
            found.append((argument.name, ""))
        elif argument.nullable_optional:
            found.append((argument.name, "NOT_GIVEN"))
        else:
            found.append((argument.name, "None"))
    if op.body_variants:
        assert op.body is not None
        found.append((op.content_type_argument, json.dumps(str(op.body.content_type))))
    return found


def classes(package: Package) -> dict[str, type]:
    client = sys.modules[f"{package.name}._client"]
    return {name: getattr(client, name) for name in CLASSES}


def misspelled(names: list[str]) -> str:
    """A keyword a caller could mistype, and that no parameter of the method has."""
    for name in names:
        if len(name) > 2 and name[:-1] not in names:
            return name[:-1]  # `numbe` for `number`
    return "unexpected_keyword"


# ---------------------------------------------------------------- inspect


def test_inspect_shows_each_method_with_its_keywords_defaults_and_result(
    package: Package,
) -> None:
    types = sys.modules[f"{package.name}._types"]
    operations = sys.modules[f"{package.name}._operations"]
    api_key = {"api_key": "k"} if package.api.uses_api_key else {}
    with package.module.Client(base_url="http://127.0.0.1:9", **api_key) as client:
        instances: dict[str, Any] = {
            "Client": client,
            "AsyncClient": package.module.AsyncClient(base_url="http://127.0.0.1:9", **api_key),
            "RawResponseClient": client.with_raw_response,
        }
        instances["AsyncRawResponseClient"] = instances["AsyncClient"].with_raw_response
        for op in package.api.operations:
            builder = inspect.signature(getattr(operations, op.name), eval_str=True)
            for class_name, instance in instances.items():
                method = getattr(instance, op.name)
                assert inspect.ismethod(method), f"{class_name}.{op.name} is not a method"
                assert inspect.iscoroutinefunction(method) == class_name.startswith("Async")
                signature = inspect.signature(method, eval_str=True)
                shown = [
                    (p.name, "" if p.default is p.empty else _default_source(p.default, types))
                    for p in signature.parameters.values()
                ]
                assert shown == expected_parameters(op), f"{class_name}.{op.name}"
                assert all(p.kind is p.KEYWORD_ONLY for p in signature.parameters.values())
                # The same parameters as the builder that checks and encodes them.
                assert signature.parameters == builder.parameters
                result = builder.return_annotation.__args__[0]  # Request[T] -> T
                result = None if result is type(None) else result
                raw = class_name.endswith("RawResponseClient")
                expected = types.ApiResponse[result] if raw else result
                assert signature.return_annotation == expected, f"{class_name}.{op.name}"
                summary = (op.summary or op.description or f"{op.method} {op.path}").split()
                assert (inspect.getdoc(method) or "").split()[: len(summary)] == summary
        asyncio.run(instances["AsyncClient"].aclose())


def _default_source(value: object, types: ModuleType) -> str:
    if value is types.NOT_GIVEN:
        return "NOT_GIVEN"
    return "None" if value is None else json.dumps(value)


def test_primotexto_send_has_the_arguments_the_readme_shows() -> None:
    from primotexto import Client, SendResult

    signature = inspect.signature(Client.send_notification_message, eval_str=True)
    assert str(signature) == (
        "(self, *, number: str, message: str, sender: str | None = None, "
        "campaign_name: str | None = None, category: str | None = None, "
        "date: datetime.datetime | int | None = None) -> primotexto.models.SendResult"
    )
    assert signature.return_annotation is SendResult


def test_the_descriptions_defaults_are_in_the_docstrings(package: Package) -> None:
    methods = classes(package)
    shown = 0
    for op in package.api.operations:
        for argument in op.arguments:
            if not argument.has_default:
                continue
            for cls in methods.values():
                documented = " ".join((inspect.getdoc(getattr(cls, op.name)) or "").split())
                value = " ".join(python_literal(argument.default).split())
                said = "default:" if argument.required else "Left out, the API uses its default,"
                assert f"{said} `{value}`" in documented, f"{op.name}({argument.name})"
            shown += 1
    assert shown or package.name == "primotexto"  # the matrix has defaults; Primotexto none


# ---------------------------------------------------------------- jedi


def test_jedi_shows_the_signature_and_docstring_inside_each_call(
    package: Package, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each script calls a few operations on every class: jedi gives up inferring after
    # a few hundred function executions in one script, and a script per call would
    # cost seconds of inference set-up each time.
    monkeypatch.setattr(jedi.settings, "cache_directory", str(tmp_path / "jedi"))
    header = [
        f"import {package.name}",
        f"c0 = {package.name}.Client()",
        f"c1 = {package.name}.AsyncClient()",
        f"c2 = {package.name}.Client().with_raw_response",
        f"c3 = {package.name}.AsyncClient().with_raw_response",
    ]
    project = jedi.Project(package.folder, added_sys_path=[str(package.folder)])
    methods = classes(package)
    operations = list(package.api.operations)
    for start in range(0, len(operations), OPERATIONS_PER_SCRIPT):
        calls = [
            (class_name, op, f"c{index}.{op.name}()")
            for op in operations[start : start + OPERATIONS_PER_SCRIPT]
            for index, class_name in enumerate(CLASSES)
        ]
        source = "\n".join(header + [text for _, _, text in calls]) + "\n"
        script = jedi.Script(source, path=tmp_path / "probe.py", project=project)
        for line, (class_name, op, text) in enumerate(calls, start=len(header) + 1):
            signatures = script.get_signatures(line, len(text) - 1)  # inside the parentheses
            assert len(signatures) == 1, f"jedi shows no signature for {class_name}.{op.name}("
            shown = signatures[0]
            assert shown.name == op.name
            expected = expected_parameters(op)
            names = [p.name for p in shown.params]
            assert names == [name for name, _ in expected], f"{class_name}.{op.name}"
            assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in shown.params)
            defaults = [bool(p.infer_default()) for p in shown.params]
            assert defaults == [bool(default) for _, default in expected]
            documented = inspect.getdoc(getattr(methods[class_name], op.name)) or ""
            assert documented and documented in shown.docstring(), f"{class_name}.{op.name}"


# ---------------------------------------------------------------- mock.create_autospec


def test_autospec_checks_the_keywords_of_every_call(package: Package) -> None:
    awaited: list[Any] = []
    for class_name, cls in classes(package).items():
        double = mock.create_autospec(cls, instance=True)
        for op in package.api.operations:
            names = [name for name, _ in expected_parameters(op)]
            required = {a.name: object() for a in op.arguments if a.required}
            method = getattr(double, op.name)
            result = method(**required)  # the right keywords are accepted
            if class_name.startswith("Async"):
                awaited.append(result)
            with pytest.raises(TypeError):
                method(**required, **{misspelled(names): "x"})
            if required:
                with pytest.raises(TypeError):  # and a required one is missed
                    method()

    async def finish() -> None:
        for call in awaited:
            await call

    asyncio.run(finish())


# ---------------------------------------------------------------- pyright --verifytypes


def pyright(arguments: list[str], folder: Path) -> dict[str, Any]:
    """pyright's JSON report. pyright (from PyPI, pinned in requirements/lock.txt)
    bundles its JavaScript and runs it with the machine's `node`; --outputjson also
    keeps it from asking PyPI about newer releases, so the run needs no network. Its
    Python environment is the first `python` on PATH: this one, which has httpx."""
    environment = {
        **os.environ,
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        "PYTHONPATH": str(folder),
    }
    result = subprocess.run(
        [str(Path(sys.executable).parent / "pyright"), *arguments, "--outputjson"],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout, f"pyright did not run (it needs Node.js: `node` on PATH): {result.stderr}"
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def test_pyright_finds_every_public_type_complete(package: Package) -> None:
    report = pyright(["--verifytypes", package.name], package.folder)["typeCompleteness"]
    problems = [
        f"{symbol['name']}: {diagnostic['message']}"
        for symbol in report["symbols"]
        for diagnostic in symbol["diagnostics"]
        if diagnostic["severity"] == "error"
    ]
    assert report["completenessScore"] == 1, "\n".join(problems[:20])
    assert report["exportedSymbolCounts"]["withUnknownType"] == 0


CLOSED_ENUM_CALLS = """\
from primotexto import Client, FieldType

client = Client(api_key="k")
client.create_list_field(list_id="l", name="n", type_=FieldType.DATE)
client.create_list_field(list_id="l", name="n", type_="DATE")
client.create_list_field(list_id="l", name="n", type_="BOOLEAN")
client.create_list_field(list_id="l", name="n", type_=FieldType.DATE, format="yyyy")
client.send_notification_message(number="+33600000000", message="Bonjour", numbr="x")
"""


def test_pyright_refuses_a_value_outside_a_closed_enum_and_a_misspelled_keyword(
    tmp_path: Path,
) -> None:
    (tmp_path / "calls.py").write_text(CLOSED_ENUM_CALLS, encoding="utf-8")
    environment_folder = ROOT / "generated"
    report = pyright([str(tmp_path / "calls.py")], environment_folder)
    errors = {
        diagnostic["range"]["start"]["line"] + 1
        for diagnostic in report["generalDiagnostics"]
        if diagnostic["severity"] == "error"
    }
    assert errors == {6, 7, 8}, report["generalDiagnostics"]
