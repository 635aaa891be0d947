"""Generated CMS layouts: whatever furniture surrounds an article, the article comes back whole."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from g60pub.normalize import normalize

SENTENCES = (
    "松江、杭州、嘉兴三地在沪签订《沪嘉杭G60科创走廊建设战略合作协议》。",
    "依托G60科创走廊，三地将深化全方位、紧密型的科创合作和产业对接。",
    "协议将引导和支持三地企业、高校和科研机构加强科技研发和成果转化合作。",
    "三地将大力支持本地科研院所、创新服务机构在合作地设立分支机构。",
    "推进制造业服务化，积极开展增材制造、柔性制造、互联定制等现代制造模式应用试点。",
    "千年大计，北方有雄安新区，东方有G60走廊。",
)
HEADINGS = ("提升区域协同创新能力", "共建高度融合产业体系", "营造良好创新发展环境")
SITE = "浙江省侨商会"
TITLE = "松江杭州嘉兴共同签订科创走廊合作协议"

TITLE_MARKUP = {
    "h1": f"<h1>{TITLE}</h1>",
    "div.title": f'<div class="title">{TITLE}</div>',
    "bold-font": f'<p align="center"><font size="5"><b>{TITLE}</b></font></p>',
}
BYLINES = (
    f"<div>[作者:张三 来源: {SITE} 时间:2017-07-18 11:29:57 阅读:2587 次]</div>",
    f"<div>发布日期：2017-07-18　来源：{SITE}　浏览次数：12</div>",
    f"<p>2017年7月18日 11:29 来源：{SITE} 作者：张三 编辑：李四</p>",
)
HEADING_MARKUP = (
    "<h3>{}</h3>",
    "<p><strong>{}</strong></p>",
    '<p style="text-align:center"><b>{}</b></p>',
)
PARAGRAPH_MARKUP = (
    "<p>{}</p>",
    "<p>\u3000\u3000{}</p>",
    "<div>{}</div>",
    "<p><span>&nbsp;&nbsp;{}</span></p>",
)
FURNITURE = (
    '<div class="nav"><a href="/">首页</a> <a href="/a">商会概况</a> <a href="/b">经科</a></div>',
    '<div class="position">您的位置：<a href="/">首页</a> &gt;&gt; 经科信息</div>',
)
TAIL = (
    '<div>【<a href="javascript:print()">打印此文</a>】'
    '【<a href="javascript:close()">关闭窗口</a>】</div>'
    '<div class="related"><h4>相关新闻</h4><ul><li><a href="/1">长三角座谈会召开</a></li>'
    '<li><a href="/2">科创走廊建设提速</a></li></ul></div>'
)
FOOTER = f'<div class="footer">版权所有 {SITE} 浙ICP备12034567号</div>'


@dataclass(frozen=True)
class Layout:
    title: str
    byline: str
    body: tuple[tuple[str, str], ...]  # (kind, text)
    heading_markup: str
    paragraph_markup: tuple[str, ...]
    table: bool
    sidebar: bool


@st.composite
def layouts(draw: st.DrawFn) -> Layout:
    body: list[tuple[str, str]] = []
    for index in range(draw(st.integers(1, 6))):
        if index and draw(st.booleans()):
            body.append(("heading", f"{draw(st.sampled_from(HEADINGS))}{index}"))
        body.append(
            (
                "paragraph",
                "".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3))),
            )
        )
    return Layout(
        title=draw(st.sampled_from(sorted(TITLE_MARKUP))),
        byline=draw(st.sampled_from(BYLINES)),
        body=tuple(body),
        heading_markup=draw(st.sampled_from(HEADING_MARKUP)),
        paragraph_markup=tuple(draw(st.sampled_from(PARAGRAPH_MARKUP)) for _ in body),
        table=draw(st.booleans()),
        sidebar=draw(st.booleans()),
    )


def render(layout: Layout) -> str:
    parts = [
        (layout.heading_markup if kind == "heading" else markup).format(text)
        for (kind, text), markup in zip(layout.body, layout.paragraph_markup, strict=True)
    ]
    content = f'<div class="content">{"".join(parts)}</div>'
    sidebar = (
        '<div class="side"><h3>热门文章</h3><ul><li><a href="/h">上海发布人才新政</a></li></ul>'
        "<p>本会是由在浙侨商自愿组成的非营利性社会团体，现有会员三百余家。</p></div>"
        if layout.sidebar
        else ""
    )
    article = TITLE_MARKUP[layout.title] + layout.byline + content + TAIL
    if layout.table:
        main = f"<table><tr><td>{sidebar}</td><td>{article}</td></tr></table>"
    else:
        main = f'<div class="wrap">{sidebar}<div class="main">{article}</div></div>'
    head = f'<head><meta charset="utf-8"><title>{TITLE}_经科信息_{SITE}</title></head>'
    return f"<html>{head}<body>{''.join(FURNITURE)}{main}{FOOTER}</body></html>"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layouts())
def test_generated_layouts_give_back_title_byline_and_every_block(layout: Layout) -> None:
    article = normalize(render(layout).encode("utf-8"))
    assert article.title == TITLE
    assert article.source == SITE
    assert article.published is not None and article.published.startswith("2017-07-18")
    expected = [(kind, text.replace("\u3000", "")) for kind, text in layout.body]
    assert [(b.kind, b.text) for b in article.blocks] == expected
