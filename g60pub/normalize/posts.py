"""A thread's posts: where the first post of a page that holds several begins and ends.

A thread prints its posts one under another, each under a header: the
opening poster's (樓主 …), a floor's (2 樓 …), an image board's row of name,
time, ID and post number, or a posting row (作者：X  时间：…, 发表于 … | 阅读(12)).
The article is the first post; the next header ends it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from g60pub.normalize.byline import posting_row
from g60pub.normalize.dates import find_datetime, has_time

_SHORT = 40
NEXT_POST = 60.0
"""Weight of text that makes a post (or an article before a notice)."""
# A closed sentence, or one closed by its credit: …高质量发展。（记者 陈俊伶）.
SENTENCE_END = re.compile(r"(?:[。！？!?；;…”」』]|[。！？!?]\s*[（(][^（）()]{1,30}[)）])\s*$")


# A thread's post headers: the opening poster's (樓主夕立醬 alan1200123) and a
# floor's (2 樓路過的雞蛋糕 junsss88), or an image board's row of name, time,
# poster ID and post number (無名2021/12/03(五)14:22:16.015ID:iw3TyiasNo.25208031),
# alike for the opening post and the replies.
_OPENER = re.compile(r"^(?:楼主|樓主)(?!\s*[:：])\S")
_FLOOR = re.compile(r"^\d{1,4}\s*[楼樓](?![主上下])\s*\S{1,20}(?:\s+\S{1,20})?$")
_BOARD_POST = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*ID\s*[:：]\s*\S+?.{0,12}No\.\s*\d{3,}"
)


def post_at(texts: Sequence[str], index: int) -> bool:
    """True when a thread's first post begins at ``index``: its header stands just above."""
    above = range(max(0, index - _HEADER_ABOVE), index)
    return any(post_header(texts[i].strip()) in ("opener", "board") for i in above)


_HEADER_ABOVE = 3  # lines between a post's header and its text (the poster's counters)


def post_header(text: str) -> str | None:
    """Whether a short line heads a post of a thread: ``opener``, ``floor`` or ``board``."""
    if len(text) > _SHORT * 2:
        return None
    if _BOARD_POST.search(text) and find_datetime(text) is not None:
        return "board"
    if len(text) <= _SHORT and _OPENER.match(text):
        return "opener"
    if _FLOOR.match(text):
        return "floor"
    return None


# A thread's post header: the poster and the time on one row
# (作者：wowkao111  时间：2017-03-24 20:35:54, 楼主：cdylng  时间：…), or a
# reply's, the name run into its label (作者：普罗夫回复日期：2010-01-14 02:55:04).
_POSTER_TIME = re.compile(
    r"^(?:作者|楼主|发帖人|回复人)\s*[:：]\s*(?:\S{1,20}\s+(?:时间|发表时间|回复时间|日期)"
    r"|\S{1,20}?(?:回复时间|回复日期))\s*[:：]"
)


# A post's comment counter on a row of its own (/ 27 条评论): its date went to a
# <time> element of its own.
_COUNTER_ROW = re.compile(r"^[/|｜·\s]*\d+\s*(?:条评论|条留言|条回复|comments?)$", re.I)


# A reply's header, its floor and time (#1 得分：0 回复于： 2015-04-06 23:38:25,
# 沙发 发表于 2014-6-25 21:14:40): the head of a post after the first, however
# short the first post is.
_FIRST_FLOOR = re.compile(r"^1\s*楼")  # CSDN's #1 is the first reply, not the topic
_REPLY_HEADER = re.compile(
    r"^(?:#\d+|\d+\s*楼|沙发|板凳|地板)\s.{0,20}?(?:回复于|发表于|回复时间)\s*[:：]?\s*\d{4}[-/]"
)


def reply_header(text: str) -> bool:
    """A reply's header: its floor and its time (#1 回复于： 2015-04-06 23:38:25)."""
    return _REPLY_HEADER.match(text) is not None


def header_row(text: str) -> bool:
    """A posting row, a post header naming its poster and time, or a post's counter row."""
    if posting_row(text) or _COUNTER_ROW.match(text.strip()):
        return True
    found = find_datetime(text) if _POSTER_TIME.match(text.strip()) else None
    return found is not None and has_time(found)


def first_post_end(
    texts: Sequence[str],
    weights: Sequence[float],
    members: Sequence[int],
    first: int,
    code: Collection[int] = (),
) -> int | None:
    """Where the first post ends on a page that holds several (an archive, a thread).

    Posts are set apart by their posting rows (发表于 … | 阅读(12), 发布时间 … by
    X, or a post header: 作者：X  时间：…). A row inside the article's lines
    with text both before and after it is a boundary, whether it closes the
    first post or heads the second: the first post ends with its last line of
    text before that row (the next post's title and dateline go with it).
    The one posting row of the lines under one paragraph is the article's
    own dateline under its standfirst, not a second post's. A line of
    ``code`` is none (an HTTP header in a code block: Expires: Thu, 10 Nov 2017 …).
    """
    rows = [i for i in members if i > first and i not in code and header_row(texts[i])]
    for row in members:
        reply = row > first and _REPLY_HEADER.match(texts[row].strip()) is not None
        if row <= first or not (reply or row in rows) or _FIRST_FLOOR.match(texts[row].strip()):
            continue  # floor 1's own header (1楼 … 发表于): the first post starts under it
        texted = [i for i in members if i < row and weights[i] > 0]
        before = sum(weights[i] for i in texted)
        if before < NEXT_POST and not (reply and before > 0):
            continue  # the first post's own dateline under its title
        if not reply and rows == [row] and len(texted) == 1:
            continue  # a standfirst over the article's dateline
        if _headline_only(texts, texted):
            continue  # a long headline (名单、结果的公示) over its own dateline
        after = sum(weights[i] for i in members if i > row and weights[i] > 0)
        if after < NEXT_POST and not reply:
            return None
        return max(i for i in members if i < row and weights[i] > 0) + 1
    return None


def first_floor(texts: Sequence[str], members: Sequence[int], first: int) -> int | None:
    """The header of a thread's first floor (1楼 … 发表于 …): its post starts under it."""
    floors = (i for i in members if i > first and _FIRST_FLOOR.match(texts[i].strip()))
    return next((i for i in floors if header_row(texts[i])), None)


def _headline_only(texts: Sequence[str], texted: Sequence[int]) -> bool:
    """True when the one line of text is a headline: short, and no sentence closed."""
    if len(texted) != 1:
        return False
    text = texts[texted[0]]
    return len(text) <= _HEADLINE and not SENTENCE_END.search(text)


_HEADLINE = 120  # characters: the longest headline (a notice's, naming what it lists)
