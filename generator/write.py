"""Stage 6: put the generated files in the output folder, safely and atomically.

The output folder holds the generated files, anything else its owner keeps
there, and `.openapi-clientgen-files`: the manifest of the files the generator
wrote, each with the SHA-256 of what it wrote. The manifest comes with the
checkout, so it is trusted for nothing: an entry counts only if it is a
normalised relative path strictly inside the folder, reached without a symbolic
link, and a file the generator no longer produces is removed only while its
content is still what the manifest records. Entries without a checksum (from
older versions) are left in place, with a note.

A run refuses, with one line saying why and changing nothing, to write
- into the root of the file system, the home folder or a folder holding it;
- through a symbolic link below the output folder (the output folder itself may be one);
- over a file the generator did not write (one not in the manifest), such as the
  document itself, or over a folder.

A run writes in two phases:
1. staging: the new content of every changed file is written, and synced, in
   `.openapi-clientgen-staging/` inside the output folder; folders the new tree
   needs are listed there, then made; every file to be replaced or removed is
   kept there too (a hard link). Then a journal naming all of it is written,
   and renamed into place: that rename is the commit point.
2. swap: each staged file is renamed over its target, stale files are removed,
   then the journal and the staging folder.

A run first takes an exclusive lock on the output folder (a second run waits
for it), then recovers from any interrupted run: without a journal the staging
folder and the folders it made are removed (the old tree stays); with one, the
swap is completed (the new tree). So whenever a run is killed, the next one
starts from exactly the old tree or the new one, with nothing left over. A
failure (a full disk, Ctrl-C) inside the run itself undoes what it did.
"""

from __future__ import annotations

import contextlib
import difflib
import errno
import hashlib
import json
import os
import re
import shutil
import signal
import stat
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # not on Windows: runs there are not serialised
    fcntl = None  # type: ignore[assignment]

MANIFEST = ".openapi-clientgen-files"
STAGING = ".openapi-clientgen-staging"
_MANIFEST_HEADER = (
    "# Files written by openapi-clientgen, with the SHA-256 of what it wrote. It removes one\n"
    "# when it no longer produces it, if the file still holds what it wrote.\n"
)
_MANIFEST_LINE = re.compile(r"(?P<digest>[0-9a-f]{64}) (?P<path>.+)")
_JOURNAL = "journal"
_FOLDERS = "folders"
_STAGED_NAME = re.compile(r"(new|old|gone)-[0-9]{1,9}")
# What older versions left beside a file when killed: `models.py.clientgen-1234.new`.
_OLD_LEFTOVER = re.compile(r"(?P<name>.+)\.clientgen-[0-9]+\.(new|old)")
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


class OutputError(Exception):
    """The output folder cannot be written as asked; the message names the path and the cause."""


