"""Benchmark of the recorded fixture server (a plain script, not a test).

For the Primotexto document's vendor recording (or the test document's when
spec/openapi.yaml is not there), with full validation on, it prints:

* start-up: the median of several whole starts in-process (document and recordings
  loaded, validators compiled, every recording checked, socket listening, then stopped);
* throughput and latency of the server run as `python -m generator serve` in a process of
  its own, driven from this one over keep-alive connections: one client (target
  >= 3,000 req/s), 50 concurrent clients (target >= 3,000 req/s with p99 < 100 ms), and
  200 (reported); each against Prism's mock server of the same document in the same run
  when Prism is installed (`make bench` installs it under .venv-bench/prism; target >= 5x),
  else against a bare standard-library server answering a fixed body (one client: medians
  of rounds in which ours and the baseline run in turn, so both meet the same machine, with
  the client and both servers on one CPU for the target's figure, and on any CPU beside
  it: see `on_one_cpu` for why);
  beside them, uvicorn's
  HTTP layer alone (the ASGI adapter answering a fixed body) on h11 and on httptools, and
  the fixture server on h11 (`--http h11`, the parser before httptools);
* the in-process transport: calls per second through `httpx.Client(transport=
  server.transport())` against the same client on an `httpx.MockTransport` returning a
  canned answer (target: at most 2x its time per call);
* bounded work: the amplification request (~900 kB of `[0,0,...]` beside the vendor's
  fields) in server CPU time per request and answer size (targets < 100 ms, <= 64 kB);
  ten at once: the server's peak memory (target < 200 MB) and how long a normal client
  waited meanwhile;
* abuse: a normal client's worst latency between malformed-request probes (target
  < 100 ms), 500 slow (slowloris) connections (threads held, a normal client's latency),
  and the server's CPU while it is out of file descriptors.

    python bench/fixture_server_bench.py [--requests 3000] [--runs 3] [--one-client-rounds 5]
    python bench/fixture_server_bench.py --one-client   # that figure alone
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

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
PRISM = ROOT / ".venv-bench" / "prism" / "node_modules" / ".bin" / "prism"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PEER_WARM_UP = 3000
"""Requests Prism answers before it is measured (its JIT compiler warms up)."""


@dataclass(frozen=True)
class Target:
    spec: Path
    recordings: Path
    path: str  # relative to the base path
    headers: dict[str, str]
    body: bytes

    def request(self, base_path: str, extra: bytes = b"", body: bytes | None = None) -> bytes:
        content = self.body if body is None else body
        lines = [f"POST {base_path}{self.path} HTTP/1.1", "Host: 127.0.0.1"]
        lines += [f"{name}: {value}" for name, value in self.headers.items()]
        lines += ["Content-Type: application/json", f"Content-Length: {len(content)}"]
        return "\r\n".join(lines).encode() + b"\r\n" + extra + b"\r\n" + content


# -- servers in processes of their own ------------------------------------------------------


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    port: int
    base_path: str

    @property
    def pid(self) -> int:
        return self.process.pid


@contextmanager
def fixture_process(
    target: Target, nofile: int | None = None, http: str = "httptools"
) -> Iterator[Served]:
    """`python -m generator serve` on a free port; its log is discarded."""

    def limit() -> None:
        if nofile is not None:
            resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))

    command = [sys.executable, "-m", "generator", "serve", str(target.spec)]
    command += ["--recordings", str(target.recordings), "--port", "0", "--http", http]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, preexec_fn=limit
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().decode().strip()
        if not url.startswith("http://"):
            raise SystemExit(f"the fixture server did not start: {url!r}")
        address, _, path = url[len("http://") :].partition("/")
        yield Served(process, int(address.rsplit(":", 1)[1]), "/" + path if path else "")
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def prism_process(target: Target) -> Iterator[tuple[Served, float]]:
    """Prism's mock server of the same document, and its time from spawn to first answer."""
    port = _free_port()
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(PRISM), "mock", "--host", "127.0.0.1", "--port", str(port), str(target.spec)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    served = Served(process, port, "")  # Prism serves the paths without the server's path
    try:
        deadline = started + 120
        while True:
            try:
                status, _ = exchange(port, target.request(served.base_path))
                if status:
                    break
            except OSError:
                pass
            if time.perf_counter() > deadline or process.poll() is not None:
                raise SystemExit("Prism did not start")
            time.sleep(0.05)
        yield served, time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(timeout=30)


