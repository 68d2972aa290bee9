"""The generator's command line, including the issue's must-show cases."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SPEC, run_cli, snapshot


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the spec and of generated/, to change freely."""
    shutil.copytree(SPEC.parent, tmp_path / "spec")
    shutil.copytree(ROOT / "generated", tmp_path / "generated")
    return tmp_path


def generate(project: Path, *extra: str) -> tuple[int, str, str]:
    result = run_cli(
        [
            "generate",
            str(project / "spec" / "openapi.yaml"),
            "-o",
            str(project / "generated"),
            "--package-name",
            "primotexto",
            *extra,
        ]
    )
    return result.code, result.out, result.err


def test_check_passes_on_a_current_tree(project: Path) -> None:
    assert generate(project, "--check")[0] == 0


def test_check_fails_with_a_diff_after_a_description_edit_and_writes_nothing(
    project: Path,
) -> None:
    spec = project / "spec" / "openapi.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("Send a notification SMS", "Send a notification text", 1))
    before = snapshot(project / "generated")
    code, out, err = generate(project, "--check")
    assert code == 1
    assert '-        """Send a notification SMS' in out  # a method of the client
    assert '+        """Send a notification text' in out
    assert "not current" in err
    assert snapshot(project / "generated") == before


def test_missing_responses_exits_2_with_line_and_pointer_and_writes_nothing(
    project: Path,
) -> None:
    spec = project / "spec" / "openapi.yaml"
    lines = spec.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("      responses:"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("        "))
    del lines[start:end]
    spec.write_text("".join(lines))
    before = snapshot(project / "generated")
    code, _, err = generate(project)
    assert code == 2
    assert f"{spec}:" in err
    assert "/paths/~1notification~1messages~1send/post" in err
    assert "has no 'responses'" in err
    line = int(err.split(f"{spec}:")[1].split(":")[0])
    assert lines[line - 1].strip() in ("post:", "operationId: sendNotificationMessage")
    assert snapshot(project / "generated") == before


def test_an_invalid_package_name_is_refused(project: Path) -> None:
    result = run_cli(["generate", str(SPEC), "-o", str(project / "out"), "--package-name", "a-b"])
    assert result.code == 2 and not (project / "out").exists()


HOSTILE = 'Ends """ here {{ x }} {% if 1 %} \\ back\\slash\nprint("pwned")\n'


def test_hostile_description_compiles_shows_the_text_and_runs_nothing(project: Path) -> None:
    spec = project / "spec" / "openapi.yaml"
    text = spec.read_text(encoding="utf-8")
    marker = "      summary: Send a notification SMS\n"
    assert marker in text
    escaped = HOSTILE.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    spec.write_text(text.replace(marker, f'      summary: "{escaped}"\n', 1))
    out = project / "out"
    code = run_cli(["generate", str(spec), "-o", str(out), "--package-name", "primotexto"]).code
    assert code == 0
    source = (out / "primotexto" / "_client.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    client = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Client")
    function = next(
        n
        for n in client.body
        if isinstance(n, ast.FunctionDef) and n.name == "send_notification_message"
    )
    docstring = ast.get_docstring(function, clean=False) or ""
    assert 'Ends """ here {{ x }} {% if 1 %} \\ back\\slash' in docstring
    assert 'print("pwned")' in docstring
    assert "pwned" not in "".join(ast.unparse(n) for n in function.body[1:])
    result = subprocess.run(
        [sys.executable, "-c", "import primotexto"],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "pwned" not in result.stdout, result.stderr


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "openapi-clientgen"
    if not script.exists():
        pytest.skip("the project is not installed in this environment (make test installs it)")
    result = subprocess.run([script, "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout.strip()
