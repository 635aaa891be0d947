"""Glossary terms as a reader meets them: marked once, where first used in the
running text, and listed in an appendix in the reader's script and order."""

from __future__ import annotations

import re
import zipfile
from collections import Counter

import lxml.html
from conftest import Built
from lxml import etree
from pypinyin import Style, lazy_pinyin

from g60pub.editions.appendix import pinyin

NS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def chapter(built: Built, variant: str, name: str = "ch001.xhtml") -> etree._Element:
    (path,) = built.files(f"epub/*.{variant}.epub")
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(f"EPUB/{name}"))


def terms_in(root: etree._Element) -> list[etree._Element]:
    return root.findall(".//x:a[@class='term']", NS)


# -- marks in the text ----------------------------------------------------------------


def test_each_term_is_marked_once_per_article(built_sample: Built) -> None:
    for variant in ("zh-Hans", "zh-Hant", "en", "zh-Hans+en", "zh-Hant+en"):
        marks = terms_in(chapter(built_sample, variant))
        assert marks, variant
        counts = Counter(a.get("href") for a in marks)
        assert set(counts.values()) == {1}, variant


def test_titles_and_headings_name_terms_without_marking_them(built_sample: Built) -> None:
    root = chapter(built_sample, "zh-Hant")
    for heading in root.iterfind(".//x:h1", NS), root.iterfind(".//x:h2", NS):
        for h in heading:
            assert h.find(".//x:a", NS) is None, "".join(h.itertext())
    # 松江 is in the title, and marked where the running text first has it.
    (songjiang,) = [a for a in terms_in(root) if "".join(a.itertext()) == "松江"]
    assert songjiang.getparent().tag == f"{{{NS['x']}}}p"


def test_a_first_use_links_to_its_entry_with_its_gloss_in_its_own_language(
    built_sample: Built,
) -> None:
    root = chapter(built_sample, "zh-Hant")
    for mark in terms_in(root):
        assert mark.get("role") == "doc-glossref" and mark.get(EPUB_TYPE) == "glossref"
        assert mark.get("href").startswith("glossary.xhtml#")
        assert mark.get("lang") == mark.get(XML_LANG) == "en"
        assert re.match(r"[A-Za-z]", mark.get("title"))
        (term,) = mark
        assert term.get("lang") == "zh-Hant-TW" and term.text
    english = chapter(built_sample, "en")
    for mark in terms_in(english):
        assert mark.get("lang") == "zh-Hans" and re.search(r"[\u4e00-\u9fff]", mark.get("title"))
        assert mark[0].get("lang") == "en"


def test_no_term_is_marked_up_as_an_abbreviation(built_sample: Built) -> None:
    for path in built_sample.files("epub/*.epub"):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.endswith(".xhtml"):
                    assert b"<abbr" not in archive.read(name), (path.name, name)


def test_marks_underline_far_less_of_the_english_text_than_every_use_did(
    built_sample: Built,
) -> None:
    root = chapter(built_sample, "en")
    body = root.find(".//x:section", NS)
    words = len("".join(body.itertext()).split())
    marked = sum(len("".join(a.itertext()).split()) for a in terms_in(root))
    # Every use marked underlined 541 of its 1,726 words (31%); the sample's
    # glossary has 99 terms in this article, each now marked once.
    assert len(terms_in(root)) == len({a.get("href") for a in terms_in(root)})
    assert marked / words < 0.2, (marked, words)


def test_the_site_keeps_later_uses_for_a_reader_who_wants_every_use_marked(
    built_sample: Built,
) -> None:
    page = lxml.html.fromstring(
        (built_sample.out / "html/zh-Hans/g60-corridor-agreement-2017.html").read_bytes()
    )
    first = page.xpath("//a[@class='term']")
    later = page.xpath("//span[@class='term-use']")
    assert first and later
    assert {"".join(s.itertext()) for s in later} <= {"".join(a.itertext()) for a in first} | {
        "".join(s.itertext()) for s in page.xpath("//h1//span[@class='term-use']")
    }
    assert "../marks.js" in page.xpath("//script/@src")
    assert page.xpath("//form[@class='marks']/@hidden")


# -- the glossary appendix ------------------------------------------------------------


def glossary(built: Built, variant: str) -> etree._Element:
    return chapter(built, variant, "glossary.xhtml")


def test_appendix_headwords_are_in_the_editions_script_and_tagged_so(built_sample: Built) -> None:
    root = glossary(built_sample, "zh-Hant")
    headwords = root.findall(".//x:dt//x:dfn/x:a", NS)
    assert headwords
    assert {h.get(XML_LANG) for h in headwords} == {"zh-Hant-TW"}
    text = {h.text for h in headwords}
    assert "大眾創業萬眾創新" in text and "大众创业万众创新" not in text
    assert not root.xpath("//*[@xml:lang='zh-Hans']")
    # the Chinese a note quotes is converted with the rest of the edition
    quoted = root.findall(".//x:dd/x:span[@class='note']/x:span", NS)
    assert quoted and {q.get(XML_LANG) for q in quoted} == {"zh-Hant-TW"}


def test_chinese_headwords_are_in_pinyin_order_with_pinyin_shown(built_sample: Built) -> None:
    root = glossary(built_sample, "zh-Hans")
    entries = root.findall(".//x:dt", NS)
    words = [e.find(".//x:dfn/x:a", NS).text for e in entries]
    han = [w for w in words if re.match(r"[\u4e00-\u9fff]", w)]
    latin = [w for w in words if not re.match(r"[\u4e00-\u9fff]", w)]
    assert words == han + latin  # G60… after the Han headwords, as the dictionary does
    keys = [
        [(s[:-1], s[-1]) for s in lazy_pinyin(w, style=Style.TONE3, neutral_tone_with_five=True)]
        for w in han
    ]
    assert keys == sorted(keys)
    for entry in entries:
        (reading,) = entry.findall("x:span[@class='pinyin']", NS)
        assert reading.get(XML_LANG) == "zh-Latn-pinyin" and reading.text
    assert words.index("长三角") < words.index("创新") if "长三角" in words else True


def test_english_headwords_are_alphabetical_ignoring_leading_articles(built_sample: Built) -> None:
    root = glossary(built_sample, "en")
    words = [a.text for a in root.findall(".//x:dt//x:dfn/x:a", NS)]
    keys = [re.sub(r"^(the|an?)\s+", "", w, flags=re.IGNORECASE).casefold() for w in words]
    assert keys == sorted(keys)
    assert any(re.match(r"(?i)(the|an?)\s", w) for w in words)  # the rule is exercised
    glosses = root.findall(".//x:dd/x:span", NS)
    assert {g.get(XML_LANG) for g in glosses if g.get("class") is None} == {"zh-Hans"}


def test_notes_are_shown_where_the_glossary_has_them(built_sample: Built) -> None:
    root = glossary(built_sample, "zh-Hans+en")
    notes = root.findall(".//x:dd/x:span[@class='note']", NS)
    assert notes and all("".join(n.itertext()) and n.get(XML_LANG) == "en" for n in notes)
    # Chinese a note quotes is tagged as the edition's Chinese, inside the English.
    quoted = [s for n in notes for s in n.findall("x:span", NS)]
    assert quoted and {s.get(XML_LANG) for s in quoted} == {"zh-Hans"}


def test_pinyin_has_tone_marks_and_the_corpus_readings() -> None:
    assert pinyin("科创走廊") == "kē chuàng zǒu láng"
    assert pinyin("长三角") == "cháng sān jiǎo"
