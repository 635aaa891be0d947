"""An article as one variant shows it: converted script, English, term marks.

Every renderer (EPUB, HTML, text) reads the same ``ArticleView``, so the
three formats cannot disagree about which text a variant shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from babel.dates import format_date
from markupsafe import Markup, escape

from g60pub.editions.variants import Variant
from g60pub.glossary import Glossary, Term
from g60pub.glossary.tbx import concept_id
from g60pub.model import META_FIELDS, BlockKind, Publication
from g60pub.script import Converter

# Term forms worth marking in English text: the approved and accepted renderings.
ENGLISH_FORMS = ("en", "en_alt")


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text; a glossary term when ``term`` (its concept id) is set."""

    text: str
    term: str | None = None
    gloss: str | None = None  # the term in the other language, shown as a tooltip
    first: bool = False  # first use in the article: carries the id the glossary links to


@dataclass(frozen=True, slots=True)
class BlockView:
    """One block as shown: Chinese spans, English spans, or both.

    ``missing`` means English was wanted but the block is untranslated or
    fuzzy, so the Chinese is shown in its place with a marker.
    """

    id: str
    kind: BlockKind
    zh: tuple[Span, ...] | None
    en: tuple[Span, ...] | None
    missing: bool = False

    @property
    def zh_text(self) -> str:
        return "".join(s.text for s in self.zh or ())

    @property
    def en_text(self) -> str:
        return "".join(s.text for s in self.en or ())


@dataclass(frozen=True, slots=True)
class TermEntry:
    """A glossary term a view uses, in the forms the appendix lists."""

    id: str
    zh: str
    zh_hant: str
    en: str


@dataclass(frozen=True, slots=True)
class ArticleView:
    slug: str
    variant: Variant
    title: BlockView
    blocks: tuple[BlockView, ...]
    author: str | None
    source: str | None
    url: str | None
    published: str | None
    date_text: str | None  # ``published`` formatted for the variant's locale
    terms: tuple[TermEntry, ...]  # in order of first use
    via: str | None = None  # a repost note ("转载自…", "Reposted from …")
    # Byline fields an English variant shows in Chinese (no translation yet).
    chinese_meta: frozenset[str] = frozenset()

    def meta_lang(self, name: str) -> str | None:
        """The language tag a byline field needs: the Chinese one when an English
        variant shows it untranslated, else none (it is in the page's language)."""
        return self.variant.zh_tag if name in self.chinese_meta else None

    @property
    def title_text(self) -> str:
        """The title in the variant's primary language (Chinese when untranslated)."""
        if self.variant.script is None and self.title.en:
            return self.title.en_text
        return self.title.zh_text or self.title.en_text

    @property
    def title_lang(self) -> str:
        if self.variant.script is None and self.title.en:
            return "en"
        return self.variant.zh_tag

    @property
    def link(self) -> str | None:
        """The original article's address when it is safe to link (http or https only:
        a ``javascript:`` or ``data:`` URL from a source never reaches an edition)."""
        if self.url and self.url.lower().startswith(("http://", "https://")):
            return self.url
        return None

    @property
    def date_iso(self) -> str | None:
        """``published`` as a valid ``YYYY-MM-DD`` for ``<time datetime>``, if it is one."""
        if not self.published:
            return None
        try:
            return dt.date.fromisoformat(self.published[:10]).isoformat()
        except ValueError:
            return None

    @property
    def headings(self) -> tuple[BlockView, ...]:
        return tuple(b for b in self.blocks if b.kind == "heading")

    @property
    def missing_count(self) -> int:
        return sum(b.missing for b in (self.title, *self.blocks))


def sort_key(published: str | None, slug: str) -> tuple[str, str]:
    """Date order (undated articles last), then slug: chapters in date order."""
    return (published or "9999", slug)


def glossary_order(term: TermEntry, english: bool) -> tuple[str, str]:
    """Glossary appendix order: by English in the English edition, else by the Chinese."""
    return (term.en.casefold() if english else term.zh, term.id)


def format_published(published: str | None, locale: str) -> str | None:
    """``2017年7月18日`` / ``July 18, 2017``; ``None`` when there is no valid date."""
    if not published:
        return None
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return published
    return str(format_date(day, format="long", locale=locale))


@dataclass(frozen=True, slots=True)
class MarkedChinese:
    """An article's Chinese in one script, split at glossary terms: the same
    for every variant that shows that script (zh-Hans and zh-Hans+en)."""

    spans: tuple[tuple[Span, ...], ...]  # per pair, in order
    terms: tuple[TermEntry, ...]


def mark_chinese(
    pub: Publication, glossary: Glossary, converter: Converter | None
) -> MarkedChinese:
    """Every block of ``pub`` converted by ``converter`` and marked for terms."""
    marker = _TermMarker(glossary)
    spans = tuple(
        marker.chinese(converter.convert(p.block.text) if converter else p.block.text)
        for p in pub.pairs
    )
    return MarkedChinese(spans, marker.entries())


