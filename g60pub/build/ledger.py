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

import hashlib
import os
import pickle
import struct
from collections.abc import Mapping
from pathlib import Path

from g60pub.atomic import write_atomic
from g60pub.build.cache import FORMAT_VERSION
from g60pub.build.entry import Spilled, dumps
from g60pub.editions.files import PackedArticle

LEDGER = "ledger"
"""In the build's state directory, beside the cache's ``articles``."""

_MAGIC = b"G60LEDGR"
_HEADER = struct.Struct(">8sH32s")  # magic, format version, sha256 of the body

Ledger = dict[str, tuple[int, PackedArticle]]
"""By cache key: the size of the article's entry and its placed index."""


def read_ledger(path: Path) -> Ledger:
    """The ledger at ``path``: empty when there is none, or it is not one."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    if len(data) < _HEADER.size:
        return {}
    magic, version, digest = _HEADER.unpack_from(data)
    body = memoryview(data)[_HEADER.size :]
    if magic != _MAGIC or version != FORMAT_VERSION or hashlib.sha256(body).digest() != digest:
        return {}
    try:
        ledger = pickle.loads(body)
    except Exception:
        return {}
    return ledger if isinstance(ledger, dict) else {}


def still_in_place(ledger: Ledger, keys: set[str]) -> dict[str, PackedArticle]:
    """The articles of ``ledger`` under ``keys`` whose entry is still the
    length it was when the ledger was written (a file deleted or replaced
    since, and its article is looked up in the cache)."""
    found: dict[str, PackedArticle] = {}
    for key in keys.intersection(ledger):
        size, article = ledger[key]
        where = _entry_path(article)
        try:
            if where is not None and os.stat(where).st_size == size:
                found[key] = article
        except OSError:
            continue
    return found


def write_ledger(path: Path, articles: Mapping[str, PackedArticle]) -> None:
    """Record ``articles`` (by cache key) whose files all lie in a cache entry."""
    ledger: Ledger = {}
    for key, article in articles.items():
        where = _entry_path(article)
        if where is None:
            continue
        try:
            ledger[key] = (os.stat(where).st_size, article)
        except OSError:
            continue
    body = dumps(ledger)
    write_atomic(path, _HEADER.pack(_MAGIC, FORMAT_VERSION, hashlib.sha256(body).digest()) + body)


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
