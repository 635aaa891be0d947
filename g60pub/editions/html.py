"""The static HTML site: ``html/<variant>/index.html``, a page per article, a glossary.

Links are relative only, so the site works from ``file://`` and under any
path. Pages read without JavaScript; one small script of the site's own
(``marks.js``) lets the reader choose how glossary terms are marked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

from g60pub.editions.appendix import GlossaryEntry, glossary_entries
from g60pub.editions.epub import stylesheet
from g60pub.editions.i18n import native_name, render_template
from g60pub.editions.variants import Variant
from g60pub.editions.view import ArticleView, TermEntry, sort_key

STYLESHEET = "site.css"
MARKS_SCRIPT = "marks.js"


@dataclass(frozen=True, slots=True)
class SiteInfo:
    """What every page of one variant's site shows around its content."""

    title: str
    lang: str
    has_glossary: bool = True


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
    """One article's page (pure; runs per article)."""
    return render_template(
        "html_article.html", view.variant.ui_locale, view=view, site=site, others=others
    )


def render_index_page(variant: Variant, site: SiteInfo, views: Sequence[ArticleView]) -> str:
    """The variant's article list, newest first; articles of one date (a book's
    chapters) in their own order."""
    in_order = sorted(views, key=lambda v: sort_key(v.published, v.slug))
    newest_first = sorted(in_order, key=lambda v: v.published or "", reverse=True)
    undated = [v for v in newest_first if not v.published]
    dated = [v for v in newest_first if v.published]
    listing = _Listing(site, (*dated, *undated), ())
    return render_template(
        "html_index.html",
        variant.ui_locale,
        site=listing,
        article_entries=index_entries(listing.articles, site.lang),
    )


def render_glossary_page(variant: Variant, site: SiteInfo, views: Sequence[ArticleView]) -> str:
    """Every term the variant's articles use, linked to its first use (in date order)."""
    first: dict[str, tuple[TermEntry, str]] = {}
    for view in sorted(views, key=lambda v: sort_key(v.published, v.slug)):
        # Quoted once per article, not once per term use (300,000 calls a build).
        href = f"{quote(view.slug)}.html"
        for term in view.terms:
            first.setdefault(term.id, (term, f"{href}#u-{term.id}"))
    terms = glossary_entries(tuple(first.values()), variant)
    return render_template("html_glossary.html", variant.ui_locale, site=_Listing(site, (), terms))


def site_stylesheet() -> str:
    return stylesheet(STYLESHEET)


def site_script() -> str:
    """The term-marks switch (static/marks.js), written as ``html/marks.js``."""
    return stylesheet(MARKS_SCRIPT)


@dataclass(frozen=True, slots=True)
class _Listing:
    info: SiteInfo
    articles: tuple[ArticleView, ...]
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


# An article's line in the index is written in Python, not in a template
# loop: see the per-chapter lists in epub.py.


def index_entry(view: ArticleView, site_lang: str) -> str:
    """An article's line in the site's index: its page, title and date."""
    title_lang = view.title_lang
    lang = f' lang="{escape(title_lang)}"' if title_lang != site_lang else ""
    out = [f'\n<li><a href="{escape(quote(view.slug))}.html"{lang}>{escape(view.title_text)}</a>']
    date_iso = view.date_iso
    if date_iso:
        out.append(f' <time datetime="{escape(date_iso)}">{escape(view.date_text)}</time>')
    out.append("</li>")
    return "".join(out)


def index_entries(views: Sequence[ArticleView], site_lang: str) -> Markup:
    return Markup("".join(index_entry(v, site_lang) for v in views))
