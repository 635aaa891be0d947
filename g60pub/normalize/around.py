"""Bylines and dates around an article's text: under and over its headline,
just under the text, and a posting row further down.

A byline's place decides what it is worth: rows right under the headline
are the article's; a list of other stories above it (a link and a date per
line) is not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from lxml.html import HtmlElement

from g60pub.normalize.boilerplate import is_list_marker, is_noise
from g60pub.normalize.byline import Byline, account_day, parse_byline, posting_row
from g60pub.normalize.dates import find_datetime, has_time, is_date_span, split_date
from g60pub.normalize.english import english_byline
from g60pub.normalize.lines import Line, meaningful
from g60pub.normalize.listing import field_day
from g60pub.normalize.names import names_row

_NEAR_TITLE = range(-3, 8)
_BELOW_TEXT = 3
_LABELLED_ROW = re.compile(r"^[^\s:：]{1,6}\s*[:：]")
_TABLE_ROWS = 12
_LINK_HEAVY = 0.5
_NEAR_DATE = 60  # characters: a dateline, a counter row, not a sentence
_POSTING_REACH = 16  # lines under the text a posting row may sit
_BETWEEN = 20  # characters of a row between a date and the title under it
_BARE_DATE = 19  # characters of a line that is a date and nothing else: 2024-01-25 14:59:48
_LISTED_LINKS = 0.4  # share of a line above the headline in links: a list entry
_FIELDS = ("dd", "dt")
_NAME_LINK = 8  # characters of a poster's name linking to the profile
# A date as templates print it (2021-10-19, 2021/02/18 14:30), not as a writer does.
_MACHINE_DATE = re.compile(
    r"(?<!\d)\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?(?!\d)"
)
# 2018年3月19日, 二○一七年四月: the date under a signature that closes a notice.
_NUMERAL = r"(?:\d|[〇○零一二三四五六七八九十])"
_SIGNED_ON = re.compile(
    rf"{_NUMERAL}{{4}}\s*年\s*{_NUMERAL}{{1,2}}\s*月(?:\s*{_NUMERAL}{{1,3}}\s*日)?"
)
_SIGNATURE = 30  # characters of an issuer's name over its date
_SIGNATURE_LINES = 3  # last lines of a text where a letter's signature and date stand
# A line closing on a day: 艾未未工作室整理 2008.11.27.
_ENDS_ON_DAY = re.compile(r"(?:19|20)\d{2}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?$")
_SENTENCE_MARK = re.compile(r"[，。！？；,!?;]")
# A row's read counter (本文被阅读 627 次, 浏览：1024): a posting row, never a signature.
_READS = re.compile(r"(?:阅读|浏览|点击|访问)(?:量|数|次数)?\s*[:：]?\s*\d+\s*次")
_DATELINE = 80  # characters of a dateline row
_LIST_ITEM = 4  # characters of a link that makes a list item
_ALL_LINK = 0.9
_ROW_WORDS = 24  # letters and Han characters a dated row holds besides its dates
_TITLE_REACH = 10  # lines above the text where a title from the markup is looked for
_ABOVE_REACH = 8  # lines above the text where its headline may stand past widgets
_RELATED = 0.2  # share of a title's character pairs the text must hold to be about it
_PAIR_CHARS = re.compile(r"[^\W_]")


def _short(text: str) -> bool:
    """A row short enough to be a dateline: runs of spaces that set its fields
    apart (文章录入：Sara    责任编辑：Sara   2012-9-24) count as one."""
    return len(" ".join(text.split())) <= _NEAR_DATE


def _between(text: str) -> bool:
    """A short row without a date that may stand between a date and the title under it."""
    return len(text.strip()) <= _BETWEEN and find_datetime(text) is None and not is_noise(text)


def nearby_date(
    lines: Sequence[Line], title_index: int | None, first: int, last: int
) -> str | None:
    """A date in the article's neighbourhood when no byline gave one.

    Templates print it glued to the title line, between the title and the
    text, or in a short row under the text; only short lines count, so a
    date inside a sentence is never taken for the publication date. Under
    the text only a date with its time counts: a bare date there is the
    signature of a notice (某某局 2021年2月20日), the day it was written,
    unless the row counts its readers (2019-8-8 本文被阅读 627 次).
    """
    start = (title_index if title_index is not None else first) - 1
    if title_index is not None and start > 0 and _between(lines[start].text):
        start -= 1  # the date, then a short row of the writer's and column's links, then the title
    candidates = [*range(max(start, 0), first), *range(last + 1, min(last + 8, len(lines)))]
    related = False
    for index in candidates:
        text = lines[index].text
        if index < first and is_list_marker(text.strip()):
            related = True  # 关联稿件：other stories, each a link and its date
            continue
        if related and index < first and _listed(lines[index]):
            continue
        if index + 1 < first:
            # A day printed large over its year and month (21 / 2024年02月).
            found = split_date(text, lines[index + 1].text)
            if found is not None:
                return found
        if is_noise(text):
            continue  # 最新推荐文章于 2024-05-07 发布: another article's date
        if is_date_span(text) or field_day(lines[index]) or account_day(text):
            continue
        if _short(text) or (index == title_index and " | " in text):
            found = find_datetime(text)
            if found is not None and (index < first or has_time(found) or _READS.search(text)):
                return found
    row = posting_row_below(lines, last)
    return None if row is None else find_datetime(lines[row].text)


def posting_row_below(lines: Sequence[Line], last: int) -> int | None:
    """A posting row further down (编辑于 2025-04-22 18:07; cnblogs' posted @ …
    Esofar 阅读(2084)), past a list of references or a tip box the text ends with."""
    for index in range(last + 1, min(last + _POSTING_REACH, len(lines))):
        text = lines[index].text
        if _short(text) and posting_row(text):
            return index
    return None


def signature_date(texts: Sequence[str], members: Sequence[int], body: Sequence[int]) -> str | None:
    """The day a letter or a statement is signed on, among the article's lines
    closing its text (…冯正虎 / 2010年5月24日; 艾未未工作室整理 2008.11.27): its
    date when the page states no other."""
    start = body[-_SIGNATURE_LINES:][0]
    after = [index for index in members if index > start]
    # …right after the text, or closing the lines kept with it (an issuer's name
    # and day under a notice's contacts).
    closing = sorted({*after[: _SIGNATURE_LINES * 2], *after[-_SIGNATURE_LINES:]})
    for index in reversed(closing):
        text = texts[index].strip()
        if len(text) > _SIGNATURE or _SENTENCE_MARK.search(text):
            continue
        if _SIGNED_ON.fullmatch(text) or _ENDS_ON_DAY.search(text):
            found = find_datetime(text)
            if found is not None:
                return found
    return None


_ENTRIES = 3  # rows of one label, each dated, that make a post's entries
_LABELLED = re.compile(r"\s*([^\s:：]{1,6})\s*[:：]")
_ROW = 40  # characters of a dated row, at most


def _dated_label(text: str) -> str | None:
    # The label of a short dated row (时间：2021-9-27 -> 时间).
    label = _LABELLED.match(text)
    if label is None or len(text) > _ROW or find_datetime(text) is None:
        return None
    return label.group(1)


def entry_rows(lines: Sequence[Line]) -> set[int]:
    """The lines whose label dates each of several entries of the text
    (时间：2021-9-27 over each film reviewed): the text's rows, no byline."""
    labels = [_dated_label(line.text) for line in lines]
    entries = Counter(label for label in labels if label)
    return {i for i, label in enumerate(labels) if label and entries[label] >= _ENTRIES}


