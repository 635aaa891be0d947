"""``output/index.html``: every edition to download, with language, size and SHA-256.

The page is written in the configured language (``index.html``) and in the
interface language of each variant (``index.<lang>.html``), which that
variant's site links. Also the readable QA report page. Sizes and language
names come from babel for the page's locale; the words around them from the
gettext catalogs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from babel.units import format_unit

from g60pub.editions.i18n import language_name, languages_label, render_template, translations
from g60pub.editions.variants import LOCALES

MEDIA_TYPES = {
    "epub": "application/epub+zip",
    "txt": "text/plain",
    "html": "text/html",
    "tbx": "application/x-tbx+xml",
    "tmx": "application/x-tmx+xml",
    "json": "application/json",
    "zip": "application/zip",
}


@dataclass(frozen=True, slots=True)
class DownloadFile:
    href: str  # relative to output/
    name: str
    language: str
    format: str
    size: str
    sha256: str
    media_type: str


@dataclass(frozen=True, slots=True)
class Download:
    """A file to download, before a page describes it in its language."""

    path: str  # relative to output/
    size: int
    sha256: str  # hex
    languages: tuple[str, ...]  # BCP 47 tags of its content
    format: str  # a catalog message ("Plain text"), said in each page's language
    vertical: bool = False  # a book set in vertical columns


@dataclass(frozen=True, slots=True)
class SiteLink:
    """One variant's HTML site: read online, so a page count and total size, no checksum."""

    href: str
    lang: str
    languages: tuple[str, ...]
    pages: int
    size: int


@dataclass(frozen=True, slots=True)
class SiteRow:
    """A :class:`SiteLink` in one page's language."""

    href: str
    lang: str
    label: str
    pages: int
    size: str


@dataclass(frozen=True, slots=True)
class PageLink:
    """The download page in another language, named in that language."""

    href: str
    lang: str
    label: str


@dataclass(frozen=True, slots=True)
class DownloadPage:
    title: str
    lang: str
    date_text: str
    article_count: int
    files: tuple[DownloadFile, ...]
    sites: tuple[SiteLink | SiteRow, ...]
    opds: str | None = None  # the EPUB catalog, for e-reader apps
    others: tuple[PageLink, ...] = ()


def download_page_name(lang: str, default: str) -> str:
    """``index.html`` in the configured language, ``index.<lang>.html`` in another."""
    return "index.html" if lang == default else f"index.{lang}.html"


def render_download_pages(
    page: DownloadPage,
    downloads: Sequence[Download],
    languages: Sequence[str],
    title_for: Callable[[str], str],
    date_text: Callable[[str], str],
) -> list[tuple[str, str]]:
    """The download page in each of ``languages`` (the first is ``index.html``),
    as ``(file name, HTML)``."""
    names = {lang: download_page_name(lang, languages[0]) for lang in languages}
    pages = []
    for lang in languages:
        locale = page_locale(lang)
        _ = translations(locale).gettext
        rows = tuple(
            describe_digest(
                d.path,
                d.size,
                d.sha256,
                languages_label(d.languages, locale, d.vertical),
                _(d.format),
                locale,
            )
            for d in downloads
        )
        sites = tuple(
            SiteRow(
                s.href,
                s.lang,
                languages_label(s.languages, locale),
                s.pages,
                format_size(s.size, locale),
            )
            for s in page.sites
            if isinstance(s, SiteLink)
        )
        others = tuple(
            PageLink(names[other], other, language_name(other, page_locale(other)))
            for other in languages
            if other != lang
        )
        localised = replace(
            page,
            title=title_for(lang),
            lang=lang,
            date_text=date_text(locale),
            files=rows,
            sites=sites,
            others=others,
        )
        pages.append((names[lang], render_download_page(localised)))
    return pages


def describe_file(href: str, data: bytes, language: str, fmt: str, locale: str) -> DownloadFile:
    """One row of the download table, for a file about to be written."""
    return describe_digest(href, len(data), hashlib.sha256(data).hexdigest(), language, fmt, locale)


def describe_digest(
    href: str, size: int, sha256: str, language: str, fmt: str, locale: str
) -> DownloadFile:
    """One row of the download table, from the file's size and SHA-256 (hex)."""
    name = href.rsplit("/", 1)[-1]
    extension = name.rsplit(".", 1)[-1]
    return DownloadFile(
        href=href,
        name=name,
        language=language,
        format=fmt,
        size=format_size(size, locale),
        sha256=sha256,
        media_type=MEDIA_TYPES.get(extension, "application/octet-stream"),
    )


def format_size(size: int, locale: str) -> str:
    """``12.3 kB`` in the locale's number format (decimal units, as file managers show)."""
    if size < 1_000_000:
        return str(format_unit(size / 1000, "digital-kilobyte", "short", "#,##0.0", locale))
    return str(format_unit(size / 1_000_000, "digital-megabyte", "short", "#,##0.0", locale))


def page_locale(lang: str) -> str:
    return LOCALES.get(lang, "en")


def render_download_page(page: DownloadPage) -> str:
    return render_template("download.html", page_locale(page.lang), page=page)


@dataclass(frozen=True, slots=True)
class QAReportPage:
    title: str
    lang: str
    findings: tuple[Any, ...]
    overrides: tuple[str, ...] = ()  # glossary rows that override or remove a lower term

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" and not f.accepted for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity != "error" and not f.accepted for f in self.findings)

    @property
    def accepted(self) -> int:
        """Findings the translator accepted in the PO file: listed, not counted."""
        return sum(bool(f.accepted) for f in self.findings)


def render_qa_report(
    title: str, lang: str, findings: Sequence[Any], overrides: Sequence[str] = ()
) -> str:
    page = QAReportPage(title, lang, tuple(findings), tuple(overrides))
    return render_template("qa_report.html", page_locale(lang), page=page)
