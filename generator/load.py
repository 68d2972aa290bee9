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

A document is JSON data, whatever it is written in, and the loader keeps it
within bounds every later stage can follow (each a located error):

- mappings and lists nest at most `MAX_DEPTH` levels;
- YAML aliases may repeat parts of a document, not multiply it: expanded, it
  holds at most `max(MAX_EXPANDED_NODES, ALIAS_GROWTH * nodes written)` nodes
  (a "billion laughs" document is refused before it is built);
- numbers are finite and within a double's range (no NaN, Infinity or
  `.inf`, no integer of more than 308 digits);
- YAML tags without a JSON equivalent (`!!timestamp`, `!!binary`, `!!set`,
  `!!omap`, `!!pairs`, any application tag) are refused, not turned into
  Python objects no later stage expects.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from .errors import Location, Problem, SpecError, split_pointer

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_DEPTH = 128
"""How deeply mappings and lists may nest. The real documents we test on nest at
most 26 levels; a few hundred are past what Python's parser (for the generated
types) and the validator can follow."""
MAX_EXPANDED_NODES = 100_000
"""Nodes any document may hold once its YAML aliases are expanded..."""
ALIAS_GROWTH = 10
"""...or this many times the nodes it has as written, if more."""
MAX_INTEGER_DIGITS = 308
"""Past ~1.8e308 no double holds the number: most JSON readers cannot read it."""

_YAML_1_2_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class _SpecLoader(_Loader):  # type: ignore[misc]
    """Safe loader with JSON-compatible scalars and string keys."""


class _AliasCheckingLoader(_SpecLoader):
    """For a text that may hold anchors: the node graph is checked before it is built."""

    def construct_document(self, node: yaml.Node) -> Any:
        _checked_aliases(node)
        return super().construct_document(node)


_ANCHOR = re.compile(r"(?:^|[\s\[{,:])&[^\s\[\]{},]")
"""Where a YAML anchor may be (a text without one has no aliases: no check is needed)."""


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


class _NotJsonData(yaml.constructor.ConstructorError):  # type: ignore[misc]
    """A value, or a shape, the document may not hold; `pointer` where it is, if known."""

    def __init__(self, message: str, mark: yaml.Mark | None, pointer: str = "") -> None:
        super().__init__(None, None, message, mark)
        self.pointer = pointer


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    if sum(c.isdigit() for c in node.value) <= MAX_INTEGER_DIGITS:
        number = loader.construct_yaml_int(node)
        if _finite(number):
            return int(number)
    raise _NotJsonData(_number_refused(node.value), node.start_mark)


def _construct_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    number = loader.construct_yaml_float(node)
    if not math.isfinite(number):
        raise _NotJsonData(_number_refused(node.value), node.start_mark)
    return float(number)


def _construct_refused(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    raise _NotJsonData(
        f"the YAML tag {tag} has no JSON equivalent: an OpenAPI document is JSON data; "
        "quote the value to keep it as text",
        node.start_mark,
    )


_SpecLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_SpecLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
for _tag in ("timestamp", "binary", "set", "omap", "pairs"):
    _SpecLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _construct_refused)
_SpecLoader.add_constructor(None, _construct_refused)


def _finite(number: float) -> bool:
    try:
        return math.isfinite(number)
    except OverflowError:
        return False


def _number_refused(written: str) -> str:
    shown = written if len(written) <= 40 else f"{written[:20]}…({len(written)} characters)"
    return (
        f"{shown} is not a JSON number: numbers must be finite and within a double's "
        "range (±1.8e308), so NaN, Infinity and longer integers cannot be read by most "
        "tools; write it as a string if it is text"
    )


def _checked_aliases(root: yaml.Node) -> None:
    """Refuse a YAML node graph in which an alias refers to the node holding it, or
    whose aliases expand it far beyond what is written; before anything is built."""
    sizes: dict[int, int] = {}
    uses: dict[int, int] = {}
    nodes: dict[int, yaml.Node] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _node_children(node))
            continue
        uses[key] = uses.get(key, 0) + 1
        if key in sizes:
            continue
        if key in open_nodes:
            raise _NotJsonData(
                "an alias refers to the node that holds it: the document would be infinite",
                node.start_mark,
            )
        nodes[key] = node
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(_node_children(node)))
    written, expanded = len(sizes), sizes[id(root)]
    allowed = max(MAX_EXPANDED_NODES, ALIAS_GROWTH * written)
    if expanded > allowed:
        repeated = max((k for k in sizes if uses[k] > 1), key=lambda k: sizes[k] * uses[k])
        raise _NotJsonData(
            f"the aliases of the anchor here expand the document to {expanded:,} nodes "
            f"from {written:,} written; aliases may repeat parts of a document (up to "
            f"{allowed:,} nodes), not multiply it",
            nodes[repeated].start_mark,
        )


