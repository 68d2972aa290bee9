"""What a long run is doing, on one line of a terminal: the stage and a count.

A large document takes seconds to minutes; a silent terminal for that long looks
like a hang. When standard error is a terminal, `on_terminal` gives a `Progress`
that keeps one line there up to date ("formatting: 120/840 pieces") and
clears it before anything else is printed. Anywhere else (a pipe, a file, CI
logs) it gives `SILENT`, which prints nothing, so logs hold only what matters.
Standard output is never used: it carries `--check`'s diff.
"""

from __future__ import annotations

import time
from typing import TextIO

# At most this many updates a second: a terminal redrawn for each of 10,000
# pieces would cost more than formatting them.
_PER_SECOND = 10


class Progress:
    """The current stage and count, drawn on `stream` (a terminal) as they change."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream
        self._stage = ""
        self._shown = ""
        self._last = 0.0

    def stage(self, name: str, count: str = "") -> None:
        """A new stage begins: `name`, with what it works on if known ("19 files")."""
        self._stage = name
        self._draw(f"{name}: {count}" if count else name, force=True)

    def count(self, done: int, total: int | None, unit: str) -> None:
        """How far the current stage is: `done` of `total` `unit` (no total if not known)."""
        counted = f"{done:,}/{total:,}" if total is not None else f"{done:,}"
        self._draw(f"{self._stage}: {counted} {unit}", force=done == total)

    def clear(self) -> None:
        """Take the line off, before other messages are printed or at the end."""
        if self._stream is not None and self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._shown = ""

    def _draw(self, line: str, *, force: bool) -> None:
        if self._stream is None or line == self._shown:
            return
        now = time.monotonic()
        if not force and now - self._last < 1 / _PER_SECOND:
            return
        self._last = now
        self._stream.write("\r\x1b[K" + line)
        self._stream.flush()
        self._shown = line


SILENT = Progress(None)
"""Prints nothing: progress where no one watches a terminal."""


def on_terminal(stream: TextIO) -> Progress:
    """A `Progress` drawing on `stream` if it is a terminal, else `SILENT`."""
    try:
        interactive = stream.isatty()
    except (AttributeError, ValueError):  # no such method, or closed
        interactive = False
    return Progress(stream) if interactive else SILENT
