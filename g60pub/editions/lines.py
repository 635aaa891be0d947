"""An article as the lists of one variant's book and site show it: its line.

A book's table of contents, package and colophon, and a site's index pages,
glossary, feed and previous/next links each list every article of the
variant, and a build assembles them again whenever any one article changed.
Each article's share of them is written here, once, by the worker that
renders the article, and kept with its other fragments: the assembly joins
stored strings instead of rendering ten thousand entries per list and
variant, and an article's view (its headings' spans, its variant) never
reaches the build process, whose memory follows the lines, not the views.

Entries are written with ``escape`` as markup.py writes blocks; each begins
with the newline the templates' loops put before it.
"""

from __future__ import annotations

import hashlib
import pickle
import zlib
from collections.abc import Iterator, Mapping
from typing import NamedTuple
from urllib.parse import quote

from markupsafe import escape

from g60pub.editions.markup import lang_attrs
from g60pub.editions.view import ArticleView, TermEntry, sort_key

# Between a Chinese heading and its English in a bilingual table of contents.
BILINGUAL_SEPARATOR = " · "


class ArticleLine(NamedTuple):
    """One article's share of one variant's lists (a tuple: tens of thousands
    of them are read back on every build, and a tuple unpickles in one call)."""

    slug: str
    published: str | None
    order: tuple[str, str]  # view.sort_key: date order, then slug
    date_iso: str | None
    title_text: str  # the title in the variant's primary language
    title_lang: str
    author: str | None
    link: str | None  # the original article's address, when safe to link
    terms: tuple[TermEntry, ...]  # in order of first use
    nav: tuple[str, ...]  # the table of contents' entry, cut where the chapter's file name goes
    source: str  # the colophon's line
    index_entry: str  # the site index's line
    pager_href: str  # the page, as a previous/next link's href gives it
    pager_title: str  # the title as a previous/next link shows it, and the link's end

    def nav_entry(self, href: str) -> str:
        """The entry in the book's table of contents of the chapter ``href``."""
        return href.join(self.nav)


class ListedLine(NamedTuple):
    """The part of an article's line a site's lists use: its index pages,
    glossary and previous/next links run over every article of a variant on
    every build, and read only these fields (see :class:`PackedLines`)."""

    slug: str
    published: str | None
    order: tuple[str, str]
    date_iso: str | None
    title_text: str
    title_lang: str
    terms: tuple[TermEntry, ...]
    index_entry: str
    pager_href: str
    pager_title: str


_LISTED = tuple(ArticleLine._fields.index(name) for name in ListedLine._fields)
_REST = tuple(i for i in range(len(ArticleLine._fields)) if i not in _LISTED)
_TERMS = ListedLine._fields.index("terms")


