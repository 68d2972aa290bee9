"""Every Python block of the READMEs runs, as written, against the recorded fixture server.

The READMEs checked: the project's `README.md`, the generated `generated/README.md`,
and the README generated for another document (a small notes API written below,
with recordings of its own) into a folder of another name.

How a README's blocks are run (the convention a README writer follows):

- every fenced block opened by a line "```python" runs, in the order of the file,
  each in a fresh namespace, in this process, with the generated package importable;
- a block whose fence is directly preceded by the line
  `<!-- continues the previous block -->` runs in the namespace the previous block
  left, so that it can use its names;
- a block may `await` at its top level (`async with ...`, as in an asyncio REPL or
  a notebook): it then runs inside an event loop;
- the client finds its credential and base URL in the environment variables the
  generated README names (`<PACKAGE>_API_KEY`, `<PACKAGE>_TOKEN`, ...,
  `<PACKAGE>_BASE_URL`), which point at a fixture server the test starts, and the
  fixture server's usual address, `http://127.0.0.1:8080`, written in a block, is
  that server's;
- no request of any block may get the fixture server's own answer (a
  problem+json document: no recording matches, or the description refuses the
  request): a README example that only works by catching that would prove nothing;
  except in a block whose fence is directly preceded by the line
  `<!-- shows the fixture server's own answers -->`, which must get at least one
  (it shows what such an answer looks like).
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import inspect
import io
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator import write
from generator.fixture_server import FixtureServer
from generator.load import load_document
from generator.model import build_api
from generator.pipeline import generate

from .conftest import ROOT, SPEC

CONTINUES = "<!-- continues the previous block -->"
SHOWS_OWN_ANSWERS = "<!-- shows the fixture server's own answers -->"
USUAL_ADDRESS = "http://127.0.0.1:8080"
_FENCE = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.DOTALL | re.MULTILINE)


@dataclass(frozen=True)
class Block:
    readme: str
    line: int
    source: str
    continues: bool
    shows_own_answers: bool = False


def python_blocks(readme: Path) -> list[Block]:
    text = readme.read_text(encoding="utf-8")
    blocks = []
    for match in _FENCE.finditer(text):
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        line = text.count("\n", 0, match.start()) + 2  # the block's first line
        marker = before.strip()
        blocks.append(
            Block(
                readme.name,
                line,
                match.group(1),
                continues=marker == CONTINUES,
                shows_own_answers=marker == SHOWS_OWN_ANSWERS,
            )
        )
    return blocks


@dataclass
class Run:
    outputs: list[str] = field(default_factory=list)
    """What each block printed."""
    problems: list[str] = field(default_factory=list)
    """Requests the fixture server answered itself (no recording matched, ...)."""


@contextlib.contextmanager
def watching_answers(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Notes every answer of the fixture server's own, whoever sent the request."""
    problems: list[str] = []

    def note(request: httpx.Request, response: httpx.Response) -> None:
        if response.headers.get("content-type", "").startswith("application/problem+json"):
            problems.append(f"{request.method} {request.url.path}: {response.status_code}")

    send, send_async = httpx.Client.send, httpx.AsyncClient.send

    def watched(self: httpx.Client, request: httpx.Request, **options: Any) -> httpx.Response:
        response = send(self, request, **options)
        note(request, response)
        return response

    async def watched_async(
        self: httpx.AsyncClient, request: httpx.Request, **options: Any
    ) -> httpx.Response:
        response = await send_async(self, request, **options)
        note(request, response)
        return response

    monkeypatch.setattr(httpx.Client, "send", watched)
    monkeypatch.setattr(httpx.AsyncClient, "send", watched_async)
    yield problems


def run_readme(
    readme: Path,
    spec: Path,
    recordings: Path,
    package: str,
    monkeypatch: pytest.MonkeyPatch,
) -> Run:
    """Runs every Python block of `readme` with the client `package` of `spec` pointed at a
    fixture server replaying `recordings`."""
    blocks = python_blocks(readme)
    assert blocks, f"{readme.name} has no Python block"
    api, _ = build_api(load_document(spec), package)
    run = Run()
    with (
        FixtureServer(spec, recordings) as server,
        watching_answers(monkeypatch) as problems,
    ):
        for name, value in credentials(api.env_prefix, api).items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv(f"{api.env_prefix}_BASE_URL", server.base_url)
        origin = server.base_url.removesuffix(server.base_path)
        namespace: dict[str, Any] = {}
        for block in blocks:
            if not block.continues:
                namespace = {"__name__": "__main__"}
            source = block.source.replace(USUAL_ADDRESS, origin)
            before = len(problems)
            run.outputs.append(execute(block, source, namespace))
            if block.shows_own_answers:
                where = f"{block.readme}, block at line {block.line}"
                assert len(problems) > before, f"{where} shows none of the server's own answers"
                del problems[before:]
        run.problems = problems
    return run


