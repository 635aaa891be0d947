"""The static HTML site's pages: per variant, index pages (newest first, by
month, 100 articles a page), a page per article, a glossary.

Links are relative only, so the site works from ``file://`` and under any
path. Every page reads without JavaScript; two small scripts of the site's
own add to it: ``search.js`` loads the search when the site is served over
HTTP, and ``marks.js`` lets the reader choose how glossary terms are marked.

A page is made in two parts: its *head*, everything up to the end of
``<main>``, and its *tail*: the links to the previous and next article and
the footer, which depend on the other articles and on where the page is
read (the offline ZIP has no download page). An article's head is rendered
by the worker that renders the article; the tail is added when the site is
assembled (site.py), without rendering the article again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from babel.dates import format_skeleton
from markupsafe import Markup, escape

from g60pub.editions.appendix import GlossaryEntry, glossary_entries
from g60pub.editions.epub import stylesheet
from g60pub.editions.i18n import native_name, render_template, translations
from g60pub.editions.lines import ListedLine
from g60pub.editions.variants import Variant
from g60pub.editions.view import ArticleView, TermEntry

STYLESHEET = "site.css"
PER_PAGE = 100
"""Articles on one index page."""
PAGE_END = "</body>\n</html>\n"


@dataclass(frozen=True, slots=True)
class SiteInfo:
    """What every page of one variant's site shows around its content."""

    title: str
    lang: str
    has_glossary: bool = True
    search: bool = True  # the search box (the site is indexed)


@dataclass(frozen=True, slots=True)
class VariantLink:
    id: str
    lang: str
    label: str


def variant_links(current: Variant, others: Sequence[Variant]) -> tuple[VariantLink, ...]:
    """The switch to the same article in the other variants, each named in its own language."""
    return tuple(
        VariantLink(v.id, v.lang, " + ".join(native_name(tag) for tag in v.languages))
        for v in others
        if v.id != current.id and "html" in v.formats
    )


def render_article_page(view: ArticleView, site: SiteInfo, others: Sequence[VariantLink]) -> str:
    """One article's page up to the end of ``<main>`` (pure; runs per article):
    :func:`article_tail` ends it."""
    return render_template(
        "html_article.html",
        view.variant.ui_locale,
        view=view,
        site=site,
        others=others,
        here=f"{quote(view.slug)}.html",
    )


@dataclass(frozen=True, slots=True)
class PageEnd:
    """What closes every page of one variant's site: the pager's words (escaped
    for HTML once, here, not on each of 100,000 pages at 10,000 articles) and
    the footer."""

    site_lang: str
    pager_label: str
    previous: str
    next: str
    footer: str
    closing: bytes = field(init=False, repr=False, compare=False)  # the footer, encoded once

    def __post_init__(self) -> None:
        object.__setattr__(self, "closing", self.footer.encode("utf-8"))

    def pager(self, older: ListedLine | None, newer: ListedLine | None) -> bytes:
        """What an article's page has of its own before the footer (:attr:`closing`):
        links to the articles before and after it in date order (their lines,
        lines.py, written in the variant's site language). It runs for every
        page of every variant on every build."""
        if not (older or newer):
            return b""
        out = [f'<nav class="pager" aria-label="{self.pager_label}">\n']
        for rel, label, other in (("prev", self.previous, older), ("next", self.next, newer)):
            if other is None:
                continue
            out.append(
                f'<a rel="{rel}" href="{other.pager_href}">'
                f'<span class="label">{label}</span> {other.pager_title}'
            )
        out.append("</nav>\n")
        return "".join(out).encode("utf-8")


def page_end(variant: Variant, download: DownloadLink | None) -> PageEnd:
    """The closing parts of ``variant``'s pages; ``download`` is the download
    page in the variant's language (None in the offline copy, which has none)."""
    locale = variant.ui_locale
    footer = render_template("html_footer.html", locale, download=download) + PAGE_END
    _ = translations(locale).gettext
    label, previous, following = (
        str(escape(w)) for w in (_("Previous and next article"), _("Previous"), _("Next"))
    )
    return PageEnd(variant.lang, label, previous, following, footer)


@dataclass(frozen=True, slots=True)
class DownloadLink:
    href: str  # relative to a site page
    lang: str


