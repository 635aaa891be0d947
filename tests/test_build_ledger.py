"""A rebuild takes the articles it did not change from the last build's
ledger (one file), not from their cache entries one by one; whatever it
takes them from, its outputs are those of a fresh build, the neighbours'
previous/next links included."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
from benchmark_corpus import corpus
from conftest import build_with_cache, cache_of, edit_a_translation, output_tree

from g60pub.build import BuildOptions, article_cache
from g60pub.build.ledger import LEDGER, RECENT

ARTICLES = 6
SEED = 3  # the corpus_project fixture's


@pytest.fixture
def project(corpus_copy: Path) -> Path:
    return corpus_copy


def _entries(out: Path) -> list[Path]:
    root = article_cache(BuildOptions(project=out, out=out, cache_dir=cache_of(out)))
    return sorted(p for p in root.glob("*/*") if p.is_file())


def _same_as_fresh(project: Path, out: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.rmtree(cache_of(fresh), ignore_errors=True)
    build_with_cache(project, fresh)
    assert output_tree(out) == output_tree(fresh)


def _pager(out: Path, slug: str) -> list[str]:
    """The previous and next articles an article's page links, in that order."""
    page = (out / "html" / "zh-Hans" / f"{slug}.html").read_text("utf-8")
    return re.findall(r'<a rel="(?:prev|next)" href="([^"]+)\.html"', page)


def _slugs_in_date_order(out: Path) -> list[str]:
    """The zh-Hans site's articles, oldest first, as the pagers chain them."""
    pages = sorted((out / "html" / "zh-Hans").glob("*_*.html"))
    nexts: dict[str, str] = {}
    for page in pages:
        text = page.read_text("utf-8")
        found = re.search(r'<a rel="next" href="([^"]+)\.html"', text)
        if found:
            nexts[page.stem] = found.group(1)
    order = [next(p.stem for p in pages if p.stem not in nexts.values())]
    while order[-1] in nexts:
        order.append(nexts[order[-1]])
    assert len(order) == len(pages)
    return order


