"""``g60pub build``: sources + glossary -> every edition in the output directory.

The build is a map over articles and a small reduce::

    load config -> load glossary -> discover sources
    -> map: per article, normalise + publication + QA + render fragments
       (pure and picklable: runs in a process pool and is cached by content)
    -> reduce: assemble books, sites, indexes and exports
    -> write every file atomically -> summary

Results do not depend on ``jobs``: the map's results are put back in source
order before anything is assembled.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from g60pub import __version__
from g60pub.atomic import lock_directory, write_atomic, write_atomic_many
from g60pub.cache import (
    BuildCache,
    LastBuild,
    content_digest,
    default_root,
    file_stamps,
    outputs_intact,
    read_last_build,
    untouched_digests,
    write_last_build,
)
from g60pub.config import Config, load_config
from g60pub.editions.assemble import BuildDate, Outputs, assemble_outputs, build_date
from g60pub.editions.ocf import Entry
from g60pub.editions.packed import (
    Joined,
    PackedArticle,
    at_location,
    entry_digest,
    from_entry,
    in_memory,
    pack_article,
    read_index,
    to_entry,
)
from g60pub.editions.render import ArticleJob, render_article, renderer_digest
from g60pub.glossary import Glossary
from g60pub.project import discover_sources

_WORKER_GLOSSARY: Glossary | None = None


@dataclass(frozen=True, slots=True)
class BuildOptions:
    project: Path
    out: Path
    variants: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    jobs: int = 1
    force: bool = False
    use_cache: bool = True


@dataclass(slots=True)
class BuildReport:
    """What a build did, for the closing summary and the exit status."""

    editions: int = 0
    articles: int = 0
    files: int = 0
    warnings: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    qa_errors: int = 0
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    cache_hits: int = 0

    @property
    def exit_status(self) -> int:
        return 1 if self.failures else 0

    def summary(self) -> str:
        return (
            f"built {_count(self.editions, 'edition')} from {_count(self.articles, 'article')}: "
            f"{_count(len(self.warnings), 'warning')}, {_count(len(self.failures), 'error')}, "
            f"{_count(self.qa_errors, 'QA error')}, {self.seconds:.1f} s"
        )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


Progress = Callable[[int, int], None]


def build(options: BuildOptions, progress: Progress | None = None) -> BuildReport:
    """Run a whole build; raises ``ConfigError``/``GlossaryError`` before touching output."""
    report = BuildReport()
    stage = _Stages(report)
    config = load_config(options.project, variants=options.variants, formats=options.formats)
    stage("config")
    glossary = load_glossary(options.project, config)
    stage("glossary")
    # One build at a time into an output directory: a second waits, then
    # finds the first's outputs (usually nothing left to do). Without it the
    # two would prune each other's cache entries and interleave the outputs.
    with lock_directory(options.out), _without_cyclic_gc():
        plan = plan_build(options, config, glossary, report)
        stage("discover")
        root = default_root(options.out)
        last = read_last_build(root) if options.use_cache and not options.force else None
        if last is not None and _nothing_to_do(last, plan, options.out):
            _restore(report, last.report)
            report.cache_hits = len(plan.jobs)
            if progress:
                progress(len(plan.jobs), len(plan.jobs))
            stage("check")
            return stage.done()
        results = map_articles(options, glossary, plan.jobs, plan.keys, progress, report)
        stage("map")
        outputs = assemble_outputs(config, glossary, results, plan.date)
        stage("reduce")
        known = untouched_digests(options.out, last) if last is not None else {}
        digests = write_outputs(options.out, outputs.files, known)
        stage("write")
        _tally(report, results, outputs)
        if options.use_cache:
            stamps = file_stamps(options.out, [*outputs.files, MANIFEST])
            write_last_build(root, LastBuild(plan.inputs, stamps, _summary(report), digests))
        return stage.done()


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Switch Python's cyclic garbage collector off while a build runs.

    A build holds every article's index: tens of thousands of small immutable
    objects. Each full collection rescans all of them, so reading the cache
    grew faster than the corpus (2,000 cached articles took 2.4x the time of
    1,000). They form no reference cycles and reference counting frees them;
    the collector is back on (if it was) when the build ends.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _nothing_to_do(last: LastBuild, plan: BuildPlan, out: Path) -> bool:
    # Same inputs as the last build and its outputs untouched: a no-op
    # rebuild neither renders, reads the cache, nor rewrites anything.
    return last.inputs == plan.inputs and outputs_intact(out, last.outputs)


class _Stages:
    """Wall seconds of each step, into the report (``--timings``)."""

    def __init__(self, report: BuildReport) -> None:
        self.report = report
        self.started = self.clock = time.perf_counter()

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        self.report.stages[name] = round(now - self.clock, 4)
        self.clock = now

    def done(self) -> BuildReport:
        self.report.seconds = time.perf_counter() - self.started
        return self.report


@dataclass(frozen=True, slots=True)
class BuildPlan:
    """The articles to build, each one's cache key, and a key over all inputs."""

    jobs: list[ArticleJob]
    keys: list[str]
    inputs: str  # everything the outputs depend on: equal to the last build's = nothing to do
    date: BuildDate


