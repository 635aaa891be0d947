"""Books and archives are made once: their bytes go to a file beside the
output in the same pass that takes their size and SHA-256 (the download page
lists both), and that file is renamed into place, not made a second time."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import build_with_cache, edit_a_translation, output_tree

from g60pub.editions import files, ocf
from g60pub.editions.ocf import STORED, container, pack, write_container

WHEN = (2019, 5, 20, 9, 32, 0)


@pytest.fixture
def project(corpus_copy: Path) -> Path:
    return corpus_copy


def _temp_files(out: Path) -> list[Path]:
    return sorted(out.rglob(".*.tmp"))


def test_a_rebuild_makes_each_book_and_archive_once(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    build_with_cache(project, out)
    edit_a_translation(project)
    made: list[str] = []
    containers, joins = ocf._pieces, files._pieces

    def container_pieces(*args: object, **kwargs: object) -> object:
        made.append("container")
        return containers(*args, **kwargs)  # type: ignore[arg-type]

    def joined_pieces(*args: object, **kwargs: object) -> object:
        made.append("joined again")
        return joins(*args, **kwargs)  # type: ignore[arg-type]

    with monkeypatch.context() as patched:
        patched.setattr(ocf, "_pieces", container_pieces)
        patched.setattr(files, "_pieces", joined_pieces)
        build_with_cache(project, out)
    epubs, archives = list((out / "epub").glob("*.epub")), list((out / "html").glob("*.zip"))
    assert epubs and archives
    # Each container's pieces made once (for its digest, into its spool), and
    # no text book or TMX joined a second time to be written.
    assert made == ["container"] * (len(epubs) + len(archives))
    assert _temp_files(out) == []
    build_with_cache(project, fresh)
    assert output_tree(out) == output_tree(fresh)


def test_an_unchanged_book_is_left_as_it_was_and_its_spool_removed(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    book = sorted((out / "epub").glob("*.epub"))[0]
    before = book.stat()
    # Same inputs, a build that cannot take the no-op path: every output is
    # made again and compared with the disk (the last build's record gone).
    (out.with_name(out.name + ".g60pub-cache") / "outputs").rename(tmp_path / "records")
    build_with_cache(project, out)
    after = book.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert _temp_files(out) == []


def test_a_spooled_container_holds_the_bytes_written_whole(tmp_path: Path) -> None:
    entries = [
        ("mimetype", pack(b"application/epub+zip", STORED)),
        ("EPUB/ch001.xhtml", pack("<p>松江、杭州、嘉兴</p>" * 500)),
    ]
    spool = tmp_path / ".book.epub.1.tmp"
    made = container(entries, WHEN, spool=spool.open("wb"))
    assert made.spooled == str(spool)
    assert spool.read_bytes() == write_container(entries, WHEN)
    assert made.raw() == write_container(entries, WHEN)


def test_a_container_that_fails_midway_leaves_no_spool(tmp_path: Path) -> None:
    class Unreadable:
        method, crc, size, digest = ocf.DEFLATED, 0, 10, "deflate:x"

        @property
        def data(self) -> bytes:
            raise OSError("the cached chapter is gone")

    spool = tmp_path / ".book.epub.2.tmp"
    entries = [("mimetype", pack(b"application/epub+zip", STORED)), ("ch.xhtml", Unreadable())]
    with pytest.raises(OSError, match="gone"):
        container(entries, WHEN, spool=spool.open("wb"))  # type: ignore[arg-type]
    assert not spool.exists()


def test_a_spooled_joined_file_holds_the_joined_bytes(tmp_path: Path) -> None:
    texts = [pack(f"第{i}篇\n松江".encode(), STORED) for i in range(3)]
    spool = tmp_path / ".book.txt.1.tmp"
    joined = files.join_texts(b"HEAD\n", texts, b"\n\n", b"\n", b"(empty)", spool=spool.open("wb"))
    plain = files.join_texts(b"HEAD\n", texts, b"\n\n", b"\n", b"(empty)")
    assert spool.read_bytes() == plain.raw() == joined.raw()
    assert (joined.size, joined.sha256) == (plain.size, plain.sha256)
    os.unlink(spool)
    assert joined.raw() == plain.raw()  # made again when its spool is gone
