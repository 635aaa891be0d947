"""After one article changed, a book is re-assembled from the previous book's
unchanged chapters (a text book and the TMX from their unchanged parts):
they are copied from the file the last build wrote, not read again from
every article's cache entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_with_cache, cache_of, edit_a_translation, output_tree

from g60pub.build import BuildOptions, article_cache
from g60pub.build.cache import BuildCache

ARTICLES = 6


@pytest.fixture
def project(corpus_copy: Path) -> Path:
    return corpus_copy


def _damage_book_parts(out: Path) -> int:
    """Flip a byte in every EPUB chapter, text and TMX part kept in the
    cache; how many."""
    root = article_cache(BuildOptions(project=out, out=out, cache_dir=cache_of(out)))
    cache = BuildCache(root)
    damaged = 0
    for entry in sorted(p for p in root.glob("*/*") if p.is_file()):
        article = cache.get(entry.name)
        assert article is not None
        blob = bytearray(entry.read_bytes())
        parts = [*article.chapters.values(), *article.texts.values(), article.tmx]
        for part in parts:
            if part is not None and part.size:
                blob[part.offset] ^= 0xFF  # type: ignore[attr-defined]
                damaged += 1
        entry.write_bytes(bytes(blob))
    return damaged


def test_unchanged_chapters_and_texts_are_copied_from_the_previous_books(
    project: Path, tmp_path: Path
) -> None:
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    build_with_cache(project, out)
    edit_a_translation(project)
    # Were any unchanged part read from its cache entry, the build would
    # find it damaged and render that article again.
    assert _damage_book_parts(out) > 2 * ARTICLES
    report = build_with_cache(project, out)
    assert report.cache_hits == ARTICLES - 1
    assert not report.failures
    build_with_cache(project, fresh)
    assert output_tree(out) == output_tree(fresh)


def test_a_book_changed_by_hand_is_not_copied_from(project: Path, tmp_path: Path) -> None:
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    build_with_cache(project, out)
    book = sorted((out / "epub").glob("*.epub"))[0]
    data = bytearray(book.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size; its stamp moves
    book.write_bytes(bytes(data))
    edit_a_translation(project)
    build_with_cache(project, out)
    build_with_cache(project, fresh)
    assert output_tree(out) == output_tree(fresh)
