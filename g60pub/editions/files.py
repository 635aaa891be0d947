"""The files of the editions in the forms a build holds them until they are written.

An edition file is held as one of three things, all :class:`FileContent`:

* :class:`~g60pub.editions.ocf.Packed`: bytes as a ZIP container stores them,
  deflated (EPUB chapters, site pages) or stored (everything assembled whole);
* :class:`Joined`: a file made of parts it shares with the articles (a text
  book is its articles' texts between separators), joined only when written;
* whatever else gives the same three things: a build may keep an article's
  packed files elsewhere (on disk) and hand them over in their place.

The rendered chapters, pages and texts of one article come to about 1 MB as
Python strings; a thousand of them made a build's memory grow past a gigabyte.
Packed, they take a fifth of that: the EPUB chapters are deflated once, in
the worker, exactly as the container stores them (ocf.py), so a book is
assembled by copying bytes; pages and texts are deflated too and inflated
one at a time when written.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from g60pub.editions.ocf import STORED, Entry, pack, pack_open
from g60pub.editions.render import ArticleOutput, ArticleResult
from g60pub.editions.reuse import RUN, Placed, Reuse, read_runs, spooled

# Chapters get the container's level. Pages are read back only when they
# changed: the fastest level keeps the workers' share small. Text books and
# the TMX are joined from every article's part whenever any article changed,
# so their parts are stored as they are: read, never inflated.
FAST = 1


class FileContent(Protocol):
    """What a build needs of a file to write it: its bytes, and a digest that is
    equal whenever the bytes are (unequal digests only mean "compare the bytes")."""

    @property
    def size(self) -> int: ...  # the file's size in bytes
    @property
    def digest(self) -> str: ...

    def raw(self) -> bytes: ...
    def chunks(self) -> Iterable[bytes]: ...  # the bytes in pieces, for files too big to hold


PackedArticle = ArticleOutput[Entry]
"""An article with its files packed (in memory, or wherever a build keeps them)."""


def stored(data: bytes) -> Entry:
    """Bytes assembled whole (a book, an index page) as a file to write."""
    return pack(data, STORED)


@dataclass(frozen=True, slots=True)
class Joined:
    """A file made of parts it shares with the articles, joined only when it is written.

    Held whole, the five text books of a 1,000-article build were 60 MB of
    the parent's memory, on top of the packed texts they are made of.
    ``parts`` are ``(content, end)``: bytes, or a packed text cut at ``end``.
    """

    parts: tuple[tuple[bytes | Entry, int], ...]
    size: int
    sha256: str  # hex digest of the joined bytes
    reuse: Reuse | None = None
    spooled: str | None = None  # a file holding the joined bytes already (see ocf.container)

    @property
    def digest(self) -> str:
        return f"raw:{self.sha256}"  # as for stored bytes: the digest of the joined bytes

    @property
    def placed(self) -> Iterator[Placed]:
        """Where the file holds each article's part, by the part's digest, for
        the next build's Reuse: a part unchanged since is copied from this file."""
        offset = 0
        for content, end in self.parts:
            if not isinstance(content, bytes):
                digest = content.digest
                yield digest, digest, offset, end
            offset += end

    def raw(self) -> bytes:
        return b"".join(self.chunks())

    def chunks(self) -> Iterator[bytes]:
        if self.spooled is not None and os.path.isfile(self.spooled):
            return read_runs(self.spooled)
        return _pieces(self.parts, self.reuse)


def join_texts(
    head: bytes,
    texts: Sequence[Entry],
    sep: bytes,
    tail: bytes,
    empty: bytes,
    reuse: Reuse | None = None,
    spool: BinaryIO | None = None,
) -> Joined:
    """``head + sep.join(t.rstrip("\\n") for t in texts) + tail``, with ``empty``
    as the body when that join is empty; each text is inflated once, here, for
    the size and digest, and again when the file is written (or copied from
    the file ``reuse`` describes, where it is unchanged), unless ``spool``
    took the bytes in the same pass (see :func:`~g60pub.editions.ocf.container`)."""

    def parts(previous: _Previous) -> Iterator[tuple[bytes | Entry, bytes]]:
        # A generator: one text inflated at a time, never the whole book.
        yield head, head
        body = False
        for i, text in enumerate(texts):
            data = previous.copy(text)
            data = text.raw().rstrip(b"\n") if data is None else data
            if i:
                yield sep, sep
            body = body or bool(i) or bool(data)
            yield text, data
        if not body:
            yield empty, empty
        yield tail, tail

    return _joined(parts, reuse, spool)


