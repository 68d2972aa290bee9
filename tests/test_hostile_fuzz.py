"""The type-confusion fuzzer: single-node mutations of the shared documents, in
lenient mode and in strict mode, never end in anything but a located `SpecError`
(exit 2) or a client that compiles and imports.

Each example takes one of the real documents of ../shared/specs, picks one node
(a mapping member or a list item, anywhere) and replaces it with a value of
another type (`5`, `"x"`, `null`, `[]`, `{"$ref": 5}`, a small random JSON
value) or removes it. The generator's own stages then run as the command line
runs them: the document checks (`validate.findings`; the third-party validator,
whose failures are caught and reported, is left out for speed), the model,
rendering, and every generated module is compiled and imported.

In strict mode the mutated document goes through the command line itself, with the
third-party validator: what a user running `generate` on it would meet.

A hang fails the example by a bound on CPU seconds (SIGPROF), not a clock.
`make test` runs 25 examples, reproducibly; `make test-large` many more.
"""

from __future__ import annotations

import copy
import importlib
import json
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import validate
from generator.cli import ExitCode
from generator.errors import SpecError
from generator.load import Document, load_document
from generator.model import build_api
from generator.render import render

from .conftest import SHARED_SPECS, run_cli

DOCUMENTS = [
    "petstore3.yaml",
    "vonage_sms.yaml",
    "bulksms.json",
    "feature-matrix-3.0.json",
    "feature-matrix-3.1.yaml",
]
LARGER_DOCUMENTS = ["kubernetes_apps_v1.json", "twilio_api_v2010.json"]
CPU_SECONDS = 120  # per example; a normal one takes about one
REMOVED = object()

CONFUSING = [
    5, -1, 0, 1.5, "x", "", None, True, False, [], {}, [5], ["x"], [None], {"x": 5},
    {"$ref": 5}, {"$ref": "#/nowhere"}, {"$ref": "#"}, {"$ref": "other.yaml"},
    {"type": 5}, {"type": "array"}, {"type": "object", "properties": 5}, [[[]]],
    {"allOf": 5}, {"oneOf": [5]}, {"enum": 5}, {"required": [5]}, "9" * 400,
]  # fmt: skip

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=4),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=6,
)
replacements = st.sampled_from([*CONFUSING, REMOVED]) | json_values

_loaded: dict[str, tuple[Document, list[tuple[Any, ...]]]] = {}


def document_and_places(name: str) -> tuple[Document, list[tuple[Any, ...]]]:
    """The document, and the path of every node in it but the root."""
    if name not in _loaded:
        document = load_document(SHARED_SPECS / name)
        places: list[tuple[Any, ...]] = []
        stack: list[tuple[tuple[Any, ...], Any]] = [((), document.data)]
        while stack:
            path, node = stack.pop()
            if path:
                places.append(path)
            if isinstance(node, dict):
                stack.extend(((*path, key), value) for key, value in node.items())
            elif isinstance(node, list):
                stack.extend(((*path, index), value) for index, value in enumerate(node))
        _loaded[name] = (document, places)
    return _loaded[name]


