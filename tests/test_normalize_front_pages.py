"""Pages that hold several posts, and the posts' own rows: a blog's front page
yields its first post, under that post's headline; a theme's posting row that
lists categories between spaced commas is a posting row, not a sentence; a
day in an infobox's row (出生 | 1912年6月23日) is the subject's, not the page's,
and a wiki's infobox is no part of its text. An undated page of linked
headlines over their summaries is a front page, no article; so is an undated
page whose few lines of text stand among many times as much link text,
unless the <title> repeats its headline (a picture set's one caption); so is a
blog's list of posts, each a linked headline over a line or two and its
posting row (comments set the same way under a story leave the story), and a
news site's headlines each over its posting row and an excerpt, and a
front page's box of one story (a linked headline, a paragraph, 阅读全文>>).
The day a count is made as of (截止2017年08月11日) is no publication date.

Each page here is written by this project, modelled on the markup of a real
saved page (minimal, reproducing the structure that mattered).
"""

from __future__ import annotations

import pytest

from g60pub.errors import SourceError
from g60pub.normalize import normalize
from g60pub.normalize.byline import parse_byline, posting_row

_FIRST = (
    "<p>从最早在朋友家里看别人玩这个系列，到自己攒钱买了主机在寝室里玩，我终于在今年年初把它通关了，"
    "也拿到了这个平台上的第一个白金奖杯。</p>"
    "<p>前前后后五年间跟这个系列之间的故事自然也不少了，所以想在通关以后简单地写一写自己的评价。</p>"
)
_SECOND = (
    "<p>以下内容主要参考了一篇关于四元数的介绍，会记录一些阅读过程中遇到的结论性内容，"
    "系统的学习还是以原文档为主。</p>"
    "<p>与复数相乘代表着一个矩阵所作出的变换，将矩阵中的每一个元素都除以模长，可以得到一个旋转。</p>"
    "<p>从复平面观察可以得到模长与辐角的关系，原本的矩阵转换为了两个变换矩阵的复合。</p>"
)


def _row(day: str, categories: list[str]) -> str:
    # NexT: one element per item, the categories joined by a spaced full-width comma.
    links = (f'<a href="/c/"><span>{c}</span></a>' for c in categories)
    listed = "\n          ，\n        ".join(links)
    return (
        '<div class="post-meta"><span class="post-meta-item">'
        '<span class="post-meta-item-text">发表于</span> '
        f'<time datetime="{day}">{day}</time></span>'
        '<span class="post-meta-item"><span class="post-meta-item-text">更新于</span> '
        '<time>2022-05-17</time></span><span class="post-meta-item">'
        f'<span class="post-meta-item-text">分类于</span> {listed}</span>'
        '<span class="post-meta-item" title="本文字数">本文字数： 4.1k</span></div>'
    )


def _post(title: str, day: str, section: str, text: str, categories: list[str]) -> str:
    return (
        '<article class="post-content"><header class="post-header">'
        f'<h2 class="post-title"><a href="/p/{day}/" class="post-title-link">{title}</a></h2>'
        f"{_row(day, categories)}</header>"
        f'<div class="post-body"><h2 id="s">{section}</h2>{text}</div>'
        '<div class="post-button"><a href="/p/">阅读全文 »</a></div></article>'
    )


def _front_page() -> bytes:
    return (
        '<html><head><meta charset="utf-8"><title>ThreeGates</title></head><body>'
        '<header><h1 class="site-title">ThreeGates</h1><p>a gamedev blog</p>'
        '<ul><li><a href="/">首页</a></li><li><a href="/tags/">标签</a></li></ul></header>'
        '<main class="main-inner index posts-expand">'
        + _post("通关后简单地评价一下这款游戏", "2022-01-31", "写在前面", _FIRST, ["电玩", "游戏"])
        + _post("计算机图形学中的四元数", "2022-01-15", "复数", _SECOND, ["图形学", "变换"])
        + "</main></body></html>"
    ).encode()


def test_a_blog_front_page_yields_its_first_post_under_its_headline() -> None:
    article = normalize(_front_page())
    assert article.title == "通关后简单地评价一下这款游戏"
    assert article.published is not None and article.published.startswith("2022-01-31")
    texts = [b.text for b in article.blocks]
    assert any("第一个白金奖杯" in t for t in texts)
    assert not any("四元数" in t or "复平面" in t for t in texts)


def test_a_posting_row_listing_categories_between_spaced_commas_is_a_posting_row() -> None:
    assert posting_row("发表于 2022-01-15 更新于 2022-05-17 分类于 图形学 ， 坐标变换 ， 四元数")
    # A comma inside a clause is still a sentence (a paragraph naming a day).
    assert not posting_row("我们于2022-01-15发表了这篇文章，欢迎阅读")


