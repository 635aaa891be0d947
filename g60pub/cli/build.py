"""`g60pub build` commands."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    """Add this module's sub-commands to sub (argparse sub-parsers)."""
    del sub


def _unused(args: argparse.Namespace) -> int:  # pragma: no cover - placeholder until filled in
    return 0
