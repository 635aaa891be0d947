"""A thread whose board marks its first post (百度贴吧's ``d_post_content_firstfloor``):
the first post is the article, however short and however long the replies
under it; a first post of pictures alone makes no article; a comment
section's first floor under a news story leaves the story alone.

Each page here is written by this project, modelled on the markup of a real
saved page (minimal, reproducing the structure that mattered).
"""

from __future__ import annotations

import pytest

from g60pub.errors import SourceError
from g60pub.normalize import normalize

_REPLY = (
    "十四岁能把人逼到没有一点犹豫的地步，有多大的学习压力想过没有？这种家庭里为了子女的成绩，"
    "父母常常把自己的期望压在孩子身上，孩子却没有一个可以说话的地方。我们小时候也是这样过来的，"
    "只是那时候没有人会在网上说起这些事情，大家都以为熬过去就好了。"
)


def _floor(number: int, content: str, first: bool = False) -> str:
    marked = " d_post_content_firstfloor" if first else ""
    return (
        '<div class="l_post j_l_post">'
        f'<div class="d_author"><a class="p_author_name">用户{number}</a></div>'
        f'<div class="d_post_content_main{marked}"><div class="p_content">'
        f'<div id="post_content_{number}" class="d_post_content j_d_post_content">{content}</div>'
        '</div><div class="share_btn_wrapper"><a>送TA礼物</a></div>'
        '<div class="core_reply j_lzl_wrapper"><div class="core_reply_tail">'
        f'<div class="post-tail-wrap"><span>来自Android客户端</span><span>{number}楼</span>'
        "<span>2024-08-06 22:09</span><a>回复</a></div></div></div></div></div>"
    )


def _thread(first: str) -> bytes:
    return (
        '<html><head><meta charset="utf-8">'
        "<title>【强烈恭喜】包揽跳水女子10米台金银牌！_吧_百度贴吧</title></head>"
        '<body><div class="core_title"><h3 class="core_title_txt">'
        "【强烈恭喜】包揽跳水女子10米台金银牌！</h3></div>"
        f'<div class="p_postlist">{_floor(1, first, first=True)}{_floor(2, _REPLY)}'
        f"{_floor(3, _REPLY.replace('十四岁', '十五岁'))}</div></body></html>"
    ).encode()


def test_a_threads_short_marked_first_post_is_its_article() -> None:
    article = normalize(_thread("中国队第22金！无悬念！"))
    assert [b.text for b in article.blocks] == ["中国队第22金！无悬念！"]
    assert article.title == "【强烈恭喜】包揽跳水女子10米台金银牌！"


def test_a_marked_first_post_of_a_picture_alone_makes_no_article() -> None:
    picture = '<img src="a.jpg"><span class="replace_tip">点击展开，查看完整图片</span>'
    with pytest.raises(SourceError, match="first post"):
        normalize(_thread(picture))


def test_a_comment_sections_first_floor_under_a_story_leaves_the_story() -> None:
    story = "".join(f"<p>{_REPLY}{n}</p>" for n in range(3))
    page = (
        '<html><head><meta charset="utf-8"><title>一则新闻_网易新闻</title></head><body>'
        f'<h1>一则新闻</h1><div class="post_body">{story}</div>'
        '<div class="comments"><div class="floor-tie-self z-first-floor">'
        "<p>恒大水军总顾问[网易四川省绵阳网友]</p><p>说得好，顶一下。</p></div></div></body></html>"
    ).encode()
    texts = [b.text for b in normalize(page).blocks]
    assert len(texts) == 3 and all("学习压力" in t for t in texts)
