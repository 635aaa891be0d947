"""Names in bylines: who a value names, and whether it can name anyone at all.

A byline's author value is cut where the line runs on (a counter, a link),
CMS placeholders (佚名, admin) name no one, roles before the names (本报记者)
are dropped, and several people stay apart (王强、李明).
"""

from __future__ import annotations

import re

from g60pub.cjk import HAN
from g60pub.normalize.boilerplate import is_list_marker, is_noise
from g60pub.normalize.text import normalize_text

# The labels a byline names its writer with (Simplified; the Traditional forms
# are derived where the labels are matched).
AUTHOR_WORDS = (
    "作者 本文作者 文章作者 笔者 记者 撰稿 撰文 文 作者名 发布者 发布人 执笔 执笔人 发信人 整理 "
    "Author author"
)
EDGE_JUNK = ' \u3000\u00a0[]【】()（）|｜/,，;；@＠"'

_NO_AUTHOR = frozenset(["佚名", "未知", "不详", "admin", "administrator", "管理员", "匿名", "无"])
# What a template prints where a CMS field is empty (<meta name="author" content="null">).
_EMPTY_FIELD = frozenset(["null", "none", "undefined", "nil", "n/a", "unknown"])
# A theme's sample value left in <meta name="author"> (Hugo's and Hexo's example sites).
_PLACEHOLDER = frozenset(["john", "john doe", "jane doe", "your name", "yourname", "author name"])
PERSON = re.compile(r"[" + HAN + r"·]{2,4}")
_RIGHTS = re.compile(r"\s*(?:所有|保留)")

# "作者：本报记者 王强 通讯员 李明": the roles in front of the names are not names.
# Traditional pages write the same roles (本報記者, 香港特約記者).
_ROLE_PREFIX = "本报|本報|本台|本网|本網|本刊|新华社|新華社|特约|特約|见习|見習|实习|實習|摄影|攝影"
# A word of its own that ends in the role is the outlet's role (南方周末记者 师小涵).
_ROLE_WORD = r"(?:记者|記者|通讯员|通訊員|实习生|實習生)"
# 《中国企业家》记者林涛: the paper named in its title marks, then the role.
_ROLE = re.compile(
    r"^(?:《[^》]{1,20}》|[" + HAN + r"]{0,4}?(?:" + _ROLE_PREFIX + r"))?" + _ROLE_WORD
    + r"|^[" + HAN + r"·]{1,10}" + _ROLE_WORD + r"$"
)  # fmt: skip

# Values that are no name: attribute text (size="20"), counters, labels,
# addresses, a site's own name.
NOT_NAME = re.compile(
    r"[=<>\"{}@#]|https?:|www\.|\.(?:com|net|cn|org)\b|^\d+$|[。！？]|Team\b|版权"
    r"|^(?:简介|介绍|资料|主页|专栏|文章)$"  # 作者简介: the heading of an author box
    # 实习生招聘启事: a link to a job notice, whose role word is no credit.
    r"|招聘|启事|啟事|招募|公告|通知|名单|名單"
    # 翻译, 来源, 网友整理: a role or a label standing where the name is missing.
    r"|^(?:翻译|翻譯|来源|來源|出处|出處|转载|轉載|原创|原創|供稿|网友整理|網友整理)$"
    r"|(?:热点|熱點|热门|熱門|最新|推荐|推薦|相关|相關)(?:文章|阅读|閱讀|新闻|新聞)$"
    r"|\d{1,2}日[电電]$"  # 澎湖縣28日電: a dateline
    r"|贡献者$|貢獻者$",  # 维基媒体项目贡献者: a wiki's contributors at large
    re.I,
)
# 品牌策划：某公司 in <meta name="author">: a label and its value.
_LABELLED = re.compile(r"^\s*([^:：\s]{1,8})\s*[:：]")
# A CMS account's role, which government portals put in <meta name="Author">
# (系统管理员, 区退役军人事务局编辑员, 信息发布员6): no author.
_ACCOUNT = re.compile(r"(?:管理员|编辑员|发布员|信息员|录入员|操作员)\d*$")
# A site's own name, which CMSs put in <meta name="author">: no author.
SITE_NAME = re.compile(r"(?:网|网络|在线|频道|新闻|客户端)$|\.(?:com|net|cn)", re.I)

