"""Paths and helpers shared by the fixture server tests (127.0.0.1 only)."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).parent
SPECS = HERE / "specs"
RECORDINGS = HERE / "recordings"
MESSAGES_SPEC = SPECS / "messages.yaml"
MESSAGES_RECORDINGS = RECORDINGS / "messages"
LEGACY_SPEC = SPECS / "legacy30.yaml"
LEGACY_RECORDINGS = RECORDINGS / "legacy30"
PROJECT = HERE.parents[1]
SHARED_SPECS = PROJECT.parent / "shared" / "specs"
PRIMOTEXTO_SPEC = PROJECT / "spec" / "openapi.yaml"
PRIMOTEXTO_RECORDINGS = PROJECT / "spec" / "recordings"

SEND_BODY = {
    "number": "+33600000000",
    "message": "Code de confirmation: 283951",
    "sender": "Example",
    "campaignName": "Confirmations",
    "category": "otp",
    "date": 1398177000000,
}
KEY = {"X-Api-Key": "0123456789abcdef0123456789abcdef"}


def raw_exchange(port: int, data: bytes, timeout: float = 5.0) -> bytes:
    """Send raw bytes, half-close, and read everything the server answers."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        try:
            connection.sendall(data)
            connection.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        chunks: list[bytes] = []
        try:
            while True:
                chunk = connection.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        except OSError:
            pass
    return b"".join(chunks)


def statuses(answer: bytes) -> list[int]:
    """Status codes of every response in a raw answer (ignoring 100 Continue)."""
    found = [int(code) for code in re.findall(rb"HTTP/1\.1 (\d{3}) ", answer)]
    return [status for status in found if status != 100]


def serve_process(
    stderr: int = subprocess.PIPE, preexec_fn: Callable[[], None] | None = None
) -> subprocess.Popen[str]:
    """`python -m generator.fixture_server` on the messages document, on a free port; its
    first line of output is the base URL."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator.fixture_server",
            str(MESSAGES_SPEC),
            "--recordings",
            str(MESSAGES_RECORDINGS),
        ],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        preexec_fn=preexec_fn,
    )
