"""Stage 5: format the rendered Python files, in one pinned mode, mostly by leaving them be.

black is the formatter of record, in-process, with its mode fixed here (not read
from any configuration file), so the same templates give the same bytes on every
machine. But black formats some 1,500 lines a second, and a large document's
client has hundreds of thousands: so the templates lay code out as black does
(`templates/macros/layout.jinja`), and black only sees what they cannot promise.

`unsettled_lines` is the check, cheap and conservative. A template-made line
black could change is one too long for the line length (a shorter one is black's
own layout, or the templates are wrong, which the tests that run black over whole
outputs would show), except where black cannot change it either: a docstring's
text, and an item of a split list that has nothing to split (a lone name or
string). Docstrings are black's by construction (`escape.docstring_body`), and
string and number literals too (`escape.python_literal`).

The smallest piece holding an unsettled line that black lays out by itself is
formatted alone (see `_plan`): an item of a list split one per line, else a
statement or the header of a compound one, else the method or top-level
definition. It goes through black or, when chosen, `ruff format` (faster; its
output differs slightly from black's); everything else is written as rendered.
Formatted pieces are cached by content, and a piece that recurs (the sync and
async clients share signatures) is formatted once. A file rendered exactly as in
the last run is not looked at again: its formatted text is cached too, one entry
per output path.
"""

from __future__ import annotations

import ast
import bisect
import itertools
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from .cache import DISABLED, Cache, installed, key
from .docstrings import is_settled, is_settled_string
from .progress import SILENT, Progress

if TYPE_CHECKING:  # black is imported only when something is left to it
    import black

LINE_LENGTH = 100
TARGET = "py310"
FORMATTERS = ("black", "ruff")
# Below this much text, starting worker processes costs more than it saves.
_PARALLEL_ABOVE = 100_000


class TemplateError(Exception):
    """A template produced text that is not valid Python: a bug in the generator."""


class FormatterUnavailable(Exception):
    """The chosen formatter is not installed."""


def width(line: str) -> int:
    """At least the width black gives `line`: characters from U+1100 on counted twice.

    black counts East Asian wide characters as two columns (`black.strings.str_width`)
    and combining ones as none; none below U+1100 is wide, and counting every one
    from there on as two never says a line is shorter than black finds it, so a line
    said to fit does fit (Latin, Greek, Cyrillic and the like are counted exactly).
    """
    if line.isascii():
        return len(line)
    return len(line) + sum(1 for char in line if char >= "\u1100")


def fits(text: str, pad: str = "") -> bool:
    """Whether `text`, one line after the indentation `pad`, is within the line length."""
    return "\n" not in text and width(pad) + width(text) <= LINE_LENGTH


_LONG = re.compile(rf"^.{{{LINE_LENGTH + 1},}}$", re.MULTILINE)
_MAYBE_LONG = re.compile(rf"^.{{{LINE_LENGTH // 2 + 1},}}$", re.MULTILINE)  # wide characters
_DOCSTRING = re.compile(r'^[ ]*"""', re.MULTILINE)
_STRING = r"""r?(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')"""
_NAME = r"[A-Za-z_]\w*"
# An item of a split list black cannot split further: a name or a string, maybe as a
# keyword argument, as an entry of a dict (keyed by a string or a dotted name, which
# no parameter's annotation can be) or as the default of a parameter annotated with a
# plain name, with its comma.
_UNSPLITTABLE = re.compile(
    rf"[ ]*(?:(?:{_STRING}|{_NAME}(?:\.{_NAME})+): |{_NAME}=|{_NAME}: {_NAME} = )?"
    rf"(?:{_STRING}|{_NAME}(?:\.{_NAME})*),"
)


