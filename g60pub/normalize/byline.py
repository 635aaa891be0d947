"""Byline lines: ``[作者:… 来源:… 时间:… 阅读:N 次]``, ``发布日期：… 来源：… 浏览次数：…``,
``2019年5月20日 09:32 来源：… 作者：… 编辑：…`` and their many cousins.

A line is split at its ``key:`` labels (full- or half-width colon); each value
runs up to the next label. Keys that carry nothing we keep (editor, counters)
still mark the line as a byline so that it never becomes a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from g60pub.chinese import opencc_converter
from g60pub.cjk import HAN
from g60pub.normalize.boilerplate import is_noise
from g60pub.normalize.dates import find_datetime, is_date_span, split_datetime
from g60pub.normalize.labels import AS_OF, byline_keys, unglued
from g60pub.normalize.names import (
    CONTROL_WORDS,
    EDGE_JUNK,
    NOT_NAME,
    PERSON,
    SITE_NAME,
    clean_value,
    split_names,
)
from g60pub.normalize.rows import dotted_row
from g60pub.normalize.tw_credit import taiwanese_credit

# "索 引 号：", "文　　号：": labels padded out to the width of the table column.
_SPACED_LABEL = re.compile(
    r"(?:(?<=^)|(?<=[\s|｜]))[" + HAN + r"](?: +[" + HAN + r"]){1,3}(?= *[:：])"
)
_DATE_ONLY = re.compile(
    r"^[\s\[【(（]*((?:19|20)\d{2}[-/.年][\d\s:：\-/.年月日时分T+]*)[\s\]】)）]*$"
)
_MAX_LINE = 160
_LOGIN = re.compile(r"[a-z][a-z0-9_.\-]{0,15}")
# A translated paper's byline, the name in capitals: ERIK ECKHOLM 报道 2012年08月02日.
_LATIN_REPORTER = re.compile(r"^([A-Z][A-Z.'\- ]{2,40}[A-Z])\s+(?:报道|報導)")
# "本报记者 王强", "文/张三", "新京报记者 彭冲", "采写：南都记者 余毅菁 向雪妮",
# "执笔/叨叨姐、胡一刀&李小飞刀": a reporter named without a byline label. A
# producer, a worker or a creator (播客制作者育承, a show's time stamp) is none.
_REPORTER = re.compile(
    r"(?:^|[\s（(【\[□■])(?:(?:["
    + HAN
    + r"·《》]{0,12}?(?:记者|通讯员|实习生|撰文者?|采写|执笔者?|(?<![制工创合协操])作者|(?<=["
    + HAN
    + r"])原创)"
    r"|文\s*[/／丨|]|执笔\s*[/／丨|])\s*[:：/／丨]?\s*)+"
    r"([" + HAN + r"·]{2,4}(?:\s*[ 、\u3000&＆]\s*[" + HAN + r"·]{2,4})*)"
    r"(?=\s|$|\d|[）)】\]]|摄|整理|发自)"
)
# A line that is only a credit: "（袁源）", "记者 刘涛", "新京报记者 彭冲 山东冠县报道".
# A writer's credit after the name, in a school's or an office's source field:
# 学生处舍监 焦瑞芳 文 摄影, 焦瑞芳 文/图 (text by, photographs by).
_WRITTEN_BY = re.compile(
    r"^(?:[" + HAN + r"]{2,10}\s+)?([" + HAN + r"·]{2,4}(?:[ 、][" + HAN + r"·]{2,4})*)"
    r"\s*(?:文|撰文|撰稿|供稿)(?:\s*[/／、]?\s*(?:图|摄影|摄|图片))?$"
)
_CREDIT_REST = re.compile(
    r"^[\s（()）【】\[\]□■]*(?:[" + HAN + r"]{0,6}报道|摄|整理)?[\s（()）【】\[\]]*$"
)
# Colons of the presentation forms Hong Kong pages print in bylines (記者︰脫芷晴).
_COLONS = str.maketrans({"\ufe30": "：", "\ufe55": "：", "\ufe13": "："})
# An editor's word in brackets after a text (（節錄）, （完）): no one's name.
_EDITORS_WORD = re.compile(r"^(?:节录|摘录|节选|摘编|选登|待续|未完|续完|全文完|完)$")
_BARE_NAME = re.compile(r"^[（(]\s*([" + HAN + r"·]{2,4}(?:[ 、][" + HAN + r"·]{2,4})*)\s*[)）]$")
# What happened on a day, bracketed after it in a table (2017年4月1日（设立）), a column's
# unit (面积 / （平方公里）), a document's standing or edition (（试行）, （初中版）): no names.
_EVENT = re.compile(
    r"设立|成立|建立|建成|撤销|更名|施行|实施|发布|通过|修订|修正|公布|开业|开工|竣工"
    r"|批准|挂牌|合并|废止|生效|启用|揭牌|投产|通车|首发|上市"
    r"|平方公里|平方千米|平方米|公里|千米|公顷|万人|万元|亿元|万吨|千瓦|万户"
    r"|试行|暂行|草案|征求意见稿|讨论稿|送审稿|修订稿|\S{1,4}版"
)
# A source run into the links after it: 某某商业报道 | 发表评论 | 查看评论.
_SOURCE_END = re.compile(
    r"\s*[|｜]\s*(?:(?:发表|查看|我要|网友)?评论|我来说两句|打印|关闭|字号|分享|收藏|纠错).*$"
    r"|\s*(?:举报|纠错)$"  # 中国青年报 举报: the report button beside it
)
_GLUED_DATE_LABEL = re.compile(r"(?:发布|發佈|发表|發表|更新)?(?:时间|時間|日期)\s*[:：]?\s*$")
# A repost note in the author or source slot: 转载自…, 来源：微信公众号…
_REPOST = re.compile(r"^(?:转载|转自|摘自|来自|原载)|微信公众号|公众号")
# "由海姑娘张贴 @ 2005-06-14", "本贴由大卫于2005年8月12日…发表", "… by 眉间尺 〓",
# "发表于2014-08-24 21:30| 1164次阅读|…", "编辑于 2025-04-22 18:07": a posting or counter row.
_POSTED = re.compile(
    r"发表于|发布于|编辑于|发表时间|发布时间|张贴|发表|posted"
    r"|發表於|發佈於|發布於|編輯於|發表時間|發佈時間|張貼|發表"
    r"|(?:\d\s*(?:次阅读|次浏览|条评论))",
    re.I,
)
_POSTER = re.compile(
    r"由\s*([^\s@于]{1,16}?)\s*(?:张贴|于)|\bby\s+([^\s〓|]{1,20})|作者\s*[:：]?\s*([^\s|｜]{2,16})\s*(?:[|｜]|$)"
    r"|^([A-Za-z][\w.\-]{1,19})\s+发表于"  # a forum poster's handle: gensmusic 发表于 …
    # cnblogs' post row: posted @ 2018-11-17 22:59 Esofar 阅读(2084) 评论(2)
    r"|posted\s*@\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2})?\s+([^\s|｜]{1,20}?)(?:\s|$)",
    re.I,
)
_SENTENCE = re.compile(r"[。，！？；]|[,!?;](?=\s|$)")  # Zoomla!逐浪: a mark inside a name
# A posting row's "by" at its end (… 由 安言 发布, … 由junmo); 由 before a Latin
# name after a label is that word too (文章作者 由majianyu), not a surname.
_BY_WHOM = re.compile(
    r"(?:^|(?<=[\s\d日])|(?<=本文|文章|本帖))由(?!此|于|於|衷|来|來|浅|淺|表)"
    r"\s*([^\s@于於:：]{1,16}?)\s*(?:发布|發佈|发表|發表)?$"
)
_BY_WHOM_POSTED = re.compile(r"由\s*\S{1,16}?\s*(?:发布|發佈|发表|發表)$")
_LEADING_BY = re.compile(r"^\s*由(?:\s+|(?=[A-Za-z0-9_]))")
_BY_ROW = re.compile(
    r"(?:[Pp]osted\s+)?[Bb]y\s+([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})\s*[,，|]\s*(.+)"
)
# A blog platform's posting row, the handle before the day: 原创 Marilynmontu
# 最后发布于2020-02-20 14:23:32, A-肖老师-树谷学院 于 2024-05-06 15:47:53 发布;
# 已于 … 修改 gives the day it was changed, not published.
_BLOG_ROW = re.compile(
    r"(?:(?:原创|转载|翻译)\s+)?(?!本文|文章|本帖|此文)((?:(?!发布|发表|更新|编辑|修改|發佈|發布|發表|編輯)[^\s:：于於]){2,30}?)\s*(已|最后)?(?:发布)?[于於]\s*"
    r"((?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*(发布|修改)?"
    r"(?:\s+(?:阅读|浏览|收藏|点赞)\D*\d*.*)?"
)
_BRACKETED = re.compile(r"\[[^\[\]]{2,40}\]|【[^【】]{2,40}】")
# "Saturday, September 10th, 2005 10:56 am": a dateline in English, commas and all.
_ASCII_DATELINE = re.compile(r"[A-Za-z0-9 ,.:/\-]{8,60}")
_OTHER_ARTICLE = re.compile(r"(?:推荐|相关|最新|热门|上一篇|下一篇)(?:文章|阅读|新闻)?于")
_MONTH_WORD = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.I
)


@dataclass(frozen=True, slots=True)
class Byline:
    author: str | None = None
    source: str | None = None
    published: str | None = None
    written: str | None = None  # 成文日期: the date to fall back on
    via: str | None = None  # a repost note: 转载自微信公众号虹桥馆


# A reporter's name over the paper he writes for (王培民/华商报), as a portal
# reprinting the paper's story credits it; the name is no outlet itself.
_NAME_OVER_PAPER = re.compile(
    r"^([" + HAN + r"·]{1,3}[^\W\d_报報网網社台刊])\s*[/／]\s*[" + HAN + r"]{1,10}"
    r"(?:报|報|网|網|社|台|刊|新闻|新聞)$"
)


def credit(text: str) -> str | None:
    """The names of a line that is only a reporter's credit, else None."""
    if len(text) > 40 or _SENTENCE.search(text.replace("、", "")):
        return None
    bare = _BARE_NAME.match(text.strip())
    if bare:
        simplified = str(opencc_converter("t2s").convert(bare.group(1)))
        if _EDITORS_WORD.match(simplified) or _EVENT.fullmatch(simplified):
            return None
        return split_names(bare.group(1))
    paper = _NAME_OVER_PAPER.match(text.strip())
    if paper:
        return paper.group(1)
    match = _REPORTER.search(text)
    if match is None or not _CREDIT_REST.match(text[match.end() :]):
        return taiwanese_credit(text)
    return split_names(match.group(1).replace("&", " ").replace("＆", " "))


