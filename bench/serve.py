"""Benchmark ``g60pub serve``: from a saved PO file to the new text on the
served page, at N articles.

    python bench/serve.py --articles N [--jobs 2] [--edits 5] [--keep DIR]

The corpus is bench/corpus.py's (kept and reused under --keep) and is built
once before the server starts, as a translator's project would be. The
server runs as its own process (``python -m g60pub serve --port 0``); this
script listens to its live-reload events like an open page does, saves an
edited PO file, and measures, per edit:

- **event s**: until the server's reload event arrives (what makes an open
  page reload);
- **page s**: until the article's page, fetched from the server, holds the
  new text (the reload's own fetch, about 10 ms here, is not included);
- **whole s**: until the whole rebuild that follows (books, indexes, ZIP,
  search) has finished.

Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import http.client
import os
import queue
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build as build_bench  # bench/build.py: corpus preparation and builds


class Server:
    def __init__(self, project: Path, out: Path, jobs: int) -> None:
        command = [sys.executable, "-m", "g60pub", "serve", "--project", str(project)]
        command += ["--out", str(out), "--port", "0", "--jobs", str(jobs)]
        self.proc = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.url = self.wait_for("serving http").split()[3]
        self.events: queue.Queue[float] = queue.Queue()
        threading.Thread(target=self._listen, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.put((time.perf_counter(), line.rstrip("\n")))

    def _listen(self) -> None:
        host, port = self.url.removeprefix("http://").rstrip("/").split(":")
        conn = http.client.HTTPConnection(host, int(port))
        conn.request("GET", "/__g60pub__/events")
        response = conn.getresponse()
        first = True
        for raw in response:
            if raw.startswith(b"data:"):
                if not first:
                    self.events.put(time.perf_counter())
                first = False

    def wait_for(self, text: str, timeout: float = 3600) -> str:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            try:
                _, line = self.lines.get(timeout=1)
            except queue.Empty:
                continue
            if text in line:
                return line
        raise TimeoutError(text)

    def when(self, text: str, timeout: float = 3600) -> float:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            try:
                at, line = self.lines.get(timeout=1)
            except queue.Empty:
                continue
            if text in line:
                return at
        raise TimeoutError(text)

    def page(self, path: str) -> str:
        with urllib.request.urlopen(self.url + path, timeout=60) as response:
            return str(response.read().decode("utf-8"))

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        self.proc.wait(timeout=120)


def edit(po: Path, marker: str) -> None:
    """Put ``marker`` at the start of the PO file's first translation."""
    text = po.read_text("utf-8")
    entry = re.search(r"^msgctxt ", text, re.MULTILINE)  # the first entry after the header
    assert entry is not None, po
    start = text.index('\nmsgstr "', entry.start()) + len('\nmsgstr "')
    end = text.index('"', start)
    body = text[start:end].split("] ", 1)[-1]
    po.write_text(text[:start] + f"[{marker}] " + body + text[end:], "utf-8")


def bench(articles: int, jobs: int, edits: int, base: Path, seed: int) -> list[tuple[float, ...]]:
    project, out = base / f"corpus-{articles}", base / f"out-{articles}"
    _, changed = build_bench.prepare(project, articles, seed)
    build_bench.run_build(project, out, jobs, "before serving", articles)
    slug = sorted(p.name for p in (project / "sources").glob("*.html"))[changed][: -len(".html")]
    po = project / "sources" / f"{slug}.en.po"
    server = Server(project, out, jobs)
    rows = []
    try:
        server.when("built ")  # the server's own first build (nothing to do)
        for n in range(edits):
            marker = f"edit {os.getpid()}-{n}"
            while not server.events.empty():  # reloads of the rebuilds before
                server.events.get()
            started = time.perf_counter()
            edit(po, marker)
            event = server.events.get(timeout=600)
            while marker not in server.page(f"html/en/{slug}.html"):
                time.sleep(0.005)
            shown = time.perf_counter()
            whole = server.when("built ")
            rows.append((event - started, shown - started, whole - started))
            time.sleep(0.5)  # the whole rebuild's own reload event arrives, and is drained
    finally:
        server.stop()
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark g60pub serve's rebuild after an edit.")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--keep", type=Path, help="keep the corpus and output here (and reuse them)"
    )
    args = parser.parse_args(argv)
    base = args.keep or Path(tempfile.mkdtemp(prefix="g60pub-serve-"))
    rows = bench(args.articles, args.jobs, args.edits, base, args.seed)
    print("| articles | edit | event s | page s | whole s |")
    print("|---|---|---|---|---|")
    for n, (event, shown, whole) in enumerate(rows, start=1):
        print(f"| {args.articles} | {n} | {event:.2f} | {shown:.2f} | {whole:.1f} |")
    shown = [r[1] for r in rows]
    print(f"\npage shown: median {statistics.median(shown):.2f} s, worst {max(shown):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
