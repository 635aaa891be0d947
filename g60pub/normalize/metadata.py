"""Metadata a page states in markup rather than in a visible byline.

Read before scripts are removed: JSON-LD ``NewsArticle`` (schema.org), the
Open Graph ``og:``/``article:`` properties, the ``<meta>`` names Chinese
government CMSs emit (``ArticleTitle``, ``PubDate``, ``ContentSource``),
``<time datetime>``, and WeChat's article markup and script variables
(``var ct``, ``publish_time``, ``nickname``).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

from g60pub.normalize.author_marks import AUTHOR_LINKS, icon_author, linked_name
from g60pub.normalize.dates import (
    find_datetime,
    from_timestamp,
    is_date_span,
    issue_date,
    time_element,
    trailing_day,
)
from g60pub.normalize.names import plausible_name
from g60pub.normalize.text import normalize_text

# A character reference left in text that was escaped twice (&amp;quot; -> &quot;).
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,7}|#[xX][0-9A-Fa-f]{2,6});")
_ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenews",
    "blogposting",
    "analysisnewsarticle",
    "report",
    "webpage",
}
# Each starts with a literal, which the regex engine scans for quickly: a
# leading \b would make it try every word of a large page.
_WECHAT_VARS = {
    "ct": re.compile(r"""var\s+ct\s*=\s*["']?(\d{9,11})"""),
    "create_time": re.compile(
        r"""\b(?:var\s+)?(?:publish_time|createTime|create_time)\s*=\s*["']([^"']+)["']"""
    ),
    "nickname": re.compile(r"""var\s+nickname\s*=\s*(?:htmlDecode\()?\s*["']([^"']+)["']"""),
    "title": re.compile(r"""var\s+msg_title\s*=\s*(?:htmlDecode\()?\s*["']([^"']+)["']"""),
}
_CREATE_TIME_NAMES = ("publish_time", "createTime", "create_time")


@dataclass(slots=True)
class PageMeta:
    """What the markup says; every field may be missing."""

    # Hints, most specific first; titles keep the space between their halves.
    titles: list[str] = field(default_factory=list)
    page_title: str | None = None  # the <title>, site suffix and all
    authors: list[str] = field(default_factory=list)
    # By item (an element with ``itemscope``), the author its microdata names.
    scoped_authors: dict[HtmlElement, str] = field(default_factory=dict)
    linked_author: str | None = None  # the one name the page's rel="author" links give
    icon_author: str | None = None  # the one name set after a person icon in a dated row
    sources: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    # Moments behind relative times (11个月前): weaker than any date the page prints.
    shown_dates: list[str] = field(default_factory=list)
    # The day the <title> names (an e-paper's: … 第A1版:印尼要闻 20140318期): the
    # article's when its text gives none, but no evidence that the text is one.
    title_date: str | None = None
    edited: str | None = None  # a wiki's last edit: the only day its entry gives
    url: str | None = None


def _value(text: str | None, *, keep_spaces: bool = False) -> str | None:
    if not text:
        return None
    if _ENTITY.search(text):
        # Escaped twice by the site (<title>回应&amp;quot;…&amp;quot;</title>): the
        # parser leaves ``&quot;`` where the reader is meant to see a quotation mark.
        text = html.unescape(text)
    value = normalize_text(text, keep_spaces=keep_spaces)
    return value or None


_SEPARATORS = ("-", "_", "|", "｜", "–", "—")


def _add(target: list[str], value: str | None, *, keep_spaces: bool = False) -> None:
    value = _value(value, keep_spaces=keep_spaces)
    if value and value not in target and not value.startswith(("http://", "https://")):
        target.append(value)


def _add_title(target: list[str], value: str | None) -> None:
    """A title hint, unless its headline is empty (og:title ``-公視新聞網``: the
    separator and the site's name with nothing before them)."""
    if not (value or "").strip().startswith(_SEPARATORS):
        _add(target, value, keep_spaces=True)


