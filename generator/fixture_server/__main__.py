"""`python -m generator.fixture_server SPEC ...`: the `serve` command without the main CLI."""

import sys

from .cli import main

sys.exit(main())
