"""Hypothesis: no input makes the server answer 5xx, crash, or stop serving."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.fixture_server import FixtureServer

from .support import MESSAGES_RECORDINGS, MESSAGES_SPEC, raw_exchange, statuses

VALID = b"GET /v2/search?q=widgets&tag=red&tag=blue&page=2 HTTP/1.1\r\nHost: x\r\n\r\n"

methods = st.sampled_from([b"GET", b"POST", b"PUT", b"DELETE", b"HEAD", b"OPTIONS", b"G\x00T", b""])
paths = st.one_of(
    st.sampled_from(
        [
            b"/v2/messages/send",
            b"/v2/items/42",
            b"/v2/items/%ff",
            b"/v2/search",
            b"/v2/forms",
            b"/",
            b"*",
            b"/v2/items/%2F",
            b"http://h/v2/search",
        ]
    ),
    st.binary(max_size=40).map(lambda b: b"/v2/" + b),
)
queries = st.one_of(
    st.just(b""),
    st.sampled_from(
        [
            b"?q=x&page=2",
            b"?q=%ff",
            b"?fields=name,x",
            b"?apiKey=&identifier=a",
            b"?" + b"a=1&" * 2000,
            b"?q=x&page=1e400",
        ]
    ),
    st.binary(max_size=40).map(lambda b: b"?" + b),
)
header_lines = st.lists(
    st.one_of(
        st.sampled_from(
            [
                b"Host: x",
                b"X-Api-Key: k",
                b"X-Api-Key: ",
                b"Authorization: Bearer t",
                b"Authorization: Basic !!",
                b"Content-Type: application/json",
                b"Content-Type: application/x-www-form-urlencoded",
                b"Content-Type: text/plain",
                b"Content-Type: application/json; charset=latin-1",
                b"Transfer-Encoding: chunked",
                b"Content-Length: 0",
                b"Content-Length: 5",
                b"Content-Length: -1",
                b"Content-Length: 99999999999999999999",
                b"Expect: 100-continue",
                b"Connection: close",
                b"Cookie: a=b; c",
                b"X-Request-Id: 123456789",
                b" folded",
                b"NoColon",
                b"X-Big: " + b"a" * 10000,
            ]
        ),
        st.binary(max_size=60),
    ),
    max_size=8,
)
# Text with lone surrogates too: JSON can carry "\\ud800", Python strings hold it, UTF-8 cannot.
texts = st.text(st.characters() | st.characters(categories=["Cs"]), max_size=20)
json_bodies = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(texts, children, max_size=4)
    ),
    max_leaves=20,
).map(lambda value: json.dumps(value).encode())
bodies = st.one_of(
    st.just(b""),
    json_bodies,
    st.binary(max_size=300),
    st.sampled_from(
        [
            b"[" * 3000,
            b'{"number": "\xff"}',
            b"0\r\n\r\n",
            b"zz\r\n",
            b'{"number": "+33600000000", "message": "x"}',
            b"name=%ff&count=1",
        ]
    ),
)
versions = st.sampled_from([b"HTTP/1.1", b"HTTP/1.0", b"HTTP/2", b"HTTP/1.1 extra", b""])


@st.composite
def requests(draw: st.DrawFn) -> bytes:
    line = draw(methods) + b" " + draw(paths) + draw(queries) + b" " + draw(versions)
    headers = b"".join(h + b"\r\n" for h in draw(header_lines))
    return line + b"\r\n" + headers + b"\r\n" + draw(bodies)


@pytest.fixture(scope="module")
def fuzzed() -> Iterator[FixtureServer]:
    with FixtureServer(MESSAGES_SPEC, MESSAGES_RECORDINGS) as running:
        yield running


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
    derandomize=True,
)
@given(data=st.one_of(requests(), st.binary(max_size=3000)))
def test_no_input_gets_a_5xx(fuzzed: FixtureServer, data: bytes) -> None:
    answer = raw_exchange(fuzzed.port, data)
    assert all(status < 500 for status in statuses(answer)), answer[:500]


def test_still_serving_after_the_fuzz(fuzzed: FixtureServer) -> None:
    assert statuses(raw_exchange(fuzzed.port, VALID)) == [200]


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
    derandomize=True,
)
@given(
    path=st.sampled_from(["/v2/messages/send", "/v2/items/7", "/v2/search", "/v2/forms"]),
    method=st.sampled_from(["GET", "POST", "DELETE"]),
    query=st.lists(
        st.tuples(
            st.sampled_from(
                ["q", "page", "tag", "fields", "apiKey", "limit", "identifier", "message", "x[y]"]
            ),
            st.one_of(st.text(max_size=10), st.sampled_from(["9" * 5000, "1e999", "-0", "0x1"])),
        ),
        max_size=5,
    ),
    body=st.one_of(
        st.just(b""),
        json_bodies,
        st.binary(max_size=50),
        st.sampled_from([b"9" * 5000, b'{"date": 1e999}', b"count=" + b"9" * 5000]),
    ),
    content_type=st.sampled_from(
        [
            "application/json",
            "application/x-www-form-urlencoded",
            "text/plain",
            "application/merge-patch+json",
            "",
        ]
    ),
)
def test_handler_never_fails(
    fuzzed: FixtureServer,
    path: str,
    method: str,
    query: list[tuple[str, str]],
    body: bytes,
    content_type: str,
) -> None:
    from urllib.parse import urlencode

    from generator.fixture_server.messages import Request

    fields = [("Host", "x"), ("X-Api-Key", "k"), ("Authorization", "Bearer t")]
    if content_type:
        fields.append(("Content-Type", content_type))
    target = path + ("?" + urlencode(query) if query else "")
    response = fuzzed.respond(Request.from_fields(method, target, fields, body))
    assert response.status < 500
    if response.status >= 400:
        problem = json.loads(response.body)
        assert problem["status"] == response.status and isinstance(problem["validation"], list)
