"""Normalisation: the bytes of a real article page -> a clean :class:`~g60pub.model.Article`.

decode.py (bytes -> str) -> dom.py (tree, sanitised) -> metadata.py (what the
markup states) -> lines.py (visible lines) -> extract.py (title, byline,
blocks) -> text.py rules on every string.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml.html import HtmlElement

from g60pub.chinese import detect_script
from g60pub.errors import SourceError
from g60pub.model import Article, make_blocks
from g60pub.normalize.datelines import drop_datelines
from g60pub.normalize.dates import month_first_page
from g60pub.normalize.decode import DecodeWarning, decode
from g60pub.normalize.dom import parse, sanitise
from g60pub.normalize.english import is_english
from g60pub.normalize.extract import NO_ARTICLE, Extracted, extract
from g60pub.normalize.lines import walk
from g60pub.normalize.metadata import PageMeta, read_metadata
from g60pub.normalize.names import is_organisation
from g60pub.normalize.page_title import strip_site_suffix
from g60pub.normalize.text import normalize_text

__all__ = ["MAX_TEXT", "DecodeWarning", "normalize", "normalize_file", "normalize_text"]

# Characters of visible text a page may hold: a long book, far beyond any
# article. Past it the page is refused before the per-line work, whose cost
# grows with the text, turns a hostile or runaway page into a stalled build.
MAX_TEXT = 1_000_000


def normalize(
    data: bytes | str, *, url: str | None = None, path: str | Path | None = None
) -> Article:
    """Turn the bytes (or text) of an article page into an :class:`Article`.

    Raises :class:`SourceError` (naming ``path`` when given) for input that is
    not HTML, cannot be decoded, or holds no article; a page read with a few
    undecodable bytes replaced gives a :class:`DecodeWarning` instead.
    """
    try:
        text = decode(data, str(path) if path is not None else None)
        if _FEED.match(text, 0, 4096):
            raise SourceError("no article found (a news feed, RSS or Atom, not a page)")
        with month_first_page(text):
            root = parse(text)
            meta = read_metadata(root, text)
            try:
                found = _extracted(root, meta)
            except SourceError as err:
                # No article in what the page shows: one a script reveals, hidden
                # under the page's own headline (a paper's e-edition), is read.
                found, meta = _revealed(text, _headline(meta), err)
    except SourceError as err:
        raise err.at(path) if path is not None else err from None
    except RecursionError:
        error = SourceError("markup nested too deeply")
        raise (error.at(path) if path is not None else error) from None
    author, source = found.author, found.source
    if author and is_organisation(author):
        # A newsroom or an office in the writer's place (中央通訊社, 某某局): the
        # text's source, as the page names no one who wrote it.
        author, source = None, source or author
    every = " ".join([found.title, *(text for _, text in found.items)])
    return Article(
        title=found.title,
        blocks=make_blocks(found.items, title=found.title),
        lang="en" if is_english(every) else detect_script(every),
        author=author,
        source=source,
        published=found.published or meta.title_date,
        url=url or meta.url,
        via=found.via,
    )


def _extracted(root: HtmlElement, meta: PageMeta, reveal: str | None = None) -> Extracted:
    sanitise(root, reveal, strip_site_suffix(meta.page_title or "") or None)
    drop_datelines(root)
    body = root.find("body")
    # Characters shown, not the indentation around them (a page padded to megabytes).
    size = len(_SPACE.sub("", (body if body is not None else root).text_content()))
    if size > MAX_TEXT:
        raise SourceError(f"page too long: {size:,} characters of text (limit {MAX_TEXT:,})")
    return extract(
        body if body is not None else root, walk(body if body is not None else root), meta
    )


def _revealed(text: str, headline: str | None, err: SourceError) -> tuple[Extracted, PageMeta]:
    """The article hidden under the page's ``headline``, if there is one
    with text; else ``err`` (why the page as shown holds no article). The
    page is parsed again: the first tree was sanitised."""
    if headline is None or err.reason != NO_ARTICLE:
        raise err
    root = parse(text)
    meta = read_metadata(root, text)  # its items are this tree's elements
    try:
        found = _extracted(root, meta, headline)
    except SourceError:
        raise err from None
    if not any(_SENTENCE.search(line) for kind, line in found.items if kind == "paragraph"):
        raise err  # the headline, but no text under it: still none
    return found, meta


# A news feed saved under a page's name: its root element, after the XML
# declaration and any comments or a stylesheet's processing instruction.
_FEED = re.compile(r"\ufeff?\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]", re.S)
_SENTENCE = re.compile(r"[。！？!?]")
_SPACE = re.compile(r"\s+")
_HEADLINE = 8  # characters of the <title>'s first part, at least, to look for hidden


def _headline(meta: PageMeta) -> str | None:
    """The first part of the page's ``<title>`` (before a space or a
    separator), without spaces, if it is long enough to name an article."""
    first = re.split(r"\s+|[-_|｜–—]", (meta.page_title or "").strip())[0]
    return first if len(first) >= _HEADLINE else None


def normalize_file(path: str | Path) -> Article:
    """Read and normalise one source page; errors name the file."""
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise SourceError(f"cannot read ({err.strerror or err})", file=path) from None
    return normalize(data, path=path)
