"""Only what the templates cannot promise goes through the formatter, and is cached."""

from __future__ import annotations

from pathlib import Path

import pytest
from black import format_str

from generator import formatting
from generator.cache import Cache, installed
from generator.formatting import (
    TemplateError,
    black_mode,
    format_files,
    parts,
    unsettled_lines,
    width,
)
from generator.load import load_document
from generator.model import build_api
from generator.render import render

from .conftest import SHARED_SPECS, SPEC

LONG_CALL = "    return some_function(" + ", ".join(f"argument_{i}" for i in range(12)) + ")\n"
SETTLED = 'def settled(value: int) -> int:\n    """Kept as written."""\n    return value\n'
UNSETTLED = "def unsettled() -> int:\n" + LONG_CALL


def test_parts_keep_decorators_docstrings_and_brackets_with_their_definition() -> None:
    text = (
        '"""Module."""\n\nimport x\n\n@decorator\n@other(\n  1,\n)\ndef f():\n'
        '    """Doc\ndef not_a_cut():\n    """\n    return (\n1\n)\nclass C: pass\n'
    )
    pieces = parts(text)
    assert [p.splitlines()[0] for p in pieces] == ['"""Module."""', "@decorator", "class C: pass"]
    assert "".join(pieces) == text


def test_a_class_is_cut_before_each_method() -> None:
    text = (
        'class C:\n    """Doc."""\n\n    x: int\n\n    @property\n    def a(self) -> int:\n'
        "        return 1\n\n    def b(self) -> None:\n        pass\n"
    )
    pieces = parts(text, "    ")
    assert [p.splitlines()[0] for p in pieces] == [
        "class C:",
        "    @property",
        "    def b(self) -> None:",
    ]
    assert "".join(pieces) == text


def test_a_line_too_long_is_unsettled_unless_black_cannot_change_it() -> None:
    text = SETTLED + "\n\n" + UNSETTLED
    assert unsettled_lines(text) == [text.index(LONG_CALL)]
    docstring = '    """' + " ".join(["word"] * 30) + '"""\n'
    assert unsettled_lines("def f() -> None:\n" + docstring) == []  # black keeps a docstring's text
    item = "        " + repr("x" * 100) + ",\n"  # an item black has nothing to split in
    assert unsettled_lines("VALUES = [\n" + item + "]\n") == []
    assert unsettled_lines("def f(\n    value: int = " + "1 + " * 30 + "1,\n) -> None:\n    pass\n")


def test_an_attributes_documentation_is_a_plain_string_to_black() -> None:
    long_last_line = "    " + "x" * 95 + '"""\n'  # too long with its quotes, for a docstring
    attribute = 'class A:\n    x: int\n    """Text.\n' + long_last_line
    assert unsettled_lines(attribute) == []
    assert format_str(attribute, mode=black_mode()) == attribute
    docstring = 'class A:\n    """Text.\n' + long_last_line + "\n    x: int\n"
    assert unsettled_lines(docstring) == [docstring.index('    """')]
    assert format_str(docstring, mode=black_mode()) != docstring
    escaped = 'class A:\n    x: int\n    """Text \\xAB."""\n'  # black writes hex digits lower case
    assert unsettled_lines(escaped) == [escaped.index('    """')]


def test_wide_characters_count_at_least_as_black_counts_them() -> None:
    from black.strings import str_width

    for line in ("plain", "éèàü ñ Ω Ж", "漢字かな", "emoji 🎉 and ☰", "e\u0301"):
        assert width(line) >= str_width(line), line
    assert width("éèàü") == 4  # counted exactly below U+1100


@pytest.fixture
def sent_to_black(monkeypatch: pytest.MonkeyPatch) -> list[formatting._Unit]:
    """The pieces black is given, as the run goes."""
    sent: list[formatting._Unit] = []
    real = formatting._black_format

    def recording(units: dict[str, formatting._Unit]) -> dict[str, str]:
        sent.extend(units.values())
        return real(units)

    monkeypatch.setattr(formatting, "_black_format", recording)
    return sent


