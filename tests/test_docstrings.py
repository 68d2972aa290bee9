"""`is_settled` must never claim that black leaves a docstring it would change."""

from __future__ import annotations

import pytest
from black import format_str
from black.mode import Mode, TargetVersion
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.docstrings import is_settled
from generator.escape import docstring_body
from generator.formatting import LINE_LENGTH

MODE = Mode(target_versions={TargetVersion.PY310}, line_length=LINE_LENGTH)


def in_function(literal: str, depth: int) -> str:
    """A module where `literal` is the docstring of a function nested `depth` levels deep."""
    lines = [f"{'    ' * level}class C{level}:" for level in range(depth)]
    indent = "    " * depth
    return "\n".join([*lines, f"{indent}def f():", f"{indent}    {literal}", ""])


@pytest.mark.parametrize(
    ("literal", "settled"),
    [
        ('"""Send one SMS."""', True),
        ('"""Send one SMS.\n\n    Longer text.\n    """', True),
        ('"""Send one SMS.\n\n    Closed after the text."""', True),
        ('"""Two lines.\n      indented more than the rest\n    """', False),
        ('""" Leading space."""', False),
        ('"""Trailing space. """', False),
        ('"""Ends with a quote\\""""', False),
        ('"""Ends with a backslash\\\\"""', False),  # left to black: a rule kept simple
        ('"""Escape \\xAB in upper case."""', False),
        ('"""Escape \\xab in lower case."""', True),
        ('"""Tab\there."""', False),
        ('"""Trailing space \n    on a line.\n    """', False),
        ('"""Blank line with spaces\n    \n    x\n    """', False),
        ('"""Line ' + "x" * 90 + "\n    " + "y" * 95 + '"""', False),
    ],
)
def test_is_settled_follows_blacks_docstring_rules(literal: str, settled: bool) -> None:
    assert is_settled(literal, "    ", LINE_LENGTH) is settled
    code = in_function(literal, 0)
    if settled:
        assert format_str(code, mode=MODE) == code


WORDS = st.lists(st.sampled_from(["Send", "one", "SMS.", "x" * 30, "é", "{{ x }}"]), min_size=1)
# Small changes, each of which one of black's docstring rules is about.
PERTURBATIONS = [
    lambda line: line + " ",
    lambda line: " " + line,
    lambda line: line + "\t",
    lambda line: line + '"',
    lambda line: '"' + line,
    lambda line: line + "\\",
    lambda line: line + "\\\\",
    lambda line: line + "\\xAB",
    lambda line: line + "\\N{bullet}",
    lambda line: line + "\xa0",
    lambda line: line + "\r",
    lambda line: "  " + line,
    lambda line: line + " " + "y" * 96,
    lambda line: "",
    lambda line: "    ",
]


@st.composite
def docstrings(draw: st.DrawFn) -> tuple[str, str, int]:
    """(literal, its indentation, depth): a docstring in black's form, perhaps slightly off."""
    depth = draw(st.integers(0, 2))
    indent = "    " * (depth + 1)
    lines = [" ".join(draw(WORDS)) for _ in range(draw(st.integers(1, 4)))]
    closing_alone = len(lines) > 1 and draw(st.booleans())
    for _ in range(draw(st.integers(0, 2))):
        index = draw(st.integers(0, len(lines) - 1))
        lines[index] = draw(st.sampled_from(PERTURBATIONS))(lines[index])
    body = ("\n" + indent).join(lines).replace(indent + "\n", "\n")
    return f'"""{body}' + (f"\n{indent}" if closing_alone else "") + '"""', indent, depth


@settings(max_examples=500, deadline=None)
@given(docstrings())
def test_black_leaves_every_settled_docstring_alone(case: tuple[str, str, int]) -> None:
    literal, indent, depth = case
    code = in_function(literal, depth)
    try:
        compile(code, "<docstring>", "exec")
    except (SyntaxError, ValueError):
        return
    if is_settled(literal, indent, LINE_LENGTH):
        assert format_str(code, mode=MODE) == code


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300), depth=st.integers(0, 2))
def test_plain_descriptions_come_out_of_docstring_body_settled(text: str, depth: int) -> None:
    indent = "    " * (depth + 1)
    body = docstring_body(text, indent=len(indent))
    literal = f'"""{body}"""' if "\n" not in body else f'"""{body}\n{indent}"""'
    code = in_function(literal, depth)
    if is_settled(literal, indent, LINE_LENGTH):
        assert format_str(code, mode=MODE) == code
    if text.isascii() and text.isalnum():
        assert is_settled(literal, indent, LINE_LENGTH)
