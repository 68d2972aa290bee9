"""Stage 1: read an OpenAPI document from disk.

JSON goes through the standard `json` module (fast, and it reads escapes that
PyYAML cannot). YAML goes through PyYAML's C loader when it is available, with
YAML 1.2-like scalars: no timestamp or yes/no booleans, and mapping keys that
are always strings (an unquoted `200:` status code is the string "200").

Line numbers are only needed when something is wrong, so the fast path keeps
none; `Document.location` re-reads the text lazily to map a JSON pointer to a
line and column (of a scalar's value; of the key holding a mapping or list). A
syntax error names its line and column, says "tab" when a tab is the cause,
and where the construct it broke opened; a key written twice in one YAML
mapping is an error, not a silent loss of the first.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from .errors import Location, Problem, SpecError, split_pointer

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_YAML_1_2_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class _SpecLoader(_Loader):  # type: ignore[misc]
    """Safe loader with JSON-compatible scalars and string keys."""


# Drop YAML 1.1 timestamps and yes/no/on/off booleans: OpenAPI documents are
# JSON data, where "2014-04-22" is a string and "on" is a word.
_SpecLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    _SpecLoader.yaml_implicit_resolvers.setdefault(_first, []).append(
        ("tag:yaml.org,2002:bool", _YAML_1_2_BOOL)
    )


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[str, Any]:
    seen: dict[Any, yaml.Mark] = {}
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.tag != _MERGE_TAG:
            first = seen.setdefault(key_node.value, key_node.start_mark)
            if first is not key_node.start_mark:
                # YAML forbids it, and PyYAML would silently keep the last one.
                raise _DuplicateKey(
                    None, first, f"the key {key_node.value!r} appears twice", key_node.start_mark
                )
    loader.flatten_mapping(node)
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, bool):
            key = "true" if key else "false"
        elif key is None:
            key = "null"
        mapping[str(key)] = loader.construct_object(value_node, deep=True)
    return mapping


_MERGE_TAG = "tag:yaml.org,2002:merge"
_SpecLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


@dataclass(frozen=True)
class Mount:
    """Where the content of another file sits in a bundled document."""

    pointer: str
    """The JSON pointer, in the bundled document, of the mounted content."""
    source: Document
    """The file the content comes from."""
    source_pointer: str
    """Where the content is in that file."""


@dataclass(frozen=True)
class Document:
    """A parsed document, with the means to point back into its text.

    A document split over several files is bundled into one (`generator.bundle`);
    its `mounts` say which file each part came from, so that `location` names
    the right file, line and pointer.
    """

    path: Path
    text: str
    data: Any
    is_json: bool
    mounts: tuple[Mount, ...] = ()
    """For a bundled document: the parts that come from other files."""
    _positions: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def files(self) -> tuple[Path, ...]:
        """Every file the document was read from, this one first."""
        found = [self.path]
        for mount in self.mounts:
            if mount.source.path not in found:
                found.append(mount.source.path)
        return tuple(found)

    def location(self, pointer: str, *, key: bool = False) -> Location:
        """The location of `pointer`, or of its nearest existing ancestor.

        A scalar is located where its value is written, a mapping or list held by a
        key at the key; with `key`, a member of a mapping is located at its key (for
        a problem with the key itself, such as a misspelt keyword). In a bundled
        document the location is in the file the part came from, with the JSON
        pointer inside that file.
        """
        mount = self._mount_of(pointer)
        if mount is not None:
            inside = mount.source_pointer + pointer[len(mount.pointer) :]
            return mount.source.location(inside, key=key)
        tokens = split_pointer(pointer)
        positions = self._position_index
        while True:
            written = "".join("/" + t.replace("~", "~0").replace("/", "~1") for t in tokens)
            if written in positions:
                line, column, key_line, key_column = positions[written]
                if key and len(tokens) == len(split_pointer(pointer)):
                    line, column = key_line, key_column
                return Location(self.path, pointer, line, column)
            if not tokens:
                return Location(self.path, pointer)
            tokens.pop()

    def problem(self, pointer: str, message: str) -> Problem:
        return Problem(message, self.location(pointer))

    def _mount_of(self, pointer: str) -> Mount | None:
        best: Mount | None = None
        for mount in self.mounts:
            if (pointer == mount.pointer or pointer.startswith(mount.pointer + "/")) and (
                best is None or len(mount.pointer) > len(best.pointer)
            ):
                best = mount
        return best

    @cached_property
    def _position_index(self) -> dict[str, tuple[int, int, int, int]]:
        try:
            if self.is_json:
                return dict(_json_positions(self.text))
            return dict(_yaml_positions(self.text))
        except (ValueError, yaml.YAMLError):
            return {}


def read_text(path: Path, referrer: Location | None = None) -> str:
    """The text of `path`; a `SpecError` at `referrer` (or the file) when it cannot be read."""

    def refused(message: str) -> SpecError:
        if referrer is None:
            return SpecError([Problem(message, Location(path, ""))])
        return SpecError([Problem(f"{path}: {message}", referrer)])

    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise refused("file not found") from None
    except IsADirectoryError:
        raise refused("this is a folder, not a file") from None
    except UnicodeDecodeError as exc:
        raise refused(f"not UTF-8 text: {exc}") from None
    except OSError as exc:
        raise refused(f"cannot read: {exc.strerror}") from None


def load_document(path: Path) -> Document:
    """Read and parse one file; raise `SpecError` naming the line on a syntax error.

    References to other files are left as they are: `generator.bundle.load_spec`
    reads a document split over several files.
    """
    return parse_document(path, read_text(path))


def parse_document(path: Path, text: str) -> Document:
    """Parse `text`: JSON when the file is `.json`, else YAML (JSON being YAML too)."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            location = Location(path, "", exc.lineno, exc.colno)
            raise SpecError([Problem(f"invalid JSON: {exc.msg}", location)]) from None
        is_json = True
    else:
        data, is_json = None, False
        if text.lstrip().startswith("{"):
            # JSON in a YAML file: the json module is much faster, and reads escapes
            # PyYAML cannot; if it is not JSON after all, YAML has the last word.
            with contextlib.suppress(json.JSONDecodeError):
                data, is_json = json.loads(text), True
        if not is_json:
            try:
                data = yaml.load(text, Loader=_SpecLoader)
            except yaml.YAMLError as exc:
                raise SpecError([_yaml_problem(path, text, exc)]) from None
    if not isinstance(data, dict):
        raise SpecError([Problem("the document must be a mapping", Location(path, "", 1, 1))])
    return Document(path=path, text=text, data=data, is_json=is_json)


