"""TMX 1.4b export of translated pairs, for translation memories.

One ``tu`` per translated (non-fuzzy) pair, ``tuid`` = block id. The output
is deterministic: no creation date unless SOURCE_DATE_EPOCH gives one, and
pairs in publication order.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable

from lxml import etree

from g60pub import __version__
from g60pub.model import Publication

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SOURCE_LANG = "zh-Hans"


def write_tmx(publications: Iterable[Publication]) -> bytes:
    """The TMX document holding every translated pair of ``publications``."""
    publications = list(publications)
    source_langs = {pub.article.lang or SOURCE_LANG for pub in publications}
    # TMX 1.4b, header: srclang is "*all*" when the units do not share one source language.
    srclang = (
        source_langs.pop() if len(source_langs) == 1 else ("*all*" if source_langs else SOURCE_LANG)
    )
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
    body = etree.SubElement(root, "body")
    for pub in publications:
        source_lang = pub.article.lang or SOURCE_LANG
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
    data: bytes = etree.tostring(
        root,
        xml_declaration=True,
        encoding="UTF-8",
        pretty_print=True,
        doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    )
    return data


def _creation_date() -> str | None:
    # TMX dates are ISO 8601 basic UTC: YYYYMMDDThhmmssZ.
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).strftime("%Y%m%dT%H%M%SZ")
