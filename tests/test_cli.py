"""The generator's command line, including the issue's must-show cases."""

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SPEC, readme_block, run_cli, snapshot


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the spec and of generated/, to change freely."""
    shutil.copytree(SPEC.parent, tmp_path / "spec")
    shutil.copytree(ROOT / "generated", tmp_path / "generated")
    return tmp_path


def generate(project: Path, *extra: str) -> tuple[int, str, str]:
    result = run_cli(
        [
            "generate",
            str(project / "spec" / "openapi.yaml"),
            "-o",
            str(project / "generated"),
            "--package-name",
            "primotexto",
            *extra,
        ]
    )
    return result.code, result.out, result.err


def test_check_passes_on_a_current_tree(project: Path) -> None:
    assert generate(project, "--check")[0] == 0


def test_check_fails_with_a_diff_after_a_description_edit_and_writes_nothing(
    project: Path,
) -> None:
    spec = project / "spec" / "openapi.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("Send a notification SMS", "Send a notification text", 1))
    before = snapshot(project / "generated")
    code, out, err = generate(project, "--check")
    assert code == 1
    assert '-        """Send a notification SMS' in out  # a method of the client
    assert '+        """Send a notification text' in out
    assert "not current" in err
    assert snapshot(project / "generated") == before


def test_missing_responses_exits_2_with_line_and_pointer_and_writes_nothing(
    project: Path,
) -> None:
    spec = project / "spec" / "openapi.yaml"
    lines = spec.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("      responses:"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("        "))
    del lines[start:end]
    spec.write_text("".join(lines))
    before = snapshot(project / "generated")
    code, _, err = generate(project)
    assert code == 2
    assert f"{spec}:" in err
    assert "/paths/~1notification~1messages~1send/post" in err
    assert "has no 'responses'" in err
    line = int(err.split(f"{spec}:")[1].split(":")[0])
    assert lines[line - 1].strip() in ("post:", "operationId: sendNotificationMessage")
    assert snapshot(project / "generated") == before


def test_an_invalid_package_name_is_refused(project: Path) -> None:
    result = run_cli(["generate", str(SPEC), "-o", str(project / "out"), "--package-name", "a-b"])
    assert result.code == 2 and not (project / "out").exists()


HOSTILE = 'Ends """ here {{ x }} {% if 1 %} \\ back\\slash\nprint("pwned")\n'


