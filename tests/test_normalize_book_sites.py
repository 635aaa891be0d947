"""Chapters of books built as static sites (GitBook, HonKit), and what
round 49's Hexo themes print: the headline a book's header shows, its
numbered headings, and the dates older themes write.

Each page here is written by this project, modelled on the markup of a real
built page (minimal, reproducing the structure that mattered).
"""

from __future__ import annotations

import pytest

from g60pub.normalize import normalize
from g60pub.normalize.boilerplate import is_noise
from g60pub.normalize.dates import find_datetime, time_element
from g60pub.normalize.page_title import strip_site_suffix

_TEXT = (
    "<p>刘备、关羽、张飞三人在桃园结义，誓同生死，共图大事，从此踏上了匡扶汉室的道路。</p>"
    "<p>这一章讲述了三人相识的经过，以及他们为何决定一起起兵，讨伐黄巾。</p>"
)


def _chapter(title: str, header: str, body: str) -> bytes:
    # GitBook 3: a summary in the sidebar, the chapter's title in the header
    # (linking to the book's root), then the chapter.
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        '<div class="book-summary"><nav role="navigation"><ul class="summary">'
        '<li class="chapter"><a href="../intro.html">引言</a></li>'
        '<li class="chapter active"><a href="taoyuan.html">桃源村</a></li>'
        '<li class="chapter"><a href="../ch2.html">两界山</a></li>'
        '<li><a href="https://www.gitbook.com" target="blank">本书使用 GitBook 发布</a></li>'
        '</ul></nav></div><div class="book-body"><div class="body-inner">'
        '<div class="book-header" role="navigation">'
        f'<h1><i class="fa fa-spin"></i>{header}</h1></div>'
        '<div class="page-wrapper"><div class="page-inner">'
        f'<section class="normal markdown-section">{body}</section>'
        "</div></div></div></div></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("title", "stripped"),
    [
        ("Git · GitBook", "Git"),
        ("我的博客 · AYJCSGM_开发笔记", "我的博客"),
    ],
)
def test_a_book_title_is_split_at_its_middle_dot_and_the_generator_is_no_title(
    title: str, stripped: str
) -> None:
    assert strip_site_suffix(title) == stripped


def test_a_chapter_without_a_heading_takes_the_headline_its_header_shows() -> None:
    page = _chapter("桃源村 · myth-of-three-kingdoms", '<a href="..">桃源村</a>', _TEXT)
    article = normalize(page)
    assert article.title == "桃源村"
    assert "本书使用 GitBook 发布" not in [b.text for b in article.blocks]


def test_a_numbered_chapter_heading_that_reads_as_the_title_is_the_headline() -> None:
    # The chapter's own heading over a list of links, then a second section
    # whose heading sits right over the text.
    links = "".join(f"<li><a href='https://example.org/{n}'>{n}</a></li>" for n in range(7))
    body = (
        f'<h1 id="我的博客">1. 我的博客</h1><ul>{links}'
        "<li>主要涉及技术：后端开发、开源项目</li></ul><p>博客将不定期更新，请随时关注！</p>"
        "<h1>2. 技术博客 https://example.github.io/</h1>" + _TEXT
    )
    page = _chapter("我的博客 · 开发笔记", "", body)
    # The number is the book's, not the chapter title's.
    assert normalize(page).title == "我的博客"


def test_a_books_published_with_line_is_furniture() -> None:
    assert is_noise("本书使用 GitBook 发布")
    assert is_noise("Published with GitBook")


@pytest.mark.parametrize(
    ("stated", "shown", "day"),
    [
        ("2025-01-24T06:02:24.000Z", " 2025-01-23", "2025-01-23"),  # a site west of UTC
        ("2020-04-05T17:54Z", "2020-04-05", "2020-04-05"),
        ("2020-04-05T17:54Z", "2020-04-09", "2020-04-06"),  # too far apart: the moment
    ],
)
def test_a_time_elements_shown_day_within_a_day_of_its_moment_wins(
    stated: str, shown: str, day: str
) -> None:
    found = time_element(stated, shown)
    assert found is not None and found[:10] == day


