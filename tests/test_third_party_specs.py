"""Real third-party documents (../shared/specs) give clients that import and type-check.

Each document is generated in lenient mode; no operation may be skipped, every
generated module must import, and mypy --strict and ruff must pass on the result.
The three largest (OpenAI, Stripe, GitHub) take minutes each: they are marked
`large` (`make test-large`) and formatted with ruff, whose result mypy and ruff
check just the same, rather than black, which takes minutes more on them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator import write
from generator.errors import Severity
from generator.load import load_document
from generator.model import HTTP_METHODS
from generator.pipeline import generate

from .conftest import SHARED_SPECS

DOCUMENTS = {
    "petstore3.yaml": "petstore",
    "vonage_sms.yaml": "vonage_sms",
    "bulksms.json": "bulksms",
    "feature-matrix-3.0.json": "feature_matrix_30",
    "feature-matrix-3.1.yaml": "feature_matrix_31",
    "twilio_api_v2010.json": "twilio",
    "kubernetes_apps_v1.json": "kubernetes_apps",
}
LARGE_DOCUMENTS = {
    "openai.yaml": "openai_client",
    "stripe.json": "stripe_client",
    "github.json": "github_client",
}


@pytest.fixture(
    scope="module",
    params=sorted(DOCUMENTS)
    + [pytest.param(name, marks=pytest.mark.large) for name in sorted(LARGE_DOCUMENTS)],
)
def generated(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    name = request.param
    package = DOCUMENTS.get(name) or LARGE_DOCUMENTS[name]
    out = tmp_path_factory.mktemp(package)
    result = generate(
        SHARED_SPECS / name,
        out,
        package_name=package,
        lenient=True,
        formatter="ruff" if name in LARGE_DOCUMENTS else "black",
    )
    skipped = [w for w in result.warnings if "skipped" in w.message]
    assert skipped == [], "\n".join(map(str, skipped))
    assert all(w.severity is Severity.WARNING for w in result.warnings)
    write.apply(out, write.plan(out, result.files))
    operations = sum(
        1
        for item in load_document(SHARED_SPECS / name).data["paths"].values()
        for method in item
        if method in HTTP_METHODS
    )
    client = (out / package / "_client.py").read_text(encoding="utf-8")
    # Every operation is a method of Client, which sends what its builder makes.
    assert client.count("return self._send(") == operations
    return out


def run(command: list[str], folder: Path) -> None:
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_every_module_imports(generated: Path) -> None:
    package = next(p.name for p in generated.iterdir() if (p / "__init__.py").exists())
    modules = sorted(p.stem for p in (generated / package).glob("*.py") if p.stem != "__init__")
    script = f"import importlib; [importlib.import_module('{package}.' + m) for m in {modules!r}]"
    run([sys.executable, "-c", script], generated)


def test_mypy_strict_passes(generated: Path) -> None:
    package = next(p.name for p in generated.iterdir() if (p / "__init__.py").exists())
    run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", package], generated)


def test_ruff_passes(generated: Path) -> None:
    run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], generated)
