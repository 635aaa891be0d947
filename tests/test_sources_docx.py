"""Word documents as sources: one article, headings by style, tables by row, metadata
from the core properties.

The documents are made here with python-docx (tests/source_files.py) from the
bundled sample article and the project list of tests/data/pages/data_table.html.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import run_g60pub
from source_files import TABLE, Paragraph, make_docx, sample_docx, sections

from g60pub.errors import SourceError
from g60pub.sources import read_word

PARTS = sections()
TEXT = PARTS[1].paragraphs[0]


def test_heading_styles_become_headings_and_paragraphs_stay_paragraphs() -> None:
    article = read_word(sample_docx())
    expected = [("paragraph", p) for p in PARTS[0].paragraphs]
    for part in PARTS[1:]:
        expected += [("heading", part.heading), *(("paragraph", p) for p in part.paragraphs)]
    assert [(b.kind, b.text) for b in article.blocks][: len(expected)] == expected


def test_a_table_row_is_one_paragraph_with_its_cells_joined() -> None:
    article = read_word(sample_docx())
    assert [b.text for b in article.blocks][-3:] == [
        "序号 | 项目名称 | 投资额（亿元） | 建设地点",
        "1 | 新能源汽车电驱动系统产业化项目 | 85 | 金东区",
        "2 | 高端磁性材料生产基地 | 62 | 东阳市",
    ]


def test_core_properties_give_title_author_and_date() -> None:
    article = read_word(
        make_docx(
            [Paragraph(TEXT)],
            title="沪嘉杭G60科创走廊建设战略合作协议",
            author="浙江省侨商会",
            created=dt.datetime(2017, 7, 18, 3, 29, 57, tzinfo=dt.UTC),
        )
    )
    assert (article.title, article.author, article.published) == (
        "沪嘉杭G60科创走廊建设战略合作协议",
        "浙江省侨商会",
        "2017-07-18T11:29:57+08:00",
    )
    assert [b.text for b in article.blocks] == [TEXT]


def test_the_title_property_wins_and_its_repetition_in_the_text_is_dropped() -> None:
    article = read_word(sample_docx(title="G60科创走廊战略合作协议"))
    assert article.title == "G60科创走廊战略合作协议"
    assert article.blocks[0].text == PARTS[0].heading  # a different first line stays


def test_a_first_paragraph_repeating_the_title_property_is_not_a_block() -> None:
    article = read_word(sample_docx(title=PARTS[0].heading))
    assert article.title == PARTS[0].heading
    assert article.blocks[0].text == PARTS[0].paragraphs[0]


@pytest.mark.parametrize(
    "first",
    [
        Paragraph(PARTS[0].heading, centred=True),
        Paragraph(PARTS[0].heading, bold=True),
        Paragraph(PARTS[0].heading, size=16),
        Paragraph(PARTS[0].heading, style="Title"),
    ],
    ids=["centred", "bold", "larger", "title-style"],
)
def test_a_title_like_first_paragraph_is_the_title_without_a_title_property(
    first: Paragraph,
) -> None:
    article = read_word(make_docx([first, Paragraph(TEXT, size=12)]))
    assert article.title == PARTS[0].heading
    assert [b.text for b in article.blocks] == [TEXT]


def test_a_plain_first_paragraph_is_text_and_the_file_name_the_title() -> None:
    article = read_word(make_docx([Paragraph(PARTS[0].heading), Paragraph(TEXT)]), name="协议")
    assert article.title == "协议"
    assert [b.text for b in article.blocks] == [PARTS[0].heading, TEXT]


def test_an_office_default_author_is_no_author() -> None:
    assert (
        read_word(make_docx([Paragraph(TEXT)], title="协议", author="Administrator")).author is None
    )


def test_a_doc_file_renamed_docx_is_refused_with_the_reason() -> None:
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024
    with pytest.raises(SourceError, match=r"Word 97-2003 \.doc .*save it as \.docx"):
        read_word(ole2)


def test_a_password_protected_docx_is_refused_with_the_reason() -> None:
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(SourceError, match="password-protected"):
        read_word(ole2)


def test_a_truncated_docx_is_refused_as_a_broken_zip() -> None:
    with pytest.raises(SourceError, match="not a readable ZIP archive"):
        read_word(sample_docx()[:3000])


def test_a_zip_that_is_no_word_document_is_refused() -> None:
    from source_files import Book, make_epub

    with pytest.raises(SourceError, match="not a readable Word document"):
        read_word(make_epub(Book(PARTS[:1])))


def test_normalize_json_prints_one_article(tmp_path: Path) -> None:
    path = tmp_path / "协议.docx"
    path.write_bytes(sample_docx())
    proc = run_g60pub("normalize", path, "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["title"] == PARTS[0].heading
    assert data["blocks"][-1]["text"] == " | ".join(TABLE[-1])