def make_view(
    pub: Publication,
    variant: Variant,
    glossary: Glossary,
    converter: Converter | None,
    chinese: MarkedChinese | None = None,
) -> ArticleView:
    """The view of ``pub`` in ``variant``; ``converter`` turns the source script into
    the variant's (``None`` keeps the text as it is). A Chinese variant can be
    given its text already marked (``chinese``, from :func:`mark_chinese` with
    the same converter), as a build does for the two variants of one script."""
    views: list[BlockView] = []
    if variant.script is None:  # the English edition: English, or Chinese where missing
        marker = _TermMarker(glossary)
        for pair in pub.pairs:
            block = pair.block
            if pair.translated and pair.translation is not None:
                en = marker.english(str(pair.translation))
                views.append(BlockView(block.id, block.kind, None, en))
            else:
                text = converter.convert(block.text) if converter else block.text
                zh = marker.chinese(text)
                views.append(BlockView(block.id, block.kind, zh, None, missing=True))
        terms = marker.entries()
    else:
        chinese = chinese or mark_chinese(pub, glossary, converter)
        for pair, zh in zip(pub.pairs, chinese.spans, strict=True):
            block = pair.block
            if not variant.english:
                views.append(BlockView(block.id, block.kind, zh, None))
            elif pair.translated and pair.translation is not None:
                en = (Span(str(pair.translation)),)
                views.append(BlockView(block.id, block.kind, zh, en))
            else:
                views.append(BlockView(block.id, block.kind, zh, None, missing=True))
        terms = chinese.terms
    article = pub.article
    meta, shown_in_chinese = _byline(pub, variant, converter)
    return ArticleView(
        slug=pub.slug,
        variant=variant,
        title=views[0],
        blocks=tuple(views[1:]),
        author=meta["author"],
        source=meta["source"],
        url=article.url,
        published=article.published,
        date_text=format_published(article.published, variant.ui_locale),
        terms=terms,
        via=meta["via"],
        chinese_meta=shown_in_chinese,
    )


def _byline(
    pub: Publication, variant: Variant, converter: Converter | None
) -> tuple[dict[str, str | None], frozenset[str]]:
    """Each byline field as the variant shows it: its translation in an English
    variant, else the Chinese in the variant's script; and the fields an
    English variant shows in Chinese."""
    values: dict[str, str | None] = {}
    chinese: set[str] = set()
    for name in META_FIELDS:
        value: str | None = getattr(pub.article, name)
        if value is not None and variant.script is None:
            translation = pub.meta_translation(name)
            if translation:
                values[name] = translation
                continue
            chinese.add(name)
        if value is not None and converter is not None:
            value = converter.convert(value)
        values[name] = value
    return values, frozenset(chinese)


class _TermMarker:
    """Splits texts into spans at glossary terms, remembering first uses."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.seen: dict[str, Term] = {}

    def chinese(self, text: str) -> tuple[Span, ...]:
        return self._mark(text, chinese=True)

    def english(self, text: str) -> tuple[Span, ...]:
        return self._mark(text, chinese=False)

    def _mark(self, text: str, *, chinese: bool) -> tuple[Span, ...]:
        spans: list[Span] = []
        last = 0
        for match in self.glossary.find(text):
            is_chinese = match.form in ("zh", "zh_hant")
            if is_chinese != chinese or (not chinese and match.form not in ENGLISH_FORMS):
                continue
            if match.start > last:
                spans.append(Span(text[last : match.start]))
            term = match.term
            cid = concept_id(term)
            first = cid not in self.seen
            self.seen.setdefault(cid, term)
            gloss = term.en if chinese else term.zh
            spans.append(Span(text[match.start : match.end], cid, gloss, first))
            last = match.end
        if last < len(text):
            spans.append(Span(text[last:]))
        return tuple(spans)

    def entries(self) -> tuple[TermEntry, ...]:
        return tuple(TermEntry(cid, t.zh, t.zh_hant, t.en) for cid, t in self.seen.items())


def render_spans(spans: Sequence[Span] | None, glossary_href: str) -> Markup:
    """Spans as inline (X)HTML: the first use of a term links to the glossary.

    A term is an ``<abbr title>`` (issue 8): the reader sees the other
    language's form on hover with no script, and screen readers can announce it.

    Plain string building over ``escape`` (markupsafe's C speedups): this runs
    for every block of every variant, and ``Markup.format`` is many times slower.
    """
    out: list[str] = []
    for span in spans or ():
        text = escape(span.text)
        if span.term is None:
            out.append(text)
            continue
        gloss = escape(span.gloss or "")
        if span.first:
            out.append(
                f'<a class="term" id="u-{span.term}" href="{glossary_href}#{span.term}">'
                f'<abbr title="{gloss}">{text}</abbr></a>'
            )
        else:
            out.append(f'<abbr class="term" title="{gloss}">{text}</abbr>')
    return Markup("".join(out))
