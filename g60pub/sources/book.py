"""EPUB books: every chapter of the reading order becomes an article.

The book is read with ebooklib. The documents of its spine, in order, that
hold text and are not book furniture (furniture.py) are its chapters,
numbered from 1. Each chapter's XHTML goes through the normaliser in book
mode (normalize/chapter.py); the book's metadata is carried into every
chapter's article: dc:creator is the author, dc:publisher the source (a
book with no publisher names itself, 《书名》), dc:date the publication date.
The script is the book's, told once from the text of all its chapters (and
from dc:language when the text has no character specific to either
script), so a short chapter of a Traditional book is never read as
Simplified.
"""

from __future__ import annotations

import io
import json
import posixpath
import re
import warnings
from dataclasses import astuple, dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from ebooklib import epub

from g60pub.chinese import script_evidence
from g60pub.errors import SourceError
from g60pub.model import Article, Script
from g60pub.normalize.chapter import normalize_chapter
from g60pub.normalize.dates import find_datetime
from g60pub.normalize.text import normalize_text
from g60pub.sources.container import open_archive, refuse_drm
from g60pub.sources.furniture import Page, is_furniture, look_at, marked_pages

_XHTML = frozenset(["application/xhtml+xml", "text/html"])
_DC = "http://purl.org/dc/elements/1.1/"
_OPF_EVENT = "{http://www.idpf.org/2007/opf}event"
_TRADITIONAL_TAG = re.compile(r"(?:zh|cmn|yue)[-_](?:hant|tw|hk|mo)(?![a-z])", re.I)
_FILE_NAME = re.compile(r"\.(?:x?html?|xml)$", re.I)
# Characters of each chapter, and of the whole book, that the script is told from.
_SAMPLE = 2000
_SAMPLE_BOOK = 100_000


@dataclass(frozen=True, slots=True)
class BookInfo:
    """What a book says of itself, carried into each of its chapters' articles."""

    title: str | None
    author: str | None
    publisher: str | None
    published: str | None
    script: Script

    @property
    def source(self) -> str | None:
        """The publisher, or for a book without one the book itself: 《书名》."""
        return self.publisher or (f"《{self.title}》" if self.title else None)


@dataclass(frozen=True, slots=True)
class Chapter:
    """One chapter of a book: its place, its XHTML, the label its book gives it."""

    number: int  # 1, 2, … in reading order, among the chapters only
    href: str  # the content document's path inside the book
    xhtml: bytes
    label: str  # what the navigation calls it, or a stand-in
    book: BookInfo

    def key(self) -> bytes:
        """Everything the chapter's article is made of: a build cache key part, so a
        changed book rebuilds only the chapters whose content changed."""
        described = json.dumps([self.number, self.href, self.label, *astuple(self.book)])
        return described.encode("utf-8") + b"\0" + self.xhtml


def read_book(data: bytes) -> tuple[Chapter, ...]:
    """The chapters of the EPUB ``data``, in reading order.

    Raises :class:`SourceError` for a broken or truncated archive, a book
    with DRM, a package ebooklib cannot read, and a book with no chapter.
    """
    archive = open_archive(data, "EPUB")
    refuse_drm(archive)
    book = _load(data)
    marked = marked_pages(_nav(book), list(getattr(book, "guide", []) or []))
    kept: list[tuple[str, bytes, Page | None]] = []
    for item in _spine_documents(book):
        if isinstance(item, epub.EpubNav):
            continue
        content = bytes(item.content or b"")
        try:
            page: Page | None = look_at(content)
        except SourceError:
            page = None  # kept: its normalisation will say what is wrong with it
        name = posixpath.normpath(item.file_name)
        if page is None or not is_furniture(name, str(item.id or ""), page, marked):
            kept.append((name, content, page))
    if not kept:
        raise SourceError(
            "no chapter with text: every document of the reading order is a cover, "
            "a title, contents or copyright page, or pictures"
        )
    info = _info(book, [page.text for _, _, page in kept if page is not None])
    labels = _labels(book)
    return tuple(
        Chapter(number, name, content, _label(name, labels, page, info, number), info)
        for number, (name, content, page) in enumerate(kept, start=1)
    )


