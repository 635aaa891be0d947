"""TMX 1.4b export: header, one tu per translated pair, deterministic, parses back."""

from __future__ import annotations

from dataclasses import replace

import pytest
from lxml import etree

from g60pub import __version__
from g60pub.model import Article, Pair, Publication, Script, make_blocks
from g60pub.translations.tmx import tmx_parts, tmx_source_lang, tmx_units, write_tmx

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def publication() -> Publication:
    title = "松江杭州嘉兴签订协议"
    article = Article(
        title,
        make_blocks(
            [
                ("paragraph", "三地签订协议。"),
                ("paragraph", "未译段落。"),
                ("paragraph", "旧段落 & <标记>"),
            ],
            title=title,
        ),
    )
    b = article.blocks
    pairs = (
        Pair(article.title_block, "Songjiang, Hangzhou and Jiaxing sign agreement"),
        Pair(b[0], "The three places signed the agreement."),
        Pair(b[1], None),
        Pair(b[2], "Old & <marked> paragraph", fuzzy=True),
    )
    return Publication("sample", article, pairs)


def parse(data: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(data, parser)


def test_header_has_the_tmx_14b_attributes() -> None:
    header = parse(write_tmx([publication()])).find("header")
    assert header is not None
    assert header.get("creationtool") == "g60pub" and header.get("creationtoolversion")
    assert header.get("segtype") == "paragraph" and header.get("o-tmf") == "g60pub PO"
    assert header.get("adminlang") == "en" and header.get("srclang") == "zh-Hans"
    assert header.get("datatype") == "plaintext"


def test_one_unit_per_translated_non_fuzzy_pair() -> None:
    pub = publication()
    units = parse(write_tmx([pub])).findall("body/tu")
    assert [u.get("tuid") for u in units] == [pub.pairs[0].block.id, pub.pairs[1].block.id]
    tuvs = units[1].findall("tuv")
    assert [t.get(XML_LANG) for t in tuvs] == ["zh-Hans", "en"]
    assert [t.findtext("seg") for t in tuvs] == [
        "三地签订协议。",
        "The three places signed the agreement.",
    ]


def test_same_input_gives_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert write_tmx([publication()]) == write_tmx([publication()])


def test_source_date_epoch_sets_creationdate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1500000000")
    header = parse(write_tmx([publication()])).find("header")
    assert header is not None and header.get("creationdate") == "20170714T024000Z"


def _whole_tree(publications: list[Publication]) -> bytes:
    # The document as one lxml tree, the way a TMX file is written in one go:
    # what the per-publication units joined into their frame must equal.
    langs = {p.article.lang or "zh-Hans" for p in publications}
    srclang = langs.pop() if len(langs) == 1 else ("*all*" if langs else "zh-Hans")
    root = etree.Element("tmx", version="1.4")
    attrib = {"o-tmf": "g60pub PO", "adminlang": "en", "srclang": srclang}
    etree.SubElement(
        root, "header", creationtool="g60pub", creationtoolversion=__version__,
        segtype="paragraph", attrib={**attrib, "datatype": "plaintext"},
    )  # fmt: skip
    body = etree.SubElement(root, "body")
    for pub in publications:
        for pair in pub.pairs:
            if not pair.translated or pair.translation is None:
                continue
            tu = etree.SubElement(body, "tu", tuid=pair.block.id)
            etree.SubElement(tu, "prop", type="x-g60pub-article").text = pub.slug
            src = pub.article.lang or "zh-Hans"
            for lang, text in ((src, pair.block.text), (pub.target_lang, pair.translation)):
                tuv = etree.SubElement(tu, "tuv")
                tuv.set(XML_LANG, lang)
                etree.SubElement(tuv, "seg").text = text
    data: bytes = etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True,
        doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    )  # fmt: skip
    return data


def _other(slug: str, lang: Script, text: str, translation: str | None) -> Publication:
    article = replace(Article(text, make_blocks([("paragraph", text)], title=text)), lang=lang)
    pairs = (Pair(article.title_block, translation), Pair(article.blocks[0], translation))
    return Publication(slug, article, pairs)


@pytest.mark.parametrize(
    "publications",
    [
        [],
        [publication()],
        [_other("none", "zh-Hans", "未译。", None)],
        [publication(), _other("none", "zh-Hans", "未译。", None), publication()],
        [publication(), _other("hant", "zh-Hant", "繁體「文字」。", "Text\nover two lines & <b>")],
    ],
)
def test_units_joined_in_their_frame_are_the_whole_document(
    publications: list[Publication],
) -> None:
    units = [u for u in map(tmx_units, publications) if u]
    parts = tmx_parts((tmx_source_lang(p) for p in publications), units)
    assert b"".join(parts) == write_tmx(publications) == _whole_tree(publications)
    parse(write_tmx(publications))
