"""Where an article ends: reader comments, site notices and the posts after the first.

Each page under tests/data/pages/ is written by this project, modelled on
real layouts of the open web (old portal comment tables, a blog's comment
list, a site's copyright notice, a forum thread, a blog's monthly archive).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from g60pub.errors import SourceError
from g60pub.normalize import normalize_file
from g60pub.normalize.tail import is_comment_entry

PAGES = Path(__file__).parent / "data" / "pages"


def texts(name: str) -> list[str]:
    return [block.text for block in normalize_file(PAGES / name).blocks]


def test_reader_comments_after_a_news_article_are_not_the_article() -> None:
    assert texts("news_comment_tables.html") == [
        "松江区日前召开科创走廊建设推进会，部署下一阶段重点工作，会议要求各部门加强协同、压实责任，确保各项任务按期完成。",
        "会议指出，科创走廊建设进入新阶段，要聚焦产业链协同，推动创新资源向企业集聚，提升区域整体竞争力。",
        "会议强调，要坚持项目为王，抓好重大项目落地，以高质量发展的实际成效检验各项工作。",
    ]


def test_comment_links_in_the_byline_row_end_neither_the_article_nor_its_source() -> None:
    article = normalize_file(PAGES / "news_comment_tables.html")
    assert (article.source, article.published) == ("某某商业报道", "2004-12-10T11:55:08+08:00")


def test_a_blog_comment_list_is_not_the_post() -> None:
    assert not any("小鳳" in text or "留言" in text for text in texts("blog_comment_list.html"))


def test_the_last_reply_under_a_blog_post_is_not_its_date() -> None:
    assert normalize_file(PAGES / "blog_comment_list.html").published == "2013-12-28T00:28:00+08:00"


def test_a_site_copyright_notice_after_the_text_is_not_the_article() -> None:
    found = texts("site_notice_after_text.html")
    assert len(found) == 2
    assert found[0].startswith("记者日前走访了省内一家农机企业")
    assert not any("版权" in text or "联系电话" in text for text in found)


def test_a_copyright_notice_outweighing_a_short_story_is_not_the_article() -> None:
    article = normalize_file(PAGES / "table_cell_link_lists.html")
    assert article.title == "松江召开科创走廊建设推进会 部署下一阶段重点工作"
    assert [block.text[:6] for block in article.blocks] == [
        "松江区日前召",
        "会议指出，科",
        "会议强调，要",
    ]


def test_a_forum_thread_yields_its_first_post_with_poster_and_date() -> None:
    article = normalize_file(PAGES / "forum_thread.html")
    assert (article.title, article.author, article.published) == (
        "《清洁》：东方式内敛与摇滚现实绘",
        "眉间尺",
        "2005-05-17T22:11:42+08:00",
    )
    assert [block.text[:4] for block in article.blocks] == ["不得不承", "整部影片", "个人认为"]


def test_a_monthly_archive_yields_its_first_post() -> None:
    article = normalize_file(PAGES / "blog_monthly_archive.html")
    assert (article.title, article.published) == ("周末火锅与烧烤", "2005-06-13T15:00:14+08:00")
    assert [block.text[:4] for block in article.blocks] == ["周末和朋", "火锅那边"]


def test_a_forum_list_of_threads_is_no_article() -> None:
    with pytest.raises(SourceError, match="a listing of posts"):
        normalize_file(PAGES / "forum_thread_list.html")


def test_comment_entries_are_told_by_their_marks() -> None:
    assert all(
        map(
            is_comment_entry,
            [
                "lr9111[219.130.79.*] 认为：",
                "微软小冰[网易北京手机网友]2019-05-17 20:33:49",
                "#1 小鳳於 2013/12/28 10:28",
                "藍天的家於 2014/01/01 20:31 回覆",
                "# re: 很高兴入住博客堂 2004-12-27 12:46 flyingbirds",
                "引用 投诉 支持 (2) 2004-12-13 09:02:13",
            ],
        )
    )
    assert not is_comment_entry("会议强调，要坚持项目为王，抓好重大项目落地。")


def test_a_thread_notice_that_someone_replied_ends_the_first_post() -> None:
    found = texts("flarum_reply_notices.html")
    assert any(text.startswith("问题描述") for text in found)
    assert not any("回复了此帖" in text or "插件可以实现" in text for text in found)


def test_a_time_gap_between_posts_ends_the_first_post_with_its_address_lines_kept() -> None:
    # 文档：https://… once weighed as navigation and lost the first post to the reply.
    found = texts("flarum_first_post_links.html")
    assert found[:2] == ["介绍", "国内做社区需要严格控制用户内容"]
    assert found[2].startswith("本项目在过滤插件的基础上修改")
    assert "支持以下内容标签检测：" in found
    assert not any("19 天后" in text or "自定义服务" in text for text in found)


def test_an_accepted_answer_s_posting_row_ends_the_question() -> None:
    found = texts("answer_accepted_row.html")
    assert found[-1].startswith("想问问各位大佬")
    assert not any("被采纳" in text or "参考现在已有的功能" in text for text in found)


def test_a_recommendation_box_ends_the_text_and_the_byline_under_it_still_counts() -> None:
    article = normalize_file(PAGES / "portal_box_after_text.html")
    assert [block.text[:4] for block in article.blocks] == ["记者获悉", "根据新举", "在资金方"]
    assert article.author == "王明"


def test_a_reply_headed_by_its_floor_and_time_ends_a_one_line_first_post() -> None:
    assert texts("forum_points_badge_reply_headers.html") == [
        "在现在的公司做了三年开发，最近拿到一个新机会，想先和领导谈谈再决定，大家觉得这样合适吗？"
    ]


def test_a_thread_s_points_badge_is_no_part_of_its_headline() -> None:
    article = normalize_file(PAGES / "forum_points_badge_reply_headers.html")
    assert article.title == "换工作前要不要先和领导谈谈？"


def test_a_poster_s_name_over_the_counters_of_his_box_is_the_author() -> None:
    article = normalize_file(PAGES / "forum_points_badge_reply_headers.html")
    assert article.author == "xiaolin_dev"


def test_a_first_post_s_posting_row_far_under_the_headline_dates_it_not_a_sign_up() -> None:
    article = normalize_file(PAGES / "forum_event_post_signups.html")
    assert article.published == "2014-06-25T09:34:27+08:00"


def test_the_notice_of_a_talk_s_next_session_ends_its_transcript() -> None:
    assert texts("news_club_invitation_next_session.html")[-1].startswith("后来我们补上了服务注册")


def test_an_event_post_s_list_of_sign_ups_is_not_the_post() -> None:
    assert texts("forum_event_post_signups.html")[-1].startswith("课后会在本帖附上课件和源码")


def test_a_related_reading_box_under_a_roundup_s_first_paragraph_does_not_end_it() -> None:
    found = texts("roundup_inline_related_box.html")
    assert found[0].startswith("本港抗疫產品缺貨")
    assert any(t.startswith("一家咖啡店表示") for t in found)
    assert found[-1].startswith("一家甜品店表示")
    assert not any("產業鏈" in t for t in found)


def test_a_reference_list_closes_the_article_and_an_advertisement_after_it_is_not_text() -> None:
    found = texts("references_then_reading_group.html")
    assert found[-1].startswith("https://www.example.org/news/")
    assert not any("读书会" in t for t in found)


@pytest.mark.parametrize(
    "name",
    ["column_author_box_related_reading.html", "post_more_shares.html"],
)
def test_related_reading_you_may_like_and_more_shares_headings_end_the_text(name: str) -> None:
    found = texts(name)
    assert not any(t.startswith(("熱愛電影", "看更多", "久违的海边", "单工：")) for t in found)


def test_a_search_result_page_of_excerpts_cut_short_is_no_article() -> None:
    with pytest.raises(SourceError, match=r"a list of (?:excerpts|posts)"):
        normalize_file(PAGES / "search_result_excerpts.html")


@pytest.mark.parametrize("name", ["blog_posts_listing.html", "blog_archives_listing.html"])
def test_a_blog_s_listing_page_titled_posts_or_archives_is_no_article(name: str) -> None:
    with pytest.raises(SourceError, match="a listing page"):
        normalize_file(PAGES / name)


def test_a_blog_s_list_of_a_category_s_posts_marked_as_a_list_is_no_article() -> None:
    with pytest.raises(SourceError, match="a listing page"):
        normalize_file(PAGES / "blog_category_listing.html")
