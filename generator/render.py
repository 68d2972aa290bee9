"""Stage 4: render the templates with the intermediate model.

One template per kind of output file. Templates see only the `ir.Api` and
the filters below; every filter that prints document text escapes it (see
`generator.escape`), and printing document text without one is an error.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
from collections.abc import Iterable, Iterator
from pathlib import Path

import jinja2

from . import ir
from .cache import DISABLED, Cache
from .escape import (
    comment,
    docstring_body,
    markdown,
    python_literal,
    refuse_unescaped,
    regex_literal,
)
from .formatting import fits
from .fragments import Fragments
from .naming import ERROR_NAMES, constant_name
from .patterns import CharacterRule, character_rule
from .progress import SILENT, Progress
from .schemas import with_default

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
# Compiled templates, kept beside them as Python keeps a module's bytecode beside it.
COMPILED_TEMPLATES = TEMPLATES / "__pycache__"

# (template, output path); `{package}` is the package name.
OUTPUTS = (
    ("project/pyproject.toml.jinja", "pyproject.toml"),
    ("project/README.md.jinja", "README.md"),
    ("package/__init__.py.jinja", "{package}/__init__.py"),
    ("package/_base_client.py.jinja", "{package}/_base_client.py"),
    ("package/_checks.py.jinja", "{package}/_checks.py"),
    ("package/_client.py.jinja", "{package}/_client.py"),
    ("package/_decode.py.jinja", "{package}/_decode.py"),
    ("package/_encode.py.jinja", "{package}/_encode.py"),
    ("package/_operations.py.jinja", "{package}/_operations.py"),
    ("package/_responses.py.jinja", "{package}/_responses.py"),
    ("package/_types.py.jinja", "{package}/_types.py"),
    ("package/errors.py.jinja", "{package}/errors.py"),
    ("package/models.py.jinja", "{package}/models.py"),
    ("package/py.typed.jinja", "{package}/py.typed"),
)


# Rendered only when there are recordings to test against.
CONTRACT_OUTPUTS = (
    ("tests/conftest.py.jinja", "tests/conftest.py"),
    ("tests/test_contracts.py.jinja", "tests/test_contracts.py"),
    ("tests/test_refusals.py.jinja", "tests/test_refusals.py"),
)


def render(api: ir.Api, *, cache: Cache = DISABLED, progress: Progress = SILENT) -> dict[str, str]:
    """Every output file's path (relative, POSIX) and text.

    Compiled templates are kept between runs (see `InstalledBytecodeCache`), and so
    are the fragments templates render through `cached` (see `generator.fragments`).
    """
    fragments = Fragments(cache, api, TEMPLATES)
    environment = _environment(api, cache, fragments)
    outputs = OUTPUTS + (CONTRACT_OUTPUTS if api.contracts is not None else ())
    if not _constraint_rules(api):  # nothing to check: no module of checks
        outputs = tuple(o for o in outputs if o[0] != "package/_checks.py.jinja")
    files = {}
    for template_name, output in outputs:
        path = output.format(package=api.package_name)
        fragments.path = path
        files[path] = environment.get_template(template_name).render(api=api)
        fragments.save()
        progress.count(len(files), len(outputs), "files")
    return files


class InstalledBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept beside the templates (`COMPILED_TEMPLATES`), so that they
    are compiled once per installation of the generator, as its Python modules are,
    rather than once per cache: compiling them takes some 0.3 to 0.5 s, as long as
    rendering a client of 50,000 lines.

    Only the generator's own templates are compiled, and only someone who can change
    them (or the generator's own bytecode) can write there. Where that folder cannot be
    written (an installation owned by another user), the generator's cache keeps them
    instead (`SignedBytecodeCache`), or nothing does with `--no-cache`.
    """

    def __init__(self, fallback: jinja2.BytecodeCache | None) -> None:
        self.fallback = fallback

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            data = (COMPILED_TEMPLATES / f"{bucket.key}.jinja").read_bytes()
        except OSError:
            data = None
        if data is not None:
            try:  # Jinja checks its own version and the template's, and loads the code
                bucket.bytecode_from_string(data)
            except Exception:  # damaged (written whole, but a disk can fail): compiled anew
                bucket.reset()
        if bucket.code is None and self.fallback is not None:
            self.fallback.load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        target = COMPILED_TEMPLATES / f"{bucket.key}.jinja"
        temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        try:
            COMPILED_TEMPLATES.mkdir(exist_ok=True)
            temporary.write_bytes(bucket.bytecode_to_string())
            os.replace(temporary, target)  # whole, for a run reading it meanwhile
            return
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink()
        if self.fallback is not None:
            self.fallback.dump_bytecode(bucket)


class SignedBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in the generator's cache, so that only signed entries load.

    Jinja's own file cache unpickles whatever it finds in its folder, which runs
    any code a crafted entry holds; here an entry reaches Jinja only when its
    signature is this cache's (see `generator.cache`). Compiling the templates
    costs some 0.3 s a run for the Primotexto client, nearly all of rendering.
    """

    def __init__(self, cache: Cache) -> None:
        self.cache = cache

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        # Jinja's key names the template; the entry holds the checksum of the source it
        # was compiled from, and Jinja's and Python's versions, which Jinja compares.
        data = self.cache.get_bytes("templates", bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.cache.put_bytes("templates", bucket.key, bucket.bytecode_to_string())


def _environment(
    api: ir.Api, cache: Cache = DISABLED, fragments: Fragments | None = None
) -> jinja2.Environment:
    fragments = fragments or Fragments(DISABLED, api, TEMPLATES)
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        bytecode_cache=InstalledBytecodeCache(
            SignedBytecodeCache(cache) if cache.folder is not None else None
        ),
        undefined=jinja2.StrictUndefined,
        finalize=refuse_unescaped,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["cached"] = fragments
    environment.filters.update(
        fits=fits,
        union_operands=_union_operands,
        literal=python_literal,
        regex_literal=regex_literal,
        docstring=_docstring,
        comment=comment,
        markdown=markdown,
        # JSON string escapes are valid TOML basic-string escapes; DEL must be escaped too.
        toml_string=lambda value: json.dumps(str(value), ensure_ascii=False).replace(
            "\x7f", "\\u007f"
        ),
        upper_snake=constant_name,
        needs_encoding=ir.needs_encoding,
        check_argument=ir.check_argument,
        model_kinds=lambda models: ir.type_kinds(
            [f.type for m in models for f in m.fields] + [m.additional_properties for m in models]
        ),
        alias_kinds=lambda aliases: ir.type_kinds(a.type for a in aliases),
        any_constraints=lambda models: any(f.constraints for m in models for f in m.fields)
        or any(m.constraints or m.additional_constraints for m in models),
        operation_kinds=lambda operations: ir.type_kinds(_operation_types(operations)),
        operation_models=_operation_models,
        exported_model_names=lambda api: sorted(
            [m.name for m in api.models]
            + [e.name for e in api.enums]
            + [a.name for a in api.aliases],
            key=_isort_key,
        ),
        public_names=_public_names,
        error_names=lambda api: sorted([api.error_base_name, *ERROR_NAMES], key=_isort_key),
        by_tag=_by_tag,
        readme_case=_readme_case,
        shell_word=shlex.quote,
        credential_conditions=_credential_conditions,
        model_named=fragments.model,
        field_documentation=lambda f: (
            with_default(f.description, f.default) if f.has_default else f.description
        ),
        enum_member=lambda t, value: _enum_member(fragments.enum(t.name), value),
        first_member=lambda t: fragments.enum(t.name).members[0].name,
        enum_values=lambda t: [m.value for m in fragments.enum(t.name).members],
        path=_path,
        signature_kinds=lambda operations: ir.type_kinds(_signature_types(operations)),
        signature_models=lambda operations: sorted(
            {
                t.name
                for t in ir.types_within(_signature_types(operations))
                if isinstance(t, ir.ModelType | ir.EnumType)
            },
            key=_isort_key,
        ),
        closed_enum_arguments=lambda operations: any(
            isinstance(t, ir.EnumType) and not t.open
            for t in ir.types_within(a.type for op in operations for a in op.arguments)
        ),
        contract_names=lambda contracts: _contract_names(api, contracts),
        refusal_names=lambda contracts: _refusal_names(api, contracts),
        constraint_rules=_constraint_rules,
        character_rules=_character_rules,
        table_cell=lambda text: markdown(text).replace("|", "\\|").replace("\n", " "),
    )
    return environment


def _union_operands(annotation: str) -> list[str]:
    """The operands of an annotation's top-level union (`A | list[B | C]`: `A`, `list[B | C]`);
    one, the annotation itself, when it is not a union."""
    operands = []
    depth = 0
    quote = ""
    escaped = False
    start = 0
    for index, char in enumerate(annotation):
        if quote:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "|" and depth == 0:
            operands.append(annotation[start:index].strip())
            start = index + 1
    operands.append(annotation[start:].strip())
    return operands


def _docstring(text: str, indent: int = 4, first: int | None = None) -> str:
    return docstring_body(text, indent=indent, first=first)


_PATH = re.compile(r"(?:[A-Za-z_][A-Za-z0-9_]*|\.|\[\{(?:index|key)[0-9]+(?:!r)?\}\]|\{path\})+")


def _path(template: str) -> str:
    """The expression naming a value in errors: `"sender"`, or an f-string such as
    `f"{path}.contacts[{index0}]"` whose holes are the encoding's own variables."""
    if not _PATH.fullmatch(template):
        raise ValueError(f"not a path of Python names: {template!r}")
    return f'f"{template}"' if "{" in template else f'"{template}"'


