"""Docstrings set aside while code is formatted, so a prose edit needs no formatter.

Editing a description is the most common change to a document, and it changes
only docstrings. black leaves a docstring exactly as written when it is
already in black's form (`is_settled` says when, rule by rule). For such
docstrings, formatting a piece of code gives the same text as formatting its
*skeleton* (each docstring replaced by a placeholder of the same shape) and
putting the docstrings back. The format cache keys on skeletons, so a piece
whose only change is a description is found in the cache and black is not run.

Anything this module is not sure of (a docstring black would touch, a
placeholder it cannot find again) stays in the skeleton as written, which only
costs a cache miss.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass

_QUOTES = '"""'
_MARK = "@docstring-"
# Line breaks other than "\n" ("\r" to black, all of them to str.splitlines): left to black.
_OTHER_BREAKS = frozenset("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_BACKSLASH_NEWLINE = re.compile(r"\\\s*\n")  # black leaves such docstrings alone
# Escapes black rewrites: hex digits to lower case, character names to upper case.
_UNNORMAL_ESCAPE = re.compile(
    r"\\(u[0-9a-f]{0,3}[A-F]|U[0-9a-f]{0,7}[A-F]|x[0-9a-f]?[A-F]|N\{[^}]*[a-z][^}]*\})"
)


@dataclass(frozen=True)
class Skeleton:
    text: str
    """The piece with each settled docstring replaced by its placeholder."""
    docstrings: tuple[tuple[str, str], ...]
    """(placeholder literal, docstring literal) pairs, in order."""

    def restore(self, formatted: str) -> str | None:
        """`formatted` (this skeleton, formatted) with the docstrings put back."""
        for placeholder, literal in self.docstrings:
            if formatted.count(placeholder) != 1:
                return None
            formatted = formatted.replace(placeholder, literal)
        return formatted

    def mask(self, formatted: str) -> str | None:
        """The formatted skeleton, from the formatted piece: the inverse of `restore`."""
        for placeholder, literal in self.docstrings:
            if formatted.count(literal) != 1:
                return None  # black changed the docstring after all: do not remember this
            formatted = formatted.replace(literal, placeholder)
        return formatted


def skeleton(piece: str, line_length: int) -> Skeleton:
    """`piece` (valid Python source) with its settled docstrings set aside."""
    if _MARK in piece:  # the placeholders could not be found again unambiguously
        return Skeleton(piece, ())
    lines = piece.split("\n")  # as the parser counts lines (other breaks are escaped in strings)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    try:
        tree = ast.parse(piece)
    except SyntaxError:  # left to the formatter, which may accept it or says what is wrong
        return Skeleton(piece, ())
    found: list[tuple[int, int, str, str]] = []  # (start, end, placeholder, literal)
    for statement in _docstring_statements(tree):
        first = lines[statement.lineno - 1]
        indent = first.encode("utf-8")[: statement.col_offset].decode("utf-8")
        last = lines[(statement.end_lineno or statement.lineno) - 1]
        end_column = len(last.encode("utf-8")[: statement.end_col_offset or 0].decode("utf-8"))
        start = starts[statement.lineno - 1] + len(indent)
        end = starts[(statement.end_lineno or statement.lineno) - 1] + end_column
        literal = piece[start:end]
        if indent.strip(" ") or last[end_column:].strip():
            continue
        if not is_settled(literal, indent, line_length):
            continue
        found.append((start, end, _placeholder(len(found), indent, literal), literal))
    text = piece
    for start, end, placeholder, _ in sorted(found, reverse=True):
        text = text[:start] + placeholder + text[end:]
    return Skeleton(text, tuple((placeholder, literal) for _, _, placeholder, literal in found))


def _docstring_statements(tree: ast.Module) -> Iterator[ast.Expr]:
    """The docstrings of the module and of every class and function, nested ones too.

    Only statements are visited (no definition hides inside an expression), which
    is much quicker than `ast.walk`.
    """
    definitions = (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    bodies: list[tuple[list[ast.stmt], bool]] = [(tree.body, True)]  # (body, has a docstring slot)
    while bodies:
        body, has_slot = bodies.pop()
        first = body[0] if body else None
        if has_slot and isinstance(first, ast.Expr) and _is_text(first.value):
            yield first
        for statement in body:
            owner = isinstance(statement, definitions)
            for field in ("body", "orelse", "finalbody"):
                inner = getattr(statement, field, None)
                if isinstance(inner, list):
                    bodies.append((inner, owner and field == "body"))
            for part in [*getattr(statement, "handlers", []), *getattr(statement, "cases", [])]:
                bodies.append((part.body, False))


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _placeholder(index: int, indent: str, literal: str) -> str:
    """A docstring of the same shape: one line, or several, closed on a line of its own or not."""
    token = f"{_MARK}{index}"
    if "\n" not in literal:
        return f"{_QUOTES}{token}{_QUOTES}"
    closing = "" if literal.endswith(f"\n{indent}{_QUOTES}") else token
    return f"{_QUOTES}{token}\n{indent}{token}\n{indent}{closing}{_QUOTES}"


def is_settled(literal: str, indent: str, line_length: int) -> bool:
    """Whether black would leave this docstring literal, at this indentation, as it is.

    These are the cases of black's docstring handling (linegen.visit_STRING and
    strings.fix_multiline_docstring) under which it changes nothing.
    """
    if len(literal) < 7 or not (literal.startswith(_QUOTES) and literal.endswith(_QUOTES)):
        return False
    body = literal[3:-3]
    if _QUOTES in body:  # two literals side by side, or quotes black might re-escape
        return False
    if _OTHER_BREAKS.intersection(body) or "\t" in body:
        return False
    if _BACKSLASH_NEWLINE.search(body) or _UNNORMAL_ESCAPE.search(body):
        return False
    head, *rest = body.split("\n")
    # black strips the first line, and pads a text that starts with a quote.
    if not head or head != head.strip() or head.startswith('"'):
        return False
    if not rest:
        # One line: black strips it, and pads a text ending with a quote or a backslash.
        return not body.endswith(('"', "\\"))
    # Several lines: black re-indents the rest to `indent` (their common indentation
    # becomes `indent`), strips trailing whitespace and empties blank lines, except
    # the last, which holds the closing quotes' indentation.
    common = None
    for number, line in enumerate(rest, start=1):
        if not line.strip():
            if line != (indent if number == len(rest) else ""):
                return False
            continue
        if not line.startswith(indent) or line != line.rstrip():
            return False
        margin = len(line) - len(line.lstrip())
        common = margin if common is None else min(common, margin)
    if common != len(indent):
        return False
    last = rest[-1]
    if not last.strip():
        return True
    # Closing quotes after the text: black moves them to a line of their own when
    # they would make the line too long, and pads a quote or a backslash before them.
    return len(last) + len(_QUOTES) <= line_length and not last.endswith(('"', "\\"))
