"""Book mode: one chapter of a book (an EPUB content document) -> an :class:`Article`.

A chapter takes the steps a web page takes (decode.py, dom.py, lines.py, the
heading rule of extract.py, text.py), but a book has no page around its text:
no navigation, share bar or comment box to tell from the article. So the
whole body is the article, however short: no choice by text density
(content.py), no furniture lines (boilerplate.py), no byline lines taken out
(byline.py). A web page of two short lines loses them to its sidebar; a
chapter of two short lines keeps both. The title is the chapter's opening
heading; a chapter that opens with text takes the ``label`` its book gives
it (the navigation's entry for it).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from g60pub.chinese import detect_script
from g60pub.errors import SourceError
from g60pub.model import Article, BlockKind, make_blocks
from g60pub.normalize import MAX_TEXT
from g60pub.normalize.decode import decode
from g60pub.normalize.dom import parse, sanitise
from g60pub.normalize.extract import is_heading
from g60pub.normalize.lines import Line, walk
from g60pub.normalize.text import normalize_text


def normalize_chapter(
    data: bytes | str, *, label: str | None = None, path: str | Path | None = None
) -> Article:
    """Turn one chapter's XHTML into an :class:`Article`: every line of its body kept.

    Raises :class:`SourceError` (naming ``path`` when given) for a chapter
    with no text besides its title, or with neither an opening heading nor a
    ``label`` to take the title from.
    """
    try:
        text = decode(data, str(path) if path is not None else None)
        root = parse(text)
        sanitise(root)
        body = root.find("body")
        top = body if body is not None else root
        size = len(top.text_content())
        if size > MAX_TEXT:
            raise SourceError(f"chapter too long: {size:,} characters of text (limit {MAX_TEXT:,})")
        title, items = _chapter(walk(top), label)
    except SourceError as err:
        raise err.at(path) if path is not None else err from None
    except RecursionError:
        error = SourceError("markup nested too deeply")
        raise (error.at(path) if path is not None else error) from None
    every = " ".join([title, *(text for _, text in items)])
    return Article(title=title, blocks=make_blocks(items, title=title), lang=detect_script(every))


def _chapter(lines: Sequence[Line], label: str | None) -> tuple[str, list[tuple[BlockKind, str]]]:
    present = [(line, text) for line in lines if (text := normalize_text(line.text))]
    if not present:
        raise SourceError("no text")
    first, first_text = present[0]
    # A lone short line is the chapter's text (a dedication, an epigraph), not
    # a title over nothing; an <hN> is a heading wherever it stands.
    if first.heading or (len(present) > 1 and is_heading(first, first_text)):
        title = normalize_text(first.text, keep_spaces=True)
        rest = present[1:]
    elif label and normalize_text(label, keep_spaces=True):
        title = normalize_text(label, keep_spaces=True)
        rest = present
    else:
        raise SourceError("no title: the chapter opens with text and has no label")
    repeated = normalize_text(title)
    items: list[tuple[BlockKind, str]] = [
        ("heading" if is_heading(line, text) else "paragraph", text)
        for line, text in rest
        if text != repeated
    ]
    if not items:
        raise SourceError("no text besides its title")
    return title, items