def test_only_statements_with_unsettled_lines_go_through_black(
    sent_to_black: list[formatting._Unit],
) -> None:
    text = '"""Module."""\n\n\n' + SETTLED + "\n\n" + UNSETTLED
    formatted = format_files({"m.py": text, "README.md": LONG_CALL})
    assert [unit.text for unit in sent_to_black] == [LONG_CALL]  # the statement alone
    assert formatted["m.py"] == format_str(text, mode=black_mode())
    assert formatted["README.md"] == LONG_CALL
    sent_to_black.clear()
    assert format_files({"m.py": SETTLED}) == {"m.py": SETTLED}
    assert sent_to_black == []


def test_a_method_is_formatted_alone_within_its_class() -> None:
    method = "    def long(self) -> int:\n    " + LONG_CALL
    text = "class C:\n    x: int = 1\n\n    def short(self) -> int:\n        return 1\n\n" + method
    assert format_files({"m.py": text})["m.py"] == format_str(text, mode=black_mode())


LONG_NAME = "a_parameter_whose_name_is_long_enough_to_need_a_line_of_its_own_" * 2
STATEMENTS = {
    "signature": f"def f(a: int, {LONG_NAME}: int = 1) -> int:\n    return a\n",
    "decorated method": (
        "class C:\n    x: int = 1\n\n    @property\n    @other\n"
        f"    def f(self, {LONG_NAME}: int = 1) -> int:\n"
        '        """Doc."""\n        return 1\n'
    ),
    "nested blocks": (
        "def f(items: list[int]) -> list[int]:\n    if items:\n        for item in items:\n"
        f"            items = [{LONG_NAME}(item) for item in items if item]  # why\n"
        "    return items\n"
    ),
    "header of a loop": (
        f"for {LONG_NAME} in range(10) if something else range(20, 30, 2):\n    pass\n"
    ),
    "an elif line (its function whole)": (
        "def f(a: int) -> int:\n    if a:\n        return 1\n"
        f"    elif a > 1 and {LONG_NAME} and {LONG_NAME}:\n        return 2\n    return 3\n"
    ),
    "a docstring (its function whole)": (
        f'def f() -> None:\n    """{LONG_NAME}\n    """\n    return None\n'
    ),
    "an except handler": (
        "def f() -> None:\n    try:\n        pass\n    except ValueError:\n"
        f"        raise SomeError({LONG_NAME}, {LONG_NAME}) from None\n"
    ),
    "an argument of a call split one per line": (
        "def f() -> None:\n    return some_call(\n        first,\n"
        f"        {LONG_NAME}(argument, another_argument),\n        third=[1, 2],\n    )\n"
    ),
    "a parameter of a signature split one per line": (
        "class C:\n    def f(\n        self,\n        *,\n"
        f"        {LONG_NAME}: list[Alpha | Beta | Gamma] | None = None,\n"
        "    ) -> None:\n        pass\n"
    ),
    "items of literals and subscripts, nested": (
        "x: dict[\n    str,\n"
        f"    list[Alpha | Beta | {LONG_NAME}],\n] = {{\n"
        f'    "key": [\n        1,\n        {LONG_NAME}(1, 2),\n    ],\n'
        f'    **{{{LONG_NAME}, {LONG_NAME}}},\n    "set": {{\n        1,\n'
        f"        {LONG_NAME}[1, 2],\n    }},\n}}\n"
    ),
    "an item whose own list is split": (
        "x = f(\n    g(\n        1,\n        2,\n"
        f"    ).h({LONG_NAME}, {LONG_NAME}),\n    3,\n)\n"
    ),
    "two statements, one unit each": (
        f"x = [{LONG_NAME}, {LONG_NAME}]\ny = 1\nz = {{'{LONG_NAME}': {LONG_NAME}}}\n"
    ),
}


@pytest.mark.parametrize("text", STATEMENTS.values(), ids=STATEMENTS.keys())
def test_a_statement_formatted_alone_gives_blacks_bytes(text: str) -> None:
    assert unsettled_lines(text)
    formatted = format_files({"m.py": text})["m.py"]
    assert formatted == format_str(text, mode=black_mode()) != text


