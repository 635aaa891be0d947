"""The normaliser on picture sets and entertainment portals: a community's
picture set whose boxes are all named ``nav``, its picture counter after the
headline, its keyboard paging hint, and a byline row whose fields runs of
spaces set apart.

Each page under tests/data/pages/ is trimmed from a real page whose origin its
opening comment names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from g60pub.normalize import normalize_file
from g60pub.normalize.boilerplate import is_noise
from g60pub.normalize.headline import clean_title

PAGES = Path(__file__).parent / "data" / "pages"


def test_a_picture_sets_text_in_a_box_named_nav_is_the_article() -> None:
    # The box holds a paragraph and a fifth of the page: no menu does. Without
    # it the footer's notice was taken for the article.
    article = normalize_file(PAGES / "community_picture_set_nav_boxes.html")
    assert article.title == "城管“变形”记"
    texts = [block.text for block in article.blocks]
    assert len(texts) == 1
    assert texts[0].startswith("至今已成立15年的城管队伍")
    assert texts[0].endswith("中国城管，尚有很长一段路要走。")


def test_a_picture_counter_is_no_part_of_the_headline() -> None:
    assert clean_title("城管“变形”记 (1/5)") == "城管“变形”记"
    assert (
        clean_title("史上最爆笑抢镜图 名人也未能幸免（18/25）") == "史上最爆笑抢镜图 名人也未能幸免"
    )
    assert clean_title("月亮的100个故事（多图）") == "月亮的100个故事（多图）"


@pytest.mark.parametrize(
    "text",
    ["支持键盘翻页←左 右 →", "“← →” 可实现快速翻页", "支持用键盘 ← 或 → 翻页", "下载即可拥有！"],
)
def test_paging_hints_and_download_pitches_are_furniture(text: str) -> None:
    assert is_noise(text)


def test_a_byline_row_spaced_out_still_gives_the_date() -> None:
    # 中奢网  文章录入：Sara    责任编辑：Sara   2012-9-24 16:00:04    点击数：
    # is 67 characters with its spaces, 58 without their runs: a dateline row.
    article = normalize_file(PAGES / "fashion_spaced_byline_row.html")
    assert article.title == "5款巴宝莉经典男款风衣"
    assert (article.published or "").startswith("2012-09-24")
    assert article.author is None  # the person who entered the text, the editor
    assert article.blocks[1].text == "酒红色双排扣风衣"
