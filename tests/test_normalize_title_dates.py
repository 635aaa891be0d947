"""Headlines beside their dates: a date alone is never the headline, and a
headline run into its dateline agrees with the ``<title>`` without it.

Each page here is written by this project, modelled on the markup of a real
built page (minimal, reproducing the structure that mattered).
"""

from __future__ import annotations

import pytest

from g60pub.normalize import normalize
from g60pub.normalize.dates import find_datetime, is_date_span

_TEXT = (
    "<p>今天我二十岁。本来想给二十岁的自己写一封信，回头看看走过的路，再想想以后要做的事。</p>"
    "<p>后来发现这样的信写了也没有什么用处，不如简单一点，愿以后的日子通透阳光，朋友都在身边。</p>"
)


def test_a_number_headed_as_the_post_is_its_title_and_the_date_below_is_not() -> None:
    # A Hugo theme's post header: <h1>20</h1><h3>2016-07-07</h3>, <title>20 - Blog</title>.
    page = (
        '<html><head><meta charset="utf-8"><title>20 - CocaColf</title></head><body>'
        '<header class="masthead"><h1><a href="/">CocaColf</a></h1>'
        '<nav><ul><li><a href="/tags/">标签</a></li><li><a href="/about/">关于</a></li></ul></nav>'
        '</header><article class="main"><header class="title"><h1>20</h1><h3>2016-07-07</h3>'
        f"<hr></header>{_TEXT}</article></body></html>"
    ).encode()
    article = normalize(page)
    assert article.title == "20"
    assert article.published == "2016-07-07"


def test_a_date_alone_in_a_heading_is_not_the_title() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>生日</title></head><body>'
        f'<h2>2016-07-07</h2><div class="post">{_TEXT}</div></body></html>'
    ).encode()
    assert normalize(page).title == "生日"


def test_a_headline_run_into_its_dateline_is_the_titles_last_part() -> None:
    # A news site's <title> names the site and the column first; the page sets
    # the headline and its time in one line (標題\u3000日期 時間).
    page = (
        '<html><head><meta charset="utf-8">'
        "<title>無綫新聞 - 財經 - 市料美零售銷售與消費者信心續升</title></head><body>"
        '<div class="menu"><a href="/">首頁</a> <a href="/finance">財經</a></div>'
        '<div class="news"><div class="title">市料美零售銷售與消費者信心續升\u3000'
        "2014-12-08 06:49</div>"
        "<p>美國公佈多項經濟數據，市場預期零售銷售及消費者信心指數都會續升，反映就業市場改善。</p>"
        "<p>分析員指，油價下跌令消費者可動用的收入增加，有助支持年底購物季的銷售表現。</p>"
        "</div></body></html>"
    ).encode()
    article = normalize(page)
    assert article.title == "市料美零售銷售與消費者信心續升"
    assert article.published is not None and article.published.startswith("2014-12-08")


def test_a_collapsible_panels_heading_is_no_permalink_over_the_post() -> None:
    # A sidebar's last accordion panel (<a href="#pan3"><h3>精美照片</h3></a>),
    # empty of text, stands just before the post's own <h3>.
    page = (
        '<html><head><meta charset="utf-8"></head><body><div class="side">'
        '<a href="#pan2" data-toggle="collapse">'
        '<div class="panel-heading"><h3>往期回顾</h3></div></a>'
        '<ul><li><a href="review1.html">投资泰国的十大好处</a></li>'
        '<li><a href="review2.html">芭提雅收房记</a></li></ul>'
        '<a href="#pan3" data-toggle="collapse">'
        '<div class="panel-heading"><h3>精美照片</h3></div></a>'
        '<div class="collapse" id="pan3"><img src="1.jpg" alt=""></div></div>'
        '<div class="main"><h3>如何在泰国买房？</h3><p>2017-07-18 15:46</p>'
        "<p>近两年，泰国房产市场升温，尤其是曼谷和芭提雅，房价一路上涨，很多国内投资者都有同一个疑问。</p>"
        "<p>中国人在泰国买房要准备哪些材料，付款和过户又是怎样进行的，下面一一说明，供大家参考。</p>"
        "</div></body></html>"
    ).encode()
    assert normalize(page).title == "如何在泰国买房？"


