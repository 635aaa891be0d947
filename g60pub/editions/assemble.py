"""The reduce step of a build: articles' fragments -> books, sites, exports, index.

Everything here is assembled in memory as ``{relative path: file}`` so that
the download page can give each file's size and SHA-256 before any of them
is written. Files are :class:`~g60pub.editions.files.FileContent`: a writer
asks each for its bytes and digest, and never needs to know how it is held.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from babel.dates import format_date

from g60pub.config import Config
from g60pub.editions.bookinfo import book_info
from g60pub.editions.cover import CoverText, draw_cover
from g60pub.editions.download import (
    Download,
    DownloadPage,
    SiteLink,
    download_page_name,
    render_download_pages,
    render_qa_report,
)
from g60pub.editions.epub import write_epub
from g60pub.editions.feeds import Book, FeedInfo, opds_catalog
from g60pub.editions.files import FileContent, Joined, PackedArticle, join_parts, join_texts, stored
from g60pub.editions.html import DownloadLink, SiteInfo
from g60pub.editions.ocf import Container, Entry, container, pack
from g60pub.editions.reuse import Reuse
from g60pub.editions.site import shared_files, variant_site
from g60pub.editions.site_lists import SiteLists
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
    downloads: list[Download] = field(default_factory=list)
    sites: list[SiteLink] = field(default_factory=list)
    books: list[Book] = field(default_factory=list)
    editions: int = 0


def assemble_outputs(
    config: Config,
    glossary: Glossary,
    results: Sequence[PackedArticle],
    date: BuildDate,
    reuse: Mapping[str, Reuse] | None = None,
    spool: Spool | None = None,
    lists: SiteLists | None = None,
) -> Outputs:
    """Every output file of the build, keyed by its path relative to the output
    directory. ``reuse`` gives, by path, the books and archives a previous
    build left in place: what is unchanged in them is copied, not read again.
    ``spool`` opens, by path, the file a book or archive is written to as it
    is made: their bytes are made once (see ``ocf.container``). ``lists``
    holds the sites' lists the last build made (site_lists.py): those made
    of the same lines are taken from it, and it is given what is made now."""
    reuse = reuse or {}
    spool = spool or _no_spool
    articles = sorted((r for r in results if r.ok), key=lambda r: r.order)
    variants = make_variants(config.variants, config.traditional_config)
    outputs = Outputs()
    made: dict[str, Outputs] = {}
    # The bilingual variants first: their lines are the largest, and the
    # memory the first variant's lines took is reused by the next ones'
    # (taken last, they raised a 10,000-article build's peak by ~45 MB).
    for variant in sorted(variants, key=lambda v: not v.bilingual):
        formats = [f for f in config.formats if f in variant.formats]
        # Its files go straight into the build's; what it lists, in the order
        # the variants are configured (below).
        mine = made[variant.id] = Outputs(outputs.files, outputs.site_pages)
        if "epub" in formats:
            _epub(mine, config, glossary, variant, articles, date, reuse, spool)
        if "html" in formats:
            _site(mine, config, variant, variants, articles, date, lists)
        if "txt" in formats:
            _text(mine, config, glossary, variant, articles, date, reuse, spool)
    for variant in variants:
        mine = made[variant.id]
        outputs.downloads += mine.downloads
        outputs.sites += mine.sites
        outputs.books += mine.books
        outputs.editions += mine.editions
    for name, data in shared_files(site="html" in config.formats).items():
        outputs.files[name] = stored(data)
        if "html" in config.formats:
            outputs.site_pages[name] = pack(data)
    if "html" in config.formats:
        _site_archive(outputs, config, date, reuse, spool)
    _exports(outputs, config, glossary, results, articles, reuse, spool)
    if outputs.books:
        info = FeedInfo(
            config.name,
            config.title_for(config.download_locale),
            config.download_locale,
            _publisher(config, config.download_locale),
            date.modified,
        )
        outputs.files["opds.xml"] = stored(opds_catalog(info, outputs.books))
    page = DownloadPage(
        title=config.title_for(config.download_locale),
        lang=config.download_locale,
        date_text="",
        article_count=len(articles),
        files=(),
        sites=tuple(outputs.sites),
        opds="opds.xml" if outputs.books else None,
    )
    languages = _ui_languages(config, variants)
    for name, html in render_download_pages(
        page, outputs.downloads, languages, config.title_for, date.text
    ):
        outputs.files[name] = stored(html.encode("utf-8"))
    return outputs


Spool = Callable[[str], BinaryIO | None]
"""Opens a new file for the output at a path (relative to the output
directory) to hold its bytes as they are made; None: no such file."""


def _no_spool(path: str) -> None:
    del path


def _publisher(config: Config, lang: str) -> str:
    """The publisher a feed names in ``lang``; the project's name when none is configured."""
    picked = config.publisher.pick(lang)
    return picked[0] if picked is not None else config.name


def _ui_languages(config: Config, variants: Sequence[Variant]) -> tuple[str, ...]:
    """The languages the download page is written in: the configured one
    first, then the interface language of each variant."""
    return tuple(dict.fromkeys((config.download_locale, *(v.title_lang for v in variants))))


def _add(
    outputs: Outputs,
    path: str,
    data: bytes | Joined | Container,
    languages: tuple[str, ...],
    fmt: str,
    vertical: bool = False,
) -> None:
    """A file to download: written, and listed with its size and SHA-256
    (``fmt`` is a catalog message: each download page says it in its language)."""
    if isinstance(data, Joined | Container):  # made only when written; its digest is known
        outputs.files[path] = data
        size, sha256 = data.size, data.sha256
    else:
        outputs.files[path] = stored(data)
        size, sha256 = len(data), hashlib.sha256(data).hexdigest()
    outputs.downloads.append(Download(path, size, sha256, languages, fmt, vertical))


