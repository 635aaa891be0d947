"""The labels a byline line is split at (作者：, 来源：, 发布时间：, 责任编辑：…), as
Simplified and Traditional pages write them, and the patterns that find them.

Built on first use, not at import: OpenCC's converters take a tenth of a
second to load, and every command line imports the normaliser.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from g60pub.chinese import opencc_converter
from g60pub.cjk import HAN
from g60pub.normalize.names import AUTHOR_WORDS

# A count's day (截止2017年08月11日 共有39228款车), an event's (开始时间：…): not when published.
AS_OF = re.compile(
    r"(?:截止|截至|截止到|截至到)\s*(?:目前|今天)?\s*\d{2,4}\s*[年/.-]"
    r"|^(?:开始|结束|活动|讲座|报告|会议|举办|比赛|考试|报名|开幕|开课)(?:时间|日期)\s*[:：]"
)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _traditional(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The keys as Traditional-script pages write them too (來源, 編輯, 發佈時間 …)."""
    variants = set(keys)
    for config in ("s2t", "s2tw", "s2hk"):
        converter = opencc_converter(config)
        variants.update(converter.convert(key) for key in keys)
    variants.update(v.replace("佈", "布") for v in list(variants))
    return tuple(sorted(variants))


@dataclass(frozen=True, slots=True)
class BylineKeys:
    """The byline labels, as Simplified and Traditional pages write them."""

    author: tuple[str, ...]
    uploader: tuple[str, ...]
    source: tuple[str, ...]
    date: tuple[str, ...]
    written: tuple[str, ...]
    label: re.Pattern[str]
    bar_label: re.Pattern[str]
    glued: re.Pattern[str]
    every: tuple[str, ...]  # every label the line is split at


@cache
def byline_keys() -> BylineKeys:
    # Built on first use, not at import: OpenCC's converters take a tenth of
    # a second to load, and every command line imports this module.
    author = _traditional(_words(AUTHOR_WORDS))
    source = _traditional(
        _words(
            "来源 本文来源 原文来源 信息来源 文章来源 稿件来源 新闻来源 稿源 出处 来自 "
            "供稿 供稿单位 发布机构 发布单位 发文机关 Source source"
        )
    )
    date = _traditional(
        _words(
            "时间 发布时间 发布日期 日期 发表时间 发表日期 创建时间 创建日期 更新时间 "
            "生成日期 生成时间 提交时间 提交日期 发信站 Date date"
        )
    )
    # The day a government document was signed, or a post last changed: its
    # publication date only when the page states no other.
    written = _traditional(
        _words(
            "成文日期 发文日期 最后更新 最后更新时间 最近更新 "
            "最后修改 最后修改时间 修改时间 修改日期 上次更新 上次修改 上次编辑"
        )
    )
    # Keys we do not keep, but which mark a line as a byline all the same.
    other = _traditional(
        _words(
            "阅读 阅读数 阅读次数 浏览 浏览次数 浏览量 点击 点击数 点击率 点击量 访问量 访问次数 "
            "编辑 责任编辑 责编 审核 审校 校对 译者 翻译 摄影 图片 排版 通讯员 字号 字体 分享 "
            "索引号 主题分类 发文字号 文号 主题词 访问统计 访问 人气 信区 "
            # When a rule takes effect or lapses, not when it was published.
            "实施日期 施行日期 生效日期 失效日期 废止日期 有效期至"
        )
    )
    every = (*author, *source, *date, *written, *other)
    keys = _alternation(every)
    # A label starts the line or follows a space, a bracket, a separator or the
    # digits of a date run into it ("09:32来源:"), never another Han character
    # (原文： is not 文：).
    label = re.compile(r"(?:(?<=^)|(?<=[\s\[\]【】()（）|｜/\d,，;；]))(" + keys + r")\s*[:：]\s*")
    # "来源|广州参考", "作者︱春春": a label set off by a bar instead of a colon.
    bar_label = re.compile(r"^(" + keys + r")\s*[|｜丨︱]\s*")
    # "作者：谷慧文来源：海洋生命学院": spans of label and value set side by side
    # with nothing between them. Only labels of two characters or more, and
    # only in a line that starts with a label (see parse_byline).
    han = re.compile("[" + HAN + "]")
    longer = [k for k in (*source, *date, *written, *other) if len(k) > 1 and han.match(k)]
    glued = re.compile(r"(?<=[" + HAN + r"])(" + _alternation(longer) + r")\s*[:：]")
    # 发布人：twzx: the CMS account that posted the page, a person only when named.
    uploader = _traditional(_words("发布者 发布人"))
    return BylineKeys(author, uploader, source, date, written, label, bar_label, glued, every)


def _alternation(keys: Sequence[str]) -> str:
    """``keys`` as a regular expression's alternatives, the longest tried first."""
    return "|".join(map(re.escape, sorted(keys, key=len, reverse=True)))


def unglued(text: str, start: int, keys: BylineKeys) -> str:
    """``text`` with a space before each label glued to the value before it,
    from ``start`` on; not inside a longer label (责任编辑 holds 编辑)."""
    pieces, at = [], 0
    for match in keys.glued.finditer(text, start):
        label, before = match.group(1), text[: match.start()]
        if any(
            k != label and k.endswith(label) and before.endswith(k[: -len(label)])
            for k in keys.every
        ):
            continue
        pieces += [text[at : match.start()], " "]
        at = match.start()
    return "".join(pieces) + text[at:]
