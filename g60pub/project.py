"""A g60pub project on disk: which sources it has, the articles they hold,
where their translations live, and the glossary its commands use."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from g60pub.config import Config
from g60pub.errors import SourceError
from g60pub.glossary import Glossary
from g60pub.model import Article
from g60pub.normalize import normalize_file
from g60pub.sources import Chapter, chapter_article, read_book, read_word

SOURCE_SUFFIXES = (".html", ".htm", ".docx", ".epub")
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
    """One file under ``sources/``: a web page, a Word document or an EPUB book."""

    slug: str
    path: Path

    @property
    def kind(self) -> str:
        """``page`` (.html, .htm), ``word`` (.docx) or ``book`` (.epub)."""
        return {".docx": "word", ".epub": "book"}.get(self.path.suffix.lower(), "page")


@dataclass(frozen=True, slots=True)
class ArticleSource:
    """One article of a project and where it comes from: a web page, a Word
    document, or one chapter of an EPUB book (``chapter``).

    ``refused`` says why it is not built (a book that cannot be opened, a
    slug another source gives too); reading it raises that as a SourceError.
    """

    slug: str
    path: Path
    chapter: Chapter | None = None
    refused: str | None = None

    def po_path(self, lang: str = "en") -> Path:
        """The translation file of this article for ``lang``: ``sources/<slug>.<lang>.po``."""
        return self.path.with_name(f"{self.slug}.{lang}.po")

    def content(self) -> bytes:
        """What the article is made of, as a build cache key part: the file's bytes,
        or for a chapter its own XHTML and its book's metadata (not the whole book)."""
        if self.chapter is not None:
            return self.chapter.key()
        data = self.path.read_bytes() if self.path.is_file() else b""
        return data if self.refused is None else self.refused.encode("utf-8") + b"\0" + data

    def read(self) -> Article:
        """The article; :class:`SourceError` naming the file when it cannot be had."""
        if self.refused is not None:
            raise SourceError(self.refused, file=self.path)
        if self.chapter is not None:
            return chapter_article(self.chapter, self.path)
        if self.path.suffix.lower() == ".docx":
            try:
                return read_word(_bytes(self.path), name=self.path.stem)
            except SourceError as err:
                raise err.at(self.path) from None
        return normalize_file(self.path)


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise SourceError(f"cannot read ({err.strerror or err})", file=path) from None


def read_source(path: str | Path) -> list[Article]:
    """Every article one source file holds: one for a web page or a Word
    document, one per chapter (in reading order) for an EPUB book."""
    path = Path(path)
    source = SourceFile(path.stem, path)
    if source.kind != "book":
        return [ArticleSource(source.slug, path).read()]
    return [part.read() for part in _book(source)]


def chapter_slug(slug: str, number: int) -> str:
    """``<slug>-01``, ``<slug>-02`` …: two digits, more only past 99."""
    return f"{slug}-{number:02d}"


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
    """Every ``sources/*.html`` (and ``*.htm``, ``*.docx``, ``*.epub``) of the
    project, sorted by slug."""
    directory = sources_dir(project_dir)
    if not directory.is_dir():
        return []
    # The directory's entries say what each is: no file is stat'ed to find
    # the sources (a build stats each once, when it digests it).
    with os.scandir(directory) as entries:
        found = [
            SourceFile(path.stem, path)
            for entry in entries
            if (path := directory / entry.name).suffix.lower() in SOURCE_SUFFIXES
            and entry.is_file()
            and not entry.name.startswith(".")
        ]
    return sorted(found, key=lambda s: (s.slug, s.path.name))


def article_sources(project_dir: str | Path) -> list[ArticleSource]:
    """Every article of the project, in source order (a book's chapters in
    reading order), each with its slug.

    Sources that would give the same slug (``a.html`` and ``a.htm``, ``a.docx``
    and ``a.html``, ``book.epub``'s first chapter and ``book-01.html``; case
    aside, as on a case-insensitive file system) are all refused, with one
    reason naming every one of them.
    """
    found: list[ArticleSource] = []
    for source in discover_sources(project_dir):
        if source.kind == "book":
            found.extend(_book(source))
        else:
            found.append(ArticleSource(source.slug, source.path))
    return _refuse_clashes(found, Path(project_dir))


def _book(source: SourceFile) -> list[ArticleSource]:
    try:
        check_slug(source.slug)
        chapters = read_book(_bytes(source.path))
    except SourceError as err:
        return [ArticleSource(source.slug, source.path, refused=err.reason)]
    return [
        ArticleSource(chapter_slug(source.slug, c.number), source.path, chapter=c) for c in chapters
    ]


def _refuse_clashes(found: Sequence[ArticleSource], project: Path) -> list[ArticleSource]:
    # An unsafe slug (index, CON …) is refused on its own, with its own reason.
    groups: dict[str, list[ArticleSource]] = {}
    for source in found:
        if _safe(source.slug):
            groups.setdefault(source.slug.casefold(), []).append(source)
    kept: list[ArticleSource] = []
    for source in found:
        group = groups.get(source.slug.casefold(), [source])
        if len(group) == 1:
            kept.append(source)
        elif source is group[0]:
            others = " and ".join(_describe(s, project) for s in group[1:])
            which = f"chapter {source.chapter.number} gives " if source.chapter else ""
            built = "neither is built" if len(group) == 2 else "none of them is built"
            reason = f"{which}the same slug {source.slug!r} as {others}: rename one; {built}"
            kept.append(ArticleSource(source.slug, source.path, refused=reason))
    return kept


def _safe(slug: str) -> bool:
    try:
        check_slug(slug)
    except SourceError:
        return False
    return True


def _describe(source: ArticleSource, project: Path) -> str:
    try:
        name = source.path.relative_to(project).as_posix()
    except ValueError:
        name = source.path.name
    return f"chapter {source.chapter.number} of {name}" if source.chapter else name


def load_glossary(project: Path, config: Config, *, bundled: bool = True) -> Glossary:
    """The glossary of ``project``: the bundled curated termbase, then the
    project's ``glossary/`` files and the files the configuration names, layered
    in that order (a term with the same ``zh`` overrides the one below; see
    ``Glossary.load``). Files are named relative to the project in errors and
    overrides. Every command that checks or marks terms uses this one, so they
    agree with the build."""
    local = project / "glossary"
    paths: list[Path] = [local] if local.is_dir() else []
    paths.extend(project / p for p in config.glossary)
    return Glossary.load(paths, bundled=bundled, relative_to=project)
