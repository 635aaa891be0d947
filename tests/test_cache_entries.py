"""Articles as cache entries: an index plus blobs, and the build holding
references into the entries instead of the articles' bytes."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from g60pub.build import BuildOptions, BuildReport, build, load_glossary, map_articles
from g60pub.cache import BuildCache, default_root
from g60pub.config import load_config
from g60pub.editions.ocf import STORED, Packed, pack
from g60pub.editions.packed import (
    PackedArticle,
    Spilled,
    at_location,
    entry_digest,
    from_entry,
    in_memory,
    read_index,
    to_entry,
)
from g60pub.editions.render import ArticleJob, ArticleOutput
from g60pub.errors import G60Error
from g60pub.project import discover_sources

KEY = "ab" * 32


@pytest.fixture
def project(corpus_project: Path, fixed_date: None) -> Path:
    return corpus_project


def article() -> PackedArticle:
    return ArticleOutput(
        "a-slug",
        published="2020-01-02",
        chapters={"zh-Hans": pack("<p>章节</p>"), "en": pack("<p>Chapter</p>")},
        pages={"zh-Hans": pack("<p>页面</p>" * 50, level=1)},
        texts={"zh-Hans": pack("正文\n", STORED)},
        tmx=pack(b"    <tu/>\n", STORED),
    )


def _files(a: PackedArticle) -> list[tuple[str, bytes, int, int]]:
    entries = [*a.chapters.items(), *a.pages.items(), *a.texts.items(), ("tmx", a.tmx)]
    return [(name, e.raw(), e.crc, e.method) for name, e in entries if e is not None]


def test_an_entry_read_back_from_memory_or_from_disk_gives_every_file(tmp_path: Path) -> None:
    original = article()
    pickled, blobs = to_entry(original)
    index = read_index(pickled)
    assert _files(in_memory(index, blobs)) == _files(original)
    cache = BuildCache(tmp_path)
    path, base = cache.put_parts(KEY, pickled, [blobs])
    placed = cache.get_parts(KEY, from_entry)
    assert placed is not None
    assert _files(placed) == _files(original)
    assert _files(at_location(index, path, base)) == _files(original)
    # Every file is a reference into the entry, with the digest of its stored bytes.
    for before, after in zip(original.pages.values(), placed.pages.values(), strict=True):
        assert isinstance(after, Spilled) and after.path == str(path)
        assert after.digest == entry_digest(before)
        assert after.data == before.data


def test_an_index_that_holds_bytes_is_refused_as_stale(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    cache.put_parts(KEY, pickle.dumps(article()), [b""])  # bytes in place of offsets
    assert cache.get_parts(KEY, from_entry) is None
    assert cache.stats().misses == 1
    assert not cache.path(KEY).exists()


def test_a_reference_to_a_changed_entry_is_one_clear_error(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    pickled, blobs = to_entry(article())
    cache.put_parts(KEY, pickled, [blobs])
    placed = cache.get_parts(KEY, from_entry)
    assert placed is not None
    page = placed.pages["zh-Hans"]
    data = bytearray(cache.path(KEY).read_bytes())
    assert isinstance(page, Spilled)
    data[page.offset] ^= 0xFF  # another build rewrote the entry under us
    cache.path(KEY).write_bytes(bytes(data))
    with pytest.raises(G60Error, match="cache changed during the build"):
        page.raw()
    cache.path(KEY).write_bytes(bytes(data[: page.offset]))  # or truncated it
    with pytest.raises(G60Error, match="cache changed during the build"):
        _ = page.data


def _map(project: Path, out: Path, use_cache: bool = True) -> list[PackedArticle]:
    options = BuildOptions(project=project, out=out, jobs=1, use_cache=use_cache)
    config = load_config(project)
    glossary = load_glossary(project, config)
    jobs = [ArticleJob.for_source(s, project, config) for s in discover_sources(project)]
    keys = [BuildCache.key("test", *job.input_bytes()) for job in jobs]
    return map_articles(options, glossary, jobs, keys, None, BuildReport())


def test_rendered_articles_are_held_as_references_into_the_cache(
    project: Path, tmp_path: Path
) -> None:
    cold = _map(project, tmp_path / "out")
    warm = _map(project, tmp_path / "out")
    memory = _map(project, tmp_path / "none", use_cache=False)
    for results in (cold, warm):
        files = [e for r in results for e in (*r.chapters.values(), *r.pages.values())]
        assert files and all(isinstance(e, Spilled) for e in files)
    assert all(isinstance(e, Packed) for r in memory for e in r.pages.values())
    assert [_files(r) for r in cold] == [_files(r) for r in warm] == [_files(r) for r in memory]


def test_an_unwritable_cache_keeps_articles_in_memory_and_the_build_whole(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reference = tmp_path / "reference"
    build(BuildOptions(project=project, out=reference, use_cache=False))
    failing = tmp_path / "failing"

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("g60pub.cache.write_atomic_many", full_disk)
    results = _map(project, failing)
    assert all(isinstance(e, Packed) for r in results for e in r.pages.values())
    report = build(BuildOptions(project=project, out=failing, jobs=2))
    assert report.exit_status == 0
    monkeypatch.undo()
    for path in reference.rglob("*"):
        if path.is_file() and default_root(reference) not in path.parents:
            assert (failing / path.relative_to(reference)).read_bytes() == path.read_bytes()
