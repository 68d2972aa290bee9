"""Plain words for the most common kind of `pattern`: allowed characters, repeated.

`^[A-Za-z0-9]{3,11}$` says which characters a value may hold and how many. A
caller it refuses is better told which character is wrong, and where, or that
the value is too long, than shown the regular expression. `character_rule`
recognises such patterns, optionally opened by lookaheads that require one
character of a class (`^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}$`: "not digits only"),
and describes their parts. Any other pattern is left to its regex.

The description is only ever used to explain a value the regex itself refused
(the generated `_checks` module decides with the regex), so a pattern read
wrongly here could only make an explanation vaguer, never refuse a good value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters named in words, not shown as themselves.
_NAMED = {" ": "space", "\n": "newline", "\t": "tab", "\r": "carriage return"}
_CLASS_ESCAPES = {"d": "0-9", "w": "letters, digits and _", "s": "whitespace"}
_CONTROL_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v"}
_QUANTIFIER = re.compile(r"\+|\*|\?|\{(\d+)\}|\{(\d+),(\d*)\}")


@dataclass(frozen=True)
class CharacterRule:
    """What a character-class pattern allows, each part as a regex and in words."""

    allowed: str
    """A regex matching one allowed character, such as `[A-Za-z0-9]`."""
    described: str
    """The allowed characters in words: `A-Z, a-z, 0-9`."""
    least: int
    most: int | None
    required: tuple[tuple[str, str], ...] = ()
    """Lookaheads the value must pass, each requiring a character of a class: the
    lookahead as a regex (`\\A(?=.*[A-Za-z])`) and the class in words."""


def character_rule(pattern: str) -> CharacterRule | None:
    """The parts of `pattern` (Python syntax) if it is anchored characters of one class."""
    reader = _Reader(pattern)
    if not (reader.take("^") or reader.take("\\A")):
        return None
    required = []
    start = reader.index
    while reader.take("(?=.*"):
        atom = reader.atom()
        if atom is None or not reader.take(")"):
            return None
        # Checked as written (`.` stops at a line break), from the start of the value.
        required.append(("\\A" + reader.text[start : reader.index], atom[1]))
        start = reader.index
    atom = reader.atom()
    if atom is None:
        return None
    bounds = reader.quantifier()
    if bounds is None or not (reader.take("\\Z") or reader.take("$")) or not reader.at_end():
        return None
    least, most = bounds
    if most is not None and most < least:
        return None
    return CharacterRule(atom[0], atom[1], least, most, tuple(required))


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.index = 0

    def take(self, prefix: str) -> bool:
        if self.text.startswith(prefix, self.index):
            self.index += len(prefix)
            return True
        return False

    def at_end(self) -> bool:
        return self.index == len(self.text)

    def quantifier(self) -> tuple[int, int | None] | None:
        match = _QUANTIFIER.match(self.text, self.index)
        if match is None:
            return (1, 1)
        self.index = match.end()
        token = match.group(0)
        if self.text.startswith(("?", "+"), self.index):
            return None  # lazy or possessive: not worth reading
        if token in ("+", "*", "?"):
            return {"+": (1, None), "*": (0, None), "?": (0, 1)}[token]
        if match.group(1) is not None:
            return (int(match.group(1)), int(match.group(1)))
        most = match.group(3)
        return (int(match.group(2)), int(most) if most else None)

    def atom(self) -> tuple[str, str] | None:
        """One character class, `[...]` or `\\d`: its regex and its description."""
        start = self.index
        if self.take("\\d"):
            return "\\d", "0-9"
        if not self.take("["):
            return None
        if self.text.startswith("^", self.index):
            return None  # "anything but ...": the regex says it better
        pieces: list[str] = []
        literals: list[str] = []
        first = True
        while True:
            if self.at_end():
                return None
            if self.text[self.index] == "]" and not first:
                self.index += 1
                break
            first = False
            low = self._member()
            if low is None:
                return None
            if isinstance(low, tuple):  # \d, \w, \s
                pieces.append(low[0])
                continue
            if self.text.startswith("-", self.index) and not self.text.startswith("-]", self.index):
                self.index += 1
                high = self._member()
                if not isinstance(high, str) or high < low:
                    return None
                pieces.append(f"{_shown(low)}-{_shown(high)}")
            elif low in _NAMED:
                pieces.append(_NAMED[low])
            else:
                literals.append(low)
        if literals:
            pieces.append("".join(literals))
        if not pieces:
            return None
        return self.text[start : self.index], _join(pieces, bool(literals))

    def _member(self) -> str | tuple[str] | None:
        """One member of a class: a character, or a class escape as a 1-tuple of words."""
        char = self.text[self.index]
        self.index += 1
        if char == "[" or (char in "&~|" and self.text.startswith(char, self.index)):
            return None  # nested sets and set operations
        if char != "\\":
            return char
        if self.at_end():
            return None
        escaped = self.text[self.index]
        self.index += 1
        if escaped in _CLASS_ESCAPES:
            return (_CLASS_ESCAPES[escaped],)
        if escaped in _CONTROL_ESCAPES:
            return _CONTROL_ESCAPES[escaped]
        if escaped in "xuU":
            width = {"x": 2, "u": 4, "U": 8}[escaped]
            digits = self.text[self.index : self.index + width]
            if len(digits) != width or any(d not in "0123456789abcdefABCDEF" for d in digits):
                return None
            self.index += width
            return chr(int(digits, 16))
        if escaped.isalnum():
            return None  # \b, \p and the like: not one plain character
        return escaped


def _shown(char: str) -> str:
    return _NAMED.get(char, char)


def _join(pieces: list[str], ends_with_literals: bool) -> str:
    """`A-Z, a-z, 0-9` or `A-Z, space and the characters @_-`."""
    if ends_with_literals and len(pieces) > 1:
        return ", ".join(pieces[:-1]) + " and any of " + pieces[-1]
    if ends_with_literals:
        return "any of " + pieces[0]
    return ", ".join(pieces)
