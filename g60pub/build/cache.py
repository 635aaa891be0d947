"""The build cache: every rendered article on disk, keyed by what it depends on.

How a build uses it
-------------------
* One key per article (:func:`cache_key`), computed before dispatch from the
  g60pub version, the renderer's digest, the configuration, the glossary, the
  article's slug and the bytes of its source and PO files (build/plan.py).
* An entry is the article as :func:`to_entry` makes it in the worker that
  rendered it: a small pickled index (titles, headings, terms, findings; each
  file as an offset) followed by the article's packed files as they are. The
  build then holds only the index, whose files (:class:`Spilled`) point into
  the entry, and reads a file when a book is assembled or a changed page is
  written: its memory follows the index, not the corpus's text.
* The parent process looks entries up (:meth:`BuildCache.get`), sends only
  the misses to the pool, writes what the workers made (:meth:`BuildCache.put`)
  and finally :meth:`BuildCache.prune`\\s every entry the build did not use.
* ``--force`` reads nothing but still writes; without a cache nothing is
  read or written.

Trust
-----
Every entry carries a header: a magic string, the format version, the key it
was written for, the payload length and the payload's SHA-256. An entry whose
header or checksum does not match (a torn write, a truncated copy, a file
dropped in by hand, a stale format) is deleted and counts as a miss, never
trusted; an index is unpickled only after its checksum matched. A file read
later through an index is checked again (its length, and the CRC-32 of its
content): an entry rewritten during the build by something else is an error
naming the entry, not silently wrong output.
"""

from __future__ import annotations

import contextlib
import copyreg
import dataclasses
import hashlib
import io
import pickle
import struct
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from g60pub.atomic import write_atomic_many
from g60pub.editions.files import PackedArticle
from g60pub.editions.ocf import STORED, Entry, Packed
from g60pub.editions.render import ArticleOutput
from g60pub.editions.variants import Variant
from g60pub.editions.view import ArticleView, BlockView, Span, TermEntry
from g60pub.errors import G60Error
from g60pub.translations import QAFinding

FORMAT_VERSION = 5
"""Bump when the entry layout or the shape of cached build results changes."""

_MAGIC = b"G60CACHE"
# magic, format version, payload kind, key (raw sha256), payload length, payload sha256
_HEADER = struct.Struct(">8sHB32sQ32s")
_KIND_ARTICLE = 2
_INDEX_LEN = struct.Struct(">I")
_KEY_HEX_LEN = 64
_HEX = frozenset("0123456789abcdef")


