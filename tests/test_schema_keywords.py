"""Every JSON Schema and OpenAPI keyword: typed and checked, or reported where it is.

One document per family of keywords (`tests/keyword_documents/`) is generated,
imported and used; warnings are checked at their exact place. These tests back
the rows of the README's "Supported keywords" table, which names them, and a
last test checks that the table lists every keyword of the generator's own
decision table (`generator.schemas.keywords`).
"""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from generator import write
from generator.errors import Problem
from generator.pipeline import generate
from generator.schemas import keywords

from .conftest import ROOT, run_cli

DOCUMENTS = ROOT / "tests" / "keyword_documents"
FAMILIES = (
    "scalars",
    "arrays",
    "objects",
    "enums",
    "composition",
    "references-3.1",
    "references-3.0",
    "annotations",
)


@dataclass
class Generated:
    package: ModuleType
    models: Any
    warnings: list[Problem]
    folder: Path

    def warned(self, pointer: str, fragment: str) -> bool:
        return any(w.location.pointer == pointer and fragment in w.message for w in self.warnings)

    def client(self, handler: Callable[[httpx.Request], httpx.Response]) -> Any:
        http = httpx.Client(transport=httpx.MockTransport(handler))
        return self.package.Client(base_url="https://api.example", http_client=http, max_retries=0)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Generated]:
    folder = tmp_path_factory.mktemp("keywords")
    found = {}
    for family in FAMILIES:
        package = "kw_" + re.sub(r"\W", "_", family)
        result = generate(
            DOCUMENTS / f"{family}.yaml", folder, package_name=package, formatter="ruff"
        )
        write.apply(folder / package, write.plan(folder / package, result.files))
        sys.path.insert(0, str(folder / package))
        try:
            module = importlib.import_module(package)
            models = importlib.import_module(f"{package}.models")
        finally:
            sys.path.remove(str(folder / package))
        found[family] = Generated(module, models, result.warnings, folder / package)
    return found


def errors_of(generated: Generated) -> Any:
    return importlib.import_module(generated.package.__name__ + ".errors")


def refused(generated: Generated, call: Callable[[], object]) -> tuple[str, str]:
    """The (field, rule) a call is refused with before anything is sent."""
    with pytest.raises(errors_of(generated).RequestValidationError) as caught:
        call()
    return caught.value.field, caught.value.rule


def decode_error(generated: Generated) -> type[Exception]:
    module = importlib.import_module(generated.package.__name__ + "._decode")
    return module.DecodeError  # type: ignore[no-any-return]


# ------------------------------------------------------------------ strings and numbers


def test_string_and_number_rules_are_checked_before_sending(built: dict[str, Generated]) -> None:
    g = built["scalars"]
    Measure = g.models.Measure
    assert refused(g, lambda: Measure(count=3).to_json()) == ("Measure.count", "multipleOf")
    assert refused(g, lambda: Measure(count=10).to_json()) == ("Measure.count", "exclusiveMaximum")
    assert refused(g, lambda: Measure(count=-2).to_json()) == ("Measure.count", "minimum")
    assert refused(g, lambda: Measure(count=2, ratio=0.0).to_json())[1] == "exclusiveMinimum"
    assert refused(g, lambda: Measure(count=2, ratio=1.5).to_json())[1] == "maximum"
    assert refused(g, lambda: Measure(count=2, code="A").to_json())[1] == "minLength"
    assert refused(g, lambda: Measure(count=2, code="ABCDE").to_json())[1] == "maxLength"
    assert refused(g, lambda: Measure(count=2, code="ab").to_json())[1] == "pattern"
    # `\d` is ASCII digits, as in ECMA-262.
    assert refused(g, lambda: Measure(count=2, code="AB٣").to_json())[1] == "pattern"
    assert Measure(count=4, ratio=1, code="AB1").to_json() == {
        "count": 4,
        "ratio": 1,
        "code": "AB1",
    }


