"""Pages of small sites copied whole: company, school and training sites.

- A ``<title>`` stuffed with keywords, one of them ending in 搜索
  (…_求购房源信息搜索_房源群发), is no page of search results.
- ``<meta name="author" content="admin">`` names no one, nor does a meta
  author that is the brand the ``<title>`` opens with (金嘴巴英语培训 under
  金嘴巴英语怎么样_…).
- A header's hotline (客服热线：400-799-3066) is no headline.
- The heading over the text's dateline is the headline even in a box named
  as a header (``xwxq-header``), and a short line inside the text that
  repeats the start of the ``<title>`` (the group's name) does not beat it.
- The text's own first sentence is never its headline, nor is a line under
  the text (the company's name signing it); a bare hyphen between Han
  characters parts the ``<title>``'s headline from the site's name.
- A box's label over the text (专题介绍) gives way to the part of the
  ``<title>`` after its column's name that the text speaks of.
- A server's template tags left in a saved file (<%@ page … %>) are no text,
  nor is PHP code (<?php … ?>) or a FreeMarker directive (<#global …>), and
  a page padded to megabytes with indentation is measured by what it shows.
- A text column named ``aside`` that holds nearly all the page's text is the
  article's; its headline set in spaced characters (起　诉) is the word, and
  a line opening with a dash (――打官司的第一步) is its subtitle.
- A JSP page whose fields are unfilled (${list.inforname}) is a template,
  and a box title's lead mark (> 公司简介) is no part of the title.
- A menu's link that the ``<title>`` names (新闻资讯-某某网) is the column,
  not the headline; a markup title that is a part of the ``<h1>`` (焗饭) is
  a category; a user's number before the name in ``<meta name="author">``
  is no part of it.
- A page with no headline and no ``<title>`` is named by its breadcrumb's
  last step (协会概况 > 协会简介), not by its first words.
- The day a rule takes effect or lapses (实施日期, 失效日期) is no publication
  date, and a page that counts its search results (已为您找到约10000条相关结果)
  is refused.
- A list page whose only text is its paging bar (每页记录总共记录 / 页码 1/20
  跳转到, its figures filled by a script) is no article.

Each page here is written by this project, modelled on the markup of a real
saved page (minimal, reproducing the structure that mattered).
"""

from __future__ import annotations

import pytest

from g60pub.errors import SourceError
from g60pub.normalize import normalize

_PARAGRAPHS = (
    "2019年4月，龙图教育教育集团与武汉三牛中美中学达成战略合作，此次合作进一步完善了集团在华中地区的布局。",
    "武汉三牛中美中学由海归团队在2015年创办，系华中地区第一所美式私立寄宿中学，开设7至12年级的课程。",
    "此次战略合作将进一步完善集团在华中地区国际化学校的布局，实现资源共享、优势互补和合作共赢。",
)


def _page(title: str, head: str, body: str, meta: str = "") -> bytes:
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title>{meta}</head><body>'
        '<div class="top"><h3>客服热线：400-799-3066</h3></div>'
        '<div class="nav"><a href="/">首页</a> <a href="/news/">新闻中心</a></div>'
        f'{head}<div class="container">{body}</div></body></html>'
    ).encode()


def _paragraphs() -> str:
    return "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)


def test_a_keyword_title_with_a_search_word_is_no_search_page() -> None:
    title = "专注个人出租房_二手房_求租_求购房源信息搜索_房源群发 - 某某网"
    article = normalize(_page(title, "<h1>关于我们</h1>", _paragraphs()))
    assert [block.text for block in article.blocks] == list(_PARAGRAPHS)


def test_a_placeholder_or_the_brand_in_the_meta_author_names_no_one() -> None:
    admin = '<meta name="author" content="admin">'
    assert (
        normalize(_page("关于我们-某某公司", "<h1>关于我们</h1>", _paragraphs(), admin)).author
        is None
    )
    brand = '<meta name="author" content="金嘴巴英语培训">'
    title = "金嘴巴英语怎么样_金嘴巴英语简介_在线英语领航者"
    assert normalize(_page(title, "<h1>公司介绍</h1>", _paragraphs(), brand)).author is None


