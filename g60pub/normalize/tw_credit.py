"""Taiwanese and Hong Kong news bylines (記者楊漢聲、趙蔡州／台東報導): the
reporters they name, read in Simplified and taken from the page's own text."""

from __future__ import annotations

import re

from g60pub.chinese import opencc_converter
from g60pub.cjk import HAN
from g60pub.normalize.names import PERSON

# A Taiwanese news byline, read in Simplified: "記者楊漢聲、趙蔡州／台東報導",
# "大陸中心／李育道報導", "聯合報／ 編譯茅毅、記者謝守真／綜合報導", "編輯 陳妍如 報導",
# "上報快訊／鍾知諭、袁維駿 2023年08月30日 14:50:00", "2020-10-04 15:05聯合報 記者林宸誼／即時報導"
# (the date and the paper before the reporter). A desk (社會中心／綜合報導) names no one.
_TW_ROLE_WORD = r"(?:特派|特约|实习)?(?:记者|编译|编辑)"
_TW_NAME = r"(?:" + _TW_ROLE_WORD + r"\s*)?[" + HAN + r"·]{2,4}"
_TW_CREDIT = re.compile(
    r"^[（(【〔［\[]?\s*(?:[" + HAN + r"]{1,6}?(?:中心|快讯|报|社|网)"
    r"\s*(?:／\s*(?:本报(?=" + _TW_ROLE_WORD + r"))?|\s(?=\s*" + _TW_ROLE_WORD + r"))\s*)?"
    r"(" + _TW_NAME + r"(?:\s*[、 ]\s*" + _TW_NAME + r")*)"
    # 报导 ends the credit; run on into a sentence (週刊報導林義雄以口進食) it is a verb.
    r"\s*(?:(?:／\s*[" + HAN + r" ]{0,8}?)?报导(?![" + HAN + r"])\s*[)）】〕］\]]?"
    r"|\s*[)）】〕］\]]|(?=\s+(?:19|20)\d{2}\D)|$)"
)
# Slashes a credit is set with (陳怡妏╱綜合外電報導) read as ／; not "/" (举报/反馈).
_SLASHES = re.compile(r"[╱∕⁄]")
# A desk, not a reporter: 社會中心／綜合報導, 即時新聞／綜合報導, 編譯中心; nor a
# list's heading read as a role and a name (編輯推薦, 編輯精選).
DESK_WORD = re.compile(r"綜合|综合|報導|报导|新聞|新闻|即時|即时|中心|推薦|推荐|精選|精选")
_TW_ROLE = re.compile(r"^(?:特派|特约|实习)?(?:记者|编译|编辑)\s*")
_TW_OWN_ROLE = re.compile(r"^(?:本报)?(?:特派|特约|实习)?(?:记者|编译|编辑)\s*")  # 本報記者古硯偉


def taiwanese_credit(text: str) -> str | None:
    """The reporters a Taiwanese byline names (記者楊漢聲、趙蔡州／台東報導), else None.

    The line is matched in Simplified and the names taken from the page's own text.
    """
    text = _SLASHES.sub("／", _LEADING_DATETIME.sub("", text.strip()))
    simplified = str(opencc_converter("t2s").convert(text))
    match = _TW_CREDIT.match(simplified) if len(simplified) == len(text) else None
    if match is None or not (
        "／" in simplified[: match.end()] or "报导" in simplified or _named_by_role(match.group(1))
    ):
        return None
    start = match.start(1)
    parts = re.split(r"\s*[、 ]\s*", match.group(1))
    names = []
    for part in parts:
        role = _TW_OWN_ROLE.match(part)
        begin = simplified.index(part, start) + (role.end() if role else 0)
        start = begin
        names.append(text[begin : begin + len(part) - (role.end() if role else 0)])
    names = [n for n in names if PERSON.fullmatch(n) and not DESK_WORD.search(n)]
    return "、".join(names) or None


def _named_by_role(credit: str) -> bool:
    """True when a credit with neither slash nor 报导 still reads as one: a reporter
    (記者楊漢聲), or a role set apart from the name (編輯 陳妍如). A role run into a
    word (编译模型, a section heading: "compile the model") names no one."""
    role = _TW_ROLE.match(credit)
    return role is not None and ("记者" in role.group() or role.group() != role.group().rstrip())


_LEADING_DATETIME = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*")
