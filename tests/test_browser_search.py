"""Search in a real browser: Pagefind's index of each variant, queried from
a page of that variant, finds the articles that hold the words, in that
variant; Chinese words are found inside unspaced Chinese text."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest import REPO, TEST_PROJECT, Built, run_build

from g60pub.preview import serve_directory

if TYPE_CHECKING:
    from tests.browser import Tab

pytest_plugins = ("tests.browser",)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Built, str]]:
    """The test project and the bundled sample article in one build, served."""
    project = tmp_path_factory.mktemp("search") / "project"
    shutil.copytree(TEST_PROJECT, project)
    for extra in (REPO / "sources").iterdir():
        shutil.copy(extra, project / "sources" / extra.name)
    # One article a search shard: every search goes through several indexes.
    built = run_build(project, project.parent / "output", jobs=2, search_shard=1)
    assert len(list((built.out / "html/zh-Hans/pagefind").glob("*/pagefind-entry.json"))) >= 2
    with serve_directory(built.out) as base:
        yield built, base


@pytest.fixture
def search_tab(browser: Any, site: tuple[Built, str]) -> Iterator[Tab]:
    from tests.browser import Tab

    opened = Tab(browser, site[1])
    yield opened
    opened.close()


def _search(tab: Tab, page: str, query: str) -> list[str]:
    """The result links a reader gets for ``query`` typed into ``page``'s search box."""
    opened = tab.open(page)
    box = opened.locator("#search input")
    box.wait_for(state="visible", timeout=30_000)
    box.fill(query)
    opened.wait_for_selector(".pagefind-ui__result-link", timeout=30_000)
    opened.wait_for_load_state("networkidle")
    links = opened.eval_on_selector_all(
        ".pagefind-ui__result-link", "els => els.map(a => new URL(a.href).pathname)"
    )
    assert tab.traffic.external == [] and tab.traffic.failed == []
    return sorted(Path(link).name for link in links if link.startswith(_folder(page)))


def _folder(page: str) -> str:
    return "/" + page.rsplit("/", 1)[0] + "/"


def _all(tab: Tab, page: str, query: str) -> list[str]:
    opened = tab.page
    _search(tab, page, query)
    return opened.eval_on_selector_all(  # type: ignore[no-any-return]
        ".pagefind-ui__result-link", "els => els.map(a => new URL(a.href).pathname)"
    )


def test_a_chinese_term_finds_every_article_that_uses_it(search_tab: Tab) -> None:
    assert _search(search_tab, "html/zh-Hans/index.html", "科创走廊") == [
        "delta-integration-2018.html",
        "g60-corridor-agreement-2017.html",
        "jiaxing-songjiang-2019.html",
    ]


def test_a_rarer_chinese_term_finds_only_the_article_that_uses_it(search_tab: Tab) -> None:
    assert _search(search_tab, "html/zh-Hans+en/index.html", "军民融合") == [
        "g60-corridor-agreement-2017.html"
    ]


def test_traditional_script_is_searched_in_the_traditional_edition(search_tab: Tab) -> None:
    assert "jiaxing-songjiang-2019.html" in _search(
        search_tab, "html/zh-Hant/index.html", "科創走廊"
    )


def test_an_english_query_finds_the_english_articles(search_tab: Tab) -> None:
    assert _search(search_tab, "html/en/index.html", "G60 corridor") == [
        "delta-integration-2018.html",
        "g60-corridor-agreement-2017.html",
        "jiaxing-songjiang-2019.html",
    ]


def test_results_are_pages_of_the_variant_searched_from(search_tab: Tab) -> None:
    for page in ("html/zh-Hant+en/glossary.html", "html/en/index.html"):
        links = _all(search_tab, page, "G60")
        assert links and all(link.startswith(_folder(page)) for link in links), links


def test_the_search_box_stays_hidden_when_the_site_is_opened_from_disk(
    browser: Any, site: tuple[Built, str]
) -> None:
    context = browser.new_context()
    requested: list[str] = []
    context.route("**/*", lambda route: _only_files(route, requested))
    page = context.new_page()
    try:
        page.goto((site[0].out / "html/zh-Hans/index.html").as_uri(), wait_until="load")
        assert page.eval_on_selector("#search", "el => el.hidden") is True
        assert not [url for url in requested if "pagefind" in url]
    finally:
        context.close()


def _only_files(route: Any, requested: list[str]) -> None:
    requested.append(route.request.url)
    if route.request.url.startswith("file:"):
        route.continue_()
    else:
        route.abort("blockedbyclient")


def test_pages_declare_a_favicon_and_request_nothing_missing(
    search_tab: Tab, site: tuple[Built, str]
) -> None:
    for page in ("index.html", "html/zh-Hans/index.html", "html/en/glossary.html"):
        search_tab.open(page).wait_for_load_state("networkidle")
    assert search_tab.traffic.failed == []
    assert search_tab.page.eval_on_selector("link[rel=icon]", "l => l.href").endswith(
        "/html/favicon.svg"
    )
