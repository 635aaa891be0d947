"""What a build will do, decided before anything runs: the articles, each
one's cache key, a key over every input, and the build's one date."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from g60pub.build.cache import cache_key
from g60pub.build.inputs import InputFiles
from g60pub.config import Config
from g60pub.editions.assemble import BuildDate
from g60pub.glossary import Glossary
from g60pub.project import ArticleSource, article_sources
from g60pub.reproducible import source_date_epoch
from g60pub.version import __version__

TARGET_LANG = "en"


@dataclass(frozen=True, slots=True)
class ArticleJob:
    """Everything one article's rendering depends on, besides the glossary."""

    source: ArticleSource
    po_path: Path
    project: Path
    config: Config

    @classmethod
    def for_source(cls, source: ArticleSource, project: Path, config: Config) -> ArticleJob:
        return cls(source, source.po_path(TARGET_LANG), project, config)

    @property
    def slug(self) -> str:
        return self.source.slug

    def relative(self, path: Path) -> str:
        """``path`` as reports show it: relative to the project, never absolute."""
        try:
            return path.relative_to(self.project).as_posix()
        except ValueError:
            return path.name

    def inputs(self, files: InputFiles) -> tuple[bytes | str, str]:
        """What the article is made of (a page's or a document's digest, a
        chapter's own XHTML) and the PO file's digest (empty when there is
        none): cache key parts. Digests come from ``files``, which re-reads
        only files changed since the last build."""
        source = self.source
        if source.chapter is not None or source.refused is not None:
            return source.content(), files.digest(self.po_path)
        return files.digest(source.path), files.digest(self.po_path)


@dataclass(frozen=True, slots=True)
class BuildPlan:
    """The articles to build, each one's cache key, and a key over all inputs."""

    jobs: list[ArticleJob]
    keys: list[str]
    inputs: str  # everything the outputs depend on: equal to the last build's = nothing to do
    date: BuildDate
    # What the reduce's lists are made with besides the articles (the package,
    # configuration and glossary): the salt of editions/site_lists.py.
    salt: str = ""


def plan_build(
    project: Path, config: Config, glossary: Glossary, files: InputFiles | None = None
) -> BuildPlan:
    """The plan; ``files`` knows the digests of the last build's input files
    (by default every file is read)."""
    files = files if files is not None else InputFiles(None)
    sources = article_sources(project)
    jobs = [ArticleJob.for_source(s, project, config) for s in sources]
    shared = (__version__, renderer_digest(), config.cache_key(), glossary.digest())
    # The slug is a part: it is in the rendered pages, and two sources with the
    # same bytes are still two articles.
    keys = [cache_key(*shared, job.slug, *job.inputs(files)) for job in jobs]
    date = build_date(sources, files)  # after the digests: their files are not stat'ed again
    # The whole configuration, not only what articles depend on: the download
    # page's locale changes no article, but it changes the output. The QA
    # report lists the glossary's overrides by file and line: moving a row
    # changes the outputs though not the terms.
    overrides = (str(o) for o in glossary.overrides)
    inputs = cache_key(
        *shared,
        repr(config),
        *overrides,
        date.modified,
        *(f"{j.slug}/{k}" for j, k in zip(jobs, keys, strict=True)),
    )
    return BuildPlan(jobs, keys, inputs, date, cache_key(*shared, repr(config)))


def build_date(sources: Sequence[ArticleSource], files: InputFiles | None = None) -> BuildDate:
    """SOURCE_DATE_EPOCH, else the modification time of the newest source or
    PO file (as ``files`` found it when it digested them)."""
    moment = source_date_epoch()
    if moment is not None:
        return BuildDate(moment)
    files = files if files is not None else InputFiles(None)
    paths = dict.fromkeys(p for s in sources for p in (s.path, s.po_path()))
    newest = max((m for p in paths if (m := files.mtime(p)) is not None), default=0)
    return BuildDate(dt.datetime.fromtimestamp(newest, dt.UTC))


@lru_cache(maxsize=1)
def renderer_digest() -> str:
    """SHA-256 over every file of the installed package: a cache key part, so that
    a changed renderer (code, template, stylesheet, catalog or data file) never
    serves stale cached fragments; the version number alone does not move
    between releases."""
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
        elif not entry.name.endswith((".pyc", ".pyo")):
            out.append((name, entry.read_bytes()))
    return out
