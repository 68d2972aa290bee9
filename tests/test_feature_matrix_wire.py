"""Clients generated from the feature-matrix documents put exactly the right bytes on the wire.

Both documents (`feature-matrix-3.0.json`, `feature-matrix-3.1.yaml`, from
../shared/specs) are generated and imported; a sample of their operations is
called through the blocking client against one real loopback HTTP server,
which records each request and answers as the test says. The request side is
checked byte for byte (query strings, paths, headers, cookies, JSON, form,
multipart and raw bodies, and operations that take several content types);
the response side for unions (with and without a discriminator), nullable
fields, undocumented enum values, empty and non-JSON bodies. A small inline
document adds what the matrix lacks (deepObject, delimited and unexploded
arrays, different schemas per content type).
"""

from __future__ import annotations

import importlib
import json
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator import write
from generator.pipeline import generate

from .conftest import SHARED_SPECS

# ---------------------------------------------------------------- the loopback server


@dataclass
class Recorded:
    method: str
    target: str
    headers: list[tuple[str, str]]
    body: bytes

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]

    @property
    def query(self) -> str:
        return self.target.split("?", 1)[1] if "?" in self.target else ""

    def header(self, name: str) -> str | None:
        found = [v for k, v in self.headers if k.lower() == name.lower()]
        assert len(found) <= 1, f"{name} sent {len(found)} times"
        return found[0] if found else None


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str | None = None


@dataclass
class Server:
    """One real HTTP server on 127.0.0.1: records requests, answers with `reply`."""

    requests: list[Recorded] = field(default_factory=list)
    reply: Reply = field(default_factory=Reply)

    def answer(self, status: int = 200, body: Any = b"", content_type: str | None = None) -> None:
        if not isinstance(body, bytes):
            body = json.dumps(body).encode("utf-8")
            content_type = content_type or "application/json"
        self.reply = Reply(status, body, content_type)

    @property
    def last(self) -> Recorded:
        assert self.requests, "no request reached the server"
        return self.requests[-1]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HTTPServer

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        state = self.server.state
        state.requests.append(Recorded(self.command, self.path, list(self.headers.items()), body))
        reply = state.reply
        self.send_response(reply.status)
        if reply.content_type is not None:
            self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    state: Server


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[Server, str]]:
    httpd = _HTTPServer(("127.0.0.1", 0), _Handler)
    httpd.state = Server()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd.state, f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


# ---------------------------------------------------------------- generated packages


def _generate_and_import(spec: Path, folder: Path, package: str) -> ModuleType:
    result = generate(spec, folder, package_name=package, lenient=True)
    write.apply(folder, write.plan(folder, result.files))
    sys.path.insert(0, str(folder))
    try:
        module = importlib.import_module(package)
        for name in ("models", "_operations", "errors"):
            importlib.import_module(f"{package}.{name}")
    finally:
        sys.path.remove(str(folder))
    return module


