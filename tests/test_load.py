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


def test_pointer_is_mapped_to_line_in_json() -> None:
    path = SHARED_SPECS / "twilio_api_v2010.json"
    document = load_document(path)
    location = document.location("/info/title")
    assert '"title"' in path.read_text(encoding="utf-8").splitlines()[location.line - 1]


def test_missing_pointer_falls_back_to_nearest_ancestor() -> None:
    document = parse_document(Path("x.yaml"), "a:\n  b: 1\n")
    location = document.location("/a/nope/deeper")
    assert (location.line, location.pointer) == (2, "/a/nope/deeper")


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