def cache_key(*parts: bytes | str) -> str:
    """SHA-256 over the parts, each prefixed by its kind and length.

    Length prefixes keep ``("ab", "c")`` and ``("a", "bc")`` apart; the kind
    byte keeps ``"x"`` and ``b"x"`` apart.
    """
    h = hashlib.sha256(b"g60pub-cache-key\0")
    h.update(str(FORMAT_VERSION).encode("ascii") + b"\0")
    for part in parts:
        if isinstance(part, str):
            data, kind = part.encode("utf-8"), b"s"
        else:
            data, kind = bytes(part), b"b"
        h.update(kind + len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


class BuildCache:
    """Entries live at ``root/<key[:2]>/<key>``; see the module docstring."""

    def __init__(self, root: Path, *, enabled: bool = True, refresh: bool = False, batch: int = 0):
        self.root = root
        self.enabled = enabled
        self.refresh = refresh
        # With batch > 0, entries are held until that many are pending (or
        # flush()) and written with one flush for all: an fsync per entry cost
        # seconds per thousand articles.
        self.batch = batch
        self._pending: list[tuple[str, bytes]] = []
        self.used: set[str] = set()
        self.hits = 0

    def path(self, key: str) -> Path:
        if len(key) != _KEY_HEX_LEN or not _HEX.issuperset(key):
            raise ValueError(f"not a cache key (64 lowercase hex digits): {key!r}")
        return self.root / key[:2] / key

    def get(self, key: str) -> PackedArticle | None:
        """The article stored under ``key``, its files pointing into the entry;
        None (a miss) when absent, untrustworthy or stale."""
        if not self.enabled or self.refresh:
            return None
        path = self.path(key)
        try:
            blob = path.read_bytes()
        except OSError:
            return None
        payload = _unpack(blob, key)
        try:
            if payload is None:
                raise ValueError("not an entry for this key")
            (length,) = _INDEX_LEN.unpack_from(payload)
            index = zlib.decompress(payload[_INDEX_LEN.size : _INDEX_LEN.size + length])
            article = at_location(read_index(index), path, _HEADER.size + _INDEX_LEN.size + length)
        except Exception:
            # Corrupt, or the checksum matched but the classes it names have
            # changed shape: stale. Either way it is rebuilt.
            self._forget(key)
            return None
        self.used.add(key)
        self.hits += 1
        return article

    def put(self, key: str, index: bytes, blobs: bytes) -> tuple[Path, int]:
        """Store an article's ``index`` (compressed) followed by its ``blobs`` (as
        they are); returns the entry's path and the file offset of the blobs.

        The blobs can be read from the file once the entry is written: after
        :meth:`flush` when batching, and only if ``key in self.used`` (a failed
        write drops it).
        """
        self.path(key)  # refuses a malformed key now, not at flush
        packed = zlib.compress(index, 1)
        payload = b"".join((_INDEX_LEN.pack(len(packed)), packed, blobs))
        if self.enabled:
            header = _HEADER.pack(
                _MAGIC,
                FORMAT_VERSION,
                _KIND_ARTICLE,
                bytes.fromhex(key),
                len(payload),
                hashlib.sha256(payload).digest(),
            )
            self.used.add(key)
            self._pending.append((key, header + payload))
            if len(self._pending) >= self.batch:
                self.flush()
        return self.path(key), _HEADER.size + _INDEX_LEN.size + len(packed)

    @property
    def pending(self) -> int:
        """Entries a batching cache holds, not yet written."""
        return len(self._pending)

    def flush(self) -> None:
        """Write the entries a batching cache holds."""
        pending, self._pending = self._pending, []
        if not pending:
            return
        try:
            write_atomic_many((self.path(key), blob) for key, blob in pending)
        except OSError:
            # A cache that cannot be written only costs speed; the build's own
            # outputs are written elsewhere and fail loudly on their own.
            self.used.difference_update(key for key, _ in pending)

    def prune(self) -> None:
        """Delete every entry this build did not read or write, and leftover temp files."""
        self.flush()
        if not self.enabled or not self.root.is_dir():
            return
        for shard in self.root.iterdir():
            if not shard.is_dir():
                continue
            for entry in shard.iterdir():
                if entry.name in self.used and entry.name[:2] == shard.name:
                    continue
                with contextlib.suppress(FileNotFoundError, IsADirectoryError):
                    entry.unlink()
            with contextlib.suppress(OSError):
                shard.rmdir()  # only succeeds when empty

    def _forget(self, key: str) -> None:
        with contextlib.suppress(OSError):
            self.path(key).unlink()
        self.used.discard(key)


def _unpack(blob: bytes, key: str) -> bytes | None:
    if len(blob) < _HEADER.size:
        return None
    magic, version, kind, stored_key, length, digest = _HEADER.unpack_from(blob)
    if magic != _MAGIC or version != FORMAT_VERSION or kind != _KIND_ARTICLE:
        return None
    if stored_key != bytes.fromhex(key) or length != len(blob) - _HEADER.size:
        return None
    payload = blob[_HEADER.size :]
    if hashlib.sha256(payload).digest() != digest:
        return None
    return payload


# --- an article as a cache entry ----------------------------------------------


@dataclass(frozen=True, slots=True)
class Spilled:
    """A packed file kept in a cache entry on disk, read when it is needed."""

    path: str
    offset: int
    length: int
    method: int
    crc: int
    size: int  # uncompressed
    digest: str  # the packed file's digest, known without reading it

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

    def chunks(self) -> Iterator[bytes]:
        yield self.raw()


def _lost(path: str) -> G60Error:
    # The entry was checked when it was read; only something else writing the
    # cache during the build (another build into the same output) gets here.
    return G60Error("the build cache changed during the build; run the build again", path)


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
            "", offset - len(data), len(data), entry.method, entry.crc, entry.size, entry.digest
        )

    return _dumps(_map_entries(article, ref)), b"".join(blobs)


def read_index(index: bytes) -> PackedArticle:
    """The article of a pickled index from :func:`to_entry`, its files still
    offsets into blobs it does not hold: place it with :func:`at_location` or
    :func:`in_memory`. Raises ``ValueError`` (or what unpickling raises) when
    ``index`` is not such an index: the cache then treats the entry as stale."""
    article = pickle.loads(index)
    if not isinstance(article, ArticleOutput):
        raise ValueError("not an article")
    return article


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


# --- how an index pickles -------------------------------------------------------
#
# The reducers below are used by this module's pickler only (a private dispatch
# table), never registered globally: importing g60pub changes no other pickling.

Reducer = Callable[[Any], tuple[Any, tuple[Any, ...]]]


def _by_constructor(cls: type) -> Reducer:
    """Pickle ``cls`` as a constructor call with its fields in order.

    Frozen slotted dataclasses otherwise unpickle through ``__setstate__``,
    which calls ``dataclasses.fields()`` once per object: with ~500 objects
    per article that was half the cost of reading a warm build's cache.
    """
    names = tuple(f.name for f in dataclasses.fields(cls))

    def reduce(obj: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, tuple(getattr(obj, n) for n in names)

    return reduce


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


def _by_shared_instance(cls: type) -> Reducer:
    """Pickle ``cls`` so that equal values unpickle to one shared instance."""
    names = tuple(f.name for f in dataclasses.fields(cls))

    def reduce(obj: Any) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return interned, (cls, *(getattr(obj, n) for n in names))

    return reduce


def _positional(cls: type) -> bool:
    return all(f.init and not f.kw_only for f in dataclasses.fields(cls))


_REDUCERS: dict[type, Reducer] = {
    **{
        cls: _by_constructor(cls)
        for cls in (Span, BlockView, ArticleView, QAFinding, Packed, Spilled, ArticleOutput)
        if _positional(cls)
    },
    **{cls: _by_shared_instance(cls) for cls in (TermEntry, Variant) if _positional(cls)},
}


def _dumps(obj: object) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table, **_REDUCERS}
    pickler.dump(obj)
    return buffer.getvalue()
