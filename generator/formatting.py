"""Stage 5: format the rendered Python files, in one pinned mode.

black is the formatter, in-process, with its mode fixed here (not read from
any configuration file), so the same templates give the same bytes on every
machine. Results are cached by content, so a regeneration reformats only the
definitions whose text changed (and none for a description edit); large
outputs are formatted on every core.
`ruff format` can be chosen instead for very large documents: it is much
faster, and its output differs slightly from black's.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path, PurePosixPath

from .cache import DISABLED, Cache, installed, key
from .docstrings import Skeleton, skeleton

LINE_LENGTH = 100
TARGET = "py310"
FORMATTERS = ("black", "ruff")
# Below this much text, starting worker processes costs more than it saves (the
# Primotexto client, some 300 kB, formats in 1.0 s on two workers against 1.5 s on one).
_PARALLEL_ABOVE = 100_000


class TemplateError(Exception):
    """A template produced text that is not valid Python: a bug in the generator."""


class FormatterUnavailable(Exception):
    """The chosen formatter is not installed."""


def format_files(
    files: dict[str, str], *, formatter: str = "black", cache: Cache = DISABLED
) -> dict[str, str]:
    """Every `.py` file formatted; other files as they are.

    A file seen before is one cache lookup. With black, a changed file is
    formatted one top-level definition at a time (see `_black_pieces`); ruff
    formats even the largest module in well under a second, so it is given
    whole files.
    """
    identity = _identity(formatter)
    formatted = dict(files)
    changed: dict[str, str] = {}
    for path, text in files.items():
        if PurePosixPath(path).suffix != ".py":
            continue
        hit = cache.get("format", key(identity, "file", text))
        if hit is None:
            changed[path] = text
        else:
            formatted[path] = hit
    if changed:
        if formatter == "ruff":
            done = _ruff_format(changed)
        else:
            done = _black_pieces(changed, identity, cache)
        for path, text in done.items():
            formatted[path] = text
            cache.put("format", key(identity, "file", changed[path]), text)
    return formatted


def _black_pieces(files: dict[str, str], identity: str, cache: Cache) -> dict[str, str]:
    """The files formatted piece by piece, reusing each piece formatted before.

    A piece is found by its text, or else by its skeleton (see `docstrings`), so
    an edit to a description runs no formatter at all, and any other edit
    reformats one function, not a module of thousands of lines. A file's pieces
    are kept together in one cache entry (reading and writing thousands of small
    files costs more than formatting them on some file systems).
    """
    known: dict[str, dict[str, str]] = {}  # path -> {cache key: formatted text}
    kept: dict[str, dict[str, str]] = {}  # path -> the entries this run used or made
    pieces: dict[str, list[str]] = {}  # path -> its piece ids
    pending: dict[str, str] = {}  # piece id -> text to format
    skeletons: dict[str, Skeleton] = {}
    results: dict[str, str] = {}
    for path, text in files.items():
        known[path] = _pieces_entry(cache.get("pieces", key(identity, "pieces", path)))
        kept[path] = {}
        pieces[path] = []
        for index, chunk in enumerate(chunks(text)):
            piece = f"{path}#{index}"
            pieces[path].append(piece)
            exact = key(identity, chunk)
            if exact in known[path]:
                results[piece] = kept[path][exact] = known[path][exact]
                continue
            bones = skeletons[piece] = skeleton(chunk, LINE_LENGTH)
            shape = key(identity, bones.text)
            restored = None
            if bones.docstrings and shape in known[path]:
                restored = bones.restore(known[path][shape])
            if restored is not None:
                results[piece] = restored
                kept[path][shape] = known[path][shape]
            else:
                pending[piece] = chunk
    for piece, text in (_black_format(pending) if pending else {}).items():
        path = piece.rsplit("#", 1)[0]
        results[piece] = kept[path][key(identity, pending[piece])] = text
        # An entry always holds its key's text formatted, be it a piece or a skeleton.
        masked = skeletons[piece].mask(text)
        if skeletons[piece].docstrings and masked is not None:
            kept[path][key(identity, skeletons[piece].text)] = masked
    for path, entries in kept.items():
        if entries != known[path]:
            cache.put("pieces", key(identity, "pieces", path), json.dumps(entries))
    return {path: "\n\n".join(results[piece] for piece in ids) for path, ids in pieces.items()}


def _pieces_entry(entry: str | None) -> dict[str, str]:
    """A cached file's pieces, {cache key: formatted text}; anything else is a miss."""
    try:
        pieces = json.loads(entry) if entry is not None else {}
    except ValueError:
        return {}
    if isinstance(pieces, dict) and all(isinstance(v, str) for v in pieces.values()):
        return pieces
    return {}


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
        return f"{installed('black')} line-length={LINE_LENGTH} target={TARGET}"
    if formatter == "ruff":
        return f"ruff {_ruff_version()} line-length={LINE_LENGTH} target={TARGET}"
    raise ValueError(f"unknown formatter {formatter!r}; choose one of {FORMATTERS}")


def _black_format(texts: dict[str, str]) -> dict[str, str]:
    items = sorted(texts.items(), key=lambda item: -len(item[1]))  # longest first
    workers = min(os.cpu_count() or 1, len(items))
    if workers > 1 and sum(len(t) for t in texts.values()) > _PARALLEL_ABOVE:
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
    """One `ruff format` process for every file: starting one per file costs more than it."""
    with tempfile.TemporaryDirectory(prefix="openapi-clientgen-") as temporary:
        folder = Path(temporary)
        names = {path: f"module{index}.py" for index, path in enumerate(texts)}
        for path, text in texts.items():
            (folder / names[path]).write_text(text, encoding="utf-8")
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
            for path, name in names.items():  # ruff names its temporary copies
                message = re.sub(rf"\b{re.escape(name)}\b", path, message)
            raise TemplateError(
                f"ruff format failed; the rendered code is not valid Python: {message}"
            )
        return {path: (folder / name).read_text(encoding="utf-8") for path, name in names.items()}
