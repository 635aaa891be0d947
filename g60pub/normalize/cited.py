"""Lists of links a text cites: a podcast's show notes (Macbook Pro, Parallel
Tests, Ivy Bridge …, each a link to its maker's or Wikipedia's page), a post's
list of references. They are the text's matter, unlike a box of related
stories, which links back into the same site."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from g60pub.normalize.boilerplate import is_noise
from g60pub.normalize.lines import Line

_ITEMS = 5  # items of a list of cited links, at least
_HOSTS = 3  # sites they lead to, at least
_LINKED = 0.9  # share of an item's text in its link


def cited_links(
    lines: Sequence[Line],
    weights: Sequence[float],
    furniture: Collection[HtmlElement],
    page_url: str | None,
) -> set[int]:
    """The lines of lists, after text of the same box, whose items each link out
    to another site (three sites or more, none the page's own)."""
    own_host = _host(page_url or "")
    by_list: dict[HtmlElement, list[int]] = {}
    for index, line in enumerate(lines):
        item = line.owner if line.owner.tag == "li" else next(line.owner.iterancestors("li"), None)
        listed = item.getparent() if item is not None else None
        if listed is not None and listed.tag in ("ul", "ol"):
            by_list.setdefault(listed, []).append(index)
    found: set[int] = set()
    for listed, indexes in by_list.items():
        items = [child for child in listed if child.tag == "li"]
        if len(items) < _ITEMS or len(indexes) != len(items) or listed in furniture:
            continue
        hosts = [_item_host(item) for item in items]
        named = {host for host in hosts if host}
        if (
            None in hosts
            or len(named) < _HOSTS
            or own_host in named
            or any(lines[i].link_ratio < _LINKED or is_noise(lines[i].text) for i in indexes)
            or not _after_text(listed, lines, weights, indexes[0])
        ):
            continue
        found.update(indexes)
    return found


def _item_host(item: HtmlElement) -> str | None:
    """The site an item's one link leads to, or None (no link, several, a page's own)."""
    links = item.xpath(".//a[@href]")
    if len(links) != 1:
        return None
    href = str(links[0].get("href") or "").strip()
    return _host(href) if href.startswith(("http://", "https://")) else None


def _host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _after_text(
    listed: HtmlElement, lines: Sequence[Line], weights: Sequence[float], first: int
) -> bool:
    """True when a line of text stands before the list in the box two levels up."""
    box = listed.getparent()
    box = box.getparent() if box is not None and box.getparent() is not None else box
    if box is None:
        return False
    inside = set(box.iter())
    return any(weights[i] > 0 and lines[i].owner in inside for i in range(first))
