"""The generated client under hostile documents: a credential is sent once, and no
`pattern` check can take exponential time on application input.

`documents/hostile_client.yaml` has a header parameter and a query parameter
where the operation's apiKey schemes put their credentials, a parameter of the
same name on an operation without security, and a pattern (`^(a+)+$`) Python's
`re` needs exponential time on. The client runs in a subprocess limited in CPU
seconds, so a pattern check that hangs fails the test by the limit, not by a clock.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from generator.regex_safety import exponential_risk

from .conftest import ROOT, run_cli

DOCUMENT = Path(__file__).parent / "documents" / "hostile_client.yaml"

SCRIPT = """
import json, httpx
from hostile_client import Client, RequestValidationError
sent = []
def answer(request):
    sent.append({"url": str(request.url), "headers": request.headers.multi_items()})
    return httpx.Response(204)
client = Client(api_key="secret-key", max_retries=0,
                http_client=httpx.Client(transport=httpx.MockTransport(answer)))
client.by_header(x_trace="t")
client.by_query(slow="a" * 64 + "!")
client.open(x_api_key="the-callers")
try:
    client.by_query(word="NOT-LOWER")
except RequestValidationError as error:
    refused = str(error)
print(json.dumps({"sent": sent, "refused": refused}))
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("hostile_client")
    result = run_cli(["generate", str(DOCUMENT), "-o", str(out)])
    assert result.code == 0, result.err
    return out, result.err


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (30, 30))  # seconds of CPU, not of the clock


@pytest.fixture(scope="module")
def calls(generated: tuple[Path, str]) -> dict[str, object]:
    out, _ = generated
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=out,
        capture_output=True,
        text=True,
        preexec_fn=_limited,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, object] = json.loads(done.stdout)
    return result


def headers_named(request: object, name: str) -> list[str]:
    assert isinstance(request, dict)
    return [value for key, value in request["headers"] if key.lower() == name]


def test_a_header_parameter_named_like_the_credential_header_is_not_sent_twice(
    generated: tuple[Path, str], calls: dict[str, object]
) -> None:
    sent = calls["sent"]
    assert isinstance(sent, list)
    assert headers_named(sent[0], "x-api-key") == ["secret-key"]  # once, the configured one
    assert headers_named(sent[0], "x-trace") == ["t"]
    _, err = generated
    assert (
        f"{DOCUMENT}:10:18: /paths/~1header/get/parameters/0/name: warning: header parameter "
        "'X-API-Key' is where security scheme 'headerKey' puts its credential"
    ) in err
    client = (generated[0] / "hostile_client" / "_client.py").read_text(encoding="utf-8")
    by_header = client[
        client.index("def by_header(") : client.index('"""', client.index("def by_header("))
    ]
    assert "x_api_key" not in by_header


def test_a_query_parameter_named_like_the_credential_is_not_sent_twice(
    calls: dict[str, object],
) -> None:
    sent = calls["sent"]
    assert isinstance(sent, list)
    url = sent[1]["url"]
    assert url.count("key=") == 1 and "key=secret-key" in url


def test_without_security_the_parameter_is_the_callers(calls: dict[str, object]) -> None:
    sent = calls["sent"]
    assert isinstance(sent, list)
    assert headers_named(sent[2], "x-api-key") == ["the-callers"]


def test_an_exponential_pattern_is_not_checked_and_says_so(
    generated: tuple[Path, str], calls: dict[str, object]
) -> None:
    _, err = generated
    assert (
        "/paths/~1query/get/parameters/1/schema/pattern: warning: pattern '^(a+)+$' is not " in err
    )
    assert "may take exponential time on it" in err
    sent = calls["sent"]
    assert isinstance(sent, list) and len(sent) == 3  # the 65-character value went out
    assert "slow=" + "a" * 64 + "%21" in sent[1]["url"]


def test_a_safe_pattern_is_still_checked(calls: dict[str, object]) -> None:
    assert calls["refused"] == (
        "word: has 'N' at position 1, which is not allowed (allowed: a-z) (pattern)"
    )


@pytest.mark.parametrize(
    "pattern",
    [
        r"^(a+)+$",
        r"^(\w+\s?)*$",
        r"(a*)*",
        r"^(x+x+)+y$",
        r"(a|ab)*c",
        r"^(\d+-?)+$",
        r"(.*a){2,}",
        r"(?:a+)+b",
        r"(a?)*",
        r"^([a-zA-Z0-9])(([\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$",
    ],
)
def test_patterns_that_backtrack_exponentially_are_found(pattern: str) -> None:
    assert exponential_risk(pattern) is not None


@pytest.mark.parametrize(
    "pattern",
    [
        r"^[A-Za-z0-9]{3,11}$",
        r"^([\w-]+\.)+[a-z]{2,}$",
        r"^(a|b)*$",
        r"^\+?[1-9]\d{1,14}$",
        r"^[^@]+@[^@]+\.[a-z]+$",
        r"^(\d{3}-)*\d+$",
        r"^[a-z]+(-[a-z]+)*$",
        r"^(?=.*[A-Z])[A-Za-z]{8,}$",
        r"(\w|\d)+",  # Python reads it as one character class
    ],
)
def test_usual_patterns_are_checked(pattern: str) -> None:
    assert exponential_risk(pattern) is None


def test_no_pattern_of_the_shared_documents_is_left_unchecked() -> None:
    """The 129 patterns of ../shared/specs (Stripe, GitHub, Twilio...) are all checked."""
    from generator.load import load_document
    from generator.schemas import python_pattern

    from .conftest import SHARED_SPECS

    flagged = []
    for path in sorted(SHARED_SPECS.glob("*.json")) + sorted(SHARED_SPECS.glob("*.yaml")):
        stack = [load_document(path).data]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                if isinstance(node.get("pattern"), str):
                    try:
                        if exponential_risk(python_pattern(node["pattern"])):
                            flagged.append(node["pattern"])
                    except ValueError:
                        pass
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
    assert flagged == []
