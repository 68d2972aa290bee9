"""Checks of the description's constraints, run before anything is sent.

A value the API would refuse must not cost a request (or an SMS credit): each
check raises `RequestValidationError` naming the field, the rule and what is
wrong with the value.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sized

from .errors import RequestValidationError


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def pattern(field: str, value: str, regex: str) -> None:
    if _compiled(regex).search(value) is None:
        raise RequestValidationError(
            field, "pattern", f"{_shown(value)} does not match the pattern {regex!r}"
        )


def min_length(field: str, value: Sized, limit: int) -> None:
    if len(value) < limit:
        raise RequestValidationError(
            field, "minLength", f"has length {len(value)}; the minimum is {limit}"
        )


def max_length(field: str, value: Sized, limit: int) -> None:
    if len(value) > limit:
        raise RequestValidationError(
            field, "maxLength", f"has length {len(value)}; the maximum is {limit}"
        )


def minimum(field: str, value: float, limit: float) -> None:
    if value < limit:
        raise RequestValidationError(field, "minimum", f"is {value}; the minimum is {limit}")


def min_items(field: str, value: Sized, limit: int) -> None:
    if len(value) < limit:
        raise RequestValidationError(
            field, "minItems", f"has {len(value)} items; the minimum is {limit}"
        )
