"""A g60pub project on disk: which sources it has and where their translations live."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SOURCE_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One source page of a project: ``sources/<slug>.html``."""

    slug: str
    html_path: Path

    def po_path(self, lang: str = "en") -> Path:
        """The translation file of this source for ``lang``: ``sources/<slug>.<lang>.po``."""
        return self.html_path.with_name(f"{self.slug}.{lang}.po")


def sources_dir(project_dir: str | Path) -> Path:
    return Path(project_dir) / "sources"


def discover_sources(project_dir: str | Path) -> list[SourceFile]:
    """Every ``sources/*.html`` (and ``*.htm``) of the project, sorted by slug."""
    directory = sources_dir(project_dir)
    if not directory.is_dir():
        return []
    found = [
        SourceFile(path.stem, path)
        for path in directory.iterdir()
        if path.suffix.lower() in SOURCE_SUFFIXES
        and path.is_file()
        and not path.name.startswith(".")
    ]
    return sorted(found, key=lambda s: (s.slug, s.html_path.name))