def _posted(text: str) -> Byline | None:
    """A posting or counter row (发表于 … 次阅读, 由X张贴 @ date, … by X): its date and poster.

    A line that is only an English dateline (Saturday, September 10th, 2005 10:56
    am; September 19th, 2005 at 7:32 pm) is one too: blog templates print it over
    each post and each comment.
    """
    if _ASCII_DATELINE.fullmatch(text) and _MONTH_WORD.search(text):
        published = find_datetime(text)  # Posted by "Nefelibata" on February 10, 2020
        return Byline(author=_poster(text), published=published) if published else None
    if (dotted := dotted_row(text)) is not None:
        return Byline(author=dotted[0], published=dotted[1])
    by = _BY_ROW.fullmatch(text) if len(text) < 100 else None  # By Hau Wong, 五 13 一月 2012, …
    if by is not None and (day := find_datetime(by.group(2))) is not None:
        return Byline(author=split_names(by.group(1)), published=day)
    row = _BLOG_ROW.fullmatch(text)
    if row is not None and not _OTHER_ARTICLE.search(text):
        changed = row.group(2) == "已" or row.group(4) == "修改"
        # …的文章，创建于 2021-01-19: a sentence before the day, no handle.
        named = None if _SENTENCE.search(row.group(1)) else split_names(row.group(1))
        return Byline(named, published=None if changed else find_datetime(row.group(3)))
    if len(text) > 100 or not _POSTED.search(text):
        return None
    published = find_datetime(text)
    if published is None:
        return None
    return Byline(author=_poster(text), published=published)