def render_index_pages(
    variant: Variant, site: SiteInfo, lines: Sequence[ListedLine], others: Sequence[VariantLink]
) -> list[tuple[str, str]]:
    """The variant's index pages, ``(file name, head)``: newest first, under a
    heading per month, :data:`PER_PAGE` articles a page, undated ones last;
    ``lines`` are the articles' lines in ``site``'s language (lines.py)."""
    # Newest first; articles of one date (a book's chapters) in their own order.
    in_order = sorted(lines, key=_order)
    newest_first = sorted(in_order, key=lambda v: v.published or "", reverse=True)
    ordered = [v for v in newest_first if v.date_iso] + [v for v in newest_first if not v.date_iso]
    chunks = [ordered[i : i + PER_PAGE] for i in range(0, len(ordered), PER_PAGE)] or [[]]
    names = [index_page_name(n) for n in range(1, len(chunks) + 1)]
    listing = _Listing(site, (), ())
    # Every index page links every other: the links are written once, not
    # once a page (10,000 links rendered at 10,000 articles, where 1,000
    # articles take 100), and only the current page's differs.
    links = [f'\n<li><a href="{escape(name)}">{n}</a></li>' for n, name in enumerate(names, 1)]
    pages = []
    for number, (name, chunk) in enumerate(zip(names, chunks, strict=True), start=1):
        here = f'\n<li><a aria-current="page">{number}</a></li>'
        page_links = Markup("".join(links[: number - 1]) + here + "".join(links[number:]))
        pages.append(
            (
                name,
                render_template(
                    "html_index.html",
                    variant.ui_locale,
                    site=listing,
                    count=len(ordered),
                    groups=index_groups(chunk, variant.ui_locale),
                    pages=len(names),
                    page_links=page_links,
                    number=number,
                    others=others,
                    here="index.html",
                ),
            )
        )
    return pages


def index_page_name(number: int) -> str:
    """``index.html``, then ``index-2.html``, ``index-3.html`` ..."""
    return "index.html" if number == 1 else f"index-{number}.html"


@dataclass(frozen=True, slots=True)
class MonthGroup:
    heading: str
    entries: Markup


def _order(line: ListedLine) -> tuple[str, str]:
    return line.order


def index_groups(lines: Sequence[ListedLine], locale: str) -> list[MonthGroup]:
    """The articles of one index page under a heading per month (and one for the undated)."""
    groups: list[tuple[str, list[ListedLine]]] = []
    for line in lines:
        iso = line.date_iso
        month = iso[:7] if iso else ""
        if not groups or groups[-1][0] != month:
            groups.append((month, []))
        groups[-1][1].append(line)
    undated = translations(locale).gettext("Undated")
    return [
        MonthGroup(
            month_heading(month, locale) if month else undated,
            Markup("".join(v.index_entry for v in vs)),
        )
        for month, vs in groups
    ]


def month_heading(month: str, locale: str) -> str:
    """``2019年5月`` / ``May 2019`` for ``2019-05``."""
    day = dt.date(int(month[:4]), int(month[5:7]), 1)
    return str(format_skeleton("yMMMM", day, locale=locale))


def glossary_firsts(
    uses: Iterable[tuple[str, Sequence[TermEntry]]],
) -> tuple[tuple[TermEntry, str], ...]:
    """Each term the articles use, with the link to its first use; ``uses``
    are each article's slug and terms (lines.py), in date order."""
    first: dict[str, tuple[TermEntry, str]] = {}
    for slug, terms in uses:
        href = None
        for term in terms:
            if term.id not in first:
                # Quoted once per article, not once per term use (300,000 calls a build).
                href = href or f"{quote(slug)}.html"
                first[term.id] = (term, f"{href}#u-{term.id}")
    return tuple(first.values())


def render_glossary_page(
    variant: Variant,
    site: SiteInfo,
    firsts: Sequence[tuple[TermEntry, str]],
    others: Sequence[VariantLink] = (),
) -> str:
    """Every term the variant's articles use, linked to its first use in date
    order (:func:`glossary_firsts`)."""
    return render_template(
        "html_glossary.html",
        variant.ui_locale,
        site=_Listing(site, (), glossary_entries(tuple(firsts), variant)),
        others=others,
        here="glossary.html",
    )


def site_stylesheet() -> str:
    return stylesheet(STYLESHEET)


@dataclass(frozen=True, slots=True)
class _Listing:
    info: SiteInfo
    articles: tuple[ListedLine, ...]
    terms: tuple[GlossaryEntry, ...]

    @property
    def title(self) -> str:
        return self.info.title

    @property
    def lang(self) -> str:
        return self.info.lang

    @property
    def has_glossary(self) -> bool:
        return self.info.has_glossary

    @property
    def search(self) -> bool:
        return self.info.search
