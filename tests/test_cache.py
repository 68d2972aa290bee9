"""The cache can never change the output: signed entries, a private folder, checked shapes."""

from __future__ import annotations

import errno
import json
import os
import pickle
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2.bccache
import pytest

from generator import pipeline, render
from generator.cache import DISABLED, Cache, installed, key
from generator.errors import SpecError
from generator.load import parse_document
from generator.validate import _shape

from .conftest import run_cli

ENTRY = "ab" * 32


def cache_in(folder: Path) -> Cache:
    return Cache(folder / "cache", key_file=folder / "state" / "cache-key")


def test_entries_round_trip_in_a_private_folder_signed_with_a_secret_kept_elsewhere(
    tmp_path: Path,
) -> None:
    cache = cache_in(tmp_path)
    cache.put("format", ENTRY, "formatted\n")
    assert cache.get("format", ENTRY) == "formatted\n"
    assert cache.warnings == []
    for folder in (tmp_path / "cache", tmp_path / "cache" / "format"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    key_file = tmp_path / "state" / "cache-key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key_file.read_bytes() not in (tmp_path / "cache" / "format" / ENTRY).read_bytes()
    assert cache_in(tmp_path).get("format", ENTRY) == "formatted\n"  # the same secret later


def _flip_last(data: bytes) -> bytes:
    return data[:-1] + bytes([data[-1] ^ 1])


TAMPERING: dict[str, Callable[[bytes], bytes]] = {
    "a changed value": _flip_last,
    "a truncated value": lambda data: data[:-1],
    "cut inside the signature": lambda data: data[:40],
    "an empty file": lambda data: b"",
    "a value without a signature": lambda data: data.partition(b"\n")[2],
    "another value under the same signature": lambda data: data.partition(b"\n")[0]
    + b"\nimport os\n",
}


@pytest.mark.parametrize("tamper", TAMPERING, ids=list(TAMPERING))
def test_a_tampered_entry_is_a_miss(tmp_path: Path, tamper: str) -> None:
    cache = cache_in(tmp_path)
    cache.put("format", ENTRY, "formatted\n")
    entry = tmp_path / "cache" / "format" / ENTRY
    entry.write_bytes(TAMPERING[tamper](entry.read_bytes()))
    assert cache_in(tmp_path).get("format", ENTRY) is None


def test_an_entry_moved_to_another_key_or_kind_or_signed_elsewhere_is_a_miss(
    tmp_path: Path,
) -> None:
    cache = cache_in(tmp_path)
    cache.put("validate", ENTRY, "[]")
    other = "cd" * 32
    (tmp_path / "cache" / "format").mkdir()
    shutil.copy(tmp_path / "cache" / "validate" / ENTRY, tmp_path / "cache" / "validate" / other)
    shutil.copy(tmp_path / "cache" / "validate" / ENTRY, tmp_path / "cache" / "format" / ENTRY)
    assert cache.get("validate", other) is None
    assert cache.get("format", ENTRY) is None
    elsewhere = Cache(tmp_path / "cache", key_file=tmp_path / "another machine" / "cache-key")
    assert elsewhere.get("validate", ENTRY) is None  # a cache restored from somewhere else


def test_an_entry_that_is_a_link_is_not_followed(tmp_path: Path) -> None:
    cache = cache_in(tmp_path)
    cache.put("format", ENTRY, "formatted\n")
    target = tmp_path / "elsewhere"
    shutil.move(tmp_path / "cache" / "format" / ENTRY, target)
    (tmp_path / "cache" / "format" / ENTRY).symlink_to(target)
    assert cache.get("format", ENTRY) is None


def _folder_is_a_file(tmp_path: Path) -> Cache:
    (tmp_path / "cache").write_text("x")
    return cache_in(tmp_path)


def _folder_others_may_write(tmp_path: Path) -> Cache:
    (tmp_path / "cache").mkdir(mode=0o777)
    os.chmod(tmp_path / "cache", 0o777)
    return cache_in(tmp_path)


def _kind_folder_is_a_link(tmp_path: Path) -> Cache:
    (tmp_path / "cache").mkdir(mode=0o700)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "cache" / "format").symlink_to(tmp_path / "elsewhere")
    return cache_in(tmp_path)


def _key_readable_by_others(tmp_path: Path) -> Cache:
    cache_in(tmp_path).put("format", ENTRY, "x")
    os.chmod(tmp_path / "state" / "cache-key", 0o644)
    return cache_in(tmp_path)


def _key_not_made_by_the_generator(tmp_path: Path) -> Cache:
    (tmp_path / "state").mkdir()
    (tmp_path / "state" / "cache-key").write_text("password")
    os.chmod(tmp_path / "state" / "cache-key", 0o600)
    return cache_in(tmp_path)


