"""Pages of small community sites: a memorial blog whose theme hides the post
until a script reveals it, and an alumni association's news page whose
template classes the writer's name as the author's.

The markup is trimmed from real saved pages; each names its origin.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from g60pub.errors import SourceError
from g60pub.normalize import normalize, normalize_file

PAGES = Path(__file__).parent / "data" / "pages"


def test_a_post_hidden_with_its_headline_until_a_script_reveals_it_is_the_text() -> None:
    article = normalize_file(PAGES / "vuepress_reco_hidden_post.html")
    assert article.title == "不喜吃鱼却又能做出美食和鲜味的外婆"
    assert article.published is not None and article.published.startswith("2020-04-16")
    assert article.author == "Zoomla!逐浪CMS发哥"
    texts = [block.text for block in article.blocks]
    assert texts[0] == "外婆是不太喜欢吃鱼的。"
    assert texts[-1] == "那是外婆留给我的甘甜品味"
    # The byline row, the theme's hidden "updated" footer and the music
    # player's box are no part of the text.
    assert not any("更新于" in t or "Zoomla" in t or "不离开我" in t for t in texts)


def _alumni_news(comments: str = "") -> bytes:
    # 文昌中学深圳校友会's static site (wczxsz/wczxsz.github.io, public/news/), trimmed.
    return (
        '<html><head><meta charset="utf-8"><title>文中深圳校友会</title></head><body>'
        '<nav><ul><li><a href="/">首页</a></li><li><a href="/news/">新闻动态</a></li>'
        '<li><a href="/culture/">校友文化</a></li></ul></nav>'
        '<section class="wz-article"><div class="container">'
        "<h2>首届文昌中学深圳校友会“双十一”活动成功举办</h2>"
        '<div class="lead"><span class="author">林雅文</span>'
        '<span class="date">2016-11-11</span></div>'
        "<p>2016年11月5日，文昌中学深圳校友会组织了搭伙过双11的单身校友相亲活动。"
        "经过前期充分准备，活动于11月5日上午在深圳湾婚庆公园如期举办。</p>"
        "<p>经过幽默的自我介绍环节热身后，活动开始进入欢快的双人运气球和比划猜词，"
        "亲密的合作，默契的配合，引来了校友们的阵阵掌声和欢笑。</p>"
        f"</div></section>{comments}</body></html>"
    ).encode()


def test_a_name_alone_in_a_box_classed_as_the_authors_in_the_dated_row_is_the_writer() -> None:
    article = normalize(_alumni_news())
    assert article.title == "首届文昌中学深圳校友会“双十一”活动成功举办"
    assert article.author == "林雅文"
    assert article.published is not None and article.published.startswith("2016-11-11")


def test_a_commenters_name_classed_as_an_author_names_no_writer() -> None:
    comments = (
        '<div class="comment-list"><div class="item"><span class="author">王小明</span>'
        '<span class="date">2016-11-12</span><p>好活动！</p></div></div>'
    )
    page = _alumni_news(comments).replace(
        b'<span class="author">\xe6\x9e\x97\xe9\x9b\x85\xe6\x96\x87</span>', b""
    )
    assert normalize(page).author is None


def _blog_index(posts: int) -> bytes:
    # 开源社's blog category page (kaiyuanshe/kaiyuanshe.github.io,
    # categories/Activity/Summit/index.html), trimmed: each card is a linked
    # headline over a row of its day, its poster and its tags, then an excerpt.
    cards = "".join(
        f'<li><h2><a class="blog-index-link" href="activity/summit/coscon-{2021 - n}/">'
        f"第{6 - n}届中国开源年会（COSCon'{21 - n}）精彩收官</a>"
        '<div class="blog-byline"><span class="blog-index-time">'
        f"{2021 - n}-11-10 21:01:00</span>"
        '<a class="author-link" href="https://github.com/cynbarby">cynbarby</a>'
        '<span><a class="badge" href="categories/Activity/">Activity</a>'
        '<a class="badge" href="categories/Activity/Summit/">Summit</a></span></div></h2>'
        "<section><p>由开源社举办的、业界最具影响力的开源年度盛会"
        f"{2021 - n} 中国开源年会已圆满落下帷幕！"
        "本次大会总计千余人次到场，在线图文直播量过万。</p></section></li>"
        for n in range(posts)
    )
    return (
        '<html><head><meta charset="utf-8"><title>开源社 博客</title></head><body>'
        '<div class="subtron"><h1>开源社 博客</h1>'
        '<p class="lead">所有来自 开源社 团队和社区的最新消息</p></div>'
        f'<section class="page-section"><ul class="posts-list blog-index">{cards}</ul></section>'
        "</body></html>"
    ).encode()


def test_cards_each_a_headline_over_its_day_poster_and_tags_and_an_excerpt_are_a_list() -> None:
    with pytest.raises(SourceError, match="a list of posts"):
        normalize(_blog_index(6))


def test_a_post_whose_row_opens_on_its_day_before_its_tags_is_no_list() -> None:
    article = normalize(_blog_index(1))
    assert article.title == "第6届中国开源年会（COSCon'21）精彩收官"
    assert article.blocks[0].text.startswith("由开源社举办的")