# Where an author value runs into the next thing on its line: a counter, a
# link (| 我来说两句), a label; a bar followed by another name separates names.
_VALUE_END = re.compile(
    r"\s*(?:[|｜](?!\s*[" + HAN + r"·]{2,4}(?:\s|$))|[(（\[【]"
    r"|阅读|评论|浏览|点击|编辑|访问|我来说两句|返回|查看更多|分享|文章链接|原文链接|\d[\d,]*\s*字"
    r"|(?<=\s)[•·]?\s*(?:发布|发表)(?:于|时间|日期)?\s*(?:[:：]|$)"  # 作者：张三 • 发布：2020-…
    r"|(?<=\s)Lv\.?\s?\d{1,3}$).*$"  # a forum's or blog's level badge: 涂寐 Lv5
)


def clean_value(value: str) -> str | None:
    """A byline value without the brackets, bars and spaces at its edges; None if empty.

    A bracket that closes one inside the value stays: 济南市文化和旅游局（原市文广新局）.
    """
    value = normalize_text(value).strip(EDGE_JUNK)
    for opening, closing in ("（）", "()"):
        if value.count(opening) > value.count(closing):
            value += closing
    return value or None


def plausible_name(value: str | None, *, markup: bool = False) -> bool:
    """True for a value that can be a person or an organisation (not attribute text or a counter).

    ``markup``: a ``<meta name="author">`` value, where a site's own name
    (某某网, 新浪科技频道) stands in for a missing author.
    """
    if not value or len(value) > 40 or NOT_NAME.search(value) or is_list_marker(value):
        return False  # 最新文章: a sidebar heading run into the byline
    if value.strip().lower() in _EMPTY_FIELD:
        return False
    if markup and value.strip().lower() in _PLACEHOLDER | _NO_AUTHOR:
        return False  # John Doe, admin, 佚名: a theme's sample or a CMS's default
    if _ACCOUNT.search(value):
        return False  # 系统管理员, 信息发布员6: the CMS account that posted the page
    labelled = _LABELLED.match(value) if markup else None
    if labelled and labelled.group(1) not in AUTHOR_WORDS.split():
        return False  # 品牌策划：某公司: the credit of the site's makers, not the article's writer
    return not (markup and SITE_NAME.search(value))


# What an organisation's name ends with: an outlet (新华社, 自由時報電子報, 中央通訊社
# Central News Agency), a government body (肥西县教育局, 北京市发展和改革委员会, 丰台区).
_ORGANISATION = re.compile(
    r"(?:社|报|報|电子报|電子報|新闻网|新聞網|新聞雲|电视台|電視台|电台|電台|周刊|週刊|杂志|雜誌"
    r"|局|委员会|委員會|政府|办公室|辦公室|中心|厅|廳|署|协会|協會|学会|學會|集团|集團|公司"
    r"|银行|銀行|大学|大學|学院|學院|学校|學校|研究院|法院|街道|社区|社區|区|區|县|縣|市|省"
    r"|News Agency)$",
    re.I,
)


def is_organisation(value: str) -> bool:
    """True for one name that reads as an organisation's, not a person's: a
    newsroom or an office that published the text, its source rather than its writer."""
    # A user's handle (A-肖老师-树谷学院) is a person's, whatever it ends with.
    handle = re.search(r"[-_\d@]", value)
    return "、" not in value and not handle and _ORGANISATION.search(value.strip()) is not None


TRAILING_ROLE = re.compile(
    r"\s+(?:译|譯|编译|編譯|翻译|翻譯|整理|撰文)$|(?<=[A-Za-z0-9_])(?:发布|發佈|发表|發表)$"
)
"""What a credited person did, after the name (刘小磊 译, ddos8919发布)."""

# 武汉大学历史学院郭伦, …研究部部长、研究员徐占忱, 高二9班熊箐岚: an affiliation,
# an office or a school class run into the name that follows it.
_AFFILIATED = re.compile(
    r"^(?:\S{4,}(?:大学|大學|学院|學院|研究院|研究所|研究员|研究員|教授|部长|部長|主任)|\S{0,4}\d{1,2}班)"
    r"([" + HAN + r"]{2,3})$"
)
# What ends an office or a unit rather than a name (学院院长, 大学出版社).
_UNIT_END = re.compile(r"[长長员員师師授任部处處系所室科办辦组組院校会會社馆館]$")


def _affiliated_name(value: str) -> str:
    """The name at the end of a value led by its holder's affiliation, else the value."""
    match = _AFFILIATED.match(value)
    if match is None or _UNIT_END.search(match.group(1)):
        return value
    return match.group(1)


# A value opening on a hyphen: a template's "name-source" whose name is empty.
_EMPTY_BEFORE_SOURCE = re.compile(r"[ \u3000]*[-－](?![-－])\S")


