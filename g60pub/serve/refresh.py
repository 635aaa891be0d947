"""Rebuilding for ``g60pub serve``: the changed article's pages at once, in
the server's process; then everything else (books, indexes, ZIP, search)
by a whole build in a child process, which a newer change stops and starts
again.

The quick step renders one article (as a build's worker would) and puts its
new head before the tail its page already has on disk: the links to the
previous and next article and the footer. Its cost does not depend on the
size of the corpus. The whole build that follows writes the same bytes where
nothing else changed, and fixes the rest (a new title in the neighbours'
links, the index pages, the books).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from g60pub.atomic import write_atomic
from g60pub.build.article import render_article
from g60pub.build.plan import ArticleJob
from g60pub.config import Config
from g60pub.glossary import Glossary
from g60pub.project import ArticleSource, article_sources

MAIN_END = "</main>\n"
"""Where an article page's head ends and its tail begins (editions/html.py)."""


def refresh_article(
    project: Path, out: Path, config: Config, glossary: Glossary, slug: str
) -> tuple[list[str], str | None]:
    """Render ``slug`` and rewrite its existing pages; returns the pages
    written (relative to ``out``) and the article's error, if it failed."""
    source = _source(project, slug)
    if source is None:
        return [], None  # removed, or not a source: the whole build handles it
    result = render_article(ArticleJob.for_source(source, project, config), glossary)
    if result.error:
        return [], result.error
    written = []
    for variant, head in sorted(result.pages.items()):
        name = f"html/{variant}/{slug}.html"
        try:
            old = (out / name).read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # a page the whole build has yet to make
        cut = old.rfind(MAIN_END)
        if cut < 0 or not head.endswith(MAIN_END):
            continue
        page = head + old[cut + len(MAIN_END) :]
        if page != old:
            write_atomic(out / name, page)
            written.append(name)
    return written, None


def _source(project: Path, slug: str) -> ArticleSource | None:
    # A page, a Word document or a book's chapter: the project's own list
    # says which source gives the slug (a refused one is the build's to report).
    return next((s for s in article_sources(project) if s.slug == slug and s.refused is None), None)


@dataclass(frozen=True, slots=True)
class Finished:
    """A whole build that ran to its end."""

    status: int
    summary: str  # its closing line
    errors: list[str]  # its error lines (failed articles, bad configuration)


class WholeBuild:
    """``g60pub build`` in a child process (and its own process group, so that
    stopping it stops its workers too)."""

    def __init__(self, command: list[str]) -> None:
        self.command = command
        self._proc: subprocess.Popen[bytes] | None = None
        self._out: IO[bytes] | None = None
        self._err: IO[bytes] | None = None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> None:
        self.stop()
        # Files, not pipes: a build with thousands of warnings would fill a pipe and wait.
        self._out = tempfile.TemporaryFile()  # noqa: SIM115 -- closed in _close()
        self._err = tempfile.TemporaryFile()  # noqa: SIM115
        self._proc = subprocess.Popen(
            self.command,
            stdin=subprocess.DEVNULL,
            stdout=self._out,
            stderr=self._err,
            start_new_session=True,
        )

    def stop(self) -> None:
        """Stop a running build; its files are whole (every write is atomic)."""
        if self._proc is not None and self._proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._proc.pid, signal.SIGTERM)
            self._proc.wait()
        self._close()

    def poll(self) -> Finished | None:
        """The build's result once, when it has finished."""
        if self._proc is None or self._proc.poll() is None:
            return None
        status = self._proc.returncode
        assert self._out is not None and self._err is not None
        self._out.seek(0)
        self._err.seek(0)
        out = self._out.read().decode("utf-8", "replace").splitlines()
        err = self._err.read().decode("utf-8", "replace").splitlines()
        self._close()
        errors = [line for line in err if line and not line.startswith("g60pub: warning:")]
        summary = next((line for line in reversed(out) if line.startswith("built ")), "")
        return Finished(status, summary, errors)

    def _close(self) -> None:
        for f in (self._out, self._err):
            if f is not None:
                f.close()
        self._proc = self._out = self._err = None


def build_command(project: Path, out: Path, jobs: int, cache: Path | None) -> list[str]:
    command = [sys.executable, "-m", "g60pub", "build", "--project", str(project)]
    command += ["--out", str(out), "--jobs", str(jobs)]
    return command + (["--cache-dir", str(cache)] if cache is not None else [])
