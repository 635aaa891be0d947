"""The article's title: its heading on the page, not the ``<title>`` with a site suffix.

The heading is found by agreement: a line set as a heading (h1-h3, or named
``title`` by the template) whose text matches what the markup says the title
is (og:title, JSON-LD headline, ``<title>`` minus ``_栏目_站点`` or
`` - 某某网``). Without such agreement the first prominent heading wins;
without a heading, the hints themselves.
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


def find_title(
    lines: Sequence[Line], texts: Sequence[str], meta: PageMeta, content: tuple[int, int]
) -> tuple[str | None, int | None]:
    """The title text and the index of its line (None when it comes from markup only).

    ``content`` is the index of the first and last line of the article text.
    """
    hints = list(meta.titles)
    if meta.page_title:
        hints += [meta.page_title, strip_site_suffix(meta.page_title)]
    best: tuple[int, int] | None = None  # (score, -index)
    for index, (line, text) in enumerate(zip(lines, texts, strict=True)):
        if (
            not text
            or len(text) > _MAX_TITLE
            or (line.link_ratio > 0.5 and not hints)
            or is_noise(text)
        ):
            continue
        agreement = _agreement(text, hints)
        prominence = _prominence(line)
        if agreement < _AGREES and prominence < 10:
            continue
        score = (agreement if agreement >= _AGREES else 0) + prominence + _nearness(index, *content)
        if line.link_ratio > 0.5:
            score -= 30
        if best is None or score > best[0]:
            best = (score, index)
    if best is not None and (best[0] >= _AGREES or not hints or best[0] >= 30):
        return texts[best[1]], best[1]
    for hint in (*meta.titles, strip_site_suffix(meta.page_title or "")):
        if hint:
            return hint, None
    return None, None
