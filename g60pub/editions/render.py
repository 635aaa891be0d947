"""The per-article step of a build: one source in, every variant's fragments out.

``render_article`` is a pure function of its job (source bytes, PO bytes,
configuration) and the glossary, and its result pickles: it can run in a
process pool and be cached by content hash.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Generic, TypeVar

from g60pub.config import Config
from g60pub.editions.epub import render_chapter
from g60pub.editions.html import SiteInfo, render_article_page, variant_links
from g60pub.editions.text import render_article_text
from g60pub.editions.variants import Variant, make_variants
from g60pub.editions.view import ArticleView, MarkedChinese, make_view, mark_chinese, sort_key
from g60pub.errors import G60Error
from g60pub.glossary import Glossary
from g60pub.normalize import normalize_file
from g60pub.project import SourceFile, check_slug
from g60pub.script import Converter
from g60pub.translations import QAFinding, check_publication, load_publication
from g60pub.translations.tmx import SOURCE_LANG, tmx_source_lang, tmx_units

TARGET_LANG = "en"


@dataclass(frozen=True, slots=True)
class ArticleJob:
    """Everything one article's rendering depends on, besides the glossary."""

    slug: str
    html_path: Path
    po_path: Path
    project: Path
    config: Config

    @classmethod
    def for_source(cls, source: SourceFile, project: Path, config: Config) -> ArticleJob:
        return cls(source.slug, source.html_path, source.po_path(TARGET_LANG), project, config)

    def relative(self, path: Path) -> str:
        """``path`` as reports show it: relative to the project, never absolute."""
        try:
            return path.relative_to(self.project).as_posix()
        except ValueError:
            return path.name

    def input_bytes(self) -> tuple[bytes, bytes]:
        """The source page's and the PO file's bytes (empty when there is none): cache key parts."""
        html = self.html_path.read_bytes() if self.html_path.is_file() else b""
        po = self.po_path.read_bytes() if self.po_path.is_file() else b""
        return html, po


F = TypeVar("F")


@dataclass(frozen=True, slots=True)
class ArticleOutput(Generic[F]):
    """One article's share of every edition, or the reason it failed.

    ``F`` is how each file is held: the rendered text (:data:`ArticleResult`),
    or packed, in memory or in a cache entry (``packed.PackedArticle``).
    """

    slug: str
    error: str | None = None
    published: str | None = None
    source_lang: str = SOURCE_LANG  # the article's script, for the TMX header
    views: dict[str, ArticleView] = field(default_factory=dict)
    chapters: dict[str, F] = field(default_factory=dict)  # variant -> EPUB XHTML
    pages: dict[str, F] = field(default_factory=dict)  # variant -> HTML page
    texts: dict[str, F] = field(default_factory=dict)  # variant -> plain text
    tmx: F | None = None  # the translated pairs as TMX units; None when there are none
    findings: tuple[QAFinding, ...] = ()
    warnings: tuple[str, ...] = ()

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


def render_article(job: ArticleJob, glossary: Glossary) -> ArticleResult:
    """Normalise, pair with the translation, check, and render every variant and format."""
    html_name = job.relative(job.html_path)
    try:
        check_slug(job.slug)
        article = normalize_file(job.html_path)
        po = job.po_path if job.po_path.is_file() else None
        pub = load_publication(job.slug, article, po, lang=TARGET_LANG)
    except G60Error as err:
        where = job.relative(Path(err.file)) if err.file else html_name
        line = f":{err.line}" if err.line is not None else ""
        return ArticleOutput(job.slug, error=f"{where}{line}: {err.reason}")
    report_file = job.relative(job.po_path) if po is not None else html_name
    findings = tuple(check_publication(pub, glossary, file=report_file))
    warnings = [w.replace(str(job.project) + "/", "") for w in pub.warnings]
    config = job.config
    variants = make_variants(config.variants, config.traditional_config)
    english_ok = pub.translated_ratio >= config.min_translated
    shown = tuple(v for v in variants if english_ok or not v.english)
    left_out = [v.id for v in variants if v not in shown]
    if left_out:
        warnings.append(
            f"{html_name}: {pub.translated_ratio:.0%} translated, below min_translated "
            f"{config.min_translated:.0%}: left out of {', '.join(left_out)}"
        )
    units = tmx_units(pub)
    result: ArticleResult = ArticleOutput(
        job.slug,
        published=article.published,
        source_lang=tmx_source_lang(pub),
        tmx=units.decode("utf-8") if units else None,
        findings=findings,
        warnings=tuple(warnings),
    )
    # zh-Hans and zh-Hans+en (zh-Hant and zh-Hant+en) show the same Chinese:
    # converted and marked for terms once per script, not once per variant.
    marked: dict[str | None, MarkedChinese] = {}
    for variant in shown:
        conversion = _conversion(variant, article.lang)
        converter = None if conversion is None else _cached_converter(conversion, glossary)
        chinese = None
        if variant.script is not None:
            if conversion not in marked:
                marked[conversion] = mark_chinese(pub, glossary, converter)
            chinese = marked[conversion]
        view = make_view(pub, variant, glossary, converter, chinese)
        _render_formats(result, view, config, shown)
    return result


def _render_formats(
    result: ArticleResult, view: ArticleView, config: Config, shown: tuple[Variant, ...]
) -> None:
    variant = view.variant
    # The reduce step needs titles, headings, dates and terms, not the paragraphs:
    # keeping only those makes results several times cheaper to pickle and cache.
    result.views[variant.id] = replace(view, blocks=view.headings)
    if "epub" in config.formats:
        result.chapters[variant.id] = render_chapter(view)
    if "html" in config.formats:
        site = SiteInfo(config.title_for(variant.title_lang), variant.lang)
        result.pages[variant.id] = render_article_page(view, site, variant_links(variant, shown))
    if "txt" in config.formats:
        result.texts[variant.id] = render_article_text(view)


def _conversion(variant: Variant, source_script: str) -> str | None:
    """The OpenCC configuration from the source's script to the variant's, if any."""
    return variant.conversion("zh-Hant" if source_script == "zh-Hant" else "zh-Hans")


@lru_cache(maxsize=1)
def renderer_digest() -> str:
    """SHA-256 over the package's code, templates, stylesheets and catalogs: a cache
    key part, so that a changed renderer never serves stale cached fragments
    (the version number alone does not move between releases)."""
    digest = hashlib.sha256()
    for name, data in sorted(_files(resources.files("g60pub"))):
        digest.update(name.encode("utf-8") + b"\0" + data + b"\0")
    return digest.hexdigest()


def _files(root: Traversable, prefix: str = "") -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    if not root.is_dir():
        return out
    for entry in root.iterdir():
        name = f"{prefix}/{entry.name}"
        if entry.is_dir():
            if entry.name != "__pycache__":
                out.extend(_files(entry, name))
        elif entry.name.endswith((".py", ".j2", ".html", ".xhtml", ".opf", ".css", ".po", ".json")):
            out.append((name, entry.read_bytes()))
    return out


@lru_cache(maxsize=16)
def _cached_converter(config: str, glossary: Glossary) -> Converter:
    # One converter per config and glossary per process: building its automaton
    # costs more than converting an article.
    return Converter(config, glossary)
