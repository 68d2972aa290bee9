"""The report of what changed in the client's public API, on a series of document edits.

Each edit is one change a spec author makes; the expected report is what
`generate` and `--check` print for it (golden text). The record the report is
computed from is the one written beside the client (`.openapi-clientgen-api.json`).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.api_changes import API_FILE, _fits, compare, record, report
from generator.bundle import load_spec
from generator.model import build_api
from generator.validate import findings

from .conftest import readme_block, run_cli

BASE = """\
openapi: 3.1.0
info: {title: Shop, version: "1"}
paths:
  /orders:
    get:
      operationId: listOrders
      parameters:
        - {name: limit, in: query, schema: {type: integer}}
        - {name: status, in: query, schema: {$ref: "#/components/schemas/Status"}}
      responses:
        "200":
          description: the orders
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Order"}}
    post:
      operationId: createOrder
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [item]
              properties:
                item: {type: string}
                quantity: {type: number}
      responses:
        "201":
          description: created
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Order"}
  /orders/{orderId}:
    delete:
      operationId: cancelOrder
      parameters:
        - {name: orderId, in: path, required: true, schema: {type: string}}
      responses:
        "204": {description: cancelled}
components:
  schemas:
    Status: {type: string, enum: [open, shipped, cancelled]}
    Order:
      type: object
      required: [id, item, status]
      properties:
        id: {type: string}
        item: {type: string}
        status: {$ref: "#/components/schemas/Status"}
        placed_at: {type: string, format: date-time}
"""

CANCEL = """\
  /orders/{orderId}:
    delete:
      operationId: cancelOrder
      parameters:
        - {name: orderId, in: path, required: true, schema: {type: string}}
      responses:
        "204": {description: cancelled}