def unsettled_lines(text: str) -> list[int]:
    """The offsets in `text` (template output) of the lines black might change, in order.

    A docstring black would change (`docstrings.is_settled`); a line too long for the
    line length, unless it is the text of a docstring or an item black cannot split
    (`_UNSPLITTABLE`).
    """
    starts, ends, unsettled = _docstrings(text)
    found = (_LONG if text.isascii() else _MAYBE_LONG).finditer(text)
    for line in found:
        if width(line.group()) <= LINE_LENGTH or _UNSPLITTABLE.fullmatch(line.group()):
            continue
        at = bisect.bisect_right(starts, line.start()) - 1
        if at < 0 or line.start() >= ends[at]:  # not in a docstring, whose text black keeps
            unsettled.append(line.start())
    return sorted(unsettled)


def _docstrings(text: str) -> tuple[list[int], list[int], list[int]]:
    """Where the docstrings are (see `_docstring_spans`), and the offsets of the first
    lines of those black would change."""
    starts, ends = _docstring_spans(text)
    unsettled: list[int] = []
    for start, end in zip(starts, ends, strict=True):
        quotes = text.index('"""', start)
        literal = text[quotes:end]
        if end > len(text):  # never closed
            unsettled.append(start)
        elif _after_a_statement(text, start):
            if not is_settled_string(literal):
                unsettled.append(start)
        elif not is_settled(literal, text[start:quotes], LINE_LENGTH):
            unsettled.append(start)
    return starts, ends, unsettled


def _after_a_statement(text: str, start: int) -> bool:
    """Whether the line at `start` follows a statement of its block (is not the first):
    the line before, blank lines aside, is code that does not open a block.

    A comment on that line leaves it undecided, which counts as the first statement,
    whose docstring black reformats (`docstrings.is_settled` applies, the stricter)."""
    end = start - 1  # where the line before ends
    while end >= 0:
        begin = text.rfind("\n", 0, end) + 1
        previous = text[begin:end].rstrip()
        if previous:
            return not previous.endswith(":") and "#" not in previous
        end = begin - 1
    return False


def _docstring_spans(text: str) -> tuple[list[int], list[int]]:
    """Where the docstrings are (the triple-quoted strings that begin a line): the
    offsets of their first lines, and of their ends.

    Templates write triple quotes nowhere else, and nothing inside one: a docstring's
    text is escaped so that it holds no three quotes in a row (`escape.docstring_body`).
    """
    starts: list[int] = []
    ends: list[int] = []
    for opening in _DOCSTRING.finditer(text):
        if ends and opening.start() < ends[-1]:
            continue  # the closing line of the one before
        closing = text.find('"""', opening.end())
        starts.append(opening.start())
        if closing == -1:
            ends.append(len(text) + 3)
            break
        ends.append(closing + 3)
    return starts, ends


def format_files(
    files: dict[str, str],
    *,
    formatter: str = "black",
    cache: Cache = DISABLED,
    progress: Progress = SILENT,
) -> dict[str, str]:
    """Every `.py` file with its unsettled definitions formatted; other files as they are.

    `progress` is told of the definitions formatted.
    """
    if formatter not in FORMATTERS:
        raise ValueError(f"unknown formatter {formatter!r}; choose one of {FORMATTERS}")
    identity = _identity(formatter)
    # A whole file's formatting depends on this module's choices of pieces too.
    planner = f"{installed('generator.formatting')}, {installed('generator.docstrings')}"
    formatted = dict(files)
    plans: dict[str, list[str | _Unit]] = {}
    digests: dict[str, str] = {}  # of the files not as last run rendered them
    for path, text in files.items():
        if PurePosixPath(path).suffix != ".py":
            continue
        if cache.folder is not None:
            digest = key(text)
            done = _done(cache.get("files", key(identity, planner, path)), digest)
            if done is not None:  # rendered as last run: formatted as last run
                formatted[path] = done
                continue
            digests[path] = digest
        lines = unsettled_lines(text)
        if lines:
            plans[path] = _plan(path, text, lines)
    if plans:
        _format_plans(plans, formatted, identity, cache, progress, formatter)
    for path, digest in digests.items():
        cache.put("files", key(identity, planner, path), json.dumps([digest, formatted[path]]))
    return formatted


