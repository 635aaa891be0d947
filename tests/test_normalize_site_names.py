"""Titles that name the site first, a header's clock, and the bylines and
dates of static blog generators (Pelican, Gridea, Zola).

Each page here is written by this project, modelled on the markup of a real
built page (minimal, reproducing the structure that mattered).
"""

from __future__ import annotations

import pytest

from g60pub.normalize import normalize
from g60pub.normalize.boilerplate import is_noise
from g60pub.normalize.byline import parse_byline
from g60pub.normalize.dates import find_datetime

_TEXT = (
    "<p>新的博客站点现在重新开张了，这里记下搭建的经过，从选主题到部署，每一步都写得很详细。</p>"
    "<p>部署时遇到了几个问题，最后都一一解决了，下面分别说明原因和解决的办法，方便以后查阅。</p>"
)


def _page(title: str, head: str, body: str = _TEXT, tail: str = "") -> bytes:
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f'{head}<div class="post-content">{body}</div>{tail}</body></html>'
    ).encode()


def test_a_brand_link_home_beside_the_menu_is_the_site_not_the_headline() -> None:
    # <title>Site - Post</title>: the site's name is the first part, and the
    # page's header links it home from a container that also holds the menu.
    head = (
        '<div class="container"><a class="brand" href="../../../..">开心就好的代码人生</a>'
        '<ul><li><a href="../../../../about.html">关于</a></li></ul></div>'
        '<h1>重新开张</h1><div class="content-title">2003-09-09 by 开心就好</div>'
    )
    article = normalize(_page("开心就好的代码人生 - 重新开张", head))
    assert article.title == "重新开张"


def test_a_site_name_in_a_heading_inside_its_home_link_is_no_headline() -> None:
    head = (
        '<header><a href="http://zhengjing.me"><h1>关儿 : 每天都有新生活</h1></a></header>'
        '<nav><a href="/archive">归档</a> <a href="/about">关于</a></nav>'
        "<h1>100万</h1>"
    )
    article = normalize(_page("关儿 : 每天都有新生活 | 100万", head))
    assert article.title == "100万"


def test_a_box_named_for_the_site_name_is_no_headline() -> None:
    # A Pelican theme: <header id="site_name">, then a permalinked entry title
    # over a long table of contents, the <title> glued "Site-Post".
    contents = "".join(f"<li><a href='#s{i}'>{i}. 第{i}节 </a></li>" for i in range(1, 30))
    head = (
        '<header id="site_name">iknockdoor</header>'
        '<nav><ul><li><a href="/categories.html">Categories</a></li>'
        '<li><a href="/tags.html">Tags</a></li></ul></nav>'
        '<section id="content"><header><h2 class="entry-title">'
        '<a href="/notes.html" rel="bookmark" title="Permalink to 《英语语法新思维》读书笔记">'
        "《英语语法新思维》读书笔记</a></h2></header>"
        f'<h2>Table of Contents</h2><div class="toc"><ul>{contents}</ul></div>'
    )
    body = "<h2>1 初级教程</h2>" + _TEXT
    article = normalize(_page("iknockdoor-《英语语法新思维》读书笔记", head, body))
    assert article.title == "《英语语法新思维》读书笔记"


@pytest.mark.parametrize(
    "clock",
    ["今天是：2015年08月18\u3000星期二", "今天是 2015-08-18 星期二", "当前时间：2015年8月18日"],
)
def test_a_header_clock_is_not_the_day_the_article_was_published(clock: str) -> None:
    head = (
        f'<table><tr><td>{clock}</td><td><a href="/login">用户登录</a></td></tr></table>'
        "<h1>关于做好2015年秋季开学工作的通知</h1>"
    )
    article = normalize(_page("关于做好2015年秋季开学工作的通知_宁夏教育厅", head))
    assert article.title == "关于做好2015年秋季开学工作的通知"
    assert article.published is None


def test_a_clock_in_a_sentence_of_the_text_keeps_its_words() -> None:
    said = "他在日记里写道：今天是2015年8月18日星期二，天气很好，我们一起去了学校报到。"
    article = normalize(_page("日记一则", "<h1>日记一则</h1>", f"<p>{said}</p>{_TEXT}"))
    assert article.blocks[0].text == said


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("18 Jul 2010", "2010-07-18"),
        ("五 13 一月 2012", "2012-01-13"),  # Pelican in a Chinese locale
        ("Posted on 3rd March 2019", "2019-03-03"),
        ("13 minutes 2012", None),
    ],
)
def test_a_day_before_its_month_name(text: str, day: str | None) -> None:
    found = find_datetime(text)
    assert (found[:10] if found else None) == day


@pytest.mark.parametrize(
    ("row", "author", "day"),
    [
        ("By Hau Wong, 五 13 一月 2012, in category 几何", "Hau Wong", "2012-01-13"),
        ("作者：Goclis Yao • 发布：2020-05-01 12:00", "Goclis Yao", "2020-05-01"),
    ],
)
def test_english_and_bulleted_posting_rows(row: str, author: str, day: str) -> None:
    byline = parse_byline(row)
    assert byline is not None
    assert (byline.author, (byline.published or "")[:10]) == (author, day)


def test_a_lowercase_by_in_a_sentence_is_no_byline() -> None:
    assert parse_byline("by the way, 2012年3月5日我们去了") is None


def test_bulleted_names_stay_apart() -> None:
    byline = parse_byline("作者：张三 • 李四")
    assert byline is not None and byline.author == "张三、李四"


@pytest.mark.parametrize("row", ["4 min, 701 words", "5 minutes read · 1.2k words"])
def test_a_reading_time_before_the_word_count_is_furniture(row: str) -> None:
    assert is_noise(row)


