"""``g60pub build``: sources + glossary -> every edition in the output directory.

The build reads as its steps::

    config -> glossary -> plan (articles, keys, date)
    -> nothing to do? (same inputs, outputs untouched: stop)
    -> map: per article, normalise + publication + QA + render
       (build/article.py, in a pool, from the cache where unchanged)
    -> reduce: books, sites, indexes and exports (editions/assemble.py)
    -> write every file atomically -> record the build -> summary

Each step is a module of this package: ``plan``, ``article``, ``workers``
(the map), ``cache`` (the articles on disk), ``write`` and ``record``
(the last build). The editions know nothing of the cache: they take
articles whose files they read through ``FileContent``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from g60pub.atomic import lock_directory
from g60pub.build.cache import BuildCache
from g60pub.build.plan import BuildPlan, plan_build
from g60pub.build.record import (
    LastBuild,
    file_stamps,
    outputs_intact,
    read_last_build,
    untouched_digests,
    write_last_build,
)
from g60pub.build.report import BuildReport, Stages, progress_bar
from g60pub.build.workers import map_articles, without_cyclic_gc
from g60pub.build.write import MANIFEST, write_outputs
from g60pub.config import load_config
from g60pub.editions.assemble import assemble_outputs
from g60pub.project import load_glossary

Progress = Callable[[int, int], None]
QA_REPORT = "qa-report.html"


@dataclass(frozen=True, slots=True)
class BuildOptions:
    project: Path
    out: Path
    variants: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    jobs: int = 1
    force: bool = False
    use_cache: bool = True


def build(options: BuildOptions, progress: Progress | None = None) -> BuildReport:
    """Run a whole build; raises ``ConfigError``/``GlossaryError`` before touching output."""
    report = BuildReport()
    stage = Stages(report)
    config = load_config(options.project, variants=options.variants, formats=options.formats)
    stage("config")
    glossary = load_glossary(options.project, config)
    stage("glossary")
    # One build at a time into an output directory: a second waits, then
    # finds the first's outputs (usually nothing left to do). Without it the
    # two would prune each other's cache entries and interleave the outputs.
    with lock_directory(options.out), without_cyclic_gc():
        plan = plan_build(options.project, config, glossary)
        if not plan.jobs:
            report.warnings.append(
                "no sources (*.html, *.htm, *.docx, *.epub) in the project: the editions are empty"
            )
        stage("discover")
        state = cache_root(options.out)
        last = read_last_build(state) if options.use_cache and not options.force else None
        if last is not None and _nothing_to_do(last, plan, options.out):
            report.restore(last.report)
            report.qa_report = _qa_report(options.out, last.outputs)
            report.cache_hits = len(plan.jobs)
            if progress:
                progress(len(plan.jobs), len(plan.jobs))
            stage("check")
            return stage.done()
        cache = BuildCache(state, enabled=options.use_cache, refresh=options.force, batch=64)
        results = map_articles(plan.jobs, plan.keys, glossary, cache, options.jobs, progress)
        report.cache_hits = cache.hits
        stage("map")
        outputs = assemble_outputs(config, glossary, results, plan.date)
        stage("reduce")
        known = untouched_digests(options.out, last) if last is not None else {}
        digests = write_outputs(options.out, outputs.files, known)
        stage("write")
        report.tally(results, outputs)
        report.qa_report = _qa_report(options.out, outputs.files)
        if options.use_cache:
            stamps = file_stamps(options.out, [*outputs.files, MANIFEST])
            write_last_build(state, LastBuild(plan.inputs, stamps, report.record(), digests))
        return stage.done()


def cache_root(out: Path) -> Path:
    """Where a build writing to ``out`` keeps its cache and its last-build record."""
    return out / ".cache"


def _nothing_to_do(last: LastBuild, plan: BuildPlan, out: Path) -> bool:
    # Same inputs as the last build and its outputs untouched: a no-op
    # rebuild neither renders, reads the cache, nor rewrites anything.
    return last.inputs == plan.inputs and outputs_intact(out, last.outputs)


def _qa_report(out: Path, files: Iterable[str]) -> str | None:
    return str(out / QA_REPORT) if QA_REPORT in files else None


def default_jobs() -> int:
    return os.cpu_count() or 1


__all__ = ["BuildOptions", "BuildReport", "build", "cache_root", "default_jobs", "progress_bar"]
