import dataclasses
from pathlib import Path

import jinja2
import pytest

from generator import ir
from generator import render as render_module
from generator.cache import Cache
from generator.escape import SpecText, UnescapedSpecText
from generator.load import load_document
from generator.model import build_api
from generator.render import OUTPUTS, _environment, render

from .conftest import SPEC


def test_every_output_kind_is_rendered() -> None:
    api = build_api(load_document(SPEC), "primotexto")[0]
    files = render(api)
    assert set(files) == {o.format(package="primotexto") for _, o in OUTPUTS}


def test_document_text_printed_without_escaping_is_refused() -> None:
    api = build_api(load_document(SPEC), "primotexto")[0]
    template = _environment(api).from_string("{{ api.title }}")
    with pytest.raises(UnescapedSpecText):
        template.render(api=api)
    assert template.render(api=dataclasses.replace(api, title="plain")) == "plain"


def test_escaped_text_is_accepted() -> None:
    api = build_api(load_document(SPEC), "primotexto")[0]
    template = _environment(api).from_string("{{ t|literal }} {{ t|docstring }}")
    # Single quotes for a text holding a double quote: black's choice, fewer escapes.
    assert template.render(t=SpecText('a"b')) == "'a\"b' a\"b"


def test_rendering_is_deterministic() -> None:
    api = build_api(load_document(SPEC), "primotexto")[0]
    assert render(api) == render(build_api(load_document(SPEC), "primotexto")[0])
    assert isinstance(api, ir.Api)


def test_a_document_with_dates_only_imports_date_alone() -> None:
    from pathlib import Path

    from generator.load import parse_document

    text = """\
openapi: 3.1.0
info: {title: T, version: "1"}
paths:
  /a:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Day"}
      responses:
        "204": {description: done}
components:
  schemas:
    Day:
      type: object
      properties:
        day: {type: string, format: date}
"""
    files = render(build_api(parse_document(Path("t.yaml"), text), "pkg")[0])
    for module in ("pkg/models.py", "pkg/_operations.py"):
        imports = [line for line in files[module].splitlines() if line.startswith("from datetime")]
        assert imports in ([], ["from datetime import date"]), module
    assert "from datetime import date\n" in files["pkg/models.py"]


def _no_compiling(*args: object, **kwargs: object) -> None:
    raise AssertionError("a template was compiled")


def test_templates_are_compiled_once_per_installation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = build_api(load_document(SPEC), "primotexto")[0]
    monkeypatch.setattr(render_module, "COMPILED_TEMPLATES", tmp_path / "__pycache__")
    expected = render(api)  # no cache of the generator's own: still kept beside the templates
    entries = sorted((tmp_path / "__pycache__").iterdir())
    assert entries and not list(tmp_path.glob("__pycache__/*.tmp"))
    entries[0].write_bytes(entries[0].read_bytes()[:40])  # damaged: compiled anew
    assert render(api) == expected
    monkeypatch.setattr(jinja2.Environment, "compile", _no_compiling)
    assert render(api) == expected


def test_an_installation_that_cannot_be_written_keeps_them_in_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = build_api(load_document(SPEC), "primotexto")[0]
    (tmp_path / "read-only").write_text("a file, where a folder would be")
    monkeypatch.setattr(render_module, "COMPILED_TEMPLATES", tmp_path / "read-only" / "x")
    cache = Cache(tmp_path / "cache", key_file=tmp_path / "key")
    expected = render(api, cache=cache)
    assert list((tmp_path / "cache" / "templates").iterdir())
    monkeypatch.setattr(jinja2.Environment, "compile", _no_compiling)
    assert render(api, cache=cache) == expected
