"""The normaliser on Taiwan's and Hong Kong's news sites of 2013–2014: an
article inside a box of buttons (a share bar left open, a print box), the
font-size and forwarding widgets, a like pitch, a picture box's hint, the
headings of the lists of other stories beside the text; a date glued to a
headline taken from the markup, month-first dates, a slogan, a site's name or
an empty headline in the markup's title, and desks read as reporters; credits
in brackets or set with a box-drawing slash (【聯合報╱本報記者古硯偉】), a meta
author listing the writer, the paper and the site, a discussion box showing
only its rules, and a headline over its subtitle in one <h1> with the day at
the end of the <title>.

Each page under tests/data/pages/ is trimmed from a real page whose origin its
opening comment names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from g60pub.errors import SourceError
from g60pub.normalize import normalize, normalize_file
from g60pub.normalize.boilerplate import is_feed_heading, is_noise
from g60pub.normalize.byline import parse_byline
from g60pub.normalize.dates import find_datetime

PAGES = Path(__file__).parent / "data" / "pages"


def test_an_article_inside_a_share_box_left_open_is_the_article() -> None:
    # The share bar's box was never closed: the text sits inside it. Without
    # the box, the teasers of other stories beside it were taken instead.
    article = normalize_file(PAGES / "news_text_in_share_box.html")
    texts = [block.text for block in article.blocks]
    assert len(texts) == 6
    assert texts[0].startswith("內湖有家包子店，開業3年來")
    assert texts[-1].endswith("（民視新聞陳韻平、郭文海台北報導）")
    assert not any(text.endswith("更多") for text in texts)


def test_an_article_inside_a_print_box_is_the_article() -> None:
    # <div id="print"> holds the headline, the dateline and the text.
    article = normalize_file(PAGES / "travel_item_in_print_box.html")
    texts = [block.text for block in article.blocks]
    assert texts[0].startswith("2014年10月份食尚玩家出訪南美")
    assert texts[3].startswith("為讓大家領略秘魯文化之美")
    assert (article.published or "").startswith("2014-12-02")


@pytest.mark.parametrize(
    "text",
    [
        "字級大小：",
        "轉寄 | 目前字級：",
        "點擊圖片可瀏覽相關圖片",
        "如果您喜歡我們的報導，請幫我們按個讚！",
    ],
)
def test_news_sites_widgets_and_pitches_are_furniture(text: str) -> None:
    assert is_noise(text)


def test_a_sentence_about_forwarding_is_text() -> None:
    assert not is_noise("轉寄給朋友的信裡說，他們明天就到。")


@pytest.mark.parametrize("text", ["※你可能還想看：", "其它生活新聞", "其他國際新聞"])
def test_headings_of_other_stories_open_a_feed(text: str) -> None:
    assert is_feed_heading(text)


def test_a_headline_about_other_news_is_no_feed_heading() -> None:
    assert not is_feed_heading("其它新聞台停播三天的原因")


def test_a_date_glued_to_a_headline_taken_from_the_markup_is_found() -> None:
    # The headline comes from og:title; its line on the page runs on into the
    # date (「良心包子」重視食安 虧損2年出頭天2014/12/1 18:13), four lines of
    # share buttons above the text.
    article = normalize_file(PAGES / "news_text_in_share_box.html")
    assert (article.published or "").startswith("2014-12-01T18:13")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("- 熱血編輯部  @ 11-22-2014 / 今日", "2014-11-22"),
        ("7/25/2005", "2005-07-25"),
        ("06-02-2022", "2022-02-06"),  # day first when both numbers may be a month
    ],
)
def test_a_date_whose_second_number_is_no_month_reads_month_first(text: str, day: str) -> None:
    assert find_datetime(text) == day


def test_a_slogan_in_the_title_gives_way_to_the_headline_over_the_text() -> None:
    # <title> and og:title hold the site's slogan, which shares almost nothing
    # with the text; the <h3> over the byline row is the headline.
    article = normalize_file(PAGES / "world_markets_slogan_title.html")
    assert article.title == "油價跌跌不休 重挫歐美股市"
    assert (article.published or "").startswith("2014-12-13T09:33")
    assert article.author is None  # 編譯中心 is a desk; 產生縮網址 a button


def test_a_site_name_in_the_title_gives_way_to_the_line_over_the_dateline() -> None:
    article = normalize_file(PAGES / "radio_news_site_name_title.html")
    assert article.title == "強烈大陸冷氣團明發威 愈晚愈冷"
    assert article.blocks[0].text.startswith("受強烈大陸冷氣團影響")


def test_an_og_title_with_an_empty_headline_is_no_title() -> None:
    article = normalize_file(PAGES / "tv_news_empty_og_title.html")
    assert article.title == "中風年輕化 劉泰英14歲孫子腦溢血"


@pytest.mark.parametrize("line", ["編輯推薦", "編譯中心 2014年12月13日 09:33 237 點擊數"])
def test_a_desk_or_a_lists_heading_names_no_author(line: str) -> None:
    byline = parse_byline(line)
    assert byline is None or byline.author is None


def test_a_reporter_named_after_a_role_is_still_the_author() -> None:
    byline = parse_byline("記者楊漢聲、趙蔡州／台東報導")
    assert byline is not None
    assert byline.author == "楊漢聲、趙蔡州"


def test_a_list_of_teasers_closed_by_a_link_in_traditional_script_is_no_article() -> None:
    # Each entry's teaser ends …叫人...(詳全文): a news site's list of the day.
    with pytest.raises(SourceError, match=r"a list of (?:teasers|posts)"):
        normalize_file(PAGES / "tv_news_list_of_teasers.html")


def test_a_credit_set_with_a_box_drawing_slash_names_the_reporter() -> None:
    # 【陳怡妏╱綜合外電報導】 opens the text; a discussion box under it shows
    # only its heading and its rules, which a script's comments would follow.
    article = normalize_file(PAGES / "tw_comment_box_rules.html")
    texts = [block.text for block in article.blocks]
    assert article.author == "陳怡妏"
    assert texts[-1].startswith("小泉會後表示")
    assert not any("討論" in text or "留言" in text for text in texts)


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("【聯合報╱本報記者古硯偉】 | 2014.09.22 10:29 am", "古硯偉"),
        ("【聯合報／本報記者古硯偉】", "古硯偉"),
        ("〔記者李欣芳／台北報導〕", "李欣芳"),
        # A related story's headline: 報導 runs on into a sentence, a verb.
        ("週刊報導林義雄以口進食 台大未證實", None),
        ("举报/反馈", None),  # buttons parted by a slash
    ],
)
def test_a_bracketed_credit_names_its_reporter_and_a_headline_names_no_one(
    line: str, author: str | None
) -> None:
    byline = parse_byline(line)
    assert (byline.author if byline else None) == author


def test_a_meta_author_listing_the_writer_the_paper_and_the_site_names_the_writer() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>白米換番薯 馬市府有內鬼？</title>'
        '<meta name="author" content="張立勳／特稿, 中國時報, 中時電子報"></head><body>'
        "<h1>白米換番薯 馬市府有內鬼？</h1><article>"
        "<p>一般人買賣房子，考量的因素，除目前房價，還會衡量當地未來發展，並評估交通便利、鄰近賣場或公園。</p>"
        "<p>銀行值不值錢，最重要的兩項指標是資產品質及賺錢能力，但馬市府在出售台北銀行，竟然未進行資產重估。</p>"
        "</article></body></html>"
    ).encode()
    assert normalize(page).author == "張立勳"


def test_a_list_of_other_stories_under_the_text_is_headed_so() -> None:
    assert is_feed_heading("看其他文章")
    assert not is_feed_heading("看其他文章的人也看了這篇報導，並認為值得一讀")


def test_a_headline_over_its_subtitle_is_the_part_the_title_names() -> None:
    # <h1>港男頂證同志富商非禮<br><br>被誘拍裸照  慫恿當男妓</h1>, and the <title>
    # names the headline alone after the site and column, then the day.
    article = normalize_file(PAGES / "hk_headline_over_subtitle.html")
    assert article.title == "港男頂證同志富商非禮"
    assert article.published == "2012-05-17"
    assert article.blocks[0].text.startswith("【明報專訊】")
