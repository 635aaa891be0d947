"""``g60pub serve``: a change to a PO file shows on the served page, an open
page reloads by itself, a bad edit shows its error on the page and in the
terminal while the server keeps running, and Ctrl-C stops it cleanly.
(bench/serve.py measures how fast; these tests wait with generous ceilings.)"""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import copy_project

pytest_plugins = ("tests.browser",)

PO = "sources/delta-integration-2018.en.po"
PAGE = "html/en/delta-integration-2018.html"
OLD = 'msgstr "The meeting called for'
CEILING = 120  # seconds: against a hang, not a measure of speed


@dataclass
class Server:
    proc: subprocess.Popen[str]
    project: Path
    url: str = ""
    lines: list[str] = field(default_factory=list)
    _queue: queue.Queue[str] = field(default_factory=queue.Queue)

    def said(self, predicate: Callable[[str], bool]) -> str:
        """The first terminal line (so far or to come) for which ``predicate`` holds."""
        deadline = time.monotonic() + CEILING
        for line in self.lines:
            if predicate(line):
                return line
        while time.monotonic() < deadline:
            try:
                line = self._queue.get(timeout=1)
            except queue.Empty:
                assert self.proc.poll() is None, "the server stopped"
                continue
            self.lines.append(line)
            if predicate(line):
                return line
        pytest.fail(f"never said; said: {self.lines}")

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.url + path, timeout=30) as response:
            return str(response.read().decode("utf-8"))

    def until(self, path: str, holds: Callable[[str], bool]) -> str:
        deadline = time.monotonic() + CEILING
        while time.monotonic() < deadline:
            page = self.get(path)
            if holds(page):
                return page
            time.sleep(0.05)
        pytest.fail(f"{path} never showed it")

    def edit(self, old: str, new: str) -> None:
        po = self.project / PO
        po.write_text(po.read_text("utf-8").replace(old, new, 1), "utf-8")


def serve_command(project: Path, port: int) -> list[str]:
    return [sys.executable, "-m", "g60pub", "serve", "--project", str(project), "--port", str(port)]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    project = copy_project(tmp_path)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    proc = subprocess.Popen(
        [*serve_command(project, 0), "--jobs", "2"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    served = Server(proc, project)
    assert proc.stderr is not None
    stream = proc.stderr

    def read() -> None:
        for line in stream:
            served._queue.put(line.rstrip("\n"))

    threading.Thread(target=read, daemon=True).start()
    served.url = served.said(lambda line: "serving http" in line).split()[3]
    served.said(lambda line: "built " in line)
    yield served
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)


def test_a_saved_translation_shows_on_the_served_page(server: Server) -> None:
    assert "The meeting called for" in server.get(PAGE)
    server.edit(OLD, 'msgstr "Revised: the meeting called for')
    server.until(PAGE, lambda page: "Revised: the meeting called for" in page)
    server.said(lambda line: "sources/delta-integration-2018.en.po" in line and "pages" in line)


def test_an_open_page_reloads_by_itself_after_a_change(browser: Any, server: Server) -> None:
    from tests.browser import Tab

    tab = Tab(browser, server.url)
    try:
        page = tab.open(PAGE)
        page.wait_for_load_state("networkidle")
        server.edit(OLD, 'msgstr "Reloaded: the meeting called for')
        # While the page reloads there is a moment with no body yet.
        page.wait_for_function(
            "document.body?.innerText.includes('Reloaded: the meeting') ?? false",
            timeout=CEILING * 1000,
        )
        assert tab.traffic.external == []
    finally:
        tab.close()


def test_a_bad_edit_shows_its_error_on_the_page_and_in_the_terminal(server: Server) -> None:
    server.edit(OLD, 'msgstr "unterminated\nmsgstr "The meeting called for')
    page = server.until("html/zh-Hans/index.html", lambda page: "g60pub-error" in page)
    assert "delta-integration-2018.en.po:" in page
    server.said(lambda line: "error:" in line and "delta-integration-2018.en.po:" in line)
    # The server kept running: fixing the file clears the error.
    server.edit('msgstr "unterminated\n', "")
    server.until("html/zh-Hans/index.html", lambda page: "g60pub-error" not in page)


def test_ctrl_c_stops_the_server_and_its_build_cleanly(server: Server) -> None:
    server.edit(OLD, 'msgstr "One more: the meeting called for')  # a build is under way
    server.said(lambda line: "pages in" in line)
    server.proc.send_signal(signal.SIGINT)
    assert server.proc.wait(timeout=60) in (0, 130)
    assert server.said(lambda line: line.endswith("stopped"))
    assert not [line for line in server.lines if "Traceback" in line]
    with pytest.raises(OSError):
        server.get("index.html")


def test_ctrl_c_stops_a_server_started_with_sigint_ignored(tmp_path: Path) -> None:
    # A script's background job inherits SIGINT ignored; the server still stops on it.
    proc = subprocess.Popen(
        serve_command(copy_project(tmp_path), 0),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    assert proc.stderr is not None
    try:
        for line in proc.stderr:
            if "serving http" in line:
                break
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=CEILING) in (0, 130)
    finally:
        proc.kill()
        proc.wait()


def test_a_port_in_use_is_one_line_naming_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            serve_command(project, port),
            capture_output=True,
            text=True,
            timeout=CEILING,
        )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"g60pub: cannot serve on 127.0.0.1:{port}: Address already in use"
    ]
