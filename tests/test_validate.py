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
