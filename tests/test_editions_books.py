"""Books a reader keeps: metadata from the configuration, a title page and an
imprint page in the book's language, a cover, the vertical edition."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import Built, copy_project, run_build
from links import broken_links
from lxml import etree
from PIL import Image

from g60pub.config import load_config
from g60pub.editions.cover import FONT_FILES, CoverText, draw_cover
from g60pub.errors import ConfigError

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HAS_CJK_FONT = any(Path(f).is_file() for f in FONT_FILES)


@contextmanager
def book(built: Built, variant: str) -> Iterator[zipfile.ZipFile]:
    name = built.files(f"epub/*.{variant}.epub")[0]
    with zipfile.ZipFile(name) as archive:
        yield archive


def package(archive: zipfile.ZipFile) -> etree._Element:
    return etree.fromstring(archive.read("EPUB/package.opf"))


def page_text(archive: zipfile.ZipFile, name: str) -> str:
    root = etree.fromstring(archive.read(f"EPUB/{name}"))
    return "\n".join("".join(p.itertext()) for p in root.iterfind(".//x:body//x:p", NS))


# -- package metadata ------------------------------------------------------------


def test_a_bilingual_book_carries_both_titles_each_in_its_language(built_project: Built) -> None:
    with book(built_project, "zh-Hant+en") as archive:
        titles = package(archive).findall(".//dc:title", NS)
    assert [(t.text, t.get(XML_LANG)) for t in titles] == [
        ("長三角文選", "zh-Hant-TW"),
        ("Yangtze River Delta Readings", "en"),
    ]


def test_creators_and_translators_carry_marc_roles(built_project: Built) -> None:
    with book(built_project, "zh-Hant") as archive:
        opf = package(archive)
    roles = {m.get("refines"): m.text for m in opf.iterfind(".//opf:meta[@property='role']", NS)}
    (creator,) = opf.findall(".//dc:creator", NS)
    (translator,) = opf.findall(".//dc:contributor", NS)
    # Configured in Simplified only: the Traditional book converts it.
    assert creator.text == "長三角日報編輯部" and roles[f"#{creator.get('id')}"] == "aut"
    assert translator.text == "Jane Smith" and roles[f"#{translator.get('id')}"] == "trl"
    for meta in opf.iterfind(".//opf:meta[@property='role']", NS):
        assert meta.get("scheme") == "marc:relators"


def test_the_english_book_reads_the_english_forms_of_the_metadata(built_project: Built) -> None:
    with book(built_project, "en") as archive:
        opf = package(archive)
    assert opf.findtext(".//dc:creator", namespaces=NS) == "Yangtze Delta Daily editorial desk"
    assert opf.findtext(".//dc:rights", namespaces=NS) == "Chinese texts © their sources"
    assert opf.findtext(".//dc:subject", namespaces=NS) == "Yangtze River Delta"
    assert opf.find(".//dc:description", NS).get(XML_LANG) == "en"


def test_source_pages_are_dc_sources_and_a_configured_date_is_the_books_date(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path)
    config = project / "g60pub.toml"
    config.write_text(config.read_text("utf-8") + 'date = "2024-03-01"\n', "utf-8")
    source = project / "sources" / "delta-integration-2018.html"
    url = "https://example.org/delta/2018/0601.html"
    html = source.read_text("utf-8")
    source.write_text(html.replace("<head>", f'<head>\n<link rel="canonical" href="{url}">'))
    built = run_build(project, tmp_path / "out", variants=("zh-Hans",), formats=("epub",))
    with book(built, "zh-Hans") as archive:
        opf = package(archive)
        imprint = page_text(archive, "imprint.xhtml")
    assert opf.xpath("//dc:source/text()", namespaces=NS) == [url]
    assert opf.xpath("//dc:date/text()", namespaces=NS) == ["2024-03-01"]
    assert "出版日期：2024年3月1日" in imprint


def test_a_books_only_build_writes_no_site_scripts_and_its_pages_links_resolve(
    tmp_path: Path,
) -> None:
    built = run_build(copy_project(tmp_path), tmp_path / "out", variants=("en",), formats=("epub",))
    written = {p.relative_to(built.out).as_posix() for p in built.out.rglob("*") if p.is_file()}
    assert [n for n in written if n.endswith(".epub")]
    assert {n for n in written if n.startswith("html/")} == {"html/style.css", "html/favicon.svg"}
    assert broken_links(built.out) == []


def test_a_book_without_a_publisher_names_none(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    config = project / "g60pub.toml"
    lines = config.read_text("utf-8").splitlines()
    text = "\n".join(line for line in lines if "publisher" not in line)
    config.write_text(text + "\n", "utf-8")
    built = run_build(project, tmp_path / "out", variants=("en",), formats=("epub",))
    with book(built, "en") as archive:
        assert package(archive).find(".//dc:publisher", NS) is None
        assert "g60pub" not in page_text(archive, "title.xhtml")


# -- title page and imprint ------------------------------------------------------------


def test_title_page_shows_titles_creator_translator_and_edition(built_project: Built) -> None:
    with book(built_project, "zh-Hant+en") as archive:
        title = page_text(archive, "title.xhtml")
        heading = etree.fromstring(archive.read("EPUB/title.xhtml")).find(".//x:h1", NS)
    assert "長三角文選" in heading.text and "Yangtze River Delta Readings" in "".join(
        heading.itertext()
    )
    assert "長三角日報編輯部" in title
    assert "譯者：Jane Smith" in title
    assert "中文（繁體，台灣） + 英文" in title


def test_imprint_labels_every_line_in_the_books_language(built_project: Built) -> None:
    with book(built_project, "zh-Hans") as archive:
        chinese = page_text(archive, "imprint.xhtml")
    with book(built_project, "en") as archive:
        english = page_text(archive, "imprint.xhtml")
    for label in (
        "书名：",
        "作者：",
        "译者：",
        "出版者：",
        "出版日期：",
        "版本：",
        "版权：",
        "主题：",
    ):
        assert label in chinese
    assert not re.search(r"[:(),;][^/]", chinese.replace("urn:uuid:", "")), chinese
    for label in ("Title: ", "Author: ", "Translator: ", "Publisher: ", "Publication date: "):
        assert label in english
    assert "Edition: English" in english and "Rights: Chinese texts © their sources" in english


def test_the_colophon_is_a_doc_colophon_and_sources_use_full_width_brackets(
    built_project: Built,
) -> None:
    with book(built_project, "zh-Hant") as archive:
        colophon = archive.read("EPUB/colophon.xhtml").decode("utf-8")
    assert 'epub:type="colophon" role="doc-colophon"' in colophon
    assert "（長三角日報）" in colophon and " (" not in colophon


# -- cover ----------------------------------------------------------------------------


def test_every_book_has_a_png_cover_image_and_a_cover_page(built_project: Built) -> None:
    for path in built_project.files("epub/*.epub"):
        with zipfile.ZipFile(path) as archive:
            opf = package(archive)
            (item,) = opf.findall(".//opf:item[@properties='cover-image']", NS)
            assert item.get("media-type") == "image/png"
            image = Image.open(io.BytesIO(archive.read(f"EPUB/{item.get('href')}")))
            assert image.format == "PNG" and image.size == (1600, 2400)
            cover = etree.fromstring(archive.read("EPUB/cover.xhtml"))
            img = cover.find(".//x:img", NS)
            assert img.get("alt") == opf.findtext(".//dc:title", namespaces=NS), path.name
            spine = opf.findall(".//opf:itemref", NS)
            assert spine[0].get("idref") == "cover"


def test_a_cover_is_the_same_bytes_every_time() -> None:
    text = CoverText("長三角文選", "zh-Hant-TW", "Yangtze River Delta Readings", "Jane Smith")
    assert draw_cover(text) == draw_cover(text)


@pytest.mark.skipif(not HAS_CJK_FONT, reason="no CJK font installed (fonts-noto-cjk)")
def test_the_cover_carries_its_title_in_the_editions_script() -> None:
    simplified = draw_cover(CoverText("长三角文选", "zh-Hans"))
    traditional = draw_cover(CoverText("長三角文選", "zh-Hant-TW"))
    blank = draw_cover(CoverText("長三角文選", "zh-Hant-TW"), fonts=())
    # Text adds ink: many more levels of the palette are used than in the bare design.
    assert len(Image.open(io.BytesIO(traditional)).getcolors()) > 20
    assert len(Image.open(io.BytesIO(blank)).getcolors()) <= 3
    assert simplified != traditional


def test_without_a_font_the_cover_is_the_text_free_design() -> None:
    data = draw_cover(CoverText("長三角文選", "zh-Hant-TW"), fonts=("/no/such/font.ttc",))
    image = Image.open(io.BytesIO(data))
    assert image.size == (1600, 2400)
    assert len(image.getcolors()) <= 3  # paper and band only


def test_a_missing_cover_font_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "g60pub.toml").write_text('cover_font = "fonts/none.ttf"\n', "utf-8")
    with pytest.raises(ConfigError, match="cover_font"):
        load_config(tmp_path)


# -- vertical edition ------------------------------------------------------------------


def test_the_vertical_book_runs_right_to_left_in_vertical_columns(built_sample: Built) -> None:
    with book(built_sample, "zh-Hant-vertical") as archive:
        opf = package(archive)
        css = archive.read("EPUB/style.css").decode("utf-8")
        chapter = archive.read("EPUB/ch001.xhtml").decode("utf-8")
    assert opf.find("opf:spine", NS).get("page-progression-direction") == "rtl"
    meta = opf.find(".//opf:meta[@name='primary-writing-mode']", NS)
    assert meta is not None and meta.get("content") == "vertical-rl"
    assert "writing-mode: vertical-rl" in css and "text-combine-upright: all" in css
    assert '<span class="tcy">12</span>' in chapter
    assert "「" in chapter and "“" not in chapter


def test_the_vertical_edition_is_a_book_only(built_sample: Built) -> None:
    out = built_sample.out
    assert (out / "epub/g60-corridor.zh-Hant-vertical.epub").is_file()
    assert not (out / "html/zh-Hant-vertical").exists()
    assert not (out / "txt/g60-corridor.zh-Hant-vertical.txt").exists()
    download = (out / "index.html").read_text("utf-8")
    assert "epub/g60-corridor.zh-Hant-vertical.epub" in download


def test_a_horizontal_book_runs_left_to_right(built_sample: Built) -> None:
    with book(built_sample, "zh-Hant") as archive:
        opf = package(archive)
    assert opf.find("opf:spine", NS).get("page-progression-direction") == "ltr"
    assert opf.find(".//opf:meta[@name='primary-writing-mode']", NS) is None


# -- configuration ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        'contributors = [{ name = "A", role = "translator" }]',
        'contributors = ["A"]',
        'date = "18 July 2017"',
        'date = "2017-02-30"',
        'rights = { fr = "droits" }',
        "subjects = []",
        'creators = [{ name = "A", email = "a@example.org" }]',
    ],
)
def test_bad_book_metadata_is_a_config_error(tmp_path: Path, line: str) -> None:
    (tmp_path / "g60pub.toml").write_text(line + "\n", "utf-8")
    with pytest.raises(ConfigError):
        load_config(tmp_path)


def test_book_metadata_is_read_from_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "g60pub.toml").write_text(
        'creators = ["张三", { name = { "zh-Hans" = "李四", en = "Li Si" }, role = "edt" }]\n'
        'translators = ["Jane Smith"]\n'
        "date = 2017-07-18\n",
        "utf-8",
    )
    meta = load_config(tmp_path).metadata
    assert [p.role for p in meta.creators] == ["aut", "edt"]
    assert meta.creators[1].name.pick("en") == ("Li Si", "en")
    assert meta.creators[1].name.pick("zh-Hant") == ("李四", "zh-Hans")
    assert [p.name.pick("en") for p in meta.translators] == [("Jane Smith", "*")]
    assert meta.date == "2017-07-18"


def test_the_download_page_tells_the_vertical_book_from_the_horizontal_one(
    built_sample: Built,
) -> None:
    page = (built_sample.out / "index.html").read_text("utf-8")
    rows = re.findall(r"<tr>(.*?)</tr>", page, re.DOTALL)
    vertical = next(r for r in rows if "zh-Hant-vertical.epub" in r)
    horizontal = next(r for r in rows if "g60-corridor.zh-Hant.epub" in r)
    assert "Chinese (Traditional, Taiwan), vertical" in vertical
    assert "vertical" not in horizontal
