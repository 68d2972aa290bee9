"""Documents built to break the generator: each is a located error (exit 2), never a
hang, runaway memory or a traceback; and diagnostics never print document text raw.

Bounds checked here are the loader's (`generator.load`: nesting, alias expansion,
numbers, YAML-only types) and the reference checks' (`MAX_REFERENCE_CHAIN`). The
worst cases also run in a subprocess under resource limits (address space, CPU
seconds): a hang or a blow-up fails the test by the limit, not by a clock.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import SpecError, printable
from generator.load import MAX_DEPTH, MAX_INTEGER_DIGITS, parse_document
from generator.validate import MAX_REFERENCE_CHAIN

from .conftest import ROOT, run_cli

HEAD = 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths: {}\n'
JSON_HEAD = '{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {}, "x": '


def schema_document(line: str) -> str:
    """A YAML document whose schema `A` has `line` (written at line 8, column 7)."""
    return HEAD + "components:\n  schemas:\n    A:\n      type: number\n      " + line + "\n"


def alias_bomb(levels: int = 9) -> str:
    """The "billion laughs": each level an anchor holding nine aliases of the one before."""
    lines = ['x-0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        lines.append(f"x-{level}: &l{level} [" + ",".join([f"*l{level - 1}"] * 9) + "]")
    return HEAD + "\n".join(lines) + "\n"


def reference_chain(length: int, *, cycle: bool = False) -> str:
    schemas: dict[str, object] = {
        f"S{i}": {"$ref": f"#/components/schemas/S{i + 1}"} for i in range(length)
    }
    schemas[f"S{length}"] = {"$ref": "#/components/schemas/S0"} if cycle else {"type": "string"}
    return json.dumps(
        {
            "openapi": "3.0.3",
            "info": {"title": "T", "version": "1"},
            "paths": {},
            "components": {"schemas": schemas},
        }
    )


def nested_json(depth: int) -> str:
    return JSON_HEAD + "[" * depth + "]" * depth + "}"


def nested_yaml(depth: int) -> str:
    return HEAD + "x: " + "[" * depth + "]" * depth + "\n"


def refused(name: str, text: str) -> str:
    """The one problem `parse_document` raises for `text`, as printed."""
    with pytest.raises(SpecError) as caught:
        parse_document(Path(name), text)
    (problem,) = caught.value.problems
    return str(problem)


# ---------------------------------------------------------------- numbers and types


@pytest.mark.parametrize(
    ("name", "text", "where", "says"),
    [
        ("a.json", JSON_HEAD + "NaN}", "a.json:1:", "NaN is not a JSON number"),
        ("a.json", JSON_HEAD + "[1, -Infinity]}", "a.json:1:", "-Infinity is not a JSON"),
        ("a.json", JSON_HEAD + "1e400}", "a.json:1:", "1e400 is not a JSON number"),
        ("a.json", JSON_HEAD + "9" * 5000 + "}", "a.json:1:", "(5000 characters) is not"),
        ("a.yaml", schema_document("example: .nan"), "a.yaml:8:16", ".nan is not a JSON"),
        ("a.yaml", schema_document("minimum: -.inf"), "a.yaml:8:16", "-.inf is not a JSON"),
        ("a.yaml", schema_document("maximum: 1.0e+400"), "a.yaml:8:16", "1.0e+400 is not a"),
        ("a.yaml", schema_document("maximum: " + "9" * 5000), "a.yaml:8:16", "characters)"),
        ("a.yaml", schema_document("maximum: 0x" + "f" * 300), "a.yaml:8:16", "not a JSON"),
    ],
)
def test_numbers_json_cannot_hold_are_located_errors(
    name: str, text: str, where: str, says: str
) -> None:
    shown = refused(name, text)
    assert shown.startswith(where) and says in shown, shown


def test_numbers_within_a_doubles_range_are_read() -> None:
    biggest = "9" * MAX_INTEGER_DIGITS
    assert parse_document(Path("a.json"), JSON_HEAD + biggest + "}").data["x"] == int(biggest)
    data = parse_document(Path("a.yaml"), schema_document(f"maximum: {biggest}")).data
    assert data["components"]["schemas"]["A"]["maximum"] == int(biggest)
    assert parse_document(Path("a.json"), JSON_HEAD + "1.7e308}").data["x"] == 1.7e308


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!!timestamp 2001-12-14t21:59:43.10-05:00", "!!timestamp"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!set {a, b}", "!!set"),
        ("!!omap [a: 1]", "!!omap"),
        ("!!pairs [a: 1]", "!!pairs"),
        ("!custom thing", "!custom"),
    ],
)
def test_yaml_types_without_a_json_equivalent_are_located_errors(value: str, tag: str) -> None:
    shown = refused("a.yaml", schema_document(f"example: {value}"))
    assert shown.startswith("a.yaml:8:16: /: error: ")
    assert f"the YAML tag {tag} has no JSON equivalent" in shown
    assert "quote the value" in shown


def test_a_python_tag_is_refused_and_never_run() -> None:
    shown = refused("a.yaml", schema_document("example: !!python/object/apply:os.system [x]"))
    assert shown.startswith("a.yaml:8:16: ")


# ---------------------------------------------------------------- nesting


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deep.json", nested_json(1000)),  # past json's own recursion limit
        ("deep.json", nested_json(MAX_DEPTH + 1)),
        ("deep.yaml", nested_yaml(600)),  # past PyYAML's constructor's recursion
        ("deep.yaml", nested_yaml(MAX_DEPTH + 1)),
        ("deep.yaml", HEAD + "x:\n" + " " + "- " * 300 + "a\n"),  # block style
        ("deep.yaml", nested_json(1000)),  # JSON in a YAML file: the json module reads it
    ],
)
def test_nesting_past_the_bound_is_a_located_error(name: str, text: str) -> None:
    shown = refused(name, text)
    assert f"nest more than {MAX_DEPTH} levels deep" in shown
    line, column = shown.split(":")[1:3]
    assert int(line) >= 4 or int(column) > MAX_DEPTH, shown  # at the place, not at the top


def test_nesting_up_to_the_bound_is_read() -> None:
    depth_of_x = MAX_DEPTH - 1  # the document itself is one level
    assert parse_document(Path("a.json"), nested_json(depth_of_x)).data["x"] is not None
    assert parse_document(Path("a.yaml"), nested_yaml(depth_of_x)).data["x"] is not None


def test_arrays_nested_200_deep_are_refused_by_the_command_line(tmp_path: Path) -> None:
    # Once exit 0 with a models.py CPython could not parse.
    items = "{type: array, items: " * 200 + "{type: string}" + "}" * 200
    spec = tmp_path / "spec.yaml"
    spec.write_text(HEAD + f"components:\n  schemas:\n    A: {items}\n", encoding="utf-8")
    for lenient in ([], ["--lenient"]):
        result = run_cli(["generate", str(spec), "-o", str(tmp_path / "out"), *lenient])
        assert result.code == 2, result.err
        assert "/components/schemas/A/items/items" in result.err
        assert not (tmp_path / "out").exists()


# ---------------------------------------------------------------- aliases


def test_an_alias_bomb_is_refused_before_it_is_built() -> None:
    shown = refused("bomb.yaml", alias_bomb())
    assert shown.startswith("bomb.yaml:11:")  # the anchor whose aliases multiply most
    assert "expand the document to 490,329,074 nodes from 38 written" in shown
    assert "aliases may repeat parts of a document" in shown


def test_an_alias_that_holds_itself_is_refused() -> None:
    shown = refused("loop.yaml", HEAD + "x: &a [1, *a]\n")
    assert "an alias refers to the node that holds it" in shown
    assert shown.startswith("loop.yaml:4:4:")


def test_aliases_that_repeat_a_part_are_read() -> None:
    text = (
        HEAD
        + "x-base: &base {type: string, maxLength: 3}\n"
        + "".join(f"x-{i}: *base\n" for i in range(200))
    )
    data = parse_document(Path("a.yaml"), text).data
    assert data["x-199"] == {"type": "string", "maxLength": 3}


# ---------------------------------------------------------------- references


def write(tmp_path: Path, name: str, text: str) -> Path:
    spec = tmp_path / name
    spec.write_text(text, encoding="utf-8")
    return spec


@pytest.mark.parametrize("lenient", [False, True])
def test_a_ref_that_is_not_a_string_is_located(tmp_path: Path, lenient: bool) -> None:
    spec = write(
        tmp_path,
        "spec.yaml",
        HEAD.replace("paths: {}\n", "")
        + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n"
        + "          content:\n            application/json:\n              schema: {$ref: 123}\n",
    )
    result = run_cli(
        ["generate", str(spec), "-o", str(tmp_path / "out")] + (["--lenient"] if lenient else [])
    )
    assert (
        f"{spec}:11:30: /paths/~1a/get/responses/200/content/application~1json/schema/$ref: "
        in (result.err)
    )
    assert "`$ref` must be a string; found an integer (123)" in result.err
    assert result.code == (0 if lenient else 2), result.err


@pytest.mark.parametrize("cycle", [False, True])
def test_a_long_chain_of_refs_is_one_located_error(tmp_path: Path, cycle: bool) -> None:
    spec = write(tmp_path, "spec.json", reference_chain(3000, cycle=cycle))
    result = run_cli(["generate", str(spec), "-o", str(tmp_path / "out")])
    assert result.code == 2
    lines = result.err.splitlines()
    assert len(lines) == 2, lines  # one problem, and "nothing was written"
    assert lines[0].startswith(f"{spec}:1:117: /components/schemas/S0/$ref: error: $ref chain: ")
    assert f"more than {MAX_REFERENCE_CHAIN} $refs in a row" in lines[0]
    assert ("a cycle of" in lines[0]) == cycle


def test_a_chain_within_the_bound_is_followed(tmp_path: Path) -> None:
    spec = write(tmp_path, "spec.json", reference_chain(MAX_REFERENCE_CHAIN - 1))
    result = run_cli(["generate", str(spec), "-o", str(tmp_path / "out")])
    assert result.code == 0, result.err


def test_a_long_chain_in_lenient_mode_skips_what_depends_on_it(tmp_path: Path) -> None:
    spec = write(tmp_path, "spec.json", reference_chain(1000))
    result = run_cli(["generate", str(spec), "-o", str(tmp_path / "out"), "--lenient"])
    assert result.code == 0, result.err
    assert "skipped: schema 'S0'" in result.err and " more" in result.err
    assert max(len(line) for line in result.err.splitlines()) < 1000  # the skips summed up


# ---------------------------------------------------------------- under resource limits

MEMORY_LIMIT = 200 * 2**20  # address space, bytes
CPU_LIMIT = 30  # CPU seconds: a hang is killed, whatever the machine's load


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT))


@pytest.mark.parametrize(
    ("name", "text", "mode", "code"),
    [
        ("bomb.yaml", alias_bomb(), "", 2),
        ("bomb.yaml", alias_bomb(), "--lenient", 2),
        ("chain.json", reference_chain(10_000), "", 2),
        ("cycle.json", reference_chain(10_000, cycle=True), "--lenient", 0),  # skipped
        ("deep.json", nested_json(1000), "", 2),
        ("deep.yaml", nested_yaml(600), "--lenient", 2),
    ],
)
def test_worst_cases_fail_within_200_mb(
    tmp_path: Path, name: str, text: str, mode: str, code: int
) -> None:
    """The whole command in a process limited to 200 MB of address space and 30 CPU
    seconds (it needs well under 2): a located error, exit 2 (or a warning and exit 0 for
    a lenient skip), no traceback, no MemoryError."""
    spec = write(tmp_path, name, text)
    command = [sys.executable, "-m", "generator", "generate", str(spec), "-o", "out", "--no-cache"]
    done = subprocess.run(
        command + ([mode] if mode else []),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        preexec_fn=_limited,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr, done.stderr
    assert done.returncode == code, done.stderr
    assert done.stderr.startswith(f"{spec}:"), done.stderr  # located


# ---------------------------------------------------------------- diagnostics


def test_printable_escapes_what_a_terminal_would_act_on() -> None:
    assert printable("a\x1b[2Jb\nc\rd\te") == "a\\x1b[2Jb\\nc\\rd\\te"
    assert printable("\u202eevil\u2066\u200b\u2028\x85\ud800") == (
        "\\u202eevil\\u2066\\u200b\\u2028\\x85\\ud800"
    )
    assert printable("\U000e0041") == "\\U000e0041"
    assert printable("été, 東京, emoji 🙂, back\\slash") == "été, 東京, emoji 🙂, back\\slash"


def test_document_text_cannot_forge_a_diagnostic_line(tmp_path: Path) -> None:
    forged = "\x1b[2J\nspec.yaml:1:1: /: error: forged line\u202e"
    path = json.dumps("/a" + forged)
    spec = write(
        tmp_path,
        "spec.yaml",
        HEAD.replace("paths: {}\n", "")
        + f"paths:\n  {path}:\n    get:\n      parametrs: []\n"
        + f"      operationId: {json.dumps(forged)}\n"
        + "      responses: {'200': {description: ok}}\n",
    )
    result = run_cli(["generate", str(spec), "-o", str(tmp_path / "out")])
    assert result.code == 2
    lines = result.err.splitlines()
    assert len(lines) == 2, lines
    assert "/~1a\\x1b[2J\\nspec.yaml:1:1: ~1: error: forged line\\u202e/get/" in lines[0]
    assert not any(ord(c) < 32 or c == "\u202e" for c in result.err.replace("\n", ""))


def test_paths_and_notes_are_escaped_too(tmp_path: Path) -> None:
    spec = tmp_path / "spec\x1b[31m\n.yaml"
    result = run_cli(["generate", str(spec), "-o", str(tmp_path / "out")])
    assert result.code == 2
    assert "spec\\x1b[31m\\n.yaml" in result.err and "\x1b" not in result.err