class PackedLines(Mapping[str, ArticleLine]):
    """An article's lines as a build holds them from the map to the reduce.

    Held as objects, the lines were ~17 kB an article (five variants' tables
    of contents in small strings), 166 MB of a 10,000-article build's memory
    through the whole reduce. Here each variant's line is kept as two
    deflated pickles: what a site lists (:class:`ListedLine`, ~250 bytes,
    which a site reads for every article on every build: unpacked in a
    quarter of the time the whole line takes) and the rest (its
    table-of-contents entry, colophon line, author and link, which books and
    feeds read); only its terms are kept as objects: the glossary's entries,
    shared by every article that uses them. Beside them, a digest of the
    listed part (:func:`listed_digest`) and one of its terms, taken once by
    the worker that packed it: a site whose articles' digests are those of
    its last build has the same index pages, previous/next links and
    glossary. A line is
    unpacked when it is looked up; the reduce looks up each variant's lines
    once, and drops them when that variant's books and site are assembled.
    """

    __slots__ = ("_packed",)

    def __init__(
        self, packed: Mapping[str, tuple[tuple[TermEntry, ...], bytes, bytes, bytes, bytes]]
    ) -> None:
        self._packed = dict(packed)

    def __getitem__(self, variant: str) -> ArticleLine:
        fields: list[object] = [None] * len(ArticleLine._fields)
        for i, value in zip(_LISTED, self.listed(variant), strict=True):
            fields[i] = value
        rest = pickle.loads(zlib.decompress(self._packed[variant][2]))
        for i, value in zip(_REST, rest, strict=True):
            fields[i] = value
        return ArticleLine._make(fields)

    def listed(self, variant: str) -> ListedLine:
        """The variant's line as a site lists it, without unpacking the rest."""
        terms, listed, _, _, _ = self._packed[variant]
        fields = pickle.loads(zlib.decompress(listed))
        return ListedLine._make((*fields[:_TERMS], terms, *fields[_TERMS:]))

    def digest(self, variant: str) -> bytes:
        """The digest of the variant's listed part (:func:`listed_digest`), as packed."""
        return self._packed[variant][3]

    def terms(self, variant: str) -> tuple[TermEntry, ...]:
        """The terms of the variant's line, without unpacking anything."""
        return self._packed[variant][0]

    def terms_digest(self, variant: str) -> bytes:
        """The digest of the variant's terms (:func:`terms_digest`), as packed."""
        return self._packed[variant][4]

    def __contains__(self, variant: object) -> bool:
        # Mapping's own would unpickle the line only to find it there.
        return variant in self._packed

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def __reduce__(self) -> tuple[type[PackedLines], tuple[dict[str, object]]]:
        return PackedLines, (dict(self._packed),)


def pack_lines(lines: Mapping[str, ArticleLine]) -> PackedLines:
    """``lines`` as :class:`PackedLines` (as they are when they already are)."""
    if isinstance(lines, PackedLines):
        return lines
    packed = {}
    for variant, line in lines.items():
        part = listed_line(line)
        listed = (*part[:_TERMS], *part[_TERMS + 1 :])  # its terms are kept as objects
        rest = tuple(line[i] for i in _REST)
        packed[variant] = (
            line.terms,
            zlib.compress(pickle.dumps(listed, pickle.HIGHEST_PROTOCOL)),
            zlib.compress(pickle.dumps(rest, pickle.HIGHEST_PROTOCOL)),
            listed_digest(part),
            terms_digest(line.terms),
        )
    return PackedLines(packed)


def listed_line(line: ArticleLine) -> ListedLine:
    """``line``'s part that a site lists."""
    return ListedLine._make(line[i] for i in _LISTED)


def listed_digest(line: ListedLine) -> bytes:
    """A digest of everything in ``line`` but its terms (which only the
    glossary page reads, and compares itself): equal digests, equal lines.
    Taken from the fields' ``repr``, which strings and tuples write the
    same way every time."""
    fields = (*line[:_TERMS], *line[_TERMS + 1 :])
    return hashlib.blake2b(repr(fields).encode("utf-8"), digest_size=16).digest()


def article_line(view: ArticleView) -> ArticleLine:
    """``view``'s line (pure; runs per article, in the worker)."""
    site_lang = view.variant.lang
    lang = f' lang="{escape(view.title_lang)}"' if view.title_lang != site_lang else ""
    return ArticleLine(
        view.slug,
        view.published,
        sort_key(view.published, view.slug),
        view.date_iso,
        view.title_text,
        view.title_lang,
        view.author,
        view.link,
        view.terms,
        _nav(view),
        _source(view),
        _index(view, site_lang),
        f"{escape(quote(view.slug))}.html",
        f"<span{lang}>{escape(view.title_text)}</span></a>\n",
    )


def _english_after(text: str | None) -> str:
    if not text:
        return ""
    return f"{BILINGUAL_SEPARATOR}<span {lang_attrs('en', True)}>{escape(text)}</span>"


