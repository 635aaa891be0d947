"""Headlines on blog, forum and old table pages that state no title in markup.

The headline is the strongest headline-like line adjacent to the text block:
box headings over link lists, a sister site's name, a blog's name and a
poster's name sit elsewhere. Pages under tests/data/pages/ are written by
this project, modelled on real layouts.
"""

from __future__ import annotations

from pathlib import Path

from g60pub.normalize import normalize, normalize_file
from g60pub.normalize.page_title import without_site

PAGES = Path(__file__).parent / "data" / "pages"


def test_plain_line_right_above_the_text_beats_a_sister_site_label_further_up() -> None:
    assert normalize_file(PAGES / "sister_site_box.html").title == "飞机为什么能飞起来"


def test_box_heading_over_a_list_of_links_is_no_headline() -> None:
    article = normalize_file(PAGES / "blog_other_blogs_box.html")
    assert (article.title, article.published) == (
        "澳洲的湘菜馆 (图)",
        "2005-06-14T03:25:55+08:00",
    )


def test_link_over_a_posting_row_is_the_posts_permalink_headline() -> None:
    article = normalize_file(PAGES / "blog_permalink_posting_row.html")
    assert article.title == "[湖湘文化]岳麓山游记"


def test_headline_named_second_in_the_page_title_beats_the_site_name_line() -> None:
    article = normalize_file(PAGES / "site_name_first_title.html")
    assert (article.title, article.author) == ("给计算机系学生的建议", "周文")


def test_posters_name_linking_to_the_profile_is_not_the_headline() -> None:
    article = normalize_file(PAGES / "forum_poster_link.html")
    assert article.title == "唱片公司怎样安排一张新专辑的宣传（转载）"


def test_fuller_headline_beats_its_pieces_repeated_just_above_the_text() -> None:
    # 李华：我的第一份工作 / 我的第一份工作 / 李华: the nearest line is only the author.
    assert normalize_file(PAGES / "repeated_headline_pieces.html").title == "李华：我的第一份工作"


def test_first_numbered_section_heading_is_not_the_headline() -> None:
    article = normalize_file(PAGES / "numbered_sections.html")
    assert article.title == "二十三、感恩"
    assert article.blocks[0].text == "一、法官凡事谢恩"


def test_a_forum_node_s_name_before_the_headline_goes_when_the_markup_omits_it() -> None:
    assert normalize_file(PAGES / "forum_node_before_headline.html").title == "Ruby：极致的脚本语言"


def test_a_headline_broken_over_br_lines_of_one_element_is_joined() -> None:
    article = normalize_file(PAGES / "gazette_stray_html_end.html")
    assert article.title == (
        "全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007年末国债余额限额的决议"
    )


def test_a_docs_pages_heading_anchors_are_no_part_of_its_headings() -> None:
    # A documentation site's page: every heading opens with a permalink "#",
    # the headline is one letter, the <title> names it before the site.
    article = normalize_file(PAGES / "docs_heading_anchors.html")
    assert article.title == "a"
    assert [b.text for b in article.blocks if b.kind == "heading"] == ["概述", "属性", "示例"]


def test_a_bare_page_title_names_the_headline_set_over_its_dateline() -> None:
    # A profile page: <title> is the name alone, shown over 发布时间; the text
    # opens with numbered section headings (一、基础信息 as <h1>).
    article = normalize_file(PAGES / "profile_bare_title.html")
    assert (article.title, article.published) == ("林清远", "2024-03-21")
    assert article.blocks[0].text == "一、基础信息"


def test_the_pages_one_named_h1_opening_the_text_beats_an_seo_headline_in_markup() -> None:
    # og:title and JSON-LD carry another wording, never printed on the page.
    article = normalize_file(PAGES / "news_named_h1_over_picture.html")
    assert article.title == "在被算法判定为仅面临“中等”风险后，她遇害了"


