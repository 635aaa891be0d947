"""An article as a cache entry: a pickled index whose files point into the
entry (:class:`Spilled`), and how such an index is made and placed.

The build holds only the index of each article and reads a file when a book
is assembled or a changed page written (see cache.py).
"""

from __future__ import annotations

import copyreg
import dataclasses
import hashlib
import io
import pickle
import struct
import zlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from g60pub.editions.files import PackedArticle
from g60pub.editions.ocf import STORED, Entry, Packed
from g60pub.editions.render import ArticleOutput
from g60pub.editions.view import TermEntry
from g60pub.errors import G60Error
from g60pub.translations import QAFinding

_PREFIXES = ("raw:", "deflate:")  # by Spilled._KINDS' index


class Spilled:
    """A packed file kept in a cache entry on disk, read when it is needed.

    Every article's index holds sixteen of them, and a build holds every
    article's index: at 10,000 articles their seven fields as objects (four
    large ints, a 71-character digest) were 340 bytes each, some 55 MB. The
    numbers and the raw SHA-256 are kept packed in one ``bytes`` (150 bytes
    each) and read back as they are asked for."""

    __slots__ = ("_fields", "path")
    _LAYOUT = struct.Struct("<QQIQBB32s")  # offset, length, crc, size, method, kind, sha256
    _KINDS = ("raw", "deflate")  # Packed.digest: "<how stored>:<sha256 hex>"

    path: str
    _fields: bytes

    def __init__(
        self, path: str, offset: int, length: int, method: int, crc: int, size: int, digest: str
    ) -> None:
        kind, _, sha256 = digest.partition(":")
        if kind not in self._KINDS or len(sha256) != 64:
            raise ValueError(f"not a packed file's digest: {digest!r}")
        self.path = path
        self._fields = self._LAYOUT.pack(
            offset, length, crc, size, method, self._KINDS.index(kind), bytes.fromhex(sha256)
        )

    @property
    def offset(self) -> int:
        return int(self._LAYOUT.unpack(self._fields)[0])

    @property
    def length(self) -> int:
        return int(self._LAYOUT.unpack(self._fields)[1])

    @property
    def crc(self) -> int:
        return int(self._LAYOUT.unpack(self._fields)[2])

    @property
    def size(self) -> int:  # uncompressed
        return int(self._LAYOUT.unpack(self._fields)[3])

    @property
    def method(self) -> int:
        return int(self._LAYOUT.unpack(self._fields)[4])

    @property
    def digest(self) -> str:
        """The packed file's digest, known without reading it (asked for some
        300,000 times a build at 10,000 articles: read from the bytes' end)."""
        fields = self._fields
        return _PREFIXES[fields[-33]] + fields[-32:].hex()

    def fields(self) -> tuple[str, int, int, int, int, int, str]:
        """The arguments that make this reference again (how it pickles)."""
        offset, length, crc, size, method, _, _ = self._LAYOUT.unpack(self._fields)
        return (self.path, offset, length, method, crc, size, self.digest)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Spilled):
            return NotImplemented
        return (self.path, self._fields) == (other.path, other._fields)

    def __hash__(self) -> int:
        return hash((self.path, self._fields))

    def __repr__(self) -> str:
        return "Spilled({!r}, {}, {}, {}, {}, {}, {!r})".format(*self.fields())

    @property
    def data(self) -> bytes:
        try:
            with open(self.path, "rb") as f:
                f.seek(self.offset)
                data = f.read(self.length)
        except OSError:
            data = b""
        if len(data) != self.length or hashlib.sha256(data).hexdigest() != self._sha256:
            raise DamagedEntry(self.path)
        return data

    @property
    def _sha256(self) -> str:
        return bytes(self._fields[-32:]).hex()

    def raw(self) -> bytes:
        try:
            raw = self.data if self.method == STORED else zlib.decompress(self.data, -15)
        except zlib.error:
            raise DamagedEntry(self.path) from None
        if zlib.crc32(raw) != self.crc:
            raise DamagedEntry(self.path)
        return raw

    def text(self) -> str:
        return self.raw().decode("utf-8")

    def chunks(self) -> Iterator[bytes]:
        yield self.raw()


class DamagedEntry(G60Error):
    """A file read through an index is not the file the entry was written
    with: the entry was damaged on disk, or rewritten by something else."""

    def __init__(self, path: str) -> None:
        super().__init__("a build cache entry is damaged; run the build again", path)


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

    return dumps(_map_entries(article, ref)), b"".join(blobs)


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


def _spilled(obj: Spilled) -> tuple[type, tuple[Any, ...]]:
    # A constructor call with the seven fields, as when Spilled was a dataclass:
    # entries and ledgers written before read the same.
    return Spilled, obj.fields()


_REDUCERS: dict[type, Reducer] = {
    **{cls: _by_constructor(cls) for cls in (QAFinding, Packed, ArticleOutput) if _positional(cls)},
    Spilled: _spilled,
    **{cls: _by_shared_instance(cls) for cls in (TermEntry,) if _positional(cls)},
}


def dumps(obj: object) -> bytes:
    """``obj`` pickled as indexes are (see the reducers above)."""
    buffer = io.BytesIO()
    _pickler(buffer).dump(obj)
    return buffer.getvalue()


def dump(obj: object, file: BinaryIO) -> bytes:
    """``obj`` pickled into ``file`` as :func:`dumps` pickles it, never held
    whole (a ledger of 10,000 articles is ~70 MB); the SHA-256 of what was
    written."""
    hashing = _Hashing(file)
    _pickler(hashing).dump(obj)
    return hashing.digest.digest()


def _pickler(file: io.BytesIO | _Hashing) -> pickle.Pickler:
    pickler = pickle.Pickler(file, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table, **_REDUCERS}
    return pickler


class _Hashing:
    """A file that takes the SHA-256 of what is written to it."""

    def __init__(self, file: BinaryIO) -> None:
        self.file = file
        self.digest = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        return self.file.write(data)
