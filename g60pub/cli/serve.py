"""`g60pub serve`: build, serve the output on 127.0.0.1, rebuild on change."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from g60pub.cli.commands import help_line
from g60pub.errors import ConfigError


def register(sub: Any) -> None:
    """Add this module's sub-commands to sub (argparse sub-parsers)."""
    p = sub.add_parser(
        "serve",
        help=help_line("serve"),
        description=(
            "Build the project, serve the output on 127.0.0.1 and rebuild when a "
            "source, PO file, glossary or the configuration changes; open pages reload."
        ),
    )
    p.add_argument("--project", type=Path, default=Path("."), help="project directory (default: .)")
    p.add_argument("--out", type=Path, help="output directory (default: PROJECT/output)")
    p.add_argument("--port", type=int, default=8060, help="port on 127.0.0.1 (default: 8060)")
    p.add_argument("--jobs", type=int, help="worker processes of the build (default: CPU count)")
    p.add_argument(
        "--cache-dir",
        type=Path,
        help="where the build keeps its state (default: PROJECT/.g60pub-cache)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from g60pub.build import default_jobs
    from g60pub.serve import ServeOptions, serve

    if args.jobs is not None and args.jobs < 1:
        raise ConfigError("--jobs must be at least 1")
    if not 0 <= args.port <= 65535:
        raise ConfigError("--port must be between 0 and 65535")
    if not args.project.is_dir():
        raise ConfigError("project directory does not exist", args.project)
    options = ServeOptions(
        project=args.project,
        out=args.out if args.out is not None else args.project / "output",
        port=args.port,
        jobs=args.jobs or default_jobs(),
        cache_dir=args.cache_dir,
    )
    return serve(options, _say)


def _say(line: str) -> None:
    print(f"g60pub serve: {line}", file=sys.stderr, flush=True)
