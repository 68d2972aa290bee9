"""Rendered fragments kept between runs, for the render stage.

Rendering a large client is mostly the same macros called with the same parts of
the model, run after run: a description edited in one model leaves the text of
every other model, enum and method as it was. A template marks such a fragment by
calling its macro through `cached`, as in `{{ cached(model_class, model) }}`; the
text is then taken from the cache when nothing it depends on has changed.

What the text of a fragment depends on, and so what its entry is checked against:

- the macro, by its name and the output file it renders into, and the generator
  itself: every template and every module of it (any change is another key);
- the macro's arguments: the intermediate model's classes (frozen dataclasses) field by
  field, anything else by its `repr`;
- the models and enums the macro looked up by name while rendering (filters such
  as `model_named` call `model` and `enum`). Their names and the digest of each are kept
  with the text and compared before it is used.

Nothing else reaches a macro imported from another template: it sees its
arguments, the environment's filters and globals, and not the context of the
template calling it. So a fragment's macro is always imported (`from "macros/..."
import ...`); a test checks that every template does so.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

from . import ir
from .cache import Cache, installed, key

GENERATOR = Path(__file__).resolve().parent

# A kept fragment: its text, and the [kind, name, digest] of each model or enum it used.
_Kept = tuple[str, list[list[str]]]


class Fragments:
    """The `cached` of one render: fragments taken from `cache` or rendered, and kept
    there for the next run. `path` is the output file being rendered; `save` ends it."""

    def __init__(self, cache: Cache, api: ir.Api, templates: Path) -> None:
        self.cache = cache
        self.models = {m.name: m for m in api.models}
        self.enums = {e.name: e for e in api.enums}
        self.path = ""
        self._identity = _identity(templates) if cache.folder is not None else None
        # id(argument) → the argument, kept alive so that its id is not reused, and digest
        self._digests: dict[int, tuple[object, str]] = {}
        self._known: dict[str, _Kept] | None = None  # of the file `path`, as last kept
        self._used: dict[str, _Kept] = {}  # of the file `path`, in this run
        self._rendering: list[set[tuple[str, str]]] = []  # what the open fragments used

    def __call__(self, macro: Callable[..., str], *args: object) -> str:
        if self._identity is None:
            return macro(*args)
        name = getattr(macro, "name", None)
        if not isinstance(name, str):
            raise TypeError(f"cached() takes a macro, not {macro!r}")
        entry = key(self._identity, self.path, name, *(self._digest(a) for a in args))
        kept = self._kept().get(entry)
        if kept is not None and all(self._digest_of(k, n) == d for k, n, d in kept[1]):
            text, needs = kept
            self._note({(k, n) for k, n, _ in needs})
        else:
            self._rendering.append(set())
            try:
                text = macro(*args)
            finally:
                used = self._rendering.pop()
            self._note(used)
            needs = [[k, n, self._digest_of(k, n) or ""] for k, n in sorted(used)]
        self._used[entry] = (text, needs)
        return text

    def model(self, name: str) -> ir.Model:
        """The model `name`, noted as a dependency of every fragment being rendered."""
        self._note({("model", name)})
        return self.models[name]

    def enum(self, name: str) -> ir.Enum:
        """The enum `name`, noted as a dependency of every fragment being rendered."""
        self._note({("enum", name)})
        return self.enums[name]

    def save(self) -> None:
        """Keep the fragments the file `path` used in this run, if they are not those kept
        already, and let go of both (a large client's are as large as its text)."""
        if self._used and self._used != self._known:
            self.cache.put("fragments", self._entry(), json.dumps(self._used))
        self._known, self._used = None, {}

    def _note(self, used: set[tuple[str, str]]) -> None:
        for frame in self._rendering:
            frame.update(used)

    def _kept(self) -> dict[str, _Kept]:
        if self._known is None:
            self._known = _entries(self.cache.get("fragments", self._entry()))
        return self._known

    def _entry(self) -> str:
        assert self._identity is not None
        return key(self._identity, "fragments", self.path)

    def _digest(self, value: object) -> str:
        if isinstance(value, str | int | bool | None):
            return repr(value)
        known = self._digests.get(id(value))
        if known is not None:
            return known[1]
        if dataclasses.is_dataclass(value):
            # Field by field, each field's value by its `repr` unless it was an argument
            # before: the operation of each of its contract tests is printed once.
            text = type(value).__qualname__ + "".join(
                f"|{field.name}={self._printed(getattr(value, field.name))}"
                for field in dataclasses.fields(value)
            )
        else:
            text = repr(value)
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        self._digests[id(value)] = (value, digest)
        return digest

    def _printed(self, value: object) -> str:
        known = self._digests.get(id(value))
        return repr(value) if known is None else known[1]

    def _digest_of(self, kind: str, name: str) -> str | None:
        found = (self.models if kind == "model" else self.enums).get(name)
        return None if found is None else self._digest(found)


def _entries(text: str | None) -> dict[str, _Kept]:
    """A kept set of fragments, or none when the entry is missing or not of this shape."""
    if text is None:
        return {}
    try:
        loaded = json.loads(text)
        entries = {entry: (kept[0], kept[1]) for entry, kept in loaded.items()}
    except (ValueError, TypeError, LookupError, AttributeError):
        return {}
    shaped = all(
        isinstance(fragment, str) and all(len(need) == 3 for need in needs)
        for fragment, needs in entries.values()
    )
    return entries if shaped else {}


def _identity(templates: Path) -> str | None:
    """The templates, the generator's code and Jinja: what renders a fragment. None
    when they cannot all be read: then nothing is kept (it only costs time)."""
    digest = hashlib.sha256()
    try:
        for folder, suffix in ((templates, ".jinja"), (GENERATOR, ".py")):
            for root, folders, names in os.walk(folder):  # 5x faster than Path.rglob
                folders[:] = sorted(name for name in folders if name != "__pycache__")
                for name in sorted(names):
                    if name.endswith(suffix):
                        path = Path(root, name)
                        digest.update(str(path.relative_to(folder)).encode() + b"\0")
                        digest.update(path.read_bytes() + b"\0")
    except OSError:
        return None
    return f"fragments 1, {installed('jinja2')}, sources {digest.hexdigest()}"
