"""The command line: `python -m generator generate SPEC -o DIR [...]` and `... serve SPEC`.

Exit status: 0 done (or, with --check, already current); 1 --check found
differences; 2 the document or the arguments are wrong. Problems are printed
one per line as `file:line:column: /json/pointer: severity: message`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__, write
from .cache import DISABLED, Cache, default_folder
from .errors import SpecError
from .fixture_server import cli as fixtures_cli
from .formatting import FORMATTERS, FormatterUnavailable, TemplateError
from .naming import value_name
from .pipeline import generate


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="openapi-clientgen",
        description="Generate a typed Python client from an OpenAPI 3.0/3.1 document.",
    )
    parser.add_argument("--version", action="version", version=__version__)
    commands = parser.add_subparsers(dest="command", required=True)
    gen = commands.add_parser("generate", help="generate a client package")
    gen.add_argument("spec", type=Path, help="the OpenAPI document (YAML or JSON)")
    gen.add_argument("-o", "--output", type=Path, required=True, help="the output folder")
    gen.add_argument("--package-name", help="the Python package name (default: from the title)")
    gen.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 with a diff if the output folder is not current",
    )
    gen.add_argument(
        "--recordings",
        type=Path,
        help="recorded interactions to generate contract tests from "
        "(default: recordings/ beside the spec, when present)",
    )
    gen.add_argument(
        "--formatter",
        choices=FORMATTERS,
        default="black",
        help="black (the default), or ruff: much faster on very large documents",
    )
    gen.add_argument(
        "--no-cache",
        action="store_true",
        help="do not read or write the cache of validation and formatting results",
    )
    gen.add_argument(
        "--lenient",
        action="store_true",
        help="report document problems as warnings and skip what cannot be expressed",
    )
    serve = commands.add_parser("serve", help="serve recorded interactions, or record new ones")
    fixtures_cli.add_arguments(serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "serve":
        return fixtures_cli.run(args)
    return _generate(args)


def _generate(args: argparse.Namespace) -> int:
    if args.package_name is not None and (
        not args.package_name.isidentifier() or value_name(args.package_name) != args.package_name
    ):
        print(
            f"error: --package-name {args.package_name!r} is not a valid package name",
            file=sys.stderr,
        )
        return 2
    try:
        result = generate(
            args.spec,
            args.output,
            package_name=args.package_name,
            lenient=args.lenient,
            recordings=args.recordings,
            formatter=args.formatter,
            cache=DISABLED if args.no_cache else Cache(default_folder()),
        )
    except SpecError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"error: {args.spec}: nothing was written", file=sys.stderr)
        return 2
    except FormatterUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except TemplateError as exc:
        print(f"internal error: {exc}", file=sys.stderr)
        return 3
    for warning in result.warnings:
        print(warning, file=sys.stderr)

    plan = write.plan(args.output, result.files)
    if args.check:
        if plan.empty:
            return 0
        sys.stdout.write(write.diff(args.output, plan))
        print(f"{args.output} is not current: run the generator again", file=sys.stderr)
        return 1
    write.apply(args.output, plan)
    changed = len(plan.writes) + len(plan.deletions)
    print(f"{args.output}: {len(result.files)} files, {changed} changed", file=sys.stderr)
    return 0
