"""A cache of work that depends only on its input: validation results and formatted files.

Entries are keyed by a SHA-256 of everything that determines the result (the
input text and the versions and settings of the tool that produced it), so a
stale entry can never be used. The folder lives outside the output
(`$OPENAPI_CLIENTGEN_CACHE`, else `$XDG_CACHE_HOME/openapi-clientgen`, else
`~/.cache/openapi-clientgen`) and is safe to delete at any time.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import tempfile
from pathlib import Path


def default_folder() -> Path:
    explicit = os.environ.get("OPENAPI_CLIENTGEN_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "openapi-clientgen"


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


class Cache:
    """Text entries under `folder/<kind>/<key>`; a disabled cache stores nothing."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def get(self, kind: str, entry: str) -> str | None:
        if self.folder is None:
            return None
        try:
            return (self.folder / kind / entry).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def put(self, kind: str, entry: str, text: str) -> None:
        if self.folder is None:
            return
        directory = self.folder / kind
        try:
            directory.mkdir(parents=True, exist_ok=True)
            # Written beside and renamed, so a reader never sees half an entry.
            handle, temporary = tempfile.mkstemp(dir=directory, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.replace(temporary, directory / entry)
        except OSError:
            pass  # a cache that cannot be written only costs time


DISABLED = Cache(None)
