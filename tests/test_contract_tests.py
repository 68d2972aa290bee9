"""The generated contract tests catch a client that breaks the contract.

Each test copies the templates, breaks one on purpose, generates a client and
its contract tests from the real spec and recordings, and runs them: they
must fail, and say what is wrong.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import render, write
from generator.pipeline import generate

from .conftest import ROOT, SPEC


def run_generated_tests(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: Callable[[Path], None]
) -> subprocess.CompletedProcess[str]:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    edit(templates)
    monkeypatch.setattr(render, "TEMPLATES", templates)
    out = tmp_path / "generated"
    write.apply(out, write.plan(out, generate(SPEC, out, package_name="primotexto").files))
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(out), str(ROOT)])}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=out,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}: update this test"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_unbroken_templates_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run_generated_tests(tmp_path, monkeypatch, lambda templates: None)
    assert result.returncode == 0, result.stdout + result.stderr


def test_sending_identifier_instead_of_number_fails_with_a_diff(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def edit(templates: Path) -> None:
        replace_in(
            templates / "macros" / "builders.jinja",
            'head=field.wire_name|literal ~ ": ", tail=",") }}',
            'head=("identifier" if field.wire_name == "number" else field.wire_name)|literal'
            ' ~ ": ", tail=",") }}',
        )

    result = run_generated_tests(tmp_path, monkeypatch, edit)
    assert result.returncode == 1
    assert "the fixture server refused the request" in result.stdout
    assert "'number' is a required property" in result.stdout
    assert '-  "number": "+33600000000"' in result.stdout
    assert '+  "identifier": "+33600000000"' in result.stdout


def test_dropping_the_key_header_fails_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def edit(templates: Path) -> None:
        replace_in(
            templates / "macros" / "builders.jinja",
            "security={{ op.security|literal }},",
            "security=(),",
        )

    result = run_generated_tests(tmp_path, monkeypatch, edit)
    assert result.returncode == 1
    assert "the fixture server refused the request" in result.stdout
    assert "401 Unauthorized" in result.stdout
    assert "X-Primotexto-ApiKey" in result.stdout
