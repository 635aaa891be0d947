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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from g60pub.atomic import lock_directory, write_atomic
from g60pub.build.cache import BuildCache, DamagedEntry
from g60pub.build.inputs import INPUTS, InputFiles
from g60pub.build.ledger import Ledger, read_ledger
from g60pub.build.plan import BuildPlan, plan_build
from g60pub.build.record import (
    LastBuild,
    keep_readings,
    keys_of_other_outputs,
    learn_readings,
    outputs_intact,
    read_containers,
    read_last_build,
    read_site_lists,
    untouched_digests,
    write_containers,
    write_last_build,
    write_site_lists,
    write_used_keys,
)
from g60pub.build.report import BuildReport, Stages, progress_bar
from g60pub.build.search import SHARD, update_search
from g60pub.build.workers import (
    Renderers,
    cyclic_gc_for_new_objects,
    map_articles,
    release_memory,
    without_cyclic_gc,
)
from g60pub.build.write import Spools, begin_writing, end_writing, remove_stale, write_files
from g60pub.config import Config, load_config
from g60pub.editions.assemble import assemble_outputs
from g60pub.editions.files import Joined, PackedArticle
from g60pub.editions.ocf import Container
from g60pub.editions.variants import make_variants
from g60pub.errors import G60Error
from g60pub.glossary import Glossary
from g60pub.project import load_glossary

Progress = Callable[[int, int], None]
QA_REPORT = "qa-report.html"

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
    search_shard: int = SHARD  # articles per search index shard, at most (build/search.py)
    # Search index shards indexed at once: each Pagefind process holds its
    # shard (~0.7 MB a bilingual page) beside the build. None: as many as the
    # CPUs and the memory of one full shard's process allow (build/search.py).
    search_jobs: int | None = None

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
    with (
        lock_directory(options.out),
        lock_directory(options.cache),
        without_cyclic_gc(),
        Renderers(glossary, options.jobs) as renderers,
    ):
        _ignored_by_git(options.cache)
        # The digests of unchanged input files come from the last build.
        record = options.cache / INPUTS if options.use_cache else None
        files = InputFiles(record, trust=not options.force)
        plan = plan_build(options.project, config, glossary, files)
        files.save()
        report.inputs_read = files.read
        if not plan.jobs:
            report.warnings.append(
                "no sources (*.html, *.htm, *.docx, *.epub) in the project: the editions are empty"
            )
        stage("discover")
        state = output_state(options)
        last = read_last_build(state) if options.use_cache and not options.force else None
        if last is not None and _nothing_to_do(last, plan, options.out):
            report.restore(last.report)
            report.qa_report = _qa_report(options.out, last.outputs)
            report.cache_hits = len(plan.jobs)
            if progress:
                progress(len(plan.jobs), len(plan.jobs))
            stage("check")
            return stage.done()
        run = _Run(options, config, glossary, renderers, plan, report, stage, progress)
        try:
            results, digests, known = _map_reduce_write(run, options.force, last, True)
        except DamagedEntry as damaged:
            # A file read from the cache was not as written (a damaged disk,
            # something else writing the cache). Nothing damaged was written:
            # every file is checked as it is read. Its entry goes and the build
            # runs again; a second damaged entry, and it reads no entry at all.
            if damaged.file:
                Path(damaged.file).unlink(missing_ok=True)
            try:
                results, digests, known = _map_reduce_write(run, options.force, last)
            except DamagedEntry:
                results, digests, known = _map_reduce_write(run, True, last)
        stage("write")
        articles = {
            v.id: [r.slug for r in results if v.id in r.pages]
            for v in make_variants(config.variants, config.traditional_config)
            if "html" in v.formats  # a vertical edition is a book only
        }
        # What the map and the reduce held is not needed again: Pagefind's
        # processes run beside a build process that gave it back.
        del results
        release_memory()
        if "html" in config.formats:
            try:
                digests |= update_search(
                    options.out,
                    options.cache / "search",
                    articles,
                    digests,
                    known,
                    options.search_shard,
                    options.search_jobs,
                )
            except G60Error as err:
                report.warnings.append(str(err))
            stage("search")
        remove_stale(options.out, digests, state / MANIFEST, config.name)
        if options.use_cache:
            made = report.record()
            write_last_build(
                state, LastBuild.after(options.out, plan.inputs, made, digests, last, known)
            )
            write_used_keys(state, options.out, plan.keys)
            end_writing(state)
        return stage.done()