def split_names(value: str) -> str | None:
    """``王强 李明`` lists two people: keep them apart with 、 rather than fusing them.

    Placeholders CMSs print for a missing author (佚名, admin, 系统管理员 …) mean
    no author; roles before the names (本报记者, 通讯员) are dropped.
    """
    # 赵培：北京物资学院，北京: the affiliation after a second colon is no name.
    value = _VALUE_END.sub("", value.replace("\u00a0", " ")).partition("：")[0]
    value = TRAILING_ROLE.sub("", value)  # 刘小磊 译: what they did is no part of the name
    if _EMPTY_BEFORE_SOURCE.match(value):
        return None  # 发布人：-人民网天津视窗: the name before the source was left empty
    if value.strip(EDGE_JUNK).lower() in _NO_AUTHOR or value.strip(EDGE_JUNK).endswith("管理员"):
        return None
    if _RIGHTS.match(value):
        return None  # 著作权归作者所有, 作者保留权利: a rights notice names no one
    # 张三 | 李四, 张三／李四, 张三 · 李四: separators between names are no part of them.
    value = re.sub(r"\s*[/／丨|｜]\s*|\s+[·•]\s+", " ", value)
    parts = [p for p in re.split(r"[\s、&＆]+", value.replace("\u3000", " ").strip(EDGE_JUNK)) if p]
    names = [name for name in (_ROLE.sub("", part) for part in parts) if name]
    if names != parts and all(PERSON.fullmatch(name) for name in names):
        parts = names
        value = " ".join(names)
    if any(a != b and a in b for a in parts for b in parts):
        return None  # 齐来 一齐来: a song's words said again, no names
    if len(parts) > 1 and all(PERSON.fullmatch(part) and plausible_name(part) for part in parts):
        return "、".join(parts)
    cleaned = clean_value(value)
    if cleaned is not None and " " not in cleaned:
        cleaned = _affiliated_name(cleaned)
    return cleaned if plausible_name(cleaned) else None


# 葛翔宇　胡永放: two to five names of two or three Han characters, set apart by spaces.
_NAMES_ROW = re.compile(r"[" + HAN + r"·]{2,3}(?:[ \u3000\u00a0]+[" + HAN + r"·]{2,3}){1,4}")
_REPORTING = re.compile(
    r"发自|發自|报道|報導|报导|摄影|攝影|整理|编译|編譯|撰文|采写|採寫|综合|綜合"
)


def names_row(text: str) -> str | None:
    """The writers a line of bare names under a headline lists (葛翔宇　胡永放), else None.

    Only a line of two or more names, spaced apart, counts: one word alone may be
    anything, and a row of menu entries is links, which callers rule out.
    """
    stripped = text.strip(" \u3000\u00a0")
    if not _NAMES_ROW.fullmatch(stripped) or is_noise(stripped):
        return None
    if any(_REPORTING.fullmatch(word) for word in stripped.split()):
        return None  # 克雷西 发自 凹非寺: a dateline, a name and the place it was sent from
    if _PART_NUMBER.match(stripped):
        return None  # 第一章　总则: a law's table of contents, its first chapter
    if not CONTROL_WORDS.isdisjoint(stripped.split()):
        return None  # 编辑 锁定 讨论: an encyclopedia's buttons by the headline
    return split_names(stripped)


CONTROL_WORDS = frozenset(
    (
        *("编辑", "锁定", "讨论", "收藏", "分享", "举报", "关注", "播报", "上传视频"),
        *("回复", "转发", "赞", "只看楼主", "点赞"),
    )
)
"""Buttons set by a headline (an encyclopedia's 编辑 锁定 讨论) or over a thread's
replies (回复 转发 赞 收藏 只看楼主): no names, no labels."""
_PART_NUMBER = re.compile(r"第[一二三四五六七八九十百零〇\d]+[编章节条款篇部回卷]")


# 自治区党委改革办副主任 李芳源：加快构建…: a commentary's headline led by its
# writer's office and name, the way papers print signed opinion pieces.
_HEADLINE_WRITER = re.compile(
    r"(?:主任|研究员|教授|院长|书记|部长|局长|主席|委员|所长|会长|秘书长|校长|厅长|司长|处长"
    r"|董事长|总经理|评论员|学者|作家)\s+([" + HAN + r"·]{2,3})\s*[:：]\s*\S"
)


def headline_writer(title: str) -> str | None:
    """The writer a headline names before its colon, after an office (… 副主任 李芳源：…)."""
    match = _HEADLINE_WRITER.search(title)
    return match.group(1) if match else None


def restates_title(author: str, title: str) -> bool:
    """The author value is the headline again (a CMS that fills 作者 with the
    title): it names no one."""
    words = re.sub(r"\s+", "", author)
    return len(words) > 4 and words == re.sub(r"\s+", "", title)
