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
    identity = _identity(formatter)
    formatted = dict(files)
    pending: dict[str, str] = {}  # path -> cache key
    for path, text in files.items():
        if PurePosixPath(path).suffix != ".py":
            continue
        entry = key(identity, text)
        hit = cache.get("format", entry)
        if hit is not None:
            formatted[path] = hit
        else:
            pending[path] = entry
    if not pending:
        return formatted
    texts = {path: files[path] for path in pending}
    results = _ruff_format(texts) if formatter == "ruff" else _black_format(texts)
    for path, text in results.items():
        formatted[path] = text
        cache.put("format", pending[path], text)
    return formatted


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
