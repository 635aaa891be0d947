"""What a variant's site makes of its articles' listed lines (lines.py): its
index pages, its glossary page, each article's previous/next links and the
articles its feed lists.

They depend on nothing else an article holds. A build whose articles list
as they did in the last build (a paragraph or a translation edited, the
common case while translators work) takes them from the last build instead
of making them again: at 10,000 articles, each variant's 10,000 lines
unpacked and its 100 index pages and glossary rendered on every build.
Which lines a site was made of is known by their digests (``listed_digest``,
taken by the worker that packed each line), so nothing is unpacked to
find that they are the same.
"""

from __future__ import annotations

import hashlib
import zlib
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate

from g60pub.editions.ocf import DEFLATED, Packed

Made = tuple[bytes, tuple[tuple[str, int, int, bytes], ...], bytes, bytes, tuple[str, ...], str]
""":class:`MadeLists` as a build's record holds it: plain values."""


@dataclass(frozen=True, slots=True)
class MadeLists:
    """One variant's lists as a build made them, under the key of what they
    were made from (:meth:`SiteLists.key`); or its glossary page alone,
    under the key of its articles' slugs and terms."""

    key: bytes
    # The index and glossary pages by file name: crc, size and the deflated
    # start of each (ocf.pack_open), to be finished as the pages are.
    pages: tuple[tuple[str, int, int, bytes], ...]
    pagers: bytes  # each article's previous/next links in site order, joined, deflated
    ends: bytes  # array("Q"): where each article's links end in ``pagers`` inflated
    newest: tuple[str, ...]  # the slugs of the articles the feed lists, in its order
    # The digests of the articles' pages as they were finished with these
    # lists (:meth:`finished`): a page whose start is the same has them again.
    tails: str = ""

    @classmethod
    def of(
        cls,
        key: bytes,
        pages: Sequence[tuple[str, Packed]],
        pagers: Sequence[bytes],
        newest: Sequence[str],
    ) -> MadeLists:
        ends = array("Q", accumulate(map(len, pagers)))
        return cls(
            key,
            tuple((name, p.crc, p.size, p.data) for name, p in pages),
            zlib.compress(b"".join(pagers), 1),
            ends.tobytes(),
            tuple(newest),
        )

    def heads(self) -> list[tuple[str, Packed]]:
        return [(name, Packed(DEFLATED, crc, size, data)) for name, crc, size, data in self.pages]

    def pager_list(self) -> list[bytes]:
        joined = zlib.decompress(self.pagers)
        ends = array("Q", self.ends)
        starts = [0, *ends][:-1]
        return [joined[a:b] for a, b in zip(starts, ends, strict=True)]

    def finished(self, ends: str) -> list[list[str]]:
        """For each article in site order, the digest of its page's start, of
        the two pages finished with it (published and offline) and the
        offline one's CRC, when the pages were finished with ``ends`` (their
        footers' digest); else none."""
        rows = self.tails.split("\n")
        if rows[0] != ends:
            return []
        return [row.split("\t") for row in rows[1:]]

    def with_tails(self, ends: str, rows: Iterable[tuple[str, ...]]) -> MadeLists:
        """These lists, with the digests of the pages finished with them now."""
        tails = "\n".join([ends, *("\t".join(row) for row in rows)])
        return replace(self, tails=tails)

    def record(self) -> Made:
        return (self.key, self.pages, self.pagers, self.ends, self.newest, self.tails)


class SiteLists:
    """Every variant's lists as the last build made them, and those this
    build makes or takes: what the next build is given (:meth:`made`).

    ``salt`` stands for everything else the lists are made with (the
    package's templates and catalogs, the configuration, the glossary): a
    build with another salt takes nothing from the last."""

    def __init__(self, salt: str, last: Mapping[str, MadeLists] | None = None) -> None:
        self.salt = salt
        self._last = dict(last or {})
        self._now: dict[str, MadeLists] = {}

    def key(self, variant: object, context: object, digests: Iterable[bytes] = ()) -> bytes:
        """The key of a variant's lists: the salt, the variant and what they
        are made of besides its articles' lines (``context``, by ``repr``),
        and the digests of those lines in site order."""
        made = hashlib.blake2b(repr((self.salt, variant, context)).encode("utf-8"))
        made.update(b"".join(digests))
        return made.digest()

    def update(self, name: str, made: MadeLists) -> None:
        """What the next build is given as the lists ``name``, from now on."""
        self._now[name] = made

    def get(self, name: str, key: bytes, make: Callable[[bytes], MadeLists]) -> MadeLists:
        """The lists ``name`` (a variant's, or its glossary page) as the last
        build made them under ``key``; if it did not, ``make(key)``'s."""
        last = self._last.get(name)
        made = last if last is not None and last.key == key else make(key)
        self._now[name] = made
        return made

    @property
    def changed(self) -> bool:
        """Whether the next build is to be given other lists than this one was."""
        return self._now != self._last

    def made(self) -> dict[str, Made]:
        """The lists this build made or took, for the next build's record."""
        return {variant: made.record() for variant, made in self._now.items()}


def read_made(data: object) -> dict[str, MadeLists]:
    """The lists a build's record holds (:meth:`SiteLists.made`); nothing if
    it holds anything else."""
    if not isinstance(data, dict):
        return {}
    try:
        return {str(v): MadeLists(*fields) for v, fields in data.items()}
    except TypeError:
        return {}
