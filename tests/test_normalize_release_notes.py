"""Release notes and podcasts' show notes: headed lists of short items, written
by hand and seldom a full stop among them, are the post, not a list of titles;
so are the sections after a show's lead, and a headline's small dateline is
no part of the headline.

The markup is trimmed from real saved pages; each names its origin.
"""

from __future__ import annotations

import pytest

from g60pub.errors import SourceError
from g60pub.normalize import normalize

_UPDATES = {
    "依赖升级": (
        "update springboot 3.1.5 => 3.1.7",
        "update mybatis-boot 3.0.2 => 3.0.3 优化依赖传递",
        "update redisson 3.24.1 => 3.24.3 修复订阅重启连接超时问题",
        "update easy-es 1.1.1 => 2.0.0-beta4",
    ),
    "功能更新": (
        "update 优化 oss 远程调用 支持降级处理",
        "update 优化 验证码接口 增加限流配置",
        "update 优化 删除无用异常类",
        "update 优化 jvm 参数调整 全面启用 zgc",
        "update 优化 使用动态租户重构业务对租户的逻辑",
        "update 优化 SocialUtils 代码",
        "update 优化 补全三方登录校验国际化",
        "update 优化 细化 oss 配置管理权限控制",
        "update 优化 开启 redisson 脚本缓存 减少网络传输",
        "update 优化 WebSocketUtils 连接关闭改为警告",
        "update 优化 TenantHelper 动态租户支持函数式方法",
    ),
    "新增功能": (
        "add 新增 翻译组件 用户昵称翻译实现",
        "add 新增 响应加密功能 支持注解强制加密接口数据",
        "add 新增 common-ratelimiter 限流模块 用于自定义业务限流",
    ),
    "问题修复": (
        "fix 修复 三方登录 租户参数未传递问题",
        "fix 修复 导出 excel 合并列异常",
        "fix 修复 多租户 缓存 key 拼接错误",
    ),
}


def _release_notes(sections: dict[str, tuple[str, ...]]) -> bytes:
    # A project community's VuePress news page (dromara.org, RuoYi-Cloud-Plus 2.1.2).
    body = "".join(
        f"<h3>{heading}</h3><ul>{''.join(f'<li>{item}</li>' for item in items)}</ul>"
        for heading, items in sections.items()
    )
    return (
        '<html><head><meta charset="utf-8"><title>RuoYi-Cloud-Plus 2.1.2 发布 | Dromara</title>'
        '<meta property="article:published_time" content="2024-01-02T00:00:00.000Z">'
        '</head><body><main><div class="theme-hope-content"><h1>更新日志</h1>'
        f"{body}</div></main></body></html>"
    ).encode()


def test_release_notes_of_headed_lists_are_the_article() -> None:
    article = normalize(_release_notes(_UPDATES))
    # Spaces between Han characters are the writer's line layout, not words.
    texts = ["".join(block.text.split()) for block in article.blocks]
    items = ["".join(item.split()) for section in _UPDATES.values() for item in section]
    assert [text for text in texts if text not in _UPDATES] == items
    assert [b.text for b in article.blocks if b.kind == "heading"][:4] == list(_UPDATES)


def test_a_podcast_s_show_notes_are_the_article() -> None:
    # A podcast's Hexo show-notes site (htnpodcast.github.io, episode 027).
    topics = (
        "主播对游戏的体验和乐趣", "硬核游戏和休闲游戏", "主机平台和通用平台", "游戏玩家的鄙视链",
        "游戏分发平台（Steam GoG)", "主机平台和PC平台游戏定价策略", "游戏平台分区",
        "游戏转手和玩家文化", "主机平台的对比和选购", "展望VR游戏", "各位主播最喜欢的游戏",
        "魔兽电影～",
    )  # fmt: skip
    page = (
        '<html><head><meta charset="utf-8"><title>027.游戏玩家也是有鄙视链的 | 津津乐道播客</title>'
        '</head><body><div class="post"><h1 class="post-title">027.游戏玩家也是有鄙视链的</h1>'
        '<div class="post-meta">Jun 14, 2019</div><div class="post-content">'
        "<p>这期聊了聊游戏，聊过才知道，游戏玩家的鄙视链也是深深的</p>"
        "<p><strong>在这期节目你可以听到以下内容</strong></p>"
        f"<ul>{''.join(f'<li>{topic}</li>' for topic in topics)}</ul>"
        "<h2>制作人员</h2><h3>主播</h3><p>主播 /李秀恩、霍炬、狗叔、姝琦</p>"
        "<h3>音乐</h3><p>李秀恩</p><h3>后期</h3><p>李秀恩</p>"
        "</div></div></body></html>"
    ).encode()
    article = normalize(page)
    assert article.title == "027.游戏玩家也是有鄙视链的"
    assert article.published is not None and article.published.startswith("2019-06-14")
    texts = [block.text for block in article.blocks]
    assert texts[0] == "这期聊了聊游戏，聊过才知道，游戏玩家的鄙视链也是深深的"
    assert "展望VR游戏" in texts


