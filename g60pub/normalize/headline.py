"""A headline's text as a reader sees it, and a headline set over several lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from g60pub.normalize.around import over_dateline
from g60pub.normalize.dates import find_datetime, without_dateline
from g60pub.normalize.lines import Line
from g60pub.normalize.page_title import BARE_TITLE
from g60pub.normalize.text import normalize_text, unspaced

# ——记一位彩票得主的四年: a subtitle, set off by its leading dash.
SUBTITLE = re.compile(r"^\s*(?:——|--|─|――)")
# A headline's clause opening with its speaker (希山：寻求…), set off by a space.
_SPEAKER = re.compile(
    r"^(?!时间|時間|地点|地點|日期|主题|主題|来源|來源|作者)[\u4e00-\u9fff·]{2,6}[：:]"
)
# 主题：… / 标题：… on forum and archive pages: the label is no part of the title.
TITLE_LABEL = re.compile(r"^(?:主题|标题|题目|帖子主题)\s*[:：]\s*")
# A title cell run into its dateline row (… | 2005-09-11 18:04:42 楼主).
GLUED = re.compile(r"\s+\|\s+")
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
# Trailing dashes, a thread's points badge, a picture set's counter (城管“变形”记 (1/5)).
COUNTER = r"\s*[（(]\s*\d{1,3}\s*/\s*\d{1,3}\s*[)）]\s*$"
_TRAILING = re.compile(
    r"(?:\s*[-–—]\s*){2,}$|\s*[\[【](?:问题点数|悬赏)[:：]?\d+分?[\]】]$|"
    + COUNTER
    + r"|\s*[\[【]\s*(?:返回|关闭|打印|返回首页|返回目录|返回列表)\s*[\]】]$"  # a link back
)
MAX_TITLE = 150
# A headline's line that cannot end it (…的 / 通知) or one that cannot begin one (之聖典出處).
_RUNS_ON = re.compile(r"(?:[的之与與和及暨]|关于|關於)$")
_RUN_ON = re.compile(r"(?:[之的及暨与與和]|关于|關於)")
_ENDED = re.compile(r"[。！？!?：:，,；;、]$")
_HEADLINE_LINES = 3
_FIELD_CELL = re.compile(r"^[\u4e00-\u9fff]{1,4}[:：]\s*\S")
# ★第一编 古代, * 公告: a bullet in front of a headline is no part of it.
_DECORATION = re.compile(r"^[*★☆●◆■□▲△▶►·•※>＞»]+\s*")


def clean_title(text: str, *, dated: bool = False) -> str:
    """The title as a reader sees it: inner spaces kept, labels and glued datelines
    cut; ``dated``: a date it ends on is the headline's own (the <title> says so)."""
    text = _PRIVATE_USE.sub("", normalize_text(text, keep_spaces=True))
    text = _DECORATION.sub("", TITLE_LABEL.sub("", text))
    pieces = GLUED.split(text)
    if len(pieces) > 1 and find_datetime(" ".join(pieces[1:])) and not dated:
        text = pieces[0]
    elif len(pieces) > 1 and all(_FIELD_CELL.match(piece) for piece in pieces[1:]):
        text = pieces[0]  # a table's title row: 第一篇、… | 书名：十二篮（第一辑）
    if not dated:
        text = without_dateline(text, BARE_TITLE)  # <h2>标题 <small>2023-08-19</small></h2>
    return unspaced(_TRAILING.sub("", text).strip())


def continued(
    lines: Sequence[Line], texts: Sequence[str], index: int, hints: Sequence[str]
) -> tuple[str, int]:
    """A headline set over two or three lines (吉林省人民政府关于禁止在 / 征占地范围内…),
    joined when the markup states it whole; with the index of its last line."""
    title = clean_title(lines[index].text)
    if texts[index] in hints and texts[index] != "".join(title.split()):
        # The <title> states the line whole, its date too (利兹疫情数据及政策
        # 2021-08-04, a weekly bulletin's as-of day): no dateline glued on.
        return clean_title(lines[index].text, dated=True), index
    for hint in hints:
        if hint == title or not hint.startswith(title):
            continue
        joined, last = title, index
        for following in range(index + 1, min(index + 1 + _HEADLINE_LINES, len(texts))):
            if not texts[following] or not hint.startswith(joined + texts[following]):
                break
            joined, last = joined + texts[following], following
        if last > index:
            return joined, last
    return title, index


def dated_heading(
    lines: Sequence[Line], texts: Sequence[str], first: int, best: int | None
) -> int | None:
    """The heading over the dateline that opens the text, when the line taken for
    the headline sits in a box of its own above it, links between the two (the
    site's name by its logo, 立即下载, then 圈地大作战… / 时间：2014-12-15)."""
    if best is None:
        return None
    for index in (first - 2, first - 1, first):
        if (
            best < index
            and lines[index].heading > 0
            and len(texts[index]) > BARE_TITLE
            and not texts[index].endswith((":", "："))
            and over_dateline(lines, index)
            and (
                (
                    lines[index].heading <= (lines[best].heading or 6)
                    and any(line.link_ratio > 0.5 for line in lines[best + 1 : index])
                )
                # …or under a breadcrumb naming the line taken as a column
                # (智库动态 / 当前位置：首页 > 智库动态 > 正文), at any level.
                or any(_steps_to(text, texts[best]) for text in texts[best + 1 : index])
            )
        ):
            return index
    return None


_STEP = re.compile(r"\s*[>»›＞]\s*")


def _steps_to(text: str, column: str) -> bool:
    """True for a breadcrumb (首页 > 智库动态 > 正文) with ``column`` among its steps."""
    steps = [step.strip() for step in _STEP.split(text.split("：")[-1].split(":")[-1])]
    return len(steps) >= 2 and column in steps


def set_over_lines(lines: Sequence[Line], index: int) -> tuple[str, int]:
    """A headline broken by ``<br>`` over lines of one element, all in its style
    (全国人民代表大会常务委员会 / 关于批准… / 调整2007年末…的决议), or over centred
    paragraphs side by side that run on (八十九及一百廿一心 / 之聖典出處): joined,
    with the index of its last line."""

    def joined(above: int, below: int) -> bool:
        line, text = lines[below], clean_title(lines[below].text)
        first = lines[above]
        siblings = line.owner.getparent() is first.owner.getparent() and (
            first.centred or first.heading > 0
        )
        return (
            (line.owner is first.owner or (siblings and _runs_on(clean_title(first.text), text)))
            and (line.bold, line.centred, line.heading)
            == (first.bold, first.centred, first.heading)
            and bool(text)
            and not SUBTITLE.match(text)
            and not text.endswith(("。", "：", ":"))
        )

    first = last = index
    while first > 0 and joined(first - 1, first):
        first -= 1
    while last + 1 < len(lines) and joined(last, last + 1):
        last += 1
    title = ""
    for piece in (clean_title(lines[i].text) for i in range(first, last + 1)):
        # Han characters join without a space, words of a Latin script with one.
        latin = title[-1:].isascii() and piece[0].isascii()
        title += " " if title and (latin or _SPEAKER.match(piece)) else ""
        title += piece
    if len(title) > MAX_TITLE:
        return clean_title(lines[index].text), index
    return title, last


def _runs_on(text: str, following: str) -> bool:
    return not _ENDED.search(text) and bool(_RUNS_ON.search(text) or _RUN_ON.match(following))
