"""Turning JSON from the API into typed values, or saying exactly where it does not fit.

Every decoder takes the raw value and its path (``$.items[0].id``) and either
returns the typed value or raises `DecodeError` naming that path. The client
turns a `DecodeError` into `primotexto.errors.ResponseValidationError`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta, timezone
from typing import Any, TypeVar

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)
Decoder = Callable[[object, str], T]

_RFC3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})"
)
_FULL_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class DecodeError(Exception):
    """A value at `path` is not what the API description promises."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def string(value: object, path: str) -> str:
    if isinstance(value, str):
        return value
    raise DecodeError(path, f"expected a string, got {_describe(value)}")


def integer(value: object, path: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise DecodeError(path, f"expected an integer, got {_describe(value)}")


def number(value: object, path: str) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise DecodeError(path, f"expected a number, got {_describe(value)}")


def boolean(value: object, path: str) -> bool:
    if isinstance(value, bool):
        return value
    raise DecodeError(path, f"expected a boolean, got {_describe(value)}")


def any_value(value: object, path: str) -> Any:
    return value


def date_time(value: object, path: str) -> datetime:
    """An RFC 3339 date-time, always timezone-aware."""
    match = _RFC3339.fullmatch(string(value, path))
    if match is None:
        raise DecodeError(path, f"expected an RFC 3339 date-time, got {value!r:.40}")
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    if offset in ("Z", "z"):
        tz = timezone.utc
    else:
        sign = -1 if offset[0] == "-" else 1
        tz = timezone(sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6])))
    try:
        return datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            min(int(second), 59),  # a leap second is kept as :59
            int((fraction or "0")[:6].ljust(6, "0")),
            tzinfo=tz,
        )
    except ValueError as exc:
        raise DecodeError(path, f"invalid date-time {value!r:.40}: {exc}") from None


def full_date(value: object, path: str) -> date:
    match = _FULL_DATE.fullmatch(string(value, path))
    try:
        if match is None:
            raise ValueError("not YYYY-MM-DD")
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as exc:
        raise DecodeError(path, f"invalid date {value!r:.40}: {exc}") from None


def unix_seconds(value: object, path: str) -> datetime:
    return _from_timestamp(integer(value, path), 1, path)


def unix_milliseconds(value: object, path: str) -> datetime:
    return _from_timestamp(integer(value, path), 1000, path)


