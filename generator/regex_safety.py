"""Patterns Python's backtracking `re` may take exponential time on (ReDoS).

The generated client checks `pattern` on application input before sending; a
pattern such as `^(a+)+$` makes that check take seconds on a 25-character value,
and doubles with each character more. `exponential_risk` finds the constructs
that cause it, in the parsed pattern (Python's own parser, so it reads exactly
what `re` will run), inside a repetition (`*`, `+`, `{n,}`, `{n,m}`):

- a repeated part whose iterations can be split in several ways: a variable
  repetition whose characters what follows it may match too (the rest of the
  part, or the next iteration if the rest may be empty): `(a+)+`, `(\\w+\\s?)*`,
  `(x+x+)+`, `(.*a)+`; not `([a-z]+\\.)+` or `(-[a-z]+)*`;
- a repeated part that may match nothing (`(a?)*`);
- alternatives that can start with the same character (`(a|ab)*`).

These are the classic causes; the check may flag a pattern that is in fact
safe (it finds a possible ambiguity, it does not prove one). The generator
then does not check the pattern in the client (the API still does) and says
so in a warning. Polynomial patterns (`\\d+\\d+$`, quadratic) are left to be
checked: their cost grows with the length of the value, not exponentially.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_SAMPLES = (*map(chr, range(128)), "\u00e9", "\u00a0", "\u6771", "\u0661", "\u2028")
"""Characters standing for all: enough to tell whether two character sets meet."""

_CATEGORIES: dict[Any, Callable[[str], bool]] = {
    sre.CATEGORY_DIGIT: str.isdigit,
    sre.CATEGORY_NOT_DIGIT: lambda c: not c.isdigit(),
    sre.CATEGORY_SPACE: str.isspace,
    sre.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    sre.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
    sre.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
}

Item = tuple[Any, Any]


def exponential_risk(pattern: str) -> str | None:
    """What in `pattern` (Python syntax) can make `re` take exponential time, or None."""
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return None  # reported as a pattern Python cannot run, elsewhere
    return _risk(list(parsed), repeated=False)


def _risk(items: list[Item], *, repeated: bool) -> str | None:
    for op, av in items:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, high, body = av
            body = list(body)
            if high > 1 and low != high:
                found = _ambiguous_iterations(body)
                if found:
                    return found
            found = _risk(body, repeated=repeated or high > 1)
        elif op == sre.SUBPATTERN:
            found = _risk(list(av[-1]), repeated=repeated)
        elif op == sre.BRANCH:
            alternatives = [list(a) for a in av[1]]
            found = None
            if repeated:
                found = _overlapping_alternatives(alternatives)
            for alternative in alternatives:
                found = found or _risk(alternative, repeated=repeated)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            found = _risk(list(av[1]), repeated=repeated)
        else:
            found = None
        if found:
            return found
    return None


def _ambiguous_iterations(body: list[Item]) -> str | None:
    """A variable repetition in a repeated part whose characters may also be matched by
    what follows it: the rest of the part or, if that may be empty, the next iteration."""
    flat = _flattened(body)
    for index, (op, av) in enumerate(flat):
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[1] > 1 and av[0] != av[1]:
            rest = flat[index + 1 :]
            following = _first(rest) | (_first(flat) if _nullable(rest) else set())
            if _first(list(av[2])) & following:
                return "a repetition inside a repetition, which can share its characters"
    if _nullable(body) and _first(body):
        return "a repetition of a part that may match nothing"
    return None


def _overlapping_alternatives(alternatives: list[list[Item]]) -> str | None:
    seen: set[str] = set()
    for alternative in alternatives:
        first = _first(alternative)
        if first & seen or _nullable(alternative):
            return "alternatives that can start with the same character"
        seen |= first
    return None


def _flattened(items: list[Item]) -> list[Item]:
    """`items` with groups opened (a group is its content, in sequence)."""
    flat: list[Item] = []
    for op, av in items:
        if op == sre.SUBPATTERN:
            flat.extend(_flattened(list(av[-1])))
        else:
            flat.append((op, av))
    return flat


def _nullable(items: list[Item]) -> bool:
    """Whether `items` may match the empty string."""
    for op, av in items:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            if av[0] > 0 and not _nullable(list(av[2])):
                return False
        elif op == sre.SUBPATTERN:
            if not _nullable(list(av[-1])):
                return False
        elif op == sre.BRANCH:
            if not any(_nullable(list(a)) for a in av[1]):
                return False
        elif op in (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN, sre.CATEGORY):
            return False
    return True  # anchors, lookarounds, back-references (which may be empty)


def _first(items: list[Item]) -> set[str]:
    """The sample characters a match of `items` may start with."""
    found: set[str] = set()
    for op, av in items:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            found |= _first(list(av[2]))
        elif op == sre.SUBPATTERN:
            found |= _first(list(av[-1]))
        elif op == sre.BRANCH:
            for alternative in av[1]:
                found |= _first(list(alternative))
        elif op in (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN):
            found |= {c for c in _SAMPLES if _matches(op, av, c)}
        if not _nullable([(op, av)]):
            break
    return found


def _matches(op: Any, av: Any, char: str) -> bool:
    if op == sre.LITERAL:
        return ord(char) == int(av)
    if op == sre.NOT_LITERAL:
        return ord(char) != int(av)
    if op == sre.ANY:
        return char != "\n"
    negate = False
    hit = False
    for member_op, member in av:
        if member_op == sre.NEGATE:
            negate = True
        elif member_op == sre.LITERAL:
            hit = hit or ord(char) == member
        elif member_op == sre.RANGE:
            hit = hit or member[0] <= ord(char) <= member[1]
        elif member_op == sre.CATEGORY:
            test = _CATEGORIES.get(member)
            hit = hit or test is None or test(char)
        else:
            hit = True  # anything unforeseen: assume it may match
    return hit != negate