def test_a_one_article_rebuild_writes_what_a_fresh_build_writes(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    edit_a_translation(project)
    report = build_with_cache(project, out)
    assert report.cache_hits == ARTICLES - 1
    _same_as_fresh(project, out, tmp_path)


def test_a_build_after_a_one_article_rebuild_has_nothing_to_do(
    project: Path, tmp_path: Path
) -> None:
    # The rebuild records the stamps of the files it wrote and keeps those of
    # the files it left: both must be the files' own for the next build to
    # find its outputs untouched.
    out = tmp_path / "out"
    build_with_cache(project, out)
    edit_a_translation(project)
    build_with_cache(project, out)
    report = build_with_cache(project, out)
    assert "check" in report.stages
    assert "map" not in report.stages


def test_an_output_edited_after_a_one_article_rebuild_is_written_again(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    edit_a_translation(project)
    build_with_cache(project, out)
    book = next((out / "epub").glob("*.epub"))
    book.write_bytes(book.read_bytes()[:-1])
    report = build_with_cache(project, out)
    assert "map" in report.stages
    _same_as_fresh(project, out, tmp_path)


def test_unchanged_articles_come_from_the_ledger_not_their_entries(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    assert (cache_of(out) / LEDGER).is_file()
    # An index damaged in place (same length) makes its entry a miss for a
    # lookup in the cache; the ledger holds its own copy of every index.
    for entry in _entries(out):
        data = bytearray(entry.read_bytes())
        data[100] ^= 0xFF
        entry.write_bytes(bytes(data))
    edit_a_translation(project)
    report = build_with_cache(project, out)
    assert report.cache_hits == ARTICLES - 1
    _same_as_fresh(project, out, tmp_path)


def test_an_entry_deleted_since_the_ledger_was_written_is_rendered_again(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    _entries(out)[0].unlink()
    edit_a_translation(project)
    report = build_with_cache(project, out)
    assert report.cache_hits in (
        ARTICLES - 2,
        ARTICLES - 1,
    )  # the deleted one may be the edited one
    assert len(_entries(out)) == ARTICLES
    _same_as_fresh(project, out, tmp_path)


def test_rebuilds_after_one_article_each_keep_a_fresh_builds_outputs(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    for which in (0, 3, 0):
        edit_a_translation(project, which)
        report = build_with_cache(project, out)
        assert report.cache_hits == ARTICLES - 1
        # Only what was rendered since the ledger was written whole is added.
        assert (cache_of(out) / RECENT).is_file()
    _same_as_fresh(project, out, tmp_path)


def test_a_damaged_record_of_recent_articles_is_ignored(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    edit_a_translation(project, 0)
    build_with_cache(project, out)
    recent = cache_of(out) / RECENT
    data = bytearray(recent.read_bytes())
    data[-10] ^= 0xFF
    recent.write_bytes(bytes(data))
    edit_a_translation(project, 3)
    report = build_with_cache(project, out)
    assert report.cache_hits == ARTICLES - 1  # the first edited one from its entry
    _same_as_fresh(project, out, tmp_path)


def test_a_damaged_ledger_is_ignored(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    ledger = cache_of(out) / LEDGER
    data = bytearray(ledger.read_bytes())
    data[-10] ^= 0xFF
    ledger.write_bytes(bytes(data))
    edit_a_translation(project)
    report = build_with_cache(project, out)
    assert report.cache_hits == ARTICLES - 1  # from their entries
    _same_as_fresh(project, out, tmp_path)


def test_neighbours_link_an_added_article(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    before = _slugs_in_date_order(out)
    spec = corpus.make_spec(corpus.load_picker(), SEED, ARTICLES)
    # Dated with the middle article: it lands between two others.
    middle = corpus.make_spec(corpus.load_picker(), SEED, int(before[2][:5]))
    corpus.write_article(project, dataclasses.replace(spec, date=middle.date))
    build_with_cache(project, out)
    after = _slugs_in_date_order(out)
    assert spec.slug in after and len(after) == ARTICLES + 1
    at = after.index(spec.slug)
    assert spec.slug in _pager(out, after[at - 1]) + _pager(out, after[at + 1])
    _same_as_fresh(project, out, tmp_path)


def test_neighbours_link_past_a_removed_article(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    before = _slugs_in_date_order(out)
    gone = before[2]
    (project / "sources" / f"{gone}.html").unlink()
    (project / "sources" / f"{gone}.en.po").unlink()
    build_with_cache(project, out)
    assert _slugs_in_date_order(out) == [s for s in before if s != gone]
    assert _pager(out, before[1]) == [before[0], before[3]]
    assert _pager(out, before[3]) == [before[1], before[4]]
    _same_as_fresh(project, out, tmp_path)


def test_neighbours_follow_an_article_given_a_new_date(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    before = _slugs_in_date_order(out)
    moved = before[1]
    spec = corpus.make_spec(corpus.load_picker(), SEED, int(moved[:5]))
    last = corpus.make_spec(corpus.load_picker(), SEED, int(before[-1][:5]))
    year = int(last.date[:4]) + 1
    corpus.write_article(project, dataclasses.replace(spec, date=f"{year}-06-15"))
    build_with_cache(project, out)
    after = _slugs_in_date_order(out)
    assert after == [s for s in before if s != moved] + [moved]
    assert _pager(out, before[0]) == [before[2]]
    assert _pager(out, before[-1]) == [before[-2], moved]
    assert _pager(out, moved) == [before[-1]]
    _same_as_fresh(project, out, tmp_path)


def test_the_ledger_is_pickled_into_its_file_as_in_memory(project: Path, tmp_path: Path) -> None:
    # Written straight to disk (never held whole), it holds the same bytes
    # the in-memory pickle would, after a header with their SHA-256.
    import hashlib
    import io

    from g60pub.build.entry import dump, dumps
    from g60pub.build.ledger import read_ledger

    out = tmp_path / "out"
    build_with_cache(project, out)
    ledger = read_ledger(cache_of(out))
    assert ledger.whole
    data = (cache_of(out) / LEDGER).read_bytes()
    body = dumps(ledger.whole)
    assert data.endswith(body) and hashlib.sha256(body).digest() in data[: len(data) - len(body)]
    streamed = io.BytesIO()
    assert dump(ledger.whole, streamed) == hashlib.sha256(body).digest()
    assert streamed.getvalue() == body
    assert not list(cache_of(out).glob(f".{LEDGER}.*.tmp"))


def test_a_ledger_read_for_a_builds_keys_lets_go_of_the_other_articles(
    project: Path, tmp_path: Path
) -> None:
    # After the renderer changed, no recorded article is used: none is held
    # through the map, and the ledger the build leaves holds its own articles.
    from g60pub.build.ledger import read_ledger

    out = tmp_path / "out"
    build_with_cache(project, out)
    recorded = read_ledger(cache_of(out)).whole
    assert len(recorded) == ARTICLES
    kept = sorted(recorded)[:2]
    ledger = read_ledger(cache_of(out), kept)
    assert (sorted(ledger.whole), ledger.dropped) == (kept, ARTICLES - 2)
    assert ledger.articles(set(recorded)).keys() == set(kept)
    ledger = read_ledger(cache_of(out), ["a key of no article"])
    assert (ledger.whole, ledger.dropped) == ({}, ARTICLES)
    # Recording over a ledger read that way writes the whole ledger anew.
    ledger.record({key: article for key, (_, article) in recorded.items()}, {})
    assert read_ledger(cache_of(out)).whole.keys() == recorded.keys()
