import copy
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.errors import Severity, SpecError
from generator.load import parse_document
from generator.validate import validate_document

MINIMAL = """\
openapi: 3.1.0
info: {title: T, version: "1"}
paths:
  /a:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Thing"}
components:
  schemas:
    Thing: {type: object}
"""


def test_the_project_spec_is_valid() -> None:
    from generator.load import load_document

    from .conftest import SPEC

    assert validate_document(load_document(SPEC)) == []


def test_a_dangling_reference_is_reported_with_its_location() -> None:
    text = MINIMAL.replace('schemas/Thing"', 'schemas/Nothing"')
    with pytest.raises(SpecError) as caught:
        validate_document(parse_document(Path("t.yaml"), text))
    problem = caught.value.problems[0]
    assert "points at nothing" in problem.message
    assert problem.location.pointer.endswith("/schema/$ref")
    assert problem.location.line == 11


def test_schema_violations_name_the_pointer() -> None:
    text = MINIMAL.replace("description: ok", "description: 5")
    with pytest.raises(SpecError) as caught:
        validate_document(parse_document(Path("t.yaml"), text))
    assert any(
        p.location.pointer == "/paths/~1a/get/responses/200/description"
        for p in caught.value.problems
    )


def test_unsupported_versions_are_refused() -> None:
    with pytest.raises(
        SpecError, match=r"unsupported OpenAPI version '4\.0\.0'; use 3\.0\.x or 3\.1\.x"
    ):
        validate_document(parse_document(Path("t.yaml"), "openapi: 4.0.0\n"))
    with pytest.raises(SpecError, match="has no 'openapi' field"):
        validate_document(parse_document(Path("t.yaml"), "info: {}\n"))


def test_swagger_2_is_told_to_convert_first() -> None:
    with pytest.raises(SpecError) as caught:
        validate_document(parse_document(Path("api.yaml"), "swagger: '2.0'\ninfo: {}\n"))
    assert str(caught.value) == (
        "api.yaml:1:10: /swagger: error: this is Swagger 2.0; convert it to OpenAPI 3 first "
        "(for example with `npx swagger2openapi api.yaml -o openapi.yaml`, or at "
        "https://converter.swagger.io), then generate from the converted document"
    )


def test_lenient_mode_turns_problems_into_warnings() -> None:
    text = MINIMAL.replace("description: ok", "description: 5")
    warnings = validate_document(parse_document(Path("t.yaml"), text), lenient=True)
    assert warnings and all(w.severity is Severity.WARNING for w in warnings)


def test_the_validator_in_a_child_process_finds_what_it_finds_inline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.cache import Cache
    from generator.validate import start_validation

    text = MINIMAL.replace("description: ok", "description: 5")
    beside = start_validation(parse_document(Path("t.yaml"), text), lenient=True)
    can_fork = sys.platform == "linux" and (os.cpu_count() or 1) > 1
    assert (beside.findings is None) is can_fork  # still under way in the child
    monkeypatch.setattr("os.cpu_count", lambda: 1)  # one core: nothing to run beside
    inline = start_validation(parse_document(Path("t.yaml"), text), lenient=True)
    assert inline.findings is not None  # done at once
    assert beside.result() == inline.result() != []
    cache = Cache(tmp_path)
    start_validation(parse_document(Path("t.yaml"), text), lenient=True, cache=cache).result()
    assert len(list((tmp_path / "validate").iterdir())) == 1  # the child's verdict is kept


