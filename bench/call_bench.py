"""Per-call overhead of the generated client, against the same call written by hand with httpx.

Sends the vendor's example notification (all six fields) to a local server that answers
the recorded reply at once, and prints, for the blocking and the asyncio client apart,
the median time per call of:

* the generated client (`primotexto.Client` / `primotexto.AsyncClient`) in generated/;
* the same request sent with `httpx.Client` / `httpx.AsyncClient` directly, as a careful
  person would write it: `raise_for_status()`, then `json()`, returning the dict;

and the ratio between the two. Before timing, both are checked to put the same request
on the wire. The server runs in its own process, so that its work does not compete for
the GIL with the clients measured. Each client keeps one keep-alive connection, is warmed
up, then the two alternate in rounds (each going first in every other round) so that
machine noise hits both alike; each figure is the median over rounds of the time per call.
Garbage collection stays on: the collections a client's allocations cause are part of its cost.

    python bench/call_bench.py [--calls 500] [--rounds 9]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import socket
import statistics
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "generated"))

import primotexto  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from results import record  # noqa: E402

API_KEY = "0123456789abcdef0123456789abcdef"
OPERATION_PATH = "/notification/messages/send"
BASE_PATH = "/v2"  # the path of the API description's server URL
# The vendor's example, as the generated method names its arguments...
ARGUMENTS: dict[str, Any] = {
    "number": "+33600000000",
    "message": "Code de confirmation: 283951",
    "sender": "YourCompany",
    "campaign_name": "Code de confirmation",
    "category": "codeConfirmation",
    "date": 1398177000000,
}
# ...and as its JSON body names the fields.
PAYLOAD: dict[str, object] = {
    "number": "+33600000000",
    "message": "Code de confirmation: 283951",
    "sender": "YourCompany",
    "campaignName": "Code de confirmation",
    "category": "codeConfirmation",
    "date": 1398177000000,
}
HEADERS = {"X-Primotexto-ApiKey": API_KEY}
WARM_UP_CALLS = 200
TARGET_RATIO = 1.10
TARGET = f"<= {TARGET_RATIO:.2f}x"

# The server's answers, fixed bytes: the vendor's recorded reply to this request
# (spec/recordings/sendNotificationMessage-vendor-example.yaml), or 404 to any other
# path, which both contestants report as an error.
_EXPECTED_REQUEST_LINE = f"POST {BASE_PATH}{OPERATION_PATH} HTTP/1.1\r\n".encode("ascii")
_REPLY_BODY = b'{"creditsUsed":1.0,"snapshotId":"386479"}'
_REPLY = (
    b"HTTP/1.1 200 OK\r\n"
    b"Content-Type: application/json;charset=UTF-8\r\n"
    b"Content-Length: " + str(len(_REPLY_BODY)).encode("ascii") + b"\r\n"
    b"\r\n" + _REPLY_BODY
)
_NOT_FOUND = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"

SyncCall = Callable[[], object]
AsyncCall = Callable[[], Awaitable[object]]


# ------------------------------------------------------------ the server (its own process)


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
    return 0


async def _answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Answer every request of one keep-alive connection until the client closes it."""
    writer.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            await reader.readexactly(_content_length(head))
            writer.write(_REPLY if head.startswith(_EXPECTED_REQUEST_LINE) else _NOT_FOUND)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass  # the client closed its connection
    finally:
        writer.close()


async def _serve_forever(ready: Connection) -> None:
    server = await asyncio.start_server(_answer, "127.0.0.1", 0)
    ready.send(server.sockets[0].getsockname()[1])
    await server.serve_forever()


def _serve(ready: Connection) -> None:
    asyncio.run(_serve_forever(ready))


@contextmanager
def _server() -> Iterator[str]:
    """The base URL of a server running in a separate process, stopped on exit."""
    # A fresh interpreter: a forked one would carry this process's state along.
    context = multiprocessing.get_context("spawn")
    ready, ready_in_child = context.Pipe(duplex=False)
    process = context.Process(target=_serve, args=(ready_in_child,), daemon=True)
    process.start()
    try:
        # Waiting on the process too, so that a server which fails to start is seen at once.
        if ready not in wait([ready, process.sentinel], timeout=30):
            raise SystemExit("the benchmark server did not start")
        yield f"http://127.0.0.1:{ready.recv()}{BASE_PATH}"
    finally:
        process.terminate()
        process.join()


# ------------------------------------------------------------ the contestants


def _generated_sync(client: primotexto.Client) -> SyncCall:
    return lambda: client.send_notification_message(**ARGUMENTS)


def _generated_async(client: primotexto.AsyncClient) -> AsyncCall:
    return lambda: client.send_notification_message(**ARGUMENTS)


def _raw_sync(http: httpx.Client, base_url: str) -> SyncCall:
    url = base_url + OPERATION_PATH

    def call() -> object:
        response = http.post(url, headers=HEADERS, json=PAYLOAD)
        response.raise_for_status()
        return response.json()

    return call