"""

# (what the author did, [(old text, new text)], the report printed)
EDITS: list[tuple[str, list[tuple[str, str]], str]] = [
    (
        "operation removed",
        [(CANCEL, "")],
        "API changes in the client in out: 1 breaking, 0 additive\n"
        "  breaking: operation cancel_order() removed (DELETE /orders/{orderId})\n",
    ),
    (
        "operation renamed",
        [("operationId: cancelOrder", "operationId: deleteOrder")],
        "API changes in the client in out: 1 breaking, 0 additive\n"
        "  breaking: operation cancel_order() renamed to delete_order() "
        "(DELETE /orders/{orderId})\n",
    ),
    (
        "parameter removed",
        [("        - {name: limit, in: query, schema: {type: integer}}\n", "")],
        "API changes in the client in out: 1 breaking, 0 additive\n"
        "  breaking: list_orders(): parameter 'limit' removed\n",
    ),
    (
        "parameter renamed",
        [("{name: limit, in: query", "{name: max, in: query")],
        "API changes in the client in out: 1 breaking, 0 additive\n"
        "  breaking: list_orders(): parameter 'limit' renamed to 'max_'\n",
    ),
    (
        "optional parameter became required",
        [("{name: limit, in: query,", "{name: limit, in: query, required: true,")],
        "API changes in the client in out: 1 breaking, 0 additive\n"
        "  breaking: list_orders(): parameter 'limit' is now required\n",
    ),
    (
        "new required parameter",
        [("required: [item]", "required: [item, quantity]")],
        "API changes in the client in out: 2 breaking, 0 additive\n"
        "  breaking: create_order(): parameter 'quantity' is now required\n"
        "  breaking: model CreateOrderBody: field 'quantity' is now required\n",
    ),
    (
        "type narrowed",
        [("quantity: {type: number}", "quantity: {type: integer}")],
        "API changes in the client in out: 2 breaking, 0 additive\n"
        "  breaking: create_order(): parameter 'quantity' type narrowed from float to int\n"
        "  breaking: model CreateOrderBody: field 'quantity' type narrowed from float to int\n",
    ),
    (
        "enum value removed",
        [("enum: [open, shipped, cancelled]", "enum: [open, shipped]")],
        "API changes in the client in out: 1 breaking, 0 additive\n"
        "  breaking: enum Status: value 'cancelled' removed\n",
    ),
    (
        "model field removed",
        [("        placed_at: {type: string, format: date-time}\n", "")],
        "API changes in the client in out: 1 breaking, 0 additive\n"
        "  breaking: model Order: field 'placed_at' removed\n",
    ),
    (
        "model field now optional in a response",
        [("required: [id, item, status]", "required: [id, item]")],
        "API changes in the client in out: 1 breaking, 0 additive\n"
        "  breaking: model Order: field 'status' is now optional in responses (it may be None)\n",
    ),
    (
        "response field now nullable",
        [("        id: {type: string}\n", "        id: {type: [string, 'null']}\n")],
        "API changes in the client in out: 1 breaking, 0 additive\n"
        "  breaking: model Order: field 'id' type widened from str to str | None\n",
    ),
    (
        "additive: an operation, a parameter, an enum value, a response field",
        [
            (
                '      responses:\n        "204": {description: cancelled}\n',
                '      responses:\n        "204": {description: cancelled}\n'
                "    get:\n      operationId: getOrder\n      parameters:\n"
                "        - {name: orderId, in: path, required: true, schema: {type: string}}\n"
                '      responses:\n        "200":\n          description: the order\n'
                "          content:\n            application/json:\n"
                '              schema: {$ref: "#/components/schemas/Order"}\n',
            ),
            (
                "        - {name: limit, in: query, schema: {type: integer}}\n",
                "        - {name: limit, in: query, schema: {type: integer}}\n"
                "        - {name: offset, in: query, schema: {type: integer}}\n",
            ),
            ("enum: [open, shipped, cancelled]", "enum: [open, shipped, cancelled, lost]"),
            (
                "        placed_at: {type: string, format: date-time}\n",
                "        placed_at: {type: string, format: date-time}\n"
                "        carrier: {type: string}\n",
            ),
            ("quantity: {type: number}", "quantity: {type: [number, string]}"),
        ],
        "API changes in the client in out: 0 breaking, 6 additive\n"
        "  additive: create_order(): parameter 'quantity' now also accepts float | str "
        "(was float)\n"
        "  additive: enum Status: value 'lost' added\n"
        "  additive: list_orders(): new optional parameter 'offset'\n"
        "  additive: model CreateOrderBody: field 'quantity' now also accepts float | str "
        "(was float)\n"
        "  additive: model Order: field 'carrier' added\n"
        "  additive: operation get_order() added (GET /orders/{orderId})\n",
    ),
    ("a description edited", [("description: the orders", "description: all orders")], ""),
]


def api_record(text: str, folder: Path) -> dict[str, object]:
    spec = folder / "openapi.yaml"
    spec.write_text(text, encoding="utf-8")
    api, _ = build_api(load_spec(spec), "shop")
    return json.loads(record(api))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def base_record(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("base")
    return api_record(BASE, folder)


def test_every_edited_document_is_valid(tmp_path: Path) -> None:
    for _, replacements, _ in EDITS:
        edited = BASE
        for old, new in replacements:
            edited = edited.replace(old, new, 1)
        spec = tmp_path / "openapi.yaml"
        spec.write_text(edited, encoding="utf-8")
        assert findings(load_spec(spec).data, "3.1.0") == []


@pytest.mark.parametrize(("edit", "replacements", "expected"), EDITS, ids=[e[0] for e in EDITS])
def test_the_report_on_one_edit(
    edit: str,
    replacements: list[tuple[str, str]],
    expected: str,
    base_record: dict[str, object],
    tmp_path: Path,
) -> None:
    edited = BASE
    for old, new in replacements:
        assert old in edited, old
        edited = edited.replace(old, new, 1)
    after = api_record(edited, tmp_path)
    assert report(compare(base_record, after), Path("out")) == expected


def test_types_are_compared_as_annotations() -> None:
    assert _fits("int", "float") and not _fits("float", "int")
    assert _fits("Literal['a']", "str") and _fits("str", "str | None")
    assert _fits("list[int]", "list[float | str]") and not _fits("list[str]", "list[int]")
    assert _fits("dict[str, Order]", "Any") and not _fits("Any", "str")
    assert _fits("Status | str", "str | Status")


def test_generate_and_check_print_the_report_and_fail_on_breaking_changes(
    tmp_path: Path,
) -> None:
    spec = tmp_path / "openapi.yaml"
    out = tmp_path / "out"
    spec.write_text(BASE, encoding="utf-8")
    command = ["generate", str(spec), "-o", str(out)]
    first = run_cli(command)
    assert first.code == 0, first.err
    assert "API changes" not in first.err  # nothing to compare with yet
    assert (out / API_FILE).is_file()
    assert API_FILE in (out / ".openapi-clientgen-files").read_text(encoding="utf-8")

    spec.write_text(BASE.replace("enum: [open, shipped, cancelled]", "enum: [open, shipped]"))
    expected = (
        f"API changes in the client in {out}: 1 breaking, 0 additive\n"
        "  breaking: enum Status: value 'cancelled' removed\n"
    )
    checked = run_cli([*command, "--check"])
    assert checked.code == 1 and expected in checked.err
    failing = run_cli([*command, "--check", "--fail-on-breaking"])
    assert failing.code == 5 and expected in failing.err
    written = run_cli(command)
    assert written.code == 0 and expected in written.err
    again = run_cli([*command, "--check", "--fail-on-breaking"])
    assert again.code == 0 and "API changes" not in again.err

    spec.write_text(BASE.replace("enum: [open, shipped, cancelled]", "enum: [open, shipped, x]"))
    additive = run_cli([*command, "--check", "--fail-on-breaking"])
    assert additive.code == 1  # out of date, but nothing breaks
    assert "additive: enum Status: value 'x' added" in additive.err


def test_fail_on_breaking_needs_check(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(BASE, encoding="utf-8")
    result = run_cli(["generate", str(spec), "-o", str(tmp_path / "out"), "--fail-on-breaking"])
    assert result.code == 2 and "only goes with --check" in result.err
    assert not (tmp_path / "out").exists()


def test_an_unreadable_record_is_no_record(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(BASE, encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli(["generate", str(spec), "-o", str(out)]).code == 0
    (out / API_FILE).write_text("{ not json", encoding="utf-8")
    result = run_cli(["generate", str(spec), "-o", str(out)])
    assert result.code == 0 and "API changes" not in result.err
    shutil.rmtree(out)


def test_the_readme_shows_the_report_as_printed(
    base_record: dict[str, object], tmp_path: Path
) -> None:
    edited = (
        BASE.replace("operationId: cancelOrder", "operationId: deleteOrder")
        .replace("enum: [open, shipped, cancelled]", "enum: [open, shipped]")
        .replace(
            "        - {name: limit, in: query, schema: {type: integer}}\n",
            "        - {name: limit, in: query, schema: {type: integer}}\n"
            "        - {name: offset, in: query, schema: {type: integer}}\n",
        )
    )
    changes = compare(base_record, api_record(edited, tmp_path))
    assert report(changes, Path("generated")) == readme_block("api-changes")
