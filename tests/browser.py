"""The browser harness of the reader's-view tests (issue 8): Debian's
chromium, headless, driven by Playwright, on builds served from 127.0.0.1.

Test modules load it with ``pytest_plugins``. Without chromium or Playwright
the tests skip locally, but fail under CI (``CI`` set): CI must never pass by
skipping them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from g60pub.preview import (
    DESKTOP,
    MOBILE,
    Viewport,
    find_chromium,
    is_local,
    launch_chromium,
    serve_directory,
)
from tests.conftest import REPO, Built

AXE = REPO / "tests" / "node_modules" / "axe-core" / "axe.min.js"


SETTLED = """async () => {
    await document.fonts.ready;
    const box = document.getElementById("search");
    return !box || box.hidden || !!box.querySelector("input[aria-label]");
}"""
"""True once a page has settled: no search box, or the box hidden or filled
in by search.js, and the page's fonts loaded."""


def unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must run the browser tests)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright is not installed")
    chromium = find_chromium()
    if chromium is None:
        unavailable("chromium is not installed")
    with sync_playwright() as playwright:
        launched = launch_chromium(playwright, chromium)
        yield launched
        launched.close()


@dataclass(frozen=True)
class Served:
    """A build, the URL it is served at, and the pages it holds."""

    built: Built
    base: str

    def variants(self) -> list[str]:
        return sorted(p.name for p in (self.built.out / "html").iterdir() if p.is_dir())

    def bilingual(self) -> list[str]:
        return [v for v in self.variants() if "+" in v]

    def articles(self, variant: str) -> list[str]:
        folder = self.built.out / "html" / variant
        return sorted(
            p.name
            for p in folder.glob("*.html")
            if p.name != "glossary.html" and not p.name.startswith("index")
        )

    def article_path(self, variant: str) -> str:
        """The variant's first article page."""
        return f"html/{variant}/{self.articles(variant)[0]}"

    def bilingual_articles(self) -> list[str]:
        return [f"html/{v}/{name}" for v in self.bilingual() for name in self.articles(v)]

    def reader_pages(self) -> list[str]:
        """The download page and each variant's index, glossary and articles."""
        pages = ["index.html"]
        for variant in self.variants():
            pages += [f"html/{variant}/index.html", f"html/{variant}/glossary.html"]
            pages += [f"html/{variant}/{name}" for name in self.articles(variant)]
        return pages


@pytest.fixture(scope="session")
def sample(built_sample: Built) -> Iterator[Served]:
    """The bundled sample build, served."""
    with serve_directory(built_sample.out) as base:
        yield Served(built_sample, base)


@pytest.fixture(scope="session", params=["sample", "project"])
def served(request: pytest.FixtureRequest) -> Iterator[Served]:
    """The bundled sample, and the test project (a Big5 Traditional source, an
    untranslated paragraph, an article left out of the English variants)."""
    built = request.getfixturevalue(f"built_{request.param}")
    with serve_directory(built.out) as base:
        yield Served(built, base)


@dataclass
class Traffic:
    """What a page did while loading: console errors, failed and external requests."""

    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)


class Tab:
    """One browser context and page at a viewport, every request routed."""

    def __init__(self, browser: Any, base: str, viewport: Viewport = DESKTOP) -> None:
        self.base = base
        self.context = browser.new_context(
            viewport={"width": viewport.width, "height": viewport.height}
        )
        self.traffic = Traffic()
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda err: self.traffic.console_errors.append(str(err)))
        self.page.on("requestfailed", self._failed)
        self.page.on("response", self._response)

    def _route(self, route: Any) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            self.traffic.external.append(route.request.url)
            route.abort("blockedbyclient")

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.traffic.console_errors.append(message.text)

    def _failed(self, request: Any) -> None:
        self.traffic.failed.append(f"{request.url}: {request.failure}")

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self.traffic.failed.append(f"{response.url}: HTTP {response.status}")

    def open(self, path: str, base: str | None = None) -> Any:
        self.page.goto((base or self.base) + quote(path, safe="/+"), wait_until="load")
        # The search box fills in after "load" (search.js loads Pagefind's
        # interface): layout is judged once the page has settled, the box
        # filled (its input labelled) or hidden, and the fonts loaded.
        # ("networkidle" settles too, but waits half a second on every page.)
        self.page.wait_for_function(SETTLED)
        return self.page

    def boxes(self, selector: str) -> list[dict[str, float]]:
        """Bounding boxes of every element matching ``selector``."""
        return self.page.eval_on_selector_all(  # type: ignore[no-any-return]
            selector,
            """els => els.map(el => {
                const r = el.getBoundingClientRect();
                return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};
            })""",
        )

    def style(self, selector: str, *props: str) -> list[str]:
        """Computed style properties of the first element matching ``selector``."""
        return self.page.eval_on_selector(  # type: ignore[no-any-return]
            selector,
            "(el, props) => { const s = getComputedStyle(el); return props.map(p => s[p]); }",
            list(props),
        )

    def select_text(self, selector: str) -> str:
        """Select the element's contents as a reader would; the text a copy yields."""
        return self.page.evaluate(  # type: ignore[no-any-return]
            """sel => {
                const el = document.querySelector(sel);
                const range = document.createRange();
                range.selectNodeContents(el);
                const selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                return selection.toString();
            }""",
            selector,
        )

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser: Any, sample: Served) -> Iterator[Tab]:
    """A desktop-sized page; paths open against the sample unless told otherwise."""
    opened = Tab(browser, sample.base)
    yield opened
    opened.close()


@pytest.fixture
def mobile_tab(browser: Any, sample: Served) -> Iterator[Tab]:
    opened = Tab(browser, sample.base, MOBILE)
    yield opened
    opened.close()


@dataclass(frozen=True)
class Visit:
    """Every reader page of a build loaded once: the traffic, and what each page holds."""

    traffic: Traffic
    stylesheets: dict[str, list[str]]  # file names of the stylesheets each page loaded
    scripts: dict[str, list[str]]  # paths of the scripts each page ran
    widths: dict[str, tuple[int, int]]  # scrollWidth, innerWidth


@pytest.fixture(scope="session")
def visit(browser: Any, served: Served) -> Iterator[Visit]:
    # On a phone-sized screen: what loads does not depend on the viewport, and
    # the sideways-scroll check needs the narrow one.
    opened = Tab(browser, served.base, MOBILE)
    sheets, scripts, widths = {}, {}, {}
    for path in served.reader_pages():
        page = opened.open(path)
        # The search box's script loads Pagefind's interface after "load";
        # the page is settled when the network is idle and fonts are ready.
        page.wait_for_load_state("networkidle")
        page.evaluate("document.fonts.ready.then(() => true)")
        sheets[path] = page.evaluate(
            "[...document.styleSheets].map(s => new URL(s.href).pathname.split('/').pop())"
        )
        scripts[path] = page.evaluate(
            "[...document.scripts].map(s => new URL(s.src).pathname.split('/').slice(-2).join('/'))"
        )
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        widths[path] = (width[0], width[1])
    yield Visit(opened.traffic, sheets, scripts, widths)
    opened.close()


@pytest.fixture(scope="session")
def axe() -> Path:
    """axe-core's script (npm, installed by tests/setup.sh)."""
    if not AXE.is_file():
        unavailable(f"axe-core is not installed: run tests/setup.sh ({AXE})")
    return AXE
