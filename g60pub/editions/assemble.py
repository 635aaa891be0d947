"""The reduce step of a build: articles' fragments -> books, sites, exports, index.

Everything here is assembled in memory as ``{relative path: file}`` so that
the download page can give each file's size and SHA-256 before any of them
is written. Files are :class:`~g60pub.editions.files.FileContent`: a writer
asks each for its bytes and digest, and never needs to know how it is held.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from babel.dates import format_date

from g60pub.config import Config
from g60pub.editions.bookinfo import book_info
from g60pub.editions.cover import CoverText, draw_cover
from g60pub.editions.download import (
    DownloadFile,
    DownloadPage,
    SiteLink,
    describe_digest,
    describe_file,
    format_size,
    page_locale,
    render_download_page,
    render_qa_report,
)
from g60pub.editions.epub import write_epub
from g60pub.editions.files import FileContent, Joined, PackedArticle, join_parts, join_texts, stored
from g60pub.editions.html import (
    SiteInfo,
    render_glossary_page,
    render_index_page,
    site_script,
    site_stylesheet,
)
from g60pub.editions.i18n import language_name, translations, variant_label
from g60pub.editions.ocf import Entry, pack, write_container
from g60pub.editions.text import book_header, empty_book_text, text_book_header
from g60pub.editions.variants import Variant, make_variants
from g60pub.glossary import Glossary
from g60pub.translations.tmx import tmx_parts

ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)  # the earliest time a zip entry can carry


@dataclass(frozen=True, slots=True)
class BuildDate:
    """The build's one timestamp: SOURCE_DATE_EPOCH, else the newest source's mtime."""

    moment: dt.datetime  # UTC

    @property
    def iso(self) -> str:
        return self.moment.date().isoformat()

    @property
    def modified(self) -> str:
        return self.moment.strftime("%Y-%m-%dT%H:%M:%SZ")

    @property
    def zip_time(self) -> tuple[int, int, int, int, int, int]:
        m = max(self.moment, ZIP_EPOCH)
        return (m.year, m.month, m.day, m.hour, m.minute, m.second)

    def text(self, locale: str) -> str:
        return str(format_date(self.moment.date(), format="long", locale=locale))


@dataclass(slots=True)
class Outputs:
    # Article pages stay packed until they are written, one at a time.
    files: dict[str, FileContent] = field(default_factory=dict)
    # The site's pages as the offline ZIP stores them (deflated), by path.
    site_pages: dict[str, Entry] = field(default_factory=dict)
    downloads: list[DownloadFile] = field(default_factory=list)
    sites: list[SiteLink] = field(default_factory=list)
    editions: int = 0


def assemble_outputs(
    config: Config,
    glossary: Glossary,
    results: Sequence[PackedArticle],
    date: BuildDate,
) -> Outputs:
    """Every output file of the build, keyed by its path relative to the output directory."""
    articles = sorted((r for r in results if r.ok), key=lambda r: r.order)
    locale = page_locale(config.download_locale)
    outputs = Outputs()
    for variant in make_variants(config.variants, config.traditional_config):
        formats = [f for f in config.formats if f in variant.formats]
        if "epub" in formats:
            _epub(outputs, config, glossary, variant, articles, date, locale)
        if "html" in formats:
            _site(outputs, config, variant, articles, locale)
        if "txt" in formats:
            _text(outputs, config, glossary, variant, articles, date, locale)
    # The download page and the QA report use the site's stylesheet too.
    style = site_stylesheet().encode("utf-8")
    outputs.files["html/style.css"] = stored(style)
    if "html" in config.formats:
        outputs.site_pages["html/style.css"] = pack(style)
        marks = site_script().encode("utf-8")
        outputs.files["html/marks.js"] = stored(marks)
        outputs.site_pages["html/marks.js"] = pack(marks)
        _site_archive(outputs, config, date, locale)
    _exports(outputs, config, glossary, results, articles, locale)
    page = DownloadPage(
        title=config.title_for(config.download_locale),
        lang=config.download_locale,
        date_text=date.text(locale),
        article_count=len(articles),
        files=tuple(outputs.downloads),
        sites=tuple(outputs.sites),
    )
    outputs.files["index.html"] = stored(render_download_page(page).encode("utf-8"))
    return outputs


def _add(
    outputs: Outputs, path: str, data: bytes | Joined, language: str, fmt: str, locale: str
) -> None:
    """A file to download: written, and listed with its size and SHA-256."""
    if isinstance(data, Joined):  # joined only when written; its digest is known
        outputs.files[path] = data
        row = describe_digest(path, data.size, data.sha256, language, fmt, locale)
    else:
        outputs.files[path] = stored(data)
        row = describe_file(path, data, language, fmt, locale)
    outputs.downloads.append(row)


def _epub(
    outputs: Outputs,
    config: Config,
    glossary: Glossary,
    variant: Variant,
    articles: Sequence[PackedArticle],
    date: BuildDate,
    locale: str,
) -> None:
    mine = [r for r in articles if variant.id in r.chapters]
    info = book_info(config, variant, glossary, date.moment, date.modified, date.zip_time)
    names = info.names(info.creators) if info.creators else info.edition
    cover = CoverText(info.title, info.lang, info.subtitle, names, variant.vertical)
    data = write_epub(
        info,
        [r.views[variant.id] for r in mine],
        [r.chapters[variant.id] for r in mine],
        draw_cover(cover, config.cover_font),
    )
    _add(
        outputs,
        f"epub/{config.name}.{variant.id}.epub",
        data,
        variant_label(variant, locale),
        "EPUB",
        locale,
    )
    outputs.editions += 1


def _site(
    outputs: Outputs,
    config: Config,
    variant: Variant,
    articles: Sequence[PackedArticle],
    locale: str,
) -> None:
    mine = [r for r in articles if variant.id in r.pages]
    site = SiteInfo(config.title_for(variant.title_lang), variant.lang)
    base = f"html/{variant.id}"
    views = [r.views[variant.id] for r in mine]
    for result in mine:
        page = result.pages[variant.id]
        outputs.files[f"{base}/{result.slug}.html"] = page
        outputs.site_pages[f"{base}/{result.slug}.html"] = page
    lists = {
        f"{base}/index.html": render_index_page(variant, site, views).encode("utf-8"),
        f"{base}/glossary.html": render_glossary_page(variant, site, views).encode("utf-8"),
    }
    for name, data in lists.items():
        outputs.files[name] = stored(data)
        outputs.site_pages[name] = pack(data)
    pages = [data for name, data in outputs.files.items() if name.startswith(f"{base}/")]
    size = format_size(sum(p.size for p in pages), locale)
    label = variant_label(variant, locale)
    outputs.sites.append(SiteLink(f"{base}/index.html", variant.lang, label, len(pages), size))
    outputs.editions += 1


def _site_archive(outputs: Outputs, config: Config, date: BuildDate, locale: str) -> None:
    """Every variant's site in one ZIP, to read offline: a site's pages link to
    the other variants' pages, so one variant's pages alone would have broken
    links. Pages go in as the workers deflated them (no second compression);
    everything sits under one folder named after the project."""
    entries = [
        (f"{config.name}/{name.removeprefix('html/')}", outputs.site_pages[name])
        for name in sorted(outputs.site_pages)
    ]
    path = f"html/{config.name}.html.zip"
    tags = dict.fromkeys(
        tag
        for v in make_variants(config.variants, config.traditional_config)
        for tag in v.languages
    )
    languages = " + ".join(language_name(tag, locale) for tag in tags)
    fmt = translations(locale).gettext("Website (ZIP)")
    _add(outputs, path, write_container(entries, date.zip_time), languages, fmt, locale)


def _text(
    outputs: Outputs,
    config: Config,
    glossary: Glossary,
    variant: Variant,
    articles: Sequence[PackedArticle],
    date: BuildDate,
    locale: str,
) -> None:
    texts = [r.texts[variant.id] for r in articles if variant.id in r.texts]
    info = book_info(config, variant, glossary, date.moment, date.modified, date.zip_time)
    # The same bytes as write_text_book, never held whole (see Joined).
    head = text_book_header(info.title, book_header(info, len(texts)))
    empty = empty_book_text(variant.ui_locale)
    book = join_texts(head.encode("utf-8"), texts, b"\n\n", b"\n", empty.encode("utf-8"))
    path = f"txt/{config.name}.{variant.id}.txt"
    fmt = translations(locale).gettext("Plain text")
    language = variant_label(variant, locale)
    _add(outputs, path, book, language, fmt, locale)
    outputs.editions += 1


def _exports(
    outputs: Outputs,
    config: Config,
    glossary: Glossary,
    results: Sequence[PackedArticle],
    articles: Sequence[PackedArticle],
    locale: str,
) -> None:
    _ = translations(locale).gettext
    both = " + ".join(
        variant_label(v, locale) for v in make_variants(("zh-Hans", "zh-Hant", "en"), "s2t")
    )
    zh_en = variant_label(make_variants(("zh-Hans+en",), "s2t")[0], locale)
    _add(outputs, "glossary.tbx", glossary.to_tbx(), both, _("Glossary (TBX)"), locale)
    # Joined from the articles' units when written, like the text books.
    units = [r.tmx for r in articles if r.tmx is not None]
    tmx = join_parts(tmx_parts((r.source_lang for r in articles), units))
    _add(outputs, "translations.tmx", tmx, zh_en, _("Translation memory (TMX)"), locale)
    findings = [f for r in articles for f in r.findings]
    report = {
        "generator": "g60pub",
        "articles": [r.slug for r in articles],
        "failed": [e for r in results for e in (r.error, *r.failures) if e],
        "warnings": [w for r in articles for w in r.warnings],
        "summary": {
            "errors": sum(f.counts_as_error for f in findings),
            "warnings": sum(f.severity != "error" and not f.accepted for f in findings),
            "accepted": sum(f.accepted for f in findings),
        },
        "findings": [f.to_json() for f in findings],
        "glossary_overrides": [o.to_json() for o in glossary.overrides],
    }
    data = (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    _add(outputs, "qa-report.json", data, zh_en, _("Quality report (JSON)"), locale)
    html = render_qa_report(
        config.title_for(config.download_locale),
        config.download_locale,
        findings,
        [str(o) for o in glossary.overrides],
    )
    _add(outputs, "qa-report.html", html.encode("utf-8"), zh_en, _("Quality report (HTML)"), locale)