def test_keywords_on_the_wrong_type_are_ignored_with_a_warning(
    built: dict[str, Generated],
) -> None:
    g = built["scalars"]
    parameters = "/paths/~1items/get/parameters"
    for index, rule, kind in [
        (0, "uniqueItems", "an integer"),
        (0, "maxLength", "an integer"),
        (1, "uniqueItems", "a string"),
        (1, "minimum", "a string"),
        (2, "uniqueItems", "a boolean"),
        (2, "maxItems", "a boolean"),
    ]:
        assert g.warned(f"{parameters}/{index}/schema/{rule}", f"this value is {kind}: ignored")
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=[{"count": 2}])

    with g.client(answer) as client:
        # Kubernetes' `limit=10` and `labelSelector="app=web"`: neither refused nor crashing.
        result = client.list_items(limit=10, label_selector="app=web", watch=True)
        assert refused(g, lambda: client.list_items(label_selector="APP"))[1] == "pattern"
        assert refused(g, lambda: client.list_items(limit=0))[1] == "minimum"
    assert [m.count for m in result] == [2]
    assert seen[0].url.params["labelSelector"] == "app=web"
    flag = "/components/schemas/Measure/properties/flag"
    assert g.warned(flag + "/minimum", "this value is a boolean: ignored")
    assert g.models.Measure(count=0, flag=False).to_json() == {"count": 0, "flag": False}


def test_rules_of_a_union_of_types_apply_to_their_own_type(built: dict[str, Generated]) -> None:
    g = built["scalars"]
    Measure = g.models.Measure
    assert refused(g, lambda: Measure(count=0, either="abcd").to_json())[1] == "maxLength"
    assert refused(g, lambda: Measure(count=0, either=3).to_json())[1] == "minimum"
    assert Measure(count=0, either="abc").to_json()["either"] == "abc"
    assert Measure(count=0, either=7).to_json()["either"] == 7
    # Options of one type: a value passes the rules of one of them.
    assert Measure(count=0, ambiguous="zz").to_json()["ambiguous"] == "zz"
    assert Measure(count=0, ambiguous="abc").to_json()["ambiguous"] == "abc"
    assert refused(g, lambda: Measure(count=0, ambiguous="zzz").to_json()) == (
        "Measure.ambiguous",
        "oneOf",
    )


def test_exclusive_bounds_written_as_openapi_30_flags(built: dict[str, Generated]) -> None:
    g = built["references-3.0"]
    Paint = g.models.Paint
    assert refused(g, lambda: Paint(above=0).to_json()) == ("Paint.above", "exclusiveMinimum")
    assert Paint(above=0.5).to_json() == {"above": 0.5}


# ------------------------------------------------------------------ arrays


def test_items_and_their_own_rules(built: dict[str, Generated]) -> None:
    g = built["arrays"]
    Shapes = g.models.Shapes
    assert refused(g, lambda: Shapes(tags=[]).to_json()) == ("Shapes.tags", "minItems")
    assert refused(g, lambda: Shapes(tags=["a"] * 4).to_json())[1] == "maxItems"
    assert refused(g, lambda: Shapes(tags=["a", "a"]).to_json())[1] == "uniqueItems"
    assert refused(g, lambda: Shapes(tags=["a", "abcd"]).to_json()) == (
        "Shapes.tags[1]",
        "maxLength",
    )
    assert refused(g, lambda: Shapes(grid=[[0], [1, -1]]).to_json()) == (
        "Shapes.grid[1][1]",
        "minimum",
    )
    assert Shapes(tags=["a", "b"], grid=[[1]]).to_json() == {"tags": ["a", "b"], "grid": [[1]]}


