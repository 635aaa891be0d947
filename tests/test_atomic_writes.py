"""Batched atomic writes: many files, one flush, the same all-or-old guarantee per file."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pytest

from g60pub.atomic import write_atomic_many


def test_every_file_is_written_with_its_bytes(tmp_path: Path) -> None:
    files = [(tmp_path / "a" / f"{i}.html", f"<p>第{i}段</p>".encode()) for i in range(20)]
    assert write_atomic_many(files) == 20
    for path, data in files:
        assert path.read_bytes() == data


def test_text_is_written_as_utf8(tmp_path: Path) -> None:
    write_atomic_many([(tmp_path / "t.txt", "中文\n")])
    assert (tmp_path / "t.txt").read_bytes() == "中文\n".encode()


def test_existing_files_are_replaced(tmp_path: Path) -> None:
    target = tmp_path / "book.txt"
    target.write_bytes(b"old")
    write_atomic_many([(target, b"new")])
    assert target.read_bytes() == b"new"


def test_no_temp_file_is_left_behind(tmp_path: Path) -> None:
    write_atomic_many([(tmp_path / f"{i}.txt", b"x") for i in range(5)])
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{i}.txt" for i in range(5)]


def test_a_failure_leaves_every_target_as_it_was(tmp_path: Path) -> None:
    kept = tmp_path / "kept.txt"
    kept.write_bytes(b"previous output")
    blocker = tmp_path / "not-a-dir"
    blocker.write_bytes(b"a file where a directory is needed")
    with pytest.raises(OSError):
        write_atomic_many([(kept, b"new output"), (blocker / "page.html", b"x")])
    assert kept.read_bytes() == b"previous output"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.txt", "not-a-dir"]


def test_a_file_headed_by_its_body_s_checksum_is_written_whole_or_not_at_all(
    tmp_path: Path,
) -> None:
    import hashlib

    from g60pub.atomic import write_atomic_headed

    target = tmp_path / "record"

    def body(file: BinaryIO) -> bytes:
        file.write(b"body")
        return hashlib.sha256(b"body").digest()

    write_atomic_headed(target, 32, body)
    assert target.read_bytes() == hashlib.sha256(b"body").digest() + b"body"

    def failing(file: BinaryIO) -> bytes:
        file.write(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_atomic_headed(target, 32, failing)
    assert target.read_bytes() == hashlib.sha256(b"body").digest() + b"body"
    assert [p.name for p in tmp_path.iterdir()] == ["record"]
