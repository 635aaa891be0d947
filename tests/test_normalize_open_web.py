"""The normaliser on layouts of the open web: old table pages, blogs and forums.

Each page under tests/data/pages/ is written by this project, modelled on
real layouts (minimal, reproducing the structure that mattered).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from g60pub.errors import SourceError
from g60pub.normalize import DecodeWarning, normalize, normalize_file
from g60pub.normalize.byline import Byline, parse_byline
from g60pub.normalize.dates import find_datetime, issue_date
from g60pub.normalize.english import english_byline
from g60pub.normalize.headline import clean_title
from g60pub.normalize.names import is_organisation

PAGES = Path(__file__).parent / "data" / "pages"


def test_a_few_bad_bytes_in_a_sidebar_are_replaced_with_a_warning_naming_the_file() -> None:
    with pytest.warns(DecodeWarning, match=r"gbk_sidebar_bad_bytes\.html: 3 undecodable"):
        article = normalize_file(PAGES / "gbk_sidebar_bad_bytes.html")
    assert (article.title, article.published) == ("松江召开科创走廊建设推进会", "2021-04-02")


def test_headline_in_a_heading_div_is_the_title_with_its_inner_space() -> None:
    article = normalize_file(PAGES / "heading_div_title.html")
    assert article.title == "四年前中500万现穷困潦倒 一夜暴富后如何经营"


def test_headline_in_a_heading_div_beats_a_bold_dashed_subtitle_above_the_text() -> None:
    # No <title>, no <h1>: the line just above the text is the subtitle.
    article = normalize_file(PAGES / "heading_div_no_title.html")
    assert article.title == "四年前中500万现穷困潦倒 一夜暴富后如何经营"


def test_blog_permalink_heading_is_the_title_not_the_og_title_with_blog_and_site() -> None:
    assert normalize_file(PAGES / "blog_comment_list.html").title == "新竹尖石_美樹營地賞楓 (2)"


def test_blog_name_in_the_page_header_is_not_the_title() -> None:
    assert normalize_file(PAGES / "blog_header_name.html").title == "谁来为无序拆房“埋单”？"


def test_credit_lines_under_a_blog_title_are_coauthors_and_a_dateline_not_paragraphs() -> None:
    article = normalize_file(PAGES / "blog_header_name.html")
    assert (article.author, article.published) == (
        "刘国栋、周炜、王燕平、方云凤、柏建斌",
        "2003-07-24",
    )
    assert not any("本报" in b.text or "钱江晚报" in b.text for b in article.blocks)


def test_blog_trackback_address_is_not_a_paragraph() -> None:
    blocks = normalize_file(PAGES / "blog_header_name.html").blocks
    assert blocks[-1].text.startswith("逝去的生命已无法追回")


def test_forum_subject_line_is_the_title_without_its_label() -> None:
    article = normalize_file(PAGES / "forum_subject_line.html")
    assert article.title == "你知道导游为什么那么热衷于让你去各种各样的商场购物吗？"
    assert [b.text[:4] for b in article.blocks] == ["导游的收"]


def test_small_heading_under_a_breadcrumb_heading_is_the_title() -> None:
    article = normalize_file(PAGES / "breadcrumb_heading.html")
    assert article.title == "2019年人文地理学术年会在重庆成功举行！"


def test_blog_post_headline_glued_to_its_dateline_beats_the_sidebar_box_headings() -> None:
    article = normalize_file(PAGES / "blog_sidebar_boxes.html")
    assert (article.title, article.published) == (
        "周末火锅与烧烤 (图)",
        "2005-06-13T15:00:14+08:00",
    )


def test_a_ranking_box_heading_and_a_label_ending_in_a_colon_are_no_titles() -> None:
    assert normalize_file(PAGES / "news_rank_sidebar.html").title == "松江召开科创走廊建设推进会"


def test_a_badge_glued_to_the_headline_is_dropped_when_the_markup_states_it_without() -> None:
    article = normalize_file(PAGES / "badge_headline.html")
    assert article.title == "科创走廊九城市联合招商：一年落地项目超过两百个"


def test_a_headline_broken_over_three_lines_is_one_title_when_the_title_tag_holds_it() -> None:
    article = normalize_file(PAGES / "gov_notice_split_title.html")
    assert article.title == (
        "某某市人民政府关于在新城建设范围内暂停办理户口迁入和房屋翻建手续的通告"
    )
    assert article.blocks[0].text.startswith("为保障新城建设顺利进行")


@pytest.mark.parametrize(
    ("line", "title"),
    [("★第一编 古代", "第一编 古代"), ("主题： 一把辛酸泪", "一把辛酸泪")],
    ids=["bullet", "label"],
)
def test_a_bullet_or_a_label_in_front_of_a_headline_is_no_part_of_it(line: str, title: str) -> None:
    assert clean_title(line) == title


def test_body_named_js_img_share_area_is_the_article_not_a_share_bar() -> None:
    assert len(normalize_file(PAGES / "heading_div_title.html").blocks) == 5


def test_a_box_named_bottom_holding_the_headline_and_all_the_text_is_the_article() -> None:
    # A quality-inspection institute's WeChat portal (a JSP view): the layout's
    # lower half is named "bottom", under a column label and two buttons.
    page = (
        '<html><head><meta charset="utf-8"><title>省地质实验研究所到省质检院交流工作</title>'
        "<style>.anniu { position: absolute; top: 11%; right: 88% }</style></head><body>"
        '<div class="main"><div class="middle"><h1><b>质检新闻</b></h1>'
        '<div class="anniu"><a href="/zhuye"><img src="zyan.png"></a></div></div>'
        '<div class="bottom"><div class="h"></div><div><div align="center">'
        "<h4>省地质实验研究所到省质检院交流工作</h4></div>"
        "<p>11月16日下午，省地质实验研究所刘文长所长、吴群辉书记一行到省地质实验研究所到省质检院交流工作。"
        "省质检院林森书记主持召开座谈交流会，就机构改革、内部管理、深化合作等工作进行座谈交流。</p>"
        "<p>双方深入交流了事业单位改革和业务发展工作，并就多领域合作达成了一致意见。</p>"
        "</div></div></div></body></html>"
    ).encode()
    article = normalize(page)
    assert article.title == "省地质实验研究所到省质检院交流工作"
    assert len(article.blocks) == 2


def test_a_dateline_in_labels_naming_no_control_dates_the_article() -> None:
    # A students' copy of 上海长兴岛's site: <label for="">时间：<span>2020-09-29</span></label>.
    page = (
        '<html><head><meta charset="utf-8"><title>新闻详情</title></head><body>'
        '<div class="column title">走进长兴岛</div><div class="column times">'
        '<label for="">时间：<span>2020-09-29</span></label>'
        '<label for="">来源：<span>上海长兴岛官网</span></label></div>'
        '<div class="column content">'
        "<p>长兴岛是由长江泥沙在入海口沉积而成的沙洲。清道光年间，六个沙洲相继成陆，1972年长兴岛六个沙洲连成一体。</p>"
        "<p>长兴岛东西长约31公里，南北宽2-4公里，现状面积约155平方公里，其中青草沙水库面积约67平方公里。</p>"
        "</div></body></html>"
    ).encode()
    article = normalize(page)
    assert article.published is not None and article.published.startswith("2020-09-29")
    assert article.source == "上海长兴岛官网"


def test_a_footer_named_bottom_under_an_article_stays_furniture() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>省质检院交流工作</title></head><body>'
        "<h1>省质检院交流工作</h1><div class='content'>"
        "<p>11月16日下午，省地质实验研究所一行到省质检院交流工作。双方就机构改革、内部管理进行座谈交流。</p>"
        "<p>双方深入交流了事业单位改革和业务发展工作，并就多领域合作达成了一致意见。</p></div>"
        "<div class='bottom'><h4>联系我们</h4>"
        "<p>地址：合肥市。本网站由省质检院主办。版权所有，未经许可不得转载。</p></div>"
        "</body></html>"
    ).encode()
    texts = [block.text for block in normalize(page).blocks]
    assert len(texts) == 2 and not any("版权" in text for text in texts)


def test_a_short_chapter_in_a_box_whose_name_holds_search_is_the_article() -> None:
    # GitBook: every page's text sits in <div id="book-search-results">.
    chapters = "".join(f'<li><a href="0{n}.html">第{n}章 内存管理与调度</a></li>' for n in range(9))
    page = (
        '<html><head><meta charset="utf-8"><title>基本数据结构 - 深入理解Golang</title></head>'
        f'<body><div class="book-summary"><ul class="summary">{chapters}</ul></div>'
        '<div class="page-inner"><div id="book-search-results"><div class="search-noresults">'
        '<section class="normal markdown-section"><h1>2 基本数据结构</h1>'
        "<p>这一章中我们将看一下基本的数据结构，都是Go语言内置的类型。理解它们非常重要。</p>"
        "<p>我们将从最基本的类型开始。看完这章，你会知道slice不是一个指针。</p>"
        "<p>好吧，让我们开始吧！</p></section></div></div></div></body></html>"
    ).encode()
    texts = [block.text for block in normalize(page).blocks]
    assert texts[-1] == "好吧，让我们开始吧！" and len(texts) >= 3


def test_counter_row_gives_date_and_author_and_is_no_paragraph() -> None:
    article = normalize_file(PAGES / "blog_counter_row.html")
    assert (article.author, article.published) == ("魏星", "2014-08-24T21:30:00+08:00")
    assert article.blocks[0].text.startswith("松江区日前")


def test_reader_comments_are_not_the_article() -> None:
    texts = [b.text for b in normalize_file(PAGES / "blog_counter_row.html").blocks]
    assert not any("支持一下" in text or "网友评论" in text for text in texts)


def test_english_dateline_above_a_blog_post_is_its_date() -> None:
    assert normalize_file(PAGES / "english_date_byline.html").published == (
        "2005-09-10T10:56:00+08:00"
    )


def test_reporter_credit_under_the_text_is_the_author_not_a_paragraph() -> None:
    article = normalize_file(PAGES / "english_date_byline.html")
    assert article.author == "彭冲"
    assert not any("报道" in b.text for b in article.blocks)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("发布日期： 7/5/2005 9:23:57 PM", "2005-07-05T21:23:57+08:00"),
        ("发表时间： 06/02/2022 - 13:48", "2022-02-06T13:48:00+08:00"),
        ("Dec 28 Sat 2013", "2013-12-28"),
        ("发布时间：18-03-0823:16", "2018-03-08T23:16:00+08:00"),
        ("发布时间：10-0812:00", None),
        ("24-5-13 17:07", "2024-05-13T17:07:00+08:00"),
        ("24-5-13", None),
    ],
    ids=[
        "us-am-pm",
        "day-first",
        "english-month",
        "two-digit-year",
        "no-year",
        "short-year-single-digits-with-time",
        "short-year-single-digits-alone",
    ],
)
def test_dates_as_older_and_foreign_templates_write_them(text: str, expected: str | None) -> None:
    assert find_datetime(text) == expected


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ('作者： size="20" 来源： size="20" 发布日期： 7/5/2005 9:23:57 PM', None),
        ("作者:zboygirl 阅读(1660) 评论(5) 编辑 发表于:2005-07-31 12:30", "zboygirl"),
        ("- 作者： 流泉 访问统计： 2005年08月30日 星期二 13:22", "流泉"),
        ("时间：2004年10月21日14:18 作者：郭励弘 | 我来说两句(0", "郭励弘"),
    ],
    ids=["attribute-text", "counters", "visit-label", "comment-link"],
)
def test_author_values_that_are_no_name_are_dropped_or_cut(line: str, author: str | None) -> None:
    byline = parse_byline(line)
    assert byline is not None and byline.author == author


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("本报实习记者 樊亮 张明超", "樊亮、张明超"),
        ("采写：南都记者 余毅菁 向雪妮", "余毅菁、向雪妮"),
        ("执笔/叨叨姐、胡一刀&李小飞刀", "叨叨姐、胡一刀、李小飞刀"),
        ("作者：张三 | 李四", "张三、李四"),
        ("作者：张三／李四", "张三、李四"),
        ("执笔人：闵乐夫 赵兰波 刘韬", "闵乐夫、赵兰波、刘韬"),
    ],
    ids=["spaces", "two-roles", "ampersand", "bar", "slash", "drafters"],
)
def test_several_names_stay_separate_joined_with_the_ideographic_comma(
    line: str, author: str
) -> None:
    byline = parse_byline(line)
    assert byline is not None and byline.author == author


def test_posting_row_below_a_forum_post_gives_poster_and_date() -> None:
    line = "〓 网易娱乐 周黎明留言板 发布时间 2005/05/17 22:11:42 by 眉间尺 〓"
    assert parse_byline(line, strict=True) == Byline(
        author="眉间尺", published="2005-05-17T22:11:42+08:00"
    )


def test_wechat_repost_note_is_via_not_the_author() -> None:
    assert parse_byline("来源：微信公众号虹桥馆") == Byline(via="微信公众号虹桥馆")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("本报实习生 刘国栋 周炜", Byline(author="刘国栋、周炜")),
        ("《棱镜》作者周纯", Byline(author="周纯")),
        ("作者︱春春", Byline(author="春春")),
        ("来源|广州参考、羊城晚报", Byline(source="广州参考、羊城晚报")),
        ("来源：转载文章", Byline(via="转载文章")),
    ],
    ids=["intern", "column-name", "bar-label", "bar-source", "repost"],
)
def test_credit_lines_as_newspapers_and_portals_print_them(line: str, expected: Byline) -> None:
    assert parse_byline(line) == expected


def test_text_after_a_stray_closing_html_tag_of_an_included_header_is_read() -> None:
    # 国务院公报 2007年第23号 (中国政府网): the header include ends with </html>.
    blocks = normalize_file(PAGES / "gazette_stray_html_end.html").blocks
    assert [block.text[:10] for block in blocks] == ["第十届全国人民代表大"]


def test_a_text_whose_full_stops_a_converter_turned_into_commas_is_no_list_of_titles() -> None:
    blocks = normalize_file(PAGES / "converted_commas.html").blocks
    assert len(blocks) == 21
    assert blocks[0].text == "沪嘉杭G60科创走廊今年的建设推进会在松江召开,"


def test_a_day_printed_over_its_year_and_month_is_the_publication_date() -> None:
    # <div class="day">21</div><div class="ym">2024年02月</div> under the headline.
    assert normalize_file(PAGES / "date_day_over_month.html").published == "2024-02-21"


def test_an_edited_row_past_the_references_under_the_text_dates_the_post() -> None:
    article = normalize_file(PAGES / "edited_row_under_references.html")
    assert article.published == "2025-04-22T18:07:00+08:00"


def test_a_list_of_other_stories_above_the_headline_gives_no_date() -> None:
    # 【文汇报】郭教授：… | 2018/06/22 rows of a sidebar table, then the headline
    # and its own dateline: the dateline dates the article.
    article = normalize_file(PAGES / "sidebar_list_over_headline.html")
    assert article.published == "2017-04-06T17:46:00+08:00"


def test_a_post_header_naming_the_poster_and_time_ends_the_first_post_of_a_thread() -> None:
    # 作者：wowkao111 时间：2017-03-24 20:35:54 heads a one-line reply, and the
    # poster's longer posts follow: the thread's first post is the article.
    blocks = normalize_file(PAGES / "forum_post_headers.html").blocks
    assert [b.text[:4] for b in blocks] == ["先介绍一", "我出生在"]


def test_a_comment_counter_row_between_excerpts_ends_the_first_post_of_an_archive() -> None:
    # Each post's date is a link of its own; the row left is "/ 27 条评论".
    texts = [b.text for b in normalize_file(PAGES / "blog_archive_counter_rows.html").blocks]
    assert [t[:4] for t in texts if len(t) > 20] == ["你的数学", "四人玩扑"]


def test_the_page_s_one_h1_over_the_text_beats_an_og_title_the_page_never_prints() -> None:
    article = normalize_file(PAGES / "docs_lone_h1.html")
    assert article.title == "快速入门：使用 Visual Studio 调试器调试 C++"


def test_a_body_after_the_closing_html_tag_is_the_article() -> None:
    # </head></html> and then <body>: the whole post comes after the document's end.
    article = normalize_file(PAGES / "blog_body_after_html_end.html")
    assert article.title == "分布式系统 - 笔记"
    assert [block.text[:6] for block in article.blocks] == [
        "前言",
        "这是一门分布",
        "分布式系统：",
        "分布式的优点",
        "分布透明性：",
    ]


def test_a_post_of_headings_and_numbered_code_blocks_is_read_whole() -> None:
    # Each code block's gutter holds its line number (1): preformatted text, not a
    # counter row, so the post is not cut down to its one closing sentence.
    texts = [block.text for block in normalize_file(PAGES / "blog_code_block_gutters.html").blocks]
    assert texts[:3] == ["用户管理", "查询全部用户", "GET: localhost:8081/api/user"]
    assert "DELETE: localhost:8081/api/sale/{id}" in texts
    assert texts[-1].startswith("暂留")
    assert "1" not in texts


def test_a_date_on_the_last_line_of_the_headline_element_is_no_part_of_the_title() -> None:
    article = normalize_file(PAGES / "university_news_dated_heading.html")
    assert article.title == "我校举办第三届“春晓杯”书法大会"
    assert (article.published or "").startswith("2021-04-23")


def test_a_second_copy_of_the_article_for_phones_is_left_out_with_the_links_between() -> None:
    article = normalize_file(PAGES / "gov_desktop_and_mobile_copies.html")
    texts = [block.text for block in article.blocks]
    assert len(texts) == 4
    assert texts[0].startswith("9月14日，从绵阳")
    assert texts[-1].startswith("二是开展纾困解难活动")
    assert not any("相关" in text or "绵阳：" in text for text in texts)


def test_a_cms_account_in_the_author_meta_and_bare_labels_under_the_text_are_dropped() -> None:
    article = normalize_file(PAGES / "gov_cms_account_and_bare_labels.html")
    assert article.author is None
    texts = [block.text for block in article.blocks]
    assert texts[-1].startswith("下一步，区退役军人事务局")
    assert not any("上一篇" in text or "相关附件" in text for text in texts)


def test_a_date_and_source_inside_the_headline_element_are_no_part_of_the_title() -> None:
    article = normalize_file(PAGES / "gov_headline_holding_dateline.html")
    assert article.title == "共论出版传媒业高质量发展 第十届上海民进出版传媒论坛在沪召开"
    assert clean_title("某地召开工作推进会议 2023-08-19 来源：某报") == "某地召开工作推进会议"
    assert clean_title("纪念 2023-08-19") == "纪念 2023-08-19"  # too short a title to cut


def test_a_utility_class_named_relative_is_no_related_box_round_the_article() -> None:
    # Tailwind's ``relative`` positions the page's <main>: the article inside
    # it is the text, not the footer's disclaimers.
    article = normalize_file(PAGES / "news_tailwind_relative_page.html")
    texts = [block.text for block in article.blocks]
    assert len(texts) == 4
    assert texts[0].startswith("九个城市的代表")
    assert not any("第三方公司" in text for text in texts)


def test_the_dateline_under_a_standfirst_is_no_second_post() -> None:
    # One paragraph, then the page's one dated row and the text: the article
    # goes on under its dateline; the reading-time estimate is furniture.
    article = normalize_file(PAGES / "broadcaster_standfirst_over_dateline.html")
    texts = [block.text for block in article.blocks]
    assert texts[0].startswith("据地方媒体报道")
    assert "共享平台是什么？" in texts
    assert texts[-1].startswith("不过，也有企业表示")
    assert (article.published or "").startswith("2025-11-30")
    assert not any("分钟" in text for text in texts)


_E_PAPER = """<html><head><meta charset="utf-8">
<title>国会:须招商兴建跨苏岛高速公路 第A1版:印尼要闻 20140318期 国际日报</title></head>
<body><div class="nav">当前位置：国际日报 &gt;&gt; 第A1版:印尼要闻</div>
<div class="f-20">国会:须招商兴建跨苏岛高速公路</div>
<div class="f-14">
<p>【本报讯】国会第五委员会议员赫蒂华希望政府应从速招徕投资商，以建设该岛人民久盼的跨苏门答腊高速公路。</p>
<p>赫蒂华近日在雅加达发表的书面说明表示，照理政府应提高内部收益率，以能吸引私企投资商建设跨苏岛高速公路。</p>
<p>她认为吸引投资商有许多方式，其中诸如保证该工程的投资利于环境保护，为该工程创造显著的倍数效应。</p></div>
</body></html>"""


def test_an_e_papers_issue_in_the_page_title_dates_an_article_that_prints_no_date() -> None:
    article = normalize(_E_PAPER.encode())
    assert (article.title, article.published) == ("国会：须招商兴建跨苏岛高速公路", "2014-03-18")
    assert issue_date("国际日报20140318期") == "2014-03-18"
    assert issue_date("20141318期") is None and issue_date("120140318期") is None


def test_a_headlines_clause_opening_with_its_speaker_after_a_br_is_set_off_by_a_space() -> None:
    page = _E_PAPER.replace(
        '<div class="f-20">国会:须招商兴建跨苏岛高速公路</div>',
        "<p><font size='2'><b>警方查接触失联客机工程师<br>希山：寻求15国家援助搜索</b></font></p>",
    ).replace("<title>国会:须招商兴建跨苏岛高速公路 ", "<title>")
    assert normalize(page.encode()).title == "警方查接触失联客机工程师 希山：寻求15国家援助搜索"
    labelled = page.replace("希山：寻求15国家援助搜索", "时间：3月16日上午")
    assert "工程师 时间" not in normalize(labelled.encode()).title  # a label is no speaker


def test_a_comments_dated_signature_is_no_sentence_to_outweigh_a_post_of_short_lines() -> None:
    lines = "".join(
        f"<p>{line}</p>"
        for line in ("今天，", "和阿尼雅聊了一下天。", "火柴就密我了，", "給我看了「黑塔利亞」。",
                     "超有創意的XD", "期待可以去買一本XD")
    )  # fmt: skip
    page = f"""<html><head><meta charset="utf-8"><title>黑塔利亞 - 無名小站</title></head><body>
