"""Stage 6, writing the output folder: a trusted-for-nothing manifest, no writes through
links, crash consistency (a SIGKILL after every step of a commit), locking, full disks."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from generator import write

from .conftest import ROOT, snapshot


def generate(folder: Path, files: dict[str, str]) -> write.Plan:
    return write.apply(folder, write.plan(folder, write.with_manifest(files)))


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file (with its bytes) and folder (None) below `folder`."""
    return {
        str(p.relative_to(folder)): None if p.is_dir() and not p.is_symlink() else p.read_bytes()
        for p in sorted(folder.rglob("*"))
    }


def test_writes_files_and_a_manifest_with_checksums(tmp_path: Path) -> None:
    generate(tmp_path, {"pkg/a.py": "a\n", "README.md": "r\n"})
    assert (tmp_path / "pkg/a.py").read_text() == "a\n"
    assert write.previous_files(tmp_path) == {"pkg/a.py", "README.md"}
    manifest = write.read_manifest(tmp_path)
    assert manifest.entries["pkg/a.py"] == (
        "87428fc522803d31065e7bce3cf03fe475096631e5e07bbd7a0fde60c4cf25c7"  # sha256("a\n")
    )


def test_removes_files_it_no_longer_produces_and_never_touches_others(tmp_path: Path) -> None:
    generate(tmp_path, {"pkg/a.py": "a\n", "pkg/old/b.py": "b\n"})
    (tmp_path / "pkg/mine.txt").write_text("keep me")
    generate(tmp_path, {"pkg/a.py": "a2\n"})
    assert not (tmp_path / "pkg/old").exists()  # emptied folder removed too
    assert (tmp_path / "pkg/mine.txt").read_text() == "keep me"
    assert (tmp_path / "pkg/a.py").read_text() == "a2\n"


def test_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    generate(tmp_path, {"a.py": "a\n"})
    before = (tmp_path / "a.py").stat().st_mtime_ns
    plan = write.plan(tmp_path, write.with_manifest({"a.py": "a\n"}))
    assert plan.empty
    write.apply(tmp_path, plan)
    assert (tmp_path / "a.py").stat().st_mtime_ns == before


def test_diff_shows_changes_and_deletions(tmp_path: Path) -> None:
    generate(tmp_path, {"a.py": "one\n", "b.py": "b\n"})
    plan = write.plan(tmp_path, write.with_manifest({"a.py": "two\n"}))
    text = write.diff(tmp_path, plan)
    assert "-one" in text and "+two" in text and "a/b.py" in text


# --- the manifest is data from the checkout -------------------------------------------------


def test_a_manifest_cannot_name_anything_outside_the_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "project" / "out"
    victim = tmp_path / "victim.txt"
    victim.write_text("not yours")
    (tmp_path / "project" / "emptied").mkdir(parents=True)
    (tmp_path / "project" / "emptied" / "x.txt").write_text("x")
    generate(out, {"a.py": "a\n"})
    hostile = [
        "../../victim.txt",
        str(victim),
        "a/../../../victim.txt",
        "../emptied/x.txt",
        "./a.py",
        "a//b",
        "..",
        ".openapi-clientgen-files",
        ".openapi-clientgen-staging/journal",
    ]
    manifest = out / write.MANIFEST
    manifest.write_text(manifest.read_text() + "".join(f"{line}\n" for line in hostile))
    before = snapshot(tmp_path / "project")
    check = write.plan(out, write.with_manifest({"a.py": "a\n"}))
    assert check.deletions == ()
    assert "not yours" not in write.diff(out, check)  # --check shows nothing from outside
    done = generate(out, {"b.py": "b\n"})
    assert victim.read_text() == "not yours"
    assert (tmp_path / "project" / "emptied" / "x.txt").exists()
    assert sum("ignored" in note for note in done.notes) == len(hostile)
    assert done.deletions == ("a.py",)
    after = snapshot(tmp_path / "project")
    assert {k: v for k, v in after.items() if not k.startswith("out/")} == {
        k: v for k, v in before.items() if not k.startswith("out/")
    }


