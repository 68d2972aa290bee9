"""The committed generated/ tree is exactly what the generator produces, and passes the checks."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pipeline import generate

from .conftest import ROOT, SPEC


def test_generated_tree_matches_generation_byte_for_byte() -> None:
    files = generate(SPEC, ROOT / "generated", package_name="primotexto").files
    for path, text in files.items():
        committed = (ROOT / "generated" / path).read_bytes()
        assert committed == text.encode("utf-8"), f"generated/{path} is stale: run make generate"


def test_generation_is_deterministic_across_processes(tmp_path: Path) -> None:
    script = (
        "import sys, hashlib; from pathlib import Path; from generator.pipeline import generate; "
        "files = generate(Path(sys.argv[1]), Path('generated'), package_name='primotexto').files; "
        "print(hashlib.sha256(repr(sorted(files.items())).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script, str(SPEC)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


@pytest.mark.parametrize("tool", ["mypy", "ruff"])
def test_generated_package_passes_strict_checks(tool: str, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "generated", tmp_path / "generated")
    command = {
        "mypy": [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "primotexto"],
        "ruff": [sys.executable, "-m", "ruff", "check", "--no-cache", "primotexto"],
    }[tool]
    result = subprocess.run(
        command, cwd=tmp_path / "generated", capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_package_installs_with_pip(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(tmp_path / "site"),
            str(ROOT / "generated"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "primotexto" / "py.typed").exists()
    assert (tmp_path / "site" / "primotexto" / "_client.py").exists()
