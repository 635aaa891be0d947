"""The digests of a build's input files, re-read only when a file changed.

Every article's cache key covers its source and PO files' bytes. Reading
and hashing all of them on every build was the whole of "discover" at
10,000 articles (20,000 files, 1.4 s warm and 6.7 s with a cold page cache)
after a single file changed. So each file's SHA-256 is kept between builds
with the file's stamp as it was when it was read: size, modification and
change times (ns) and inode. A file whose stamp is unchanged is not read
again. The change time moves with every write and every ``utime``, and no
program can set it back, so a file copied over with its old modification
time (``cp -p``, ``rsync -a``) is still read again.

A file changed within the file system's timestamp resolution of the moment
it was read would keep its stamp; such a file is not recorded ("racily
clean", as git calls it): only stamps at least :data:`SETTLED` older than
the moment they were taken are trusted by the next build.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from pathlib import Path

from g60pub.build.sealed import read_record, write_record

INPUTS = "inputs"
"""In the build's state directory: every input file's stamp and digest (``build/sealed.py``)."""
SETTLED = 2_000_000_000
"""Nanoseconds a file must be unchanged before its stamp is kept: more than
the coarsest timestamp resolution of a common file system (FAT's 2 s)."""
_KIND = "inputs/2"

Stamp = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode


class InputFiles:
    """The digest of each input file, from the last build's record where the
    file's stamp is unchanged; ``record`` is None for a build that keeps no
    state (then every file is read)."""

    def __init__(self, record: Path | None, *, trust: bool = True) -> None:
        self.record = record
        self._last: dict[str, tuple[Stamp, str]] = _read(record) if record and trust else {}
        self._now: dict[str, tuple[Stamp, str]] = {}
        self._mtimes: dict[str, int] = {}  # of the files digested, in seconds
        self.read = 0  # files read and hashed by this build

    def digest(self, path: Path) -> str:
        """``sha256:<hex>`` of the file's bytes; empty when there is no such file."""
        try:
            st = os.stat(path)
        except OSError:
            return ""
        if not _regular(st.st_mode):
            return ""
        stamp: Stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        name = str(path)
        self._mtimes[name] = int(st.st_mtime)
        last = self._last.get(name)
        if last is not None and last[0] == stamp:
            self._now[name] = last
            return last[1]
        try:
            data = path.read_bytes()
        except OSError:
            return ""
        self.read += 1
        digest = "sha256:" + hashlib.sha256(data).hexdigest()
        if max(st.st_mtime_ns, st.st_ctime_ns) <= time.time_ns() - SETTLED:
            self._now[name] = (stamp, digest)
        return digest

    def mtime(self, path: Path) -> int | None:
        """The file's modification time in whole seconds, None when it is no
        regular file; as it was when digested (a build stats each file once)."""
        known = self._mtimes.get(str(path))
        if known is not None:
            return known
        try:
            st = os.stat(path)
        except OSError:
            return None
        return int(st.st_mtime) if _regular(st.st_mode) else None

    def save(self) -> None:
        """Record the stamps of this build's files (only theirs: a removed
        file's record goes with it); nothing is written when they are the
        last build's."""
        if self.record is None or self._now == self._last:
            return
        data = {k: (*s, d) for k, (s, d) in self._now.items()}
        with contextlib.suppress(OSError):  # losing it costs a re-read, nothing else
            write_record(self.record, _KIND, data)


def _regular(mode: int) -> bool:
    return (mode & 0o170000) == 0o100000


def _read(record: Path) -> dict[str, tuple[Stamp, str]]:
    data = read_record(record, _KIND)
    if not isinstance(data, dict):
        return {}
    try:
        return {
            name: ((size, mtime, ctime, ino), digest)
            for name, (size, mtime, ctime, ino, digest) in data.items()
        }
    except (ValueError, TypeError):
        return {}
