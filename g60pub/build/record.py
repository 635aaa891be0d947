"""The last build's record: what it read and wrote, to recognise a build with
nothing to do and outputs that need no rewrite."""

from __future__ import annotations

import contextlib
import hashlib
import os
import struct
from collections.abc import Container as Holds
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from g60pub.atomic import write_atomic
from g60pub.build.sealed import read_record, read_records, write_record, write_records
from g60pub.editions.appendix import READINGS, readings_source
from g60pub.editions.files import Joined
from g60pub.editions.ocf import Container
from g60pub.editions.reuse import Reuse
from g60pub.editions.site_lists import SiteLists, read_made

LAST_BUILD = "last-build"
"""In an output's state directory: the last build's record (``build/sealed.py``)."""
_LAST_BUILD_KIND = "last-build/3"  # 3: stamp and digest packed in one bytes


READINGS_RECORD = "readings"
"""In the build's state directory: the glossary headwords' pinyin (``editions/appendix.py``)."""


class LastBuild:
    """What the previous build read and wrote.

    ``inputs`` is a key over everything the outputs depend on (every article's
    cache key, the build date, the options); ``outputs`` maps each file written
    to its size and modification time, so that an output edited or deleted by
    hand makes the next build a real one. ``digests`` maps each file to the
    digest of the content the build wrote there (``FileContent.digest``): a
    file whose stamp and digest are unchanged need not be read back to learn
    that it needs no rewrite. ``report`` is the build's summary, which a build
    with nothing to do reports again.

    A build holds the record from start to end: at 10,000 articles it names
    112,000 outputs. Each output's stamp and digest are kept packed in one
    ``bytes`` (89 bytes; as a tuple, two ints and a 71-character string, 240)
    and read back as they are asked for: ``outputs`` and ``digests`` are views.
    """

    __slots__ = ("_files", "inputs", "report")

    def __init__(self, inputs: str, files: dict[str, bytes], report: dict[str, Any]) -> None:
        self.inputs = inputs
        self.report = report
        self._files = files

    @classmethod
    def made(
        cls,
        inputs: str,
        stamps: Mapping[str, tuple[int, int]],
        report: dict[str, Any],
        digests: Mapping[str, str],
    ) -> LastBuild:
        """The record of a build that left ``stamps`` and wrote ``digests``."""
        files = {name: _pack(*stamp, digests.get(name, "")) for name, stamp in stamps.items()}
        return cls(inputs, files, report)

    @classmethod
    def after(
        cls,
        out: Path,
        inputs: str,
        report: dict[str, Any],
        digests: Mapping[str, str],
        last: LastBuild | None,
        known: Mapping[str, str],
    ) -> LastBuild:
        """The record of a build that left ``digests`` in ``out``: ``known``
        holds the digests of the outputs found as ``last`` left them before
        this build wrote anything (:func:`untouched_digests`). Every write goes
        through ``write_files``, which never writes a file whose digest is its
        known one: such a file keeps its entry in ``last`` as it is. Only the
        others are stat'ed and packed again (112,000 outputs at 10,000
        articles, most of them unchanged)."""
        kept = last.packed if last is not None else {}
        files: dict[str, bytes] = {}
        root = str(out)
        for name, digest in digests.items():
            packed = kept.get(name) if known.get(name) == digest else None
            if packed is None:
                st = os.stat(os.path.join(root, name))
                packed = _pack(st.st_size, st.st_mtime_ns, digest)
            files[name] = packed
        return cls(inputs, files, report)

    @property
    def outputs(self) -> Mapping[str, tuple[int, int]]:
        return _Stamps(self._files)

    @property
    def digests(self) -> Mapping[str, str]:
        return _Digests(self._files, frozenset())

    @property
    def packed(self) -> dict[str, bytes]:
        """Each output's stamp and digest as the record on disk holds them."""
        return self._files

    def untouched(self, changed: Iterable[str]) -> Mapping[str, str]:
        """The digests of the outputs other than ``changed``."""
        return _Digests(self._files, frozenset(changed))