class _Bare(BaseHTTPRequestHandler):
    """The fallback baseline: read the body, answer a fixed JSON body."""

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


def serve_bare() -> None:
    """`--bare-server`: the standard-library baseline, in this script's own process."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Bare)
    server.daemon_threads = True
    print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
    server.serve_forever()


def serve_layer(http: str) -> None:
    """`--http-layer PARSER`: uvicorn on that parser with the fixture server's ASGI adapter,
    answering a fixed body: the most the fixture server's HTTP layer can do here."""
    import signal

    from generator.fixture_server.asgi import AsgiApp
    from generator.fixture_server.messages import MAX_BODY, Response
    from generator.fixture_server.serving import LoopbackServer

    fixed = Response(200, [("Content-Type", "application/json;charset=UTF-8")], FIXED_BODY)
    server = LoopbackServer(AsgiApp(lambda request: fixed, max_body=MAX_BODY), http=http)
    server.start()
    print(f"http://127.0.0.1:{server.address[1]}", flush=True)
    signal.sigwait({signal.SIGTERM})
    server.stop()


@contextmanager
def bare_process(target: Target, *mode: str) -> Iterator[Served]:
    command = [sys.executable, __file__, *(mode or ("--bare-server",))]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, cwd=ROOT)
    try:
        assert process.stdout is not None
        url = process.stdout.readline().decode().strip()
        yield Served(process, int(url.rsplit(":", 1)[1]), _base_path(target.spec))
    finally:
        process.terminate()
        process.wait(timeout=30)


def _base_path(spec: Path) -> str:
    from generator.fixture_server.spec import load_api

    return load_api(spec).base_path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def status_field(pid: int, name: str) -> str:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(name + ":"):
            return line.split(":", 1)[1].strip()
    return ""


# -- clients ----------------------------------------------------------------------------------


def _read_response(sock: socket.socket, buffer: bytearray) -> tuple[int, bytes]:
    while (end := buffer.find(b"\r\n\r\n")) < 0:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed")
        buffer += chunk
    head = bytes(buffer[: end + 2]).lower()
    start = head.find(b"content-length:")
    length = int(head[start + 15 : head.find(b"\r\n", start)]) if start >= 0 else 0
    total = end + 4 + length
    while len(buffer) < total:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed")
        buffer += chunk
    status = int(buffer[9:12])
    body = bytes(buffer[end + 4 : total])
    del buffer[:total]
    return status, body


def exchange(port: int, request: bytes, timeout: float = 10) -> tuple[int, bytes]:
    """One request on a new connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(request)
        return _read_response(sock, bytearray())


def one_client(port: int, requests: list[bytes], count: int) -> float:
    """Requests per second for one keep-alive connection (after a warm-up), sending
    `requests` in turn."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        buffer = bytearray()
        for index in range(200):
            sock.sendall(requests[index % len(requests)])
            status, _ = _read_response(sock, buffer)
            if status != 200:
                raise SystemExit(f"unexpected status {status} during warm-up")
        started = time.perf_counter()
        for index in range(count):
            sock.sendall(requests[index % len(requests)])
            _read_response(sock, buffer)
        return count / (time.perf_counter() - started)


@dataclass(frozen=True)
class Load:
    rate: float
    p50: float
    p99: float
    failures: int


