"""TMX 1.4b export: header, one tu per translated pair, deterministic, parses back."""

from __future__ import annotations

import pytest
from lxml import etree

from g60pub.model import Article, Pair, Publication, make_blocks
from g60pub.translations.tmx import write_tmx

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
