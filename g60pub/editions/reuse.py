"""What a build reads back from files it writes: the container a previous
build left (:class:`Reuse`, where it held each entry) and the spool a new
container or joined file is written to as it is made (:func:`spooled`)."""

from __future__ import annotations

import contextlib
import os
import struct
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import BinaryIO

RUN = 1 << 22
"""Bytes read from a previous container at a time, at most (4 MiB): a run
of consecutive unchanged entries is copied in one read and one piece, not a
seek and a read per entry (400,000 of them in the books of 10,000 articles)."""


Placed = tuple[str, str, int, int]
"""Where a container holds an entry: its name, its digest (``Entry.digest``),
and the offset and length of its stored bytes in the file."""


@dataclass(frozen=True, slots=True)
class Reuse:
    """The container a previous build wrote at the same path, still as it
    wrote it (the caller checks), and where it held each entry.

    An entry whose digest is the one it had there is copied from that file,
    read once in order, rather than read from wherever the build keeps it:
    after one article changed, a book of 10,000 chapters was 10,000 small
    reads from as many files, twice (for its SHA-256, then to write it).
    """

    file: str
    # By name, the entry's offset and length packed, then its digest: a
    # bytes object an entry rather than a tuple, a string and two ints, for
    # the 200,000 entries of the books and the site ZIP of 10,000 articles.
    # Names and digests are kept as given: looked up and compared as they
    # come, not converted for each of those entries (a digest compacted to
    # its 32 bytes saved 38 bytes an entry, and cost a conversion a lookup).
    entries: Mapping[str, bytes]

    @classmethod
    def of(cls, file: str, placed: Iterable[Placed]) -> Reuse:
        return cls(
            file, {name: _SPAN.pack(at, n) + digest.encode() for name, digest, at, n in placed}
        )

    def place(self, name: str, digest: str) -> tuple[int, int] | None:
        """The offset and length of the stored bytes the container held under
        ``name``, if they are those of ``digest``; else None."""
        where = self.entries.get(name)
        if where is None or where[_SPAN.size :] != digest.encode():
            return None
        at, n = _SPAN.unpack_from(where)
        return at, n


_SPAN = struct.Struct("<QQ")


@contextlib.contextmanager
def spooled(spool: BinaryIO | None, source: str | None = None) -> Iterator[Sink]:
    """A :class:`Sink` that writes each piece to ``spool`` (none: drops it).
    Pieces that ``source`` (the file a previous build wrote) holds are copied
    from it inside the kernel where it can. The file is closed at the end;
    if making the bytes fails, it is deleted, so a half-made file is never
    taken for the output."""
    if spool is None:
        yield Sink(None, None)
        return
    try:
        with spool, contextlib.ExitStack() as stack:
            fd = None
            if source is not None:
                with contextlib.suppress(OSError):
                    fd = os.open(source, os.O_RDONLY)
                    stack.callback(os.close, fd)
            sink = Sink(spool, fd)
            yield sink
            sink.flush()
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(spool.name)
        raise


class Sink:
    """Where a container's or joined file's pieces go as they are made.

    A piece read from the previous build's file is copied from there with
    ``os.copy_file_range``: at 10,000 articles the site ZIP is 400 MB, and
    writing it from Python cost about 0.9 s of CPU against 0.1 s copied in
    the kernel (a copy-on-write filesystem shares the blocks instead). Runs
    of such pieces that lie one after the other there are copied at once;
    other pieces are gathered and written :data:`RUN` bytes at a time."""

    __slots__ = ("_copy", "_end", "_fd", "_gathered", "_spool", "_start")

    def __init__(self, spool: BinaryIO | None, source: int | None) -> None:
        self._spool = spool
        self._fd = source
        self._copy = source is not None and spool is not None and hasattr(os, "copy_file_range")
        self._gathered = bytearray()
        self._start = self._end = -1  # the range of the source still to copy

    def __call__(self, piece: bytes | memoryview, at: int | None = None) -> None:
        """Take ``piece``; ``at``: where the previous build's file holds it."""
        if self._spool is None:
            return
        if at is not None and self._copy:
            if at != self._end:
                self._copy_pending()
                self._write_gathered()
                self._start = at
            self._end = at + len(piece)
            return
        self._copy_pending()
        self._gathered += piece
        if len(self._gathered) >= RUN:
            self._write_gathered()

    def flush(self) -> None:
        self._copy_pending()
        self._write_gathered()

    def _write_gathered(self) -> None:
        if self._gathered and self._spool is not None:
            self._spool.write(self._gathered)
            self._gathered.clear()

    def _copy_pending(self) -> None:
        start, end = self._start, self._end
        if start == end or self._spool is None or self._fd is None:
            return
        self._start = self._end = -1
        spool = self._spool
        spool.flush()
        at = spool.tell()
        dst = spool.fileno()
        done = 0
        try:
            while done < end - start:
                n = os.copy_file_range(self._fd, dst, end - start - done, start + done, at + done)
                if n <= 0:
                    raise OSError("copy_file_range copied nothing")
                done += n
        except OSError:
            # Not here (another filesystem, an old kernel): read and written.
            self._copy = False
            spool.seek(at)
            for offset in range(start, end, RUN):
                spool.write(os.pread(self._fd, min(RUN, end - offset), offset))
            return
        spool.seek(at + done)


def read_runs(path: str) -> Iterator[bytes]:
    """The bytes of the file at ``path``, :data:`RUN` bytes at a time."""
    with open(path, "rb") as f:
        while piece := f.read(RUN):
            yield piece