def plan_build(
    options: BuildOptions, config: Config, glossary: Glossary, report: BuildReport
) -> BuildPlan:
    sources = discover_sources(options.project)
    if not sources:
        report.warnings.append("no sources/*.html in the project: the editions are empty")
    date = build_date(options.project, sources)
    jobs = [ArticleJob.for_source(s, options.project, config) for s in sources]
    shared = (__version__, renderer_digest(), config.cache_key(), glossary.digest())
    # The slug is a part: it is in the rendered pages, and two sources with the
    # same bytes are still two articles.
    keys = [BuildCache.key(*shared, job.slug, *job.input_bytes()) for job in jobs]
    inputs = BuildCache.key(
        *shared, date.modified, *(f"{j.slug}/{k}" for j, k in zip(jobs, keys, strict=True))
    )
    return BuildPlan(jobs, keys, inputs, date)


def _tally(report: BuildReport, results: Sequence[PackedArticle], outputs: Outputs) -> None:
    report.articles = sum(r.ok for r in results)
    report.editions = outputs.editions
    report.files = len(outputs.files)
    report.failures.extend(r.error for r in results if r.error)
    report.warnings.extend(w for r in results for w in r.warnings)
    report.qa_errors = sum(f.severity == "error" for r in results for f in r.findings)


def _summary(report: BuildReport) -> dict[str, object]:
    return {
        "editions": report.editions,
        "articles": report.articles,
        "files": report.files,
        "warnings": report.warnings,
        "failures": report.failures,
        "qa_errors": report.qa_errors,
    }


def _restore(report: BuildReport, summary: dict[str, object]) -> None:
    # A build with nothing to do reports what the build that did the work said,
    # warnings, failures and exit status included.
    report.editions = int(str(summary.get("editions", 0)))
    report.articles = int(str(summary.get("articles", 0)))
    report.files = int(str(summary.get("files", 0)))
    report.qa_errors = int(str(summary.get("qa_errors", 0)))
    warnings, failures = summary.get("warnings", []), summary.get("failures", [])
    report.warnings = [str(w) for w in warnings] if isinstance(warnings, list) else []
    report.failures = [str(f) for f in failures] if isinstance(failures, list) else []


def load_glossary(project: Path, config: Config) -> Glossary:
    """The project's ``glossary/`` when it has one, else the bundled curated
    glossary; plus any files the configuration names."""
    local = project / "glossary"
    paths: list[Path] = []
    if local.is_dir() and any(local.glob("*.csv")):
        paths.append(local)
    paths.extend(project / p for p in config.glossary)
    return Glossary.load(paths) if paths else Glossary.load()


def map_articles(
    options: BuildOptions,
    glossary: Glossary,
    jobs: Sequence[ArticleJob],
    keys: Sequence[str],
    progress: Progress | None,
    report: BuildReport,
) -> list[PackedArticle]:
    """Render every article, from the cache where its inputs are unchanged."""
    cache = BuildCache(
        default_root(options.out), enabled=options.use_cache, refresh=options.force, batch=64
    )
    results: list[PackedArticle | None] = [cache.get_parts(k, from_entry) for k in keys]
    todo = [i for i, r in enumerate(results) if r is None]
    report.cache_hits = len(jobs) - len(todo)
    done = len(jobs) - len(todo)
    if progress:
        progress(done, len(jobs))
    # Rendered articles are held whole only until their cache entry is
    # written; from then on the build holds their index and reads the
    # chapters, pages and texts from the entry when it needs them.
    unwritten: list[tuple[int, PackedArticle, Path, int]] = []
    for i, (pickled, blobs) in _run(jobs, todo, glossary, options.jobs):
        index = read_index(pickled)
        result = results[i] = in_memory(index, blobs)
        if result.ok and cache.enabled:
            path, base = cache.put_parts(keys[i], pickled, [blobs])
            unwritten.append((i, index, path, base))
            if not cache.pending:
                _point_at_cache(results, unwritten, keys, cache)
        done += 1
        if progress:
            progress(done, len(jobs))
    cache.flush()
    _point_at_cache(results, unwritten, keys, cache)
    cache.prune()
    return [r for r in results if r is not None]


def _point_at_cache(
    results: list[PackedArticle | None],
    unwritten: list[tuple[int, PackedArticle, Path, int]],
    keys: Sequence[str],
    cache: BuildCache,
) -> None:
    # Called when the cache has written what it held: an entry whose write
    # failed is no longer in ``used``, and its article stays in memory.
    for i, index, path, base in unwritten:
        if keys[i] in cache.used:
            results[i] = at_location(index, path, base)
    unwritten.clear()


