"""An article's share of the editions in compact form: what a build keeps
of every article until the reduce, and what its cache stores.

The rendered chapters, pages and texts of one article come to about 1 MB as
Python strings; a thousand of them made a build's memory grow past a gigabyte
(bench/README.md). Packed, they take a fifth of that: the EPUB chapters are
deflated once, in the worker, exactly as the container stores them (ocf.py),
so a book is assembled by copying bytes; pages and texts are deflated too and
inflated one at a time when written.
"""

from __future__ import annotations

import copyreg
import dataclasses
import hashlib
import pickle
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from g60pub.cache import content_digest
from g60pub.editions.ocf import STORED, Entry, Packed, pack
from g60pub.editions.render import ArticleOutput, ArticleResult
from g60pub.editions.variants import Variant
from g60pub.editions.view import ArticleView, BlockView, Span, TermEntry
from g60pub.errors import G60Error
from g60pub.translations import QAFinding

# Chapters get the container's level. Pages are read back only when they
# changed: the fastest level keeps the workers' share small. Text books and
# the TMX are joined from every article's part whenever any article changed,
# so their parts are stored as they are: read, never inflated.
FAST = 1


PackedArticle = ArticleOutput[Entry]
"""An article with its files packed: in memory (``Packed``) or in a cache entry (``Spilled``)."""


@dataclass(frozen=True, slots=True)
class Joined:
    """A file made of parts it shares with the articles (a text book is its
    articles' texts between separators), joined only when it is written.

    Held whole, the five text books of a 1,000-article build were 60 MB of
    the parent's memory, on top of the packed texts they are made of.
    ``parts`` are ``(content, end)``: bytes, or a packed text cut at ``end``.
    """

    parts: tuple[tuple[bytes | Entry, int], ...]
    size: int
    sha256: str  # hex digest of the joined bytes

    def raw(self) -> bytes:
        return b"".join(_pieces(self.parts))


def join_texts(
    head: bytes, texts: Sequence[Entry], sep: bytes, tail: bytes, empty: bytes
) -> Joined:
    """``head + sep.join(t.rstrip("\\n") for t in texts) + tail``, with ``empty``
    as the body when that join is empty; each text is inflated once, here, for
    the size and digest, and again when the file is written."""

    def parts() -> Iterator[tuple[bytes | Entry, bytes]]:
        # A generator: one text inflated at a time, never the whole book.
        yield head, head
        body = False
        for i, text in enumerate(texts):
            data = text.raw().rstrip(b"\n")
            if i:
                yield sep, sep
            body = body or bool(i) or bool(data)
            yield text, data
        if not body:
            yield empty, empty
        yield tail, tail

    return _joined(parts())


def join_parts(parts: Iterable[bytes | Entry]) -> Joined:
    """The file made of ``parts`` in order, each inflated once, here, for the
    size and digest, and again when the file is written."""
    return _joined((p, p if isinstance(p, bytes) else p.raw()) for p in parts)


def _joined(parts: Iterable[tuple[bytes | Entry, bytes]]) -> Joined:
    # Each part with the bytes it contributes (a prefix of its content).
    digest = hashlib.sha256()
    kept: list[tuple[bytes | Entry, int]] = []
    for content, data in parts:
        kept.append((content, len(data)))
        digest.update(data)
    return Joined(tuple(kept), sum(end for _, end in kept), digest.hexdigest())


def _pieces(parts: Sequence[tuple[bytes | Entry, int]]) -> Iterator[bytes]:
    for content, end in parts:
        data = content if isinstance(content, bytes) else content.raw()
        yield data if end == len(data) else data[:end]


def pack_article(result: ArticleResult) -> PackedArticle:
    """Pack a rendered article (runs in the worker that rendered it)."""
    return ArticleOutput(
        slug=result.slug,
        error=result.error,
        published=result.published,
        source_lang=result.source_lang,
        views=result.views,
        chapters={v: pack(x) for v, x in result.chapters.items()},
        pages={v: pack(x, level=FAST) for v, x in result.pages.items()},
        texts={v: pack(x, STORED) for v, x in result.texts.items()},
        tmx=pack(result.tmx, STORED) if result.tmx is not None else None,
        findings=result.findings,
        warnings=result.warnings,
    )


# --- articles as cache entries ---------------------------------------------------
#
# A thousand articles' packed chapters, pages and texts are ~80 MB that the
# build only needs again when it assembles a book or writes a changed page. A
# cache entry keeps them after a small pickled index, and the article the
# build holds points into the entry's file (``Spilled``) instead of holding
# the bytes: its memory then follows the index (titles, headings, terms,
# findings), not the corpus's text.


@dataclass(frozen=True, slots=True)
class Spilled:
    """A packed file kept in a cache entry on disk, read when it is needed."""

    path: str
    offset: int
    length: int
    method: int
    crc: int
    size: int  # uncompressed
    digest: str  # ``content_digest`` of the stored bytes, known without reading them

    @property
    def data(self) -> bytes:
        try:
            with open(self.path, "rb") as f:
                f.seek(self.offset)
                data = f.read(self.length)
        except OSError:
            data = b""
        if len(data) != self.length:
            raise _lost(self.path)
        return data

    def raw(self) -> bytes:
        try:
            raw = self.data if self.method == STORED else zlib.decompress(self.data, -15)
        except zlib.error:
            raise _lost(self.path) from None
        if zlib.crc32(raw) != self.crc:
            raise _lost(self.path)
        return raw

    def text(self) -> str:
        return self.raw().decode("utf-8")


