"""Posts of documentation-site blogs (Docusaurus, vuepress-theme-reco) and a
forum's thread list set as a table.

Each page here is written by this project, modelled on the markup of a real
page (minimal, reproducing the structure that mattered).
"""

from __future__ import annotations

import pytest

from g60pub.errors import SourceError
from g60pub.normalize import normalize

_PARAGRAPH = "<p>{}，这一段说明缓存在浏览器和服务器之间怎样起作用，以及为什么要这样设置。</p>"


def _post(body: str) -> bytes:
    return (
        '<html><head><meta charset="utf-8"><title>浏览器缓存 | 杂货铺</title></head><body>'
        '<nav><a href="/">杂货铺</a> <a href="/blog">博客</a></nav>'
        f'<article><h1>浏览器缓存</h1><div class="markdown">{body}</div></article>'
        "<footer>Copyright © 2025 杂货铺</footer></body></html>"
    ).encode()


def test_an_http_header_in_a_code_block_is_no_second_posts_header() -> None:
    # Expires: Thu, 10 Nov 2017 08:45:11 GMT reads as an English posting row;
    # set as code inside the text, it ends nothing.
    body = (
        "".join(_PARAGRAPH.format(f"第{n}段") for n in range(1, 6))
        + "<p>这是 HTTP 1.0 的字段，表示缓存到期时间，是一个绝对的时间，如：</p>"
        + '<pre class="shiki"><code>Expires: Thu, 10 Nov 2017 08:45:11 GMT</code></pre>'
        + "".join(_PARAGRAPH.format(f"第{n}段") for n in range(6, 11))
    )
    texts = [block.text for block in normalize(_post(body)).blocks]
    assert texts[-1].startswith("第10段")


def test_a_reading_tip_inside_the_text_does_not_end_it() -> None:
    # vuepress-theme-reco: 推荐阅读： and one title (an address, not a link)
    # after a section, and the next numbered section goes on under it.
    body = (
        "<h3>2.4 Java 堆</h3>"
        + "".join(_PARAGRAPH.format(f"堆的第{n}段") for n in range(1, 9))
        + "<p>推荐阅读：</p><ul><li>《Java8内存模型—永久代和元空间》：http://www.cnblogs.com/p/5309550.html</li></ul>"
        + "<h3>2.5 方法区</h3>"
        + "".join(_PARAGRAPH.format(f"方法区的第{n}段") for n in range(1, 9))
    )
    texts = [block.text for block in normalize(_post(body)).blocks]
    assert "2.5 方法区" in texts
    assert texts[-1].startswith("方法区的第8段")


def test_a_forums_thread_list_set_as_a_table_is_no_article() -> None:
    # A Tieba list page: a row a thread, replies | clicks | title | poster | last reply.
    rows = "".join(
        f"<tr><td>{n * 7}</td><td>{n}</td>"
        f"<td><a href='/p/{n}'>第{n}个帖子的标题，大家来看看</a></td>"
        f"<td>用户{n}</td><td>12:{n:02d} 60.217.211.*</td></tr>"
        for n in range(1, 9)
    )
    page = (
        '<html><head><meta charset="utf-8"><title>六十四位处理器吧</title></head><body>'
        f'<h1>六十四位处理器吧</h1><table class="thread_list">{rows}</table></body></html>'
    ).encode()
    with pytest.raises(SourceError, match="listing of posts"):
        normalize(page)


def _dated(lang: str, title: str, day: str, text: str) -> bytes:
    return (
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f'<h1>{title}</h1><div class="info"><span class="date">{day}</span></div>'
        f'<div class="content">{text}</div></body></html>'
    ).encode()


def test_an_open_slashed_date_on_a_simplified_page_is_a_scripts_month_first_date() -> None:
    # vuepress-theme-reco 1 prints the day with toLocaleDateString: 4/8/2021.
    text = (
        "<p>yarn 是一个包管理工具，和 npm 一样可以安装依赖，它的速度更快，也更稳定。</p>"
        "<p>安装以后，在项目的目录里运行 yarn 就会按照锁文件安装所有的依赖包。</p>"
    )
    assert normalize(_dated("zh-CN", "yarn 的使用", "4/8/2021", text)).published == "2021-04-08"


def test_an_open_slashed_date_on_a_traditional_page_is_day_first() -> None:
    # Hong Kong's pages write the day first: 08/04/2021.
    text = (
        "<p>政府今日公布新一輪的防疫措施，餐廳堂食的人數上限維持不變，並會繼續檢討。</p>"
        "<p>發言人表示，市民應繼續保持警覺，減少聚會，出現病徵時盡快求醫及接受檢測。</p>"
    )
    assert normalize(_dated("zh-HK", "政府公布防疫措施", "08/04/2021", text)).published == (
        "2021-04-08"
    )


def test_a_template_saved_with_its_fields_unfilled_is_no_article() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>新闻详情</title></head><body>'
        "<h2>{{news.title}}</h2><p>{{zan_count}}人觉得赞</p><ul>"
        "<li>{% for url in urls %}</li>"
        "<li>{% if url.Source == 'sina' %} 新浪 {% elif url.Source == '163' %} 网易 {% endif %}"
        " ：{{url.Title}}</li><li>{% endfor %}</li></ul></body></html>"
    ).encode()
    with pytest.raises(SourceError, match="template"):
        normalize(page)


def test_a_post_quoting_template_tags_in_its_code_is_an_article() -> None:
    code = "<pre><code>{% for post in posts %}\n  {{ post.title }}\n{% endfor %}</code></pre>"
    body = (
        "<p>Jinja 的模板里，for 标签可以遍历一个列表，下面的例子把每篇文章的标题都列出来。</p>"
        f"{code}{code}"
        "<p>变量写在两对花括号中间，模板渲染的时候会换成真正的值，标签则控制模板的结构。</p>"
    )
    assert normalize(_post(body)).title == "浏览器缓存"