<h3 class="title">黑塔利亞</h3><p>February 20, 2009</p><div class="article">{lines}</div>
<div><p>1樓</p><p>義/呆/利超可愛的呀~~~~~~</p>
<p>火火火火火柴 at February 21, 2009 09:54 PM comment</p>
<p>Blog Owner at February 21, 2009 10:42 PM Reply</p></div></body></html>"""
    article = normalize(page.encode())
    assert [b.text for b in article.blocks][:2] == ["今天，", "和阿尼雅聊了一下天。"]
    assert not any("comment" in b.text for b in article.blocks)


def test_baidus_page_schema_dates_a_blog_post_that_prints_only_other_posts_dates() -> None:
    schema = (
        '<script type="application/ld+json">{"@context":"https://ziyuan.baidu.com/contexts/'
        'cambrian.jsonld","pubDate":"2021-02-15T20:19:33","title":"利用scrapy进行爬虫-CSDN博客"}'
        "</script>"
    )
    page = _E_PAPER.replace("20140318期 ", "").replace("</head>", schema + "</head>")
    assert normalize(page.encode()).published == "2021-02-15T20:19:33+08:00"


@pytest.mark.parametrize(
    ("named", "source"),
    [
        ("中央通訊社 Central News Agency", "中央通訊社 Central News Agency"),
        ("肥西县教育局", "肥西县教育局"),
        ("自由時報電子報", "自由時報電子報"),
    ],
)
def test_an_organisation_in_the_authors_place_is_the_source(named: str, source: str) -> None:
    page = _E_PAPER.replace("20140318期 ", "").replace(
        "</head>", f'<meta name="author" content="{named}"></head>'
    )
    article = normalize(page.encode())
    assert (article.author, article.source) == (None, source)


def test_a_person_and_a_forum_account_named_like_a_newsroom_stay_authors() -> None:
    assert not is_organisation("王乐文") and not is_organisation("头条新闻")
    assert not is_organisation("胡欣男、新聞透視")
    assert not is_organisation("A-肖老师-树谷学院")  # a blogger's handle
    page = _E_PAPER.replace("</head>", '<meta name="author" content="蘇思云"></head>')
    assert normalize(page.encode()).author == "蘇思云"


_SHORT_LINES = (
    "评论里有说看起来没差的", "我找了三个发型的拼一起对比一下", "我自己还觉得差挺多的哈哈",
    "幸亏这几天不怎么热:D", "这是今天的油头", "补充找到一张黄毛的", "高中三年都没动过头发",
    "到大学就开始不停折腾", "这是高中毕业拍的", "我母上大人最喜欢的黑长直", "感谢善良的知友们",
)  # fmt: skip


def _answer_page(lines: tuple[str, ...]) -> bytes:
    return f"""<html><head><meta charset="utf-8">