Rendered = tuple[bytes, bytes]
"""An article as :func:`~g60pub.editions.packed.to_entry` makes it: index and blobs."""


def _run(
    jobs: Sequence[ArticleJob], todo: Sequence[int], glossary: Glossary, workers: int
) -> Iterable[tuple[int, Rendered]]:
    if workers <= 1 or len(todo) <= 1:
        for i in todo:
            yield i, _render(jobs[i], glossary)
        return
    with ProcessPoolExecutor(
        max_workers=min(workers, len(todo)), initializer=_init_worker, initargs=(glossary,)
    ) as pool:
        chunk = max(1, min(8, len(todo) // (workers * 4)))
        results = pool.map(_render_in_worker, (jobs[i] for i in todo), chunksize=chunk)
        yield from zip(todo, results, strict=True)


def _init_worker(glossary: Glossary) -> None:
    global _WORKER_GLOSSARY
    _WORKER_GLOSSARY = glossary
    # A forked worker inherits the build's switched-off collector; rendering
    # makes short-lived cycles (parsers, templates), so it collects, but what
    # it loaded once (modules, glossary, automata) is frozen out of its sight.
    gc.enable()
    gc.freeze()


def _render_in_worker(job: ArticleJob) -> Rendered:
    assert _WORKER_GLOSSARY is not None
    return _render(job, _WORKER_GLOSSARY)


def _render(job: ArticleJob, glossary: Glossary) -> Rendered:
    # Packed and made a cache entry here, in the worker: compression and
    # pickling run in parallel, and a tenth of the bytes travel back.
    return to_entry(pack_article(render_article(job, glossary)))


MANIFEST = ".g60pub-files"


def write_outputs(
    out: Path, files: dict[str, bytes | Entry | Joined], known: dict[str, str] | None = None
) -> dict[str, str]:
    """Write each output atomically (temp file + rename), in a fixed order;
    returns each file's content digest for the next build's ``known``.

    ``known`` holds the digests of outputs still as the last build wrote them:
    a file whose digest is unchanged is neither inflated, read nor rewritten
    (after one article changed, ~5,000 pages were read back to find that only
    a dozen differ). Any other file is compared with the disk before writing.

    Files the previous build wrote and this one did not (an article removed,
    a variant dropped) are deleted only after every new file is in place, so
    an interrupted build leaves the previous output whole.
    """
    _remove_stale_temp_files(out)
    digests = {name: _digest(data) for name, data in files.items()}
    known = known or {}
    changed = sorted(name for name in files if known.get(name) != digests[name])
    write_atomic_many(
        (out / name, data)
        for name, data in _contents(files, changed)
        if not _unchanged(out / name, data)
    )
    manifest = out / MANIFEST
    previous = manifest.read_text("utf-8").splitlines() if manifest.is_file() else []
    for name in sorted(set(previous) - set(files)):
        stale = out / name
        if ".." not in Path(name).parts and stale.is_file():
            stale.unlink()
    write_atomic(manifest, "".join(f"{name}\n" for name in sorted(files)))
    return digests


def _digest(data: bytes | Entry | Joined) -> str:
    if isinstance(data, Joined):
        return f"raw:{data.sha256}"  # the digest of its joined bytes, as for bytes
    if isinstance(data, bytes):
        return content_digest("raw", data)
    return entry_digest(data)


def _remove_stale_temp_files(out: Path) -> None:
    # A build killed mid-write leaves its ``.<name>.<random>.tmp`` files next
    # to the outputs (see atomic.py); they are never outputs, so they go.
    if not out.is_dir():
        return
    for path in out.rglob(".*.tmp"):
        if ".cache" not in path.relative_to(out).parts and path.is_file():
            path.unlink(missing_ok=True)


def _contents(
    files: dict[str, bytes | Entry | Joined], names: Iterable[str]
) -> Iterable[tuple[str, bytes]]:
    # Inflated one at a time, as they are written: never all pages at once.
    for name in names:
        data = files[name]
        yield name, data if isinstance(data, bytes) else data.raw()


def _unchanged(path: Path, data: bytes) -> bool:
    # Rewriting identical bytes costs an fsync per file and bumps mtimes for nothing.
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def default_jobs() -> int:
    return os.cpu_count() or 1


def progress_bar(stream: TextIO = sys.stderr) -> Progress | None:
    """A one-line progress bar on a terminal; nothing when not a TTY."""
    if not stream.isatty():
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // total if total else width
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} articles")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show


__all__ = ["BuildOptions", "BuildReport", "build", "default_jobs", "progress_bar"]
