"""The site's search index: Pagefind run over each variant's written pages.

Pagefind (PyPI ``pagefind[extended]``, whose binary segments Chinese) reads
the pages a build has just written and makes a search index that the site
queries in the reader's browser: no server, no request leaving the site. A
search from a page finds articles of that page's variant.

Pagefind holds a whole site in memory while indexing (about 0.7 MB per
bilingual page) and does not update an index: at 10,000 articles one index
per variant would take gigabytes and minutes after every change. So each
variant's articles are split into *shards* by a hash of their slug, a power
of two of them with about :data:`SHARD` articles each (half as many in a
bilingual variant: :func:`shard_size`), and each shard is an
index of its own (``html/<variant>/pagefind/<n>/``), made one at a time. A
changed article re-indexes its shard only; the corpus growing past a power
of two re-shards everything. ``pagefind/shards.json`` lists the shards with a
stamp of their pages; the site's ``search.js`` searches them together
(Pagefind's ``mergeIndex``).

Shards are indexed side by side while their Pagefind processes fit in the
memory of one process indexing a full shard (:func:`pagefind_mb`): a large
corpus indexes one shard at a time, a small one several at once.

Pagefind's output is the same bytes for the same pages, so builds stay
byte-identical (tests compare them). The index is not in the offline ZIP: a
browser does not let a page opened from disk load it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from g60pub.build.write import write_files
from g60pub.editions.files import FileContent, stored
from g60pub.errors import G60Error

BUNDLE = "pagefind"
"""The folder of a variant's site that holds its search index."""
SHARD = 200
"""Articles per search shard, about: the shard count is the power of two that
keeps shards at or under it."""
LISTING = "shards.json"


