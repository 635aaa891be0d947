"""The ``<title>`` as evidence of the headline, and the lines that name the site.

A ``<title>`` names the article and its column and site, in either order
(``标题_栏目_站点``, ``iknockdoor-《…》读书笔记``). The part taken for the
headline is the first long one; a page line that agrees with it but is the
site's own name (its link to the front page, a box named for it) is no
headline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml.html import HtmlElement

from g60pub.cjk import HAN
from g60pub.normalize.dates import MONTH_YEAR, TRAILING_DAY
from g60pub.normalize.dom import links_home
from g60pub.normalize.lines import Line
from g60pub.normalize.text import normalize_text

# …and a bare hyphen between Han characters (企业简介-莱芜市某某有限公司).
SITE_SEPARATOR = re.compile(
    r"\s*[_|｜]\s*|\s+[-–—@·]+\s+|\s*--\s*|\s*::\s*|(?<=[" + HAN + r"])-(?=[" + HAN + r"])"
)
# Separators written with spaces around them (标题 @ 博客名 :: 站点): where one is
# present, the "_" inside the title (新竹尖石_美樹營地賞楓) is the title's own.
_SPACED_SEPARATOR = re.compile(r"\s+(?:[-–—@|｜·]+|::)\s+|\s*--\s*")
# The tool that made the site, named in its pages' <title> (Git · GitBook).
_GENERATOR = re.compile(r"(?:GitBook|HonKit|Hexo|Hugo|Jekyll|WordPress|Powered by .*)", re.I)
_SITE_NAME = re.compile(
    r"(?<![a-z])(?:site[-_]?(?:name|title|brand|logo)|blog[-_]?name)(?![a-z])"
    # the name in a menu bar (VPNavBarTitle, navbar-brand, mdBook's menu-title)
    r"|nav[-_]?bar[-_]?(?:title|brand)|menu[-_]?title",
    re.I,
)
BARE_TITLE = 8
# A document's number in brackets on a line of its own under its headline
# (（浙金罚决字〔2024〕52号）, (国办发[2019]3号)): no headline alone.
_DOCUMENT_NUMBER = re.compile(
    r"[（(]\s*["
    + HAN
    + r"]{1,12}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*(?:第\s*)?\d+\s*号\s*[)）]"
)
_BADGE = 4  # characters of a badge glued to a headline: 原创, 置顶, 转载
_NODE = 8  # characters of a node's name in front of a headline
_BADGE_WORD = re.compile(r"原创|转载|置顶|精华|推荐|热门|首发|荐|顶")
_NUMBERED_HEADLINE = 80  # characters of a headline over its document's number, at most


def strip_site_suffix(page_title: str) -> str:
    """``标题_栏目_站点`` / ``标题 - 某某网`` / ``标题 @ 博客名 :: 站点`` -> ``标题``."""
    spaced = _pieces(_SPACED_SEPARATOR, page_title)
    if len(spaced) > 1 and len(spaced[0]) >= 4:
        return spaced[0]
    pieces = _pieces(SITE_SEPARATOR, page_title)
    if not pieces:
        return page_title.strip()
    if len(pieces[0]) >= 4:
        return pieces[0]
    return max(pieces, key=len)


def without_site(title: str, page_title: str | None) -> str:
    """A markup title without the site's name the <title> ends on, however it is
    joined (og:title 标题- FT中文网 beside <title> 标题 - FT中文网)."""
    head = strip_site_suffix(page_title or "")
    rest = title[len(head) :].strip(" -–—_|｜:：·")
    if head and title.startswith(head) and rest and rest in (page_title or "")[len(head) :]:
        return head
    return title


def _pieces(separator: re.Pattern[str], page_title: str) -> list[str]:
    # The parts between separators, but for the one that names the generator.
    parts = [p.strip() for p in separator.split(page_title) if p and p.strip()]
    return [p for p in parts if not _GENERATOR.fullmatch(p)] or parts


def names_site(line: Line, text: str) -> bool:
    """True for a line that is the site's name: it links to the front page, or
    stands in a box named for the site's name."""
    if line.link_ratio > 0.5 and _names_home(line, text):
        return True
    return _site_box(line.owner)


