import keyword

from hypothesis import given
from hypothesis import strategies as st

from generator.naming import Namespace, class_name, constant_name, snake_case, value_name


def test_camel_case_becomes_snake_case() -> None:
    assert snake_case("campaignName") == "campaign_name"
    assert snake_case("HTTPResponseCode") == "http_response_code"
    assert snake_case("x-rate-limit") == "x_rate_limit"


def test_keywords_digits_and_shadowed_builtins_are_made_safe() -> None:
    assert value_name("class") == "class_"
    assert value_name("from") == "from_"
    assert value_name("2fa") == "n_2fa"
    assert value_name("self") == "self_"
    assert value_name("type") == "type_"
    assert value_name("id") == "id"  # harmless: generated bodies never call id()


def test_twilio_range_filters_stay_distinct() -> None:
    names = [value_name(n) for n in ("DateSent", "DateSent<", "DateSent>")]
    assert names == ["date_sent", "date_sent_lt", "date_sent_gt"]


def test_unicode_is_transliterated_or_spelled_out() -> None:
    assert value_name("café") == "cafe"
    assert value_name("名前").isidentifier()


def test_class_names_avoid_reserved_names() -> None:
    assert class_name("client") == "ClientModel"
    assert class_name("any") == "AnyModel"
    assert class_name("pet-store") == "PetStore"


def test_namespace_gives_stable_unique_names() -> None:
    names = Namespace({"options"})
    assert [names.claim(n) for n in ("a", "a", "options", "a")] == ["a", "a_2", "options_2", "a_3"]


@given(st.text(max_size=30))
def test_any_text_gives_a_valid_identifier(text: str) -> None:
    for name in (value_name(text), class_name(text), constant_name(text)):
        assert name.isidentifier()
        assert not keyword.iskeyword(name)
        assert name.isascii()