def test_prefix_items_are_typed_position_by_position(built: dict[str, Generated]) -> None:
    g = built["arrays"]
    Shapes, Named = g.models.Shapes, g.models.Named
    hints = Shapes.__annotations__
    assert hints["point"] == "tuple[float, float] | None"
    assert hints["head"] == "tuple[Named | str, ...] | None"
    assert hints["short"] == "tuple[()] | tuple[int] | tuple[int, str] | None"
    assert hints["sized"] == "tuple[int] | tuple[int, str] | None"
    assert hints["nothing"] == "tuple[()] | None"
    # The example: a named object first, then strings.
    shapes = Shapes.from_json({"head": [{"name": "a"}, "b"], "point": [1, 2.5], "short": [1]})
    assert shapes.head == (Named(name="a"), "b")
    assert shapes.point == (1.0, 2.5)
    assert shapes.short == (1,)
    assert shapes.to_json() == {"point": [1.0, 2.5], "head": [{"name": "a"}, "b"], "short": [1]}
    DecodeError = decode_error(g)
    with pytest.raises(DecodeError, match=r"\$\.short: expected 0 to 2 items, got 3"):
        Shapes.from_json({"short": [1, "x", 3]})
    with pytest.raises(DecodeError, match=r"\$\.head\[1\]: expected a string"):
        Shapes.from_json({"head": [{"name": "a"}, 2]})
    with pytest.raises(DecodeError, match=r"\$\.point: expected 2 items, got 1"):
        Shapes.from_json({"point": [1]})
    assert refused(g, lambda: Shapes(head=(Named(name="a"), "")).to_json()) == (
        "Shapes.head[1]",
        "minLength",
    )


def test_contains_and_unevaluated_items_are_reported(built: dict[str, Generated]) -> None:
    g = built["arrays"]
    having = "/components/schemas/Shapes/properties/having"
    for keyword in (
        "contains",
        "minContains",
        "maxContains",
        "unevaluatedItems",
        "additionalItems",
    ):
        assert g.warned(f"{having}/{keyword}", f"{keyword} is not supported: ")
    assert g.models.Shapes(having=[2, 3]).to_json() == {"having": [2, 3]}


# ------------------------------------------------------------------ objects


def test_maps_and_their_property_counts(built: dict[str, Generated]) -> None:
    g = built["objects"]
    Tagged = g.models.Tagged
    assert g.models.Labels == dict[str, str]  # a component that is no class: an alias
    assert refused(g, lambda: Tagged(labels={}).to_json()) == ("Tagged.labels", "minProperties")
    assert (
        refused(g, lambda: Tagged(labels=dict.fromkeys("abc", "x")).to_json())[1] == "maxProperties"
    )
    assert refused(g, lambda: Tagged(labels={"a": "toolong"}).to_json()) == (
        "Tagged.labels['a']",
        "maxLength",
    )
    assert Tagged.from_json({"labels": {"a": "x"}}).labels == {"a": "x"}


def test_additional_properties_of_a_model_are_kept_typed(built: dict[str, Generated]) -> None:
    g = built["objects"]
    Open = g.models.Open
    decoded = Open.from_json({"id": "a", "n": 3})
    assert decoded == Open(id="a", additional_properties={"n": 3})
    assert decoded.to_json() == {"id": "a", "n": 3}
    with pytest.raises(decode_error(g), match=r"\$\.n: expected an integer"):
        Open.from_json({"id": "a", "n": "x"})
    assert refused(g, lambda: Open(id="a", additional_properties={"n": -1}).to_json()) == (
        "Open.additional_properties['n']",
        "minimum",
    )
    assert (
        refused(g, lambda: Open(id="a", additional_properties={"id": 1}).to_json())[1]
        == "additionalProperties"
    )
    # Without additionalProperties, or with false: unknown properties are ignored.
    assert g.models.Closed.from_json({"id": "a", "x": 1}).to_json() == {"id": "a"}
    assert g.models.Empty.from_json({}).to_json() == {}


def test_dependent_required_and_property_counts_of_models(built: dict[str, Generated]) -> None:
    g = built["objects"]
    Billing = g.models.Billing
    assert refused(g, lambda: Billing(card="4242").to_json()) == ("Billing", "dependentRequired")
    assert refused(g, lambda: Billing().to_json()) == ("Billing", "minProperties")
    assert Billing(card="4242", address="a", zip_="1").to_json()["card"] == "4242"


