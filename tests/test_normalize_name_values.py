"""Byline values that are not names as printed: a role or a label alone
(翻译, 来源), a dateline (澎湖縣28日電), a sidebar's heading (热点文章), a
wiki's contributors at large, a handle run into what its holder did
(ddos8919发布), a paper named before the reporter's role (《中国企业家》记者林涛),
an affiliation run into the name that follows it (武汉大学历史学院郭伦), an
outlet's credit for its own work (新浪汽车原创 王昊), a document's standing
in brackets under its heading (（试行）), and a name set alone and centred
under the headline, and a template's "name-source" field whose name was
left empty (发布人：-人民网天津视窗).

The values are the ones real saved pages put where a name goes.
"""

from __future__ import annotations

import pytest

from g60pub.normalize import normalize
from g60pub.normalize.byline import Byline, parse_byline
from g60pub.normalize.names import split_names


@pytest.mark.parametrize(
    "value",
    [
        "翻译",
        "来源",
        "网友整理",
        "澎湖縣28日電",
        "热点文章",
        "维基媒体项目贡献者",
        "推荐 热点文章",
        "-人民网天津视窗",
        "－大众日报",
    ],
)
def test_a_role_a_label_or_a_dateline_names_no_one(value: str) -> None:
    assert split_names(value) is None


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("ddos8919发布", "ddos8919"),
        ("《中国企业家》记者林涛", "林涛"),
        ("武汉大学历史学院郭伦", "郭伦"),
        ("中国国际经济交流中心世界经济研究部部长，“一带一路”研究部部长、研究员徐占忱", "徐占忱"),
    ],
)
def test_the_name_is_kept_without_what_surrounds_it(value: str, name: str) -> None:
    assert split_names(value) == name


@pytest.mark.parametrize("value", ["北京大学出版社", "某某学院院长", "王强"])
def test_a_unit_an_office_or_a_plain_name_is_left_as_it_is(value: str) -> None:
    assert split_names(value) == value


def _page(byline: str) -> bytes:
    paragraphs = (
        "甲骨文斥资74亿美元收购Sun的交易需要得到欧盟的批准，欧盟正在进行调查，评估这一交易是否会影响市场。",
        "俄罗斯反垄断机构发言人周五表示，甲骨文已经撤回了收购Sun的交易通知。这位发言人拒绝进一步置评。",
        "Sun本周宣布，年度股东大会将在12月17日召开。分析师说，这预示着交易批准至少要等到那个时候。",
    )
    return (
        '<html><head><meta charset="utf-8"><title>Sun股价持续回落</title></head><body>'
        f'<h1>Sun股价持续回落</h1><div class="info">2009-11-01 {byline}</div>'
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</body></html>"
    ).encode()


def test_a_papers_name_before_the_reporters_role_is_no_part_of_the_name() -> None:
    assert normalize(_page("作者：《中国企业家》记者林涛")).author == "林涛"


def test_a_dateline_in_the_writers_place_names_no_one() -> None:
    assert normalize(_page("作者：澎湖縣28日電")).author is None


def test_a_compilers_label_names_the_writer_and_a_songs_repeated_words_name_no_one() -> None:
    assert normalize(_page("整理：Bobo")).author == "Bobo"
    song = (
        '<html><head><meta charset="utf-8"><title>齐来崇拜</title></head><body>'
        "<h1>齐来崇拜</h1><p>齐来 一齐来</p><p>2019-03-02</p>"
        "<p>齐来崇拜，一同敬拜，我们的心向主歌唱，赞美主恩典永远长存，直到永远。</p>"
        "<p>主的慈爱永远长存，主的信实直到万代，我们要一同称颂主的名，欢欢喜喜歌唱。</p>"
        "</body></html>"
    ).encode()
    assert normalize(song).author is None


def test_an_outlets_original_work_credit_names_the_writer() -> None:
    # 新浪汽车原创 王昊 under the headline; a bare 原创 badge names no one.
    assert parse_byline("新浪汽车原创\u00a0王昊 2019-09-16 10:29") == Byline(
        "王昊", None, "2019-09-16T10:29:00+08:00"
    )
    byline = parse_byline("原创 张三 某某公众号 2020-01-01")
    assert byline is not None and byline.author is None


@pytest.mark.parametrize("value", ["（试行）", "（初中版）", "（征求意见稿）"])
def test_a_documents_standing_or_edition_in_brackets_names_no_one(value: str) -> None:
    assert parse_byline(value) is None
    assert parse_byline("（王小明）") == Byline("王小明", None, None)


def _essay(under: str) -> bytes:
    return (
        '<html><head><meta charset="utf-8"><title>怎样学佛-如说修行网上佛学院</title></head>'
        '<body><p><a href="/">净修院</a> <a href="/x">修学园地</a></p>'
        f'<h2 align="center">怎样学佛</h2>{under}'
        "<p>学佛就是修行，而且是如佛所说地修行。修行的目标，是了生死，度众生。</p>"
        "<p>其修也，有从入之阶；其证也，有自得之实。循序渐进，方能有所成就。</p></body></html>"
    ).encode()


def test_a_name_set_alone_and_centred_under_the_headline_is_the_writer() -> None:
    article = normalize(_essay('<p align="center">智钰</p>'))
    assert article.author == "智钰"
    assert article.blocks[0].text.startswith("学佛就是修行")
    # A section's heading in the same place (four characters, bold) names no one.
    assert normalize(_essay("<p><b>先决条件</b></p>")).author is None
    assert normalize(_essay('<p align="center">前言</p>')).author is None


def test_a_poster_field_with_its_name_left_empty_before_the_source_names_no_one() -> None:
    # A procurement portal's news page (2011): 发布人：<name>-<source>, name empty.
    byline = parse_byline("发布时间：2011-03-23 发布人：-人民网天津视窗")
    assert byline is not None and byline.author is None
    assert byline.published is not None and byline.published.startswith("2011-03-23")
    assert split_names("张三-人民网") == "张三-人民网"  # a name before the hyphen is left alone
