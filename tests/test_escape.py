import ast

from hypothesis import given
from hypothesis import strategies as st

from generator.escape import docstring_body, python_literal, regex_literal

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
HOSTILE = st.lists(
    st.sampled_from([*"\"'\\{}%#\n\r\t\x00\u2028 abc", '"""', "{{", "}}", "{%"]),
    max_size=20,
).map("".join)


@given(json_values)
def test_literal_evaluates_to_the_same_value(value: object) -> None:
    assert ast.literal_eval(python_literal(value)) == value


@given(st.text() | HOSTILE)
def test_docstring_shows_the_text_and_runs_nothing(text: str) -> None:
    source = f'def f():\n    """{docstring_body(text)}"""\n'
    tree = ast.parse(source)
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    assert len(function.body) == 1  # only the docstring: nothing else became code
    namespace: dict[str, object] = {}
    exec(compile(tree, "<test>", "exec"), namespace)
    doc = namespace["f"].__doc__  # type: ignore[attr-defined]
    assert " ".join(doc.split()) == " ".join(text.replace("\t", "    ").split()) or not text.strip()


@given(st.text(max_size=40))
def test_regex_literal_is_exact(pattern: str) -> None:
    assert ast.literal_eval(regex_literal(pattern)) == pattern


def test_strings_are_written_as_black_writes_them() -> None:
    from black import format_str

    from generator.formatting import black_mode

    for text in (
        "word " * 30,
        'say "hi"',
        "it's",
        'both \' and ""',
        "tab\tnew\nline",
        "\x1b\u202e",
    ):
        literal = python_literal(text)
        assert ast.literal_eval(literal) == text
        assert format_str(f"x = {literal}\n", mode=black_mode()) == f"x = {literal}\n", literal
    assert python_literal("word " * 30).count('"') == 2  # one literal: black never splits strings
