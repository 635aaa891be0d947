"""Putting a build's files on disk: atomically, only what changed, and
removing what the previous build wrote and this one did not."""

from __future__ import annotations

import contextlib
import glob
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import BinaryIO

from g60pub.atomic import Written, spool_file, write_atomic, write_atomic_many
from g60pub.build.record import LAST_BUILD
from g60pub.config import VARIANTS
from g60pub.editions.files import FileContent, Joined
from g60pub.editions.ocf import Container


def write_files(
    out: Path, files: Mapping[str, FileContent], known: Mapping[str, str] | None = None
) -> tuple[dict[str, str], set[str]]:
    """Write each output atomically (temp file + rename), in a fixed order;
    returns each file's content digest for the next build's ``known``, and
    the names of the files whose bytes changed.

    ``known`` holds the digests of outputs still as the last build wrote them:
    a file whose digest is unchanged is neither inflated, read nor rewritten
    (after one article changed, ~5,000 pages were read back to find that only
    a dozen differ). Any other file is compared with the disk before writing.
    Temp files a killed build left are removed once per build
    (:func:`remove_stale_temp_files`), not here: a walk of the whole output
    per call cost seconds at 10,000 articles, called once per search shard.
    """
    digests = {name: content.digest for name, content in files.items()}
    known = known if known is not None else {}
    candidates = sorted(name for name in files if known.get(name) != digests[name])
    changed: set[str] = set()

    def contents() -> Iterable[tuple[Path, Iterable[bytes] | Written]]:
        for name in candidates:
            content = files[name]
            if not _unchanged(out / name, content):
                changed.add(name)
                yield out / name, _spooled(out / name, content) or content.chunks()

    write_atomic_many(contents())
    return digests, changed


class Spools:
    """The files books and archives are written to as they are made
    (``assemble_outputs``' ``spool``), each beside its output in ``out``:
    :func:`write_files` renames those that changed into place; when the
    block ends, the rest (unchanged outputs, a failed build's) are deleted."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.opened: list[str] = []

    def open(self, name: str) -> BinaryIO:
        spool = spool_file(self.out / name)
        self.opened.append(spool.name)
        return spool

    def __enter__(self) -> Spools:
        return self

    def __exit__(self, *exc: object) -> None:
        for name in self.opened:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(name)
        self.opened.clear()


def _spooled(path: Path, content: FileContent) -> Written | None:
    # A book or archive whose bytes a spool took as they were made: renamed,
    # not made again. Only beside its target (a rename stays in one filesystem).
    if not isinstance(content, Container | Joined) or content.spooled is None:
        return None
    spool = Path(content.spooled)
    return Written(spool) if spool.parent == path.parent and spool.is_file() else None


def remove_stale(out: Path, names: Iterable[str], manifest: Path, edition: str) -> None:
    """Delete the files the previous build wrote and this one did not (an
    article removed, a variant dropped), then record ``names`` in
    ``manifest``: called once every new file is in place, so an interrupted
    build leaves the previous output whole. The manifest is kept outside
    ``out``, which holds only outputs.

    Without a manifest (the build state deleted, another ``--cache-dir``),
    what an earlier build wrote is told by where it lies: anything in a
    variant's site directory and the books and text files named for the
    edition ``edition``. Files of the user's own elsewhere in ``out`` stay."""
    current = set(names)
    if manifest.is_file():
        previous = manifest.read_text("utf-8").splitlines()
    else:
        previous = _edition_files(out, edition)
    for name in sorted(set(previous) - current):
        stale = out / name
        if ".." not in Path(name).parts and stale.is_file():
            stale.unlink()
    write_atomic(manifest, "".join(f"{name}\n" for name in sorted(current)))


def _edition_files(out: Path, edition: str) -> list[str]:
    found = [
        *(p for v in VARIANTS for p in (out / "html" / v).rglob("*")),
        *(out / "epub").glob(f"{glob.escape(edition)}.*.epub"),
        *(out / "txt").glob(f"{glob.escape(edition)}.*.txt"),
        *out.glob("index.*.html"),
    ]
    return [p.relative_to(out).as_posix() for p in found if p.is_file()]


UNFINISHED = "unfinished"
"""In an output's state directory while a build writes that output: a build
that finds it there follows one that was stopped mid-write."""


def begin_writing(out: Path, state: Path | None) -> None:
    """Before a build writes into ``out``: the temp files a stopped build left
    there go, and ``state`` (when the build keeps one) says a write is under way.

    Only a build that was stopped leaves temp files, so the output tree is
    walked only after one (or with no record of the last build to tell): a
    walk of its 114,000 files took 0.3 s at 10,000 articles, for nothing after
    a build that ended."""
    marker = state / UNFINISHED if state is not None else None
    if marker is None or marker.exists() or not _state_recorded(state):
        remove_stale_temp_files(out)
    if marker is not None:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()


def end_writing(state: Path) -> None:
    """After the build's record is written: nothing of it is left half-written."""
    (state / UNFINISHED).unlink(missing_ok=True)


def _state_recorded(state: Path | None) -> bool:
    """Whether a build has ended in ``state`` since it was made (its record is there)."""
    return state is not None and (state / LAST_BUILD).is_file()


def remove_stale_temp_files(out: Path) -> None:
    # A build killed mid-write leaves its ``.<name>.<random>.tmp`` files next
    # to the outputs (see atomic.py); they are never outputs, so they go.
    # os.walk, names compared as strings: a third of rglob's time over the
    # 100,000 files of 10,000 articles.
    for directory, _, names in os.walk(out):
        for name in names:
            if name.startswith(".") and name.endswith(".tmp"):
                with contextlib.suppress(FileNotFoundError, IsADirectoryError):
                    os.unlink(os.path.join(directory, name))


def _unchanged(path: Path, content: FileContent) -> bool:
    # Rewriting identical bytes costs an fsync per file and bumps mtimes for
    # nothing. Compared piece by piece: a book is never held whole. Files are
    # made one at a time, as they are written: never all pages at once.
    try:
        if path.stat().st_size != content.size:
            return False
        with path.open("rb") as f:
            for piece in content.chunks():
                if f.read(len(piece)) != piece:
                    return False
            return f.read(1) == b""
    except OSError:
        return False
