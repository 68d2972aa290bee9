"""The generated client over real HTTP to a local server: the vendor's request and response."""

from __future__ import annotations

import asyncio
import http.server
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx
import primotexto
import pytest

KEY = "0123456789abcdef0123456789abcdef"
VENDOR_REQUEST = {
    "number": "+33600000000",
    "message": "Code de confirmation: 283951",
    "sender": "YourCompany",
    "campaignName": "Code de confirmation",
    "category": "codeConfirmation",
    "date": 1398177000000,
}
VENDOR_RESPONSE = b'{ "creditsUsed":1.0, "snapshotId": "386479" }'


@dataclass
class Recorder:
    """A loopback server answering each request with the next scripted answer."""

    answers: list[tuple[int, str, bytes]] = field(default_factory=list)
    requests: list[tuple[str, str, dict[str, str], bytes]] = field(default_factory=list)
    url: str = ""


@pytest.fixture
def server() -> Iterator[Recorder]:
    recorder = Recorder()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            recorder.requests.append((self.command, self.path, dict(self.headers), body))
            status, content_type, content = (
                recorder.answers.pop(0)
                if recorder.answers
                else (200, "application/json;charset=UTF-8", VENDOR_RESPONSE)
            )
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        do_GET = do_POST = _answer

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    recorder.url = f"http://127.0.0.1:{httpd.server_port}/v2"
    yield recorder
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def vendor_call(client: primotexto.Client) -> primotexto.SendResult:
    return client.send_notification_message(
        number="+33600000000",
        message="Code de confirmation: 283951",
        sender="YourCompany",
        campaign_name="Code de confirmation",
        category="codeConfirmation",
        date=datetime(2014, 4, 22, 14, 30, tzinfo=UTC),
    )


def test_sends_exactly_the_vendors_request_and_parses_its_response(server: Recorder) -> None:
    with primotexto.Client(api_key=KEY, base_url=server.url) as client:
        result = vendor_call(client)
    assert result == primotexto.SendResult(credits_used=1.0, snapshot_id="386479")
    [(method, path, headers, body)] = server.requests
    assert (method, path) == ("POST", "/v2/notification/messages/send")
    assert headers["X-Primotexto-ApiKey"] == KEY
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body) == VENDOR_REQUEST
    assert list(json.loads(body)) == list(VENDOR_REQUEST)  # exactly the six keys


def test_default_url_is_the_vendors() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            200,
            content=VENDOR_RESPONSE,
            headers={"Content-Type": "application/json;charset=UTF-8"},
        )

    with httpx.Client(transport=httpx.MockTransport(handler)) as http_client:
        client = primotexto.Client(api_key=KEY, http_client=http_client)
        vendor_call(client)
    assert str(seen[0].url) == "https://api.primotexto.com/v2/notification/messages/send"
    assert seen[0].headers["X-Primotexto-ApiKey"] == KEY


def test_unset_optional_fields_are_omitted_not_null(server: Recorder) -> None:
    with primotexto.Client(api_key=KEY, base_url=server.url) as client:
        client.send_notification_message(number="0600000000", message="Bonjour")
    assert json.loads(server.requests[0][3]) == {"number": "0600000000", "message": "Bonjour"}


def test_date_accepts_integer_milliseconds(server: Recorder) -> None:
    with primotexto.Client(api_key=KEY, base_url=server.url) as client:
        client.send_notification_message(number="0600000000", message="x", date=1398177000000)
    assert json.loads(server.requests[0][3])["date"] == 1398177000000


@pytest.mark.parametrize(
    ("arguments", "field", "rule"),
    [
        ({"number": "600000000"}, "number", "pattern"),
        ({"message": ""}, "message", "pattern"),
        ({"message": "prix: 5€"}, "message", "pattern"),
        ({"sender": "ab"}, "sender", "pattern"),
        ({"sender": "123456"}, "sender", "pattern"),
        ({"date": 1398177000}, "date", "minimum"),  # seconds instead of milliseconds
        ({"date": datetime(2030, 1, 1)}, "date", "format"),  # naive datetime
    ],
)
def test_constraints_are_checked_before_anything_is_sent(
    server: Recorder, arguments: dict[str, object], field: str, rule: str
) -> None:
    call = {"number": "0600000000", "message": "Bonjour", **arguments}
    with (
        primotexto.Client(api_key=KEY, base_url=server.url) as client,
        pytest.raises(primotexto.RequestValidationError) as caught,
    ):
        client.send_notification_message(**call)  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.rule) == (field, rule)
    assert field in str(caught.value)
    assert server.requests == []