<title>发型对于一个人气质的改变到底有多大作用？ - 知乎</title></head>
<body><div class="tags"><a href="/t/1">时尚</a> <a href="/t/2">发型</a></div>
<h1 class="QuestionHeader-title">发型对于一个人气质的改变到底有多大作用？</h1>
<div class="AuthorInfo">阿宝</div>
<div class="RichContent-inner"><span class="RichText">{"<br>".join(lines)}</span></div>
<div class="ContentItem-time"><a href="/question/1/answer/2">编辑于 12:08</a></div>
</body></html>""".encode()


def test_an_answer_of_short_lines_without_a_sentence_under_its_question_is_the_text() -> None:
    article = normalize(_answer_page(_SHORT_LINES))
    assert article.title == "发型对于一个人气质的改变到底有多大作用？"
    assert [b.text for b in article.blocks] == list(_SHORT_LINES)


def test_a_few_short_lines_under_a_question_are_still_no_article() -> None:
    with pytest.raises(SourceError, match="no article"):
        normalize(_answer_page(_SHORT_LINES[:4]))


@pytest.mark.parametrize("shown", ["编辑于 12:08", "發佈於 昨天 17:36", "21:41"])
def test_a_time_of_day_shown_without_its_day_dates_the_text_by_its_tooltip(shown: str) -> None:
    tooltip = f'<span data-tooltip="发布于 2017-09-08 21:41">{shown}</span>'
    page = _answer_page(_SHORT_LINES).replace("编辑于 12:08".encode(), tooltip.encode())
    assert normalize(page).published == "2017-09-08T21:41:00+08:00"


def _sheet(item: str) -> bytes:
    facts = {
        "公司背景": ["公司名称：芯华章科技", "成立时间：2020年", "总部位置：中国南京",
                     "融资情况：多轮融资", "员工规模：500+ 人", "行业定位：验证工具"],
        "核心能力": ["智能调试：错误的自动定位与修复", "语法纠错：100% 语法纠错率",
                     "功能纠错：83% 功能纠错率", "代码生成：RTL 代码辅助生成",
                     "测试增强：自动生成测试用例", "错误识别：识别潜藏评估错误"],
        "应用场景": ["芯片验证：数字芯片功能验证", "教学科研：高校课程实验",
                     "设计服务：验证外包", "开源生态：开放接口", "国产替代：自主工具链"],
    }  # fmt: skip
    sections = "".join(
        f"<h3>{heading}</h3><ul>{''.join(item.format(line) for line in lines)}</ul>"
        for heading, lines in facts.items()
    )
    return f"""<html><head><meta charset="utf-8"><title>芯华章 ChatDV - 详细解析</title></head>