def _epub(
    outputs: Outputs,
    config: Config,
    glossary: Glossary,
    variant: Variant,
    articles: Sequence[PackedArticle],
    date: BuildDate,
    reuse: Mapping[str, Reuse],
    spool: Spool,
) -> None:
    mine = [r for r in articles if variant.id in r.chapters]
    path = f"epub/{config.name}.{variant.id}.epub"
    info = book_info(config, variant, glossary, date.moment, date.modified, date.zip_time)
    names = info.names(info.creators) if info.creators else info.edition
    cover = CoverText(info.title, info.lang, info.subtitle, names, variant.vertical)
    data = write_epub(
        info,
        # Each article's line, unpacked once for the book (lines.py).
        [r.lines[variant.id] for r in mine],
        [r.chapters[variant.id] for r in mine],
        draw_cover(cover, config.cover_font),
        reuse.get(path),
        lambda: spool(path),
    )
    _add(outputs, path, data, variant.languages, "EPUB", variant.vertical)
    title = info.title if info.subtitle is None else f"{info.title} · {info.subtitle}"
    outputs.books.append(Book(path, info.identifier, title, variant.languages, data.size))
    outputs.editions += 1


def _site(
    outputs: Outputs,
    config: Config,
    variant: Variant,
    variants: Sequence[Variant],
    articles: Sequence[PackedArticle],
    date: BuildDate,
    lists: SiteLists | None,
) -> None:
    title = config.title_for(variant.title_lang)
    page = download_page_name(variant.title_lang, config.download_locale)
    publisher = _publisher(config, variant.title_lang)
    feed = FeedInfo(config.name, title, variant.lang, publisher, date.modified)
    site = variant_site(
        variant,
        variants,
        SiteInfo(title, variant.lang),
        articles,
        DownloadLink(f"../../{page}", variant.title_lang),
        feed,
        lists,
    )
    outputs.files.update(site.files)
    outputs.site_pages.update(site.offline)
    pages = sum(name.endswith(".html") for name in site.files)
    href = f"html/{variant.id}/index.html"
    outputs.sites.append(SiteLink(href, variant.lang, variant.languages, pages, site.size))
    outputs.editions += 1


def _site_archive(
    outputs: Outputs, config: Config, date: BuildDate, reuse: Mapping[str, Reuse], spool: Spool
) -> None:
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
    archive = container(entries, date.zip_time, reuse.get(path), spool(path))
    _add(outputs, path, archive, tuple(tags), "Website (ZIP)")


def _text(
    outputs: Outputs,
    config: Config,
    glossary: Glossary,
    variant: Variant,
    articles: Sequence[PackedArticle],
    date: BuildDate,
    reuse: Mapping[str, Reuse],
    spool: Spool,
) -> None:
    texts = [r.texts[variant.id] for r in articles if variant.id in r.texts]
    path = f"txt/{config.name}.{variant.id}.txt"
    info = book_info(config, variant, glossary, date.moment, date.modified, date.zip_time)
    # The same bytes as write_text_book, never held whole (see Joined).
    head = text_book_header(info.title, book_header(info, len(texts)))
    empty = empty_book_text(variant.ui_locale)
    book = join_texts(
        head.encode("utf-8"),
        texts,
        b"\n\n",
        b"\n",
        empty.encode("utf-8"),
        reuse.get(path),
        spool(path),
    )
    _add(outputs, path, book, variant.languages, "Plain text")
    outputs.editions += 1


def _exports(
    outputs: Outputs,
    config: Config,
    glossary: Glossary,
    results: Sequence[PackedArticle],
    articles: Sequence[PackedArticle],
    reuse: Mapping[str, Reuse],
    spool: Spool,
) -> None:
    both, zh_en = ("zh-Hans", "zh-Hant", "en"), ("zh-Hans", "en")
    _add(outputs, "glossary.tbx", glossary.to_tbx(), both, "Glossary (TBX)")
    # Joined from the articles' units when written, like the text books.
    units = [r.tmx for r in articles if r.tmx is not None]
    path = "translations.tmx"
    parts = tmx_parts((r.source_lang for r in articles), units)
    tmx = join_parts(parts, reuse.get(path), spool(path))
    _add(outputs, path, tmx, zh_en, "Translation memory (TMX)")
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
    _add(outputs, "qa-report.json", _report_json(report), zh_en, "Quality report (JSON)")
    html = render_qa_report(
        config.title_for(config.download_locale),
        config.download_locale,
        findings,
        [str(o) for o in glossary.overrides],
    )
    _add(outputs, "qa-report.html", html.encode("utf-8"), zh_en, "Quality report (HTML)")


def _report_json(report: Mapping[str, object]) -> bytes:
    """``report`` as JSON indented by two, each item of a list on a line of
    its own, written whole (a finding is one line): indented throughout, the
    pure-Python encoder took most of a second for the 18,000 findings of
    10,000 articles; an item at a time, it is the C one's. Made as UTF-8
    pieces joined once: the findings' text is never held twice as ``str``."""
    pieces = [b"{\n"]
    for k, (key, value) in enumerate(report.items()):
        if k:
            pieces.append(b",\n")
        pieces.append(f"  {json.dumps(key, ensure_ascii=False)}: ".encode())
        if isinstance(value, list) and value:
            items = (f"    {json.dumps(item, ensure_ascii=False)}".encode() for item in value)
            pieces += (b"[\n", b",\n".join(items), b"\n  ]")
        else:
            text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            pieces.append(text.encode())
    pieces.append(b"\n}\n")
    return b"".join(pieces)
