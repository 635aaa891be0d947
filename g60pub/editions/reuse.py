"""What a build reads back from files it writes: the container a previous
build left (:class:`Reuse`, where it held each entry) and the spool a new
container or joined file is written to as it is made (:func:`spooled`)."""

from __future__ import annotations

import contextlib
import mmap
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
    # By name (see _compact), the entry's offset and length packed, then its
    # digest (compacted): two bytes objects an entry rather than a tuple, a
    # 71-character digest and two ints, for the 200,000 entries of the books
    # and the site ZIP of 10,000 articles.
    entries: Mapping[bytes, bytes]

    @classmethod
    def of(cls, file: str, placed: Iterable[Placed]) -> Reuse:
        return cls(
            file,
            {
                _compact(name): _SPAN.pack(at, n) + _compact(digest)
                for name, digest, at, n in placed
            },
        )

    def place(self, name: str, digest: str) -> tuple[int, int] | None:
        """The offset and length of the stored bytes the container held under
        ``name``, if they are those of ``digest``; else None."""
        where = self.entries.get(_compact(name))
        if where is None or where[_SPAN.size :] != _compact(digest):
            return None
        at, n = _SPAN.unpack_from(where)
        return at, n


_SPAN = struct.Struct("<QQ")
_DIGEST_KINDS = {"raw": 0, "deflate": 1, "tailed": 2}


def _compact(text: str) -> bytes:
    # A digest ("<kind>:<sha256 hex>") as its kind's code and the 32 bytes;
    # anything else (an entry's name) as its UTF-8, whose first byte is never
    # one of those codes.
    kind, _, hexed = text.partition(":")
    code = _DIGEST_KINDS.get(kind)
    if code is not None and len(hexed) == 64:
        with contextlib.suppress(ValueError):
            return bytes((code,)) + bytes.fromhex(hexed)
    return text.encode("utf-8")


class Previous:
    """The file a previous build wrote at an output's path, mapped into memory
    while a new one is made: its unchanged bytes are read where they lie, not
    copied into the process, and go to the new file inside the kernel
    (:class:`Sink`). Closed with ``stack``."""

    def __init__(self, path: str, stack: contextlib.ExitStack) -> None:
        self.fd = os.open(path, os.O_RDONLY)
        stack.callback(os.close, self.fd)
        self.bytes = memoryview(b"")
        if os.fstat(self.fd).st_size:
            mapped = mmap.mmap(self.fd, 0, access=mmap.ACCESS_READ)
            stack.callback(_unmap, mapped)
            self.bytes = memoryview(mapped)

    def at(self, start: int, size: int) -> memoryview | None:
        """The ``size`` bytes from ``start``; None past the end of the file."""
        if start < 0 or start + size > len(self.bytes):
            return None
        return self.bytes[start : start + size]


def _unmap(mapped: mmap.mmap) -> None:
    # A view of it still held (a piece not yet collected) keeps the mapping
    # until the view goes; the file it maps is not written again before then.
    with contextlib.suppress(BufferError):
        mapped.close()


def previous(reuse: Reuse | None, stack: contextlib.ExitStack) -> Previous | None:
    """The file ``reuse`` describes, mapped for as long as ``stack`` is open."""
    return Previous(reuse.file, stack) if reuse is not None else None


class Sink:
    """Writes a new file in order, from bytes made now and from bytes of the
    previous build's file (:class:`Previous`), given with where they lie in
    it. Adjacent stretches of the previous file are copied in one call of
    ``copy_file_range``: the 400 MB site archive of 10,000 articles, rebuilt
    after one article changed, is a few copies inside the kernel, not 400 MB
    read into the process and written out again. Bytes made now are gathered
    and written :data:`RUN` at a time. Without a spool, everything is dropped.
    """

    def __init__(self, spool: BinaryIO | None, before: Previous | None) -> None:
        self.spool, self.before = spool, before
        self.gathered = bytearray()
        self.start = self.end = 0  # the stretch of the previous file still to copy

    def __call__(self, data: bytes | memoryview, at: int | None = None) -> None:
        """Append ``data``; ``at``: where the previous file holds these bytes."""
        if self.spool is None:
            return
        # A separator or a header the previous file has next as well.
        pending = self.end > self.start and self.before is not None
        if at is None and pending and len(data) <= _SMALL and self._next(data):
            at = self.end
        if at is not None and self.before is not None:
            if at != self.end or self.end == self.start:
                self._copy()
                self._write()
                self.start = self.end = at
            self.end += len(data)
            return
        self._copy()
        self.gathered += data
        if len(self.gathered) >= RUN:
            self._write()

    def _next(self, data: bytes | memoryview) -> bool:
        return self.before is not None and self.before.at(self.end, len(data)) == data

    def close(self) -> None:
        self._copy()
        self._write()

    def _write(self) -> None:
        if self.gathered and self.spool is not None:
            self.spool.write(bytes(self.gathered))
            self.gathered.clear()

    def _copy(self) -> None:
        start, end = self.start, self.end
        self.start = self.end = 0
        if end <= start or self.spool is None or self.before is None:
            return
        self._write()
        self.spool.flush()
        done = _kernel_copy(self.before.fd, self.spool.fileno(), start, end - start)
        self.spool.seek(0, os.SEEK_END)
        if done < end - start:
            self.spool.write(self.before.bytes[start + done : end])


_SMALL = 1 << 12


def _kernel_copy(source: int, target: int, start: int, size: int) -> int:
    """Copy ``size`` bytes from ``start`` in ``source`` to the end of
    ``target``, inside the kernel; how many were copied (the rest, where the
    system or file system cannot, is the caller's to write)."""
    copy = getattr(os, "copy_file_range", None)
    done = 0
    while copy is not None and done < size:
        try:
            n = copy(source, target, size - done, start + done)
        except OSError:
            break
        if n <= 0:
            break
        done += n
    return done


@contextlib.contextmanager
def spooled(spool: BinaryIO | None, before: Previous | None = None) -> Iterator[Sink]:
    """A :class:`Sink` writing to ``spool`` (none: dropping everything). The
    file is closed at the end; if making the bytes fails, it is deleted, so a
    half-made file is never taken for the output."""
    sink = Sink(spool, before)
    if spool is None:
        yield sink
        return
    try:
        with spool:
            yield sink
            sink.close()
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(spool.name)
        raise


def read_runs(path: str) -> Iterator[bytes]:
    """The bytes of the file at ``path``, :data:`RUN` bytes at a time."""
    with open(path, "rb") as f:
        while piece := f.read(RUN):
            yield piece
