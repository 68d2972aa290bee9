"""Finds a credential in a recording before it is written, in every form it may take.

An upstream can echo a key it was sent ("unknown key 0123...") in a body, a header or a
URL, encoded as servers plausibly encode it. Each credential is searched, ignoring case
(which covers upper- and lower-case forms and upper-case hex), as:

* sent; URL-encoded (`%2F` and form `+` styles); URL-encoded twice; JSON-escaped;
* base64 and base64url, padded or not, at any alignment (so `base64("user:" + key)`,
  as in Basic credentials, is found too); hex;
* any run of `RUN` characters of it (a key split across two fields, or cut short).

A finding names where the credential is (JSON pointer in the recording, or its text) and
which form it took, never the credential itself. Credentials shorter than `MIN_SEARCHED`
characters cannot be told from ordinary text and are not searched (they are still
redacted by name).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, quote_plus

from ..errors import escape_pointer_token

RUN = 12
MIN_SEARCHED = 4
MIN_ENCODED = 8


@dataclass(frozen=True)
class Leak:
    """Where a credential appears: a JSON pointer into the recording, or its text."""

    where: str
    source: str
    form: str


def leak_forms(secret: str) -> list[tuple[str, str]]:
    """(name of the form, text to look for, lower case) for one credential."""
    raw = secret.encode("utf-8")
    url = quote(secret, safe="")
    forms: dict[str, str] = {
        "as sent": secret,
        "URL-encoded": url,
        "form-URL-encoded": quote_plus(secret),
        "URL-encoded twice": quote(url, safe=""),
        "JSON-escaped": json.dumps(secret)[1:-1],
        "hex": raw.hex(),
    }
    for name, encode in (
        ("base64", base64.b64encode),
        ("base64url", base64.urlsafe_b64encode),
    ):
        for offset in range(3):
            aligned = _aligned_base64(encode, raw, offset)
            if len(aligned) >= MIN_ENCODED:  # shorter fragments occur in any base64 text
                forms[f"{name} (offset {offset})"] = aligned
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for name, text in forms.items():
        text = text.lower()
        if len(text) >= MIN_SEARCHED and text not in seen:
            seen.add(text)
            found.append((name, text))
    if len(secret) > RUN:
        lowered = secret.lower()
        for start in range(len(lowered) - RUN + 1):
            run = lowered[start : start + RUN]
            for text in (run, quote(run, safe="").lower()):
                if text not in seen:
                    seen.add(text)
                    found.append((f"a {RUN}-character run", text))
    return found


def _aligned_base64(encode: Any, raw: bytes, offset: int) -> str:
    """The part of the base64 of `offset` unknown bytes + `raw` + anything that depends
    on `raw` alone: what appears in the encoding of any text holding `raw` there."""
    encoded: str = encode(b"\0" * offset + raw).decode("ascii")
    start = 4 if offset else 0
    end = 4 * ((offset + len(raw)) // 3)
    return encoded[start:end]


def find_leak(data: Any, text: str, secrets: Mapping[str, str]) -> Leak | None:
    """The first place a credential appears in `data` (keys and values) or in `text`.

    `secrets` maps each credential to a description of where it came from, e.g.
    "header X-Api-Key"; the description, never the credential, is reported.
    """
    searched = [
        (source, form, needle)
        for secret, source in secrets.items()
        if len(secret) >= MIN_SEARCHED
        for form, needle in leak_forms(secret)
    ]
    if not searched:
        return None
    for pointer, value in _strings(data):
        lowered = value.lower()
        for source, form, needle in searched:
            if needle in lowered:
                return Leak(pointer or "/", source, form)
    lowered_text = text.lower()
    for source, form, needle in searched:
        if needle in lowered_text:
            return Leak("the file's text", source, form)
    return None


def _strings(value: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """Every string in `value` (mapping keys included), with its JSON pointer."""
    stack: list[tuple[Any, str]] = [(value, pointer)]
    while stack:
        node, where = stack.pop()
        if isinstance(node, dict):
            for key, child in node.items():
                child_pointer = f"{where}/{escape_pointer_token(str(key))}"
                yield child_pointer, str(key)
                stack.append((child, child_pointer))
        elif isinstance(node, list):
            stack.extend((child, f"{where}/{index}") for index, child in enumerate(node))
        elif isinstance(node, str):
            yield where, node
        elif node is not None and not isinstance(node, bool):
            yield where, str(node)
