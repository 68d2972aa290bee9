"""Documents split over several files: followed, bundled, located, and kept inside their folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.bundle import load_spec
from generator.errors import SpecError, escape_pointer_token, split_pointer
from generator.load import load_document

from .conftest import ROOT, SHARED_SPECS, readme_block, run_cli, snapshot

SPLIT = ROOT / "tests" / "documents" / "split"


@pytest.fixture
def split(tmp_path: Path) -> Path:
    """A copy of the split document, to edit, two folders below `tmp_path`."""
    shutil.copytree(SPLIT, tmp_path / "project" / "spec")
    return tmp_path / "project" / "spec"


def problems(spec: Path, *extra: str) -> tuple[int, list[str]]:
    result = run_cli(["generate", str(spec), "-o", str(spec.parent / "out"), *extra])
    lines = [line for line in result.err.splitlines() if not line.startswith("error: ")]
    return result.code, lines


def where(path: Path, fragment: str, occurrence: int = 1) -> str:
    """`path:line:column` of the `occurrence`-th line holding `fragment`, at it."""
    found = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if fragment in line:
            found += 1
            if found == occurrence:
                return f"{path}:{number}:{line.index(fragment) + 1}"
    raise AssertionError(f"{fragment!r} not in {path}")


def test_every_reference_becomes_local_and_components_keep_their_names() -> None:
    document = load_spec(SPLIT / "openapi.yaml")
    text = json.dumps(document.data)
    assert '"$ref": "./' not in text and '"$ref": "../' not in text
    schemas = document.data["components"]["schemas"]
    assert list(schemas) == ["Message", "Error", "new-message", "state"]
    assert schemas["Message"]["properties"]["error"] == {"$ref": "#/components/schemas/Error"}
    assert document.data["paths"]["/messages"]["post"]["operationId"] == "sendMessage"
    assert list(document.data["components"]["responses"]) == ["Problem", "NotFound"]
    assert set(document.files) == {
        SPLIT / "openapi.yaml",
        *(SPLIT / name for name in ("paths/messages.yaml", "parameters.yaml", "responses.yaml")),
        *(SPLIT / "schemas" / name for name in ("messages/message.yaml", "common/error.yaml")),
        *(SPLIT / "schemas/messages" / name for name in ("state.yaml", "new-message.yaml")),
    }


def test_locations_name_the_file_the_part_came_from() -> None:
    document = load_spec(SPLIT / "openapi.yaml")
    error = SPLIT / "schemas" / "common" / "error.yaml"
    code = document.location("/components/schemas/Error/properties/code/type")
    assert (code.file, code.pointer, code.line) == (error, "/Error/properties/code/type", 6)
    post = document.location("/paths/~1messages/post/operationId")
    assert (post.file.name, post.pointer, post.line) == ("messages.yaml", "/post/operationId", 2)
    root = document.location("/paths/~1messages~1{messageId}/get")
    assert (root.file, root.line) == (SPLIT / "openapi.yaml", 13)


def test_the_split_document_generates_strictly_with_no_warning(tmp_path: Path) -> None:
    result = run_cli(["generate", str(SPLIT / "openapi.yaml"), "-o", str(tmp_path / "out")])
    assert result.code == 0, result.err
    assert result.err.splitlines() == [f"{tmp_path / 'out'}: 16 files, 16 changed"]
    models = (tmp_path / "out" / "split_messages" / "models.py").read_text(encoding="utf-8")
    assert "class NewMessage:" in models and "class State(str, enum.Enum):" in models


def test_a_mistake_in_a_referenced_file_is_reported_there(split: Path) -> None:
    error = split / "schemas" / "common" / "error.yaml"
    error.write_text(error.read_text().replace("type: integer", "type: intger"))
    message = split / "schemas" / "messages" / "message.yaml"
    message.write_text(message.read_text().replace("required: [", "requried: ["))
    code, lines = problems(split / "openapi.yaml")
    assert code == 2
    assert lines == [
        f"{where(error, 'intger')}: /Error/properties/code/type: error: `type` must be "
        "one of: array, boolean, integer, null, number, object, string; found 'intger' "
        "(did you mean 'integer'?)",
        f"{where(message, 'requried')}: /requried: error: unknown keyword 'requried' in a "
        "schema; did you mean 'required'?",
    ]


def test_an_edit_in_a_referenced_file_makes_check_fail_and_reaches_the_cache(
    split: Path,
) -> None:
    spec, out = split / "openapi.yaml", split / "out"
    assert run_cli(["generate", str(spec), "-o", str(out)]).code == 0
    assert run_cli(["generate", str(spec), "-o", str(out), "--check"]).code == 0
    state = split / "schemas" / "messages" / "state.yaml"
    state.write_text(state.read_text().replace("failed]", "failed, expired]"))
    checked = run_cli(["generate", str(spec), "-o", str(out), "--check"])
    assert checked.code == 1
    assert '+    EXPIRED = "expired"' in checked.out
    assert "additive: enum State: value 'expired' added" in checked.err
    # The validation of the previous run is cached: an invalid edit must still be seen.
    state.write_text(state.read_text().replace("type: string", "type: [string, 5]"))
    invalid = run_cli(["generate", str(spec), "-o", str(out)])
    assert invalid.code == 2 and f"{state}:1:16: /type/1: error:" in invalid.err


OUTSIDE = "$ref '{ref}' leaves the folder of the document ({folder}): only files inside it are read"


@pytest.mark.parametrize(
    ("file", "ref", "message"),
    [
        ("openapi.yaml", "../../outside.yaml", OUTSIDE),
        ("schemas/messages/message.yaml", "../../../../outside.yaml", OUTSIDE),
        (
            "openapi.yaml",
            "http://example.com/schemas.yaml#/Message",
            "$ref '{ref}' is a URL: documents are never fetched; save it beside the spec and "
            "refer to it by a relative path",
        ),
        (
            "schemas/messages/message.yaml",
            "/etc/hostname",
            "$ref '{ref}' is an absolute path: refer to files by a path relative to the file "
            "that refers to them",
        ),
        (
            "schemas/messages/message.yaml",
            "./nothing.yaml",
            "{folder}/schemas/messages/nothing.yaml: file not found",
        ),
        (
            "schemas/messages/message.yaml",
            "./state.yaml#/nowhere",
            "$ref '{ref}' points at nothing: state.yaml has no '/nowhere'",
        ),
        (
            "schemas/messages/message.yaml",
            "./state.yaml#anchor",
            "$ref '{ref}': only JSON pointer fragments ('#/...') are supported",
        ),
    ],
)
def test_references_that_cannot_be_followed_are_refused_where_they_are_written(
    split: Path, file: str, ref: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = split.parent.parent / "outside.yaml"
    outside.write_text("type: string\n")
    read: list[Path] = []
    real_read_text = Path.read_text

    def spying_read_text(self: Path, *args: Any, **kwargs: Any) -> str:
        read.append(self.resolve())
        return real_read_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", spying_read_text)
    edited = split / file
    original = {
        "openapi.yaml": "$ref: ./schemas/messages/message.yaml",
        "schemas/messages/message.yaml": "$ref: ./state.yaml",
    }[file]
    edited.write_text(real_read_text(edited).replace(original, f"$ref: {ref!r}", 1))
    with pytest.raises(SpecError) as caught:
        load_spec(split / "openapi.yaml")
    [problem] = caught.value.problems
    pointer = {
        "openapi.yaml": "/paths/~1messages~1{messageId}/get/responses/200/content"
        "/application~1json/schema/$ref",
        "schemas/messages/message.yaml": "/properties/state/$ref",
    }[file]
    assert str(problem) == (
        f"{where(edited, repr(ref))}: {pointer}: error: "
        + message.format(ref=ref, folder=split.resolve())
    )
    assert outside.resolve() not in read


def test_a_link_out_of_the_folder_is_refused(split: Path) -> None:
    outside = split.parent.parent / "outside.yaml"
    outside.write_text("type: string\n")
    (split / "schemas" / "messages" / "link.yaml").symlink_to(outside)
    schema = split / "schemas" / "messages" / "message.yaml"
    schema.write_text(schema.read_text().replace("$ref: ./state.yaml", "$ref: ./link.yaml"))
    with pytest.raises(SpecError, match="leaves the folder of the document"):
        load_spec(split / "openapi.yaml")


def test_a_syntax_error_in_a_referenced_file_is_reported_in_that_file(split: Path) -> None:
    state = split / "schemas" / "messages" / "state.yaml"
    state.write_text("type: string\nenum: [queued, sent\n")
    code, lines = problems(split / "openapi.yaml")
    assert code == 2
    assert lines == [
        f"{state}:3:1: /: error: invalid YAML: did not find expected ',' or ']' (while parsing a "
        "flow sequence that starts at line 2, column 7)"
    ]


def test_a_ref_key_in_an_example_is_data_not_a_reference(split: Path) -> None:
    schema = split / "schemas" / "messages" / "new-message.yaml"
    schema.write_text(schema.read_text() + "example: {to: x, text: {$ref: ./nowhere.yaml}}\n")
    document = load_spec(split / "openapi.yaml")
    assert document.data["components"]["schemas"]["new-message"]["example"]["text"] == {
        "$ref": "./nowhere.yaml"
    }


# ---------------------------------------------------------------- the feature matrix, split


def split_document(source: Path, folder: Path, suffix: str) -> Path:
    """`source` split as a person would: each schema in a file two levels deep, each path
    item in a file of its own, references between them relative."""
    data = load_document(source).data
    schemas = data["components"]["schemas"]
    files: dict[str, str] = {}  # schema name -> file, relative to the folder
    for index, name in enumerate(schemas):
        group = "upper" if name[:1].isupper() else "other"
        files[name] = f"schemas/{group}/{index:03d}-{name[:20].replace('/', '_')}{suffix}"
    prefix = "#/components/schemas/"

    def relative(target: str, start: str) -> str:
        depth = start.count("/")
        return "../" * depth + target if depth else "./" + target

    def rewrite(node: Any, start: str) -> Any:
        if isinstance(node, dict):
            result = {}
            for key, value in node.items():
                if key == "$ref" and isinstance(value, str) and value.startswith("#"):
                    result[key] = target_of(value, start)
                elif key == "mapping" and isinstance(value, dict):
                    result[key] = {k: target_of(v, start) for k, v in value.items()}
                else:
                    result[key] = rewrite(value, start)
            return result
        if isinstance(node, list):
            return [rewrite(item, start) for item in node]
        return node

    def target_of(ref: str, start: str) -> str:
        if ref.startswith(prefix) and "/" not in ref[len(prefix) :]:
            name = split_pointer(ref[1:])[-1]
            return relative(files[name], start)
        return relative("openapi" + suffix, start) + ref if "/" in start else ref

    def write(relative_path: str, content: Any) -> None:
        path = folder / relative_path
        path.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".json":
            path.write_text(json.dumps(content, indent=2, ensure_ascii=False), encoding="utf-8")
        else:
            path.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True))

    for name, schema in schemas.items():
        write(files[name], rewrite(schema, files[name]))
    paths = {}
    for index, (template, item) in enumerate(data["paths"].items()):
        file = f"paths/{index:03d}{suffix}"
        write(file, rewrite(item, file))
        paths[template] = {"$ref": "./" + file}
    root = rewrite({**data, "paths": paths}, "openapi" + suffix)
    root["components"]["schemas"] = {name: {"$ref": "./" + file} for name, file in files.items()}
    write("openapi" + suffix, root)
    return folder / ("openapi" + suffix)


@pytest.mark.parametrize("name", ["feature-matrix-3.0.json", "feature-matrix-3.1.yaml"])
def test_the_split_feature_matrix_generates_the_same_client_byte_for_byte(
    name: str, tmp_path: Path
) -> None:
    source = SHARED_SPECS / name
    suffix = ".json" if name.endswith(".json") else ".yaml"
    spec = split_document(source, tmp_path / "split", suffix)
    assert len(list((tmp_path / "split" / "schemas").rglob("*" + suffix))) > 50
    assert load_spec(spec).data == load_document(source).data  # bundled as it was written
    # Output folders of the same name: the generated README names its folder.
    for document, out in ((source, "single/out"), (spec, "split/out")):
        # ruff formats much faster than black on a first run; the same either way
        options = ["--package-name", "matrix", "--lenient", "--formatter", "ruff"]
        result = run_cli(["generate", str(document), "-o", str(tmp_path / out), *options])
        assert result.code == 0, result.err
    single, split = snapshot(tmp_path / "single" / "out"), snapshot(tmp_path / "split" / "out")
    assert len(single) > 10 and single == split


def test_pointers_with_escapes_survive_bundling(tmp_path: Path) -> None:
    (tmp_path / "defs").mkdir()
    (tmp_path / "defs" / "odd.yaml").write_text("'a/b~c':\n  type: string\n")
    (tmp_path / "openapi.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    Odd: {$ref: './defs/odd.yaml#/a~1b~0c'}\n"
    )
    document = load_spec(tmp_path / "openapi.yaml")
    assert document.data["components"]["schemas"]["Odd"] == {"type": "string"}
    location = document.location("/components/schemas/Odd/type")
    assert location.pointer == "/" + escape_pointer_token("a/b~c") + "/type"
    assert location.line == 2


def test_the_readme_shows_the_split_document_and_its_problems_as_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert readme_block("split") in (SPLIT / "openapi.yaml").read_text(encoding="utf-8")
    copy = tmp_path / "tests" / "documents" / "split"
    shutil.copytree(SPLIT, copy)
    error = copy / "schemas" / "common" / "error.yaml"
    error.write_text(error.read_text().replace("type: integer", "type: intger"))
    message = copy / "schemas" / "messages" / "message.yaml"
    message.write_text(message.read_text().replace("required: [", "requried: ["))
    monkeypatch.chdir(tmp_path)
    result = run_cli(["generate", "tests/documents/split/openapi.yaml", "-o", "out"])
    assert result.code == 2
    assert result.err == readme_block("problems")


def test_a_document_in_one_file_is_not_bundled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading it costs one search of its text, not a copy of the document."""

    def no_bundling(*args: object) -> None:
        raise AssertionError("bundled a document in one file")

    monkeypatch.setattr("generator.bundle._Bundler", no_bundling)
    for spec in (ROOT / "spec" / "openapi.yaml", SHARED_SPECS / "twilio_api_v2010.json"):
        assert load_spec(spec) == load_document(spec)