def test_a_how_to_whose_one_sentence_ends_in_an_ascii_stop_is_no_list_of_titles() -> None:
    # A Jekyll (H2O) post: steps and commands, headings, one closing sentence
    # ending in "." after a Chinese word: an article, not a table of contents.
    steps = "".join(
        f"<h5>{i}.第{i}步</h5><p>·进入系统第{i}页 </p><p> ·在主页点击第{i}个按钮 </p>"
        for i in range(1, 6)
    )
    body = (
        "<h3>环境搭建</h3><p>1.将项目下载到web服务根目录中</p>"
        "<pre><code>git clone https://example.org/analyzer.git</code></pre>"
        "<p>2.设置数据库</p><pre><code>CREATE database rizhi;</code></pre>"
        f"<h3>使用</h3>{steps}<p>该系统仍在努力开发中，有什么好想法欢迎交流.</p>"
    )
    article = normalize(_page("Analyzer 使用说明", "<h1>Analyzer 使用说明</h1>", body))
    assert article.blocks[-1].text == "该系统仍在努力开发中，有什么好想法欢迎交流."


@pytest.mark.parametrize(
    ("row", "author"),
    [
        ('Posted by "Nefelibata" on March 19, 2024', "Nefelibata"),
        ("Posted by Taction on February 10, 2020", "Taction"),
    ],
)
def test_an_english_posting_row_names_its_poster(row: str, author: str) -> None:
    byline = parse_byline(row)
    assert byline is not None and byline.author == author


@pytest.mark.parametrize("row", ["Comments:", "Leave a reply", "Tag(s): #影评", "@ GuanCun"])
def test_a_comment_boxs_heading_a_tag_row_and_a_handle_row_are_furniture(row: str) -> None:
    assert is_noise(row)


def test_a_mention_in_a_sentence_is_no_handle_row() -> None:
    assert not is_noise("@张三 你好，上次说的文章我已经看完了，写得很好。")


@pytest.mark.parametrize(
    "box",
    [
        '<div class="article-content-reward"><p>If you get gains，please give a like</p></div>',
        '<div class="post-reward"><p>觉得有用就打赏一杯咖啡吧，谢谢你的支持和鼓励</p></div>',
    ],
)
def test_a_reward_box_named_after_the_article_is_furniture(box: str) -> None:
    # Yuque's like box under a document; a Hexo theme's tip jar.
    article = normalize(_page("搭建博客记 | 某某的博客", "<h1>搭建博客记</h1>", _TEXT + box))
    assert [b.text for b in article.blocks][-1].startswith("部署时遇到了几个问题")


def test_a_headers_welcome_to_the_site_is_furniture() -> None:
    # A company's <title> is its name; its header welcomes visitors by that name.
    head = (
        "<div class='top'>欢迎光临河源市林泰生态科技有限公司</div>"
        "<h1>关于恢复受理碳普惠核证减排量备案申请的通知</h1><div>2024-05-06</div>"
    )
    article = normalize(_page("河源市林泰生态科技有限公司", head))
    assert article.title == "关于恢复受理碳普惠核证减排量备案申请的通知"
    assert is_noise("欢迎光临河源市林泰生态科技有限公司")
    assert not is_noise("欢迎光临本店，这里有最新鲜的水果和蔬菜。")


def test_a_sidebars_feed_heading_above_the_text_does_not_end_it() -> None:
    # A keyword-stuffed <h1> over a sidebar of story links (投资新闻, 往期回顾),
    # then the article: the feed heading ends nothing, the article stays.
    stories = "".join(f"<li><a href='/n/{i}.html'>泰国新闻第{i}篇</a></li>" for i in range(15))
    old = "".join(f"<li><a href='/o/{i}.html'>往期文章第{i}篇</a></li>" for i in range(9))
    side = f"<h3>投资新闻</h3><ul>{stories}</ul><h3>往期回顾</h3><ul>{old}</ul>"
    page = (
        '<html><head><meta charset="utf-8"><title></title></head><body>'
        "<h1>芭提雅买房，芭提雅投资，芭提雅租房，泰国买房，泰国投资，泰国租房，泰国置业，"
        "芭提雅置业，泰国房产，芭提雅房产，泰国公寓，芭提雅公寓</h1>"
        f"<div class='side'>{side}</div>"
        "<div class='main'><h3>如何在泰国买房？</h3><header>2017-07-18 15:46</header>"
        f"{_TEXT}</div></body></html>"
    ).encode()
    article = normalize(page)
    assert [b.text for b in article.blocks][-1].startswith("部署时遇到了几个问题")


def test_a_name_in_a_box_titled_as_the_writer_in_the_dated_row_is_the_author() -> None:
    # VuePress's vdoing theme: the author and the day, each a box titled for
    # what it holds, its icon a font's class.
    # The row stands over the page's breadcrumbs, before the headline.
    head = (
        "<div class='articleInfo'><ul class='breadcrumbs'><li><a href='/' title='首页'></a></li>"
        "<li><a href='/categories/'>web前端</a></li></ul><div class='info'>"
        "<div title='作者' class='author iconfont icon-touxiang'><a href='https://github.com/x'>"
        "yusu</a></div><div title='创建时间' class='date iconfont icon-riqi'><a>2023-01-07</a>"
        "</div></div></div><div class='content-wrapper'><h1>小程序开发小记</h1></div>"
    )
    article = normalize(_page("小程序开发小记 | 笔记", head))
    assert (article.author, article.published) == ("yusu", "2023-01-07")


def test_a_box_titled_as_the_writer_outside_a_dated_row_names_no_one() -> None:
    head = "<div class='side'><span title='作者'>站长推荐</span></div><h1>小程序开发小记</h1>"
    assert normalize(_page("小程序开发小记 | 笔记", head)).author is None