def test_the_heading_over_the_dateline_in_an_article_header_is_the_headline() -> None:
    head = (
        '<div class="container xwxq-header"><h3>龙图教育与武汉三牛中美中学达成战略合作</h3>'
        "<p><span>2019.04.26</span></p></div>"
    )
    body = _paragraphs() + "<p>武汉三牛</p><p>龙图教育</p>"
    article = normalize(_page("龙图教育教育集团-K12教育", head, body))
    assert (article.title, article.published) == (
        "龙图教育与武汉三牛中美中学达成战略合作",
        "2019-04-26",
    )


def test_the_texts_first_sentence_and_the_hotline_are_no_headline() -> None:
    article = normalize(_page("某某英语培训", "", _paragraphs()))
    assert article.title not in ("客服热线：400-799-3066", _PARAGRAPHS[0])
    assert article.blocks[0].text == _PARAGRAPHS[0]


def test_a_list_whose_only_text_is_its_paging_bar_is_refused() -> None:
    entries = "".join(
        f'<li><a href="/2025/0320/c{n}a1.html">学院举办第{n}期学术沙龙活动</a>'
        "<span>2025-03-20</span></li>"
        for n in range(12)
    )
    for labels in (
        "每页<span>12</span>记录 总共<span>230</span>记录",
        "per page records total records",
    ):
        page = (
            '<html><head><meta charset="utf-8"><title>新闻动态</title></head><body>'
            f'<div class="wp_entry"><h2>新闻动态</h2><ul class="news_list">{entries}</ul>'
            f'<div class="wp_paging"><p>{labels}</p><p>页码 1/20 跳转到</p></div></div>'
            "</body></html>"
        ).encode()
        with pytest.raises(SourceError):
            normalize(page)


def test_the_heading_over_the_dateline_beats_a_bold_line_opening_the_text() -> None:
    head = (
        '<div class="container xwxq-header"><h3>329名师生嘉峪关誓师，古丝路千里骑行创造“骑迹”</h3>'
        "<p><span>2019.04.29</span></p></div>"
    )
    body = (
        '<p style="text-align:center"><strong>《赠骑行英雄》</strong></p>'
        '<p style="text-align:center">西出长安天地宽，</p>'
        '<p style="text-align:center">豪气直冲嘉峪关。</p>' + _paragraphs()
    )
    article = normalize(_page("龙图教育教育集团-K12教育", head, body))
    assert article.title == "329名师生嘉峪关誓师，古丝路千里骑行创造“骑迹”"


def test_a_section_page_is_titled_by_its_title_not_by_the_name_signing_its_text() -> None:
    page = (
        '<html><head><meta charset="utf-8">'
        "<title>企业简介-莱芜市某某土工材料有限公司</title></head>"
        '<body><ul class="menu"><li><a href="/">网站首页</a></li>'
        '<li><a href="/about/">企业简介</a></li>'
        '<li><a href="/news/">新闻中心</a></li></ul>'
        '<div class="position">您的位置： <a href="/">首页</a> &gt; <a href="/about/">企业简介</a>'
        ' &gt; 企业介绍</div><div class="content">'
        + _paragraphs()
        + "<p>莱芜市某某土工材料有限公司</p></div></body></html>"
    ).encode()
    assert normalize(page).title == "企业简介"


def test_a_servers_template_tags_left_in_the_file_are_no_text() -> None:
    page = (
        '<%@ page contentType="text/html;charset=UTF-8" language="java" %>\n'
        '<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>\n'
        '<html><head><meta charset="utf-8"><title>善园基金会</title></head><body>'
        '<%@ include file="header.jsp" %><div class="content"><h1>关于我们</h1>'
        + _paragraphs()
        + "</div></body></html>"
    ).encode()
    assert [block.text for block in normalize(page).blocks] == list(_PARAGRAPHS)


