import os
import sys
from pathlib import Path

import pytest

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
    with pytest.raises(SpecError, match="unsupported OpenAPI version"):
        validate_document(parse_document(Path("t.yaml"), "swagger: '2.0'\n"))


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
