"""Blog-platform posts and official notices: a post's row under its text names its
writer, a table keeps its header row, a sentence run on under pasted links stays,
and what is no page of an article (a news feed, a server's error page, an empty
notice under the site's welcome) is refused; a site's welcome and its visit
counters are furniture.

Each page here is written by this project, modelled on the markup of a real
saved page (minimal, reproducing the structure that mattered).
"""

from __future__ import annotations

import pytest

from g60pub.errors import SourceError
from g60pub.normalize import normalize
from g60pub.normalize.boilerplate import is_noise
from g60pub.normalize.byline import credit, parse_byline
from g60pub.normalize.tail import article_end

_TEXT = (
    "<p>本教程假定消息队列已经安装，并运行在本机的标准端口。如果你使用不同的主机、端口或证书，"
    "则需要调整连接设置。</p>"
    "<p>在第二篇教程中，我们学习了如何使用工作队列在多个工作者之间分配耗时的任务。"
    "但是如果我们需要在远程计算机上运行一个函数并等待结果呢？</p>"
)


def _post(row: str) -> bytes:
    # cnblogs: the post's row (posted @ day, the blog's name, counters) under its text.
    return (
        '<html><head><meta charset="utf-8"><title>远程过程调用 - Esofar - 博客园</title></head>'
        '<body><div id="header"><a href="/">Esofar</a></div><div class="post">'
        '<h1 class="postTitle"><a href="/p/1.html">远程过程调用</a></h1>'
        f'<div class="postBody"><div id="cnblogs_post_body">{_TEXT}</div>'
        '<div id="blog_post_info"><a href="#">推荐</a> <a href="#">反对</a></div>'
        '<div id="post_next_prev"><a href="/p/0.html">上一篇：工作队列</a></div></div>'
        f'<div class="postDesc">{row}</div></div></body></html>'
    ).encode()


@pytest.mark.parametrize("name", ["Esofar", "我的五年"])
def test_the_name_in_a_blog_posts_row_under_its_text_is_its_author(name: str) -> None:
    row = (
        'posted @ <span id="post-date">2018-11-17 22:59</span>&nbsp;'
        f'<a href="https://www.cnblogs.com/esofar/">{name}</a>&nbsp;'
        '阅读(<span id="post_view_count">2084</span>)&nbsp;'
        '评论(<span id="post_comment_count">2</span>)&nbsp;'
        '<a href="#">编辑</a>&nbsp;<a href="#">收藏</a>&nbsp;<a href="#">举报</a>'
    )
    article = normalize(_post(row))
    assert article.author == name
    assert article.published is not None and article.published.startswith("2018-11-17")
    assert not any("posted" in b.text or "阅读(" in b.text for b in article.blocks)


def test_a_row_of_counters_under_a_text_names_no_author() -> None:
    row = "发表于 2018-11-17 22:59 阅读(<span>2084</span>) 评论(<span>2</span>)"
    article = normalize(_post(row))
    assert article.author is None
    assert article.published is not None and article.published.startswith("2018-11-17")


def test_a_tables_header_row_of_labels_is_kept() -> None:
    # 日期 is a byline's label too: the header row was taken for an empty byline.
    page = (
        '<html><head><meta charset="utf-8"><title>联系表</title></head><body><article>'
        "<h1>联系表</h1><p>2023年5月1日</p>"
        "<p>下面列出了本次活动各位联系人的日期、姓名与地址，供大家参考，如有错误请及时告诉我们。</p>"
        "<table><thead><tr><th>日期</th><th>姓名</th><th>地址</th></tr></thead><tbody>"
        "<tr><td>2020-08-21</td><td>王小明</td><td>上海市普陀区金沙江路1189弄</td></tr>"
        "<tr><td>2020-08-22</td><td>王小红</td><td>上海市普陀区金沙江路1188弄</td></tr>"
        "</tbody></table></article></body></html>"
    ).encode()
    texts = [b.text for b in normalize(page).blocks]
    assert "日期 | 姓名 | 地址" in texts
    assert texts.index("日期 | 姓名 | 地址") < texts.index(
        "2020-08-21 | 王小明 | 上海市普陀区金沙江路1189弄"
    )


