"""The search index follows the change: one article changed re-indexes the
shard that holds it and no other, and the result is the bytes a cold build
makes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmark_corpus import corpus
from conftest import cache_of, output_tree

from g60pub.build import BuildOptions, BuildReport, build, search
from g60pub.build.search import shard_of


@pytest.fixture()
def project(tmp_path: Path, fixed_date: None) -> Path:
    out = tmp_path / "project"
    corpus.write_corpus(out, 6, seed=11)
    return out


def _build(project: Path, out: Path, jobs: int = 2, search_jobs: int = 1) -> BuildReport:
    # Two articles a shard at most: six articles make four shards a variant.
    cache = cache_of(out)
    options = BuildOptions(
        project, out, jobs=jobs, cache_dir=cache, search_shard=2, search_jobs=search_jobs
    )
    return build(options)


def _stamps(out: Path) -> dict[str, int]:
    return {
        p.relative_to(out).as_posix(): p.stat().st_mtime_ns
        for p in (out / "html").glob("*/pagefind/*/**/*")
        if p.is_file()
    }


def test_one_changed_article_reindexes_its_shard_only(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    _build(project, out)
    listing = json.loads((out / "html/zh-Hans/pagefind/shards.json").read_bytes())
    assert len(listing["shards"]) == 4
    before = _stamps(out)
    spec = corpus.write_article(project, corpus.make_spec(corpus.load_picker(), 11, 2, revision=1))
    # Which shards Pagefind indexes again: a shard indexed again to the same
    # bytes leaves its files as they were, so the files alone cannot tell.
    indexed: set[tuple[str, str]] = set()
    index = search._index

    def counted(out: Path, variant: str, number: int, *rest: object) -> object:
        indexed.add((variant, str(number)))
        return index(out, variant, number, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(search, "_index", counted)
    _build(project, out)
    after = _stamps(out)
    rewritten = {
        (name.split("/")[1], name.split("/pagefind/")[1].split("/")[0])
        for name in after
        if after[name] != before.get(name)
    }
    # A bilingual variant's shards hold half as many articles: eight of them.
    variants = sorted(p.parent.name for p in (out / "html").glob("*/pagefind"))
    assert "zh-Hans+en" in variants and "zh-Hans" in variants
    expected = {(v, str(shard_of(spec.slug, 8 if "+" in v else 4))) for v in variants}
    assert rewritten == expected
    assert indexed == expected
    bilingual = json.loads((out / "html/zh-Hans+en/pagefind/shards.json").read_bytes())
    assert len(bilingual["shards"]) == 8


def test_an_incremental_index_is_the_bytes_of_a_cold_one(project: Path, tmp_path: Path) -> None:
    warm = tmp_path / "warm"
    _build(project, warm)
    corpus.write_article(project, corpus.make_spec(corpus.load_picker(), 11, 4, revision=1))
    _build(project, warm)
    cold = tmp_path / "cold"
    _build(project, cold)
    assert output_tree(warm) == output_tree(cold)


def test_shards_indexed_side_by_side_are_the_bytes_of_shards_indexed_one_by_one(
    project: Path, tmp_path: Path
) -> None:
    one, three = tmp_path / "one", tmp_path / "three"
    _build(project, one, jobs=1)
    _build(project, three, jobs=3, search_jobs=3)
    listing = json.loads((three / "html/zh-Hans/pagefind/shards.json").read_bytes())
    assert sum(s["articles"] > 0 for s in listing["shards"]) >= 2  # several shards to index
    assert output_tree(one) == output_tree(three)
