"""Site furniture around an article on portals, self-media platforms and Q&A sites.

Reading widgets, platform disclaimers, comment boxes, feeds of other stories,
fields left empty under the text, a post's like bar (19人点赞), a comment
box's count of replies (19人跟贴 140人参与), a tick box's words (我已阅知) and
the counts of the teasers under it, video players, pagers and notices are
never article text. Pages under tests/data/pages/ are written by this
project, modelled on real layouts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from g60pub.errors import SourceError
from g60pub.normalize import normalize, normalize_file
from g60pub.normalize.around import restates_date
from g60pub.normalize.boilerplate import is_feed_heading, is_noise

PAGES = Path(__file__).parent / "data" / "pages"


def _texts(name: str) -> list[str]:
    return [block.text for block in normalize_file(PAGES / name).blocks]


def test_reading_widgets_platform_disclaimer_and_comments_around_a_post_are_dropped() -> None:
    texts = _texts("self_media_post.html")
    assert [t[:4] for t in texts] == ["老街拐角", "来修表的", "这两年来"]


def test_post_date_under_its_headline_is_read_and_the_writers_region_is_no_paragraph() -> None:
    article = normalize_file(PAGES / "self_media_post.html")
    assert article.published == "2024-05-08T23:23:00+08:00"
    assert not any("来自" in block.text for block in article.blocks)


def test_feed_of_other_stories_after_a_one_paragraph_story_is_not_the_article() -> None:
    texts = _texts("feed_after_story.html")
    assert len(texts) == 1 and texts[0].startswith("本月的企業調查顯示")


def test_video_player_controls_and_messages_are_no_paragraphs() -> None:
    assert [t[:5] for t in _texts("video_player_chrome.html")] == ["电影网讯以"]


def test_pager_and_related_photo_teasers_end_the_article() -> None:
    texts = _texts("pager_and_related_photos.html")
    assert [t[:4] for t in texts] == ["据媒体5", "方案由谈", "此前各方"]


def test_question_page_yields_its_first_answer_without_the_rating_rows() -> None:
    article = normalize_file(PAGES / "question_answers.html")
    assert article.title == "地震预警能提前多久？"
    assert [b.text[:6] for b in article.blocks] == ["地震预警并不", "离震中越远，"]


def test_note_of_short_steps_without_a_sentence_is_still_an_article() -> None:
    texts = _texts("short_steps_note.html")
    assert texts[0] == "前言" and texts[-1] == "npm i aaa.js bbb.js"
    assert not any("粉丝" in t for t in texts)


def test_download_links_licence_notices_and_a_mailing_list_box_are_no_paragraphs() -> None:
    assert [t[:4] for t in _texts("blog_notices.html")] == ["飞机能在", "另外两个"]


def test_article_inside_a_breadcrumb_left_unclosed_is_found() -> None:
    texts = _texts("unclosed_breadcrumb.html")
    assert texts[0] == "风急天高猿啸哀，渚清沙白鸟飞回。" and texts[-1].startswith("诗人漂泊多年")


def test_english_datelines_date_the_post_and_end_it_where_a_comment_begins() -> None:
    article = normalize_file(PAGES / "english_dateline_comments.html")
    assert article.published == "2005-09-10T10:56:00+08:00"
    assert [b.text[:6] for b in article.blocks] == ["只要有一台电", "它和写博客很"]


def test_journal_table_of_contents_is_no_article() -> None:
    with pytest.raises(SourceError, match="a list of titles"):
        normalize_file(PAGES / "journal_contents.html")


def test_one_line_post_is_the_article_not_the_longer_replies_under_it() -> None:
    article = normalize_file(PAGES / "micro_post_replies.html")
    assert [b.text for b in article.blocks] == ["发现个端到端加密的聊天和文件共享工具，挺有意思～"]
    assert article.published == "2023-07-06T23:12:00+08:00"


def test_next_story_loaded_below_with_its_own_headline_and_dateline_is_not_the_article() -> None:
    article = normalize_file(PAGES / "next_story_below.html")
    assert article.title == "官员回应直升机事故"
    assert [b.text[:6] for b in article.blocks] == ["据媒体报道，"]


def test_moment_behind_a_relative_time_dates_the_post_not_a_recommended_articles_date() -> None:
    article = normalize_file(PAGES / "blog_timeago_date.html")
    assert article.published == "2023-05-28T10:28:25+08:00"
    assert [b.text[:6] for b in article.blocks] == ["每次打开别人", "先全局安装检"]


def test_a_tag_row_and_a_tip_jar_under_an_answer_are_dropped() -> None:
    found = _texts("tag_row_tip_jar.html")
    assert found[-1] == "综上，就是这次地震震感范围很广的原因。"
    assert not any("关键字" in text or "赞赏" in text for text in found)


def test_a_forum_poster_s_name_over_the_posting_row_is_the_author_and_no_paragraph() -> None:
    article = normalize_file(PAGES / "bbs_poster_name.html")
    assert article.author == "知产小傅"
    assert [block.text[:4] for block in article.blocks] == ["大家还记", "今年，直"]


def test_an_app_store_pitch_under_the_text_is_no_paragraph() -> None:
    texts = _texts("furniture_pitch_counters.html")
    assert len(texts) == 3 and not any("App" in text for text in texts)


def test_a_forum_poster_s_counters_under_the_first_post_are_no_paragraph() -> None:
    texts = _texts("forum_poster_counters.html")
    assert [t[:4] for t in texts] == ["先介绍一", "我出生在", "现在说起"]


def test_a_date_view_count_and_reading_time_row_is_no_paragraph() -> None:
    texts = _texts("blog_reading_time_row.html")
    assert [t[:4] for t in texts] == ["在我刚看", "后来偶然", "一口气写"]


def test_a_news_site_s_widgets_newsletter_box_and_notices_are_no_paragraphs() -> None:
    texts = _texts("tw_news_widgets.html")
    assert [t[:4] for t in texts] == ["颱風外圍", "氣象單位", "地方政府"]


def test_the_hotline_notice_under_a_story_of_suicide_is_no_paragraph() -> None:
    texts = _texts("tw_news_hotline_notice.html")
    assert [t[:4] for t in texts] == ["台中市今", "大樓保全", "警方表示"]


def test_an_age_gate_over_the_story_and_a_paywall_notice_under_it_are_no_article() -> None:
    article = normalize_file(PAGES / "tw_news_age_gate.html")
    assert [block.text[:6] for block in article.blocks] == ["（某某社記者"]
    assert article.published is not None and article.published.startswith("2016-03-19")


def test_a_column_s_tag_line_mailbox_and_no_reprint_notice_are_no_paragraphs() -> None:
    texts = _texts("column_tag_line.html")
    assert [t[:4] for t in texts] == ["老城区的", "茶馆老板", "也有人把"]


def test_a_serial_s_link_to_more_and_a_blog_s_related_posts_heading_are_no_paragraphs() -> None:
    texts = _texts("blog_serial_link_related_posts.html")
    assert [t[:4] for t in texts] == ["十年前开", "如今书店", "店主说，"]


def test_a_site_s_invitation_to_its_chat_group_is_no_paragraph() -> None:
    assert not any("微信群" in text for text in _texts("news_club_invitation_next_session.html"))


def test_a_community_s_subscription_lines_a_platform_s_badge_and_disclaimer_are_dropped() -> None:
    found = _texts("digest_subscription_badge.html")
    assert [t[:4] for t in found] == ["跨平台的", "一款用这"]


def test_a_call_to_like_the_paper_s_facebook_page_is_no_paragraph() -> None:
    assert [t[:3] for t in _texts("news_facebook_call.html")] == ["金管局", "金管局"]


def test_an_empty_timeago_span_dates_the_article_by_its_title() -> None:
    article = normalize_file(PAGES / "empty_timeago_span.html")
    assert article.published == "2015-07-30T03:00:00+08:00"


def test_the_tag_line_in_a_column_writer_s_info_box_is_no_paragraph() -> None:
    assert "天地大观，志存高远" not in _texts("column_writer_badge.html")


def test_a_platform_s_note_over_a_contributed_post_ending_with_its_disclaimer_is_dropped() -> None:
    assert [t[:4] for t in _texts("platform_note_over_post.html")] == ["在游泳时", "本文将用"]


def test_a_site_s_promotion_lines_after_a_post_go_on_under_their_lead_mark() -> None:
    assert not any(t.startswith(">") for t in _texts("platform_note_over_post.html"))


def test_a_related_question_s_answer_and_an_answer_s_labels_are_not_the_chosen_answer() -> None:
    texts = _texts("qa_related_answer_after_chosen.html")
    assert [t[:6] for t in texts] == ["四面山、缙云", "彭水的阿依河", "谢谢了"]


def test_a_popular_stories_box_inside_the_text_s_container_is_not_the_article() -> None:
    texts = _texts("news_hot_reads_box.html")
    assert [t[:4] for t in texts] == ["藝人吳宗", "針對吳宗", "王婉諭呼"]


def test_a_notice_box_restating_the_posts_day_over_the_text_is_dropped_with_its_title() -> None:
    texts = _texts("blog_outdated_post_notice.html")
    assert texts[0].startswith("今天试着翻译")
    assert not any("本文最后更新于" in text or text == "警告" for text in texts)


def test_a_short_post_without_a_sentence_keeps_its_lines_not_its_meta_row_or_licence() -> None:
    article = normalize_file(PAGES / "blog_captions_meta_row_licence.html")
    assert (article.published or "").startswith("2021-02-18")
    assert [block.text for block in article.blocks] == [
        "预期效果",
        "错误效果",
        "错误原因-原先设置的60%透明度变为了1%",
        "将透明度设置为0.6解决问题",
    ]


def test_a_writers_dated_opening_sentence_is_text() -> None:
    # 2021年10月19日 in words opens a sentence; only a template's machine date
    # (2021-10-19) among a few labels is a row.
    assert not restates_date("2021年10月19日，市政府召开常务会议。", "2021-10-19")
    assert restates_date("Created 2021-02-18|Updated 2021-02-18|study", "2021-02-18")


def test_a_line_under_the_text_in_which_the_site_names_itself_is_furniture() -> None:
    texts = _texts("portal_site_disclaimer_under_text.html")
    assert texts[-1] == "发布会上，于田县农业农村局与多家企业达成战略合作，现场进行签约。"
    assert len(texts) == 3


def test_a_content_site_s_sign_off_and_its_welcome_banner_are_furniture() -> None:
    article = normalize_file(PAGES / "exam_portal_signoff_and_welcome.html")
    texts = [block.text for block in article.blocks]
    assert texts[0].startswith("越秀区自考2019年4月")
    assert texts[-1] == "注：具体报名时间以广东省教育考试院为准"


def test_a_welcome_to_the_site_is_furniture_but_a_welcome_to_a_city_is_text() -> None:
    assert is_noise("您好，欢迎来到中国高速公路网—21世纪公路网！")
    assert not is_noise("欢迎来到厦门！鼓浪屿的清晨，游人还不多。")


@pytest.mark.parametrize("line", ["登录后获取已订阅的阅读权限", "收录于合集"])
def test_a_paywalls_prompt_and_a_series_label_are_furniture(line: str) -> None:
    assert is_noise(line)


def test_the_text_a_platform_recognised_in_a_picture_is_no_paragraph() -> None:
    texts = _texts("doc_image_ocr_layer.html")
    assert [t[:4] for t in texts] == ["一句话：", "书里用三", "第一步是", "第二步是"]


def test_a_button_inside_the_article_box_is_furniture() -> None:
    # A company card set into the text, with its 我要联系 button (class contact-btn).
    article = normalize_file(PAGES / "news_project_card_button.html")
    assert "我要联系" not in [block.text for block in article.blocks]
    assert article.blocks[-1].text.startswith("业内人士认为")


def test_a_front_page_is_no_article() -> None:
    with pytest.raises(SourceError, match="front page"):
        normalize_file(PAGES / "front_page_teasers.html")


def test_an_old_site_titling_every_page_home_still_has_its_articles() -> None:
    article = normalize_file(PAGES / "old_site_home_title_article.html")
    assert article.title == "自由软件协会成立大会在京召开"


@pytest.mark.parametrize(
    "line",
    [
        "加载全部内容",  # a button for the rest of a long post
        "（第 1/2 页，本章未完，请翻页）",  # a novel site's pager note
        "（微信扫描分享）",
        "需要了解更多服务热线办理相关问题，请点击查看帮助中心相关文章。",
    ],
)
def test_load_more_buttons_pager_notes_share_prompts_and_help_pitches_are_furniture(
    line: str,
) -> None:
    assert is_noise(line)


def test_a_sentence_wanting_to_know_more_is_text() -> None:
    assert not is_noise("我们需要了解更多的情况，才能作出判断。")


def test_a_consent_box_round_an_embedded_post_is_furniture() -> None:
    # The box's labels and prompts go; the text on both sides of it stays.
    article = normalize_file(PAGES / "news_embed_consent_box.html")
    texts = [block.text for block in article.blocks]
    assert texts[0].startswith("一家位于松江的机器人企业")
    assert texts[-1].startswith("业内人士认为")
    assert not any(t.startswith(("允许", "告知", "结尾", "跳过")) for t in texts)
    assert is_noise("Skip YouTube post, 1") and is_noise("End of Instagram post")
    assert is_noise("还没有人送礼物，鼓励一下作者吧")
    assert not is_noise("允许我们在此发表意见") and not is_noise("End of story")


def test_an_article_a_script_reveals_under_the_pages_headline_is_read() -> None:
    # A paper's e-edition hides the article until a script shows it; what
    # the page shows is its comment box and a list of issues.
    article = normalize_file(PAGES / "epaper_hidden_article.html")
    assert article.title == "长三角九城市共建科技成果转化平台"
    assert [b.text[:6] for b in article.blocks] == ["【本报讯】九", "平台将首先开"]


def test_a_hidden_headline_without_text_under_it_is_still_no_article() -> None:
    with pytest.raises(SourceError, match="no article found"):
        normalize_file(PAGES / "hidden_headline_no_text.html")


@pytest.mark.parametrize(
    "line",
    [
        "播放：270540",  # a video's play counter
        "> 相关专题：",  # the heading of links to a portal's topic pages
        "觉得有用的话，点赞 👍 / 在看 👀 / 转发 🫱 / 评论 📣",  # a WeChat post's prompts
        "星标 ⭐ 一下，下次更新不迷路",
        "新浪声明：此消息系转载自新浪合作媒体，新浪网登载此文出于传递更多信息之目的，并不意味着赞同其观点或证实其描述。",
        "如果我们使用了您的图片，请与我们联系索取稿酬，如您不希望作品出现在本站，可联系我们要求撤下您的作品。感谢！",
    ],
)
def test_play_counters_topic_links_and_a_sites_note_on_its_pictures_are_furniture(
    line: str,
) -> None:
    assert is_noise(line)


def test_a_sentence_about_playing_or_using_pictures_is_text() -> None:
    assert not is_noise("视频在网上播放后，旅游局成立专门调查组。")
    assert not is_noise("我们使用了无人机拍摄的图片来记录工程进度。")


def test_a_question_pages_first_answer_is_credited_to_its_microdata_author() -> None:
    # Each answer is an item naming its author; the first answer is the article.
    assert normalize_file(PAGES / "qa_answers_microdata.html").author == "松江小陈"


def test_a_blog_posts_microdata_author_is_its_own_not_a_commenters() -> None:
    assert normalize_file(PAGES / "blog_post_microdata_comments.html").author == "林间"


def test_a_field_row_over_the_text_is_no_headline() -> None:
    # 发布日期： | 2023-04-18 just above the text: its label is no title. (The
    # company's name under the post's <h1> can still be read as the headline.)
    title = normalize_file(PAGES / "posting_with_field_rows.html").title
    assert title in ("园区服务专员", "示例科技有限公司")


@pytest.mark.parametrize(
    "line",
    ["阅读时长: 5 分", "文章字数: 2.7k", "字数统计: 1.2k", "1279 Words 6 min", "1,234 words"],
)
def test_a_blog_themes_word_count_and_reading_time_are_furniture(line: str) -> None:
    assert is_noise(line)
    assert not is_noise("本文共有1279字，写了三天。")


def test_a_headings_id_is_its_texts_slug_not_a_furniture_box() -> None:
    # A post on graphics cards: its headings' ids start with navi- (the GPU's name).
    sections = "".join(
        f'<h2 id="navi-{n}">Navi {n} 系列显卡</h2>'
        f"<p>这一代显卡在黑苹果上可以免驱使用，第{n}节说明需要的补丁和设置步骤，以及常见问题。</p>"
        for n in (10, 20, 30)
    )
    page = (
        '<html><head><meta charset="utf-8"><title>AMD 显卡黑苹果</title></head><body>'
        f'<nav><a href="/">首页</a></nav><article><h1>AMD 显卡黑苹果</h1>{sections}</article>'
        "</body></html>"
    ).encode()
    texts = [block.text for block in normalize(page).blocks]
    assert "Navi 30 系列显卡" in texts and len(texts) == 6


@pytest.mark.parametrize(
    "line",
    [
        # A novel site's notes round a chapter.
        "章节错误，点此举报(免注册),举报后维护人员会在两分钟内校正章节内容，请耐心等待，并刷新页面。",
        "小提示：按回车[Enter]键返回书目，按 ←键返回上一页， 按 →键进入下一页。",
        "读全职高手，请记好我们的地址:www.siluke.tw",
        "手机站全新改版升级地址：http://m.xbiquge.la，数据和书签与电脑站同步，无广告清新阅读！",
        "作者求捧场月票",
        # A blog's plea for support, in Traditional script.
        "如果您覺得這篇文章有幫助，您可以贊助這個網站！ 此外也可以去全站留言板來留言喔！",
    ],
)
def test_a_sites_notes_and_pleas_round_a_text_are_furniture(line: str) -> None:
    assert is_noise(line)


def test_a_sentence_that_speaks_of_help_is_text() -> None:
    assert not is_noise("如果你觉得这个方法有用，可以在自己的项目里试一试，再根据结果调整参数。")


def test_a_headings_permalink_with_words_only_for_screen_readers_is_dropped() -> None:
    # A Hugo theme: each heading ends in a link to itself, an icon and
    # "链接到标题" ("link to heading") for screen readers.
    sections = "".join(
        f'<h2 id="s{n}">第{n}节<a class="heading-link" href="#s{n}">'
        '<i class="fa-solid fa-link" aria-hidden="true" title="链接到标题"></i>'
        '<span class="sr-only">链接到标题</span></a></h2>'
        f"<p>第{n}节讲古典概型：试验的结果有限，每个结果出现的可能性相同，于是可以数出概率。</p>"
        for n in (1, 2, 3)
    )
    page = (
        '<html><head><meta charset="utf-8"><title>古典概型 | 笔记</title></head><body>'
        f'<article><h1>古典概型</h1><div class="post-content">{sections}</div></article>'
        "</body></html>"
    ).encode()
    texts = [block.text for block in normalize(page).blocks]
    assert "第2节" in texts and not any("链接到标题" in text for text in texts)


@pytest.mark.parametrize(
    "line",
    [
        "建议使用1024*768分辨率浏览",
        "为了获得最佳浏览效果，建议使用IE8以上浏览器",
        "关注同花顺财经（ths518），获取更多机会",
    ],
)
def test_a_sites_browser_advice_and_call_to_follow_it_are_furniture(line: str) -> None:
    assert is_noise(line)


@pytest.mark.parametrize(
    "line",
    [
        "我们建议使用新版浏览器，这样能更快地打开网页，体验更好。",
        "关注民生，获取更多支持是我们的目标，因此我们一直在努力。",
    ],
)
def test_sentences_about_browsers_and_following_are_text(line: str) -> None:
    assert not is_noise(line)


@pytest.mark.parametrize(
    "label", ["原文链接：", "原文链接:", "联系人：", "附件下载：", "作者简介："]
)
def test_a_field_left_empty_under_the_text_is_dropped(label: str) -> None:
    paragraphs = (
        "为进一步做好学生资助工作，学校决定开展本年度奖学金评定工作，现将有关事项通知如下。",
        "各学院要高度重视，认真组织，严格按照评定条件和程序开展工作，确保评定结果公平公正。",
    )
    page = (
        '<html><head><meta charset="utf-8"><title>关于开展奖学金评定工作的通知</title></head>'
        '<body><h1>关于开展奖学金评定工作的通知</h1><div class="info">2023-05-12</div>'
        '<div class="content">'
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + f"<p>附件：评定名单</p><p>{label}</p></div></body></html>"
    ).encode()
    texts = [block.text for block in normalize(page).blocks]
    assert texts == [*paragraphs, "附件：评定名单"]


def test_a_posts_like_bar_ends_it_and_teasers_counts_are_furniture() -> None:
    paragraphs = (
        "该方法用于固定频率地对一个任务循环执行，我们通过一个例子来看看它的用法和执行的结果。",
        "在这个例子中，任务初始延迟1秒，任务执行3秒，任务执行间隔为1秒，结果与预期的一致。",
        "首先我们了解了它的基本作用，然后对其内部的实现原理和源代码做了初步的分析和总结。",
    )
    teasers = "".join(
        f"<div><p>正文我心血来潮检查老公的手机，却意外看到他的聊天记录第{n}条，心里一沉。</p>"
        f"<div>茶点故事阅读 {n}168评论 0赞 1</div></div>"
        for n in range(1, 12)
    )
    page = (
        '<html><head><meta charset="utf-8"><title>Java定时调度机制 - 简书</title></head><body>'
        "<div class='main'><h1>Java定时调度机制</h1><div>2019.01.19 23:55:38</div><article>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + f"</article><div>19人点赞</div><div>更多精彩内容，就在简书APP</div>{teasers}</div>"
        "</body></html>"
    ).encode()
    assert [block.text for block in normalize(page).blocks] == list(paragraphs)


def test_a_tutorial_sites_call_to_follow_its_account_is_furniture() -> None:
    assert is_noise(
        "关注公众号「站长严长生」，在手机上阅读所有教程，随时随地都能学习。"
        "本公众号由站长亲自运营，长期更新，坚持原创，专注于分享创业故事+编程技术。"
    )
    assert not is_noise("关注公众号的人越来越多，运营者开始重视内容的质量。")


def test_a_wordpress_share_boxs_heading_is_furniture() -> None:
    assert is_noise("Share this:")
    assert is_noise("Like this:")
    assert not is_noise("Share this: a note on what the text is about, for friends")


_STORY = (
    "据一亩田研究院监测，本月西瓜产地价格继续走低，主产区上市量明显增加，收购商压价情绪较浓。",
    "业内人士预计，随着北方产区陆续上市，下半月价格仍有下行空间，种植户应提前联系销路。",
)


def _story_texts(title: str, inside: str = "", after: str = "") -> list[str]:
    """The texts of a story page: ``inside`` ends the story's box, ``after`` follows it."""
    text = "".join(f"<p>{p}</p>" for p in _STORY)
    page = (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f"<h1>{title}</h1><div class='article'>{text}{inside}</div>{after}</body></html>"
    ).encode()
    return [block.text for block in normalize(page).blocks]


