"""The `serve` command: `run()` directly, and a real process stopped with Ctrl-C."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

import httpx
import pytest

from generator.fixture_server import cli

from .support import MESSAGES_SPEC, serve_process


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    cli.add_arguments(parser)
    return parser.parse_args(argv)


def test_defaults() -> None:
    args = _args("spec/openapi.yaml")
    assert args.spec == Path("spec/openapi.yaml")
    assert args.recordings is None and args.port == 0 and not args.record
    assert args.upstream is None and args.key_env is None


def test_faulty_recording_prints_each_problem_and_exits_2(
    recordings_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = recordings_copy / "sendMessage-1.yaml"
    target.write_text(
        target.read_text(encoding="utf-8").replace("creditsUsed: 1.0", 'creditsUsed: "1"'),
        encoding="utf-8",
    )
    code = cli.run(_args(str(MESSAGES_SPEC), "--recordings", str(recordings_copy)))
    assert code == 2
    err = capsys.readouterr().err
    assert f"{target}:" in err and "/response/body/creditsUsed" in err


def test_missing_spec_and_bad_options_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(_args("missing.yaml")) == 2
    assert "missing.yaml: /: error: file not found" in capsys.readouterr().err
    assert cli.run(_args(str(MESSAGES_SPEC), "--upstream", "http://127.0.0.1:9")) == 2
    assert "--record" in capsys.readouterr().err
    os.environ.pop("FIXTURE_CLI_MISSING_KEY", None)
    assert (
        cli.run(_args(str(MESSAGES_SPEC), "--record", "--key-env", "FIXTURE_CLI_MISSING_KEY")) == 2
    )
    assert "FIXTURE_CLI_MISSING_KEY" in capsys.readouterr().err


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")
def test_serves_until_ctrl_c() -> None:
    process = serve_process()
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/v2")
        response = httpx.get(
            base_url + "/search",
            params=[("q", "widgets"), ("tag", "red"), ("tag", "blue"), ("page", "2")],
        )
        assert response.status_code == 200
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0
    assert "never replayed" in err
