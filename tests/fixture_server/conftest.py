"""Fixtures for the fixture server tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.fixture_server import FixtureServer

from .support import MESSAGES_RECORDINGS, MESSAGES_SPEC


@pytest.fixture(scope="module")
def server() -> Iterator[FixtureServer]:
    with FixtureServer(MESSAGES_SPEC, MESSAGES_RECORDINGS) as running:
        yield running


@pytest.fixture
def recordings_copy(tmp_path: Path) -> Path:
    """A writable copy of the messages recordings."""
    target = tmp_path / "recordings"
    shutil.copytree(MESSAGES_RECORDINGS, target)
    return target
