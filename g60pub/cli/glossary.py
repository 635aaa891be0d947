"""`g60pub glossary` commands: lookup, find, check, export, import."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from g60pub.atomic import write_atomic
from g60pub.cli.commands import help_line
from g60pub.errors import GlossaryError, SourceError
from g60pub.glossary import Glossary, Term
from g60pub.glossary.check import lint_terms


def add_glossary_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--glossary",
        action="append",
        metavar="PATH",
        help="glossary CSV/TSV/TBX file or directory layered on the bundled one:"
        " its terms add to it or override the same zh (repeatable, later wins)",
    )
    parser.add_argument(
        "--project",
        type=Path,
        metavar="DIR",
        help="use the glossary a build of this project uses (the bundled one, its"
        " glossary/ and the files its configuration names), below any --glossary",
    )
    parser.add_argument(
        "--no-bundled",
        action="store_true",
        help="leave the bundled glossary out: only the project's and --glossary files",
    )


def load_glossary(args: argparse.Namespace) -> Glossary:
    """The layered glossary the options name: bundled, project, --glossary files."""
    bundled = not args.no_bundled
    project: Path | None = args.project
    if project is None:
        base = Glossary.load(bundled=bundled)
    else:
        # Only with --project: the project module reads sources with the
        # normaliser, whose import would double a plain lookup's start.
        from g60pub.config import load_config
        from g60pub.project import load_glossary as project_glossary

        base = project_glossary(project, load_config(project), bundled=bundled)
    extra: list[str] = args.glossary or []
    return base.combine(Glossary.load(extra, bundled=False)) if extra else base


def read_input(name: str) -> str:
    """Text of FILE, or of standard input for ``-``."""
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        return data.decode("utf-8").removeprefix("\ufeff")
    except OSError as err:
        raise SourceError(f"cannot read: {err.strerror}", name) from None
    except UnicodeDecodeError:
        where = "standard input" if name == "-" else name
        raise SourceError("not UTF-8 text", where) from None


def register(sub: Any) -> None:
    """Add this module's sub-commands to sub (argparse sub-parsers)."""
    parser = sub.add_parser("glossary", help=help_line("glossary"))
    commands = parser.add_subparsers(dest="glossary_command", metavar="ACTION", required=True)

    p = commands.add_parser("lookup", help="show the term for a Chinese or English form")
    p.add_argument("term")
    add_glossary_option(p)
    p.set_defaults(func=_lookup)

    p = commands.add_parser("find", help="list glossary terms found in a text")
    p.add_argument("file", nargs="?", default="-", help="UTF-8 text file, or - for stdin")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_glossary_option(p)
    p.set_defaults(func=_find)

    p = commands.add_parser("check", help="validate the termbase (exit 1 on problems)")
    add_glossary_option(p)
    p.set_defaults(func=_check)

    p = commands.add_parser("export", help="write the glossary as TBX or CSV")
    p.add_argument("--format", choices=("tbx", "csv"), default="tbx")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    add_glossary_option(p)
    p.set_defaults(func=_export)

    p = commands.add_parser("import", help="convert a TBX or CSV glossary to CSV")
    p.add_argument("file", help="FILE.tbx or FILE.csv")
    p.add_argument("-o", "--output", help="output CSV file (default: standard output)")
    p.set_defaults(func=_import)


def _term_dict(term: Term) -> dict[str, Any]:
    return {
        "zh": term.zh,
        "zh_hant": term.zh_hant,
        "en": term.en,
        "en_alt": list(term.en_alt),
        "en_forbidden": list(term.en_forbidden),
        "type": term.type,
        "note": term.note,
        "source": term.source,
    }


def _lookup(args: argparse.Namespace) -> int:
    term = load_glossary(args).lookup(args.term)
    if term is None:
        print(f"g60pub: no glossary term {args.term!r}", file=sys.stderr)
        return 1
    for name, value in _term_dict(term).items():
        if value:
            shown = " | ".join(value) if isinstance(value, list) else value
            print(f"{name}: {shown}")
    return 0


def _find(args: argparse.Namespace) -> int:
    text = read_input(args.file)
    matches = load_glossary(args).find(text)
    if args.json:
        rows = [
            {"start": m.start, "end": m.end, "text": text[m.start : m.end], "form": m.form}
            | {"zh": m.term.zh, "en": m.term.en, "type": m.term.type}
            for m in matches
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for m in matches:
        print(f"{m.start}\t{m.end}\t{m.form}\t{text[m.start : m.end]}\t{m.term.zh}\t{m.term.en}")
    return 0


def _check(args: argparse.Namespace) -> int:
    try:
        glossary = load_glossary(args)
    except GlossaryError as err:
        print(f"g60pub: {err}", file=sys.stderr)
        return 1
    # Overrides are what a layer is for, so they are listed, not problems.
    for override in glossary.overrides:
        print(override)
    problems = lint_terms(glossary)
    for problem in problems:
        print(f"g60pub: {problem}", file=sys.stderr)
    overridden = f"{len(glossary.overrides)} override(s), " if glossary.overrides else ""
    print(f"{len(glossary)} terms, {overridden}{len(problems)} problem(s)")
    return 1 if problems else 0


def _export(args: argparse.Namespace) -> int:
    glossary = load_glossary(args)
    data: bytes | str = glossary.to_tbx() if args.format == "tbx" else glossary.to_csv()
    _emit(data, args.output)
    return 0


def _import(args: argparse.Namespace) -> int:
    _emit(Glossary.load([args.file], bundled=False).to_csv(), args.output)
    return 0


def _emit(data: bytes | str, output: str | None) -> None:
    if output:
        write_atomic(output, data)
    elif isinstance(data, bytes):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(data)
