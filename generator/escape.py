"""The one path by which text from a document reaches generated code.

Text read from a document is wrapped in `SpecText` by the model stage. The
template environment refuses to print a `SpecText` as it is: it has to go
through one of the filters below, each of which produces Python source that
means exactly the text and nothing else, whatever it contains (quotes, triple
quotes, template braces, backslashes, newlines, control characters).
"""

from __future__ import annotations

import functools
import math
import re
import textwrap
from typing import Any


class SpecText(str):
    """A string taken from the document; never trusted as code."""

    __slots__ = ()


class UnescapedSpecText(Exception):
    """A template printed document text without passing it through an escape filter."""


def python_literal(value: Any) -> str:
    """A Python expression equal to the JSON value `value`."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise ValueError(f"{value!r} is not a JSON number")
        # As black writes numbers: `1e+16` is `1e16` (repr's other forms are black's).
        return repr(float(value)).replace("e+", "e")
    if isinstance(value, str):
        return _string_literal(str(value))
    if isinstance(value, list):
        return "[" + ", ".join(python_literal(v) for v in value) + "]"
    if isinstance(value, tuple):
        items = [python_literal(v) for v in value]
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    if isinstance(value, dict):
        entries = (f"{_string_literal(str(k))}: {python_literal(v)}" for k, v in value.items())
        return "{" + ", ".join(entries) + "}"
    raise TypeError(f"cannot express {type(value).__name__} as a literal")


def regex_literal(pattern: str) -> str:
    """A regular expression as a raw string when that is exact, else as `python_literal`."""
    printable = all(c.isprintable() for c in pattern)
    trailing = len(pattern) - len(pattern.rstrip("\\"))
    if printable and trailing % 2 == 0:
        for quote in ('"', "'"):
            if quote not in pattern:
                return f"r{quote}{pattern}{quote}"
    return python_literal(pattern)


_STRING_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _string_literal(text: str) -> str:
    """`text` as black writes a string literal, so black leaves it as it is.

    Double quotes, unless the text holds more double quotes than single ones
    (black's rule: the quotes that need fewer escapes, double on a tie). Only
    the chosen quote and backslashes are escaped; line breaks, tabs and other
    control characters as `\\n`, `\\t`, `\\x1b`; lone surrogates (which cannot be
    written as UTF-8), format characters such as bidirectional overrides (which
    make source read other than it runs), U+2028/U+2029 and other invisible
    characters as Python escapes in lower case hex, which mean exactly the same
    text and show what is there. Non-ASCII text stays readable.
    """
    quote = "'" if text.count('"') > text.count("'") else '"'
    if text.isprintable() and "\\" not in text and quote not in text:
        return f"{quote}{text}{quote}"  # the common case, decided without a loop
    escaped = "".join(
        (
            _STRING_ESCAPES.get(c) or ("\\" + c if c == quote else c)
            if c.isprintable() or c in _STRING_ESCAPES
            else _python_escape(c)
        )
        for c in text
    )
    return f"{quote}{escaped}{quote}"


def _python_escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


_DOCSTRING_ESCAPES = {"\\": "\\\\", "\r": "\\r", "\t": "    "}


@functools.lru_cache(maxsize=4096)
def docstring_body(text: str, indent: int = 4, width: int = 88, first: int | None = None) -> str:
    """The inside of a triple-quoted docstring showing `text` verbatim.

    Paragraphs are wrapped to `width` (the first line starts at column
    `first`, the others at `indent`). Backslashes and quotes are escaped so
    the literal can never end early or change meaning; other control
    characters are shown as escapes.

    Remembered: large documents repeat descriptions (a shared parameter's on
    every operation, once for the sync client and once for the async one).
    """
    first_column = indent + 3 if first is None else first
    paragraphs = _normalise(text).split("\n\n")
    wrapped: list[str] = []
    for number, paragraph in enumerate(paragraphs):
        lines = paragraph.split("\n")
        lead = first_column - indent if number == 0 else 0
        if any(_is_structured(line) for line in lines):
            # Lists, tables and code keep their lines; only over-long ones are folded.
            kept: list[str] = []
            for index, line in enumerate(lines):
                kept.extend(_wrap(line.rstrip(), width - indent, lead if index == 0 else 0))
            wrapped.append("\n".join(kept))
        else:
            joined = " ".join(line.strip() for line in lines)
            wrapped.append("\n".join(_wrap(joined, width - indent, lead)))
    body = "\n\n".join(wrapped).strip("\n")
    escaped = _escape_docstring_text(body)
    pad = " " * indent
    return "\n".join(pad + line if line else "" for line in escaped.split("\n")).lstrip()


def _wrap(line: str, width: int, lead: int) -> list[str]:
    """`line` folded to `width`, keeping its indentation; the first line is `lead` shorter."""
    if len(line) + lead <= width:
        return [line]
    indent = line[: len(line) - len(line.lstrip())]
    lines = textwrap.wrap(
        line.strip(),
        width=max(width, 40),
        initial_indent=indent + "x" * lead,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    if lines and lead:
        lines[0] = indent + lines[0][len(indent) + lead :]
    return lines or [line]


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _is_structured(line: str) -> bool:
    """Lists, tables and indented blocks keep their line breaks."""
    stripped = line.lstrip()
    return (
        line.startswith(("  ", "\t"))
        or stripped.startswith(("- ", "* ", "|", "```"))
        or (stripped[:1].isdigit() and stripped[1:3] in (". ", ") "))
    )


# What `_escape_docstring_char` changes in printable text: touching quotes, backslashes.
_DOCSTRING_SPECIAL = re.compile(r'"(?=")|(?<=")"|"\Z|\\')


def _escape_docstring_text(text: str) -> str:
    if text.replace("\n", "").isprintable():  # the common case: only quotes and backslashes
        if '"' not in text and "\\" not in text:
            return text
        return _DOCSTRING_SPECIAL.sub(
            lambda found: _escape_docstring_char(text, found.start()), text
        )
    return "".join(_escape_docstring_char(text, i) for i in range(len(text)))


def _escape_docstring_char(text: str, index: int) -> str:
    char = text[index]
    if char == '"':
        # A quote next to another quote, or at the very end, could close the
        # literal; lone quotes inside the text stay readable.
        touching = text[index - 1 : index] == '"' or text[index + 1 : index + 2] in ('"', "")
        return '\\"' if touching else char
    if char in _DOCSTRING_ESCAPES:
        return _DOCSTRING_ESCAPES[char]
    if "\ud800" <= char <= "\udfff":
        # A class cannot even be created with a lone surrogate in its docstring:
        # the escape is shown as text instead.
        return "\\" + _python_escape(char)
    if char != "\n" and char != " " and not char.isprintable():
        # Control and format characters (bidirectional overrides among them)
        # and invisible separators are shown as escapes.
        return _python_escape(char)
    return char


def comment(text: str) -> str:
    """`text` on one line, safe both after `# ` and inside a triple-quoted docstring.

    Templates use it for a title within a module docstring's first line: quotes
    and backslashes are escaped as in `docstring_body`, so the text can never
    end the literal early; invisible characters are shown as escapes.
    """
    return _escape_docstring_text(" ".join(_normalise(text).split()))


def markdown(text: str) -> str:
    """Text for a generated Markdown file (README): shown as written, one paragraph.

    Control characters and lone surrogates (which cannot be written as UTF-8)
    become U+FFFD.
    """
    return "".join(c if c.isprintable() or c in "\n\t" else "\ufffd" for c in _normalise(text))


def refuse_unescaped(value: Any) -> Any:
    """Jinja `finalize` hook: document text must be escaped before it is printed."""
    if isinstance(value, SpecText):
        raise UnescapedSpecText(
            f"document text reached a template unescaped: {value[:60]!r}; "
            "pass it through |literal, |docstring or |comment"
        )
    return value