def _poster(text: str) -> str | None:
    poster = _POSTER.search(text)
    name = next((g for g in poster.groups() if g), None) if poster else None
    return split_names(name) if name else None


def posting_row(text: str) -> bool:
    """True for a blog or forum post's posting row (发表于 … | 1164次阅读, … by 眉间尺 〓,
    an English dateline, commas and all)."""
    text = text.strip()
    english = _ASCII_DATELINE.fullmatch(text) is not None
    listed = _LIST_COMMA.sub(" ", text)  # 分类于 计算机图形学 ， 坐标变换: a list, no sentence
    return (english or not _SENTENCE.search(listed)) and _posted(text) is not None


# A comma with spaces on both sides: a theme's separator between categories or tags.
_LIST_COMMA = re.compile(r"\s[，,]\s")


# A day that is an account's or a person's (注册时间：…, 最后登录：…, 生日：…).
_ACCOUNT_DAY = re.compile(
    r"^(?:注册|加入|入站|最后登录|上次登录|最后访问|上次访问|生日|出生)(?:时间|日期)?\s*[:：]?\s*\d"
)


def account_day(text: str) -> bool:
    """A poster's profile row (注册: 2007-04-09), a birthday: a day, not the page's."""
    return _ACCOUNT_DAY.match(text.strip()) is not None