def test_a_sentence_run_on_under_pasted_links_is_kept() -> None:
    # A law copied from an encyclopedia with its links, which swallowed the
    # sentences they were set in; a table of contents under the headline.
    link = '<a target="_blank" href="http://baike.example.com/view/{}.htm">{}</a>'
    page = (
        '<html><head><meta charset="utf-8"><title>野生动物保护法 | 林业局</title></head><body>'
        '<nav><a href="/">首页</a> <a href="/news/">新闻</a> <a href="/law/">法规</a></nav>'
        '<article><h1>野生动物保护法</h1><div id="article-container">'
        "<p><strong>目录</strong></p><p>\u3000\u3000第一章 总则</p>"
        f"<p>\u3000\u3000第二章 {link.format(1, '野生动物保护')}</p>"
        "<p><strong>第一章 总则</strong></p>"
        "<p>\u3000\u3000第一条 为保护、拯救珍贵、"
        + link.format(2, "濒危野生动物，保护、发展和合理利用野生动物资源，维护")
        + link.format(3, "生态平衡，制定本法。")
        + "</p><p>\u3000\u3000第二条 在"
        + link.format(4, "中华人民共和国境内从事野生动物的保护、驯养、开发利用活动，必须遵守本法。")
        + "</p><p>\u3000\u3000第三条 野生动物资源属于国家所有。国家保护依法开发利用野生动物资源的"
        "单位和个人的合法权益。</p>"
        "<p>\u3000\u3000第四条 国家对野生动物实行加强资源保护、积极驯养繁殖、合理开发利用的方针，"
        "鼓励开展野生动物科学研究。</p></div></article></body></html>"
    ).encode()
    article = normalize(page)
    texts = " ".join(b.text for b in article.blocks)
    assert "生态平衡，制定本法。" in texts
    assert "必须遵守本法。" in texts
    assert article.author is None  # 第一章 总则 is the contents' first chapter, no names


def test_a_news_feed_saved_as_a_page_is_refused() -> None:
    feed = (
        '\ufeff<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>涵曦的技术博客</title><link>http://example.com/</link>"
        f"<item><title>第一篇</title><description><![CDATA[{_TEXT}]]></description></item>"
        f"<item><title>第二篇</title><description><![CDATA[{_TEXT}]]></description></item>"
        "</channel></rss>"
    ).encode()
    with pytest.raises(SourceError, match="news feed"):
        normalize(feed)


def test_a_servers_error_page_saved_in_the_articles_place_is_refused() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>502</title></head><body>'
        '<div class="header"><span>eventID: 105-1607535644.816-s4gdic</span></div>'
        '<div class="main"><p>抱歉！源站出现问题，暂时无法访问！</p>'
        "<p>Sorry, Source WebSite is going wrong and it can't be accessed temporarily!</p>"
        "</div></body></html>"
    ).encode()
    with pytest.raises(SourceError, match="error page"):
        normalize(page)


@pytest.mark.parametrize(
    "text",
    [
        "欢迎您访问我们的展览，这里陈列着本校一百年来的校史资料。",
        "本月访问量比上月增加了百分之三十。",
    ],
)
def test_sentences_of_welcome_and_visits_are_text(text: str) -> None:
    assert not is_noise(text)


