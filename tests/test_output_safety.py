"""The command line on hostile output folders and operational failures: one line naming the
path and the cause, a documented exit status (4; 130 for Ctrl-C), and nothing changed."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import write
from generator.cli import ExitCode

from .conftest import ROOT, CliResult, run_cli
from .test_write import tree

DOCUMENT = """\
openapi: 3.1.0
info: {title: Safety, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200":
          description: the pets
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Pet"}}
components:
  schemas:
    Pet:
      type: object
      properties:
        name: {type: string}
"""


EDITED = DOCUMENT.replace("name: {type: string}", "name: {type: string, description: Its name.}")


@pytest.fixture(scope="module")
def generated_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A spec and its output folder, generated once (later runs hit the session's cache)."""
    folder = tmp_path_factory.mktemp("safety")
    (folder / "openapi.yaml").write_text(DOCUMENT)
    assert generate(folder / "openapi.yaml", folder / "out").code == 0
    return folder


@pytest.fixture
def project(tmp_path: Path, generated_once: Path) -> Path:
    shutil.copytree(generated_once, tmp_path / "project")
    return tmp_path / "project"


def generate(spec: Path, out: Path, *extra: str) -> CliResult:
    return run_cli(["generate", str(spec), "-o", str(out), *extra])


def one_error(result: CliResult) -> str:
    errors = [line for line in result.err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.err
    assert "Traceback" not in result.err
    return errors[0]


def test_a_hostile_manifest_deletes_and_shows_nothing_outside(project: Path) -> None:
    victim = project / "victim.txt"
    victim.write_text("private notes\n")
    manifest = project / "out" / write.MANIFEST
    manifest.write_text(manifest.read_text() + "../victim.txt\n" + f"{victim}\n")
    check = generate(project / "openapi.yaml", project / "out", "--check")
    assert "private notes" not in check.out
    result = generate(project / "openapi.yaml", project / "out")
    assert result.code == 0
    assert victim.read_text() == "private notes\n"
    assert result.err.count("ignored") == 2


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("/", "error: /: is the root of the file system; generate into a folder of its own"),
        ("{home}", "error: {home}: is your home folder; generate into a folder of its own"),
        ("{file}", "error: {file}: not a folder; -o names the folder to generate into"),
    ],
)
def test_a_dangerous_output_folder_is_refused_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str, message: str
) -> None:
    home, file = tmp_path / "home", tmp_path / "file"
    home.mkdir()
    file.write_text("x")
    monkeypatch.setenv("HOME", str(home))
    names = {"home": home, "file": file}
    before = tree(tmp_path)
    result = generate(ROOT / "spec" / "openapi.yaml", Path(output.format(**names)))
    assert result.code == ExitCode.OUTPUT
    assert one_error(result) == message.format(**names)
    assert tree(tmp_path) == before


def test_a_spec_in_the_output_folder_is_never_overwritten(tmp_path: Path) -> None:
    spec = tmp_path / "README.md"
    spec.write_text(DOCUMENT)
    result = generate(spec, tmp_path)
    assert result.code == ExitCode.OUTPUT
    assert one_error(result).startswith(f"error: {spec}: ")
    assert [p.name for p in tmp_path.iterdir()] == ["README.md"]
    assert spec.read_text() == DOCUMENT


def test_a_link_in_the_output_folder_is_refused(project: Path) -> None:
    package = project / "out" / "safety"
    shutil.move(package, project / "elsewhere")
    package.symlink_to(project / "elsewhere")
    (project / "openapi.yaml").write_text(EDITED)
    before = tree(project / "elsewhere")
    result = generate(project / "openapi.yaml", project / "out")
    assert result.code == ExitCode.OUTPUT
    assert one_error(result).startswith(f"error: {package}: a symbolic link;")
    assert tree(project / "elsewhere") == before


def _manifest_folder(out: Path) -> None:
    (out / write.MANIFEST).unlink()
    (out / write.MANIFEST).mkdir()


def _manifest_not_utf8(out: Path) -> None:
    (out / write.MANIFEST).write_bytes(b"safety/models.py\n\xff\n")


def _folder_where_a_file_goes(out: Path) -> None:
    (out / "README.md").unlink()
    (out / "README.md").mkdir()


