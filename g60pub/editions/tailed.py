"""A site page finished when the site is assembled: its start deflated by
the worker that rendered the article, its end (the links to its neighbours,
the footer) added as stored deflate blocks, so neither copy of a page (the
published one, the offline ZIP's) is rendered or deflated again."""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import Iterator

from g60pub.editions.ocf import DEFLATED, Entry


class Tailed:
    """A file whose start was deflated ahead of time (``ocf.pack_open``)
    and whose end is short bytes added now, as stored deflate blocks (RFC
    1951 3.2.4): a site page rendered per article, with the links to its
    neighbours added when the site is assembled. Its container entry and its
    digest are made without inflating or reading the start.

    The end is ``tail`` then ``end``: the page's own bytes (its links), and
    bytes many pages share (a variant's footer), held once for all of them
    rather than once a page (100,000 pages at 10,000 articles).

    A plain class, not a frozen dataclass: a build makes one for each of
    those pages, and a frozen dataclass sets each field it works out through
    ``object.__setattr__``. Nothing changes one once made."""

    __slots__ = ("_crc", "digest", "end", "head", "size", "tail")

    def __init__(
        self,
        head: Entry,
        tail: bytes,
        end: bytes = b"",
        digest: str | None = None,
        crc: str | None = None,
    ) -> None:
        """``digest`` and ``crc`` (in decimal): this page's as a build worked
        them out before (the same head, tail and end), taken rather than made
        again."""
        self.head, self.tail, self.end = head, tail, end
        # Asked for by the archive's two passes, its record and the write,
        # for each page: made once.
        if digest is None:
            made = hashlib.sha256(head.digest.encode("ascii"))
            made.update(tail)
            made.update(end)
            digest = "tailed:" + made.hexdigest()
        self.digest = digest
        self.size = head.size + len(tail) + len(end)  # uncompressed
        self._crc = int(crc) if crc is not None and crc.isdigit() else -1

    @property
    def method(self) -> int:
        return DEFLATED

    @property
    def crc(self) -> int:
        # Only the archive's copy of a page asks (once, for its headers):
        # worked out then, not for the published copy too.
        if self._crc < 0:
            self._crc = zlib.crc32(self.end, zlib.crc32(self.tail, self.head.crc))
        return self._crc

    @property
    def data(self) -> bytes:
        blocks = [self.head.data]
        added = self.tail + self.end
        chunks = [added[i : i + 0xFFFF] for i in range(0, len(added), 0xFFFF)] or [b""]
        for i, chunk in enumerate(chunks):
            final = 1 if i == len(chunks) - 1 else 0
            blocks.append(struct.pack("<BHH", final, len(chunk), len(chunk) ^ 0xFFFF) + chunk)
        return b"".join(blocks)

    def raw(self) -> bytes:
        return zlib.decompress(self.data, -15)

    def chunks(self) -> Iterator[bytes]:
        yield self.raw()

    def text(self) -> str:
        return self.raw().decode("utf-8")