def test_a_widgets_counts_beside_the_headline_and_each_paragraph_are_no_words() -> None:
    # A web-novel chapter: a comment count in the <h1> and after every paragraph.
    def review(count: int) -> str:
        return (
            '<span class="review" data-type="hot"><span class="review-icon"></span>'
            f'<span class="review-count">{count}</span></span>'
        )

    page = (
        '<html><head><meta charset="utf-8"><title>第二章 失乡号的船长_深海余烬</title></head><body>'
        f'<div class="chapter"><h1 class="title content-text">第二章 失乡号的船长{review(241)}</h1>'
        '<div class="info"><a href="/author/1">远瞳</a> <span>2022-07-10 07:15</span></div>'
        '<main class="content">'
        '<p><span class="content-text">\u3000\u3000这并不是周铭第一次穿过这道门来到“对面”。</span>'
        f"{review(37)}</p>"
        '<p><span class="content-text">\u3000\u3000自数天之前，周铭一觉醒来发现'
        f"自己被某种“异象”困在自己的房间中，诡异的浓雾笼罩了窗外的一切。</span>{review(22)}</p>"
        '<p><span class="content-text">\u3000\u3000毕竟，那扇门如今是他“房间”里唯一的出口，'
        f"他只能一次又一次地推开它。</span>{review(12)}</p>"
        "</main></div></body></html>"
    ).encode()
    article = normalize(page)
    assert article.title == "第二章\u3000失乡号的船长"
    texts = [b.text for b in article.blocks]
    assert texts[0] == "这并不是周铭第一次穿过这道门来到“对面”。"
    assert all(not t[-1].isdigit() for t in texts)


def test_a_table_cell_of_counts_keeps_its_number() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>各区报名人数</title></head><body><article>'
        "<h1>各区报名人数</h1>"
        "<p>截至本周五，各区报名人数统计如下，报名工作将持续到月底，欢迎大家积极参加。</p>"
        '<table><tr><td>东区</td><td class="count">128</td></tr>'
        '<tr><td>西区</td><td class="count">96</td></tr></table></article></body></html>'
    ).encode()
    texts = [b.text for b in normalize(page).blocks]
    assert "东区 | 128" in texts and "西区 | 96" in texts


@pytest.mark.parametrize("text", ["（设立）", "（通过）", "（平方公里）"])
def test_a_bracketed_event_or_unit_in_a_table_is_no_reporters_credit(text: str) -> None:
    # An encyclopedia's infobox: 建置时间 | 2017年4月1日<br>（设立）; 面积<br>（平方公里）.
    assert credit(text) is None


def test_a_bracketed_name_is_still_a_reporters_credit() -> None:
    assert credit("（袁源）") == "袁源"


_QUESTION = (
    "我觉得暂存区就像购物车，没到付款的时候你都不确定购物车里的东西全部都是要的，"
    "每拿一件商品就付一次款，那才麻烦呢。"
)


def test_a_tutorial_chapters_support_box_and_its_comments_are_not_the_text() -> None:
    # The chapter, then a box a script adds (support the writer, share), the
    # neighbours' links and a comment list, longer than the chapter, whose
    # entries say "created at" (a guard: the page as a whole read right before).
    comment = (
        '<li><div class="uk-comment"><div class="uk-comment-header"><h3>{}</h3>'
        "<p>{} created at 2016-7-9 8:59, Last updated at 2天前</p></div>"
        '<div class="uk-comment-body"><p>{}</p></div></div></li>'
    )
    page = (
        '<html><head><meta charset="utf-8"><title>工作区和暂存区 - 教程</title></head><body>'
        '<div class="x-content"><h4>工作区和暂存区</h4><div class="x-wiki-content">'
        "<p>Git和其他版本控制系统如SVN的一个不同之处就是有暂存区的概念。先来看名词解释。</p>"
        "<p>工作区就是你在电脑里能看到的目录，比如我的learngit文件夹就是一个工作区。</p>"
        "<p>暂存区是Git非常重要的概念，弄明白了暂存区，就弄明白了Git的很多操作到底干了什么。</p>"
        "</div><h3>感觉本站内容不错，读后有收获？</h3>"
        '<p><a href="/donate">我要小额赞助，鼓励作者写出更好的教程</a></p><h3>还可以分享给朋友</h3>'
        '<hr><div><a href="/prev">版本回退</a> <a href="/next">管理修改</a></div><hr>'
        '<h3>评论</h3><ul id="x-comment-list" class="uk-comment-list">'
        + "".join(
            comment.format(
                f"第{n}个问题", f"reader{n}", f"老师，第{n}处这样理解正确吗？{_QUESTION}"
            )
            for n in range(12)
        )
        + "</ul></div></body></html>"
    ).encode()
    texts = [b.text for b in normalize(page).blocks]
    assert texts[-1].startswith("暂存区是Git非常重要的概念")
    assert not any("赞助" in t or "分享给朋友" in t or "购物车" in t for t in texts)


