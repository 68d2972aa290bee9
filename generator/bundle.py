"""Documents split over several files: follow relative `$ref`s and bundle them into one.

`load_spec` reads the root document and every file its references name
(`$ref: ./schemas/error.yaml#/Error`), and builds one document in memory in
which every reference is local, so the later stages see a single document.
What a reference names goes:

- where the root document's `components` entry is nothing but that reference
  (`Error: {$ref: ./schemas/error.yaml}` puts the file's content at
  `#/components/schemas/Error`), the usual way to split a document;
- otherwise, into the `components` section of its kind, under the name of the
  fragment's last token or of the file (`#/components/schemas/error`);
- a path item in place of the reference that first names it, so that its
  operations are found, and reported, under their path.

Each is put in one place, and every reference to it then points there. The
document keeps a map of where each part came from (`Document.mounts`), so a
problem is reported in the right file, at the right line, with the pointer
inside that file.

Nothing outside the root document's folder is read, and no URL is fetched:
such a reference is a located error. Kinds are told apart with
`generator.objects`, so a `$ref` key inside an example (which is data) is left
alone.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from .errors import (
    Problem,
    SpecError,
    escape_pointer_token,
    join_pointer,
    resolve_pointer,
    split_pointer,
)
from .load import Document, Mount, load_document, parse_document, read_text
from .objects import COMPONENT_SECTIONS, REFERABLE, SCHEMA, field_shape

_MAY_REFER_ELSEWHERE = re.compile(r"""\$ref['"]?\s*:(?!\s*['"]?#)""")
"""A `$ref` whose value does not start with '#' (written in JSON or YAML)."""
_URL = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)")
_NAME_CHARACTERS = re.compile(r"[^A-Za-z0-9._-]+")

Target = tuple[Path, str]
"""A file (resolved) and a JSON pointer inside it."""


def load_spec(path: Path) -> Document:
    """Read the OpenAPI document at `path`, with every file its references name.

    Raises `SpecError` listing every reference that cannot be followed.
    """
    root = load_document(path)
    if not _MAY_REFER_ELSEWHERE.search(root.text):
        return root  # the common case: one file, nothing to bundle
    return _Bundler(root).bundle()