def _done(entry: str | None, digest: str) -> str | None:
    """The formatted text a cached file entry holds, if it was made from a file whose
    digest was `digest`."""
    try:
        made_from, text = json.loads(entry) if entry is not None else (None, None)
    except (ValueError, TypeError):
        return None
    return text if made_from == digest and isinstance(text, str) else None


def _format_plans(
    plans: dict[str, list[str | _Unit]],
    formatted: dict[str, str],
    identity: str,
    cache: Cache,
    progress: Progress,
    formatter: str,
) -> None:
    """Format the units of `plans` (from the cache, else with `formatter`), and put each
    planned file together in `formatted`."""
    units = [part for plan in plans.values() for part in plan if isinstance(part, _Unit)]
    known = {path: _entries(cache.get("pieces", key(identity, "pieces", path))) for path in plans}
    entries = {id(unit): key(identity, unit.kind, unit.text) for unit in units}
    results: dict[str, str] = {}  # cache entry → formatted text
    pending: dict[str, _Unit] = {}  # the same piece recurs (sync and async clients): once
    for unit in units:
        entry = entries[id(unit)]
        hit = known[unit.path].get(entry)
        if hit is not None:
            results[entry] = hit
        elif entry not in results:
            pending.setdefault(entry, unit)
    progress.count(0, len(pending), "pieces")
    if pending:
        run = _ruff_format if formatter == "ruff" else _black_format
        for number, (entry, text) in enumerate(run(pending).items(), start=1):
            results[entry] = text
            progress.count(number, len(pending), "pieces")
    for path, plan in plans.items():
        kept: dict[str, str] = {}
        pieces: list[str] = []
        for part in plan:
            if isinstance(part, str):
                pieces.append(part)
            else:
                entry = entries[id(part)]
                kept[entry] = results[entry]
                pieces.extend((results[entry], part.after))
        formatted[path] = "".join(pieces)
        if kept != known[path]:
            cache.put("pieces", key(identity, "pieces", path), json.dumps(kept))


class _Unit:
    """A piece to format (see `_surroundings` for what it is formatted within): a top-level
    definition (`kind` "module"), a method ("member"), a statement ("statement"), the
    header of a compound statement ("header"), or an item of a list split one per line
    (the kind of list: "call", "parameters", ...). `text` is whole lines and ends with one
    newline; `after` is the blank lines that followed a definition, kept as they are."""

    __slots__ = ("after", "kind", "path", "text")

    def __init__(self, path: str, kind: str, text: str, after: str) -> None:
        self.path = path
        self.kind = kind
        self.text = text
        self.after = after


def _plan(path: str, text: str, unsettled: list[int]) -> list[str | _Unit]:
    """`text` as parts kept as they are (strings) and pieces to format (units): the
    definitions (methods, in a class) holding the `unsettled` lines, or within them the
    statements or list items holding them (`_statements`)."""
    plan: list[str | _Unit] = []
    offset = 0
    for part in parts(text):
        end = offset + len(part)
        here = unsettled[bisect.bisect_left(unsettled, offset) : bisect.bisect_left(unsettled, end)]
        if not here:
            plan.append(part)
        elif _is_class(part) and "\n    def " in part:
            # A class: only its methods holding an unsettled line are formatted.
            member_offset = offset
            for member in parts(part, "    "):
                member_end = member_offset + len(member)
                lines = [
                    line - member_offset for line in here if member_offset <= line < member_end
                ]
                if lines:
                    kind = "module" if member_offset == offset else "member"
                    plan.extend(_statements(_unit(path, kind, member), lines))
                else:
                    plan.append(member)
                member_offset = member_end
        else:
            plan.extend(_statements(_unit(path, "module", part), [line - offset for line in here]))
        offset = end
    return plan


