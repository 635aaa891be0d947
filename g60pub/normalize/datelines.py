"""The dates a page's tree must lose or set apart before its lines are read: a
``<time>`` standing alone in its block (its ``datetime`` is read already), a site
header's clock (the day the page was served), and a dateline set small inside
a headline."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from g60pub.normalize.dates import find_datetime


def drop_datelines(root: HtmlElement) -> None:
    """Remove ``<time>`` elements that stand alone in their block, and a
    header clock's date.

    Their date has been read from ``datetime`` already; a bare "4月15日"
    left behind would read as a paragraph. A ``<time>`` inside a sentence stays.
    """
    for time in list(root.iter("time")):
        parent = time.getparent()
        alone = (
            parent is not None
            and len(parent) == 1
            and not (parent.text or "").strip()
            and not (time.tail or "").strip()
        )
        if alone:
            time.drop_tree()
    _drop_clocks(root)
    _set_apart_small_datelines(root)


def _set_apart_small_datelines(root: HtmlElement) -> None:
    """A headline's secondary text that dates it (<h2><small>#5 released on
    03/05/2013</small> Hardware for developers</h2>) is its dateline, a line of
    its own: the headline is the rest."""
    for small in root.xpath("//h1/small | //h2/small | //h3/small"):
        heading = small.getparent()
        rest = (heading.text or "") + (small.tail or "")
        rest += "".join(child.text_content() + (child.tail or "") for child in small.itersiblings())
        if rest.strip() and find_datetime(small.text_content()) is not None:
            small.tag = "div"


# A site's header clock, printed by the server (今天是：2015年08月18　星期二):
# the day the page was served, never the day the article was published.
_CLOCK = re.compile(
    r"(?:今天是|今日是|现在是|当前时间)\s*[:：]?\s*"
    r"(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?|[-/.]\d{1,2}[-/.]\d{1,2})"
    r"(?:\s*(?:星期|礼拜|周)[一二三四五六日天])?"
)


def _drop_clocks(root: HtmlElement) -> None:
    found = root.xpath(
        "//text()[contains(., '今天是') or contains(., '今日是') or contains(., '现在是')"
        " or contains(., '当前时间')]"
    )
    for text in found:
        # The clock alone in its text: a sentence that says 今天是… keeps it.
        parent = text.getparent()
        if parent is None or not _CLOCK.fullmatch(text.strip()):
            continue
        if text.is_tail:
            parent.tail = ""
        elif text.is_text:
            parent.text = ""
