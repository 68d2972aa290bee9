"""The command line: `python -m generator generate SPEC -o DIR [...]` and `... serve SPEC`.

Exit status: 0 done (or, with --check, already current); 1 --check found
differences; 2 the document or the arguments are wrong; 3 an internal error;
4 the output folder (or another file) cannot be used: not writable, full, or a
place the generator refuses to write; 130 interrupted (Ctrl-C), nothing changed.
Problems are printed one per line as `file:line:column: /json/pointer: severity:
message`; other failures as one line naming the path and the cause.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__, write
from .cache import DISABLED, Cache, default_folder
from .errors import SpecError
from .fixtures import cli as fixtures_cli
from .formatting import FORMATTERS, FormatterUnavailable, TemplateError
from .naming import package_name_problem
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
    return _reporting_operational_errors(_generate, args)


EXIT_OUTPUT = 4
EXIT_INTERRUPTED = 130


def _reporting_operational_errors(
    run: Callable[[argparse.Namespace], int], args: argparse.Namespace
) -> int:
    """Failures of the machine rather than of the document: one line, a documented status."""
    try:
        return run(args)
    except write.OutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    except OSError as exc:
        where = exc.filename if exc.filename is not None else "generator"
        print(f"error: {where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_OUTPUT
    except KeyboardInterrupt:
        print("interrupted: nothing was changed", file=sys.stderr)
        return EXIT_INTERRUPTED


def _generate(args: argparse.Namespace) -> int:
    refusal = None if args.package_name is None else package_name_problem(args.package_name)
    if refusal is not None:
        print(f"error: --package-name {args.package_name!r} {refusal}", file=sys.stderr)
        return 2
    write.check_output_folder(args.output)  # before the work, not after it
    cache = DISABLED if args.no_cache else Cache(default_folder())
    try:
        result = generate(
            args.spec,
            args.output,
            package_name=args.package_name,
            lenient=args.lenient,
            recordings=args.recordings,
            formatter=args.formatter,
            cache=cache,
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
    finally:
        for cache_warning in cache.warnings:
            print(cache_warning, file=sys.stderr)
    for warning in result.warnings:
        print(warning, file=sys.stderr)

    def waiting(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    if args.check:
        plan = write.examine(args.output, result.files, protect=[args.spec], waiting=waiting)
        for note in plan.notes:
            print(note, file=sys.stderr)
        if plan.empty:
            return 0
        sys.stdout.write(write.diff(args.output, plan))
        if plan.interrupted:
            print(f"{args.output}: an interrupted run left its work there", file=sys.stderr)
        print(f"{args.output} is not current: run the generator again", file=sys.stderr)
        return 1
    plan = write.write_tree(args.output, result.files, protect=[args.spec], waiting=waiting)
    for note in plan.notes:
        print(note, file=sys.stderr)
    changed = len(plan.writes) + len(plan.deletions)
    print(f"{args.output}: {len(result.files)} files, {changed} changed", file=sys.stderr)
    return 0
