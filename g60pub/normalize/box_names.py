"""What a template's class and id names say of a box: the article's body
(content, article, zhengwen …) or page furniture (nav, footer, share,
related …), read by whole names and by the words inside compound ones."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

_NEGATIVE = frozenset(
    (
        "nav", "navbar", "navi", "menu", "menus", "footer", "foot", "bottom", "sidebar", "side",
        "aside", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "position", "location", "weizhi",
        "share", "bdshare", "jiathis", "comment", "comments", "reply", "related", "relate",
        "relative", "xgxw", "hot", "hots", "recommend", "tuijian", "tags", "tag", "copyright",
        "toolbar", "tools", "tool", "print", "pager", "pagination", "ad", "ads", "advert", "banner",
        "qrcode", "qr", "erweima", "login", "search", "topbar", "header", "masthead", "widget",
        "rank", "ranking", "more", "authorinfo", "btn", "button", "reward", "donate", "shang",
        "dashang", "zanshang", "promo", "promotion", "popup", "modal", "dialog", "infobar",
        # A media player: its controls, clock, speeds and hints, never the text.
        "player",
        # A wiki's furniture round an entry: its tagline, edit links, contents,
        # message boxes, notes, navigation boxes and categories.
        "sitesub", "editsection", "mw-editsection", "toc", "ambox", "references",
        "reflist", "navbox", "catlinks", "printfooter", "infobox",
    )
)  # fmt: skip
_POSITIVE = frozenset(
    (
        "content", "contents", "article", "articles", "body", "text", "zoom", "trs_editor",
        "detail", "details", "main", "post", "entry", "news", "js_content", "rich_media_content",
        "story", "info", "con", "txt", "neirong", "zw", "zhengwen",
    )
)  # fmt: skip
_TOKEN = re.compile(r"[a-z]+|[0-9]+")
# Words of a name, camelCase split too (footerWrap -> footer, wrap).
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")
# Words that say how a box is laid out, not what it holds: a furniture word with
# only these (footerWrap_2014, footer_nav_container) names furniture as the word
# alone does.
_LAYOUT = frozenset(
    ("wrap", "wrapper", "container", "box", "inner", "outer", "area", "block", "panel")
)
# Furniture that sits above the article: when one of these holds most of the
# page, its markup was left open (<div class="breadcrumb"> never closed) and the
# article sits inside it.
_LEADING = frozenset(
    (
        "nav", "navbar", "navi", "menu", "menus", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
        "position", "location", "weizhi", "topbar", "header", "masthead", "banner", "search",
        "login",
    )
)  # fmt: skip
# Boxes of buttons (share, print, font size): they hold icons and labels, never
# sentences, so one whose markup swallowed the article is no furniture either.
_BUTTONS = frozenset(("share", "bdshare", "jiathis", "print", "tools", "tool", "toolbar"))


_WEAK_TEXT = 200  # characters: a box this short with a furniture word inside a name is furniture
_SENTENCE_END = re.compile(r"[。！？]")
_SENTENCES = 2  # sentences that make such a short box text
_UTILITY = frozenset(("relative",))
"""Furniture words that are also utility class names (Tailwind's ``relative``
positions any box, a news site's whole article page among them): as a whole
name they decide only as a word inside a name does, for a short box."""


# Also a tip jar under the post (entry-shang: 赏, a reward).
_HEAD_FURNITURE = frozenset(
    ("pager", "pagination", "nav", "navi", "share", "comments", "related", "reward", "shang")
)
_OVERLAYS = frozenset(("popup", "modal"))
_TOC_ANCHOR = re.compile(r"_?toc[-_]?\d+", re.I)  # toc_0, _Toc123456: no box's name
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _tokens(element: HtmlElement) -> tuple[set[str], set[str]]:
    """Whole class/id names, and the words inside compound ones (js_img_share_area ->
    js, img, share, area). Names that are URLs or file names (more.asp) give no words.
    A compound of furniture and layout words only (footerWrap_2014) counts as whole.
    A heading's id is its text's slug (navi-系列显卡), no box's name."""
    anchor = element.tag in _HEADING_TAGS or _TOC_ANCHOR.fullmatch(element.get("id") or "")
    names = f"{element.get('class') or ''} {'' if anchor else element.get('id') or ''}".split()
    whole = {name.lower() for name in names}
    parts: set[str] = set()
    for name in names:
        if re.search(r"[./:]", name):
            continue
        parts.update(_TOKEN.findall(name.lower()))
        named = {word.lower() for word in _WORD.findall(name) if not word.isdigit()}
        # Not a box of buttons: printArea is the part of the page to print, the article.
        if named & _NEGATIVE and named <= _NEGATIVE | _LAYOUT and not named & _BUTTONS:
            whole |= named & _NEGATIVE
        # An article's word, then what the box is: post-pager is a pager, of posts.
        words = [w.lower() for w in _WORD.findall(name.split("--")[0]) if not w.isdigit()]
        if words and words[0] in _POSITIVE:
            whole |= {next(w for w in reversed(words) if w not in _LAYOUT)} & _HEAD_FURNITURE
        whole |= set(words[-1:]) & _OVERLAYS  # a box over the page: mdbook-help-popup
    return whole, parts


def leading_furniture(element: HtmlElement) -> bool:
    """True for a region named as furniture above the article (breadcrumb, nav, header)."""
    whole, _ = _tokens(element)
    return bool(whole & _LEADING) or element.tag in ("nav", "header")


def button_box(element: HtmlElement) -> bool:
    """True for a region named as a box of buttons (share, print, tools)."""
    whole, _ = _tokens(element)
    return bool(whole & _BUTTONS)


def hint(element: HtmlElement) -> int:
    """+1 when class/id names an article body, -1 page furniture; 0 for neither or both.

    A furniture word that is a whole name (share, footer) decides; one found
    only inside a compound name (js_img_share_area) decides only for a short
    box, since article bodies carry such names too.
    """
    whole, parts = _tokens(element)
    # A box named for furniture by its last word (post-pager) is no body for its first.
    headed = whole & _HEAD_FURNITURE > whole & _POSITIVE
    positive = bool((whole | parts) & _POSITIVE) and not headed
    utility = whole & _UTILITY
    negative = bool((whole - utility) & _NEGATIVE) or element.tag in ("nav", "footer", "aside")
    if not negative and not positive and (parts | utility) & _NEGATIVE:
        # …unless the short box holds sentences: a short text in a box whose
        # name only holds such a word (GitBook's book-search-results).
        text = element.text_content()
        negative = len(text) < _WEAK_TEXT and len(_SENTENCE_END.findall(text)) < _SENTENCES
    return int(positive) - int(negative)
