"""Word documents (.docx): one article each, read with python-docx.

python-docx rather than mammoth: the title rule needs what the first
paragraph looks like (centred, bold, set larger than the body text), which
python-docx reads from the paragraph, its runs and their styles and which
mammoth's HTML leaves out; and the core properties (title, author,
created), which mammoth does not read.

The body is read in order: a paragraph in a heading style (Heading 1-9, or
any style with an outline level, as Word's navigation pane shows them) is a
heading, every other paragraph stays a paragraph; a table row is one
paragraph, its cells joined with `` | `` as the normaliser joins a web
page's table cells. Tables of contents (TOC styles), headers, footers,
footnotes, comments and text boxes are no part of the article.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import Table
from docx.text.paragraph import Paragraph

from g60pub.chinese import detect_script
from g60pub.errors import SourceError
from g60pub.model import Article, BlockKind, make_blocks
from g60pub.normalize.dates import CST
from g60pub.normalize.text import normalize_text
from g60pub.sources.container import open_archive

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*[1-9]$", re.I)
_TITLE_STYLE = re.compile(r"^(?:title|标题)$", re.I)
_TOC_STYLE = re.compile(r"^(?:toc|目录)\s*\d*$", re.I)
_LAYOUT = re.compile(r"[\t\n\r\v\f]+")  # tabs and line breaks inside a paragraph
_SENTENCE_END = re.compile(r"[。！？；!?;]$")
_MAX_TITLE = 100
# Word's default text size when the document sets none: 10 pt, in EMU.
_DEFAULT_SIZE = 127000
# Author properties that name a computer's default account, not a writer.
_NO_AUTHOR = frozenset(
    ["python-docx", "administrator", "admin", "user", "owner", "微软用户", "微软中国",
     "microsoft office user", "microsoft office 用户", "windows 用户", "windows user",
     "unknown", "author", "作者", "佚名"]
)  # fmt: skip
_PLACEHOLDER_TITLE = re.compile(
    r"^(?:microsoft word\s*-|title$|标题$|文档\s*\d*$|document\s*\d*$)", re.I
)


@dataclass(frozen=True, slots=True)
class _Piece:
    kind: BlockKind
    text: str  # as written; normalised when it becomes a block or the title
    paragraph: Paragraph | None  # None for a table row


def read_word(data: bytes, *, name: str | None = None) -> Article:
    """The article of the Word document ``data``; ``name`` (the file's stem) is the
    title of last resort, for a document with neither a title property nor a
    title-like first paragraph."""
    open_archive(data, "Word document (.docx)")
    try:
        document = docx.Document(io.BytesIO(data))
        pieces = list(_pieces(document))
    except Exception as err:
        # python-docx reports a package that is no Word document (or a broken
        # one) with whatever it met: KeyError, ValueError, lxml errors.
        reason = " ".join(str(err).split())[:160] or type(err).__name__
        raise SourceError(f"not a readable Word document (.docx): {reason}") from None
    if not pieces:
        raise SourceError("no text")
    properties = document.core_properties
    title = _property_title(properties.title)
    default = _document_default_size(document)
    if title is None and len(pieces) > 1 and _title_like(pieces[0], default, pieces):
        title = normalize_text(_plain(pieces[0].text), keep_spaces=True)
        pieces = pieces[1:]
    if title is None:
        title = normalize_text(name, keep_spaces=True) if name else None
    if not title:
        raise SourceError("no title: no title property and no title-like first paragraph")
    repeated = normalize_text(title)
    items = [(p.kind, text) for p in pieces if (text := normalize_text(p.text)) != repeated]
    if not items:
        raise SourceError("no text besides its title")
    every = " ".join([title, *(text for _, text in items)])
    return Article(
        title=title,
        blocks=make_blocks(items, title=title),
        lang=detect_script(every),
        author=_author(properties.author),
        published=_created(properties.created),
    )


def _plain(text: str) -> str:
    return _LAYOUT.sub(" ", text)


def _pieces(document: Any) -> Iterator[_Piece]:
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            names = _style_names(item.style)
            if any(_TOC_STYLE.match(n) for n in names) or not normalize_text(_plain(item.text)):
                continue
            kind: BlockKind = "heading" if _is_heading(item, names) else "paragraph"
            yield _Piece(kind, _plain(item.text), item)
        elif isinstance(item, Table):
            for row in item.rows:
                cells = _cells(row)
                if cells:
                    yield _Piece("paragraph", " | ".join(cells), None)


def _cells(row: Any) -> list[str]:
    # A merged cell is one cell however many grid columns it spans.
    texts: list[str] = []
    previous = None
    for cell in row.cells:
        if previous is not None and cell._tc is previous:
            continue
        previous = cell._tc
        text = normalize_text(" ".join(_plain(p.text) for p in cell.paragraphs))
        if text:
            texts.append(text)
    return texts


def _style_names(style: Any) -> list[str]:
    names: list[str] = []
    while style is not None and len(names) < 20:
        names.append(str(style.name or ""))
        style = style.base_style
    return names


def _outline_level(element: Any) -> bool:
    """True when the element (a paragraph or a style) has an outline level 1-9 of Word's."""
    values = element.xpath("./w:pPr/w:outlineLvl/@w:val")
    return any(str(v).isdigit() and int(str(v)) < 9 for v in values)


def _is_heading(paragraph: Paragraph, names: list[str]) -> bool:
    if any(_HEADING_STYLE.match(n) for n in names):
        return True
    style = paragraph.style
    for _ in range(20):
        if style is None:
            break
        if _outline_level(style.element):
            return True
        style = style.base_style
    return _outline_level(paragraph._p)


def _inherited(style: Any, read: Callable[[Any], Any]) -> Any:
    for _ in range(20):
        if style is None:
            return None
        value = read(style)
        if value is not None:
            return value
        style = style.base_style
    return None


def _run_value(run: Any, paragraph: Paragraph, read: Callable[[Any], Any]) -> Any:
    """A run's formatting: set on the run, else by its character style, else by its
    paragraph's style (each with the styles they are based on)."""
    direct = read(run)
    if direct is not None:
        return direct
    by_run_style = _inherited(run.style, read)
    return by_run_style if by_run_style is not None else _inherited(paragraph.style, read)


def _bold(paragraph: Paragraph) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    return bool(runs) and all(_run_value(r, paragraph, lambda x: x.font.bold) for r in runs)


def _size(paragraph: Paragraph, default: int) -> int:
    sizes = [
        _run_value(r, paragraph, lambda x: x.font.size) for r in paragraph.runs if r.text.strip()
    ]
    return max((int(s) if s is not None else default for s in sizes), default=default)


def _centred(paragraph: Paragraph) -> bool:
    alignment = paragraph.alignment
    if alignment is None:
        alignment = _inherited(paragraph.style, lambda s: s.paragraph_format.alignment)
    return bool(alignment == WD_ALIGN_PARAGRAPH.CENTER)


def _document_default_size(document: Any) -> int:
    values = document.styles.element.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:sz/@w:val")
    try:
        return int(str(values[0])) * 6350 if values else _DEFAULT_SIZE  # half-points -> EMU
    except ValueError:
        return _DEFAULT_SIZE


def _body_size(pieces: list[_Piece], default: int) -> int:
    """The size most of the text after the first paragraph is set in."""
    weights: Counter[int] = Counter()
    for piece in pieces[1:]:
        if piece.paragraph is not None and piece.kind == "paragraph":
            weights[_size(piece.paragraph, default)] += len(piece.text)
    return weights.most_common(1)[0][0] if weights else default


def _title_like(piece: _Piece, default: int, pieces: list[_Piece]) -> bool:
    """Centred, bold, or set larger than the text after it (or in the Title style)."""
    paragraph = piece.paragraph
    text = normalize_text(_plain(piece.text))
    if paragraph is None or len(text) > _MAX_TITLE or _SENTENCE_END.search(text):
        return False
    if any(_TITLE_STYLE.match(n) for n in _style_names(paragraph.style)):
        return True
    if _centred(paragraph) or _bold(paragraph):
        return True
    return _size(paragraph, default) > _body_size(pieces, default)


def _property_title(value: str | None) -> str | None:
    title = normalize_text(value or "", keep_spaces=True)
    return None if not title or _PLACEHOLDER_TITLE.match(title) else title


def _author(value: str | None) -> str | None:
    author = normalize_text(value or "")
    if not author or author.lower() in _NO_AUTHOR or author.endswith("管理员"):
        return None
    return author


def _created(value: datetime | None) -> str | None:
    if value is None:
        return None
    moment = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return moment.astimezone(CST).isoformat()