def test_a_long_line_in_a_long_method_sends_black_only_its_statement(
    sent_to_black: list[formatting._Unit],
) -> None:
    text = STATEMENTS["decorated method"] + "".join(
        f"\n    def g{n}(self) -> int:\n        return {n}\n" for n in range(50)
    )
    assert format_files({"m.py": text})["m.py"] == format_str(text, mode=black_mode())
    assert [formatting._source(unit) for unit in sent_to_black] == [
        f"if _:\n    @property\n    @other\n    def f(self, {LONG_NAME}: int = 1) -> int:\n"
        "        pass\n"
    ]
    sent_to_black.clear()
    text = STATEMENTS["a parameter of a signature split one per line"]
    assert format_files({"m.py": text})["m.py"] == format_str(text, mode=black_mode())
    assert [
        formatting._source(unit) for unit in sent_to_black
    ] == [  # the parameter alone, within a signature of the same depth
        f"if _:\n    def _(\n        _,\n        {LONG_NAME}: list[Alpha | Beta | Gamma]"
        " | None = None,\n    ):\n        pass\n"
    ]


@pytest.mark.parametrize(
    "spec", [SPEC, SHARED_SPECS / "feature-matrix-3.1.yaml", SHARED_SPECS / "petstore3.yaml"]
)
def test_formatting_the_rendered_code_gives_blacks_bytes(spec: Path) -> None:
    api = build_api(load_document(spec), "pkg", lenient=True)[0]
    files = {path: text for path, text in render(api).items() if path.endswith(".py")}
    formatted = format_files(files)
    for path, text in formatted.items():
        assert text == format_str(text, mode=black_mode()), path


def test_a_cached_piece_is_not_formatted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache(tmp_path)
    first = format_files({"a.py": UNSETTLED}, cache=cache)
    assert first["a.py"] == format_str(UNSETTLED, mode=black_mode()) != UNSETTLED

    def no_black(units: dict[int, object]) -> dict[int, str]:
        raise AssertionError(f"formatted again: {list(units.values())}")

    monkeypatch.setattr("generator.formatting._black_format", no_black)
    assert format_files({"a.py": UNSETTLED}, cache=cache) == first


def test_a_file_rendered_as_last_time_is_not_planned_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache(tmp_path)
    files = {"a.py": UNSETTLED, "b.py": SETTLED}
    first = format_files(files, cache=cache)
    assert first["a.py"] != UNSETTLED and first["b.py"] == SETTLED
    changed = {"a.py": UNSETTLED, "b.py": SETTLED + "\n\nx = 1\n"}
    expected = format_files(changed)  # without a cache
    looked_at: list[str] = []
    real = formatting.unsettled_lines

    def spying(text: str) -> list[int]:
        looked_at.append(text)
        return real(text)

    monkeypatch.setattr(formatting, "unsettled_lines", spying)
    assert format_files(files, cache=cache) == first
    assert looked_at == []  # both from the cache, as whole files
    assert format_files(changed, cache=cache) == expected
    assert looked_at == [changed["b.py"]]

    # Another version of the planner (this module) does not take the files of this one.
    monkeypatch.setattr(formatting, "installed", lambda module: f"{module} changed")
    looked_at.clear()
    assert format_files(files, cache=cache) == first
    assert sorted(looked_at) == sorted(files.values())


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
    expected = format_files(files)  # no cache: every unsettled piece through black

    def no_black(units: dict[int, object]) -> dict[int, str]:
        raise AssertionError(f"formatted again: {list(units.values())}")

    monkeypatch.setattr("generator.formatting._black_format", no_black)
    assert format_files(files, cache=cache) == expected


def test_ruff_formats_what_is_unsettled_as_ruff_format_does() -> None:
    import subprocess
    import sys

    text = '"""Module."""\n\n\n' + SETTLED + "\n\n" + UNSETTLED
    formatted = format_files({"m.py": text}, formatter="ruff")
    ruff = Path(sys.executable).parent / "ruff"
    whole = subprocess.run(
        [ruff, "format", "--isolated", "--line-length=100", "--target-version=py310", "-"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert formatted["m.py"] == whole != text


def test_ruff_names_the_file_whose_rendered_code_is_not_python() -> None:
    broken = "x = 1\n\ndef (:\n" + LONG_CALL
    with pytest.raises(TemplateError, match=r"pkg/broken\.py:\d+:\d+"):
        format_files({"pkg/ok.py": "x = 1\n", "pkg/broken.py": broken}, formatter="ruff")


def test_black_names_the_file_whose_rendered_code_is_not_python() -> None:
    broken = "x = 1\n\ndef (:\n" + LONG_CALL
    with pytest.raises(TemplateError, match=r"pkg/broken\.py"):
        format_files({"pkg/ok.py": "x = 1\n", "pkg/broken.py": broken})


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