_KILLED_WHILE_VALIDATING = """
import os, signal, sys, threading
from pathlib import Path
from generator import validate
from generator.load import parse_document

ready, told = os.pipe()

def validating_forever(data, version):
    os.write(told, b"x")
    threading.Event().wait()

validate.findings = validating_forever  # what the forked child runs
os.cpu_count = lambda: 2
validation = validate.start_validation(parse_document(Path("t.yaml"), sys.stdin.read()))
os.read(ready, 1)  # the child is validating
print(validation._child.pid, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


@pytest.mark.skipif(sys.platform != "linux", reason="the validator runs beside only on Linux")
def test_the_validator_child_ends_when_the_generator_is_killed(tmp_path: Path) -> None:
    import signal
    import subprocess
    import time

    said = tmp_path / "said"
    with said.open("w") as out:  # a file: an outliving child would hold a pipe open
        run = subprocess.run(
            [sys.executable, "-c", _KILLED_WHILE_VALIDATING],
            input=MINIMAL,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
            check=False,
            timeout=120,
        )
    assert run.returncode == -signal.SIGKILL, said.read_text()
    child = int(said.read_text())
    try:
        # Linux kills the child when its parent dies; without that it would wait forever.
        # Polled with a generous bound for a loaded machine: only a failure waits it out.
        deadline = time.monotonic() + 60
        while _running(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _running(child), "the validator child outlived the generator"
    finally:
        if _running(child):
            os.kill(child, signal.SIGKILL)


def test_an_invalid_document_is_reported_even_when_a_later_stage_trips_on_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.pipeline import generate

    def tripping_model(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the model stage tripped")

    monkeypatch.setattr("generator.pipeline.build_api", tripping_model)
    spec = tmp_path / "openapi.yaml"
    spec.write_text(MINIMAL.replace("description: ok", "description: 5"))
    with pytest.raises(SpecError) as caught:
        generate(spec, tmp_path / "out")
    assert caught.value.problems[0].location.pointer == "/paths/~1a/get/responses/200/description"
    spec.write_text(MINIMAL)  # a sound document: the stage's own failure is the story
    with pytest.raises(RuntimeError, match="tripped"):
        generate(spec, tmp_path / "out")


def problems_of(text: str, name: str = "t.yaml", lenient: bool = False) -> list[str]:
    document = parse_document(Path(name), text)
    if lenient:
        return [str(p) for p in validate_document(document, lenient=True)]
    with pytest.raises(SpecError) as caught:
        validate_document(document)
    return [str(p) for p in caught.value.problems]


def line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if fragment in line)


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_a_wrong_type_names_its_line_its_absolute_pointer_and_the_valid_types(
    version: str,
) -> None:
    text = MINIMAL.replace("3.1.0", version).replace(
        "Thing: {type: object}",
        "Thing:\n      type: object\n      properties:\n        code: {type: strng}",
    )
    line = line_of(text, "strng")
    column = text.splitlines()[line - 1].index("strng") + 1
    types = "array, boolean, integer, number, object, string"
    if version == "3.1.0":
        types = "array, boolean, integer, null, number, object, string"
    assert problems_of(text) == [
        f"t.yaml:{line}:{column}: /components/schemas/Thing/properties/code/type: error: "
        f"`type` must be one of: {types}; found 'strng' (did you mean 'string'?)"
    ]


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_a_misspelt_keyword_is_caught_with_a_guess(version: str) -> None:
    text = MINIMAL.replace("3.1.0", version).replace(
        "Thing: {type: object}",
        "Thing:\n      type: object\n      requried: [to, text]\n      properties:\n"
        "        to: {type: string}\n        text: {type: string}",
    )
    line = line_of(text, "requried")
    expected = (
        f"t.yaml:{line}:7: /components/schemas/Thing/requried: {{}}: unknown keyword "
        "'requried' in a schema; did you mean 'required'?"
    )
    assert problems_of(text) == [expected.format("error")]
    assert problems_of(text, lenient=True) == [expected.format("warning")]


def test_misspelt_fields_of_every_kind_of_object_are_caught() -> None:
    text = """\
openapi: 3.1.0
info: {title: T, version: "1", descripton: x}
paths:
  /a:
    get:
      operationID: getA
      parameters:
        - {name: q, in: query, requird: true, schema: {type: string}}
      responses:
        "200":
          description: ok
          x-anything: goes
          content:
            application/json:
              schema: {type: string}
              exmaple: abc
