"""Problems found in an OpenAPI document, each tied to where it is.

Every stage reports faults as `Problem` values carrying a `Location`
(file, JSON pointer, and — once resolved — line and column), so the user is
always pointed at the exact place to fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Any

_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f"
    "\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)
"""Characters a terminal acts on or hides rather than shows: C0 and C1 controls (ESC
starts a terminal command, CR and line breaks forge lines), format characters
(bidirectional overrides reorder what is shown, zero-width ones hide), line and
paragraph separators, lone surrogates (which cannot even be written out), tags."""


def printable(text: str) -> str:
    """`text` as it may be shown in a terminal: every character of `_UNPRINTABLE` written
    as a Python escape (`\\x1b`, `\\n`, `\\u202e`), so that text from a document or a
    checkout can never forge a line, move the cursor or reorder what is shown.

    The one escaping path for diagnostics: `Problem` and `Location` use it, and the
    command line prints every other message through it.
    """
    return _UNPRINTABLE.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in "\n\r\t":
        return repr(char)[1:-1]
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


def escape_pointer_token(token: str | int) -> str:
    """Escape one reference token for a JSON pointer (RFC 6901)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join_pointer(*tokens: str | int) -> str:
    return "".join("/" + escape_pointer_token(t) for t in tokens)


def split_pointer(pointer: str) -> list[str]:
    if not pointer:
        return []
    if not pointer.startswith("/"):
        raise ValueError(f"not a JSON pointer: {pointer!r}")
    return [unescape_pointer_token(t) for t in pointer[1:].split("/")]


def resolve_pointer(data: Any, pointer: str) -> Any:
    """The value at `pointer` inside `data`; raises KeyError if there is none."""
    node = data
    for token in split_pointer(pointer):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise KeyError(pointer)
    return node


def resolved(data: Any, node: Any, pointer: str) -> tuple[Any, str]:
    """`node` with local references followed, and the pointer of what it ends at."""
    for _ in range(64):
        ref = node.get("$ref") if isinstance(node, dict) else None
        if not isinstance(ref, str) or not ref.startswith("#"):
            break
        try:
            node, pointer = resolve_pointer(data, ref[1:]), ref[1:]
        except (KeyError, ValueError):
            break
    return node, pointer


@dataclass(frozen=True)
class Location:
    file: Path
    pointer: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return printable(f"{where}: {self.pointer or '/'}")


@dataclass(frozen=True)
class Problem:
    message: str
    location: Location
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.value}: {printable(self.message)}"

    def with_location(self, location: Location) -> Problem:
        return replace(self, location=location)


def in_document_order(problems: Iterable[Problem], first: Path | None = None) -> list[Problem]:
    """`problems` once each, in the order of their places: file (`first` first), line, column."""

    def place(problem: Problem) -> tuple[bool, str, int, int, str, str, str]:
        where = problem.location
        return (
            where.file != first,
            str(where.file),
            where.line or 0,
            where.column or 0,
            where.pointer,
            problem.severity.value,
            problem.message,
        )

    return sorted(dict.fromkeys(problems), key=place)


@dataclass
class SpecError(Exception):
    """Raised when a document cannot be turned into a client; lists every problem found."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
