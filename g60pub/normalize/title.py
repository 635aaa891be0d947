"""The article's title: its heading on the page, not the ``<title>`` with a site suffix.

In order of trust: a line that agrees with what the markup says the title
is (og:title, JSON-LD headline, ``<title>`` minus ``_栏目_站点`` or
`` - 某某网``), preferring headings (h1-h3, elements the template names
``title``) just above the text; then the page's one ``<h1>`` just above the
text; then the markup's own statement; then a prominent line above the
text; last, the ``<title>`` without its suffix.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from lxml.html import HtmlElement

from g60pub.cjk import HAN
from g60pub.normalize.around import (
    box_heading,
    heads_post,
    line_above,
    over_dateline,
    signs_off,
    speaks_of,
)
from g60pub.normalize.boilerplate import is_list_marker, is_noise
from g60pub.normalize.byline import parse_byline
from g60pub.normalize.dates import find_datetime, without_dateline, without_dates
from g60pub.normalize.headline import (
    COUNTER,
    GLUED,
    MAX_TITLE,
    SUBTITLE,
    TITLE_LABEL,
    clean_title,
    continued,
    dated_heading,
    set_over_lines,
)
from g60pub.normalize.lines import Line
from g60pub.normalize.metadata import PageMeta
from g60pub.normalize.names import names_row
from g60pub.normalize.page_title import (
    BARE_TITLE,
    headline_hints,
    hint_agreement,
    names_site,
    page_title_hints,
    strip_site_suffix,
    title_pieces,
    without_badge,
    without_site,
)
from g60pub.normalize.text import normalize_text

_TITLE_NAME = re.compile(
    r"(?<!sub)(?<!sub[-_])(?:title|headline|heading|biaoti|activity-name|arttit|tit\b|bt\b|subject)",
    re.I,
)
_NEEDS_CLEANING = re.compile(
    r"\||[\ue000-\uf8ff]|^\s*(?:主题|标题|题目|帖子主题)|[-–—]\s*$|" + COUNTER
)
_TIME_FIELD = re.compile(r"^\S{0,4}(?:时间|日期|時間)\s*\|")
_BOX_LABEL = re.compile(r"[\u4e00-\u9fff]{0,4}(?:介绍|简介|概况|详情|正文|内容)")
_CLOSED_SENTENCE = re.compile(r"[，,].*[。.]$")
_NAMED = 10
# A day alone, as a diary or a chapter dates its text (四月二十八日 星期四): no headline.
_DAY_LINE = re.compile(
    r"^(?:[\d〇○零一二三四五六七八九十]{2,4}\s*年\s*)?[\d一二三四五六七八九十]{1,3}\s*月\s*"
    r"[\d一二三四五六七八九十]{1,3}\s*[日号](?:\s*(?:星期|周|礼拜)[一二三四五六日天])?$"
)
_DATE_REST = re.compile(r"[\s\W_]+")
_AGREES = 60
_PROMINENT = 18  # e.g. a bold line right above the text, or an h1 anywhere
_FURNITURE = 20
_PIECE = 70  # a line that is another part of the <title> (站点 - 标题)
_ADJACENT = 15  # the headline-like line nearest above the text
_ABOVE = 6  # lines above the text within which it counts as adjacent


def _named_title(element: HtmlElement) -> bool:
    for _ in range(3):
        if element is None:
            return False
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if _TITLE_NAME.search(names):
            return True
        element = element.getparent()
    return False


def _dated(text: str) -> bool:
    pieces = GLUED.split(text)
    return len(pieces) > 1 and find_datetime(" ".join(pieces[1:])) is not None


def _jumps(element: HtmlElement) -> bool:
    """A line whose link leads within the page (a collapsible panel's heading,
    <a href="#pan3"><h3>精美照片</h3></a>): no post's permalink."""
    links = [*element.iterancestors("a"), *element.iter("a")]
    return bool(links) and all((a.get("href") or "").startswith("#") for a in links)


def _date_alone(text: str) -> bool:
    """A line that is only a date (2016-07-07, Dec 28 2013): a dateline, never a headline."""
    return find_datetime(text) is not None and not _DATE_REST.sub("", without_dates(text))