def test_the_name_in_a_documentation_sites_menu_bar_is_the_site_not_the_page() -> None:
    # VitePress: <title>学习笔记 | qiq's note</title> names the site twice over;
    # the menu bar's title box links to the site's base path.
    page = (
        '<html><head><meta charset="utf-8"><title>学习笔记 | qiq\'s note</title></head><body>'
        '<header class="VPNav"><div class="VPNavBarTitle"><a class="title" href="/qiq-note/">'
        '<img src="logo.png" alt="">学习笔记</a></div></header>'
        '<aside><a href="/qiq-note/deploy">如何部署笔记项目</a></aside>'
        '<main><div class="vp-doc"><h1>CSS基础</h1><h3>css 使用方法</h3>'
        "<p>外部样式表用 link 元素引入，内部样式写在 style 元素里，"
        "行内样式写在元素的 style 属性中。</p>"
        "<h3>选择器类型</h3>"
        "<p>选择器有标签选择器、类选择器和 ID 选择器，它们的优先级依次升高，行内样式最高。</p>"
        "<h3>注意</h3><p>同一元素上的多条规则按优先级和先后次序合并，后写的规则覆盖先写的规则。</p>"
        "</div></main></body></html>"
    ).encode()
    assert normalize(page).title == "CSS基础"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("中共中央\n一九六四年十二月二十八日", "1964-12-28"),  # a notice's sign-off
        ("二〇二一年三月五日", "2021-03-05"),
        ("二○一九年十月三十一日", "2019-10-31"),
        ("二零一六年九月三十日", "2016-09-30"),  # 零 as Hong Kong filings write it
        ("一九九九年二月三十日", None),  # no such day
        ("十二月二十八日", None),  # no year
    ],
)
def test_a_date_in_chinese_numerals(text: str, day: str | None) -> None:
    assert find_datetime(text) == day


def test_a_headline_that_is_a_day_is_the_title_when_the_title_element_says_it() -> None:
    # A diary post titled by its day: <title>2021.4.3</title>, <h1>2021.4.3</h1>.
    page = (
        '<html><head><meta charset="utf-8"><title>2021.4.3</title></head><body>'
        "<nav><a href='/'>vhxubo's blog</a> <a href='/about'>关于</a></nav>"
        "<article><h1>2021.4.3</h1><p>创建时间: 2021-04-03 20:37 更新时间: 2022-01-17 14:58</p>"
        f"{_TEXT}</article></body></html>"
    ).encode()
    article = normalize(page)
    assert (article.title, article.published[:10] if article.published else None) == (
        "2021.4.3",
        "2021-04-03",
    )


def test_a_title_set_in_a_table_row_beside_a_labelled_cell_is_the_first_cell() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>LSM Chinese</title></head><body>'
        # FrontPage: a centred table, its first row the title and the book's name.
        '<div align="center"><table border="1"><center><tr>'
        '<td><font color="#000080" size="3">第一篇、两种的认识主耶稣</font></td>'
        '<td><font color="#000080">书名：十二篮（第一辑）</font></td></tr>'
        f'<tr><td colspan="3">{_TEXT}</td></tr></center></table></div></body></html>'
    ).encode()
    assert normalize(page).title == "第一篇、两种的认识主耶稣"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "<p>Lei Shi is a professor in the School of Computer Science and Engineering, "
            "Beihang University. Before that, he was a professor at the Institute of Software.</p>"
            "<p>His research interests include software engineering and program analysis.</p>",
            "Lei Shi is a professor in the School of Computer Science and Engineering",
        ),
        (
            "<p>石磊是北京航空航天大学计算机学院教授，此前在中国科学院软件研究所任研究员。</p>"
            "<p>他的研究方向包括软件工程和程序分析，发表论文六十余篇，主持多项国家自然科学基金项目。</p>",
            "石磊是北京航空航天大学计算机学院教授",
        ),
    ],
)
def test_a_text_with_no_headline_is_named_by_its_opening_words(text: str, title: str) -> None:
    # A saved biography: two paragraphs, no heading, no <title>.
    page = f'<html><head><meta charset="utf-8"></head><body>{text}</body></html>'.encode()
    article = normalize(page)
    assert article.title == title
    assert article.blocks[0].text.startswith(title)


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        # Two spans side by side: <span>2017-1-16</span><span>08:34</span>.
        ("2017-1-1608:34", "2017-01-16T08:34:00+08:00"),
        ("发布时间：2017-01-1608:34", "2017-01-16T08:34:00+08:00"),
        ("2017-1-16 08:34", "2017-01-16T08:34:00+08:00"),
        ("2019-07-1712", None),  # digits run on, no clock: no day
    ],
)
def test_a_day_run_into_its_hour_is_read(text: str, moment: str | None) -> None:
    assert find_datetime(text) == moment


