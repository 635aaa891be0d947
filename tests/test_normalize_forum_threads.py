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


def test_a_boards_notice_over_the_thread_is_no_first_post() -> None:
    # Discuz! 7: the board's notice, then the thread; floor 1's own header
    # (1楼 … 发表于) stands over the first post, floor 2's over the first reply.
    def post(floor: int, when: str, text: str) -> str:
        return (
            '<table><tr><td class="postauthor">张书记</td><td><div class="postinfo">'
            f"{floor}楼 大 中 小 发表于 {when}\xa0 只看该作者</div>"
            f'<div class="t_msgfont">{text}</div></td></tr></table>'
        )

    notice = (
        "<table><tr><td>发布新话题与讨论建议及审查说明</td></tr>"
        "<tr><td>欢迎发布有讨论和阅读价值的话题；不欢迎嘲弄宗教、种族、地缘、性取向等话题。</td></tr>"
        "<tr><td>推崇对话的守则：对话的目的是寻求真理，不是为了斗争；不做人身攻击。</td></tr></table>"
    )
    first = (
        "中新网10月20日电 据澳门日报报道，澳门特区政府即将提出基本法第23条的立法草案。<br>"
        "据悉，特区政府还将接着举行多场简报会、咨询会，广开渠道，充分听取社会各界的意见。<br>"
        "早在2002年下半年，澳门社会已就23条立法有过广泛讨论，但因一些外部因素而暂缓。"
    )
    page = (
        '<html><head><meta charset="utf-8"><title>新“二十三条”再现 - 1984bbs</title></head><body>'
        f'{notice}<div class="mainbox viewthread"><h1>新“二十三条”再现</h1>'
        f"{post(1, '2008-10-20 16:40', first)}"
        + "".join(
            post(n, f"2008-10-20 17:0{n}", "一国两制，即一个国家，两种制度，是当年提出的构想。" * 3)
            for n in (2, 3, 4)
        )
        + "</div></body></html>"
    ).encode()
    texts = [block.text for block in normalize(page).blocks]
    assert texts[0].startswith("中新网10月20日电") and "发布新话题与讨论建议及审查说明" not in texts
    assert not any("一国两制" in text for text in texts)
