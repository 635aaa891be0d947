"""The normaliser on Taiwan's and Hong Kong's news sites of 2013–2014: an
article inside a box of buttons (a share bar left open, a print box), the
font-size and forwarding widgets, a like pitch, a picture box's hint, and the
headings of the lists of other stories beside the text.

Each page under tests/data/pages/ is trimmed from a real page whose origin its
opening comment names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from g60pub.normalize import normalize_file
from g60pub.normalize.boilerplate import is_feed_heading, is_noise

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
