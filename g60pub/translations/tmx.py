"""TMX 1.4b export of translated pairs, for translation memories.

One ``tu`` per translated (non-fuzzy) pair, ``tuid`` = block id. The output
is deterministic: no creation date unless SOURCE_DATE_EPOCH gives one, and
pairs in publication order.

A document is a frame (declaration, header, ``<body>``) around each
publication's units, and each publication's units are serialised on their
own (:func:`tmx_units`): a build renders them with the article, in its
worker, and joins them when the file is written, never holding the whole
corpus's pairs or document tree at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from lxml import etree

from g60pub.model import Publication
from g60pub.reproducible import source_date_epoch
from g60pub.version import __version__

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SOURCE_LANG = "zh-Hans"
_DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
# Pretty-printed, a unit sits two levels deep; its document's body opens and
# closes at one level deep (lxml indents by two spaces per level).
_BODY_OPEN = b"  <body>\n"
_BODY_CLOSE = b"  </body>\n"
_BODY_EMPTY = b"  <body/>\n"

Unit = TypeVar("Unit")


def write_tmx(publications: Iterable[Publication]) -> bytes:
    """The TMX document holding every translated pair of ``publications``."""
    publications = list(publications)
    units = [u for u in map(tmx_units, publications) if u]
    return b"".join(tmx_parts((tmx_source_lang(p) for p in publications), units))


def tmx_source_lang(pub: Publication) -> str:
    return pub.article.lang or SOURCE_LANG


def tmx_units(pub: Publication) -> bytes:
    """The ``tu`` elements of ``pub``'s translated pairs, exactly as they appear,
    indented, in a document made by :func:`write_tmx` (empty when none is translated)."""
    root, body = _document(SOURCE_LANG)
    source_lang = tmx_source_lang(pub)
    for pair in pub.pairs:
        if not pair.translated or pair.translation is None:
            continue
        tu = etree.SubElement(body, "tu", tuid=pair.block.id)
        prop = etree.SubElement(tu, "prop", type="x-g60pub-article")
        prop.text = pub.slug
        for lang, text in ((source_lang, pair.block.text), (pub.target_lang, pair.translation)):
            tuv = etree.SubElement(tu, "tuv")
            tuv.set(XML_LANG, lang)
            seg = etree.SubElement(tuv, "seg")
            seg.text = text
    if not len(body):
        return b""
    data = _serialise(root)
    start = data.index(_BODY_OPEN) + len(_BODY_OPEN)
    return data[start : data.rindex(_BODY_CLOSE)]


def tmx_parts(source_langs: Iterable[str], units: Sequence[Unit]) -> list[bytes | Unit]:
    """The document, in order: its frame's bytes around ``units``, the
    non-empty results of :func:`tmx_units` (or whatever holds them)."""
    langs = set(source_langs)
    # TMX 1.4b, header: srclang is "*all*" when the units do not share one source language.
    srclang = langs.pop() if len(langs) == 1 else ("*all*" if langs else SOURCE_LANG)
    root, _ = _document(srclang)
    data = _serialise(root)
    at = data.index(_BODY_EMPTY)
    head, tail = data[:at], data[at + len(_BODY_EMPTY) :]
    if not units:
        return [head, _BODY_EMPTY, tail]
    return [head, _BODY_OPEN, *units, _BODY_CLOSE, tail]


def _document(srclang: str) -> tuple[etree._Element, etree._Element]:
    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(
        root,
        "header",
        creationtool="g60pub",
        creationtoolversion=__version__,
        segtype="paragraph",
        attrib={
            "o-tmf": "g60pub PO",
            "adminlang": "en",
            "srclang": srclang,
            "datatype": "plaintext",
        },
    )
    stamp = _creation_date()
    if stamp:
        header.set("creationdate", stamp)
    return root, etree.SubElement(root, "body")


def _serialise(root: etree._Element) -> bytes:
    data: bytes = etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True, doctype=_DOCTYPE
    )
    return data


def _creation_date() -> str | None:
    # TMX dates are ISO 8601 basic UTC: YYYYMMDDThhmmssZ.
    moment = source_date_epoch()
    return moment.strftime("%Y%m%dT%H%M%SZ") if moment is not None else None