_STAMP = struct.Struct("<Qq")  # size, modification time (ns)
_HEX = 64  # a SHA-256 in hex, as a digest's part after its kind


def _pack(size: int, mtime: int, digest: str) -> bytes:
    kind, colon, hexed = digest.partition(":")
    if colon and len(hexed) == _HEX and kind.isascii():
        with contextlib.suppress(ValueError):
            return _STAMP.pack(size, mtime) + kind.encode("ascii") + bytes.fromhex(hexed)
    return _STAMP.pack(size, mtime) + b"\0" + digest.encode("utf-8")


def _digest(packed: bytes) -> str:
    rest = packed[_STAMP.size :]
    if rest[:1] == b"\0":
        return rest[1:].decode("utf-8")
    return f"{rest[:-32].decode('ascii')}:{rest[-32:].hex()}"


class _Stamps(Mapping[str, tuple[int, int]]):
    __slots__ = ("_files",)

    def __init__(self, files: dict[str, bytes]) -> None:
        self._files = files

    def __getitem__(self, name: str) -> tuple[int, int]:
        size, mtime = _STAMP.unpack_from(self._files[name])
        return int(size), int(mtime)

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)

    def __contains__(self, name: object) -> bool:
        return name in self._files


class _Digests(Mapping[str, str]):
    """The digests of the recorded outputs, but for those in ``left_out``
    (and those recorded without one)."""

    __slots__ = ("_files", "_left_out")

    def __init__(self, files: dict[str, bytes], left_out: frozenset[str]) -> None:
        self._files = files
        self._left_out = left_out

    def __getitem__(self, name: str) -> str:
        digest = _digest(self._files[name]) if name not in self._left_out else ""
        if not digest:
            raise KeyError(name)
        return digest

    def get(self, name: str, default: str | None = None) -> str | None:  # type: ignore[override]
        # Asked once or twice for every output of a build: no KeyError raised.
        packed = self._files.get(name)
        if packed is None or name in self._left_out:
            return default
        return _digest(packed) or default

    def __iter__(self) -> Iterator[str]:
        for name, packed in self._files.items():
            if name not in self._left_out and packed[_STAMP.size :] != b"\0":
                yield name

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, name: object) -> bool:
        packed = self._files.get(name) if isinstance(name, str) else None
        return packed is not None and name not in self._left_out and packed[_STAMP.size :] != b"\0"


def read_last_build(root: Path) -> LastBuild | None:
    """The record in ``root``; None when there is none or it is not one."""
    data = read_record(root / LAST_BUILD, _LAST_BUILD_KIND)
    if not isinstance(data, tuple) or len(data) != 3:
        return None
    inputs, files, report = data
    if not isinstance(files, dict) or not all(
        isinstance(v, bytes) and len(v) > _STAMP.size for v in files.values()
    ):
        return None
    try:
        return LastBuild(str(inputs), files, dict(report))
    except (ValueError, TypeError):
        return None


def write_last_build(root: Path, record: LastBuild) -> None:
    # One entry per output: its stamp and digest packed together, each name once.
    write_record(root / LAST_BUILD, _LAST_BUILD_KIND, (record.inputs, record.packed, record.report))


def untouched_digests(out: Path, record: LastBuild) -> Mapping[str, str]:
    """The recorded digest of each output still as the last build left it
    (same size and modification time); files changed since are left out.
    A view of the record, not a copy: only the changed names are held."""
    changed: list[str] = []
    root = str(out)
    # Stamps compared packed, as the record holds them: 112,000 outputs at
    # 10,000 articles, each unpacked into a tuple before.
    for name, packed in record.packed.items():
        if packed[_STAMP.size :] == b"\0":
            continue  # recorded without a digest: not among the digests anyway
        try:
            st = os.stat(os.path.join(root, name))
        except OSError:
            changed.append(name)
            continue
        if packed[: _STAMP.size] != _STAMP.pack(st.st_size, st.st_mtime_ns):
            changed.append(name)
    return record.untouched(changed)


