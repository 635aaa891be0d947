"""Incremental builds: the cache never changes a byte of the output, and a
build with nothing to do does nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from benchmark_corpus import corpus
from conftest import cache_of

from g60pub.build import BuildOptions, BuildReport, build, output_state
from g60pub.build.record import LAST_BUILD


@pytest.fixture
def project(corpus_project: Path, fixed_date: None) -> Path:
    return corpus_project


def _build(project: Path, out: Path, jobs: int = 1, force: bool = False) -> BuildReport:
    return build(_options(project, out, jobs=jobs, force=force))


def _options(project: Path, out: Path, **options: object) -> BuildOptions:
    return BuildOptions(project=project, out=out, cache_dir=cache_of(out), **options)  # type: ignore[arg-type]


def _tree(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
    }


def _mtimes(out: Path) -> dict[str, int]:
    return {
        p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()
    }


def test_warm_rebuild_gives_the_bytes_of_a_cold_build(project: Path, tmp_path: Path) -> None:
    cold = tmp_path / "cold"
    _build(project, cold)
    warm = tmp_path / "warm"
    _build(project, warm)
    (warm / "epub").rename(tmp_path / "gone")  # force the reduce to run again
    report = _build(project, warm)
    assert report.cache_hits == 6
    assert _tree(warm) == _tree(cold)


def test_two_jobs_give_the_bytes_of_one(project: Path, tmp_path: Path) -> None:
    _build(project, tmp_path / "one", jobs=1)
    _build(project, tmp_path / "two", jobs=2)
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")


def test_no_op_rebuild_rewrites_nothing_and_reports_the_same(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = _build(project, out)
    before = _mtimes(out)
    again = _build(project, out)
    assert _mtimes(out) == before
    assert again.cache_hits == 6
    assert "map" not in again.stages
    assert (again.articles, again.editions, again.files) == (
        first.articles,
        first.editions,
        first.files,
    )
    assert again.warnings == first.warnings
    assert again.exit_status == first.exit_status


def test_an_output_deleted_by_hand_is_written_again(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(project, out)
    expected = _tree(out)
    victim = next((out / "html" / "en").glob("0*.html"))
    victim.unlink()
    _build(project, out)
    assert _tree(out) == expected


def test_one_changed_article_rewrites_only_what_shows_it(project: Path, tmp_path: Path) -> None:
    copy = tmp_path / "project"
    shutil.copytree(project, copy)
    out = tmp_path / "out"
    _build(copy, out)
    before = _mtimes(out)
    picker = corpus.load_picker()
    changed = corpus.write_article(copy, corpus.make_spec(picker, 3, 2, revision=1))
    report = _build(copy, out)
    assert report.cache_hits == 5
    rewritten = {name for name, t in _mtimes(out).items() if before.get(name) != t}
    pages = {name for name in rewritten if name.endswith(".html") and "index" not in name}
    assert pages and all(changed.slug in name for name in pages)
    # Every book, and the site's archive, holds the article: they change too.
    assert {n for n in rewritten if n.endswith((".epub", ".zip"))} == {
        n for n in before if n.endswith((".epub", ".zip"))
    }
    cold = tmp_path / "cold"
    _build(copy, cold)
    assert _tree(out) == _tree(cold)


def test_corrupt_cache_entries_are_rebuilt_not_trusted(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(project, out)
    expected = _tree(out)
    for entry in (cache_of(out) / "articles").glob("*/*"):
        if entry.is_file():
            entry.write_bytes(entry.read_bytes()[:-7] + b"garbage")
    (output_state(_options(project, out)) / LAST_BUILD).write_text("{not a record", "utf-8")
    report = _build(project, out)
    assert report.cache_hits == 0
    assert _tree(out) == expected
    assert _build(project, out).cache_hits == 6


def test_force_renders_every_article_again(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(project, out)
    expected = _tree(out)
    report = _build(project, out, force=True)
    assert report.cache_hits == 0
    assert "map" in report.stages
    assert _tree(out) == expected


def test_two_sources_with_the_same_bytes_stay_two_articles_in_a_warm_build(
    project: Path, tmp_path: Path
) -> None:
    twins = tmp_path / "twins"
    (twins / "sources").mkdir(parents=True)
    first = sorted((project / "sources").glob("*.html"))[0]
    for name in ("one", "two"):
        (twins / "sources" / f"{name}.html").write_bytes(first.read_bytes())
    cold = build(_options(twins, tmp_path / "cold"))
    build(_options(twins, tmp_path / "warm"))
    (tmp_path / "warm" / "html").rename(tmp_path / "gone")  # the next build renders again
    warm = build(_options(twins, tmp_path / "warm"))
    assert cold.exit_status == warm.exit_status == 0 and warm.cache_hits == 2
    for name in ("one", "two"):
        page = (tmp_path / "warm" / "html" / "zh-Hans" / f"{name}.html").read_bytes()
        assert page == (tmp_path / "cold" / "html" / "zh-Hans" / f"{name}.html").read_bytes()


def test_a_changed_download_locale_alone_rewrites_the_download_page(
    project: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "project"
    shutil.copytree(project, copy)
    out = tmp_path / "out"
    _build(copy, out)
    config = copy / "g60pub.toml"
    config.write_text('download_locale = "zh-Hans"\n' + config.read_text("utf-8"), "utf-8")
    report = _build(copy, out)
    assert report.cache_hits == 6  # no article changed
    assert '<html lang="zh-Hans"' in (out / "index.html").read_text("utf-8")