def test_a_comment_boxs_count_of_replies_ends_the_text() -> None:
    comments = (
        "<div class='news-comment'><p>19人跟贴 140人参与</p><p>登录并发贴</p>"
        "<p>网友甲：今年的西瓜价格比去年低了不少，种植户们都在想办法找销路。</p></div>"
    )
    assert _story_texts("西瓜半月评", after=comments) == list(_STORY)


def test_a_tick_box_and_its_words_under_the_text_are_furniture() -> None:
    box = (
        '<p class="text-right"><input type="checkbox" id="check"/>我已阅知&nbsp;&nbsp;'
        '<a href="javascript:showList();" class="btn">确定</a></p>'
    )
    assert _story_texts("受理信息公示的告知事项", inside=box) == list(_STORY)


@pytest.mark.parametrize("line", ["了解更多", "瞭解更多 >", "查看更多详情", "Learn more"])
def test_a_button_to_learn_more_is_furniture(line: str) -> None:
    assert is_noise(line)


def test_a_sentence_asking_readers_to_learn_more_is_text() -> None:
    assert not is_noise("想了解更多，请到展厅现场参观。")


@pytest.mark.parametrize(
    "line",
    [
        "部分文章和图片来源于网络，版权归原作者所有，如有侵权，请联系删除： qiang.zhang@boqii.com",
        "本文来源于网络，如有侵权请联系删除",
    ],
)
def test_a_sites_notice_on_what_it_copies_is_furniture(line: str) -> None:
    assert is_noise(line)