def shard_size(variant: str, shard: int = SHARD) -> int:
    """Articles a shard of ``variant`` holds at most: half of ``shard`` in a
    bilingual variant (its id joins two languages with ``+``). Pagefind's
    memory follows the text it indexes: about 63 MB, then 0.14 MB an English
    page, 0.37 MB a Chinese one and 0.7 MB a bilingual one; a shard of 178
    bilingual pages took 192 MB beside the build process."""
    return max(1, shard // 2) if "+" in variant else shard


PAGEFIND_MB = 63
"""A Pagefind process's memory before its first page (MB)."""
PAGE_MB = {"en": 0.14, "zh": 0.37, "bilingual": 0.7}
"""Pagefind's memory per page indexed (MB), by what the page holds."""


def pagefind_mb(variant: str, pages: int) -> float:
    """The memory (MB) of a Pagefind process indexing ``pages`` pages of ``variant``."""
    kind = "bilingual" if "+" in variant else "en" if variant == "en" else "zh"
    return PAGEFIND_MB + PAGE_MB[kind] * pages


def memory_budget(variants: Iterable[str], shard: int = SHARD) -> float:
    """The memory the search may take at once: that of one process indexing
    the largest full shard of any of ``variants``."""
    return max((pagefind_mb(v, shard_size(v, shard)) for v in variants), default=PAGEFIND_MB)


def shard_count(articles: int, shard: int = SHARD) -> int:
    count = 1
    while count * shard < articles:
        count *= 2
    return count


def shard_of(slug: str, count: int) -> int:
    return int(hashlib.sha256(slug.encode("utf-8")).hexdigest()[:8], 16) % count


def update_search(
    out: Path,
    staging: Path,
    articles: Mapping[str, Sequence[str]],
    digests: Mapping[str, str],
    known: Mapping[str, str],
    shard: int = SHARD,
    jobs: int | None = None,
) -> dict[str, str]:
    """Make or keep every shard of every variant's index; returns the digest
    of each file of the indexes. ``articles`` gives each variant's slugs,
    ``digests`` every output's digest (pages included), ``known`` the digests
    of outputs still as the last build left them; ``shard`` is the number of
    articles a shard holds at most; up to ``jobs`` shards are indexed at once
    (Pagefind indexes on one core, with memory for its shard only), or when
    ``jobs`` is None as many as there are CPUs and the memory budget allows."""
    result: dict[str, str] = {}
    listings: dict[str, bytes] = {}
    stale: list[tuple[str, int, list[str]]] = []
    every_last = _by_shard([f"html/{variant}/{BUNDLE}/" for variant in articles], known)
    for variant, slugs in articles.items():
        base = f"html/{variant}/{BUNDLE}/"
        count = shard_count(len(slugs), shard_size(variant, shard))
        shards: list[list[str]] = [[] for _ in range(count)]
        for slug in sorted(slugs):
            shards[shard_of(slug, count)].append(slug)
        before = _stamps(out, base + LISTING, known)
        last = every_last[base]
        listing = []
        for number, members in enumerate(shards):
            bundle = f"{base}{number}/"
            stamp = _stamp(variant, members, digests)
            kept = last.get(str(number), {})
            if before.get(str(number)) == stamp and kept and _whole(out / bundle, kept):
                result |= kept
            elif members:
                stale.append((variant, number, members))
            listing.append({"bundle": f"{number}/", "stamp": stamp, "articles": len(members)})
        data = json.dumps({"shards": listing}, indent=1, sort_keys=True).encode("utf-8") + b"\n"
        listings[base + LISTING] = data
    if jobs is None:
        budget = Budget(memory_budget(articles, shard))
        workers = os.cpu_count() or 1
    else:
        budget = Budget(float("inf"))
        workers = max(1, jobs)

    def index(task: tuple[str, int, list[str]]) -> dict[str, str]:
        variant, number, members = task
        with budget.taken(pagefind_mb(variant, len(members))):
            files = dict(_index(out, variant, number, members, staging / variant))
        # Written by the thread that read them, while the next shard is
        # indexed: handed to one writer instead, the shards' files piled up
        # in the build process behind its writes (~1 GB at 10,000 articles).
        written, _ = write_files(out, files, known)
        return written

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for written in pool.map(index, stale):
            result |= written
    for name, data in listings.items():
        written, _ = write_files(out, {name: stored(data)}, known)
        result |= written
    return result


class Budget:
    """Memory shared by the Pagefind processes running at once: a process
    waits until its share is free, and one larger than the whole budget
    runs when it would run alone."""

    def __init__(self, total: float) -> None:
        self._total = total
        self._used = 0.0
        self._running = 0  # counted, not read off _used: sums of floats leave residues
        self._free = threading.Condition()

    @contextmanager
    def taken(self, share: float) -> Iterator[None]:
        with self._free:
            self._free.wait_for(lambda: not self._running or self._used + share <= self._total)
            self._used += share
            self._running += 1
        try:
            yield
        finally:
            with self._free:
                self._used -= share
                self._running -= 1
                self._free.notify_all()


def _stamp(variant: str, members: Sequence[str], digests: Mapping[str, str]) -> str:
    digest = hashlib.sha256()
    for slug in members:
        page = f"html/{variant}/{slug}.html"
        digest.update(f"{slug}\0{digests.get(page, '')}\n".encode())
    return digest.hexdigest()


def _stamps(out: Path, name: str, known: Mapping[str, str]) -> dict[str, str]:
    # The last build's shard stamps, if its listing is still as it wrote it.
    if name not in known:
        return {}
    try:
        data = json.loads((out / name).read_bytes())
        return {str(s["bundle"]).rstrip("/"): str(s["stamp"]) for s in data["shards"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _by_shard(
    bases: Sequence[str], known: Mapping[str, str]
) -> dict[str, dict[str, dict[str, str]]]:
    # The known files of each shard of each variant's index (``bases``:
    # html/<variant>/pagefind/), in one pass over ``known``: a pass per shard
    # was 320 passes over 150,000 names at 10,000 articles, a pass per variant
    # 0.45 s of five.
    found: dict[str, dict[str, dict[str, str]]] = {base: {} for base in bases}
    for name in known:  # a digest is made only for the names asked for
        parts = name.split("/", 4)  # html, variant, pagefind, shard, file
        shards = found.get("/".join(parts[:3]) + "/") if len(parts) == 5 else None
        if shards is not None:
            shards.setdefault(parts[3], {})[name] = known[name]
    return found


def _whole(bundle: Path, kept: Mapping[str, str]) -> bool:
    # Every file of the shard's last index is still there, and nothing else is.
    on_disk = sum(len(files) for _, _, files in os.walk(bundle))
    return on_disk == len(kept)


def pagefind_binary() -> Path | None:
    """The Pagefind binary with Chinese segmentation, if installed."""
    try:
        from pagefind_bin_extended import (  # type: ignore[import-untyped, import-not-found, unused-ignore]
            get_executable,
        )
    except ImportError:
        return None
    try:
        return Path(get_executable())
    except (FileNotFoundError, OSError):
        return None


def _index(
    out: Path, variant: str, number: int, members: Sequence[str], staging: Path
) -> Iterator[tuple[str, FileContent]]:
    """Index one shard: its pages, linked into a folder of their own, are
    Pagefind's site; yields each file of the index by its output path."""
    binary = pagefind_binary()
    if binary is None:
        raise G60Error("pagefind[extended] is not installed: the site has no search")
    site, target = staging / f"{number}-site", staging / f"{number}-index"
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(target, ignore_errors=True)
    site.mkdir(parents=True)
    for slug in members:
        page = out / "html" / variant / f"{slug}.html"
        try:
            os.link(page, site / page.name)
        except OSError:
            shutil.copyfile(page, site / page.name)
    command = [str(binary), "--site", str(site), "--output-path", str(target)]
    proc = subprocess.run([*command, "--silent"], capture_output=True, text=True, check=False)
    shutil.rmtree(site, ignore_errors=True)
    if proc.returncode != 0:
        reason = (proc.stderr or proc.stdout).strip().splitlines()
        raise G60Error(f"search index: {reason[-1] if reason else 'pagefind failed'}", str(site))
    base = f"html/{variant}/{BUNDLE}/{number}/"
    for path in sorted(p for p in target.rglob("*") if p.is_file()):
        yield base + path.relative_to(target).as_posix(), stored(path.read_bytes())
    shutil.rmtree(target, ignore_errors=True)
