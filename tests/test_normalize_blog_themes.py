"""The normaliser on built blog themes: how each sets its headline, byline and code.

Each page here is written by this project, modelled on the markup of a real
theme's built post (minimal, reproducing the structure that mattered).
"""

from __future__ import annotations

import pytest

from g60pub.normalize import normalize
from g60pub.normalize.boilerplate import is_noise
from g60pub.normalize.byline import Byline, parse_byline
from g60pub.normalize.dates import find_datetime, month_first_page
from g60pub.normalize.english import english_byline

_TEXT = (
    "<p>这篇文章记下搭建博客的全过程，从选主题到部署，每一步都写得很详细，方便以后查阅。</p>"
    "<p>部署时遇到了几个问题，最后都一一解决了，下面分别说明原因和解决的办法。</p>"
)


def _post(title: str, head: str, body: str = _TEXT, tail: str = "") -> bytes:
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f'<div class="nav"><a href="/">首页</a> <a href="/tags">标签</a></div>'
        f'{head}<div class="post-content">{body}</div>{tail}</body></html>'
    ).encode()


def test_a_headline_a_script_shows_over_the_text_is_the_title() -> None:
    # VuePress's theme-reco prints the headline and byline hidden until its
    # script runs; the text's first heading is no headline.
    head = (
        '<div class="page-title" style="display:none;"><h1 class="title">如何用 es5 写 const</h1>'
        "<div><i><span>2017-02-01 15:21:31</span></i></div></div>"
    )
    body = "<h6>前言</h6>" + _TEXT
    article = normalize(_post("如何用 es5 写 const | 阮三丰的博客", head, body))
    assert (article.title, article.published) == (
        "如何用 es5 写 const",
        "2017-02-01T15:21:31+08:00",
    )
    assert article.blocks[0].text == "前言"


def test_hidden_markup_whose_h1_is_no_headline_stays_hidden() -> None:
    head = '<h1>搭建博客记</h1><div style="display:none"><h1>登录</h1><p>请输入密码。</p></div>'
    texts = [b.text for b in normalize(_post("搭建博客记 | 某某的博客", head)).blocks]
    assert "请输入密码。" not in texts


@pytest.mark.parametrize(
    ("row", "author", "day"),
    [
        ("CandyCat   · 2021-11-28", "CandyCat", "2021-11-28"),
        ("94smart \u00a0·\u00a0 2004 年 12 月 15 日 \u00a0·\u00a0 文摘", "94smart", "2004-12-15"),
        ("@Chi · Apr 21, 2007 · 1 min read", "Chi", "2007-04-21"),
    ],
)
def test_a_dotted_posting_row_names_the_writer_and_the_day(row: str, author: str, day: str) -> None:
    expected = Byline(author=author, published=day)
    assert parse_byline(row, strict=True) == expected
    assert english_byline(row) in (expected, None)


def test_a_dotted_row_glued_or_of_many_parts_names_no_writer() -> None:
    # 36氪: the account the text comes from, glued to the day, is its source.
    assert (parse_byline("字母榜·2025年04月22日 17:09") or Byline()).author is None
    # A menu of dotted links with a day in it is no posting row, and is read at once.
    menu = "首页 · 2020-01-01 · " + " · ".join(["新闻"] * 40)
    assert (parse_byline(menu) or Byline()).author is None


def test_the_dotted_row_under_a_headline_is_no_paragraph() -> None:
    head = '<h1>搭建博客记</h1><p class="post-meta">@Chi · Apr 21, 2007 · 1 min read</p>'
    article = normalize(_post("搭建博客记 | 抽筋儿的话语权", head))
    assert (article.author, article.published) == ("Chi", "2007-04-21")
    assert not any("min read" in b.text for b in article.blocks)


def test_a_month_set_in_the_headlines_element_is_no_part_of_the_title() -> None:
    head = '<h1>在AWS上配置ElasticSearch <span class="posts-date">Jun, 2015</span></h1>'
    assert normalize(_post("在AWS上配置ElasticSearch", head)).title == "在AWS上配置ElasticSearch"


def test_a_level_badge_is_no_part_of_the_posters_name() -> None:
    head = '<h1>XXE漏洞学习</h1><div class="author">涂寐 Lv5</div>'
    head += '<div class="date">发表于 2022-01-13</div>'
    assert normalize(_post("XXE漏洞学习 | 涂寐's Blogs", head)).author == "涂寐"


@pytest.mark.parametrize(
    ("shown", "published"),
    [
        # 17:54 UTC is 01:54 the next day in China; the page shows the 5th.
        ("2020-04-05", "2020-04-05"),
        # A text showing another day: the moment stated, in China's time.
        ("2020年4月6日", "2020-04-06T01:54:00+08:00"),
    ],
)
def test_a_time_keeps_the_day_it_shows_before_the_zone_is_turned(
    shown: str, published: str
) -> None:
    head = f'<h1>BFC</h1><div><time datetime="2020-04-05T17:54:00.000Z">{shown}</time></div>'
    assert normalize(_post("BFC | 左熊", head)).published == published


