"""The ledger: every article the last build took from the cache, in one file.

A cache lookup reads an entry's header and index, checks its SHA-256 and
unpickles it: at 10,000 articles, ten thousand files read and as many
pickles loaded on every build, most of them for articles that did not
change. The ledger holds the same indexes, already placed in their entries
(:class:`~g60pub.build.entry.Spilled`), pickled together: one read, one
checksum, and the glossary terms the articles share pickled once, not once
per article. The next build takes from it every article whose key it still
uses and whose entry is still there, with the length it had; the cache
serves the rest as before.

Trust is the cache's: the ledger carries a header (magic, format version,
SHA-256 of its body) and is ignored whole when it does not match; an
article's files are checked against their SHA-256 when read, as any file
read through an index is (a damaged one raises ``DamagedEntry``, and the
build runs again without the ledger).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import struct
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from g60pub.atomic import write_atomic_headed
from g60pub.build.cache import FORMAT_VERSION
from g60pub.build.entry import Spilled, dump
from g60pub.editions.files import PackedArticle

LEDGER = "ledger"
"""In the build's state directory, beside the cache's ``articles``: every
article of the build that last wrote it whole."""
RECENT = "ledger-recent"
"""Beside the ledger: the articles rendered since it was written whole.
Pickling a string keeps its UTF-8 bytes with it (CPython caches them): a
build that pickled every article each time would hold the Chinese of every
title and heading twice, and spend the time; only the articles rendered
since are pickled, until they are an eighth of the corpus (or 16)."""

_MAGIC = b"G60LEDGR"
_HEADER = struct.Struct(">8sHH32s")  # magic, cache format version, ledger version, body's sha256
_VERSION = 2  # 2: lines packed (editions/lines.py, PackedLines)
_RECENT_SHARE = 8
_RECENT_MIN = 16

Recorded = dict[str, tuple[int, PackedArticle]]
"""By cache key: the size of the article's entry and its placed index."""


@dataclass(frozen=True, slots=True)
class Ledger:
    """The ledger as read: where it is, what it holds whole and since."""

    root: Path
    whole: Recorded
    recent: Recorded
    # Articles of the whole ledger let go when it was read: no key of this build's.
    dropped: int = 0

    def articles(self, keys: set[str]) -> dict[str, PackedArticle]:
        """The articles under ``keys`` whose entry is still the length it was
        when they were recorded (a file deleted or replaced since, and its
        article is looked up in the cache)."""
        found: dict[str, PackedArticle] = {}
        for recorded in (self.whole, self.recent):
            for key in keys.intersection(recorded):
                size, article = recorded[key]
                where = _entry_path(article)
                try:
                    if where is not None and os.stat(where).st_size == size:
                        found[key] = article
                except OSError:
                    continue
        return found

    def record(self, articles: Mapping[str, PackedArticle], taken: Mapping[str, object]) -> None:
        """Record the build's ``articles`` (by cache key), ``taken`` being
        those it took from this ledger: only the others are pickled, unless
        they come to an eighth of the corpus or the ledger holds as many
        articles no longer built; then every article is, whole. A ledger
        that cannot be written only costs the next build time."""
        new = {k: a for k, a in articles.items() if k not in taken}
        recent = {k: v for k, v in self.recent.items() if k in articles}
        recent |= _placed(new)
        stale = self.dropped + len(self.whole.keys() - articles.keys())
        most = max(_RECENT_MIN, len(articles) // _RECENT_SHARE)
        with contextlib.suppress(OSError):
            if not (self.whole or self.dropped) or len(recent) > most or stale > most:
                _write(self.root / LEDGER, _placed(articles))
                (self.root / RECENT).unlink(missing_ok=True)
            elif new or len(recent) != len(self.recent):
                _write(self.root / RECENT, recent)


def read_ledger(root: Path, keys: Collection[str] | None = None) -> Ledger:
    """The ledger in ``root``; a part that is not one reads as empty. With
    ``keys``, the articles under no other key are let go as it is read: after
    the renderer changed, none of them is used, and held through the map
    they were in the build process and, forked, in each worker (858 MB at
    the tree's peak at 10,000 articles, 600 MB without them)."""
    whole = _read(root / LEDGER)
    recent = _read(root / RECENT) if whole else {}
    if keys is None:
        return Ledger(root, whole, recent)
    # The recent articles (an eighth of the corpus at most) stay as read:
    # recording compares their count with what it keeps of them.
    used = set(keys)
    kept = {k: v for k, v in whole.items() if k in used}
    return Ledger(root, kept, recent, len(whole) - len(kept))


def _read(path: Path) -> Recorded:
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    if len(data) < _HEADER.size:
        return {}
    magic, version, ledger, digest = _HEADER.unpack_from(data)
    body = memoryview(data)[_HEADER.size :]
    if (magic, version, ledger) != (_MAGIC, FORMAT_VERSION, _VERSION):
        return {}
    if hashlib.sha256(body).digest() != digest:
        return {}
    try:
        recorded = pickle.loads(body)
    except Exception:
        return {}
    return recorded if isinstance(recorded, dict) else {}


def _placed(articles: Mapping[str, PackedArticle]) -> Recorded:
    # Only articles whose files all lie in one cache entry, with its length.
    recorded: Recorded = {}
    for key, article in articles.items():
        where = _entry_path(article)
        if where is None:
            continue
        try:
            recorded[key] = (os.stat(where).st_size, article)
        except OSError:
            continue
    return recorded


def _write(path: Path, recorded: Recorded) -> None:
    # Pickled straight into the file, never held in memory; the header, with
    # the body's SHA-256, goes in last.
    def body(file: BinaryIO) -> bytes:
        return _HEADER.pack(_MAGIC, FORMAT_VERSION, _VERSION, dump(recorded, file))

    write_atomic_headed(path, _HEADER.size, body)


def _entry_path(article: PackedArticle) -> str | None:
    """The one cache entry every file of ``article`` lies in; None when any
    is held in memory (its entry was not written) or it has no files."""
    files = [*article.chapters.values(), *article.pages.values(), *article.texts.values()]
    if article.tmx is not None:
        files.append(article.tmx)
    paths = {f.path if isinstance(f, Spilled) else "" for f in files}
    if len(paths) != 1:
        return None
    (where,) = paths
    return where or None