def test_php_code_left_in_the_file_is_no_text() -> None:
    # Parsed as markup, <?php is a comment closed by the code's first ">":
    # the rest of the code (…'responsive/a.php';</script>"; exit(); }) was text.
    page = (
        "<?php include_once 'include/function.php' ?>\n<?php\nif(!less_than_ie9()) {\n"
        "    echo \"<script>location.href='responsive/a.php';</script>\";\n    exit();\n}\n?>\n"
        '<html><head><meta charset="utf-8"><title>分会简介</title></head><body>'
        "<?php include 'include/header.php' ?>\n<?php\n"
        "$res = user_check($_COOKIE['user_name']);\nif ($res['match'] == 'yes') {\n"
        "    echo \"<a href='admin.php'>欢迎你，{$_COOKIE['user_name']}</a>\";\n}\n?>\n"
        '<div class="content"><h1>分会简介</h1>' + _paragraphs() + "</div>"
        "<?php include 'include/footer.php' ?>\n</body></html>"
    ).encode()
    assert [block.text for block in normalize(page).blocks] == list(_PARAGRAPHS)


def test_blade_directives_left_in_the_file_are_no_text() -> None:
    # A Laravel view: its layout and sections are named on lines of their own.
    page = (
        "@extends('layouts.header')\n\n@section('css')\n    @parent\n@endsection\n\n"
        "@section('contents')\n<h1>党建工作</h1>\n"
        + _paragraphs()
        + "\n{{--<p>这一段已经停用，页面上不显示，留在文件里备查。</p>--}}\n@endsection\n"
    ).encode()
    assert [block.text for block in normalize(page).blocks] == list(_PARAGRAPHS)


def test_a_jsp_page_whose_fields_are_unfilled_is_refused() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>嵩山资讯</title></head><body>'
        '<div class="nav"><a href="/">首页</a> <a href="/news">嵩山资讯</a></div>'
        '<div class="news"><h1>${list.inforname}</h1><div class="content">'
        "${list.inforcontent}</div><div>${list.scenic.scenicname}&nbsp;&nbsp;浏览：27766 次"
        "&nbsp;&nbsp;时间${list.infortime}</div></div>"
        '<div class="foot"><a href="/a">关于我们</a> <a href="/b">企业简介</a> '
        '<a href="/c">人才招聘</a> <a href="/d">联系我们</a> <a href="/e">官方微信</a></div>'
        "</body></html>"
    ).encode()
    with pytest.raises(SourceError, match="template"):
        normalize(page)


def test_a_box_titles_lead_mark_is_no_part_of_the_title() -> None:
    article = normalize(_page("某某公司", '<div class="tit">&gt; 公司简介</div>', _paragraphs()))
    assert article.title == "公司简介"


def test_a_page_padded_to_megabytes_with_indentation_is_read() -> None:
    padding = "\n" + " " * 200_000
    page = (
        '<html><head><meta charset="utf-8"><title>被拆掉的著名古建筑</title></head><body>'
        + padding.join(["<div>", "<h1>被拆掉的著名古建筑</h1>", _paragraphs(), "</div>"] * 3)
        + "</body></html>"
    ).encode()
    assert normalize(page).blocks


def test_a_boxs_label_over_the_text_gives_way_to_the_headline_in_the_title() -> None:
    page = (
        '<html><head><meta charset="utf-8">'
        "<title>品牌活动_武汉三牛中美中学与集团达成战略合作</title></head><body>"
        '<div class="box"><strong>专题介绍</strong>' + _paragraphs() + "</div></body></html>"
    ).encode()
    assert normalize(page).title == "武汉三牛中美中学与集团达成战略合作"


def test_a_page_without_a_headline_is_named_by_its_breadcrumbs_last_step() -> None:
    page = (
        '<html><head><meta charset="utf-8"></head><body>'
        '<div class="crumbs"><a href="/about/">协会概况</a> &gt; <a href="#">协会简介</a></div>'
        f'<div class="content">{_paragraphs()}</div></body></html>'
    ).encode()
    assert normalize(page).title == "协会简介"