def outputs_intact(out: Path, outputs: Mapping[str, tuple[int, int]]) -> bool:
    """Every recorded output is still there with the size and time it was written with."""
    root = str(out)
    try:
        for name, stamp in outputs.items():
            st = os.stat(os.path.join(root, name))
            if stamp != (st.st_size, st.st_mtime_ns):
                return False
    except OSError:
        return False
    return True


CONTAINERS = "containers"
_CONTAINERS_KIND = "containers/3"  # 3: (name, places) pairs, one after another
"""In an output's state directory: where each book, archive and joined file
(text books, TMX) the last build wrote holds each of its parts
(``Container.placed``, ``Joined.placed``)."""


def read_containers(root: Path, out: Path, intact: Holds[str]) -> dict[str, Reuse]:
    """What the next build may copy from the containers of ``out`` the last
    build wrote and that are still as it left them (``intact``: the names of
    outputs whose stamp is the recorded one)."""
    recorded = read_records(root / CONTAINERS, _CONTAINERS_KIND)
    reuse: dict[str, Reuse] = {}
    try:
        for item in recorded or ():
            if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)):
                return {}
            name, placed = item
            if name in intact:
                reuse[name] = Reuse.of(str(out / name), placed)
    except (ValueError, TypeError):
        return {}
    return reuse


def write_containers(root: Path, containers: Mapping[str, Container | Joined]) -> None:
    # A container's places at a time: the site ZIP alone has 100,000 entries.
    places = ((name, tuple(c.placed)) for name, c in sorted(containers.items()))
    write_records(root / CONTAINERS, _CONTAINERS_KIND, places)


SITE_LISTS = "site-lists"
_SITE_LISTS_KIND = "site-lists/3"  # 3: with the offline pages' CRCs
"""In an output's state directory: the lists of each variant's site the last
build made (``editions/site_lists.py``)."""


def read_site_lists(root: Path, salt: str, take: bool = True) -> SiteLists:
    """The lists the last build into this output made, to be taken where
    they are made of the same lines (none, without ``take``); ``salt`` as
    in :class:`SiteLists`."""
    data = read_record(root / SITE_LISTS, _SITE_LISTS_KIND) if take else None
    last = read_made(data[1]) if isinstance(data, tuple) and data[:1] == (salt,) else {}
    return SiteLists(salt, last)


def write_site_lists(root: Path, lists: SiteLists) -> None:
    """Record the lists this build made or took, when they are not the last build's."""
    if lists.changed:
        write_record(root / SITE_LISTS, _SITE_LISTS_KIND, (lists.salt, lists.made()))


KEYS = "keys"
"""In an output's state directory: the output directory's absolute path,
then the cache key of every article its last build used, a line each."""


def write_used_keys(root: Path, out: Path, keys: Iterable[str]) -> None:
    write_atomic(root / KEYS, "".join(f"{line}\n" for line in (str(out.resolve()), *keys)))


def keys_of_other_outputs(outputs: Path, own: Path) -> set[str]:
    """The cache keys the last builds into the project's other output
    directories used, for those directories that still exist: a build that
    prunes the cache keeps them, so builds into two outputs with different
    variants or formats do not evict each other's articles."""
    keys: set[str] = set()
    if not outputs.is_dir():
        return keys
    for state in outputs.iterdir():
        if state == own:
            continue
        try:
            where, *used = (state / KEYS).read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        if Path(where).is_dir():
            keys.update(used)
    return keys


def learn_readings(root: Path) -> None:
    """Seed the appendix's readings with those a build recorded in ``root``."""
    data = read_record(root / READINGS_RECORD, _readings_kind())
    if isinstance(data, dict):
        READINGS.learn(
            {
                k: (v[0], tuple(v[1]))
                for k, v in data.items()
                if isinstance(k, str) and isinstance(v, tuple) and len(v) == 2
            }
        )


def keep_readings(root: Path) -> None:
    """Record the appendix's readings in ``root`` if this build worked out new ones."""
    if READINGS.added:
        write_record(root / READINGS_RECORD, _readings_kind(), READINGS.known())
        READINGS.added = 0


def _readings_kind() -> str:
    source = hashlib.sha256(readings_source().encode("utf-8")).hexdigest()[:16]
    return f"readings/{source}"