def _raw_async(http: httpx.AsyncClient, base_url: str) -> AsyncCall:
    url = base_url + OPERATION_PATH

    async def call() -> object:
        response = await http.post(url, headers=HEADERS, json=PAYLOAD)
        response.raise_for_status()
        return response.json()

    return call


def _wire(request: httpx.Request) -> tuple[object, ...]:
    """What a request puts on the wire, except its User-Agent: the generated client names
    itself, while a call written by hand keeps httpx's default."""
    headers = sorted((k, v) for k, v in request.headers.items() if k != "user-agent")
    return request.method, str(request.url), headers, request.read()


def _check_same_request() -> None:
    """Both contestants must send the same request, or the ratio would compare other work."""
    sent: list[httpx.Request] = []

    def reply(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(
            200, content=_REPLY_BODY, headers={"Content-Type": "application/json"}
        )

    base_url = "http://127.0.0.1" + BASE_PATH
    with httpx.Client(transport=httpx.MockTransport(reply)) as http:
        with primotexto.Client(api_key=API_KEY, base_url=base_url, http_client=http) as client:
            _generated_sync(client)()
        _raw_sync(http, base_url)()
    generated, raw = (_wire(request) for request in sent)
    if generated != raw:
        raise SystemExit(f"the two calls send different requests:\n  {generated}\n  {raw}")


# ------------------------------------------------------------ timing


def _order(rounds: int) -> Iterator[int]:
    """Which contestant runs next: 0 1, 1 0, 0 1, ... so that neither always goes first."""
    for round_ in range(rounds):
        yield from (0, 1) if round_ % 2 == 0 else (1, 0)


def _seconds_per_call(call: SyncCall, calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        call()
    return (time.perf_counter() - start) / calls


async def _seconds_per_call_async(call: AsyncCall, calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        await call()
    return (time.perf_counter() - start) / calls


def _compare_sync(
    contestants: tuple[SyncCall, SyncCall], calls: int, rounds: int
) -> tuple[float, float]:
    """The median seconds per call of each contestant."""
    for call in contestants:
        _seconds_per_call(call, WARM_UP_CALLS)
    times: tuple[list[float], list[float]] = ([], [])
    for index in _order(rounds):
        times[index].append(_seconds_per_call(contestants[index], calls))
    return statistics.median(times[0]), statistics.median(times[1])


async def _compare_async(
    contestants: tuple[AsyncCall, AsyncCall], calls: int, rounds: int
) -> tuple[float, float]:
    """The median seconds per call of each contestant."""
    for call in contestants:
        await _seconds_per_call_async(call, WARM_UP_CALLS)
    times: tuple[list[float], list[float]] = ([], [])
    for index in _order(rounds):
        times[index].append(await _seconds_per_call_async(contestants[index], calls))
    return statistics.median(times[0]), statistics.median(times[1])


def _measure_sync(base_url: str, calls: int, rounds: int) -> tuple[float, float]:
    with (
        primotexto.Client(api_key=API_KEY, base_url=base_url) as client,
        httpx.Client() as http,
    ):
        return _compare_sync((_generated_sync(client), _raw_sync(http, base_url)), calls, rounds)


async def _measure_async(base_url: str, calls: int, rounds: int) -> tuple[float, float]:
    async with (
        primotexto.AsyncClient(api_key=API_KEY, base_url=base_url) as client,
        httpx.AsyncClient() as http,
    ):
        contestants = (_generated_async(client), _raw_async(http, base_url))
        return await _compare_async(contestants, calls, rounds)


def _report(label: str, generated: float, raw: float) -> None:
    extra = (generated - raw) * 1e6
    print(
        f"  {label:<30} {generated * 1e6:5.0f} µs vs raw httpx {raw * 1e6:5.0f} µs "
        f"= raw {extra:+.0f} µs = {generated / raw:.2f}x  (target {TARGET})",
        flush=True,
    )
    record(
        f"client call overhead, {label.split()[0]}",
        f"{generated * 1e6:.0f} µs",
        f"raw httpx {raw * 1e6:.0f} µs",
        f"{generated / raw:.2f}x",
        TARGET,
        generated / raw <= TARGET_RATIO,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=500, help="calls per round")
    parser.add_argument("--rounds", type=int, default=9, help="rounds of each contestant")
    args = parser.parse_args()

    _check_same_request()
    print(
        "time per call on one keep-alive connection to a local server "
        f"(medians of {args.rounds} rounds of {args.calls} calls)"
    )
    with _server() as base_url:
        _report("sync   primotexto.Client", *_measure_sync(base_url, args.calls, args.rounds))
        _report(
            "async  primotexto.AsyncClient",
            *asyncio.run(_measure_async(base_url, args.calls, args.rounds)),
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
