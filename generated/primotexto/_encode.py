"""Turning Python values into what goes on the wire: JSON values, path segments, query pairs.

Parameters and form fields arrive here already JSON-ready (models as dicts,
dates as text), so each function only decides how a JSON value is written in
its place: an object or array nested deeper than the style can express is
written as compact JSON, never as a Python `repr`.
"""

from __future__ import annotations

import enum
import json
import urllib.parse
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime

from ._types import NotGiven
from .errors import RequestValidationError

Parts = tuple[tuple[str, tuple[str, bytes, str | None]], ...]


def date_time(value: datetime, field: str) -> str:
    """RFC 3339; a naive datetime is refused, since its moment is ambiguous."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise RequestValidationError(
            field, "format", "is a naive datetime; give one with a timezone (e.g. UTC)"
        )
    return value.isoformat()


def full_date(value: date) -> str:
    return value.isoformat()


def unix_time(value: datetime | int, per_second: int, field: str) -> int:
    """An aware datetime or an integer already in the API's unit."""
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise RequestValidationError(
                field, "format", "is a naive datetime; give one with a timezone (e.g. UTC)"
            )
        return round(value.timestamp() * per_second)
    return value


def enum_value(value: enum.Enum | str | int) -> str | int:
    return value.value if isinstance(value, enum.Enum) else value


def member_value(value: enum.Enum | str | int, allowed: type[enum.Enum], field: str) -> str | int:
    """The value of a member of the closed enum `allowed`; anything else is refused."""
    try:
        member = allowed(value.value if isinstance(value, enum.Enum) else value)
    except ValueError:
        values = ", ".join(repr(m.value) for m in allowed)
        raise RequestValidationError(
            field, "enum", f"is {value!r}; it must be one of {values}"
        ) from None
    result: str | int = member.value
    return result


