"""Reading quality as the browser computes it: Chinese typography, measure,
dark mode and print (issue 8)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from tests.browser import Served, Tab

pytest_plugins = ("tests.browser",)


def px(value: str) -> float:
    return float(value.removesuffix("px"))


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant"])
def test_chinese_paragraphs_indent_their_first_line_by_two_characters(
    tab: Tab, sample: Served, variant: str
) -> None:
    tab.open(sample.article_path(variant))
    indent, size = tab.style("article p:not(.byline)", "textIndent", "fontSize")
    assert px(indent) == pytest.approx(2 * px(size))


def test_chinese_lines_are_looser_than_english_lines(tab: Tab, sample: Served) -> None:
    tab.open(sample.article_path("zh-Hans+en"))
    zh_height, zh_size = tab.style(".pair:not(.heading) p.zh", "lineHeight", "fontSize")
    en_height, en_size = tab.style(".pair:not(.heading) p.en", "lineHeight", "fontSize")
    assert px(zh_height) / px(zh_size) == pytest.approx(1.8, abs=0.05)
    assert px(en_height) / px(en_size) == pytest.approx(1.6, abs=0.05)


@pytest.mark.parametrize(
    ("variant", "selector"),
    [
        ("zh-Hans", "article p:not(.byline)"),
        ("zh-Hant+en", ".pair p.zh"),
        # Chinese in an English page: the link to the Simplified edition (the
        # sample's byline is translated, so it has no Chinese left).
        ("en", 'a[href^="../zh-Hans/"][lang]'),
    ],
)
def test_chinese_text_keeps_closing_punctuation_off_line_starts(
    tab: Tab, sample: Served, variant: str, selector: str
) -> None:
    page = tab.open(sample.article_path(variant))
    assert page.eval_on_selector(selector, "el => el.closest('[lang]').lang").startswith("zh")
    assert tab.style(selector, "lineBreak") == ["strict"]


def test_chinese_text_autospaces_where_the_browser_supports_it(tab: Tab, sample: Served) -> None:
    page = tab.open(sample.article_path("zh-Hans"))
    if not page.evaluate("CSS.supports('text-autospace: normal')"):
        pytest.skip("this chromium has no text-autospace")
    assert tab.style("article p:not(.byline)", "textAutospace") == ["normal"]


@pytest.mark.parametrize(
    ("variant", "fonts"),
    [
        ("zh-Hans", ("PingFang SC", "Noto Sans CJK SC")),
        ("zh-Hant", ("PingFang TC", "Noto Sans CJK TC")),
    ],
)
def test_chinese_font_stack_follows_the_script(
    tab: Tab, sample: Served, variant: str, fonts: tuple[str, ...]
) -> None:
    tab.open(sample.article_path(variant + "+en"))
    (family,) = tab.style(".pair p.zh", "fontFamily")
    positions = [family.find(f'"{font}"') for font in fonts]
    assert -1 not in positions and positions == sorted(positions), family
    (english,) = tab.style(".pair p.en", "fontFamily")
    assert "CJK" not in english and english != family


def test_english_is_set_apart_by_style_not_colour_alone(tab: Tab, sample: Served) -> None:
    tab.open(sample.article_path("zh-Hans+en"))
    zh = tab.style(".pair:not(.heading) p.zh", "fontFamily", "borderLeftStyle", "fontStyle")
    en = tab.style(".pair:not(.heading) p.en", "fontFamily", "borderLeftStyle", "fontStyle")
    differs = [a != b for a, b in zip(zh, en, strict=True)]
    assert differs[0] and (differs[1] or differs[2]), (zh, en)


def test_chinese_lines_hold_about_forty_characters(tab: Tab, sample: Served) -> None:
    page = tab.open(sample.article_path("zh-Hans"))
    width = page.eval_on_selector("article p:not(.byline)", "el => el.clientWidth")
    (size,) = tab.style("article p:not(.byline)", "fontSize")
    assert 34 <= width / px(size) <= 40


def test_english_lines_hold_about_seventy_characters(tab: Tab, sample: Served) -> None:
    page = tab.open(sample.article_path("en"))
    assert 60 <= characters_per_line(page, "article p:not(.byline)") <= 80


def characters_per_line(page: Any, selector: str) -> float:
    """The element's width in ``ch`` of its own font."""
    return page.eval_on_selector(  # type: ignore[no-any-return]
        selector,
        """el => {
            const probe = document.createElement('span');
            probe.style.cssText = 'display:inline-block;width:1ch';
            el.appendChild(probe);
            const ch = probe.getBoundingClientRect().width;
            probe.remove();
            return el.clientWidth / ch;
        }""",
    )


def test_bilingual_columns_keep_a_readable_measure(tab: Tab, sample: Served) -> None:
    page = tab.open(sample.article_path("zh-Hans+en"))
    width = page.eval_on_selector(".pair p.zh", "el => el.clientWidth")
    (size,) = tab.style(".pair p.zh", "fontSize")
    assert 25 <= width / px(size) <= 40
    assert 50 <= characters_per_line(page, ".pair p.en") <= 80


def test_dark_mode_darkens_the_background(tab: Tab, sample: Served) -> None:
    path = sample.article_path("zh-Hans+en")
    light = tab.open(path).evaluate("getComputedStyle(document.documentElement).backgroundColor")
    tab.page.emulate_media(color_scheme="dark")
    dark = tab.open(path).evaluate("getComputedStyle(document.documentElement).backgroundColor")
    assert light != dark
    assert luminance(dark) < 0.2 < luminance(light)


def luminance(color: str) -> float:
    r, g, b = (int(c) / 255 for c in re.findall(r"\d+", color)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_print_keeps_each_pair_on_one_page_and_drops_navigation(tab: Tab, sample: Served) -> None:
    tab.page.emulate_media(media="print")
    page = tab.open(sample.article_path("zh-Hant+en"))
    breaks = page.eval_on_selector_all(
        ".pair", "els => els.map(e => getComputedStyle(e).breakInside)"
    )
    assert breaks and set(breaks) == {"avoid"}
    shown = page.eval_on_selector_all("nav", "els => els.map(e => getComputedStyle(e).display)")
    assert shown and set(shown) == {"none"}