def _nav(view: ArticleView) -> tuple[str, ...]:
    """The chapter's table-of-contents entry with its headings as a nested
    list, in pieces to be joined with the chapter's file name (known only
    when the book is assembled: ``ch001.xhtml`` is the first chapter's)."""
    variant = view.variant
    title_en = view.title.en_text if variant.bilingual and view.title.en else None
    pieces = [
        '\n<li><a href="',
        f'"><span {lang_attrs(view.title_lang, True)}>'
        f"{escape(view.title_text)}</span>{_english_after(title_en)}</a>",
    ]
    headings = view.headings
    if headings:
        pieces[-1] += "\n<ol>"
        for block in headings:
            if variant.script is None and not block.missing:
                text, lang, en = block.en_text, "", None
            elif variant.script is None:
                text, lang, en = block.zh_text, f" {lang_attrs(variant.zh_tag, True)}", None
            else:
                text, lang = block.zh_text, ""
                en = block.en_text if variant.english and not block.missing else None
            pieces[-1] += '\n<li><a href="'
            pieces.append(f'#{escape(block.id)}"{lang}>{escape(text)}{_english_after(en)}</a></li>')
        pieces[-1] += "\n</ol>"
    pieces[-1] += "</li>"
    return tuple(pieces)


def _meta_value(name: str, view: ArticleView) -> str:
    """A byline field (``source``) as ``_blocks.j2``'s ``meta_value`` shows it in
    XHTML: tagged with the Chinese language where an English edition shows it
    untranslated."""
    value = escape(getattr(view, name))
    tag = view.meta_lang(name)
    return f"<span {lang_attrs(tag, True)}>{value}</span>" if tag else str(value)


def _source(view: ArticleView) -> str:
    """The article's line in the colophon's sources: title, source, original address."""
    out = [f"\n<li><span {lang_attrs(view.title_lang, True)}>{escape(view.title_text)}</span>"]
    # Full-width brackets and colon after Chinese (GB/T 15834), ASCII after English.
    opening, closing, colon = ("（", "）", "：") if view.variant.script else (" (", ")", ": ")
    if view.source:
        out.append(f"{opening}{_meta_value('source', view)}{closing}")
    link = view.link
    if link:
        link_text = escape(link)
        out.append(f'{colon}<a href="{link_text}">{link_text}</a>')
    out.append("</li>")
    return "".join(out)


def _index(view: ArticleView, site_lang: str) -> str:
    """The article's line in the site's index: its page, title and date."""
    title_lang = view.title_lang
    lang = f' lang="{escape(title_lang)}"' if title_lang != site_lang else ""
    out = [f'\n<li><a href="{escape(quote(view.slug))}.html"{lang}>{escape(view.title_text)}</a>']
    date_iso = view.date_iso
    if date_iso:
        out.append(f' <time datetime="{escape(date_iso)}">{escape(view.date_text)}</time>')
    out.append("</li>")
    return "".join(out)


def listed(lines: Mapping[str, ArticleLine], variant: str) -> ListedLine:
    """An article's line in ``variant`` as a site lists it: only that part
    unpacked when the lines are packed."""
    if isinstance(lines, PackedLines):
        return lines.listed(variant)
    return listed_line(lines[variant])


def line_digest(lines: Mapping[str, ArticleLine], variant: str) -> bytes:
    """The digest of an article's line in ``variant`` as a site lists it
    (:func:`listed_digest`): as packed when the lines are."""
    if isinstance(lines, PackedLines):
        return lines.digest(variant)
    return listed_digest(listed_line(lines[variant]))


def terms_digest(terms: tuple[TermEntry, ...]) -> bytes:
    """A digest of ``terms``, every field of each: equal digests, equal terms."""
    return hashlib.blake2b(repr(terms).encode("utf-8"), digest_size=16).digest()


def line_terms_digest(lines: Mapping[str, ArticleLine], variant: str) -> bytes:
    """The digest of an article's terms in ``variant`` (:func:`terms_digest`):
    as packed when the lines are."""
    if isinstance(lines, PackedLines):
        return lines.terms_digest(variant)
    return terms_digest(lines[variant].terms)


def line_terms(lines: Mapping[str, ArticleLine], variant: str) -> tuple[TermEntry, ...]:
    """The terms of an article's line in ``variant``, unpacking nothing."""
    if isinstance(lines, PackedLines):
        return lines.terms(variant)
    return lines[variant].terms
