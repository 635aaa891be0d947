"""The normaliser on a school's site and a testing blog: a roster laid out as
a table under one sentence of notice.

Each page under tests/data/pages/ is trimmed from a real page whose origin its
opening comment names.
"""

from __future__ import annotations

from pathlib import Path

from g60pub.normalize import normalize_file

PAGES = Path(__file__).parent / "data" / "pages"


def test_a_roster_table_is_the_article_not_its_one_row_of_sentences() -> None:
    # Dates, shifts, names and telephone numbers weigh nothing as text; the
    # roster's last row, one sentence of duties, outweighs them. The table is
    # the article, that row included.
    article = normalize_file(PAGES / "school_duty_roster_table.html")
    assert article.title == "绍兴一中2016年暑假教师值班安排表"
    assert (article.published or "").startswith("2016-07-11")
    texts = [block.text for block in article.blocks]
    assert len(texts) == 13
    assert texts[0].split(" | ") == ["7.8", "上午8∶00-11∶00", "陈依", "17757556809"]
    assert "翁鹏飞" in texts[1]
    assert texts[-1].startswith("值班职责：请按时到岗")
    assert not any("上一篇" in text or "打印正文" in text for text in texts)