def _statements(unit: _Unit, unsettled: list[int]) -> list[str | _Unit]:
    """`unit` as its statements holding the `unsettled` lines (offsets in `unit.text`), to
    format alone, and the text around them kept as it is; or `unit` whole, where a line is
    not within a statement that can be formatted alone (a docstring, an `else:` line).

    black lays out each statement (or the header of a compound one: a signature) by itself,
    from the statement and its depth alone, so formatting one within as many `if _:` as
    its depth gives the bytes formatting the whole unit would give it. A long line in a
    method of hundreds of lines is then a few lines for black, not the method.
    """
    source = _source(unit)
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return [unit]  # black names the problem
    shift = len(source) - len(unit.text)  # the class line a method is parsed within
    lines = source.splitlines(keepends=True)
    starts = [0, *itertools.accumulate(len(line) for line in lines)]
    spans: list[tuple[int, int, str]] = []
    for offset in unsettled:
        line = bisect.bisect_right(starts, offset + shift)  # 1-based, as ast's
        span = _statement_span(tree.body, line, source, starts)
        if span is None:
            return [unit]
        spans.append(_item_span(lines, line, span) or span)
    pieces: list[str | _Unit] = []
    at = 0
    for first, last, kind in _outermost(spans):
        begin, end = starts[first - 1] - shift, starts[last] - shift
        if _BLANK_LINES.search(unit.text, begin, end):
            return [unit]  # a string of several lines: black's blank lines would be unknown
        pieces.append(unit.text[at:begin])
        pieces.append(_Unit(unit.path, kind, unit.text[begin:end], ""))
        at = end
    pieces.append(unit.text[at:] + unit.after)
    return [piece for piece in pieces if piece != ""]


_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")

# Compound statements whose header can be formatted above a `pass` (not `elif`, `else:`,
# `except`, `case`, whose lines do not begin a statement).
_HEADERS = ("def ", "async def ", "class ", "@", "if ", "for ", "async for ", "while ", "with ",
            "async with ")  # fmt: skip


def _statement_span(
    body: list[ast.stmt], line: int, source: str, starts: list[int]
) -> tuple[int, int, str] | None:
    """The first and last lines of the statement in `body` holding `line` that black can
    format alone, or None: a "statement", or the "header" of a compound statement."""
    for node in body:
        first = min([node.lineno, *(d.lineno for d in _decorators(node))])
        if not first <= line <= (node.end_lineno or node.lineno):
            continue
        text = source[starts[first - 1] : starts[node.end_lineno or node.lineno]]
        if text[: len(text) - len(text.lstrip(" "))] != " " * node.col_offset:
            return None  # does not begin its line
        blocks = _blocks(node)
        if not blocks:
            is_string = isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
            if is_string or node.col_offset % 4 or not _ends_its_line(node, text):
                return None  # a docstring to black, or shares a line
            return first, node.end_lineno or node.lineno, "statement"
        header_end = blocks[0][0].lineno - 1
        if line <= header_end:
            header = source[starts[first - 1] : starts[header_end]]
            if not header.lstrip().startswith(_HEADERS) or not header.rstrip().endswith(":"):
                return None
            return (first, header_end, "header") if node.col_offset % 4 == 0 else None
        return next(
            (span for block in blocks if (span := _statement_span(block, line, source, starts))),
            None,
        )
    return None


# How an item of a list split one per line is formatted alone: within a list of the same
# kind, after an item of its own, `_`, so that the list has the several items black always
# keeps split one per line. (head, that first item, tail)
_LISTS = {
    "call": ("_(", "_", ")"),
    "subscript": ("_[", "_", "]"),
    "list": ("[", "_", "]"),
    "dict": ("{", "_: _", "}"),
    "set": ("{", "_", "}"),
    "parameters": ("def _(", "_", "):"),
}


