"""Turning names from a document into Python identifiers.

One set of rules for the whole generator: every identifier that reaches
generated code comes from here, so it is always valid, stable (the same input
gives the same name, whatever else the document contains around it) and
unique within its scope, while the wire names stay exactly as written.
"""

from __future__ import annotations

import builtins
import functools
import keyword
import re
import sys
import unicodedata
from collections.abc import Iterable

# Punctuation that carries meaning in real documents (Twilio's `DateSent<`
# and `DateSent>` range filters) is spelled out instead of being dropped,
# so that such names stay distinct and readable.
_SPELLED_PUNCTUATION = {
    "<=": " lte ",
    ">=": " gte ",
    "<": " lt ",
    ">": " gt ",
    "!=": " ne ",
    "=": " eq ",
    "+": " plus ",
    "@": " at ",
    "#": " hash ",
    "*": " star ",
}
_PUNCTUATION_PATTERN = re.compile("|".join(re.escape(p) for p in _SPELLED_PUNCTUATION))
_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NOT_WORD = re.compile(r"[^0-9A-Za-z]+")

# Names that generated code uses without qualification; an argument or a field
# with one of these names would shadow it: a field named `classmethod` turns the
# `@classmethod` below it in the class body into `@None`. Every builtin the
# generated modules use is here (tests/test_package_names.py checks the list
# against the generated code).
_RESERVED_VALUE_NAMES = frozenset(
    {
        "self",
        "cls",
        "options",
        # builtins
        "abs",
        "all",
        "any",
        "bool",
        "bytearray",
        "bytes",
        "callable",
        "classmethod",
        "dict",
        "enumerate",
        "float",
        "frozenset",
        "getattr",
        "globals",
        "int",
        "isinstance",
        "len",
        "list",
        "max",
        "min",
        "object",
        "print",
        "property",
        "range",
        "repr",
        "round",
        "set",
        "sorted",
        "staticmethod",
        "str",
        "sum",
        "super",
        "tuple",
        "type",
        "zip",
    }
)
# Names that read like digits (pycodestyle E741-E743).
_AMBIGUOUS = frozenset({"l", "I", "O"})
# The exception classes every generated package defines (besides its own base class).
ERROR_NAMES = (
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "OutcomeUnknownError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestValidationError",
    "ResponseValidationError",
    "UnprocessableEntityError",
)
# Names the generated package defines or imports at module level next to models
# (models.py, _operations.py, __init__.py): a model or enum must not take one.
RESERVED_CLASS_NAMES = frozenset(
    {
        # _types, _decode, _responses and _client
        "Body",
        "FormBody",
        "JsonBody",
        "MultipartBody",
        "RawBody",
        "Request",
        "Security",
        "Decoder",
        "DecodeError",
        "ErrorStatus",
        "BaseClient",
        "RawResponseClient",
        "AsyncRawResponseClient",
        "TYPE_CHECKING",
        # errors (the package's own base error is reserved by the model stage)
        *ERROR_NAMES,
        "Any",
        "ApiResponse",
        "AsyncClient",
        "Callable",
        "ClassVar",
        "Client",
        "Enum",
        "Final",
        "IntEnum",
        "Literal",
        "Mapping",
        "NotGiven",
        "Self",
        "Sequence",
        "StrEnum",
        "TypeAlias",
        "TypeVar",
        "Generic",
        "Union",
        "Optional",
        "Decimal",
        "Path",
        "UUID",
        "datetime",
        "date",
        "timezone",
    }
)


# Methods every generated model has: a field must not hide one.
RESERVED_FIELD_NAMES = frozenset({"from_json", "to_json", "frozenset"})