@dataclass(frozen=True)
class Plan:
    writes: dict[str, str]
    """Files to write: relative POSIX path → text."""
    deletions: tuple[str, ...]
    """Files the generator wrote before and no longer produces, unchanged since."""
    files: dict[str, str]
    """Every file of the new tree, changed or not."""
    notes: tuple[str, ...] = ()
    """What the run left alone, or replaced, and why: one line each."""
    interrupted: bool = False
    """An interrupted run's staging folder is there: the folder is not current."""
    protect: tuple[Path, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.writes and not self.deletions and not self.interrupted


def with_manifest(files: dict[str, str]) -> dict[str, str]:
    listing = "".join(f"{_digest(_encoded(text))} {path}\n" for path, text in sorted(files.items()))
    return {**files, MANIFEST: _MANIFEST_HEADER + listing}


@dataclass(frozen=True)
class Manifest:
    entries: dict[str, str | None]
    """Path → SHA-256 of the content written, or None when the manifest does not say."""
    notes: tuple[str, ...]


def read_manifest(out: Path) -> Manifest:
    path = out / MANIFEST
    status = _lookup(out, MANIFEST)
    if status is None:
        return Manifest({}, ())
    if not stat.S_ISREG(status.st_mode):
        raise OutputError(f"{path}: not a file; openapi-clientgen keeps its list of files there")
    try:
        text = _read(path).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise OutputError(
            f"{path}: not UTF-8 text (byte {exc.start + 1}), so not a list openapi-clientgen "
            "wrote; remove it, with the files it lists if they are no longer wanted"
        ) from None
    entries: dict[str, str | None] = {}
    notes = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        match = _MANIFEST_LINE.fullmatch(line)
        entry, digest = (match["path"], match["digest"]) if match else (line, None)
        if not _is_normalised(entry) or entry == MANIFEST:
            notes.append(
                f"note: {path}:{number}: ignored {entry!r}: not a normalised path inside {out}"
            )
            continue
        entries[entry] = digest
    return Manifest(entries, tuple(notes))


def previous_files(out: Path) -> set[str]:
    """The files the manifest says the generator wrote (only those inside `out`)."""
    return set(read_manifest(out).entries)


def plan(out: Path, files: dict[str, str], *, protect: Iterable[Path] = ()) -> Plan:
    """What writing `files` into `out` would change; raises `OutputError` if it must not."""
    check_output_folder(out)
    protect = tuple(protect)
    if not out.exists():
        return Plan(dict(sorted(files.items())), (), dict(files), protect=protect)
    interrupted = _lookup(out, STAGING) is not None
    manifest = read_manifest(out)
    protected = {os.path.realpath(p) for p in protect}
    notes = list(manifest.notes)
    writes = {}
    for path, text in sorted(files.items()):
        target = out / path
        status = _lookup(out, path)
        if status is not None:
            if stat.S_ISDIR(status.st_mode):
                raise OutputError(f"{target}: a folder where the generator writes a file")
            if not stat.S_ISREG(status.st_mode):
                raise OutputError(f"{target}: not a regular file; the generator writes one here")
            if os.path.realpath(target) in protected:
                raise OutputError(
                    f"{target}: is the document being generated from; "
                    "generate into another folder"
                )
            current = _read(target)
            if current == _encoded(text):
                continue
            if path != MANIFEST and path not in manifest.entries:
                raise OutputError(
                    f"{target}: exists and openapi-clientgen did not write it (it is not in "
                    f"{MANIFEST}); move it away, or generate into another folder"
                )
            recorded = manifest.entries.get(path)
            if recorded is not None and _digest(current) != recorded:
                notes.append(
                    f"note: {target}: edited since it was generated; the edits are replaced"
                )
        writes[path] = text
    deletions = []
    for path, recorded in sorted(manifest.entries.items()):
        if path in files:
            continue
        try:
            status = _lookup(out, path)
        except OutputError as exc:
            notes.append(f"note: left {out / path}: {exc}")
            continue
        if status is None or not stat.S_ISREG(status.st_mode):
            continue
        if recorded is None:
            notes.append(
                f"note: left {out / path}: no longer generated, but the list of files an older "
                "openapi-clientgen wrote has no checksum to show it is unchanged; "
                "delete it if it is not needed"
            )
        elif _digest(_read(out / path)) != recorded:
            notes.append(f"note: left {out / path}: no longer generated, but edited since")
        else:
            deletions.append(path)
    return Plan(writes, tuple(deletions), dict(files), tuple(notes), interrupted, protect)


def diff(out: Path, plan: Plan) -> str:
    chunks: list[str] = []
    for path, text in sorted(plan.writes.items()):
        # plan() read the same files: a symbolic link on the way was refused there.
        try:
            old = _read(out / path).decode("utf-8", "replace").splitlines(keepends=True)
        except FileNotFoundError:
            old = []
        chunks.extend(
            difflib.unified_diff(old, text.splitlines(keepends=True), f"a/{path}", f"b/{path}")
        )
    for path in plan.deletions:
        removed = _read(out / path).decode("utf-8", "replace")
        chunks.extend(
            difflib.unified_diff(removed.splitlines(keepends=True), [], f"a/{path}", "/dev/null")
        )
    return "".join(chunks)


def examine(
    out: Path,
    files: dict[str, str],
    *,
    protect: Iterable[Path] = (),
    waiting: Callable[[str], None] | None = None,
) -> Plan:
    """`plan`, while no other run writes into `out`; writes nothing."""
    check_output_folder(out)
    if not out.exists():
        return plan(out, files, protect=protect)
    with _locked(out, fcntl.LOCK_SH if fcntl else 0, waiting):
        return plan(out, files, protect=protect)


def apply(out: Path, plan: Plan, *, waiting: Callable[[str], None] | None = None) -> Plan:
    """Write `plan.files` into `out` (see `write_tree`); `plan` may have been made earlier."""
    return write_tree(out, plan.files, protect=plan.protect, waiting=waiting)


def write_tree(
    out: Path,
    files: dict[str, str],
    *,
    protect: Iterable[Path] = (),
    waiting: Callable[[str], None] | None = None,
) -> Plan:
    """Make `out` hold `files`; returns what was done.

    On a failure (`OutputError`, or an interruption) `out` is left as it was.
    """
    check_output_folder(out)
    made = _make_folder(out)
    try:
        with _locked(out, fcntl.LOCK_EX if fcntl else 0, waiting) as lock_notes:
            notes = lock_notes + recover(out)
            done = plan(out, files, protect=protect)
            if done.writes or done.deletions:
                _commit(out, done)
    except BaseException as exc:
        for folder in made:
            with contextlib.suppress(OSError):
                folder.rmdir()
        if isinstance(exc, OSError):
            raise OutputError(_describe(exc)) from None
        raise
    return Plan(done.writes, done.deletions, done.files, (*notes, *done.notes), False, done.protect)


def check_output_folder(out: Path) -> None:
    """Refuse output folders where generating could only do harm."""
    real = Path(os.path.realpath(out))
    if real == Path(real.anchor):
        raise OutputError(
            f"{out}: is the root of the file system; generate into a folder of its own"
        )
    with contextlib.suppress(RuntimeError, KeyError):  # no home folder known
        home = Path(os.path.realpath(Path.home()))
        if real == home or real in home.parents:
            where = "your home folder" if real == home else "a folder holding your home folder"
            raise OutputError(f"{out}: is {where}; generate into a folder of its own")
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: not a folder; -o names the folder to generate into")


def recover(out: Path) -> list[str]:
    """Finish or undo an interrupted run; call with the lock held. Returns notes."""
    notes = _remove_old_leftovers(out)
    staging = out / STAGING
    status = _lookup(out, STAGING)
    if status is None:
        return notes
    if not stat.S_ISDIR(status.st_mode):
        raise OutputError(f"{staging}: not a folder openapi-clientgen made; remove it")
    journal = _load_journal(staging)
    if journal is None:
        _discard(out)
        return [*notes, f"note: {out}: removed what an interrupted run had staged"]
    _roll_forward(out, journal)
    _finish(out)
    return [*notes, f"note: {out}: completed the writes of an interrupted run"]


# Steps of a commit, for the crash tests: each is a point where a run may be killed.
def _step(name: str) -> None:
    pass


def _commit(out: Path, plan: Plan) -> None:
    staging = out / STAGING
    try:
        os.mkdir(staging, 0o700)
        _step("staging folder made")
        folders = _missing_folders(out, plan.writes)
        if folders:
            _write_new(staging / _FOLDERS, json.dumps(folders).encode())
            _step("folders listed")
            for folder in folders:
                os.mkdir(out / folder)
                _step(f"made {folder}")
        journal: dict[str, Any] = {"writes": [], "deletions": []}
        for index, path in enumerate(sorted(plan.writes)):
            data = _encoded(plan.writes[path])
            _write_new(staging / f"new-{index}", data)
            _step(f"staged {path}")
            kept = None
            if _lookup(out, path) is not None:
                kept = f"old-{index}"
                _keep(out / path, staging / kept)
                _step(f"kept {path}")
            journal["writes"].append(
                {"path": path, "new": f"new-{index}", "old": kept, "sha256": _digest(data)}
            )
        for index, path in enumerate(plan.deletions):
            _keep(out / path, staging / f"gone-{index}")
            _step(f"kept {path}")
            record = {"path": path, "old": f"gone-{index}", "sha256": _digest(_read(out / path))}
            journal["deletions"].append(record)
        _write_new(staging / (_JOURNAL + ".tmp"), json.dumps(journal, indent=1).encode())
        _sync_folder(staging)
        os.replace(staging / (_JOURNAL + ".tmp"), staging / _JOURNAL)  # the commit point
        _sync_folder(staging)
    except BaseException as exc:
        with _uninterrupted():
            if _lookup(out, STAGING) is not None:
                _discard(out)
        if isinstance(exc, OSError):
            # A failure to stage (a full disk, say) is the output folder's, wherever it struck.
            inside = exc.filename is None or str(exc.filename).startswith(str(staging))
            where = out if inside else exc.filename
            raise OutputError(f"{where}: {_cause(exc)}; {out} is unchanged") from None
        raise
    _step("committed")
    try:
        _roll_forward(out, _load_journal(staging))
    except BaseException as exc:
        with _uninterrupted():
            undone = _undo(out, journal)
        if not isinstance(exc, OSError):
            raise
        if undone:
            raise OutputError(f"{_describe(exc)}; {out} is unchanged") from None
        raise OutputError(
            f"{_describe(exc)}; {out} holds part of the new files: run the generator again "
            "to complete them"
        ) from None
    with _uninterrupted(), contextlib.suppress(OSError):
        _finish(out)  # the new tree is in place; what is left here, the next run removes


def _roll_forward(out: Path, journal: dict[str, Any] | None) -> None:
    assert journal is not None
    staging = out / STAGING
    touched = set()
    for record in journal["writes"]:
        source = staging / record["new"]
        if not os.path.lexists(source):
            continue  # already in place
        parent = record["path"].rpartition("/")[0]
        if parent and not _is_folder(out, parent):
            continue  # a journal this run did not write: never make folders for it
        if _lookup(out, record["path"]) is not None and not _is_file(out, record["path"]):
            continue
        os.replace(source, out / record["path"])
        touched.add(parent)
        _step(f"replaced {record['path']}")
    for record in journal["deletions"]:
        path = record["path"]
        if _is_file(out, path) and _digest(_read(out / path)) == record["sha256"]:
            os.unlink(out / path)
            touched.add(path.rpartition("/")[0])
            _step(f"removed {path}")
    for record in journal["deletions"]:
        _prune(out, record["path"])
    for parent in sorted(touched):
        if _is_folder(out, parent):
            _sync_folder(out / parent)


def _finish(out: Path) -> None:
    staging = out / STAGING
    os.unlink(staging / _JOURNAL)
    _step("journal removed")
    shutil.rmtree(staging)
    _step("staging removed")


def _undo(out: Path, journal: dict[str, Any]) -> bool:
    """Put back what the swap changed, then discard the staging; False if that failed.

    Each file goes back to the staging folder before the old one is restored, so
    the journal stays true and a run killed here is still completed by the next.
    """
    staging = out / STAGING
    try:
        for record in reversed(journal["writes"]):
            source, target = staging / record["new"], out / record["path"]
            if not os.path.lexists(source) and os.path.lexists(target):
                os.rename(target, source)
            if record["old"] is not None and not os.path.lexists(target):
                os.rename(staging / record["old"], target)
        for record in journal["deletions"]:
            target = out / record["path"]
            if not os.path.lexists(target):
                target.parent.mkdir(parents=True, exist_ok=True)  # emptied, so removed
                os.rename(staging / record["old"], target)
        os.unlink(staging / _JOURNAL)
        _discard(out)
    except OSError:
        return False
    return True


def _discard(out: Path) -> None:
    """Remove the staging folder and the folders its run made (all empty: nothing was swapped)."""
    staging = out / STAGING
    folders: list[str] = []
    with contextlib.suppress(OSError, ValueError):
        listed = json.loads(_read(staging / _FOLDERS))
        if isinstance(listed, list):
            folders = [f for f in listed if isinstance(f, str) and _is_normalised(f)]
    for folder in reversed(folders):
        with contextlib.suppress(OSError):
            if _is_folder(out, folder):
                os.rmdir(out / folder)
    shutil.rmtree(staging)


def _load_journal(staging: Path) -> dict[str, Any] | None:
    """The journal, if there is one and it is one a run wrote (checked in full)."""
    try:
        journal = json.loads(_read(staging / _JOURNAL))
    except (OSError, ValueError):
        return None

    def staged(name: Any) -> bool:
        return isinstance(name, str) and _STAGED_NAME.fullmatch(name) is not None

    def sound(record: Any, names: tuple[str, ...]) -> bool:
        return (
            isinstance(record, dict)
            and isinstance(record.get("path"), str)
            and _is_normalised(record["path"])
            and isinstance(record.get("sha256"), str)
            and re.fullmatch("[0-9a-f]{64}", record["sha256"]) is not None
            and all(staged(record.get(name)) for name in names)
        )

    if not isinstance(journal, dict):
        return None
    writes, deletions = journal.get("writes"), journal.get("deletions")
    if not isinstance(writes, list) or not isinstance(deletions, list):
        return None
    if not all(
        sound(r, ("new",)) and (r.get("old") is None or staged(r["old"])) for r in writes
    ) or not all(sound(r, ("old",)) for r in deletions):
        return None
    return journal


def _missing_folders(out: Path, paths: Iterable[str]) -> list[str]:
    missing: list[str] = []
    for path in sorted(paths):
        parts = path.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            folder = "/".join(parts[:depth])
            if folder not in missing and _lookup(out, folder) is None:
                missing.append(folder)
    return missing


def _prune(out: Path, path: str) -> None:
    """Remove the folders a deletion emptied, up to (not including) `out`."""
    parts = path.split("/")[:-1]
    for depth in range(len(parts), 0, -1):
        folder = "/".join(parts[:depth])
        try:
            if not _is_folder(out, folder):
                return
            os.rmdir(out / folder)
        except OSError:
            return


def _remove_old_leftovers(out: Path) -> list[str]:
    """Remove what older versions left beside the files they wrote when killed."""
    try:
        manifest = read_manifest(out)
    except OutputError:
        return []
    by_folder: dict[str, set[str]] = {}
    for path in manifest.entries:
        folder, _, name = path.rpartition("/")
        by_folder.setdefault(folder, set()).add(name)
    notes = []
    for folder, names in sorted(by_folder.items()):
        if folder and not _is_folder(out, folder):
            continue
        with contextlib.suppress(OSError), os.scandir(out / folder) as entries:
            for entry in entries:
                match = _OLD_LEFTOVER.fullmatch(entry.name)
                if match and match["name"] in names and entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)
                    notes.append(f"note: removed {entry.path}, left by an interrupted run")
    return notes


