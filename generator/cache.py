"""A cache of work that depends only on its input: validation results, compiled
templates and formatted code.

Entries are keyed by a SHA-256 of everything that determines the result (the
input text and the versions and settings of the tool that produced it), so a
stale entry can never be used. The folder lives outside the output
(`$OPENAPI_CLIENTGEN_CACHE`, else `$XDG_CACHE_HOME/openapi-clientgen`, else
`~/.cache/openapi-clientgen`) and is safe to delete at any time.

Nothing read from the cache is trusted, so the cache can never change the output:

- every entry carries an HMAC-SHA256 of its kind, its key and its value, under a
  secret kept outside the cache folder (`cache-key` in
  `$XDG_STATE_HOME/openapi-clientgen`, else `~/.local/state/openapi-clientgen`),
  made on first use and readable by its owner only. An entry that was truncated,
  edited, copied under another key or written under another secret (a cache
  folder restored on a CI machine from another branch, say) is a miss;
- the folder is created private (0700); a folder or secret that belongs to
  another user or that others may write is not used;
- entries are read without following symbolic links.

A cache that cannot be used is a warning (`Cache.warnings`), and the run goes on
without it: it only costs time.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import importlib.util
import os
import re
import secrets
import stat
import tempfile
from pathlib import Path

_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_HEADER = b"openapi-clientgen cache entry 2 "
_ENTRY_NAME = re.compile(r"[0-9a-f]{16,128}")
_SECRET = re.compile(rb"[0-9a-f]{64}")


def default_folder() -> Path:
    explicit = os.environ.get("OPENAPI_CLIENTGEN_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "openapi-clientgen"


def default_key_file() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return Path(base) / "openapi-clientgen" / "cache-key"


def key(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        # A JSON document may hold lone surrogates (\ud800), which strict UTF-8 refuses.
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def installed(module: str) -> str:
    """What a key needs to know of an installed tool: where its code is, and when it was written.

    Installing another version of a package rewrites its files, so this changes
    with the version. It costs one stat; asking importlib.metadata for the version
    instead costs some 25 ms of imports on every run.
    """
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        return f"{module} (not installed)"
    status = os.stat(spec.origin)
    return f"{module} at {spec.origin}, {status.st_size} bytes, written {status.st_mtime_ns}"


class Unusable(Exception):
    """The cache folder or its secret cannot be used safely; the message says why."""


class Cache:
    """Entries under `folder/<kind>/<key>`, each signed; a disabled cache stores nothing.

    Nothing touches the disk before the first `get` or `put`.
    """

    def __init__(self, folder: Path | None, *, key_file: Path | None = None) -> None:
        self.folder = folder
        self.key_file = key_file
        self.warnings: list[str] = []
        self._secret: bytes | None = None
        self._state = "closed" if folder is not None else "off"  # closed → open | off
        self._kinds: dict[str, Path | None] = {}
        self._writable = True

    def get(self, kind: str, entry: str) -> str | None:
        data = self.get_bytes(kind, entry)
        return None if data is None else data.decode("utf-8", "surrogatepass")

    def put(self, kind: str, entry: str, text: str) -> None:
        self.put_bytes(kind, entry, text.encode("utf-8", "surrogatepass"))

    def get_bytes(self, kind: str, entry: str) -> bytes | None:
        """The value stored under `entry`, or None if there is none that this cache signed."""
        directory = self._directory(kind)
        if directory is None or not _ENTRY_NAME.fullmatch(entry):
            return None
        try:
            descriptor = os.open(directory / entry, os.O_RDONLY | _NO_FOLLOW)
        except OSError:
            return None
        try:
            with os.fdopen(descriptor, "rb") as stream:
                if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                    return None
                data = stream.read()
        except OSError:
            return None
        header, newline, value = data.partition(b"\n")
        if not newline or not header.startswith(_HEADER):
            return None
        expected = self._signature(kind, entry, value).encode("ascii")
        return value if hmac.compare_digest(header[len(_HEADER) :], expected) else None

    def put_bytes(self, kind: str, entry: str, value: bytes) -> None:
        directory = self._directory(kind)
        if directory is None or not self._writable or not _ENTRY_NAME.fullmatch(entry):
            return
        header = _HEADER + self._signature(kind, entry, value).encode("ascii") + b"\n"
        temporary = None
        try:
            # Written beside and renamed, so a reader never sees half an entry.
            handle, temporary = tempfile.mkstemp(dir=directory, suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                stream.write(header)
                stream.write(value)  # not joined: a large client's entries are megabytes
            os.replace(temporary, directory / entry)
        except OSError as exc:
            self._writable = False
            self._warn(directory, f"cannot store results ({_cause(exc)})")
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)

    def _signature(self, kind: str, entry: str, value: bytes) -> str:
        assert self._secret is not None
        signature = hmac.new(self._secret, kind.encode() + b"\0" + entry.encode() + b"\0", "sha256")
        signature.update(value)  # the same message as one, without copying a large value
        return signature.hexdigest()

    def _directory(self, kind: str) -> Path | None:
        if self._state == "closed":
            self._open()
        if self._state != "open":
            return None
        if kind not in self._kinds:
            assert self.folder is not None
            directory = self.folder / kind
            try:
                if not os.path.lexists(directory):
                    directory.mkdir(mode=0o700)
                _check_private_folder(os.lstat(directory))
                self._kinds[kind] = directory
            except (OSError, Unusable) as exc:
                self._kinds[kind] = None
                self._warn(directory, _cause(exc))
        return self._kinds[kind]

    def _open(self) -> None:
        assert self.folder is not None
        self._state = "off"
        try:
            if not self.folder.is_dir():
                self.folder.mkdir(mode=0o700, parents=True)
            _check_private_folder(os.stat(self.folder))
        except FileExistsError:
            self._warn(self.folder, "not a folder")
            return
        except (OSError, Unusable) as exc:
            self._warn(self.folder, _cause(exc))
            return
        key_file = self.key_file if self.key_file is not None else default_key_file()
        try:
            self._secret = _secret(key_file)
        except (OSError, Unusable) as exc:
            self._warn(key_file, _cause(exc))
            return
        self._state = "open"

    def _warn(self, path: Path, cause: str) -> None:
        self.warnings.append(f"warning: {path}: {cause}; going on without the cache")


def _check_private_folder(status: os.stat_result) -> None:
    if not stat.S_ISDIR(status.st_mode):
        raise Unusable("not a folder")
    _check_owned(status)


def _check_owned(status: os.stat_result) -> None:
    if hasattr(os, "geteuid") and status.st_uid != os.geteuid():
        raise Unusable(f"belongs to another user (uid {status.st_uid})")
    if status.st_mode & 0o022:
        mode = stat.S_IMODE(status.st_mode)
        raise Unusable(f"others may write to it (mode {mode:o}); make it private: chmod go-w")


def _secret(path: Path) -> bytes:
    """The secret that signs entries, made on first use; never inside the cache folder."""
    try:
        return _read_secret(path)
    except FileNotFoundError:
        pass
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent)  # mode 0600
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(secrets.token_hex(32).encode("ascii"))
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)  # never replaces the one a concurrent run made
    finally:
        os.unlink(temporary)
    return _read_secret(path)


def _read_secret(path: Path) -> bytes:
    with os.fdopen(os.open(path, os.O_RDONLY | _NO_FOLLOW), "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise Unusable("not a regular file")
        _check_owned(status)
        if status.st_mode & 0o044:
            raise Unusable(
                f"others may read it (mode {stat.S_IMODE(status.st_mode):o}); chmod 600 it"
            )
        text = stream.read(80).strip()
    if not _SECRET.fullmatch(text):
        raise Unusable("not a key openapi-clientgen made; delete it, a new one will be made")
    return bytes.fromhex(text.decode("ascii"))


def _cause(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror[:1].lower() + exc.strerror[1:]
    return str(exc)


DISABLED = Cache(None)
