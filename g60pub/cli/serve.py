"""`g60pub serve`: build, serve the output on 127.0.0.1, rebuild on change."""

from __future__ import annotations

from typing import Any

from g60pub.cli.commands import help_line


def register(sub: Any) -> None:
    """Add this module's sub-commands to sub (argparse sub-parsers)."""
    sub.add_parser("serve", help=help_line("serve"))