def credentials(prefix: str, api: Any) -> dict[str, str]:
    """A made-up credential in each environment variable the client reads for `api`."""
    found = {}
    if api.uses_api_key:
        found[f"{prefix}_API_KEY"] = "readme-example-key"
    if api.uses_bearer:
        found[f"{prefix}_TOKEN"] = "readme-example-token"
    if api.uses_basic:
        found[f"{prefix}_USERNAME"] = "readme"
        found[f"{prefix}_PASSWORD"] = "readme-example-password"
    return found


def execute(block: Block, source: str, namespace: dict[str, Any]) -> str:
    """Runs one block in `namespace`, inside an event loop if it awaits; what it printed."""
    printed = io.StringIO()
    where = f"{block.readme}, block at line {block.line}"
    try:
        code = compile(source, where, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        with contextlib.redirect_stdout(printed):
            result = eval(code, namespace)  # runs the block; a coroutine if it awaits
            if inspect.iscoroutine(result):
                asyncio.run(result)
    except BaseException as error:
        raise AssertionError(f"{where} failed:\n{source}") from error
    return printed.getvalue()


# ---------------------------------------------------------------- the convention itself


def test_blocks_are_found_with_their_lines_and_continuations(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "# T\n\n```python\nx = 1\n```\n\n```sh\nls\n```\n\n"
        f"{CONTINUES}\n```python\nprint(x)\n```\n\n```python\nawait f()\n```\n",
        encoding="utf-8",
    )
    blocks = python_blocks(readme)
    assert [(b.line, b.source, b.continues) for b in blocks] == [
        (4, "x = 1\n", False),
        (13, "print(x)\n", True),
        (17, "await f()\n", False),
    ]


def test_a_block_marked_as_showing_the_servers_own_answers_is_told_apart(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        f"{SHOWS_OWN_ANSWERS}\n```python\nx = 1\n```\n\n```python\ny = 2\n```\n",
        encoding="utf-8",
    )
    assert [b.shows_own_answers for b in python_blocks(readme)] == [True, False]


def test_a_block_may_await_and_a_continuing_block_sees_the_names_before_it() -> None:
    namespace: dict[str, Any] = {"__name__": "__main__"}
    first = Block("R", 1, "import asyncio\nvalue = 2\n", False)
    execute(first, first.source, namespace)
    awaiting = Block("R", 5, "await asyncio.sleep(0)\nprint(value * 21)\n", True)
    assert execute(awaiting, awaiting.source, namespace) == "42\n"
    failing = Block("R", 9, "print(undefined)\n", False)
    with pytest.raises(AssertionError, match="R, block at line 9 failed"):
        execute(failing, failing.source, {"__name__": "__main__"})


# ---------------------------------------------------------------- the READMEs


def test_the_project_readme_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    run = run_readme(
        ROOT / "README.md", SPEC, SPEC.parent / "recordings", "primotexto", monkeypatch
    )
    assert run.problems == []
    printed = "".join(run.outputs).splitlines()
    # The end-to-end example: send, poll the status, read the balance.
    assert "message 386479: submitted" in printed and "279 credits left" in printed
    # The errors example: the API's own code, with its documented meaning.
    assert "11 The number's syntax is invalid." in printed
    # The refusal example: the keyword as written and the rule in words, nothing sent.
    assert "sender is 13 characters long; at most 11 characters are allowed" in printed


def test_the_generated_readme_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = ROOT / "generated" / "README.md"
    run = run_readme(readme, SPEC, SPEC.parent / "recordings", "primotexto", monkeypatch)
    assert run.problems == []
    assert all(output for output in run.outputs), "a block printed nothing"
    text = readme.read_text(encoding="utf-8")
    assert "pip install ./generated" in text
    assert "PRIMOTEXTO_API_KEY" in text and "X-Primotexto-ApiKey" in text


NOTES_SPEC = """\
openapi: 3.1.0
info: {title: Notes, version: "1.0"}
servers: [{url: "https://notes.example.com/api"}]
security: [{bearerAuth: []}]
paths:
  /notes:
    post:
      operationId: createNote
      summary: Write a note
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [text]
              properties:
                text: {type: string, maxLength: 140, example: Buy milk}
      responses:
        "201":
          description: The note.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Note"}
  /notes/{noteId}:
    get:
      operationId: getNote
      summary: Read a note
      parameters:
        - {name: noteId, in: path, required: true, schema: {type: string}, example: n1}
      responses:
        "200":
          description: The note.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Note"}
        "404":
          description: No such note.
          content:
            application/json:
              schema: {type: object, properties: {message: {type: string}}}
components:
  securitySchemes:
    bearerAuth: {type: http, scheme: bearer}
  schemas:
    Note:
      type: object
      required: [id, text]
      properties:
        id: {type: string}
        text: {type: string}
"""
NOTES_RECORDINGS = {
    "createNote-example.yaml": """\
operationId: createNote
provenance: written for the README test
request:
  method: POST
  path: /notes
  headers: {Authorization: <redacted>, Content-Type: application/json}
  body: {text: Buy milk}
response:
  status: 201
  headers: {Content-Type: application/json}
  body: {id: n1, text: Buy milk}
""",
    "getNote-example.yaml": """\
operationId: getNote
provenance: written for the README test
request:
  method: GET
  path: /notes/n1
  headers: {Authorization: <redacted>}
response:
  status: 200
  headers: {Content-Type: application/json}
  body: {id: n1, text: Buy milk}
""",
    "getNote-missing.yaml": """\
operationId: getNote
provenance: written for the README test
request:
  method: GET
  path: /notes/n404
  headers: {Authorization: <redacted>}
response:
  status: 404
  headers: {Content-Type: application/json}
  body: {message: no such note}
""",
}


@pytest.fixture
def notes_project(tmp_path: Path) -> Iterator[Path]:
    """The notes API, its recordings, and its client generated into `notes_client/`."""
    spec = tmp_path / "notes.yaml"
    spec.write_text(NOTES_SPEC, encoding="utf-8")
    (tmp_path / "recordings").mkdir()
    for name, text in NOTES_RECORDINGS.items():
        (tmp_path / "recordings" / name).write_text(text, encoding="utf-8")
    out = tmp_path / "notes_client"
    result = generate(spec, out, package_name="notes", formatter="ruff")
    write.apply(out, write.plan(out, result.files))
    sys.path.insert(0, str(out))
    try:
        yield tmp_path
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m == "notes" or m.startswith("notes.")]:
            del sys.modules[name]


