"""Which documents of a book's reading order are book furniture, not chapters.

A book's spine lists its cover, title page, table of contents and copyright
page (版权页) or colophon along with its chapters. They are told apart by
what the book says of them, most explicit first: the navigation document
itself; the landmarks of the EPUB 3 navigation and the EPUB 2 guide; the
``epub:type`` (or DPUB-ARIA ``role``) of the body and its sections; then,
for a short page only, its file name or id (cover.xhtml, copyright.html);
last, what the page holds: no text outside headings (a cover image, a part
title), links only (a contents page), or the words of a copyright page
(ISBN, 版权所有, 责任编辑, 定价 …).
"""

from __future__ import annotations

import posixpath
import re
import warnings
from dataclasses import dataclass
from urllib.parse import unquote

from lxml.html import HtmlElement

from g60pub.chinese import opencc_converter
from g60pub.errors import SourceError
from g60pub.normalize.decode import DecodeWarning, decode
from g60pub.normalize.dom import parse, sanitise
from g60pub.normalize.lines import meaningful

# EPUB 3 Structural Semantics (and DPUB-ARIA roles without their doc- prefix).
_TYPES = frozenset(
    ["cover", "titlepage", "halftitlepage", "copyright-page", "colophon", "toc", "landmarks",
     "loi", "lot", "imprint", "seriespage"]
)  # fmt: skip
# EPUB 2 guide reference types.
_GUIDE = frozenset(["cover", "title-page", "copyright-page", "colophon", "toc"])
_NAME = re.compile(
    r"(?<![a-z])(?:cover(?:page)?|copyright(?:page)?|colophon|title_?page|"
    r"half_?title(?:_?page)?|imprint)(?![a-z])",
    re.I,
)
_SHORT = 1000  # meaningful characters: a longer page named cover.xhtml is a chapter all the same
_LINKS = 0.8
_COPYRIGHT_WORDS = (
    "isbn", "版权所有", "著作权", "图书在版编目", "cip", "定价", "责任编辑", "出版发行",
    "印刷", "开本", "印张", "字数", "版次", "印次", "copyright", "all rights reserved",
)  # fmt: skip
_COPYRIGHT_MIN = 3


@dataclass(frozen=True, slots=True)
class Page:
    """What one content document of a book holds, as far as telling furniture needs."""

    text: str  # the visible text of the body
    chars: int  # its letters, digits and Han characters
    outside_headings: int
    in_links: int
    types: frozenset[str]  # epub:type and role tokens of the body and its sections
    title: str | None  # the <title>


def look_at(xhtml: bytes) -> Page:
    """Read one content document the way the normaliser will; SourceError when it cannot."""
    root = parse(_text(xhtml))
    title_element = root.find(".//title")
    title = " ".join(title_element.text_content().split()) if title_element is not None else None
    sanitise(root)
    found = root.find("body")
    body = found if found is not None else root
    text = body.text_content()
    in_headings = sum(
        meaningful(h.text_content()) for h in body.iter("h1", "h2", "h3", "h4", "h5", "h6")
    )
    in_links = sum(meaningful(a.text_content()) for a in body.iter("a") if a.get("href"))
    chars = meaningful(text)
    return Page(text, chars, chars - in_headings, in_links, _types(body), title or None)


def _text(data: bytes) -> str:
    # Bytes replaced in decoding are reported once, when the chapter is normalised.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DecodeWarning)
        return decode(data)


def _types(body: HtmlElement) -> frozenset[str]:
    elements = [body, *body.iterchildren(), *(g for c in body.iterchildren() for g in c)]
    tokens: set[str] = set()
    for element in elements:
        if not isinstance(element.tag, str):
            continue
        for name in ("epub:type", "role"):
            tokens.update(t.lower().removeprefix("doc-") for t in (element.get(name) or "").split())
    return frozenset(tokens)


def is_furniture(name: str, item_id: str, page: Page, marked: set[str]) -> bool:
    """True for a cover, title, contents or copyright page; ``name`` is the
    document's path in the book, ``marked`` the paths its landmarks and guide name."""
    if name in marked or page.types & _TYPES:
        return True
    stem = posixpath.splitext(posixpath.basename(name))[0]
    if page.chars <= _SHORT and (_NAME.search(stem) or _NAME.search(item_id)):
        return True
    if page.outside_headings == 0:
        return True  # a cover image, an illustration, a part title over nothing
    if page.in_links >= _LINKS * page.chars:
        return True  # a table of contents
    return page.chars <= _SHORT and _copyright_page(page.text)


def _copyright_page(text: str) -> bool:
    simplified = opencc_converter("t2s").convert(text).lower()
    return sum(word in simplified for word in _COPYRIGHT_WORDS) >= _COPYRIGHT_MIN


def marked_pages(nav: tuple[str, bytes] | None, guide: list[dict[str, str]]) -> set[str]:
    """Paths (relative to the package document) that the landmarks or the guide call
    a cover, title, contents or copyright page. ``nav`` is the navigation
    document's path and bytes."""
    marked = {
        _path("", entry.get("href") or "")
        for entry in guide
        if (entry.get("type") or "").lower() in _GUIDE
    }
    if nav is not None:
        name, data = nav
        try:
            root = parse(_text(data))
        except SourceError:
            return marked
        for landmarks in root.iter("nav"):
            if "landmarks" not in (landmarks.get("epub:type") or "").split():
                continue
            for link in landmarks.iter("a"):
                types = set((link.get("epub:type") or "").split())
                if types & _TYPES and link.get("href"):
                    marked.add(_path(posixpath.dirname(name), link.get("href") or ""))
    return marked


def _path(base: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(base, unquote(href.split("#")[0])))
