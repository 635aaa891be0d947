"""A cache entry's file references (Spilled): what they hold, how they pickle,
and that a damaged file is never read as if it were whole."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

import pytest

from g60pub.build.entry import DamagedEntry, Spilled, dumps
from g60pub.editions.ocf import STORED, pack


def _spilled_file(tmp_path: Path, text: str, method: int = 8) -> tuple[Spilled, bytes]:
    packed = pack(text, method)
    entry = tmp_path / "entry"
    entry.write_bytes(b"HEADER" + packed.data + b"NEXT")
    where = Spilled(
        str(entry), 6, len(packed.data), packed.method, packed.crc, packed.size, packed.digest
    )
    return where, packed.data


@pytest.mark.parametrize("method", [8, STORED])
def test_a_reference_gives_back_what_it_was_made_with(tmp_path: Path, method: int) -> None:
    text = "沪嘉杭G60科创走廊" * 300
    where, data = _spilled_file(tmp_path, text, method)
    packed = pack(text, method)
    assert (where.offset, where.length) == (6, len(data))
    assert (where.method, where.crc, where.size) == (packed.method, packed.crc, packed.size)
    assert where.digest == packed.digest
    assert where.text() == text


def test_a_reference_pickles_as_the_seven_fields_it_is_made_of(tmp_path: Path) -> None:
    where, _ = _spilled_file(tmp_path, "松江")
    # The index pickler writes a constructor call with the fields in order
    # (as entries and ledgers written by earlier builds hold them).
    again = pickle.loads(dumps(where))
    assert again == where and hash(again) == hash(where)
    assert pickle.loads(dumps(where)).fields() == where.fields()
    # The standard pickler (the pool's) gives it back too.
    assert pickle.loads(pickle.dumps(where)) == where
    assert repr(where).startswith("Spilled(")


def test_two_references_differ_when_any_field_does(tmp_path: Path) -> None:
    where, _ = _spilled_file(tmp_path, "松江")
    path, offset, length, method, crc, size, digest = where.fields()
    assert Spilled(path, offset + 1, length, method, crc, size, digest) != where
    assert Spilled(path + "x", offset, length, method, crc, size, digest) != where


def test_only_a_packed_files_digest_is_taken() -> None:
    sha = hashlib.sha256(b"x").hexdigest()
    with pytest.raises(ValueError, match="digest"):
        Spilled("e", 0, 1, 8, 0, 1, f"tailed:{sha}")
    with pytest.raises(ValueError, match="digest"):
        Spilled("e", 0, 1, 8, 0, 1, "deflate:abc")


def test_a_damaged_file_is_never_read_as_whole(tmp_path: Path) -> None:
    where, data = _spilled_file(tmp_path, "嘉兴" * 100)
    entry = Path(where.path)
    blob = bytearray(entry.read_bytes())
    blob[6 + len(data) // 2] ^= 0xFF
    entry.write_bytes(bytes(blob))
    with pytest.raises(DamagedEntry):
        where.raw()
