"""The whole run: load → validate → model → render → format; `write` puts the result on disk.

Loading follows references to other files (`bundle.load_spec`), so a document
split over several files is one document from there on.

Validation runs beside model, render and format (see `start_validation`), and its
verdict is awaited before anything is returned, so an invalid document still
stops the run before a file is written.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from .api_changes import API_FILE, record
from .bundle import load_spec
from .cache import DISABLED, Cache
from .contracts import build_contracts
from .errors import Problem, in_document_order
from .formatting import format_files
from .model import build_api
from .naming import package_name_from_title
from .progress import SILENT, Progress
from .render import render
from .validate import start_validation
from .write import with_manifest


@dataclass(frozen=True)
class Generated:
    files: dict[str, str]
    """Relative POSIX path → text, including the manifest and the record of the public API."""
    warnings: list[Problem]


def generate(
    spec: Path,
    output: Path,
    *,
    package_name: str | None = None,
    lenient: bool = False,
    recordings: Path | None = None,
    formatter: str = "black",
    cache: Cache = DISABLED,
    progress: Progress = SILENT,
) -> Generated:
    """Produce every output file for `spec`; raises `SpecError` when it cannot.

    Contract tests are generated when `recordings` (by default `recordings/`
    beside the spec) holds recorded interactions; `output` is where they will
    live, so that they can find the spec and the recordings relative to it.
    `progress` is told of each stage as it begins.
    """
    progress.stage("loading", spec.name)
    document = load_spec(spec)
    validation = start_validation(document, lenient=lenient, cache=cache)
    try:
        info = document.data.get("info")
        title = str((info if isinstance(info, dict) else {}).get("title") or spec.stem)
        progress.stage("modelling")
        api, problems = build_api(
            document,
            package_name or package_name_from_title(title),
            lenient=lenient,
            progress=progress,
        )
        recordings_dir = recordings if recordings is not None else spec.parent / "recordings"
        contracts, contract_problems = build_contracts(api, spec, recordings_dir, output / "tests")
        api = dataclasses.replace(api, contracts=contracts, folder_name=output.resolve().name)
        progress.stage("rendering")
        rendered = render(api, cache=cache, progress=progress)
        progress.stage("formatting")
        files = format_files(rendered, formatter=formatter, cache=cache, progress=progress)
    except Exception:
        # The later stages ran beside the validator; on an invalid document whatever
        # they tripped on is a consequence, and the validator's problems are the cause.
        validation.result()
        raise
    progress.stage("validating")
    warnings = validation.result()
    return Generated(
        with_manifest({**files, API_FILE: record(api)}),
        in_document_order(_merged(warnings, problems) + contract_problems, spec),
    )


def _merged(warnings: list[Problem], problems: list[Problem]) -> list[Problem]:
    """The validator's warnings and the model's problems, one per place: where the model
    reports a broken reference with what it skipped, the validator's report of the same
    reference is left out."""
    said = {(p.location.pointer, p.message) for p in problems}
    return [
        w
        for w in warnings
        if not any(
            w.location.pointer == at and message.startswith(w.message) for at, message in said
        )
    ] + problems
