"""Patterns of allowed characters are read into parts, and explain every refusal exactly.

`generator.patterns.character_rule` recognises `^[class]{m,n}$`-like patterns; the
generated `_checks` module uses the parts to say why a value was refused. The
property test's oracle is the regex itself: for any pattern the reader accepts and
any value, the explanation finds a problem exactly when the regex refuses the value.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from primotexto._checks import _CharacterRule

from generator.patterns import CharacterRule, character_rule


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"^[A-Za-z0-9]{3,11}\Z", CharacterRule("[A-Za-z0-9]", "A-Z, a-z, 0-9", 3, 11)),
        (
            r"^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}\Z",
            CharacterRule(
                "[A-Za-z0-9]", "A-Z, a-z, 0-9", 3, 11, ((r"\A(?=.*[A-Za-z])", "A-Z, a-z"),)
            ),
        ),
        (r"\A\d{4}\Z", CharacterRule(r"\d", "0-9", 4, 4)),
        (r"^[a-z _\-]*\Z", CharacterRule(r"[a-z _\-]", "a-z, space and any of _-", 0, None)),
        (r"^[\n\x41-\x43]?\Z", CharacterRule(r"[\n\x41-\x43]", "newline, A-C", 0, 1)),
        (r"^[.@]{2,}\Z", CharacterRule("[.@]", "any of .@", 2, None)),
    ],
)
def test_patterns_of_allowed_characters_are_read(pattern: str, expected: CharacterRule) -> None:
    assert character_rule(pattern) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"^(?:0[0-9]{9}|\+[1-9][0-9]{7,14})\Z",  # alternatives: no single class
        r"[a-z]+",  # not anchored: any value holding a letter passes
        r"^[a-z]+",  # anchored at the start only
        r"^[^a-z]+\Z",  # a negated class: the regex says it better
        r"^[a-z]+?\Z",  # lazy
        r"^[a-z]++\Z",  # possessive
        r"^[\b]+\Z",  # an escape that is not one plain character
        r"^[[:alpha:]]+\Z",  # not a POSIX class in Python
        r"^[a-z]+[0-9]\Z",  # two classes
        r"^(?=[A-Z])[a-z]+\Z",  # a lookahead that is not `.*[class]`
        r"^[a-z]{3,1}\Z",  # refused by re itself
        r"^[z-a]+\Z",
    ],
)
def test_other_patterns_are_left_to_their_regex(pattern: str) -> None:
    assert character_rule(pattern) is None


# ---------------------------------------------------------------- the property


_PIECES = ["a-z", "A-Z", "0-9", "à-ÿ", " ", r"\n", "_", r"\-", ".", "@", r"\]", r"\\", r"\^", r"\d"]
_ALPHABET = "aZ09 _-.@é€]^\\\nq"


@st.composite
def character_patterns(draw: st.DrawFn) -> str:
    def a_class() -> str:
        pieces = draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=5, unique=True))
        return "[" + "".join(pieces) + "]"

    lookaheads = "".join(
        f"(?=.*{a_class()})" for _ in range(draw(st.integers(min_value=0, max_value=2)))
    )
    least = draw(st.integers(min_value=0, max_value=4))
    most = least + draw(st.integers(min_value=0, max_value=4))
    quantifier = draw(
        st.sampled_from(["", "+", "*", "?", f"{{{least}}}", f"{{{least},}}", f"{{{least},{most}}}"])
    )
    return "^" + lookaheads + a_class() + quantifier + r"\Z"


@settings(max_examples=300, deadline=None)
@given(character_patterns(), st.text(alphabet=_ALPHABET, max_size=12))
def test_an_explanation_exists_exactly_when_the_regex_refuses(pattern: str, value: str) -> None:
    rule = character_rule(pattern)
    assert rule is not None, pattern
    explained = _CharacterRule(rule.allowed, rule.described, rule.least, rule.most, rule.required)
    refused = re.search(pattern, value) is None
    assert (explained.problem(value) is not None) == refused, (pattern, value)


def test_explanations_name_the_character_its_position_and_the_bounds() -> None:
    rule = character_rule(r"^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}\Z")
    assert rule is not None
    explained = _CharacterRule(rule.allowed, rule.described, rule.least, rule.most, rule.required)
    assert explained.problem("Your_Co") == (
        "has '_' at position 5, which is not allowed (allowed: A-Z, a-z, 0-9)"
    )
    assert explained.problem("Yo") == "is 2 characters long; at least 3 characters are required"
    assert explained.problem("") == "is empty; at least 3 characters are required"
    assert explained.problem("A" * 12) == (
        "is 12 characters long; at most 11 characters are allowed"
    )
    assert explained.problem("12345") == "must contain at least one character among A-Z, a-z"
    assert explained.problem("Company") is None
