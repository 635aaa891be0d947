"""Normalisation: the bytes of a real article page -> a clean :class:`~g60pub.model.Article`.

decode.py (bytes -> str) -> dom.py (tree, sanitised) -> metadata.py (what the
markup states) -> lines.py (visible lines) -> extract.py (title, byline,
blocks) -> text.py rules on every string.
"""

from __future__ import annotations

from pathlib import Path

from g60pub.chinese import detect_script
from g60pub.errors import SourceError
from g60pub.model import Article, make_blocks
from g60pub.normalize.decode import DecodeWarning, decode
from g60pub.normalize.dom import drop_datelines, parse, sanitise
from g60pub.normalize.english import is_english
from g60pub.normalize.extract import extract
from g60pub.normalize.lines import walk
from g60pub.normalize.metadata import read_metadata
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
        root = parse(text)
        meta = read_metadata(root, text)
        sanitise(root)
        drop_datelines(root)
        body = root.find("body")
        size = len((body if body is not None else root).text_content())
        if size > MAX_TEXT:
            raise SourceError(f"page too long: {size:,} characters of text (limit {MAX_TEXT:,})")
        found = extract(
            body if body is not None else root, walk(body if body is not None else root), meta
        )
    except SourceError as err:
        raise err.at(path) if path is not None else err from None
    except RecursionError:
        error = SourceError("markup nested too deeply")
        raise (error.at(path) if path is not None else error) from None
    every = " ".join([found.title, *(text for _, text in found.items)])
    return Article(
        title=found.title,
        blocks=make_blocks(found.items, title=found.title),
        lang="en" if is_english(every) else detect_script(every),
        author=found.author,
        source=found.source,
        published=found.published,
        url=url or meta.url,
        via=found.via,
    )


def normalize_file(path: str | Path) -> Article:
    """Read and normalise one source page; errors name the file."""
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise SourceError(f"cannot read ({err.strerror or err})", file=path) from None
    return normalize(data, path=path)