class _Bundler:
    def __init__(self, root: Document) -> None:
        self.root = root
        self.folder = root.path.parent.resolve()
        self.version = str(root.data.get("openapi", ""))
        self.files: dict[Path, Document] = {root.path.resolve(): root}
        self.placed: dict[Target, str] = {}
        """Where the content each reference names was put in the bundled document."""
        self.mounts: list[Mount] = []
        self.added: dict[str, dict[str, Any]] = {}
        """New `components` entries: section → name → content."""
        self.problems: list[Problem] = []
        self.followed: dict[tuple[Path, str], Target | None] = {}

    def bundle(self) -> Document:
        self._claim_component_entries()
        data = self._copy(self.root.data, "OpenAPI", self.root, "", "")
        if self.problems:
            raise SpecError(self.problems)
        if self.added:
            components = dict(data.get("components") or {})
            for section, entries in self.added.items():
                components[section] = {**(components.get(section) or {}), **entries}
            data = {**data, "components": components}
        return Document(
            path=self.root.path,
            text=self.root.text,
            data=data,
            is_json=self.root.is_json,
            mounts=tuple(self.mounts),
        )

    # ------------------------------------------------------------ placing

    def _claim_component_entries(self) -> None:
        """A root `components` entry that is only a reference to another file holds its content."""
        components = self.root.data.get("components")
        if not isinstance(components, dict):
            return
        for section, entries in components.items():
            if not isinstance(entries, dict):
                continue
            for name, entry in entries.items():
                if not (isinstance(entry, dict) and list(entry) == ["$ref"]):
                    continue
                ref = entry["$ref"]
                if (
                    field_shape("Components", section, self.version) is None
                    or not isinstance(ref, str)
                    or ref.startswith("#")
                ):
                    continue
                pointer = join_pointer("components", section, name)
                target = self._target(ref, self.root, pointer + "/$ref")
                if target is not None and target not in self.placed:
                    self.placed[target] = pointer

    def _component_pointer(self, section: str, target: Target) -> str:
        path, fragment = target
        base = split_pointer(fragment)[-1] if fragment else path.stem
        base = _NAME_CHARACTERS.sub("_", base).strip("_") or "Component"
        existing = (self.root.data.get("components") or {}).get(section) or {}
        taken = set(existing) | set(self.added.get(section, {}))
        name, number = base, 1
        while name in taken:
            number += 1
            name = f"{base}{number}"
        self.added.setdefault(section, {})[name] = None  # claimed; filled once copied
        return join_pointer("components", section, name)

    # ------------------------------------------------------------ copying

    def _copy(self, node: Any, kind: str | None, source: Document, at: str, out: str) -> Any:
        """`node` (at `at` in `source`) for the bundled document, where it goes to `out`."""
        if kind is None or not isinstance(node, dict):
            return node  # data is kept as it is
        ref = node.get("$ref")
        if isinstance(ref, str) and kind in REFERABLE:
            return self._reference(node, ref, kind, source, at, out)
        copied: dict[str, Any] = {}
        for key, value in node.items():
            key_at = f"{at}/{escape_pointer_token(key)}"
            key_out = f"{out}/{escape_pointer_token(key)}"
            if kind == "Discriminator" and key == "mapping" and isinstance(value, dict):
                copied[key] = {
                    name: self._mapping_value(
                        target, source, key_at + join_pointer(name), key_out + join_pointer(name)
                    )
                    for name, target in value.items()
                }
                continue
            shape = field_shape(kind, key, self.version)
            if shape is None:
                copied[key] = value
                continue
            how, child = shape
            if how == "one":
                copied[key] = self._copy(value, child, source, key_at, key_out)
            elif how == "list" and isinstance(value, list):
                copied[key] = [
                    self._copy(item, child, source, f"{key_at}/{index}", f"{key_out}/{index}")
                    for index, item in enumerate(value)
                ]
            elif how == "map" and isinstance(value, dict):
                copied[key] = {
                    name: self._copy(
                        item,
                        child,
                        source,
                        f"{key_at}/{escape_pointer_token(name)}",
                        f"{key_out}/{escape_pointer_token(name)}",
                    )
                    for name, item in value.items()
                }
            else:
                copied[key] = value
        return copied

    def _reference(
        self, node: dict[str, Any], ref: str, kind: str, source: Document, at: str, out: str
    ) -> Any:
        # Beside a `$ref`, a schema may have other keywords (3.1); other objects may
        # have a summary and description, which are data.
        rest = {key: value for key, value in node.items() if key != "$ref"}
        siblings = self._copy(rest, kind if kind == SCHEMA else None, source, at, out)
        if source is self.root and ref.startswith("#"):
            return {"$ref": ref, **siblings}
        target = self._target(ref, source, at + "/$ref")
        if target is None:
            return node
        if target[0] == self.root.path.resolve():
            return {"$ref": "#" + target[1], **siblings}
        placed = self.placed.get(target)
        if placed is None:
            section = COMPONENT_SECTIONS.get(kind)
            placed = out if section is None else self._component_pointer(section, target)
            self.placed[target] = placed
            content = self._place(target, kind, placed)
            if placed == out:
                return {**content, **siblings} if isinstance(content, dict) else content
            section_name, name = split_pointer(placed)[1:]
            self.added[section_name][name] = content
        elif placed == out:  # a root components entry that holds what it refers to
            return self._place(target, kind, placed)
        return {"$ref": "#" + placed, **siblings}

    def _place(self, target: Target, kind: str, out: str) -> Any:
        path, fragment = target
        document = self.files[path]
        self.mounts.append(Mount(out, document, fragment))
        return self._copy(resolve_pointer(document.data, fragment), kind, document, fragment, out)

    def _mapping_value(self, value: Any, source: Document, at: str, out: str) -> Any:
        """A discriminator mapping names a schema, or refers to one (maybe in another file)."""
        if not isinstance(value, str) or not (
            "/" in value or "#" in value or value.endswith((".yaml", ".yml", ".json"))
        ):
            return value  # a schema name (which may hold dots: io.k8s.api.Pod)
        if source is self.root and value.startswith("#"):
            return value
        rewritten = self._reference({"$ref": value}, value, SCHEMA, source, at, out)
        return rewritten.get("$ref", value) if isinstance(rewritten, dict) else value

    # ------------------------------------------------------------ reading

    def _target(self, ref: str, source: Document, at: str) -> Target | None:
        """The file and pointer `ref` (written at `at` in `source`) names, read if need be.

        None, with the problem reported once, when it cannot be followed.
        """
        place = (source.path, at)
        if place not in self.followed:
            self.followed[place] = self._follow(ref, source, at)
        return self.followed[place]

    def _follow(self, ref: str, source: Document, at: str) -> Target | None:
        def refuse(message: str) -> None:
            self.problems.append(Problem(message, source.location(at)))

        if _URL.match(ref):
            refuse(
                f"$ref {ref!r} is a URL: documents are never fetched; save it beside the "
                "spec and refer to it by a relative path"
            )
            return None
        file_part, _, fragment = ref.partition("#")
        fragment = unquote(fragment)
        if fragment and not fragment.startswith("/"):
            refuse(f"$ref {ref!r}: only JSON pointer fragments ('#/...') are supported")
            return None
        if not file_part:
            path, shown = source.path.resolve(), source.path
        else:
            relative = Path(unquote(file_part))
            if relative.is_absolute():
                refuse(
                    f"$ref {ref!r} is an absolute path: refer to files by a path relative to "
                    "the file that refers to them"
                )
                return None
            path = (source.path.parent / relative).resolve()
            # Named in messages as the author would: relative if the root was.
            shown = Path(os.path.normpath(source.path.parent / relative))
            if not path.is_relative_to(self.folder):
                refuse(
                    f"$ref {ref!r} leaves the folder of the document ({self.folder}): "
                    "only files inside it are read"
                )
                return None
        document = self.files.get(path)
        if document is None:
            try:
                document = parse_document(shown, read_text(shown, source.location(at)))
            except SpecError as exc:
                self.problems.extend(exc.problems)
                return None
            self.files[path] = document
        try:
            resolve_pointer(document.data, fragment)
        except (KeyError, ValueError):
            refuse(f"$ref {ref!r} points at nothing: {path.name} has no {fragment!r}")
            return None
        return path, fragment