def join_parts(
    parts: Iterable[bytes | Entry], reuse: Reuse | None = None, spool: BinaryIO | None = None
) -> Joined:
    """The file made of ``parts`` in order, each inflated once, here, for the
    size and digest, and again when the file is written (or copied from the
    file ``reuse`` describes, where it is unchanged), unless ``spool`` took
    the bytes in the same pass."""

    def pairs(previous: _Previous) -> Iterator[tuple[bytes | Entry, bytes]]:
        for p in parts:
            if isinstance(p, bytes):
                yield p, p
            else:
                data = previous.copy(p)
                yield p, p.raw() if data is None else data

    return _joined(pairs, reuse, spool)


class _Previous:
    """The file a previous build joined, open while the parts are read: read
    :data:`~g60pub.editions.reuse.RUN` bytes at a time, in order, not one seek
    and read per part (120,000 of them in the text books of 10,000 articles)."""

    def __init__(self, reuse: Reuse | None, file: BinaryIO | None) -> None:
        self.reuse, self.file = reuse, file
        self.start, self.window = 0, b""

    def copy(self, part: Entry) -> bytes | None:
        """The bytes ``part`` contributed to the previous file, if it is in it."""
        if self.reuse is None or self.file is None:
            return None
        digest = part.digest
        where = self.reuse.place(digest, digest)  # a joined file's parts are named by digest
        if where is None:
            return None
        at, size = where
        if at < self.start or at + size > self.start + len(self.window):
            self.file.seek(at)
            self.start, self.window = at, self.file.read(max(size, RUN))
        if at + size > self.start + len(self.window):
            return None
        return self.window[at - self.start : at - self.start + size]


def _opened(reuse: Reuse | None, stack: contextlib.ExitStack) -> _Previous:
    return _Previous(reuse, stack.enter_context(open(reuse.file, "rb")) if reuse else None)


def _joined(
    parts: Callable[[_Previous], Iterable[tuple[bytes | Entry, bytes]]],
    reuse: Reuse | None,
    spool: BinaryIO | None,
) -> Joined:
    # Each part with the bytes it contributes (a prefix of its content).
    digest = hashlib.sha256()
    kept: list[tuple[bytes | Entry, int]] = []
    offset = 0
    with contextlib.ExitStack() as stack:
        sink = stack.enter_context(spooled(spool))
        gathered = bytearray()  # written RUN bytes at a time, not a call per part
        for content, data in parts(_opened(reuse, stack)):
            kept.append((content, len(data)))
            digest.update(data)
            offset += len(data)
            if spool is None:
                continue
            gathered += data
            if len(gathered) >= RUN:
                sink(bytes(gathered))
                gathered.clear()
        sink(bytes(gathered))
    name = spool.name if spool is not None else None
    return Joined(tuple(kept), offset, digest.hexdigest(), reuse, name)


def _pieces(parts: Sequence[tuple[bytes | Entry, int]], reuse: Reuse | None) -> Iterator[bytes]:
    # Gathered into pieces of about RUN bytes: one write call per run of
    # parts, not one per part and separator.
    gathered = bytearray()
    with contextlib.ExitStack() as stack:
        previous = _opened(reuse, stack)
        for content, end in parts:
            if isinstance(content, bytes):
                data = content
            else:
                copied = previous.copy(content)
                data = content.raw() if copied is None else copied
            gathered += data if end == len(data) else data[:end]
            if len(gathered) >= RUN:
                yield bytes(gathered)
                gathered.clear()
    if gathered:
        yield bytes(gathered)


def pack_article(result: ArticleResult) -> PackedArticle:
    """Pack a rendered article (runs in the worker that rendered it)."""
    return ArticleOutput(
        slug=result.slug,
        error=result.error,
        published=result.published,
        source_lang=result.source_lang,
        lines=result.lines,
        chapters={v: pack(x) for v, x in result.chapters.items()},
        pages={v: pack_open(x, level=FAST) for v, x in result.pages.items()},
        texts={v: pack(x, STORED) for v, x in result.texts.items()},
        tmx=pack(result.tmx, STORED) if result.tmx is not None else None,
        findings=result.findings,
        warnings=result.warnings,
        failures=result.failures,
    )