def concurrent_clients(port: int, requests: list[bytes], clients: int, per_client: int) -> Load:
    """N keep-alive connections sending as fast as answers come back."""

    async def client(latencies: list[float], failures: list[int]) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for index in range(per_client):
                sent = time.perf_counter()
                writer.write(requests[index % len(requests)])
                head = await reader.readuntil(b"\r\n\r\n")
                lower = head.lower()
                start = lower.find(b"content-length:")
                length = int(lower[start + 15 : lower.find(b"\r\n", start)])
                await reader.readexactly(length)
                latencies.append(time.perf_counter() - sent)
                if head[9:12] != b"200":
                    failures.append(1)
        finally:
            writer.close()

    async def run() -> Load:
        warm: list[float] = []
        await asyncio.gather(*(client(warm, []) for _ in range(min(clients, 10))))
        latencies: list[float] = []
        failures: list[int] = []
        started = time.perf_counter()
        await asyncio.gather(*(client(latencies, failures) for _ in range(clients)))
        elapsed = time.perf_counter() - started
        latencies.sort()
        return Load(
            len(latencies) / elapsed,
            latencies[len(latencies) // 2],
            latencies[int(len(latencies) * 0.99)],
            len(failures),
        )

    return asyncio.run(run())


# -- the measurements ---------------------------------------------------------------------------


def startup(target: Target, starts: int) -> float:
    times: list[float] = []
    for _ in range(starts):
        started = time.perf_counter()
        server = FixtureServer(target.spec, target.recordings).start()
        times.append(time.perf_counter() - started)
        server.stop()
    return statistics.median(times)


def distinct(target: Target, base_path: str, count: int = 1000) -> list[bytes]:
    """`count` requests whose bodies are the same JSON in different bytes (leading spaces):
    each is validated anew (no remembered verdict) and matches the same recording."""
    return [target.request(base_path, body=b" " * index + target.body) for index in range(count)]


@contextmanager
def peer_process(target: Target) -> Iterator[tuple[str, Served, bytes]]:
    """The baseline: Prism's mock server of the same document when installed and answering
    the benchmark request, else the bare standard-library server; its name, the process and
    the benchmark request for it."""
    if PRISM.exists():
        with prism_process(target) as (prism, spawn):
            request = target.request(prism.base_path)
            status, body = exchange(prism.port, request)
            print(f"Prism: first answer {spawn:.1f} s after spawn; answers {status}")
            if status == 200:
                # Node.js compiles Prism's hot code as it runs: measured cold, Prism answered
                # one client at 450 req/s, and at 600-800 after a few thousand requests.
                one_client(prism.port, [request], PEER_WARM_UP)
                yield "Prism mock", prism, request
                return
            print(f"  Prism answers {status} to the benchmark request: {body[:200]!r}")
    else:
        print(f"Prism not installed ({PRISM.relative_to(ROOT)}): comparing with the bare server")
    with bare_process(target) as bare:
        yield "bare stdlib server", bare, target.request(bare.base_path)


def one_client_rounds(
    ours: Served,
    requests: list[bytes],
    peer: Served,
    peer_request: bytes,
    args: argparse.Namespace,
    *,
    pinned: bool,
) -> tuple[float, float]:
    """Medians of one-client rates, ours and the peer's measured in turn, round after round,
    with the client and both servers on one CPU when `pinned` (see `on_one_cpu`).

    One client's rate is bound by latency, and on a shared virtual machine latency moves
    with what else runs (a virtual CPU left idle is slow to wake): measured in alternation,
    in the same minute, both figures meet the same conditions and their ratio holds.
    """
    ours_rates: list[float] = []
    peer_rates: list[float] = []
    with on_one_cpu(ours.pid, peer.pid) if pinned else contextlib.nullcontext():
        for _ in range(args.one_client_rounds):
            ours_rates.append(one_client(ours.port, requests, args.requests))
            peer_rates.append(one_client(peer.port, [peer_request], max(args.requests // 4, 200)))
    return statistics.median(ours_rates), statistics.median(peer_rates)


@contextmanager
def on_one_cpu(*pids: int) -> Iterator[None]:
    """Every thread of this process, of `pids` and of their children on one CPU, for as long
    as the block runs.

    One client waits for each answer, and the server for each request: on a virtual machine
    whose idle CPUs halt at once (Firecracker's guests: `guest_halt_poll_ns=0`), each of those
    waits ends by waking a halted CPU, and the rate measures the hypervisor. The same server
    answered one client 1.5-2x faster when other work kept both CPUs awake. On one CPU, the
    client and the server take turns without a wake-up between them, and the rate is what
    one request costs them: the same for every server measured.
    """
    cpu = min(os.sched_getaffinity(0))
    threads = [*_threads(os.getpid()), *(t for pid in pids for t in _threads(pid, children=True))]
    before = {}
    for thread in threads:
        with contextlib.suppress(OSError):  # a thread that has ended meanwhile
            before[thread] = os.sched_getaffinity(thread)
            os.sched_setaffinity(thread, {cpu})
    try:
        yield
    finally:
        for thread, cpus in before.items():
            with contextlib.suppress(OSError):
                os.sched_setaffinity(thread, cpus)


def _threads(pid: int, *, children: bool = False) -> list[int]:
    """The threads of process `pid`, and with `children` those of its descendants too."""
    found: list[int] = []
    processes = [pid]
    while processes:
        process = processes.pop()
        try:
            tasks = [int(task) for task in os.listdir(f"/proc/{process}/task")]
        except OSError:
            continue
        found.extend(tasks)
        if children:
            for task in tasks:
                with contextlib.suppress(OSError):
                    text = Path(f"/proc/{process}/task/{task}/children").read_text()
                    processes.extend(int(child) for child in text.split())
    return found


def one_client_only(target: Target, args: argparse.Namespace) -> None:
    """`--one-client`: the one-client figure alone, against the baseline."""
    with fixture_process(target) as ours, peer_process(target) as (peer_name, peer, request):
        same = [target.request(ours.base_path)]
        single, peer_single = one_client_rounds(ours, same, peer, request, args, pinned=True)
        free, peer_free = one_client_rounds(ours, same, peer, request, args, pinned=False)
    _record_one_client(args, "the same request", single, peer_name, peer_single)
    _record_one_client(args, "the same request", free, peer_name, peer_free, pinned=False)


def throughput(target: Target, args: argparse.Namespace) -> None:
    with fixture_process(target) as ours, peer_process(target) as (peer_name, peer, request):
        same = [target.request(ours.base_path)]
        status, body = exchange(ours.port, same[0])
        if status != 200:
            raise SystemExit(f"the benchmark request got {status}: {body[:300]!r}")
        varied = distinct(target, ours.base_path)
        single, peer_single = one_client_rounds(ours, same, peer, request, args, pinned=True)
        single_varied, peer_varied = one_client_rounds(
            ours, varied, peer, request, args, pinned=True
        )
        free, peer_free = one_client_rounds(ours, same, peer, request, args, pinned=False)
        free_varied, peer_free_varied = one_client_rounds(
            ours, varied, peer, request, args, pinned=False
        )
        fifty = _median_load(ours.port, same, 50, args)
        fifty_varied = _median_load(ours.port, varied, 50, args)
        two_hundred = concurrent_clients(ours.port, same, 200, max(args.requests // 200, 10))
        threads = status_field(ours.pid, "Threads")
        peer_fifty = _median_load(peer.port, [request], 50, args)

    layers: dict[str, tuple[float, Load]] = {}
    for http in ("h11", "httptools"):
        with bare_process(target, "--http-layer", http) as layer:
            request = target.request(layer.base_path)
            layer_single = statistics.median(
                one_client(layer.port, [request], args.requests) for _ in range(args.runs)
            )
            layers[http] = (layer_single, _median_load(layer.port, [request], 50, args))
        print(
            f"the HTTP layer alone (uvicorn on {http} and the ASGI adapter, a fixed answer): "
            f"{layers[http][0]:,.0f} req/s for one client, {layers[http][1].rate:,.0f} req/s "
            f"for 50 (p99 {layers[http][1].p99 * 1000:.1f} ms)"
        )
    layer_fifty = layers["httptools"][1]
    for http, (layer_single, load) in layers.items():
        record(
            f"HTTP layer alone (uvicorn {http} + adapter), 1 / 50 clients",
            f"{layer_single:,.0f} / {load.rate:,.0f} req/s",
            "-",
            "-",
            "reported",
            None,
        )
    # The fixture server on h11 (the parser before), same requests, for the comparison.
    with fixture_process(target, http="h11") as on_h11:
        h11_single = statistics.median(
            one_client(on_h11.port, [target.request(on_h11.base_path)], args.requests)
            for _ in range(args.runs)
        )
        h11_fifty = _median_load(on_h11.port, [target.request(on_h11.base_path)], 50, args)
    print(
        f"the fixture server on h11 (--http h11), the same request: {h11_single:,.0f} req/s "
        f"for one client, {h11_fifty.rate:,.0f} req/s for 50 (p99 {h11_fifty.p99 * 1000:.1f} ms)"
    )
    record(
        "fixture server on h11, same request, 1 / 50 clients",
        f"{h11_single:,.0f} / {h11_fifty.rate:,.0f} req/s",
        "-",
        f"httptools {single / h11_single:.2f}x / {fifty.rate / h11_fifty.rate:.2f}x of it",
        "reported",
        None,
    )
    record(
        "fixture server (httptools) vs its HTTP layer alone, 50 clients",
        f"{fifty.rate:,.0f} req/s",
        f"layer {layer_fifty.rate:,.0f} req/s",
        f"{fifty.rate / layer_fifty.rate:.0%} of it",
        "reported",
        None,
    )

    varied_detail = "1,000 bodies, each validated anew"
    _record_one_client(args, "the same request", single, peer_name, peer_single)
    _record_one_client(
        args, "distinct bodies", single_varied, peer_name, peer_varied, varied_detail
    )
    _record_one_client(args, "the same request", free, peer_name, peer_free, pinned=False)
    _record_one_client(
        args,
        "distinct bodies",
        free_varied,
        peer_name,
        peer_free_varied,
        varied_detail,
        pinned=False,
    )
    for label, load in (("the same request", fifty), ("distinct bodies", fifty_varied)):
        print(
            f"50 keep-alive clients, {label} (median of {args.runs}): {load.rate:,.0f} req/s, "
            f"p50 {load.p50 * 1000:.1f} ms, p99 {load.p99 * 1000:.1f} ms, "
            f"{load.failures} non-200 = {load.rate / peer_fifty.rate:.2f}x {peer_name} "
            f"({peer_fifty.rate:,.0f} req/s, p99 {peer_fifty.p99 * 1000:.1f} ms)"
        )
    print(
        f"200 keep-alive clients: {two_hundred.rate:,.0f} req/s, "
        f"p99 {two_hundred.p99 * 1000:.1f} ms; server threads: {threads}"
    )
    factor = 5 if peer_name == "Prism mock" else None
    target_text = _target_text(peer_name)
    for label, load in (("the same request", fifty), ("distinct bodies", fifty_varied)):
        record(
            f"fixture server, 50 keep-alive clients, {label}",
            f"{load.rate:,.0f} req/s, p99 {load.p99 * 1000:.0f} ms",
            f"{peer_name} {peer_fifty.rate:,.0f} req/s",
            f"{load.rate / peer_fifty.rate:.2f}x",
            target_text + ", p99 < 100 ms",
            load.rate >= 3000
            and load.p99 < 0.1
            and load.failures == 0
            and (factor is None or load.rate >= factor * peer_fifty.rate),
        )
    record(
        "fixture server, 200 keep-alive clients",
        f"{two_hundred.rate:,.0f} req/s, p99 {two_hundred.p99 * 1000:.0f} ms",
        "-",
        "-",
        "reported",
        None,
    )


def _target_text(peer_name: str) -> str:
    return ">= 3,000 req/s" + (" and >= 5x Prism" if peer_name == "Prism mock" else "")


def _record_one_client(
    args: argparse.Namespace,
    label: str,
    rate: float,
    peer_name: str,
    peer_rate: float,
    detail: str = "",
    *,
    pinned: bool = True,
) -> None:
    """A one-client figure: the target's when `pinned` (client and servers on one CPU, see
    `on_one_cpu`), reported beside it when not (bound by waking idle CPUs)."""
    where = "one CPU" if pinned else "any CPU, idle ones halting"
    print(
        f"one keep-alive client, {label}{f' ({detail})' if detail else ''}, on {where}: "
        f"{rate:,.0f} req/s = {rate / peer_rate:.2f}x {peer_name} ({peer_rate:,.0f} req/s); "
        f"medians of {args.one_client_rounds} rounds in turn, {args.requests:,} requests "
        "each for ours"
    )
    factor = 5 if peer_name == "Prism mock" else None
    record(
        f"fixture server, one keep-alive client, {label}" + ("" if pinned else ", any CPU"),
        f"{rate:,.0f} req/s",
        f"{peer_name} {peer_rate:,.0f} req/s",
        f"{rate / peer_rate:.2f}x",
        _target_text(peer_name) if pinned else "reported",
        (rate >= 3000 and (factor is None or rate >= factor * peer_rate)) if pinned else None,
    )


def _median_load(port: int, requests: list[bytes], clients: int, args: argparse.Namespace) -> Load:
    loads = [
        concurrent_clients(port, requests, clients, max(args.requests // clients, 20))
        for _ in range(args.runs)
    ]
    return sorted(loads, key=lambda load: load.rate)[len(loads) // 2]


def in_process(target: Target, args: argparse.Namespace) -> None:
    server = FixtureServer(target.spec, target.recordings)
    headers = {**target.headers, "Content-Type": "application/json"}

    def canned(request: httpx.Request) -> httpx.Response:
        request.read()
        return httpx.Response(
            200, headers={"Content-Type": "application/json;charset=UTF-8"}, content=FIXED_BODY
        )

    same = [target.body]
    varied = [b" " * index + target.body for index in range(1000)]

    def rate(transport: httpx.BaseTransport, bodies: list[bytes]) -> float:
        with httpx.Client(transport=transport, base_url=server.server_url) as client:
            for index in range(200):
                content = bodies[index % len(bodies)]
                assert client.post(target.path, content=content, headers=headers).is_success
            started = time.perf_counter()
            for index in range(args.requests):
                client.post(target.path, content=bodies[index % len(bodies)], headers=headers)
            return args.requests / (time.perf_counter() - started)

    ours: list[float] = []
    ours_varied: list[float] = []
    mock: list[float] = []
    for _ in range(args.runs):
        ours.append(rate(server.transport(), same))
        ours_varied.append(rate(server.transport(), varied))
        mock.append(rate(httpx.MockTransport(canned), same))
    mock_rate = statistics.median(mock)
    for label, rates in (("the same request", ours), ("distinct bodies", ours_varied)):
        ours_rate = statistics.median(rates)
        ratio = mock_rate / ours_rate
        print(
            f"in-process transport, {label}: {ours_rate:,.0f} calls/s (full validation) vs a "
            f"MockTransport returning a canned answer {mock_rate:,.0f} calls/s: "
            f"{ratio:.2f}x its time per call"
        )
        record(
            f"in-process transport, {label}, time per call",
            f"{ours_rate:,.0f} calls/s",
            f"canned MockTransport {mock_rate:,.0f} calls/s",
            f"{ratio:.2f}x",
            "<= 2x",
            ratio <= 2,
        )


def bounded_work(target: Target) -> None:
    payload = {**json.loads(target.body), "extra": [0] * 450_000}
    body = json.dumps(payload, separators=(",", ":")).encode()
    with fixture_process(target) as served:
        request = target.request(served.base_path, body=body)
        before = cpu_seconds(served.pid)
        count = 10
        sizes = set()
        for _ in range(count):
            status, answer = exchange(served.port, request)
            sizes.add((status, len(answer)))
        per_request = (cpu_seconds(served.pid) - before) / count
        [(status, size)] = sizes

        normal = target.request(served.base_path)
        waits: list[float] = []

        def normal_client(stop: threading.Event) -> None:
            while not stop.is_set():
                sent = time.perf_counter()
                exchange(served.port, normal)
                waits.append(time.perf_counter() - sent)

        stop = threading.Event()
        watcher = threading.Thread(target=normal_client, args=(stop,))
        watcher.start()

        async def ten_at_once() -> None:
            async def one() -> None:
                reader, writer = await asyncio.open_connection("127.0.0.1", served.port)
                writer.write(request)
                await reader.read()
                writer.close()

            await asyncio.gather(*(one() for _ in range(10)))

        asyncio.run(ten_at_once())
        stop.set()
        watcher.join()
        peak = int(status_field(served.pid, "VmHWM").split()[0]) / 1024
    print(
        f"amplification request ({len(body):,} bytes): {status}, {size:,}-byte answer, "
        f"{per_request * 1000:.1f} ms of server CPU each ({count} in a row)"
    )
    print(
        f"ten at once: server peak memory {peak:.0f} MB; a normal client meanwhile waited "
        f"at most {max(waits) * 1000:.0f} ms"
    )
    record(
        "amplification request, server CPU",
        f"{per_request * 1000:.1f} ms, {size / 1024:.1f} kB answer",
        "-",
        "-",
        "< 100 ms, <= 64 kB",
        per_request < 0.1 and size <= 64 * 1024 + 1024,
    )
    record(
        "ten amplification requests at once, peak RSS",
        f"{peak:.0f} MB",
        "-",
        "-",
        "< 200 MB",
        peak < 200,
    )


PROBES = [
    b"GET /v2/x HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
    b"POST /v2/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: \x0bchunked\r\n\r\n0\r\n\r\n",
    b"POST /v2/x HTTP/1.1\r\nHost: x\r\nContent-Length: \xa05\r\n\r\nhello",
    b"POST /v2/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n 5\r\nhello\r\n0\r\n\r\n",
    b"POST /v2/x HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\nhello",
    b"GET /v2/x HTTP/2.0\r\nHost: x\r\n\r\n",
    b"garbage\r\n\r\n",
    b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /v2/x HTTP/1.1\r\nHost: x\r\nX: " + b"a" * 70000 + b"\r\n\r\n",
    b"POST /v2/x HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n",
    b"\xff\xfe\x00\x01" * 100,
]


def abuse(target: Target) -> None:
    with fixture_process(target) as served:
        normal = target.request(served.base_path)
        worst = 0.0
        statuses: set[int] = set()
        for _ in range(5):
            for probe in PROBES:
                statuses.update(_probe(served.port, probe))
                sent = time.perf_counter()
                status, _ = exchange(served.port, normal)
                worst = max(worst, time.perf_counter() - sent)
                if status != 200:
                    raise SystemExit(f"a normal request got {status} after a probe")
        slow = []
        for _ in range(500):
            connection = socket.create_connection(("127.0.0.1", served.port), timeout=10)
            connection.sendall(b"POST /v2/x HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            slow.append(connection)
        sent = time.perf_counter()
        exchange(served.port, normal)
        slowloris_wait = time.perf_counter() - sent
        threads = status_field(served.pid, "Threads")
        for connection in slow:
            connection.close()
    print(
        f"between {len(PROBES) * 5} malformed-request probes (answered {sorted(statuses)}): "
        f"a normal client waited at most {worst * 1000:.1f} ms"
    )
    print(
        f"500 slowloris connections: server threads {threads}; a normal client waited "
        f"{slowloris_wait * 1000:.1f} ms"
    )
    record(
        "normal client between abuse probes, worst",
        f"{worst * 1000:.1f} ms",
        "-",
        "-",
        "< 100 ms, no 5xx",
        worst < 0.1 and not any(status >= 500 for status in statuses),
    )
    with fixture_process(target, nofile=64) as served:
        held = [socket.create_connection(("127.0.0.1", served.port)) for _ in range(100)]
        time.sleep(0.5)
        before, started = cpu_seconds(served.pid), time.perf_counter()
        time.sleep(2)
        share = (cpu_seconds(served.pid) - before) / (time.perf_counter() - started)
        for connection in held:
            connection.close()
    print(f"out of file descriptors (limit 64, 100 connections): server CPU {share:.0%}")
    record(
        "server CPU while out of file descriptors",
        f"{share:.0%} of a core",
        "-",
        "-",
        "reported (was 72%)",
        None,
    )


def _probe(port: int, data: bytes) -> list[int]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        try:
            sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        answer = b""
        try:
            while chunk := sock.recv(65536):
                answer += chunk
        except OSError:
            pass
    return [int(answer[9:12])] if answer.startswith(b"HTTP/1.1 ") else []


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--starts", type=int, default=9)
    parser.add_argument(
        "--one-client-rounds",
        type=int,
        default=5,
        help="rounds of one-client runs, ours and the baseline's in turn (default 5)",
    )
    parser.add_argument(
        "--one-client",
        action="store_true",
        help="measure only one keep-alive client with the same request, against the baseline",
    )
    parser.add_argument("--bare-server", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--http-layer", choices=("httptools", "h11"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare_server:
        serve_bare()
        return 0
    if args.http_layer:
        import signal

        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
        serve_layer(args.http_layer)
        return 0

    spec, recordings, path, headers, payload = PRIMOTEXTO if PRIMOTEXTO[0].exists() else TEST_SPEC
    target = Target(spec, recordings, path, headers, json.dumps(payload).encode())
    print(f"document: {spec.relative_to(ROOT)}; recordings: {recordings.relative_to(ROOT)}")
    if args.one_client:
        one_client_only(target, args)
        return 0
    started = startup(target, args.starts)
    print(f"start-up (median of {args.starts} whole starts): {started * 1000:.1f} ms")
    record("fixture server start-up", f"{started * 1000:.1f} ms", "-", "-", "reported", None)
    throughput(target, args)
    in_process(target, args)
    bounded_work(target)
    abuse(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
