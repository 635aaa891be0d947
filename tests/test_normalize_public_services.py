"""Public bodies' pages: notices under a portal's menu.

- A menu (``<nav>``) whose drop-downs hold a paragraph about the region and
  many headlines is a menu, though it holds a good share of the page: the
  notice after it holds more of the page's prose. A menu left open around
  the article holds the article's prose, and is no menu.
- A headline that reads like a sentence (…，帮她拨开了雾霾......) is still the
  headline when the ``<title>`` states it, above a column's name.
- A department's page opening on the first of its section headings
  (【科室简介】 / 【科室擅长】 …) is named by its ``<title>`` (妇产科), though
  the page prints that name nowhere.
- A lecture's start time (开始时间：2016-12-09 19:00) is when it happens, not
  when the notice was posted (<time>2016-12-06</time> under the headline).
- A form's row of a lecture's time (讲座时间 | 2019年7月26日15:00) is no
  headline, though its label reads like one once its date is cut.
- An author's field left empty (作者：<a></a> • 更新时间：…) names no one;
  the separator after it is no name.
- A named anchor (``<a name="bangding">``) left open over the text after it
  is a place to jump to, not a link: the text it wraps is text.

The page under tests/data/pages/ is trimmed from a real page whose origin its
opening comment names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from g60pub.normalize import normalize, normalize_file
from g60pub.normalize.byline import parse_byline
from g60pub.normalize.dom import parse
from g60pub.normalize.lines import walk

PAGES = Path(__file__).parent / "data" / "pages"


def test_a_menus_paragraph_does_not_outweigh_the_notice_after_it() -> None:
    article = normalize_file(PAGES / "portal_menu_with_prose.html")
    texts = [block.text for block in article.blocks]
    assert article.title == "关于海南自由贸易港原辅料“零关税”政策的通知"
    assert "海南省财政厅、海口海关、国家税务总局海南省税务局：" in texts
    assert texts[-4:] == [
        "七、本通知自2020年12月1日起执行。",
        "附件：海南自由贸易港“零关税”原辅料清单",
        "财政部海关总署税务总局",
        "2020年11月11日",
    ]
    assert not any(text.startswith("海南省位于中国最南端") for text in texts)


_STEPS = (
    '<p><strong>1.1.{n} 人员新参保登记</strong></p><a name="step{n}">'
    "<p>单位经办人员登录系统后，点击左侧菜单中的参保登记，填写人员的身份证号码和姓名，"
    "核对无误后点击保存，系统会自动生成参保记录。</p>"
)


def test_text_under_an_open_named_anchor_is_no_link() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>快速入门</title></head><body>'
        '<div class="preview"><a name="top"></a><h1>失业保险网上经办快速入门</h1>'
        + "".join(_STEPS.format(n=n) for n in range(1, 5))
        + "</div></body></html>"
    )
    article = normalize(page.encode())
    texts = [block.text for block in article.blocks]
    assert sum(text.startswith("单位经办人员登录系统后") for text in texts) == 4


def test_a_link_with_an_address_and_a_name_is_still_a_link() -> None:
    root = parse('<html><body><p><a name="x" href="/news/1">市人社局召开会议</a></p></body></html>')
    assert [line.link_ratio for line in walk(root.find("body"))] == [1.0]


def test_an_empty_author_field_names_no_one() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>报销比例稳定在70%左右</title></head><body>'
        '<div class="entry-head"><h1 class="entry-title">报销比例稳定在70%左右</h1>'
        '<div class="entry-info">作者：<a class="nickname"> </a> <span class="dot">•</span>'
        ' <span>更新时间：2024-10-07 18:15:56 </span> <span class="dot">•</span></div></div>'
        '<div class="entry-content"><p>国家医保局会同财政部、国家税务总局近日印发通知，'
        "要求巩固提高基本医疗保障水平，住院费用政策范围内报销比例稳定在70%左右。</p></div>"
        "</body></html>"
    )
    article = normalize(page.encode())
    assert (article.author, article.published) == (None, "2024-10-07T18:15:56+08:00")


def test_a_headline_reading_like_a_sentence_is_the_headline_the_title_states() -> None:
    headline = "牟医 故事 | 他用两个小时，帮她拨开了“半辈子”的雾霾......"
    page = (
        f'<html><head><meta charset="utf-8"><title>{headline} - 新闻中心 - 人民医院</title>'
        '</head><body><div class="title">新闻中心</div><div class="news">'
        f'<h2 id="H2Title">{headline}</h2><div class="info">发布日期：2017-01-12</div>'
        "<p>一位五十多岁的患者多年来视物模糊，辗转多家医院未能确诊，这次来到我院眼科就诊。</p>"
        "<p>医生仔细检查后为她做了手术，两个小时后，她终于重新看清了眼前的世界。</p>"
        "</div></body></html>"
    )
    assert normalize(page.encode()).title == headline


def test_a_page_of_sections_under_a_title_printed_nowhere_takes_the_title() -> None:
    sections = ("科室简介", "科室擅长", "团队组成", "先进设备")
    body = "".join(
        f'<h4 class="title">【{name}】</h4><p>本科室现有医护人员三十余名，开放床位五十张，'
        f"年门诊量三万余人次，在{name}方面积累了丰富的经验。</p>"
        for name in sections
    )
    page = (
        '<html><head><meta charset="utf-8"><title>妇产科</title></head><body>'
        f'<div class="ksjs">{body}</div></body></html>'
    )
    article = normalize(page.encode())
    assert article.title == "妇产科"
    assert article.blocks[0].text == "【科室简介】"


def test_a_lectures_start_time_is_no_publication_date() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>旗山群学讲坛第十讲 - 福州大学</title></head>'
        '<body><div class="info"><h1>旗山群学讲坛第十讲</h1><i><time>2016-12-06</time></i></div>'
        "<div><p><b>主 讲 人：</b><span>张翼</span></p>"
        "<p><b>开始时间：</b><span>2016-12-09 19:00</span></p>"
        "<p><b>结束时间：</b><span>2016-12-09 21:00</span></p></div>"
        "<div><p>演讲主题：中国人口发展与政策调整趋势。</p><p>张翼研究员简介：现任中国社会科学院"
        "社会发展战略研究院院长，长期从事人口社会学研究，著有多部专著。</p></div></body></html>"
    )
    assert normalize(page.encode()).published == "2016-12-06"


@pytest.mark.parametrize(
    "line", ["开始时间：2016-12-09 19:00", "讲座时间：2016年12月9日", "报名日期：2024-03-01"]
)
def test_an_events_time_dates_no_byline(line: str) -> None:
    byline = parse_byline(line)
    assert byline is None or byline.published is None


def test_a_forms_time_row_is_no_headline() -> None:
    rows = (
        ("讲座题目", "新工科背景下的大学数学课程建设"),
        ("讲座时间", "2019年7月26日15:00—16:00"),
        ("讲座地点", "科技楼514"),
    )
    table = "".join(f'<tr><td class="column">{k}</td><td>{v}</td></tr>' for k, v in rows)
    page = (
        '<html><head><meta charset="utf-8"><title>讲座信息</title></head><body>'
        '<h3 align="center">数学与统计学院大学数学系列讲座</h3><br>'
        f"<table>{table}</table><p>李继成，教授，博士生导师，数学与统计学院副院长，"
        "陕西省教学名师，长期从事大学数学教学与研究工作。</p></body></html>"
    )
    assert normalize(page.encode()).title == "数学与统计学院大学数学系列讲座"
