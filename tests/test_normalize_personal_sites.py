"""Personal sites' pages: a diary whose headline is its day, a bulletin whose
headline ends on the day its figures stand at, a post of one paragraph over a
table of terms that link out, essays in translation credited to their writer.

The markup is trimmed from real saved pages; each names its origin.
"""

from __future__ import annotations

import pytest

from g60pub.normalize import normalize
from g60pub.normalize.boilerplate import is_noise
from g60pub.normalize.credits import writer_credit

_DIARY_TEXT = (
    "<p>我刚吃完了两包泡面，两袋辣条，还喝了一些冰红茶，可能有三分之一瓶。</p>"
    "<p>快到十一点了，明天要上班，所以我要早点睡觉，让我想想今天都经历了什么。</p>"
    "<p>我早上十点过起来的，洗了脸，洗了头，然后骑自行车去园区取快递。</p>"
)


@pytest.mark.parametrize("og", ["", '<meta property="og:title" content="2022-4-17">'])
def test_a_diarys_day_as_its_title_and_its_heading_is_the_headline(og: str) -> None:
    # A Hugo diary (world-online/world-online.github.io, 2022/04/17), trimmed.
    page = (
        f'<html><head><meta charset="utf-8"><title>2022-4-17</title>{og}</head><body>'
        '<nav><a class="navbar-brand" href="#">2022-4-17</a><ul><li><a href="/">World</a></li>'
        '<li><a href="/tags/life/">人间</a></li><li><a href="/tags/tech/">技术</a></li></ul></nav>'
        '<header class="intro-header"><h2>2022-4-17</h2><div class="tags">'
        '<a href="/tags/a/">这一天</a> <a href="/tags/b/">核酸</a></div></header>'
        f"<article><h2>这一天</h2>{_DIARY_TEXT}</article></body></html>"
    ).encode()
    article = normalize(page)
    assert article.title == "2022-4-17"
    assert article.blocks[0].text == "这一天"


def test_a_chapter_named_for_its_day_has_that_day_as_its_headline() -> None:
    # An mdBook reading collection (tinysnow's 每日一文): a novel's chapter headed
    # by the day it is set on, the writer's name in italics under it.
    page = (
        '<html><head><meta charset="utf-8">'
        "<title>1905 年 4 月 19 日 - 阿兰·莱特曼 - 微雪博客</title></head><body>"
        '<h1 class="menu-title">微雪博客</h1><main>'
        '<h1 id="1905-年-4-月-19-日"><a class="header" href="#1905-年-4-月-19-日">'
        "1905 年 4 月 19 日</a></h1><p><em>阿兰·莱特曼</em></p>"
        f"{_DIARY_TEXT}</main></body></html>"
    ).encode()
    article = normalize(page)
    assert article.title == "1905 年 4 月 19 日"
    assert article.author == "阿兰·莱特曼"


def test_a_headline_the_title_states_with_its_day_keeps_the_day() -> None:
    # A students' association's weekly bulletin (CSSA-LEEDS.github.io, Hexo Icarus).
    page = (
        '<html><head><meta charset="utf-8">'
        "<title>利兹疫情数据及政策 2021-08-04 - CSSA-LEEDS</title></head><body>"
        '<div class="card"><article class="card-content article">'
        '<div class="article-meta"><span>发表于 <time datetime="2021-08-12T02:40:45.000Z">'
        "2021-08-12</time></span></div>"
        '<h1 class="title is-3">利兹疫情数据及政策 2021-08-04</h1><div class="content">'
        "<p>截止2021年8月4日利兹市政府官网数据统计，利兹市目前累计确诊病例91135例；"
        "这一周与上一周相比较新增确诊总数减少609例，新增确诊病例3016例。</p>"
        "<p>截止2021年8月4日，全英新增确诊病例29312例，累计确诊病例数为5952756例。</p>"
        "</div></article></div></body></html>"
    ).encode()
    article = normalize(page)
    assert article.title == "利兹疫情数据及政策 2021-08-04"
    assert (article.published or "").startswith("2021-08-12")


def test_a_tables_rows_that_link_a_term_out_stay_with_the_post_over_them() -> None:
    # A Hugo Eureka post (9201314/www.hui.ke, posts/epidemic-prevention-and-cyber-security).
    rows = [
        ("封房间", "容器安全", "docker"),
        ("封小区", "Firewall", "只进不出：单向光闸"),
        (
            "路上做核酸检测",
            '<a href="https://x.example/ndr">NDR</a>',
            "Network Detection and Response",
        ),
        (
            "打疫苗",
            '<a href="https://x.example/rasp">RASP</a>',
            "Runtime Application Self-protection",
        ),
        ("流调", '<a href="https://x.example/apt">APT攻击检测</a>', "Advanced Persistent Threat"),
        ("吃药", "Endpoint security", "端点安全"),
    ]
    body = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
    page = (
        '<html><head><meta charset="utf-8"><title>防疫 &amp; 网络安全 | Hui.Ke</title></head><body>'
        '<nav><a href="/">Hui.Ke</a> <a href="/posts/">Posts</a> <a href="/tags/">Tags</a></nav>'
        "<h1>防疫 &amp; 网络安全</h1><div>2022-04-27</div><div>1 min read</div><div>Hits</div>"
        '<div class="content"><p>今天在朋友圈看到了一个“防疫”和“网络安全”之间的类比，'
        "很是形象贴切，所以写一篇文章记录一下。</p>"
        "<table><thead><tr><th>防疫</th><th>网络安全</th><th>翻译</th></tr></thead>"
        f"<tbody>{body}</tbody></table></div>"
        '<div class="tags"><a href="/tags/a/">#防疫</a> <a href="/tags/b/">#网络安全</a></div>'
        "</body></html>"
    ).encode()
    texts = [block.text for block in normalize(page).blocks]
    assert texts[0].startswith("今天在朋友圈")
    assert "路上做核酸检测 | NDR | Network Detection and Response" in texts
    assert "流调 | APT攻击检测 | Advanced Persistent Threat" in texts
    assert "1 min read" not in texts and "Hits" not in texts