def _file_where_a_folder_goes(out: Path) -> None:
    shutil.rmtree(out / "safety")
    (out / "safety").write_text("x")


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (_manifest_folder, f"{write.MANIFEST}: not a file"),
        (_manifest_not_utf8, f"{write.MANIFEST}: not UTF-8 text (byte 18)"),
        (_folder_where_a_file_goes, "README.md: a folder where the generator writes a file"),
        (_file_where_a_folder_goes, "safety: a file where the generator needs a folder"),
    ],
)
def test_an_unusable_output_folder_is_one_line_and_exit_4(
    project: Path, spoil: object, message: str
) -> None:
    out = project / "out"
    spoil(out)  # type: ignore[operator]
    before = tree(out)
    for extra in ((), ("--check",)):
        result = generate(project / "openapi.yaml", out, *extra)
        assert result.code == ExitCode.OUTPUT
        assert one_error(result).startswith(f"error: {out}/{message}")
        assert tree(out) == before


def test_a_read_only_file_system_is_one_line(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(path: str | os.PathLike[str], mode: int = 0o777) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    out = project / "out"
    (project / "openapi.yaml").write_text(EDITED)
    before = tree(out)
    monkeypatch.setattr(os, "mkdir", read_only)
    result = generate(project / "openapi.yaml", out)
    assert result.code == ExitCode.OUTPUT
    assert one_error(result) == f"error: {out}: read-only file system; {out} is unchanged"
    assert tree(out) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_folder_without_write_permission_is_one_line(project: Path) -> None:
    out = project / "out"
    (project / "openapi.yaml").write_text(EDITED)
    before = tree(out)
    os.chmod(out, 0o555)
    try:
        result = generate(project / "openapi.yaml", out)
    finally:
        os.chmod(out, 0o755)
    assert result.code == ExitCode.OUTPUT
    assert "permission denied" in one_error(result)
    assert tree(out) == before


def test_a_full_disk_is_one_line_and_nothing_changes(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(descriptor: int, data: bytes | memoryview) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    out = project / "out"
    (project / "openapi.yaml").write_text(EDITED)
    before = tree(out)
    monkeypatch.setattr(os, "write", full)
    result = generate(project / "openapi.yaml", out)
    assert result.code == ExitCode.OUTPUT
    assert one_error(result) == f"error: {out}: no space left on device; {out} is unchanged"
    assert tree(out) == before


# Ctrl-C reaches every process of the terminal's group: the generator, its validator
# (forked, with --no-cache) and black's workers. Sent here at a chosen point of the run.
_INTERRUPTED = """
import os, signal, sys
from generator import cli, pipeline, write

where = sys.argv[1]

def interrupt(*args):
    os.killpg(0, signal.SIGINT)

if where == "formatting":
    real = pipeline.format_files
    def format_then_interrupt(*args, **kwargs):
        interrupt()
        return real(*args, **kwargs)
    pipeline.format_files = format_then_interrupt
else:
    def step(name):
        if name.startswith(where):
            interrupt()
    write._step = step
sys.exit(cli.main(sys.argv[2:]))
"""


@pytest.mark.parametrize("where", ["formatting", "staged", "replaced"])
def test_ctrl_c_is_one_line_exit_130_and_nothing_changes(project: Path, where: str) -> None:
    out = project / "out"
    (project / "openapi.yaml").write_text(EDITED)
    before = tree(out)
    command = ["generate", str(project / "openapi.yaml"), "-o", str(out)]
    if where == "formatting":  # uncached, the validator runs beside in a child process
        command.append("--no-cache")
    run = subprocess.run(
        [sys.executable, "-c", _INTERRUPTED, where, *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        start_new_session=True,  # its own process group, for killpg
        timeout=300,
    )
    assert run.returncode == ExitCode.INTERRUPTED, run.stderr
    assert run.stderr == "interrupted: nothing was changed\n"
    assert tree(out) == before


def test_check_reports_an_interrupted_run_and_the_next_run_clears_it(project: Path) -> None:
    out = project / "out"
    (out / write.STAGING).mkdir()
    (out / write.STAGING / "new-0").write_text("half a file")
    check = generate(project / "openapi.yaml", out, "--check")
    assert check.code == 1
    assert "an interrupted run left its work there" in check.err
    result = generate(project / "openapi.yaml", out)
    assert result.code == 0
    assert f"note: {out}: removed what an interrupted run had staged" in result.err
    assert not (out / write.STAGING).exists()
    assert generate(project / "openapi.yaml", out, "--check").code == 0
