"""The README and CI agree, and the CLI answers the basics."""
from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from reconcile import __version__
from reconcile.cli import app

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text, flags=re.S)


def test_docs_ci_runs_the_readme_test_command():
    test_command = _readme_commands()[1]
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci_lines


def test_docs_first_command_installs_and_reports_on_fixtures():
    first = _readme_commands()[0]
    assert "pip install" in first and "reconcile report fixtures/" in first


def test_cli_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"reconcile {__version__}"
