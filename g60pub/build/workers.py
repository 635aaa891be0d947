"""The map: every article rendered, in a process pool, from the cache where
its inputs are unchanged.

Results do not depend on the number of workers: they are put back in source
order before anything is assembled.
"""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from g60pub.build.article import render_article
from g60pub.build.cache import BuildCache
from g60pub.build.entry import at_location, in_memory, read_index, to_entry
from g60pub.build.plan import ArticleJob
from g60pub.editions.files import PackedArticle, pack_article
from g60pub.editions.lines import PackedLines, pack_lines
from g60pub.glossary import Glossary

Progress = Callable[[int, int], None]
Rendered = tuple[bytes, bytes]
"""An article as :func:`~g60pub.build.cache.to_entry` makes it: index and blobs."""

_WORKER_GLOSSARY: Glossary | None = None


def map_articles(
    jobs: Sequence[ArticleJob],
    keys: Sequence[str],
    glossary: Glossary,
    cache: BuildCache,
    renderers: Renderers,
    progress: Progress | None = None,
) -> list[PackedArticle]:
    """Every article's packed result, in the order of ``jobs``; more than
    one to render, and they are rendered by ``renderers``."""
    results: list[PackedArticle | None] = [cache.get(k) for k in keys]
    results = [r if r is None else _lines_packed(r) for r in results]
    todo = [i for i, r in enumerate(results) if r is None]
    done = len(jobs) - len(todo)
    if progress:
        progress(done, len(jobs))
    # Rendered articles are held whole only until their cache entry is
    # written; from then on the build holds their index and reads the
    # chapters, pages and texts from the entry when it needs them.
    unwritten: list[tuple[int, PackedArticle, Path, int]] = []
    for i, (pickled, blobs) in _run(jobs, todo, glossary, renderers):
        index = read_index(pickled)
        result = results[i] = in_memory(index, blobs)
        if result.ok and cache.enabled:
            path, base = cache.put(keys[i], pickled, blobs)
            unwritten.append((i, index, path, base))
            if not cache.pending:
                _point_at_cache(results, unwritten, keys, cache)
        done += 1
        if progress:
            progress(done, len(jobs))
    renderers.close()
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


def _run(
    jobs: Sequence[ArticleJob], todo: Sequence[int], glossary: Glossary, renderers: Renderers
) -> Iterable[tuple[int, Rendered]]:
    if renderers.pool is None or len(todo) <= 1:
        for i in todo:
            yield i, _render(jobs[i], glossary)
        return
    chunk = max(1, min(8, len(todo) // (renderers.workers * 4)))
    results = renderers.pool.map(_render_in_worker, (jobs[i] for i in todo), chunksize=chunk)
    yield from zip(todo, results, strict=True)


class Renderers:
    """The processes that render articles, started as a build starts.

    A worker is forked from the build process, and holds what that process
    held then. Started when the map begins, they held the plan, the cache's
    index and the last build's record: at 10,000 articles, a rebuild that
    renders every article again (a new version of g60pub) had each worker at
    175 MB. Started once the glossary is loaded, before any of those is
    read, they hold the modules and the glossary only.

    They stop when the map ends, so that they are not held beside the
    reduce. A build that renders one article or none (a no-op rebuild, one
    article changed) does not use them: forking two processes costs it a few
    milliseconds. ``workers`` below 2: no processes, articles are rendered
    in the build process.
    """

    def __init__(self, glossary: Glossary, workers: int) -> None:
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None
        if workers > 1:
            self.pool = ProcessPoolExecutor(
                max_workers=workers, initializer=_init_worker, initargs=(glossary,)
            )
            # Forked now, not at the first article: the first task started
            # with ``fork`` launches every worker at once.
            self.pool.submit(_ready).result()

    def __enter__(self) -> Renderers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers: from here on, articles are rendered in the build
        process (after the map, the workers' memory would be held beside the
        reduce's; a second map, after a damaged cache entry, is rare)."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None


def _ready() -> None:
    """A task that does nothing: it makes the pool start its workers."""


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
    return to_entry(_lines_packed(pack_article(render_article(job, glossary))))


def _lines_packed(article: PackedArticle) -> PackedArticle:
    # The build holds every article's lines from the map to the reduce: packed
    # (lines.py), in the worker for a rendered article, and as it is read for
    # an index that holds them as objects.
    if isinstance(article.lines, PackedLines):
        return article
    return replace(article, lines=pack_lines(article.lines))


@contextmanager
def without_cyclic_gc() -> Iterator[None]:
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


@contextmanager
def cyclic_gc_for_new_objects() -> Iterator[None]:
    """Collect cycles again, among the objects made from here on only.

    With the collector off, every reference cycle made after the map stayed
    until the build ended: template rendering makes cycles that hold a
    book's table of contents and chapter list, five books' worth by the end
    of the reduce (~25 kB an article). Freezing what the build holds first
    (the article indexes) keeps collections from rescanning it.
    """
    enabled = gc.isenabled()
    gc.freeze()
    gc.enable()
    try:
        yield
    finally:
        if not enabled:
            gc.disable()
        gc.unfreeze()


def release_memory() -> None:
    """Give back to the system what the objects freed so far took.

    Freed objects go back to Python's and the C library's free lists, not to
    the system: a process that held a gigabyte keeps it resident. Cycles are
    collected first; then glibc's ``malloc_trim`` returns the free pages of
    its heaps (elsewhere, only the collection runs).
    """
    gc.collect()
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library the interpreter runs on
    except (AttributeError, OSError, TypeError):
        return
    trim(0)
