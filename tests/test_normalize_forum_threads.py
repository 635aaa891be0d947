"""The normaliser on forum threads whose first post is short: a Taiwanese
forum's floors (樓主, 2 樓, 3 樓) and an image board's posts, each headed by a
row of name, time, poster ID and post number. The replies hold more text
than the first post; the first post is the article all the same.

Each page under tests/data/pages/ is trimmed from a real page whose origin its
opening comment names.
"""

from __future__ import annotations

from pathlib import Path

from g60pub.normalize import normalize, normalize_file

PAGES = Path(__file__).parent / "data" / "pages"


def test_the_first_floor_of_a_thread_is_the_article_however_short() -> None:
    # A comment under the fourth floor outweighed the seven short lines of
    # the first post (樓主) and was taken for the article.
    article = normalize_file(PAGES / "forum_thread_floor_headers.html")
    texts = [block.text for block in article.blocks]
    assert "自介在小屋自己看" in texts
    assert texts[-1] == "-Poi"
    assert not any("崑山" in text or "遠百" in text for text in texts)
    assert article.published is not None
    assert article.published.startswith("2021-09-28")


def test_an_image_boards_one_line_opening_post_is_the_article() -> None:
    # The longest reply was taken for the article; the opening post's one
    # line, which the <title> repeats, was dropped as the headline.
    article = normalize_file(PAGES / "image_board_thread_one_line_post.html")
    assert article.title == "V真的能做到不在意訂閱嗎？"
    assert [block.text for block in article.blocks] == ["V真的能做到不在意訂閱嗎？"]
    assert article.published == "2021-12-03"


def test_a_floor_like_line_without_a_first_posts_header_is_text() -> None:
    # Without an opening poster's header above it, a line like 2 樓 會議室
    # is the article's own text, and the paragraphs after it stay.
    paragraph = "市政府今日召开新闻发布会，介绍今年以来城市更新工作的进展情况和下一步安排。"
    html = (
        "<html><head><meta charset='utf-8'><title>城市更新工作新闻发布会召开</title></head>"
        "<body><h1>城市更新工作新闻发布会召开</h1><div class='content'>"
        "<p>发布时间：2021-05-06</p><p>会议地点</p><p>2 樓 會議室</p>"
        + f"<p>{paragraph}</p>" * 4
        + "</div></body></html>"
    )
    article = normalize(html.encode("utf-8"))
    texts = [block.text for block in article.blocks]
    assert texts.count(paragraph) == 4
