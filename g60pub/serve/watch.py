"""What changed under a project: file events (inotify, through watchdog)
sorted into the articles they belong to, or "everything" for the glossary
and the configuration, which every article depends on."""

from __future__ import annotations

import queue
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from g60pub.build.plan import TARGET_LANG
from g60pub.project import SOURCE_SUFFIXES

CONFIG_FILES = ("g60pub.toml", "pyproject.toml")  # where config.py reads the settings
SETTLE = 0.05
"""Seconds without a further event before a batch of changes is handed over:
an editor's save is often several events (write, rename, attributes)."""


@dataclass(slots=True)
class Changes:
    articles: set[str] = field(default_factory=set)  # slugs whose source or PO file changed
    everything: bool = False  # the glossary or the configuration changed
    paths: list[str] = field(default_factory=list)  # as the terminal names them

    def __bool__(self) -> bool:
        return self.everything or bool(self.articles)


class Watcher:
    """Watches ``sources/``, ``glossary/`` and the configuration file of a project."""

    def __init__(self, project: Path) -> None:
        self.project = project.resolve()
        self._events: queue.Queue[str] = queue.Queue()
        self._observer: Any = Observer()
        handler = _Enqueue(self._events)
        for folder in ("sources", "glossary"):
            if (self.project / folder).is_dir():
                self._observer.schedule(handler, str(self.project / folder), recursive=True)
        self._observer.schedule(handler, str(self.project), recursive=False)

    def __enter__(self) -> Watcher:
        self._observer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._observer.stop()
        self._observer.join()

    def take(self, timeout: float) -> Changes:
        """The changes seen within ``timeout`` seconds (waiting for them to settle)."""
        changes = Changes()
        deadline = time.monotonic() + timeout
        while True:
            wait = deadline - time.monotonic() if not changes else SETTLE
            try:
                path = self._events.get(timeout=max(wait, 0.0))
            except queue.Empty:
                return changes
            self._sort(Path(path), changes)

    def _sort(self, path: Path, changes: Changes) -> None:
        try:
            relative = path.resolve().relative_to(self.project)
        except ValueError:
            return
        parts = relative.parts
        name = relative.name
        if name.startswith(".") or name.endswith(("~", ".swp", ".tmp")):
            return  # editors' and our own temp files
        if (len(parts) == 1 and name in CONFIG_FILES) or (parts and parts[0] == "glossary"):
            changes.everything = True
        elif len(parts) == 2 and parts[0] == "sources":
            slug = _slug(name)
            if slug is None:
                return
            changes.articles.add(slug)
        else:
            return
        if relative.as_posix() not in changes.paths:
            changes.paths.append(relative.as_posix())


def _slug(name: str) -> str | None:
    po = f".{TARGET_LANG}.po"
    if name.endswith(po):
        return name[: -len(po)]
    stem, dot, suffix = name.rpartition(".")
    return stem if dot and f".{suffix.lower()}" in SOURCE_SUFFIXES else None


class _Enqueue(FileSystemEventHandler):
    def __init__(self, events: queue.Queue[str]) -> None:
        self.events = events

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in ("opened", "closed_no_write"):
            return
        for path in (event.src_path, getattr(event, "dest_path", "")):
            if path:
                self.events.put(path if isinstance(path, str) else path.decode())
