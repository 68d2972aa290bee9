"""An optional `Idempotency-Key` header: the client makes one per call when the caller
gives none, and sends the same one on every retry of that call.

A small payments API (written below) has a POST with such a header and a POST
without one. Against the fault server, whose failures leave the outcome unknown
(a reset after the request was read, a 503), the first is retried with one key,
the same on every attempt; the second is never sent twice.
"""

from __future__ import annotations

import asyncio
import importlib
import sys
import uuid
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from generator import write
from generator.pipeline import generate

from .faultserver import FaultServer, Reply, Reset

SPEC = """\
openapi: 3.0.3
info: {title: Payments, version: "1"}
servers: [{url: "https://api.example.com/v2"}]
paths:
  /payments:
    post:
      operationId: createPayment
      summary: Create a payment
      parameters:
        - name: Idempotency-Key
          in: header
          required: false
          description: The API acts once on requests that share a key.
          schema: {type: string, maxLength: 255}
      requestBody:
        required: true
        content:
          application/json:
            schema: {type: object, required: [amount], properties: {amount: {type: integer}}}
      responses:
        "200":
          description: The payment.
          content:
            application/json:
              schema: {type: object, properties: {id: {type: string}}}
  /refunds:
    post:
      operationId: createRefund
      summary: Refund a payment (no idempotency key)
      requestBody:
        required: true
        content:
          application/json:
            schema: {type: object, required: [amount], properties: {amount: {type: integer}}}
      responses:
        "200":
          description: The refund.
          content:
            application/json:
              schema: {type: object, properties: {id: {type: string}}}
"""
OK = Reply(200, b'{"id": "p1"}')
AMBIGUOUS = (Reset(before_reading=False), Reply(503))
"""Failures after which the request may have taken effect."""


@pytest.fixture(scope="module")
def payments(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    folder = tmp_path_factory.mktemp("idempotency")
    spec = folder / "payments.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    out = folder / "out"
    result = generate(spec, out, package_name="payments_api", formatter="ruff")
    write.apply(out, write.plan(out, result.files))
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module("payments_api")
    finally:
        sys.path.remove(str(out))


@pytest.fixture(autouse=True)
def fast_backoff(payments: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    base_client = importlib.import_module("payments_api._base_client")
    monkeypatch.setattr(base_client, "INITIAL_RETRY_DELAY", 0.01)
    monkeypatch.setattr(base_client, "MAX_RETRY_DELAY", 0.01)


def send(payments: ModuleType, mode: str, url: str, operation: str, **arguments: Any) -> Any:
    if mode == "sync":
        with payments.Client(base_url=url, timeout=30.0) as client:
            return getattr(client.with_raw_response, operation)(**arguments)

    async def main() -> Any:
        async with payments.AsyncClient(base_url=url, timeout=30.0) as client:
            return await getattr(client.with_raw_response, operation)(**arguments)

    return asyncio.run(main())


def keys(server: FaultServer) -> list[str | None]:
    return [request.headers.get("idempotency-key") for request in server.requests]


def test_the_key_makes_the_call_idempotent_and_its_absence_does_not(
    payments: ModuleType,
) -> None:
    operations = importlib.import_module("payments_api._operations")
    assert operations.create_payment(amount=1).idempotent is True
    assert operations.create_refund(amount=1).idempotent is False


def test_one_key_per_call_the_same_on_every_retry(payments: ModuleType, mode: str) -> None:
    with FaultServer([*AMBIGUOUS, OK, OK]) as server:
        first = send(payments, mode, server.url, "create_payment", amount=100)
        second = send(payments, mode, server.url, "create_payment", amount=100)
    assert first.attempts == 3 and second.attempts == 1
    sent = keys(server)
    assert len(sent) == 4 and server.received == 4
    key = sent[0]
    assert key is not None and uuid.UUID(key).version == 4
    assert sent[:3] == [key, key, key]  # the retries of one call repeat its key
    assert sent[3] is not None and sent[3] != key  # another call, another key


def test_the_callers_key_is_sent_on_every_attempt(payments: ModuleType, mode: str) -> None:
    with FaultServer([*AMBIGUOUS, OK]) as server:
        result = send(
            payments, mode, server.url, "create_payment", amount=100, idempotency_key="order-42"
        )
    assert result.attempts == 3
    assert keys(server) == ["order-42"] * 3


def test_a_call_without_a_key_is_never_sent_twice(payments: ModuleType, mode: str) -> None:
    for failure in AMBIGUOUS:
        with FaultServer([failure, OK]) as server, pytest.raises(payments.APIError) as caught:
            send(payments, mode, server.url, "create_refund", amount=100)
        assert caught.value.attempts == 1
        assert server.received == 1 and keys(server) == [None]