# A table's header row of three or more short labels (日期 | 姓名 | 地址): the
# table's own text, though 日期 is a byline's label too.
_HEADER_ROW = re.compile(r"[^\d\s|:：]{1,8}(?: \| [^\d\s|:：]{1,8}){2,}")
# A news site's byline as a list for screen readers (BBC: Author, 李雨梦 /
# Role, BBC中文记者): the name after the English key.
_LISTED_AUTHOR = re.compile(r"^Author\s*,\s*([^,:：]{1,30})$")
# A theme's row of the label and the name in elements of their own, no colon
# between: 作者 Tobytywang (Chirpy), 文章作者 Gourds (Jane).
_SPACED_AUTHOR = re.compile(r"^(?:文章|原文|本文)?作者\s+([^\s:：，。,]{2,20})$")


# A theme's row of days, each with its label after it, shown on hover and set
# twice for desktop and phone (2024-10-26 2024-10-26 创建 2025-08-05 23:21:33 … 更新).
_DAY_THEN_LABEL = re.compile(
    r"(?P<day>(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)"
    r"(?:\s+(?P=day))?\s*(?P<label>创建|发布|发表|更新|修改|創建|發佈|發表)"
)


def _labelled_after(text: str) -> Byline | None:
    """The day a row of days labelled after them gives as created or published,
    or only as changed (a date to fall back on)."""
    found = list(_DAY_THEN_LABEL.finditer(text))
    if not found or _DAY_THEN_LABEL.sub("", text).strip():
        return None
    days = [m["day"] for m in found if m["label"] not in ("更新", "修改")]
    if days:
        return Byline(published=find_datetime(days[0]))
    return Byline(written=find_datetime(found[0]["day"]))  # the day it was changed


