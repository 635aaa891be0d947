"""What a paragraph's form says, apart from its words: a heading, a byline, a
list item carrying on the paragraph before it, an ordinal (一是 ~ "First").

Official English editions cut a Chinese paragraph of priorities into a lead
sentence and a list of items; the marks of such a cut are a lead ending in a
colon, items starting with a bullet or a small letter, items ending with a
semicolon. ``en_joins`` and ``zh_joins`` give how strongly a paragraph carries
on the one before it, 0 (a fresh paragraph) to 1 (plainly the same one).
"""

from __future__ import annotations

import re

from g60pub.cjk import HAN
from g60pub.quantities import EN_ORDINALS

MAX_ZH_HEADING = 40  # characters
MAX_EN_HEADING = 16  # words
ZH_SENTENCE_END = "。！？!?；;：:，,"
EN_SENTENCE_END = ".!?;:,"
BULLET = r"[■□●○•·▪◆◇►▶\-–—*>]+"
# Upper-case Roman numerals number sections ("II. Recommendations"), not items.
EN_ITEM = re.compile(rf"^\s*(?:{BULLET}|\(?\d{{1,2}}[.)]|\(?[a-z][.)]|\(?[ivx]{{1,5}}[.)])\s")
EN_BULLETED = re.compile(rf"^\s*{BULLET}\s")
ZH_ITEM = re.compile(
    rf"^\s*(?:{BULLET}|[（(][{HAN}\d]{{1,3}}[）)]|\d{{1,2}}[.、．]|[一二三四五六七八九十]+是)"
)
ZH_SECTION = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百\d]+[章节部分条]|[一二三四五六七八九十]+、)"
)
EN_SECTION = re.compile(r"^\s*(?:Part|Chapter|Section|Article)\s+\w+|^\s*[IVX]{1,5}\.\s")
EN_CARRY_ON = re.compile(
    r"^(?:Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Finally|Lastly|Moreover|"
    r"Furthermore|In addition|Also|At the same time|Meanwhile|On the other hand|Besides)\b"
)
# Metadata lines an edition prints with the text: "Source: Xinhua | Updated:
# 2023-03-15", "By Wang Lei", "来源：新华社", "责任编辑：".
EN_BYLINE = re.compile(
    r"^(?:(?:Source|Updated|Published|Editor|Author|Written by|Photo|By)\b[:\s]"
    r"|[\w .]+\s*\|\s*(?:Updated|\d{4}-\d\d-\d\d))|^\(?\w+\)?\s*\|\s*Updated"
)
ZH_BYLINE = re.compile(
    r"^(?:来源|来自|作者|编辑|责任编辑|发布时间|发布日期|时间|日期|记者|通讯员|审核|校对)\s*[:：]"
)
ZH_ORDINAL = re.compile(
    r"(?:^|[。；;：:，,\s])(?:第([一二三四五六七八九十]+)[，,、是]|([一二三四五六七八九十]+)是|([一二三四五六七八九十]+)、|[（(]([一二三四五六七八九十]+)[）)])"
)
ZH_FIRST_LAST = re.compile(r"首先|其次|再次|最后")
EN_ORDINAL = re.compile(
    r"(?:^|[.;:]\s+)(First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Finally|Lastly)\b"
    r"|^\s*\(?([IVX]{1,5}|\d{1,2})[.)]\s"
)
# "Finally" and "Lastly" close a list: they answer 最后 (0).
EN_ORDINAL_VALUE = {**EN_ORDINALS, "finally": 0, "lastly": 0}
ZH_FIRST_LAST_VALUE = {"首先": 1, "其次": 2, "再次": 3, "最后": 0}
ROMAN = {"I": 1, "V": 5, "X": 10}
CN_SMALL = {c: n for n, c in enumerate("一二三四五六七八九十", start=1)}


def zh_heading(text: str) -> bool:
    """A title or section heading: short and without a sentence's end, or numbered as one."""
    text = text.strip()
    if ZH_BYLINE.match(text):
        return False
    if ZH_SECTION.match(text) and len(text) <= MAX_ZH_HEADING * 2 and "。" not in text[:-1]:
        return True
    return len(text) <= MAX_ZH_HEADING and not text.endswith(tuple(ZH_SENTENCE_END))


def en_heading(text: str) -> bool:
    """A title or section heading: a few words without a sentence's end."""
    text = text.strip()
    # A bulleted or dashed line is a list item, whether or not it ends a sentence.
    if EN_BYLINE.match(text) or text[:1].islower() or EN_BULLETED.match(text):
        return False
    size = len(text.split())
    if EN_SECTION.match(text) and size <= MAX_EN_HEADING * 2:
        return True
    return size <= MAX_EN_HEADING and not text.endswith(tuple(EN_SENTENCE_END))


def zh_byline(text: str) -> bool:
    return ZH_BYLINE.match(text.strip()) is not None


def en_byline(text: str) -> bool:
    return EN_BYLINE.match(text.strip()) is not None


def en_joins(before: str, text: str) -> float:
    """How plainly English ``text`` carries on the paragraph ``before`` it."""
    before, text = before.rstrip(), text.lstrip()
    if before.endswith((":", ";", "; and", ", and", "; or", ", or")):
        return 1.0
    if EN_ITEM.match(text):
        return 1.0 if EN_ITEM.match(before) else 0.8
    if text[:1].islower():
        return 0.8
    if EN_CARRY_ON.match(text):
        return 0.4
    return 0.0


def zh_joins(before: str, text: str) -> float:
    """How plainly Chinese ``text`` carries on the paragraph ``before`` it."""
    before, text = before.rstrip(), text.lstrip()
    if before.endswith(("；", ";", "，", ",")):
        return 1.0
    if before.endswith(("：", ":")):
        return 0.8  # also a salutation: 各位代表：
    if ZH_ITEM.match(text):
        return 0.8 if ZH_ITEM.match(before) else 0.5
    return 0.0


def zh_ordinals(text: str) -> set[int]:
    """Ordinals that open a sentence or an item: 第三，/ 三是 / 三、/（三）/ 首先 ... 最后 (0)."""
    found = {CN_SMALL.get(next(g for g in m.groups() if g), 0) for m in ZH_ORDINAL.finditer(text)}
    found.update(ZH_FIRST_LAST_VALUE[m.group()] for m in ZH_FIRST_LAST.finditer(text))
    return found


def en_ordinals(text: str) -> set[int]:
    """Ordinals that open a sentence or an item: "First," / "II." / "(3)" ... "Finally" (0)."""
    found: set[int] = set()
    for m in EN_ORDINAL.finditer(text):
        if m.group(1):
            found.add(EN_ORDINAL_VALUE[m.group(1).lower()])
        elif m.group(2).isdigit():
            found.add(int(m.group(2)))
        else:
            found.add(_roman(m.group(2)))
    return found


def _roman(numeral: str) -> int:
    values = [ROMAN[c] for c in numeral]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))
