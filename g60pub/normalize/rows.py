"""Posting rows a blog theme prints under a post's headline, read without labels."""

from __future__ import annotations

import re

from g60pub.cjk import HAN
from g60pub.normalize.dates import find_datetime
from g60pub.normalize.names import plausible_name

# A theme's posting row of spaced dotted parts, the writer first: CandyCat · 2021-11-28,
# 94smart · 2004 年 12 月 15 日 · 文摘, @Chi · Apr 21, 2007 · 1 min read.
_DOT = re.compile(r"\s+[·•]\s+")  # spaced: 字母榜·2025年… names the source
_PART = re.compile(r"\s*[·•|]\s*")
_HANDLE = re.compile(r"@?([A-Za-z0-9][\w.\-]{1,19}|[" + HAN + r"]{2,4})")
_MAX_ROW = 160  # characters of a row, at most
_ROW_PART = 16  # characters of a part after the day (a category, 1 min read)


def dotted_row(text: str) -> tuple[str, str] | None:
    """The writer and day of a posting row of dotted parts (see above), or None."""
    first = _DOT.split(text.strip(), maxsplit=1)
    if len(first) != 2 or len(text) > _MAX_ROW:
        return None
    name, (day, *rest) = _HANDLE.fullmatch(first[0]), _PART.split(first[1])
    if name is None or not plausible_name(name.group(1)) or not 6 <= len(day) <= 30:
        return None
    if not all(0 < len(part) <= _ROW_PART for part in rest):
        return None
    published = find_datetime(day)
    return (name.group(1), published) if published else None