def test_a_long_run_of_digits_is_no_pager_and_is_read_at_once() -> None:
    # A forum post listing expired domains (666…666.cn): a pager's numbers
    # split every way would never finish matching.
    assert not is_noise("6" * 36 + ".cn")
    assert is_noise("首页 上一页 1 2 3 下一页 尾页")


def test_a_media_player_s_speeds_and_hint_are_furniture() -> None:
    player = (
        '<div class="player"><div class="speeds"><button data-r="0.75">0.75×</button>'
        '<button data-r="1">1.0×</button><span class="hint">▶ 念到哪句，哪句高亮</span>'
        "</div></div>"
    )
    assert _story_texts("西瓜半月评", inside=player) == list(_STORY)


def test_a_gallery_s_data_left_in_a_hidden_box_is_no_paragraph() -> None:
    # A Hexo Butterfly theme's gallery: its pictures as JSON for a script.
    data = (
        '<div class="gallery-container"><div class="gallery-data">'
        '[{"url":"https://i.imgur.com/qz0l3C1.png","alt":"雨中的背影"},'
        '{"url":"https://i.imgur.com/bmRHLsK.png","alt":"拉水線中"}]</div></div>'
    )
    assert _story_texts("西瓜半月评", inside=data) == list(_STORY)


def test_data_shown_as_code_stays_with_the_text() -> None:
    # A report's weights printed for the reader (<code>{"rti": 0.22, …}</code>).
    shown = '<h3>最终生产权重</h3><code>{"rti": 0.22, "flow": 0.22, "mtf": 0.1}</code>'
    assert '{"rti": 0.22, "flow": 0.22, "mtf": 0.1}' in _story_texts("西瓜半月评", inside=shown)