def test_a_manifest_entry_behind_a_link_is_left(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "models.py").write_text("theirs\n")
    generate(out, {"pkg/models.py": "theirs\n"})  # the same text, so the checksum matches
    (out / "pkg" / "models.py").unlink()
    (out / "pkg").rmdir()
    (out / "pkg").symlink_to(elsewhere)
    done = generate(out, {"other.py": "o\n"})
    assert (elsewhere / "models.py").read_text() == "theirs\n"
    assert any("symbolic link" in note for note in done.notes)


def test_a_file_edited_since_it_was_generated_is_not_removed(tmp_path: Path) -> None:
    generate(tmp_path, {"a.py": "a\n", "b.py": "b\n"})
    (tmp_path / "b.py").write_text("my edits\n")
    done = generate(tmp_path, {"a.py": "a\n"})
    assert (tmp_path / "b.py").read_text() == "my edits\n"
    assert done.deletions == ()
    assert any("edited" in note and "b.py" in note for note in done.notes)


def test_an_older_manifest_without_checksums_still_upgrades_and_removes_nothing(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.py").write_text("old a\n")
    (tmp_path / "gone.py").write_text("g\n")
    (tmp_path / write.MANIFEST).write_text("# Files written by openapi-clientgen\na.py\ngone.py\n")
    done = generate(tmp_path, {"a.py": "new a\n"})
    assert (tmp_path / "a.py").read_text() == "new a\n"  # listed: the generator's to replace
    assert (tmp_path / "gone.py").exists()  # unverifiable: left, with a note
    assert any("gone.py" in note and "checksum" in note for note in done.notes)
    assert write.read_manifest(tmp_path).entries["a.py"] is not None


@pytest.mark.parametrize("kind", ["folder", "not utf-8", "link"])
def test_a_manifest_that_is_not_a_text_file_is_an_error_naming_it(
    tmp_path: Path, kind: str
) -> None:
    generate(tmp_path, {"a.py": "a\n"})
    manifest = tmp_path / write.MANIFEST
    manifest.unlink()
    if kind == "folder":
        manifest.mkdir()
    elif kind == "not utf-8":
        manifest.write_bytes(b"a.py\n\xff\xfe\n")
    else:
        (tmp_path / "elsewhere").write_text("a.py\n")
        manifest.symlink_to(tmp_path / "elsewhere")
    before = tree(tmp_path)
    with pytest.raises(write.OutputError, match=write.MANIFEST):
        generate(tmp_path, {"a.py": "b\n"})
    assert tree(tmp_path) == before


# --- refused outputs ------------------------------------------------------------------------


def test_never_writes_through_a_link_to_another_folder(tmp_path: Path) -> None:
    out, other = tmp_path / "out", tmp_path / "other"
    other.mkdir()
    (other / "models.py").write_text("someone else's\n")
    out.mkdir()
    (out / "pkg").symlink_to(other)
    with pytest.raises(write.OutputError, match="symbolic link"):
        generate(out, {"pkg/models.py": "generated\n"})
    assert (other / "models.py").read_text() == "someone else's\n"
    with pytest.raises(write.OutputError, match="symbolic link"):
        write.examine(out, write.with_manifest({"pkg/models.py": "generated\n"}))


def test_never_replaces_a_file_link_nor_reads_through_one(tmp_path: Path) -> None:
    out = tmp_path / "out"
    secret = tmp_path / "secret.txt"
    secret.write_text("secret\n")
    generate(out, {"a.py": "a\n"})
    (out / "a.py").unlink()
    (out / "a.py").symlink_to(secret)
    with pytest.raises(write.OutputError, match="symbolic link"):
        write.plan(out, write.with_manifest({"a.py": "b\n"}))
    assert secret.read_text() == "secret\n"


def test_never_overwrites_a_file_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("the project's own readme\n")
    with pytest.raises(write.OutputError, match="did not write it"):
        generate(tmp_path, {"README.md": "generated\n", "a.py": "a\n"})
    assert (tmp_path / "README.md").read_text() == "the project's own readme\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md"]