def test_alternatives_that_say_which_properties_are_required(built: dict[str, Generated]) -> None:
    g = built["objects"]
    Campaign = g.models.Campaign
    assert refused(g, lambda: Campaign(name="n").to_json()) == ("Campaign", "oneOf")
    assert (
        refused(g, lambda: Campaign(name="n", code_alerts=True, secret_alerts=True).to_json())[1]
        == "oneOf"
    )
    assert Campaign(name="n", code_alerts=True).to_json() == {"name": "n", "code_alerts": True}
    sent: list[bytes] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request.content)
        return httpx.Response(204)

    with g.client(answer) as client:
        assert refused(g, lambda: client.add_files(note="x")) == ("body", "anyOf")
        client.add_files(files=["f"])
    assert json.loads(sent[0]) == {"files": ["f"]}
    check_run = "/components/schemas/CheckRun/anyOf"
    assert g.warned(check_run, "property rules of these anyOf options are not checked")


def test_pattern_properties_and_other_object_keywords_are_reported(
    built: dict[str, Generated],
) -> None:
    g = built["objects"]
    patterned = "/components/schemas/Patterned"
    for keyword in (
        "patternProperties",
        "propertyNames",
        "unevaluatedProperties",
        "dependentSchemas",
        "dependencies",
    ):
        assert g.warned(f"{patterned}/{keyword}", f"{keyword} is not supported")
    decoded = g.models.Patterned.from_json({"id": 1, "x-a": "s"})
    assert decoded.additional_properties == {"x-a": "s"}


def test_read_only_and_write_only_properties(built: dict[str, Generated]) -> None:
    g = built["objects"]
    Writes = g.models.Writes
    # The API never sends a write-only property: a decoded model does without it.
    decoded = Writes.from_json({"login": "a", "created": 1})
    assert decoded.password is None and decoded.created == 1
    assert Writes(login="a", password="p", created=1).to_json()["password"] == "p"


# ------------------------------------------------------------------ enum and const


def test_enum_members_are_named_apart_and_repeats_reported(built: dict[str, Generated]) -> None:
    g = built["enums"]
    Events = g.models.Events
    assert [(m.name, m.value) for m in Events] == [
        ("STAR", "*"),
        ("STAR_2", "star"),
        ("A_B", "a-b"),
        ("A_B_2", "a_b"),
        ("PUSH", "push"),
    ]
    assert g.warned("/components/schemas/Events/enum/5", "'push' is listed twice")
    assert [m.name for m in g.models.Levels] == ["VALUE_MINUS_1", "VALUE_1", "VALUE_2"]


def test_booleans_null_and_mixed_values_are_literals(built: dict[str, Generated]) -> None:
    g = built["enums"]
    Flags = g.models.Flags
    hints = Flags.__annotations__
    assert hints["always"] == "Literal[True]"
    assert hints["never"] == "Literal[False]"
    assert hints["either"] == "bool"
    assert hints["nothing"] == hints["only_null"] == hints["null_const"] == "None"
    assert hints["mixed"] == "Literal['a'] | Literal[1] | Literal[True] | None"
    assert hints["version"] == "Literal[2] | None" and hints["kind"] == "Literal['flag'] | None"
    assert hints["maybe"] == "FlagsMaybe | str | None"  # an enum: undocumented values kept
    flags = Flags.from_json({"always": True, "never": False, "either": True, "nothing": None})
    assert (flags.always, flags.never, flags.nothing) == (True, False, None)
    with pytest.raises(decode_error(g), match=r"\$\.always: expected True, got False"):
        Flags.from_json({"always": False, "never": False, "either": True})
    with pytest.raises(decode_error(g), match=r"\$\.nothing: expected null"):
        Flags.from_json({"always": True, "never": False, "either": True, "nothing": 0})
    with g.client(
        lambda request: httpx.Response(
            200, content=b"null", headers={"content-type": "application/json"}
        )
    ) as client:
        assert client.ping() is None  # a `type: 'null'` answer
    with g.client(lambda request: httpx.Response(200, json=0)) as client:
        errors = errors_of(g)
        with pytest.raises(errors.ResponseValidationError, match="expected null"):
            client.ping()
    wrong = Flags(always=False, never=False, either=True)  # what mypy would refuse
    assert refused(g, lambda: wrong.to_json()) == ("Flags.always", "enum")


