"""Checks of the description's constraints, run before anything is sent.

A value the API would refuse must not cost a request (or an SMS credit): each
check raises `RequestValidationError` naming the field, the rule and what is
wrong with the value. As in JSON Schema, a rule only applies to values of its
own type (`maxLength` to strings, `minimum` to numbers...): a value of another
type, allowed by a union, passes it.
"""

from __future__ import annotations

import functools
import re
from typing import TypeGuard

from ._decode import same_json
from .errors import RequestValidationError


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _is_number(value: object) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def pattern(field: str, value: object, regex: str) -> None:
    if isinstance(value, str) and _compiled(regex).search(value) is None:
        raise RequestValidationError(
            field, "pattern", f"{_shown(value)} does not match the pattern {regex!r}"
        )


def min_length(field: str, value: object, limit: int) -> None:
    # JSON Schema counts characters (code points), as len() does.
    if isinstance(value, str) and len(value) < limit:
        raise RequestValidationError(
            field, "minLength", f"has length {len(value)}; the minimum is {limit}"
        )


def max_length(field: str, value: object, limit: int) -> None:
    if isinstance(value, str) and len(value) > limit:
        raise RequestValidationError(
            field, "maxLength", f"has length {len(value)}; the maximum is {limit}"
        )


def minimum(field: str, value: object, limit: float) -> None:
    if _is_number(value) and value < limit:
        raise RequestValidationError(field, "minimum", f"is {value}; the minimum is {limit}")


def min_items(field: str, value: object, limit: int) -> None:
    if isinstance(value, list | tuple) and len(value) < limit:
        raise RequestValidationError(
            field, "minItems", f"has {len(value)} items; the minimum is {limit}"
        )


def one_of_values(field: str, value: object, allowed: tuple[object, ...]) -> None:
    if value is not None and not any(same_json(value, choice) for choice in allowed):
        raise RequestValidationError(
            field, "enum", f"is {_shown(value)}; it must be one of {_shown(allowed)}"
        )
