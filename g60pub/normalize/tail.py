"""Where an article ends: reader comments, site notices, a second copy of the text.

Pages print more after the article inside the same box: a comment section
(热门评论, 网友评论, 留言列表 (42)) with its entries, the site's copyright or
disclaimer notice (版权与免责声明, 反侵权公告), a forum's posting rules, and on
blogs and forums further posts (a monthly archive, the replies to a thread:
`posts` finds where the first ends).
None of it is the article. Each is recognised by its own marks, never by
one word: a comment heading counts only with a comment entry after it
(user[219.130.79.*], [网易上海网友]2019-05-18 …, #1 小鳳於 2013/12/28 10:28, re: …)
or with words only comment boxes print (暂无评论, 网友评论仅供…).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from g60pub.normalize.boilerplate import is_feed_heading
from g60pub.normalize.dates import find_datetime
from g60pub.normalize.posts import NEXT_POST, SENTENCE_END, post_header, reply_header

_COMMENT = r"(?:评论|評論|留言|跟帖|跟贴|跟貼|回复|回覆|回應|回应|讨论|討論)"
# A heading that opens the comment section (the whole of a short line).
_COMMENT_HEADING = re.compile(
    r"^[【\[]?\s*(?:热门|熱門|最新|精彩|全部|网友|網友|读者|讀者|最热|最熱|所有|我要|发表|發表|查看|更多)?"
    + _COMMENT
    + r"{1,2}(?:列表|区|區)?[\s\d（）()【】\[\]:：共已有条條人参与參與]*"
    + _COMMENT
    + r"?$"
)
_NEIGHBOUR = re.compile(r"(?:上一篇|下一篇|前一篇|后一篇|後一篇|上一篇文章|下一篇文章)\s*[:：]?")
# Words only a comment box or a site notice prints: the article is over.
_CLOSING = re.compile(
    r"^(?:网友|網友)" + _COMMENT + r"仅供|仅代表网友个人|^正文已结束"
    r"|^(?:暂无|暫無|目前没有|目前沒有|还没有|還沒有)(?:热门|熱門)?"
    + _COMMENT
    + r"|^请先说点什么|^发一条友善的评论|纯属.{0,4}个人(?:观点|行为|意见).{0,8}与.{1,12}无关"
    r"|^(?:Notice|Disclaimer)\s*:\s*(?:The|This) (?:content|article|page)"
    # A platform's disclaimer over its users' posts, a site's notice on reusing its
    # work (声明：凡注明…), a comment box's rules, an answer's rating row: no more text.
    r"|(?:平台|本站|本网|网站)(?:仅|只)提供信息存储|^[“\"]?(?:免责|特别|平台)声明\s*[:：]|仅代表作者(?:本人|个人)|^[“\"]?(?:版权)?声明\s*[:：]\s*凡(?:注明|本网|本站)"
    r"|文明上网|理性发言|你对这个回答的评价是"
    # A thread's notices between posts (寒冰冽回复了此帖, 19 天后) and an answer's
    # posting row (Qbian | java & go | 2024-01-06 被采纳): a reply follows.
    r"|^\S{1,20}(?:回复|回覆)了(?:此|这个|该)?(?:帖|主题|帖子)$|^\d+\s*(?:天|个月|年)(?:之)?后$"
    r"|\d{1,2}\s*(?:被|已)采纳$"
    # The notice of the next session or issue (【CTO讲堂第二期预告】, 下期预告), the
    # list of an event post's sign-ups (已通过 (535 人)).
    r"|^[【\[]?(?:下期|下一期|\S{0,10}第\S{1,3}期)预告[】\]]?$|^已通过\s*[（(]\d+\s*人[)）]$"
    r"|^\d+\s*人点赞$"  # a post's like bar (19人点赞): the platform's boxes follow
    r"|^\d+\s*人跟[贴帖]\s*\d+\s*人参与$"  # a comment box's header (19人跟贴 140人参与)
    # The rules of a comment box whose comments a script fills (討論規範, 留言须知).
     + r"|^" + _COMMENT + r"(?:规范|規範|规则|規則|须知|須知)$"
)
# A site's copyright or disclaimer notice, by its heading (雅虎中国著作权声明,
# 振兴东北网版权与免责声明：, 反侵权公告：).
_NOTICE = re.compile(
    r"^.{0,12}(?:版权|版權|著作权|著作權|侵权|侵權|免责|免責|特别|郑重)(?:(?:与|及|和)免责)?(?:声明|聲明|公告)\s*[:：]?$"
)
# One entry of a comment list (…, shulun_lv created at 2016-7-9 8:59).
_ENTRY = re.compile(
    r"\[\d{1,3}\.\d{1,3}\.\d{1,3}\.\*\]"  # user[219.130.79.*]
    r"|(?:网友|網友)\]\s*\d{4}-\d{2}-\d{2}"  # 微软小冰[网易北京手机网友]2019-05-17 20:33:49
    r"|^#\d+\s*\S.{0,30}[於于]\s*\d{4}[/-]"  # #1 小鳳於 2013/12/28 10:28
    r"|[於于]\s*\d{4}[/-]\d{1,2}[/-]\d{1,2}\s+\d{1,2}:\d{2}\s*(?:回覆|回复)"
    r"|^#?\s*re\s*[:：]"  # # re: 标题 2004-12-27 12:46 网友
    r"|(?:引用|回复|回覆|支持|反对|举报|投诉|顶|踩)\s*(?:引用|回复|回覆|支持|反对|举报|投诉|顶|踩)"
    r"\s*[(（]?\d*[)）]?\s*\d{4}-\d{1,2}-\d{1,2}"
    # 24-5-13 17:08 来自福建, 来自福建省, IP属地：北京
    r"|\d{1,2}:\d{2}\s*来自\s*\S{2,8}$|^(?:来自|IP\s*属地\s*[:：]?)\s*\S{2,8}$"
    r"|^\d{2,4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?$"  # a commenter's posting time alone
    r"|^\d+\s*(?:秒|分钟|小时|天)前$|\bcreated at\s+(?:\d{4}-\d{1,2}-\d{1,2}|\d+\s*\S{1,2}前)",
    re.I,
)
_EVIDENCE = 8  # lines after a comment heading within which an entry must show
_SHORT = 40


def _ends_here(texts: Sequence[str], index: int) -> bool:
    text = texts[index].strip()
    if _CLOSING.search(text[: _SHORT * 2]) or (len(text) <= _SHORT and _NOTICE.match(text)):
        return True
    if len(text) <= _SHORT and _COMMENT_HEADING.match(text):
        following = texts[index + 1 : index + 1 + _EVIDENCE]
        # Its entries, or the box's rules and notices where a script puts them.
        closing = any(_CLOSING.search(line[: _SHORT * 2]) for line in following[:2])
        return closing or any(_ENTRY.search(line) for line in following)
    return False


def article_end(
    texts: Sequence[str],
    weights: Sequence[float],
    start: int,
    headlines: Collection[int] = (),
) -> int | None:
    """The index of the first line where the article is over, if any.

    ``start`` is the first line of the text as first chosen: a comment link in
    the byline row above it (发表评论 | 查看评论) ends nothing. A site notice
    ends the text before it wherever it stands, even when the notice itself
    was taken for the article (a long copyright paragraph under a short story).
    ``headlines``, the lines set as <h1>: one with its own dateline under it
    after a story's text is the next story's (pages that load it below the
    first), not after a popup's line or two.
    """
    text_before = own = under_headlines = 0.0
    for index, text in enumerate(texts):
        notice = len(text) <= _SHORT and _NOTICE.match(text.strip()) is not None
        if notice and weights[index] >= 0 and text_before >= NEXT_POST:
            return index
        # Over a feed heading above the text first chosen, an article: not a
        # headline alone (a page's keyword-stuffed <h1> over a sidebar).
        heads = _heads_the_text(weights, index, start) and under_headlines >= NEXT_POST
        if (
            (index > start or heads)
            and text_before >= NEXT_POST
            and is_feed_heading(text)
            and not _text_resumes(weights, index, text_before)
        ):
            return index
        if index > start and text_before >= NEXT_POST and _REFERENCES.match(text.strip()):
            after = _after_references(texts, index)
            if after is not None:
                return after
        if index > start and _ends_here(texts, index):
            return index
        if index > start and text_before >= NEXT_POST and _NEIGHBOUR.fullmatch(text.strip()):
            return index  # a badge over the previous or next post's card and its summary
        if own >= NEXT_POST and index in headlines and _dated_below(texts, index):
            return index  # the next story's headline and dateline, under a story
        text_before += max(weights[index], 0.0)
        under_headlines += max(weights[index], 0.0) if index not in headlines else 0.0
        if index >= start:
            own += max(weights[index], 0.0)
    return None


def _heads_the_text(weights: Sequence[float], index: int, start: int) -> bool:
    """True when a feed's heading stands right over the text first chosen.

    A Q&A page sets a related question's long answer under 相关专业回答 after
    the question's own chosen answer: when that answer is taken for the text,
    the feed is what was chosen, and the article is the text above its heading.
    """
    return index < start and all(value <= 0 for value in weights[index + 1 : start])


_BOX = 5  # link lines a related-reading box inside the text may hold
_RESUMED = 2  # paragraphs of text in a row after such a box: the article goes on
_SECTION = 300.0  # weight of the text after a box that is a section of the article


def _text_resumes(weights: Sequence[float], index: int, before: float) -> bool:
    """True when a related-reading heading heads a small box inside the text.

    Live-updated roundups set a box of links (【相關文章】 and two titles) under
    their first paragraph and go on for pages: after at most a few link
    lines, paragraphs follow in a row that outweigh the text before the box.
    After an article's closing list the links go on, a teaser stands between
    each pair of them, or a short box about the writer follows.
    """
    links = 0
    position = index + 1
    while position < len(weights) and weights[position] <= 0:
        links += 1
        position += 1
    if not 0 < links <= _BOX:
        return False
    paragraphs, resumed = 0, 0.0
    for value in weights[position:]:
        if value < 0:
            break
        paragraphs += value > 0
        resumed += value
        if paragraphs >= _RESUMED and resumed >= before:
            return True
    # A tip inside a long text (推荐阅读： and one title) under which its next
    # section goes on: several paragraphs, more than a writer's box holds.
    return paragraphs > _RESUMED and resumed >= _SECTION


# The heading of a reference list (参考资料：, 參考文獻, References).
_REFERENCES = re.compile(
    r"^[【\[]?\s*(?:参考|參考)(?:资料|資料|文献|文獻|来源|來源|链接|鏈接|阅读|閱讀)\s*[】\]]?\s*[:：]?$"
    r"|^References\s*:?$",
    re.I,
)
# One entry of a reference list: an address, a numbered entry ([1] …, 1. …).
_REFERENCE = re.compile(r"^\s*(?:https?://|www\.|[\[［【(（]?\d{1,3}[\]］】)）.、]\s*\S)")
_ENTRIES = 1  # entries under the heading that make it a reference list


def _after_references(texts: Sequence[str], index: int) -> int | None:
    """Where the page goes on after a reference list, which closes an article.

    The list stays with the article (its entries are the article's own);
    what follows it (a reading group's advertisement, tags) does not.
    """
    position = index + 1
    while position < len(texts) and _REFERENCE.match(texts[position]):
        position += 1
    if position - index - 1 < _ENTRIES or position >= len(texts):
        return None
    return position


_DATELINE_BELOW = 5  # lines under a headline within which its dateline shows
_DATELINE = 30


def _dated_below(texts: Sequence[str], index: int) -> bool:
    following = texts[index + 1 : index + 1 + _DATELINE_BELOW]
    return any(len(line) <= _DATELINE and find_datetime(line) is not None for line in following)


_POST = 20.0  # weight of text before a comment section that makes a post of its own


def comments_before(texts: Sequence[str], weights: Sequence[float], first: int) -> int | None:
    """Where a comment section opens above ``first``, with a post's text before it.

    A one-line post under long replies (发现个好用的工具，挺有意思～ / 评论 / …,
    or / #1 回复于：…): the text first chosen is the replies. Under a thread's
    first post header (樓主 …, or an image board's name, time, ID and No. row)
    any text makes the post, and the next post's header (2 樓 …, the next such
    row) ends it.
    """
    text_before = 0.0
    opener: str | None = None  # the kind of the first post's header, once seen
    since = 0.0  # weight of text under that header
    for index in range(first):
        text = texts[index].strip()
        header = post_header(text)
        reply = reply_header(text) or (opener is not None and header in (opener, "floor"))
        post_above = text_before >= _POST or (opener is not None and since > 0)
        if post_above and (reply or _ends_here(texts, index)):
            return index
        if opener is None and header in ("opener", "board"):
            opener = "board" if header == "board" else "floor"
            since = 0.0
        text_before += max(weights[index], 0.0)
        since += max(weights[index], 0.0)
    return None


def is_comment_entry(text: str) -> bool:
    """True for the head of one reader comment (name, address or date, reply links)."""
    return len(text) <= _SHORT * 2 and _ENTRY.search(text) is not None


_COPY_LINE = 20  # characters: a paragraph long enough that a repeat of it is a copy
_COPY_RUN = 2  # lines that must repeat, in order, for a second copy of the text
_COPY_SHIFT = 1  # opening paragraphs a copy may have edited before its repeated run


def second_copy(texts: Sequence[str], body: Sequence[int]) -> int | None:
    """Where a second copy of the text begins, if the article's lines hold two.

    Portals set the same article twice in one page (a desktop and a mobile
    copy, the second shown by the style sheet on a phone). When the text's
    opening paragraphs come again in order further down, under a dateline,
    the article ends with its last line that closes a sentence before the
    repeat: the related links, the date and the document number between the
    copies go too. The copies may differ in their first paragraph (one was
    edited after the other was set): the second and third then repeat.
    """
    long = [i for i in body if len(texts[i]) >= _COPY_LINE]
    for shift in range(_COPY_SHIFT + 1):
        wanted = [texts[i] for i in long[shift : shift + _COPY_RUN]]
        if len(set(wanted)) < _COPY_RUN:
            continue  # one paragraph said again and again is no copy of the text
        # The copy's run, and its first paragraph ``shift`` lines before it,
        # both come after the opening run.
        for k in range(2 * shift + _COPY_RUN, len(long) - _COPY_RUN + 1):
            if [texts[i] for i in long[k : k + _COPY_RUN]] != wanted:
                continue
            start = long[k - shift]
            closing = [i for i in body if i < start and SENTENCE_END.search(texts[i])]
            # A copy has its own dateline over it; text that goes on into its
            # opening again (under a heading, say) is said twice, not copied.
            gap = range(closing[-1] + 1, start) if closing else range(0)
            return gap.start if any(find_datetime(texts[i]) for i in gap) else None
    return None
