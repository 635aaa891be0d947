"""Search shards are indexed side by side only while their Pagefind
processes fit in the memory of one process indexing a full shard."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from g60pub.build import search
from g60pub.build.search import SHARD, Budget, memory_budget, pagefind_mb, shard_size
from g60pub.editions.files import stored

VARIANTS = ("en", "zh-Hans", "zh-Hant", "zh-Hans+en", "zh-Hant+en")


def _most_at_once(budget: Budget, shares: list[float], hoped: int = 2) -> int:
    """How many of ``shares`` held the budget at the same time, at most. Each
    holder keeps its share until ``hoped`` hold theirs or a while has passed."""
    changed = threading.Condition()
    running = [0, 0]  # now, most

    def hold(share: float) -> None:
        with budget.taken(share), changed:
            running[0] += 1
            running[1] = max(running)
            changed.notify_all()
            changed.wait_for(lambda: running[1] >= hoped, timeout=0.2 if hoped > 2 else 2)
            running[0] -= 1

    with ThreadPoolExecutor(max_workers=len(shares)) as pool:
        list(pool.map(hold, shares))
    return running[1]


def test_the_budget_is_one_full_shard_of_the_hungriest_variant() -> None:
    budget = memory_budget(VARIANTS)
    assert budget == max(pagefind_mb(v, shard_size(v, SHARD)) for v in VARIANTS)
    # A bilingual page costs most, but its shards hold half as many articles.
    assert budget == pagefind_mb("zh-Hans", SHARD)


def test_small_shards_are_indexed_side_by_side() -> None:
    budget = memory_budget(VARIANTS)
    small = [pagefind_mb(v, 6) for v in VARIANTS]
    assert 2 * max(small) <= budget
    assert _most_at_once(Budget(budget), small) >= 2


def test_full_shards_are_indexed_one_at_a_time() -> None:
    budget = memory_budget(VARIANTS)
    full = [pagefind_mb(v, shard_size(v, SHARD)) for v in VARIANTS]
    assert _most_at_once(Budget(budget), full, hoped=len(full)) == 1


def test_a_shard_larger_than_the_budget_still_runs_alone() -> None:
    assert _most_at_once(Budget(100.0), [150.0, 150.0, 10.0], hoped=3) == 1


def test_a_large_shard_runs_once_the_others_are_done_whatever_their_sizes_summed_to() -> None:
    # 0.1 + 0.2 - 0.2 - 0.1 is not 0.0 in floating point.
    budget = Budget(0.35)
    with budget.taken(0.1), budget.taken(0.2):
        pass
    ran = threading.Event()

    def large() -> None:
        with budget.taken(1.0):
            ran.set()

    worker = threading.Thread(target=large, daemon=True)
    worker.start()
    assert ran.wait(timeout=10)


def test_a_shards_files_are_let_go_once_written_whatever_the_writes_cost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pagefind quick, the disk slow: each shard's index files must not wait
    # in the build process for a writer (at 10,000 articles they piled up
    # to a gigabyte that way).
    alive = [0, 0]  # now, most
    lock = threading.Lock()

    class Index(bytes):
        def __del__(self) -> None:
            with lock:
                alive[0] -= 1

    def index(out: Path, variant: str, number: int, members: object, staging: Path) -> object:
        with lock:
            alive[0] += 1
            alive[1] = max(alive)
        yield f"html/{variant}/pagefind/{number}/index", stored(Index(b"x" * 1000))

    def slow_write(out: Path, files: dict[str, object], known: object) -> tuple[dict, set]:
        time.sleep(0.02)
        return {name: "digest" for name in files}, set()

    monkeypatch.setattr(search, "_index", index)
    monkeypatch.setattr(search, "write_files", slow_write)
    slugs = [f"a{i:03}" for i in range(400)]
    written = search.update_search(
        tmp_path, tmp_path / "s", {"en": slugs}, {}, {}, shard=10, jobs=2
    )
    shards = search.shard_count(len(slugs), 10)
    assert sum(name.endswith("/index") for name in written) == shards == 64
    assert alive[0] == 0
    assert alive[1] <= 2  # one shard's files a thread, at most
