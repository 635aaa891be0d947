"""`g60pub preview`: PNG screenshots of the download page and an article per variant."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from g60pub.cli.commands import help_line


def register(sub: Any) -> None:
    """Add this module's sub-commands to sub (argparse sub-parsers)."""
    p = sub.add_parser(
        "preview",
        help=help_line("preview"),
        description=(
            "Render PNG screenshots of the built site with the system's headless chromium. "
            "Builds the project first when PROJECT/output holds no build."
        ),
    )
    p.add_argument("--project", type=Path, default=Path("."), help="project directory (default: .)")
    p.add_argument(
        "--out", type=Path, help="screenshot directory (default: PROJECT/output/preview)"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from g60pub.preview import cjk_font_installed, render_previews

    built = args.project / "output"
    if not (built / "index.html").is_file():
        status = _build(args.project, built)
        if status != 0 and not (built / "index.html").is_file():
            return status
    dest = args.out if args.out is not None else built / "preview"
    if cjk_font_installed() is False:
        print(
            "g60pub: warning: no Chinese font installed (apt-get install fonts-noto-cjk): "
            "Chinese text in the screenshots will show as boxes",
            file=sys.stderr,
        )
    for path in render_previews(built, dest):
        print(path)
    return 0


def _build(project: Path, out: Path) -> int:
    from g60pub.build import BuildOptions, build, default_jobs

    report = build(BuildOptions(project=project, out=out, jobs=default_jobs()))
    for failure in report.failures:
        print(f"g60pub: {failure}", file=sys.stderr)
    print(report.summary(), file=sys.stderr)
    return report.exit_status
