"""Authors of WordPress and Typecho posts: the hCard, the link to the writer's
archive, and the Chinese posting rows that say "by" (由 … 发布).

Each page here is written by this project, modelled on the markup of a real
saved post (minimal, reproducing the structure that mattered).
"""

from __future__ import annotations

import pytest

from g60pub.normalize import normalize
from g60pub.normalize.byline import parse_byline

_TEXT = (
    "<p>哈罗，大家好，这是博客的第一篇文章。以后会在这里记下学习和工作中遇到的问题，以及解决的办法。</p>"
    "<p>博客用的是开源的程序，主题也是别人写好的，我只改了一点点颜色和字体，欢迎大家常来看看。</p>"
)


def _post(meta: str, tail: str = "") -> bytes:
    return (
        '<html><head><meta charset="utf-8"><title>世界，您好！ – 我的博客</title></head><body>'
        '<header><a href="/">我的博客</a></header><article><header class="entry-header">'
        f'<div class="entry-meta">{meta}</div><h1 class="entry-title">世界，您好！</h1></header>'
        f'<div class="entry-content">{_TEXT}</div></article>{tail}</body></html>'
    ).encode()


def test_the_hcard_marked_as_the_author_names_the_writer_not_a_commenters_card() -> None:
    meta = (
        '<span class="posted-on"><time datetime="2017-09-04T14:20:00+08:00">2017年9月4日</time>'
        '</span><span class="byline"><span class="author vcard"><span class="screen-reader-text">'
        '作者 </span><a class="url fn n" href="https://example.com/blog/">flying</a></span></span>'
    )
    comments = (
        '<ol class="comment-list"><li><div class="comment-author vcard"><b class="fn">'
        "一位读者</b> 说道：</div><p>写得很好，谢谢分享。</p></li></ol>"
    )
    assert normalize(_post(meta, comments)).author == "flying"


def test_a_link_to_the_writers_archive_names_the_writer_without_its_badge() -> None:
    meta = (
        '<i class="fa fa-user"></i><a href="/archives/author/admin/index.html">admin'
        '<span class="badge">永久会员</span></a><time> 1年前 (2017-04-26)</time>'
    )
    article = normalize(_post(meta))
    assert (article.author, article.published) == ("admin", "2017-04-26")


@pytest.mark.parametrize(
    ("row", "author"),
    [
        ("于 2020-04-19 由 安言 发布", "安言"),  # Typecho's Bubble theme
        ("2017年9月4日 由junmo", "junmo"),  # WordPress, the name after the day
        ("文章作者 由majianyu", "majianyu"),  # Twenty Twenty: a label, then "by"
        ("本文由 李四 发布", "李四"),
    ],
)
def test_a_posting_row_that_says_by_whom_names_the_writer(row: str, author: str) -> None:
    byline = parse_byline(row)
    assert byline is not None and byline.author == author


@pytest.mark.parametrize(
    "row",
    [
        "2019-01-01 由此可见",  # 由此: "from this", no name after it
        "这是一篇从Hexo迁移的文章，创建于2021-01-19 03:42:02",  # a sentence, then the day
    ],
)
def test_a_row_whose_by_is_a_word_or_a_sentence_names_no_writer(row: str) -> None:
    byline = parse_byline(row)
    assert byline is None or byline.author is None


def test_a_name_labelled_as_the_writer_for_screen_readers_needs_no_date_beside_it() -> None:
    # vuepress-theme-hope: the page-info row's date is filled in by a script;
    # the author's box says what it holds in its aria-label.
    page = (
        '<html><head><meta charset="utf-8"><title>如何复制数据库表结构 | Tim\'s Blog</title></head>'
        '<body><nav><a href="/">Tim\'s Blog</a></nav><main><h1>如何复制数据库表结构</h1>'
        '<div class="page-info"><span class="page-author-info" aria-label="作者🖊">'
        '<svg class="icon author-icon"></svg><span class="page-author-item">tlin82</span></span>'
        '<span class="page-reading-time-info">大约 6 分钟</span></div>'
        f'<div class="theme-hope-content">{_TEXT}</div></main></body></html>'
    ).encode()
    assert normalize(page).author == "tlin82"