def parse_byline(line: str, *, strict: bool = False) -> Byline | None:
    """The author, source and date a byline line holds, or None when ``line`` is not a byline.

    With ``strict`` (lines in the article body), a single label counts only at
    the start of a short line, so a sentence mentioning 来源 is left alone.
    """
    text = line.replace("\u00a0", " ").replace("\u3000", " ").translate(_COLONS).strip()
    text = _SPACED_LABEL.sub(lambda match: match.group(0).replace(" ", ""), text)
    if not text or len(text) > _MAX_LINE or _HEADER_ROW.fullmatch(text):
        return None
    if set(text.split()) <= CONTROL_WORDS:
        return None  # 编辑 锁定 讨论: an encyclopedia's buttons, 编辑 no editor's label
    if account_day(text):
        return None
    if (labelled_after := _labelled_after(text)) is not None:
        return labelled_after
    keys = byline_keys()
    text = keys.bar_label.sub(r"\1：", text)
    labels = list(keys.label.finditer(text))
    if labels and labels[0].start() == 0:
        split = unglued(text, labels[0].end(), keys)
        if split != text:
            text, labels = split, list(keys.label.finditer(split))
    listed = _LISTED_AUTHOR.match(text) or _SPACED_AUTHOR.match(text)
    named = None if labels else (_LEADING_BY.sub("", listed.group(1)) if listed else credit(text))
    if named:
        return Byline(author=named)
    posted = _posted(text)
    if posted is not None and not labels:
        return posted
    if not labels:
        # A bare date (or "name date") under a title is its publication date;
        # inside the text it is usually a signature date, which stays text.
        if strict or _OTHER_ARTICLE.search(text):
            return None  # 最新推荐文章于 2024-05-07 发布: another article's date
        published = None if is_date_span(text) or AS_OF.search(text) else find_datetime(text)
        short = len(text) <= 40 and not _SENTENCE.search(text)
        reporter = _REPORTER.search(text) if short else None
        author = split_names(reporter.group(1)) if reporter else None
        latin = _LATIN_REPORTER.match(text) if short else None
        author = author or (latin.group(1) if latin else None)
        if author is None and (published or _BY_WHOM_POSTED.search(text)):
            # 于 2020-04-19 由 安言 发布, 2017年9月4日 由junmo: posted by the name.
            by_whom = _BY_WHOM.search(text)
            author = split_names(by_whom.group(1)) if by_whom else None
        english = published is not None and _ASCII_DATELINE.fullmatch(text) is not None
        if (published or author) and (_DATE_ONLY.match(text) or short or english):
            return Byline(author=author, published=published)
        return None
    leading = text[: labels[0].start()].strip(EDGE_JUNK)
    if leading and (is_noise(leading) or _BRACKETED.fullmatch(text[: labels[0].start()].strip())):
        # "【纠错】 责任编辑：…", "[某某网] 发布时间：…": a toolbar link, a site's name.
        return parse_byline(text[labels[0].start() :], strict=strict)
    leading_date = find_datetime(leading) if leading else None
    # 克雷西 2023-09-13 10:00:39 来源：量子位: the writer's name before the date.
    named_first = split_datetime(leading)[0].strip(EDGE_JUNK) if leading_date else ""
    if leading and leading_date is None:
        # "陳宥蓁／綜合報導 發布時間：…", "中青报·中青网记者 魏其濛 来源：中国青年报":
        # a reporter's credit in front of the labels.
        named = taiwanese_credit(leading) or credit(leading)
        rest = parse_byline(text[labels[0].start() :], strict=strict) if named else None
        return Byline(author=named, source=rest.source, published=rest.published) if rest else None
    if (
        len(labels) == 1
        and not leading_date
        and (strict or len(text) > 60)
        and labels[0].start() > 2
    ):
        return None
    if strict and len(labels) == 1 and len(text) > 60:
        return None
    author = source = published = written = via = writer = None
    uploaded = False  # the author's name came from 发布者: the account, not the writer
    for index, label in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        key, value = label.group(1), text[label.end() : end]
        if key in keys.date:
            published = published or find_datetime(value)
            continue
        if key in keys.written:
            written = written or find_datetime(value)
            continue
        if key.endswith(("日期", "有效期至")):
            continue  # 实施日期, 失效日期: when a rule takes effect or lapses
        # "来源：新华社 2020-01-02": a date trailing a value is the date, not the value.
        value, trailing = split_datetime(value)
        if trailing:
            # 来源：中新网时间：2020-07-23: two spans run together, the date's label
            # glued to the source; it closes the value, it is no part of it.
            value = _GLUED_DATE_LABEL.sub("", value)
        published = published or trailing
        if _REPOST.search(value.strip(EDGE_JUNK)) and key in (*keys.author, *keys.source):
            via = via or clean_value(value)
        elif key in keys.uploader and _LOGIN.fullmatch(value.strip(EDGE_JUNK)):
            continue  # an account's login (twzx, dgb-sh), not the writer's name
        elif key in keys.author:
            uploaded = uploaded if author else key in keys.uploader
            author = author or split_names(_LEADING_BY.sub("", value))  # 文章作者 由majianyu
        elif key in keys.source and (credited := _WRITTEN_BY.match(value.strip(EDGE_JUNK))):
            writer = writer or split_names(credited.group(1))
        elif key in keys.source:
            cleaned = clean_value(_SOURCE_END.sub("", value))
            # 来源： 【打印】: an empty label, then the page's print button.
            if cleaned and not NOT_NAME.search(cleaned) and not is_noise(cleaned):
                source = source or cleaned
    if (
        author is None
        and PERSON.fullmatch(named_first)
        and not (SITE_NAME.search(named_first) or _POSTED.search(named_first))
    ):
        author = named_first
    if writer and (author is None or uploaded):
        author = writer
    return Byline(
        author=author,
        source=source,
        published=published or leading_date,
        written=written,
        via=via,
    )