<body><h1>芯华章 ChatDV + GalaxAI</h1><div class="main">{sections}</div></body></html>""".encode()


def test_a_fact_sheet_of_named_facts_under_headings_is_an_article_not_a_list_of_titles() -> None:
    article = normalize(_sheet("<li>{}</li>"))
    assert article.title == "芯华章 ChatDV + GalaxAI"
    assert "成立时间：2020年" in [b.text for b in article.blocks]


def test_a_list_of_linked_titles_with_colons_is_still_no_article() -> None:
    with pytest.raises(SourceError, match="no article"):
        normalize(_sheet('<li><a href="/news/1.html">{}</a></li>'))


def test_the_editor_named_again_as_the_author_in_markup_is_no_author() -> None:
    both = '<meta name="author" content="顾馨"><meta name="editor" content="顾馨"></head>'
    assert normalize(_E_PAPER.replace("</head>", both).encode()).author is None
    other = '<meta name="author" content="蘇思云"><meta name="editor" content="顾馨"></head>'
    assert normalize(_E_PAPER.replace("</head>", other).encode()).author == "蘇思云"


def test_a_posts_copyright_box_under_its_last_headings_names_its_writer() -> None:
    page = """<html><head><meta charset="utf-8"><title>HPP专用测试文章 | 万舒重</title></head>