def test_values_literal_cannot_spell_are_checked_both_ways(built: dict[str, Generated]) -> None:
    g = built["enums"]
    Flags = g.models.Flags
    base = {"always": True, "never": False, "either": False}
    assert Flags.__annotations__["ratio"] == "float | None"
    assert Flags.__annotations__["origin"] == "dict[str, Any] | None"
    decoded = Flags.from_json(
        {**base, "ratio": 1.5, "origin": {"x": 0, "y": 0}, "pair": [1, "two"]}
    )
    assert (decoded.ratio, decoded.origin, decoded.pair) == (1.5, {"x": 0, "y": 0}, [1, "two"])
    with pytest.raises(decode_error(g), match=r"\$\.ratio: expected 0\.5 or 1\.5"):
        Flags.from_json({**base, "ratio": 0.7})
    with pytest.raises(decode_error(g), match=r"\$\.origin"):
        Flags.from_json({**base, "origin": {"x": 1}})
    assert refused(
        g, lambda: Flags(always=True, never=False, either=False, ratio=0.7).to_json()
    ) == ("Flags.ratio", "enum")
    assert (
        refused(g, lambda: Flags(always=True, never=False, either=False, pair=[1, 2]).to_json())[1]
        == "enum"
    )


# ------------------------------------------------------------------ composition


def test_all_of_objects_become_one_model(built: dict[str, Generated]) -> None:
    g = built["composition"]
    Extended = g.models.Extended
    assert Extended.from_json({"id": 1, "name": "n"}) == Extended(id=1, name="n")
    assert refused(g, lambda: Extended(id=0, name="n").to_json()) == ("Extended.id", "minimum")
    assert refused(g, lambda: Extended(id=1, name="toolong").to_json())[1] == "maxLength"


def test_all_of_other_types_check_every_part(built: dict[str, Generated]) -> None:
    g = built["composition"]
    Uses = g.models.Uses
    assert g.models.Bounded is int
    assert refused(g, lambda: Uses(bounded=15).to_json()) == ("Uses.bounded", "maximum")
    assert refused(g, lambda: Uses(bounded=-5).to_json())[1] == "minimum"
    assert refused(g, lambda: Uses(bounded=3).to_json())[1] == "multipleOf"
    assert Uses(bounded=5).to_json() == {"bounded": 5}


def test_unions_and_discriminators(built: dict[str, Generated]) -> None:
    g = built["composition"]
    Uses, Cat, Dog = g.models.Uses, g.models.Cat, g.models.Dog
    assert Uses.from_json({"pet": {"kind": "dog", "bark": True}}).pet == Dog(kind="dog", bark=True)
    assert Uses.from_json({"pet": {"kind": "cat", "lives": 9}}).pet == Cat(kind="cat", lives=9)
    assert Uses.from_json({"scalar": None}).scalar is None
    assert refused(g, lambda: Uses(scalar="abc").to_json()) == ("Uses.scalar", "maxLength")
    assert refused(g, lambda: Uses(scalar=10).to_json()) == ("Uses.scalar", "maximum")
    assert Uses(scalar=9, pet=Cat(kind="cat", lives=1)).to_json() == {
        "scalar": 9,
        "pet": {"kind": "cat", "lives": 1},
    }


def test_not_and_conditionals_are_reported(built: dict[str, Generated]) -> None:
    g = built["composition"]
    assert g.warned("/components/schemas/Negated/not", "not is not supported: not checked")
    for keyword in ("if", "then", "else"):
        assert g.warned(f"/components/schemas/Conditional/{keyword}", "is not supported")
    assert g.models.Uses(negated="forbidden").to_json() == {"negated": "forbidden"}


# ------------------------------------------------------------------ references


def test_ref_siblings_apply_with_the_ref_in_31(built: dict[str, Generated]) -> None:
    g = built["references-3.1"]
    Paint, Color = g.models.Paint, g.models.Color
    hints = Paint.__annotations__
    assert hints["color"] == "Color | str | None"  # the sibling `type` allows null
    assert Paint.from_json({"color": None, "place": {"x": 1, "label": "l"}}).color is None
    assert Paint.from_json({"color": "red"}).color is Color.RED
    import inspect

    source = inspect.getsource(Paint)
    assert 'The paint\'s color.\n\n    Default: `"red"`.' in source  # description and default
    assert refused(g, lambda: Paint(color=None, code="a").to_json()) == ("Paint.code", "minLength")
    assert refused(g, lambda: Paint(color=None, code="a" * 9).to_json())[1] == "maxLength"
    # Properties beside the reference: one model with both.
    place = type(Paint.from_json({"color": None, "place": {"x": 1, "label": "l"}}).place)
    assert place.from_json({"x": 1, "label": "l"}).to_json() == {"x": 1, "label": "l"}
    with pytest.raises(decode_error(g), match="required field 'label' is missing"):
        place.from_json({"x": 1})
    assert refused(g, lambda: Paint(color=None, local="").to_json()) == ("Paint.local", "minLength")
    assert g.warned(
        "/components/schemas/Paint/properties/loose/type", "does not fit the referenced"
    )


