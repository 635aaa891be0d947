"""A content-addressed on-disk cache for per-article build results.

How ``build()`` uses it
-----------------------
* One key per article, computed in the parent process before dispatch::

      key = BuildCache.key(g60pub.__version__, config_digest, glossary_digest,
                           source_bytes, po_bytes)

  Anything that changes the article's output must be a part: the g60pub
  version, the digest of the resolved config (variants, formats, titles...),
  the digest of the glossary files, the source page's bytes and the bytes of
  each of its PO files (pass an empty part for a missing PO, so that "no PO"
  and "empty PO" stay distinct keys).
* The cached value is everything the reduce step needs from the article, so a
  hit skips normalising, aligning, converting and rendering: the rendered
  fragments for every variant and format (EPUB chapters included, so a book is
  reassembled from cached chapters), the QA findings and the metadata the
  indexes list. A build stores an article with ``put_parts``: a small
  index (pickled, compressed) followed by the article's files as they are;
  the build then holds only the index, whose files point at offsets into
  the entry, and reads a file when it assembles a book or writes a changed
  page. ``put`` and ``get`` store and read plain bytes.
* Look up in the parent (``get_parts``), send only the misses to the process
  pool, ``put_parts`` the entries the workers made, in the parent, then
  ``prune()`` drops every entry the build did not touch. Keeping reads and
  writes in one process keeps the hit/miss counts and the set of used keys
  in one place.
* ``--force``: ``BuildCache(root, refresh=True)`` reads nothing but still
  writes, so the next build is warm again. ``enabled=False`` neither reads
  nor writes.
* The default root is ``<out>/.cache`` (:func:`default_root`): inside the
  git-ignored output, so whatever cleans the output must spare it.

Trust
-----
Every entry carries a header: a magic string, the cache format version, the
key it was written for, the payload length and the payload's SHA-256. An entry
whose header or checksum does not match (a torn write from an older tool, a
truncated copy, a file dropped in by hand, a stale format) is deleted and
reported as a miss, never trusted. An entry's index is stored
zlib-compressed and unpickled only after the checksum matched; the cache
lives beside the output, so it has the same trust as the output directory.
A file read later through an index is checked again (its length, and the
CRC-32 of its content when inflated): an entry rewritten during the build by
something else is an error naming the entry, not silently wrong output.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import struct
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from g60pub.atomic import write_atomic, write_atomic_many

T = TypeVar("T")

FORMAT_VERSION = 3
"""Bump when the entry layout or the shape of cached build results changes."""

_MAGIC = b"G60CACHE"
# magic, format version, payload kind, key (raw sha256), payload length, payload sha256
_HEADER = struct.Struct(">8sHB32sQ32s")
_KIND_BYTES = 0
_KIND_PARTS = 2  # 1 was a whole pickled object (format 2)
_INDEX_LEN = struct.Struct(">I")
_KEY_HEX_LEN = 64
_HEX = frozenset("0123456789abcdef")


def default_root(out_dir: str | Path) -> Path:
    """Where a build writing to ``out_dir`` keeps its cache."""
    return Path(out_dir) / ".cache"


@dataclass(frozen=True, slots=True)
class CacheStats:
    """What a cache did during one build."""

    hits: int = 0
    misses: int = 0
    corrupt: int = 0
    writes: int = 0
    write_errors: int = 0


class BuildCache:
    """Entries live at ``root/<key[:2]>/<key>``; see the module docstring."""

    def __init__(
        self, root: str | Path, *, enabled: bool = True, refresh: bool = False, batch: int = 0
    ):
        self.root = Path(root)
        self.enabled = enabled
        self.refresh = refresh
        # With batch > 0, entries are held until that many are pending (or
        # flush()) and written with one flush for all: an fsync per entry cost
        # seconds per thousand articles.
        self.batch = batch
        self._pending: list[tuple[str, bytes]] = []
        self.used: set[str] = set()
        self._hits = self._misses = self._corrupt = self._writes = self._write_errors = 0

    @staticmethod
    def key(*parts: bytes | str) -> str:
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

    def path(self, key: str) -> Path:
        _check_key(key)
        return self.root / key[:2] / key

    # --- raw bytes ---------------------------------------------------------

    def get(self, key: str) -> bytes | None:
        """The bytes stored under ``key``, or None (a miss) when absent or untrustworthy."""
        return self._read(key, _KIND_BYTES)

    def put(self, key: str, data: bytes) -> None:
        """Store ``data`` under ``key`` atomically."""
        self._write(key, _KIND_BYTES, bytes(data))

    # --- an index with blobs ----------------------------------------------

    def put_parts(self, key: str, index: bytes, blobs: Sequence[bytes]) -> tuple[Path, int]:
        """Store ``index`` (compressed) followed by ``blobs`` (as they are) under
        ``key``; returns the entry's path and the file offset of the first blob.

        The blobs can then be read from the file without reading the entry again,
        once the entry is written: after :meth:`flush` when batching, and only
        if ``key in self.used`` (a failed write drops it).
        """
        packed = zlib.compress(index, 1)
        self._write(key, _KIND_PARTS, b"".join((_INDEX_LEN.pack(len(packed)), packed, *blobs)))
        return self.path(key), _HEADER.size + _INDEX_LEN.size + len(packed)

    def get_parts(self, key: str, load: Callable[[bytes, Path, int], T]) -> T | None:
        """``load(index, path, blob offset)`` of the entry :meth:`put_parts`
        stored under ``key``, or None. The whole entry is checked against its
        checksum here; an index ``load`` rejects (it raises) is stale."""
        payload = self._read(key, _KIND_PARTS)
        if payload is None:
            return None

        def parse() -> T:
            (length,) = _INDEX_LEN.unpack_from(payload)
            base = _HEADER.size + _INDEX_LEN.size + length
            index = zlib.decompress(payload[_INDEX_LEN.size : _INDEX_LEN.size + length])
            return load(index, self.path(key), base)

        return self._load(key, parse)

    @property
    def pending(self) -> int:
        """Entries a batching cache holds, not yet written."""
        return len(self._pending)

    def _load(self, key: str, parse: Callable[[], T]) -> T | None:
        try:
            return parse()
        except Exception:
            # The checksum matched, so the bytes are what was written, but the
            # classes they name have changed shape: stale, not corrupt.
            self._forget(key)
            self._hits -= 1
            self._misses += 1
            return None

    # --- housekeeping ------------------------------------------------------

    def prune(self, keep: set[str] | None = None) -> int:
        """Delete every entry whose key is not in ``keep`` (default: the keys
        this cache read or wrote), and leftover temp files. Returns the count."""
        self.flush()
        if not self.enabled or not self.root.is_dir():
            return 0
        keep = self.used if keep is None else keep
        removed = 0
        for shard in self.root.iterdir():
            if not shard.is_dir():
                continue
            for entry in shard.iterdir():
                if entry.name in keep and entry.name[:2] == shard.name:
                    continue
                with contextlib.suppress(FileNotFoundError, IsADirectoryError):
                    entry.unlink()
                    removed += 1
            with contextlib.suppress(OSError):
                shard.rmdir()  # only succeeds when empty
        return removed

    def stats(self) -> CacheStats:
        return CacheStats(self._hits, self._misses, self._corrupt, self._writes, self._write_errors)

    # --- internals ---------------------------------------------------------

    def _read(self, key: str, kind: int) -> bytes | None:
        path = self.path(key)
        if not self.enabled or self.refresh:
            self._misses += 1
            return None
        try:
            blob = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            self._misses += 1
            return None
        except OSError:
            self._misses += 1
            return None
        payload = _unpack(blob, key, kind)
        if payload is None:
            self._corrupt += 1
            self._misses += 1
            self._forget(key)
            return None
        self._hits += 1
        self.used.add(key)
        return payload

    def _write(self, key: str, kind: int, payload: bytes) -> None:
        self.path(key)  # refuses a malformed key now, not at flush
        if not self.enabled:
            return
        header = _HEADER.pack(
            _MAGIC,
            FORMAT_VERSION,
            kind,
            bytes.fromhex(key),
            len(payload),
            hashlib.sha256(payload).digest(),
        )
        self.used.add(key)
        if self.batch > 0:
            self._pending.append((key, header + payload))
            if len(self._pending) >= self.batch:
                self.flush()
            return
        try:
            write_atomic(self.path(key), header + payload)
        except OSError:
            # A cache that cannot be written only costs speed; the build's own
            # outputs are written elsewhere and fail loudly on their own.
            self._write_errors += 1
            self.used.discard(key)
            return
        self._writes += 1

    def flush(self) -> None:
        """Write the entries a batching cache holds."""
        pending, self._pending = self._pending, []
        if not pending:
            return
        try:
            write_atomic_many((self.path(key), blob) for key, blob in pending)
        except OSError:
            self._write_errors += len(pending)
            self.used.difference_update(key for key, _ in pending)
            return
        self._writes += len(pending)

    def _forget(self, key: str) -> None:
        with contextlib.suppress(OSError):
            self.path(key).unlink()
        self.used.discard(key)


def _unpack(blob: bytes, key: str, kind: int) -> bytes | None:
    if len(blob) < _HEADER.size:
        return None
    magic, version, stored_kind, stored_key, length, digest = _HEADER.unpack_from(blob)
    if magic != _MAGIC or version != FORMAT_VERSION or stored_kind != kind:
        return None
    if stored_key != bytes.fromhex(key) or length != len(blob) - _HEADER.size:
        return None
    payload = blob[_HEADER.size :]
    if hashlib.sha256(payload).digest() != digest:
        return None
    return payload


def _check_key(key: str) -> None:
    if len(key) != _KEY_HEX_LEN or not _HEX.issuperset(key):
        raise ValueError(f"not a cache key (64 lowercase hex digits): {key!r}")


def entry_count(root: str | Path) -> int:
    """How many entries a cache directory holds (for reports and tests)."""
    root = Path(root)
    if not root.is_dir():
        return 0
    return sum(1 for shard in root.iterdir() if shard.is_dir() for _ in os.scandir(shard))


# --- the last build's record --------------------------------------------------

LAST_BUILD = "last-build.json"


@dataclass(frozen=True, slots=True)
class LastBuild:
    """What the previous build read and wrote, to recognise a build with nothing to do.

    ``inputs`` is a key over everything the outputs depend on (every article's
    cache key, the build date, the options); ``outputs`` maps each file written
    to its size and modification time, so that an output edited or deleted by
    hand makes the next build a real one. ``digests`` maps each file to a
    digest of the content the build wrote there (:func:`content_digest`): a
    file whose stamp and digest are unchanged need not be read back to learn
    that it needs no rewrite.
    """

    inputs: str
    outputs: dict[str, tuple[int, int]]
    report: dict[str, Any]
    digests: dict[str, str] = field(default_factory=dict)


def read_last_build(root: str | Path) -> LastBuild | None:
    """The record in ``root``; None when there is none or it is not one."""
    try:
        data = json.loads((Path(root) / LAST_BUILD).read_bytes())
        outputs = {str(k): (int(v[0]), int(v[1])) for k, v in data["outputs"].items()}
        digests = {str(k): str(v) for k, v in dict(data.get("digests", {})).items()}
        return LastBuild(str(data["inputs"]), outputs, dict(data["report"]), digests)
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def write_last_build(root: str | Path, record: LastBuild) -> None:
    data = {
        "inputs": record.inputs,
        "outputs": record.outputs,
        "report": record.report,
        "digests": record.digests,
    }
    write_atomic(Path(root) / LAST_BUILD, json.dumps(data, ensure_ascii=False, sort_keys=True))


def file_stamps(out: str | Path, names: Iterable[str]) -> dict[str, tuple[int, int]]:
    """Size and modification time (ns) of each named file under ``out``."""
    stamps: dict[str, tuple[int, int]] = {}
    for name in names:
        st = os.stat(Path(out) / name)
        stamps[name] = (st.st_size, st.st_mtime_ns)
    return stamps


def untouched_digests(out: str | Path, record: LastBuild) -> dict[str, str]:
    """The recorded digest of each output still as the last build left it
    (same size and modification time); files changed since are left out."""
    known: dict[str, str] = {}
    for name, digest in record.digests.items():
        stamp = record.outputs.get(name)
        try:
            st = os.stat(Path(out) / name)
        except OSError:
            continue
        if stamp == (st.st_size, st.st_mtime_ns):
            known[name] = digest
    return known


def content_digest(kind: str, data: bytes) -> str:
    """SHA-256 of ``data`` tagged with what it is (``raw`` bytes or a ``deflate``d body).

    Equal deflated bodies inflate to equal files, so a page packed in the
    worker is recognised without inflating it; unequal digests only mean
    "compare the bytes".
    """
    return f"{kind}:{hashlib.sha256(data).hexdigest()}"


def outputs_intact(out: str | Path, outputs: dict[str, tuple[int, int]]) -> bool:
    """Every recorded output is still there with the size and time it was written with."""
    try:
        return file_stamps(out, outputs) == outputs
    except OSError:
        return False