"""
    assert problems_of(text) == [
        "t.yaml:2:32: /info/descripton: error: unknown keyword 'descripton' in info; "
        "did you mean 'description'?",
        "t.yaml:6:7: /paths/~1a/get/operationID: error: unknown keyword 'operationID' in an "
        "operation; did you mean 'operationId'?",
        "t.yaml:8:32: /paths/~1a/get/parameters/0/requird: error: unknown keyword 'requird' in "
        "a parameter; did you mean 'required'?",
        "t.yaml:16:15: /paths/~1a/get/responses/200/content/application~1json/exmaple: error: "
        "unknown keyword 'exmaple' in a media type; did you mean 'example'?",
    ]


def test_a_ref_key_inside_an_example_is_data() -> None:
    text = MINIMAL.replace(
        "Thing: {type: object}", "Thing: {type: object, example: {$ref: nowhere}}"
    )
    assert validate_document(parse_document(Path("t.yaml"), text)) == []


def test_an_operation_id_used_twice_is_reported_at_both_places() -> None:
    paths_b = (
        "  /b:\n    post:\n      operationId: send\n      responses:\n"
        "        '200': {description: ok}\n"
    )
    text = MINIMAL.replace("    get:\n", "    get:\n      operationId: send\n").replace(
        "components:", paths_b + "components:"
    )
    first, second = line_of(text, "operationId: send"), len(text.splitlines()) - 5
    assert problems_of(text) == [
        f"t.yaml:{first}:20: /paths/~1a/get/operationId: error: operationId 'send' is used more "
        "than once (also at /paths/~1b/post/operationId); each operation needs its own",
        f"t.yaml:{second}:20: /paths/~1b/post/operationId: error: operationId 'send' is used "
        "more than once (also at /paths/~1a/get/operationId); each operation needs its own",
    ]


def test_an_undeclared_path_parameter_points_at_the_path_template() -> None:
    text = MINIMAL.replace("  /a:\n", "  /a/{messageId}:\n")
    assert problems_of(text) == [
        "t.yaml:4:3: /paths/~1a~1{messageId}: error: the path template '/a/{messageId}' has "
        "{messageId}, but get declares no parameter with `in: path` and `name: messageId`"
    ]


def test_a_path_parameter_missing_from_the_template_points_at_the_parameter() -> None:
    text = MINIMAL.replace(
        "    get:\n",
        "    get:\n      parameters:\n        - {name: id, in: path, required: true, "
        "schema: {type: string}}\n",
    )
    assert problems_of(text) == [
        "t.yaml:7:18: /paths/~1a/get/parameters/0/name: error: path parameter 'id' does not "
        "appear in the path template '/a'"
    ]


# Problems the validator itself reports in an order that varied with PYTHONHASHSEED:
# the names in "required but not defined", and which of a schema's errors came first.
UNSTEADY = """\
openapi: 3.1.0
info: {title: T, version: "1"}
paths: {}
components:
  schemas:
    A:
      allOf: [{type: object, properties: {a: {type: string}}}]
      required: [a, zeta, beta, kappa, omega, delta]
    B:
      type: object
      properties:
        one: {type: number, exclusiveMinimum: true}
        two: {type: number, exclusiveMaximum: true}
        three: {type: number, minimum: "1"}
        four: {type: string, minLength: -1}
        five: {type: string, default: 5}
"""

SCRIPT = """\
import sys
from pathlib import Path
from generator.load import parse_document
from generator.validate import validate_document
document = parse_document(Path("t.yaml"), sys.stdin.read())
for problem in validate_document(document, lenient=True):
    print(problem)
"""


def the_same_for_every_seed(seeds: str, script: str, *args: str, stdin: str = "") -> str:
    """What `script` prints, which must be the same for each PYTHONHASHSEED of `seeds`."""
    import subprocess

    outputs = {
        subprocess.run(
            [sys.executable, "-c", script, *args],
            input=stdin,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in seeds
    }
    assert len(outputs) == 1, outputs
    return outputs.pop()


def test_findings_are_the_same_whatever_the_hash_seed() -> None:
    lines = the_same_for_every_seed("012", SCRIPT, stdin=UNSTEADY).splitlines()
    assert lines[0] == (
        "t.yaml:8:7: /components/schemas/A/required: warning: listed as required but defined "
        "by no property: 'beta', 'delta', 'kappa', 'omega', 'zeta'"
    )
    assert [line.split(":")[1] for line in lines[1:]] == ["12", "13", "14", "15"]
    assert all("/components/schemas/B/properties/" in line for line in lines[1:])


def test_the_cache_keeps_the_findings_sorted(tmp_path: Path) -> None:
    import json

    from generator.cache import Cache

    cache = Cache(tmp_path)
    document = parse_document(Path("t.yaml"), UNSTEADY)
    validate_document(document, lenient=True, cache=cache)
    [entry] = (tmp_path / "validate").iterdir()
    stored = cache.get("validate", entry.name)  # entries are signed: read through the cache
    assert stored is not None
    kept = json.loads(stored)
    assert kept == sorted(kept) and len(kept) == len({tuple(k) for k in kept}) == 5
    again = validate_document(document, lenient=True, cache=cache)  # from the cache
    assert again == validate_document(document, lenient=True)


OPENAI_SCRIPT = """\
import sys
from pathlib import Path
from generator.bundle import load_spec
from generator.validate import validate_document
for problem in validate_document(load_spec(Path(sys.argv[1])), lenient=True):
    print(problem)