def test_the_day_shown_beside_a_utc_moment_is_the_posts_day_over_the_meta_tags() -> None:
    # A WordPress site kept in UTC: the meta tag and the <time> state
    # 21:50 UTC, which is the next morning at +08:00; the page shows the 29th.
    page = _post(
        '<time class="entry-date" datetime="2016-08-29T21:50:00+00:00">2016-08-29</time>'
    ).replace(
        b"</title>",
        b'</title><meta property="article:published_time" content="2016-08-29T21:50:00+00:00">',
    )
    assert normalize(page).published == "2016-08-29"


@pytest.mark.parametrize(
    ("row", "author"),
    [
        # A school's news: the office that posted it, then the writer's credit
        # in the source field (text and photographs by 焦瑞芳).
        ("发布者：党委宣传部\u3000来源：学生处舍监 焦瑞芳 文 摄影\u3000日期：2019-02-04", "焦瑞芳"),
        ("来源：学生处 焦瑞芳 文/图", "焦瑞芳"),
        # A writer named as such stays the author.
        ("作者：张三\u3000来源：学生处 焦瑞芳 文/图", "张三"),
    ],
)
def test_a_writers_credit_in_the_source_field_outranks_the_account_that_posted(
    row: str, author: str
) -> None:
    byline = parse_byline(row)
    assert byline is not None and byline.author == author


def test_theme_recos_account_icon_by_the_headline_names_the_writer_of_an_undated_post() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>JVM内存区域讲解 | Blog | AlanLee</title>'
        '</head><body><header class="navbar"><a href="/" class="home-link">Blog | AlanLee</a>'
        '<a href="/about/"><i class="iconfont reco-account"></i> 关于我</a></header>'
        '<main class="page"><div class="page-title"><h1>JVM内存区域讲解</h1><hr><div>'
        '<i class="iconfont reco-account"><span>AlanLee</span></i></div></div>'
        f'<div class="theme-reco-content">{_TEXT}</div></main></body></html>'
    ).encode()
    assert normalize(page).author == "AlanLee"


def test_the_writer_named_as_bizhe_is_the_author() -> None:
    # 筆者 / 笔者 ("the writer"), as a contest's report signs its author.
    byline = parse_byline("筆者：SubaRya")
    assert byline is not None and byline.author == "SubaRya"


@pytest.mark.parametrize(
    ("meta", "author"),
    [
        # Baidu EFE's Hexo theme: the name in the article's author box, the day beside it.
        (
            '<span class="article-author"><i class="fa fa-pencil"></i> abigale</span>'
            '<time datetime="2015-09-20T16:00:00.000Z">2015-09-21</time>',
            "abigale",
        ),
        # JD's Aotu lab: by <a class="post-author">TH</a> on <span>2016-11-07</span>.
        (
            'by <a class="post-author" href="/u/th">TH</a> on <span>2016-11-07</span>',
            "TH",
        ),
        # A Hexo NexT row: the day, then 作者 and a category link holding the name.
        (
            '发表于 2017-05-03 | 作者 <a href="/categories/zhouxiong/">zhouxiong</a> | Thrift',
            "zhouxiong",
        ),
    ],
)
def test_team_blogs_name_the_writer_in_the_dated_row(meta: str, author: str) -> None:
    assert normalize(_post(meta)).author == author


def test_a_comment_s_author_box_names_no_writer() -> None:
    meta = '<time datetime="2017-09-04T14:20:00+08:00">2017年9月4日</time>'
    comments = (
        '<ol><li><span class="comment-author">一位读者</span> <span>2017-09-05</span>'
        "<p>写得很好，谢谢分享。</p></li></ol>"
    )
    assert normalize(_post(meta, comments)).author is None