def mutated(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    data = copy.deepcopy(data)
    holder = data
    for token in path[:-1]:
        holder = holder[token]
    if value is REMOVED:
        del holder[path[-1]]
    else:
        holder[path[-1]] = copy.deepcopy(value)
    return data


class Hang(Exception):
    pass


def _hang(signum: int, frame: object) -> None:
    raise Hang(f"more than {CPU_SECONDS} CPU seconds")


@pytest.fixture(autouse=True)
def cpu_bound() -> Iterator[None]:
    previous = signal.signal(signal.SIGPROF, _hang)
    yield
    signal.setitimer(signal.ITIMER_PROF, 0)
    signal.signal(signal.SIGPROF, previous)


@pytest.fixture(autouse=True)
def no_third_party_validator(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    if "strict" not in request.node.name:
        monkeypatch.setattr(validate, "schema_problems", lambda data, version: [])


_imports = 0


def generate_and_import(document: Document, folder: Path) -> None:
    """Run the stages on `document`; a located `SpecError` is an answer, as is a client
    that compiles and imports; anything else is raised."""
    global _imports
    signal.setitimer(signal.ITIMER_PROF, CPU_SECONDS)
    try:
        data = document.data
        validate.findings(data, str(data.get("openapi", "")))
        _imports += 1
        package = f"fuzzed_{_imports}"
        api, _ = build_api(document, package, lenient=True)
        files = render(api)
    except SpecError as error:
        assert error.problems and all(p.location.file == document.path for p in error.problems)
        return
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    for name, text in files.items():
        if name.endswith(".py"):
            compile(text, name, "exec")  # a SyntaxError fails the example
            if name.startswith(package + "/"):
                target = folder / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
    import_every_module(folder, package)


def import_every_module(folder: Path, package: str) -> None:
    sys.path.insert(0, str(folder))
    try:
        for module in sorted((folder / package).glob("*.py")):
            importlib.import_module(f"{package}.{module.stem}".removesuffix(".__init__"))
    finally:
        sys.path.remove(str(folder))
        for loaded in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[loaded]


def run_one(name: str, pick: int, value: Any, folder: Path) -> None:
    document, places = document_and_places(name)
    path = places[pick % len(places)]
    data = mutated(document.data, path, value)
    changed = Document(document.path, document.text, data, document.is_json)
    try:
        generate_and_import(changed, folder)
    except Exception as error:
        where = "/".join(map(str, path))
        raise AssertionError(f"{name}: /{where} = {value!r}: {type(error).__name__}") from error


# Slow examples (each generates a client), the same ones every run, none remembered.
FIXED_EXAMPLES = settings(
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@settings(FIXED_EXAMPLES, max_examples=25)
@given(name=st.sampled_from(DOCUMENTS), pick=st.integers(min_value=0), value=replacements)
def test_single_node_mutations_never_crash(
    tmp_path: Path, name: str, pick: int, value: Any
) -> None:
    run_one(name, pick, value, tmp_path)


@settings(FIXED_EXAMPLES, max_examples=12)
@given(name=st.sampled_from(DOCUMENTS), pick=st.integers(min_value=0), value=replacements)
def test_single_node_mutations_never_crash_in_strict_mode(
    tmp_path_factory: pytest.TempPathFactory, name: str, pick: int, value: Any
) -> None:
    global _imports
    document, places = document_and_places(name)
    path = places[pick % len(places)]
    folder = tmp_path_factory.mktemp("strict")
    spec = folder / "mutated.json"
    spec.write_text(json.dumps(mutated(document.data, path, value)), encoding="utf-8")
    _imports += 1
    package = f"strict_{_imports}"
    where = f"{name}: /{'/'.join(map(str, path))} = {value!r}"
    signal.setitimer(signal.ITIMER_PROF, CPU_SECONDS)
    try:
        command = ["generate", str(spec), "-o", str(folder / "out"), "--no-cache"]
        result = run_cli([*command, "--package-name", package])
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    assert result.code in (ExitCode.DONE, ExitCode.INVALID), f"{where}: {result.err}"
    assert "Traceback" not in result.err, where
    if result.code == ExitCode.INVALID:
        assert f"{spec}:" in result.err, f"{where}: not located: {result.err}"
    else:
        import_every_module(folder / "out", package)


@pytest.mark.large
@settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    name=st.sampled_from(DOCUMENTS + LARGER_DOCUMENTS),
    pick=st.integers(min_value=0),
    value=replacements,
)
def test_many_single_node_mutations_never_crash(
    tmp_path: Path, name: str, pick: int, value: Any
) -> None:
    run_one(name, pick, value, tmp_path)


@pytest.mark.parametrize(
    ("name", "path", "value"),
    [
        # Sites the issue names: each once crashed --lenient.
        ("petstore3.yaml", ("security",), 5),
        ("petstore3.yaml", ("info",), 5),
        ("petstore3.yaml", ("components", "securitySchemes", "api_key", "name"), REMOVED),
        ("petstore3.yaml", ("paths", "/pet", "put", "security", 0), True),
        ("petstore3.yaml", ("paths", "/pet", "post", "operationId"), {"$ref": "#/nowhere"}),
        ("petstore3.yaml", ("paths", "/user/{username}", "delete", "parameters", 0, "in"), {}),
        ("bulksms.json", ("components", "schemas", "Profile", "required", 4), []),
        ("vonage_sms.yaml", ("components", "schemas", "InboundMessage", "properties"), 5),
    ],
)
def test_known_crash_sites_are_answered(
    tmp_path: Path, name: str, path: tuple[Any, ...], value: Any
) -> None:
    document, _ = document_and_places(name)
    changed = Document(
        document.path, document.text, mutated(document.data, path, value), document.is_json
    )
    generate_and_import(changed, tmp_path)
