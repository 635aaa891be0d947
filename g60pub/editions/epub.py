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

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import BinaryIO

from markupsafe import Markup, escape

from g60pub.editions.appendix import GlossaryEntry, glossary_entries
from g60pub.editions.bookinfo import BookInfo, Credit
from g60pub.editions.i18n import render_template, translations
from g60pub.editions.lines import ArticleLine
from g60pub.editions.markup import lang_attrs
from g60pub.editions.ocf import STORED, Container, Entry, Packed, container, pack, pack_pieces
from g60pub.editions.reuse import Reuse
from g60pub.editions.variants import Variant
from g60pub.editions.view import ArticleView, TermEntry
from g60pub.version import __version__

CONTAINER_XML = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
"""
ACCESSIBILITY_SUMMARY = (
    "Text publication with a table of contents, structured headings and a "
    "logical reading order; every passage is tagged with its language. The "
    "only image is the cover, whose text is given as its alternative text."
)


@dataclass(frozen=True, slots=True)
class Chapter:
    id: str
    href: str
    line: ArticleLine


def render_chapter(view: ArticleView) -> str:
    """One article as an XHTML content document (pure; runs per article)."""
    return render_template("epub_chapter.xhtml", view.variant.ui_locale, view=view)


def write_epub(
    info: BookInfo,
    lines: Sequence[ArticleLine],
    chapters_xhtml: Sequence[Entry],
    cover: bytes,
    reuse: Reuse | None = None,
    spool: Callable[[], BinaryIO | None] | None = None,
) -> Container:
    """Assemble the book from its chapters (rendered and deflated, see ocf.py) in
    the given order, with ``cover`` (a PNG) as its cover image; what is
    unchanged since the book ``reuse`` describes is copied from it. ``spool``
    opens the file its bytes are written to as they are made (see
    :func:`~g60pub.editions.ocf.container`)."""
    locale = info.variant.ui_locale
    chapters = tuple(
        Chapter(f"ch{n:03d}", f"ch{n:03d}.xhtml", line) for n, line in enumerate(lines, start=1)
    )
    terms = _glossary(chapters, info.variant)
    book = _BookContext(info, chapters, terms)
    # Each page is deflated as soon as it is made: at 10,000 chapters the
    # package, table of contents and colophon are megabytes of text each,
    # held all at once (text, UTF-8 and deflated) before.
    files: list[tuple[str, Entry]] = [
        ("META-INF/container.xml", pack(CONTAINER_XML)),
        (
            "EPUB/package.opf",
            pack(
                render_template(
                    "epub_package.opf",
                    locale,
                    book=book,
                    manifest_items=manifest_items(chapters),
                    spine_items=spine_items(chapters),
                    source_urls=source_urls(book.articles),
                )
            ),
        ),
        ("EPUB/nav.xhtml", _nav_page(book, locale)),
        ("EPUB/style.css", pack(book_stylesheet(info.variant))),
        ("EPUB/cover.png", pack(cover, STORED)),  # a PNG is compressed already
        ("EPUB/cover.xhtml", pack(_page(book, "cover", info.title))),
        ("EPUB/title.xhtml", pack(_page(book, "title", info.title))),
        ("EPUB/imprint.xhtml", pack(_page(book, "imprint", None))),
    ]
    files.extend(
        (f"EPUB/{ch.href}", xhtml) for ch, xhtml in zip(chapters, chapters_xhtml, strict=True)
    )
    if terms:
        files.append(("EPUB/glossary.xhtml", pack(_page(book, "glossary", None))))
    colophon = _page(book, "colophon", None, source_entries=source_entries(book.articles))
    files.append(("EPUB/colophon.xhtml", pack(colophon)))
    return _zip(files, info.zip_time, reuse, spool)


def stylesheet(name: str) -> str:
    return resources.files("g60pub.editions").joinpath("static", name).read_text("utf-8")


def book_stylesheet(variant: Variant) -> str:
    """book.css, and for the vertical edition book-vertical.css after it."""
    css = stylesheet("book.css")
    return css + "\n" + stylesheet("book-vertical.css") if variant.vertical else css


@dataclass(frozen=True, slots=True)
class _BookContext:
    info: BookInfo
    chapters: tuple[Chapter, ...]
    terms: tuple[GlossaryEntry, ...]

    def __getattr__(self, name: str) -> object:
        # Templates read book metadata straight off the book (book.title, ...).
        return getattr(self.info, name)

    @property
    def articles(self) -> tuple[ArticleLine, ...]:
        return tuple(ch.line for ch in self.chapters)

    @property
    def version(self) -> str:
        return __version__

    @property
    def accessibility_summary(self) -> str:
        return ACCESSIBILITY_SUMMARY

    @property
    def certifier(self) -> str:
        """Who evaluated the book's accessibility: its publisher, else the tool
        whose checks (EPUBCheck, Ace by DAISY) it was built to pass."""
        return self.info.publisher.text if self.info.publisher else "g60pub"


PAGE_TITLES = {"glossary": "Glossary", "colophon": "Colophon", "imprint": "Imprint"}


def _page(book: _BookContext, kind: str, title: str | None, **lists: Markup) -> str:
    """The cover, title, imprint, glossary or colophon page; the colophon takes
    its ``source_entries``."""
    info = book.info
    catalog = translations(info.variant.ui_locale)
    page_title = title or catalog.gettext(PAGE_TITLES[kind])

    def other_lang(lang: str) -> Markup:
        return Markup(f" {lang_attrs(lang, True)}") if lang != info.lang else Markup("")

    def names(credits: Sequence[Credit]) -> Markup:
        separator = catalog.gettext(", ")
        return Markup(separator).join(
            Markup(f"<span{other_lang(c.name.lang)}>{escape(c.name.text)}</span>") for c in credits
        )

    return render_template(
        "epub_page.xhtml",
        info.variant.ui_locale,
        book=book,
        kind=kind,
        page_title=page_title,
        other_lang=other_lang,
        names=names,
        **lists,
    )


def _glossary(chapters: Sequence[Chapter], variant: Variant) -> tuple[GlossaryEntry, ...]:
    """The terms the book marks, each linked to its first use."""
    first: dict[str, tuple[TermEntry, str]] = {}
    for ch in chapters:
        for term in ch.line.terms:
            if term.id not in first:
                first[term.id] = (term, f"{ch.href}#u-{term.id}")
    return glossary_entries(tuple(first.values()), variant)


def _zip(
    files: Sequence[tuple[str, Entry]],
    when: tuple[int, int, int, int, int, int],
    reuse: Reuse | None,
    spool: Callable[[], BinaryIO | None] | None,
) -> Container:
    # mimetype first and stored (OCF 3.3 §4.2.4); the rest deflated, chapters
    # arriving already deflated by the worker that rendered them.
    entries: list[tuple[str, Entry]] = [("mimetype", pack(b"application/epub+zip", STORED))]
    entries += files
    return container(entries, when, reuse, spool() if spool is not None else None)


# --- the per-chapter lists of the navigation, package and colophon ----------
#
# The templates looped over every chapter with a macro call per entry, and a
# build re-assembles every book after any one article changes: those loops
# were most of the assembly's time. Each chapter's entries are written once,
# by the worker that renders its article (lines.py); here they are joined and
# the templates insert the lists; they keep the frame, headings, landmarks
# and metadata.


_ENTRIES = Markup("\x00entries\x00")
"""Where the table of contents' entries go in its page, until they are packed."""


def _nav_page(book: _BookContext, locale: str) -> Packed:
    """The table of contents: each chapter's entry (lines.py) with its file
    name, packed one by one into the page's frame. A bilingual book of 10,000
    chapters has ~30 MB of entries, which as one text, then a page, then
    UTF-8 took 60 MB at the build's peak."""
    page = render_template("epub_nav.xhtml", locale, book=book, toc_entries=_ENTRIES)
    head, found, tail = page.partition(_ENTRIES)
    assert found and _ENTRIES not in tail, "the table of contents' template places its entries once"
    entries = (ch.line.nav_entry(ch.href) for ch in book.chapters)
    return pack_pieces(itertools.chain((head,), entries, (tail,)))


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


def source_entries(lines: Sequence[ArticleLine]) -> Markup:
    return Markup("".join(line.source for line in lines))


def source_urls(lines: Sequence[ArticleLine]) -> Markup:
    """A ``dc:source`` per distinct source page, in chapter order."""
    links = dict.fromkeys(line.link for line in lines if line.link)
    return Markup("".join(f"\n<dc:source>{escape(link)}</dc:source>" for link in links))
