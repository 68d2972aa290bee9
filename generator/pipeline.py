"""The whole run: load → validate → model → render → format; `write` puts the result on disk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .formatting import format_files
from .load import load_document
from .model import build_api
from .naming import value_name
from .render import render
from .validate import validate_document
from .write import with_manifest


@dataclass(frozen=True)
class Generated:
    files: dict[str, str]
    """Relative POSIX path → text, including the manifest."""
    warnings: list[Problem]


def generate(spec: Path, *, package_name: str | None = None, lenient: bool = False) -> Generated:
    """Produce every output file for `spec`; raises `SpecError` when it cannot."""
    document = load_document(spec)
    warnings = validate_document(document, lenient=lenient)
    title = str((document.data.get("info") or {}).get("title") or spec.stem)
    api, problems = build_api(document, package_name or value_name(title), lenient=lenient)
    files = format_files(render(api))
    return Generated(with_manifest(files), warnings + problems)