def _json_ld_items(data: Any) -> Iterator[dict[str, Any]]:
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            if "@graph" in item:
                stack.append(item["@graph"])


def _names(value: Any) -> Iterator[str]:
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            yield item["name"]


def _read_json_ld(root: HtmlElement, meta: PageMeta) -> None:
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for item in _json_ld_items(data):
            if "cambrian" in str(item.get("@context")) and isinstance(item.get("pubDate"), str):
                # Baidu's page schema (熊掌号, cambrian.jsonld): its title has the
                # site's suffix, its pubDate is the article's.
                _add(meta.dates, find_datetime(item["pubDate"]))
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if not any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
                continue
            for key in ("headline", "name"):
                if isinstance(item.get(key), str):
                    _add_title(meta.titles, item[key])
            authors = [normalize_text(name) for name in _names(item.get("author"))]
            _add(meta.authors, "、".join(name for name in authors if name))
            for name in _names(item.get("publisher")):
                _add(meta.sources, name)
            for key in ("datePublished", "dateCreated"):
                if isinstance(item.get(key), str):
                    _add(meta.dates, find_datetime(item[key]))
            if isinstance(item.get("url"), str) and meta.url is None:
                meta.url = item["url"].strip() or None


_RELATIVE = re.compile(r"\d+\s*(?:秒|分钟|小时|天|周|个月|月|年)前\s*$")
_CLOCK = re.compile(
    r"(?:(?:编辑|編輯|发布|發布|發佈|发表|發表|更新)[于於]\s*)?(?:昨天|今天|前天)?\s*\d{1,2}:\d{2}"
)
_META_TITLE = {"og:title", "twitter:title", "articletitle", "pagetitle", "title", "dc.title"}
_META_AUTHOR = {"author", "article:author", "og:article:author", "dc.creator", "byl"}
_META_SOURCE = {"contentsource", "source", "article:publisher", "dc.publisher"}
_META_DATE = {
    "article:published_time", "pubdate", "publishdate", "publish_date", "dc.date", "dc.date.issued",
    "date", "datepublished", "firstpublishedtime", "og:release_date", "weibo:article:create_at",
}  # fmt: skip