def test_error_status_carries_the_apis_code_and_its_meaning(server: Recorder) -> None:
    server.answers.append((400, "application/json", b'{"code": 11}'))
    with (
        primotexto.Client(api_key=KEY, base_url=server.url) as client,
        pytest.raises(primotexto.BadRequestError) as caught,
    ):
        client.send_notification_message(number="0600000000", message="x")
    error = caught.value
    assert (error.status_code, error.code) == (400, 11)
    assert error.code_meaning and "invalid" in error.code_meaning.lower()
    assert error.body == b'{"code": 11}'
    assert isinstance(error.parsed, primotexto.Error)


def test_undocumented_code_and_unknown_fields_are_tolerated(server: Recorder) -> None:
    server.answers.append((401, "application/json", b'{"code": 4242, "extra": [1]}'))
    server.answers.append(
        (200, "application/json", b'{"creditsUsed": 2, "snapshotId": "1", "new": true}')
    )
    with primotexto.Client(api_key=KEY, base_url=server.url, max_retries=0) as client:
        with pytest.raises(primotexto.AuthenticationError) as caught:
            client.send_notification_message(number="0600000000", message="x")
        assert (caught.value.code, caught.value.code_meaning) == (4242, None)
        assert client.send_notification_message(number="0600000000", message="x").credits_used == 2


def test_a_response_that_breaks_the_spec_is_a_validation_error(server: Recorder) -> None:
    server.answers.append((200, "application/json", b'{"creditsUsed": "1", "snapshotId": "1"}'))
    with (
        primotexto.Client(api_key=KEY, base_url=server.url) as client,
        pytest.raises(primotexto.ResponseValidationError) as caught,
    ):
        client.send_notification_message(number="0600000000", message="x")
    assert caught.value.path == "$.creditsUsed" and caught.value.status_code == 200


def test_raw_response_gives_status_headers_and_body(server: Recorder) -> None:
    with primotexto.Client(api_key=KEY, base_url=server.url) as client:
        raw = client.with_raw_response.send_notification_message(number="0600000000", message="x")
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("application/json")
    assert raw.content == VENDOR_RESPONSE and raw.parsed.snapshot_id == "386479"


def test_key_and_base_url_from_the_environment(
    server: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRIMOTEXTO_API_KEY", KEY)
    monkeypatch.setenv("PRIMOTEXTO_BASE_URL", server.url)
    with primotexto.Client() as client:
        client.send_notification_message(number="0600000000", message="x")
    assert server.requests[0][2]["X-Primotexto-ApiKey"] == KEY


def test_no_key_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRIMOTEXTO_API_KEY", raising=False)
    with pytest.raises(primotexto.ConfigurationError, match="PRIMOTEXTO_API_KEY"):
        primotexto.Client()


def test_repr_never_shows_the_key(server: Recorder) -> None:
    with primotexto.Client(api_key=KEY, base_url=server.url) as client:
        assert KEY not in repr(client) and KEY not in repr(client.with_options(timeout=3))
        assert KEY not in repr(client.__dict__.get("_settings"))


def test_default_timeouts_are_set() -> None:
    client = primotexto.Client(api_key=KEY)
    assert client.timeout.connect and client.timeout.read
    client.close()


def test_the_query_key_form_sends_the_key_in_the_query(server: Recorder) -> None:
    with primotexto.Client(api_key=KEY, base_url=server.url) as client:
        client.send_notification_message_with_query_key(identifier="0600000000", message="x y")
    method, path, headers, _ = server.requests[0]
    assert method == "GET"
    query = dict(httpx.URL(path).params)
    assert query == {"identifier": "0600000000", "message": "x y", "apiKey": KEY}
    assert "X-Primotexto-ApiKey" not in headers


def test_async_client_sends_the_same_request(server: Recorder) -> None:
    async def main() -> primotexto.SendResult:
        async with primotexto.AsyncClient(api_key=KEY, base_url=server.url) as client:
            return await client.send_notification_message(
                number="+33600000000",
                message="Code de confirmation: 283951",
                sender="YourCompany",
                campaign_name="Code de confirmation",
                category="codeConfirmation",
                date=1398177000000,
            )

    assert asyncio.run(main()).snapshot_id == "386479"
    assert json.loads(server.requests[0][3]) == VENDOR_REQUEST