def test_a_time_element_that_states_its_moment_in_content() -> None:
    # Hexo's older Tranquilpeak: no datetime, the moment in content.
    head = (
        "<h1>用 Hexo 搭建博客</h1><div class='post-meta'><time itemprop='datePublished' "
        "content='Sat Dec 26 2015 20:48:07 GMT+0800'>12月 26, 2015</time></div>"
    )
    page = (
        f'<html><head><meta charset="utf-8"><title>用 Hexo 搭建博客</title></head><body>'
        f"{head}<div class='post-content'>{_TEXT}</div></body></html>"
    ).encode()
    assert (normalize(page).published or "")[:10] == "2015-12-26"


def test_a_month_by_its_number_in_english_order() -> None:
    assert find_datetime("12月 26, 2015") == "2015-12-26"


def test_a_promotion_box_after_the_text_is_furniture() -> None:
    promo = (
        '<div class="github-star-promo"><p class="promo-text">'
        "如果觉得有用欢迎给我的项目加一个 ⭐ =w=/</p></div>"
    )
    page = (
        '<html><head><meta charset="utf-8"><title>GCN</title></head><body><h1>GCN</h1>'
        f'<div id="post-content">{_TEXT}{promo}</div></body></html>'
    ).encode()
    assert [b.text for b in normalize(page).blocks][-1].startswith("这一章讲述了")


def _mdbook(title: str, chapter: str) -> bytes:
    # mdBook 0.4.4x: a help popup for its keys opens the body; the book's
    # name is the menu bar's <h1>; each heading links to itself.
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        '<div id="mdbook-help-container"><div id="mdbook-help-popup">'
        '<h2 class="mdbook-help-title">Keyboard shortcuts</h2><div>'
        "<p>Press <kbd>←</kbd> or <kbd>→</kbd> to navigate between chapters</p>"
        "<p>Press <kbd>?</kbd> to show this help</p></div></div></div>"
        '<div id="mdbook-body-container"><div id="menu-bar">'
        '<h1 class="menu-title">Rust 程序设计语言 简体中文版</h1></div>'
        f'<main><h2 id="x"><a class="header" href="#x">{chapter}</a></h2>{_TEXT}</main>'
        "</div></body></html>"
    ).encode()


def test_an_mdbook_chapter_is_its_heading_without_the_help_popup_or_the_books_name() -> None:
    article = normalize(_mdbook("A - 关键字 - Rust 程序设计语言 简体中文版", "附录 A：关键字"))
    assert article.title == "附录 A：关键字"
    assert all("Press" not in block.text for block in article.blocks)


def test_a_chapter_heading_the_title_does_not_name_still_beats_the_books_name() -> None:
    article = normalize(_mdbook("基准分析 - The Rust Performance Book", "Benchmarking"))
    assert article.title == "Benchmarking"


def test_notes_of_commands_under_headings_that_link_to_themselves_are_an_article() -> None:
    # An Astro post: headings as <h2 id="x"><a href="#x">; its lines name a
    # step and the command for it, with no full stop.
    steps = "".join(
        f"<li>{what}(config): {command}</li>"
        for what, command in [
            ("进入配置模式", "config terminal"),
            ("修改主机名", "hostname xxxx"),
            ("设置口令", "enable secret psw"),
            ("进入控制台线路配置模式", "line con 0"),
            ("设置控制台口令", "password psw"),
            ("设置连接时标语", "banner motd XXXXXXX"),
        ]
    )
    sections = "".join(
        f'<h2 id="s{n}"><a href="#s{n}">{name}</a></h2><ul>{steps}</ul>'
        for n, name in enumerate(["常用指令", "配置接口", "检验 RIP"])
    )
    page = (
        '<html><head><meta charset="utf-8"><title>Cisco CLI 随手记录</title></head><body>'
        f"<article><h1>Cisco CLI 随手记录</h1>{sections}</article></body></html>"
    ).encode()
    article = normalize(page)
    assert article.title == "Cisco CLI 随手记录"
    assert "配置接口" in [block.text for block in article.blocks]