@pytest.mark.parametrize(
    "text",
    ["2026年6月30日（周一）— 7月3日（周五） · 第27周", "A股周报 | 2026.06.30–07.03 · 深度分析"],
)
def test_a_week_named_by_its_first_and_last_day_is_a_span(text: str) -> None:
    assert is_date_span(text)


@pytest.mark.parametrize("text", ["2021年5月3日 - 3人受伤", "发布时间：2021.5.3 - 2.5.6版本"])
def test_a_date_before_a_dash_and_numbers_is_no_span(text: str) -> None:
    assert not is_date_span(text)


def test_a_weekly_dated_by_the_time_it_was_made_not_by_the_week_it_covers() -> None:
    # A market weekly built by a script (A股周报): its week in the <title> and
    # under the headline, the time it was made at the foot.
    page = (
        '<html><head><meta charset="utf-8"><title>A股周报 | 2026.06.30–07.03 · 深度分析</title>'
        '</head><body><div class="hero"><h1>A股周度深度报告</h1>'
        '<div class="sub">2026年6月30日（周一）— 7月3日（周五） · 第27周</div></div>'
        f'<div class="card">{_TEXT}</div>'
        '<div class="footer"><p>生成时间：2026年7月3日 15:55 CST</p></div></body></html>'
    ).encode()
    article = normalize(page)
    assert article.published is not None and article.published.startswith("2026-07-03")


def test_a_column_s_name_over_a_breadcrumb_naming_it_gives_way_to_the_headline() -> None:
    # A think tank's site copy (安徽师范大学): the column's name as the <h1>, the
    # breadcrumb through it, then the headline over its dateline; <title> a dummy.
    page = (
        '<html><head><meta charset="utf-8"><title>111111</title></head><body>'
        "<ul><li><h3>智库简介</h3></li><li><h3>智库动态</h3></li></ul>"
        '<div class="n_title"><a href="#back">返回</a><h1>智库动态</h1></div>'
        '<div class="mianbao">当前位置：<a href="/">首页</a><i>&gt;</i>'
        '<a href="/zkdt.htm">智库动态</a><i>&gt;</i>正文</div>'
        '<div class="n_left"><h1><span>智库动态</span></h1></div>'
        "<h3>经管学院举办纪念建院20周年大会暨学科建设发展高峰论坛</h3>"
        "<h6>发布时间 : 2024-11-20 19:43:20</h6>"
        f"<div class='content'>{_TEXT}</div></body></html>"
    ).encode()
    assert normalize(page).title == "经管学院举办纪念建院20周年大会暨学科建设发展高峰论坛"


def test_a_post_whose_theme_prints_no_headline_is_named_by_its_title_not_its_first_section() -> (
    None
):
    # Seata's blog (docsite): the text opens on its numbered sections.
    sections = "".join(
        f"<h2>{n}.{name}</h2>{_TEXT}"
        for n, name in enumerate(("关于Seata", "架构", "总结"), start=1)
    )
    page = (
        '<html><head><meta charset="utf-8"><title>深度剖析一站式分布式事务方案Seata-Server</title>'
        f'</head><body><section class="blog-detail-page"><div class="markdown-body">{sections}'
        "</div></section></body></html>"
    ).encode()
    assert normalize(page).title == "深度剖析一站式分布式事务方案Seata-Server"


@pytest.mark.parametrize(
    "text",
    ["【时间】2020 年 8 月 15 日（周六）13:30 ~ 17:10", "时间：2019-06-30 21:30:00 ~ 2019-07-01"],
)
def test_an_event_s_hours_are_a_span_not_a_day_of_publication(text: str) -> None:
    assert is_date_span(text)
