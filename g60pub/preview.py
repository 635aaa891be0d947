"""Screenshots of what readers get: the download page and an article in each
variant, desktop and mobile, rendered by a headless chromium.

The pages are served from the build output over a local HTTP server on
127.0.0.1 (as a reader's browser would load them, not from ``file://``), and
every request that would leave the machine is refused, so a screenshot never
depends on the network. The browser tests launch chromium the same way
(``launch_chromium``, ``serve_directory``).
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from g60pub.atomic import write_atomic
from g60pub.errors import G60Error

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright, Route

CHROMIUM = Path("/usr/bin/chromium")
# Quiet, offline, reproducible: no sandbox (containers), no GPU, no QUIC, no
# first-run or background traffic of the browser's own.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
LOCAL_HOST = "127.0.0.1"
# Long articles: a screenshot covers at most this many screens.
MAX_SCREENS = 4


class PreviewError(G60Error):
    """Screenshots cannot be taken: no browser, or no built site to show."""


@dataclass(frozen=True, slots=True)
class Viewport:
    name: str
    width: int
    height: int


DESKTOP = Viewport("desktop", 1280, 800)
MOBILE = Viewport("mobile", 390, 844)
VIEWPORTS = (DESKTOP, MOBILE)


@dataclass(frozen=True, slots=True)
class Shot:
    """One page to photograph: its path under the output directory and a file stem."""

    path: str
    name: str


def find_chromium(preferred: Path = CHROMIUM) -> Path | None:
    """The system chromium (never a downloaded one), or None."""
    if preferred.is_file():
        return preferred
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def launch_chromium(playwright: Playwright, executable: Path | None = None) -> Browser:
    """A headless system chromium with the offline flags above."""
    path = executable or find_chromium()
    if path is None:
        raise PreviewError("chromium is not installed (apt-get install chromium)", CHROMIUM)
    return playwright.chromium.launch(
        executable_path=str(path), headless=True, args=list(CHROMIUM_ARGS)
    )


def cjk_font_installed() -> bool | None:
    """Whether fontconfig knows a Chinese font (None: no fontconfig to ask).

    Without one, chromium draws Chinese text as empty boxes: the screenshots
    would show a defect readers never see."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    found = subprocess.run(
        [fc_list, ":lang=zh", "family"], capture_output=True, text=True, check=False, timeout=60
    )
    return bool(found.stdout.strip())


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 at an ephemeral port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def is_local(url: str) -> bool:
    """Whether a request stays on this machine's test server (or is inline data)."""
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname == LOCAL_HOST


def refuse_external(route: Route) -> None:
    """Route handler: let local requests through, abort every other one."""
    if is_local(route.request.url):
        route.continue_()
    else:
        route.abort("blockedbyclient")


def preview_shots(out: Path) -> list[Shot]:
    """The download page and, per variant site, its first article (by file name)."""
    if not (out / "index.html").is_file():
        raise PreviewError("no download page: build the project first", out / "index.html")
    shots = [Shot("index.html", "download")]
    html = out / "html"
    variants = sorted(p for p in html.iterdir() if p.is_dir()) if html.is_dir() else []
    for variant in variants:
        articles = sorted(
            p
            for p in variant.glob("*.html")
            if p.name != "glossary.html" and not p.name.startswith("index")
        )
        if articles:
            shots.append(Shot(f"html/{variant.name}/{articles[0].name}", f"article-{variant.name}"))
    return shots


def render_previews(out: Path, dest: Path, executable: Path | None = None) -> list[Path]:
    """PNG screenshots of ``preview_shots(out)`` at every viewport into ``dest``."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as err:
        raise PreviewError(f"playwright is not installed ({err})") from err
    shots = preview_shots(out)
    written: list[Path] = []
    with serve_directory(out) as base, sync_playwright() as playwright:
        browser = launch_chromium(playwright, executable)
        try:
            for viewport in VIEWPORTS:
                context = browser.new_context(
                    viewport={"width": viewport.width, "height": viewport.height},
                    device_scale_factor=1,
                )
                context.route("**/*", refuse_external)
                page = context.new_page()
                for shot in shots:
                    target = dest / f"{shot.name}-{viewport.name}.png"
                    url = base + quote(shot.path, safe="/+")
                    write_atomic(target, _screenshot(page, url, viewport))
                    written.append(target)
                context.close()
        finally:
            browser.close()
    return written


def _screenshot(page: Page, url: str, viewport: Viewport) -> bytes:
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready")
    height = int(page.evaluate("document.documentElement.scrollHeight"))
    clip = {
        "x": 0,
        "y": 0,
        "width": viewport.width,
        "height": min(height, viewport.height * MAX_SCREENS),
    }
    return page.screenshot(full_page=True, clip=clip)  # type: ignore[arg-type]