def test_a_comment_heading_over_entries_created_at_a_time_ends_the_text() -> None:
    texts = [
        "工作区和暂存区",
        "暂存区是Git非常重要的概念，弄明白了暂存区，就弄明白了Git的很多操作到底干了什么。",
        "没弄明白暂存区是怎么回事的童鞋，请向上滚动页面，再看一次。",
        "评论",
        "git diff 和 git diff --cached 的理解",
        "shulun_lv created at 2016-7-9 8:59, Last updated at 2天前",
        "老师, 这样理解正确吗?",
    ]
    weights = [0.0, 60.0, 40.0, 0.0, 0.0, 0.0, 5.0]
    assert article_end(texts, weights, 1) == 3


def test_a_sentence_about_reading_is_text() -> None:
    assert not is_noise("阅读(167)本书之后，我对暂存区的理解深了一层。")


def test_the_blogs_owner_in_a_blog_platforms_title_is_the_posts_author() -> None:
    # 新浪博客: <title>标题_昵称_新浪博客</title>, the owner named nowhere else but
    # a sidebar avatar's alt text.
    page = (
        '<html><head><meta charset="utf-8">'
        "<title>我的2011年大总结_谢莱纳_新浪博客</title></head><body>"
        '<div class="blognav"><a href="/">首页</a> <a href="/list">博文目录</a></div>'
        '<div class="articalTitle"><h2 class="titName">我的2011年大总结</h2>'
        '<span class="time">(2011-12-31 23:12:45)</span></div>'
        f'<div class="articalContent">{_TEXT}</div></body></html>'
    ).encode()
    article = normalize(page)
    assert article.author == "谢莱纳"
    assert article.published is not None and article.published.startswith("2011-12-31")


def _column(authors: str) -> bytes:
    # A column post whose author property stands in no item (no itemscope).
    return (
        '<html><head><meta charset="utf-8"><title>读书笔记 - 知乎</title></head><body>'
        f'<div class="Post-Header"><h1 class="Post-Title">读书笔记</h1>{authors}</div>'
        f'<div class="Post-RichText">{_TEXT}</div></body></html>'
    ).encode()


_AUTHOR_PROP = (
    '<div class="AuthorInfo" itemprop="author"><meta itemprop="name" content="{}">'
    '<a class="UserLink" href="/people/{}">{}</a></div>'
)


def test_the_one_author_property_of_a_page_without_items_names_its_author() -> None:
    article = normalize(_column(_AUTHOR_PROP.format("GhostInShell", "g", "GhostInShell")))
    assert article.author == "GhostInShell"


def test_two_author_properties_without_items_name_no_one() -> None:
    two = _AUTHOR_PROP.format("甲乙丙", "a", "甲乙丙") + _AUTHOR_PROP.format(
        "丁戊己", "b", "丁戊己"
    )
    assert normalize(_column(two)).author is None


def test_an_encyclopedias_buttons_by_the_headline_are_no_editors_credit() -> None:
    assert parse_byline("编辑 锁定 讨论") is None
    assert parse_byline("编辑 锁定 讨论 上传视频") is None


