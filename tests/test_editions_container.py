"""The EPUB container written from chapters deflated ahead of time (cached chapters)."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import pytest

from g60pub.editions import ocf
from g60pub.editions.ocf import STORED, Entry, container, pack, write_container
from g60pub.editions.reuse import Reuse
from g60pub.editions.tailed import Tailed

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


def _chapters(n: int, changed: int = -1) -> list[tuple[str, Entry]]:
    return [("mimetype", pack(b"application/epub+zip", STORED))] + [
        (
            f"EPUB/ch{i:03}.xhtml",
            pack(f"<p>{'改' if i == changed else ''}第{i}章 松江</p>" * (i + 1)),
        )
        for i in range(n)
    ]


def _reassembled(
    tmp_path: Path,
    before: list[tuple[str, Entry]],
    after: list[tuple[str, Entry]],
    when: tuple[int, int, int, int, int, int],
) -> ocf.Container:
    previous = container(before, WHEN)
    book = tmp_path / "book.epub"
    book.write_bytes(previous.raw())
    return container(after, when, Reuse.of(str(book), previous.placed))


@pytest.mark.parametrize("changed", [-1, 0, 7, 19])
def test_a_container_copied_from_a_previous_one_is_the_one_written_whole(
    tmp_path: Path, changed: int
) -> None:
    after = _chapters(20, changed)
    assert _reassembled(tmp_path, _chapters(20), after, WHEN).raw() == write_container(after, WHEN)


def test_entries_with_names_beyond_ascii_are_copied_with_their_headers(tmp_path: Path) -> None:
    # Copied runs take their headers from the previous container: a name in
    # UTF-8 keeps its flag there and in the central directory made now.
    def pages(changed: int) -> list[tuple[str, Entry]]:
        return [
            (f"g60/zh-Hans/松江-{i}.html", pack(f"<p>{'改' if i == changed else ''}第{i}篇</p>"))
            for i in range(12)
        ]

    book = _reassembled(tmp_path, pages(-1), pages(5), WHEN)
    assert book.raw() == write_container(pages(5), WHEN)
    with zipfile.ZipFile(io.BytesIO(book.raw())) as archive:
        assert archive.testzip() is None
        assert archive.read("g60/zh-Hans/松江-5.html").decode() == "<p>改第5篇</p>"


def test_a_container_copied_from_one_of_another_date_carries_the_new_date(tmp_path: Path) -> None:
    when = (2020, 1, 2, 3, 4, 6)
    after = _chapters(20, 7)
    book = _reassembled(tmp_path, _chapters(20), after, when)
    assert book.raw() == write_container(after, when)
    # The runs before and after the changed entry, each in one piece.
    assert len(list(book.chunks())) == 5


def test_runs_of_unchanged_entries_are_copied_in_pieces_of_a_bounded_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocf, "RUN", 64)
    after = _chapters(20, 7)
    assert _reassembled(tmp_path, _chapters(20), after, WHEN).raw() == write_container(after, WHEN)


def test_an_unchanged_container_is_copied_in_one_read(tmp_path: Path) -> None:
    book = _reassembled(tmp_path, _chapters(20), _chapters(20), WHEN)
    # Every entry with its header in one piece, then the central directory and its end.
    assert len(list(book.chunks())) == 3


def test_entries_beyond_the_end_of_a_shortened_previous_container_are_read_again(
    tmp_path: Path,
) -> None:
    before = _chapters(20)
    previous = container(before, WHEN)
    book = tmp_path / "book.epub"
    book.write_bytes(previous.raw()[: previous.size // 2])
    again = container(before, WHEN, Reuse.of(str(book), previous.placed))
    assert again.raw() == write_container(before, WHEN)


@pytest.mark.parametrize("tail", [b"", b"<nav>prev</nav>\n", "下一篇".encode() * 30000])
def test_a_page_finished_with_its_tail_and_a_shared_end_is_the_whole_page(tail: bytes) -> None:
    head = "<html><body><p>松江、杭州、嘉兴</p>".encode() * 40
    end = b"<footer>G60</footer></body></html>\n"
    page = Tailed(ocf.pack_open(head), tail, end)
    whole = head + tail + end
    assert page.raw() == whole
    assert (page.size, page.crc) == (len(whole), zlib.crc32(whole))
    # The same bytes held as one tail give the same digest: a page's digest
    # does not depend on how its end was split.
    assert page.digest == Tailed(ocf.pack_open(head), tail + end).digest
    assert page.digest != Tailed(ocf.pack_open(head), tail + end + b" ").digest
    with zipfile.ZipFile(io.BytesIO(write_container([("p.html", page)], WHEN))) as archive:
        assert archive.read("p.html") == whole


def test_a_previous_container_places_an_entry_only_under_its_name_and_digest() -> None:
    chapters = _chapters(3)
    placed = list(container(chapters, WHEN).placed)
    reuse = Reuse.of("book.epub", placed)
    for name, digest, at, size in placed:
        assert reuse.place(name, digest) == (at, size)
    name, digest, _, _ = placed[1]
    other = pack("<p>改</p>").digest
    assert reuse.place(name, other) is None
    assert reuse.place("EPUB/none.xhtml", digest) is None
    # A name that is not a digest and one that is never stand for each other.
    assert Reuse.of("t.txt", [(digest, digest, 5, 7)]).place(digest, digest) == (5, 7)
    assert Reuse.of("t.txt", [(digest, digest, 5, 7)]).place(name, digest) is None


def test_text_packed_piece_by_piece_is_the_text_packed_whole() -> None:
    # A book's table of contents is packed entry by entry, never held whole;
    # its bytes are those of the whole text packed at once.
    from g60pub.editions.ocf import pack, pack_pieces

    entry = '<li><a href="ch{:05d}.xhtml">长三角一体化 {} G60科创走廊</a></li>\n'
    pieces = [entry.format(n, n) for n in range(5000)]
    whole, streamed = pack("".join(pieces)), pack_pieces(pieces)
    assert (streamed.crc, streamed.size, streamed.data) == (whole.crc, whole.size, whole.data)
    assert pack_pieces([]).raw() == b""