def test_a_journal_s_contents_of_titles_and_names_is_still_no_article() -> None:
    # Headings over titles, but the titles are set as lines, not a writer's list.
    rows = "".join(f"<p>论新时代民生建设的第{n}个问题</p><p>作者{n}号</p>" for n in range(1, 13))
    page = (
        '<html><head><meta charset="utf-8"><title>2023年第1期目录</title></head><body>'
        f"<div class='content'><h3>中共党史</h3><h3>政治学</h3><h3>经济学</h3>{rows}</div>"
        "</body></html>"
    ).encode()
    with pytest.raises(SourceError, match="list of titles"):
        normalize(page)


_TOPICS = (
    "何为业余无线电？", "业余无线电用途", "短波和甚高频都有什么区别？", "业余无线电的限制",
    "无线电执照咋考？", "无线电中的呼号是啥？", "主播无线电玩耍经历", "业余无线电保障演练",
)  # fmt: skip


def test_a_show_s_lead_paragraph_does_not_cut_off_the_notes_named_as_the_post_s_body() -> None:
    # The same site's episode 034: the notes end on links (More Resources, a song list).
    page = (
        '<html><head><meta charset="utf-8"><title>034. CQ、CQ、CQ | 津津乐道播客</title></head>'
        '<body><div class="post"><h1 class="post-title">034. CQ、CQ、CQ</h1>'
        '<div class="post-meta">Jun 14, 2019</div><div class="post-content">'
        "<p>这期跟大家聊聊业余无线电这个有点小众的爱好，可是别看他小众，关键时刻这也许是为数不多的可以救命的爱好了</p>"
        "<p><strong>在这期节目你可以听到以下内容</strong></p>"
        f"<ul>{''.join(f'<li>{topic}</li>' for topic in _TOPICS)}</ul>"
        '<h2>More Resources</h2><p><a href="https://zh.wikipedia.org/wiki/x">中国业余无线电呼号</a><br>'
        '<a href="https://baike.baidu.com/item/y">五五节</a></p>'
        "<h2>制作人员</h2><h3>主播</h3><p>朱峰、秀恩、姝琦、郭子</p>"
        '<h2>本期歌单</h2><p>间奏:<a href="http://music.163.com/song/1/">I Wanna Be Free</a></p>'
        '</div><div class="post-nav"><a class="next" href="/041/">041. 共享单车</a></div>'
        "</div></body></html>"
    ).encode()
    texts = [block.text for block in normalize(page).blocks]
    assert texts[0].startswith("这期跟大家聊聊业余无线电")
    assert all(topic in texts for topic in _TOPICS)
    assert "朱峰、秀恩、姝琦、郭子" in texts


def test_the_sections_of_a_body_the_microdata_marks_follow_its_lead() -> None:
    # A podcast's Hugo site (gulugulufm.github.io, episode 10): the lead in one
    # <section>, the guests, time stamps and links in the next.
    stamps = "".join(
        f"<p>00:{minute:02d}:17 {topic}</p>" for minute, topic in enumerate(_TOPICS, start=1)
    )
    links = "".join(
        f'<p><a href="https://example.org/{n}">{name}</a></p>'
        for n, name in enumerate(("足元注意", "@yorkxin", "Podcasts@Airtable", "Books@Airtable",
                                  "amcyfm-utils", "Pao Ma Teng", "Audacity", "Reaper"))
    )  # fmt: skip
    page = (
        '<html><head><meta charset="utf-8"><title>播客制作者育承 | 闭门造车</title></head><body>'
        '<article class="post" itemscope itemtype="http://schema.org/BlogPosting">'
        '<header><h1 class="post-title" itemprop="name headline">播客制作者育承</h1></header>'
        '<div class="post-content" itemprop="articleBody"><section>'
        "<p>和我一样也是主播的育承有一档叫做《足元注意》的播客。今天的节目分为两部分，前半部分是育承来分享TA的"
        "播客制作工具箱——各种找到的和做出来的工具，还有经验教训。后半部分是关于收听100档播客之后总结出的工作流。</p>"
        "<p>如果在你的播放器里看不到文字中的超链接，请到闭门造车官网阅读完整版。感想、建议和参与，"
        '请加入Telegram群“闭门造车茶馆”，或发邮件到<a href="mailto:g@g.com">g@g.com</a>。</p>'
        '</section><section><hr><h3>🗣 出场人物</h3><p>育承：<a href="mailto:a@b.c">Email</a>，'
        '<a href="https://www.instagram.com/yorkxin/">Instagram</a></p>'
        f"<h3>⏳ 时间轴</h3>{stamps}<h3>🔗 相关链接</h3>{links}"
        "</section></div></article></body></html>"
    ).encode()
    texts = [block.text for block in normalize(page).blocks]
    assert texts[0].startswith("和我一样也是主播的育承")
    assert "00:08:17 业余无线电保障演练" in texts


