"""The EPUB container (OCF ZIP) written from entries compressed ahead of time.

A chapter is deflated once, by the worker that renders its article, and the
compressed bytes are cached with the rest of the article's result. Assembling
a book is then only copying bytes: a rebuild after one article changed
compresses one article's chapters, not the whole corpus (issue 6: "an EPUB is
reassembled from cached chapters"). ``zipfile`` cannot take data compressed
elsewhere, so the container is written here, following APPNOTE 6.3.10 with
no extensions: no ZIP64 (a book stays far below 4 GiB and 65,535 entries),
no data descriptors, no extra fields, so equal inputs give equal bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import struct
import zlib
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from g60pub.editions.reuse import RUN, Placed, Reuse, read_runs, spooled

STORED = 0
DEFLATED = 8
# Level 6 (zlib's default) is within 0.1% of level 9's size on chapters and
# compresses about 40% faster.
LEVEL = 6
_VERSION = 20  # 2.0: deflate
_MADE_BY = (3 << 8) | _VERSION  # Unix, so the permission bits below are read
_UNIX_MODE = 0o100644 << 16  # a regular file, rw-r--r--
_UTF8_NAME = 0x800
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_LIMIT = 0xFFFFFFFF


class Entry(Protocol):
    """A file's bytes as the container stores them, wherever they are kept:
    in memory (:class:`Packed`) or wherever a build keeps them."""

    @property
    def method(self) -> int: ...
    @property
    def crc(self) -> int: ...
    @property
    def size(self) -> int: ...  # uncompressed
    @property
    def data(self) -> bytes: ...  # the stored or raw-deflated bytes
    @property
    def digest(self) -> str: ...  # equal for equal stored bytes (see Packed.digest)

    def raw(self) -> bytes: ...
    def text(self) -> str: ...
    def chunks(self) -> Iterator[bytes]: ...  # the content, as FileContent gives it


@dataclass(frozen=True, slots=True)
class Packed:
    """A file's bytes as the container stores them, with what its headers need."""

    method: int
    crc: int
    size: int  # uncompressed
    data: bytes  # the stored or raw-deflated bytes

    @property
    def digest(self) -> str:
        """SHA-256 of the stored bytes, tagged with how they are stored.

        Equal deflated bodies inflate to equal files, so a page packed in a
        worker is recognised without inflating it; unequal digests only mean
        "compare the bytes". A stored file's digest is that of its content.
        """
        kind = "raw" if self.method == STORED else "deflate"
        return f"{kind}:{hashlib.sha256(self.data).hexdigest()}"

    def raw(self) -> bytes:
        """The file's content again."""
        return self.data if self.method == STORED else zlib.decompress(self.data, -15)

    def chunks(self) -> Iterator[bytes]:
        yield self.raw()

    def text(self) -> str:
        return self.raw().decode("utf-8")


def pack(data: bytes | str, method: int = DEFLATED, level: int = LEVEL) -> Packed:
    """Compress ``data`` (UTF-8 for text) as a container entry."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if method == STORED:
        body = raw
    else:
        compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
        body = compressor.compress(raw) + compressor.flush()
    return Packed(method, zlib.crc32(raw), len(raw), body)


def pack_pieces(pieces: Iterable[str], level: int = LEVEL) -> Packed:
    """The text of ``pieces`` joined, packed as :func:`pack` packs it, never
    held whole: a 10,000-chapter book's table of contents is ~30 MB of text."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    crc, size, body = 0, 0, []
    for piece in pieces:
        raw = piece.encode("utf-8")
        crc = zlib.crc32(raw, crc)
        size += len(raw)
        body.append(compressor.compress(raw))
    body.append(compressor.flush())
    return Packed(DEFLATED, crc, size, b"".join(body))