@functools.lru_cache(maxsize=1 << 16)  # a large document names the same things many times
def _ascii_words(name: str) -> tuple[str, ...]:
    name = _PUNCTUATION_PATTERN.sub(lambda m: _SPELLED_PUNCTUATION[m.group()], name)
    if not name.isascii():
        folded = []
        for char in unicodedata.normalize("NFKD", name):
            if unicodedata.combining(char):
                continue
            if char.isascii():
                folded.append(char)
            elif char.isalnum():
                folded.append(f" u{ord(char):04x} ")
            else:
                folded.append(" ")
        name = "".join(folded)
    text = _WORD_BOUNDARY.sub(" ", name)
    return tuple(w for w in _NOT_WORD.split(text) if w)


def snake_case(name: str) -> str:
    """`campaignName` → `campaign_name`; the result may still need `safe_identifier`."""
    return "_".join(w.lower() for w in _ascii_words(name))


def pascal_case(name: str) -> str:
    words = _ascii_words(name)
    return "".join(w[:1].upper() + w[1:] for w in words)


def upper_snake_case(name: str) -> str:
    return "_".join(w.upper() for w in _ascii_words(name))


def safe_identifier(name: str, *, fallback: str, prefix: str) -> str:
    """Make `name` (already cased) a valid, non-reserved identifier."""
    if not name:
        name = fallback
    if name[0].isdigit():
        name = f"{prefix}{name}"
    if keyword.iskeyword(name) or (keyword.issoftkeyword(name) and name == "_"):
        name += "_"
    if name in _RESERVED_VALUE_NAMES or name in _AMBIGUOUS:
        name += "_"
    return name


def value_name(name: str) -> str:
    """A function, argument or attribute name (snake_case)."""
    return safe_identifier(snake_case(name), fallback="value", prefix="n_")


# Top-level modules a generated package must not be named after. Named like one
# the package imports, it would import itself instead (`json.dumps` missing);
# named like any other module of the standard library or of the client's and its
# tests' dependencies, it would be hidden by it, or hide it from the application.
_DEPENDENCY_MODULES = frozenset(
    {
        # httpx and what it imports
        "httpx",
        "httpcore",
        "h11",
        "h2",
        "hpack",
        "hyperframe",
        "anyio",
        "sniffio",
        "certifi",
        "idna",
        "exceptiongroup",
        "typing_extensions",
        "brotli",
        "socksio",
        "zstandard",
        # the generated tests and how the package is installed
        "pytest",
        "pluggy",
        "iniconfig",
        "packaging",
        "generator",
        "setuptools",
        "pkg_resources",
        "pip",
        # folders and modules beside the package in the output folder
        "tests",
        "conftest",
    }
)


def package_name_from_title(title: str) -> str:
    """The package name a document's title gives: `value_name`, clear of taken module names."""
    name = value_name(title)
    while package_name_problem(name) is not None:
        name += "_client"
    return name


def package_name_problem(name: str) -> str | None:
    """Why `name` cannot name a generated package, or None if it can."""
    if not name.isidentifier() or value_name(name) != name:
        return "is not a valid package name (lower case letters, digits and _)"
    if name in sys.stdlib_module_names:
        return (
            "is a module of Python's standard library: the generated package could not be "
            f"imported, or would break the modules that import it; choose another, such as "
            f"{name}_client"
        )
    if name in _DEPENDENCY_MODULES:
        return (
            "is taken by a module the generated client or its tests import; choose another, "
            f"such as {name}_client"
        )
    return None


def class_name(name: str) -> str:
    candidate = safe_identifier(pascal_case(name), fallback="Model", prefix="M")
    if candidate in RESERVED_CLASS_NAMES or hasattr(builtins, candidate):
        candidate += "Model"
    return candidate


def constant_name(name: str) -> str:
    return safe_identifier(upper_snake_case(name), fallback="VALUE", prefix="V_")


class Namespace:
    """Hands out unique names within one scope, in the order they are asked for."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._taken = set(taken)

    def claim(self, name: str) -> str:
        candidate, counter = name, 2
        while candidate in self._taken:
            candidate = f"{name}_{counter}" if not name.endswith("_") else f"{name}{counter}"
            counter += 1
        self._taken.add(candidate)
        return candidate

    def __contains__(self, name: str) -> bool:
        return name in self._taken