def test_a_dateline_set_small_in_the_headline_is_no_part_of_it() -> None:
    # Teahour.fm's Jekyll episode pages: share buttons, the release line, the headline.
    page = (
        '<html><head><meta charset="utf-8"><title>Hardware for developers - Teahour.fm</title>'
        '</head><body><header class="masthead"><h1>Teahour.fm</h1>'
        '<h2 class="tagline">Tea hour for geek\'s mind.</h2></header>'
        '<section class="main"><article class="post"><h2 class="title">'
        '<div class="bdsharebuttonbox"><a href="#" class="bds_weixin" title="分享到微信"></a></div>'
        "<small>#5 released on 03/05/2013</small> Hardware for developers</h2>"
        "<div><p>本期由 Terry Tai 主持，参与嘉宾有 Daneil Lv, Dingding Ye 和 Kevin Wang。本期由所有"
        "Teahour创始人和大家一起聊聊开发中用到的硬件和选购的一些技巧以及如何锻炼和保护程序员的身体。</p>"
        "</div></article></section></body></html>"
    ).encode()
    article = normalize(page)
    assert article.title == "Hardware for developers"
    assert article.published is not None and article.published.startswith("2013-03-05")


def test_the_body_the_microdata_marks_leaves_out_the_sidebar_s_about_box_beside_it() -> None:
    # The same site's episode 1: the post in one column, the show's about box in the next.
    page = (
        '<html><head><meta charset="utf-8"><title>b站up主姜笛 | 闭门造车</title></head><body>'
        '<div class="row"><div class="col-md-8"><article class="post">'
        '<h1 class="post-title">b站up主姜笛</h1>'
        '<div class="post-content" itemprop="articleBody"><section>'
        "<p>姜笛是b站视频up主，平时是web全栈工程师。从去年2月到现在的一年半时间里，TA一直在做"
        "5分钟以内的编程科普视频，目前发布了43个各种各样的视频。</p>"
        "<p>如果在你的播放器里看不到文字中的超链接，请到闭门造车官网阅读完整版。感想、建议和参与，"
        "请加入Telegram群“闭门造车茶馆”，或发邮件给我们。</p></section><section>"
        f"<h3>⏳ 时间轴</h3>{''.join(f'<p>0{n}:37 {t}</p>' for n, t in enumerate(_TOPICS))}"
        "</section></div></article></div>"
        '<div class="col-md-4"><div class="recent"><h4>闭门造车</h4>'
        "<p>《闭门造车》是一档关于创作者、创作故事和创作体验的访谈播客。</p><h4>收听和订阅</h4>"
        "<p>页面上方列出来的播客平台，找你最喜欢的来听吧。在各个平台上的评论，我都会仔细阅读。感谢你的鼓励。</p>"
        "</div></div></div></body></html>"
    ).encode()
    texts = [block.text for block in normalize(page).blocks]
    assert texts[0].startswith("姜笛是b站视频up主")
    assert not any(text.startswith("《闭门造车》") or "感谢你的鼓励" in text for text in texts)


_NOTES = (
    ("http://www.apple.com/macbook-pro/", "Macbook Pro"),
    ("https://github.com/grosser/parallel_tests", "Parallel Tests"),
    ("http://en.wikipedia.org/wiki/Ivy_Bridge", "Ivy Bridge"),
    ("http://www.crucial.com/store/partspecs.aspx", "Crucial M4"),
    ("http://www.pfu.fujitsu.com/hhkeyboard/type-s/", "Happy Hacking Keyboard Pro Type-S"),
    ("http://www.fitbit.com/zip", "Fitbit Zip"),
)


def _episode(items: tuple[tuple[str, str], ...]) -> bytes:
    # Teahour.fm's Jekyll episode page: a paragraph, then the notes as links.
    notes = "".join(f'<li><a href="{href}">{name}</a></li>' for href, name in items)
    return (
        '<html lang="zh"><head><meta charset="utf-8"><title>Hardware for developers - Teahour.fm'
        '</title><meta property="og:url" content="http://teahour.fm/2013/03/05/hardware.html">'
        '</head><body><header class="masthead"><h1>Teahour.fm</h1></header>'
        '<section class="main"><article class="post"><h2 class="title">Hardware for developers</h2>'
        "<h4>Show Notes:</h4><div><p>本期由 Terry Tai 主持，参与嘉宾有 Daneil Lv 和 Kevin Wang。"
        "本期由所有Teahour创始人和大家一起聊聊开发中用到的硬件和选购的一些技巧以及如何锻炼和保护程序员的身体。</p>"
        f'<section class="notes"><ul>{notes}</ul></section></div></article></section></body></html>'
    ).encode()


def test_a_show_s_notes_linking_out_to_other_sites_are_its_text() -> None:
    texts = [block.text for block in normalize(_episode(_NOTES)).blocks]
    assert texts[-len(_NOTES) :] == [name for _, name in _NOTES]


def test_links_back_into_the_same_site_after_the_text_are_no_notes() -> None:
    related = tuple((f"http://teahour.fm/2013/0{n}/episode.html", f"第{n}期节目") for n in range(6))
    texts = [block.text for block in normalize(_episode(related)).blocks]
    assert not any(text.startswith("第") for text in texts)