def _read_meta_tags(root: HtmlElement, meta: PageMeta) -> None:
    editors: list[str] = []
    for tag in root.iter("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        content = tag.get("content")
        if not key or not content:
            continue
        if key in _META_TITLE:
            _add_title(meta.titles, content)
        elif key in _META_AUTHOR:
            _add(meta.authors, content)
        elif key == "editor":
            _add(editors, content)
        elif key in _META_SOURCE:
            _add(meta.sources, content)
        elif key in _META_DATE:
            _add(meta.dates, find_datetime(content))
        elif key == "og:url" and meta.url is None:
            meta.url = content.strip() or None
    # A CMS that fills the author field with the page's editor names him twice.
    meta.authors = [name for name in meta.authors if name not in editors]


def _texts_by_id(root: HtmlElement) -> dict[str, str]:
    """The text of the first element with each of the ids WeChat pages use, in one pass."""
    found: dict[str, str] = {}
    for element in root.xpath(
        "//*[@id='activity-name' or @id='js_author_name' or @id='js_name' or @id='publish_time']"
    ):
        found.setdefault(str(element.get("id")), element.text_content())
    return found


# Pages saved from a desktop browser name the author in a plain meta span,
# without the js_author_name id: the one that is neither the account, the
# publish time nor the 原创 tag.
_WECHAT_AUTHOR_SPAN = (
    "//*[@id='meta_content']//*[contains(concat(' ', normalize-space(@class), ' '),"
    " ' rich_media_meta_text ')][not(@id)][not(.//*[@id='js_name'])]"
)


def _read_wechat(root: HtmlElement, raw: str, meta: PageMeta) -> None:
    by_id = _texts_by_id(root)
    _add_title(meta.titles, by_id.get("activity-name"))
    _add(meta.authors, by_id.get("js_author_name"))
    for span in root.xpath(_WECHAT_AUTHOR_SPAN):
        _add(meta.authors, span.text_content())
    _add(meta.sources, by_id.get("js_name"))
    found = {
        key: pattern.search(raw)
        if key != "create_time" or any(name in raw for name in _CREATE_TIME_NAMES)
        else None
        for key, pattern in _WECHAT_VARS.items()
    }
    if found["title"]:
        _add_title(meta.titles, found["title"].group(1))
    if found["nickname"]:
        _add(meta.sources, found["nickname"].group(1))
    if found["ct"]:
        _add(meta.dates, from_timestamp(found["ct"].group(1)))
    if found["create_time"]:
        value = found["create_time"].group(1).strip()
        _add(meta.dates, from_timestamp(value) if value.isdigit() else find_datetime(value))
    _add(meta.dates, find_datetime(by_id.get("publish_time") or ""))


def read_metadata(root: HtmlElement, raw: str) -> PageMeta:
    """Collect title hints, authors, sources, dates and the canonical URL from markup."""
    meta = PageMeta()
    title = root.find(".//title")
    if title is not None:
        meta.page_title = _value(title.text_content(), keep_spaces=True)
    _read_json_ld(root, meta)
    _read_meta_tags(root, meta)
    _read_wechat(root, raw, meta)
    _read_microdata(root, meta)
    linked = {linked_name(a) for a in root.xpath(AUTHOR_LINKS)} - {""}
    if len(linked) == 1 and plausible_name(name := linked.pop()):
        meta.linked_author = name
    meta.icon_author = icon_author(root)
    for time in root.iter("time"):
        # An older theme states the moment in ``content`` (Sat Dec 26 2015 20:48:07 GMT+0800).
        stated = time.get("datetime") or time.get("content")
        shown, moment = time_element(stated, time.text_content()), find_datetime(stated or "")
        if shown is not None and shown != moment and moment in meta.dates:
            # The day shown beside the same moment a meta tag states (a site
            # that keeps UTC): the page's day, for the tag's moment too.
            day = shown
            meta.dates = [day if d == moment else d for d in meta.dates]
        _add(meta.dates, shown)
    # The one element a blog's template names as the post's date (博客园's
    # <span id="post-date">2014-11-10 18:35</span>, below the text's links).
    for element in root.xpath(_DATE_ID):
        _add(meta.dates, find_datetime(element.text_content()))
    # A relative time (11个月前, 3天前) shown by a script keeps the moment in its
    # title or tooltip: <a class="timeago" title="2023-05-28 10:28:25">创建于 11个月前</a>.
    # Before the script runs the element may be empty: <span title="2015-07-30
    # 03:00:00" class="timeago"></span> (这是一个创建于 … 的文章).
    # So does a time of day without its day: <span data-tooltip="发布于 2018-12-10
    # 21:41">编辑于 17:36</span>.
    for element in root.xpath(
        "//*[@title or @data-tooltip]"
        "[contains(., '前') or contains(., ':') or contains(@class, 'timeago')]"
    ):
        text = element.text_content().strip()
        if (
            _RELATIVE.search(text)
            or _CLOCK.fullmatch(text)
            or (not text and "timeago" in (element.get("class") or ""))
        ):
            stated = element.get("title") or element.get("data-tooltip") or ""
            _add(meta.shown_dates, find_datetime(stated))
            break
    # MediaWiki's last edit: the mobile skin's data-timestamp, the footer's 最后编辑于….
    for element in root.xpath(
        "//*[@id='footer-info-lastmod']"
        " | //*[contains(concat(' ', @class, ' '), ' last-modified-bar ')]"
    ):
        stamp = str(element.xpath("string(.//@data-timestamp)"))
        meta.edited = from_timestamp(stamp) if stamp else find_datetime(element.text_content())
        break
    stated = meta.page_title or ""
    if not is_date_span(stated):  # a weekly's <title> names its week, not its day
        meta.title_date = find_datetime(stated) or issue_date(stated) or trailing_day(stated)
    canonical = root.xpath("//link[translate(@rel,'CANONICAL','canonical')='canonical']/@href")
    if canonical and meta.url is None:
        meta.url = str(canonical[0]).strip() or None
    return meta


_DATE_ID = (
    "//*[@id='post-date' or @id='post_date' or @id='postdate' or @id='pubtime'"
    " or @id='pub_time' or @id='publish_time' or @id='publish-time' or @id='pubdate']"
)
_AUTHOR_PROP = "//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' author ')]"
_SCOPE_DEPTH = 8  # ancestors looked through for the item the article belongs to


def _read_microdata(root: HtmlElement, meta: PageMeta) -> None:
    """The author schema.org microdata names for each item (``itemscope``):
    its ``itemprop="author"``'s ``name``, as a ``<meta>`` or text. Read
    before the page is sanitised, which drops the ``<meta>`` tags."""
    unscoped: list[HtmlElement] = []
    for element in root.xpath(_AUTHOR_PROP):
        scope = element.getparent()
        while scope is not None and scope.get("itemscope") is None:
            scope = scope.getparent()
        if scope is None:
            unscoped.append(element)
        elif scope not in meta.scoped_authors and (name := _microdata_name(element)):
            meta.scoped_authors[scope] = name
    # An author property in no item (the page forgot its itemscope): the page's
    # author when it is the only one, never one among a post's and its comments'.
    if len(unscoped) == 1 and (name := _microdata_name(unscoped[0])):
        meta.scoped_authors[root] = name


def _microdata_name(element: HtmlElement) -> str | None:
    """The name an ``itemprop="author"`` element gives, as a ``<meta>`` or text."""
    names = [
        (named.get("content") if named.tag == "meta" else named.text_content()) or ""
        for named in element.iter()
        if isinstance(named.tag, str) and "name" in (named.get("itemprop") or "").split()
    ]
    value = next((n for n in names if n.strip()), None)
    if value is None:
        value = element.get("content") if element.tag == "meta" else element.text_content()
    name = normalize_text(value or "")
    return name if name and plausible_name(name, markup=True) else None


def scoped_author(article: HtmlElement, meta: PageMeta) -> str | None:
    """The author microdata names for the item the article is: the first
    item inside it (the first answer, when the article's box holds a
    question's answers) or the nearest around it (a blog post), never
    another item on the page (the next answer, a comment). Else the one
    name the page's ``rel="author"`` links give (HTML's link to the
    article's author), or the one a person icon marks in a dated row."""
    return (
        _item_author(article, meta)
        or meta.linked_author
        or meta.icon_author
        or _blog_owner(meta.page_title or "")
    )


# A blog platform's <title>: the post's title, the blog's owner, the platform
# (标题_谢莱纳_新浪博客), the owner being the only writer a personal blog has.
_BLOG_TITLE = re.compile(r"_([^_\s]{1,20})_新浪博客\s*$")


def _blog_owner(page_title: str) -> str | None:
    match = _BLOG_TITLE.search(page_title)
    return match.group(1) if match else None


def _item_author(article: HtmlElement, meta: PageMeta) -> str | None:
    if not meta.scoped_authors:
        return None
    inside = (meta.scoped_authors.get(element) for element in article.iter())
    first = next((name for name in inside if name), None)
    if first is not None:
        return first
    scope: HtmlElement | None = article
    for _ in range(_SCOPE_DEPTH):
        if scope is None:
            break
        if scope.get("itemscope") is not None:
            return meta.scoped_authors.get(scope)
        scope = scope.getparent()
    return meta.scoped_authors.get(article.getroottree().getroot())
