"""The build's records on disk: one compact file each, versioned and checksummed.

The records a build keeps between runs (the last build's outputs, where its
books hold their parts, its input files' stamps) name every output and
every article: 150,000 outputs and 160,000 parts at 10,000 articles. Kept
as JSON they cost 3.2 s a build to write and read back. They are read only
by the build that wrote them, so they need no interchange format: a file
is a header (what it is, its format, the Python it was written by, the
SHA-256 of the rest) and the record in ``marshal``'s format, which reads
and writes plain values (str, int, tuple, list, dict) at memory speed.

A record that is damaged (its checksum), of another kind or format, or
written by another Python (``marshal``'s format may change between
versions) is ignored whole: the build then does what it does without one,
which costs time, never a wrong output.
"""

from __future__ import annotations

import hashlib
import io
import marshal
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from g60pub.atomic import write_atomic, write_atomic_headed

MAGIC = b"g60pub-record\n"
FORMAT = 1
"""The layout of the header below; a record's own layout is versioned by its ``kind``."""
_PYTHON = f"{sys.version_info[0]}.{sys.version_info[1]}/{marshal.version}"


def write_record(path: Path, kind: str, value: object) -> None:
    """Write ``value`` (plain values only) to ``path`` atomically as a record of ``kind``."""
    payload = marshal.dumps(value)  # type: ignore[arg-type]  # plain values, checked by marshal
    write_atomic(path, _header(kind) + hashlib.sha256(payload).digest() + payload)
    # Earlier versions kept the record as ``NAME.json``; nothing reads it now,
    # and left there it would be dead weight in every project's build state.
    path.with_name(path.name + ".json").unlink(missing_ok=True)


def write_records(path: Path, kind: str, values: Iterable[object]) -> None:
    """Write ``values`` one after another as a record of ``kind``, each made
    and written before the next: a record of 200,000 entries is never held
    whole (read back with :func:`read_records`)."""

    def body(file: BinaryIO) -> bytes:
        digest = hashlib.sha256()
        for value in values:
            payload = marshal.dumps(value)  # type: ignore[arg-type]  # plain values
            digest.update(payload)
            file.write(payload)
        return _header(kind) + digest.digest()

    write_atomic_headed(path, len(_header(kind)) + 32, body)
    path.with_name(path.name + ".json").unlink(missing_ok=True)  # as write_record


def read_records(path: Path, kind: str) -> Iterator[object] | None:
    """The values :func:`write_records` wrote to ``path``, in order; None when
    the file is not such a record (see :func:`read_record`)."""
    payload = _payload(path, kind)
    if payload is None:
        return None
    return _values(payload)


def _values(payload: memoryview) -> Iterator[object]:
    stream = io.BytesIO(payload)
    while stream.tell() < len(payload):
        try:
            yield marshal.load(stream)
        except (EOFError, ValueError, TypeError):
            return


def read_record(path: Path, kind: str) -> object | None:
    """The value of the record of ``kind`` in ``path``; None when there is none,
    or it is damaged, of another kind or format, or from another Python."""
    payload = _payload(path, kind)
    if payload is None:
        return None
    try:
        value: object = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    return value


def _payload(path: Path, kind: str) -> memoryview | None:
    # The record's body, if its header is ``kind``'s and its checksum holds.
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header = _header(kind)
    start = len(header) + 32
    if not data.startswith(header) or len(data) < start:
        return None
    payload = memoryview(data)[start:]
    if hashlib.sha256(payload).digest() != data[len(header) : start]:
        return None
    return payload


def _header(kind: str) -> bytes:
    return MAGIC + f"{FORMAT} {kind} {_PYTHON}\n".encode("ascii")