def _item_span(
    lines: list[str], line: int, statement: tuple[int, int, str]
) -> tuple[int, int, str] | None:
    """The first and last lines of the innermost item holding `line` (1-based) of a list
    in `statement` split one item per line with a trailing comma, and the list's kind; or
    None, if `line` is in none.

    black splits such a list (a call's arguments, a signature's parameters, a subscript,
    a literal) at its commas, one item per line, and then lays out each of those lines by
    itself, from the line and its depth alone: so an item formatted alone within a list of
    the same kind gives the same lines. The templates lay these lists out as black does,
    so the lines show them: an item begins at its list's indentation plus four, and its
    other lines are indented further or close a bracket at that indentation.
    """
    first, last, _ = statement
    lowest = _indentation(lines[first - 1]) + 4
    column = _indentation(lines[line - 1])
    while column >= lowest:
        span = _item_at(lines, line, column, first, last)
        if span is not None:
            return span
        column -= 4
    return None


def _item_at(
    lines: list[str], line: int, column: int, first: int, last: int
) -> tuple[int, int, str] | None:
    start = line  # the item's first line: the nearest one at `column` not closing a bracket
    while _indentation(lines[start - 1]) != column or lines[start - 1][column] in ")]}":
        start -= 1
        if start <= first or _indentation(lines[start - 1]) < column:
            return None
    opener = start - 1  # the list's first line: the nearest one indented less
    while _indentation(lines[opener - 1]) >= column:
        opener -= 1
    end = line  # the item's last line: at `column`, ending with the comma
    while not (_indentation(lines[end - 1]) == column and lines[end - 1].rstrip().endswith(",")):
        end += 1
        if end > last or _indentation(lines[end - 1]) < column:
            return None
        if _indentation(lines[end - 1]) == column and lines[end - 1][column] not in ")]}":
            return None  # another item began: this one has no comma of its own
    kind = _list_kind(lines[opener - 1], "".join(lines[start - 1 : end]))
    if kind is None or _indentation(lines[opener - 1]) != column - 4 or column % 4:
        return None
    return start, end, kind


def _list_kind(opener: str, item: str) -> str | None:
    """Which kind of list `opener` (its first line) begins, or None if not one of `_LISTS`."""
    code = opener.rstrip("\n")
    before = code[-2:-1]
    is_named = before.isidentifier() or before.isdigit() or before in ")]"
    if code.endswith("(") and code.lstrip().startswith(("def ", "async def ")):
        return "parameters" if code.count("(") == 1 else None
    if code.endswith("("):
        return "call" if is_named and not code.lstrip().startswith("class ") else None
    if code.endswith("["):
        return "subscript" if is_named else "list"
    if code.endswith("{"):
        return "dict" if _parses("{_: _,\n" + item + "}") else "set"
    return None


def _parses(source: str) -> bool:
    try:
        ast.parse(source)
    except SyntaxError:
        return False
    return True


def _indentation(line: str) -> int:
    return len(line) - len(line.lstrip(" ")) if line.strip() else 1 << 20


