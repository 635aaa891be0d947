"""The per-article step of a build: one source in, its share of every edition out.

Read the article (a page or a chapter through the normaliser, a Word
document through its reader), pair it with its translation, check the
pairs, render every variant: a pure function of the job and the glossary, so it runs in a
process pool and its result is cached by content.

A broken translation file breaks only what depends on it: the article is
left out of the English and bilingual editions, the Chinese ones still carry
it, and the error (file:line) fails the build.
"""

from __future__ import annotations

import warnings
from dataclasses import replace
from pathlib import Path

from g60pub.build.plan import TARGET_LANG, ArticleJob
from g60pub.editions.render import (
    ArticleOutput,
    ArticleResult,
    render_publication,
    variants_shown,
)
from g60pub.editions.variants import make_variants
from g60pub.errors import G60Error, TranslationFileError
from g60pub.glossary import Glossary
from g60pub.normalize import DecodeWarning
from g60pub.project import check_slug
from g60pub.translations import check_publication, load_publication
from g60pub.translations.tmx import tmx_source_lang, tmx_units


def render_article(job: ArticleJob, glossary: Glossary) -> ArticleResult:
    """Read, pair with the translation, check, and render every variant and format."""
    source_name = job.relative(job.source.path)
    if job.source.chapter is not None:
        source_name += f" (chapter {job.source.chapter.number})"
    try:
        check_slug(job.slug)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", DecodeWarning)
            article = job.source.read()
    except G60Error as err:
        return ArticleOutput(job.slug, error=_located(job, err, source_name))
    po = job.po_path if job.po_path.is_file() else None
    failures: list[str] = []
    try:
        pub = load_publication(job.slug, article, po, lang=TARGET_LANG)
    except TranslationFileError as err:
        pub = load_publication(job.slug, article, None, lang=TARGET_LANG)
        failures.append(
            f"{_located(job, err, source_name)}; "
            "the article is left out of the English and bilingual editions"
        )
    # A chapter is named by its PO file, there or to be made: "sources/book.epub"
    # would not say which chapter.
    named_by_po = po is not None or job.source.chapter is not None
    report_file = job.relative(job.po_path) if named_by_po else source_name
    findings = () if failures else tuple(check_publication(pub, glossary, file=report_file))
    notes = [str(w.message) for w in caught if issubclass(w.category, DecodeWarning)]
    notes += pub.warnings
    said = [w.replace(str(job.project) + "/", "") for w in notes]
    config = job.config
    shown = variants_shown(pub, config, english=not failures)
    left_out = [
        v.id for v in make_variants(config.variants, config.traditional_config) if v not in shown
    ]
    if left_out and not failures:
        said.append(
            f"{source_name}: {pub.translated_ratio:.0%} translated, below min_translated "
            f"{config.min_translated:.0%}: left out of {', '.join(left_out)}"
        )
    units = tmx_units(pub)
    return replace(
        render_publication(pub, config, glossary, shown),
        source_lang=tmx_source_lang(pub),
        tmx=units.decode("utf-8") if units else None,
        findings=findings,
        warnings=tuple(said),
        failures=tuple(failures),
    )


def _located(job: ArticleJob, err: G60Error, fallback: str) -> str:
    """``file:line: reason`` with the file relative to the project."""
    where = job.relative(Path(err.file)) if err.file else fallback
    line = f":{err.line}" if err.line is not None else ""
    return f"{where}{line}: {err.reason}"
