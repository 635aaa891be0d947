"""Lines of a page -> the article: title, byline metadata, headings and paragraphs.

The steps, in order: weigh every line; take the article root (content.py);
find the title near it (title.py); read the byline next to the title and at
the edges of the text (byline.py); keep the root's lines that are neither
furniture nor byline, and tell headings from paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import chain

from lxml.html import HtmlElement

from g60pub.cjk import HAN
from g60pub.errors import SourceError
from g60pub.model import BlockKind
from g60pub.normalize.around import (
    entry_rows,
    line_bylines,
    lines_below,
    near_bylines,
    nearby_date,
    posting_row_below,
    restates_date,
    signature_date,
    title_line,
)
from g60pub.normalize.author_marks import credited_editors, name_under_headline, poster_over_row
from g60pub.normalize.boilerplate import (
    bare_heading,
    closes_platform_note,
    is_list_marker,
    is_noise,
)
from g60pub.normalize.byline import Byline, parse_byline
from g60pub.normalize.cited import cited_links
from g60pub.normalize.content import (
    choose_article,
    digest_links,
    headed_row,
    is_stub,
    linked,
    marked_first_post,
    table_values,
    weight,
)
from g60pub.normalize.credits import (
    closing_credit,
    credited,
    last_changed,
    opening_credit,
    writer_credit,
)
from g60pub.normalize.dates import find_datetime
from g60pub.normalize.english import english_title, is_english
from g60pub.normalize.lines import Line
from g60pub.normalize.listing import (
    crumb,
    excerpt_list,
    hugo_list_page,
    in_data_tables,
    is_front_page,
    is_search_page,
    overlinked,
    refuse_listing,
    states_results,
    teaser,
)
from g60pub.normalize.metadata import PageMeta, scoped_author
from g60pub.normalize.names import headline_writer, restates_title, split_names
from g60pub.normalize.page_title import (
    preformatted_headline,
    site_name,
    strip_site_suffix,
    with_document_number,
    without_subtitle,
)
from g60pub.normalize.posts import first_floor, first_post_end, post_at
from g60pub.normalize.regions import negative_regions
from g60pub.normalize.tail import article_end, comments_before, second_copy
from g60pub.normalize.text import normalize_text
from g60pub.normalize.title import find_title

_SENTENCE_END = re.compile(r"[。！？；!?;…]")
_CLAUSE = re.compile(r"[，。！？；：,!?;:…]")
_OPENING = 30  # characters of a first clause that can name a text
_OPENING_LATIN = 80  # in a Latin script
_MAX_HEADING = 30
_ERROR_PAGE = re.compile(
    r"^(?:40[0-9]|50[0-9])\b|not found|页面不存在|页面未找到|找不到(?:该|此)?页面"
    r"|访问出错|无法访问|页面已删除|文章不存在|信息不存在|^(?:错误|出错了|提示信息)$"
    r"|^(?:环境异常|参数错误|访问过于频繁)$",  # WeChat's pages in an article's place
    re.I,
)
# A <title> that is an HTTP status alone (502, 404 Not Found): a server's or a
# CDN's error page saved in the article's place, whatever its text says.
_STATUS_TITLE = re.compile(r"\s*(?:40[0-9]|50[0-9])(?:\s+[A-Za-z][A-Za-z ]{0,30})?\s*")
# The title a blog engine gives its listing pages (Hexo, Hugo, Jekyll themes):
# a list of posts under it, never a post.
_LISTING_TITLE = re.compile(
    r"^(?:archives?|posts|tags|categories|文章归档|归档|标签|分类|文章列表|所有文章|全部文章)$",
    re.I,
)
_DATE_LIKE = re.compile(r"^[\d\s\-/.:：年月日时分]+$")
_LINK_HEAVY = 0.5
_NEUTRAL_SHARE = 4
_SHORT_LINES = 8  # short lines that, with no sentence among them, may be a post


NO_ARTICLE = "no article found"
"""The reason a page whose lines hold no article is refused (others say what the page is)."""


@dataclass(frozen=True, slots=True)
class Extracted:
    title: str
    items: tuple[tuple[BlockKind, str], ...]
    author: str | None
    source: str | None
    published: str | None
    via: str | None = None


def is_heading(line: Line, text: str) -> bool:
    """A heading: inside <h1>-<h6>, or a short bold or centred line that ends no sentence."""
    if line.heading:
        return True
    if not (line.bold or line.centred) or len(text) > _MAX_HEADING or line.chars < 2:
        return False
    if line.after_image and not line.bold:
        return False  # a centred caption under a picture
    return (
        not _SENTENCE_END.search(text)
        and not _DATE_LIKE.match(text)
        and not text.endswith(("：", ":"))
    )


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)


def _opening_words(text: str) -> str | None:
    """A text that shows no headline (two paragraphs of a biography): named by
    its first clause, as a mail client names a message with none."""
    clause = _CLAUSE.split(text, maxsplit=1)[0].strip()
    longest = _OPENING if _HAN_CHAR.search(clause) else _OPENING_LATIN
    return clause if 2 <= len(clause) <= longest else None


def extract(root: HtmlElement, lines: Sequence[Line], meta: PageMeta) -> Extracted:
    """The article the lines of ``root`` hold, or :class:`SourceError` when there is none."""
    texts = [normalize_text(line.text) for line in lines]
    entries = entry_rows(lines)
    bylines = line_bylines(lines, entries)
    furniture = negative_regions(root)
    weights = [
        0.0 if byline is not None else weight(line, text, line.owner in furniture)
        for line, text, byline in zip(lines, texts, bylines, strict=True)
    ]
    weights = marked_first_post(root, lines, table_values(lines, texts, weights), furniture)
    # A marked digest's links are its text, each counting for half its length.
    links = digest_links(root, lines, weights, furniture)
    # So are the links a text cites, listed after it (a show's notes).
    links |= cited_links(lines, weights, furniture, meta.url)
    weights = [max(w, lines[i].chars / 2) if i in links else w for i, w in enumerate(weights)]
    article, members, body = _article(root, lines, texts, weights)
    in_furniture = {i for i, line in enumerate(lines) if line.owner in furniture}
    english = is_english(" ".join(texts[i] for i in body))
    stated = normalize_text(strip_site_suffix(meta.page_title or ""))
    headline = english_title(lines, texts, body[0], stated) if english else None
    found = headline or find_title(lines, texts, meta, (body[0], body[-1]), in_furniture)
    title, title_index = with_document_number(
        texts, *without_subtitle(texts, *found, meta.page_title)
    )
    title = title or preformatted_headline(lines[body[0]]) or crumb(texts[: body[0]])
    title = title or _opening_words(texts[body[0]])
    if not title:
        raise SourceError("no article found (no title)")
    if _ERROR_PAGE.search(title) or _STATUS_TITLE.fullmatch(meta.page_title or ""):
        raise SourceError(f"no article found (an error page: {meta.page_title or title})")
    if _LISTING_TITLE.match(title.strip()) or hugo_list_page(root):
        raise SourceError(f"no article found (a listing page: {title})")
    # A title read inside the text (the first line with a question mark) still
    # has its byline rows under it: they end where the text proper begins.
    opening = body[0]
    if title_index is not None and title_index >= body[0]:
        opening = next((i for i in body if i > title_index and texts[i] != title), body[0])
    near, near_indexes = near_bylines(lines, members, opening, title_index, entries)
    # Bylines inside the text, then one set just below it (some templates
    # print 发布时间/来源 under the article, past a box of links).
    below = lines_below(lines, texts, max(body[-1], members[-1]))
    far = [
        bylines[i] for i in (*members, *below) if bylines[i] is not None and i not in near_indexes
    ]
    far_bylines = [b for b in far if b is not None]
    # A photo's caption may stand over the paragraph the credit opens.
    # …or a writer's credit on a line of its own further down (文/某报记者 王五).
    opening_credits = chain(
        (opening_credit(texts[i]) for i in body[:_OPENING_PARAGRAPHS]),
        (writer_credit(texts[i]) for i in members),
    )
    closing = closing_credit(texts[body[-1]]) or next((c for c in opening_credits if c), None)
    author, source, published = credited(
        near, far_bylines, meta, closing, credited_editors(texts), "\n".join(texts)
    )
    poster = poster_over_row(lines, texts, title_index, opening, near_indexes)
    poster = poster if poster is not None else name_under_headline(lines, texts, title_index)
    if poster is not None:
        near_indexes.add(poster)
        author = author or split_names(lines[poster].text)
    if author and restates_title(author, title):
        author = None  # 作者 filled with the headline
    author = author or scoped_author(article, meta) or headline_writer(title)
    if author is None and (row := posting_row_below(lines, body[-1])) is not None:
        posted = parse_byline(texts[row])
        author = posted.author if posted else None
    if published is None:
        shown = title_index if title_index is not None else title_line(texts, title, opening)
        published = nearby_date(lines, shown, opening, body[-1])
    if published is None:
        published = _first(*meta.shown_dates) or signature_date(texts, [*members, *below], body)
    published = published or last_changed(near, far_bylines, meta)
    via = _first(*(b.via for b in (*near, *far_bylines)))
    # Lines above the title are furniture, unless the title line sits inside the
    # text (a misread heading): then nothing of the text may be lost.
    start = title_index + 1 if title_index is not None and title_index <= body[0] else 0
    kept = [i for i in members if i >= start and i != title_index]
    # A post whose one line is the page's title too (an image board's thread): its text.
    own = title_index is not None and body == [title_index] and post_at(texts, title_index)
    kept = [i for i in members if i >= (title_index or 0)] if own else kept
    own_title = "" if own else title
    items = _blocks(article, lines, texts, kept, bylines, near_indexes, own_title, published, links)
    site = site_name(meta.page_title)
    while site and len(items) > 1 and len(items[-1][1]) <= _SITE_NOTICE and site in items[-1][1]:
        items.pop()  # the site speaking of itself under the text (本信息未经某某网证实)
    while len(items) > 1 and (_EMPTY_LABEL.match(items[-1][1]) or bare_heading(*items[-1])):
        # A field left empty under the text (浏览次数：, 责任编辑：), a heading
        # whose box held only furniture (文档信息 over the licence, 相關連結).
        items.pop()
    if not any(kind == "paragraph" for kind, _ in items) or (
        published is None and is_stub([text for _, text in items])
    ):
        raise SourceError(NO_ARTICLE)
    # A few lines among a front page's links are no article, unless the <title>
    # repeats their headline (a picture set's one caption).
    headlined = len(title) >= _NAMED_HEADLINE and title in (meta.page_title or "")
    if published is None and not headlined and overlinked(lines, [text for _, text in items]):
        raise SourceError("no article found (a front page: a few lines among its links)")
    if excerpt_list(lines, body[0]):
        raise SourceError("no article found (a list of posts, each an excerpt)")
    if teaser(lines, title_index, body):
        raise SourceError("no article found (a teaser of a story on another page)")
    refuse_listing(items, [lines[i] for i in kept], dated=published is not None)
    if is_search_page(meta.page_title) or states_results(texts):
        named = meta.page_title or "a count of results"
        raise SourceError(f"no article found (search results: {named})")
    if is_front_page(meta.page_title):
        raise SourceError(f"no article found (a front page: {meta.page_title})")
    return Extracted(title, tuple(items), author, source, published, via)


def _article(
    root: HtmlElement, lines: Sequence[Line], texts: Sequence[str], weights: Sequence[float]
) -> tuple[HtmlElement, list[int], list[int]]:
    """The article's element, its lines, and those of them that are text.

    The article ends where its box goes on to comments, a site notice or a
    second post (tail.py): the element is chosen again without what follows.
    """
    article, members = choose_article(root, lines, weights)
    body = [i for i in members if weights[i] > 0]
    if all(lines[i].heading for i in body):
        # Nothing reads as a sentence but a heading (a note of short steps and
        # commands, a list, an answer of short lines under its question): the
        # neutral lines count a little, so their block is found; not the
        # headline and the dated row under it, which are no text.
        neutral = [
            w
            if w
            or lines[i].link_ratio > _LINK_HEAVY
            or lines[i].heading
            or find_datetime(texts[i]) is not None
            else lines[i].chars / _NEUTRAL_SHARE
            for i, w in enumerate(weights)
        ]
        chosen, kept = choose_article(root, lines, neutral)
        text = [i for i in kept if neutral[i] > 0]
        # Under a heading, a few short lines (a site's addresses) are no answer.
        if not body or sum(not lines[i].heading for i in text) >= _SHORT_LINES:
            article, members, weights, body = chosen, kept, neutral, text
    if not body:
        raise SourceError(NO_ARTICLE)
    opened = comments_before(texts, weights, body[0])
    if opened is not None:
        # The text chosen is a comment section (the replies outweigh a one-line
        # post above them): the article is what comes before it.
        cut = [w if i < opened else min(w, 0.0) for i, w in enumerate(weights)]
        shorter, kept = choose_article(root, lines, cut)
        kept = [i for i in kept if i < opened]
        if any(cut[i] > 0 for i in kept):
            article, members, weights = shorter, kept, cut
            body = [i for i in members if weights[i] > 0]
    headlines = {i for i, line in enumerate(lines) if line.heading == 1}
    end = article_end(texts, weights, body[0], headlines)
    if end is not None:
        cut = [w if i < end else 0.0 for i, w in enumerate(weights)]
        shorter, kept = choose_article(root, lines, cut)
        kept = [i for i in kept if i < end]
        if any(cut[i] > 0 for i in kept):
            article, members, weights = shorter, kept, cut
            body = [i for i in members if weights[i] > 0]
    code = {i for i in members if lines[i].owner.tag == "pre"}
    end = first_post_end(texts, weights, members, body[0], code)
    if end is None:
        end = second_copy(texts, body)  # a portal's copy of the text for phones
    if end is not None:
        members = [i for i in members if i < end]
        body = [i for i in body if i < end]
    floor = first_floor(texts, members, body[0])
    if floor is not None and any(i > floor for i in body):
        # A board's notice over the thread: the first post starts under its header.
        members = [i for i in members if i > floor]
        body = [i for i in body if i > floor]
    return article, members, body


_OPENING_PARAGRAPHS = 3  # a credit opening the text stands in one of these
_HEAD_ROWS = 4  # items of the text a template's dated row may stand above
_BOX_TITLE = 6  # characters of the title of a notice box (警告, 注意, Warning)
_SITE_NOTICE = 60  # characters of a line under the text in which the site names itself
_NAMED_HEADLINE = 8  # characters of a headline the <title> repeats that names the page
_EMPTY_LABEL = re.compile(r"^[-*•·\s]*[^\s:：。！？!?]{1,10}\s*[:：]$")
_HAN_CHAR = re.compile(f"[{HAN}]")
_LEAD_MARK = re.compile(r"^[>＞▶►]\s?")


def _blocks(
    article: HtmlElement,
    lines: Sequence[Line],
    texts: Sequence[str],
    members: Sequence[int],
    bylines: Sequence[Byline | None],
    skip: set[int],
    title: str,
    published: str | None,
    links: Collection[int] = (),
) -> list[tuple[BlockKind, str]]:
    furniture = negative_regions(article)
    items: list[tuple[BlockKind, str]] = []
    in_list = False
    promotion = ""  # the lead mark of a site's promotion lines (> 下载客户端…)
    # A data table's cells are centred or bold for layout, never headings.
    cells = dict(zip(members, in_data_tables([lines[i] for i in members]), strict=True))
    for index in members:
        line, text = lines[index], texts[index]
        if index in skip or bylines[index] is not None or not text or text == title:
            continue
        if promotion and text.startswith(promotion):
            continue
        if len(items) < _HEAD_ROWS and restates_date(text, published):
            # The post's date and labels over its text: a template's row, and
            # the title of the box it stands in (警告 over 本文最后更新于 …).
            if items and len(items[-1][1]) <= _BOX_TITLE and not _SENTENCE_END.search(items[-1][1]):
                items.pop()
            continue
        if closes_platform_note(text, len(items)):
            items.clear()
            continue
        if is_list_marker(text):
            in_list = True
            continue
        substantial = line.chars >= 40 and line.link_ratio < 0.2
        if in_list and not substantial:
            continue
        in_list = False
        mark = _LEAD_MARK.match(text)
        if mark and is_noise(text[mark.end() :]):
            # A promotion set off by a lead mark goes on in the lines so marked.
            promotion = mark.group()
            continue
        # A digest's link, or a data table's row under its header that links a
        # term out, is text.
        text_link = index in links or (cells[index] and headed_row(line))
        if line.owner in furniture or (linked(line, text) and not text_link) or is_noise(text):
            continue
        heading = is_heading(line, text) and (line.heading > 0 or not cells[index])
        items.append(("heading" if heading else "paragraph", text))
    return items
