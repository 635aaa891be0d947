"""Atomic file writes: a temp file in the same directory, fsync, rename.

A crash or kill at any moment leaves either the old file or the new one,
never a truncated one (rename(2) is atomic within one filesystem).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO


def write_atomic(path: str | Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` atomically; str is written as UTF-8 with LF."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    _replace(path, payload, lambda: True)


def replace_if_unchanged(path: str | Path, data: bytes, expected: bytes | None) -> bool:
    """``write_atomic``, unless ``path`` no longer holds ``expected`` (``None``:
    unless it has come to exist): then nothing is written and False returned.

    For read-merge-write cycles against editors that save without taking our
    lock: a save that lands while the merge runs is kept, not overwritten. A
    save in the moment between the check and the rename can still be lost;
    the window shrinks from the whole merge to that moment.
    """
    path = Path(path)

    def unchanged() -> bool:
        try:
            return path.read_bytes() == expected
        except FileNotFoundError:
            return expected is None

    return _replace(path, data, unchanged)


def _replace(path: Path, payload: bytes, still: Callable[[], bool]) -> bool:
    # Temp file beside the target, synced; renamed over it if ``still()``.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        if not still():
            os.unlink(tmp)
            return False
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)
    return True


def _fsync_dir(directory: Path) -> None:
    # The rename itself is durable only once the directory entry is synced.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@dataclass(frozen=True, slots=True)
class Written:
    """A file's bytes already written whole under a temporary name beside its
    target (see :func:`spool_file`): :func:`write_atomic_many` renames it into
    place with the rest rather than copying it."""

    path: Path


def spool_file(target: Path) -> BinaryIO:
    """A new temporary file beside ``target``, open for writing, named as
    :func:`write_atomic_many`'s temp files are (``.NAME.*.tmp``), so that one
    a killed build left is removed like theirs."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    return open(tmp, "wb")  # the caller closes it; opened by name, it has one


def write_atomic_headed(
    path: Path, header_size: int, write_body: Callable[[BinaryIO], bytes]
) -> None:
    """Write a file whose header depends on its body (a checksum), never
    holding the body: ``header_size`` bytes are left for the header,
    ``write_body`` writes the body to the file and returns the header, which
    goes in last; then the file is renamed into place as
    :func:`write_atomic_many` does, and on failure no temp file is left."""
    with spool_file(path) as f:
        try:
            f.write(bytes(header_size))
            header = write_body(f)
            if len(header) != header_size:
                raise ValueError(f"a header of {len(header)} bytes, not {header_size}")
            f.seek(0)
            f.write(header)
        except BaseException:
            f.close()
            os.unlink(f.name)
            raise
    write_atomic_many([(path, Written(Path(f.name)))])


def write_atomic_many(
    files: Iterable[tuple[str | Path, bytes | str | Iterable[bytes] | Written]],
) -> int:
    """Write many files with write_atomic's guarantees but one flush for all.

    Every file goes to a temp file beside its target; one ``sync`` makes all
    of them durable; then each is renamed into place and each directory synced
    once. A crash leaves every target either old or new, never truncated, as
    with write_atomic, without paying two fsyncs per file: thousands of pages
    took most of a build's time that way (bench/README.md). A file's data may
    come in pieces (an iterable of bytes), so that a file of hundreds of MB
    is never held whole, or be :class:`Written` already. Returns the count.
    """
    pending: list[tuple[str, Path]] = []
    try:
        for target, data in files:
            path = Path(target)
            if isinstance(data, Written):
                pending.append((str(data.path), path))
                os.chmod(data.path, 0o644)
                continue
            pieces = [data.encode("utf-8")] if isinstance(data, str) else data
            pieces = [pieces] if isinstance(pieces, bytes) else pieces
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            pending.append((tmp, path))
            with os.fdopen(fd, "wb") as f:
                for piece in pieces:
                    f.write(piece)
            os.chmod(tmp, 0o644)
        if pending:
            os.sync()
        for tmp, path in pending:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in pending:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise
    for directory in sorted({path.parent for _, path in pending}):
        _fsync_dir(directory)
    return len(pending)


@contextmanager
def lock_directory(directory: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``directory`` (created if missing) while inside.

    flock on the directory itself: no lock file is left behind, and the lock
    survives the renames that replace the files in it. Used around a PO
    file's read-merge-write and around a whole build into an output directory.
    """
    directory.mkdir(parents=True, exist_ok=True)
    fd = os.open(directory, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
