"""Fixtures of the resilience tests: which client, a fast backoff, every log line captured."""

from __future__ import annotations

import logging

import pytest
from primotexto import _base_client

from .support import FAST_INITIAL_DELAY, FAST_MAX_DELAY


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    """Each test runs once with `Client` and once with `AsyncClient`."""
    return str(request.param)


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy from the environment would take loopback calls elsewhere: drop it."""
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("PRIMOTEXTO_BASE_URL", raising=False)
    monkeypatch.delenv("PRIMOTEXTO_API_KEY", raising=False)


@pytest.fixture(autouse=True)
def _debug_logs(caplog: pytest.LogCaptureFixture) -> None:
    """Capture every logger (the client's, httpx's, httpcore's) at DEBUG level."""
    caplog.set_level(logging.DEBUG)


@pytest.fixture
def fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """Backoff in hundredths of a second, so that retries cost little time."""
    monkeypatch.setattr(_base_client, "INITIAL_RETRY_DELAY", FAST_INITIAL_DELAY)
    monkeypatch.setattr(_base_client, "MAX_RETRY_DELAY", FAST_MAX_DELAY)
