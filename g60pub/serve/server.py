"""The HTTP side of ``g60pub serve``: the output directory on 127.0.0.1,
with a live-reload script and the last error added to every page it serves.

Pages are served from disk as the build wrote them; only the response gets
the ``<script>`` of ``live-reload.js`` and, while the last rebuild failed,
a banner with its error. ``/__g60pub__/events`` is a stream of server-sent
events: one number, the rebuild generation, sent again whenever it moves.
Nothing is requested from anywhere but this server.
"""

from __future__ import annotations

import functools
import html
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any

from g60pub.errors import G60Error

HOST = "127.0.0.1"
PREFIX = "/__g60pub__/"
_SCRIPT = f'<script src="{PREFIX}live-reload.js"></script>'
_KEEPALIVE = 15.0  # seconds between comments on an idle event stream


class State:
    """What the pages are told: the rebuild generation and the last error."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.generation = 0
        self.error: str | None = None
        self.stopping = False

    def reload(self, error: str | None = None) -> None:
        """New files are on disk (or a rebuild failed): open pages reload."""
        with self._changed:
            self.generation += 1
            self.error = error
            self._changed.notify_all()

    def stop(self) -> None:
        with self._changed:
            self.stopping = True
            self._changed.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        with self._changed:
            self._changed.wait_for(lambda: self.generation != seen or self.stopping, timeout)
            return self.generation


class _Handler(SimpleHTTPRequestHandler):
    state: State

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the terminal shows rebuilds, not requests

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == PREFIX + "events":
            self._events()
        elif path == PREFIX + "live-reload.js":
            data = resources.files("g60pub.serve").joinpath("live-reload.js").read_bytes()
            self._send(data, "text/javascript; charset=utf-8")
        elif self._html_file(path):
            self._page(self._html_file(path))  # type: ignore[arg-type]
        else:
            super().do_GET()

    def _html_file(self, path: str) -> Path | None:
        local = Path(self.translate_path(path))
        if local.is_dir():
            local = local / "index.html"
        return local if local.suffix == ".html" and local.is_file() else None

    def _page(self, local: Path) -> None:
        try:
            text = local.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        self._send(
            with_live_reload(text, self.state.error).encode("utf-8"), "text/html; charset=utf-8"
        )

    def _send(self, data: bytes, kind: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        seen = self.state.generation
        try:
            self.wfile.write(f"data: {seen}\n\n".encode())
            self.wfile.flush()
            while not self.state.stopping:
                now = self.state.wait(seen, _KEEPALIVE)
                if self.state.stopping:
                    break
                self.wfile.write(f"data: {now}\n\n".encode() if now != seen else b": idle\n\n")
                self.wfile.flush()
                seen = now
        except OSError:
            pass  # the page went away


def with_live_reload(page: str, error: str | None) -> str:
    """``page`` with the live-reload script, and the error banner when there is one."""
    banner = ""
    if error:
        banner = (
            '<div role="alert" id="g60pub-error" style="white-space:pre-wrap;font:0.9rem/1.4 '
            'monospace;background:#b00020;color:#fff;padding:0.8em 1em;margin:0 0 1em">'
            f"g60pub: {html.escape(error)}</div>\n"
        )
    head, found, tail = page.rpartition("</body>")
    if not found:
        return page + banner + _SCRIPT
    if banner:
        start = head.find("<body>")
        if start >= 0:
            head = head[: start + 6] + "\n" + banner + head[start + 6 :]
    return head + _SCRIPT + "\n</body>" + tail


@contextmanager
def serving(root: Path, port: int, state: State) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1:``port`` (0: any free port); yields the base URL."""
    root.mkdir(parents=True, exist_ok=True)
    handler = type("Handler", (_Handler,), {"state": state})
    try:
        server = ThreadingHTTPServer((HOST, port), functools.partial(handler, directory=str(root)))
    except OSError as err:  # the port is taken, or not ours to bind
        raise G60Error(f"cannot serve on {HOST}:{port}: {err.strerror or err}") from None
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        state.stop()
        server.shutdown()
        server.server_close()
        thread.join()