def test_a_column_s_name_before_the_headline_stays_when_the_markup_has_it_too() -> None:
    article = normalize_file(PAGES / "column_prefix_headline.html")
    assert article.title == "周评 | 本周值得关注的应用"


def test_a_headline_linking_to_the_page_itself_is_no_link_home() -> None:
    # <h1><a href="">…</a></h1>: an empty href is the page, not its front page.
    article = normalize_file(PAGES / "company_news_empty_href_headline.html")
    assert article.title == "企业为何选用统一服务热线"
    assert "请点击查看帮助中心" not in article.blocks[-1].text


def _centred_headline(first: str, second: str) -> str | None:
    body = "".join(
        f"<p>{n}、本办法自发布之日起施行，各有关单位应当认真贯彻落实，确保各项措施取得实效。</p>"
        for n in "一二三四五"
    )
    page = (
        '<html><head><meta charset="utf-8"></head><body>'
        f'<p align="center"><b>{first}</b></p><p align="center"><b>{second}</b></p>'
        f"{body}</body></html>"
    )
    return normalize(page.encode()).title


def test_a_centred_headline_ending_on_a_joining_word_runs_on() -> None:
    assert _centred_headline("关于印发《嘉兴市科技创新券管理办法》的", "通知") == (
        "关于印发《嘉兴市科技创新券管理办法》的通知"
    )


def test_a_markup_title_loses_the_site_name_the_page_title_ends_on() -> None:
    page_title = "特别报道：从数据看国民党政治版图的衰退 - FT中文网"
    assert without_site("特别报道：从数据看国民党政治版图的衰退- FT中文网", page_title) == (
        "特别报道：从数据看国民党政治版图的衰退"
    )
    # A title going on past the <title>'s headline with words of its own keeps them.
    assert (
        without_site("总书记的一天- 走进嘉兴", "总书记的一天 - 人民网") == "总书记的一天- 走进嘉兴"
    )


_INDENT = "\n" + " " * 200  # the template's indentation between the row's parts


def _csdn(h1_attrs: str) -> bytes:
    # A CSDN post kept by a web-extraction toolkit's benchmark (dt-yy/llm-webkit-mirror,
    # bench/data/origin/code_18_csdn.html), trimmed: the <title> is rewritten for
    # search engines and begins with the text's first heading, not the headline.
    return (
        '<html><head><meta charset="utf-8"><title>Kruskal+LCA算法详解-CSDN博客</title></head>'
        '<body><div class="toolbar"><a href="https://www.csdn.net/">首页</a> '
        '<a href="https://blog.csdn.net/">博客</a></div>'
        f'<div class="article-header-box"><h1 {h1_attrs}>NOIP2013货车运输</h1>'
        '<div class="article-info-box"><a class="follow-nickName" href="/u">Xiao____Q</a>'
        f'{_INDENT}<span class="time blog-postTime" data-time="2016-10-06 18:02:38">'
        f"最新推荐文章于 2024-02-02 09:00:00 发布</span>{_INDENT}"
        '<div class="read-count-box"><span class="read-count">阅读量1.2k</span>'
        '<a class="un-collection"><span class="name">收藏</span></a></div></div></div>'
        '<div id="content_views"><h3>Kruskal+LCA</h3>'
        "<p>题目大意：给出一张无向图，每条边有一个限重，询问两点之间的路径上最大的最小限重。</p>"
        "<p>先用Kruskal求出最大生成树，再在树上用倍增求LCA，同时维护路径上的最小边权。</p>"
        "</div></body></html>"
    ).encode()


def test_the_one_h1_named_as_the_articles_title_beats_a_text_heading_the_title_begins_with() -> (
    None
):
    article = normalize(_csdn('class="title-article" id="articleContentId"'))
    assert article.title == "NOIP2013货车运输"
    # The poster's nickname by the post's time, however indented the row.
    assert article.author == "Xiao____Q"
    # An <h1> named only "title" may be a blog's name in its header: no such rule.
    assert normalize(_csdn('class="title"')).title == "Kruskal+LCA"
