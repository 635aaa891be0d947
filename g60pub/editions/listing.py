"""The per-chapter and per-article lists of the EPUB's navigation, package and
colophon and of the site's article index, in Python.

The templates looped over every chapter with a ``lang`` or ``meta_value``
macro call per entry, and a build re-assembles every book after any one
article changes: those loops were most of the assembly's time. Each entry is
written here with ``escape``, as markup.py writes blocks, and the templates
insert the joined list; they keep the frame, headings, landmarks and metadata.
Every entry begins with the newline the template's loop put before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING
from urllib.parse import quote

from markupsafe import Markup, escape

from g60pub.editions.markup import lang_attrs
from g60pub.editions.view import ArticleView

if TYPE_CHECKING:
    from g60pub.editions.epub import Chapter


def nav_entry(ch: Chapter) -> str:
    """A chapter's table-of-contents entry, with its headings as a nested list."""
    href = escape(ch.href)
    view = ch.view
    out = [
        f'\n<li><a href="{href}"><span {lang_attrs(view.title_lang, True)}>'
        f"{escape(view.title_text)}</span></a>"
    ]
    if ch.headings:
        out.append("\n<ol>")
        for h in ch.headings:
            lang = f" {lang_attrs(h.lang, True)}" if h.lang else ""
            out.append(f'\n<li><a href="{href}#{escape(h.id)}"{lang}>{escape(h.text)}</a></li>')
        out.append("\n</ol>")
    out.append("</li>")
    return "".join(out)


def nav_entries(chapters: Sequence[Chapter]) -> Markup:
    return Markup("".join(nav_entry(ch) for ch in chapters))


def manifest_items(chapters: Sequence[Chapter]) -> Markup:
    """The chapters' ``<item>`` elements of the package's manifest."""
    return Markup(
        "".join(
            f'\n<item id="{escape(ch.id)}" href="{escape(ch.href)}"'
            ' media-type="application/xhtml+xml"/>'
            for ch in chapters
        )
    )


def spine_items(chapters: Sequence[Chapter]) -> Markup:
    """The chapters' ``<itemref>`` elements of the package's spine."""
    return Markup("".join(f'\n<itemref idref="{escape(ch.id)}"/>' for ch in chapters))


def meta_value(value: str, view: ArticleView, xhtml: bool) -> str:
    """A metadata value (author, source) as ``_blocks.j2``'s ``meta_value`` shows it:
    tagged with the Chinese language in the English edition, where it stays Chinese."""
    if view.variant.script is None:
        return f"<span {lang_attrs(view.variant.zh_tag, xhtml)}>{escape(value)}</span>"
    return str(escape(value))


def source_entry(view: ArticleView) -> str:
    """An article's line in the colophon's sources: title, source, original address."""
    out = [f"\n<li><span {lang_attrs(view.title_lang, True)}>{escape(view.title_text)}</span>"]
    if view.source:
        out.append(f" ({meta_value(view.source, view, True)})")
    link = view.link
    if link:
        link_text = escape(link)
        out.append(f': <a href="{link_text}">{link_text}</a>')
    out.append("</li>")
    return "".join(out)


def source_entries(views: Sequence[ArticleView]) -> Markup:
    return Markup("".join(source_entry(v) for v in views))


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
