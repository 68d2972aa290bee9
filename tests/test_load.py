from pathlib import Path

import pytest

from generator.errors import SpecError
from generator.load import load_document, parse_document

from .conftest import SHARED_SPECS, SPEC


def test_yaml_keeps_json_scalars_and_string_keys() -> None:
    document = parse_document(
        Path("x.yaml"),
        "a: 2014-04-22\nb: on\nc: true\nresponses:\n  200: {description: ok}\n  404: x\n",
    )
    assert document.data["a"] == "2014-04-22"  # not a datetime.date
    assert document.data["b"] == "on"  # YAML 1.1 would say True
    assert document.data["c"] is True
    assert list(document.data["responses"]) == ["200", "404"]


def test_pointer_is_mapped_to_line_and_column_in_yaml() -> None:
    document = load_document(SPEC)
    location = document.location("/paths/~1notification~1messages~1send/post/operationId")
    line = SPEC.read_text(encoding="utf-8").splitlines()[location.line - 1]
    assert "sendNotificationMessage" in line
    assert location.column == line.index("sendNotificationMessage") + 1
    at_key = document.location("/paths/~1notification~1messages~1send/post/operationId", key=True)
    assert (at_key.line, at_key.column) == (location.line, line.index("operationId") + 1)


def test_pointer_is_mapped_to_line_in_json() -> None:
    path = SHARED_SPECS / "twilio_api_v2010.json"
    document = load_document(path)
    location = document.location("/info/title")
    assert '"title"' in path.read_text(encoding="utf-8").splitlines()[location.line - 1]


def test_missing_pointer_falls_back_to_nearest_ancestor() -> None:
    document = parse_document(Path("x.yaml"), "a:\n  b: 1\n")
    location = document.location("/a/nope/deeper")
    assert (location.line, location.pointer) == (1, "/a/nope/deeper")  # `a:` holds it


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [("bad.yaml", "a: [1, 2\nb: 3\n", 2), ("bad.json", '{"a": 1,\n "b": }', 2)],
)
def test_syntax_errors_name_the_line(name: str, text: str, line: int) -> None:
    with pytest.raises(SpecError) as caught:
        parse_document(Path(name), text)
    problem = caught.value.problems[0]
    assert problem.location.line == line
    assert name in str(problem)


def test_a_document_must_be_a_mapping() -> None:
    with pytest.raises(SpecError, match="must be a mapping"):
        parse_document(Path("x.yaml"), "- 1\n- 2\n")


def test_missing_file_is_a_spec_error(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="file not found"):
        load_document(tmp_path / "nope.yaml")


def yaml_problem(text: str, name: str = "openapi.yaml") -> str:
    with pytest.raises(SpecError) as caught:
        parse_document(Path(name), text)
    [problem] = caught.value.problems
    return str(problem)


def test_a_tab_is_called_a_tab() -> None:
    text = "openapi: 3.1.0\npaths:\n\t/a: {}\n"
    assert yaml_problem(text) == (
        "openapi.yaml:3:1: /: error: invalid YAML: a tab character; YAML indents with spaces "
        "only, so replace the tab with spaces"
    )
    indented = "a:\n  b: 1\n\tc: 2\n"
    assert "a tab character" in yaml_problem(indented)


def test_a_yaml_error_says_where_the_construct_opened() -> None:
    assert yaml_problem("a: [1, 2\nb: 3\n") == (
        "openapi.yaml:2:2: /: error: invalid YAML: did not find expected ',' or ']' "
        "(while parsing a flow sequence that starts at line 1, column 4)"
    )
    assert yaml_problem("a: 'abc\nb: 1\n").endswith(
        "(while scanning a quoted scalar that starts at line 1, column 4)"
    )


def test_yaml_written_as_a_flow_mapping_is_never_called_json() -> None:
    message = yaml_problem("{openapi: 3.1.0, info: {title: T}\n")
    assert "invalid YAML" in message and "JSON" not in message
    document = parse_document(Path("x.yaml"), '{"openapi": "3.1.0", "s": "\\ud83d\\ude00"}')
    assert document.is_json and document.data["s"] == "\U0001f600"  # read by json


def test_a_key_written_twice_is_an_error_naming_both_places() -> None:
    assert yaml_problem("a:\n  b: 1\n  c: 2\n  b: 3\n") == (
        "openapi.yaml:4:3: /: error: invalid YAML: the key 'b' appears twice, first at line 2, "
        "column 3; YAML would silently keep only the last"
    )
    merged = parse_document(Path("x.yaml"), "base: &b {p: 1}\nc:\n  <<: *b\n  p: 2\n")
    assert merged.data["c"] == {"p": 2}  # overriding a merged key is no repetition


def test_a_mapping_held_by_a_key_is_located_at_its_key_a_scalar_at_its_value() -> None:
    document = parse_document(Path("x.yaml"), "paths:\n  /a:\n    get:\n      x: 1\n")

    def place(pointer: str, key: bool = False) -> tuple[int | None, int | None]:
        location = document.location(pointer, key=key)
        return location.line, location.column

    assert place("/paths/~1a") == (2, 3)
    assert place("/paths/~1a/get/x") == (4, 10)
    assert place("/paths/~1a/get/x", key=True) == (4, 7)
    assert place("/paths/~1a/get/x/nothing", key=True) == (4, 10)  # an ancestor: as it is
    as_json = parse_document(Path("x.json"), '{\n  "paths": {\n    "/a": {"get": {"x": 1}}\n  }\n}')
    assert (as_json.location("/paths/~1a").line, as_json.location("/paths/~1a").column) == (3, 5)
    assert as_json.location("/paths/~1a/get/x").column == 25
    assert as_json.location("/paths/~1a/get/x", key=True).column == 20