def test_a_popups_line_over_the_headline_is_no_story_the_headline_ends() -> None:
    # An encyclopedia entry: a gift popup's question over the <h1>, a date in
    # the summary under it. The headline and its date are no next story.
    page = (
        '<html><head><meta charset="utf-8"><title>蔡健雅_百科</title></head><body>'
        '<div class="poster"><dl class="con"><dd class="bk_title_body">'
        '<div class="bind-card"><p>今天的鲜花送完了？</p>'
        "<h3>绑定钱包</h3><p>即可领取500朵鲜花</p></div>"
        '<h1>蔡健雅</h1><a href="/edit">编辑</a> <a href="/lock">锁定</a> <a href="/talk">讨论</a>'
        '<p class="birth">1975年1月28日（农历1974年腊月十七）</p>'
        '</dd><dd class="desc"><div class="lemma-summary">'
        "<p>蔡健雅，1975年1月28日出生于新加坡，华语流行乐女歌手、音乐制作人、词曲创作人。</p>"
        "</div></dd></dl></div>"
        '<div class="main-content"><h2>早年经历</h2>'
        "<p>1975年出生于新加坡，家里有一个姐姐。中学毕业后考入新加坡理工学院研读工商管理。</p>"
        "<p>1994年成为新加坡一个以翻唱歌曲表演为主的乐团主唱，经常在饭店演出，就此展开音乐生涯。</p>"
        "</div></body></html>"
    ).encode()
    texts = [b.text for b in normalize(page).blocks]
    assert any(t.startswith("蔡健雅，1975年1月28日出生于新加坡") for t in texts)
    assert any(t.startswith("1994年成为新加坡") for t in texts)


def test_a_wechat_check_page_saved_in_an_articles_place_is_refused() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>Weixin Official Accounts Platform</title>'
        '</head><body><div class="weui-msg"><div class="weui-msg__text-area">'
        '<h2 class="weui-msg__title">环境异常</h2>'
        '<p class="weui-msg__desc">当前环境异常，完成验证后即可继续访问。</p></div>'
        '<div class="weui-msg__opr-area"><a class="weui-btn weui-btn_primary">去验证</a></div>'
        "</div></body></html>"
    ).encode()
    with pytest.raises(SourceError, match="error page"):
        normalize(page)


# Lines a site sets round its articles, as the pages of the rounds print them.
_FURNITURE = [
    "您好！欢迎您访问北京市海淀区教师进修学校！ 教师登录 | 设为首页",
    "欢迎访问某某市人民政府网站！",
    "浏览总量 | 今日浏览总量 | 本周浏览总量 | 本月浏览总量 |",
    "今日访问量：12 总访问量：3456",
    "0有用+1",
    "有用+1",
    "本词条缺少概述图，补充相关内容使词条更完整，还能快速升级，赶紧来编辑吧！",
    "感觉本站内容不错，读后有收获？",
    "我要小额赞助，鼓励作者写出更好的教程",
    "还可以分享给朋友",
    "阅读(167) | 评论(0)",
    "评论(3) 转载(1)",
    "违法和不良信息举报电话：12377",
    "新浪BLOG意见反馈留言板不良信息反馈电话：4006900000 提示音后按1键",
    "给作者打赏，鼓励TA抓紧创作！",
]


@pytest.mark.parametrize("text", _FURNITURE)
def test_lines_a_site_sets_round_its_articles_are_furniture(text: str) -> None:
    assert is_noise(text)


def test_an_infoboxs_field_over_its_date_is_no_poster() -> None:
    # A wiki entry's infobox: 出生 over the day and place, as a poster's name
    # stands over a post's dated row.
    page = (
        '<html><head><meta charset="utf-8"><title>艾伦·图灵 - 维基百科</title></head><body>'
        "<h1>艾伦·图灵</h1><table><tbody><tr><th>出生</th>"
        "<td>1912年6月23日<br>英国伦敦</td></tr><tr><th>国籍</th><td>英国</td></tr>"
        "</tbody></table>"
        "<p>艾伦·麦席森·图灵，英国计算机科学家、数学家、逻辑学家、密码分析学家和理论生物学家，"
        "他被誉为计算机科学与人工智能之父。</p>"
        "<p>二次世界大战期间，图灵曾协助英国军方破解德国的著名密码系统恩尼格玛，帮助盟军取得了胜利。</p>"
        "</body></html>"
    ).encode()
    assert normalize(page).author is None
