"""Where a page's markup names the article's writer outside any byline text:
links to the author (rel="author", WordPress's hCard, the writer's archive)
and the icons and labels themes set before the writer's name."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from itertools import takewhile

from lxml.html import HtmlElement

from g60pub.cjk import HAN
from g60pub.normalize.boilerplate import is_noise
from g60pub.normalize.byline import posting_row
from g60pub.normalize.dates import find_datetime
from g60pub.normalize.lines import Line
from g60pub.normalize.names import (
    CONTROL_WORDS,
    PERSON,
    TRAILING_ROLE,
    is_organisation,
    plausible_name,
)
from g60pub.normalize.page_title import strip_site_suffix
from g60pub.normalize.text import normalize_text

# The article's author as HTML and blog engines link it: rel="author", the
# name in an hCard marked as the author (WordPress: <span class="author vcard">
# <a class="url fn n">), a link to the writer's archive (…/author/admin/); a
# comment's card is a "comment-author vcard", never "author".
AUTHOR_LINKS = (
    "//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' author ')]"
    "[contains(concat(' ', normalize-space(@class), ' '), ' vcard ')]"
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' fn ')]"
    " | //a[contains(@href, '/author/')]"
)


def linked_name(link: HtmlElement) -> str:
    """The name a link to the author gives: its own words, not a badge set
    inside it (ahhhhfs<span class="badge">永久会员</span>), nor the column after
    a full-width slash (涵柳／vintage vibe 時尚簡史)."""
    own = normalize_text("".join(link.xpath("text()")))
    return (own or normalize_text(link.text_content())).split("／")[0].strip()


# A person icon a theme sets before the writer's name in the post's dated row:
# <i class="iconfont reco-account"><span>阮三丰</span></i> <i …>2017-02-01</i>,
# <i class="fa fa-user"></i> 杨奇. The same icon marks menus (关于, 登录) and
# counters, which stand in no dated row.
_PERSON_ICONS = {
    "fa-user", "fa-user-circle", "fa-user-o", "icon-user", "glyphicon-user", "reco-account",
}  # fmt: skip
# theme-reco sets the post's author inside its account icon (<i class="iconfont
# reco-account"><span>AlanLee</span></i>), its menus' words mostly after it: a
# name inside, in the headline's box, counts without a date beside it (a post
# may show none) when no dated row names anyone.
_AUTHOR_ICONS = {"reco-account"}
_AUTHOR_CLASS = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' author ')]"
    # …or the post's or the article's author (<span class="article-author">abigale</span>)
    " | //*[contains(concat(' ', normalize-space(@class), ' '), '-author ')]"
    # CSDN's <a class="follow-nickName" title="子木小乔">子木小乔</a> by the post's time
    " | //*[contains(translate(@class, 'NICKAME', 'nickame'), 'nickname')]"
)
_NAME_ALONE = re.compile(r"[" + HAN + r"·]{2,6}|[A-Za-z][\w.-]{1,19}(?: [A-Za-z][\w.-]{1,19}){0,2}")
_COMMENTS = re.compile(r"comment|reply|评论", re.I)
_ROW_LEVELS = 3  # elements above the icon within which its row's date stands
_ROW_TEXT = 200  # characters of that row, at most


def icon_author(root: HtmlElement) -> str | None:
    # A person icon by the name, or the name's box titled as the writer
    # (vdoing: <div title="作者" class="author iconfont icon-touxiang"><a>yusu</a>).
    # vuepress-theme-hope labels it for screen readers: <span aria-label="作者🖊">.
    labelled = set(root.xpath("//*[starts-with(@aria-label, '作者') or @aria-label='Author']"))
    titled = set(root.xpath("//*[@title='作者' or @title='Author' or @title='author']"))
    titled |= labelled
    # A box a template classes as the author's or the poster's nickname
    # (<span class="author">林雅文</span> <span class="date">…), outside the
    # comments, holding a name alone.
    titled |= {
        box
        for box in root.xpath(_AUTHOR_CLASS)
        if _NAME_ALONE.fullmatch(normalize_text(box.text_content()))
        and not any(
            _COMMENTS.search(f"{a.get('class', '')} {a.get('id', '')}")
            for a in (box, *box.iterancestors())
        )
    }
    names: set[str] = set()
    undated: set[str] = set()  # theme-reco's names inside its icon, no date beside them
    for icon in [*root.iter("i", "span", "em"), *titled]:
        if _PERSON_ICONS.isdisjoint((icon.get("class") or "").split()) and icon not in titled:
            continue
        name = normalize_text(icon.text_content() or icon.tail or "")
        if not name or not plausible_name(name):
            continue
        # Labelled for screen readers as the writer, the name needs no date
        # beside it (a theme's row whose date a script fills in); an icon or
        # a tooltip does (menus and recommendations carry them too).
        if icon in labelled or _in_dated_row(icon):
            names.add(name)
        elif not _AUTHOR_ICONS.isdisjoint((icon.get("class") or "").split()) and _by_headline(icon):
            undated.add(name)
    names = names or undated
    return names.pop() if len(names) == 1 else None


def _by_headline(icon: HtmlElement) -> bool:
    # The name inside the icon, in the box of the page's headline (not a menu's).
    row = icon.getparent()
    for _ in range(_ROW_LEVELS):
        if row is None or row.tag in ("body", "html"):
            return False
        if row.find(".//h1") is not None:
            return len(icon) > 0
        row = row.getparent()
    return False


def _in_dated_row(icon: HtmlElement) -> bool:
    row = icon.getparent()
    for _ in range(_ROW_LEVELS):
        if row is None or row.tag in ("body", "html"):
            return False
        text = " ".join(row.text_content().split())  # the markup's indentation is no text
        if len(text) > _ROW_TEXT:
            return False  # past the row: a box or the page
        if find_datetime(text) is not None:
            return True
        row = row.getparent()
    return False


# An editor's credit: 责任编辑：杨逸凡, 责编：张倩, 編輯：陳妍如 (the name, not the role).
_EDITOR = re.compile(
    r"(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[:：]\s*[（(]?\s*([" + HAN + r"·]{2,4})"
)
_HANDLE = re.compile(r"\s+[(（][\w.-]+[)）]$")


_LISTED = re.compile(r"^\[\s*['\"]?([^\[\]'\"]+?)['\"]?\s*\]$")
# A credit listing the writer, the paper and the site (張立勳／特稿, 中國時報, 中時電子報):
# the parts, each without what the writer wrote after the slash.
_LIST_COMMA = re.compile(r"\s*[，,；;]\s*")
_CREDIT_KIND = re.compile(r"\s*[／/╱]\s*[" + HAN + r"]{1,6}$")


def _credited(value: str) -> str:
    """The writers a meta author's list names first, without the paper and the
    site after them; a list that opens with no person's name stays whole."""
    parts = [_CREDIT_KIND.sub("", part) for part in _LIST_COMMA.split(value) if part]
    if len(parts) == 2 and parts[0].isdigit():
        return parts[1]  # a user's number before the name (23441021,逛吃逛吃的胖子)
    people = list(
        takewhile(lambda part: PERSON.fullmatch(part) and not is_organisation(part), parts)
    )
    return "、".join(people) if people and len(people) < len(parts) else value