def _prominence(line: Line, text: str) -> int:
    bonus = {1: 20, 2: 12, 3: 6, 4: 3, 5: 3, 6: 3}.get(line.heading, 0)
    if _named_title(line.owner) or TITLE_LABEL.match(text):
        bonus += _NAMED
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
    lines: Sequence[Line],
    texts: Sequence[str],
    meta: PageMeta,
    content: tuple[int, int],
    furniture: Collection[int] = (),
) -> tuple[str | None, int | None]:
    """The title text and the index of its line (None when it comes from markup only).

    ``content`` is the index of the first and last line of the article text;
    ``furniture``, lines inside regions named as page furniture (a blog's
    header, a column box), which make poor titles.
    The order of trust is the module's (above).
    """
    hints = headline_hints(meta.titles, meta.page_title, texts)
    # A <title> too short to count (see page_title_hints) still names the
    # headline set over the article's dateline (泓人长石 / 发布时间：2024-03-21).
    bare = normalize_text(meta.page_title or "") if meta.page_title and not hints else None
    pieces = title_pieces(meta.page_title)
    scored: list[tuple[int, int, int]] = []  # (score, agreement, index)
    first = content[0]
    for index, (line, text) in enumerate(zip(lines, texts, strict=True)):
        if (
            not text
            or len(text) > MAX_TITLE
            or (is_noise(text) and not (line.heading and hint_agreement(text, hints) >= _AGREES))
            # A date alone is a dateline, unless the <title> says it (2021.4.3,
            # a chapter named for its day: 1905 年 4 月 19 日).
            or ((_date_alone(text) or _DAY_LINE.match(text)) and text != bare and text not in hints)
            or is_list_marker(text)
            or SUBTITLE.match(text)
            or text.endswith((":", "："))  # a box's label (本站永久域名：), never a headline
            or _TIME_FIELD.match(text)  # a form's row (讲座时间 | 2019年7月26日15:00)
        ):
            continue
        if index >= first and signs_off(texts, index):
            continue  # the issuer's name over the date, closing the text (the site's name)
        if index >= first and _CLOSED_SENTENCE.search(text) and hint_agreement(text, hints) < 90:
            continue  # the text's own first sentence (…成立于2009年，专注于英语在线培训。)
        if _NEEDS_CLEANING.search(line.text):
            text = normalize_text(clean_title(line.text))
            if text.endswith((":", "：")):
                continue  # a form's row (发布日期： | 2014-01-26): its label, cut from its value
        agreement = hint_agreement(text, hints)
        if index > content[1] and agreement < 100:
            continue  # a line under the text (the company's name signing it) heads nothing
        headline = without_dateline(text, BARE_TITLE)  # run into its dateline (标题　2014-12-08)
        if agreement < _AGREES and headline != text:
            agreement = hint_agreement(headline, hints)
        if text == bare and (over_dateline(lines, index) or _date_alone(text)):
            agreement = 100  # …or a diary's day, the <title> and the heading alike
        if agreement < _PIECE and headline in pieces:
            agreement = _PIECE
        # A blog's permalink headline is a link; one named as a title just
        # above the text, or set over the post's posting row, is still the
        # headline; so is a heading whose link says it is the post's permalink
        # (rel="bookmark"), the <title> agreeing, over a table of contents.
        permalink = (
            first - 3 <= index < first
            and (_named_title(line.owner) or line.heading > 0 or heads_post(lines, index))
        ) or (
            agreement >= _AGREES
            and line.heading > 0
            and bool(line.owner.xpath(".//a[contains(concat(' ', @rel, ' '), ' bookmark ')]"))
        )
        # A menu's link the <title> names (新闻资讯-某某网) is the column's, not a headline.
        named = agreement == 100 and len(text) > BARE_TITLE
        if line.link_ratio > 0.5 and not named and (not permalink or _jumps(line.owner)):
            continue
        if names_site(line, text):
            continue  # the site's or blog's name, linking to its front page or named so
        prominence = _prominence(line, line.text.strip())
        if first - 3 <= index < first and _dated(line.text):
            prominence += _NAMED  # a post's headline glued to its dateline
        if agreement < _AGREES and prominence < 3:
            continue
        score = (agreement if agreement >= _AGREES else 0) + prominence + _nearness(index, *content)
        # …though not the heading over the text's dateline in an article header (xwxq-header).
        dated_header = (
            line.heading > 0 and first - _ABOVE <= index < first and over_dateline(lines, index)
        )
        if (index in furniture and not dated_header) or (
            agreement < _AGREES and box_heading(lines, index)
        ):
            score -= _FURNITURE
        scored.append((score, agreement, index))
    best = _with_adjacency(scored, lines, texts, content)
    if best is not None and (over_meta := _named_over_meta(lines, texts, best[2])) is not None:
        return clean_title(lines[over_meta].text), over_meta
    dated = dated_heading(lines, texts, first, best[2] if best is not None else None)
    if dated is not None and hint_agreement(texts[dated], hints) < 100:
        return clean_title(lines[dated].text), dated
    # A line of the text the <title> begins with (an SEO <title>: Kruskal+LCA算法详解)
    # gives way to the page's one <h1>, named as the article's title, over the text.
    named_h1 = _named_h1(lines, first)
    if best is not None and named_h1 is not None and best[2] > named_h1 and best[1] < 100:
        return set_over_lines(lines, named_h1)
    if best is not None and best[1] >= _AGREES:
        title, index = continued(lines, texts, best[2], hints)
        return without_badge(title, hints), index
    # The page's one <h1> just above the text beats an og:title it never
    # prints; named as the headline, also when it opens the text, over a
    # picture, its caption and the credits (BBC News 中文).
    named = best is not None and _named_title(lines[best[2]].owner)
    if best is not None and first - 3 <= best[2] < first + named and _lone_h1(lines, best[2]):
        return set_over_lines(lines, best[2])
    # A markup title that shares nothing with the text names the site (its
    # slogan): a prominent headline over the text goes before it.
    text = "".join(texts[first : content[1] + 1])
    # …unless it is a part of the page's <h1> (焗饭 of 番茄鸡肉浓情焗饭【两人份】): a category.
    h1 = texts[best[2]] if best is not None and lines[best[2]].heading == 1 else ""
    part = bool(meta.titles) and meta.titles[0] != h1 and meta.titles[0] in h1
    if (
        meta.titles
        and not part
        and (speaks_of(meta.titles[0], text) or best is None or best[0] < _PROMINENT)
    ):
        return without_site(meta.titles[0], meta.page_title), None
    # A box's label over the text (专题介绍) gives way to a part of the <title>
    # that the text speaks of (品牌活动_被拆掉的著名古建筑，每座都无比惋惜).
    if best is not None and _BOX_LABEL.fullmatch(texts[best[2]]):
        spoken = next((piece for piece in pieces if speaks_of(piece, text)), None)
        if spoken is not None:
            return spoken, None
    # The first of the text's section headings (【科室简介】 / 【科室擅长】 …, 1.关于Seata)
    # under a <title> that names the page and is printed nowhere (妇产科, a post's
    # headline its theme never prints): the <title>.
    stated = bare or (normalize_text(strip_site_suffix(meta.page_title or "")) if hints else "")
    numbered = best is not None and _NUMBERED_SECTION.match(texts[best[2]]) is not None
    if not bare and not (numbered and _STATED_HEADLINE.fullmatch(stated)):
        stated = ""  # a <title> naming a site (LSM Chinese), or a printed headline's variant
    if (
        best is not None
        and best[1] < _AGREES
        and best[2] >= first - 1
        and stated
        and not any(hint in texts for hint in (stated, *hints))
        and _section_style(lines, best[2], content)
    ):
        return stated, None
    if best is not None and best[0] >= _PROMINENT:
        return set_over_lines(lines, best[2])
    fallback = strip_site_suffix(meta.page_title or "")
    if not page_title_hints(meta.page_title) or not speaks_of(fallback, text):
        # No <title>, or one that names only the site or column (网易娱乐):
        # the line just above the text reads as its headline.
        above = line_above(lines, texts, first)
        if above is not None:
            return clean_title(lines[above].text), above
    return (fallback, None) if fallback else (None, None)