@dataclass(frozen=True, slots=True)
class _Run:
    """What each attempt at the map, reduce and write of a build is given."""

    options: BuildOptions
    config: Config
    glossary: Glossary
    renderers: Renderers
    plan: BuildPlan
    report: BuildReport
    stage: Stages
    progress: Progress | None


def _map_reduce_write(
    run: _Run, refresh: bool, last: LastBuild | None, with_ledger: bool = False
) -> tuple[list[PackedArticle], dict[str, str], Mapping[str, str]]:
    options, config, glossary, plan = run.options, run.config, run.glossary, run.plan
    report, stage = run.report, run.stage
    # The ledger is read on a first attempt only: after a damaged entry, every
    # article is looked up in the cache again, its entry checked.
    use_ledger = with_ledger and options.use_cache and not refresh
    ledger = read_ledger(options.cache, plan.keys) if use_ledger else Ledger(options.cache, {}, {})
    recorded = ledger.articles(set(plan.keys))
    state = output_state(options)
    others = keys_of_other_outputs(state.parent, state) if options.use_cache else set()
    cache = BuildCache(
        article_cache(options),
        enabled=options.use_cache,
        refresh=refresh,
        batch=64,
        known=recorded,
        keep=others,
    )
    results = map_articles(plan.jobs, plan.keys, glossary, cache, run.renderers, run.progress)
    report.cache_hits = cache.hits
    stage("map")
    known: Mapping[str, str] = untouched_digests(options.out, last) if last is not None else {}
    reuse = read_containers(state, options.out, known) if options.use_cache else {}
    # After a damaged entry or with --force, the lists are made again too.
    lists = read_site_lists(state, plan.salt, not refresh) if options.use_cache else None
    # Before the reduce: its books and archives are spooled beside their outputs.
    begin_writing(options.out, state if options.use_cache else None)
    if options.use_cache:
        learn_readings(options.cache)
    with cyclic_gc_for_new_objects(), Spools(options.out) as spools:
        outputs = assemble_outputs(config, glossary, results, plan.date, reuse, spools.open, lists)
        stage("reduce")
        digests, _ = write_files(options.out, outputs.files, known)
    report.tally(results, outputs)
    report.qa_report = _qa_report(options.out, outputs.files)
    if options.use_cache:
        keep_readings(options.cache)
        if lists is not None:
            write_site_lists(state, lists)
        containers = {n: c for n, c in outputs.files.items() if isinstance(c, Container | Joined)}
        write_containers(state, containers)
        del containers
    # The assembled outputs are not held beside the ledger's pickle: at
    # 10,000 articles a cold build wrote it at its peak (588 MB) that way.
    del outputs
    if options.use_cache:
        # Last: what pickling adds to the articles' strings is not held through the reduce.
        ledger.record(dict(zip(plan.keys, results, strict=True)), recorded)
    return results, digests, known


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


def _nothing_to_do(last: LastBuild, plan: BuildPlan, out: Path) -> bool:
    # Same inputs as the last build and its outputs untouched: a no-op
    # rebuild neither renders, reads the cache, nor rewrites anything.
    return last.inputs == plan.inputs and outputs_intact(out, last.outputs)


def _qa_report(out: Path, files: Iterable[str]) -> str | None:
    return str(out / QA_REPORT) if QA_REPORT in files else None


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