def line_bylines(lines: Sequence[Line], entries: set[int]) -> list[Byline | None]:
    """What each line says as a byline, in the text's strict reading. A code
    block's lines are code (作者:nimbus in a quoted prompt), and ``entries``
    (:func:`entry_rows`) are the text's: neither is a byline."""
    return [
        None
        if line.owner.tag == "pre" or i in entries
        else english_byline(line.text) or parse_byline(line.text, strict=True)
        for i, line in enumerate(lines)
    ]


def near_bylines(
    lines: Sequence[Line],
    members: Sequence[int],
    first: int,
    title_index: int | None,
    entries: set[int],
) -> tuple[list[Byline], set[int]]:
    """Byline lines just under the title (or, without a title line, just above the text);
    ``entries`` (:func:`entry_rows`) inside the text are none."""
    anchor = title_index if title_index is not None else first - 1
    found: list[Byline] = []
    indexes: set[int] = set()
    inside = set(members)
    related = False
    for offset in _NEAR_TITLE:
        index = anchor + offset
        if not 0 <= index < len(lines) or index == title_index:
            continue
        if index >= first and index > anchor + 3:
            continue
        if offset > 0 and is_list_marker(lines[index].text.strip()):
            related = True  # 关联稿件 under the title: other stories, a link and a date each
            continue
        if (offset < 0 or related) and _listed(lines[index]):
            continue
        if offset < 0 and index > 0 and _listed(lines[index - 1]) and _bare_date(lines[index]):
            continue  # a list of other stories above the title: a link, then its date
        if index in entries and index in inside:
            continue  # the text's own dated rows (entry_rows)
        byline = english_byline(lines[index].text) or parse_byline(lines[index].text)
        if byline is None and offset > 0 and index < first:
            byline = _names_under_title(lines[index])
        if byline is not None and byline.author is None and field_day(lines[index]):
            continue  # an infobox's day (出生 | 1912年6月23日), the subject's
        if byline is not None and (offset > 0 or index not in inside):
            found.append(byline)
            indexes.add(index)
    # A thread's posting row under its poster's box, further below the headline
    # than a byline stands (楼主 发表于：…): the first post's own date.
    for index in range(anchor + _NEAR_TITLE.stop, first):
        byline = parse_byline(lines[index].text) if posting_row(lines[index].text) else None
        if byline is not None and index not in indexes:
            found.append(byline)
            indexes.add(index)
            break
    # A government metadata table (索引号, 发文机关, 成文日期, 发布日期 …) is read
    # whole once one of its rows is near the title, or the title sits right
    # under its list of fields (<dl><dd>生成日期： …): it often runs further up.
    tables = [_table_of(lines[index]) for index in sorted(indexes)]
    if anchor > 0 and lines[anchor - 1].owner.tag in _FIELDS:
        tables.append(_table_of(lines[anchor - 1]))
    for table in dict.fromkeys(tables):
        for index in range(max(anchor - _TABLE_ROWS, 0), anchor):
            if (
                table is not None
                and index not in indexes
                and _table_of(lines[index]) is table
                and not _listed(lines[index])
            ):
                byline = parse_byline(lines[index].text)
                if byline is not None:
                    found.append(byline)
                    indexes.add(index)
    return found, indexes


