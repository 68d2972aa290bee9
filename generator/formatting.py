"""Stage 5: format the rendered Python files with black, in-process, in one pinned mode.

The mode is fixed here (not read from any configuration file), so the same
templates give the same bytes on every machine.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from black import format_str
from black.mode import Mode, TargetVersion
from black.parsing import InvalidInput

BLACK_MODE = Mode(
    target_versions={TargetVersion.PY310},
    line_length=100,
    string_normalization=True,
    magic_trailing_comma=True,
    preview=False,
)


class TemplateError(Exception):
    """A template produced text that is not valid Python: a bug in the generator."""


def format_files(files: dict[str, str]) -> dict[str, str]:
    formatted = {}
    for path, text in files.items():
        if PurePosixPath(path).suffix == ".py":
            try:
                text = format_str(text, mode=BLACK_MODE)
            except InvalidInput as exc:
                raise TemplateError(
                    f"{path}: the rendered code is not valid Python: {exc}"
                ) from exc
        formatted[path] = text
    return formatted