def _names_home(line: Line, text: str) -> bool:
    # The line's box links home, or the link that reads as the line does (a
    # brand's link in a header's container beside the menu's links).
    if links_home(line.owner):
        return True
    return any(
        links_home(a) for a in line.owner.iter("a") if normalize_text(a.text_content()) == text
    )


def _site_box(element: HtmlElement | None) -> bool:
    # A box named for the site's name (<header id="site_name">, class="site-title"):
    # when the <title> names the site first (iknockdoor-《…》读书笔记), it agrees.
    for _ in range(3):
        if element is None:
            return False
        if _SITE_NAME.search(f"{element.get('class') or ''} {element.get('id') or ''}"):
            return True
        element = element.getparent()
    return False


def title_pieces(page_title: str | None) -> list[str]:
    """The parts of the ``<title>`` other than the one taken for the headline: the
    headline may come second (``Joel on Software - 给计算机系学生的建议``). Short
    parts are site and column names, never counted."""
    if not page_title:
        return []
    stripped = strip_site_suffix(page_title)
    pieces = [p.strip() for p in SITE_SEPARATOR.split(page_title) if p and p.strip()]
    return [normalize_text(p) for p in pieces if p != stripped and len(p) > BARE_TITLE]


def page_title_hints(page_title: str | None) -> list[str]:
    """The ``<title>`` as evidence: only when it names more than a site or a column.

    A bare ``<title>通知公告</title>`` or ``<title>松江新闻</title>`` would make the
    column box on the page look like the article's heading.
    """
    if not page_title:
        return []
    stripped = strip_site_suffix(page_title)
    if stripped == page_title.strip() and len(stripped) <= BARE_TITLE:
        return []
    return [page_title, stripped]


# A site's own notice of its rights (Copyright © 2015 某某公司 版权所有).
_RIGHTS = re.compile(r"版权所有|版權所有|Copyright|©|\(c\)\s*\d{4}", re.I)


def headline_hints(
    titles: Sequence[str], page_title: str | None, texts: Sequence[str]
) -> list[str]:
    """What the markup says the headline is (og:title, the ``<title>``'s long
    part), unless it is the site's own name: a ``<title>`` that names only the
    company whose copyright line closes the page is no headline."""
    hints = [normalize_text(h) for h in (*titles, *page_title_hints(page_title))]
    notices = [text for text in texts if _RIGHTS.search(text)]
    return [hint for hint in hints if not any(hint in notice for notice in notices)]


_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.\s+")