def _from_timestamp(value: int, per_second: int, path: str) -> datetime:
    try:
        return datetime.fromtimestamp(value / per_second, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        raise DecodeError(path, f"timestamp {value} is out of range") from None


def utf8_bytes(value: object, path: str) -> bytes:
    """`format: binary` inside JSON: the string's UTF-8 bytes."""
    return string(value, path).encode("utf-8")


def array_of(item: Decoder[T]) -> Decoder[list[T]]:
    def decode(value: object, path: str) -> list[T]:
        if not isinstance(value, list):
            raise DecodeError(path, f"expected an array, got {_describe(value)}")
        return [item(element, f"{path}[{index}]") for index, element in enumerate(value)]

    return decode


def map_of(item: Decoder[T]) -> Decoder[dict[str, T]]:
    def decode(value: object, path: str) -> dict[str, T]:
        return {key: item(element, f"{path}.{key}") for key, element in obj(value, path).items()}

    return decode


def nullable(inner: Decoder[T]) -> Decoder[T | None]:
    def decode(value: object, path: str) -> T | None:
        return None if value is None else inner(value, path)

    return decode


def null(value: object, path: str) -> Any:
    """Only null (`type: 'null'`); typed `None` where the result goes."""
    if value is None:
        return None
    raise DecodeError(path, f"expected null, got {_describe(value)}")


def same_json(a: object, b: object) -> bool:
    """Equality of JSON values: 1 and 1.0 are equal, true and 1 are not (an enum member
    is its value)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(same_json(a[key], b[key]) for key in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(same_json(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def constant(*allowed: object) -> Decoder[Any]:
    """One of fixed values (`const`, `enum`) that no `Literal` can spell: numbers with a
    fraction, objects, arrays."""

    def decode(value: object, path: str) -> Any:
        if any(same_json(value, choice) for choice in allowed):
            return value
        shown = " or ".join(repr(choice) for choice in allowed)
        raise DecodeError(path, f"expected {shown:.80}, got {value!r:.40}")

    return decode


def tuple_of(
    positions: tuple[Decoder[Any], ...], rest: Decoder[Any] | None, shortest: int = 0
) -> Decoder[Any]:
    """An array typed position by position (`prefixItems`), then by `rest`.

    Without `rest` nothing may follow the positions, and at least `shortest` of
    them must be there: the tuple types promise as much.
    """

    def decode(value: object, path: str) -> Any:
        if not isinstance(value, list):
            raise DecodeError(path, f"expected an array, got {_describe(value)}")
        if rest is None and not shortest <= len(value) <= len(positions):
            expected = (
                str(shortest) if shortest == len(positions) else f"{shortest} to {len(positions)}"
            )
            raise DecodeError(path, f"expected {expected} items, got {len(value)}")
        return tuple(
            (positions[index] if index < len(positions) else rest or any_value)(
                element, f"{path}[{index}]"
            )
            for index, element in enumerate(value)
        )

    return decode


def literal(expected: object) -> Decoder[Any]:
    """Exactly `expected` (a `const`); typed by the field it fills."""

    def decode(value: object, path: str) -> Any:
        if value == expected and type(value) is type(expected):
            return expected
        raise DecodeError(path, f"expected {expected!r}, got {value!r:.40}")

    return decode


def enum_of(enum_class: type[E], base: Decoder[T]) -> Decoder[E | T]:
    """A documented value becomes its member; an undocumented one is kept as it is.

    The API may add values at any time; a new value must not break the call.
    """

    def decode(value: object, path: str) -> E | T:
        raw = base(value, path)
        try:
            return enum_class(raw)
        except ValueError:
            return raw

    return decode


def union_of(*options: Decoder[Any]) -> Decoder[Any]:
    """The option that fits the value best; the first that accepts it, for anything but objects.

    Models ignore fields they do not know, so an object may be accepted by
    several of them: it goes to the model that knows the most of its fields,
    the earliest listed among equals (a model without required fields must
    not take what another describes more closely).
    """

    def decode(value: object, path: str) -> Any:
        failures = []
        best: tuple[int, Any] | None = None
        for option in options:
            try:
                result = option(value, path)
            except DecodeError as exc:
                failures.append(exc.message)
                continue
            if not isinstance(value, dict):
                return result
            known: frozenset[str] = getattr(type(result), "_JSON_KEYS", frozenset())
            fit = sum(1 for key in value if key in known)
            if best is None or fit > best[0]:
                best = (fit, result)
            if fit == len(value):
                break
        if best is not None:
            return best[1]
        raise DecodeError(path, "matches none of the allowed shapes: " + "; ".join(failures))

    return decode


def discriminated(
    property_name: str, choices: Mapping[str, Decoder[Any]], fallback: Decoder[Any]
) -> Decoder[Any]:
    """Choose the shape by the value of `property_name`, as the description's discriminator says."""

    def decode(value: object, path: str) -> Any:
        tag = obj(value, path).get(property_name)
        chosen = choices.get(tag) if isinstance(tag, str) else None
        return (chosen or fallback)(value, path)

    return decode


def obj(value: object, path: str) -> dict[str, object]:
    if isinstance(value, dict):
        return value
    raise DecodeError(path, f"expected an object, got {_describe(value)}")


def required(data: Mapping[str, object], key: str, path: str, decoder: Decoder[T]) -> T:
    try:
        value = data[key]
    except KeyError:
        raise DecodeError(path, f"required field {key!r} is missing") from None
    return decoder(value, f"{path}.{key}")


def optional(data: Mapping[str, object], key: str, path: str, decoder: Decoder[T]) -> T | None:
    value = data.get(key)
    return None if value is None else decoder(value, f"{path}.{key}")