def test_the_one_name_the_rel_author_links_give_is_the_author() -> None:
    head = '<h1>Go 入门</h1><div class="meta"><a class="author" rel="author" href="/">ByLCY</a>'
    head += " 收录于 go 教程</div>"
    assert normalize(_post("Go 入门 - 某某的博客", head)).author == "ByLCY"
    two = head + '<div class="comment"><a rel="author" href="/u/2">路人甲</a></div>'
    assert normalize(_post("Go 入门 - 某某的博客", two)).author is None


@pytest.mark.parametrize(
    ("row", "author"), [("作者  Tobytywang", "Tobytywang"), ("文章作者 Gourds", "Gourds")]
)
def test_an_author_label_set_apart_from_the_name_without_a_colon(row: str, author: str) -> None:
    assert parse_byline(row, strict=True) == Byline(author=author)
    assert parse_byline("作者按照 CC BY 4.0 进行授权", strict=True) is None


def test_a_code_blocks_gutter_set_as_a_column_of_its_own_is_furniture() -> None:
    assert is_noise(" ".join(str(n) for n in range(1, 41)))
    assert not is_noise(" ".join(str(n) for n in range(2, 30)))  # no gutter starts past 1
    assert not is_noise("1 1 2 3 5 8 13 21 34 55 89 144 233 377 610 987 1597")


def test_the_name_a_person_icon_marks_in_the_posts_dated_row_is_the_author() -> None:
    menu = '<div class="nav"><i class="iconfont reco-account"><span>关于</span></i></div>'
    row = (
        '<h1>CSS3 翻转</h1><div><i class="iconfont reco-account"><span>刘从元</span></i>'
        ' <i class="iconfont reco-date"><span>2019-09-09</span></i></div>'
    )
    assert normalize(_post("CSS3 翻转 | 刘从元的个人博客", menu + row)).author == "刘从元"
    # The icon in menus alone, with no dated row, marks no writer.
    alone = menu + "<h1>CSS3 翻转</h1>"
    assert normalize(_post("CSS3 翻转 | 刘从元的个人博客", alone)).author is None


def test_a_heading_anchored_for_the_contents_is_no_contents_box() -> None:
    body = "<p>主要文章采用二级标题，相关文章采用三级标题，便于以后查阅和索引。</p>"
    body += '<h2 id="toc_0">大学生创新创业计划2021</h2>' + _TEXT
    article = normalize(_post("文献阅读记录 - dhui's Blog", "<h1>文献阅读记录</h1>", body))
    assert ("heading", "大学生创新创业计划2021") in [(b.kind, b.text) for b in article.blocks]


def test_a_label_dating_each_entry_of_the_text_is_no_byline() -> None:
    head = (
        '<h1>2021年下半年影视剧观感</h1><div class="meta">'
        '<time title="发布于 2021-10-18 15:00:08">2021-10-18 15:00</time> · 影视</div>'
    )
    films = "".join(
        f"<h3>{name}</h3><p>时间：{day}</p><p>这部片子比预想的好看，节奏紧凑，{name}的故事讲得很完整。</p>"
        for name, day in (
            ("青蛇劫起", "2021-9-27"),
            ("哪吒重生", "2021-10-1"),
            ("洛基", "2021-10-6"),
        )
    )
    article = normalize(_post("2021年下半年影视剧观感 - szx", head, films))
    assert article.published == "2021-10-18T15:00:00+08:00"
    assert "时间：2021-9-27" in [b.text for b in article.blocks]


def test_an_open_slashed_date_follows_the_order_of_the_pages_other_dates() -> None:
    assert find_datetime("3/2/2021") == "2021-02-03"  # day first, as European sites write
    with month_first_page("上次更新: 7/14/2023, 10:55:31 PM"):
        assert find_datetime("3/2/2021") == "2021-03-02"
    with month_first_page("7/14/2023, 10:55:31 PM; 发表于 13/02/2021"):
        assert find_datetime("3/2/2021") == "2021-02-03"  # the page writes both: no order


def test_a_box_an_articles_word_names_as_furniture_is_furniture() -> None:
    pager = (
        '<div class="post-pager"><div class="prev"><a href="/6/"><h2>测试数学公式</h2></a>'
        "<p>测试 MathJax 插件是否正确启用。</p></div></div>"
    )
    article = normalize(_post("搭建博客记 - dhui's Blog", "<h1>搭建博客记</h1>", tail=pager))
    assert "测试 MathJax 插件是否正确启用。" not in [b.text for b in article.blocks]