def test_ref_siblings_are_ignored_in_30(built: dict[str, Generated]) -> None:
    g = built["references-3.0"]
    Paint = g.models.Paint
    assert g.warned(
        "/components/schemas/Paint/properties/code",
        "OpenAPI 3.0 ignores keywords beside a $ref (nullable, minLength)",
    )
    assert Paint.__annotations__["code"] == "str | None"
    # `nullable`, where it belongs (beside `type`), is honoured.
    assert Paint.__annotations__["maybe"] == "str | None"
    assert Paint.from_json({"maybe": None}).maybe is None
    assert Paint(code="a").to_json() == {"code": "a"}
    assert refused(g, lambda: Paint(code="a" * 9).to_json())[1] == "maxLength"


# ------------------------------------------------------------------ annotations and the document


def test_defaults_and_deprecation_are_documented(built: dict[str, Generated]) -> None:
    g = built["annotations"]
    import inspect

    source = inspect.getsource(g.models.Report)
    assert 'The file format.\n\n    Default: `"pdf"`.' in source
    assert "Use bytes.\n\n    Deprecated." in source
    documented = " ".join((inspect.getdoc(g.package.Client.list_reports) or "").split())
    assert "page_size: How many per page. Left out, the API uses its default, `20`." in documented
    # A default is what the API assumes when the value is left out: it is not sent.
    assert g.models.Report(id=1).to_json() == {"id": 1}


def test_content_and_core_keywords_are_reported(built: dict[str, Generated]) -> None:
    g = built["annotations"]
    report = "/components/schemas/Report"
    for where, keyword in [
        ("payload", "contentEncoding"),
        ("payload", "contentMediaType"),
        ("parsed", "contentSchema"),
        ("identified", "$id"),
        ("anchored", "$anchor"),
        ("tree", "$dynamicRef"),
        ("old", "$recursiveRef"),
        ("old", "$recursiveAnchor"),
        ("node", "$dynamicAnchor"),
        ("foreign", "$schema"),
        ("vocabulary", "$vocabulary"),
    ]:
        assert g.warned(f"{report}/properties/{where}/{keyword}", f"{keyword} is not supported")
    # Annotations are documentation: no warning for any of them.
    quiet = (
        "$schema",
        "$comment",
        "title",
        "examples",
        "readOnly",
        "example",
        "externalDocs",
        "xml",
    )
    assert not [
        w
        for w in g.warnings
        if w.location.pointer.rsplit("/", 1)[-1] in quiet and "foreign" not in w.location.pointer
    ]


def test_webhooks_callbacks_and_dialects_are_reported(built: dict[str, Generated]) -> None:
    g = built["annotations"]
    assert g.warned("/webhooks", "webhooks (newReport) are requests the API sends to you")
    assert g.warned("/paths/~1reports/post/callbacks", "callbacks (onReport) are requests")
    assert g.warned("/jsonSchemaDialect", "schemas are read as OpenAPI 3.1's own dialect")


def test_every_component_schema_can_be_imported(built: dict[str, Generated]) -> None:
    composition, objects = built["composition"], built["objects"]
    # Classes for objects and enums; aliases for the rest, exported by the package.
    assert composition.package.Scalar == str | int | None
    assert composition.package.Pet == composition.models.Cat | composition.models.Dog
    assert objects.package.Labels == dict[str, str]
    assert "Labels" in objects.package.__all__


# ------------------------------------------------------------------ lenient mode