def test_the_readme_generated_for_another_document_runs(
    notes_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = notes_project / "notes_client" / "README.md"
    text = readme.read_text(encoding="utf-8")
    # Its own install path, credential and base URL variables, not Primotexto's.
    assert "pip install ./notes_client" in text and "./generated" not in text
    assert "`NOTES_TOKEN`" in text and "`NOTES_BASE_URL`" in text and "API_KEY" not in text
    run = run_readme(
        readme, notes_project / "notes.yaml", notes_project / "recordings", "notes", monkeypatch
    )
    assert run.problems == []
    printed = "".join(run.outputs).splitlines()
    assert printed.count("Note(id='n1', text='Buy milk')") == 2  # blocking and asyncio
    assert "404" in printed  # the errors example: a recorded 404


def test_a_block_that_gets_no_recorded_answer_fails_the_run(
    notes_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = notes_project / "README.md"
    readme.write_text(
        "```python\nfrom notes import Client, NotFoundError\n\n"
        "with Client() as client:\n    try:\n        client.get_note(note_id='unrecorded')\n"
        "    except NotFoundError:\n        print('caught')\n```\n",
        encoding="utf-8",
    )
    run = run_readme(
        readme, notes_project / "notes.yaml", notes_project / "recordings", "notes", monkeypatch
    )
    assert run.outputs == ["caught\n"]
    assert run.problems == ["GET /api/notes/unrecorded: 404"]
