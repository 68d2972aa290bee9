"""Formatting one top-level definition at a time gives the formatter's bytes, and is cached."""

from __future__ import annotations

from pathlib import Path

import pytest
from black import format_str
from black.mode import Mode, TargetVersion

from generator.cache import Cache, installed
from generator.formatting import TemplateError, chunks, format_files
from generator.load import load_document
from generator.model import build_api
from generator.render import render

from .conftest import SHARED_SPECS, SPEC

MODE = Mode(target_versions={TargetVersion.PY310}, line_length=100)


def test_chunks_keep_decorators_docstrings_and_brackets_with_their_definition() -> None:
    text = (
        '"""Module."""\n\nimport x\n\n@decorator\n@other(\n  1,\n)\ndef f():\n'
        '    """Doc\ndef not_a_cut():\n    """\n    return (\n1\n)\nclass C: pass\n'
    )
    pieces = chunks(text)
    assert [p.splitlines()[0] for p in pieces] == ['"""Module."""', "@decorator", "class C: pass"]
    assert "".join(pieces).replace("\n", "") == text.replace("\n", "")


@pytest.mark.parametrize(
    "spec", [SPEC, SHARED_SPECS / "feature-matrix-3.1.yaml", SHARED_SPECS / "petstore3.yaml"]
)
def test_piecewise_formatting_equals_formatting_whole_modules(spec: Path) -> None:
    api = build_api(load_document(spec), "pkg", lenient=True)[0]
    files = {path: text for path, text in render(api).items() if path.endswith(".py")}
    formatted = format_files(files)
    for path, text in files.items():
        assert formatted[path] == format_str(text, mode=MODE), path


def test_a_cached_piece_is_not_formatted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache(tmp_path)
    first = format_files({"a.py": "def f( ):\n  return 1\n"}, cache=cache)

    def no_black(texts: dict[str, str]) -> dict[str, str]:
        raise AssertionError(f"formatted again: {list(texts)}")

    monkeypatch.setattr("generator.formatting._black_format", no_black)
    assert format_files({"a.py": "def f( ):\n  return 1\n"}, cache=cache) == first
    assert first["a.py"] == "def f():\n    return 1\n"


def test_a_description_edit_keeps_the_validation_result(tmp_path: Path) -> None:
    from generator.load import parse_document
    from generator.validate import validate_document

    cache = Cache(tmp_path)
    text = SPEC.read_text(encoding="utf-8")
    validate_document(parse_document(SPEC, text), cache=cache)
    entries = set((tmp_path / "validate").iterdir())
    edited = text.replace("summary: Send a notification SMS\n", "summary: Send one SMS\n", 1)
    assert edited != text
    validate_document(parse_document(SPEC, edited), cache=cache)
    assert set((tmp_path / "validate").iterdir()) == entries  # no new validation was needed
    broken = text.replace("summary: Send a notification SMS\n", "summary: 5\n", 1)
    validate_document(parse_document(SPEC, broken), cache=cache, lenient=True)
    assert set((tmp_path / "validate").iterdir()) != entries  # a non-string is revalidated


def test_a_description_edit_is_formatted_from_the_cache_without_black(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.load import parse_document

    cache = Cache(tmp_path)
    text = SPEC.read_text(encoding="utf-8")
    format_files(render(build_api(parse_document(SPEC, text), "primotexto")[0]), cache=cache)
    edited = text.replace(
        "summary: Send a notification SMS\n",
        'summary: Send one "notification" SMS, now described at some length so that it wraps\n',
        1,
    )
    assert edited != text
    files = render(build_api(parse_document(SPEC, edited), "primotexto")[0])
    expected = format_files(files)  # no cache: every piece through black

    def no_black(texts: dict[str, str]) -> dict[str, str]:
        raise AssertionError(f"formatted again: {list(texts)}")

    monkeypatch.setattr("generator.formatting._black_format", no_black)
    assert format_files(files, cache=cache) == expected


def test_ruff_formats_each_module_as_ruff_format_does(tmp_path: Path) -> None:
    import subprocess
    import sys

    api = build_api(load_document(SHARED_SPECS / "petstore3.yaml"), "pkg", lenient=True)[0]
    files = {path: text for path, text in render(api).items() if path.endswith(".py")}
    formatted = format_files(files, formatter="ruff")
    ruff = Path(sys.executable).parent / "ruff"
    for path, text in files.items():
        whole = subprocess.run(
            [ruff, "format", "--isolated", "--line-length=100", "--target-version=py310", "-"],
            input=text,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert formatted[path] == whole, path


def test_ruff_names_the_file_whose_rendered_code_is_not_python() -> None:
    with pytest.raises(TemplateError, match=r"pkg/broken\.py:3:5"):
        format_files(
            {"pkg/ok.py": "x = 1\n", "pkg/broken.py": "x = 1\n\ndef (:\n"}, formatter="ruff"
        )


def test_a_tool_reinstalled_in_another_version_changes_its_cache_identity(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = tmp_path / "some_tool.py"
    module.write_text("VERSION = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = installed("some_tool")
    assert installed("some_tool") == before
    module.write_text("VERSION = 22\n")
    assert installed("some_tool") != before
    assert installed("no_such_tool_here") == "no_such_tool_here (not installed)"
