"""A g60pub project on disk: which sources it has, where their translations
live, and the glossary its commands use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from g60pub.config import Config
from g60pub.errors import SourceError
from g60pub.glossary import Glossary

SOURCE_SUFFIXES = (".html", ".htm")
# Pages every site writes next to the articles (html/<variant>/<name>.html).
SITE_PAGES = frozenset({"index", "glossary"})
# Index pages after the first: index-2.html, index-3.html ...
_INDEX_PAGE = re.compile(r"index-[0-9]+")
# Device names Windows refuses as file names, with any extension.
_DEVICES = re.compile(r"(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?", re.I)
# Separators, characters Windows or macOS refuse, and control characters.
_UNSAFE = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f]')


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One source page of a project: ``sources/<slug>.html``."""

    slug: str
    html_path: Path

    def po_path(self, lang: str = "en") -> Path:
        """The translation file of this source for ``lang``: ``sources/<slug>.<lang>.po``."""
        return self.html_path.with_name(f"{self.slug}.{lang}.po")


def check_slug(slug: str) -> None:
    """Refuse a slug that cannot safely name ``html/<variant>/<slug>.html``.

    The slug is the source's file name, and it becomes an output file name and
    a link: it must not leave the output directory, take the place of a page
    the build writes itself (also on case-insensitive file systems), or be a
    name some file system refuses. Spaces and Chinese are fine.
    """
    if not slug.strip() or slug.startswith("."):
        raise SourceError("unsafe file name: empty or starting with a dot")
    if _UNSAFE.search(slug):
        raise SourceError("unsafe file name: holds a path separator or a reserved character")
    if slug.casefold() in SITE_PAGES:
        raise SourceError(f"file name clashes with the site's {slug.casefold()} page; rename it")
    if _INDEX_PAGE.fullmatch(slug.casefold()):
        raise SourceError("file name clashes with the site's index pages; rename it")
    if _DEVICES.fullmatch(slug):
        raise SourceError("file name is a reserved device name on Windows; rename it")
    if slug != slug.rstrip(". "):
        raise SourceError("unsafe file name: ends with a dot or a space")


def sources_dir(project_dir: str | Path) -> Path:
    return Path(project_dir) / "sources"


def discover_sources(project_dir: str | Path) -> list[SourceFile]:
    """Every ``sources/*.html`` (and ``*.htm``) of the project, sorted by slug."""
    directory = sources_dir(project_dir)
    if not directory.is_dir():
        return []
    found = [
        SourceFile(path.stem, path)
        for path in directory.iterdir()
        if path.suffix.lower() in SOURCE_SUFFIXES
        and path.is_file()
        and not path.name.startswith(".")
    ]
    return sorted(found, key=lambda s: (s.slug, s.html_path.name))


def load_glossary(project: Path, config: Config) -> Glossary:
    """The project's ``glossary/`` when it has one, else the bundled curated
    glossary; plus any files the configuration names. Every command that
    checks or marks terms uses this one, so they agree with the build."""
    local = project / "glossary"
    paths: list[Path] = []
    if local.is_dir() and any(local.glob("*.csv")):
        paths.append(local)
    paths.extend(project / p for p in config.glossary)
    return Glossary.load(paths) if paths else Glossary.load()
