"""Fan and hobby blogs' posts: a post that is mostly lists.

- A post of one paragraph over lists of titles under month headings (a
  list of shows to watch) is the whole ``<article>``, though its dateline
  and word count above the paragraph weigh against it: nothing after the
  paragraph does.
- A paragraph over a box of related links stays alone: the links weigh
  against the ``<article>`` around both.
- A tag page of post cards, each a linked headline over its day alone and
  an excerpt, is a list of posts, no article.
- A post's own banner (a couplet, a tagline) over the row of its day, its
  category and its tag (2026-01-16 | 原创词作 | 水调歌头): the row is the
  template's, no text.
- A post of pictures only holds no article: its word count with its
  reading time, an empty word-count label and NexT's closing line
  (本文结束感谢您的阅读) are the theme's, not text; so is the heading of a
  theme's table of contents (文章目录), whose links are dropped.

The pages under tests/data/pages/ are trimmed from real pages whose origin
their opening comments name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from g60pub.errors import SourceError
from g60pub.normalize import normalize, normalize_file
from g60pub.normalize.boilerplate import is_noise

PAGES = Path(__file__).parent / "data" / "pages"


def test_a_post_of_lists_under_one_paragraph_keeps_its_lists() -> None:
    article = normalize_file(PAGES / "hexo_post_of_lists.html")
    texts = [block.text for block in article.blocks]
    assert (article.title, article.published) == ("追番备份", "2023-05-27")
    assert texts[:3] == [
        "还有一年就要高考了，在此做一个追番备份，等考完了再补",
        "2023年7月",
        "死神少爷与黑女仆第2期",
    ]
    assert texts[-4:] == ["想补的番", "赛马娘", "铁路浪漫谭", "妖幻三重奏"]
    assert not any("预计需要" in text for text in texts)


def test_a_paragraph_over_related_links_in_its_article_stays_alone() -> None:
    links = "".join(
        f'<li><a href="/p/{n}">相关文章第{n}篇的标题写在这里</a></li>' for n in range(6)
    )
    page = (
        '<html><head><meta charset="utf-8"><title>观后感</title></head><body><article>'
        "<h1>观后感</h1><a>2023年05月27日</a><a>约350字</a>"
        "<p>这部电影讲了一个关于成长的故事，节奏很慢，但每一个镜头都值得细细品味。</p>"
        f"<ul>{links}</ul></article></body></html>"
    )
    texts = [block.text for block in normalize(page.encode()).blocks]
    assert texts == ["这部电影讲了一个关于成长的故事，节奏很慢，但每一个镜头都值得细细品味。"]


@pytest.mark.parametrize(
    "line",
    [
        "本文字数： 3 阅读时长 ≈ 1 分钟",
        "约350字预计需要1分钟",
        "字数统计:",
        "-------------本文结束感谢您的阅读-------------",
        "9 字 1 分钟次",
        "文章目录",
    ],
)
def test_a_themes_counts_and_closing_line_are_furniture(line: str) -> None:
    assert is_noise(line)


def test_a_word_count_in_a_sentence_is_text() -> None:
    assert not is_noise("本文字数不多，约350字，预计需要1分钟就能读完。")


def test_a_post_of_pictures_only_holds_no_article() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>图 | EE</title></head><body>'
        '<article class="post"><h1 class="post-title">图</h1>'
        '<div class="post-meta"><time>2023-09-17</time> 本文字数： 3 阅读时长 ≈ 1 分钟</div>'
        '<div class="post-body"><h4>图片：</h4><p><img src="/a.jpg"></p><p><img src="/b.jpg"></p>'
        "<div>-------------本文结束感谢您的阅读-------------</div></div></article></body></html>"
    )
    with pytest.raises(SourceError):
        normalize(page.encode())


def test_a_tag_page_of_cards_with_their_days_alone_holds_no_article() -> None:
    with pytest.raises(SourceError, match="a list of posts"):
        normalize_file(PAGES / "hexo_tag_page_excerpts.html")


def test_a_dated_row_under_a_posts_banner_is_no_text() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>水调歌头·问月 | 诗园</title></head><body>'
        "<article><h1>水调歌头·问月</h1><time>2026-01-16</time>"
        '<div style="text-align: center"><p>云薄浮月明，风软织清寒。</p>'
        "<h3>举杯邀清影，相对两萧然</h3>"
        "<h4>宋词 · 月夜之思</h4><h4>2026-01-16 | 原创词作 | 水调歌头</h4></div>"
        "<p>冬夜清寒，月明如洗。云薄风软，星河欲曙。忽闻远处笛声，吹落星子阶前。</p>"
        "<p>明月几时有？把酒问青天。不知天上宫阙，今夕是何年。</p></article></body></html>"
    )
    texts = [block.text for block in normalize(page.encode()).blocks]
    assert "2026-01-16 | 原创词作 | 水调歌头" not in texts
    assert texts[-1] == "明月几时有？把酒问青天。不知天上宫阙，今夕是何年。"
