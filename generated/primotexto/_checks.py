"""Checks of the description's constraints, run before anything is sent.

A value the API would refuse must not cost a request (or an SMS credit): each
check raises `RequestValidationError` naming the argument as the caller wrote
it (`contacts[0].identifier` inside a model) and saying the rule in words. As in
JSON Schema, a rule only applies to values of its own type (`maxLength` to
strings, `minimum` to numbers...): a value of another type, allowed by a union,
passes it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TypeGuard

from ._decode import same_json
from .errors import RequestValidationError


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _is_number(value: object) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _at_least(count: int, noun: str) -> str:
    return f"at least {_counted(count, noun)} {'is' if count == 1 else 'are'} required"


def _at_most(count: int, noun: str) -> str:
    return f"at most {_counted(count, noun)} {'is' if count == 1 else 'are'} allowed"


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@dataclass(frozen=True)
class _CharacterRule:
    """A pattern made of allowed characters, repeated: its parts, to explain a refusal."""

    allowed: str
    """A regex matching one allowed character."""
    described: str
    least: int
    most: int | None
    required: tuple[tuple[str, str], ...] = ()
    """Lookaheads that require a character of a class: (regex, the class in words)."""

    def problem(self, value: str) -> str | None:
        for index, character in enumerate(value):
            if _compiled(self.allowed).fullmatch(character) is None:
                return (
                    f"has {character!r} at position {index + 1}, which is not allowed "
                    f"(allowed: {self.described})"
                )
        if len(value) < self.least:
            length = f"is {_counted(len(value), 'character')} long" if value else "is empty"
            return f"{length}; {_at_least(self.least, 'character')}"
        if self.most is not None and len(value) > self.most:
            length = f"is {_counted(len(value), 'character')} long"
            return f"{length}; {_at_most(self.most, 'character')}"
        for regex, described in self.required:
            if _compiled(regex).search(value) is None:
                return f"must contain at least one character among {described}"
        return None


# The patterns of the API description that can be explained in words.
_CHARACTER_RULES = {
    r"^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}\Z": _CharacterRule(
        allowed=r"[A-Za-z0-9]",
        described="A-Z, a-z, 0-9",
        least=3,
        most=11,
        required=((r"\A(?=.*[A-Za-z])", "A-Z, a-z"),),
    ),
    "^[A-Za-z0-9 @£_!$\"#èé%ù&ìò()*:+;,<=ÑñÅ.>Üüå/?à|\\^¤{}~\\\\'\\-\\n]+\\Z": _CharacterRule(
        allowed="[A-Za-z0-9 @£_!$\"#èé%ù&ìò()*:+;,<=ÑñÅ.>Üüå/?à|\\^¤{}~\\\\'\\-\\n]",
        described="A-Z, a-z, 0-9, space, newline and any of @£_!$\"#èé%ù&ìò()*:+;,<=ÑñÅ.>Üüå/?à|^¤{}~\\'-",
        least=1,
        most=None,
    ),
}


def pattern(field: str, value: object, regex: str) -> None:
    if isinstance(value, str) and _compiled(regex).search(value) is None:
        rule = _CHARACTER_RULES.get(regex)
        problem = rule.problem(value) if rule is not None else None
        raise RequestValidationError(
            field, "pattern", problem or f"{_shown(value)} does not match the pattern {regex!r}"
        )


def min_length(field: str, value: object, limit: int) -> None:
    # JSON Schema counts characters (code points), as len() does.
    if isinstance(value, str) and len(value) < limit:
        length = f"is {_counted(len(value), 'character')} long" if len(value) else "is empty"
        raise RequestValidationError(
            field, "minLength", f"{length}; {_at_least(limit, 'character')}"
        )


def max_length(field: str, value: object, limit: int) -> None:
    if isinstance(value, str) and len(value) > limit:
        length = f"is {_counted(len(value), 'character')} long"
        raise RequestValidationError(
            field, "maxLength", f"{length}; {_at_most(limit, 'character')}"
        )


def minimum(field: str, value: object, limit: float) -> None:
    if _is_number(value) and value < limit:
        raise RequestValidationError(field, "minimum", f"is {value}; it must be at least {limit}")


def min_items(field: str, value: object, limit: int) -> None:
    if isinstance(value, list | tuple) and len(value) < limit:
        has = f"has {_counted(len(value), 'item')}"
        raise RequestValidationError(field, "minItems", f"{has}; {_at_least(limit, 'item')}")


def one_of_values(field: str, value: object, allowed: tuple[object, ...]) -> None:
    if value is not None and not any(same_json(value, choice) for choice in allowed):
        raise RequestValidationError(
            field, "enum", f"is {_shown(value)}; it must be one of {_shown(allowed)}"
        )
