"""Fragments of templates kept between runs (`generator.fragments`): a render that takes
them from the cache gives exactly what a render without a cache gives, whatever changed
in the document between the runs, and renders again only what the change touched."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest

from generator import ir
from generator import render as render_module
from generator.cache import Cache
from generator.load import parse_document
from generator.model import build_api
from generator.render import TEMPLATES, render

DOCUMENT = """\
openapi: 3.1.0
info: {title: Paints, version: "1"}
servers: [{url: "https://paints.example"}]
paths:
  /stock:
    get:
      operationId: getStock
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Stock"}
  /paints:
    get:
      operationId: listPaints
      summary: The paints of one colour.
      parameters:
        - {name: colour, in: query, required: true, schema: {$ref: "#/components/schemas/Colour"}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Paint"}}
    post:
      operationId: addPaint
      summary: Add a paint.
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Paint"}
      responses:
        "204": {description: added}
components:
  schemas:
    Colour:
      type: string
      enum: [red, green]
    Paint:
      type: object
      required: [name]
      properties:
        name: {type: string, description: What the tin says.}
        colour: {$ref: "#/components/schemas/Colour", default: green}
        size: {type: integer, description: Litres.}
    Stock:
      type: object
      properties:
        tins: {type: integer, description: Tins on the shelf.}
"""

# Each edit applies to the document as the edits before it left it.
EDITS = [
    ("a field's description", "description: Litres.", "description: Litres in the tin."),
    ("a model's own", "description: Tins on the shelf.", "description: Tins in the shop."),
    ("an operation's summary", "summary: Add a paint.", "summary: Add one paint."),
    ("a value added to an enum", "enum: [red, green]", "enum: [red, green, blue]"),
    ("an enum's values reordered", "enum: [red, green, blue]", "enum: [blue, red, green]"),
    ("a field's type", "size: {type: integer,", "size: {type: string,"),
    ("a field made required", "required: [name]", "required: [name, size]"),
    ("an operation's name", "operationId: addPaint", "operationId: createPaint"),
]

FRAGMENT_MACROS = {"method", "builder", "model_class", "enum_class"}


def _api(text: str) -> ir.Api:
    return build_api(parse_document(Path("openapi.yaml"), text), "paints")[0]


@pytest.fixture
def rendered_fragments(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """How many times each fragment macro ran (as opposed to being taken from the cache)."""
    ran: Counter[str] = Counter()
    invoke = jinja2.runtime.Macro._invoke

    def counting(self: jinja2.runtime.Macro, arguments: list[object], autoescape: bool) -> str:
        if self.name in FRAGMENT_MACROS:
            ran[self.name] += 1
        return invoke(self, arguments, autoescape)  # type: ignore[no-any-return]

    monkeypatch.setattr(jinja2.runtime.Macro, "_invoke", counting)
    yield ran


def test_each_edit_renders_what_a_render_without_cache_renders(
    tmp_path: Path, rendered_fragments: Counter[str]
) -> None:
    cache = Cache(tmp_path / "cache", key_file=tmp_path / "key")
    text = DOCUMENT
    assert render(_api(text), cache=cache) == render(_api(text))
    for what, old, new in EDITS:
        assert old in text, what
        text = text.replace(old, new)
        rendered_fragments.clear()
        warm = render(_api(text), cache=cache)
        ran = dict(rendered_fragments)
        assert warm == render(_api(text)), what
        assert ran, f"{what}: nothing rendered again"


def test_a_description_edit_renders_only_its_own_fragment(
    tmp_path: Path, rendered_fragments: Counter[str]
) -> None:
    cache = Cache(tmp_path / "cache", key_file=tmp_path / "key")
    render(_api(DOCUMENT), cache=cache)
    rendered_fragments.clear()
    render(_api(DOCUMENT), cache=cache)
    assert rendered_fragments == Counter()  # unchanged: every fragment from the cache

    edited = DOCUMENT.replace("description: Tins on the shelf.", "description: Tins in the shop.")
    render(_api(edited), cache=cache)
    assert rendered_fragments == Counter({"model_class": 1})

    # `addPaint` takes Paint's fields as its arguments, documented from their descriptions.
    rendered_fragments.clear()
    edited = edited.replace("description: Litres.", "description: Litres in the tin.")
    render(_api(edited), cache=cache)
    assert rendered_fragments == Counter({"model_class": 1, "method": 4, "builder": 1})

    summary = edited.replace("summary: Add a paint.", "summary: Add one paint.")
    rendered_fragments.clear()
    render(_api(summary), cache=cache)
    assert rendered_fragments == Counter({"method": 4, "builder": 1})  # sync, async, raw


def test_a_fragment_that_used_an_enum_is_rendered_again_when_the_enum_changes(
    tmp_path: Path, rendered_fragments: Counter[str]
) -> None:
    """Both operations' methods spell the enum's values out (`Literal["red", ...]`: the
    query parameter of `listPaints`, Paint's field as an argument of `addPaint`), and
    Paint's `colour` default names a member; none of their arguments shows either."""
    cache = Cache(tmp_path / "cache", key_file=tmp_path / "key")
    render(_api(DOCUMENT), cache=cache)
    rendered_fragments.clear()
    more = DOCUMENT.replace("enum: [red, green]", "enum: [red, green, blue]")
    files = render(_api(more), cache=cache)
    assert rendered_fragments == Counter(
        {"method": 8, "builder": 2, "model_class": 1, "enum_class": 1}
    )
    assert 'Literal["red", "green", "blue"]' in files["paints/_client.py"]
    assert files == render(_api(more))


def test_without_a_cache_every_fragment_is_rendered(rendered_fragments: Counter[str]) -> None:
    render(_api(DOCUMENT))
    render(_api(DOCUMENT))
    assert rendered_fragments == Counter(
        {"method": 24, "builder": 6, "model_class": 4, "enum_class": 2}
    )


def test_an_edited_template_is_not_served_its_old_fragments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache(tmp_path / "cache", key_file=tmp_path / "key")
    render(_api(DOCUMENT), cache=cache)
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates, ignore=shutil.ignore_patterns("__pycache__"))
    macros = templates / "macros" / "models.jinja"
    old = '"""Decode the API\'s JSON;'
    assert old in macros.read_text(encoding="utf-8")
    macros.write_text(macros.read_text(encoding="utf-8").replace(old, '"""Decode JSON;'))
    monkeypatch.setattr(render_module, "TEMPLATES", templates)
    files = render(_api(DOCUMENT), cache=cache)
    assert '"""Decode JSON;' in files["paints/models.py"]
    assert files == render(_api(DOCUMENT))


_CACHED = re.compile(r"cached\((\w+)")
_IMPORTED = re.compile(r'{%-? from "macros/[\w.]+" import ([\w, ]+?) -?%}')


def test_every_fragment_macro_is_imported_so_it_sees_only_its_arguments() -> None:
    """A macro defined in the template calling it would see that template's context (the
    whole `api`, its variables), which its kept text is not checked against."""
    for template in sorted(TEMPLATES.rglob("*.jinja")):
        if "__pycache__" in template.parts:
            continue
        source = template.read_text(encoding="utf-8")
        imported = {
            name.strip() for names in _IMPORTED.findall(source) for name in names.split(",")
        }
        for name in _CACHED.findall(source):
            assert name in imported, f"{template.relative_to(TEMPLATES)}: cached({name}, ...)"
