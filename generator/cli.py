"""The command line: `python -m generator generate SPEC -o DIR [...]` and `... serve SPEC`.

Exit status (`ExitCode`, also in `--help` and the README): 0 done (or, with
--check, already current); 1 --check found differences; 2 the document or the
arguments are wrong; 3 an internal error; 4 the output folder (or another file)
cannot be used: not writable, full, or a place the generator refuses to write;
5 --check --fail-on-breaking found breaking changes in the client's API; 130
interrupted (Ctrl-C), nothing changed. Problems are printed one per line, in
document order, as `file:line:column: /json/pointer: severity: message`; other
failures as one line naming the path and the cause.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from enum import IntEnum
from pathlib import Path

from . import __version__, api_changes, write
from .cache import DISABLED, Cache, default_folder
from .errors import SpecError, in_document_order, printable
from .fixture_server import cli as fixture_server_cli
from .formatting import FORMATTERS, FormatterUnavailable, TemplateError
from .naming import package_name_problem
from .pipeline import generate
from .progress import on_terminal


class ExitCode(IntEnum):
    DONE = 0
    """Generated; or, with --check, the output folder is current."""
    OUT_OF_DATE = 1
    """--check: the output folder differs from what would be generated."""
    INVALID = 2
    """The document (or a file it refers to) or the arguments are wrong; nothing was written."""
    INTERNAL = 3
    """A fault of the generator itself (a template error)."""
    OUTPUT = 4
    """The output folder, the cache or another file cannot be used; nothing was changed."""
    BREAKING = 5
    """--check --fail-on-breaking: the client's API would change in a breaking way."""
    INTERRUPTED = 130
    """Interrupted (Ctrl-C); nothing was changed."""


EXIT_CODES = """\
exit status:
  0  done; with --check, the output folder is current
  1  --check: the output folder is out of date (a unified diff is printed)
  2  the document, a file it refers to, or the arguments are wrong; nothing is written
  3  internal error of the generator
  4  the output folder (or another file) cannot be used: not writable, full, or a
     place the generator refuses to write; nothing is changed
  5  --check --fail-on-breaking: the client's API would change in a breaking way
  130  interrupted (Ctrl-C); nothing is changed
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="openapi-clientgen",
        description="Generate a typed Python client from an OpenAPI 3.0/3.1 document.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=__version__)
    commands = parser.add_subparsers(dest="command", required=True)
    gen = commands.add_parser(
        "generate",
        help="generate a client package",
        description="Generate a typed Python client package from an OpenAPI 3.0/3.1 document. "
        "Problems are printed as `file:line:column: /json/pointer: severity: message`; "
        "changes to the client's public API are listed, breaking ones first.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    gen.add_argument(
        "spec",
        type=Path,
        help="the OpenAPI document (YAML or JSON); relative $refs to files in its folder "
        "tree are followed",
    )
    gen.add_argument("-o", "--output", type=Path, required=True, help="the output folder")
    gen.add_argument("--package-name", help="the Python package name (default: from the title)")
    gen.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 with a diff if the output folder is not current",
    )
    gen.add_argument(
        "--fail-on-breaking",
        action="store_true",
        help="with --check: exit 5 if the client's public API would change in a breaking way",
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
        help="report document problems (misspelt keywords too) as warnings and skip what "
        "cannot be expressed; by default they are errors",
    )
    serve = commands.add_parser("serve", help="serve recorded interactions, or record new ones")
    fixture_server_cli.add_arguments(serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "serve":
        return fixture_server_cli.run(args)
    return _reporting_operational_errors(_generate, args)


def _reporting_operational_errors(
    run: Callable[[argparse.Namespace], int], args: argparse.Namespace
) -> int:
    """Failures of the machine rather than of the document: one line, a documented status."""
    try:
        return run(args)
    except write.OutputError as exc:
        _say(f"error: {exc}")
        return ExitCode.OUTPUT
    except OSError as exc:
        where = exc.filename if exc.filename is not None else "generator"
        _say(f"error: {where}: {exc.strerror or exc}")
        return ExitCode.OUTPUT
    except KeyboardInterrupt:
        _say("interrupted: nothing was changed")
        return ExitCode.INTERRUPTED


def _say(message: str) -> None:
    """Print a diagnostic line; text from the document or the checkout cannot forge others."""
    print(printable(message), file=sys.stderr, flush=True)


def _generate(args: argparse.Namespace) -> int:
    refusal = None if args.package_name is None else package_name_problem(args.package_name)
    if refusal is not None:
        _say(f"error: --package-name {args.package_name!r} {refusal}")
        return ExitCode.INVALID
    if args.fail_on_breaking and not args.check:
        _say("error: --fail-on-breaking only goes with --check")
        return ExitCode.INVALID
    write.check_output_folder(args.output)  # before the work, not after it
    cache = DISABLED if args.no_cache else Cache(default_folder())
    progress = on_terminal(sys.stderr)
    try:
        result = generate(
            args.spec,
            args.output,
            package_name=args.package_name,
            lenient=args.lenient,
            recordings=args.recordings,
            formatter=args.formatter,
            cache=cache,
            progress=progress,
        )
    except SpecError as exc:
        for problem in in_document_order(exc.problems, args.spec):
            _say(str(problem))
        _say(f"error: {args.spec}: nothing was written")
        return ExitCode.INVALID
    except FormatterUnavailable as exc:
        _say(f"error: {exc}")
        return ExitCode.INVALID
    except TemplateError as exc:
        _say(f"internal error: {exc}")
        return ExitCode.INTERNAL
    finally:
        progress.clear()
        for cache_warning in cache.warnings:
            _say(str(cache_warning))
    for warning in result.warnings:
        _say(str(warning))

    def waiting(message: str) -> None:
        progress.clear()
        _say(message)

    changes = _api_changes(args.output, result.files)
    sys.stderr.write(api_changes.report(changes, args.output))
    if args.check:
        plan = write.examine(args.output, result.files, protect=[args.spec], waiting=waiting)
        for note in plan.notes:
            _say(str(note))
        if plan.empty:
            return ExitCode.DONE
        sys.stdout.write(write.diff(args.output, plan))
        if plan.interrupted:
            _say(f"{args.output}: an interrupted run left its work there")
        _say(f"{args.output} is not current: run the generator again")
        if args.fail_on_breaking and any(c.kind == "breaking" for c in changes):
            return ExitCode.BREAKING
        return ExitCode.OUT_OF_DATE
    progress.stage("writing", f"{len(result.files)} files")
    plan = write.write_tree(args.output, result.files, protect=[args.spec], waiting=waiting)
    progress.clear()
    for note in plan.notes:
        _say(str(note))
    changed = len(plan.writes) + len(plan.deletions)
    _say(f"{args.output}: {len(result.files)} files, {changed} changed")
    return ExitCode.DONE


def _api_changes(output: Path, files: dict[str, str]) -> list[api_changes.Change]:
    """How the client's public API changes from the one in `output` (none if it has no record)."""
    old = api_changes.previous_record(output)
    if old is None:
        return []
    return api_changes.compare(old, json.loads(files[api_changes.API_FILE]))