_COMPANY = re.compile(r"\b(?:Inc|Ltd|Co|Corp|LLC|GmbH)\b\.?", re.I)


def markup_authors(
    page_title: str | None,
    authors: Sequence[str],
    sources: Sequence[str | None],
    editors: Collection[str] = (),
    shown: str | None = None,
) -> list[str]:
    """``<meta name="author">`` values that name someone: not the site (网易, 某某网),
    nor the site the <title> ends with (unless the page names it as its source too,
    as a WeChat account is both), nor a handle in Latin letters the page never
    shows (Alpha_Grid, blues: the template's maker, not the text's writer)."""
    suffix = (page_title or "")[len(strip_site_suffix(page_title or "")) :]
    # 史蒂文的家_藍天 (stevenhgm): the account handle after the name is no part of it.
    # [Neo Lee]: a theme printing its list of authors as the list's text.
    # 刘小磊 译: what the person named did is no part of the name.
    names = [
        TRAILING_ROLE.sub("", _HANDLE.sub("", _LISTED.sub(r"\1", _credited(name)))).strip()
        for name in authors
    ]
    return [
        name
        for name in names
        if plausible_name(name, markup=True)
        and (name not in suffix or name in sources)
        # 金嘴巴英语培训 under <title>金嘴巴英语怎么样_…: the brand the title is about.
        and (len(name) <= _BRAND or name[:_BRAND] not in (page_title or "") or name in sources)
        and not any(editor in name for editor in editors)
        and (shown is None or not _handle(name) or name.lower() in shown.lower())
    ]


