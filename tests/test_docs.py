"""The documentation builds without a warning and covers every command and setting."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from g60pub.cli import make_parser
from g60pub.config import KNOWN_KEYS

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_the_docs_build_with_warnings_as_errors(tmp_path: Path) -> None:
    pytest.importorskip("sphinx")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", DOCS, tmp_path],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "api.html").is_file()


def _commands(parser: argparse.ArgumentParser, prefix: str = "g60pub") -> list[str]:
    found: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append(f"{prefix} {name}")
                found.extend(_commands(sub, f"{prefix} {name}"))
    return found


def test_every_command_has_its_section_in_the_command_reference() -> None:
    text = (DOCS / "cli.md").read_text("utf-8")
    commands = _commands(make_parser())
    assert commands
    assert [c for c in commands if f"# {c}" not in text] == []


def test_every_setting_is_in_the_configuration_reference() -> None:
    text = (DOCS / "configuration.md").read_text("utf-8")
    assert sorted(k for k in KNOWN_KEYS if f"`{k}`" not in text) == []