<body><h1 class="post-title">HPP专用测试文章</h1><div class="meta">发表于2021-02-06</div>
<article class="post-content">
<p>最近博主上手了一个博客后台系统，然后成为了它的测试人员，需要一篇文章反复修改。</p>
<p>又不想在测试过程中拿去修改其他的文章，所以单开一页专门测试，以免弄乱旧文。</p>
<p>以下为日常测试内容</p><h2>试一试新建</h2><h2>试一试更改</h2><h2>试一试图片上传</h2>
<h2>试一试手机端</h2><p>输入法：中文/English</p><h2>试一试表情</h2></article>
<div class="post-copyright"><div class="post-copyright__author">文章作者：万舒</div>
<div class="post-copyright__type">文章链接: http://example.com/2021/02/06/1/</div></div>
</body></html>"""
    assert normalize(page.encode()).author == "万舒"
    assert parse_byline("文章作者: AIX", strict=True) == Byline(author="AIX")


_CODE = [f"echo step {n}" for n in range(1, 13)]


@pytest.mark.parametrize(
    "block",
    [
        # Hugo (Chroma): a table of a number column and a code column.
        '<div class="highlight"><table class="lntable"><tr><td class="lntd"><pre class="chroma">'
        + "".join(f'<span class="lnt">{n}\n</span>' for n in range(1, 13))
        + '</pre></td><td class="lntd"><pre class="chroma"><code>'
        + "".join(f'<span class="cl">{line}\n</span>' for line in _CODE)
        + "</code></pre></td></tr></table></div>",
        # Hexo: the gutter cell beside the code cell.
        '<figure class="highlight bash"><table><tr><td class="gutter"><pre>'
        + "".join(f'<span class="line">{n}</span><br>' for n in range(1, 13))
        + '</pre></td><td class="code"><pre>'
        + "".join(f'<span class="line">{line}</span><br>' for line in _CODE)
        + "</pre></td></tr></table></figure>",
    ],
)
def test_a_code_blocks_line_numbers_are_no_line_of_the_text(block: str) -> None:
    page = _E_PAPER.replace("</p></div>", f"</p>{block}</div>", 1)
    texts = [b.text for b in normalize(page.encode()).blocks]
    assert not any(text.replace(" ", "").isdigit() for text in texts)
    assert any("echo step 12" in text for text in texts)


def test_a_how_to_of_sections_and_steps_without_a_full_stop_is_no_list_of_titles() -> None:
    steps = {
        "准备工作": ["1、一个 cloudflare 账户", "2、一个域名托管到 cloudflare",
                     "3、一个 github 账户", "4、一双手"],
        "操作步骤": ["1、打开仓库并且 fork 到自己的仓库，", "或者下载源代码修改后上传",
                     "连接到 git", "选择仓库", "按照下面的填，构建命令", "保存并部署",
                     "继续处理项目", "添加变量"],
        "绑定存储": ["创建 D1 数据库和两个 KV 存储", "名称随意", "一个存图片，名称随意",
                     "一个存文件，貌似最大 25M", "回到刚才创建的 pages 进行绑定", "之后重试部署"],
    }  # fmt: skip
    sections = "".join(
        f"<h2>{heading}</h2>" + "".join(f"<p>{line}</p>" for line in lines)
        for heading, lines in steps.items()
    )
    page = f"""<html><head><meta charset="utf-8"><title>cloudflare 搭建文件中转和图床</title>
