"""Feeds: an Atom feed of each variant's newest articles, and an OPDS 1.2
acquisition catalog of the EPUBs for e-reader apps (KOReader, Thorium,
Calibre) to browse and download.

Both are Atom (RFC 4287): every feed and entry has an id, a title and an
updated date; ids are URNs derived from the project name, so they stay the
same from build to build and never name a host (the site can be published
anywhere). Links are relative to the feed, as RFC 4287 allows (xml:base is
the feed's own address).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import quote

from lxml import etree

from g60pub.editions.bookinfo import IDENTIFIER_NAMESPACE
from g60pub.editions.lines import ArticleLine, ListedLine

ATOM = "http://www.w3.org/2005/Atom"
DC = "http://purl.org/dc/terms/"
OPDS = "http://opds-spec.org/2010/catalog"
ATOM_TYPE = "application/atom+xml"
OPDS_ACQUISITION = "application/atom+xml;profile=opds-catalog;kind=acquisition"
NEWEST = 50
"""Articles in a variant's feed."""

L = TypeVar("L", ArticleLine, ListedLine)


def urn(*parts: str) -> str:
    return "urn:uuid:" + str(uuid.uuid5(IDENTIFIER_NAMESPACE, "/".join(parts)))


@dataclass(frozen=True, slots=True)
class FeedInfo:
    name: str  # the project's name: ids are made from it
    title: str
    lang: str
    publisher: str
    updated: str  # RFC 3339, the build date


def newest(lines: Sequence[L]) -> list[L]:
    """The articles a feed lists: the :data:`NEWEST` dated ones, newest first."""
    in_order = sorted(lines, key=lambda v: v.order, reverse=True)
    return [v for v in in_order if v.date_iso][:NEWEST]


def atom_feed(info: FeedInfo, variant_id: str, lines: Sequence[ArticleLine]) -> bytes:
    """The newest articles of one variant's site (``feed.atom`` beside its index)."""
    dated = newest(lines)
    feed = _feed(info, urn(info.name, variant_id, "feed"), info.title, {None: ATOM})
    _link(feed, "self", "feed.atom", ATOM_TYPE)
    _link(feed, "alternate", "index.html", "text/html")
    for view in dated:
        entry = etree.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", urn(info.name, variant_id, view.slug))
        title = _text(entry, "title", view.title_text)
        if view.title_lang != info.lang:
            title.set("{http://www.w3.org/XML/1998/namespace}lang", view.title_lang)
        _text(entry, "updated", f"{view.date_iso}T00:00:00Z")
        _text(entry, "published", f"{view.date_iso}T00:00:00Z")
        _link(entry, "alternate", f"{quote(view.slug)}.html", "text/html")
        if view.author:
            author = etree.SubElement(entry, f"{{{ATOM}}}author")
            _text(author, "name", view.author)
    return _bytes(feed)


@dataclass(frozen=True, slots=True)
class Book:
    """An EPUB as the catalog lists it."""

    href: str  # relative to the catalog
    identifier: str  # the book's own dc:identifier
    title: str
    languages: tuple[str, ...]
    size: int


def opds_catalog(info: FeedInfo, books: Sequence[Book]) -> bytes:
    """An OPDS 1.2 acquisition feed: one entry per EPUB, open-access downloads."""
    feed = _feed(info, urn(info.name, "opds"), info.title, {None: ATOM, "dc": DC, "opds": OPDS})
    _link(feed, "self", "opds.xml", OPDS_ACQUISITION)
    _link(feed, "start", "opds.xml", OPDS_ACQUISITION)
    for book in books:
        entry = etree.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", book.identifier)
        _text(entry, "title", book.title)
        _text(entry, "updated", info.updated)
        author = etree.SubElement(entry, f"{{{ATOM}}}author")
        _text(author, "name", info.publisher)
        for tag in book.languages:
            etree.SubElement(entry, f"{{{DC}}}language").text = tag
        etree.SubElement(entry, f"{{{DC}}}publisher").text = info.publisher
        link = _link(entry, "http://opds-spec.org/acquisition/open-access", book.href)
        link.set("type", "application/epub+zip")
        link.set("length", str(book.size))
    return _bytes(feed)


def _feed(
    info: FeedInfo, identifier: str, title: str, nsmap: dict[str | None, str]
) -> etree._Element:
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap=nsmap)  # type: ignore[arg-type]
    feed.set("{http://www.w3.org/XML/1998/namespace}lang", info.lang)
    _text(feed, "id", identifier)
    _text(feed, "title", title)
    _text(feed, "updated", info.updated)
    author = etree.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", info.publisher)
    etree.SubElement(feed, f"{{{ATOM}}}generator").text = "g60pub"
    return feed


def _text(parent: etree._Element, name: str, value: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ATOM}}}{name}")
    element.text = value
    return element


def _link(parent: etree._Element, rel: str, href: str, kind: str | None = None) -> etree._Element:
    link = etree.SubElement(parent, f"{{{ATOM}}}link", rel=rel, href=href)
    if kind:
        link.set("type", kind)
    return link


def _bytes(feed: etree._Element) -> bytes:
    return bytes(etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True))
