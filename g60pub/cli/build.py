"""`g60pub build`: every edition of a project into the output directory."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from g60pub.cli.commands import help_line
from g60pub.errors import ConfigError


def register(sub: Any) -> None:
    """Add this module's sub-commands to sub (argparse sub-parsers)."""
    p = sub.add_parser(
        "build",
        help=help_line("build"),
        description="Turn sources/ and the glossary into every edition in the output directory.",
    )
    p.add_argument("--project", type=Path, default=Path("."), help="project directory (default: .)")
    p.add_argument("--out", type=Path, help="output directory (default: PROJECT/output)")
    p.add_argument("--variants", help="comma-separated variants, e.g. zh-Hans,zh-Hant+en")
    p.add_argument("--formats", help="comma-separated formats: epub,html,txt")
    p.add_argument("--jobs", type=int, help="worker processes (default: CPU count)")
    p.add_argument(
        "--cache-dir",
        type=Path,
        help="where the build keeps its state (default: PROJECT/.g60pub-cache)",
    )
    p.add_argument("--force", action="store_true", help="rebuild every article, ignoring the cache")
    p.add_argument("--timings", action="store_true", help="print per-stage seconds as JSON last")
    p.add_argument(
        "--strict", action="store_true", help="exit 1 when the QA report has errors as well"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from g60pub.build import BuildOptions, build, default_jobs, progress_bar

    if args.jobs is not None and args.jobs < 1:
        raise ConfigError("--jobs must be at least 1")
    options = BuildOptions(
        project=args.project,
        out=args.out if args.out is not None else args.project / "output",
        variants=_split(args.variants),
        formats=_split(args.formats),
        jobs=args.jobs or default_jobs(),
        force=args.force,
        cache_dir=args.cache_dir,
    )
    report = build(options, progress_bar(sys.stderr))
    for failure in report.failures:
        print(f"g60pub: {failure}", file=sys.stderr)
    for warning in report.warnings:
        print(f"g60pub: warning: {warning}", file=sys.stderr)
    print(report.summary())
    if args.timings:
        timings = {
            "stages": report.stages,
            "cache_hits": report.cache_hits,
            "inputs_read": report.inputs_read,
        }
        print(json.dumps(timings))
    if args.strict:
        if report.qa_errors:
            where = f": see {report.qa_report}" if report.qa_report else ""
            print(f"g60pub: --strict: the translations have QA errors{where}", file=sys.stderr)
        return report.strict_exit_status()
    return report.exit_status


def _split(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(v.strip() for v in value.split(",") if v.strip())
