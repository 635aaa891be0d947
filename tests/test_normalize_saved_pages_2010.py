"""The normaliser on pages a reader-view tool saved in 2010-2011, on a
programming blog's saved posts and on an early site's pages: a Blogger post
in the template's widget box, and the furniture such pages print round the
text (a post's counters row, an English rights line, a loading placeholder,
a portal's disclaimer, the heading of a related-reading box left under the
text, a Q&A page's labels round its answer); a forum's reply header with
the poster's name run into its label, and a submission date's label after
an author's name; a letter dated only under its signature, a chronicle's
span of days under its headline; a wiki's tagline, edit links and
categories; and a Linux user group's site of 1999-2004: a plain text in a
``<pre>``, a BBS post's mail header, a path of pages, a link back, a
chapter's bare day.

Each page under tests/data/pages/ is trimmed from a real page whose origin its
opening comment names; the furniture lines are quoted from real pages.
"""

from __future__ import annotations

from pathlib import Path

from g60pub.normalize import normalize, normalize_file
from g60pub.normalize.boilerplate import is_feed_heading, is_noise
from g60pub.normalize.box_names import hint
from g60pub.normalize.byline import parse_byline
from g60pub.normalize.dates import find_datetime
from g60pub.normalize.dom import parse, sanitise
from g60pub.normalize.headline import clean_title
from g60pub.normalize.posts import header_row

PAGES = Path(__file__).parent / "data" / "pages"


def test_a_blogger_post_inside_its_widget_box_is_found() -> None:
    # The box is named "widget" like the sidebar's; it holds the post's text.
    article = normalize_file(PAGES / "blogger_post_in_widget_box.html")
    assert article.title == "恐怖笼罩的西藏阿坝"
    assert (article.published or "").startswith("2011-04-20")
    texts = [block.text for block in article.blocks]
    assert texts[0].startswith("2011年4月19日，中国外交部发言人洪磊在记者会上说")
    assert texts[-1] == "但事实是这样-----"
    assert not any("網誌存檔" in text or "張貼意見" in text for text in texts)


def test_the_furniture_round_old_portal_and_blog_texts_is_known() -> None:
    furniture = [
        "陈皓评论 12 条评论 14,216 人阅读",  # a post's author and counters
        "陈皓评论没有评论 8,118 人阅读",
        "14,216 人阅读",
        "All rights reserved",
        "'正在加载中...'",  # a player's placeholder, quotes and all
        "博讯是畅所欲言的场所、所有文章均不一定代表博讯立场",
        "> 相关阅读：",  # the heading of links dropped under the text
    ]
    assert [line for line in furniture if not is_noise(line)] == []
    text = [
        "这一表态并不代表政府的立场。",
        "相关阅读材料已经发给每位代表，请大家认真学习。",
        "陈皓在文章中写道：这篇文章有 12 条评论。",
    ]
    assert [line for line in text if is_noise(line)] == []


def test_a_reply_header_with_the_name_run_into_its_label_ends_the_first_post() -> None:
    # 天涯's reply rows (作者：普罗夫　回复日期：…) as the page's text reads them.
    assert header_row("作者：普罗夫回复日期：2010-01-14 02:55:04")
    assert header_row("作者：wowkao111 时间：2017-03-24 20:35:54")
    assert not header_row("作者：普罗夫说他回复日期未定。")


def test_a_submission_date_label_ends_the_authors_name() -> None:
    byline = parse_byline("作者：忧楼客 提交日期：2010-1-14 2:40:00 访问：135183 回复：1034")
    assert byline is not None
    assert byline.author == "忧楼客"
    assert (byline.published or "").startswith("2010-01-14")


def test_a_qa_pages_labels_round_an_answer_are_furniture() -> None:
    furniture = [
        "最佳答案",
        "回答者： 空军总医院男科 - 四级 2010-5-25 11:11",
        "提问者对于答案的评价：",
    ]
    assert [line for line in furniture if not is_noise(line)] == []
    assert not is_noise("最佳答案是多喝水，少熬夜。")