def test_hostile_description_compiles_shows_the_text_and_runs_nothing(project: Path) -> None:
    spec = project / "spec" / "openapi.yaml"
    text = spec.read_text(encoding="utf-8")
    marker = "      summary: Send a notification SMS\n"
    assert marker in text
    escaped = HOSTILE.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    spec.write_text(text.replace(marker, f'      summary: "{escaped}"\n', 1))
    out = project / "out"
    code = run_cli(["generate", str(spec), "-o", str(out), "--package-name", "primotexto"]).code
    assert code == 0
    source = (out / "primotexto" / "_client.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    client = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Client")
    function = next(
        n
        for n in client.body
        if isinstance(n, ast.FunctionDef) and n.name == "send_notification_message"
    )
    docstring = ast.get_docstring(function, clean=False) or ""
    assert 'Ends """ here {{ x }} {% if 1 %} \\ back\\slash' in docstring
    assert 'print("pwned")' in docstring
    assert "pwned" not in "".join(ast.unparse(n) for n in function.body[1:])
    result = subprocess.run(
        [sys.executable, "-c", "import primotexto"],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "pwned" not in result.stdout, result.stderr


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "openapi-clientgen"
    if not script.exists():
        pytest.skip("the project is not installed in this environment (make test installs it)")
    result = subprocess.run([script, "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout.strip()


# ---------------------------------------------------------------- one mistake at a time
# Each row: what the author changed in spec/openapi.yaml, and every line printed before
# "nothing was written" ({spec} is the file; {line:TEXT} the line holding TEXT, {col:TEXT}
# the column where TEXT starts on it).
MISTAKES = {
    "a misspelt keyword": (
        [("      required: [number, message]", "      requried: [number, message]")],
        [
            "{spec}:{line:requried: [number}:{col:requried}: /components/schemas/"
            "NotificationMessage/requried: error: unknown keyword 'requried' in a schema; "
            "did you mean 'required'?"
        ],
    ),
    "a wrong type": (
        [("    PhoneNumber:\n      type: string", "    PhoneNumber:\n      type: strng")],
        [
            "{spec}:{line:type: strng}:{col:strng}: /components/schemas/PhoneNumber/type: "
            "error: `type` must be one of: array, boolean, integer, null, number, object, "
            "string; found 'strng' (did you mean 'string'?)"
        ],
    ),
    "an operationId used twice": (
        [("operationId: sendNotificationMessageWithQueryKey", "operationId: sendMarketingMessage")],
        [
            "{spec}:{line:operationId: sendMarketingMessage}:20: /paths/~1notification~1messages"
            "~1send/get/operationId: error: operationId 'sendMarketingMessage' is used more than "
            "once (also at /paths/~1marketing~1messages~1send/post/operationId); each operation "
            "needs its own",
            "{spec}:{line2:operationId: sendMarketingMessage}:20: /paths/~1marketing~1messages"
            "~1send/post/operationId: error: operationId 'sendMarketingMessage' is used more "
            "than once (also at /paths/~1notification~1messages~1send/get/operationId); each "
            "operation needs its own",
        ],
    ),
    "a path parameter not declared": (
        [
            (
                "  /unsubscribers/default/contacts/{contactId}:",
                "  /unsubscribers/default/contacts/{entryId}:",
            )
        ],
        [
            "{spec}:{line:contacts/{entryId}}:3: /paths/~1unsubscribers~1default~1contacts~1"
            "{entryId}: error: the path template '/unsubscribers/default/contacts/{entryId}' has"
            " {entryId}, but delete declares no parameter with `in: path` and `name: entryId`",
            "{spec}:{line:parameters/BlacklistEntryId'}:11: /paths/~1unsubscribers~1default~1"
            "contacts~1{entryId}/delete/parameters/0: error: path parameter 'contactId' does not "
            "appear in the path template '/unsubscribers/default/contacts/{entryId}'",
        ],
    ),
    "a tab": (
        [("\n  /lists/{listId}:\n    get:", "\n  /lists/{listId}:\n\tget:")],
        [
            "{spec}:{line:\tget:}:1: /: error: invalid YAML: a tab character; YAML indents with "
            "spaces only, so replace the tab with spaces"
        ],
    ),
    "a broken flow sequence": (
        [("      required: [number, message]", "      required: [number, message")],
        [
            "{spec}:{next:required: [number, message}:{nextcol:required: [number, message}: /: "
            "error: invalid YAML: did not find expected ',' or ']' (while parsing a flow "
            "sequence that starts at line {line:required: [number, message}, column "
            "{col:[number, message})"
        ],
    ),
    "a Swagger 2.0 document": (
        [("openapi: 3.1.0", "swagger: '2.0'")],
        [
            "{spec}:1:10: /swagger: error: this is Swagger 2.0; convert it to OpenAPI 3 first "
            "(for example with `npx swagger2openapi openapi.yaml -o openapi.yaml`, or at "
            "https://converter.swagger.io), then generate from the converted document"
        ],
    ),
}


def expand(template: str, spec: Path, text: str) -> str:
    """`template` with {spec}, {line:TEXT}, {line2:TEXT}, {col:TEXT}... filled in from `text`."""
    lines = text.splitlines()

    def find(fragment: str, occurrence: int = 1) -> int:
        hits = [i for i, line in enumerate(lines) if fragment in line]
        return hits[occurrence - 1]

    def field(match: re.Match[str]) -> str:
        kind, fragment = match.group(1), match.group(2)
        if kind == "line":
            return str(find(fragment) + 1)
        if kind == "line2":
            return str(find(fragment, 2) + 1)
        if kind == "col":
            return str(lines[find(fragment)].index(fragment) + 1)
        if kind == "next":  # the first line after it that is not blank or a comment
            index = find(fragment) + 1
            while not lines[index].strip():
                index += 1
            return str(index + 1)
        index = find(fragment) + 1  # nextcol: where its first key ends
        while not lines[index].strip():
            index += 1
        return str(lines[index].index(":") + 1)

    return re.sub(
        r"{(line2|line|col|nextcol|next):([^{}]*(?:{[^{}]*}[^{}]*)*)}", field, template
    ).replace("{spec}", str(spec))


@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_one_mistake_is_pointed_at_exactly_and_nothing_is_written(
    project: Path, mistake: str
) -> None:
    replacements, expected = MISTAKES[mistake]
    spec = project / "spec" / "openapi.yaml"
    text = spec.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    spec.write_text(text, encoding="utf-8")
    before = snapshot(project / "generated")
    code, _, err = generate(project)
    assert code == 2
    assert err.splitlines() == [expand(line, spec, text) for line in expected] + [
        f"error: {spec}: nothing was written"
    ]
    assert snapshot(project / "generated") == before


def test_a_misspelt_keyword_is_a_warning_with_lenient_and_the_client_is_written(
    project: Path,
) -> None:
    spec = project / "spec" / "openapi.yaml"
    text = spec.read_text(encoding="utf-8").replace(
        "      required: [number, message]", "      requried: [number, message]"
    )
    spec.write_text(text, encoding="utf-8")
    code, _, err = generate(project, "--lenient")
    assert code == 0
    assert "NotificationMessage/requried: warning: unknown keyword 'requried' in a schema" in err


def test_help_documents_the_exit_codes() -> None:
    for args in (["--help"], ["generate", "--help"]):
        with pytest.raises(SystemExit) as exited:
            run_cli(args)
        assert exited.value.code == 0
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--help"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    for line in (
        "  0  done; with --check, the output folder is current",
        "  1  --check: the output folder is out of date (a unified diff is printed)",
        "  2  the document, a file it refers to, or the arguments are wrong; nothing is written",
        "  3  internal error of the generator",
        "  4  the output folder (or another file) cannot be used: not writable, full, or a",
        "  5  --check --fail-on-breaking: the client's API would change in a breaking way",
        "  130  interrupted (Ctrl-C); nothing is changed",
    ):
        assert line in result.stdout
    assert "--fail-on-breaking" in result.stdout


def test_the_readme_lists_the_exit_codes_as_help_does() -> None:
    from generator.cli import EXIT_CODES, ExitCode

    assert readme_block("exit-status") == EXIT_CODES
    assert [int(code) for code in ExitCode] == [0, 1, 2, 3, 4, 5, 130]
