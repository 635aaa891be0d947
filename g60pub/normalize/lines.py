"""The tree -> a flat list of text lines, each tied to the block element that holds it.

A line ends at every block-level boundary. Inside one block, ``<br>`` splits
text the way CMS editors use it: ``<br><br>`` separates paragraphs; a single
``<br>`` does too when the block never doubles them or when the next line
starts with the customary two-character indentation (　　); otherwise, after a
long unfinished line in the same weight, it is a wrap inside a paragraph.
A table row of short cells (label/value metadata, a data table's row) becomes
one line, also when an editor set each cell's text in a paragraph of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from g60pub.cjk import HAN
from g60pub.normalize.dom import alignment, is_bold

_BLOCK_NAMES = (
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2",
    "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th",
    "tbody", "thead", "tfoot", "caption", "blockquote", "pre", "center", "hr", "figure",
    "figcaption", "address", "form", "fieldset", "body", "html", "details", "summary", "legend",
)  # fmt: skip
BLOCK_TAGS = frozenset(_BLOCK_NAMES)
_HEADING = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_WHITESPACE = re.compile(r"[ \t\r\n\f]+")
_INDENT = re.compile(r"^[ \t\r\n]*(?:\u3000|\u00a0{2}|\u00a0 |[\u2002\u2003])")
_WRAP_MIN = 20
# Tags that only style a run of text: an editor splits a word or number over several of
# them (<span>6</span><span>6</span>), which a browser shows as one.
_RUN_TAGS = frozenset(
    ("span", "font", "b", "strong", "em", "i", "u", "s", "small", "big", "sup", "sub", "mark", "tt")
)
_SHORT_CELL = 32  # an index number (索引号) runs to 30 characters
_FINISHED = re.compile(r"[。！？!?：:]\s*$")
_DATE_ONLY = re.compile(r"^\s*\d{4}[-/.年]\d\d?[-/.月]\d\d?日?(?:\s+[\d:]{4,8})?\s*$")
# A field's name alone on its line: 生成日期：, 索 引 号：
_FIELD_NAME = re.compile(r"^\S[^:：]{0,8}[:：]$")
_MEANINGFUL = re.compile(f"[^\\s\u3000\u00a0\\W_]|[{HAN}]")
# A link to a document file is an attachment the article lists (附件：1. …docx),
# part of its text; links to pages are navigation.
_ATTACHMENT = re.compile(
    r"\.(?:docx?|xlsx?|pptx?|pdf|wps|et|ofd|zip|rar|7z|txt|csv)(?:$|[?#])", re.I
)


@dataclass(slots=True)
class Line:
    """One line of text as a reader sees it, with the layout facts the extractor needs."""

    text: str
    owner: HtmlElement
    chars: int  # letters, digits and Han characters
    link_chars: int
    bold: bool  # every character is bold
    centred: bool
    heading: int  # 1-6 inside <hN>, else 0
    after_image: bool = False  # an image came since the previous line: a caption?

    @property
    def link_ratio(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0


@dataclass(slots=True)
class _Piece:
    text: str
    link: bool
    bold: bool
    # Set apart from the piece before: by a <br> that wraps a paragraph, or by an inline
    # element other than a styled run (a link, a <time>, an empty icon or separator).
    spaced: bool = False


def meaningful(text: str) -> int:
    return len(_MEANINGFUL.findall(text))


class _Walker:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.pieces: list[_Piece | None] = []  # None marks a <br>
        self.links = 0
        self.bolds = 0
        self.headings: list[int] = []
        self.aligns: list[bool] = []
        self.blocks: list[HtmlElement] = []
        self.frames: list[tuple[bool, bool, bool, bool, bool]] = []
        self.images = 0
        self.gap = False

    def add(self, text: str | None) -> None:
        if text:
            piece = _Piece(_WHITESPACE.sub(" ", text), self.links > 0, self.bolds > 0, self.gap)
            self.pieces.append(piece)
            self.gap = False

    def start(self, element: HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        block = tag in BLOCK_TAGS
        if block or tag == "br":
            if block:
                self.flush()
            else:
                self.pieces.append(None)
        if tag == "img":
            self.images += 1
        if tag and not block and (tag not in _RUN_TAGS or not (element.text or len(element))):
            self.gap = True
        # A heading's anchor to itself (<h2 id="x"><a href="#x">, Astro's, mdBook's): no link.
        href = str(element.get("href") or "").strip() if tag == "a" else ""
        # …nor is a named anchor (<a name="1.1">, left open over the text after it).
        anchor = tag == "a" and "href" not in element.attrib and "name" in element.attrib
        link = tag == "a" and not (self.headings and href.startswith("#")) and not anchor
        link = link and not _ATTACHMENT.search(href)
        bold = bool(tag) and is_bold(element)
        heading = tag in _HEADING
        align = alignment(element) if tag else None
        self.frames.append((block, link, bold, heading, align is not None))
        if block:
            self.blocks.append(element)
        self.links += link
        self.bolds += bold
        if heading:
            self.headings.append(_HEADING[tag])
        if align is not None:
            self.aligns.append(align)
        if tag:
            self.add(element.text)

    def end(self, element: HtmlElement) -> None:
        block, link, bold, heading, align = self.frames.pop()
        if block:
            self.flush()
            self.blocks.pop()
        if isinstance(element.tag, str) and not block and element.tag not in _RUN_TAGS:
            self.gap = True
        self.links -= link
        self.bolds -= bold
        if heading:
            self.headings.pop()
        if align:
            self.aligns.pop()
        self.add(element.tail)

    def flush(self) -> None:
        if not self.pieces or not self.blocks:
            self.pieces = []
            return
        if self.headings:
            # A heading broken with <br> is one heading, a date on its last line its
            # dateline; a blank line (<br><br>) sets a subtitle under it.
            cut = max((i for i, p in enumerate(self.pieces) if p is None), default=0)
            tail = [p for p in self.pieces[cut:] if p is not None]
            dated = cut and _DATE_ONLY.match("".join(p.text for p in tail))
            for part in _blank_line_parts(self.pieces[: cut if dated else None]):
                self._emit(part)
            if dated:
                self._emit(tail)
        else:
            for segment in _paragraphs(self.pieces):
                self._emit(segment)
        self.pieces = []

    def _emit(self, pieces: list[_Piece]) -> None:
        text = _join(pieces)
        chars = meaningful(text)
        if not chars:
            return
        self.lines.append(
            Line(
                text=text,
                owner=self.blocks[-1],
                chars=chars,
                link_chars=sum(meaningful(p.text) for p in pieces if p.link),
                bold=all(p.bold for p in pieces if meaningful(p.text)),
                centred=bool(self.aligns) and self.aligns[-1],
                heading=self.headings[-1] if self.headings else 0,
                after_image=self.images > 0,
            )
        )
        self.images = 0


def _blank_line_parts(pieces: list[_Piece | None]) -> list[list[_Piece]]:
    """Runs of pieces between two breaks or more in a row (blank pieces between them
    count for nothing)."""
    parts: list[list[_Piece]] = [[]]
    breaks = 0
    for piece in pieces:
        if piece is None:
            breaks += 1
            continue
        if piece.text.strip():
            if breaks >= 2 and any(p.text.strip() for p in parts[-1]):
                parts.append([])
            breaks = 0
        parts[-1].append(piece)
    return parts


def _join(pieces: list[_Piece]) -> str:
    out = ""
    for piece in pieces:
        # A wrapped line of Latin text needs its space back, as do two fields side by side
        # (<time>…</time><time>…</time>); Chinese needs none. Styled runs side by side
        # (<span>6</span><span>6</span>) read as one word, as a browser shows them.
        if (
            out
            and piece.spaced
            and piece.text
            and out[-1].isascii()
            and out[-1].isalnum()
            and piece.text[0].isascii()
            and piece.text[0].isalnum()
        ):
            out += " "
        out += piece.text
    return out


def _wrapped(before: list[_Piece], after: list[_Piece]) -> bool:
    """A single <br> is a hard wrap inside a paragraph only after a long, unfinished line
    set in the same weight: a short bold title followed by a byline is two lines."""
    text = "".join(p.text for p in before)
    if meaningful(text) < _WRAP_MIN or _FINISHED.search(text):
        return False
    weight = {p.bold for p in before if meaningful(p.text)} | {
        p.bold for p in after if meaningful(p.text)
    }
    return len(weight) <= 1


def _paragraphs(pieces: list[_Piece | None]) -> list[list[_Piece]]:
    segments: list[list[_Piece]] = [[]]
    for piece in pieces:
        if piece is None:
            segments.append([])
        else:
            segments[-1].append(piece)
    if len(segments) == 1:
        return segments
    blank = [not any(meaningful(p.text) for p in seg) for seg in segments]
    # A blank segment with words on both sides of it (first and last worded ones).
    worded = [i for i, b in enumerate(blank) if not b]
    doubled = bool(worded) and any(blank[worded[0] + 1 : worded[-1]])
    paragraphs: list[list[_Piece]] = []
    open_paragraph = False
    for segment, empty in zip(segments, blank, strict=True):
        if empty:
            open_paragraph = False
            continue
        indented = bool(_INDENT.match("".join(p.text for p in segment)))
        if open_paragraph and doubled and not indented and _wrapped(paragraphs[-1], segment):
            head = segment[0]
            paragraphs[-1].append(_Piece(head.text, head.link, head.bold, spaced=True))
            paragraphs[-1].extend(segment[1:])
        else:
            paragraphs.append(list(segment))
        open_paragraph = True
    return paragraphs


def walk(root: HtmlElement) -> list[Line]:
    """Every visible line of text under ``root``, in document order (no recursion)."""
    walker = _Walker()
    walker.blocks.append(root)
    walker.frames.append((False, False, False, False, False))
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if element is root:
            if event == "start":
                walker.add(root.text)
            continue
        if event == "start":
            walker.start(element)
        else:
            walker.end(element)
    walker.flush()
    return _join_field_values(_merge_label_rows(walker.lines))


# Blocks an editor wraps a cell's text in (<td><p><span>1</span></p></td>), and the
# <font> Word wraps around its paragraph (<td><font><p>365</font></td>).
_CELL_WRAPPERS = frozenset(["p", "div", "center", "font"])
_WRAPPER_DEPTH = 2


def _cell_of(line: Line) -> HtmlElement | None:
    """The table cell a line is the text of, directly or inside a wrapping paragraph."""
    element: HtmlElement | None = line.owner
    for _ in range(_WRAPPER_DEPTH + 1):
        if element is None:
            return None
        if element.tag in ("td", "th"):
            return element
        if element.tag not in _CELL_WRAPPERS:
            return None
        element = element.getparent()
    return None


def _row_of(line: Line) -> HtmlElement | None:
    cell = _cell_of(line)
    row = cell.getparent() if cell is not None else None
    return row if row is not None and row.tag == "tr" else None


def _merge_label_rows(lines: list[Line]) -> list[Line]:
    """A table row of short cells reads as one line: ``发布日期： | 2019-05-20 | 来源： | 某局``.

    Government pages set their byline and document metadata as label/value
    cells; read cell by cell, no label would meet its value.
    """
    merged: list[Line] = []
    index = 0
    while index < len(lines):
        row = _row_of(lines[index])
        end = index + 1
        while row is not None and end < len(lines) and _row_of(lines[end]) is row:
            end += 1
        cells = lines[index:end]
        # One line to a cell: a cell of several paragraphs is text, not a field.
        held = [_cell_of(line) for line in cells]  # held, so that no two share an id
        owners = {id(cell) for cell in held}
        if (
            len(cells) >= 2
            and len(owners) == len(cells)
            and all(c.chars <= _SHORT_CELL for c in cells)
        ):
            merged.append(
                Line(
                    text=" | ".join(c.text.strip() for c in cells),
                    owner=row if row is not None else cells[0].owner,
                    chars=sum(c.chars for c in cells),
                    link_chars=sum(c.link_chars for c in cells),
                    bold=all(c.bold for c in cells),
                    centred=all(c.centred for c in cells),
                    heading=0,
                )
            )
        else:
            merged.extend(cells)
        index = end
    return merged


def _join_field_values(lines: list[Line]) -> list[Line]:
    """A field's name and its value in one element read as one line.

    Government disclosure templates set each field of the document table as
    ``<dd><label>生成日期：</label><div>2023-05-11</div></dd>``: the value's
    block puts it on a line of its own, where no name would meet it.
    """
    joined: list[Line] = []
    index = 0
    while index < len(lines):
        name = lines[index]
        value = lines[index + 1] if index + 1 < len(lines) else None
        if (
            value is not None
            and _FIELD_NAME.match(name.text.strip())
            and not name.link_chars
            and not value.link_chars
            and value.chars <= _SHORT_CELL
            and value.owner.getparent() is name.owner
        ):
            joined.append(
                Line(
                    text=f"{name.text.strip()} {value.text.strip()}",
                    owner=name.owner,
                    chars=name.chars + value.chars,
                    link_chars=0,
                    bold=name.bold and value.bold,
                    centred=name.centred,
                    heading=name.heading,
                    after_image=name.after_image,
                )
            )
            index += 2
            continue
        joined.append(name)
        index += 1
    return joined
