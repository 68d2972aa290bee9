"""Turning Python values into what goes on the wire: JSON values, path segments, query pairs."""

from __future__ import annotations

import enum
import urllib.parse
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime

from .errors import RequestValidationError


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


def text(value: object) -> str:
    """A scalar as it appears in a path, query string or header."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def expand_path(template: str, values: Mapping[str, object]) -> str:
    """Fill `{name}` segments; each value is percent-encoded, so it stays one segment."""
    path = template
    for name, value in values.items():
        if isinstance(value, list | tuple):
            segment = ",".join(text(v) for v in value)
        else:
            segment = text(value)
        path = path.replace("{" + name + "}", urllib.parse.quote(segment, safe=""))
    return path


def query(
    parameters: Iterable[tuple[str, object, str, bool]],
) -> tuple[tuple[str, str], ...]:
    """Query pairs from (name, value, style, explode); parameters left out are skipped."""
    pairs: list[tuple[str, str]] = []
    for name, value, style, explode in parameters:
        if value is None:
            continue
        if isinstance(value, Mapping):
            if style == "deepObject":
                pairs.extend((f"{name}[{k}]", text(v)) for k, v in value.items())
            elif explode:
                pairs.extend((k, text(v)) for k, v in value.items())
            else:
                pairs.append((name, ",".join(f"{k},{text(v)}" for k, v in value.items())))
        elif isinstance(value, Sequence) and not isinstance(value, str | bytes):
            if explode and style == "form":
                pairs.extend((name, text(v)) for v in value)
            else:
                separator = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(style, ",")
                pairs.append((name, separator.join(text(v) for v in value)))
        else:
            pairs.append((name, text(value)))
    return tuple(pairs)


def headers(parameters: Iterable[tuple[str, object]]) -> tuple[tuple[str, str], ...]:
    """Header pairs (simple style); parameters left out are skipped."""
    pairs = []
    for name, value in parameters:
        if value is None:
            continue
        if isinstance(value, Sequence) and not isinstance(value, str | bytes):
            pairs.append((name, ",".join(text(v) for v in value)))
        else:
            pairs.append((name, text(value)))
    return tuple(pairs)


def json_value(value: object, field: str) -> object:
    """Any model, enum, date or container of them, as JSON (for union-typed values)."""
    to_json = getattr(value, "to_json", None)
    if callable(to_json):
        return to_json()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return date_time(value, field)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [json_value(v, field) for v in value]
    if isinstance(value, Mapping):
        return {str(k): json_value(v, field) for k, v in value.items()}
    return value
