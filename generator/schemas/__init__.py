"""Schema objects → `ir` types, models, enums and aliases; one module per kind of schema.

| module | handles |
|---|---|
| `context` | the document, names, built classes, warnings, following `$ref`s |
| `converter` | dispatch by kind, `$ref` (with 3.1 siblings), components |
| `keywords` | the decision table: what the client does with each keyword |
| `scalars` | strings, integers, numbers, booleans and their formats |
| `enums` | `enum` and `const`: enum classes, literals, fixed values |
| `arrays` | `items`, `prefixItems` (tuples) |
| `objects` | models, maps, `allOf`, fields |
| `unions` | `oneOf`, `anyOf`, discriminators |
| `constraints` | the checks run before sending |
"""

from .constraints import python_pattern
from .context import BrokenSchema, text
from .converter import SchemaConverter
from .objects import documented, property_pointer, with_default

__all__ = [
    "BrokenSchema",
    "SchemaConverter",
    "documented",
    "property_pointer",
    "python_pattern",
    "text",
    "with_default",
]