def test_never_overwrites_the_document_itself(tmp_path: Path) -> None:
    spec = tmp_path / "README.md"
    spec.write_text("openapi: 3.1.0\n")
    generate(tmp_path, {"a.py": "a\n"})
    manifest = tmp_path / write.MANIFEST
    manifest.write_text(manifest.read_text() + "README.md\n")  # even when listed
    with pytest.raises(write.OutputError, match="document being generated"):
        write.write_tree(tmp_path, write.with_manifest({"README.md": "x\n"}), protect=[spec])
    assert spec.read_text() == "openapi: 3.1.0\n"


def test_a_folder_where_a_file_goes_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.py").mkdir()
    with pytest.raises(write.OutputError, match="a folder where"):
        generate(tmp_path, {"a.py": "a\n"})
    (tmp_path / "b.py").write_text("a file")
    with pytest.raises(write.OutputError, match="a file where"):
        generate(tmp_path, {"b.py/c.py": "c\n"})


def test_dangerous_output_folders_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home" / "someone"
    home.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    for folder, reason in (
        (Path("/"), "root of the file system"),
        (home, "your home folder"),
        (home.parent, "holding your home folder"),
    ):
        with pytest.raises(write.OutputError, match=reason):
            write.check_output_folder(folder)
    (tmp_path / "file").write_text("x")
    with pytest.raises(write.OutputError, match="not a folder"):
        generate(tmp_path / "file", {"a.py": "a\n"})
    write.check_output_folder(home / "project" / "generated")  # a folder of its own is fine


# --- failures inside a run ------------------------------------------------------------------


def test_a_failure_while_swapping_leaves_the_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(tmp_path, {"a.py": "a\n", "b.py": "b\n", "gone.py": "g\n"})
    (tmp_path / "foreign.txt").write_text("x")
    before = tree(tmp_path)
    real_replace = os.replace
    calls = {"n": 0}

    def failing_replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        calls["n"] += 1
        if calls["n"] == 3:  # the journal's rename and the first file are done
            raise OSError(errno.EIO, "Input/output error", str(target))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(write.OutputError, match=r"input/output error; .* is unchanged"):
        generate(tmp_path, {"a.py": "A\n", "b.py": "B\n", "new/c.py": "c"})
    assert tree(tmp_path) == before


def test_ctrl_c_while_swapping_leaves_the_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(tmp_path, {"a.py": "a\n", "gone/g.py": "g\n"})
    before = tree(tmp_path)

    def interrupt(name: str) -> None:
        if name.startswith("removed"):
            raise KeyboardInterrupt

    monkeypatch.setattr(write, "_step", interrupt)
    with pytest.raises(KeyboardInterrupt):
        generate(tmp_path, {"a.py": "A\n", "new/c.py": "c"})
    assert tree(tmp_path) == before


def test_a_full_disk_leaves_the_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(tmp_path, {"a.py": "a\n", "b.py": "b\n"})
    before = tree(tmp_path)
    real_write = os.write
    written = {"bytes": 0}

    def filling_write(descriptor: int, data: bytes | memoryview) -> int:
        if written["bytes"] > 10:
            raise OSError(errno.ENOSPC, "No space left on device")
        written["bytes"] += len(data)
        return real_write(descriptor, data)

    monkeypatch.setattr(os, "write", filling_write)
    with pytest.raises(write.OutputError) as caught:
        generate(tmp_path, {"a.py": "A" * 100, "b.py": "B" * 100, "new/c.py": "c"})
    assert str(caught.value) == f"{tmp_path}: no space left on device; {tmp_path} is unchanged"
    assert tree(tmp_path) == before


