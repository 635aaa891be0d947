"""Word documents (.docx): one article each, read with python-docx.

python-docx rather than mammoth: the title rule needs what the first
paragraph looks like (centred, bold, set larger than the body text), which
python-docx reads from the paragraph, its runs and their styles and which
mammoth's HTML leaves out; and the core properties (title, author,
created), which mammoth does not read.

The body is read in order: a paragraph in a heading style (Heading 1-9, or
any style with an outline level, as Word's navigation pane shows them) is a
heading, every other paragraph stays a paragraph; a table row is one
paragraph, its non-empty cells joined with `` | `` (the separator the
normaliser puts between the cells of a web page's table row). Tables of
contents (TOC styles), headers, footers, footnotes, comments and text boxes
are no part of the article.
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
from docx.enum.style import WD_STYLE_TYPE
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


class _Styles:
    """The document's styles, each looked up and resolved once.

    python-docx finds a paragraph's style by scanning every style of the
    document each time it is asked (seconds for a long document), so styles
    are looked up here by their id, read from the paragraph's and the run's
    XML (``_p``, ``_r``: python-docx's way to the underlying elements).
    """

    def __init__(self, document: Any) -> None:
        self._styles = document.styles
        self._found: dict[tuple[WD_STYLE_TYPE, str | None], Any] = {}
        self._values: dict[tuple[str, WD_STYLE_TYPE, str | None], Any] = {}
        values = self._styles.element.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:sz/@w:val")
        text = str(values[0]) if values else ""
        # Half-points to EMU; Word's own default when the document sets none.
        self.default_size = int(text) * 6350 if text.isdigit() else _DEFAULT_SIZE

    def _style(self, kind: WD_STYLE_TYPE, style_id: str | None) -> Any:
        key = (kind, style_id)
        if key not in self._found:
            self._found[key] = self._styles.get_by_id(style_id, kind)
        return self._found[key]

    def _value(self, what: str, kind: WD_STYLE_TYPE, style_id: str | None, read: Reader) -> Any:
        """``read`` of the style, else of the style it is based on, and so on."""
        key = (what, kind, style_id)
        if key not in self._values:
            self._values[key] = _inherited(self._style(kind, style_id), read)
        return self._values[key]

    def names(self, paragraph: Paragraph) -> list[str]:
        style_id = paragraph._p.style
        return self._value("names", WD_STYLE_TYPE.PARAGRAPH, style_id, _names) or []

    def heading(self, paragraph: Paragraph) -> bool:
        """In a heading style (Heading 1-9), a style with an outline level, or given one."""
        if any(_HEADING_STYLE.match(n) for n in self.names(paragraph)):
            return True
        style_id = paragraph._p.style
        if self._value("outline", WD_STYLE_TYPE.PARAGRAPH, style_id, _outline):
            return True
        return bool(_outline_level(paragraph._p))

    def centred(self, paragraph: Paragraph) -> bool:
        alignment = paragraph.alignment
        if alignment is None:
            alignment = self._value(
                "align", WD_STYLE_TYPE.PARAGRAPH, paragraph._p.style, _alignment
            )
        return bool(alignment == WD_ALIGN_PARAGRAPH.CENTER)

    def _run(self, run: Any, paragraph: Paragraph, what: str, read: Reader) -> Any:
        """A run's formatting: set on the run, else by its character style, else by
        its paragraph's style (each with the styles it is based on)."""
        direct = read(run)
        if direct is not None:
            return direct
        by_run = self._value(what, WD_STYLE_TYPE.CHARACTER, run._r.style, read)
        if by_run is not None:
            return by_run
        return self._value(what, WD_STYLE_TYPE.PARAGRAPH, paragraph._p.style, read)

    def bold(self, paragraph: Paragraph) -> bool:
        runs = [r for r in paragraph.runs if r.text.strip()]
        return bool(runs) and all(self._run(r, paragraph, "bold", _bold) for r in runs)

    def size(self, paragraph: Paragraph) -> int:
        """The size of the paragraph's largest text, in EMU."""
        sizes = [self._run(r, paragraph, "size", _size) for r in paragraph.runs if r.text.strip()]
        return max((int(s) if s is not None else self.default_size for s in sizes), default=0)


Reader = Callable[[Any], Any]


def _inherited(style: Any, read: Reader) -> Any:
    for _ in range(20):
        if style is None:
            return None
        value = read(style)
        if value is not None:
            return value
        style = style.base_style
    return None


def _names(style: Any) -> list[str] | None:
    """The style's name and the names of the styles it is based on."""
    names: list[str] = []
    while style is not None and len(names) < 20:
        names.append(str(style.name or ""))
        style = style.base_style
    return names


def _outline(style: Any) -> bool | None:
    return _outline_level(style.element)


def _outline_level(element: Any) -> bool | None:
    """True when a paragraph's or a style's XML gives one of Word's outline levels 1-9."""
    values = element.xpath("./w:pPr/w:outlineLvl/@w:val")
    return True if any(str(v).isdigit() and int(str(v)) < 9 for v in values) else None


def _alignment(style: Any) -> Any:
    return style.paragraph_format.alignment


def _bold(item: Any) -> Any:
    return item.font.bold


def _size(item: Any) -> Any:
    return item.font.size


def read_word(data: bytes, *, name: str | None = None) -> Article:
    """The article of the Word document ``data``; ``name`` (the file's stem) is the
    title of last resort, for a document with neither a title property nor a
    title-like first paragraph."""
    open_archive(data, "Word document (.docx)")
    try:
        document = docx.Document(io.BytesIO(data))
        styles = _Styles(document)
        pieces = list(_pieces(document, styles))
    except Exception as err:
        # python-docx reports a package that is no Word document (or a broken
        # one) with whatever it met: KeyError, ValueError, lxml errors.
        reason = " ".join(str(err).split())[:160] or type(err).__name__
        raise SourceError(f"not a readable Word document (.docx): {reason}") from None
    if not pieces:
        raise SourceError("no text")
    properties = document.core_properties
    title = _property_title(properties.title)
    if title is None and len(pieces) > 1 and _title_like(pieces, styles):
        title = normalize_text(pieces[0].text, keep_spaces=True)
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


def _pieces(document: Any, styles: _Styles) -> Iterator[_Piece]:
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = _plain(item.text)
            if any(_TOC_STYLE.match(n) for n in styles.names(item)) or not normalize_text(text):
                continue
            yield _Piece("heading" if styles.heading(item) else "paragraph", text, item)
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


def _title_like(pieces: list[_Piece], styles: _Styles) -> bool:
    """The first paragraph is centred, bold, set larger than the text after it,
    or in the Title style."""
    first = pieces[0]
    paragraph = first.paragraph
    text = normalize_text(first.text)
    if paragraph is None or len(text) > _MAX_TITLE or _SENTENCE_END.search(text):
        return False
    if any(_TITLE_STYLE.match(n) for n in styles.names(paragraph)):
        return True
    if styles.centred(paragraph) or styles.bold(paragraph):
        return True
    # The size most of the text after it is set in.
    weights: Counter[int] = Counter()
    for piece in pieces[1:]:
        if piece.paragraph is not None and piece.kind == "paragraph":
            weights[styles.size(piece.paragraph)] += len(piece.text)
    body = weights.most_common(1)[0][0] if weights else styles.default_size
    return styles.size(paragraph) > body


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