def _names_under_title(line: Line) -> Byline | None:
    """A row of bare names between the headline and the text (葛翔宇　胡永放): its writers."""
    names = None if line.link_ratio >= _LISTED_LINKS else names_row(line.text)
    return Byline(author=names) if names else None


def _bare_date(line: Line) -> bool:
    text = line.text.strip()
    found = find_datetime(text)
    return found is not None and len(text) <= _BARE_DATE


def _listed(line: Line) -> bool:
    """An entry of a list of other stories (【文汇报】郭齐勇：… | 2018/06/22): a link
    and its date, no byline of this article."""
    return line.link_ratio >= _LISTED_LINKS


def lines_below(lines: Sequence[Line], texts: Sequence[str], last: int) -> list[int]:
    """The first few lines under the text, not counting a box of links and its heading."""
    found: list[int] = []
    for index in range(last + 1, len(lines)):
        if len(found) == _BELOW_TEXT:
            break
        # A labelled row whose value is a link (文章作者: <a>st4ck</a>) is no box of links.
        linked = lines[index].link_ratio > _LINK_HEAVY and not _LABELLED_ROW.match(texts[index])
        if not linked and not is_list_marker(texts[index]):
            found.append(index)
    return found


def _table_of(line: Line) -> HtmlElement | None:
    """The table of a row, or the list of a field (<dl><dd>…)."""
    if line.owner.tag == "tr":
        return next(line.owner.iterancestors("table"), None)
    if line.owner.tag in _FIELDS:
        return next(line.owner.iterancestors("dl"), None)
    return None