@contextlib.contextmanager
def _locked(out: Path, mode: int, waiting: Callable[[str], None] | None) -> Iterator[list[str]]:
    """Hold a lock on the output folder itself: no lock file to leave behind."""
    notes: list[str] = []
    if fcntl is None:
        yield notes
        return
    descriptor = os.open(out, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | os.O_CLOEXEC)
    try:
        try:
            fcntl.flock(descriptor, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting is not None:
                waiting(f"{out}: another openapi-clientgen run is using it; waiting for it to end")
            fcntl.flock(descriptor, mode)
        except OSError as exc:  # a file system without locks
            notes.append(f"note: {out}: cannot be locked ({_cause(exc)}); do not run twice at once")
        yield notes
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def _uninterrupted() -> Iterator[None]:
    """Ctrl-C waits while a half-done change is put back."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _make_folder(out: Path) -> list[Path]:
    """Make `out` and its missing parents; returns those this run made, deepest first.

    A folder another run makes at the same moment is shared, not an error.
    """
    missing = []
    folder = out
    while not os.path.lexists(folder):
        missing.append(folder)
        folder = folder.parent
    made: list[Path] = []
    for folder in reversed(missing):
        try:
            folder.mkdir()
        except OSError as exc:
            if isinstance(exc, FileExistsError) and _is_plain_folder(folder):
                continue
            for undo in reversed(made):
                with contextlib.suppress(OSError):
                    undo.rmdir()
            if isinstance(exc, FileExistsError):
                message = f"{folder}: a file appeared where the output folder goes; remove it"
                raise OutputError(message) from None
            raise OutputError(_describe(exc)) from None
        made.append(folder)
    return made[::-1]


def _is_plain_folder(path: Path) -> bool:
    """A folder itself, not a symbolic link to one."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _is_normalised(path: str) -> bool:
    """A relative POSIX path inside the folder, as the generator writes them."""
    if not path or path.startswith("/") or "\\" in path or "\0" in path:
        return False
    parts = path.split("/")
    if parts[0] == STAGING or any(part in ("", ".", "..") for part in parts):
        return False
    return all(part.isprintable() for part in parts)


def _lookup(out: Path, path: str) -> os.stat_result | None:
    """`lstat` of `out/path`, or None if it is not there.

    Raises `OutputError` for a symbolic link anywhere from `out` (excluded) to
    the path, or for a file where a folder should be.
    """
    current = out
    parts = path.split("/")
    for index, part in enumerate(parts):
        current = current / part
        try:
            status = os.lstat(current)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise OutputError(_describe(exc)) from None
        if stat.S_ISLNK(status.st_mode):
            raise OutputError(
                f"{current}: a symbolic link; openapi-clientgen does not write or remove "
                f"through links (they may lead anywhere): replace it with a folder or a file"
            )
        if index < len(parts) - 1 and not stat.S_ISDIR(status.st_mode):
            raise OutputError(f"{current}: a file where the generator needs a folder")
    return status


def read_inside(out: Path, path: str) -> bytes | None:
    """The bytes of `out/path`, a regular file reached without a symbolic link; else None."""
    if not _is_file(out, path):
        return None
    try:
        return _read(out / path)
    except OSError:
        return None


def _is_file(out: Path, path: str) -> bool:
    try:
        status = _lookup(out, path)
    except OutputError:
        return False
    return status is not None and stat.S_ISREG(status.st_mode)


def _is_folder(out: Path, path: str) -> bool:
    if path in ("", "."):
        return True
    try:
        status = _lookup(out, path)
    except OutputError:
        return False
    return status is not None and stat.S_ISDIR(status.st_mode)


def _read(path: Path) -> bytes:
    """The bytes of a file, never through a symbolic link at its last step."""
    with os.fdopen(os.open(path, os.O_RDONLY | _NO_FOLLOW), "rb") as stream:
        return stream.read()


def _write_new(path: Path, data: bytes) -> None:
    """Create `path` (never an existing one) holding `data`, synced to disk."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _keep(source: Path, kept: Path) -> None:
    """Keep `source` as it is under the name `kept`: a hard link, or a copy."""
    try:
        os.link(source, kept, follow_symlinks=False)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EMLINK):
            raise
        _write_new(kept, _read(source))


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every system can sync a folder
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _encoded(text: str) -> bytes:
    return text.encode("utf-8")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _cause(exc: OSError) -> str:
    text = exc.strerror or str(exc)
    return text[:1].lower() + text[1:]


def _describe(exc: OSError) -> str:
    """`path: cause` for an error of the operating system."""
    where = exc.filename if exc.filename is not None else "output folder"
    return f"{where}: {_cause(exc)}"
