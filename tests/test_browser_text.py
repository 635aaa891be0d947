"""Reading in the browser: the variant switch, selecting and copying text, and
glossary terms (issue 8)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from tests.browser import Served, Tab

pytest_plugins = ("tests.browser",)


def test_variant_switch_leads_to_the_same_article(tab: Tab, served: Served) -> None:
    for variant in served.variants():
        for name in served.articles(variant):
            start = f"html/{variant}/{name}"
            page = tab.open(start, served.base)
            title_id = page.evaluate("document.querySelector('article header [id]').id")
            links = page.eval_on_selector_all(
                "nav.variants a", "els => els.map(a => [a.href, a.hreflang])"
            )
            holding = [v for v in served.variants() if name in served.articles(v)]
            assert len(links) == len(holding) - 1, start
            for href, hreflang in links:
                page.goto(href, wait_until="domcontentloaded")
                assert page.url.endswith("/" + quote(name, safe="+")), (start, href)
                here = page.evaluate("document.querySelector('article header [id]').id")
                assert here == title_id, (start, href)
                assert page.evaluate("document.documentElement.lang") == hreflang


def test_chinese_paragraphs_are_selectable(tab: Tab, sample: Served) -> None:
    for variant in sample.bilingual():
        page = tab.open(sample.article_path(variant))
        assert page.eval_on_selector(".pair p.zh", "el => getComputedStyle(el).userSelect") != (
            "none"
        )
        assert tab.select_text(".pair p.zh")


def test_copying_a_chinese_paragraph_yields_the_chinese_text_only(tab: Tab, served: Served) -> None:
    """In the bilingual variant of the source's own script, a copied Chinese
    paragraph is exactly the source's text: no English, no "not yet
    translated" marker, no tooltip text."""
    from g60pub.normalize import normalize_file

    checked = 0
    for source in sorted((served.built.project / "sources").glob("*.html")):
        article = normalize_file(source)
        page_path = served.built.out / "html" / f"{article.lang}+en" / f"{source.stem}.html"
        if not page_path.is_file():
            continue
        page = tab.open(page_path.relative_to(served.built.out).as_posix(), served.base)
        texts = {b.id: b.text for b in article.all_blocks()}
        pair_ids = page.eval_on_selector_all(".pair", "els => els.map(e => e.id)")
        assert sorted(pair_ids) == sorted(texts)
        for block_id in pair_ids:
            copied = tab.select_text(f"[id='{block_id}'] > .zh")
            english = page.eval_on_selector(f"[id='{block_id}'] > .en", "el => el.innerText")
            assert copied == texts[block_id]
            assert english.strip() and english.strip()[:20] not in copied
            checked += 1
    assert checked


def test_copying_a_traditional_chinese_paragraph_matches_the_traditional_edition(
    tab: Tab, sample: Served
) -> None:
    name = sample.articles("zh-Hant+en")[0]
    page = tab.open(f"html/zh-Hant/{name}")
    ids = page.eval_on_selector_all("article p[id]", "els => els.map(e => e.id)")
    alone = {i: tab.select_text(f"[id='{i}']") for i in ids}
    page = tab.open(f"html/zh-Hant+en/{name}")
    paired = {i: tab.select_text(f"[id='{i}'] > .zh") for i in ids}
    assert alone and paired == alone
    assert not any(re.search(r"[A-Za-z]{4,}", t) and "G60" not in t for t in paired.values())


# -- glossary terms ----------------------------------------------------------------


TERMS = ".pair .zh a.term[title]"


def test_glossary_terms_in_bilingual_pages_carry_their_translation_in_its_language(
    tab: Tab, sample: Served
) -> None:
    for variant in sample.bilingual():
        page = tab.open(sample.article_path(variant))
        titles = page.eval_on_selector_all(
            TERMS, "els => els.map(e => [e.textContent, e.title, e.lang, e.firstChild.lang])"
        )
        assert titles, variant
        assert all(text and title and title != text for text, title, _, _ in titles)
        assert {(lang, inner[:2]) for _, _, lang, inner in titles} == {("en", "zh")}


def test_first_use_of_a_glossary_term_links_to_the_glossary_page(tab: Tab, sample: Served) -> None:
    for variant in sample.bilingual():
        page = tab.open(sample.article_path(variant))
        links = page.eval_on_selector_all(
            "a.term[href^='glossary.html#'][title]", "els => els.map(e => e.getAttribute('href'))"
        )
        assert links
        page.click(f"a[href='{links[0]}']")
        page.wait_for_load_state()
        assert page.url.split("#")[0].endswith(f"/{quote(variant, safe='+')}/glossary.html")
        target = links[0].split("#", 1)[1]
        assert tab.page.evaluate(f"!!document.getElementById('{target}')")


def test_focused_glossary_term_shows_its_translation_without_script(
    tab: Tab, sample: Served
) -> None:
    page = tab.open(sample.article_path("zh-Hans+en"))
    before = page.evaluate("getComputedStyle(document.querySelector('a.term'), '::after').content")
    page.focus("a.term")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    title = page.evaluate("document.activeElement.title")
    after = page.evaluate("getComputedStyle(document.activeElement, '::after').content")
    assert before in ("none", "normal")
    assert title and title in after
