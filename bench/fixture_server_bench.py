"""Benchmark of the recorded fixture server (a plain script, not a test).

Prints, for the Primotexto document's vendor recording (or the test document's when
spec/openapi.yaml is not there):

* start-up time: the median of several whole starts (document and recordings loaded,
  validators compiled, every recording checked, socket listening, then stopped);
* requests per second for ONE keep-alive client (http.client on one connection), full
  validation on, median of 3 runs after a warm-up;
* the same for a bare standard-library `http.server` answering a fixed JSON body
  (TCP_NODELAY on), measured in the same run, and the ratio between the two.

    python bench/fixture_server_bench.py [--requests 3000] [--runs 3]
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.fixture_server import FixtureServer  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from results import record  # noqa: E402

PRIMOTEXTO = (
    ROOT / "spec" / "openapi.yaml",
    ROOT / "spec" / "recordings",
    "/notification/messages/send",
    {"X-Primotexto-ApiKey": "0123456789abcdef0123456789abcdef"},
    {
        "number": "+33600000000",
        "message": "Code de confirmation: 283951",
        "sender": "YourCompany",
        "campaignName": "Code de confirmation",
        "category": "codeConfirmation",
        "date": 1398177000000,
    },
)
TEST_SPEC = (
    ROOT / "tests" / "fixture_server" / "specs" / "messages.yaml",
    ROOT / "tests" / "fixture_server" / "recordings" / "messages",
    "/messages/send",
    {"X-Api-Key": "0123456789abcdef0123456789abcdef"},
    {
        "number": "+33600000000",
        "message": "Code de confirmation: 283951",
        "sender": "Example",
        "campaignName": "Confirmations",
        "category": "otp",
        "date": 1398177000000,
    },
)
FIXED_BODY = b'{"creditsUsed":1.0,"snapshotId":"386479"}'


class _Bare(BaseHTTPRequestHandler):
    """The baseline: read the body, answer a fixed JSON body."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.send_response(200)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("Content-Length", str(len(FIXED_BODY)))
        self.end_headers()
        self.wfile.write(FIXED_BODY)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _rate(port: int, path: str, headers: dict[str, str], body: bytes, count: int) -> float:
    """Requests per second for one keep-alive connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    all_headers = {"Content-Type": "application/json", **headers}
    try:
        for _ in range(200):  # warm-up
            connection.request("POST", path, body=body, headers=all_headers)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"unexpected status {response.status} during warm-up")
        started = time.perf_counter()
        for _ in range(count):
            connection.request("POST", path, body=body, headers=all_headers)
            response = connection.getresponse()
            response.read()
        elapsed = time.perf_counter() - started
    finally:
        connection.close()
    return count / elapsed


def _startup(spec: Path, recordings: Path, starts: int) -> float:
    times: list[float] = []
    for _ in range(starts):
        started = time.perf_counter()
        server = FixtureServer(spec, recordings).start()
        times.append(time.perf_counter() - started)
        server.stop()
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--starts", type=int, default=9)
    args = parser.parse_args()

    spec, recordings, path, headers, payload = PRIMOTEXTO if PRIMOTEXTO[0].exists() else TEST_SPEC
    body = json.dumps(payload).encode()
    print(f"document: {spec.relative_to(ROOT)}; recordings: {recordings.relative_to(ROOT)}")

    startup = _startup(spec, recordings, args.starts)
    print(f"start-up (median of {args.starts} whole starts): {startup * 1000:.1f} ms")

    with FixtureServer(spec, recordings) as server:
        base_path = server.api.base_path
        fixture = [
            _rate(server.port, base_path + path, headers, body, args.requests)
            for _ in range(args.runs)
        ]
        if not server.used:
            raise SystemExit("the benchmark request matched no recording")

    bare_server = ThreadingHTTPServer(("127.0.0.1", 0), _Bare)
    bare_server.daemon_threads = True
    thread = threading.Thread(target=bare_server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        port = bare_server.server_address[1]
        bare = [_rate(port, path, headers, body, args.requests) for _ in range(args.runs)]
    finally:
        bare_server.shutdown()
        bare_server.server_close()
        thread.join()

    fixture_rate = statistics.median(fixture)
    bare_rate = statistics.median(bare)
    print(
        f"one keep-alive client, {args.requests:,} requests, median of {args.runs} runs "
        "(full validation on):"
    )
    print(
        f"  fixture server {fixture_rate:,.0f} req/s = {fixture_rate / bare_rate:.2f}x "
        f"bare stdlib server ({bare_rate:,.0f} req/s)"
    )
    print(f"  target >= 3,000 req/s: {'met' if fixture_rate >= 3000 else 'NOT met'}")
    record(
        "fixture server, one keep-alive client",
        f"{fixture_rate:,.0f} req/s",
        f"bare stdlib server {bare_rate:,.0f} req/s",
        f"{fixture_rate / bare_rate:.2f}x",
        ">= 3,000 req/s",
        fixture_rate >= 3000,
    )
    record(
        "fixture server start-up",
        f"{startup * 1000:.1f} ms",
        "-",
        "-",
        "reported",
        None,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
