"""The normaliser on notices posted as tables, channel pages and procurement notices
(one dated by its issuer in a box under its contacts).

Each page under tests/data/pages/ is trimmed from a real page whose origin its
opening comment names.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from g60pub.errors import SourceError
from g60pub.normalize import normalize, normalize_file
from g60pub.normalize.boilerplate import is_noise

PAGES = Path(__file__).parent / "data" / "pages"


def test_a_dated_notice_laid_out_as_a_table_is_the_article() -> None:
    # Numbered lines in the cells of a weekly schedule, and not one sentence:
    # under its headline and dateline the table is the notice, no list of titles.
    article = normalize_file(PAGES / "school_schedule_table.html")
    assert article.title == "2020学年第一学期第21周工作安排"
    assert (article.published or "").startswith("2021-01-11")
    texts = [block.text for block in article.blocks]
    assert texts[:3] == ["主要工作：", "1、学期教师考核", "2、学期结束工作"]
    assert "1、全校学生在校" in texts
    assert texts[-1] == "2号楼3楼大会议室"


def test_the_same_table_without_a_dateline_is_a_list() -> None:
    # An undated sheet of such cells (a results table) stays a list of titles.
    page = (PAGES / "school_schedule_table.html").read_text("utf-8")
    undated = re.sub(r'<div class="source">.*?</div>', "", page, flags=re.S)
    with pytest.raises(SourceError, match=r"a list of titles"):
        normalize(undated)


def test_a_table_header_of_labels_is_no_posting_row_under_a_name() -> None:
    # 浦江一中第19周菜单 over 日期 | 菜谱 | 原料及单克量 is a caption over the
    # table's header, not a poster's name over the row that dates a post.
    article = normalize_file(PAGES / "school_menu_table.html")
    assert article.author is None
    texts = [block.text for block in article.blocks]
    assert "蚝油肉片" in texts
    assert "鸡茸粟米羹 | 鸡肉糜5g,鸡蛋5g,粟米10g" in texts


def test_a_channel_list_and_its_pager_are_no_article() -> None:
    with pytest.raises(SourceError, match=r"no article found"):
        normalize_file(PAGES / "school_list_pager.html")


def test_a_pager_run_into_one_line_is_furniture() -> None:
    assert is_noise("共有3条当前第1/1页首页上一页下一页末页")
    assert is_noise("共有12条 当前第2/3页 首页 上一页 下一页 末页")
    assert not is_noise("共有3条意见")
    assert not is_noise("当前第一批试点共有12条线路")


def test_an_empty_source_label_before_the_print_button_names_no_source() -> None:
    article = normalize_file(PAGES / "gov_procurement_empty_source.html")
    assert article.source is None
    assert (article.published or "").startswith("2021-06-10")
    assert article.blocks[0].text.startswith("深圳市建星项目管理顾问有限公司受")


def test_an_issuers_day_in_a_box_under_the_notices_contacts_dates_it() -> None:
    # The notice's box ends with its contacts; 辽宁机电职业技术学院 / 2019-07-17
    # stand under it in a box of their own.
    article = normalize_file(PAGES / "procurement_notice_signed_below.html")
    assert article.title == "辽宁机电职业技术学院新生运动服采购成交公告"
    assert article.published == "2019-07-17"
