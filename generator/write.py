"""Stage 6: put the generated files in the output folder, atomically.

The folder holds a manifest of the files the generator wrote. A run replaces
those that changed, removes those it no longer produces, and never touches a
file it did not write. Every new file is first written beside its target and
every replaced one kept as a backup, so a failure at any point restores the
folder exactly as it was.
"""

from __future__ import annotations

import contextlib
import difflib
import os
from dataclasses import dataclass
from pathlib import Path

MANIFEST = ".openapi-clientgen-files"
_MANIFEST_HEADER = (
    "# Files written by openapi-clientgen; it removes them when it no longer produces them.\n"
)


@dataclass(frozen=True)
class Plan:
    writes: dict[str, str]
    deletions: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not self.writes and not self.deletions


def with_manifest(files: dict[str, str]) -> dict[str, str]:
    listing = "".join(f"{path}\n" for path in sorted(files))
    return {**files, MANIFEST: _MANIFEST_HEADER + listing}


def previous_files(out_dir: Path) -> set[str]:
    try:
        text = (out_dir / MANIFEST).read_text(encoding="utf-8")
    except FileNotFoundError:
        return set()
    return {line for line in text.splitlines() if line and not line.startswith("#")}


def plan(out_dir: Path, files: dict[str, str]) -> Plan:
    writes = {}
    for path, text in files.items():
        target = out_dir / path
        try:
            if target.read_text(encoding="utf-8") == text:
                continue
        except (FileNotFoundError, UnicodeDecodeError, NotADirectoryError):
            pass
        writes[path] = text
    stale = sorted(p for p in previous_files(out_dir) - set(files) if (out_dir / p).is_file())
    return Plan(writes, tuple(stale))


def diff(out_dir: Path, plan: Plan) -> str:
    chunks: list[str] = []
    for path, text in sorted(plan.writes.items()):
        target = out_dir / path
        try:
            old = target.read_text(encoding="utf-8").splitlines(keepends=True)
        except (FileNotFoundError, UnicodeDecodeError, NotADirectoryError):
            old = []
        chunks.extend(
            difflib.unified_diff(old, text.splitlines(keepends=True), f"a/{path}", f"b/{path}")
        )
    for path in plan.deletions:
        removed = (out_dir / path).read_text(encoding="utf-8", errors="replace")
        chunks.extend(
            difflib.unified_diff(removed.splitlines(keepends=True), [], f"a/{path}", "/dev/null")
        )
    return "".join(chunks)


def apply(out_dir: Path, plan: Plan) -> None:
    """Carry out `plan`; on any failure the folder is left as it was."""
    suffix = f".clientgen-{os.getpid()}"
    created_dirs: list[Path] = []
    staged: list[tuple[Path, Path]] = []  # (temporary, target)
    backups: list[tuple[Path, Path]] = []  # (backup, original)
    committed: list[Path] = []
    try:
        for path, text in plan.writes.items():
            target = out_dir / path
            _make_parents(target.parent, created_dirs)
            temporary = target.with_name(target.name + suffix + ".new")
            with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            staged.append((temporary, target))
        for path in plan.deletions:
            original = out_dir / path
            backup = original.with_name(original.name + suffix + ".old")
            os.link(original, backup)
            backups.append((backup, original))
        for _, target in staged:
            if target.exists():
                backup = target.with_name(target.name + suffix + ".old")
                os.link(target, backup)
                backups.append((backup, target))
        for temporary, target in staged:
            os.replace(temporary, target)
            committed.append(target)
        for path in plan.deletions:
            (out_dir / path).unlink()
    except BaseException:
        for backup, original in backups:
            # rename() between two links to one file does nothing, so drop the link instead.
            if original.exists() and os.path.samefile(backup, original):
                backup.unlink()
            else:
                os.replace(backup, original)
        backed_up = {original for _, original in backups}
        for target in committed:
            if target not in backed_up:
                target.unlink(missing_ok=True)
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        for directory in reversed(created_dirs):
            _remove_if_empty(directory)
        raise
    for backup, _ in backups:
        backup.unlink(missing_ok=True)
    for path in plan.deletions:
        for directory in (out_dir / path).parents:
            if directory == out_dir or out_dir not in directory.parents:
                break
            _remove_if_empty(directory)


def _make_parents(directory: Path, created: list[Path]) -> None:
    missing = []
    while not directory.exists():
        missing.append(directory)
        directory = directory.parent
    for path in reversed(missing):
        path.mkdir()
        created.append(path)


def _remove_if_empty(directory: Path) -> None:
    with contextlib.suppress(OSError):
        directory.rmdir()
