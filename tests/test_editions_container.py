"""The EPUB container written from chapters deflated ahead of time (cached chapters)."""

from __future__ import annotations

import io
import zipfile

from g60pub.editions.ocf import STORED, pack, write_container

WHEN = (2017, 7, 18, 11, 29, 56)


def _book() -> bytes:
    return write_container(
        [
            ("mimetype", pack(b"application/epub+zip", STORED)),
            ("EPUB/ch001.xhtml", pack("<p>松江、杭州、嘉兴</p>" * 50)),
            ("EPUB/ch002.xhtml", pack("<p>G60</p>")),
        ],
        WHEN,
    )


def test_zip_readers_read_back_every_entry() -> None:
    with zipfile.ZipFile(io.BytesIO(_book())) as archive:
        assert archive.testzip() is None
        assert archive.read("EPUB/ch001.xhtml").decode() == "<p>松江、杭州、嘉兴</p>" * 50
        assert archive.read("EPUB/ch002.xhtml") == b"<p>G60</p>"


def test_mimetype_comes_first_stored_uncompressed() -> None:
    data = _book()
    assert data[30:38] == b"mimetype"
    assert data[38:58] == b"application/epub+zip"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        first = archive.infolist()[0]
        assert first.compress_type == zipfile.ZIP_STORED


def test_every_entry_carries_the_build_date() -> None:
    with zipfile.ZipFile(io.BytesIO(_book())) as archive:
        assert {e.date_time for e in archive.infolist()} == {WHEN}


def test_same_entries_give_the_same_bytes() -> None:
    assert _book() == _book()


def test_a_packed_entry_gives_its_text_back() -> None:
    assert pack("第一段").text() == "第一段"
