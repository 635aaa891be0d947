"""The HTML edition in a real browser: what pages load, and their layout on
desktop and phone screens (issue 8)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from g60pub.preview import MOBILE, is_local

if TYPE_CHECKING:
    from tests.browser import Served, Tab, Visit

pytest_plugins = ("tests.browser",)


# -- loading -----------------------------------------------------------------


def test_pages_load_without_console_errors(visit: Visit) -> None:
    assert visit.traffic.console_errors == []


def test_pages_load_without_failed_requests(visit: Visit) -> None:
    assert visit.traffic.failed == []


def test_pages_make_no_external_requests(visit: Visit) -> None:
    assert visit.traffic.external == []


def test_pages_load_their_stylesheet(visit: Visit) -> None:
    # Guards the tests below: without it they would test the browser's defaults.
    assert all(sheets[0] == "style.css" for sheets in visit.stylesheets.values())


def test_pages_run_only_the_sites_own_scripts_and_pagefinds_interface(visit: Visit) -> None:
    download_page = {path: s for path, s in visit.scripts.items() if not path.startswith("html/")}
    assert set(map(tuple, download_page.values())) == {()}
    search = {"html/search.js", "0/pagefind-ui.js"}
    site = {path: s for path, s in visit.scripts.items() if path.startswith("html/")}
    articles = [p for p in site if not p.endswith(("index.html", "glossary.html"))]
    assert articles
    for path, scripts in site.items():
        # The term-marks switch is on article pages, the search on every page.
        expected = search | {"html/marks.js"} if path in articles else search
        assert sorted(scripts) == sorted(expected), path


# -- layout --------------------------------------------------------------------


def test_bilingual_pairs_start_at_the_same_height_on_desktop(tab: Tab, served: Served) -> None:
    for path in served.bilingual_articles():
        tab.open(path, served.base)
        zh, en = tab.boxes(".pair > .zh"), tab.boxes(".pair > .en")
        assert zh and len(zh) == len(en)
        for z, e in zip(zh, en, strict=True):
            assert abs(z["top"] - e["top"]) <= 2, (path, z, e)
            assert e["left"] > z["right"], (path, z, e)


def test_bilingual_pairs_stack_english_below_chinese_on_mobile(
    mobile_tab: Tab, served: Served
) -> None:
    for path in served.bilingual_articles():
        mobile_tab.open(path, served.base)
        zh, en = mobile_tab.boxes(".pair > .zh"), mobile_tab.boxes(".pair > .en")
        assert zh and len(zh) == len(en)
        for z, e in zip(zh, en, strict=True):
            assert e["top"] >= z["bottom"] - 1, (path, z, e)


def test_pages_do_not_scroll_sideways_on_mobile(visit: Visit) -> None:
    assert visit.widths and MOBILE.width in {inner for _, inner in visit.widths.values()}
    wide = {path: w for path, w in visit.widths.items() if w[0] > w[1]}
    assert wide == {}


def test_sample_build_has_every_variant(sample: Served) -> None:
    assert set(sample.variants()) >= {"zh-Hans", "zh-Hant", "en", "zh-Hans+en", "zh-Hant+en"}
    assert all(sample.articles(v) for v in sample.variants())


def test_external_requests_are_recognised() -> None:
    assert is_local("http://127.0.0.1:8123/html/en/index.html")
    assert is_local("data:image/png;base64,AAAA")
    assert not is_local("https://fonts.googleapis.com/css")
    assert not is_local("http://localhost.example/x.css")


def test_external_requests_are_caught_and_refused(tab: Tab) -> None:
    # Guards test_pages_make_no_external_requests against passing vacuously.
    tab.open("index.html")
    tab.page.set_content(
        '<link rel="stylesheet" href="https://cdn.example.com/x.css">'
        '<img alt="" src="http://10.0.0.1/pixel.png">'
    )
    assert sorted(tab.traffic.external) == [
        "http://10.0.0.1/pixel.png",
        "https://cdn.example.com/x.css",
    ]
