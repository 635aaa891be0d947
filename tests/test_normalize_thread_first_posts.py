"""A thread whose board marks its first post (百度贴吧's ``d_post_content_firstfloor``),
or a question whose answers are marked (知乎's ``AnswerItem``):
the first post is the article, however short and however long the replies
under it; a first post of pictures alone makes no article; a comment
section's first floor under a news story leaves the story alone. A post's
code block set as text keeps the post's own paragraphs round it over a box of
related links, and a poster's registration day is not the post's. A dialog
and an archiver's info bar are furniture, and a row of action words over the
replies (回复 转发 赞 收藏 只看楼主) names no poster.

Each page here is written by this project, modelled on the markup of a real
saved page (minimal, reproducing the structure that mattered).
"""

from __future__ import annotations

import pytest

from g60pub.errors import SourceError
from g60pub.normalize import normalize
from g60pub.normalize.dom import parse
from g60pub.normalize.regions import negative_regions

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


def _discuz_post(profile: str) -> bytes:
    # Discuz!NT: the poster's profile box over the post's row, the post's code
    # block (a div, not <pre>), and a box of links to other posts inside the
    # post's cell.
    code = "".join(
        f"<br>$('input[type=\"button\"]').eq({n}).click(function(){{ alert('clicked'); }});"
        for n in range(8)
    )
    related = "".join(
        f'<tr><td><a href="/t/{n}.html">jQuery 入门使用教程之{n}：选择器和事件</a> | '
        f'<a href="/t/{n + 1}.html">用jQuery实现表单验证和提示的例子{n}</a></td></tr>'
        for n in range(6)
    )
    return (
        '<html><head><meta charset="utf-8"><title>jQuery 入门使用教程之四：链式代码 - 论坛</title>'
        '</head><body><table><tr><td><div class="poster"><a>cobra</a><ul><li>性别:保密</li>'
        f"<li>积分:5690</li>{profile}</ul></div>"
        '<div class="postinfo">2008-08-09 23:49 | 只看楼主</div>'
        "<div><h3>jQuery 入门使用教程之四：链式代码</h3><div>"
        "<div>jQuery另一个很令人惬意的地方是，一般的代码都是一行一行写，jQuery的代码可以一串一串写。</div>"
        "<div>这一点，在前面的文章中已经介绍过了。</div><div>直接来一个Demo:</div>"
        f'<div class="code"><div>CODE:</div><div>{code}</div></div>'
        "<div>现在，链式代码已经成为jQuery非常流行的一个特点了，在使用链条方式写代码时，"
        "可能会用到eq()和end()两个函数，前者找到一个元素，后者回到找到它之前的集合。</div>"
        "<div>需要注意的是，有几个函数并不返回jQuery对象，所以链条就不能继续下去，比如get()就不能。</div>"
        f"<table><tr><td>您可能对 [jQuery] 的这些文章也感兴趣：</td></tr>{related}</table>"
        "</div></div></td></tr></table></body></html>"
    ).encode()


def test_a_posts_opening_stays_with_its_code_block_over_a_box_of_related_links() -> None:
    texts = [b.text for b in normalize(_discuz_post("<li>注册: 2007-04-09</li>")).blocks]
    assert texts[0].startswith("jQuery另一个很令人惬意的地方")
    assert any(t.startswith("需要注意的是") for t in texts)


@pytest.mark.parametrize("row", ["注册: 2007-04-09", "注册时间：2007-04-09", "生日：2007-04-09"])
def test_a_posters_registration_day_is_not_the_posts(row: str) -> None:
    published = normalize(_discuz_post(f"<li>{row}</li>")).published
    assert published is not None and published.startswith("2008-08-09")


def _question(first_answer: str) -> bytes:
    # 知乎: the question's excerpt and an empty invite box over the answers, each
    # a ContentItem AnswerItem; the first answer is the page's article.
    def answer(name: str, text: str) -> str:
        return (
            '<div class="List-item"><div class="ContentItem AnswerItem">'
            f'<div class="AuthorInfo AnswerItem-authorInfo"><a>{name}</a></div>'
            f'<div class="RichContent"><div class="RichContent-inner"><p>{text}</p></div>'
            '<div class="ContentItem-time">发布于 2021-02-06 19:44</div></div></div></div>'
        )

    return (
        '<html><head><meta charset="utf-8">'
        "<title>有没有可能用小功率雷达制导？ - 知乎</title></head>"
        '<body><h1 class="QuestionHeader-title">有没有可能用小功率雷达制导？</h1>'
        '<div class="QuestionRichText"><p>基于我国的导弹实力较强，'
        "要想使得导弹在攻击时刻全时段锁定目标，"
        "有没有下面这类操作的可能，既然突防能力很强，是否可以将大批量的导弹一起发射？</p></div>"
        "<div><p>没有找到你想邀请的人</p></div>"
        '<div class="QuestionAnswers-answers">'
        + answer("飞雨", first_answer)
        + answer("工人", _REPLY)
        + "</div></body></html>"
    ).encode()


def test_a_questions_first_answer_is_its_article_however_short() -> None:
    article = normalize(
        _question("看你的说明，前苏联的反舰导弹就有这个功能吧，饱和攻击，攻击各自目标。")
    )
    assert [b.text for b in article.blocks] == [
        "看你的说明，前苏联的反舰导弹就有这个功能吧，饱和攻击，攻击各自目标。"
    ]


def _continued_topic() -> bytes:
    # 豆瓣小组, a topic's later page: the headline, a dialog asking to join the
    # group, the row of action words, then replies (poster, time, place, text).
    replies = "".join(
        f"<h4><a>豆友{n}</a> <span>2024-06-21 22:0{n}:03</span> 四川</h4><p>{_REPLY}{n}</p>"
        for n in range(3)
    )
    return (
        '<html><head><meta charset="utf-8"><title>实话实说楼</title></head><body>'
        '<div id="content"><h1>实话实说楼</h1>'
        '<div class="dialog_join_group"><div>是否加入乘风破浪的姐姐小组？</div>'
        "<div>加入小组后即可参加投票</div><a>申请加入</a> <a>取消</a></div>"
        '<div class="tabs" id="sep"><a>回复</a> <a>转发</a> <a>赞</a> <a>收藏</a> '
        f"<a>只看楼主</a></div><div>{replies}</div>"
        '<div id="__dsaver_infobar__">2026.07.30 · 第 481/502 页 ｜ 实话实说楼</div>'
        "</div></body></html>"
    ).encode()


def test_a_dialog_and_an_archivers_info_bar_are_furniture() -> None:
    root = parse(_continued_topic().decode())
    furniture = negative_regions(root)
    dialog = root.xpath("//*[@class='dialog_join_group']")[0]
    bar = root.xpath("//*[@id='__dsaver_infobar__']")[0]
    assert dialog in furniture and bar in furniture


def test_a_row_of_action_words_over_the_replies_names_no_poster() -> None:
    assert normalize(_continued_topic()).author is None
