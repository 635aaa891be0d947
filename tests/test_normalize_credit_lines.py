"""Credits and notices inside a news page's text: a writer's credit on a line of
its own further down the text (文/某报记者 王五 通讯员 赵六) names the author; a
translator's name over the dateline (刘小磊 译) is the name without the role;
a site's notice on reusing its work (声明：凡注明“某某网”来源之作品…) is where
the text ends.

Each page here is written by this project, modelled on the markup of a real
saved page (minimal, reproducing the structure that mattered).
"""

from __future__ import annotations

from g60pub.normalize import normalize
from g60pub.normalize.credits import writer_credit
from g60pub.normalize.names import split_names

_PARAGRAPHS = [
    "如果孩子说想换一种生活，你会有何反应？相信很多为人父母者一时无法接受，需要时间了解。",
    "一些专家认为这并不是病，然而旁人的不理解给这些孩子的生活制造了许多困难和压力。",
    "医学专家建议家长先听孩子把话说完，再和医生一起商量，不要急着下结论，也不要责骂。",
]


def _page(inserted: str, closing: str = "") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS[:2])
    return (
        '<html><head><meta charset="utf-8"><title>孩子想换一种生活 家长怎么办？_凤凰网</title>'
        '</head><body><div id="artical"><h1>孩子想换一种生活 家长怎么办？</h1>'
        '<div class="info"><span>2014年12月21日 07:09</span> <span>来源：广州日报</span></div>'
        f'<div id="main_content">{paragraphs}{inserted}<p>{_PARAGRAPHS[2]}</p>{closing}</div>'
        "</div></body></html>"
    ).encode()


def test_a_writers_credit_on_a_line_of_its_own_names_the_author() -> None:
    article = normalize(_page("<p>文/广州日报记者伍君仪 通讯员胡誉怀</p>"))
    assert article.author == "伍君仪"


def test_a_writers_credit_is_a_short_line_of_its_own() -> None:
    assert writer_credit("文/本报记者 李四") == "李四"
    assert (
        writer_credit("本报记者李四报道，今天上午，某某会议在北京召开，来自各地的代表参加了会议。")
        is None
    )


def test_a_translators_name_is_the_name_without_the_role() -> None:
    assert split_names("刘小磊 译") == "刘小磊"
    page = (
        '<html><head><meta charset="utf-8"><title>关于公开信的公开信</title></head><body>'
        "<h1>关于公开信的公开信</h1><div><div>刘小磊 译</div>"
        "<div><span>2020-07-17 13:49</span> <span>来源：澎湃新闻</span></div></div>"
        + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
        + "</body></html>"
    ).encode()
    assert normalize(page).author == "刘小磊"


def test_a_sites_notice_on_reusing_its_work_ends_the_text() -> None:
    notice = (
        "<p><b>声明：凡注明“凤凰网”来源之作品（文字、音频、视频），未经凤凰网授权，任何媒体和个人"
        "不得转载、链接、转贴或以其它方式使用；已经本网书面授权的，在使用时必须注明“来源：凤凰网”。</b></p>"
    )
    texts = [b.text for b in normalize(_page("", notice)).blocks]
    assert texts[-1] == _PARAGRAPHS[2]
