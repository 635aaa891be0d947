"""English editions speak English: translated bylines, and no Chinese character
outside an element tagged with a Chinese language (the glossary's headwords,
an untranslated paragraph or byline field shown as such)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator

import lxml.html
import pytest
from conftest import REPO, Built, copy_project, run_build
from lxml import etree

from g60pub.translations.pofile import read_po, render_po

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XHTML = "http://www.w3.org/1999/xhtml"
GWR = REPO / "tests" / "data" / "gwr2023"


@pytest.fixture(scope="module")
def built_gwr(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A real release with its official English: every block and byline translated."""
    return run_build(GWR, tmp_path_factory.mktemp("gwr") / "output")


@pytest.fixture(scope="module")
def built_untranslated_title(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The test project with one English-edition article whose title is not translated."""
    project = copy_project(tmp_path_factory.mktemp("untitled"))
    po = project / "sources" / "delta-integration-2018.en.po"
    catalog = read_po(po)
    next(m for m in catalog if m.id).string = ""
    po.write_bytes(render_po(catalog))
    return run_build(project, project / "output")


def _lang(element: etree._Element) -> str:
    for node in (element, *element.iterancestors()):
        tag = node.get(XML_LANG) or node.get("lang")
        if tag is not None:
            return tag
    return ""


def untagged_han(root: etree._Element) -> Iterator[str]:
    """Text with a Han character whose element is not tagged with a Chinese language."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        parent = element.getparent()
        for text, owner in ((element.text, element), (element.tail, parent)):
            if (
                text
                and HAN.search(text)
                and owner is not None
                and not _lang(owner).startswith("zh")
            ):
                yield text.strip()


def english_documents(built: Built) -> Iterator[tuple[str, etree._Element]]:
    """Every page and book document of the English edition, parsed."""
    for page in built.files("html/en/*.html"):
        yield page.name, lxml.html.fromstring(page.read_bytes())
    (book,) = built.files("epub/*.en.epub")
    with zipfile.ZipFile(book) as archive:
        for name in archive.namelist():
            if name.endswith((".xhtml", ".opf")):
                yield name, etree.fromstring(archive.read(name))


@pytest.mark.parametrize(
    "name", ["built_sample", "built_gwr", "built_project", "built_untranslated_title"]
)
def test_no_chinese_outside_chinese_tagged_elements_in_english_pages_and_books(
    name: str, request: pytest.FixtureRequest
) -> None:
    built: Built = request.getfixturevalue(name)
    found = {doc: list(untagged_han(root)) for doc, root in english_documents(built)}
    assert {doc: texts for doc, texts in found.items() if texts} == {}


@pytest.mark.parametrize("name", ["built_sample", "built_gwr"])
def test_a_fully_translated_english_text_book_has_no_chinese(
    name: str, request: pytest.FixtureRequest
) -> None:
    built: Built = request.getfixturevalue(name)
    (book,) = built.files("txt/*.en.txt")
    assert HAN.findall(book.read_text("utf-8")) == []


def test_the_english_text_book_marks_what_it_shows_in_chinese(built_project: Built) -> None:
    (book,) = built_project.files("txt/*.en.txt")
    chinese = [line for line in book.read_text("utf-8").splitlines() if HAN.search(line)]
    assert chinese and all("[Not yet translated]" in line for line in chinese)
    assert "Author: [Not yet translated] 李明" in chinese


def test_english_editions_show_the_translated_byline(built_sample: Built) -> None:
    page = (built_sample.out / "html/en/g60-corridor-agreement-2017.html").read_text("utf-8")
    assert "Source: Zhejiang Overseas Chinese Chamber of Commerce" in page
    assert '<span class="via">Reposted from the WeChat official account Hongqiaoguan</span>' in page
    (book,) = built_sample.files("epub/*.en.epub")
    with zipfile.ZipFile(book) as archive:
        colophon = archive.read("EPUB/colophon.xhtml").decode("utf-8")
    assert "(Zhejiang Overseas Chinese Chamber of Commerce)" in colophon
    (text,) = built_sample.files("txt/*.en.txt")
    assert "Source: Zhejiang Overseas Chinese Chamber of Commerce\n" in text.read_text("utf-8")


def test_an_untranslated_byline_field_is_tagged_chinese_in_the_english_edition(
    built_project: Built,
) -> None:
    page = lxml.html.fromstring(
        (built_project.out / "html/en/delta-integration-2018.html").read_bytes()
    )
    (author,) = page.xpath('//span[@class="author"]/span')
    assert (author.text, author.get("lang")) == ("李明", "zh-Hans")


def test_an_untranslated_title_is_tagged_chinese_in_the_page_and_chapter_titles(
    built_untranslated_title: Built,
) -> None:
    out = built_untranslated_title.out
    page = lxml.html.fromstring((out / "html/en/delta-integration-2018.html").read_bytes())
    (title,) = page.xpath("//head/title")
    assert title.get("lang") == "zh-Hans" and title.text.startswith("长三角一体化发展迈出新步伐")
    (book,) = built_untranslated_title.files("epub/*.en.epub")
    with zipfile.ZipFile(book) as archive:
        chapter = etree.fromstring(archive.read("EPUB/ch001.xhtml"))
    (head_title,) = chapter.xpath("//x:head/x:title", namespaces={"x": XHTML})
    assert head_title.get(XML_LANG) == "zh-Hans"


def test_chinese_editions_show_the_byline_as_the_page_writes_it(built_sample: Built) -> None:
    page = (built_sample.out / "html/zh-Hant/g60-corridor-agreement-2017.html").read_text("utf-8")
    assert "來源：浙江省僑商會" in page
    assert '<span class="via">轉載自微信公眾號虹橋館</span>' in page