def hint_agreement(text: str, hints: Sequence[str]) -> int:
    """How far a page line agrees with the markup's headline hints: 100 for the
    same text, down to 60 for a line that holds a hint; 0 for none."""
    best = 0
    numbered = _NUMBER.sub("", text)  # a book's chapter heading: 1. 我的博客
    folded = "".join(text.split())
    for hint in hints:
        if text == hint:
            return 100
        parts = ["".join(p.split()) for p in SITE_SEPARATOR.split(hint) if p and p.strip()]
        if len(parts) > 1 and len(folded) > len("".join(parts)) and all(p in folded for p in parts):
            # Every part of the <title> (第25期 - 生信爱好者周刊) in a longer line,
            # spaces aside: the headline in full (生信爱好者周刊（第 25 期）：…).
            best = max(best, 90)
        if numbered != text and numbered == hint:
            best = max(best, 95)
        if len(hint) <= BARE_TITLE:
            # A short hint (a column name, 新闻动态) only counts when it is the whole line.
            if hint.startswith(text) and SITE_SEPARATOR.match(hint, len(text)):
                best = max(best, 90)
            continue
        if text and hint.startswith(text) and SITE_SEPARATOR.match(hint, len(text)):
            best = max(best, 90)
        if hint.startswith(text) and len(text) >= max(5, len(hint) // 3):
            best = max(best, 90)
        elif text in hint and len(text) >= max(4, len(hint) // 2):
            best = max(best, 70)
        elif hint in text and len(hint) >= max(4, len(text) // 2):
            best = max(best, 60)
    return best


def without_subtitle(
    texts: Sequence[str], title: str | None, index: int | None, page_title: str | None
) -> tuple[str | None, int | None]:
    """A headline joined over two lines of its heading (港男頂證同志富商非禮 / 被誘拍裸照
    慫恿當男妓) when a part of the ``<title>`` is the first line alone: the second
    line is its subtitle, which the text keeps."""
    if title is None or index is None or index == 0 or not page_title:
        return title, index
    first = texts[index - 1]
    if len(first) < BARE_TITLE or title == first or not title.startswith(first):
        return title, index
    pieces = (TRAILING_DAY.sub("", piece) for piece in SITE_SEPARATOR.split(page_title) if piece)
    return (first, index - 1) if first in map(normalize_text, pieces) else (title, index)


def with_document_number(
    texts: Sequence[str], title: str | None, index: int | None
) -> tuple[str | None, int | None]:
    """A document's number taken for its title gives way to the line over it,
    the headline, which it follows: 某某行政处罚信息公开表（浙金罚决字〔2024〕52号）."""
    if title is None or index is None or index == 0 or not _DOCUMENT_NUMBER.fullmatch(title):
        return title, index
    above = texts[index - 1]
    if not above or len(above) > _NUMBERED_HEADLINE or _DOCUMENT_NUMBER.search(above):
        return title, index
    return above + title, index


_HEADLINE_WIDTH = 40  # characters of a plain text's first line that heads it


def preformatted_headline(line: Line) -> str | None:
    """The first line of a text set whole in a ``<pre>`` (a plain-text notice),
    standing alone over a blank line and closing no sentence: its headline."""
    if line.owner.tag != "pre":
        return None
    first, _, rest = line.owner.text_content().strip().partition("\n")
    first = " ".join(first.split())
    if not rest or rest.partition("\n")[0].strip() or len(first) > _HEADLINE_WIDTH:
        return None
    return None if re.search(r"[。！？!?；;]$", first) else first


def without_badge(title: str, hints: Sequence[str]) -> str:
    """原创最不愁吃肉的国家… -> 最不愁吃肉的国家… when the markup states it without the
    badge or the node's name."""
    whole = any(hint.startswith(title) for hint in hints)
    for hint in hints:
        extra = title.replace(hint, "", 1).strip() if len(hint) >= 4 and hint in title else ""
        badge = len(extra) <= _BADGE and _BADGE_WORD.fullmatch(extra)
        if badge or (title.startswith(hint) and MONTH_YEAR.fullmatch(extra)):
            return hint
        # A forum node's or column's name set before the headline (Ruby Ruby：极致的…),
        # unless the markup's title starts with it too (派评 | 近期值得关注的 App - 少数派).
        if extra and len(extra) <= _NODE and title == f"{extra} {hint}" and not whole:
            return hint
    return title


_SUFFIX_PARTS = re.compile(r"[\s_|｜\-–—@:：]+")
_SITE_NAME_CHARS = 4  # characters: a site's name (全球佛教旅游网), not a word of a column's


def site_name(page_title: str | None) -> str | None:
    """The name the <title> ends with (标题 - 人物专访 - 全球佛教旅游网): the site's own."""
    suffix = (page_title or "")[len(strip_site_suffix(page_title or "")) :]
    parts = [part for part in _SUFFIX_PARTS.split(suffix) if part]
    name = parts[-1] if parts else ""
    return name if len(name) >= _SITE_NAME_CHARS and re.search(f"[{HAN}]", name) else None
