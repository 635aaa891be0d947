"""One article rendered for every variant and format: a publication in, fragments out.

``render_publication`` is a pure function of the publication, the
configuration and the glossary, and its result pickles: a build runs it in
a process pool and caches it by content hash (the build knows how; this
module does not).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Generic, TypeVar

from g60pub.config import Config
from g60pub.editions.epub import render_chapter
from g60pub.editions.html import SiteInfo, render_article_page, variant_links
from g60pub.editions.lines import ArticleLine, article_line
from g60pub.editions.text import render_article_text
from g60pub.editions.variants import Variant, make_variants
from g60pub.editions.view import ArticleView, MarkedChinese, make_view, mark_chinese, sort_key
from g60pub.glossary import Glossary
from g60pub.model import Publication
from g60pub.script import Converter
from g60pub.translations import QAFinding
from g60pub.translations.tmx import SOURCE_LANG

F = TypeVar("F")


@dataclass(frozen=True, slots=True)
class ArticleOutput(Generic[F]):
    """One article's share of every edition, or the reason it failed.

    ``F`` is how each file is held: the rendered text (:data:`ArticleResult`),
    or packed (``files.PackedArticle``), in memory or wherever a build keeps them.
    """

    slug: str
    error: str | None = None
    published: str | None = None
    source_lang: str = SOURCE_LANG  # the article's script, for the TMX header
    lines: Mapping[str, ArticleLine] = field(default_factory=dict)  # variant -> its lists' share
    chapters: dict[str, F] = field(default_factory=dict)  # variant -> EPUB XHTML
    pages: dict[str, F] = field(default_factory=dict)  # variant -> HTML page's head (html.py)
    texts: dict[str, F] = field(default_factory=dict)  # variant -> plain text
    tmx: F | None = None  # the translated pairs as TMX units; None when there are none
    findings: tuple[QAFinding, ...] = ()
    warnings: tuple[str, ...] = ()
    # Errors that left the article out of some editions only (a malformed
    # translation file): the build fails, the Chinese editions still carry it.
    failures: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def order(self) -> tuple[str, str]:
        return sort_key(self.published, self.slug)


ArticleResult = ArticleOutput[str]
# Build an ArticleOutput by calling the class, not an alias such as this one:
# calling a generic alias sets ``__orig_class__``, which a frozen slotted
# dataclass refuses.


def variants_shown(
    pub: Publication, config: Config, *, english: bool = True
) -> tuple[Variant, ...]:
    """The configured variants that show ``pub``: the English ones only when
    enough of it is translated (``min_translated``) and ``english`` allows it."""
    variants = make_variants(config.variants, config.traditional_config)
    english_ok = english and pub.translated_ratio >= config.min_translated
    return tuple(v for v in variants if english_ok or not v.english)


def render_publication(
    pub: Publication, config: Config, glossary: Glossary, shown: Sequence[Variant]
) -> ArticleResult:
    """``pub`` in every variant of ``shown`` and every configured format."""
    article = pub.article
    lines: dict[str, ArticleLine] = {}
    result: ArticleResult = ArticleOutput(pub.slug, published=article.published, lines=lines)
    # zh-Hans and zh-Hans+en (zh-Hant and zh-Hant+en) show the same Chinese:
    # converted and marked for terms once per script, not once per variant.
    marked: dict[str | None, MarkedChinese] = {}
    for variant in shown:
        conversion = _conversion(variant, article.lang)
        converter = None if conversion is None else _cached_converter(conversion, glossary)
        chinese = None
        if variant.script is not None:
            if conversion not in marked:
                traditional = variant.script == "zh-Hant"
                marked[conversion] = mark_chinese(pub, glossary, converter, traditional)
            chinese = marked[conversion]
        view = make_view(pub, variant, glossary, converter, chinese)
        # The reduce step needs the article's entries in the lists, not its view:
        # written here, once, they are cheap to pickle, cache and join (lines.py).
        lines[variant.id] = article_line(view)
        _render_formats(result, view, config, tuple(shown))
    return result


def _render_formats(
    result: ArticleResult, view: ArticleView, config: Config, shown: tuple[Variant, ...]
) -> None:
    variant = view.variant
    formats = [f for f in config.formats if f in variant.formats]
    if "epub" in formats:
        result.chapters[variant.id] = render_chapter(view)
    if "html" in formats:
        site = SiteInfo(config.title_for(variant.title_lang), variant.lang)
        result.pages[variant.id] = render_article_page(view, site, variant_links(variant, shown))
    if "txt" in formats:
        result.texts[variant.id] = render_article_text(view)


def _conversion(variant: Variant, source_script: str) -> str | None:
    """The OpenCC configuration from the source's script to the variant's, if any."""
    return variant.conversion("zh-Hant" if source_script == "zh-Hant" else "zh-Hans")


@lru_cache(maxsize=16)
def _cached_converter(config: str, glossary: Glossary) -> Converter:
    # One converter per config and glossary per process: building its automaton
    # costs more than converting an article.
    return Converter(config, glossary)
