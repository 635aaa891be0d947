"""The command line: parse arguments, call the library, print, choose an exit code.

Each sub-command lives in its own module here and exposes
``register(subparsers)``, which adds its parser and sets ``func``. ``func``
takes the parsed arguments and returns the exit status. Only the module of
the command being run is imported (commands.py lists them all).

Exit status: 0 success, 1 a checked failure (a bad article, QA errors),
2 bad usage, bad configuration or unreadable input.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import warnings
from collections.abc import Sequence
from typing import TextIO

from g60pub.cli.commands import COMMANDS
from g60pub.errors import G60Error, G60Warning
from g60pub.version import __version__


def make_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Every command listed; the commands of ``command``'s module (of every
    module, for ``None``) registered in full, with their options."""
    parser = argparse.ArgumentParser(
        prog="g60pub",
        description="Publish Chinese articles as bilingual Chinese/English editions.",
    )
    parser.add_argument("--version", action="version", version=f"g60pub {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = COMMANDS[command][0] if command in COMMANDS else None
    for name, (module, help_line) in COMMANDS.items():
        if name in sub.choices:
            continue  # registered with the other commands of its module
        if command is None or module == wanted:
            importlib.import_module(f"g60pub.cli.{module}").register(sub)
        else:
            sub.add_parser(name, help=help_line)
    return parser


def _command(words: Sequence[str]) -> str:
    # The first word that is not an option names the command ("" for none:
    # ``g60pub --help`` needs no command module).
    return next((word for word in words if not word.startswith("-")), "")


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    # g60pub's own warnings (a page read with a few bytes replaced) are one
    # line for the user, like its errors; others keep Python's format.
    if issubclass(category, G60Warning):
        print(f"g60pub: warning: {message}", file=file or sys.stderr)
    else:
        _python_show_warning(message, category, filename, lineno, file, line)


_python_show_warning = warnings.showwarning


def main(argv: Sequence[str] | None = None) -> int:
    warnings.showwarning = _show_warning
    words = sys.argv[1:] if argv is None else list(argv)
    parser = make_parser(_command(words))
    args = parser.parse_args(words)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        status: int = args.func(args)
    except G60Error as err:
        print(f"g60pub: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("g60pub: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as err:
        # The file system said no (an output path that is a file, no permission,
        # a full disk): one line naming the path, not a traceback.
        where = f"{err.filename}: " if err.filename else ""
        print(f"g60pub: {where}{err.strerror or err}", file=sys.stderr)
        return 2
    return status