def restates_date(text: str, published: str | None) -> bool:
    """True for a template's row that restates the post's own day at the head of
    its text: a machine date (2021-10-19) on or after the publication, among a
    few words (Created 2021-02-18|Updated 2021-02-18|study, 本文最后更新于
    2021-10-19，文中内容可能已过时。). A writer dates a sentence in words (2021年10月19日，…).
    """
    if published is None or len(text) > _NEAR_DATE:
        return False
    days = [find_datetime(date) for date in _MACHINE_DATE.findall(text)]
    if not any(day is not None and day[:10] >= published[:10] for day in days):
        return False
    return 0 < meaningful(_MACHINE_DATE.sub("", text)) <= _ROW_WORDS


def signs_off(texts: Sequence[str], index: int) -> bool:
    """A short line over a bare date (新疆注册会计师协会 / 2018年3月19日): a notice's
    signature, whose issuer is often the very name the ``<title>`` carries."""
    if len(texts[index]) > _SIGNATURE:
        return False
    following = next((texts[i] for i in range(index + 1, len(texts)) if texts[i]), "")
    return _SIGNED_ON.fullmatch(following) is not None


def line_above(lines: Sequence[Line], texts: Sequence[str], first: int) -> int | None:
    """The line just above the text that reads as its headline (no <title> to go by).

    Widgets and a dateline between the two (小 中 大, 字級大小：, 2014/12/11
    18:58 報導) are stepped over; three other lines are looked at.
    """
    looked = 0
    for index in range(first - 1, max(first - _ABOVE_REACH, -1), -1):
        text = texts[index]
        if len(text) < 4 or is_noise(text) or (_short(text) and find_datetime(text)):
            continue
        looked += 1
        if looked > 3:
            break
        if (
            4 <= len(text) <= 60
            and not is_noise(text)
            and not text.endswith(("。", "：", ":"))
            and find_datetime(text) is None
            and lines[index].chars >= 4
            # A poster's name linking to the profile (duscha), not a permalink headline.
            and not (lines[index].link_ratio > 0.5 and lines[index].chars <= _NAME_LINK)
        ):
            return index
    return None


def title_line(texts: Sequence[str], title: str, first: int) -> int | None:
    """The line above the text that prints a title taken from the markup
    (og:title), so that a date glued to it (标题2014/12/1 18:13) is still near."""
    wanted = "".join(title.split())
    for index in range(first - 1, max(first - _TITLE_REACH, 0) - 1, -1):
        if wanted and "".join(texts[index].split()).startswith(wanted):
            return index
    return None


def speaks_of(title: str, text: str) -> bool:
    """True when the text holds a fifth or more of the title's character pairs: a
    site's name or slogan in ``<title>`` (风传媒 一个有国际观…) shares almost none."""
    chars = "".join(_PAIR_CHARS.findall(title))
    pairs = {chars[i : i + 2] for i in range(len(chars) - 1)}
    if not pairs:
        return False
    return sum(pair in text for pair in pairs) >= _RELATED * len(pairs)


def over_dateline(lines: Sequence[Line], index: int) -> bool:
    """A line with the article's dateline (发布时间：2024-03-21) right under it."""
    if index + 1 >= len(lines) or len(lines[index + 1].text) > _DATELINE:
        return False
    byline = parse_byline(lines[index + 1].text)
    return byline is not None and byline.published is not None


def box_heading(lines: Sequence[Line], index: int) -> bool:
    """A line followed by a list of links (我的另外2个博客 / 望月小筑 / 小茶妹的歌声,
    姊妹站 / bcbhome.126.com): the heading of a sidebar box, not of the article."""
    following = lines[index + 1 : index + 3]
    return len(following) == 2 and all(
        line.link_ratio >= _ALL_LINK
        and line.chars >= _LIST_ITEM
        and not posting_row(line.text)
        and parse_byline(line.text) is None
        for line in following
    )


def heads_post(lines: Sequence[Line], index: int) -> bool:
    """A link over a posting row (标题 / ggjjzhzz 发表于 2005-9-15): a post's permalink."""
    if index + 1 >= len(lines):
        return False
    text = lines[index + 1].text.strip()
    return posting_row(text) or (len(text) <= 40 and parse_byline(text) is not None)
