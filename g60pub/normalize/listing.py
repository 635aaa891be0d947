"""Pages whose text is a list, not an article: threads, search results, contents.

The article's lines are read like any other; these checks then refuse what
they hold when it is a listing of posts, a list of excerpts, or a table of
contents or list of titles, with the reason in the error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml.html import HtmlElement

from g60pub.errors import SourceError
from g60pub.model import BlockKind
from g60pub.normalize.byline import posting_row
from g60pub.normalize.dates import find_datetime, without_dates
from g60pub.normalize.lines import Line

# A line of a listing: a count (215), a time (16:09) or a poster and a time (羊刀CK 16:09).
_COUNTER = re.compile(
    r"^(?:\d+(?:-\d+)?|\S{0,12}\s*\d{1,2}:\d{2}|(?:\d{4}-)?\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)$"
)
_LISTING = 10
# A template's tags and fields ({% … %}, {{ … }}, JSP's ${list.inforname}, ThinkPHP's
# and Smarty's {$vo.title} and {if …}).
_TEMPLATE = re.compile(
    r"\{%.*?%\}|\{\{.*?\}\}|\$\{[\w.\[\]'\"]{1,60}\}"
    r"|\{\$[\w.\[\]'\">-]{1,60}\}|\{/?(?:if|else|foreach|volist|loop|section)\b[^{}]{0,80}\}"
)
# A word said over and over to fill a box (内容内容内容内容).
_FILLER = re.compile(r"^(.{1,4}?)\1{3,}[:：。.]?$")
# A note's clause (打开仓库并且 fork 到自己的仓库，) or a thing and how to do it
# (设置口令(config): enable secret <psw>).
_NOTE = re.compile(r"，|[:：]\s*[^\d\s]")  # not a clock (13:00)
_THREADS = 5  # rows of a table of threads that make a listing
# A field of a JSON document as a viewer shows it: its key, its value, a comma.
_DATA_PAIR = re.compile(
    r'^[A-Za-z_][\w.-]*\s*:\s*(?:"[^"]*"|-?\d[\d.eE+-]*|true|false|null|[\[{\]}])?\s*[,\[{]?$'
)
_DATA_PAIRS = 5
_LAST_POST = re.compile(r"^(?:\d{1,2}:\d{2}|(?:\d{4}-)?\d{1,2}-\d{1,2})(?:\s|$)")
_FACT = re.compile(r"^\s*[^：:\s]{2,8}\s*[：:]\s*\S")
_LINKED = 0.5
# A sentence's end: a Chinese mark, or an ASCII full stop after a word, a
# bracket, a quote or a Han character (an English article, or a note that
# ends 欢迎交流., is no list of titles).
_FULL_STOP = re.compile(r"[。！？!?]|(?<=[a-z)\"'”’\u3400-\u9fff])\.(?:\s|$)")
_TABLE_ROW = " | "
_CLAUSE = re.compile(r"[，,；;]")
# An excerpt's cut: three dots or more, or an ellipsis, closing a line of text.
_EXCERPT_END = re.compile(r"\S(?:\.{3,}|…+)$")
_EXCERPTS = 5  # excerpts that make a list of them
_EXCERPT_LINE = 20  # characters: shorter lines (an account and a date) are no excerpts
# A teaser's link to the story it sums up, closing the line (…形成强烈对比。[详细],
# …也就...(詳全文) in Traditional script, a cut sentence's … 全文).
_TEASER_END = re.compile(
    r"[\[【(（]\s*(?:详细|详情|詳細|詳情|[详詳]?全文|更多)\s*[\]】)）]$|(?:详细|詳細|全文|更多)\s*(?:>>|»)$"
    r"|(?:\.{3}|…+)\s*(?:[详詳]?全文|详细|詳細)$"
)
_TEASERS = 3  # teasers that make a list of them
_SECTIONS = 3  # headings over a how-to's steps
_CONTENTS = 20  # lines of a table of contents: titles and names, not one sentence
# A data table: this many rows of this many cells or more (a week's schedule,
# a menu); a layout table's rows hold one or two boxes.
_DATA_ROWS = 3
_DATA_CELLS = 3
# A search engine's or a site's result page names itself in its <title>: a part
# of it (新闻搜索_新浪搜索_新浪网, 关键词 – 搜狗微信搜索, 智能解析 - 搜索结果 - 知乎).
_TITLE_PARTS = re.compile(r"\s*[_|｜–—]\s*|\s+-\s+")
_SEARCH_PART = re.compile(r"^[\w·]{0,4}(?:搜索|检索)$|(?:搜索|检索)结果")
_HOME_PART = re.compile(r"^(?:首页|主页|网站首页|首頁|主頁|網站首頁|home|homepage)$", re.I)


def refuse_listing(
    items: Sequence[tuple[BlockKind, str]], lines: Sequence[Line], *, dated: bool
) -> None:
    """Raise :class:`SourceError` when the items read as a list rather than an article.

    ``lines`` are the article's own lines the items come from; ``dated``: the
    page gives the day it was published (a notice posted under its headline).
    """
    prose = [line.text for line in lines if line.owner.tag != "pre" and line.link_ratio <= 0.5]
    if prose and sum(1 for text in prose if _TEMPLATE.search(text)) * 2 >= len(prose):
        # A template saved unfilled ({% for url in urls %}, {{zan_count}}人觉得赞):
        # its tags, not an article (code blocks quoting a template are no such lines).
        raise SourceError("no article found (a template, its fields unfilled)")
    if (
        prose
        and sum(1 for text in prose if _FILLER.match("".join(text.split()))) * 3 >= len(prose) * 2
    ):
        # A mock-up's stand-in text (标题标题标题…, 内容内容内容…): no article yet.
        raise SourceError("no article found (a template, its text a stand-in)")
    pairs = sum(1 for _, text in items if _DATA_PAIR.match(text))
    if pairs >= _DATA_PAIRS and pairs * 5 >= len(items) * 4:
        # A browser's view of a JSON document (answer_count: 123, name: "李俊波",):
        # data, not an article.
        raise SourceError("no article found (a data document's fields)")
    counters = sum(1 for _, text in items if _COUNTER.match(text))
    if counters >= _LISTING and counters * 3 >= len(items):
        # A forum's or a portal's list of threads: reply counts and posting
        # times between the excerpts, and no article among them.
        raise SourceError("no article found (a listing of posts)")
    threads = sum(1 for _, text in items if _thread_row(text))
    if not dated and threads >= _THREADS and threads * 3 >= len(items) * 2:
        # The same list set as a table: a row a thread, its counts, its title,
        # its poster and the time of its last reply (0 | 2 | 标题 | 某某 | 12:50).
        raise SourceError("no article found (a listing of posts)")
    texts_proper = [text for _, text in items if len(text) >= _EXCERPT_LINE]
    cut_short = sum(1 for text in texts_proper if _EXCERPT_END.search(text))
    if cut_short >= _EXCERPTS and cut_short * 3 >= len(texts_proper) * 2:
        # A search result page or a feed: excerpts cut short (…想借高考之后谈谈....),
        # one under each title, and no article among them.
        raise SourceError("no article found (a list of excerpts)")
    teasers = sum(1 for _, text in items if _TEASER_END.search(text))
    if teasers >= _TEASERS and teasers * 2 >= len(items):
        # A portal's front page: one-line summaries, each closed by a link to
        # its story ([详细]), and no story among them.
        raise SourceError("no article found (a list of teasers)")
    summaries, paragraphs = _linked_summaries(lines)
    if not dated and summaries >= _SUMMARIES and summaries * 3 >= paragraphs * 2:
        # A front page's stories: a linked headline over each summary, and no
        # story among them (a news portal's boxes, a blog platform's list); a
        # dated roundup or a weekly's issue of linked items is an article.
        raise SourceError("no article found (a list of teasers)")
    rows = sum(1 for _, text in items if _TABLE_ROW in text)
    clauses = sum(1 for _, text in items if len(_CLAUSE.findall(text)) >= 2)
    code = sum(1 for line in lines if line.owner.tag == "pre")
    # A fact sheet's lines name a thing and state it (成立时间：2020年), in its own
    # words, not as a link to somewhere else.
    facts = sum(1 for line in lines if line.link_ratio < _LINKED and _FACT.match(line.text))
    # A dated notice whose text is a table (a week's schedule, a menu) is the
    # article; an undated sheet of results or names is a list.
    cells = sum(in_data_tables(lines)) if dated else 0
    # A how-to of sections, its steps written as notes with commas and no full
    # stop (1、打开仓库并且 fork 到自己的仓库，): no list of titles either.
    sections = sum(1 for kind, _ in items if kind == "heading")
    noted = sum(1 for kind, text in items if kind != "heading" and _NOTE.search(text))
    if sections >= _SECTIONS and noted * 6 >= len(items):
        return
    # Release notes and a show's notes: headed lists the writer set down in their
    # own words (依赖升级 over "update springboot 3.1.5 => 3.1.7"), not linked titles.
    listed = sum(1 for line in lines if line.link_ratio <= 0.5 and _in_list(line.owner))
    if sections >= _SECTIONS and listed * 2 >= len(lines):
        return
    if (
        len(items) >= _CONTENTS
        and rows * 3 < len(items)
        and clauses * 3 < len(items)
        and (code + facts) * 3 < len(items)
        and cells * 3 < len(lines)
        and not any(_FULL_STOP.search(text) for _, text in items)
    ):
        # A table of contents or a list of titles and names: many lines, and
        # not one of them ends a sentence (a data table's rows are no such
        # list, nor a dated notice's table whose cells hold lines of their
        # own, nor is a text whose full stops a converter turned to commas,
        # nor a note of headings and code blocks).
        raise SourceError("no article found (a list of titles)")


def _in_list(element: HtmlElement) -> bool:
    return element.tag == "li" or next(element.iterancestors("li"), None) is not None


_SUMMARIES = 3  # summaries under linked headlines that make a list of them
_SUMMARY = 20  # characters of a summary's text, at least
_HEADLINE_LINK = 0.9  # share of a line in links that makes it a linked headline


def _linked_summaries(lines: Sequence[Line]) -> tuple[int, int]:
    """How many lines of text follow a line that is a link and nothing else (a
    story's headline over its summary), and how many lines of text there are."""
    summaries = paragraphs = 0
    for before, line in zip((None, *lines), lines, strict=False):
        if line.link_ratio >= _LINKED or line.chars < _SUMMARY:
            continue
        paragraphs += 1
        if before is not None and before.link_ratio >= _HEADLINE_LINK:
            summaries += 1
    return summaries, paragraphs


def _thread_row(text: str) -> bool:
    cells = [cell.strip() for cell in text.split(_TABLE_ROW)]
    counts = sum(cell.isdigit() for cell in cells)
    return len(cells) >= _DATA_CELLS and counts >= 1 and any(_LAST_POST.match(c) for c in cells)


def in_data_tables(lines: Sequence[Line]) -> list[bool]:
    """For each line, whether it stands in a cell or is a row of a data table
    (many rows of several cells each)."""
    tables: dict[HtmlElement, bool] = {}
    flags = []
    for line in lines:
        cell = next(line.owner.iterancestors("td", "th"), None)
        if line.owner.tag in ("td", "th", "tr"):
            cell = line.owner  # a cell, or a row of short cells read as one line
        table = next(cell.iterancestors("table"), None) if cell is not None else None
        if table is not None and table not in tables:
            tables[table] = is_data_table(table)
        flags.append(table is not None and tables[table])
    return flags


def is_data_table(table: HtmlElement) -> bool:
    """A grid of values: rows of several cells, no table nested in them (a layout)."""
    if table.find(".//table") is not None:
        return False
    wide = 0
    for row in table.iter("tr"):
        cells = [cell for cell in row if cell.tag in ("td", "th")]
        wide += len(cells) >= _DATA_CELLS
    return wide >= _DATA_ROWS


def is_search_page(page_title: str | None) -> bool:
    """True when the ``<title>`` names a page of search results.

    A part of the title set off by a separator (_, |, –, " - ") that ends in
    搜索 or 检索, or one that says 搜索结果: a headline alone (谈谈全文检索) is
    not enough.
    """
    if not page_title:
        return False
    parts = [part for part in _TITLE_PARTS.split(page_title.strip()) if part]
    if any("结果" in part and _SEARCH_PART.search(part) for part in parts):
        return True
    return len(parts) > 1 and any(_SEARCH_PART.match(part) for part in parts)


def is_front_page(page_title: str | None) -> bool:
    """True when the ``<title>`` names a site's front page: 主页 - BBC News 中文,
    首页_某某网. A ``<title>主页</title>`` alone is not enough: old sites
    give every page the one title."""
    if not page_title:
        return False
    parts = [part for part in _TITLE_PARTS.split(page_title.strip()) if part]
    return len(parts) > 1 and _HOME_PART.match(parts[0]) is not None


def hugo_list_page(root: HtmlElement) -> bool:
    """Hugo themes (PaperMod and others) mark the page of a list of posts, a
    category's or the home page, with ``<body class="list">``; a post is ``single``.
    The list stands in their ``<main>``: a CMS page whose body is named ``list``
    and has no ``<main>`` (a college's news item) is no such page."""
    body = root if root.tag == "body" else root.find("body")
    return (
        body is not None
        and "list" in (body.get("class") or "").split()
        and body.find(".//main") is not None
    )


# A row's label that names the page's own date (发布日期, 更新时间, Published).
_DATE_LABEL = re.compile(r"发布|发表|日期|时间|更新|修改|date|time|posted|published|updated", re.I)
_FIELD_LABEL = 8  # characters of a row's heading cell that make a field's name


def field_day(line: Line) -> bool:
    """True for a cell of a table row headed by a field other than the page's
    date: an encyclopedia's infobox (出生 | 1912年6月23日, 成立 | 1949年), whose
    days are the subject's, not the day the page was written."""
    owner = line.owner
    cell = owner if owner.tag == "td" else next(owner.iterancestors("td"), None)
    row = cell.getparent() if cell is not None else None
    if row is None or row.tag != "tr":
        return False
    head = next((c for c in row if c.tag == "th"), None)
    label = head.text_content().strip() if head is not None else ""
    return 0 < len(label) <= _FIELD_LABEL and not _DATE_LABEL.search(label)


_FEW_WORDS = 200  # characters of text that, undated, may be a front page's blurb
_LINKS_OVER_TEXT = 15  # how many times more link text than text makes it one


def overlinked(lines: Sequence[Line], texts: Sequence[str]) -> bool:
    """A few lines of text on a page of many links (a front page's blurb, a
    motto box under its menus): no article, when the page gives no date."""
    words = sum(map(len, texts))
    linked = sum(line.chars * line.link_ratio for line in lines)
    return words < _FEW_WORDS and linked >= words * _LINKS_OVER_TEXT


_CRUMBS = re.compile(r"^(?:[^>»›＞]{1,12}\s*[>»›＞]\s*)+([^>»›＞]{2,12})$")


def crumb(texts: Sequence[str]) -> str | None:
    """The last step of the breadcrumb above the text (协会概况 > 协会简介): the
    page's name, where no headline names it."""
    found = (_CRUMBS.match(text.strip()) for text in reversed(texts))
    return next((match.group(1).strip() for match in found if match), None)


_LISTED_POSTS = 5  # linked headlines over a posting row that make a list of posts


def excerpt_list(lines: Sequence[Line], first: int) -> bool:
    """A blog's list of posts: linked headlines, each over a line or two of its
    post and its posting row (2009-04-08 17:38 阅读(3741) 评论(2)), or over the
    row and an excerpt, from above the text on (comments under a story are set
    the same way, below it)."""
    listed = [
        i
        for i, line in enumerate(lines)
        if line.link_ratio > _LINKED
        and (
            (line.heading and any(_posted_row(below.text) for below in lines[i + 2 : i + 4]))
            or _over_excerpt(lines, i)
        )
    ]
    return len(listed) >= _LISTED_POSTS and listed[0] < first


_EXCERPT = 30  # characters of a post's excerpt, at least
_DAY_ALONE = 25


def _over_excerpt(lines: Sequence[Line], index: int) -> bool:
    """A linked headline over its posting row, or its day alone, and an excerpt of
    its post (a news site's front page: 深度联合CrossOver… / ugmbbc 发布于… | 2287
    次阅读 / 中国Linux…; a blog's tag page: 周记_210222 / 2021-02-22 / 一. 知乎…),
    or over the excerpt and then the row (… / 林雅文2016-11-11)."""
    following = lines[index + 1 : index + 3]
    if len(following) < 2:
        return False
    for row, excerpt in (following, following[::-1]):
        if _card_row(row.text) and excerpt.chars >= _EXCERPT and excerpt.link_ratio < _LINKED:
            return True
    return False


def _card_row(text: str) -> bool:
    return _posted_row(text) or _day_alone(text) or _dated_words(text)


_COUNTS = re.compile(r"(?:阅读|评论|浏览|点击|views?|comments?)\s*[(（:：]?\s*\d", re.I)


def _day_alone(text: str) -> bool:
    return len(text) <= _DAY_ALONE and not without_dates(text).strip(" -/.:")


# A poster's name or a tag: no sentence mark, bar or bracket (湘菜粤菜 兵分两路 (图) |
# 2005-06-14 03:25:55 is a headline over its day).
_TAG_WORD = re.compile(r"[^\s。，！？；,.!?;:：|｜()（）\[\]【】]{1,20}")
_TAG_WORDS = 6


def _dated_words(text: str) -> bool:
    """A card's short row of its day and a few words alone: the poster and the
    card's tags (2021-12-15 18:32:31 cynbarby Activity Summit, 林雅文2016-11-11)."""
    stripped = text.strip()
    if len(stripped) > _DAY_ALONE * 3 or find_datetime(stripped) is None:
        return False
    words = without_dates(stripped).split()
    return 0 < len(words) <= _TAG_WORDS and all(_TAG_WORD.fullmatch(w) for w in words)


def _posted_row(text: str) -> bool:
    """A posting row, or a row of a post's day and its counts (… 阅读(190) 评论(0))."""
    return posting_row(text) or (
        _COUNTS.search(text) is not None and find_datetime(text) is not None
    )


# A search page's count of what it found (已为您找到约10000条相关结果).
_RESULTS = re.compile(
    r"找到(?:相关结果)?约?\s*[\d,]*\s*(?:条|个|篇|项)(?:相关)?(?:结果|信息|内容|记录)"
)


def states_results(texts: Sequence[str]) -> bool:
    """True when a short line of the page counts search results."""
    return any(len(text) <= _RESULT_LINE and _RESULTS.search(text) for text in texts)


_RESULT_LINE = 40  # characters of a line that counts results


# A teaser's link to the text it opens (阅读全文>>, 查看详情, Read more »).
_READ_MORE = re.compile(
    r"^[\[【]?\s*(?:阅读全文|查看全文|全文|阅读更多|查看更多|查看详情|详细内容|详情|read more|more)"
    r"\s*[\]】]?\s*(?:>>|»|>|→|\.\.\.)?$",
    re.I,
)


def teaser(lines: Sequence[Line], title_index: int | None, body: Sequence[int]) -> bool:
    """A front page's box of one story: its linked headline over one paragraph and
    a link to read the rest (质量--同仁堂的匾额之眼 / 摘自：… / 阅读全文>>)."""
    if title_index is None or len(body) != 1 or lines[title_index].link_ratio <= _LINKED:
        return False
    after = lines[body[0] + 1 : body[0] + 3]
    return any(line.link_ratio > _LINKED and _READ_MORE.match(line.text.strip()) for line in after)
