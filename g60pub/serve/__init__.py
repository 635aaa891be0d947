"""``g60pub serve``: build, serve the output on 127.0.0.1, and rebuild what
changed while a translator works.

It reads as its steps::

    serve the output (server.py) -> watch sources/, glossary/, the config (watch.py)
    -> start a whole build in a child process (refresh.py)
    -> on a change: stop that build; re-render the changed articles' pages
       here, at once; tell open pages to reload; start the whole build again
    -> when a whole build finishes: report it, tell open pages to reload

A failure (a PO file that does not parse, a bad configuration) is printed
and shown on every page until the next rebuild succeeds; the server keeps
running. Ctrl-C stops the build and the server.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from g60pub.build.article import render_article
from g60pub.build.plan import ArticleJob
from g60pub.config import Config, load_config
from g60pub.errors import G60Error
from g60pub.glossary import Glossary
from g60pub.project import article_sources, load_glossary
from g60pub.serve.refresh import Finished, WholeBuild, build_command, refresh_article
from g60pub.serve.server import State, serving
from g60pub.serve.watch import Changes, Watcher

Say = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class ServeOptions:
    project: Path
    out: Path
    port: int = 8060
    jobs: int = 1
    cache_dir: Path | None = None


class _Inputs:
    """The configuration and glossary the quick rebuilds use, read again when they change."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.config: Config | None = None
        self.glossary: Glossary | None = None
        self.error: str | None = None
        self.load()

    def load(self) -> None:
        try:
            self.config = load_config(self.project)
            self.glossary = load_glossary(self.project, self.config)
            self.error = None
        except G60Error as err:
            self.config = self.glossary = None
            self.error = str(err)


def serve(options: ServeOptions, say: Say, ready: Callable[[str], None] | None = None) -> int:
    """Serve until interrupted (KeyboardInterrupt); returns the exit status."""
    if threading.current_thread() is threading.main_thread():
        # Ctrl-C (SIGINT) is how the server stops, even where it was started
        # with SIGINT ignored, as a script's background job inherits it.
        signal.signal(signal.SIGINT, signal.default_int_handler)
    state = State()
    whole = WholeBuild(build_command(options.project, options.out, options.jobs, options.cache_dir))
    try:
        with serving(options.out, options.port, state) as url, Watcher(options.project) as watcher:
            say(f"serving {url} (Ctrl-C stops)")
            if ready is not None:
                ready(url)
            inputs = _Inputs(options.project)
            whole.start()
            threading.Thread(target=_warm, args=(options, inputs), daemon=True).start()
            say("building everything ...")
            while True:
                changes = watcher.take(timeout=0.2)
                if changes:
                    whole.stop()
                    _quick(options, inputs, changes, state, say)
                    whole.start()
                finished = whole.poll()
                if finished is not None:
                    _report(finished, inputs, state, say)
    except KeyboardInterrupt:
        pass
    finally:
        whole.stop()
    say("stopped")
    return 0


def _warm(options: ServeOptions, inputs: _Inputs) -> None:
    # The first article rendered in a process loads OpenCC, the glossary's
    # automata and the templates (most of a second): done now, in the
    # background, so that the first change shows as fast as the next ones.
    sources = article_sources(options.project)
    if sources and inputs.config is not None and inputs.glossary is not None:
        job = ArticleJob.for_source(sources[0], options.project, inputs.config)
        render_article(job, inputs.glossary)


def _quick(
    options: ServeOptions, inputs: _Inputs, changes: Changes, state: State, say: Say
) -> None:
    started = time.perf_counter()
    if changes.everything:
        inputs.load()
    if inputs.error is not None or inputs.config is None or inputs.glossary is None:
        say(f"error: {inputs.error}")
        state.reload(inputs.error)
        return
    if changes.everything:
        say(f"changed: {', '.join(changes.paths)}: building everything ...")
        return
    pages: list[str] = []
    errors: list[str] = []
    for slug in sorted(changes.articles):
        written, error = refresh_article(
            options.project, options.out, inputs.config, inputs.glossary, slug
        )
        pages += written
        if error:
            errors.append(error)
    for error in errors:
        say(f"error: {error}")
    seconds = time.perf_counter() - started
    say(f"changed: {', '.join(changes.paths)}: {len(pages)} pages in {seconds:.2f} s")
    state.reload("\n".join(errors) or None)


def _error_line(line: str) -> str:
    """A build's error line as the terminal and the page show it: ``error: …``."""
    line = line.removeprefix("g60pub: ")
    return line if line.startswith("error:") else f"error: {line}"


def _report(finished: Finished, inputs: _Inputs, state: State, say: Say) -> None:
    for line in finished.errors[:20]:
        say(_error_line(line))
    if len(finished.errors) > 20:
        say(f"... and {len(finished.errors) - 20} more")
    if finished.summary:
        say(finished.summary)
    error = "\n".join(_error_line(e) for e in finished.errors[:20]) or None
    if finished.status not in (0, 1):
        error = error or f"the build stopped with exit status {finished.status}"
    state.reload(error or inputs.error)


__all__ = ["ServeOptions", "serve"]
