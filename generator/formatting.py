"""Stage 5: format the rendered Python files, in one pinned mode.

black is the formatter, in-process, with its mode fixed here (not read from
any configuration file), so the same templates give the same bytes on every
machine. Results are cached by content, so a regeneration reformats only the
files whose text changed; large outputs are formatted on every core.
`ruff format` can be chosen instead for very large documents: it is much
faster, and its output differs slightly from black's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from multiprocessing import get_context
from pathlib import PurePosixPath

from .cache import DISABLED, Cache, key

LINE_LENGTH = 100
TARGET = "py310"
FORMATTERS = ("black", "ruff")
# Below this much text, starting worker processes costs more than it saves.
_PARALLEL_ABOVE = 400_000


class TemplateError(Exception):
    """A template produced text that is not valid Python: a bug in the generator."""


class FormatterUnavailable(Exception):
    """The chosen formatter is not installed."""


def format_files(
    files: dict[str, str], *, formatter: str = "black", cache: Cache = DISABLED
) -> dict[str, str]:
    """Every `.py` file formatted; other files as they are.

    Each module is formatted one top-level definition at a time (see `chunks`),
    and each piece is cached, so an edit to one description reformats one
    function, not a module of thousands of lines.
    """
    identity = _identity(formatter)
    formatted = dict(files)
    pieces: dict[str, list[str]] = {}
    pending: dict[str, str] = {}  # piece id -> text to format
    entries: dict[str, str] = {}  # piece id -> cache key
    results: dict[str, str] = {}
    for path, text in files.items():
        if PurePosixPath(path).suffix != ".py":
            continue
        pieces[path] = []
        for index, chunk in enumerate(chunks(text)):
            piece = f"{path}#{index}"
            pieces[path].append(piece)
            entries[piece] = key(identity, chunk)
            hit = cache.get("format", entries[piece])
            if hit is not None:
                results[piece] = hit
            else:
                pending[piece] = chunk
    if pending:
        done = _ruff_format(pending) if formatter == "ruff" else _black_format(pending)
        for piece, text in done.items():
            results[piece] = text
            cache.put("format", entries[piece], text)
    for path, ids in pieces.items():
        formatted[path] = "\n\n".join(results[piece] for piece in ids)
    return formatted


_TOP_LEVEL_DEFINITION = ("def ", "async def ", "class ", "@")


def chunks(text: str) -> list[str]:
    """`text` cut before each top-level definition (with its decorators).

    The formatter puts two blank lines before and after every top-level
    definition, so formatting the pieces apart and joining them with two
    blank lines gives the same bytes as formatting the whole module.
    """
    lines = text.splitlines(keepends=True)
    pieces: list[list[str]] = [[]]
    in_decorators = False
    depth = 0  # open brackets or an unfinished triple-quoted string make a line a continuation
    for line in lines:
        starts = depth == 0 and line.startswith(_TOP_LEVEL_DEFINITION)
        if starts and not in_decorators and any(kept.strip() for kept in pieces[-1]):
            pieces.append([])
        if starts:
            in_decorators = line.startswith("@")
        pieces[-1].append(line)
        depth = _continuation(line, depth)
    return ["".join(piece).strip("\n") + "\n" for piece in pieces if "".join(piece).strip()]


def _continuation(line: str, depth: int) -> int:
    """A rough bracket count, enough to not cut inside an expression or a docstring."""
    if depth < 0:  # inside a triple-quoted string
        return 0 if line.count('"""') % 2 == 1 else depth
    if line.count('"""') % 2 == 1:
        return -1
    stripped = line.split("#", 1)[0] if '"' not in line and "'" not in line else line
    return max(
        0, depth + sum(stripped.count(c) for c in "([{") - sum(stripped.count(c) for c in ")]}")
    )


def _identity(formatter: str) -> str:
    if formatter == "black":
        return f"black {version('black')} line-length={LINE_LENGTH} target={TARGET}"
    if formatter == "ruff":
        return f"ruff {_ruff_version()} line-length={LINE_LENGTH} target={TARGET}"
    raise ValueError(f"unknown formatter {formatter!r}; choose one of {FORMATTERS}")


def _black_format(texts: dict[str, str]) -> dict[str, str]:
    items = sorted(texts.items(), key=lambda item: -len(item[1]))  # longest first
    workers = min(os.cpu_count() or 1, len(items))
    if workers > 1 and sum(len(t) for t in texts.values()) > _PARALLEL_ABOVE:
        # Forked workers share the already imported black.
        with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
            return dict(pool.map(_black_one, items, chunksize=1))
    return dict(map(_black_one, items))


def _black_one(item: tuple[str, str]) -> tuple[str, str]:
    from black import format_str
    from black.mode import Mode, TargetVersion
    from black.parsing import InvalidInput

    path, text = item
    mode = Mode(
        target_versions={TargetVersion[TARGET.upper()]},
        line_length=LINE_LENGTH,
        string_normalization=True,
        magic_trailing_comma=True,
        preview=False,
    )
    try:
        return path, format_str(text, mode=mode)
    except InvalidInput as exc:
        raise TemplateError(f"{path}: the rendered code is not valid Python: {exc}") from None


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


def _ruff_format(texts: dict[str, str]) -> dict[str, str]:
    command = [
        *_ruff_command(),
        "format",
        "--isolated",
        f"--line-length={LINE_LENGTH}",
        f"--target-version={TARGET}",
        "--stdin-filename",
        "generated.py",
        "-",
    ]
    results = {}
    for path, text in texts.items():
        result = subprocess.run(command, input=text, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise TemplateError(f"{path}: ruff format failed: {result.stderr.strip()}")
        results[path] = result.stdout
    return results
