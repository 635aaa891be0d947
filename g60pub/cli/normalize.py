"""`g60pub normalize FILE [--json]`: print the article (or a book's articles) a source holds."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from g60pub.cli.commands import help_line
from g60pub.model import Article


def register(sub: Any) -> None:
    """Add this module's sub-commands to ``sub`` (argparse sub-parsers)."""
    parser = sub.add_parser("normalize", help=help_line("normalize"))
    parser.add_argument(
        "file",
        help="the source: an HTML page (any common Chinese encoding), a .docx or an .epub",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the Article JSON (docs/contracts.md); for an EPUB, a list of one per chapter",
    )
    parser.set_defaults(func=_normalize)


def _readable(article: Article) -> str:
    lines = [article.title, ""]
    for label, value in (
        ("author", article.author),
        ("source", article.source),
        ("published", article.published),
        ("url", article.url),
        ("lang", article.lang),
    ):
        if value:
            lines.append(f"{label}: {value}")
    for block in article.blocks:
        lines += ["", f"## {block.text}" if block.kind == "heading" else block.text]
    return "\n".join(lines)


def _normalize(args: argparse.Namespace) -> int:
    # Here, not at the top: `normalize --help` need not load the normaliser.
    from g60pub.project import SourceFile, chapter_slug, read_source

    path = Path(args.file)
    articles = read_source(path)
    book = SourceFile(path.stem, path).kind == "book"
    if args.json:
        data = [a.to_json() for a in articles] if book else articles[0].to_json()
        print(json.dumps(data, ensure_ascii=False, indent=2))
    elif book:
        slugs = (chapter_slug(path.stem, n) for n in range(1, len(articles) + 1))
        print("\n\n".join(f"# {s}\n\n{_readable(a)}" for s, a in zip(slugs, articles, strict=True)))
    else:
        print(_readable(articles[0]))
    return 0