"""


@pytest.mark.large
def test_every_finding_on_the_openai_document_is_located_the_same_on_every_run() -> None:
    """Five runs with different PYTHONHASHSEED (the validator's own order varied with it)."""
    import re

    from generator.load import load_document
    from generator.validate import resolve_pointer

    from .conftest import SHARED_SPECS

    spec = SHARED_SPECS / "openai.yaml"
    lines = the_same_for_every_seed("01234", OPENAI_SCRIPT, str(spec)).splitlines()
    assert len(lines) >= 20
    text = spec.read_text(encoding="utf-8").splitlines()
    data = load_document(spec).data
    shape = re.compile(rf"^{re.escape(str(spec))}:(\d+):(\d+): (/\S*): warning: .+$")
    for line in lines:
        match = shape.match(line)
        assert match, line
        number, column, pointer = int(match.group(1)), int(match.group(2)), match.group(3)
        resolve_pointer(data, pointer)  # absolute: it names a node of the document
        key = pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
        assert key.isdigit() or key in text[number - 1], line  # the line of the member
        assert column <= len(text[number - 1]), line


@pytest.mark.parametrize("name", ["kubernetes_apps_v1.json", "feature-matrix-3.0.json"])
def test_every_finding_on_a_real_document_has_a_line_and_an_absolute_pointer(name: str) -> None:
    from generator.load import load_document
    from generator.validate import resolve_pointer

    from .conftest import SHARED_SPECS

    document = load_document(SHARED_SPECS / name)
    warnings = validate_document(document, lenient=True)
    assert warnings
    places = [(w.location.line, w.location.pointer) for w in warnings]
    assert len(set(map(str, warnings))) == len(warnings)  # once each
    assert places == sorted(places, key=lambda p: p[0] or 0)  # in document order
    for warning in warnings:
        assert warning.location.line is not None and warning.location.line > 1, warning
        assert warning.location.pointer, warning
        resolve_pointer(document.data, warning.location.pointer)


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_fields_told_apart_by_value_list_every_value_and_keys_are_checked(version: str) -> None:
    text = f"""\
openapi: {version}
info: {{title: T, version: "1"}}
paths:
  /a:
    get:
      parameters:
        - {{name: q, in: querry, schema: {{type: string}}}}
        - {{name: r, in: query, style: forms, schema: {{type: string}}}}
      responses:
        "200": {{description: ok}}
        "20O": {{description: typo}}
  b: {{}}
"""
    locations = ["path, query, header, cookie", "query, header, path, cookie"]
    assert problems_of(text) == [
        "t.yaml:7:25: /paths/~1a/get/parameters/0/in: error: `in` must be one of: "
        f"{locations[version == '3.1.0']}; found 'querry' (did you mean 'query'?)",
        "t.yaml:8:39: /paths/~1a/get/parameters/1/style: error: `style` must be one of: form, "
        "spaceDelimited, pipeDelimited, deepObject; found 'forms' (did you mean 'form'?)",
        "t.yaml:11:9: /paths/~1a/get/responses/20O: error: '20O' is not a response status: "
        "write a status code ('200'), a range ('2XX') or 'default'",
        "t.yaml:12:3: /paths/b: error: 'b' is not a path: a path must start with '/'",
    ]


# The whole-document check: jsonschema-rs decides, jsonschema lists (`validator.QuickFirst`).
SMALL_DOCUMENT: dict[str, Any] = {
    "info": {"title": "Small", "version": "1", "contact": {"email": "a@example.com"}},
    "servers": [{"url": "https://example.com/{v}", "variables": {"v": {"default": "1"}}}],
    "paths": {
        "/items/{id}": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {}}],
            "get": {
                "operationId": "getItem",
                "parameters": [{"name": "q", "in": "query", "schema": {"type": "string"}}],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Item"}}
                        },
                        "headers": {"X-Rate": {"schema": {"type": "integer"}}},
                    },
                    "default": {"description": "error"},
                },
                "security": [{"key": []}],
            },
            "post": {
                "requestBody": {"content": {"application/json": {"example": {"a": 1}}}},
                "responses": {"201": {"description": "made"}},
            },
        }
    },
    "components": {
        "schemas": {"Item": {"type": "object", "properties": {"a": {"type": "integer"}}}},
        "securitySchemes": {"key": {"type": "apiKey", "name": "K", "in": "header"}},
    },
    "tags": [{"name": "items"}],
}
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**40), 2**40)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(["", "x", "3.0.3", "3.1.0", "query", "header", "#/c", "string"]),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.sampled_from(["type", "in", "name", "$ref", "x-a", "z"]), children),
    max_leaves=6,
)