def _handle(name: str) -> bool:
    """A name in Latin letters that is a login or a company (blues, Alpha_Grid, Baidu
    Inc.), not a person's (Neo Lee)."""
    return name.isascii() and (" " not in name or _COMPANY.search(name) is not None)


def credited_editors(texts: Sequence[str]) -> set[str]:
    """The names the page credits as its editors (责任编辑：杨逸凡, 【责编：张倩】): a CMS
    often puts the editor in ``<meta name="author">``, who did not write the text."""
    return {match.group(1) for text in texts for match in _EDITOR.finditer(text)}


_BRAND = 4  # characters of a name that, opening the <title> too, make it the site's brand
_POSTER_NAME = 12
# A label (朝代：唐代), a name over a source (石佳/中国青年报), a button or a mark.
_NOT_POSTER = re.compile(  # …and an infobox's field over its day (出生 / 1912年6月23日)
    r"[:：/|｜]|^(?:关注|正文|管理|举报|反馈|作者|楼主|原创)$"
    r"|^(?:出生|逝世|去世|成立|创立|建立|发布|上映|首播|日期|时间)(?:日期|时间|地点)?$"
)
_CLOSED = re.compile(r"[。！？；!?;…]")


def poster_over_row(
    lines: Sequence[Line],
    texts: Sequence[str],
    title_index: int | None,
    opening: int,
    rows: Collection[int],
) -> int | None:
    """A poster's name alone on the line over a post's posting row (软唐知产小傅 /
    2020.06.09 09:37发布于社区管理), between the headline and the text; the
    counters of the poster's box (本版等级：, 结帖率：0%) may stand between.
    A posting row is dated: a table's header of labels (日期 | 菜谱) is none."""
    if title_index is None:
        return None
    for index in range(title_index + 1, opening - 1):
        text = texts[index]
        below = next((i for i in range(index + 1, opening) if not is_noise(texts[i])), None)
        if (
            below is not None
            and (below in rows or posting_row(texts[below]))
            and find_datetime(texts[below]) is not None
            and index not in rows
            and 2 <= len(text) <= _POSTER_NAME
            and not lines[index].heading
            and not _CLOSED.search(text)
            and find_datetime(text) is None
            and plausible_name(text)
            and not _NOT_POSTER.search(text)
            and CONTROL_WORDS.isdisjoint(lines[index].text.split())  # 回复 转发 赞
            and not is_noise(text)
        ):
            return index
    return None


# Headings a text opens with that read like a two- or four-character name.
_SECTION_WORD = re.compile(
    r"前言|引言|序言|导言|导语|摘要|提要|概述|简介|目录|正文|后记|附录|结语|说明|按语|编者按"
)


def name_under_headline(
    lines: Sequence[Line], texts: Sequence[str], title_index: int | None
) -> int | None:
    """The writer's name set alone and centred on the line right under the
    headline and over the text (怎样学佛 / 智钰 / 学佛就是修行，…): two or three
    characters, as a bold section heading of four (先决条件) is none; or a
    foreign writer's name in Chinese, set any way (一个人是群体 / 费尔南多·佩索阿)."""
    if title_index is None or title_index + 2 >= len(lines):
        return None
    index = title_index + 1
    line, text = lines[index], texts[index]
    following = lines[index + 1]
    # A foreign writer's name in Chinese (费尔南多·佩索阿) needs no centring.
    foreign = _FOREIGN_NAME.fullmatch(text) is not None
    if line.heading or line.link_chars or not (foreign or (line.centred and len(text) <= _NAME)):
        return None
    if not foreign and (
        not PERSON.fullmatch(text) or _SECTION_WORD.search(text) or not plausible_name(text)
    ):
        return None
    # The text follows at once: a paragraph, not another short line.
    return index if following.chars >= _TEXT_LINE and _CLOSED.search(texts[index + 1]) else None


_TEXT_LINE = 15  # characters of the text's first line under the name, at least
_FOREIGN_NAME = re.compile(r"[" + HAN + r"]{1,8}(?:[·・•][" + HAN + r"]{1,8}){1,3}")
_NAME = 3  # characters of a name set alone
