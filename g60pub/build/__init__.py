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

import hashlib
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from g60pub.atomic import lock_directory, write_atomic
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
from g60pub.build.search import BUNDLE, index_variant
from g60pub.build.workers import map_articles, without_cyclic_gc
from g60pub.build.write import remove_stale, write_files
from g60pub.config import load_config
from g60pub.editions.assemble import assemble_outputs
from g60pub.editions.files import FileContent, stored
from g60pub.errors import G60Error
from g60pub.project import load_glossary

Progress = Callable[[int, int], None]

CACHE_DIR = ".g60pub-cache"
"""The build state's directory in a project, unless ``BuildOptions.cache_dir`` says otherwise."""


@dataclass(frozen=True, slots=True)
class BuildOptions:
    project: Path
    out: Path
    variants: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    jobs: int = 1
    force: bool = False
    use_cache: bool = True
    cache_dir: Path | None = None  # default: PROJECT/.g60pub-cache

    @property
    def cache(self) -> Path:
        """Where the build keeps its state: never inside ``out``, which holds
        only what readers get (cache entries differ between machines)."""
        return self.cache_dir if self.cache_dir is not None else self.project / CACHE_DIR


def build(options: BuildOptions, progress: Progress | None = None) -> BuildReport:
    """Run a whole build; raises ``ConfigError``/``GlossaryError`` before touching output."""
    report = BuildReport()
    stage = Stages(report)
    config = load_config(options.project, variants=options.variants, formats=options.formats)
    stage("config")
    glossary = load_glossary(options.project, config)
    stage("glossary")
    # One build at a time into an output directory and per cache: a second
    # waits, then finds the first's outputs (usually nothing left to do).
    # Without it the two would prune each other's cache entries and
    # interleave the outputs.
    with lock_directory(options.out), lock_directory(options.cache), without_cyclic_gc():
        _ignored_by_git(options.cache)
        plan = plan_build(options.project, config, glossary)
        if not plan.jobs:
            report.warnings.append("no sources/*.html in the project: the editions are empty")
        stage("discover")
        state = output_state(options)
        last = read_last_build(state) if options.use_cache and not options.force else None
        if last is not None and _nothing_to_do(last, plan, options.out):
            report.restore(last.report)
            report.cache_hits = len(plan.jobs)
            if progress:
                progress(len(plan.jobs), len(plan.jobs))
            stage("check")
            return stage.done()
        cache = BuildCache(
            article_cache(options), enabled=options.use_cache, refresh=options.force, batch=64
        )
        results = map_articles(plan.jobs, plan.keys, glossary, cache, options.jobs, progress)
        report.cache_hits = cache.hits
        stage("map")
        outputs = assemble_outputs(config, glossary, results, plan.date)
        stage("reduce")
        known = untouched_digests(options.out, last) if last is not None else {}
        digests, changed = write_files(options.out, outputs.files, known)
        stage("write")
        if "html" in config.formats:
            digests |= _search(options, config.variants, known, changed, report)
            stage("search")
        remove_stale(options.out, digests, state / MANIFEST)
        report.tally(results, outputs)
        if options.use_cache:
            stamps = file_stamps(options.out, digests)
            write_last_build(state, LastBuild(plan.inputs, stamps, report.record(), digests))
        return stage.done()


MANIFEST = "files"
"""In an output's state directory: every file the last build wrote there."""


def article_cache(options: BuildOptions) -> Path:
    """Where rendered articles are kept, shared by every output of the project."""
    return options.cache / "articles"


def output_state(options: BuildOptions) -> Path:
    """Where a build writing to ``options.out`` records what it wrote: one
    directory per output directory, named by a digest of its absolute path."""
    where = str(options.out.resolve()).encode("utf-8", "surrogateescape")
    return options.cache / "outputs" / hashlib.sha256(where).hexdigest()[:16]


def _ignored_by_git(cache: Path) -> None:
    # The cache belongs to no commit: it says so itself, whatever the
    # project's own .gitignore holds.
    marker = cache / ".gitignore"
    if not marker.is_file():
        write_atomic(marker, "# g60pub's build state: never committed\n*\n")


def _search(
    options: BuildOptions,
    variants: Sequence[str],
    known: dict[str, str],
    changed: set[str],
    report: BuildReport,
) -> dict[str, str]:
    """Each variant's search index: made again when a page of its site
    changed or its index is not as the last build left it, else kept.
    Variants are indexed side by side, one Pagefind process each."""
    digests: dict[str, str] = {}
    todo = []
    for variant in variants:
        site = f"html/{variant}/"
        bundle = f"{site}{BUNDLE}/"
        kept = {name: d for name, d in known.items() if name.startswith(bundle)}
        fresh = not any(name.startswith(site) for name in changed)
        if fresh and kept and _bundle_whole(options.out / bundle, kept):
            digests |= kept
        else:
            todo.append(variant)
    staging = options.cache / "search"

    def index(variant: str) -> dict[str, FileContent]:
        return {name: stored(data) for name, data in index_variant(options.out, variant, staging)}

    with ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
        for variant, result in zip(todo, pool.map(_catching(index), todo), strict=True):
            if isinstance(result, G60Error):
                report.warnings.append(f"html/{variant}: {result}")
                continue
            written, _ = write_files(options.out, result, known)
            digests |= written
    return digests


def _catching(
    f: Callable[[str], dict[str, FileContent]],
) -> Callable[[str], dict[str, FileContent] | G60Error]:
    def run(variant: str) -> dict[str, FileContent] | G60Error:
        try:
            return f(variant)
        except G60Error as err:
            return err

    return run


def _bundle_whole(bundle: Path, kept: dict[str, str]) -> bool:
    # Every file of the last index is still there, and nothing else is.
    on_disk = {p for p in bundle.rglob("*") if p.is_file()} if bundle.is_dir() else set()
    return len(on_disk) == len(kept)


def _nothing_to_do(last: LastBuild, plan: BuildPlan, out: Path) -> bool:
    # Same inputs as the last build and its outputs untouched: a no-op
    # rebuild neither renders, reads the cache, nor rewrites anything.
    return last.inputs == plan.inputs and outputs_intact(out, last.outputs)


def default_jobs() -> int:
    return os.cpu_count() or 1


__all__ = [
    "CACHE_DIR",
    "BuildOptions",
    "BuildReport",
    "article_cache",
    "build",
    "default_jobs",
    "output_state",
    "progress_bar",
]
