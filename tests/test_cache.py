"""The build cache, seen through builds: a warm build renders only what
changed, and a damaged entry is rebuilt, never trusted."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import build_with_cache, cache_of, output_tree

from g60pub.build import BuildReport
from g60pub.build.ledger import LEDGER, RECENT

ARTICLES = 6


@pytest.fixture
def project(corpus_copy: Path) -> Path:
    return corpus_copy


def _entries(out: Path) -> list[Path]:
    root = cache_of(out) / "articles"
    return sorted(p for p in root.glob("*/*") if p.is_file()) if root.is_dir() else []


def _rebuild(project: Path, out: Path) -> BuildReport:
    # An output deleted by hand makes the next build a real one: it reads the
    # cache rather than finding nothing to do.
    (out / "index.html").unlink()
    return build_with_cache(project, out)


def test_a_cold_build_writes_one_entry_per_article(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = build_with_cache(project, out)
    assert report.cache_hits == 0
    assert len(_entries(out)) == ARTICLES


def test_a_warm_build_reads_every_article_from_the_cache(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    assert _rebuild(project, out).cache_hits == ARTICLES


def _two_outputs(project: Path, tmp_path: Path) -> tuple[Path, Path, Path]:
    """One build state; an English edition built into one directory, then a
    Simplified one into another."""
    cache, english, chinese = tmp_path / "state", tmp_path / "en", tmp_path / "zh"
    build_with_cache(project, english, cache_dir=cache, variants=("en",))
    build_with_cache(project, chinese, cache_dir=cache, variants=("zh-Hans",))
    return cache, english, chinese


def test_builds_into_two_outputs_with_other_variants_keep_each_others_articles(
    project: Path, tmp_path: Path
) -> None:
    cache, english, _ = _two_outputs(project, tmp_path)
    (english / "index.html").unlink()
    assert build_with_cache(project, english, cache_dir=cache, variants=("en",)).cache_hits == (
        ARTICLES
    )


def test_an_output_directory_deleted_no_longer_keeps_its_articles(
    project: Path, tmp_path: Path
) -> None:
    cache, english, chinese = _two_outputs(project, tmp_path)
    shutil.rmtree(english)
    (chinese / "index.html").unlink()
    build_with_cache(project, chinese, cache_dir=cache, variants=("zh-Hans",))
    assert len(list((cache / "articles").glob("*/*"))) == ARTICLES


def _flip_a_byte(entry: Path, others: list[Path]) -> None:
    blob = bytearray(entry.read_bytes())
    blob[-10] ^= 0xFF
    entry.write_bytes(bytes(blob))


def _truncate(entry: Path, others: list[Path]) -> None:
    entry.write_bytes(entry.read_bytes()[:-1])


def _empty(entry: Path, others: list[Path]) -> None:
    entry.write_bytes(b"")


def _garbage(entry: Path, others: list[Path]) -> None:
    entry.write_bytes(b"not a cache entry at all")


def _another_articles_entry(entry: Path, others: list[Path]) -> None:
    # A valid entry, but written for another key: copied over by hand.
    entry.write_bytes(others[0].read_bytes())


def _another_format_version(entry: Path, others: list[Path]) -> None:
    blob = bytearray(entry.read_bytes())
    blob[8:10] = (0xFFFF).to_bytes(2, "big")  # the version follows the 8-byte magic
    entry.write_bytes(bytes(blob))


@pytest.mark.parametrize(
    "damage",
    [
        _flip_a_byte,
        _truncate,
        _empty,
        _garbage,
        _another_articles_entry,
        _another_format_version,
    ],
)
def test_a_damaged_entry_is_rendered_again_and_rewritten(
    project: Path, tmp_path: Path, damage: Callable[[Path, list[Path]], None]
) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    expected = output_tree(out)
    victim, *others = _entries(out)
    damage(victim, others)
    # With the outputs gone every cached file is read (else a book's
    # unchanged parts are copied from the book the last build wrote); with
    # the ledger gone every entry is looked up (else an unchanged article is
    # taken from it, and only its files are read from the entry, checked).
    shutil.rmtree(out)
    for name in (LEDGER, RECENT):
        (cache_of(out) / name).unlink(missing_ok=True)
    report = build_with_cache(project, out)
    assert report.cache_hits == ARTICLES - 1
    assert output_tree(out) == expected
    assert _rebuild(project, out).cache_hits == ARTICLES  # the entry was written again


def test_a_changed_translation_renders_only_its_article(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    po = sorted((project / "sources").glob("*.en.po"))[0]
    po.write_text(po.read_text("utf-8").replace('msgstr ""\n', 'msgstr ""\n\n', 1), "utf-8")
    assert build_with_cache(project, out).cache_hits == ARTICLES - 1


def test_a_changed_configuration_renders_every_article(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    config = project / "g60pub.toml"
    text = config.read_text("utf-8").replace('publisher = "', 'publisher = "Another ', 1)
    config.write_text(text, "utf-8")
    assert build_with_cache(project, out).cache_hits == 0


def test_a_changed_glossary_renders_every_article(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    terms = sorted((project / "glossary").glob("*.csv"))[0]
    terms.write_text(terms.read_text("utf-8") + "测试术语,test term,,,,term,,GB/T 1.1-2020\n")
    assert build_with_cache(project, out).cache_hits == 0


def test_the_entry_of_a_removed_article_is_deleted(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    page = sorted((project / "sources").glob("*.html"))[0]
    page.unlink()
    page.with_name(page.stem + ".en.po").unlink()
    report = build_with_cache(project, out)
    assert report.cache_hits == ARTICLES - 1
    assert len(_entries(out)) == ARTICLES - 1


def test_temp_files_a_killed_build_left_in_the_cache_are_removed(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    leftover = _entries(out)[0].with_name(".entry.abc123.tmp")
    leftover.write_bytes(b"half an entry")
    _rebuild(project, out)
    assert not leftover.exists()


def test_a_build_without_the_cache_writes_none(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = build_with_cache(project, out, use_cache=False)
    assert report.exit_status == 0
    assert not (cache_of(out) / "articles").exists()


def test_a_cache_that_cannot_be_written_costs_speed_not_output(
    project: Path, tmp_path: Path
) -> None:
    reference = tmp_path / "reference"
    build_with_cache(project, reference, use_cache=False)
    out = tmp_path / "out"
    # Every entry lives in a directory named by its key's first two hex
    # digits: a file in each of those places makes every entry write fail.
    (cache_of(out) / "articles").mkdir(parents=True)
    for n in range(256):
        (cache_of(out) / "articles" / f"{n:02x}").write_bytes(b"")
    report = build_with_cache(project, out, jobs=2)
    assert report.exit_status == 0
    assert _entries(out) == []
    assert output_tree(out) == output_tree(reference)