def _outermost(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`spans` in order without those within another (the lists nest)."""
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda span: (span[0], -span[1])):
        if not kept or span[0] > kept[-1][1]:
            kept.append(span)
    return kept


def _decorators(node: ast.stmt) -> list[ast.expr]:
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return node.decorator_list
    return []


def _blocks(node: ast.stmt) -> list[list[ast.stmt]]:
    """The blocks of statements within a compound statement, in order; none for a simple one."""
    blocks: list[list[ast.stmt]] = []
    for field in ("body", "orelse", "handlers", "finalbody", "cases"):
        value = getattr(node, field, None)
        if isinstance(value, list) and value:
            if isinstance(value[0], ast.stmt):
                blocks.append(value)
            else:  # except handlers and match cases hold blocks of their own
                blocks.extend(inner.body for inner in value)
    return blocks


def _ends_its_line(node: ast.stmt, text: str) -> bool:
    """Whether nothing but a comment follows `node` on its last line (`text` is its lines)."""
    last = text.splitlines()[-1].encode("utf-8")
    rest = last[node.end_col_offset or 0 :].decode("utf-8", errors="replace").strip()
    return rest == "" or rest.startswith("#")


def _is_class(part: str) -> bool:
    """Whether a top-level part is a class, decorated or not."""
    for line in part.split("\n", 8)[:8]:
        if not line.startswith("@"):
            return line.startswith("class ")
    return False


def _unit(path: str, kind: str, part: str) -> _Unit:
    text = part.rstrip("\n") + "\n"
    return _Unit(path, kind, text, part[len(text) :])


def _entries(entry: str | None) -> dict[str, str]:
    """A cached file's formatted definitions, {cache key: text}; anything else is a miss."""
    try:
        pieces = json.loads(entry) if entry is not None else {}
    except ValueError:
        return {}
    if isinstance(pieces, dict) and all(isinstance(v, str) for v in pieces.values()):
        return pieces
    return {}


_DEFINITION = ("def ", "async def ", "class ", "@")


def parts(text: str, indent: str = "") -> list[str]:
    """`text` cut before each definition at `indent` (with its decorators); joined, the
    parts are `text`.

    The formatter puts two blank lines around every top-level definition, and one
    between methods, so formatting the parts apart gives the same bytes as formatting
    the whole module. At `indent`, the first part is what comes before the first
    definition (a class's line, docstring and attributes).

    Only the lines that begin at `indent` are looked at (a regular expression finds
    them): in code laid out as black does, the lines an expression or a signature
    continues on are indented further, or begin with the closing bracket; and the
    text of a docstring, which can begin anywhere, is skipped (see `_docstrings`).
    """
    starts, ends = _docstring_spans(text)
    definitions = tuple(indent + start for start in _DEFINITION)
    decorator = indent + "@"
    cuts = [0]
    in_decorators = False
    for line in _lines_at(indent).finditer(text):
        at = line.start()
        inside = bisect.bisect_right(starts, at) - 1
        if inside >= 0 and starts[inside] < at < ends[inside]:
            continue  # the text of a docstring
        if text.startswith(definitions, at):
            if not in_decorators and text[cuts[-1] : at].strip():
                cuts.append(at)
            in_decorators = text.startswith(decorator, at)
        elif text[at + len(indent)] not in ")]}":  # a closing bracket continues a statement
            in_decorators = False
    cuts.append(len(text))
    return [text[start:end] for start, end in itertools.pairwise(cuts) if end > start]


_LINES_AT: dict[str, re.Pattern[str]] = {}


def _lines_at(indent: str) -> re.Pattern[str]:
    """The lines beginning exactly at `indent` (not blank, not indented further)."""
    if indent not in _LINES_AT:
        _LINES_AT[indent] = re.compile(rf"^{indent}[^ \n]", re.MULTILINE)
    return _LINES_AT[indent]


def _identity(formatter: str) -> str:
    if formatter == "black":
        return f"{installed('black')} line-length={LINE_LENGTH} target={TARGET}"
    return f"ruff {_ruff_version()} line-length={LINE_LENGTH} target={TARGET}"


# A method is formatted as the only one of a class of this name, which is then taken off.
_HOLDER = "class _:\n"


def _source(unit: _Unit) -> str:
    before, after = _surroundings(unit)
    return before + unit.text + after


def _surroundings(unit: _Unit) -> tuple[str, str]:
    """What `unit` is formatted within, before and after it: nothing for a top-level
    definition, a class for a method, `if _:` blocks reaching a statement's depth (and a
    body of `pass` after a header), a list of the same kind for an item of a list."""
    if unit.kind == "member":
        return _HOLDER, ""
    depth = _indentation(unit.text) // 4
    if unit.kind in ("statement", "header"):
        body = "    " * (depth + 1) + "pass\n" if unit.kind == "header" else ""
        return _opening(depth), body
    if unit.kind in _LISTS:
        head, item, tail = _LISTS[unit.kind]
        outer = "    " * (depth - 1)
        body = "    " * depth + "pass\n" if unit.kind == "parameters" else ""
        return f"{_opening(depth - 1)}{outer}{head}\n{outer}    {item},\n", f"{outer}{tail}\n{body}"
    return "", ""


def _opening(depth: int) -> str:
    return "".join("    " * level + "if _:\n" for level in range(depth))


def _result(unit: _Unit, formatted: str) -> str:
    """`unit` as formatted, from the formatter's output for `_source(unit)`."""
    before, after = _surroundings(unit)
    if unit.kind not in ("module", "member"):
        # black puts a blank line before a definition within a block, and a statement or
        # an item has none of its own (`_statements`); the text before it has what black wants.
        formatted = _BLANK_LINES.sub("\n", formatted)
    if not formatted.startswith(before) or not formatted.endswith(after):
        raise TemplateError(f"{unit.path}: a piece did not format as one: {unit.text[:80]}")
    return formatted[len(before) : len(formatted) - len(after)]


def _black_format(units: dict[str, _Unit]) -> dict[str, str]:
    items = sorted(units.items(), key=lambda item: -len(item[1].text))  # longest first
    workers = min(os.cpu_count() or 1, len(items))
    if workers > 1 and sum(len(u.text) for u in units.values()) > _PARALLEL_ABOVE:
        import gc
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context

        import black  # noqa: F401  (imported once, here, for the forked workers to share)

        # Frozen, the objects the workers inherit are never visited by their garbage
        # collector, so their memory stays shared instead of being copied into each.
        gc.freeze()
        try:
            with ProcessPoolExecutor(
                workers, mp_context=get_context("fork"), initializer=_leave_interrupts_to_the_parent
            ) as pool:
                return dict(pool.map(_black_one, items, chunksize=1))
        finally:
            gc.unfreeze()
    return dict(map(_black_one, items))


def _leave_interrupts_to_the_parent() -> None:
    # Ctrl-C reaches every process of the group; the parent reports it, once.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def black_mode() -> black.Mode:
    """The one black mode of every run (and of the tests that hold the output to it)."""
    from black.mode import Mode, TargetVersion

    return Mode(
        target_versions={TargetVersion[TARGET.upper()]},
        line_length=LINE_LENGTH,
        string_normalization=True,
        magic_trailing_comma=True,
        preview=False,
    )


def _black_one(item: tuple[str, _Unit]) -> tuple[str, str]:
    from black import format_str
    from black.parsing import InvalidInput

    entry, unit = item
    try:
        return entry, _result(unit, format_str(_source(unit), mode=black_mode()))
    except InvalidInput as exc:
        raise TemplateError(f"{unit.path}: the rendered code is not valid Python: {exc}") from None


def _ruff_command() -> list[str]:
    executable = shutil.which("ruff", path=os.path.dirname(sys.executable)) or shutil.which("ruff")
    if executable is None:
        raise FormatterUnavailable("--formatter ruff needs ruff installed (pip install ruff)")
    return [executable]


def _ruff_version() -> str:
    result = subprocess.run(
        [*_ruff_command(), "--version"], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def _ruff_format(units: dict[str, _Unit]) -> dict[str, str]:
    """One `ruff format` process for every definition: starting one each costs more than it."""
    with tempfile.TemporaryDirectory(prefix="openapi-clientgen-") as temporary:
        folder = Path(temporary)
        names = {entry: f"piece{index}.py" for index, entry in enumerate(units)}
        for entry, unit in units.items():
            (folder / names[entry]).write_text(_source(unit), encoding="utf-8")
        command = [
            *_ruff_command(),
            "format",
            "--isolated",
            f"--line-length={LINE_LENGTH}",
            f"--target-version={TARGET}",
            ".",
        ]
        result = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            message = result.stderr.strip()
            for entry, name in names.items():  # ruff names its temporary copies
                message = re.sub(rf"\b{re.escape(name)}\b", units[entry].path, message)
            raise TemplateError(
                f"ruff format failed; the rendered code is not valid Python: {message}"
            )
        return {
            entry: _result(units[entry], (folder / name).read_text(encoding="utf-8"))
            for entry, name in names.items()
        }
