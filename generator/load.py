"""Stage 1: read an OpenAPI document from disk.

JSON goes through the standard `json` module (fast, and it reads escapes that
PyYAML cannot). YAML goes through PyYAML's C loader when it is available, with
YAML 1.2-like scalars: no timestamp or yes/no booleans, and mapping keys that
are always strings (an unquoted `200:` status code is the string "200").

Line numbers are only needed when something is wrong, so the fast path keeps
none; `Document.locate` re-reads the text lazily to map a JSON pointer to a
line and column.
"""

from __future__ import annotations

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


_SpecLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


@dataclass(frozen=True)
class Document:
    """A parsed document, with the means to point back into its text."""

    path: Path
    text: str
    data: Any
    is_json: bool
    _positions: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)

    def location(self, pointer: str) -> Location:
        """The location of `pointer`, or of its nearest existing ancestor."""
        tokens = split_pointer(pointer)
        positions = self._position_index
        while True:
            key = "".join("/" + t.replace("~", "~0").replace("/", "~1") for t in tokens)
            if key in positions:
                line, column = positions[key]
                return Location(self.path, pointer, line, column)
            if not tokens:
                return Location(self.path, pointer)
            tokens.pop()

    def problem(self, pointer: str, message: str) -> Problem:
        return Problem(message, self.location(pointer))

    @cached_property
    def _position_index(self) -> dict[str, tuple[int, int]]:
        try:
            if self.is_json:
                return dict(_json_positions(self.text))
            return dict(_yaml_positions(self.text))
        except (ValueError, yaml.YAMLError):
            return {}


def load_document(path: Path) -> Document:
    """Read and parse `path`; raise `SpecError` naming the line on a syntax error."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError([Problem("file not found", Location(path, ""))]) from None
    except UnicodeDecodeError as exc:
        raise SpecError([Problem(f"not UTF-8 text: {exc}", Location(path, ""))]) from None
    except OSError as exc:
        raise SpecError([Problem(f"cannot read: {exc.strerror}", Location(path, ""))]) from None
    return parse_document(path, text)


def parse_document(path: Path, text: str) -> Document:
    is_json = path.suffix.lower() == ".json" or text.lstrip().startswith("{")
    if is_json:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            location = Location(path, "", exc.lineno, exc.colno)
            raise SpecError([Problem(f"invalid JSON: {exc.msg}", location)]) from None
    else:
        try:
            data = yaml.load(text, Loader=_SpecLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            column = mark.column + 1 if mark is not None else None
            reason = getattr(exc, "problem", None) or str(exc)
            location = Location(path, "", line, column)
            raise SpecError([Problem(f"invalid YAML: {reason}", location)]) from None
    if not isinstance(data, dict):
        raise SpecError([Problem("the document must be a mapping", Location(path, "", 1, 1))])
    return Document(path=path, text=text, data=data, is_json=is_json)


def _yaml_positions(text: str) -> Iterator[tuple[str, tuple[int, int]]]:
    root = yaml.compose(text, Loader=_SpecLoader)
    stack: list[tuple[str, yaml.Node]] = [("", root)] if root is not None else []
    while stack:
        pointer, node = stack.pop()
        yield pointer, (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                token = str(key_node.value).replace("~", "~0").replace("/", "~1")
                stack.append((f"{pointer}/{token}", value_node))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                stack.append((f"{pointer}/{index}", item))


_JSON_WS = re.compile(r"[ \t\n\r]*")
_JSON_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")


def _json_positions(text: str) -> Iterator[tuple[str, tuple[int, int]]]:
    """Walk JSON text, yielding the line and column where each value starts."""
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
    results: list[tuple[str, tuple[int, int]]] = []

    def skip(offset: int) -> int:
        match = _JSON_WS.match(text, offset)
        return match.end() if match else offset

    def value(offset: int, pointer: str) -> int:
        offset = skip(offset)
        results.append((pointer, line_column(offset)))
        char = text[offset]
        if char == "{":
            offset = skip(offset + 1)
            if text[offset] == "}":
                return offset + 1
            while True:
                key, offset = decode_string(text, skip(offset) + 1)
                offset = skip(offset)
                if text[offset] != ":":
                    raise ValueError("expected ':'")
                token = key.replace("~", "~0").replace("/", "~1")
                offset = skip(value(offset + 1, f"{pointer}/{token}"))
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