@pytest.mark.parametrize("line", ["About", "About us", "關於作者"])
def test_an_about_button_alone_is_furniture(line: str) -> None:
    assert is_noise(line)


def test_a_sentence_about_something_is_text() -> None:
    assert not is_noise("About the project: we map every park in the city.")


@pytest.mark.parametrize(
    "line",
    [
        "最后更新于 Aug 01, 2022 21:10 UTC",  # Hugo's Stack theme, under the post
        "最后修改于 2021-3-4 12:00:01",
        "This site uses cookies. By continuing to use this website, you agree to their use.",
    ],
)
def test_a_last_changed_line_and_a_cookie_notice_are_furniture(line: str) -> None:
    assert is_noise(line)


def test_a_sentence_on_what_was_changed_last_is_text() -> None:
    assert not is_noise("最后更新于昨天，我们发现了问题所在")


@pytest.mark.parametrize(
    "line",
    [
        "感谢您的阅读，本文由凹凸实验室版权所有。如若转载，请注明出处：凹凸实验室（https://aotu.io/notes/x/）",
        "如需转载请联系作者",
    ],
)
def test_a_team_blog_s_reprint_notice_is_furniture(line: str) -> None:
    assert is_noise(line)


def test_a_sentence_about_reposting_is_text() -> None:
    assert not is_noise("他说如果转载这条消息，就会有人注意到村里的困难。")