def pack_open(data: bytes | str, level: int = LEVEL) -> Packed:
    """``data`` deflated as the start of a longer file: the stream ends on a
    byte boundary with no final block (a sync flush), so :class:`~g60pub.editions.tailed.Tailed`
    can finish it with bytes known only later, without deflating again."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    body = compressor.compress(raw) + compressor.flush(zlib.Z_SYNC_FLUSH)
    return Packed(DEFLATED, zlib.crc32(raw), len(raw), body)


def write_container(
    entries: Sequence[tuple[str, Entry]], when: tuple[int, int, int, int, int, int]
) -> bytes:
    """The ZIP bytes of ``entries`` in the given order, every entry dated ``when``."""
    return b"".join(_pieces(entries, when))


@dataclass(frozen=True, slots=True)
class Container:
    """A ZIP container made of entries kept wherever they are (in memory, or
    on disk in a build's cache): its size and SHA-256 come from one pass over
    the entries, read one at a time; its bytes are made again, in pieces,
    when it is written. A book or site archive of 10,000 articles (hundreds
    of MB) is never held whole."""

    entries: tuple[tuple[str, Entry], ...]
    when: tuple[int, int, int, int, int, int]
    size: int
    sha256: str
    # Where each entry's stored bytes lie in the container, offset and length
    # in turn (an array of unsigned 64-bit ints): 16 bytes an entry, not a
    # tuple of four objects for each of the 100,000 pages of 10,000 articles.
    spans: bytes = b""
    reuse: Reuse | None = None
    spooled: str | None = None  # a file holding these bytes already (see container)

    @property
    def digest(self) -> str:
        return f"raw:{self.sha256}"  # as for stored bytes: the digest of the content

    @property
    def placed(self) -> Iterator[Placed]:
        """Every entry's place, for the next build's :class:`Reuse`."""
        spans = array("Q", self.spans)
        for i, (name, entry) in enumerate(self.entries):
            yield name, entry.digest, spans[2 * i], spans[2 * i + 1]

    def chunks(self) -> Iterator[bytes]:
        if self.spooled is not None and os.path.isfile(self.spooled):
            return read_runs(self.spooled)
        return _pieces(self.entries, self.when, self.reuse)

    def raw(self) -> bytes:
        return b"".join(self.chunks())


def container(
    entries: Sequence[tuple[str, Entry]],
    when: tuple[int, int, int, int, int, int],
    reuse: Reuse | None = None,
    spool: BinaryIO | None = None,
) -> Container:
    """The container of ``entries`` (see :class:`Container`), same bytes as
    write_container; entries unchanged since ``reuse`` are read from it.

    With ``spool`` (a new file, opened for writing), the bytes are written
    there in the same pass that takes their size and digest, and the file is
    closed: a build renames it into place instead of making the bytes again
    (see :func:`~g60pub.editions.reuse.spooled`)."""
    with spooled(spool) as sink:
        digest = hashlib.sha256()
        size = 0
        spans = array("Q")
        for piece in _pieces(entries, when, reuse, spans):
            digest.update(piece)
            sink(piece)
            size += len(piece)
    name = spool.name if spool is not None else None
    return Container(tuple(entries), when, size, digest.hexdigest(), spans.tobytes(), reuse, name)


def _pieces(
    entries: Sequence[tuple[str, Entry]],
    when: tuple[int, int, int, int, int, int],
    reuse: Reuse | None = None,
    spans: array[int] | None = None,
) -> Iterator[bytes]:
    with contextlib.ExitStack() as stack:
        previous = stack.enter_context(open(reuse.file, "rb")) if reuse is not None else None
        yield from _pieces_from(entries, when, reuse, previous, spans)


def _pieces_from(
    entries: Sequence[tuple[str, Entry]],
    when: tuple[int, int, int, int, int, int],
    reuse: Reuse | None,
    previous: BinaryIO | None,
    spans: array[int] | None,
) -> Iterator[bytes]:
    dos = dos_time, dos_date = _dos(when)
    offset = 0
    central = bytearray()
    for run, span in _runs(entries, reuse, previous):
        if span is not None and _dated(span, dos_time, dos_date):
            # Copied whole. An entry's local header is made of its name, its
            # stored bytes (the same: equal digests) and the date: the
            # previous container's headers are those that would be written
            # (a change to how headers are made must change the kind of the
            # containers' record, so that no file made the old way is copied).
            for name, entry, data in run:
                encoded = name.encode("utf-8")
                flags = 0 if encoded.isascii() else _UTF8_NAME
                header = _LOCAL.size + len(encoded)
                if spans is not None:
                    spans.extend((offset + header, len(data)))
                central += _central(entry, len(data), encoded, flags, offset, dos)
                offset += header + len(data)
            if offset > _LIMIT:
                raise ValueError("container too large for a ZIP without ZIP64")
            yield span
            continue
        pieces: list[bytes | memoryview] = []
        for name, entry, data in run:
            encoded = name.encode("utf-8")
            flags = 0 if encoded.isascii() else _UTF8_NAME
            if max(offset, entry.size, len(data)) > _LIMIT:
                raise ValueError("container too large for a ZIP without ZIP64")
            local = _LOCAL.pack(
                0x04034B50, _VERSION, flags, entry.method, dos_time, dos_date,
                entry.crc, len(data), entry.size, len(encoded), 0,
            ) + encoded  # fmt: skip
            pieces.append(local)
            pieces.append(data)
            if spans is not None:
                spans.extend((offset + len(local), len(data)))
            central += _central(entry, len(data), encoded, flags, offset, dos)
            offset += len(local) + len(data)
        # The previous container's headers must be those written now (same
        # date, same names) for its bytes to be copied whole; a build whose
        # date moved (the newest source's) puts new headers between them.
        if span is not None and _headers_match(span, pieces):
            yield span
        else:
            yield b"".join(pieces)  # one piece a run: one hash update, one write
    yield bytes(central)
    yield _END.pack(0x06054B50, 0, 0, len(entries), len(entries), len(central), offset, 0)


def _central(
    entry: Entry, stored: int, encoded: bytes, flags: int, offset: int, dos: tuple[int, int]
) -> bytes:
    """An entry's record in the central directory: ``stored`` bytes of it
    behind its local header at ``offset``, its name ``encoded``."""
    return _CENTRAL.pack(
        0x02014B50, _MADE_BY, _VERSION, flags, entry.method, *dos,
        entry.crc, stored, entry.size, len(encoded), 0, 0, 0, 0, _UNIX_MODE, offset,
    ) + encoded  # fmt: skip


_Run = list[tuple[str, Entry, bytes | memoryview]]


def _runs(
    entries: Sequence[tuple[str, Entry]], reuse: Reuse | None, previous: BinaryIO | None
) -> Iterator[tuple[_Run, bytes | None]]:
    """The entries in order, in runs: a run of entries whose stored bytes lie
    one after the other in the previous container (each behind its local
    header) comes with the bytes read from there, headers included; any
    other entry comes alone, its data read from the entry."""
    i = 0
    while i < len(entries):
        name, entry = entries[i]
        where = _place(reuse, previous, name, entry)
        if where is None or previous is None:
            yield [(name, entry, entry.data)], None  # read once: an entry on disk reads its file
            i += 1
            continue
        start = where[0] - _LOCAL.size - len(name.encode("utf-8"))
        end, places, i = where[0] + where[1], [where], i + 1
        while i < len(entries) and end - start < RUN:
            nxt = _place(reuse, previous, *entries[i])
            if nxt is None or nxt[0] != end + _LOCAL.size + len(entries[i][0].encode("utf-8")):
                break
            places.append(nxt)
            end = nxt[0] + nxt[1]
            i += 1
        previous.seek(start)
        span = previous.read(end - start)
        run = entries[i - len(places) : i]
        if len(span) != end - start:
            for n, e in run:
                alone: _Run = [(n, e, e.data)]
                yield alone, None
            continue
        view = memoryview(span)
        pairs = zip(run, places, strict=True)
        yield [(n, e, view[at - start : at - start + size]) for (n, e), (at, size) in pairs], span


def _place(
    reuse: Reuse | None, previous: BinaryIO | None, name: str, entry: Entry
) -> tuple[int, int] | None:
    # Equal digests, equal stored bytes (see Packed.digest): the entry's bytes
    # are those the previous container holds under its name.
    if reuse is None or previous is None:
        return None
    where = reuse.place(name, entry.digest)
    if where is None or where[0] < _LOCAL.size:
        return None
    return where


def _dated(span: bytes, dos_time: int, dos_date: int) -> bool:
    # Whether the run of the previous container that ``span`` holds starts
    # with a local header dated as the entries written now: every entry of a
    # container carries the same date.
    if len(span) < _LOCAL.size or span[:4] != b"PK\x03\x04":
        return False
    return bool(_DATE.unpack_from(span, 10) == (dos_time, dos_date))


_DATE = struct.Struct("<HH")


def _headers_match(span: bytes, pieces: Sequence[bytes | memoryview]) -> bool:
    # ``pieces`` are local header, data, header, data...: the data were read
    # from ``span``; its headers must be those written now.
    view = memoryview(span)
    at = 0
    for k, piece in enumerate(pieces):
        if k % 2 == 0 and view[at : at + len(piece)] != piece:
            return False
        at += len(piece)
    return at == len(span)


def _dos(when: tuple[int, int, int, int, int, int]) -> tuple[int, int]:
    year, month, day, hour, minute, second = when
    year = min(max(year, 1980), 2107)  # the DOS date field's range
    return (hour << 11) | (minute << 5) | (second // 2), ((year - 1980) << 9) | (month << 5) | day
