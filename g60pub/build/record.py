"""The last build's record: what it read and wrote, to recognise a build with
nothing to do and outputs that need no rewrite."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from g60pub.atomic import write_atomic
from g60pub.build.sealed import read_record, write_record
from g60pub.editions.appendix import READINGS, readings_source
from g60pub.editions.files import Joined
from g60pub.editions.ocf import Container
from g60pub.editions.reuse import Reuse

LAST_BUILD = "last-build"
"""In an output's state directory: the last build's record (``build/sealed.py``)."""
_LAST_BUILD_KIND = "last-build/2"


READINGS_RECORD = "readings"
"""In the build's state directory: the glossary headwords' pinyin (``editions/appendix.py``)."""


@dataclass(frozen=True, slots=True)
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
    """

    inputs: str
    outputs: dict[str, tuple[int, int]]
    report: dict[str, Any]
    digests: dict[str, str] = field(default_factory=dict)


def read_last_build(root: Path) -> LastBuild | None:
    """The record in ``root``; None when there is none or it is not one."""
    data = read_record(root / LAST_BUILD, _LAST_BUILD_KIND)
    if not isinstance(data, tuple) or len(data) != 3:
        return None
    inputs, files, report = data
    try:
        outputs = {name: (size, mtime) for name, (size, mtime, _) in files.items()}
        digests = {name: digest for name, (_, _, digest) in files.items() if digest}
        return LastBuild(str(inputs), outputs, dict(report), digests)
    except (ValueError, TypeError, AttributeError):
        return None


def write_last_build(root: Path, record: LastBuild) -> None:
    # One entry per output: its stamp and digest together, each name once.
    digests = record.digests
    files = {name: (*stamp, digests.get(name, "")) for name, stamp in record.outputs.items()}
    write_record(root / LAST_BUILD, _LAST_BUILD_KIND, (record.inputs, files, record.report))


def file_stamps(out: Path, names: Iterable[str]) -> dict[str, tuple[int, int]]:
    """Size and modification time (ns) of each named file under ``out``."""
    stamps: dict[str, tuple[int, int]] = {}
    root = str(out)  # joined as strings: a Path per output cost seconds at 10,000 articles
    for name in names:
        st = os.stat(os.path.join(root, name))
        stamps[name] = (st.st_size, st.st_mtime_ns)
    return stamps


def output_stamps(
    out: Path, digests: Mapping[str, str], last: LastBuild | None, known: Mapping[str, str]
) -> dict[str, tuple[int, int]]:
    """The stamp of each output after a build: ``known`` holds the digests
    of the outputs found as ``last`` left them before this build wrote
    anything (:func:`untouched_digests`). Every write goes through
    ``write_files``, which never writes a file whose digest is its known one:
    such a file keeps the stamp it was found with. Only the others are
    stat'ed again: a second pass over 150,000 outputs cost seconds at
    10,000 articles."""
    recorded = last.outputs if last is not None else {}
    stamps: dict[str, tuple[int, int]] = {}
    root = str(out)
    for name, digest in digests.items():
        stamp = recorded.get(name) if known.get(name) == digest else None
        if stamp is None:
            st = os.stat(os.path.join(root, name))
            stamp = (st.st_size, st.st_mtime_ns)
        stamps[name] = stamp
    return stamps


def untouched_digests(out: Path, record: LastBuild) -> dict[str, str]:
    """The recorded digest of each output still as the last build left it
    (same size and modification time); files changed since are left out."""
    known: dict[str, str] = {}
    root = str(out)
    for name, digest in record.digests.items():
        stamp = record.outputs.get(name)
        try:
            st = os.stat(os.path.join(root, name))
        except OSError:
            continue
        if stamp == (st.st_size, st.st_mtime_ns):
            known[name] = digest
    return known


def outputs_intact(out: Path, outputs: dict[str, tuple[int, int]]) -> bool:
    """Every recorded output is still there with the size and time it was written with."""
    try:
        return file_stamps(out, outputs) == outputs
    except OSError:
        return False


CONTAINERS = "containers"
_CONTAINERS_KIND = "containers/2"
"""In an output's state directory: where each book, archive and joined file
(text books, TMX) the last build wrote holds each of its parts
(``Container.placed``, ``Joined.placed``)."""


def read_containers(root: Path, out: Path, intact: Iterable[str]) -> dict[str, Reuse]:
    """What the next build may copy from the containers of ``out`` the last
    build wrote and that are still as it left them (``intact``: the names of
    outputs whose stamp is the recorded one)."""
    recorded = read_record(root / CONTAINERS, _CONTAINERS_KIND)
    if not isinstance(recorded, dict):
        return {}
    try:
        return {
            name: Reuse.of(str(out / name), recorded[name])
            for name in set(intact).intersection(recorded)
        }
    except (ValueError, TypeError):
        return {}


def write_containers(root: Path, containers: Mapping[str, Container | Joined]) -> None:
    data = {name: tuple(c.placed) for name, c in sorted(containers.items())}
    write_record(root / CONTAINERS, _CONTAINERS_KIND, data)


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
