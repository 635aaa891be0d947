"""What a page says around an article: navigation, counters, tools, footers.

Two kinds of evidence: the words themselves (您的位置, 字号 大 中 小, 版权所有,
ICP备 …, judged on short lines only so a sentence that mentions a QR code
survives) and the class/id names templates give such regions (nav, footer,
share, related …).
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml.html import HtmlElement

from g60pub.chinese import opencc_converter

_NOISE = re.compile(
    r"^(?:您的位置|您现在的位置|您当前的位置|当前位置|所在位置|现在位置|位置)\s*[:：]"
    r"|字号\s*[:：]?\s*[【\[]?\s*大\s*[|｜ ]?\s*中\s*[|｜ ]?\s*小"
    r"|^[【\[]?\s*字体\s*[:：]"
    r"|^分享到|^分享至|^一键分享"
    r"|^(?:上一篇|下一篇|上一条|下一条|上一页|下一页|前一篇|后一篇)\s*[:：]?"
    r"|扫一扫|二维码|阅读原文|微信扫一扫|长按识别|长按二维码|识别二维码|预览时标签不可点"
    r"|蓝字|关注我们$|^点击.{0,6}关注|设为星标|星标公众号|点个?在看|点赞.{0,4}在看|在看.{0,4}(?:分享|点赞)"
    r"|版权所有|ICP备|ICP证|公网安备|Copyright|\(c\)\s*\d{4}|©"
    r"|^(?:主办|承办|协办|技术支持|网站标识码|联系电话|邮编|传真|网站维护)(?:单位)?\s*[:：]|技术支持\s*[:：]|网站标识码"
    r"|^(?:阅读|浏览|点击|访问)(?:次数|量|数|率)?\s*[:：]?\s*\d+\s*次?$"
    r"|^\d+\s*(?:人)?(?:阅读|浏览|次浏览|次阅读)$"
    r"|^(?:点赞|赞|在看|分享|收藏|写留言|留言|评论|举报|投诉|返回顶部|返回首页|返回列表|网站地图|联系我们|关于我们)$"
    r"|^[\s\-—–─=~～·]*(?:THE\s*)?END[\s\-—–─=~～·]*$"
    r"|^喜欢此内容的人还喜欢|^(?:网友|用户)?评论\s*[（(]?\d*[)）]?$|^发表评论|^我要评论|^我要纠错|^纠错"
    # Notes a portal adds around a reposted article, and its comment headers.
    r"|^[（(]?\s*(?:原标题|原题为?|本文来[自源]|综合整理自)\s*[:：《]"
    r"|^(?:特别|免责|版权)?声明\s*[:：]|^郑重声明$|^(?:图片|图)(?:均)?来[自源](?:于)?网络"
    r"|^(?:编辑|责编|校对|审校)\s*[|｜:：/]|^(?:编辑|责编)\s*\S{2,4}\s*(?:校对|审校)\s*\S{2,4}$"
    r"|^点击进入专题|^相关资讯请关注|^调整字体$|^音频\s*\d|^Trackback\s*:|^引用通告"
    r"|^(?:热门|最新|精彩|网友)(?:评论|跟帖|跟贴)$|^今日焦点\s*[:：]?$",
    re.I,
)
# A line made only of these is a toolbar (【打印此文】【关闭窗口】, 字号 大 中 小).
_TOOL_WORDS = re.compile(
    r"打印此文|打印本页|打印此页|打印文章|打印|列印本页|列印|关闭窗口|关闭本页|关闭此页|关闭|收藏本页|加入收藏|收藏|设为首页|"
    r"保存|返回顶部|返回|字号|字体|大|中|小|默认|放大|缩小|纠错|分享|推荐给朋友|复制链接|"
    r"Print|Close|Top"
)
_TOOL_REST = re.compile(r"[\s\u3000\u00a0【】\[\]()（）|｜:：/·•>»\-]*")
# Headings of the lists that follow an article: everything after them is
# links to other pages.
_LIST_MARKER = re.compile(
    r"^[【\[]?\s*(?:相关|热门|推荐|延伸|往期|更多|猜你喜欢|精彩|最新|热点|相关联)\s*(?:新闻|阅读|文章|链接|推荐|回顾|资讯|内容|精选|报道|专题)?\s*[】\]]?\s*[:：]?$"
)
_SHORT = 60

_NEGATIVE = frozenset(
    [
        "nav",
        "navbar",
        "navi",
        "menu",
        "menus",
        "footer",
        "foot",
        "bottom",
        "sidebar",
        "side",
        "aside",
        "breadcrumb",
        "breadcrumbs",
        "crumb",
        "crumbs",
        "position",
        "location",
        "weizhi",
        "share",
        "bdshare",
        "jiathis",
        "comment",
        "comments",
        "reply",
        "related",
        "relate",
        "relative",
        "xgxw",
        "hot",
        "hots",
        "recommend",
        "tuijian",
        "tags",
        "tag",
        "copyright",
        "toolbar",
        "tools",
        "tool",
        "print",
        "pager",
        "pagination",
        "ad",
        "ads",
        "advert",
        "banner",
        "qrcode",
        "qr",
        "erweima",
        "login",
        "search",
        "topbar",
        "header",
        "masthead",
        "widget",
        "rank",
        "ranking",
        "more",
    ]
)
_POSITIVE = frozenset(
    [
        "content",
        "contents",
        "article",
        "articles",
        "body",
        "text",
        "zoom",
        "trs_editor",
        "detail",
        "details",
        "main",
        "post",
        "entry",
        "news",
        "js_content",
        "rich_media_content",
        "story",
        "info",
        "con",
        "txt",
        "neirong",
        "zw",
        "zhengwen",
    ]
)
_TOKEN = re.compile(r"[a-z]+|[0-9]+")


def _simplified(text: str) -> str:
    # The converter is loaded on first use (opencc_converter caches it), not at import.
    return str(opencc_converter("t2s").convert(text))


@lru_cache(maxsize=8192)
def is_noise(text: str) -> bool:
    """True for a short line that is page furniture rather than article text.

    Traditional-script pages (當前位置, 版權所有, 列印) are judged in Simplified.
    """
    if len(text) > _SHORT * 2:
        return False
    text = _simplified(text)
    if len(text) <= _SHORT and _NOISE.search(text):
        return True
    return _TOOL_REST.fullmatch(_TOOL_WORDS.sub("", text)) is not None


def is_list_marker(text: str) -> bool:
    """True for the heading of a related/hot/recommended list (相关新闻, 热门文章 …)."""
    return len(text) <= 12 and bool(_LIST_MARKER.match(_simplified(text)))


_WEAK_TEXT = 200  # characters: a box this short with a furniture word inside a name is furniture


def _tokens(element: HtmlElement) -> tuple[set[str], set[str]]:
    """Whole class/id names, and the words inside compound ones (js_img_share_area ->
    js, img, share, area). Names that are URLs or file names (more.asp) give no words."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower().split()
    parts = {
        part for name in names if not re.search(r"[./:]", name) for part in _TOKEN.findall(name)
    }
    return set(names), parts


def hint(element: HtmlElement) -> int:
    """+1 when class/id names an article body, -1 page furniture; 0 for neither or both.

    A furniture word that is a whole name (share, footer) decides; one found
    only inside a compound name (js_img_share_area) decides only for a short
    box, since article bodies carry such names too.
    """
    whole, parts = _tokens(element)
    positive = bool((whole | parts) & _POSITIVE)
    negative = bool(whole & _NEGATIVE) or element.tag in ("nav", "footer", "aside")
    if not negative and not positive and parts & _NEGATIVE:
        negative = len(element.text_content()) < _WEAK_TEXT
    return int(positive) - int(negative)
