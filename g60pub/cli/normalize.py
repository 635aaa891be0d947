"""`g60pub normalize FILE [--json]`: print the article a source page holds."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from g60pub.cli.commands import help_line

if TYPE_CHECKING:
    from g60pub.model import Article


def register(sub: Any) -> None:
    """Add this module's sub-commands to ``sub`` (argparse sub-parsers)."""
    parser = sub.add_parser("normalize", help=help_line("normalize"))
    parser.add_argument("file", help="the source page (HTML, any common Chinese encoding)")
    parser.add_argument(
        "--json", action="store_true", help="print the Article JSON (docs/contracts.md)"
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
    # Imported as the command runs: ``normalize --help`` needs no normaliser.
    from g60pub.normalize import normalize_file

    article = normalize_file(args.file)
    if args.json:
        print(json.dumps(article.to_json(), ensure_ascii=False, indent=2))
    else:
        print(_readable(article))
    return 0
