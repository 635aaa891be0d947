"""Company and school sites built from one template, and a portal's news page.

- A template may name its main column ``sidebar`` (``<div class="sidebar
  inner">`` holding the menu box and the article): a region so named that holds
  the page's headline and most of its text is no furniture.
- A ``<title>`` that is only the company's name, the name its copyright line
  closes the page with, is no headline: the ``<h1>`` over the text is.
- A school's welcome line (某某小学欢迎您！) is furniture.
- A footer row with the site's licence number (豫ICP 579764531号) is furniture
  at any length, and a list of a few linked headlines over their summaries
  is no article.
- A reporter credited in brackets at the head of the text
  (（中国青年报·中国青年网记者李剑平）) is the author, and the report button
  beside the source (来源: 中国青年报 举报) is no part of it.

Each page here is written by this project, modelled on the markup of a real
saved page (minimal, reproducing the structure that mattered).
"""

from __future__ import annotations

import pytest

from g60pub.errors import SourceError
from g60pub.normalize import normalize

_PARAGRAPHS = (
    "3月10日上午，矿业公司运输工区的副区长下井前习惯性地将香烟、打火机留在办公桌上，并主动配合禁烟检查。在候罐大厅内，20多名作业人员正在观看火灾案例。",
    "为杜绝因吸烟引发火灾，公司加大安全管理力度，重新修订了井下禁烟管理规定，并在公众场所悬挂禁烟标志。",
    "该公司还每月组织专人对井下进行消防专项检查，排查、消除火灾隐患，为井下安全生产保驾护航。（朱常林）",
)


def _company_page() -> bytes:
    return (
        '<html><head><meta charset="utf-8"><title>北京某某国际投资有限公司</title></head><body>'
        '<div class="header"><a href="index.html">首页</a> <a href="news.html">新闻中心</a></div>'
        '<div class="sidebar inner"><div class="sb_nav"><h3>新闻中心</h3>'
        '<dl><dt><a href="news.html">公司新闻</a></dt>'
        '<dt><a href="notice.html">站内公示</a></dt></dl>'
        "<h3>联系我们</h3><div><strong>北京某某国际投资有限公司</strong><br>地址：安徽省某某市东郊"
        "<br>电话：0562-6801088</div></div>"
        '<div class="sb_box"><h3><div class="position">当前位置：'
        '<a href="index.html">首页</a> &gt; <a href="news.html">新闻中心</a></div>'
        "<span>公司新闻</span></h3>"
        '<div id="shownews"><h1 class="title">落实井下禁烟 确保安全生产</h1><div class="editor">'
        + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
        + '</div><div class="met_page">上一篇：<a href="#">摄影协会十年发展纪实</a></div>'
        "</div></div></div><footer><p>Copyright © 2015 北京某某国际投资有限公司 版权所有 "
        "备案号：皖ICP备16018888号-1</p></footer></body></html>"
    ).encode()


def test_a_main_column_named_sidebar_holds_the_article() -> None:
    article = normalize(_company_page())
    assert [block.text for block in article.blocks] == list(_PARAGRAPHS)


def test_a_title_naming_only_the_company_gives_way_to_the_headline() -> None:
    assert normalize(_company_page()).title == "落实井下禁烟 确保安全生产"


def test_a_schools_welcome_line_is_no_article() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>某某市某某区胜利小学</title></head><body>'
        '<div class="top">某某市某某区胜利小学欢迎您！</div>'
        '<div class="nav"><a href="index.html">首页</a> <a href="news.html">学校新闻</a></div>'
        '<div class="list"></div>'
        "<div>Copyright © 2019 某某市某某区胜利小学 版权所有</div></body></html>"
    ).encode()
    with pytest.raises(SourceError):
        normalize(page)


def test_a_reporter_credited_in_brackets_at_the_head_of_the_text_is_the_author() -> None:
    paragraphs = (
        "（中国青年报·中国青年网记者李剑平）“今年上半年接收68172名大学毕业生就业。”9月22日，记者在活动上了解到。",
        "“建设‘青年友好城’的各项政策举措，增强了对青年才俊的吸引力。”市委书记在开幕式上介绍。",
        "“广大青年既是追梦者，也是圆梦人。”组织部长发布了系列政策举措，创新推出10项青年新政。",
    )
    page = (
        '<html><head><meta charset="utf-8">'
        "<title>宁波上半年吸引近七万大学毕业生就业_网易新闻</title></head>"
        '<body><div class="post_content_main"><h1>宁波上半年吸引近七万大学毕业生就业</h1>'
        '<div class="post_time_source">2019-10-06 06:04:35　来源: <a href="http://zqb.cyol.com">'
        '中国青年报</a>\n<a href="http://jubao.aq.163.com/" class="post_jubao">举报</a></div>'
        '<div class="post_body">' + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div></div>"
        "</body></html>"
    ).encode()
    article = normalize(page)
    assert (article.author, article.source) == ("李剑平", "中国青年报")


def test_an_empty_item_page_whose_only_line_is_the_footer_is_refused() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>企业风采-上海某某商厦股份有限公司</title></head>'
        '<body><div class="nav"><a href="index.html">首页</a> '
        '<a href="about.html">关于我们</a></div>'
        '<div class="content"><h2>企业风采</h2><div class="show"></div></div>'
        '<div class="footBot"><p>地址：上海某某商厦股份有限公司</p>'
        "<p>版权所有上海某某商厦股份有限公司"
        "豫ICP 579764531号电话0371-66229656 传真0371-66221120 技术支持：某某网络科技有限公司"
        "（本站部分图片和文字来源于网络，如有侵权请联系删除）</p></div></body></html>"
    ).encode()
    with pytest.raises(SourceError):
        normalize(page)


def test_a_news_list_of_four_headlines_over_their_summaries_is_refused() -> None:
    items = (
        (
            "锐锋天然气切割气 全面推进中国工业切割气的变革",
            "在我国积极推进节能减排的时代背景下，传统工业切割气已无法顺应时代要求。",
        ),
        (
            "进口燃气调压器常见问题分析",
            "进口燃气调压器在安装后，在调试过程中会经常遇到一些阀后压力爬升、压力上下波动",
        ),
        (
            "气化站设备运行程序管理",
            "LNG通过低温汽车槽车运至LNG卫星站，通过卸车台设置的卧式专用卸车增压器对汽",
        ),
        (
            "中韩LPG装备技术规范交流会顺利召开",
            "为加强LPG燃气供气装备技术交流与合作，加快科学推进我国LPG燃气供气模式产业",
        ),
    )
    entries = "".join(
        f'<li><p><a href="javascript:;">{headline}</a></p><p>{summary}</p></li>'
        for headline, summary in items
    )
    page = (
        '<html><head><meta charset="utf-8"><title>新闻中心-某某燃气设备有限公司</title></head>'
        f'<body><div class="main"><h2>新闻中心</h2><ul class="news">{entries}</ul></div>'
        "</body></html>"
    ).encode()
    with pytest.raises(SourceError):
        normalize(page)
