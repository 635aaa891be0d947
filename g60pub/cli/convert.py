"""`g60pub convert` command: Simplified <-> Traditional with glossary pins."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from g60pub.cli.commands import help_line
from g60pub.cli.glossary import add_glossary_option, load_glossary, read_input
from g60pub.script import CONFIGS, Converter


def register(sub: Any) -> None:
    """Add this module's sub-commands to ``sub`` (argparse sub-parsers)."""
    parser = sub.add_parser("convert", help=help_line("convert"))
    parser.add_argument(
        "--config",
        default="s2t",
        help=f"OpenCC config ({', '.join(CONFIGS)}) or a JSON config file (default: s2t)",
    )
    add_glossary_option(parser)
    parser.add_argument("file", nargs="?", default="-", help="UTF-8 text file, or - for stdin")
    parser.set_defaults(func=_convert)


def _convert(args: argparse.Namespace) -> int:
    converter = Converter(args.config, load_glossary(args))
    sys.stdout.write(converter.convert(read_input(args.file)))
    return 0