# A headline in words that only the <title> states: ten characters or more, Han among them.
_STATED_HEADLINE = re.compile(f"(?=.*[{HAN}]).{{10,}}")
_NUMBERED_SECTION = re.compile(
    r"\d{1,2}(?:\.\d{1,2})*[.、．]\s*\S|[一二三四五六七八九十]{1,3}[、.．]"
)
_META_ROWS = 3  # rows of a post's meta (by, reading time, day) between its title and text
_BY_LABEL = re.compile(r"^by\s*[:：]\s*\S{1,20}$", re.I)  # by：天天开心


def _named_over_meta(lines: Sequence[Line], texts: Sequence[str], best: int) -> int | None:
    """The line named as the post's title over its meta rows (by：天天开心 / 约1.3k字 |
    需 2 分钟 / 2023-10-16), when the line taken is a heading under them: a
    section heading of the text (缘启), not its headline."""
    if not lines[best].heading or _named_title(lines[best].owner):
        return None
    for index in range(best - 1, max(best - _META_ROWS - 2, -1), -1):
        if not _named_title(lines[index].owner):
            continue
        between = texts[index + 1 : best]
        dated = [parse_byline(text) for text in between]
        meta = all(
            is_noise(text) or byline is not None or _BY_LABEL.match(text)
            for text, byline in zip(between, dated, strict=True)
        )
        named = bool(texts[index]) and lines[index].link_ratio <= 0.5
        if named and meta and any(byline and byline.published for byline in dated):
            return index
        return None
    return None


