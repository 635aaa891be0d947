"""A reporter's credit set in the text rather than in a byline: opening it
(``记者梁爽报道　6月10日，…``, ``〔記者巫其倫／台北報導〕…``, ``新华社北京5月19日电
（刘艺、杨吉）…``) or closing it (``…群体。（记者 杨啸林）``, ``…参加会议。记者李秋晨``)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from g60pub.chinese import opencc_converter
from g60pub.cjk import HAN
from g60pub.normalize.author_marks import markup_authors
from g60pub.normalize.byline import Byline
from g60pub.normalize.dates import pick_date, site_day_first
from g60pub.normalize.metadata import PageMeta
from g60pub.normalize.names import PERSON
from g60pub.normalize.tw_credit import DESK_WORD, taiwanese_credit

_CLOSING = re.compile(r"[（(]([^（）()]{2,30})[)）]\s*$")
_OPENING = re.compile(r"^\s*[〔［\[【]([^〔〕［］\[\]【】]{2,30})[〕］\]】]")
# A mainland dispatch's credit at the head of its first paragraph: 记者梁爽报道,
# 晨报首席记者曾玉报道,
# 本报讯（记者 李四 通讯员 王五）, 新华社北京5月19日电（刘艺、杨吉）, 文/某报记者 王五.
_NAMES = r"[" + HAN + r"·]{2,4}(?:[、 ]+[" + HAN + r"·]{2,4})*"
_DISPATCH = re.compile(
    r"^\s*(?:本报|本台|本刊|[" + HAN + r"]{1,4}报)?(?:首席|特约|实习|见习)?记者"
    r"\s*(" + _NAMES + r")\s*报道"
    r"|^\s*\S{0,8}讯\s*[（(]\s*(?:本报|本台)?(?:特约|实习|见习)?记者\s*(" + _NAMES + r")\s*[)）]"
    r"|^\s*(?:\S{0,12}\d{1,2}月\d{1,2}日|据?\S{0,8}?(?:社|网)\S{0,10}?)专?电\s*[（(]"
    r"\s*(?:记者\s*)?(" + _NAMES + r")\s*[)）]"
    # 文/广州日报记者伍君仪 通讯员胡誉怀: the writer's credit over a feature.
    r"|^\s*文\s*[/／]\s*(?:\S{0,8}?报)?(?:首席|特约|实习|见习)?记者\s*"
    r"([" + HAN + r"·]{2,4}?)(?=\s|通讯员|实习生|$)"
    # （中国青年报·中国青年网记者 李剑平）: the paper and the reporter in brackets.
    r"|^\s*[（(][^（）()记]{0,20}?(?:首席|特约|实习|见习)?记者\s*(" + _NAMES + r")\s*[)）]"
)
_HEAD = 60  # characters of a paragraph a credit opening it lies in
# A news agency's credit run into the place and day it was filed from, the text's
# first words: （中央社記者蘇思云台北23日電）. The place follows the names unmarked.
_AGENCY = re.compile(
    r"^\s*[（(]\S{0,6}?记者((?:[" + HAN + r"·]{2,4}、)*[" + HAN + r"]{4,8}?)\d{1,2}日专?电[)）]"
)
# A reporter credited with a label at the end of the text: （记者：魏伟）.
_CLOSING_REPORTER = re.compile(
    r"^(?:本报|本台)?(?:特约|实习|见习)?记者\s*[:：]\s*(" + _NAMES + r")$"
)
# The same after the last sentence, without brackets: …等参加会议。记者李秋晨.
_BARE_CLOSING = re.compile(r"[。！？”]\s*(?:本报|本台)?记者\s*(" + _NAMES + r")$")
_OTHER_ROLE = re.compile(r"通讯员|实习生|摄影|编辑|报道")
_DONE = re.compile(r"(?:整合|整理|编译|摄影?|报道)$")


def closing_credit(paragraph: str) -> str | None:
    """The reporters a paragraph's closing credit names: ``…釐清死因。（王煌忠／台中報導）``,
    ``…群体。（记者 杨啸林）``, ``…企业代表。（记者：魏伟）``, ``…参加会议。记者李秋晨``.
    An editor's or translator's note is no such credit."""
    match = _CLOSING.search(paragraph)
    if match is None:
        bare = _BARE_CLOSING.search(paragraph)
        return _reporters(bare.group(1)) if bare else None
    labelled = _CLOSING_REPORTER.match(match.group(1).strip())
    return _reporters(labelled.group(1)) if labelled else taiwanese_credit(match.group(1))


def opening_credit(paragraph: str) -> str | None:
    """The reporters a credit opening the text names: ``〔記者巫其倫／台北報導〕財政部今天…``,
    ``记者梁爽报道　6月10日，…``, ``新华社北京5月19日电（刘艺、杨吉）…``."""
    match = _OPENING.match(paragraph)
    found = taiwanese_credit(match.group(1)) if match else None
    if found is not None:
        return found
    head = paragraph[:_HEAD]
    simplified = str(opencc_converter("t2s").convert(head))
    if len(simplified) != len(head):
        return None
    dispatch = _DISPATCH.match(simplified)
    if dispatch:
        group = next(i for i, g in enumerate(dispatch.groups(), 1) if g)
        return _reporters(head[dispatch.start(group) : dispatch.end(group)])
    agency = _AGENCY.match(simplified)
    if agency is None:
        return None
    *names, last = head[agency.start(1) : agency.end(1)].split("、")
    # The last name runs into the place: three characters, or two before a place
    # of two (王明台北).
    return _reporters("、".join([*names, last[: 2 if len(last) == 4 else 3]]))


def writer_credit(line: str) -> str | None:
    """The reporter a line of its own credits as the writer (文/广州日报记者伍君仪
    通讯员胡誉怀), wherever it stands in the text."""
    if len(line) > _CREDIT_LINE:
        return None
    translated = _TRANSLATED.fullmatch(line)
    if translated is not None:
        return translated.group(1)  # the writer, not the translator
    return opening_credit(line) if _WRITTEN_BY.match(line) else None


_WRITTEN_BY = re.compile(r"^\s*文\s*[/／]")
# A translation's credit line (席鲁迪·特克亚姆著，安芳译; [美]詹姆斯·瑟伯 著 / 王五 译).
_TRANSLATED = re.compile(
    r"\s*(?:[\[［【（(][" + HAN + r"]{1,3}[\]］】）)]\s*)?"
    r"([" + HAN + r"]{1,8}(?:[·・][" + HAN + r"]{1,8}){0,3})\s*[原]?著\s*[，,、/／|\s]\s*"
    r"[" + HAN + r"·・、\s]{2,20}?\s*译\s*"
)
_CREDIT_LINE = 40  # characters of a line that is a credit and nothing else


def _reporters(names: str) -> str | None:
    """The reporters of a dispatch's credit, up to the first other role (通讯员 王五);
    what they did is no part of a name (记者陈智整合)."""
    found: list[str] = []
    for part in re.split(r"[、 ]+", names.strip()):
        if _OTHER_ROLE.fullmatch(part):
            break
        part = _DONE.sub("", part)
        if PERSON.fullmatch(part) and not DESK_WORD.search(part):
            found.append(part)
    return "、".join(found) or None


def last_changed(near: Sequence[Byline], far: Sequence[Byline], meta: PageMeta) -> str | None:
    """The day the text was last changed (上次更新, a wiki's last edit): its date
    only when the page gives no other, not even beside the headline."""
    return pick_date([*(b.written for b in (*near, *far)), meta.edited])


def credited(
    near: Sequence[Byline],
    far: Sequence[Byline],
    meta: PageMeta,
    closing: str | None = None,
    editors: Collection[str] = (),
    shown: str | None = None,
) -> tuple[str | None, str | None, str | None]:
    """The author, source and day the page gives: bylines near the title, then
    those at the edges of the text, a credit closing it, then the markup."""
    # What the page says in words (near the title, then at the edges of the
    # text: 来源：… under a WeChat repost) outranks what its markup says.
    sources = [*(b.source for b in (*near, *far)), *meta.sources]
    # Credit lines under the title (本报实习生 刘国栋 周炜 / 本报记者 王燕平) name
    # co-authors: together they are the byline.
    names = list(dict.fromkeys(n for b in near if b.author for n in b.author.split("、")))
    # A credit closing the text (…（王煌忠／台中報導）) outranks the markup's.
    authors = (*(b.author for b in far), closing)
    marked = markup_authors(meta.page_title, meta.authors, sources, editors, shown)
    # A field left empty leaves its separator (作者：<a></a> • …): no name.
    author = next(
        (v for v in ("、".join(names), *authors, *marked) if v and any(c.isalnum() for c in v)),
        None,
    )
    source = next((s for s in (*(b.source for b in (*near, *far)), *meta.sources) if s), None)
    published = pick_date(
        [*(b.published for b in near), *site_day_first(meta.dates), *(b.published for b in far)]
    )
    return author, source, published
