"""Regions of the page its template names as furniture (nav, footer, share …),
and when such a name is no evidence: the region's markup encloses the article."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache, partial

from lxml.html import HtmlElement

from g60pub.normalize.box_names import button_box, hint, leading_furniture

_SENTENCE_END = re.compile(r"[。！？!?]")
_PARAGRAPH = 60  # characters of a block's own text, in two sentences or more, that make a paragraph
_NOT_TEXT = ("a", "script", "style", "select", "option", "textarea")
_SIDE = re.compile(r"(?<![a-z])(?:a?side|sidebar)(?![a-z])", re.I)  # a column's name
_POSITION_NAME = re.compile(r"(?<![a-z])bottom(?![a-z])", re.I)
_SHARE = 5  # a region holding a fifth of the page's text or more is a good part of it


def negative_regions(root: HtmlElement) -> set[HtmlElement]:
    """Elements under ``root`` that sit inside a furniture-named region (nav, footer …).

    A breadcrumb or a header that holds most of the page's text is no region:
    its markup was never closed, and the article sits inside it. Nor is one
    that holds a paragraph and a good part of the page: menus hold links and
    labels, never sentences (a community's picture set laid out in boxes named
    ``nav``; a blog's header with a line about the blog is still furniture).
    Nor is a box of buttons that holds a paragraph: share bars and print
    links hold icons and labels, so one holding sentences is a share bar left
    open around the text, or an article wrapped in a ``print`` box.
    """
    page = len(root.text_content())
    prose = cache(partial(_prose, root))  # the page's prose, counted only when a menu asks
    inside: set[HtmlElement] = set()
    for element in root.iter():
        parent = element.getparent()
        if element is root:
            continue
        if parent in inside or (
            isinstance(element.tag, str)
            and hint(element) < 0
            and not _encloses_article(element, page, prose)
        ):
            inside.add(element)
    return inside


def _encloses_article(element: HtmlElement, page: int, prose: Callable[[], int]) -> bool:
    """A furniture-named region whose markup encloses the article: a header
    left open, or a template's widget box that holds the posts (Blogger's
    ``widget Blog``) as well as its sidebar's. A menu whose drop-downs hold
    a paragraph about the site and many headlines holds less of the page's
    prose than the text after it, and stays a menu."""
    if button_box(element):
        return _holds_paragraph(element)
    widget = "widget" in (element.get("class") or "").lower().split()
    if (
        (leading_furniture(element) or widget)
        and _holds_article(element, page)
        and 2 * _prose(element) >= prose()
    ):
        return True
    # A layout's main column named as a sidebar (``sidebar inner``, ``aside``):
    # it holds the page's headline and most of its text, or without a headline
    # nearly all of it, a paragraph among it.
    text = len(element.text_content())
    headed = text * 2 > page and element.find(".//h1") is not None
    side = element.tag == "aside" or _SIDE.search(f"{element.get('class')} {element.get('id')}")
    if (headed or (side is not None and text * 4 > page * 3)) and _holds_paragraph(element):
        return True
    # A box named for where it sits (``bottom``), the page's only text under a
    # heading in it: the lower part of the layout, not its footer.
    return (
        _POSITION_NAME.search(f"{element.get('class')} {element.get('id')}") is not None
        and element.xpath("boolean(.//h1 | .//h2 | .//h3 | .//h4)")
        and _holds_paragraph(element)
        and 4 * _prose(element) >= 3 * prose()
    )


def _holds_article(element: HtmlElement, page: int) -> bool:
    """A furniture-named region the article sits in: most of the page, or a
    good share of it with a paragraph among its boxes."""
    share = len(element.text_content())
    return share * 2 > page or (share * _SHARE > page and _holds_paragraph(element))


def _paragraphs(element: HtmlElement) -> Iterator[str]:
    """The own text of each block under ``element`` that runs a paragraph, not a link's."""
    for block in element.iter():
        if not isinstance(block.tag, str) or block.tag in _NOT_TEXT:
            continue
        own = (block.text or "") + "".join(child.tail or "" for child in block)
        own = "".join(own.split())
        if len(own) >= _PARAGRAPH and len(_SENTENCE_END.findall(own)) >= 2:
            yield own


def _holds_paragraph(element: HtmlElement) -> bool:
    """True when a block under ``element`` runs a paragraph of its own text, not a link's."""
    return next(_paragraphs(element), None) is not None


def _prose(element: HtmlElement) -> int:
    return sum(len(own) for own in _paragraphs(element))
