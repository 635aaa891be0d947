"""The normaliser on Hong Kong's news sites of 2018–2021: a disclaimer in a
footer box whose name runs footer into a layout word (footerWrap_2014), a
column's list of teasers cut short (... 全文), a date over the writer's row
over the headline, an editor's （節錄） under an excerpt, credits set with a
vertical colon (記者︰), and the pitches for an app, a channel or a page
under the text.

Each page under tests/data/pages/ is trimmed from a real page whose origin its
opening comment names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from g60pub.errors import SourceError
from g60pub.normalize import normalize_file
from g60pub.normalize.boilerplate import is_noise
from g60pub.normalize.box_names import hint
from g60pub.normalize.byline import credit
from g60pub.normalize.dom import parse

PAGES = Path(__file__).parent / "data" / "pages"


def test_a_disclaimer_in_a_footer_box_named_footer_wrap_is_no_article() -> None:
    # The footer's investment disclaimer (id footerWrap_2014) outweighed the
    # two short paragraphs of the item, and was taken for it.
    article = normalize_file(PAGES / "hk_news_disclaimer_in_footer_wrap.html")
    texts = [block.text for block in article.blocks]
    assert texts[0].startswith("政府刊憲，行政長官委任林大輝")
    assert len(texts) == 2
    assert not any("投資意見" in text for text in texts)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ('id="footerWrap_2014"', -1),  # footer and a layout word: the footer
        ('class="footer_nav_container"', -1),
        ('class="printArea"', 0),  # the part of the page to print: the article
    ],
)
def test_a_furniture_word_with_only_layout_words_names_furniture(names: str, expected: int) -> None:
    root = parse(f"<html><body><div {names}>{'文字' * 150}</div></body></html>")
    box = root.find(".//div")
    assert box is not None
    assert hint(box) == expected


def test_a_columns_list_of_teasers_cut_short_is_no_article() -> None:
    # Each entry's teaser ends …的相 ... 全文: a column's list of pieces.
    with pytest.raises(SourceError, match="a list of teasers"):
        normalize_file(PAGES / "hk_column_list_of_teasers.html")


def test_a_date_over_the_writers_row_over_the_headline_is_the_date() -> None:
    article = normalize_file(PAGES / "hk_column_excerpt_date_over_writer.html")
    assert article.published == "2020-08-14"


def test_an_editors_excerpt_mark_is_no_author() -> None:
    # （節錄）: the excerpt's mark under a subscriber's piece, not a name.
    article = normalize_file(PAGES / "hk_column_excerpt_date_over_writer.html")
    assert article.author is None
    assert credit("（節錄）") is None
    assert credit("（王小明）") == "王小明"


def test_a_credit_with_a_vertical_colon_names_the_reporter() -> None:
    # The section's link (港聞) over the dated row was taken for a poster's name.
    article = normalize_file(PAGES / "hk_news_credit_vertical_colon.html")
    assert article.author == "脫芷晴"
    assert not any(block.text.startswith("記者") for block in article.blocks)


def test_pitches_for_an_app_and_a_channel_under_the_text_are_furniture() -> None:
    article = normalize_file(PAGES / "hk_news_app_pitches_under_text.html")
    texts = [block.text for block in article.blocks]
    assert texts[-1].startswith("她又指，如果涉事警員確診")
    assert not any("bit.ly" in text for text in texts)
    assert article.author == "陳子謙"


@pytest.mark.parametrize(
    "text",
    [
        "蘋果日報fb，每日分享精選新聞及網絡新鮮事。",
        "建立時間16:41",
        "更新時間17:24",
    ],
)
def test_a_pages_pitch_and_a_time_without_a_day_are_noise(text: str) -> None:
    assert is_noise(text)


def test_a_sentence_about_downloading_is_still_text() -> None:
    assert not is_noise(
        "市民可於網上下載申請表格，填妥後郵寄至運輸署，當局會在十四個工作天內回覆。"
    )
