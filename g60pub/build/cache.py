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
was written for, the length and SHA-256 of its index and the length of its
files. A lookup reads the header and the index only (a tenth of the entry:
at 10,000 articles, reading and hashing every whole entry was a gigabyte
per build). An entry whose header, length or index checksum does not match
(a torn write, a truncated copy, a file dropped in by hand, a stale format)
is deleted and counts as a miss, never trusted; an index is unpickled only
after its checksum matched. A file read later through an index is checked
against the SHA-256 its index holds for it (and, inflated, its CRC-32): a
damaged file raises :class:`DamagedEntry`, and the build runs again without
reading the cache, so damaged bytes never reach an output.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import struct
import zlib
from collections.abc import Mapping, Set
from pathlib import Path
from typing import BinaryIO

from g60pub.atomic import write_atomic_many
from g60pub.build.entry import DamagedEntry, at_location, read_index
from g60pub.editions.files import PackedArticle

FORMAT_VERSION = 8
"""Bump when the entry layout or the shape of cached build results changes."""

_MAGIC = b"G60CACHE"
# magic, format version, payload kind, key (raw sha256), index length, index sha256, files length
_HEADER = struct.Struct(">8sHB32sQ32sQ")
_KIND_ARTICLE = 2
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

    def __init__(
        self,
        root: Path,
        *,
        enabled: bool = True,
        refresh: bool = False,
        batch: int = 0,
        known: Mapping[str, PackedArticle] | None = None,
        keep: Set[str] = frozenset(),
    ):
        self.root = root
        # Entries that other output directories' last builds used: never pruned.
        self.keep = keep
        # Articles already read, placed in their entries (the ledger, ledger.py).
        self.known = known or {}
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
        known = self.known.get(key)
        if known is not None:
            self.used.add(key)
            self.hits += 1
            return known
        path = self.path(key)
        try:
            with path.open("rb") as f:
                index = _read_index(f, key)
        except OSError:
            return None
        try:
            if index is None:
                raise ValueError("not an entry for this key")
            packed, base = index
            article = at_location(read_index(zlib.decompress(packed)), path, base)
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
        if self.enabled:
            header = _HEADER.pack(
                _MAGIC,
                FORMAT_VERSION,
                _KIND_ARTICLE,
                bytes.fromhex(key),
                len(packed),
                hashlib.sha256(packed).digest(),
                len(blobs),
            )
            self.used.add(key)
            self._pending.append((key, b"".join((header, packed, blobs))))
            if len(self._pending) >= self.batch:
                self.flush()
        return self.path(key), _HEADER.size + len(packed)

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
        """Delete every entry this build did not read or write and no other
        output's last build used (``keep``), and leftover temp files."""
        self.flush()
        if not self.enabled or not self.root.is_dir():
            return
        for shard in self.root.iterdir():
            if not shard.is_dir():
                continue
            for entry in shard.iterdir():
                if entry.name[:2] == shard.name and (
                    entry.name in self.used or entry.name in self.keep
                ):
                    continue
                with contextlib.suppress(FileNotFoundError, IsADirectoryError):
                    entry.unlink()
            with contextlib.suppress(OSError):
                shard.rmdir()  # only succeeds when empty

    def _forget(self, key: str) -> None:
        with contextlib.suppress(OSError):
            self.path(key).unlink()
        self.used.discard(key)


def _read_index(f: BinaryIO, key: str) -> tuple[bytes, int] | None:
    """The compressed index of the entry open as ``f`` and the offset of its
    files; None when the header, the entry's length or the index's checksum
    is not as written for ``key``."""
    head = f.read(_HEADER.size)
    if len(head) < _HEADER.size:
        return None
    magic, version, kind, stored_key, length, digest, files = _HEADER.unpack(head)
    if magic != _MAGIC or version != FORMAT_VERSION or kind != _KIND_ARTICLE:
        return None
    if stored_key != bytes.fromhex(key):
        return None
    if os.fstat(f.fileno()).st_size != _HEADER.size + length + files:
        return None
    packed = f.read(length)
    if hashlib.sha256(packed).digest() != digest:
        return None
    return packed, _HEADER.size + length


__all__ = ["FORMAT_VERSION", "BuildCache", "DamagedEntry", "cache_key"]
