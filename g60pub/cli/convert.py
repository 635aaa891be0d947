"""`g60pub convert` command."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Add this module's sub-commands to ``sub`` (argparse sub-parsers)."""
    del sub