def chapter_article(chapter: Chapter, path: str | Path | None = None) -> Article:
    """The article of one chapter, with its book's metadata; errors name the
    chapter in their reason and ``path`` (the book) as their file."""
    try:
        article = normalize_chapter(chapter.xhtml, label=chapter.label, path=path)
    except SourceError as err:
        raise SourceError(
            f"chapter {chapter.number} ({chapter.href}): {err.reason}", file=path
        ) from None
    book = chapter.book
    return replace(
        article,
        lang=book.script,
        author=book.author,
        source=book.source,
        published=book.published,
    )


def _load(data: bytes) -> Any:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ebooklib's notices about its own options
            return epub.read_epub(io.BytesIO(data), {"ignore_ncx": True})
    except Exception as err:
        # ebooklib reports a malformed package with whatever its code met:
        # KeyError (a missing file), IndexError, AttributeError, lxml errors.
        reason = " ".join(str(err).split())[:160] or type(err).__name__
        raise SourceError(f"not a readable EPUB ({reason})") from None


def _spine_documents(book: Any) -> list[Any]:
    documents = []
    for idref, _linear in book.spine:
        item = book.get_item_with_id(idref)
        if item is not None and (item.media_type or "") in _XHTML:
            documents.append(item)
    return documents


def _nav(book: Any) -> tuple[str, bytes] | None:
    for item in book.get_items():
        if isinstance(item, epub.EpubNav):
            return posixpath.normpath(item.file_name), bytes(item.content or b"")
    return None


def _metadata(book: Any, name: str) -> list[tuple[str, dict[str, str]]]:
    values = book.metadata.get(_DC, {}).get(name, [])
    return [(str(v), dict(a or {})) for v, a in values if v and str(v).strip()]


def _first(book: Any, name: str, *, keep_spaces: bool = False) -> str | None:
    for value, _ in _metadata(book, name):
        text = normalize_text(value, keep_spaces=keep_spaces)
        if text:
            return text
    return None


def _published(book: Any) -> str | None:
    # EPUB 2 marks its dates with an event; the publication date comes first,
    # a modification date never counts.
    dates = _metadata(book, "date")
    ordered = sorted(dates, key=lambda d: d[1].get(_OPF_EVENT, "") != "publication")
    for value, attributes in ordered:
        if attributes.get(_OPF_EVENT, "") != "modification":
            found = find_datetime(value)
            if found:
                return found
    return None


def _info(book: Any, texts: list[str]) -> BookInfo:
    creators = [normalize_text(value) for value, _ in _metadata(book, "creator")]
    sample = "".join(text[:_SAMPLE] for text in texts)[:_SAMPLE_BOOK]
    traditional, simplified = script_evidence(sample)
    if traditional != simplified:
        script: Script = "zh-Hant" if traditional > simplified else "zh-Hans"
    else:
        language = _first(book, "language") or ""
        script = "zh-Hant" if _TRADITIONAL_TAG.match(language) else "zh-Hans"
    return BookInfo(
        title=_first(book, "title", keep_spaces=True),
        author="、".join(dict.fromkeys(c for c in creators if c)) or None,
        publisher=_first(book, "publisher"),
        published=_published(book),
        script=script,
    )


def _labels(book: Any) -> dict[str, str]:
    """Each document's first label in the table of contents, by its path."""
    # From the EPUB 3 navigation document ebooklib resolves the links; from
    # an EPUB 2 NCX they are relative to the NCX file.
    base = ""
    if _nav(book) is None:
        ncx = next((i for i in book.get_items() if isinstance(i, epub.EpubNcx)), None)
        base = posixpath.dirname(ncx.file_name) if ncx is not None else ""
    labels: dict[str, str] = {}
    stack: list[Any] = list(reversed(list(book.toc or [])))
    while stack:
        entry = stack.pop()
        if isinstance(entry, tuple | list):
            stack.extend(reversed(list(entry)))
            continue
        href, title = getattr(entry, "href", "") or "", getattr(entry, "title", "") or ""
        if href and title.strip():
            path = posixpath.normpath(posixpath.join(base, unquote(href.split("#")[0])))
            labels.setdefault(path, title)
    return labels


def _label(name: str, labels: dict[str, str], page: Page | None, info: BookInfo, n: int) -> str:
    """The navigation's label; else the document's <title> when it names the
    chapter (not the book, not a file name); else the book's title and the number."""
    label = labels.get(name)
    if label and normalize_text(label):
        return label
    title = page.title if page is not None else None
    if (
        title
        and not _FILE_NAME.search(title)
        and normalize_text(title, keep_spaces=True) != info.title
    ):
        return title
    return f"{info.title}（{n}）" if info.title else f"第{n}章"
