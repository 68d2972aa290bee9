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

    A file seen before is one cache lookup. Otherwise it is formatted one
    top-level definition at a time (see `chunks`), and each piece is cached
    by its skeleton (see `docstrings`): an edit to one description costs no
    formatting at all, and any other edit reformats one function, not a module
    of thousands of lines.
    """
    identity = _identity(formatter)
    formatted = dict(files)
    whole: dict[str, str] = {}  # path -> cache key of the whole file
    pieces: dict[str, list[str]] = {}
    pending: dict[str, str] = {}  # piece id -> text to format
    skeletons: dict[str, Skeleton] = {}
    results: dict[str, str] = {}
    for path, text in files.items():
        if PurePosixPath(path).suffix != ".py":
            continue
        whole[path] = key(identity, "file", text)
        hit = cache.get("format", whole[path])
        if hit is not None:
            formatted[path] = hit
            continue
        pieces[path] = []
        for index, chunk in enumerate(chunks(text)):
            piece = f"{path}#{index}"
            pieces[path].append(piece)
            hit = cache.get("format", key(identity, chunk))
            if hit is not None:
                results[piece] = hit
                continue
            # The docstring rules are black's; with ruff every piece is keyed as written.
            bones = skeleton(chunk, LINE_LENGTH) if formatter == "black" else Skeleton(chunk, ())
            skeletons[piece] = bones
            hit = cache.get("format", key(identity, bones.text)) if bones.docstrings else None
            restored = None if hit is None else bones.restore(hit)
            if restored is not None:
                results[piece] = restored
            else:
                pending[piece] = chunk
    if pending:
        done = _ruff_format(pending) if formatter == "ruff" else _black_format(pending)
        for piece, text in done.items():
            results[piece] = text
            cache.put("format", key(identity, pending[piece]), text)
            # A key always holds its text formatted, be it a piece or a skeleton: they can share.
            masked = skeletons[piece].mask(text)
            if skeletons[piece].docstrings and masked is not None:
                cache.put("format", key(identity, skeletons[piece].text), masked)
    for path, ids in pieces.items():
        formatted[path] = "\n\n".join(results[piece] for piece in ids)
        cache.put("format", whole[path], formatted[path])
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
    """One `ruff format` process for every piece: starting one per piece costs more than it."""
    with tempfile.TemporaryDirectory(prefix="openapi-clientgen-") as temporary:
        folder = Path(temporary)
        names = {piece: f"piece{index}.py" for index, piece in enumerate(texts)}
        for piece, text in texts.items():
            (folder / names[piece]).write_text(text, encoding="utf-8")
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
            raise TemplateError(_ruff_failure(result.stderr, names))
        return {piece: (folder / name).read_text(encoding="utf-8") for piece, name in names.items()}


def _ruff_failure(stderr: str, names: dict[str, str]) -> str:
    """ruff's complaint, with its temporary file named by the output file the piece is from."""
    message = stderr.strip()
    for piece, name in names.items():
        path, index = piece.rsplit("#", 1)
        message = message.replace(name, f"{path} (piece {index})")
    return f"ruff format failed; the rendered code is not valid Python: {message}"
