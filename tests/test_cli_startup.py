"""Start-up: the command line loads only the command it runs, and importing
the library builds no OpenCC converter (bench/startup.py has the seconds)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from g60pub.cli import make_parser
from g60pub.cli.commands import COMMANDS


def _python(code: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return proc.stdout


def test_top_level_help_lists_every_command_and_imports_none_of_them() -> None:
    out = _python(
        "import contextlib, io, json, sys\n"
        "from g60pub.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as text, contextlib.suppress(SystemExit):\n"
        "    main(['--help'])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('g60pub'))\n"
        "print(json.dumps([text.getvalue(), loaded]))\n"
    )
    text, loaded = json.loads(out)
    assert all(name in text for name in COMMANDS)
    assert not [
        m
        for m in loaded
        if m.startswith(("g60pub.cli.", "g60pub.normalize")) and m != "g60pub.cli.commands"
    ]
    assert "g60pub.glossary" not in loaded and "g60pub.build" not in loaded


@pytest.mark.parametrize(
    "args",
    [
        ["update", "--help"],
        ["align", "--help"],
        ["normalize", "--help"],
        ["glossary", "lookup", "科创走廊"],
    ],
    ids=["update --help", "align --help", "normalize --help", "glossary lookup"],
)
def test_a_command_s_help_and_a_lookup_load_neither_the_normaliser_nor_the_sources(
    args: list[str],
) -> None:
    # The normaliser (its modules' patterns) and the readers of Word and EPUB
    # sources came to double these commands' start when they were imported.
    out = _python(
        "import contextlib, io, json, sys\n"
        "from g60pub.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    main({args!r})\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('g60pub'))))\n"
    )
    loaded = json.loads(out)
    assert not [m for m in loaded if m.startswith(("g60pub.normalize", "g60pub.sources"))]
    assert "g60pub.project" not in loaded


def test_importing_the_normaliser_and_the_glossary_builds_no_opencc_converter() -> None:
    out = _python(
        "import g60pub.normalize, g60pub.glossary, g60pub.editions.render\n"
        "from g60pub.chinese import opencc_converter\n"
        "print(opencc_converter.cache_info().currsize)\n"
    )
    assert out.strip() == "0"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_each_command_is_listed_with_the_help_it_registers(command: str) -> None:
    listed = make_parser("").format_help()
    full = make_parser(command)
    choices = full._subparsers._group_actions[0]  # type: ignore[union-attr]
    helps = {a.dest: a.help for a in choices._choices_actions}  # type: ignore[attr-defined]
    assert helps[command] == COMMANDS[command][1]
    assert command in listed
    assert command in choices.choices  # type: ignore[attr-defined]


def test_the_public_api_is_there_by_name_and_normalize_stays_the_function() -> None:
    out = _python(
        "import g60pub\n"
        "import g60pub.normalize.extract\n"
        "from g60pub import Article, Glossary, normalize, convert\n"
        "print(callable(g60pub.normalize), g60pub.normalize is normalize, Article.__name__)\n"
    )
    assert out.split() == ["True", "True", "Article"]
