"""English pages: how to tell one, and the rules that differ from Chinese pages.

The English edition of a Chinese article is read the way sources are, so
that ``align`` pairs paragraphs with paragraphs. What differs:

* the headline is the page's ``<h1>`` (or first ``<h2>``) above the text,
  often longer than any Chinese title and unlike the ``<title>``, which names
  the section;
* bylines are written "By Wang Lei", "Updated: 2023-03-15 15:57 | Source:
  China Daily", "Xinhua | Updated: 2023-03-05 10:12", "Source: Xinhua |
  2023-03-15": metadata, never a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from g60pub.cjk import HAN_CHAR
from g60pub.normalize.byline import Byline
from g60pub.normalize.dates import find_datetime
from g60pub.normalize.lines import Line
from g60pub.normalize.rows import dotted_row

LATIN_LETTER = re.compile(r"[A-Za-z]")
ENGLISH_SHARE = 0.9  # of the letters and Han characters of a page's text
MAX_TITLE = 300  # characters
MAX_BYLINE = 160
SEPARATOR = re.compile(r"\s*[|丨｜]\s*|\s+[—–]\s+")  # 2010-01-30 — Written by HaNg~
NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|bin|al))*"
# "— Written by HaNg~": a theme's dash before the credit, a handle's tilde after it.
BY = re.compile(
    r"^(?:[—–-]+\s*)?(?:(?:Written|Edited|Reported)\s+by|By)\s+"
    rf"({NAME}(?:\s*(?:,|and|&)\s*{NAME})*)[~～]?(?:\s+(?:in|at)\s+{NAME})?$"
)
# A blog theme's posting row: Posted by Asher on 2016-05-19.
POSTED_BY = re.compile(
    rf"^(?:(?:Posted|Published|Written)\s+by|[Bb]y)\s+({NAME})\s+(?:on|at)\s+(.+)$"
)  # by TH on 2016-11-07
KEYED = re.compile(
    r"^(Updated|Published|Posted|Released|Date|Time|Source|Author|Editor|Writer|Reporter|"
    r"Photo|Photos|Web editor|Chief editor)\s*[:：]\s*(.*)$",
    re.I,
)
# A post's last change (Modified on Feb 18, 2026; Last updated: …), not its publication.
MODIFIED = re.compile(
    r"^(?:Last\s+(?:modified|updated|edited|revised)|(?:Modified|Updated|Edited|Revised)\s+(?:on|at))\b",
    re.I,
)
DATE_KEYS = frozenset({"updated", "published", "posted", "released", "date", "time"})
AUTHOR_KEYS = frozenset({"author", "writer", "reporter", "written by"})
# A source named on its own in a byline: "Xinhua", "(Xinhua)", "China Daily",
# "chinadaily.com.cn", "ECNS".
BARE_SOURCE = re.compile(r"^\(?(?:[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,4}|[\w-]+\.[\w.]+)\)?$")


def is_english(text: str) -> bool:
    """True when Latin letters make up nearly all of a text's letters and Han characters."""
    latin = len(LATIN_LETTER.findall(text))
    han = len(HAN_CHAR.findall(text))
    return latin > 0 and latin >= ENGLISH_SHARE * (latin + han)


def english_byline(line: str) -> Byline | None:
    """The author, source and date of an English byline line, or None when it is not one."""
    text = " ".join(line.split())
    if not text or len(text) > MAX_BYLINE or not is_english(text):
        return None
    by = BY.match(text)
    if by:
        return Byline(author=by.group(1))
    if MODIFIED.match(text) and (day := find_datetime(text)) is not None:
        return Byline(written=day)  # the day it was changed: a date to fall back on
    if (row := dotted_row(text)) is not None:
        return Byline(author=row[0], published=row[1])
    author = source = published = None
    keyed = False
    for part in SEPARATOR.split(text):
        if not part:
            continue
        key = KEYED.match(part)
        date = find_datetime(part)
        if key:
            keyed = True
            name, value = key.group(1).lower(), key.group(2).strip()
            if name in DATE_KEYS:
                published = published or find_datetime(value)
            elif name == "source":
                source = source or value or None
            elif name in AUTHOR_KEYS:
                author = author or value or None
        elif (by := BY.match(part)) is not None:
            keyed, author = True, author or by.group(1)
        elif (posted := POSTED_BY.match(part)) and (day := find_datetime(posted.group(2))):
            keyed, author, published = True, author or posted.group(1), published or day
        elif date is not None and _date_only(part):
            keyed, published = True, published or date
        elif BARE_SOURCE.match(part):
            source = source or part.strip("()")
        else:
            return None
    if not keyed:
        return None
    return Byline(author=author, source=source, published=published)


def _date_only(text: str) -> bool:
    # "2023-03-15 15:57", "March 15, 2023", "15 Mar 2023 09:12": no sentence around the date.
    return len(text.split()) <= 6 and not text.rstrip().endswith(".")


# Classes themes give text shown to screen readers only.
_SCREEN_READER = re.compile(
    r"\b(?:assistive-text|screen-reader-text|sr-only|visually-hidden|visuallyhidden)\b"
)


def english_title(
    lines: Sequence[Line], texts: Sequence[str], first: int, stated: str | None = None
) -> tuple[str, int] | None:
    """The headline of an English page: the first ``<h1>`` (else ``<h2>``) that opens
    the text or stands just above it, not a link unless it is the post's
    permalink right above the text, and not a line only screen readers
    get (a theme's ``<h1 class="assistive-text">Menu</h1>``). One that the
    ``<title>`` states (``stated``, its site's name cut) goes before the site's
    name set as an ``<h1>`` in the masthead."""
    found = [
        (texts[index], index)
        for level in (1, 2)
        for index in range(min(first + 1, len(lines)))
        if lines[index].heading == level
        and texts[index]
        and len(texts[index]) <= MAX_TITLE
        and (lines[index].link_ratio <= 0.5 or first - index <= 3)  # or a permalink
        and first - index <= 10
        and not _SCREEN_READER.search(lines[index].owner.get("class") or "")
    ]
    return next((title for title in found if title[0] == stated), found[0] if found else None)