@pytest.fixture(scope="module", params=["3.0", "3.1"])
def matrix(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    version = request.param
    spec = SHARED_SPECS / (
        "feature-matrix-3.0.json" if version == "3.0" else "feature-matrix-3.1.yaml"
    )
    package = "wire_matrix_" + version.replace(".", "")
    return _generate_and_import(spec, tmp_path_factory.mktemp(package), package)


@pytest.fixture
def client(
    matrix: ModuleType, server: tuple[Server, str]
) -> Iterator[tuple[Any, Server, ModuleType]]:
    state, url = server
    state.requests.clear()
    state.answer(200)
    with matrix.Client(base_url=url, max_retries=0) as generated_client:
        yield generated_client, state, matrix


def models(package: ModuleType) -> Any:
    return sys.modules[package.__name__ + ".models"]


# ---------------------------------------------------------------- query strings


def test_arrays_are_exploded_dates_written_and_null_items_skipped(client: Any) -> None:
    api, server, package = client
    enums = models(package)
    server.answer(200, [])
    result = api.get_user_list(
        an_enum_value=[enums.AnEnum.FIRST_VALUE, "SECOND_VALUE"],
        an_enum_value_with_null=[None, enums.AnEnumWithNull.SECOND_VALUE],
        an_enum_value_with_only_null=[None],
        some_date=date(2024, 2, 29),
    )
    assert result == []
    request = server.last
    assert (request.method, request.path) == ("GET", "/tests/")
    assert request.query == (
        "an_enum_value=FIRST_VALUE&an_enum_value=SECOND_VALUE"
        "&an_enum_value_with_null=SECOND_VALUE&some_date=2024-02-29"
    )
    assert request.body == b""


def test_a_value_outside_a_closed_enum_is_refused_before_anything_is_sent(client: Any) -> None:
    api, server, package = client
    enums = models(package)
    with pytest.raises(package.RequestValidationError) as caught:
        api.get_user_list(
            an_enum_value=[enums.AnEnum.FIRST_VALUE, "SECOND_VALUE", "UNDOCUMENTED"],
            an_enum_value_with_null=[],
            an_enum_value_with_only_null=[],
            some_date=date(2024, 2, 29),
        )
    error = caught.value
    assert (error.field, error.rule) == ("an_enum_value[2]", "enum")
    assert "'UNDOCUMENTED'" in error.problem and "'FIRST_VALUE', 'SECOND_VALUE'" in error.problem
    with pytest.raises(package.RequestValidationError) as caught:
        api.int_enum_tests_int_enum_post(int_enum=7)
    assert (caught.value.field, caught.value.rule) == ("int_enum", "enum")
    assert server.requests == []


def test_aware_datetimes_are_rfc3339_and_optional_parameters_left_out(client: Any) -> None:
    api, server, _ = client
    moment = datetime(2024, 1, 2, 3, 4, 5, 600000, tzinfo=timezone(timedelta(hours=-5)))
    api.get_location_query_optionality(not_null_required=moment, null_required=None)
    assert server.last.query == "not_null_required=2024-01-02T03%3A04%3A05.600000-05%3A00"
    api.get_location_query_optionality(
        not_null_required=moment, null_required=moment, not_null_not_required=moment
    )
    assert server.last.query.count("=2024-01-02T03%3A04%3A05.600000-05%3A00") == 3


def test_a_naive_datetime_is_refused_before_anything_is_sent(client: Any) -> None:
    api, server, package = client
    with pytest.raises(package.RequestValidationError) as caught:
        api.get_location_query_optionality(
            not_null_required=datetime(2024, 1, 2, 3, 4, 5), null_required=None
        )
    assert caught.value.field == "not_null_required"
    assert server.requests == []


def test_enum_query_values_and_a_model_exploded_into_its_fields(client: Any) -> None:
    api, server, package = client
    m = models(package)
    api.int_enum_tests_int_enum_post(int_enum=m.AnIntEnum.VALUE_MINUS_1)
    assert (server.last.method, server.last.query) == ("POST", "int_enum=-1")
    api.int_enum_tests_int_enum_post(int_enum=2)  # a plain value of a member goes through
    assert server.last.query == "int_enum=2"

    api.defaults_tests_defaults_post(
        string_prop="a b&c=d",
        string_with_num="1",
        date_prop=date(1010, 10, 10),
        float_prop=3.14,
        float_with_int=3.0,
        int_prop=7,
        boolean_prop=False,
        list_prop=[m.AnEnum.FIRST_VALUE, m.AnEnum.SECOND_VALUE],
        union_prop="not a float",
        enum_prop=m.AnEnum.SECOND_VALUE,
        model_prop=m.ModelWithUnionProperty(a_property=m.AnIntEnum.VALUE_2),
        required_model_prop=m.ModelWithUnionProperty(a_property=m.AnEnum.FIRST_VALUE),
    )
    assert server.last.query == (
        "string_prop=a+b%26c%3Dd&string+with+num=1&date_prop=1010-10-10&float_prop=3.14"
        "&float_with_int=3.0&int_prop=7&boolean_prop=false"
        "&list_prop=FIRST_VALUE&list_prop=SECOND_VALUE&union_prop=not+a+float"
        "&enum_prop=SECOND_VALUE&a_property=2&a_property=FIRST_VALUE"
    )


def test_keywords_and_reserved_words_keep_their_wire_names(client: Any) -> None:
    api, server, _ = client
    api.false(import_="yes")
    assert (server.last.path, server.last.query) == ("/naming/keywords", "import=yes")
    api.reserved_parameters(client="c", url="u")
    assert server.last.query == "client=c&url=u"
    server.answer(200, {})
    api.mixed_case(mixed_case="snake", mixed_case_2="camel")
    assert server.last.query == "mixed_case=snake&mixedCase=camel"


# ---------------------------------------------------------------- paths, headers, cookies


def test_path_parameters_are_percent_encoded_into_one_segment_each(client: Any) -> None:
    api, server, _ = client
    api.multiple_path_parameters(param4="four", param3=3, param1="one/1", param2=2)
    assert server.last.path == "/multiple-path-parameters/four/something/2/one%2F1/3"
    api.hyphen_in_path(hyphen_in_path="a b?c#d")
    assert server.last.path == "/naming/a%20b%3Fc%23d"


def test_headers_are_written_as_the_api_reads_them(client: Any) -> None:
    api, server, package = client
    m = models(package)
    api.get_location_header_types(
        boolean_header=True,
        string_header="text",
        number_header=1.5,
        integer_header=-3,
        int_enum_header=m.GetLocationHeaderTypesIntEnumHeader.VALUE_2,
        string_enum_header=m.GetLocationHeaderTypesStringEnumHeader.THREE,
    )
    request = server.last
    assert request.header("Boolean-Header") == "true"
    assert request.header("String-Header") == "text"
    assert request.header("Number-Header") == "1.5"
    assert request.header("Integer-Header") == "-3"
    assert request.header("Int-Enum-Header") == "2"
    assert request.header("String-Enum-Header") == "three"
    api.get_location_header_types()
    assert not any(k.endswith("-Header") for k, _ in server.last.headers)


def test_cookies_and_one_name_in_four_places(client: Any) -> None:
    api, server, _ = client
    server.answer(200, {"ok": True})
    assert api.token_with_cookie_auth_token_with_cookie_get(my_token="t0k3n") == {"ok": True}
    assert server.last.header("Cookie") == "MyToken=t0k3n"

    api.get_same_name_multiple_locations_by_param(
        param_path="in path", param="in query", param_header="in header", param_cookie="a;b c"
    )
    request = server.last
    assert request.path == "/same-name-multiple-locations/in%20path"
    assert request.query == "param=in+query"
    assert request.header("param") == "in header"
    # A cookie value can never end its cookie and start another.
    assert request.header("Cookie") == "param=a%3Bb%20c"


def test_parameters_by_reference_go_where_their_definitions_say(client: Any) -> None:
    api, server, package = client
    api.get_parameter_references_by_path_param(
        path_param="p", string_param="s", integer_param=0, cookie_param="c"
    )
    request = server.last
    assert request.path == "/parameter-references/p"
    assert request.query == "string+param=s&integer+param=0"
    assert request.header("Cookie") == "cookie param=c"
    # "header param" is no valid header name: a value for it is refused, not mangled.
    with pytest.raises(package.RequestValidationError) as caught:
        api.get_parameter_references_by_path_param(path_param="p", header_param="h")
    assert caught.value.field == "header param"
    assert len(server.requests) == 1


# ---------------------------------------------------------------- request bodies


def test_json_body_keeps_optional_nullable_and_not_given_apart(client: Any) -> None:
    api, server, package = client
    m = models(package)
    moment = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
    api.json_body_tests_json_body_post(
        an_enum_value=m.AnEnum.FIRST_VALUE,
        an_allof_enum_with_overridden_default="overridden_default",
        a_camel_date_time=moment,
        a_date=date(2024, 5, 6),
        a_nullable_date=None,
        a_uuid="0b2c4e6a-0000-4000-8000-000000000000",
        a_nullable_uuid=None,
        required_nullable=None,
        required_not_nullable="x",
        one_of_models={"free": "form"},
        nullable_one_of_models=None,
        model=m.ModelWithUnionProperty(a_property=m.AnEnum.SECOND_VALUE),
        nullable_model=None,
        nested_list_of_enums=[[m.DifferentEnum.DIFFERENT, "OTHER"]],
        n_1_leading_digit="digit",
        leading_underscore="underscore",
        not_required_nullable=None,  # sent as null
        # not_required_nullable_model: not given, so absent
    )
    request = server.last
    assert request.header("Content-Type") == "application/json"
    assert json.loads(request.body) == {
        "an_enum_value": "FIRST_VALUE",
        "an_allof_enum_with_overridden_default": "overridden_default",
        "aCamelDateTime": "2024-05-06T07:08:09+00:00",
        "a_date": "2024-05-06",
        "a_nullable_date": None,
        "a_uuid": "0b2c4e6a-0000-4000-8000-000000000000",
        "a_nullable_uuid": None,
        "required_nullable": None,
        "required_not_nullable": "x",
        "one_of_models": {"free": "form"},
        "nullable_one_of_models": None,
        "model": {"a_property": "SECOND_VALUE"},
        "nullable_model": None,
        "nested_list_of_enums": [["DIFFERENT", "OTHER"]],
        "1_leading_digit": "digit",
        "_leading_underscore": "underscore",
        "not_required_nullable": None,
    }


def test_a_json_string_body(client: Any) -> None:
    api, server, _ = client
    server.answer(200, "echo")
    assert api.post_tests_json_body_string(body='say "hi"') == "echo"
    assert server.last.body == b'"say \\"hi\\""'


def test_form_urlencoded_body(client: Any) -> None:
    api, server, _ = client
    server.answer(200, None)
    api.post_form_data(an_required_field="a b&c=é")
    request = server.last
    assert request.header("Content-Type") == "application/x-www-form-urlencoded"
    assert request.body == b"an_required_field=a+b%26c%3D%C3%A9"
    api.post_form_data_inline(a_required_field="x", an_optional_field="y")
    assert server.last.body == b"a_required_field=x&an_optional_field=y"


def parse_multipart(request: Recorded) -> list[tuple[dict[str, str], bytes]]:
    """The parts of a multipart/form-data body: (headers, content) each, exactly."""
    content_type = request.header("Content-Type") or ""
    assert content_type.startswith("multipart/form-data; boundary=")
    boundary = content_type.split("boundary=", 1)[1].encode("ascii")
    chunks = request.body.split(b"--" + boundary)
    assert chunks[0] == b"" and chunks[-1] == b"--\r\n"
    parts = []
    for chunk in chunks[1:-1]:
        assert chunk.startswith(b"\r\n") and chunk.endswith(b"\r\n")
        head, content = chunk[2:-2].split(b"\r\n\r\n", 1)
        headers = dict(line.decode().split(": ", 1) for line in head.split(b"\r\n"))
        parts.append(({k.lower(): v for k, v in headers.items()}, content))
    return parts


def test_multipart_sends_files_as_bytes_and_objects_as_json(client: Any) -> None:
    api, server, package = client
    m = models(package)
    file_content = b"\x00\xff\r\n--not a boundary\x89PNG"
    api.upload_file_tests_upload_post(
        some_file=file_content,
        some_required_number=1.5,
        some_object=m.BodyUploadFileTestsUploadPostSomeObject(num=2.0, text='quote " and é'),
        some_nullable_object=None,  # a form has no null: left out
        some_string="plain",
        a_datetime=datetime(2024, 1, 1, tzinfo=UTC),
        some_int_array=[1, None, 3],
        some_array=[m.AFormData(an_required_field="r")],
        some_enum=m.DifferentEnum.OTHER,
    )
    parts = parse_multipart(server.last)
    by_name: dict[str, list[tuple[dict[str, str], bytes]]] = {}
    for headers, content in parts:
        name = headers["content-disposition"].split('name="', 1)[1].split('"', 1)[0]
        by_name.setdefault(name, []).append((headers, content))
    assert set(by_name) == {
        "some_file", "some_required_number", "some_object", "some_string", "a_datetime",
        "some_int_array", "some_array", "some_enum",
    }  # fmt: skip
    [(headers, content)] = by_name["some_file"]
    assert content == file_content
    assert 'filename="some_file"' in headers["content-disposition"]
    assert headers["content-type"] == "application/octet-stream"
    [(headers, content)] = by_name["some_object"]
    assert headers["content-type"] == "application/json"
    assert json.loads(content) == {"num": 2.0, "text": 'quote " and é'}
    assert [c for _, c in by_name["some_required_number"]] == [b"1.5"]
    assert [c for _, c in by_name["some_string"]] == [b"plain"]
    assert [c for _, c in by_name["a_datetime"]] == [b"2024-01-01T00:00:00+00:00"]
    assert [c for _, c in by_name["some_int_array"]] == [b"1", b"3"]
    assert [json.loads(c) for _, c in by_name["some_array"]] == [{"an_required_field": "r"}]
    assert [c for _, c in by_name["some_enum"]] == [b"OTHER"]


def test_octet_stream_body_is_sent_as_given(client: Any) -> None:
    api, server, _ = client
    server.answer(200, {"data": "c2VudA=="})
    payload = bytes(range(256))
    result = api.octet_stream_tests_octet_stream_post(body=payload)
    assert server.last.header("Content-Type") == "application/octet-stream"
    assert server.last.body == payload
    assert result.data == b"c2VudA=="


# ---------------------------------------------------------------- several content types


def test_one_operation_sends_each_of_its_content_types(client: Any) -> None:
    api, server, _ = client
    api.post_bodies_multiple(a="x y")  # the default: JSON
    assert (server.last.header("Content-Type"), server.last.body) == (
        "application/json",
        b'{"a":"x y"}',
    )
    api.post_bodies_multiple(a="x y", content_type="application/x-www-form-urlencoded")
    assert (server.last.header("Content-Type"), server.last.body) == (
        "application/x-www-form-urlencoded",
        b"a=x+y",
    )
    api.post_bodies_multiple(a="x y", content_type="multipart/form-data")
    [(headers, content)] = parse_multipart(server.last)
    assert (headers["content-disposition"], content) == ('form-data; name="a"', b"x y")
    api.post_bodies_multiple(body=b"\x00raw", content_type="application/octet-stream")
    assert (server.last.header("Content-Type"), server.last.body) == (
        "application/octet-stream",
        b"\x00raw",
    )


def test_arguments_of_another_content_type_are_refused_unsent(client: Any) -> None:
    api, server, package = client
    with pytest.raises(package.RequestValidationError) as caught:
        api.post_bodies_multiple(a="x", content_type="application/octet-stream")
    assert caught.value.field == "a"
    with pytest.raises(package.RequestValidationError) as caught:
        api.post_bodies_multiple(body=b"x")  # bytes are not part of the JSON body
    assert caught.value.field == "body"
    with pytest.raises(package.RequestValidationError) as caught:
        api.post_bodies_multiple(content_type="text/csv")
    assert caught.value.field == "content_type"
    assert server.requests == []


# ---------------------------------------------------------------- responses


def test_unions_choose_the_shape_that_fits(client: Any) -> None:
    api, server, package = client
    m = models(package)
    server.answer(200, {"a": "text"})
    assert api.post_responses_unions_simple_before_complex().a == "text"
    server.answer(200, {"a": {"nested": [1]}})
    assert api.post_responses_unions_simple_before_complex().a == {"nested": [1]}

    server.answer(200, {"type": "beta", "texture": "rough"})
    beta = api.get_models_oneof_with_required_const()
    assert type(beta).__name__.endswith("Option2") and beta.texture == "rough"
    server.answer(200, {"type": "gamma"})
    with pytest.raises(package.ResponseValidationError):
        api.get_models_oneof_with_required_const()

    # Two all-optional shapes: the one that knows the object's fields wins.
    fruit = m.ModelWithUnionPropertyInlined.from_json({"fruit": {"bananas": "yellow"}})
    assert type(fruit.fruit).__name__.endswith("Option2") and fruit.fruit.bananas == "yellow"


def test_a_discriminator_chooses_the_model(client: Any) -> None:
    _, _, package = client
    m = models(package)
    decoded = m.ModelWithDiscriminatedUnion.from_json(
        {"discriminated_union": {"modelType": "type2"}}
    )
    assert isinstance(decoded.discriminated_union, m.ADiscriminatedUnionType2)
    decoded = m.ModelWithDiscriminatedUnion.from_json(
        {"discriminated_union": {"modelType": "type1"}}
    )
    assert isinstance(decoded.discriminated_union, m.ADiscriminatedUnionType1)
    assert (
        m.ModelWithDiscriminatedUnion.from_json({"discriminated_union": None}).discriminated_union
        is None
    )


def test_nullable_fields_and_undocumented_enum_values(client: Any) -> None:
    api, server, package = client
    m = models(package)
    server.answer(200, {"status": "pending", "extra": 1})
    assert api.status_code_patterns().status == "pending"  # a new value does not break the call
    server.answer(201, {"status": "success"})
    assert api.status_code_patterns().status is m.StatusCodePatternsResponseStatus.SUCCESS
    server.answer(418, {"error": "teapot"})
    with pytest.raises(package.APIStatusError) as caught:
        api.status_code_patterns()
    assert caught.value.status_code == 418 and caught.value.parsed.error == "teapot"

    server.answer(200, _a_model(m))
    result = api.reference_response()
    assert result.a_nullable_date is None and result.required_nullable is None
    assert result.nullable_model is None
    assert result.a_camel_date_time == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert result.an_enum_value == "THIRD_VALUE"
    assert result.one_of_models == m.ModelWithUnionProperty(a_property=m.AnIntEnum.VALUE_1)


def _a_model(m: Any) -> dict[str, Any]:
    return {
        "an_enum_value": "THIRD_VALUE",
        "an_allof_enum_with_overridden_default": "foo",
        "aCamelDateTime": "2024-01-02T03:04:05Z",
        "a_date": "2024-01-02",
        "a_nullable_date": None,
        "a_uuid": "u",
        "a_nullable_uuid": None,
        "required_nullable": None,
        "required_not_nullable": "x",
        "one_of_models": {"a_property": 1},
        "nullable_one_of_models": None,
        "model": {},
        "nullable_model": None,
    }


def test_empty_and_non_json_bodies(client: Any) -> None:
    api, server, _ = client
    server.answer(200, b"")
    assert api.no_response_tests_no_response_get() is None
    server.answer(200, b"")
    assert api.default_status_code() == ""  # only `default` is described: it covers 2XX
    server.answer(200, "plain \u00e9 text".encode(), "text/plain; charset=utf-8")
    assert api.text_response() == "plain \u00e9 text"
    server.answer(200, b"\x00\x01binary", "application/octet-stream")
    assert api.octet_stream_tests_octet_stream_get() == b"\x00\x01binary"
    server.answer(200, b"\x89PNG", "not_real/content-type")
    assert api.unsupported_content_tests_unsupported_content_get() == b"\x89PNG"
    server.answer(200, {"json": True})
    assert api.unsupported_content_tests_unsupported_content_get() == {"json": True}
    server.answer(200, b"ok", "text/plain")
    assert api.status_code_precedence() == "ok"


# ---------------------------------------------------------------- what the matrix lacks


STYLES_DOCUMENT: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Wire styles", "version": "1"},
    "paths": {
        "/search/{ids}": {
            "get": {
                "operationId": "search",
                "parameters": [
                    {"name": "ids", "in": "path", "required": True,
                     "schema": {"type": "array", "items": {"type": "integer"}}},
                    {"name": "filter", "in": "query", "style": "deepObject", "explode": True,
                     "schema": {"$ref": "#/components/schemas/Filter"}},
                    {"name": "tags", "in": "query", "explode": False,
                     "schema": {"type": "array", "items": {"type": "string"}}},
                    {"name": "pipes", "in": "query", "style": "pipeDelimited", "explode": False,
                     "schema": {"type": "array", "items": {"type": "string"}}},
                    {"name": "at", "in": "query",
                     "schema": {"type": "integer", "x-unix-timestamp": "seconds", "minimum": 0}},
                    {"name": "X-Ids", "in": "header",
                     "schema": {"type": "array", "items": {"type": "integer"}}},
                ],
                "responses": {"204": {"description": "none"}},
            }
        },
        "/upload": {
            "put": {
                "operationId": "upload",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Filter"}},
                        "multipart/form-data": {
                            "schema": {
                                "type": "object",
                                "required": ["file"],
                                "properties": {
                                    "file": {"type": "string", "format": "binary"},
                                    "meta": {"$ref": "#/components/schemas/Filter"},
                                    "numbers": {"type": "array", "items": {"type": "integer"}},
                                },
                            },
                            "encoding": {"file": {"contentType": "image/png"}},
                        },
                        "application/x-www-form-urlencoded": {
                            "schema": {"$ref": "#/components/schemas/Filter"},
                            "encoding": {"range": {"style": "deepObject", "explode": True}},
                        },
                        "text/plain": {"schema": {"type": "string"}},
                    },
                },
                "responses": {"200": {"description": "ok"}},
            }
        },
    },
    "components": {
        "schemas": {
            "Filter": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "range": {
                        "type": "object",
                        "properties": {"low": {"type": "integer"}, "high": {"type": "integer"}},
                    },
                },
            }
        }
    },
}  # fmt: skip