def test_the_day_a_rule_takes_effect_or_lapses_is_no_publication_date() -> None:
    head = (
        "<h1>关于印发辅助器具适配工作管理办法的通知</h1><ul class='info'>"
        "<li>文　　号： 穗残联规字〔2019〕2 号</li><li>实施日期： 2019年02月01日</li>"
        "<li>失效日期： 2024年01月31日</li></ul>"
    )
    meta = '<meta name="PubDate" content="2019-01-18">'
    article = normalize(_page("关于印发辅助器具适配工作管理办法的通知", head, _paragraphs(), meta))
    assert article.published is not None and article.published.startswith("2019-01-18")


def test_a_page_that_counts_its_search_results_is_refused() -> None:
    results = "".join(
        f"<div class='card'><a href='/{n}.html'>九江市关于第{n}项政策的通知</a>"
        f"<p>{_PARAGRAPHS[n % 3]}</p></div>"
        for n in range(3)
    )
    page = _page("九江市智能检索", "<div>已为您找到约<span>10000</span>条相关结果</div>", results)
    with pytest.raises(SourceError, match="search results"):
        normalize(page)


def test_freemarker_directives_left_in_the_file_are_no_text() -> None:
    page = (
        '<#import "../template/template_intro.ftl" as frame > <#global\nmenu="网站公告"> '
        '<@frame.html title="网站公告"\njs=["js/jquery.js","js/datepicker.js"]\n'
        'css=["css/auction.css"]>\n<#assign security=JspTaglibs["/WEB-INF/tlds/security.tld"] />\n'
        '<div class="content"><h3>北京城市旅游观光线车辆包装制作的比选公告</h3>'
        '<p style="text-align: right;">2015-08-15</p>' + _paragraphs() + "</div>\n</@frame.html>"
    ).encode()
    article = normalize(page)
    assert article.title == "北京城市旅游观光线车辆包装制作的比选公告"
    assert [block.text for block in article.blocks] == list(_PARAGRAPHS)


def test_a_text_column_named_aside_that_holds_nearly_all_the_text_is_the_article() -> None:
    text = "".join(_PARAGRAPHS)  # a paragraph of several sentences
    body = "".join(f"<p>{text}</p>" for _ in range(3))
    page = (
        '<html><head><meta charset="utf-8"><title></title></head><body><div class="layout">'
        '<div class="leftnav"><ul><li class="blue">诉讼服务指南</li>'
        '<li><a href="#">风险告知</a></li><li><a href="wenshu.jsp">文书模板下载</a></li></ul></div>'
        '<div class="aside"><div class="guidetitlebg">首页&gt; 如何打官司</div>'
        '<p align="center"><span style="font-size:22pt">起　诉</span></p>'
        '<p align="center">――打官司的第一步</p>' + body + "</div></div></body></html>"
    ).encode()
    article = normalize(page)
    assert article.title == "起诉"
    assert [block.text for block in article.blocks] == ["――打官司的第一步", text, text, text]


def test_a_menus_link_the_title_names_is_the_column_not_the_headline() -> None:
    # <title>新闻资讯-武汉商学院招生网</title>: 新闻资讯 is the menu's and the
    # breadcrumb's; the headline is the <h2> over the dateline.
    menu = "".join(f'<li><a href="/{n}">{n}</a></li>' for n in ("学生活动", "新闻资讯", "常见问题"))
    head = (
        f'<ul class="menu">{menu}</ul><div class="crumb"><a href="/">首页</a>&gt;'
        '<a href="/news">新闻资讯</a></div><h2>我校三支队伍将出征第十届少数民族传统体育运动会</h2>'
        "<h3>发布时间：2015-07-07 13:20  浏览次数：356</h3>"
    )
    article = normalize(_page("新闻资讯-武汉商学院招生网", head, _paragraphs()))
    assert article.title == "我校三支队伍将出征第十届少数民族传统体育运动会"
    assert article.published == "2015-07-07T13:20:00+08:00"