def _entry(label: str) -> bytes:
    # A wiki entry saved without its classes: the infobox table over the lead.
    return (
        '<html><head><meta charset="utf-8"><title>艾伦·图灵 - 维基百科</title></head><body>'
        "<table><tbody><tr><th colspan=2>艾伦·图灵</th></tr>"
        f"<tr><th>{label}</th><td><span>(1912-06-23)</span>1912年6月23日<br>"
        '<a href="/wiki/伦敦">英国伦敦</a></td></tr>'
        "<tr><th>国籍</th><td>英国</td></tr><tr><th>母校</th><td>剑桥大学</td></tr></tbody></table>"
        "<p>艾伦·麦席森·图灵，英国计算机科学家、数学家、逻辑学家、密码分析学家和理论生物学家，"
        "他被誉为计算机科学与人工智能之父。</p>"
        "<p>第二次世界大战期间，他在破译截获的编码信息方面发挥了关键作用，帮助盟军赢得了战争。</p>"
        "</body></html>"
    ).encode()


def test_a_day_in_an_infobox_row_is_the_subjects_not_the_pages() -> None:
    assert normalize(_entry("出生")).published is None


def test_a_day_in_a_table_row_labelled_as_the_pages_date_is_its_date() -> None:
    published = normalize(_entry("发布日期")).published
    assert published is not None and published.startswith("1912-06-23")


def test_a_wiki_entrys_infobox_is_not_its_text() -> None:
    page = _entry("出生").replace(b"<table>", b'<table class="infobox vcard">')
    texts = [b.text for b in normalize(page).blocks]
    assert any("人工智能之父" in t for t in texts)
    assert not any("国籍" in t or "剑桥大学" in t for t in texts)


_SUMMARIES = [
    "如果投资者已经在担心汇率战，那么七大工业国平息市场担忧的做法可能会适得其反。",
    "研究游击战的漫长历史不仅有助于揭示该类战争众多扣人心弦却几近尘封的故事。",
    "面对实力较弱的竞争对手，日本将能够赢得汇率战，但代价是什么呢？目前还难说。",
    "除周二核试验外，最近一些小事还印证了这样一种新观点，值得各方认真对待。",
    "在全球大国中，坐视自己如此邻近的小国走上核武装之路是不可思议的事情。",
    "今年美国经济局势可以说不错，未来几年股市面临的一个更重要问题可能是利率。",
]


def _teasers(dated: bool) -> bytes:
    stories = "".join(
        f'<div class="story"><h3><a href="/s/{n}.html">评论第{n}篇</a></h3><p>{text}</p></div>'
        for n, text in enumerate(_SUMMARIES)
    )
    dateline = '<div class="time">2013年2月13日 08:00</div>' if dated else ""
    return (
        '<html><head><meta charset="utf-8"><title>华尔街日报</title></head><body>'
        f'<div class="opinion"><h2>观点</h2>{dateline}{stories}</div></body></html>'
    ).encode()


def test_a_front_pages_linked_headlines_over_summaries_make_no_article() -> None:
    with pytest.raises(SourceError, match="teasers"):
        normalize(_teasers(dated=False))


def test_a_dated_roundup_of_linked_items_is_an_article() -> None:
    texts = [b.text for b in normalize(_teasers(dated=True)).blocks]
    assert sum(t in _SUMMARIES for t in texts) == len(_SUMMARIES)


def _menus(count: int) -> str:
    links = "".join(
        f'<li><a href="/news/{n}.html">校园新闻标题第{n}条消息</a></li>' for n in range(count)
    )
    return f'<div class="news"><ul>{links}</ul></div>'


def test_a_few_lines_among_a_front_pages_many_links_are_no_article() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>某某大学校友会</title></head><body>'
        + _menus(60)
        + '<div class="motto"><h3>校友寄语</h3><p>捐赠略表薄意，望宏志学子刻苦攻读，报效祖国。</p>'
        "<p>--1965届无线通讯系钟梅中学长</p></div>" + _menus(40) + "</body></html>"
    ).encode()
    with pytest.raises(SourceError, match="front page"):
        normalize(page)


def test_a_picture_pages_one_line_under_the_headline_the_title_names_is_kept() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>史上最爆笑抢镜图 名人也未能幸免-中新社区</title>'
        "</head><body>"
        + _menus(60)
        + '<div class="pic"><h1>史上最爆笑抢镜图 名人也未能幸免</h1><img src="1.jpg">'
        "<p>哟哟哟~~切克闹~~后面裸奔的是哪位？</p></div>" + _menus(40) + "</body></html>"
    ).encode()
    assert [block.text for block in normalize(page).blocks] == [
        "哟哟哟~~切克闹~~后面裸奔的是哪位？"
    ]