@pytest.mark.parametrize(
    "line",
    [
        "1 min read",
        "5 mins read",
        "Reading time: 3 min",
        "Hits",
        "本文总阅读量",
        "0:001:06",
        "本文最后编辑于前，其中的内容可能需要更新。",
    ],
)
def test_a_reading_time_a_counters_empty_label_and_a_players_clock_are_furniture(
    line: str,
) -> None:
    assert is_noise(line)


def test_a_foreign_writers_name_under_the_headline_is_the_author() -> None:
    # An mdBook reading collection (TinySnow/TinySnow.github.io, 每日一文).
    page = (
        '<html><head><meta charset="utf-8"><title>一个人是群体 - 微雪博客</title></head><body>'
        '<nav class="sidebar"><ol class="chapter"><li><a href="a.html">一个好人</a></li>'
        '<li><a href="b.html">一个人是群体</a></li></ol></nav><main>'
        "<h1>一个人是群体</h1><p><em>费尔南多·佩索阿</em></p>"
        "<p>从天而降的倾盆大雨终于停歇，天空洁净，大地潮湿，闪闪发光——世间的一切在大雨留下的凉爽中"
        "欣欣向荣，生活重新变得特别澄明。</p><p>无论我们喜欢还是不喜欢，我们都是这一刻所有形式和"
        "色彩的奴隶，是天空和大地的臣民。</p></main></body></html>"
    ).encode()
    article = normalize(page)
    assert article.author == "费尔南多·佩索阿"
    assert article.blocks[0].text.startswith("从天而降")


@pytest.mark.parametrize(
    ("line", "writer"),
    [
        ("席鲁迪·特克亚姆著，安芳译", "席鲁迪·特克亚姆"),
        ("[美]詹姆斯·瑟伯 著 / 王五 译", "詹姆斯·瑟伯"),
        ("这本书由他著，我译", None),
    ],
)
def test_a_translations_credit_line_names_the_writer(line: str, writer: str | None) -> None:
    assert writer_credit(line) == writer


def test_a_utc_moment_past_midnight_at_plus_eight_gives_way_to_the_day_the_page_shows() -> None:
    # A Hugo blog built in UTC (0x0cqq/0x0cqq.github.io, posts/zjoi2014-force), trimmed.
    page = (
        '<html><head><meta charset="utf-8"><title>「ZJOI2014」力-快速傅立叶变换</title>'
        '<meta property="article:published_time" content="2018-07-19T18:00:39+00:00">'
        "</head><body><article><h2>「ZJOI2014」力-快速傅立叶变换</h2>"
        '<div class="single__meta"><time class="single__info" title="Written At">'
        "Jul 19, 2018</time></div>"
        "<p>给出 n 个数，求每个位置受到的力，可以写成两个卷积之差，用快速傅立叶变换计算。</p>"
        "<p>把式子拆成两部分，分别构造多项式相乘，最后取对应的系数即可，复杂度为 n log n。</p>"
        "</article></body></html>"
    ).encode()
    assert (normalize(page).published or "").startswith("2018-07-19")


def test_a_post_s_named_title_over_its_meta_rows_beats_the_text_s_first_section_heading() -> None:
    # A Hexo theme's post (kankezhiyan's writing-daily): the title in a named box,
    # then by：, the reading time and the day, then the text opens on a section heading.
    page = (
        '<html><head><meta charset="utf-8"><title>今天写作了吗</title></head><body>'
        '<div class="post-header"><a class="logo" href="/">今天写作了吗</a></div>'
        '<div class="post-main"><div class="post-main-title">NANA地球游记（一）</div>'
        '<div class="post-meta">by：天天开心</div><div class="post-meta">约1.3k字 | 需 2 分钟</div>'
        '<div class="post-meta">2023-10-16</div><div class="post-md">'
        f'<h3 id="缘启"><a href="#缘启" class="headerlink"></a>缘启</h3>{_DIARY_TEXT}'
        "</div></div></body></html>"
    ).encode()
    article = normalize(page)
    assert article.title == "NANA地球游记（一）"
    assert article.published is not None and article.published.startswith("2023-10-16")
    assert article.blocks[0].text == "缘启"
