"""When black leaves a docstring exactly as written: `is_settled`.

The templates write docstrings in black's form (`escape.docstring_body`), and the
formatter leaves a definition alone unless something in it is unsettled
(`formatting.unsettled_lines`): a docstring this module cannot vouch for is one
such thing. Anything it is not sure of counts as unsettled, which only costs a
run of black.
"""

from __future__ import annotations

import re

_QUOTES = '"""'
# Line breaks other than "\n" ("\r" to black, all of them to str.splitlines): left to black.
_OTHER_BREAKS = frozenset("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_BACKSLASH_NEWLINE = re.compile(r"\\\s*\n")  # black leaves such docstrings alone
# Escapes black rewrites: hex digits to lower case, character names to upper case.
_UNNORMAL_ESCAPE = re.compile(
    r"\\(u[0-9a-f]{0,3}[A-F]|U[0-9a-f]{0,7}[A-F]|x[0-9a-f]?[A-F]|N\{[^}]*[a-z][^}]*\})"
)


def is_settled(literal: str, indent: str, line_length: int) -> bool:
    """Whether black would leave this docstring literal, at this indentation, as it is.

    These are the cases of black's docstring handling (linegen.visit_STRING and
    strings.fix_multiline_docstring) under which it changes nothing.
    """
    if len(literal) < 7 or not (literal.startswith(_QUOTES) and literal.endswith(_QUOTES)):
        return False
    body = literal[3:-3]
    if _QUOTES in body:  # two literals side by side, or quotes black might re-escape
        return False
    if _OTHER_BREAKS.intersection(body) or "\t" in body:
        return False
    if _BACKSLASH_NEWLINE.search(body) or _UNNORMAL_ESCAPE.search(body):
        return False
    head, *rest = body.split("\n")
    # black strips the first line, and pads a text that starts with a quote.
    if not head or head != head.strip() or head.startswith('"'):
        return False
    if not rest:
        # One line: black strips it, and pads a text ending with a quote or a backslash.
        return not body.endswith(('"', "\\"))
    # Several lines: black re-indents the rest to `indent` (their common indentation
    # becomes `indent`), strips trailing whitespace and empties blank lines, except
    # the last, which holds the closing quotes' indentation.
    common = None
    for number, line in enumerate(rest, start=1):
        if not line.strip():
            if line != (indent if number == len(rest) else ""):
                return False
            continue
        if not line.startswith(indent) or line != line.rstrip():
            return False
        margin = len(line) - len(line.lstrip())
        common = margin if common is None else min(common, margin)
    if common != len(indent):
        return False
    last = rest[-1]
    if not last.strip():
        return True
    # Closing quotes after the text: black moves them to a line of their own when
    # they would make the line too long, and pads a quote or a backslash before them.
    return len(last) + len(_QUOTES) <= line_length and not last.endswith(('"', "\\"))


def is_settled_string(literal: str) -> bool:
    """Whether black would leave a triple-quoted string that is not a docstring to it as it is.

    black treats as a docstring only the first statement of a module, class, function
    or other block; the text documenting an attribute, after it, is a plain string
    to black, which it leaves as written but for the case of hex escapes.
    """
    if len(literal) < 6 or not (literal.startswith(_QUOTES) and literal.endswith(_QUOTES)):
        return False
    body = literal[3:-3]
    return _QUOTES not in body and not _UNNORMAL_ESCAPE.search(body)