def _signature_types(operations: Iterable[ir.Operation]) -> list[ir.TypeRef]:
    """The types the client methods' signatures show: arguments and results."""
    types: list[ir.TypeRef] = []
    for op in operations:
        types.extend(a.type for a in op.arguments)
        if op.return_type is not None:
            types.append(op.return_type)
    return types


def _operation_types(operations: Iterable[ir.Operation]) -> list[ir.TypeRef]:
    types: list[ir.TypeRef] = []
    for op in operations:
        types.extend(a.type for a in op.arguments)
        types.extend(r.type for r in op.responses if r.type is not None)
        if op.body is not None and op.body.flattened:
            types.extend(f.type for f in op.body.fields)
    return types


def _named(types: Iterable[ir.TypeRef]) -> set[str]:
    """The models and enums `types` refer to, those a discriminator maps to included."""
    names: set[str] = set()
    for t in ir.types_within(types):
        if isinstance(t, ir.ModelType | ir.EnumType):
            names.add(t.name)
        elif isinstance(t, ir.UnionType) and t.discriminator is not None:
            names.update(name for _, name in t.discriminator.mapping)
    return names


def _operation_models(operations: Iterable[ir.Operation]) -> list[str]:
    return sorted(_named(_operation_types(operations)), key=_isort_key)


def _constraints(api: ir.Api) -> Iterator[ir.Constraint]:
    """Every constraint the client checks somewhere, nested ones included."""
    yield from ir.every_constraint(_outer_constraints(api))


def _outer_constraints(api: ir.Api) -> Iterator[ir.Constraint]:
    for m in api.models:
        for f in m.fields:
            yield from f.constraints
        yield from m.constraints
        yield from m.additional_constraints
    for op in api.operations:
        for p in op.parameters:
            yield from p.constraints
        for body in [v.body for v in op.body_variants] or ([op.body] if op.body else []):
            for f in body.fields:
                yield from f.constraints
            yield from body.constraints


def _constraint_rules(api: ir.Api) -> set[str]:
    """Every constraint keyword the client checks somewhere: `_checks` defines just these."""
    return {c.rule for c in _constraints(api)}


def _character_rules(api: ir.Api) -> list[tuple[str, CharacterRule]]:
    """Each pattern the client checks that `_checks` can explain in words, by regex."""
    patterns = sorted({str(c.value) for c in _constraints(api) if c.rule == "pattern"})
    found = [(pattern, character_rule(pattern)) for pattern in patterns]
    return [(pattern, rule) for pattern, rule in found if rule is not None]


def _enum_member(enum: ir.Enum, value: object) -> str | None:
    return next((m.name for m in enum.members if m.value == value), None)


def _contract_names(api: ir.Api, contracts: ir.Contracts) -> dict[str, list[str]]:
    """What the contract test module imports: from the package, from datetime, and pytest."""
    used = _TestNames(api)
    for case in contracts.cases:
        if case.error_class:
            used.package.add(case.error_class)
        elif case.expected_type is not None:
            used.value(case.expected_type, case.expected_body)
        for argument in case.arguments:
            used.argument(argument)
    return used.result(pytest=any(c.error_class for c in contracts.cases))


def _refusal_names(api: ir.Api, contracts: ir.Contracts) -> dict[str, list[str]]:
    used = _TestNames(api)
    used.package.add("RequestValidationError")
    for case in contracts.refusals:
        for argument in case.arguments:
            used.argument(argument)
    return used.result(pytest=True)


