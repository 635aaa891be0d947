"""EPUB books and Word documents made at test time, with the libraries g60pub reads them with.

Their text is real public text: the bundled sample (沪嘉杭G60科创走廊建设战略合作
协议, 浙江省侨商会, 2017-07-18) cut at its headings into chapters, and the Big5
Traditional page of tests/data/pages.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from ebooklib import epub

from g60pub.normalize import normalize_file

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sources" / "g60-corridor-agreement-2017.html"
BIG5 = REPO / "tests" / "data" / "pages" / "big5_traditional.html"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


@dataclass(frozen=True)
class Section:
    """A heading and the paragraphs under it."""

    heading: str
    paragraphs: tuple[str, ...]


def sections(page: Path = SAMPLE) -> list[Section]:
    """The article of ``page`` cut at its headings; the first section is headed by its title."""
    article = normalize_file(page)
    cut: list[tuple[str, list[str]]] = [(article.title, [])]
    for block in article.blocks:
        if block.kind == "heading":
            cut.append((block.text, []))
        else:
            cut[-1][1].append(block.text)
    return [Section(heading, tuple(paragraphs)) for heading, paragraphs in cut]


@dataclass
class Book:
    """What an EPUB made by :func:`make_epub` holds."""

    chapters: Sequence[Section]
    title: str = "沪嘉杭G60科创走廊文选"
    authors: Sequence[str] = ("浙江省侨商会",)
    publisher: str | None = "浙江省侨商会"
    date: str | None = "2017-07-18"
    language: str = "zh-CN"
    cover: bool = True
    copyright_page: bool = True
    # Chapters (by index) written without their heading: their title is the navigation label.
    unheaded: set[int] = field(default_factory=set)
    labels: dict[int, str] = field(default_factory=dict)


def make_epub(book: Book) -> bytes:
    """The book as an EPUB 3 made by ebooklib: cover, navigation and copyright page
    in the spine along with the chapters (the copyright page before them)."""
    out = epub.EpubBook()
    out.set_identifier("urn:g60pub:test-book")
    out.set_title(book.title)
    out.set_language(book.language)
    for author in book.authors:
        out.add_author(author)
    if book.publisher:
        out.add_metadata("DC", "publisher", book.publisher)
    if book.date:
        out.add_metadata("DC", "date", book.date)
    spine: list[object] = []
    if book.cover:
        out.set_cover("cover.png", PNG)
        spine.append("cover")
    spine.append("nav")
    if book.copyright_page:
        page = epub.EpubHtml(title="版权信息", file_name="copyright.xhtml", lang="zh")
        page.content = (
            "<p>图书在版编目（CIP）数据</p><p>ISBN 978-7-5432-0000-0</p>"
            "<p>责任编辑：王明</p><p>版权所有，侵权必究</p>"
        )
        out.add_item(page)
        spine.append(page)
    chapters = []
    for index, section in enumerate(book.chapters):
        label = book.labels.get(index, section.heading)
        item = epub.EpubHtml(title=label, file_name=f"text/ch{index + 1:03d}.xhtml", lang="zh")
        heading = "" if index in book.unheaded else f"<h1>{section.heading}</h1>"
        item.content = heading + "".join(f"<p>{p}</p>" for p in section.paragraphs)
        out.add_item(item)
        chapters.append(item)
    out.toc = [
        epub.Link(item.file_name, book.labels.get(i, s.heading), f"c{i}")
        for i, (item, s) in enumerate(zip(chapters, book.chapters, strict=True))
    ]
    out.add_item(epub.EpubNcx())
    out.add_item(epub.EpubNav())
    out.spine = [*spine, *chapters]
    buffer = io.BytesIO()
    epub.write_epub(buffer, out)
    return buffer.getvalue()


def with_member(data: bytes, name: str, content: bytes) -> bytes:
    """The ZIP archive ``data`` with one more member."""
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


def with_member_changed(data: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    """The ZIP archive ``data`` with the member ``name`` rewritten by ``change``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info, change(content) if info.filename == name else content)
    return out.getvalue()


ENCRYPTION = """<?xml version="1.0" encoding="UTF-8"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
  xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
  <enc:EncryptedData>
    <enc:EncryptionMethod Algorithm="{algorithm}"/>
    <enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData>
  </enc:EncryptedData>
</encryption>
"""


def encrypted(data: bytes, algorithm: str, uri: str = "EPUB/text/ch001.xhtml") -> bytes:
    xml = ENCRYPTION.format(algorithm=algorithm, uri=uri)
    return with_member(data, "META-INF/encryption.xml", xml.encode("utf-8"))


@dataclass
class Paragraph:
    """One paragraph of a Word document and how it is set."""

    text: str
    style: str | None = None  # "Heading 1", "Title", …
    centred: bool = False
    bold: bool = False
    size: float | None = None  # points


def make_docx(
    body: Sequence[Paragraph | Sequence[Sequence[str]]],
    *,
    title: str = "",
    author: str = "",
    created: dt.datetime | None = None,
) -> bytes:
    """A Word document made by python-docx: paragraphs, and tables given as rows of cells."""
    document = docx.Document()
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.created = created or dt.datetime(2017, 7, 18, 3, 29, 57)
    for item in body:
        if isinstance(item, Paragraph):
            paragraph = document.add_paragraph(style=item.style)
            run = paragraph.add_run(item.text)
            run.bold = item.bold or None
            if item.size is not None:
                run.font.size = Pt(item.size)
            if item.centred:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            rows = [list(row) for row in item]
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for i, row in enumerate(rows):
                for j, text in enumerate(row):
                    table.cell(i, j).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def sample_docx(**properties: object) -> bytes:
    """The bundled sample as a Word document: its title centred and set larger,
    its headings in Heading 2, a table of projects after the text."""
    parts = sections()
    body: list[Paragraph | Sequence[Sequence[str]]] = [
        Paragraph(parts[0].heading, centred=True, size=22)
    ]
    for number, part in enumerate(parts):
        if number:
            body.append(Paragraph(part.heading, style="Heading 2"))
        body.extend(Paragraph(text) for text in part.paragraphs)
    body.append(TABLE)
    return make_docx(body, **properties)  # type: ignore[arg-type]


# The first rows of the project list in tests/data/pages/data_table.html.
TABLE = (
    ("序号", "项目名称", "投资额（亿元）", "建设地点"),
    ("1", "新能源汽车电驱动系统产业化项目", "85", "金东区"),
    ("2", "高端磁性材料生产基地", "62", "东阳市"),
)
