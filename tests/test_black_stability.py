"""black leaves the generated output as it is, byte for byte, for every real document.

The generator formats only the definitions its templates cannot promise to be in
black's layout (`generator.formatting.unsettled_lines`); everything else is
written as rendered. These tests are what holds the templates to that promise:
each document of ../shared/specs (and the Primotexto one) is generated, without
a cache, and black, in the generator's pinned mode, must change nothing. The
documents whose output black takes a minute or more to read are in `make test-large`.
"""

from __future__ import annotations

import difflib
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from black import format_str

from generator.formatting import black_mode
from generator.pipeline import generate

from .conftest import SHARED_SPECS, SPEC

DOCUMENTS = [
    SPEC,
    SHARED_SPECS / "petstore3.yaml",
    SHARED_SPECS / "vonage_sms.yaml",
    SHARED_SPECS / "bulksms.json",
    SHARED_SPECS / "feature-matrix-3.0.json",
    SHARED_SPECS / "feature-matrix-3.1.yaml",
]
# black alone takes a minute or more on each of these outputs.
LARGE = [
    SHARED_SPECS / "twilio_api_v2010.json",
    SHARED_SPECS / "kubernetes_apps_v1.json",
    SHARED_SPECS / "openai.yaml",
    SHARED_SPECS / "stripe.json",
    SHARED_SPECS / "github.json",
]


def test_every_document_of_the_shared_folder_is_checked() -> None:
    documents = {p.name for p in SHARED_SPECS.iterdir() if p.suffix in (".json", ".yaml")}
    assert documents == {p.name for p in DOCUMENTS + LARGE if p.parent == SHARED_SPECS}


def _changed_by_black(item: tuple[str, str]) -> str | None:
    """A short diff of what black would change in one file, or None."""
    path, text = item
    formatted = format_str(text, mode=black_mode())
    if formatted == text:
        return None
    diff = difflib.unified_diff(
        text.splitlines(), formatted.splitlines(), path, f"{path} (black)", n=2, lineterm=""
    )
    return "\n".join(list(diff)[:40])


def _assert_black_leaves_it(spec: Path, tmp_path: Path) -> None:
    files = generate(spec, tmp_path / "out", package_name="pkg", lenient=True).files
    python = sorted((path, text) for path, text in files.items() if path.endswith(".py"))
    assert python
    workers = min(os.cpu_count() or 1, 4)
    with ProcessPoolExecutor(workers) as pool:  # black takes minutes on the largest outputs
        changes = [c for c in pool.map(_changed_by_black, python, chunksize=1) if c]
    assert not changes, "black would change the generated code:\n" + "\n\n".join(changes)


@pytest.mark.parametrize("spec", DOCUMENTS, ids=lambda p: p.name)
def test_black_leaves_the_generated_code_unchanged(spec: Path, tmp_path: Path) -> None:
    _assert_black_leaves_it(spec, tmp_path)


@pytest.mark.large
@pytest.mark.parametrize("spec", LARGE, ids=lambda p: p.name)
def test_black_leaves_the_generated_code_of_large_documents_unchanged(
    spec: Path, tmp_path: Path
) -> None:
    _assert_black_leaves_it(spec, tmp_path)