def text(value: object) -> str:
    """A value as it appears in a path, query string, header or form field."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return text(value.value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping | list | tuple):
        return _compact_json(value)
    return str(value)


def _compact_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _simple(value: object) -> str:
    """The `simple` style (paths and headers): arrays and objects comma-separated."""
    if isinstance(value, Mapping):
        return ",".join(f"{text(k)},{text(v)}" for k, v in value.items() if v is not None)
    if isinstance(value, list | tuple):
        return ",".join(text(v) for v in value if v is not None)
    return text(value)


def expand_path(template: str, values: Mapping[str, object]) -> str:
    """Fill `{name}` segments; each value is percent-encoded, so it stays one segment."""
    path = template
    for name, value in values.items():
        path = path.replace("{" + name + "}", urllib.parse.quote(_simple(value), safe=""))
    return path


def query(
    parameters: Iterable[tuple[str, object, str, bool]],
) -> tuple[tuple[str, str], ...]:
    """Query pairs from (name, value, style, explode), as RFC 6570 expands them.

    A value left out (None) is skipped, and so are null items and properties,
    empty arrays and empty objects: they have no form in a query string.
    """
    pairs: list[tuple[str, str]] = []
    for name, value, style, explode in parameters:
        if isinstance(value, Mapping):
            entries = [(str(k), v) for k, v in value.items() if v is not None]
            if not entries:
                continue
            if style == "deepObject":
                pairs.extend((f"{name}[{k}]", text(v)) for k, v in entries)
            elif explode:
                pairs.extend((k, text(v)) for k, v in entries)
            else:
                pairs.append((name, ",".join(f"{k},{text(v)}" for k, v in entries)))
        elif isinstance(value, Sequence) and not isinstance(value, str | bytes):
            items = [v for v in value if v is not None]
            if not items:
                continue
            if explode and style == "form":
                pairs.extend((name, text(v)) for v in items)
            else:
                separator = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(style, ",")
                pairs.append((name, separator.join(text(v) for v in items)))
        elif value is not None:
            pairs.append((name, text(value)))
    return tuple(pairs)


_TOKEN = frozenset("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def headers(parameters: Iterable[tuple[str, object]]) -> tuple[tuple[str, str], ...]:
    """Header pairs (simple style); parameters left out are skipped."""
    pairs = []
    for name, value in parameters:
        if value is None:
            continue
        if not name or not set(name) <= _TOKEN:
            raise RequestValidationError(
                name, "name", "is not a valid HTTP header name, so no value can be sent for it"
            )
        pairs.append((name, _simple(value)))
    return tuple(pairs)


# What RFC 6265 allows in a cookie value; anything else is percent-encoded, so
# that a value can never end its cookie and start another.
_COOKIE_SAFE = "!#$%&'()*+-./:<=>?@[]^_`{|}~"


def cookies(parameters: Iterable[tuple[str, object]]) -> tuple[tuple[str, str], ...]:
    """Cookie pairs (form style, not exploded); parameters left out are skipped."""
    return tuple(
        (name, urllib.parse.quote(_simple(value), safe=_COOKIE_SAFE))
        for name, value in parameters
        if value is not None
    )


def form(
    values: object, styles: Mapping[str, tuple[str, bool]] | None = None
) -> tuple[tuple[str, str], ...]:
    """An `application/x-www-form-urlencoded` body: each property as a query parameter.

    `styles` gives a property's (style, explode) when the description's
    `encoding` sets them; the default is form, exploded (an array repeats its
    name). A form cannot say null: a property whose value is null is left out.
    """
    if not isinstance(values, Mapping):
        raise RequestValidationError("body", "type", "must be an object to be sent as a form")
    chosen = styles or {}
    return query(
        (str(name), value, *chosen.get(str(name), ("form", True))) for name, value in values.items()
    )


def multipart(
    values: object, content_types: Mapping[str, str] | None = None
) -> tuple[tuple[tuple[str, str], ...], Parts]:
    """A `multipart/form-data` body: (no separate text fields, its parts in order).

    Bytes become a file part named after the property; an object (or an array
    sent as JSON) becomes an `application/json` part; each item of an array is
    a part of its own under the property's name; anything else is a plain text
    part. `content_types` are the description's `encoding` content types. A
    null property is left out.
    """
    if not isinstance(values, Mapping):
        raise RequestValidationError("body", "type", "must be an object to be sent as multipart")
    chosen = content_types or {}
    parts: list[tuple[str, tuple[str, bytes, str | None]]] = []
    for key, value in values.items():
        name = str(key)
        content_type = chosen.get(name)
        as_json = content_type is not None and _is_json(content_type)
        items = value if isinstance(value, list | tuple) and not as_json else [value]
        for item in items:
            if item is None:
                continue
            if isinstance(item, bytes):
                parts.append((name, (name, item, content_type or "application/octet-stream")))
            elif isinstance(item, Mapping | list | tuple) or as_json:
                encoded = _compact_json(item).encode("utf-8")
                parts.append((name, ("", encoded, content_type or "application/json")))
            else:
                # No file name and no content type: a plain form field.
                parts.append((name, ("", text(item).encode("utf-8"), content_type)))
    # Every part goes with the files, so that parts keep their order, a name may
    # repeat, and a body without a file is still multipart.
    return (), tuple(parts)


def _is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


def missing(argument: str, content_type: str) -> RequestValidationError:
    """The error for an argument that the chosen `content_type` needs."""
    return RequestValidationError(
        argument, "required", f"is required when the body is sent as {content_type}"
    )


def not_sent(content_type: str, arguments: Mapping[str, object]) -> None:
    """Refuse arguments that the body sent as `content_type` has no place for."""
    for argument, value in arguments.items():
        if value is not None and not isinstance(value, NotGiven):
            raise RequestValidationError(
                argument, "content_type", f"is not part of the body sent as {content_type}"
            )


def unknown_content_type(content_type: str, known: Sequence[str]) -> RequestValidationError:
    return RequestValidationError(
        "content_type", "enum", f"{content_type!r} is not one of {', '.join(known)}"
    )


def json_value(value: object, field: str) -> object:
    """Any model, enum, date or container of them, as JSON (for union-typed values)."""
    to_json = getattr(value, "to_json", None)
    if callable(to_json):
        return to_json(field)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return date_time(value, field)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [json_value(v, f"{field}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, Mapping):
        return {str(k): json_value(v, f"{field}[{k!r}]") for k, v in value.items()}
    return value