</head><body><section class="article-content"><h1>cloudflare 搭建文件中转和图床</h1>
{sections}</section></body></html>"""
    texts = [b.text for b in normalize(page.encode()).blocks]
    assert "1、打开仓库并且 fork 到自己的仓库，" in texts and "之后重试部署" in texts


def test_a_credit_inside_a_code_block_is_code_not_the_byline() -> None:
    block = "<pre><code>作者:nimbus\n请把下面的文字改写成一段说明\n</code></pre>"
    page = _E_PAPER.replace("</p></div>", f"</p>{block}</div>", 1)
    article = normalize(page.encode())
    assert article.author is None
    assert any("作者:nimbus" in b.text for b in article.blocks)


def test_the_next_posts_card_under_a_badge_is_no_part_of_the_post() -> None:
    page = """<html><head><meta charset="utf-8"><title>PHP命令注入 | st4ck</title></head><body>
<div class="post-title">PHP命令注入</div><div class="post-cate">Web</div>
<div class="post-date">发布日期: 2019-07-13</div>
<div class="artDetail"><div class="articleContent">
<p>eval()函数可以把字符串按照PHP代码来执行，换句话说，就是可以动态地执行PHP代码，使用时要小心。</p>
<p>常见的命令注入函数有好几个，它们都能执行外部传入的字符串，过滤不严就会出问题。</p></div>
<div class="reprint__author">文章作者: <a href="/about">st4ck</a></div>
<div class="reprint__type">文章链接: <a href="/2019/07/13/php/">https://example.com/2019/07/13/php/</a></div>
<div class="article-badge">上一篇</div>
<div class="card-image"><a href="/p/1">php反序列化漏洞</a></div>
<div class="summary">一、反序列化漏洞serialize()，unserialize()这两个函数说一说序列化和反序列化的，
序列化说通俗点就是把一个对象变成字符串。</div>
<div class="publish-info">2019-07-20 Web</div></div></body></html>"""
    article = normalize(page.encode())
    assert article.author == "st4ck"
    assert not any("反序列化" in b.text for b in article.blocks)


def test_a_sentence_round_a_link_shown_as_its_address_is_text() -> None:
    page = """<html><head><meta charset="utf-8"><title>博客迁移通知 - yyshino的小破屋</title></head>