BROKEN = DOCUMENTS / "broken"


@pytest.mark.parametrize(
    ("document", "places", "kept", "skipped"),
    [
        (
            "dangling-unused.yaml",
            {
                "/components/schemas/Unused/properties/lost/$ref": (
                    "points at nothing; skipped: schema 'Unused'"
                )
            },
            ["get_good"],
            [],
        ),
        (
            "cycle-unused.yaml",
            {
                "/components/schemas/Ping/$ref": (
                    "$ref cycle: #/components/schemas/Ping → #/components/schemas/Pong → back;"
                    " it names no schema; skipped: schema 'Ping', schema 'Pong'"
                )
            },
            ["get_good"],
            [],
        ),
        (
            "missing-body.yaml",
            {
                "/paths/~1upload/post/requestBody/$ref": (
                    "'#/components/requestBodies/Missing' points at nothing;"
                    " skipped: operation upload"
                ),
                "/components/schemas/Upload/properties/owner/$ref": (
                    "points at nothing; skipped: operation listUploads, schema 'Uploads',"
                    " schema 'Upload'"
                ),
            },
            ["get_good"],
            ["upload", "list_uploads"],
        ),
    ],
)
def test_lenient_skips_exactly_what_depends_on_a_broken_reference(
    tmp_path: Path, document: str, places: dict[str, str], kept: list[str], skipped: list[str]
) -> None:
    out = tmp_path / "out"
    result = run_cli(
        ["generate", str(BROKEN / document), "-o", str(out), "--lenient", "--no-cache"]
    )
    assert result.code == 0, result.err
    lines = [
        line for line in result.err.splitlines() if ": warning: " in line or ": error: " in line
    ]
    assert len(lines) == len(places), result.err  # one line per broken place, nothing else
    for pointer, message in places.items():
        assert any(f": {pointer}: warning: " in line and message in line for line in lines), (
            pointer,
            result.err,
        )
    client = (out / "broken" / "_client.py").read_text(encoding="utf-8")
    for name in kept:
        assert f"def {name}(" in client or f"{name} = _sync(" in client
    for name in skipped:
        assert f"{name} = _sync(" not in client and f"def {name}(" not in client
    # Strictly, the same places are errors and nothing is written.
    strict = run_cli(
        ["generate", str(BROKEN / document), "-o", str(tmp_path / "strict"), "--no-cache"]
    )
    assert strict.code == 2
    assert {p for p in places if f": {p}: error: " in strict.err} == set(places), strict.err
    assert not (tmp_path / "strict").exists()


# ------------------------------------------------------------------ the generated code


def test_generated_clients_pass_mypy_strict_and_ruff(built: dict[str, Generated]) -> None:
    folders = [g.folder for g in built.values()]
    for folder in folders:
        result = subprocess.run(
            [sys.executable, "-m", "ruff", "check", "--no-cache", "."],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout[-3000:]
    packages = [str(folder / folder.name) for folder in folders]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *packages],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]


# ------------------------------------------------------------------ the README's table


def _readme_rows() -> list[tuple[list[str], str, list[str]]]:
    """(keywords, handling, tests) of each row of the README's "Supported keywords" table."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### Supported keywords", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        if len(cells) != 4 or not cells[0].startswith("`"):
            continue
        names = re.findall(r"`([^`]+)`", cells[0])
        tests = re.findall(r"`(test_\w+)`", cells[3])
        rows.append((names, cells[1], tests))
    return rows


def test_the_readme_table_lists_every_keyword_with_a_test() -> None:
    rows = _readme_rows()
    listed = [name for names, _, _ in rows for name in names]
    assert sorted(listed) == sorted(keywords.KEYWORDS), "README and keywords.KEYWORDS differ"
    defined = {
        match
        for module in (ROOT / "tests").glob("test_*.py")
        for match in re.findall(r"^def (test_\w+)\(", module.read_text(encoding="utf-8"), re.M)
    }
    for names, handling, tests in rows:
        for name in names:
            assert keywords.KEYWORDS[name].handling == handling, (name, handling)
        assert tests, f"no test named for {names}"
        for test in tests:
            assert test in defined, f"{test} (for {names}) does not exist"