def test_a_file_size_limit_stops_a_real_run_cleanly(tmp_path: Path) -> None:
    """A real write failure, not a simulated one: RLIMIT_FSIZE makes write(2) fail (EFBIG)."""
    out = tmp_path / "out"
    generate(out, {"a.py": "a\n"})
    before = tree(out)
    files = json.dumps(write.with_manifest({"a.py": "x" * 100_000, "b/c.py": "c\n"}))
    script = (
        "import json, resource, signal, sys\n"
        "from pathlib import Path\n"
        "from generator import write\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))\n"
        "try:\n"
        "    write.write_tree(Path(sys.argv[1]), json.loads(sys.argv[2]))\n"
        "except write.OutputError as exc:\n"
        "    print(exc)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(out), files],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.strip() == f"{out}: file too large; {out} is unchanged"
    assert tree(out) == before


# --- killed at any step ---------------------------------------------------------------------

OLD = {"pkg/a.py": "old a\n", "pkg/b.py": "b\n", "pkg/sub/gone.py": "gone\n", "top.py": "t\n"}
NEW = {"pkg/a.py": "new a\n", "pkg/b.py": "b\n", "pkg/new/c.py": "c\n", "top.py": "T\n"}

_KILL_AT = """
import json, os, signal, sys
from pathlib import Path
from generator import write

out, files, kill_at = Path(sys.argv[1]), json.loads(sys.argv[2]), int(sys.argv[3])
steps = iter(range(1, 10_000))

def step(name):
    if next(steps) == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)

write._step = step
if sys.argv[4] == "write":
    write.write_tree(out, files)
else:
    write.recover(out)
"""


def _killed_at(out: Path, files: dict[str, str], step: int, action: str = "write") -> None:
    run = subprocess.run(
        [sys.executable, "-c", _KILL_AT, str(out), json.dumps(files), str(step), action],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == -signal.SIGKILL, run.stderr


def _commit_steps(tmp_path: Path) -> list[str]:
    out = tmp_path / "steps"
    generate(out, OLD)
    steps: list[str] = []
    real_step = write._step
    write._step = steps.append  # type: ignore[assignment]
    try:
        generate(out, NEW)
    finally:
        write._step = real_step  # type: ignore[assignment]
    return steps


def test_a_run_killed_after_any_step_leaves_the_old_tree_or_the_new_one(tmp_path: Path) -> None:
    steps = _commit_steps(tmp_path)
    assert steps[0] == "staging folder made" and "committed" in steps
    assert steps[-1] == "staging removed"
    old_tree, new_tree = tmp_path / "old", tmp_path / "new"
    generate(old_tree, OLD)
    generate(new_tree, NEW)
    (old_tree / "mine.txt").write_text("mine\n")
    (new_tree / "mine.txt").write_text("mine\n")
    expected = {"old": tree(old_tree), "new": tree(new_tree)}
    committed = steps.index("committed") + 1
    for number, name in enumerate(steps, 1):
        out = tmp_path / f"killed-{number}"
        generate(out, OLD)
        (out / "mine.txt").write_text("mine\n")
        _killed_at(out, write.with_manifest(NEW), number)
        notes = write.recover(out)  # what the next run does first
        which = "old" if number < committed else "new"
        assert tree(out) == expected[which], f"killed after {name!r}: not the {which} tree"
        assert bool(notes) == (number < len(steps)), name
        # and the next run itself ends with the new tree, nothing left over
        generate(out, NEW)
        assert tree(out) == expected["new"], name


def test_a_recovery_killed_after_any_step_is_completed_by_the_next(tmp_path: Path) -> None:
    steps = _commit_steps(tmp_path)
    new_tree = tmp_path / "new"
    generate(new_tree, NEW)
    killed_in_swap = steps.index("committed") + 2  # after the first file was swapped
    recovery_steps = len(steps) - killed_in_swap
    for number in range(1, recovery_steps + 1):
        out = tmp_path / f"killed-{number}"
        generate(out, OLD)
        _killed_at(out, write.with_manifest(NEW), killed_in_swap)
        _killed_at(out, {}, number, action="recover")
        write.recover(out)
        assert tree(out) == tree(new_tree), f"recovery killed at its step {number}"


def test_a_forged_journal_touches_nothing_outside(tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate(out, {"a.py": "a\n"})
    victim = tmp_path / "victim.txt"
    victim.write_text("v\n")
    staging = out / write.STAGING
    staging.mkdir()
    (staging / "new-0").write_text("forged\n")
    journal = {
        "writes": [{"path": "../victim.txt", "new": "new-0", "old": None, "sha256": "0" * 64}],
        "deletions": [{"path": "../victim.txt", "old": "gone-0", "sha256": "0" * 64}],
    }
    (staging / "journal").write_text(json.dumps(journal))
    write.recover(out)
    assert victim.read_text() == "v\n"
    assert not staging.exists()


def test_leftovers_of_older_versions_are_removed(tmp_path: Path) -> None:
    generate(tmp_path, {"pkg/a.py": "a\n"})
    (tmp_path / "pkg" / "a.py.clientgen-4242.new").write_text("half")
    (tmp_path / "pkg" / "a.py.clientgen-4242.old").write_text("a\n")
    (tmp_path / "pkg" / "mine.clientgen-1.old").write_text("not a leftover of a listed file")
    done = generate(tmp_path, {"pkg/a.py": "a\n"})
    assert sorted(p.name for p in (tmp_path / "pkg").iterdir()) == ["a.py", "mine.clientgen-1.old"]
    assert sum("left by an interrupted run" in note for note in done.notes) == 2


# --- concurrent runs ------------------------------------------------------------------------

_WRITER = """
import json, sys
from pathlib import Path
from generator import write

def waiting(message):
    print(message, file=sys.stderr, flush=True)

done = write.write_tree(Path(sys.argv[1]), json.loads(sys.argv[2]), waiting=waiting)
print(len(done.writes))
"""


def _writer(out: Path, files: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(out), json.dumps(write.with_manifest(files))],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_second_run_waits_for_the_first(tmp_path: Path) -> None:
    generate(tmp_path, OLD)
    before = tree(tmp_path)
    descriptor = os.open(tmp_path, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)  # a run holding the folder
        second = _writer(tmp_path, NEW)
        assert second.stderr is not None
        assert "another openapi-clientgen run is using it; waiting" in second.stderr.readline()
        assert tree(tmp_path) == before
    finally:
        os.close(descriptor)
    _, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    assert (tmp_path / "pkg" / "new" / "c.py").read_text() == "c\n"


def test_a_folder_another_run_makes_first_is_shared_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "new" / "client"
    real_mkdir = Path.mkdir

    def another_run_wins(self: Path, *args: object, **kwargs: object) -> None:
        if self in (out, out.parent):
            os.mkdir(self)  # the other run makes it between our look and our mkdir
        real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", another_run_wins)
    assert write._make_folder(out) == []  # made by the other run: not ours to remove
    os.rmdir(out)
    os.rmdir(out.parent)

    done = generate(out, OLD)
    assert done.writes and (out / "pkg" / "a.py").read_text() == "old a\n"


def test_a_file_made_where_the_folder_goes_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "client"
    real_mkdir = Path.mkdir

    def a_file_appears(self: Path, *args: object, **kwargs: object) -> None:
        self.write_text("not a folder\n")
        real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", a_file_appears)
    message = f"{out}: a file appeared where the output folder goes; remove it"
    with pytest.raises(write.OutputError, match=message):
        write._make_folder(out)


def test_concurrent_runs_end_with_one_whole_tree(tmp_path: Path) -> None:
    first = {f"pkg/m{i}.py": f"first {i}\n" * 200 for i in range(12)}
    second = {f"pkg/m{i}.py": f"second {i}\n" * 200 for i in range(6, 18)}
    expected = []
    for name, files in (("first", first), ("second", second)):
        generate(tmp_path / name, files)
        expected.append(tree(tmp_path / name))
    for attempt in range(3):
        out = tmp_path / f"race-{attempt}"
        runs = [_writer(out, first), _writer(out, second)]
        for run in runs:
            _, err = run.communicate(timeout=120)
            assert run.returncode == 0, err
        assert tree(out) in expected