<body><h1 class="title">博客迁移通知</h1><p>发布于：2022年11月22日</p><div class="post-story">
<p>本站点不再更新文章，博客站点移动至 <a href="https://v-blog.example.top/">https://v-blog.example.top/</a></p>
<h2>本站点做什么？</h2><p>该站点目前用来存储一些前端特效相关、游戏相关存储库。详细可了解
<a href="https://v-blog.example.top/docs/extend/accumulate.html">https://v-blog.example.top/docs/extend/accumulate.html</a></p>
</div><div class="nav"><a href="/a">https://example.top/a</a></div></body></html>"""
    texts = [b.text for b in normalize(page.encode()).blocks]
    assert texts[0] == "本站点不再更新文章，博客站点移动至 https://v-blog.example.top/"
    assert not any(text == "https://example.top/a" for text in texts)


def test_a_code_blocks_language_label_is_no_line_of_the_text() -> None:
    block = (
        '<div class="language-bash vp-adaptive-theme"><button title="Copy Code" class="copy">'
        '</button><span class="lang">bash</span><pre class="shiki"><code>npm run build\n'
        "</code></pre></div>"
    )
    page = _E_PAPER.replace("</p></div>", f"</p>{block}</div>", 1)
    texts = [b.text for b in normalize(page.encode()).blocks]
    assert "bash" not in texts and any("npm run build" in text for text in texts)


def test_an_english_posting_row_names_the_blogger_and_the_day() -> None:
    assert english_byline("Posted by Asher on 2016-05-19") == Byline(
        author="Asher", published="2016-05-19"
    )


@pytest.mark.parametrize(
    ("row", "author", "day"),
    [
        ("2010-01-30 — Written by HaNg~", "HaNg", "2010-01-30"),  # a Hugo theme's post-meta
        ("— Written by HaNg~", "HaNg", None),
        ("March 3, 2020 – By John Smith", "John Smith", "2020-03-03"),
    ],
)
def test_a_posting_row_set_apart_by_a_dash_names_the_writer(
    row: str, author: str, day: str | None
) -> None:
    assert english_byline(row) == Byline(author=author, published=day)


@pytest.mark.parametrize("placeholder", ["John Doe", "john"])
def test_a_themes_sample_author_left_in_the_markup_is_no_author(placeholder: str) -> None:
    meta = f'<meta name="author" content="{placeholder}"></head>'
    assert normalize(_E_PAPER.replace("</head>", meta).encode()).author is None
    assert english_byline("By John Doe") == Byline(author="John Doe")  # a byline in words stays
