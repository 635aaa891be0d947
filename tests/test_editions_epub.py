"""EPUB 3 books: container, package metadata, navigation, languages, glossary appendix."""

from __future__ import annotations

import re
import uuid
import zipfile

from conftest import Built
from lxml import etree

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def book(built: Built, variant: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(built.out / f"epub/test-corridor.{variant}.epub")


def xml(archive: zipfile.ZipFile, name: str) -> etree._Element:
    return etree.fromstring(archive.read(name))


def test_mimetype_is_first_and_stored_and_every_entry_carries_the_build_date(
    built_project: Built,
) -> None:
    with book(built_project, "zh-Hant") as archive:
        entries = archive.infolist()
        assert entries[0].filename == "mimetype"
        assert entries[0].compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == b"application/epub+zip"
        assert {e.date_time for e in entries} == {(2023, 11, 14, 22, 13, 20)}


def test_bilingual_book_lists_both_languages_primary_first(built_project: Built) -> None:
    with book(built_project, "zh-Hant+en") as archive:
        opf = xml(archive, "EPUB/package.opf")
    assert opf.xpath("//dc:language/text()", namespaces=NS) == ["zh-Hant-TW", "en"]
    spine = opf.find("opf:spine", NS)
    assert spine is not None and spine.get("page-progression-direction") == "ltr"


def test_package_metadata_has_title_publisher_dates_and_accessibility(built_project: Built) -> None:
    with book(built_project, "en") as archive:
        opf = xml(archive, "EPUB/package.opf")
    assert opf.xpath("//dc:title/text()", namespaces=NS) == ["Yangtze River Delta Readings"]
    assert opf.xpath("//dc:publisher/text()", namespaces=NS) == ["g60pub tests"]
    assert opf.xpath("//dc:date/text()", namespaces=NS) == ["2023-11-14"]
    meta = {
        (m.get("property"), m.text) for m in opf.iterfind(".//opf:meta", NS) if m.get("property")
    }
    assert ("dcterms:modified", "2023-11-14T22:13:20Z") in meta
    for prop, value in [
        ("schema:accessMode", "textual"),
        ("schema:accessModeSufficient", "textual"),
        ("schema:accessibilityFeature", "structuralNavigation"),
        ("schema:accessibilityFeature", "tableOfContents"),
        ("schema:accessibilityFeature", "readingOrder"),
        ("schema:accessibilityHazard", "none"),
    ]:
        assert (prop, value) in meta
    assert any(p == "schema:accessibilitySummary" and v for p, v in meta)


def test_identifier_is_a_stable_uuid5_distinct_per_variant(built_project: Built) -> None:
    ids = set()
    for variant in ("zh-Hans", "zh-Hant", "en"):
        with book(built_project, variant) as archive:
            (identifier,) = xml(archive, "EPUB/package.opf").xpath(
                "//dc:identifier/text()", namespaces=NS
            )
        assert identifier.startswith("urn:uuid:")
        assert uuid.UUID(identifier[9:]).version == 5
        ids.add(identifier)
    assert len(ids) == 3


def test_chapters_are_in_date_order_and_the_nav_lists_their_section_headings(
    built_project: Built,
) -> None:
    with book(built_project, "zh-Hans") as archive:
        nav = xml(archive, "EPUB/nav.xhtml")
        titles = [
            "".join(xml(archive, f"EPUB/ch00{n}.xhtml").find(".//x:h1", NS).itertext())
            for n in (1, 2, 3)
        ]
    assert titles == [
        "长三角一体化发展迈出新步伐",
        "嘉兴与松江深化产业合作",
        "虹桥国际开放枢纽建设启动",
    ]
    toc = nav.xpath("//x:nav[@epub:type='toc']//x:a", namespaces=NS)
    texts = ["".join(a.itertext()) for a in toc]
    assert "推进科技创新合作" in texts and "优化营商环境" in texts
    landmarks = nav.xpath("//x:nav[@epub:type='landmarks']//x:a/@epub:type", namespaces=NS)
    assert {"toc", "bodymatter", "titlepage", "colophon"} <= set(landmarks)


def test_traditional_big5_source_is_shown_in_simplified_in_the_simplified_book(
    built_project: Built,
) -> None:
    with book(built_project, "zh-Hans") as archive:
        text = archive.read("EPUB/ch002.xhtml").decode("utf-8")
    assert "两地签署产业合作协议" in text
    assert "兩地" not in text


def test_html_root_and_differing_elements_carry_lang_and_xml_lang(built_project: Built) -> None:
    with book(built_project, "en") as archive:
        chapter = xml(archive, "EPUB/ch001.xhtml")
    assert chapter.get("lang") == "en" and chapter.get(XML_LANG) == "en"
    untranslated = chapter.xpath("//*[contains(@class, 'untranslated')]")
    assert len(untranslated) == 1
    assert untranslated[0].get("lang") == "zh-Hans" and untranslated[0].get(XML_LANG) == "zh-Hans"
    with book(built_project, "zh-Hans+en") as archive:
        chapter = xml(archive, "EPUB/ch001.xhtml")
    english = chapter.xpath("//x:div[@class='pair']/x:p[@class='en']", namespaces=NS)
    assert english and all(p.get("lang") == "en" == p.get(XML_LANG) for p in english)


def test_byline_dates_are_formatted_for_the_book_language(built_project: Built) -> None:
    with book(built_project, "zh-Hans") as archive:
        assert "2018年6月1日" in archive.read("EPUB/ch001.xhtml").decode("utf-8")
    with book(built_project, "en") as archive:
        assert "June 1, 2018" in archive.read("EPUB/ch001.xhtml").decode("utf-8")


def test_glossary_appendix_links_back_to_first_use(built_project: Built) -> None:
    with book(built_project, "zh-Hant") as archive:
        glossary = xml(archive, "EPUB/glossary.xhtml")
        links = glossary.xpath("//x:dt/x:dfn/x:a/@href", namespaces=NS)
        assert links
        for href in links:
            chapter, anchor = href.split("#")
            target = xml(archive, f"EPUB/{chapter}").xpath(f"//*[@id='{anchor}']")
            assert len(target) == 1, href
        text = archive.read("EPUB/glossary.xhtml").decode("utf-8")
    assert re.search(r'lang="en" xml:lang="en">[A-Za-z]', text)


def test_colophon_names_sources_and_build_date(built_project: Built) -> None:
    with book(built_project, "en") as archive:
        colophon = archive.read("EPUB/colophon.xhtml").decode("utf-8")
    assert "长三角日报" in colophon and "嘉兴日报" in colophon
    assert "November 14, 2023" in colophon


def test_bilingual_css_sets_english_apart_without_tables(built_project: Built) -> None:
    with book(built_project, "zh-Hans+en") as archive:
        css = archive.read("EPUB/style.css").decode("utf-8")
        chapter = archive.read("EPUB/ch001.xhtml").decode("utf-8")
    assert "text-indent: 2em" in css and "border-left: 0.1em solid currentColor" in css
    assert "Noto Sans CJK TC" in css and "Noto Sans CJK SC" in css
    assert not re.search(r"font-size:\s*\d+(px|pt)", css)
    assert "<table" not in chapter


def test_ebooklib_reads_every_book_back(built_project: Built) -> None:
    import ebooklib
    from ebooklib import epub

    for path in built_project.files("epub/*.epub"):
        read = epub.read_epub(str(path))
        documents = list(read.get_items_of_type(ebooklib.ITEM_DOCUMENT))
        # cover, title page, imprint, nav, a chapter, colophon
        assert len(documents) >= 6, path.name
        assert read.get_metadata("DC", "language"), path.name
        assert read.toc, path.name


def test_book_css_sets_no_colour_and_no_italic_english(built_sample: Built) -> None:
    # A reading system's day, sepia and night themes keep their own contrast
    # only if the book fixes no colour; rules are drawn in currentColor.
    for variant in ("zh-Hant+en", "zh-Hant-vertical"):
        path = built_sample.out / f"epub/g60-corridor.{variant}.epub"
        with zipfile.ZipFile(path) as archive:
            css = archive.read("EPUB/style.css").decode("utf-8")
        assert not re.search(r"#[0-9a-fA-F]{3,6}\b|rgb\(|hsl\(", css), variant
        colours = re.findall(r"(?<![-\w])color:\s*([^;}]+)", css)
        assert set(colours) <= {"inherit", "currentColor"}, colours
        rule = re.search(r"\.pair \.en \{[^}]*\}", css)
        assert rule is not None and "italic" not in rule.group(0)
