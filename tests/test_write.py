import os
from pathlib import Path

import pytest

from generator import write

from .conftest import snapshot


def generate(folder: Path, files: dict[str, str]) -> None:
    write.apply(folder, write.plan(folder, write.with_manifest(files)))


def test_writes_files_and_a_manifest(tmp_path: Path) -> None:
    generate(tmp_path, {"pkg/a.py": "a\n", "README.md": "r\n"})
    assert (tmp_path / "pkg/a.py").read_text() == "a\n"
    assert write.previous_files(tmp_path) == {"pkg/a.py", "README.md"}


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


def test_a_failure_midway_leaves_the_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(tmp_path, {"a.py": "a\n", "b.py": "b\n", "gone.py": "g\n"})
    (tmp_path / "foreign.txt").write_text("x")
    before = snapshot(tmp_path)
    real_replace = os.replace
    calls = {"n": 0}

    def failing_replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        calls["n"] += 1
        if calls["n"] == 2:  # the first file is already committed
            raise OSError("disk full")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", failing_replace)
    plan = write.plan(
        tmp_path, write.with_manifest({"a.py": "A\n", "b.py": "B\n", "new/c.py": "c"})
    )
    with pytest.raises(OSError, match="disk full"):
        write.apply(tmp_path, plan)
    monkeypatch.setattr(os, "replace", real_replace)
    assert snapshot(tmp_path) == before
    assert not (tmp_path / "new").exists()


def test_diff_shows_changes_and_deletions(tmp_path: Path) -> None:
    generate(tmp_path, {"a.py": "one\n", "b.py": "b\n"})
    plan = write.plan(tmp_path, write.with_manifest({"a.py": "two\n"}))
    text = write.diff(tmp_path, plan)
    assert "-one" in text and "+two" in text and "a/b.py" in text