UNUSABLE: dict[str, tuple[Callable[[Path], Cache], str]] = {
    "the folder is a file": (_folder_is_a_file, "cache: not a folder"),
    "others may write to the folder": (_folder_others_may_write, "others may write to it"),
    "a kind's folder is a link": (_kind_folder_is_a_link, "format: not a folder"),
    "others may read the secret": (_key_readable_by_others, "others may read it"),
    "the secret is not one it made": (_key_not_made_by_the_generator, "not a key"),
}


@pytest.mark.parametrize("case", UNUSABLE, ids=list(UNUSABLE))
def test_an_unusable_cache_is_one_warning_and_stores_nothing(tmp_path: Path, case: str) -> None:
    make, message = UNUSABLE[case]
    cache = make(tmp_path)
    for _ in range(2):
        cache.put("format", ENTRY, "formatted\n")
        assert cache.get("format", ENTRY) is None
    assert len(cache.warnings) == 1
    assert message in cache.warnings[0] and "going on without the cache" in cache.warnings[0]
    assert not (tmp_path / "elsewhere").exists() or not any((tmp_path / "elsewhere").iterdir())


def test_a_folder_of_another_user_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "cache").mkdir(mode=0o700)
    monkeypatch.setattr(os, "geteuid", lambda: os.stat(tmp_path).st_uid + 1)
    cache = cache_in(tmp_path)
    assert cache.get("format", ENTRY) is None
    assert "belongs to another user" in cache.warnings[0]


def test_a_full_cache_disk_is_one_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = cache_in(tmp_path)
    cache.get("format", ENTRY)  # opened, secret made

    def full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "mkstemp", full)
    cache.put("format", ENTRY, "x")
    cache.put("format", "cd" * 32, "y")
    assert cache.warnings == [
        f"warning: {tmp_path / 'cache' / 'format'}: cannot store results "
        "(no space left on device); going on without the cache"
    ]


# --- end to end: whatever the cache holds, the output is a clean run's ---------------------

DOCUMENT = """\
openapi: 3.1.0
info: {title: Cache Test, version: "1"}
paths:
  /pets/{petId}:
    get:
      operationId: getPet
      parameters:
        - {name: petId, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: a pet
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Pet"}
components:
  schemas:
    Pet:
      type: object
      required: [name]
      properties:
        name: {type: string, description: The pet's name.}
        tag: {type: string}
        # A line too long for black's layout: formatting runs, and is cached.
        a_name_long_enough_that_no_layout_of_its_line_fits_in_the_line_length_so_black_formats_it:
          type: array
          items: {type: string}
"""
MARKER = "CACHE-CODE-RAN"


class _Opens:
    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Any, ...]:
        return (open, (str(self.path), "w"))


def _crafted(kind: str, marker: Path, value: bytes) -> bytes:
    """What an attacker would put in an entry of `kind` that held `value`: the same
    shape and keys, with code of theirs for every text."""
    code = f"open({str(marker)!r}, 'w')\n"
    if kind == "templates":  # Jinja unpickles the checksum of a bytecode entry
        return jinja2.bccache.bc_magic + pickle.dumps(_Opens(marker))
    if kind == "validate":
        return b"[]"
    if kind == "pieces":
        return json.dumps({entry: code for entry in json.loads(value)}).encode()
    if kind == "fragments":
        return json.dumps({entry: [code, []] for entry in json.loads(value)}).encode()
    if kind == "files":  # made from the same rendered text
        return json.dumps([json.loads(value)[0], code]).encode()
    return code.encode()


TAMPERINGS = (
    "crafted values under their signatures",
    "crafted values without signatures",
    "truncated",
    "shuffled between keys",
)