def _listed(headline: str, text: str, row: str, level: str = "h1") -> str:
    return f'<{level}><a href="/p/1.html">{headline}</a></{level}><div>{text}</div><div>{row}</div>'


def test_a_blogs_list_of_excerpts_under_linked_headlines_is_refused() -> None:
    posts = "".join(
        _listed(
            f"第{n}篇文章的标题",
            f"第{n}篇文章的开头，写了几句话就停在这里。",
            f"2009-04-0{n} 21:27 阅读({n}0) 评论(0)",
        )
        for n in range(1, 8)
    )
    page = (
        '<html><head><meta charset="utf-8"><title>某某的专栏 - CSDN博客</title></head><body>'
        f'<h2><a href="/">某某的专栏</a></h2><div class="list">{posts}</div></body></html>'
    ).encode()
    with pytest.raises(SourceError, match="excerpt"):
        normalize(page)


def test_comments_set_like_a_list_under_a_story_leave_the_story() -> None:
    comments = "".join(
        _listed(f"第{n}条评论", "说得对。", f"2011-04-20 1{n}:00 评论(0)", "h4")
        for n in range(1, 8)
    )
    page = (
        '<html><head><meta charset="utf-8"><title>中国将关闭一批出版物</title></head><body>'
        "<h3>中国将关闭一批出版物</h3><div>blackhat 发表于 2011年04月20日 10时54分</div>"
        f"<div class='story'>{_FIRST}</div><div class='comments'>{comments}</div></body></html>"
    ).encode()
    assert normalize(page).title == "中国将关闭一批出版物"


def test_a_news_front_pages_headlines_over_rows_and_excerpts_are_refused() -> None:
    # cnBeta's front page: a linked headline, the posting row under it, an
    # excerpt, then the story's counters; none of them in a heading.
    stories = "".join(
        f'<div class="title"><a href="/articles/{n}.htm">第{n}条新闻的标题 某公司发布新品</a></div>'
        f'<div class="author">ugmbbc 发布于2015-01-14 18:0{n}:18 |  2287 次阅读</div>'
        f"<div class='desc'><p>第{n}条新闻的导语，某公司今天宣布携手合作伙伴，向广大用户征集意见，"
        "在公布的名单中有多款常用软件。</p></div>"
        f"<ul><li>已有{n}个意见</li><li>0次推荐</li></ul>"
        for n in range(1, 8)
    )
    page = (
        '<html><head><meta charset="utf-8"><title>cnBeta.COM_中文业界资讯站</title></head><body>'
        '<div class="nav"><a href="/">首页</a> <a href="/topics">主题</a></div>'
        f'<div class="items_area">{stories}</div></body></html>'
    ).encode()
    with pytest.raises(SourceError, match="excerpt"):
        normalize(page)


def test_the_day_a_count_is_made_as_of_is_no_publication_date() -> None:
    # 截止2017年08月11日 共有39228款车: a used-car list's total as of a day.
    byline = parse_byline("截止2017年08月11日 共有39228款车")
    assert byline is None or byline.published is None
    assert parse_byline("2017年08月11日 来源：某某网") is not None


def test_a_front_pages_box_of_one_story_is_a_teaser() -> None:
    # A company's news box: the linked headline, its day, one paragraph cut
    # short and a link to read the rest on the story's page.
    box = (
        '<div class="news"><h3><a href="/news/2016/0324.html">质量--同仁堂的匾额之眼</a></h3>'
        "<div>2016-03-24</div><div>摘自：中国质量报 阿胶味甘，性平，归肺、肝、肾经，可补血滋阴、"
        "润燥、止血。作为一味名贵中药，其质量向来为人关注……</div>"
        '<div><a href="/news/2016/0324.html">阅读全文&gt;&gt;</a></div></div>'
    )
    page = (
        '<html><head><meta charset="utf-8"><title>新闻中心</title></head><body>'
        '<div class="nav"><a href="/">首页</a> <a href="/news">新闻中心</a></div>'
        f"{box}</body></html>"
    ).encode()
    with pytest.raises(SourceError, match="teaser"):
        normalize(page)
    # The story's own page, its headline no link and no link to read more, is one.
    story = box.replace(
        '<a href="/news/2016/0324.html">质量--同仁堂的匾额之眼</a>', "质量--同仁堂的匾额之眼"
    )
    story = story.replace('<a href="/news/2016/0324.html">阅读全文&gt;&gt;</a>', "")
    assert normalize(page.replace(box.encode(), story.encode())).title == "质量--同仁堂的匾额之眼"
