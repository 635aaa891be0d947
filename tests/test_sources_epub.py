"""EPUB books as sources: one article per chapter, in reading order, with the book's metadata.

The books are made here with ebooklib (tests/source_files.py) from the bundled
sample and the Big5 page of tests/data/pages, and one with pandoc, a tool of
its own.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_g60pub
from source_files import BIG5, Book, Section, encrypted, make_epub, sections, with_member

from g60pub.chinese import detect_script
from g60pub.errors import SourceError
from g60pub.model import Article
from g60pub.normalize import normalize
from g60pub.normalize.chapter import normalize_chapter
from g60pub.project import article_sources, read_source
from g60pub.sources import read_book

PARTS = sections()


def write(tmp_path: Path, data: bytes, name: str = "book.epub") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_each_chapter_is_an_article_in_reading_order(tmp_path: Path) -> None:
    articles = read_source(write(tmp_path, make_epub(Book(PARTS))))
    assert [a.title for a in articles] == [part.heading for part in PARTS]
    assert [[b.text for b in a.blocks] for a in articles] == [list(p.paragraphs) for p in PARTS]


def test_chapter_slugs_are_the_file_name_and_a_two_digit_number(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    write(tmp_path / "sources", make_epub(Book(PARTS[:3])), "g60-book.epub")
    found = article_sources(tmp_path)
    assert [s.slug for s in found] == ["g60-book-01", "g60-book-02", "g60-book-03"]
    assert found[0].po_path().name == "g60-book-01.en.po"


def test_cover_navigation_and_copyright_page_are_no_chapters(tmp_path: Path) -> None:
    chapters = read_book(make_epub(Book(PARTS[:2], cover=True, copyright_page=True)))
    assert [c.href for c in chapters] == ["text/ch001.xhtml", "text/ch002.xhtml"]


def test_the_book_metadata_is_carried_into_every_chapter(tmp_path: Path) -> None:
    book = Book(PARTS[:3], authors=("张明", "李华"), publisher="上海人民出版社", date="2019-06-01")
    for article in read_source(write(tmp_path, make_epub(book))):
        assert (article.author, article.source, article.published, article.lang) == (
            "张明、李华",
            "上海人民出版社",
            "2019-06-01",
            "zh-Hans",
        )


def test_a_book_without_a_publisher_names_itself_as_the_source(tmp_path: Path) -> None:
    articles = read_source(write(tmp_path, make_epub(Book(PARTS[:1], publisher=None))))
    assert articles[0].source == "《沪嘉杭G60科创走廊文选》"


def test_a_chapter_that_opens_with_text_takes_its_navigation_label_as_title(
    tmp_path: Path,
) -> None:
    book = Book(PARTS[1:3], unheaded={1}, labels={1: "第二部分 共建产业体系"})
    articles = read_source(write(tmp_path, make_epub(book)))
    assert articles[0].title == PARTS[1].heading
    assert articles[1].title == "第二部分 共建产业体系"
    assert [b.text for b in articles[1].blocks] == list(PARTS[2].paragraphs)


def test_a_traditional_book_is_read_as_traditional_even_in_a_short_neutral_chapter(
    tmp_path: Path,
) -> None:
    neutral = Section("附件", ("上海市、浙江省、安徽省。",))
    assert detect_script(neutral.heading + neutral.paragraphs[0]) == "zh-Hans"
    book = Book([*sections(BIG5), neutral], title="長三角科創合作", language="zh-TW")
    articles = read_source(write(tmp_path, make_epub(book)))
    assert [a.lang for a in articles] == ["zh-Hant"] * len(articles)
    assert articles[0].title == "長三角科創合作再升級"


def test_a_short_chapter_is_kept_whole_where_a_web_page_would_lose_lines() -> None:
    chapter = (
        "<html><head><title>ch09.xhtml</title></head><body><section><h1>第九章　附则</h1>"
        "<p>本方案由长三角G60科创走廊联席会议办公室负责解释。</p><p>来源：松江区人民政府</p>"
        '<aside class="sidebar"><p>本方案自印发之日起施行。</p></aside></section></body></html>'
    )
    as_page = [b.text for b in normalize(chapter).blocks]
    as_chapter = [b.text for b in normalize_chapter(chapter).blocks]
    assert as_page == ["本方案由长三角G60科创走廊联席会议办公室负责解释。"]
    assert as_chapter == [
        "本方案由长三角G60科创走廊联席会议办公室负责解释。",
        "来源：松江区人民政府",
        "本方案自印发之日起施行。",
    ]


def test_a_lone_short_line_is_the_chapter_text_under_its_label() -> None:
    article = normalize_chapter("<p><b>谨以此书献给长三角科创走廊的建设者。</b></p>", label="献词")
    assert (article.title, [b.text for b in article.blocks]) == (
        "献词",
        ["谨以此书献给长三角科创走廊的建设者。"],
    )


@pytest.mark.skipif(
    shutil.which("pandoc") is None, reason="pandoc is not installed (tests/setup.sh)"
)
@pytest.mark.parametrize("version", ["epub3", "epub2"])
def test_an_epub_made_by_pandoc_reads_its_chapters_and_skips_its_title_page(
    tmp_path: Path, version: str
) -> None:
    markdown = ["---", "title: 沪嘉杭G60科创走廊文选", "author: 浙江省侨商会", "lang: zh-CN"]
    markdown += ["date: 2017-07-18", "---", ""]
    for part in PARTS[:3]:
        markdown += [f"# {part.heading}", "", *(f"{p}\n" for p in part.paragraphs)]
    (tmp_path / "book.md").write_text("\n".join(markdown), encoding="utf-8")
    # EPUB 2 books name their chapters in an NCX file, EPUB 3 books in a navigation document.
    command = ["pandoc", "book.md", "-t", version, "-o", "book.epub"]
    subprocess.run(command, cwd=tmp_path, check=True, timeout=120)
    articles = read_source(tmp_path / "book.epub")
    assert [a.title for a in articles] == [part.heading for part in PARTS[:3]]
    labels = [c.label for c in read_book((tmp_path / "book.epub").read_bytes())]
    assert labels == [part.heading for part in PARTS[:3]]
    assert [b.text for b in articles[1].blocks] == list(PARTS[1].paragraphs)
    assert (articles[0].author, articles[0].published) == ("浙江省侨商会", "2017-07-18")


def test_a_chapter_that_cannot_be_read_is_an_error_naming_the_book_and_the_chapter(
    tmp_path: Path,
) -> None:
    (tmp_path / "sources").mkdir()
    only_its_title = Section("附件", ("附件",))
    write(tmp_path / "sources", make_epub(Book([PARTS[1], only_its_title, PARTS[2]])))
    found = article_sources(tmp_path)
    assert [s.slug for s in found] == ["book-01", "book-02", "book-03"]
    with pytest.raises(SourceError) as caught:
        found[1].read()
    assert str(caught.value) == (
        f"{tmp_path / 'sources' / 'book.epub'}: chapter 2 (text/ch002.xhtml): "
        "no text besides its title"
    )
    assert found[2].read().title == PARTS[2].heading


@pytest.mark.parametrize(
    "member",
    [
        ("META-INF/rights.xml", b"<rights/>"),
        ("META-INF/encryption.xml", b"not xml"),
    ],
)
def test_a_book_with_drm_is_refused(member: tuple[str, bytes]) -> None:
    with pytest.raises(SourceError, match=r"encrypted \(DRM"):
        read_book(with_member(make_epub(Book(PARTS[:1])), *member))


def test_a_book_whose_chapters_are_encrypted_is_refused() -> None:
    book = encrypted(make_epub(Book(PARTS[:1])), "http://www.w3.org/2001/04/xmlenc#aes128-cbc")
    with pytest.raises(SourceError, match=r"encrypted \(DRM: META-INF/encryption\.xml\)"):
        read_book(book)


def test_a_book_with_obfuscated_fonts_only_is_read() -> None:
    book = encrypted(
        make_epub(Book(PARTS[:1])), "http://www.idpf.org/2008/embedding", "EPUB/fonts/a.otf"
    )
    assert len(read_book(book)) == 1


def test_a_truncated_book_is_refused_as_a_broken_zip() -> None:
    with pytest.raises(SourceError, match="not a readable ZIP archive"):
        read_book(make_epub(Book(PARTS[:2]))[:2000])


def test_a_book_of_pictures_only_is_refused_as_having_no_chapter() -> None:
    with pytest.raises(SourceError, match="no chapter with text"):
        read_book(make_epub(Book([])))


def test_normalize_json_prints_a_list_of_one_article_per_chapter(tmp_path: Path) -> None:
    path = write(tmp_path, make_epub(Book(PARTS[:3])))
    proc = run_g60pub("normalize", path, "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [item["title"] for item in data] == [part.heading for part in PARTS[:3]]
    assert list(data[0]) == list(Article(title="题", blocks=()).to_json())  # the contract


def test_normalize_of_a_broken_book_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path, make_epub(Book(PARTS[:2]))[:2000])
    proc = subprocess.run(
        [sys.executable, "-m", "g60pub", "normalize", str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and str(path) in proc.stderr