@pytest.mark.parametrize("heading", ["猜您还喜欢", "猜你也喜欢"])
def test_a_theme_s_you_may_also_like_heading_opens_a_feed(heading: str) -> None:
    # Jekyll's Minimal Mistakes: <h2 class="page__related-title">猜您还喜欢</h2>.
    assert is_feed_heading(heading)


def test_a_heading_over_a_box_of_furniture_under_the_text_is_dropped_with_it() -> None:
    # A Jekyll blog's 文档信息 box: the writer, the permalink and the licence.
    box = (
        '<div class="info"><h3>文档信息</h3><ul><li>本文作者：<a href="/">Qinghao Lin</a></li>'
        '<li>本文链接：<a href="/2018/01/06/x/">https://inforest.site/2018/01/06/x/</a></li>'
        '<li>采用<a href="http://creativecommons.org/licenses/by-nc-nd/4.0/deed.zh">'
        "《署名-非商业性使用-禁止演绎 4.0 国际》许可协议</a></li></ul></div>"
    )
    assert _story_texts("西瓜半月评", inside=box) == list(_STORY)


@pytest.mark.parametrize(
    "line",
    [
        "Your browser is out-of-date!",
        "Update your browser to view this website correctly. Update my browser now",
        "您的浏览器版本过低，请升级后访问",
    ],
)
def test_a_banner_for_old_browsers_is_furniture(line: str) -> None:
    assert is_noise(line)
