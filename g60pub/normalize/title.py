"""The article's title: its heading on the page, not the ``<title>`` with a site suffix.

In order of trust: a line that agrees with what the markup says the title
is (og:title, JSON-LD headline, ``<title>`` minus ``_栏目_站点`` or
`` - 某某网``), preferring headings (h1-h3, elements the template names
``title``) just above the text; then the markup's own statement; then a
prominent line just above the text; last, the ``<title>`` without its suffix.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml.html import HtmlElement

from g60pub.normalize.boilerplate import is_noise
from g60pub.normalize.lines import Line
from g60pub.normalize.metadata import PageMeta

_SITE_SEPARATOR = re.compile(r"\s*[_|｜]\s*|\s+[-–—]+\s+|\s*--\s*")
_TITLE_NAME = re.compile(r"title|headline|biaoti|activity-name|arttit|tit\b|bt\b", re.I)
_MAX_TITLE = 150
_AGREES = 60
_PROMINENT = 18  # e.g. a bold line right above the text, or an h1 anywhere
_BARE_TITLE = 8


def strip_site_suffix(page_title: str) -> str:
    """``标题_栏目_站点`` / ``标题 - 某某网`` -> ``标题``."""
    pieces = [p.strip() for p in _SITE_SEPARATOR.split(page_title) if p and p.strip()]
    if not pieces:
        return page_title.strip()
    if len(pieces[0]) >= 4:
        return pieces[0]
    return max(pieces, key=len)


def _named_title(element: HtmlElement) -> bool:
    for _ in range(3):
        if element is None:
            return False
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if _TITLE_NAME.search(names):
            return True
        element = element.getparent()
    return False


def _agreement(text: str, hints: Sequence[str]) -> int:
    best = 0
    for hint in hints:
        if text == hint:
            return 100
        if hint.startswith(text) and len(text) >= max(4, len(hint) // 3):
            best = max(best, 90)
        elif text in hint and len(text) >= max(4, len(hint) // 2):
            best = max(best, 70)
        elif hint in text and len(hint) >= max(4, len(text) // 2):
            best = max(best, 60)
    return best


def _prominence(line: Line) -> int:
    bonus = {1: 20, 2: 12, 3: 6}.get(line.heading, 0)
    if _named_title(line.owner):
        bonus += 10
    if line.bold or line.centred:
        bonus += 3
    return bonus


def _nearness(index: int, first: int, last: int) -> int:
    """Titles sit just before the article text or open it; far from it they are something else."""
    if first - 15 <= index <= first:
        return 15
    if first < index <= last:
        return 5
    if index > last:
        return -20
    return 0


def _page_title_hints(page_title: str | None) -> list[str]:
    """The ``<title>`` as evidence: only when it names more than a site or a column.

    A bare ``<title>通知公告</title>`` or ``<title>松江新闻</title>`` would make the
    column box on the page look like the article's heading.
    """
    if not page_title:
        return []
    stripped = strip_site_suffix(page_title)
    if stripped == page_title.strip() and len(stripped) <= _BARE_TITLE:
        return []
    return [page_title, stripped]


def find_title(
    lines: Sequence[Line], texts: Sequence[str], meta: PageMeta, content: tuple[int, int]
) -> tuple[str | None, int | None]:
    """The title text and the index of its line (None when it comes from markup only).

    ``content`` is the index of the first and last line of the article text.
    Agreement with the markup wins; then what the markup states outright
    (og:title, JSON-LD headline); then a prominent line just above the text;
    last, the ``<title>`` without its site suffix.
    """
    hints = [*meta.titles, *_page_title_hints(meta.page_title)]
    best: tuple[int, int, int] | None = None  # (score, agreement, index)
    for index, (line, text) in enumerate(zip(lines, texts, strict=True)):
        if not text or len(text) > _MAX_TITLE or is_noise(text):
            continue
        agreement = _agreement(text, hints)
        if line.link_ratio > 0.5 and agreement < 100:
            continue
        prominence = _prominence(line)
        if agreement < _AGREES and prominence < 3:
            continue
        score = (agreement if agreement >= _AGREES else 0) + prominence + _nearness(index, *content)
        if best is None or score > best[0]:
            best = (score, agreement, index)
    if best is not None and best[1] >= _AGREES:
        return texts[best[2]], best[2]
    if meta.titles:
        return meta.titles[0], None
    if best is not None and best[0] >= _PROMINENT:
        return texts[best[2]], best[2]
    fallback = strip_site_suffix(meta.page_title or "")
    return (fallback, None) if fallback else (None, None)