class _TestNames:
    """Names a generated test needs, found by walking values with their types exactly as
    the `typed_value` and `argument_value` macros render them."""

    def __init__(self, api: ir.Api) -> None:
        self.models = {m.name: m for m in api.models}
        self.enums = {e.name: e for e in api.enums}
        self.package = {"Client"}
        self.datetime: set[str] = set()

    def argument(self, argument: ir.CallArgument) -> None:
        t = argument.type
        if not isinstance(t.inner if isinstance(t, ir.NullableType) else t, ir.UnixTimeType):
            self.value(t, argument.value)

    def value(self, t: ir.TypeRef, value: object) -> None:
        if value is None:
            return
        if isinstance(t, ir.NullableType):
            self.value(t.inner, value)
        elif isinstance(t, ir.ModelType) and isinstance(value, dict):
            self.package.add(t.name)
            for field in self.models[t.name].fields:
                if field.wire_name in value:
                    self.value(field.type, value[field.wire_name])
        elif isinstance(t, ir.ArrayType) and isinstance(value, list):
            for item in value:
                self.value(t.item, item)
        elif isinstance(t, ir.TupleType) and isinstance(value, list):
            for index, item in enumerate(value):
                position = t.items[index] if index < len(t.items) else t.rest
                if position is not None:
                    self.value(position, item)
        elif isinstance(t, ir.MapType) and isinstance(value, dict):
            for item in value.values():
                self.value(t.value, item)
        elif isinstance(t, ir.EnumType) and _enum_member(self.enums[t.name], value):
            self.package.add(t.name)
        elif isinstance(t, ir.UnixTimeType):
            self.datetime.update(("datetime", "timezone"))
        elif isinstance(t, ir.DateTimeType):
            self.datetime.add("datetime")
        elif isinstance(t, ir.DateType):
            self.datetime.add("date")

    def result(self, *, pytest: bool) -> dict[str, list[str]]:
        return {
            "package": sorted(self.package, key=_isort_key),
            "datetime": sorted(self.datetime),
            "pytest": ["pytest"] if pytest else [],
        }


def _credential_conditions(api: ir.Api) -> list[str]:
    conditions = []
    if api.uses_api_key:
        conditions.append("settings.api_key is not None")
    if api.uses_bearer:
        conditions.append("settings.token is not None")
    if api.uses_basic:
        basic = "settings.username is not None and settings.password is not None"
        # Parenthesised only beside another condition (black drops redundant parentheses).
        conditions.append(f"({basic})" if conditions else basic)
    return conditions


_PLAIN_KINDS = frozenset({"scalar", "unixtime", "literal", "any", "nullable", "array", "map"})


def _readme_case(
    api: ir.Api, operation: ir.Operation | None = None, *, error: bool = False
) -> ir.ContractCase | None:
    """A recorded call for the README, which runs against the fixture server: the first
    of `operation` (or of any) that succeeds (or fails, with `error`), with arguments
    written as plain values (no model or enum to import)."""
    if api.contracts is None:
        return None
    for op in api.operations if operation is None else (operation,):
        for case in api.contracts.cases:
            if case.operation.name != op.name or (case.error_class is not None) != error:
                continue
            if case.status in (401, 403, 407):
                continue  # the credentials' doing, not the arguments'
            if all(t.kind in _PLAIN_KINDS for t in ir.types_within(a.type for a in case.arguments)):
                return case
    return None


def _by_tag(operations: tuple[ir.Operation, ...]) -> list[tuple[str, list[ir.Operation]]]:
    """Operations grouped by their first tag, in the order tags first appear."""
    groups: dict[str, list[ir.Operation]] = {}
    for op in operations:
        groups.setdefault(op.tags[0] if op.tags else "Other", []).append(op)
    return list(groups.items())


def _public_names(api: ir.Api) -> list[str]:
    names = [
        "Client",
        "AsyncClient",
        "RawResponseClient",
        "AsyncRawResponseClient",
        "ApiResponse",
        "NOT_GIVEN",
        "NotGiven",
        api.error_base_name,
        *ERROR_NAMES,
    ]
    names.extend(m.name for m in api.models)
    names.extend(e.name for e in api.enums)
    names.extend(a.name for a in api.aliases)
    # RUF022's order: by casing first, then naturally and case-sensitively.
    return sorted(names, key=lambda name: (_casing(name), _natural(name)))


def _isort_key(name: str) -> tuple[int, list[int | str], str]:
    """The order ruff's isort uses: CONSTANTS, then Classes, then the rest; case ignored,
    numbers compared as numbers (`M1` before `M123abc`)."""
    return (_casing(name), _natural(name.lower()), name)


def _casing(name: str) -> int:
    # A one-letter capital is a class to isort, not a constant.
    return 0 if len(name) > 1 and name.isupper() else 1 if name[:1].isupper() else 2


def _natural(text: str) -> list[int | str]:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]