def _yaml_too_deep(text: str) -> _NotJsonData:
    """The error for YAML text nesting more than `MAX_DEPTH` mappings and lists, at the
    first place it does (only called once the document is known to be too deep)."""
    try:
        root = yaml.compose(text, Loader=_SpecLoader)
    except RecursionError:  # composing without libyaml
        return _NotJsonData(_too_deep(), None)
    heights: dict[int, int] = {}  # levels of mappings and lists, by node
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:  # the graph may share nodes (aliases): each is measured once
        node, done = stack.pop()
        children = _node_children(node)
        if done:
            open_nodes.discard(id(node))
            heights[id(node)] = (
                0
                if isinstance(node, yaml.ScalarNode)
                else 1 + max((heights[id(child)] for child in children), default=0)
            )
        elif id(node) in open_nodes:
            return _NotJsonData("an alias refers to the node that holds it", node.start_mark)
        elif id(node) not in heights:
            open_nodes.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in heights)
    pointer, node, depth = "", root, 1
    while depth <= MAX_DEPTH:
        token, node = max(_node_members(node), key=lambda member: heights[id(member[1])])
        pointer += "/" + token.replace("~", "~0").replace("/", "~1")
        depth += 1
    return _NotJsonData(_too_deep(), node.start_mark, _shortened(pointer))


def _node_children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _node_members(node: yaml.Node) -> list[tuple[str, yaml.Node]]:
    if isinstance(node, yaml.MappingNode):
        return [(str(key.value), value) for key, value in node.value]
    if isinstance(node, yaml.SequenceNode):
        return [(str(index), item) for index, item in enumerate(node.value)]
    return []


def _too_deep() -> str:
    return (
        f"mappings and lists nest more than {MAX_DEPTH} levels deep here; the generator "
        "follows no deeper (the real documents it is tested on nest at most 26)"
    )


def _shortened(pointer: str) -> str:
    """The first tokens of a very long pointer, which still say where the place is."""
    return "".join("/" + token for token in pointer.split("/")[1:7])


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
        except (ValueError, yaml.YAMLError, RecursionError):
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
            data = _json_data(path, text)
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
                data, is_json = _json_data(path, text), True
        if not is_json:
            try:
                data = _yaml_data(text)
            except _NotJsonData as exc:
                mark = exc.problem_mark
                location = (
                    Location(path, exc.pointer)
                    if mark is None
                    else Location(path, exc.pointer, mark.line + 1, mark.column + 1)
                )
                raise SpecError([Problem(str(exc.problem), location)]) from None
            except yaml.YAMLError as exc:
                raise SpecError([_yaml_problem(path, text, exc)]) from None
    if not isinstance(data, dict):
        raise SpecError([Problem("the document must be a mapping", Location(path, "", 1, 1))])
    return Document(path=path, text=text, data=data, is_json=is_json)


class _DuplicateKey(yaml.constructor.ConstructorError):  # type: ignore[misc]
    pass


class _RefusedNumber(ValueError):
    def __init__(self, written: str) -> None:
        super().__init__(written)
        self.written = written


def _yaml_data(text: str) -> Any:
    """YAML text as data, within the bounds of the module's docstring."""
    loader = _AliasCheckingLoader if _ANCHOR.search(text) else _SpecLoader
    try:
        data = yaml.load(text, Loader=loader)
    except RecursionError:  # building it, or composing it without libyaml
        raise _yaml_too_deep(text) from None
    if _json_depth(data) > MAX_DEPTH:
        raise _yaml_too_deep(text)
    return data


def _json_integer(written: str) -> int:
    if len(written.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise _RefusedNumber(written)
    return int(written)


def _json_float(written: str) -> float:
    number = float(written)
    if not math.isfinite(number):  # 1e400
        raise _RefusedNumber(written)
    return number


def _json_constant(written: str) -> float:
    raise _RefusedNumber(written)  # NaN, Infinity, -Infinity


def _json_data(path: Path, text: str) -> Any:
    """JSON text as data, within the bounds of the module's docstring."""
    try:
        data = json.loads(
            text,
            parse_int=_json_integer,
            parse_float=_json_float,
            parse_constant=_json_constant,
        )
    except _RefusedNumber as exc:
        location = _json_number_location(path, text, exc.written)
        raise SpecError([Problem(_number_refused(exc.written), location)]) from None
    except RecursionError:
        raise SpecError([Problem(_too_deep(), _json_too_deep_location(path, text))]) from None
    if _json_depth(data) > MAX_DEPTH:
        raise SpecError([Problem(_too_deep(), _json_too_deep_location(path, text))])
    return data


def _json_depth(data: Any) -> int:
    """How many levels of mappings and lists `data` has (a level at a time: no recursion)."""
    depth, level = 0, [data]
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            return depth
        deeper: list[Any] = []
        for node in level:
            members = node.values() if isinstance(node, dict) else node
            deeper.extend(m for m in members if isinstance(m, dict | list))
        level = deeper
    return depth - 1


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _json_too_deep_location(path: Path, text: str) -> Location:
    """Where JSON text first opens a mapping or list past `MAX_DEPTH` levels."""
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return _text_location(path, text, match.start())
        elif token in "]}":
            depth -= 1
    return Location(path, "")


def _json_number_location(path: Path, text: str, written: str) -> Location:
    """Where a refused number is written (as a value, not inside a string)."""
    match = re.search(r"[:,\[]\s*(" + re.escape(written) + r")(?![\w.])", text)
    return _text_location(path, text, match.start(1)) if match else Location(path, "")


def _text_location(path: Path, text: str, offset: int) -> Location:
    line = text.count("\n", 0, offset) + 1
    return Location(path, "", line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


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
        line = bisect.bisect_right(line_starts, offset) - 1
        return line + 1, offset - line_starts[line] + 1

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