class _DuplicateKey(yaml.constructor.ConstructorError):  # type: ignore[misc]
    pass


def _yaml_problem(path: Path, text: str, error: yaml.YAMLError) -> Problem:
    """A YAML syntax error, told plainly: where it was found, and where the construct opened."""
    mark = getattr(error, "problem_mark", None)
    if mark is None:
        return Problem(f"invalid YAML: {error}", Location(path, ""))
    location = Location(path, "", mark.line + 1, mark.column + 1)
    problem = str(getattr(error, "problem", None) or error)
    opened = getattr(error, "context_mark", None)
    if isinstance(error, _DuplicateKey) and opened is not None:
        return Problem(
            f"invalid YAML: {problem}, first at line {opened.line + 1}, column "
            f"{opened.column + 1}; YAML would silently keep only the last",
            location,
        )
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    before = line[: mark.column + 1]
    if (
        line[mark.column : mark.column + 1] == "\t"
        or "tab" in problem
        or ("\t" in before and not before.strip())
    ):
        return Problem(
            "invalid YAML: a tab character; YAML indents with spaces only, "
            "so replace the tab with spaces",
            location,
        )
    message = f"invalid YAML: {problem}"
    context = getattr(error, "context", None)
    if context and opened is not None and (opened.line, opened.column) != (mark.line, mark.column):
        message += f" ({context} that starts at line {opened.line + 1}, column {opened.column + 1})"
    elif context:
        message += f" ({context})"
    return Problem(message, location)


def _yaml_positions(text: str) -> Iterator[tuple[str, tuple[int, int, int, int]]]:
    """For each node: where it is shown (a scalar: its value; a mapping or list held by
    a key: the key), and where its key is (an item of a list or the root: itself)."""
    root = yaml.compose(text, Loader=_SpecLoader)
    stack: list[tuple[str, yaml.Node, yaml.Node]] = [("", root, root)] if root is not None else []
    while stack:
        pointer, node, key = stack.pop()
        shown = node if isinstance(node, yaml.ScalarNode) else key
        yield pointer, (
            shown.start_mark.line + 1,
            shown.start_mark.column + 1,
            key.start_mark.line + 1,
            key.start_mark.column + 1,
        )
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                token = str(key_node.value).replace("~", "~0").replace("/", "~1")
                stack.append((f"{pointer}/{token}", value_node, key_node))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                stack.append((f"{pointer}/{index}", item, item))


_JSON_WS = re.compile(r"[ \t\n\r]*")
_JSON_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")


def _json_positions(text: str) -> Iterator[tuple[str, tuple[int, int, int, int]]]:
    """Walk JSON text, yielding where each value is shown and where its key is (as YAML)."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_column(offset: int) -> tuple[int, int]:
        low, high = 0, len(line_starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if line_starts[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        return low + 1, offset - line_starts[low] + 1

    decode_string = json.decoder.scanstring  # type: ignore[attr-defined]
    results: list[tuple[str, tuple[int, int, int, int]]] = []

    def skip(offset: int) -> int:
        match = _JSON_WS.match(text, offset)
        return match.end() if match else offset

    def value(offset: int, pointer: str, key_offset: int | None = None) -> int:
        offset = skip(offset)
        char = text[offset]
        key_at = line_column(offset if key_offset is None else key_offset)
        shown = key_at if char in "{[" else line_column(offset)
        results.append((pointer, (*shown, *key_at)))
        if char == "{":
            offset = skip(offset + 1)
            if text[offset] == "}":
                return offset + 1
            while True:
                key_offset = skip(offset)
                key, offset = decode_string(text, key_offset + 1)
                offset = skip(offset)
                if text[offset] != ":":
                    raise ValueError("expected ':'")
                token = key.replace("~", "~0").replace("/", "~1")
                offset = skip(value(offset + 1, f"{pointer}/{token}", key_offset))
                if text[offset] == "}":
                    return offset + 1
                offset += 1  # the comma
        if char == "[":
            offset = skip(offset + 1)
            if text[offset] == "]":
                return offset + 1
            index = 0
            while True:
                offset = skip(value(offset, f"{pointer}/{index}"))
                index += 1
                if text[offset] == "]":
                    return offset + 1
                offset += 1
        if char == '"':
            return int(decode_string(text, offset + 1)[1])
        match = _JSON_SCALAR.match(text, offset)
        if not match:
            raise ValueError(f"unexpected character at {offset}")
        return match.end()

    value(0, "")
    return iter(results)
