"""EPUB 3 books: one per variant, articles as chapters in date order.

The container is written by ocf.py rather than through ebooklib's writer,
because a reproducible book needs control ebooklib does not give: every
entry's timestamp comes from the build date (SOURCE_DATE_EPOCH), entries are
in a fixed order, ``mimetype`` is first and stored (OCF 3.3 §4.2.4), and
chapters go in as the workers deflated them. The package document carries
the schema.org accessibility metadata and an explicit
``page-progression-direction`` (some reading systems assume vertical
right-to-left for zh-Hant otherwise).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from markupsafe import Markup, escape

from g60pub import __version__
from g60pub.editions.i18n import render_template, translations
from g60pub.editions.markup import lang_attrs
from g60pub.editions.ocf import STORED, Container, Entry, container, pack
from g60pub.editions.variants import Variant
from g60pub.editions.view import ArticleView, TermEntry, glossary_order

# A fixed namespace: the same project name and variant give the same identifier.
IDENTIFIER_NAMESPACE = uuid.UUID("5b0f7c64-6f2e-5a7e-9a60-6760707562ff")
CONTAINER_XML = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
"""
ACCESSIBILITY_SUMMARY = (
    "Text-only publication with a table of contents, structured headings and "
    "a logical reading order; every passage is tagged with its language."
)


@dataclass(frozen=True, slots=True)
class BookInfo:
    """Book-level metadata of one variant's EPUB."""

    name: str
    variant: Variant
    title: str
    subtitle: str | None
    publisher: str
    date_iso: str  # YYYY-MM-DD
    date_text: str  # the date formatted for the variant's locale
    modified: str  # CCYY-MM-DDThh:mm:ssZ
    zip_time: tuple[int, int, int, int, int, int]

    @property
    def identifier(self) -> str:
        return "urn:uuid:" + str(uuid.uuid5(IDENTIFIER_NAMESPACE, f"{self.name}/{self.variant.id}"))

    @property
    def lang(self) -> str:
        return self.variant.lang

    @property
    def languages(self) -> tuple[str, ...]:
        return self.variant.languages


@dataclass(frozen=True, slots=True)
class HeadingLink:
    id: str
    text: str
    lang: str | None  # set when it differs from the book's language


@dataclass(frozen=True, slots=True)
class Chapter:
    id: str
    href: str
    view: ArticleView
    headings: tuple[HeadingLink, ...]


@dataclass(frozen=True, slots=True)
class GlossaryLink:
    id: str
    zh: str
    zh_hant: str
    en: str
    href: str  # the chapter of first use


def render_chapter(view: ArticleView) -> str:
    """One article as an XHTML content document (pure; runs per article)."""
    return render_template("epub_chapter.xhtml", view.variant.ui_locale, view=view)


def chapter_headings(view: ArticleView) -> tuple[HeadingLink, ...]:
    out: list[HeadingLink] = []
    for block in view.headings:
        if view.variant.script is None and not block.missing:
            out.append(HeadingLink(block.id, block.en_text, None))
        elif view.variant.script is None:
            out.append(HeadingLink(block.id, block.zh_text, view.variant.zh_tag))
        else:
            out.append(HeadingLink(block.id, block.zh_text, None))
    return tuple(out)


def write_epub(
    info: BookInfo, views: Sequence[ArticleView], chapters_xhtml: Sequence[Entry]
) -> Container:
    """Assemble the book from its chapters (rendered and deflated, see ocf.py) in
    the given order."""
    locale = info.variant.ui_locale
    chapters = tuple(
        Chapter(f"ch{n:03d}", f"ch{n:03d}.xhtml", view, chapter_headings(view))
        for n, view in enumerate(views, start=1)
    )
    terms = _glossary_links(chapters, info.variant.script is None)
    book = _BookContext(info, chapters, terms)
    files: list[tuple[str, str | bytes | Entry]] = [
        ("META-INF/container.xml", CONTAINER_XML),
        (
            "EPUB/package.opf",
            render_template(
                "epub_package.opf",
                locale,
                book=book,
                manifest_items=manifest_items(chapters),
                spine_items=spine_items(chapters),
            ),
        ),
        (
            "EPUB/nav.xhtml",
            render_template("epub_nav.xhtml", locale, book=book, toc_entries=nav_entries(chapters)),
        ),
        ("EPUB/style.css", stylesheet("book.css")),
        ("EPUB/title.xhtml", _page(book, "title", info.title)),
    ]
    files.extend(
        (f"EPUB/{ch.href}", xhtml) for ch, xhtml in zip(chapters, chapters_xhtml, strict=True)
    )
    if terms:
        files.append(("EPUB/glossary.xhtml", _page(book, "glossary", None)))
    sources = source_entries(book.articles)
    files.append(("EPUB/colophon.xhtml", _page(book, "colophon", None, source_entries=sources)))
    return _zip(files, info.zip_time)


def stylesheet(name: str) -> str:
    return resources.files("g60pub.editions").joinpath("static", name).read_text("utf-8")


@dataclass(frozen=True, slots=True)
class _BookContext:
    info: BookInfo
    chapters: tuple[Chapter, ...]
    terms: tuple[GlossaryLink, ...]

    def __getattr__(self, name: str) -> object:
        # Templates read book metadata straight off the book (book.title, ...).
        return getattr(self.info, name)

    @property
    def articles(self) -> tuple[ArticleView, ...]:
        return tuple(ch.view for ch in self.chapters)

    @property
    def version(self) -> str:
        return __version__

    @property
    def accessibility_summary(self) -> str:
        return ACCESSIBILITY_SUMMARY


def _page(book: _BookContext, kind: str, title: str | None, **lists: Markup) -> str:
    """The title page, glossary or colophon; the colophon takes its ``source_entries``."""
    catalog = translations(book.info.variant.ui_locale)
    page_title = title or catalog.gettext("Glossary" if kind == "glossary" else "Colophon")
    return render_template(
        "epub_page.xhtml",
        book.info.variant.ui_locale,
        book=book,
        kind=kind,
        page_title=page_title,
        **lists,
    )


def _glossary_links(chapters: Sequence[Chapter], english: bool) -> tuple[GlossaryLink, ...]:
    """The terms the book uses, in Simplified order, each linked to its first chapter."""
    first: dict[str, tuple[TermEntry, str]] = {}
    for ch in chapters:
        for term in ch.view.terms:
            first.setdefault(term.id, (term, ch.href))
    ordered = sorted(first.values(), key=lambda item: glossary_order(item[0], english))
    return tuple(GlossaryLink(t.id, t.zh, t.zh_hant, t.en, href) for t, href in ordered)


def _zip(
    files: Sequence[tuple[str, str | bytes | Entry]], when: tuple[int, int, int, int, int, int]
) -> Container:
    # mimetype first and stored (OCF 3.3 §4.2.4); the rest deflated, chapters
    # arriving already deflated by the worker that rendered them.
    entries: list[tuple[str, Entry]] = [("mimetype", pack(b"application/epub+zip", STORED))]
    entries += [(n, pack(d) if isinstance(d, str | bytes) else d) for n, d in files]
    return container(entries, when)


# --- the per-chapter lists of the navigation, package and colophon ----------
#
# The templates looped over every chapter with a macro call per entry, and a
# build re-assembles every book after any one article changes: those loops
# were most of the assembly's time. Each entry is written here with
# ``escape``, as markup.py writes blocks, and the templates insert the joined
# list; they keep the frame, headings, landmarks and metadata. Every entry
# begins with the newline the template's loop put before it.


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
