"""A post's day of publication over the day it was last changed, and a theme's
ways of printing names and measuring text.

A line that says when the post was modified (Modified on Feb 18, 2026;
最后更新：…) gives a date only when the page states no other; an author
printed as a list (``[Neo Lee]``) is the name inside; a code editor's span of
repeated letters for measuring text is no line of the text, and a browser's view
of a JSON document is no article. The element a template names as the
post's date (博客园's ``<span id="post-date">``) dates it, however far below.

Each page here is written by this project, modelled on the markup of a real
saved page (minimal, reproducing the structure that mattered).
"""

from __future__ import annotations

import pytest

from g60pub.errors import SourceError
from g60pub.normalize import normalize
from g60pub.normalize.boilerplate import is_noise
from g60pub.normalize.byline import parse_byline

_TEXT = (
    "<p>在本文中，我想向每一位开发者提出一个重要的建议：学习类型系统，它会改变你写程序的方式。</p>"
    "<p>类型系统并不只是编译器的检查，它是一种描述程序的语言，能让你在写代码之前想清楚。</p>"
)


def _post(changed: str, published_meta: bool = True) -> bytes:
    # A Hugo theme: the post's date and its last change in a list under the headline.
    meta = (
        '<meta property="article:published_time" content="2026-01-14T00:00:00+00:00">'
        if published_meta
        else ""
    )
    return (
        '<html><head><meta charset="utf-8"><title>为什么你要学习类型系统</title>'
        f'<meta name="author" content="[Neo Lee]">{meta}</head><body><main><article>'
        "<h1>为什么你要学习类型系统</h1><aside><ul>"
        '<li><time class="post-date" datetime="2026-01-14T00:00:00Z">Jan 14, 2026</time></li>'
        f"<li>{changed}</li></ul></aside>{_TEXT}</article></main></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "changed",
    [
        'Modified on <time datetime="2026-02-18T13:39:12+08:00">Feb 18, 2026</time>',
        "Last updated: 2026-02-18",
        "最后更新：2026-02-18 13:39",
    ],
)
def test_a_posts_last_change_is_not_its_publication(changed: str) -> None:
    article = normalize(_post(changed))
    assert article.published is not None and article.published.startswith("2026-01-14")


def test_a_posts_last_change_is_its_date_when_the_page_states_no_other() -> None:
    page = _post("最后更新：2026-02-18 13:39", published_meta=False)
    page = page.replace(
        b'<li><time class="post-date" datetime="2026-01-14T00:00:00Z">', b"<li><time>"
    )
    page = page.replace(b"Jan 14, 2026", b"")
    published = normalize(page).published
    assert published is not None and published.startswith("2026-02-18")


def test_an_author_printed_as_a_list_is_the_name_inside() -> None:
    assert normalize(_post("")).author == "Neo Lee"


def test_a_code_editors_measuring_span_is_no_line_of_text() -> None:
    assert is_noise("xxxxxxxxxx")
    assert not is_noise("xxx")


def test_a_browsers_view_of_a_json_document_is_no_article() -> None:
    fields = [
        "allow_delete: false,",
        "answer_count: 123,",
        "gender: -1,",
        'headline: "程序猿",',
        'id: "b1ba30ce8ff31ae8e72f25c4c168bc86",',
        'name: "李俊波",',
        'type: "people",',
        'user_type: "people"',
    ]
    rows = "".join(
        f'<li><span class="property">{f.split(":")[0]}</span>: '
        f'<span class="type-string">{f.split(": ", 1)[1]}</span></li>'
        for f in fields
    )
    page = f'<html><head><meta charset="utf-8"></head><body><ul>{rows}</ul></body></html>'
    with pytest.raises(SourceError, match="data"):
        normalize(page.encode())


def test_the_element_a_template_names_as_the_posts_date_dates_it_however_far_below() -> None:
    # 博客园: the posting row sits under the references, the category row, the
    # buttons, the author's card and the links to the next posts.
    furniture = "".join(
        f"<div>参考资料第{n}条 <a href='/p/{n}.html'>链接</a></div>" for n in range(30)
    )
    page = (
        '<html><head><meta charset="utf-8"><title>学习类型系统 - 谦行 - 博客园</title></head>'
        '<body><div class="post"><h1 class="postTitle">学习类型系统</h1>'
        f'<div class="postBody">{_TEXT}</div>{furniture}'
        '<div class="postDesc">posted @ <span id="post-date">2014-11-10 18:35</span> 谦行 '
        "阅读(12) 评论(0)</div></div></body></html>"
    ).encode()
    assert normalize(page).published == "2014-11-10T18:35:00+08:00"


@pytest.mark.parametrize("row", ["(上次更新: 2024-03-27)", "上次修改：2024-03-27"])
def test_the_day_a_post_was_last_changed_is_no_publication_day(row: str) -> None:
    # Hugo's even theme under an essay of 2004 republished in 2024.
    byline = parse_byline(row)
    assert byline is not None and byline.published is None and byline.written == "2024-03-27"


def test_the_day_by_the_headline_beats_the_last_changed_line_under_the_text() -> None:
    # VuePress's vdoing theme: a breadcrumb, the author and the day linked in a
    # box over the headline, 上次更新 under the text.
    text = (
        "<p>JSX 是一个 JavaScript 的语法扩展，我们建议在 React 中配合使用 JSX。</p>"
        "<p>JSX 可以很好地描述 UI 应该呈现出它应有交互的本质形式，"
        "它具有 JavaScript 的全部功能。</p>"
    )
    page = (
        '<html><head><meta charset="utf-8"><title>JSX简介 | 前端笔记</title></head><body>'
        '<main class="page"><div class="articleInfo"><ul class="breadcrumbs">'
        '<li><a href="/note/react/">《React》笔记</a></li>'
        '<li><a href="/note/core/">核心概念</a></li>'
        '</ul><div class="info"><div title="作者" class="author iconfont icon-touxiang">'
        '<a href="https://github.com/x" title="作者">xugaoyi</a></div> <div title="创建时间" '
        'class="date iconfont icon-riqi"><a href="javascript:;">2021-03-24</a></div></div></div>'
        f'<div class="content"><h1>JSX简介</h1>{text}</div><div class="last-updated">'
        "<span>上次更新:</span> <span>2022/04/12, 14:38:08</span></div></main></body></html>"
    ).encode()
    assert normalize(page).published == "2021-03-24"
