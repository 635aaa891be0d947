"""``output/index.html``: every edition to download, with language, size and SHA-256.

Also the readable QA report page. Sizes and language names come from babel
for the page's locale; the words around them from the gettext catalogs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from babel.units import format_unit

from g60pub.editions.i18n import render_template
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
class SiteLink:
    """One variant's HTML site: read online, so a page count and total size, no checksum."""

    href: str
    lang: str
    label: str
    pages: int
    size: str


@dataclass(frozen=True, slots=True)
class DownloadPage:
    title: str
    lang: str
    date_text: str
    article_count: int
    files: tuple[DownloadFile, ...]
    sites: tuple[SiteLink, ...]


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
