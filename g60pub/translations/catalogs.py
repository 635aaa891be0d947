"""A project's translation files as a whole: update them all, report
coverage, load every publication, check them.

Every article of the project counts: a web page, a Word document, each
chapter of an EPUB book. Sources that cannot be read are reported and
skipped, so that one bad page does not stop the others (docs/contracts.md,
"Bad input").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from g60pub.errors import G60Error
from g60pub.glossary import Glossary
from g60pub.model import Publication
from g60pub.project import ArticleSource, article_sources
from g60pub.translations.publication import load_publication
from g60pub.translations.qa import QAFinding, check_publication
from g60pub.translations.store import UpdateResult, update_po


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of one article is translated."""

    slug: str
    total: int
    translated: int
    fuzzy: int
    untranslated: int

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class ProjectRun:
    """Results per source plus the errors of sources that could not be read."""

    updates: list[UpdateResult] = field(default_factory=list)
    publications: list[Publication] = field(default_factory=list)
    errors: list[G60Error] = field(default_factory=list)


def update_project(
    project_dir: str | Path, lang: str = "en", glossary: Glossary | None = None
) -> ProjectRun:
    """Create or merge ``sources/<slug>.<lang>.po`` for every article."""
    run = ProjectRun()
    project_dir = Path(project_dir)
    for source in article_sources(project_dir):
        try:
            article = source.read()
            result = update_po(
                article,
                source.po_path(lang),
                source_ref=_relative(source.path, project_dir),
                lang=lang,
                glossary=glossary,
                slug=source.slug,
            )
        except G60Error as err:
            run.errors.append(err.at(source.path))
            continue
        run.updates.append(result)
    return run


def load_project(project_dir: str | Path, lang: str = "en") -> ProjectRun:
    """Every article's Publication for ``lang``."""
    run = ProjectRun()
    for source in article_sources(project_dir):
        try:
            run.publications.append(load_source(source, lang))
        except G60Error as err:
            run.errors.append(err.at(source.path))
    return run


def load_source(source: ArticleSource, lang: str = "en") -> Publication:
    return load_publication(source.slug, source.read(), source.po_path(lang), lang)


def coverage(pub: Publication) -> Coverage:
    total = len(pub.pairs)
    fuzzy = sum(1 for p in pub.pairs if p.translation and p.fuzzy)
    translated = sum(1 for p in pub.pairs if p.translated)
    return Coverage(pub.slug, total, translated, fuzzy, total - translated - fuzzy)


def check_project(
    project_dir: str | Path, glossary: Glossary | None, lang: str = "en"
) -> tuple[list[QAFinding], list[G60Error]]:
    """QA findings for every article, files named relative to the project."""
    project_dir = Path(project_dir)
    run = load_project(project_dir, lang)
    findings: list[QAFinding] = []
    for pub in run.publications:
        po = Path(pub.source_path) if pub.source_path else project_dir
        findings.extend(check_publication(pub, glossary, file=_relative(po, project_dir)))
    return findings, run.errors


def _relative(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
