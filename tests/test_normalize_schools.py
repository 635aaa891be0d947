"""The normaliser on a school's site and a portal's front page: a roster laid
out as a table under one sentence of notice, a 作者 field that repeats the
headline, item pages whose content the saved page does not hold, a box of
teasers, numbers an editor's program split over styled runs.

Each page under tests/data/pages/ is trimmed from a real page whose origin its
opening comment names.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from g60pub.errors import SourceError
from g60pub.normalize import normalize_file
from g60pub.normalize.boilerplate import is_noise
from g60pub.normalize.lines import walk
from g60pub.normalize.names import restates_title

PAGES = Path(__file__).parent / "data" / "pages"


def test_a_roster_table_is_the_article_not_its_one_row_of_sentences() -> None:
    # Dates, shifts, names and telephone numbers weigh nothing as text; the
    # roster's last row, one sentence of duties, outweighs them. The table is
    # the article, that row and its header row included.
    article = normalize_file(PAGES / "school_duty_roster_table.html")
    assert article.title == "绍兴一中2016年暑假教师值班安排表"
    assert (article.published or "").startswith("2016-07-11")
    texts = [block.text for block in article.blocks]
    assert len(texts) == 14
    assert texts[0] == "时间 | 姓名 | 电话号码"
    assert texts[1].split(" | ") == ["7.8", "上午8∶00-11∶00", "陈依", "17757556809"]
    assert "翁鹏飞" in texts[2]
    assert texts[-1].startswith("值班职责：请按时到岗")
    assert not any("上一篇" in text or "打印正文" in text for text in texts)


def test_an_author_field_holding_the_headline_names_no_one() -> None:
    article = normalize_file(PAGES / "school_author_is_headline.html")
    assert article.title == "绍兴市政协副主席、农工党绍兴市委会主委徐泳来我校慰问座谈"
    assert article.author is None
    assert article.blocks[0].text.startswith("4月22日上午")
    assert restates_title("市政协副主席 农工党主委来我校座谈", "市政协副主席农工党主委来我校座谈")
    assert not restates_title("徐泳", "徐泳")  # a name may be a headline (a profile's)
    assert not restates_title("王琛", "王琛校长来我校座谈")


@pytest.mark.parametrize("page", ["school_empty_item.html", "school_attachments_only.html"])
def test_an_item_page_without_its_content_is_no_article(page: str) -> None:
    # An empty content box under the headline (the top bar's 今天是 is all the
    # text left), or a box of two attachments' file names.
    with pytest.raises(SourceError, match="no article found"):
        normalize_file(PAGES / page)


def test_widget_labels_and_file_names_are_furniture() -> None:
    assert is_noise("今天是")
    assert is_noise("栏目搜索：")
    assert is_noise("1.12绍兴一中住校学生表现情况.xlsx")
    assert not is_noise("附件：2024年工作要点.docx")  # a notice's own line
    assert not is_noise("今天是个好日子")
    assert not is_noise("搜索引擎的原理")
    assert not is_noise("请下载附件中的 表格.xls，填写后交回。")


def test_a_front_pages_box_of_teasers_is_no_article() -> None:
    # 新浪's 国际观察: four one-line summaries, each closed by [详细].
    with pytest.raises(SourceError, match="a list of teasers"):
        normalize_file(PAGES / "portal_front_page_teasers.html")


def test_a_number_split_over_styled_runs_reads_as_one() -> None:
    # <span>6</span><span>6</span>: a browser shows 66; the row read 6 6 before.
    article = normalize_file(PAGES / "admission_results_split_runs.html")
    texts = [block.text for block in article.blocks]
    assert "66 | 段霆泽 | 107183413915258 | 学科教学（历史）" in texts
    assert texts[-1] == "2022.4.13"  # <span>2022.4.</span><span>13</span>


@pytest.mark.parametrize(
    ("fragment", "line"),
    [
        ("<p>1<b>2</b>3 and <span>Hello</span><span>World</span></p>", "123 and HelloWorld"),
        (
            "<p><span>Kayer</span><time>2024-10-29</time><time>2024-11-03</time></p>",
            "Kayer 2024-10-29 2024-11-03",
        ),
        (
            "<p><a>Home</a><a>News</a><span>2024</span><i></i><span>10</span></p>",
            "Home News 2024 10",
        ),
    ],
)
def test_styled_runs_join_and_fields_stay_apart(fragment: str, line: str) -> None:
    # Runs of styling join as shown; links, <time> fields and an empty icon
    # between two runs set Latin text and figures apart.
    lines = walk(html.fromstring(f"<html><body>{fragment}</body></html>"))
    assert [found.text for found in lines] == [line]
