"""What a build reads back from files it writes: the container a previous
build left (:class:`Reuse`, where it held each entry) and the spool a new
container or joined file is written to as it is made (:func:`spooled`)."""

from __future__ import annotations

import contextlib
import os
import struct
from collections.abc import Callable, Iterable, Iterator, Mapping
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
def spooled(spool: BinaryIO | None) -> Iterator[Callable[[bytes], object]]:
    """A function that writes each piece to ``spool`` (none: drops it). The
    file is closed at the end; if making the bytes fails, it is deleted, so a
    half-made file is never taken for the output."""
    if spool is None:
        yield _drop
        return
    try:
        with spool:
            yield spool.write
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(spool.name)
        raise


def _drop(piece: bytes) -> None:
    del piece


def read_runs(path: str) -> Iterator[bytes]:
    """The bytes of the file at ``path``, :data:`RUN` bytes at a time."""
    with open(path, "rb") as f:
        while piece := f.read(RUN):
            yield piece
