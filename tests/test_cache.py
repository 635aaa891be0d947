"""The build cache: hits, misses, and never trusting a damaged entry."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from g60pub.cache import FORMAT_VERSION, BuildCache, default_root, entry_count


def _key(*parts: bytes | str) -> str:
    return BuildCache.key("0.1.0", "config", "glossary", *parts)


def test_entry_written_is_read_back(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    key = _key(b"<html>source</html>", b"msgid po")
    cache.put(key, b"rendered fragments")
    assert BuildCache(tmp_path).get(key) == b"rendered fragments"


def test_unknown_key_is_a_miss(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    assert cache.get(_key(b"never stored")) is None
    assert cache.stats().misses == 1
    assert cache.stats().hits == 0


def test_key_changes_with_any_part() -> None:
    base = BuildCache.key("0.1.0", "cfg", "gloss", b"source", b"po")
    assert BuildCache.key("0.2.0", "cfg", "gloss", b"source", b"po") != base
    assert BuildCache.key("0.1.0", "cfg2", "gloss", b"source", b"po") != base
    assert BuildCache.key("0.1.0", "cfg", "gloss", b"source!", b"po") != base
    assert BuildCache.key("0.1.0", "cfg", "gloss", b"source", b"po ") != base
    assert BuildCache.key("0.1.0", "cfg", "gloss", b"source", b"po") == base


def test_key_parts_are_length_prefixed() -> None:
    assert BuildCache.key("ab", "c") != BuildCache.key("a", "bc")
    assert BuildCache.key(b"", b"x") != BuildCache.key(b"x", b"")
    assert BuildCache.key("x") != BuildCache.key(b"x")


def test_entry_with_flipped_payload_byte_is_deleted_and_missed(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    key = _key(b"src")
    cache.put(key, b"fragment bytes " * 100)
    path = cache.path(key)
    blob = bytearray(path.read_bytes())
    blob[-10] ^= 0xFF
    path.write_bytes(bytes(blob))

    reader = BuildCache(tmp_path)
    assert reader.get(key) is None
    assert reader.stats().corrupt == 1
    assert not path.exists()


def test_corrupt_entry_is_rebuilt_on_next_put(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    key = _key(b"src")
    cache.put(key, b"good")
    cache.path(key).write_bytes(b"garbage that is not an entry at all")
    assert cache.get(key) is None
    cache.put(key, b"good again")
    assert BuildCache(tmp_path).get(key) == b"good again"


def test_truncated_entry_is_a_miss(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    key = _key(b"src")
    cache.put(key, b"x" * 1000)
    path = cache.path(key)
    path.write_bytes(path.read_bytes()[:-1])
    assert cache.get(key) is None
    path.write_bytes(b"G60C")
    assert cache.get(key) is None
    assert cache.stats().corrupt == 2
    assert not path.exists()


def test_empty_file_is_a_miss(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    key = _key(b"src")
    cache.path(key).parent.mkdir(parents=True)
    cache.path(key).write_bytes(b"")
    assert cache.get(key) is None
    assert not cache.path(key).exists()


def test_entry_copied_under_another_key_is_not_trusted(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    first, second = _key(b"one"), _key(b"two")
    cache.put(first, b"output of article one")
    cache.path(second).parent.mkdir(parents=True, exist_ok=True)
    cache.path(second).write_bytes(cache.path(first).read_bytes())
    assert cache.get(second) is None
    assert cache.get(first) == b"output of article one"


def test_entry_of_another_format_version_is_stale(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    key = _key(b"src")
    cache.put(key, b"payload")
    path = cache.path(key)
    blob = bytearray(path.read_bytes())
    # The format version is the big-endian u16 right after the 8-byte magic.
    struct.pack_into(">H", blob, 8, FORMAT_VERSION + 1)
    path.write_bytes(bytes(blob))
    assert cache.get(key) is None
    assert not path.exists()


def test_new_g60pub_version_misses_old_entries(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    cache.put(BuildCache.key("0.1.0", b"src"), b"old render")
    assert cache.get(BuildCache.key("0.1.1", b"src")) is None


def test_bytes_entry_is_not_read_as_an_index_with_blobs(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    key = _key(b"src")
    cache.put(key, b"\x00\x00\x00\x02xx not an index")
    assert cache.get_parts(key, lambda index, path, base: (index, path, base)) is None


def test_an_index_with_blobs_round_trips_and_its_blobs_sit_at_the_offset(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    key = _key(b"src")
    path, base = cache.put_parts(key, "索引".encode(), [b"first", b"second"])
    index, where, at = BuildCache(tmp_path).get_parts(key, lambda *parts: parts) or ((), 0, 0)
    assert (index, where, at) == ("索引".encode(), path, base)
    assert path.read_bytes()[base:] == b"firstsecond"


def test_disabled_cache_neither_reads_nor_writes(tmp_path: Path) -> None:
    key = _key(b"src")
    BuildCache(tmp_path).put(key, b"warm")
    off = BuildCache(tmp_path, enabled=False)
    assert off.get(key) is None
    off.put(_key(b"other"), b"data")
    assert entry_count(tmp_path) == 1


def test_refresh_cache_ignores_entries_but_rewrites_them(tmp_path: Path) -> None:
    key = _key(b"src")
    BuildCache(tmp_path).put(key, b"stale render")
    forced = BuildCache(tmp_path, refresh=True)
    assert forced.get(key) is None
    forced.put(key, b"fresh render")
    assert BuildCache(tmp_path).get(key) == b"fresh render"


def test_prune_keeps_only_entries_used_by_the_build(tmp_path: Path) -> None:
    old = BuildCache(tmp_path)
    gone, kept = _key(b"deleted article"), _key(b"kept article")
    old.put(gone, b"a")
    old.put(kept, b"b")

    build = BuildCache(tmp_path)
    assert build.get(kept) == b"b"
    new = _key(b"new article")
    build.put(new, b"c")
    assert build.prune() == 1
    assert entry_count(tmp_path) == 2
    assert BuildCache(tmp_path).get(gone) is None
    assert BuildCache(tmp_path).get(kept) == b"b"


def test_prune_with_explicit_keep_set(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    keys = [_key(str(i)) for i in range(5)]
    for k in keys:
        cache.put(k, b"v")
    assert cache.prune(set(keys[:2])) == 3
    assert entry_count(tmp_path) == 2


def test_prune_removes_leftover_temp_files(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    key = _key(b"src")
    cache.put(key, b"v")
    leftover = cache.path(key).parent / f".{key}.abc.tmp"
    leftover.write_bytes(b"half")
    cache.prune()
    assert not leftover.exists()
    assert cache.get(key) == b"v"


def test_malformed_key_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        BuildCache(tmp_path).get("../../etc/passwd")


def test_default_root_is_inside_the_output(tmp_path: Path) -> None:
    assert default_root(tmp_path / "output") == tmp_path / "output" / ".cache"
