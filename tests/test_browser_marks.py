"""The site's term-marks switch: off, first use or every use, remembered from
one page to the next; without JavaScript, first uses are marked and no
switch is offered."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.browser import Served, Tab

pytest_plugins = ("tests.browser",)


def underline(page: Any, selector: str) -> str:
    return page.eval_on_selector(selector, "el => getComputedStyle(el).textDecorationLine")


def test_first_uses_are_marked_and_later_uses_plain_by_default(tab: Tab, sample: Served) -> None:
    page = tab.open(sample.article_path("zh-Hans"))
    assert page.is_visible("form.marks")
    assert page.is_checked("form.marks input[value='first']")
    assert underline(page, "a.term") == "underline"
    assert underline(page, ".term-use") == "none"


def test_turning_marks_off_holds_on_the_next_page(tab: Tab, sample: Served) -> None:
    page = tab.open(sample.article_path("zh-Hans"))
    page.check("form.marks input[value='off']")
    assert underline(page, "a.term") == "none"
    page = tab.open(sample.article_path("zh-Hant+en"))
    assert page.is_checked("form.marks input[value='off']")
    assert page.evaluate("document.documentElement.dataset.marks") == "off"
    assert underline(page, "a.term") == "none"


def test_every_use_can_be_marked(tab: Tab, sample: Served) -> None:
    page = tab.open(sample.article_path("zh-Hant"))
    page.check("form.marks input[value='all']")
    assert underline(page, ".term-use") == "underline"
    assert underline(page, "a.term") == "underline"
    page.check("form.marks input[value='first']")
    assert underline(page, ".term-use") == "none"
    assert tab.traffic.console_errors == [] and tab.traffic.external == []


def test_without_javascript_first_uses_are_marked_and_no_switch_is_shown(
    browser: Any, sample: Served
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(sample.base + sample.article_path("en"))
        assert not page.is_visible("form.marks")
        assert underline(page, "a.term") == "underline"
    finally:
        context.close()