def _places(node: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) within `node`."""
    places: list[tuple[Any, Any]] = []
    keys = node.keys() if isinstance(node, dict) else range(len(node))
    for name in list(keys):
        places.append((node, name))
        if isinstance(node[name], dict | list) and node[name]:
            places.extend(_places(node[name]))
    return places


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_quick_whole_document_check_agrees_with_jsonschema(
    version: str, data: st.DataObject
) -> None:
    from jsonschema.validators import validator_for
    from openapi_spec_validator.schemas import schema_v30, schema_v31

    from generator.validator import QuickFirst

    document = copy.deepcopy({"openapi": version, **SMALL_DOCUMENT})
    for _ in range(data.draw(st.integers(1, 3), label="damages")):
        container, name = data.draw(st.sampled_from(_places(document)), label="where")
        how = data.draw(st.sampled_from(["replace", "remove", "add"]), label="how")
        if how == "replace" or isinstance(container, list):
            container[name] = data.draw(JSON_VALUES, label="value")
        elif how == "remove":
            del container[name]
        elif isinstance(container[name], dict):
            key = data.draw(st.sampled_from(["type", "in", "$ref", "x-y", "bad", "schema"]))
            container[name][key] = data.draw(JSON_VALUES, label="value")
    schema = schema_v30 if version.startswith("3.0") else schema_v31
    check = QuickFirst(validator_for(schema)(schema))
    errors = list(check.located.iter_errors(document))  # jsonschema, the oracle
    assert check.is_valid(document) is not bool(errors)
    assert bool(list(check.iter_errors(document))) is bool(errors)


SCHEMA_KEYWORDS = "type items properties pattern patternProperties allOf enum minimum required"
SCHEMA_KEYWORDS += " nullable $ref a( x-y default format"
SCHEMA_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.sampled_from(
        ["string", "object", "integer", "strng", "(", "^a+$", "[", "#/components/schemas/Item", ""]
    ),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(
        st.sampled_from(SCHEMA_KEYWORDS.split()),
        children,
        max_size=4,
    ),
    max_leaves=10,
)


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(schema=SCHEMA_VALUES)
@example(schema={"type": "string", "pattern": "("})  # formats: jsonschema-rs checks none
@example(schema={"items": {"patternProperties": {"[": {}}}})
@example(schema={"allOf": [{"type": "strng"}, {"minimum": "a"}]})
def test_the_quick_checks_find_what_jsonschema_alone_finds(version: str, schema: Any) -> None:
    """Findings with jsonschema-rs deciding first are those of jsonschema alone: of the
    whole document, and of each schema against its dialect's meta-schema."""
    from generator.validator import QuickFirst, schema_problems

    document = copy.deepcopy({"openapi": version, **SMALL_DOCUMENT})
    document["components"]["schemas"]["Item"] = schema
    document["paths"]["/items/{id}"]["get"]["parameters"][0]["schema"] = schema
    quick = schema_problems(document, version)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(QuickFirst, "quick_verdict", lambda self, instance: None)
        assert schema_problems(document, version) == quick