def test_a_markup_title_that_is_a_part_of_the_h1_gives_way_to_it() -> None:
    # og:title 焗饭 is the dish's category; the <h1> names the recipe.
    meta = '<meta property="og:title" content="焗饭">'
    head = (
        '<ul class="crumb"><li><a href="/category/40076/">焗饭</a></li>'
        "<li>番茄鸡肉浓情焗饭【两人份】</li></ul><h1>番茄鸡肉浓情焗饭【两人份】</h1>"
        "<div class='stats'><span>综合评分</span> <span>8.1</span></div><div>107 人做过这道菜</div>"
        "<table><tr><td>鸡胸肉</td><td>1块</td></tr><tr><td>番茄</td><td>2个</td></tr></table>"
    )
    article = normalize(_page("【正宗焗饭的做法】_下厨房", head, _paragraphs(), meta))
    assert article.title == "番茄鸡肉浓情焗饭【两人份】"


def test_a_users_number_before_the_name_in_the_meta_author_is_no_part_of_it() -> None:
    meta = '<meta name="author" content="23441021,逛吃逛吃的胖子">'
    article = normalize(
        _page("小豆糕游香港 - 马蜂窝", "<h1>小豆糕游香港</h1>", _paragraphs(), meta)
    )
    assert article.author == "逛吃逛吃的胖子"


def test_a_thinkphp_view_whose_fields_are_unfilled_is_refused() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>{$info.title}</title></head><body>'
        '<div class="nav"><a href="/">首页</a> <a href="/product">产品中心</a></div>'
        '<div class="content"><h1>{$info.title}</h1><div>{$info.content}</div>'
        "<div>{if $info.img}<img src='{$info.img}'>{/if} 发布时间：{$info.time}</div></div>"
        '<div class="foot"><a href="/a">关于我们</a> <a href="/b">联系我们</a></div>'
        "</body></html>"
    ).encode()
    with pytest.raises(SourceError, match="template"):
        normalize(page)


def test_a_mock_up_of_stand_in_text_is_refused() -> None:
    filler = "".join(f"<p>{'内容' * 30}</p>" for _ in range(3))
    page = (
        '<html><head><meta charset="utf-8"><title>新闻详情</title></head><body>'
        f'<div class="news"><h1>{"标题" * 20}</h1>{filler}</div></body></html>'
    ).encode()
    with pytest.raises(SourceError, match="stand-in"):
        normalize(page)


def test_a_test_post_of_a_few_repeated_words_among_others_is_kept() -> None:
    lines = [
        "测试文字",
        "测试文字测试文字",
        "测试文字" * 4,
        "这是论坛的第一篇测试帖子，发出来看看排版效果。",
    ]
    page = (
        '<html><head><meta charset="utf-8"><title>更新内容（测试）</title></head><body>'
        '<div class="post"><h1>更新内容（测试）</h1>'
        + "".join(f"<p>{line}</p>" for line in lines)
        + "</div></body></html>"
    ).encode()
    assert [block.text for block in normalize(page).blocks] == lines


def _with_meta_author(author: str, footer: str) -> bytes:
    return (
        f'<html><head><meta charset="utf-8"><meta name="author" content="{author}">'
        "<title>关于我们 - 研究院</title></head><body>"
        f'<div class="content"><h1>关于我们</h1>{_paragraphs()}</div>'
        f'<div class="footer">{footer}</div></body></html>'
    ).encode()


def test_a_meta_handle_the_page_never_shows_is_no_author() -> None:
    # The template's maker (blues, Alpha_Grid, Baidu Inc.), not the text's writer.
    for handle in ("blues", "Alpha_Grid", "Baidu Inc."):
        assert normalize(_with_meta_author(handle, "研究院 版权所有")).author is None


def test_a_meta_handle_the_page_shows_is_the_author() -> None:
    assert normalize(_with_meta_author("johnpoint", "© 2020 johnpoint")).author == "johnpoint"
