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
from g60pub.normalize.boilerplate import is_noise
from g60pub.normalize.dates import find_datetime, split_datetime
from g60pub.normalize.text import normalize_text


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


_AUTHOR = _traditional(_words("作者 本文作者 记者 撰稿 撰文 文 作者名 发布者 发布人 Author author"))
_SOURCE = _traditional(
    _words(
        "来源 本文来源 原文来源 信息来源 文章来源 稿件来源 新闻来源 稿源 出处 来自 "
        "供稿 供稿单位 发布机构 发布单位 发文机关 Source source"
    )
)
_DATE = _traditional(_words("时间 发布时间 发布日期 日期 发表时间 发表日期 更新时间 Date date"))
# The day a government document was signed: its publication date only when
# the page states no other.
_WRITTEN = _traditional(_words("成文日期 发文日期"))
# Keys we do not keep, but which mark a line as a byline all the same.
_OTHER = _traditional(
    _words(
        "阅读 阅读数 阅读次数 浏览 浏览次数 浏览量 点击 点击数 点击率 点击量 访问量 访问次数 "
        "编辑 责任编辑 责编 审核 审校 校对 摄影 通讯员 字号 字体 分享 索引号 主题分类 "
        "发文字号 文号 主题词"
    )
)
_KEYS = sorted((*_AUTHOR, *_SOURCE, *_DATE, *_WRITTEN, *_OTHER), key=len, reverse=True)
# A label starts the line or follows a space, a bracket, a separator or the
# digits of a date run into it ("09:32来源:"), never another Han character
# (原文： is not 文：).
_LABEL = re.compile(
    r"(?:(?<=^)|(?<=[\s\[\]【】()（）|｜/\d,，;；]))("
    + "|".join(map(re.escape, _KEYS))
    + r")\s*[:：]\s*"
)
# "索 引 号：", "文　　号：": labels padded out to the width of the table column.
_SPACED_LABEL = re.compile(
    r"(?:(?<=^)|(?<=[\s|｜]))[\u4e00-\u9fff](?: +[\u4e00-\u9fff]){1,3}(?= *[:：])"
)
_EDGE_JUNK = " \u3000\u00a0[]【】()（）|｜/,，;；"
_DATE_ONLY = re.compile(
    r"^[\s\[【(（]*((?:19|20)\d{2}[-/.年][\d\s:：\-/.年月日时分T+]*)[\s\]】)）]*$"
)
_MAX_LINE = 160
_NO_AUTHOR = frozenset(["佚名", "未知", "不详", "admin", "administrator", "管理员", "匿名", "无"])
_PERSON = re.compile(r"[\u4e00-\u9fff·]{2,4}")
# "作者：本报记者 王强 通讯员 李明": the roles in front of the names are not names.
_ROLE = re.compile(r"^(?:本报|本台|本网|本刊|新华社|特约|见习|实习|摄影)?(?:记者|通讯员|实习生)")
# "本报记者 王强", "文/张三": a reporter named without a colon.
_REPORTER = re.compile(
    r"(?:^|\s)(?:本报|本台|本网|本刊)?(?:记者|通讯员|撰文|文\s*[/／])\s*"
    r"([\u4e00-\u9fff·]{2,4}(?:[ 、\u3000][\u4e00-\u9fff·]{2,4})*)(?=\s|$|\d)"
)
_SENTENCE = re.compile(r"[。，！？；,!?;]")


@dataclass(frozen=True, slots=True)
class Byline:
    author: str | None = None
    source: str | None = None
    published: str | None = None
    written: str | None = None  # 成文日期: the date to fall back on


def _clean(value: str) -> str | None:
    value = normalize_text(value).strip(_EDGE_JUNK)
    return value or None


def _names(value: str) -> str | None:
    """``王强 李明`` lists two people: keep them apart with 、 rather than fusing them.

    Placeholders CMSs print for a missing author (佚名, admin, 系统管理员 …) mean
    no author; roles before the names (本报记者, 通讯员) are dropped.
    """
    if value.strip(_EDGE_JUNK).lower() in _NO_AUTHOR or value.strip(_EDGE_JUNK).endswith("管理员"):
        return None
    parts = value.replace("\u3000", " ").replace("\u00a0", " ").strip(_EDGE_JUNK).split()
    names = [name for name in (_ROLE.sub("", part) for part in parts) if name]
    if names != parts and all(_PERSON.fullmatch(name) for name in names):
        parts = names
        value = " ".join(names)
    if len(parts) > 1 and all(_PERSON.fullmatch(part) for part in parts):
        return "、".join(parts)
    return _clean(value)


def parse_byline(line: str, *, strict: bool = False) -> Byline | None:
    """The author, source and date a byline line holds, or None when ``line`` is not a byline.

    With ``strict`` (lines in the article body), a single label counts only at
    the start of a short line, so a sentence mentioning 来源 is left alone.
    """
    text = line.replace("\u00a0", " ").replace("\u3000", " ").strip()
    text = _SPACED_LABEL.sub(lambda match: match.group(0).replace(" ", ""), text)
    if not text or len(text) > _MAX_LINE:
        return None
    labels = list(_LABEL.finditer(text))
    if not labels:
        # A bare date (or "name date") under a title is its publication date;
        # inside the text it is usually a signature date, which stays text.
        if strict:
            return None
        published = find_datetime(text)
        short = len(text) <= 40 and not _SENTENCE.search(text)
        reporter = _REPORTER.search(text) if short else None
        author = _names(reporter.group(1)) if reporter else None
        if (published or author) and (_DATE_ONLY.match(text) or short):
            return Byline(author=author, published=published)
        return None
    leading = text[: labels[0].start()].strip(_EDGE_JUNK)
    if leading and is_noise(leading):
        # "【纠错】 责任编辑：…": a toolbar link run into the byline is no part of it.
        return parse_byline(text[labels[0].start() :], strict=strict)
    leading_date = find_datetime(leading) if leading else None
    if leading and leading_date is None:
        return None
    if (
        len(labels) == 1
        and not leading_date
        and (strict or len(text) > 60)
        and labels[0].start() > 2
    ):
        return None
    if strict and len(labels) == 1 and len(text) > 60:
        return None
    author = source = published = written = None
    for index, label in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        key, value = label.group(1), text[label.end() : end]
        if key in _DATE:
            published = published or find_datetime(value)
            continue
        if key in _WRITTEN:
            written = written or find_datetime(value)
            continue
        # "来源：新华社 2020-01-02": a date trailing a value is the date, not the value.
        value, trailing = split_datetime(value)
        published = published or trailing
        if key in _AUTHOR:
            author = author or _names(value)
        elif key in _SOURCE:
            source = source or _clean(value)
    return Byline(
        author=author, source=source, published=published or leading_date, written=written
    )