def _named_h1(lines: Sequence[Line], first: int) -> int | None:
    h1s = [i for i, line in enumerate(lines) if line.heading == 1]
    if len(h1s) != 1 or not first - _ABOVE_H1 <= h1s[0] < first:
        return None
    owner = lines[h1s[0]].owner
    return h1s[0] if _ARTICLE_TITLE.search(f"{owner.get('class')} {owner.get('id')}") else None


_ABOVE_H1 = 15  # lines above the text within which its one named <h1> stands
# An <h1> named as the article's (CSDN: class="title-article" id="articleContentId"),
# not a page header's <h1 class="title"> (a blog's name).
_ARTICLE_TITLE = re.compile(
    r"(?:article|post|entry|news)[-_]?(?:title|head)|title[-_]?(?:article|post|entry)"
    r"|articlecontent",
    re.I,
)


def _lone_h1(lines: Sequence[Line], index: int) -> bool:
    return lines[index].heading == 1 and sum(line.heading == 1 for line in lines) == 1


def _section_style(lines: Sequence[Line], index: int, content: tuple[int, int]) -> bool:
    """Set like two or more headings inside the text (一、… 二、… in bold): a section
    heading of the text, not its headline."""
    style = (lines[index].heading, lines[index].bold, lines[index].centred)
    same = sum(
        1
        for line in lines[content[0] : content[1] + 1]
        if (line.heading, line.bold, line.centred) == style and _prominence(line, "") >= 3
    )
    return same >= 2


def _with_adjacency(
    scored: Sequence[tuple[int, int, int]],
    lines: Sequence[Line],
    texts: Sequence[str],
    content: tuple[int, int],
) -> tuple[int, int, int] | None:
    """The best candidate once the headline-like line nearest above the text has its
    bonus: the headline sits right on top of its text (or of its byline rows),
    while box headings, sister-site names and a blog's name sit further up.

    Not a line the markup contradicts (another line agrees better), nor a section
    heading's style; a line that only repeats part of a fuller candidate just above
    it (茉莉：我是怎样卷入八九民运的 / 我是怎样卷入八九民运的 / 茉莉) yields to it.
    """
    first = content[0]
    near = [
        entry
        for entry in scored
        if first - _ABOVE <= entry[2] < first
        and not box_heading(lines, entry[2])
        and (parse_byline(lines[entry[2]].text) is None or _dated(lines[entry[2]].text))
        and names_row(lines[entry[2]].text) is None  # the writers' names, under the headline
        and not _section_style(lines, entry[2], content)
    ]
    # A post's headline over its posting row: what follows the row (写在前面)
    # is the post's own first heading, however near the text.
    posted = [entry[2] for entry in near if heads_post(lines, entry[2])]
    near = [entry for entry in near if not posted or entry[2] <= posted[-1]]
    # The one over the text's dateline, if one is: a bold line under it opens the text.
    dated = [entry for entry in near if over_dateline(lines, entry[2])]
    adjacent = max(dated or near, key=lambda entry: entry[2]) if near else None
    if adjacent is not None:
        fuller = [e for e in near if e[2] < adjacent[2] and texts[adjacent[2]] in texts[e[2]]]
        adjacent = fuller[-1] if fuller else adjacent
        top = max(entry[1] for entry in scored)
        if top >= _AGREES and adjacent[1] < top:
            adjacent = None
    best: tuple[int, int, int] | None = None
    for score, agreement, index in scored:
        if adjacent is not None and index == adjacent[2]:
            score += _ADJACENT
        if best is None or score > best[0]:
            best = (score, agreement, index)
    return best