def _lost(path: str) -> G60Error:
    # The entry was checked when it was read; only something else writing the
    # cache during the build (another build into the same output) gets here.
    return G60Error("the build cache changed during the build; run the build again", path)


def entry_digest(entry: Entry) -> str:
    """``content_digest`` of an entry's stored bytes (read only if not yet known)."""
    if isinstance(entry, Spilled):
        return entry.digest
    return content_digest("raw" if entry.method == STORED else "deflate", entry.data)


def to_entry(article: PackedArticle) -> tuple[bytes, bytes]:
    """The article as a cache entry: its index pickled (files as offsets into
    the blobs, see :func:`read_index`) and the blobs, one after another.

    Made in the worker that rendered the article: the parent then neither
    unpickles the whole article nor pickles its index again."""
    blobs: list[bytes] = []
    offset = 0

    def ref(entry: Entry) -> Entry:
        nonlocal offset
        data = entry.data
        blobs.append(data)
        offset += len(data)
        return Spilled(
            "", offset - len(data), len(data), entry.method, entry.crc, entry.size,
            entry_digest(entry),
        )  # fmt: skip

    index = _map_entries(article, ref)
    return pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL), b"".join(blobs)


def read_index(index: bytes) -> PackedArticle:
    """The article of a pickled index from :func:`to_entry`, its files still
    offsets into blobs it does not hold: place it with :func:`at_location` or
    :func:`in_memory`. Raises ``ValueError`` (or what unpickling raises) when
    ``index`` is not such an index: the cache then treats the entry as stale."""
    article = pickle.loads(index)
    if not isinstance(article, ArticleOutput):
        raise ValueError("not an article")
    return article


def from_entry(index: bytes, path: Path, base: int) -> PackedArticle:
    """The article of the cache entry at ``path``, whose blobs start at ``base``."""
    return at_location(read_index(index), path, base)


def at_location(article: PackedArticle, path: Path, base: int) -> PackedArticle:
    """An index (:func:`read_index`) pointing into the entry at ``path``."""
    where = str(path)

    def locate(entry: Entry) -> Entry:
        ref = _reference(entry)
        return Spilled(
            where, base + ref.offset, ref.length, ref.method, ref.crc, ref.size, ref.digest
        )

    return _map_entries(article, locate)


def in_memory(article: PackedArticle, blobs: bytes) -> PackedArticle:
    """An index (:func:`read_index`) holding its files' bytes, cut from ``blobs``."""

    def load(entry: Entry) -> Entry:
        ref = _reference(entry)
        data = blobs[ref.offset : ref.offset + ref.length]
        return Packed(ref.method, ref.crc, ref.size, data)

    return _map_entries(article, load)


def _reference(entry: Entry) -> Spilled:
    if not isinstance(entry, Spilled) or entry.path:
        raise ValueError("an article index holds only offsets into its blobs")
    return entry


def _map_entries(article: PackedArticle, f: Callable[[Entry], Entry]) -> PackedArticle:
    return replace(
        article,
        chapters={v: f(e) for v, e in article.chapters.items()},
        pages={v: f(e) for v, e in article.pages.items()},
        texts={v: f(e) for v, e in article.texts.items()},
        tmx=f(article.tmx) if article.tmx is not None else None,
    )


def _by_constructor(cls: type) -> None:
    """Pickle ``cls`` as a constructor call with its fields in order.

    Frozen slotted dataclasses otherwise unpickle through ``__setstate__``,
    which calls ``dataclasses.fields()`` once per object: with ~500 objects
    per article that was half the cost of reading a warm build's cache.
    """
    names = tuple(f.name for f in dataclasses.fields(cls))
    if any(not f.init or f.kw_only for f in dataclasses.fields(cls)):
        return  # not constructible positionally: keep the default

    def reduce(obj: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, tuple(getattr(obj, n) for n in names)

    reducer: Callable[[Any], tuple[type, tuple[Any, ...]]] = reduce
    copyreg.pickle(cls, reducer)


# Every article's views list the glossary terms they use, in each variant: the
# same few hundred (id, zh, zh_hant, en) entries over and over. Unpickled one
# copy per article they were ~300 objects and ~45 kB an article, a fifth of
# what a warm build holds in memory at 1,000 articles (bench/README.md).
_INTERNED: dict[tuple[Any, ...], Any] = {}
_INTERNED_LIMIT = 100_000


def interned(cls: type, *args: Any) -> Any:
    """``cls(*args)``, one shared instance per distinct value (frozen classes only)."""
    key = (cls, *args)
    obj = _INTERNED.get(key)
    if obj is None:
        if len(_INTERNED) >= _INTERNED_LIMIT:
            _INTERNED.clear()
        obj = _INTERNED[key] = cls(*args)
    return obj


def _by_shared_instance(cls: type) -> None:
    """Pickle ``cls`` so that equal values unpickle to one shared instance."""
    names = tuple(f.name for f in dataclasses.fields(cls))

    def reduce(obj: Any) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return interned, (cls, *(getattr(obj, n) for n in names))

    copyreg.pickle(cls, reduce)


for _cls in (
    Span, BlockView, ArticleView, QAFinding, Packed, Spilled, ArticleOutput,
):  # fmt: skip
    _by_constructor(_cls)
for _shared in (TermEntry, Variant):
    _by_shared_instance(_shared)
