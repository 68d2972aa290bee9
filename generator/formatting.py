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

Each top-level definition holding an unsettled line (or, in a class, each
method) is formatted alone, by black or, when chosen, by `ruff format` (faster;
its output differs slightly from black's); everything else is written as
rendered. Formatted definitions are cached by content.
"""

from __future__ import annotations

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
    plans: dict[str, list[str | _Unit]] = {}
    for path, text in files.items():
        if PurePosixPath(path).suffix == ".py":
            lines = unsettled_lines(text)
            if lines:
                plans[path] = _plan(path, text, lines)
    if not plans:
        return files
    identity = _identity(formatter)
    units = [part for plan in plans.values() for part in plan if isinstance(part, _Unit)]
    known = {path: _entries(cache.get("pieces", key(identity, "pieces", path))) for path in plans}
    kept: dict[str, dict[str, str]] = {path: {} for path in plans}
    results: dict[int, str] = {}
    pending: dict[int, _Unit] = {}
    for unit in units:
        entry = key(identity, unit.kind, unit.text)
        hit = known[unit.path].get(entry)
        if hit is not None:
            results[id(unit)] = kept[unit.path][entry] = hit
        else:
            pending[id(unit)] = unit
    progress.count(len(units) - len(pending), len(units), "definitions")
    if pending:
        run = _ruff_format if formatter == "ruff" else _black_format
        for number, (unit_id, text) in enumerate(run(pending).items(), start=1):
            unit = pending[unit_id]
            results[unit_id] = kept[unit.path][key(identity, unit.kind, unit.text)] = text
            progress.count(len(units) - len(pending) + number, len(units), "definitions")
    formatted = dict(files)
    for path, plan in plans.items():
        formatted[path] = "".join(
            part if isinstance(part, str) else results[id(part)] + part.after for part in plan
        )
        if kept[path] != known[path]:
            cache.put("pieces", key(identity, "pieces", path), json.dumps(kept[path]))
    return formatted


class _Unit:
    """A definition to format: a top-level one (`kind` "module"), or a method ("member",
    formatted inside a class of its own). `text` ends with one newline; `after` is the
    blank lines that followed it, kept as they are."""

    __slots__ = ("after", "kind", "path", "text")

    def __init__(self, path: str, kind: str, text: str, after: str) -> None:
        self.path = path
        self.kind = kind
        self.text = text
        self.after = after


def _plan(path: str, text: str, unsettled: list[int]) -> list[str | _Unit]:
    """`text` as parts kept as they are (strings) and definitions to format (units)."""
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
                if any(member_offset <= line < member_end for line in here):
                    kind = "module" if member_offset == offset else "member"
                    plan.append(_unit(path, kind, member))
                else:
                    plan.append(member)
                member_offset = member_end
        else:
            plan.append(_unit(path, "module", part))
        offset = end
    return plan


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
    return _HOLDER + unit.text if unit.kind == "member" else unit.text


def _result(unit: _Unit, formatted: str) -> str:
    if unit.kind == "member":
        if not formatted.startswith(_HOLDER):
            raise TemplateError(f"{unit.path}: a method did not format as one: {unit.text[:80]}")
        return formatted[len(_HOLDER) :]
    return formatted


def _black_format(units: dict[int, _Unit]) -> dict[int, str]:
    items = sorted(units.items(), key=lambda item: -len(item[1].text))  # longest first
    workers = min(os.cpu_count() or 1, len(items))
    if workers > 1 and sum(len(u.text) for u in units.values()) > _PARALLEL_ABOVE:
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context

        # Forked workers share the already imported black.
        with ProcessPoolExecutor(
            workers, mp_context=get_context("fork"), initializer=_leave_interrupts_to_the_parent
        ) as pool:
            return dict(pool.map(_black_one, items, chunksize=1))
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


def _black_one(item: tuple[int, _Unit]) -> tuple[int, str]:
    from black import format_str
    from black.parsing import InvalidInput

    unit_id, unit = item
    try:
        return unit_id, _result(unit, format_str(_source(unit), mode=black_mode()))
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


def _ruff_format(units: dict[int, _Unit]) -> dict[int, str]:
    """One `ruff format` process for every definition: starting one each costs more than it."""
    with tempfile.TemporaryDirectory(prefix="openapi-clientgen-") as temporary:
        folder = Path(temporary)
        names = {unit_id: f"piece{index}.py" for index, unit_id in enumerate(units)}
        for unit_id, unit in units.items():
            (folder / names[unit_id]).write_text(_source(unit), encoding="utf-8")
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
            for unit_id, name in names.items():  # ruff names its temporary copies
                message = re.sub(rf"\b{re.escape(name)}\b", units[unit_id].path, message)
            raise TemplateError(
                f"ruff format failed; the rendered code is not valid Python: {message}"
            )
        return {
            unit_id: _result(units[unit_id], (folder / name).read_text(encoding="utf-8"))
            for unit_id, name in names.items()
        }