@pytest.fixture(scope="module")
def styles(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    folder = tmp_path_factory.mktemp("wire_styles")
    spec = folder / "styles.json"
    spec.write_text(json.dumps(STYLES_DOCUMENT), encoding="utf-8")
    return _generate_and_import(spec, folder / "out", "wire_styles")


@pytest.fixture
def styles_client(
    styles: ModuleType, server: tuple[Server, str]
) -> Iterator[tuple[Any, Server, ModuleType]]:
    state, url = server
    state.requests.clear()
    state.answer(204)
    with styles.Client(base_url=url, max_retries=0) as generated_client:
        yield generated_client, state, models(styles)


def test_deep_objects_delimited_arrays_and_timestamps(styles_client: Any) -> None:
    api, server, m = styles_client
    api.search(
        ids=[1, 2],
        filter=m.Filter(name="n", range_=m.FilterRange(low=1, high=9)),
        tags=["a", "b c"],
        pipes=["x", "y"],
        at=datetime(2001, 9, 9, 1, 46, 40, tzinfo=UTC),
        x_ids=[3, 4],
    )
    request = server.last
    assert request.path == "/search/1%2C2"
    assert request.query == (
        "filter%5Bname%5D=n&filter%5Brange%5D=%7B%22low%22%3A1%2C%22high%22%3A9%7D"
        "&tags=a%2Cb+c&pipes=x%7Cy&at=1000000000"
    )
    assert request.header("X-Ids") == "3,4"
    with pytest.raises(Exception, match="minimum"):
        api.search(ids=[1], at=-1)


def test_content_types_with_different_schemas(styles_client: Any) -> None:
    api, server, m = styles_client
    server.answer(200)
    api.upload(name="n", range_=m.FilterRange(low=1))
    assert json.loads(server.last.body) == {"name": "n", "range": {"low": 1}}
    api.upload(
        name="n",
        range_=m.FilterRange(low=1, high=2),
        content_type="application/x-www-form-urlencoded",
    )
    assert server.last.body == b"name=n&range%5Blow%5D=1&range%5Bhigh%5D=2"
    api.upload(
        file=b"\x89PNG", numbers=[1, 2], meta=m.Filter(name="m"), content_type="multipart/form-data"
    )
    parts = parse_multipart(server.last)
    assert [(h["content-disposition"], h.get("content-type"), c) for h, c in parts] == [
        ('form-data; name="file"; filename="file"', "image/png", b"\x89PNG"),
        ('form-data; name="meta"', "application/json", b'{"name":"m"}'),
        ('form-data; name="numbers"', None, b"1"),
        ('form-data; name="numbers"', None, b"2"),
    ]
    api.upload(body="just text", content_type="text/plain")
    assert (server.last.header("Content-Type"), server.last.body) == ("text/plain", b"just text")
    with pytest.raises(Exception, match="required"):
        api.upload(content_type="multipart/form-data")  # `file` is required there
    assert len(server.requests) == 4
