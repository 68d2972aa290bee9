"""An OpenAPI 3.0/3.1 → typed Python client generator.

The pipeline, one module per stage: `load` → `validate` → `model` → `render`
→ `formatting` → `write`; `pipeline` runs them in order and `cli` is the
command line on top.
"""

__version__ = "0.1.0"
