"""`g60pub update | status | align | check | export`: the translator's commands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from g60pub.atomic import write_atomic
from g60pub.cli.commands import help_line
from g60pub.errors import ConfigError, G60Error

if TYPE_CHECKING:
    from g60pub.glossary import Glossary

# Each command imports the library it runs when it runs: `COMMAND --help`
# loads neither the normaliser nor the glossary.


def register(sub: Any) -> None:
    """Add this module's sub-commands to sub (argparse sub-parsers)."""
    p = sub.add_parser("update", help=help_line("update"))
    _project_args(p)
    p.set_defaults(func=run_update)

    p = sub.add_parser("status", help=help_line("status"))
    _project_args(p)
    p.set_defaults(func=run_status)

    p = sub.add_parser("align", help=help_line("align"))
    p.add_argument(
        "zh", type=Path, help="Chinese HTML page or text file (blank-line separated paragraphs)"
    )
    p.add_argument("en", type=Path, help="English HTML page or text file")
    p.add_argument("--format", choices=("json", "po"), default="json")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        help="write here instead of standard output; a PO file's translations are kept",
    )
    p.add_argument("--lang", default="en", help="target language of the PO output (default: en)")
    p.set_defaults(func=run_align)

    p = sub.add_parser("check", help=help_line("check"))
    _project_args(p)
    p.add_argument("--json", action="store_true", help="print findings as JSON")
    p.set_defaults(func=run_check)

    p = sub.add_parser("export", help=help_line("export"))
    _project_args(p)
    p.add_argument("--tmx", type=Path, required=True, metavar="FILE", help="write a TMX 1.4b file")
    p.set_defaults(func=run_export)


def _project_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--project", type=Path, default=Path("."), help="project directory (default: .)")
    p.add_argument("--lang", default="en", help="target language (default: en)")


def _glossary(project: Path) -> Glossary:
    """The glossary a build of ``project`` uses: its glossary/ and the files its
    configuration names, else the bundled one (so check and build agree)."""
    from g60pub.config import load_config
    from g60pub.project import load_glossary

    return load_glossary(project, load_config(project))


def _project(project: Path) -> Path:
    """``project``, refused when it is not a directory; a warning when it has no sources."""
    from g60pub.project import discover_sources

    if not project.is_dir():
        raise ConfigError("project directory does not exist", project)
    if not discover_sources(project):
        print(f"g60pub: warning: no sources (*.html, *.docx, *.epub) in {project}", file=sys.stderr)
    return project


def _report(errors: list[G60Error]) -> None:
    for err in errors:
        print(f"g60pub: {err}", file=sys.stderr)


def run_update(args: argparse.Namespace) -> int:
    from g60pub.translations import catalogs

    project = _project(args.project)
    run = catalogs.update_project(project, args.lang, _glossary(project))
    for r in run.updates:
        state = "created" if r.created else ("updated" if r.changed else "unchanged")
        print(
            f"{r.path}: {state}: {r.total} entries, {r.kept} kept, {r.new} new, "
            f"{r.fuzzy} fuzzy, {r.obsolete} obsolete, {r.revived} revived"
        )
    _report(run.errors)
    return 1 if run.errors else 0


def run_status(args: argparse.Namespace) -> int:
    from g60pub.translations import catalogs

    run = catalogs.load_project(_project(args.project), args.lang)
    rows = [catalogs.coverage(pub) for pub in run.publications]
    width = max([len("article"), *(len(r.slug) for r in rows)])
    columns = ("total", "translated", "fuzzy", "untranslated", "%")
    print(f"{'article':<{width}}  " + "  ".join(f"{c:>{max(len(c), 6)}}" for c in columns))
    for r in rows:
        cells = (r.total, r.translated, r.fuzzy, r.untranslated, f"{r.percent:.1f}%")
        print(
            f"{r.slug:<{width}}  "
            + "  ".join(f"{v!s:>{max(len(c), 6)}}" for c, v in zip(columns, cells, strict=True))
        )
    _report(run.errors)
    return 1 if run.errors else 0


def run_align(args: argparse.Namespace) -> int:
    from g60pub.translations.bootstrap import align_sides, beads_catalog, beads_json, read_side
    from g60pub.translations.fill import fill_po
    from g60pub.translations.pofile import render_po

    zh = read_side(args.zh, chinese=True)
    en = read_side(args.en, chinese=False)
    glossary = _glossary(Path.cwd())
    beads = align_sides(zh, en, glossary)
    if args.format == "json":
        data = (json.dumps(beads_json(zh, en, beads), ensure_ascii=False) + "\n").encode("utf-8")
        if args.output:
            write_atomic(args.output, data)
        else:
            sys.stdout.buffer.write(data)
        return 0
    catalog = beads_catalog(
        zh,
        en,
        beads,
        slug=args.zh.name.split(".")[0],
        source_ref=args.zh.as_posix(),
        lang=args.lang,
        glossary=glossary,
    )
    if not args.output:
        sys.stdout.buffer.write(render_po(catalog))
        return 0
    done = fill_po(catalog, args.output)
    if done.created:
        print(f"{done.path}: created: {done.filled} entries filled from the alignment")
    else:
        print(
            f"{done.path}: {done.filled} empty entries filled from the alignment, "
            f"{done.kept} translations kept ({done.suggested} with the aligned English "
            f"as a suggestion), {done.obsolete} obsolete entries kept"
        )
    return 0


def run_check(args: argparse.Namespace) -> int:
    from g60pub.translations import catalogs

    project = _project(args.project)
    findings, errors = catalogs.check_project(project, _glossary(project), args.lang)
    # A file that cannot be read is an error like any finding: the summary
    # counts it, and the exit status follows the summary.
    n_err = sum(f.counts_as_error for f in findings) + len(errors)
    n_warn = sum(f.severity != "error" and not f.accepted for f in findings)
    n_acc = sum(f.accepted for f in findings)
    if args.json:
        data = {
            "findings": [f.to_json() for f in findings],
            "unreadable": [str(err) for err in errors],
            "summary": {"errors": n_err, "warnings": n_warn, "accepted": n_acc},
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for f in findings:
            state = f"accepted {f.severity}" if f.accepted else f.severity
            print(f"{f.file}: {f.block}: {state}: {f.code}: {f.message}")
    _report(errors)
    unreadable = f" ({_count(len(errors), 'file')} could not be read)" if errors else ""
    print(
        f"{_count(n_err, 'error')}{unreadable}, {_count(n_warn, 'warning')}, {n_acc} accepted",
        file=sys.stderr,
    )
    return 1 if n_err else 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def run_export(args: argparse.Namespace) -> int:
    from g60pub.translations import catalogs
    from g60pub.translations.tmx import write_tmx

    run = catalogs.load_project(_project(args.project), args.lang)
    write_atomic(args.tmx, write_tmx(run.publications))
    print(f"{args.tmx}: {sum(p.translated for pub in run.publications for p in pub.pairs)} units")
    _report(run.errors)
    return 1 if run.errors else 0
