"""An article as one variant shows it: converted script, English, term marks.

Every renderer (EPUB, HTML, text) reads the same ``ArticleView``, so the
three formats cannot disagree about which text a variant shows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from babel.dates import format_date

from g60pub.chinese import corner_quotes, direction
from g60pub.cjk import CHINESE_RUN, HAN
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
    gloss: str | None = None  # the term in the other language
    gloss_lang: str | None = None  # the language of ``gloss``
    first: bool = False  # first use in the article's running text: the one marked


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
    note: str = ""
    shown: str = ""  # the Chinese as the edition writes it (its script and region)


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


_NUMBER = re.compile(r"\d+")


def sort_key(published: str | None, slug: str) -> tuple[str, str]:
    """Date order (undated articles last), then slug, numbers by their value: a
    book's chapters of one date in their order, ``book-99`` before ``book-100``."""
    return (published or "9999", _NUMBER.sub(lambda m: m.group().zfill(12), slug))


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
    pub: Publication, glossary: Glossary, converter: Converter | None, traditional: bool = False
) -> MarkedChinese:
    """Every block of ``pub`` converted by ``converter`` and marked for terms.

    ``traditional``: the text is shown in Traditional script, so it takes
    corner-bracket quotes even when no conversion is needed (a Traditional
    source in an ``s2t`` edition)."""
    marker = _TermMarker(glossary)
    spans = [marker.chinese(chinese_text(p.block.text, converter, traditional)) for p in pub.pairs]
    firsts = first_uses(spans, _running(pub))

    def shown(term: Term) -> str:
        # A regional converter from Traditional (t2tw) starts from the
        # Traditional form; every other one from the Simplified.
        from_hant = traditional and (converter is None or direction(converter.config) == "t2t")
        return chinese_text(term.zh_hant if from_hant else term.zh, converter, traditional)

    def note(text: str) -> str:
        # A note is English; the Chinese it quotes is in the edition's script.
        return CHINESE_RUN.sub(lambda run: chinese_text(run.group(), converter, traditional), text)

    return MarkedChinese(tuple(firsts), marker.entries(firsts, shown, note))


def chinese_text(text: str, converter: Converter | None, traditional: bool = False) -> str:
    """A Chinese block as an edition shows it: in the edition's script and
    quotation marks, with no space between Han and Latin letters or digits
    (the one spacing rule of the editions: the text carries none, and no
    reading system adds any, so "7月12日" reads alike everywhere)."""
    if converter is not None:
        text = converter.convert(text)
    elif traditional:
        text = corner_quotes(text)
    return _HAN_LATIN_SPACE.sub("", text)


_HAN_LATIN_SPACE = re.compile(
    f"(?<=[{HAN}])[ \u00a0\u2009\u3000]+(?=[A-Za-z0-9])"
    f"|(?<=[A-Za-z0-9%])[ \u00a0\u2009\u3000]+(?=[{HAN}])"
)


def _running(pub: Publication) -> tuple[bool, ...]:
    """Which blocks are running text: paragraphs, not the title or headings."""
    return tuple(i > 0 and p.block.kind == "paragraph" for i, p in enumerate(pub.pairs))


def first_uses(
    blocks: Sequence[tuple[Span, ...]], running: Sequence[bool]
) -> tuple[tuple[Span, ...], ...]:
    """The blocks with each term's first use in running text flagged ``first``.

    Applied after matching, whatever the matcher chose to match: a term is
    marked once per article, where the reader first meets it; titles and
    headings name terms but do not introduce them."""
    seen: set[str] = set()
    out: list[tuple[Span, ...]] = []
    for spans, is_running in zip(blocks, running, strict=True):
        marked: list[Span] = []
        for span in spans:
            first = is_running and span.term is not None and span.term not in seen
            if first and span.term is not None:
                seen.add(span.term)
            marked.append(replace(span, first=first) if first != span.first else span)
        out.append(tuple(marked))
    return tuple(out)


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
        spans = [
            marker.english(str(p.translation), p.block.text)
            if p.translated and p.translation is not None
            else marker.chinese(chinese_text(p.block.text, converter))
            for p in pub.pairs
        ]
        firsts = first_uses(spans, _running(pub))
        for pair, marked in zip(pub.pairs, firsts, strict=True):
            block = pair.block
            if pair.translated and pair.translation is not None:
                views.append(BlockView(block.id, block.kind, None, marked))
            else:
                views.append(BlockView(block.id, block.kind, marked, None, missing=True))
        terms = marker.entries(firsts, lambda term: term.zh)
    else:
        traditional = variant.script == "zh-Hant"
        chinese = chinese or mark_chinese(pub, glossary, converter, traditional)
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
        if value is not None:
            value = chinese_text(value, converter, variant.script == "zh-Hant")
        values[name] = value
    return values, frozenset(chinese)


class _TermMarker:
    """Splits texts into spans at glossary terms (every use; which use is
    marked is :func:`first_uses`' choice), remembering the terms it met."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.seen: dict[str, Term] = {}

    def chinese(self, text: str) -> tuple[Span, ...]:
        return self._mark(text, chinese=True)

    def english(self, text: str, source: str) -> tuple[Span, ...]:
        """``text`` marked where it renders a term of ``source``, its Chinese."""
        return self._mark(text, chinese=False, source=source)

    def _mark(self, text: str, *, chinese: bool, source: str | None = None) -> tuple[Span, ...]:
        spans: list[Span] = []
        last = 0
        # English is marked only where it renders a term its Chinese source
        # holds, and no more often than the source holds it ("innovation" is
        # not 科创 in a heading without 科创).
        found = (
            self.glossary.find(text) if source is None else self.glossary.renderings(text, source)
        )
        for match in found:
            is_chinese = match.form in ("zh", "zh_hant")
            if is_chinese != chinese or (not chinese and match.form not in ENGLISH_FORMS):
                continue
            if match.start > last:
                spans.append(Span(text[last : match.start]))
            term = match.term
            cid = concept_id(term)
            self.seen.setdefault(cid, term)
            gloss, gloss_lang = (term.en, "en") if chinese else (term.zh, "zh-Hans")
            spans.append(Span(text[match.start : match.end], cid, gloss, gloss_lang))
            last = match.end
        if last < len(text):
            spans.append(Span(text[last:]))
        return tuple(spans)

    def entries(
        self,
        blocks: Sequence[tuple[Span, ...]],
        shown: Callable[[Term], str],
        note: Callable[[str], str] = str,
    ) -> tuple[TermEntry, ...]:
        """The terms marked in ``blocks``, in order of first use; ``shown`` gives
        a term's Chinese as the edition writes it, ``note`` its note so."""
        out: list[TermEntry] = []
        for spans in blocks:
            for span in spans:
                if span.first and span.term is not None:
                    t = self.seen[span.term]
                    out.append(TermEntry(span.term, t.zh, t.zh_hant, t.en, note(t.note), shown(t)))
        return tuple(out)