def _tamper_all(folder: Path, marker: Path) -> list[str]:
    """Tamper with every entry, the entries of each kind in each way in turn: what was done."""
    entries = sorted(p for p in folder.rglob("*") if p.is_file())
    contents = {entry: entry.read_bytes() for entry in entries}
    done = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        data, kind = contents[entry], entry.parent.name
        seen[kind] = seen.get(kind, -1) + 1
        how = TAMPERINGS[seen[kind] % len(TAMPERINGS)]
        if how == "crafted values under their signatures":
            signature, _, value = data.partition(b"\n")
            entry.write_bytes(signature + b"\n" + _crafted(kind, marker, value))
        elif how == "crafted values without signatures":
            entry.write_bytes(_crafted(kind, marker, data.partition(b"\n")[2]))
        elif how == "truncated":
            entry.write_bytes(data[: len(data) // 2])
        else:  # another entry's content, valid under its own key
            entry.write_bytes(contents[entries[(index + 1) % len(entries)]])
        done.append(f"{kind} {how}")
    return done


def _installation_read_only(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Compiled templates cannot be kept beside the templates: the cache keeps them."""
    (folder / "installation").write_text("a file where a folder would be")
    monkeypatch.setattr(render, "COMPILED_TEMPLATES", folder / "installation" / "__pycache__")


@pytest.fixture(autouse=True)
def installation_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _installation_read_only(monkeypatch, tmp_path)


@pytest.fixture(scope="module")
def clean_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Path, dict[str, str], Path]]:
    folder = tmp_path_factory.mktemp("clean")
    spec = folder / "openapi.yaml"
    spec.write_text(DOCUMENT)
    with pytest.MonkeyPatch.context() as monkeypatch:
        _installation_read_only(monkeypatch, folder)
        expected = pipeline.generate(spec, folder / "out").files
        warm = folder / "warm"
        cache = Cache(warm / "cache", key_file=warm / "key")
        assert pipeline.generate(spec, folder / "out", cache=cache).files == expected
        kinds = sorted(p.name for p in (warm / "cache").iterdir())
        assert kinds == ["files", "fragments", "pieces", "templates", "validate"]
        yield spec, expected, warm


@pytest.mark.parametrize("how", ["tampered with", "from another machine"])
def test_a_tampered_cache_gives_the_output_of_a_clean_run(
    tmp_path: Path,
    how: str,
    clean_run: tuple[Path, dict[str, str], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spec, expected, warm = clean_run
    shutil.copytree(warm, tmp_path / "warm")
    marker = tmp_path / MARKER
    key_file = tmp_path / "warm" / "key"
    if how == "from another machine":
        key_file = tmp_path / "another" / "key"
    else:
        done = _tamper_all(tmp_path / "warm" / "cache", marker)
        assert {d.split(" ", 1)[1] for d in done} == set(TAMPERINGS)
        assert "validate crafted values under their signatures" in done
        assert "templates crafted values under their signatures" in done
    formatted: list[str] = []
    real_format = pipeline.format_files.__globals__["_black_format"]

    def counting_format(texts: dict[str, str]) -> dict[str, str]:
        formatted.extend(texts)
        return real_format(texts)  # type: ignore[no-any-return]

    monkeypatch.setattr("generator.formatting._black_format", counting_format)
    cache = Cache(tmp_path / "warm" / "cache", key_file=key_file)
    assert pipeline.generate(spec, tmp_path / "out", cache=cache).files == expected
    assert formatted  # the entries were misses: the formatter ran again
    assert not marker.exists()
    assert cache.warnings == []


def test_a_warm_cache_is_used(
    tmp_path: Path, clean_run: tuple[Path, dict[str, str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tampering test above is not vacuous: untouched, the same entries are all hits."""
    spec, expected, warm = clean_run

    def no_black(texts: dict[str, str]) -> dict[str, str]:
        raise AssertionError("formatted again")

    monkeypatch.setattr("generator.formatting._black_format", no_black)
    cache = Cache(warm / "cache", key_file=warm / "key")
    assert pipeline.generate(spec, tmp_path / "out", cache=cache).files == expected


def test_a_forged_verdict_does_not_let_an_invalid_document_through(
    tmp_path: Path, clean_run: tuple[Path, dict[str, str], Path]
) -> None:
    spec = tmp_path / "openapi.yaml"
    invalid = DOCUMENT.replace("          description: a pet\n", "")
    spec.write_text(invalid)
    shutil.copytree(clean_run[2], tmp_path / "warm")  # formatting hits: only validation runs
    cache = Cache(tmp_path / "warm" / "cache", key_file=tmp_path / "warm" / "key")
    verdict = key(installed("openapi_spec_validator"), _shape(parse_document(spec, invalid).data))
    (tmp_path / "warm" / "cache" / "validate" / verdict).write_text("[]")
    with pytest.raises(SpecError):
        pipeline.generate(spec, tmp_path / "out", cache=cache)
    # The shape is checked as well: a verdict that is not a list of pairs is a miss.
    cache.put("validate", verdict, json.dumps({"not": "findings"}))
    with pytest.raises(SpecError):
        pipeline.generate(spec, tmp_path / "out", cache=cache)


def test_an_unusable_cache_is_a_warning_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_run: tuple[Path, dict[str, str], Path]
) -> None:
    spec, expected, _ = clean_run
    (tmp_path / "not-a-folder").write_text("x")
    monkeypatch.setenv("OPENAPI_CLIENTGEN_CACHE", str(tmp_path / "not-a-folder"))
    result = run_cli(["generate", str(spec), "-o", str(tmp_path / "out")])
    assert result.code == 0
    warnings = [line for line in result.err.splitlines() if line.startswith("warning:")]
    assert warnings == [
        f"warning: {tmp_path / 'not-a-folder'}: not a folder; going on without the cache"
    ]
    for path, text in expected.items():
        assert (tmp_path / "out" / path).read_text(encoding="utf-8") == text


def test_disabled_cache_touches_nothing() -> None:
    assert DISABLED.get("format", ENTRY) is None
    DISABLED.put("format", ENTRY, "x")
    assert DISABLED.warnings == []
