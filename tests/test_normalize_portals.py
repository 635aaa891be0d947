"""The normaliser on news portals' pages: a date split over boxes, a
translator's credit, a list heading of two words, licences in a footer,
search results.

Each page under tests/data/pages/ is trimmed from a real page whose origin its
opening comment names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from g60pub.errors import SourceError
from g60pub.normalize import normalize_file
from g60pub.normalize.boilerplate import is_list_marker, is_noise
from g60pub.normalize.dates import split_date
from g60pub.normalize.listing import is_search_page

PAGES = Path(__file__).parent / "data" / "pages"


def test_a_year_over_its_month_and_day_dates_the_article() -> None:
    # 2020 / 07/08 / 16:37 in three boxes beside the text, the headline inside
    # the article's box: the day is the year's box and the month-day box read together.
    article = normalize_file(PAGES / "news_year_over_month_day.html")
    assert article.title == "烧警车、闯议会、要求总统辞职，塞尔维亚宵禁引发十年最大规模抗议"
    assert (article.published or "").startswith("2020-07-08")
    assert article.author == "单珊"


def test_a_split_date_is_read_in_both_layouts() -> None:
    assert split_date("2020", "07/08") == "2020-07-08"
    assert split_date("2020年", "7月8日") == "2020-07-08"
    assert split_date("21", "2024年02月") == "2024-02-21"
    assert split_date("2020", "13/40") is None
    assert split_date("2020", "共8条") is None


def test_a_translators_credit_ends_the_writers_name() -> None:
    # 作者：Mahdhi Rezvi 译者：前端小智 来源：medium: 译者 is a label, not a name's end.
    article = normalize_file(PAGES / "blog_translator_credit.html")
    assert article.author == "Mahdhi Rezvi"
    assert article.source == "medium"
    texts = [block.text for block in article.blocks]
    assert texts[0].startswith("众所周知，JavaScript 一直在快速变化")
    assert "相关热门推荐" not in texts
    assert not any("30 个纯 HTML5" in text for text in texts)


def test_a_list_heading_of_two_qualifiers_is_a_list_heading() -> None:
    assert is_list_marker("相关热门推荐")
    assert is_list_marker("热门推荐")
    assert not is_list_marker("推荐热门景点的理由")


def test_a_footers_licences_are_furniture_and_a_home_page_no_article() -> None:
    assert is_noise("互联网新闻信息服务许可证：31120170006")
    assert is_noise("增值电信业务经营许可证：沪B2-2017116")
    assert not is_noise("企业凭营业执照和许可证办理")
    with pytest.raises(SourceError, match=r"no article found"):
        normalize_file(PAGES / "portal_home_licences.html")


def test_a_page_of_search_results_is_no_article() -> None:
    with pytest.raises(SourceError, match=r"search results: 新闻搜索_新浪搜索_新浪网"):
        normalize_file(PAGES / "search_results_page.html")


def test_a_search_page_is_told_by_a_part_of_its_title() -> None:
    assert is_search_page("哈佛和麻省理工起诉特朗普政府_百度搜索")
    assert is_search_page("高考的相关微信公众号文章 – 搜狗微信搜索")
    assert is_search_page("(3 条消息) 智能解析 - 搜索结果 - 知乎")
    assert not is_search_page("谈谈全文检索")
    assert not is_search_page("Elasticsearch 从入门到学会之七 | 阿呜的边城")
    assert not is_search_page("搜索引擎优化入门_某某博客")
    assert not is_search_page(None)