def test_a_letter_signed_with_a_date_is_dated_by_it() -> None:
    # The page states no date but the one under the letter, over its attachment.
    article = normalize_file(PAGES / "published_letter_signed_with_a_date.html")
    assert article.title == "请问俞正声，为什么非法禁止冯正虎参观上海世博会？"
    assert (article.published or "").startswith("2010-05-24")
    texts = [block.text for block in article.blocks]
    assert texts[-2:] == ["2010年5月24日", "附件：冯正虎持有的上海世博会门票"]


def test_a_span_of_days_under_a_headline_does_not_date_the_text() -> None:
    # A chronicle's subtitle names the days it covers, not the day it was written.
    page = (
        "<html><body><p>杨佳事件</p><p>2007年10月5日 - 2008年11月26日</p>"
        "<p>杨佳租骑一辆自行车途经闸北区芷江西路、普善路口，遭遇闸北分局芷江西路派出所巡逻民警盘查。"
        "杨佳给母亲王静梅打电话，母亲赶到派出所。</p>"
        "<p>艾未未工作室 整理 2008.11.27</p></body></html>"
    )
    article = normalize(page)
    assert (article.published or "").startswith("2008-11-27")


def test_a_wikis_tagline_edit_links_and_categories_are_no_text() -> None:
    # Markup quoted from a zh.wikipedia.org entry of 2011 (动物).
    root = parse(
        '<body><div id="content"><div id="siteSub">维基百科，自由的百科全书</div>'
        '<h2><span class="editsection">[<a href="/w/index.php?action=edit&amp;section=1" '
        'title="编辑段落：特征">编辑</a>]</span> <span class="mw-headline">特征</span></h2>'
        '<div id="catlinks" class="catlinks">页面分类：动物</div>'
        '<div class="printfooter">取自“http://zh.wikipedia.org/wiki/动物”</div></div></body>'
    )
    sanitise(root)
    (heading,) = root.iter("h2")
    assert heading.text_content().strip() == "特征"
    furniture = [e for e in root.iter("div") if e.get("id") != "content"]
    assert [hint(element) for element in furniture] == [-1, -1, -1]


def test_a_plain_text_set_whole_in_a_pre_is_headed_by_its_first_line() -> None:
    # No <title>, no heading: the first line, centred with spaces, heads the text.
    article = normalize_file(PAGES / "plain_text_notice_in_pre.html")
    assert article.title == "AKA安全成立CISSP学习小组"
    assert "AKA安全经过半年的发展" in article.blocks[0].text


def test_a_bbs_posts_mail_header_names_its_poster_and_date() -> None:
    # 发信人: zhang3 (张三) … 发信站: BBS 水木清华站 (Wed Apr  7 18:08:56 1999)
    article = normalize_file(PAGES / "bbs_post_with_mail_header.html")
    assert article.title == "完全基于mail虚拟社区"
    assert (article.published or "").startswith("1999-04-07")
    assert article.author == "zhang3"
    assert find_datetime("Tue Mar 14 09:12:01 2000") == "2000-03-14"


def test_a_path_of_pages_a_link_back_and_a_bare_day_are_no_headline() -> None:
    # Lines of a user group's site of 1999-2004 and of a novel's chapter on it.
    assert is_noise("AKA主页\\自由软件\\新项目")  # the path to the page, with backslashes
    assert is_noise("学校主页 - 学院新闻")
    assert not is_noise("主页君说了一句话。")
    assert clean_title("从ID想起 goose [返回]") == "从ID想起 goose"
    page = (
        "<html><body><center>尼尔斯骑鹅历险记</center><center>26．分遗产</center>"
        "<center>四月二十八日 星期四</center><pre>大雁们搭救了放鹅姑娘奥萨和小马茨，"
        "帮助他们走出了困境。这一天他们飞到了一个小镇的上空，看见了许多人。"
        "尼尔斯听到下面有人在说话，就请大雁们停下来。</pre></body></html>"
    )
    assert normalize(page).title == "26．分遗产"


def test_a_wechat_posts_mark_and_an_accounts_lists_of_picks_are_furniture() -> None:
    # Lines of WeChat articles of 2017-2020 saved by a WeChat parser's tests.
    assert is_noise("原创： 迷死氧新氧")  # the post's mark: its writer and account
    assert not is_noise("原创：这是一篇很长的文章，讲述了很多事情。")
    for heading in ("RECOMMEND", "近期文章", "【轻金融好文】"):
        assert is_feed_heading(heading), heading
    assert not is_feed_heading("分享一篇好文")
