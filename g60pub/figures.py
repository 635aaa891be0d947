"""Numbers, dates and Latin codes in Chinese and English text, normalised so
that the two sides can be compared (QA ``number-mismatch``) and used as
alignment anchors.

Each side yields two kinds of values:

* *hard* ones, which a faithful translation must carry over: Arabic
  figures (with 万/亿 or million/billion scaled), percentages, dates
  (``7月12日`` gives 7 and 12, ``July 12`` the same), and well-formed
  Chinese amounts with a unit character (二十, 一百五十, 三千);
* *soft* ones, which may or may not surface on the other side: single
  Chinese numerals inside words (三地 "the three cities", 一批, 万众创新,
  千年大计), ordinals, and English number words (three, first, twenty).

A hard value missing on the other side is a mismatch; a soft one never is,
but it can satisfy a hard value of the other side ("三地" ~ "three").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from g60pub.quantities import (
    CN_BIG,
    CN_DIGITS,
    CN_NUMERAL,
    CN_UNITS,
    EN_DECADE,
    EN_SCALES,
    WEEKDAY,
    ZH_FRACTION_SLASH,
    ZH_FRACTION_WORDS,
    ZH_QUANTITY_AFTER,
    ZH_QUANTITY_BEFORE,
    ZH_TENTHS,
    cn_numeral,
    decimal_figure,
    en_fractions,
    en_number_words,
    fraction_key,
    fraction_percent,
    key_value,
    measure_equivalents,
    number_key,
    percent_fraction,
    qualifier_range,
    spread_en_ranges,
    spread_zh_ranges,
    zh_number,
)

MONTHS = {
    m: n
    for n, m in enumerate(
        ("January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December"),
        start=1,
    )
}  # fmt: skip
MONTH = re.compile(rf"\b(?:{'|'.join(MONTHS)})\b")
# Feb. 9, Sept. 19, Dec 7: a month's short form, next to the day it dates.
MONTHS_SHORT = {name[:3]: n for name, n in MONTHS.items()}
MONTH_SHORT = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?(?=\s*\d)")
# A Latin code with a digit: G60, 5G, COVID-19 (not a bare number, nor an
# ordinal such as 14th, which is a figure, nor a figure joined to its word:
# 6.7-percent, a 66-year history).
CODE = re.compile(
    r"(?<![A-Za-z0-9])(?<!\d\.)(?!\d+(?:st|nd|rd|th)\b)(?!\d+-[a-z])"
    r"(?=[A-Za-z0-9-]*[A-Za-z])(?=[A-Za-z0-9-]*\d)"
    r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*"
)
CODE_DIGITS = re.compile(r"\d+")
# 3千万 reads as 3 x 1000 x 10000, but 3千米 is three kilometres.
ZH_FIGURE = re.compile(
    r"(?<![A-Za-z0-9.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*((?:[百千](?=[万萬亿億]))?[万萬亿億]*)(%?)"
)
# 多 or 余 ("more than") inside a figure: 1300多亿, 3万多亿, 十多万.
ZH_MORE_INSIDE = re.compile(r"(?<=[\d十百千万萬亿億])[多余](?=[十百千万萬亿億])")
# A figure of several digit groups, each with its units: 2万5千, 1亿3千万;
# and a count of hundreds or thousands with 多/余 after it: 5千多 (5千米 is
# five kilometres, so a bare 5千 is left alone).
ZH_COMPOUND = re.compile(
    r"(?<![A-Za-z0-9.])(?:\d+(?:\.\d+)?[十百千万萬亿億]+){2,}"
    r"|(?<![A-Za-z0-9.])\d+(?:\.\d+)?[百千](?=[多余])"
)
ZH_COMPOUND_PART = re.compile(r"\d+(?:\.\d+)?|[十百千万萬亿億]")
# ① ⑵ ❸: footnote and list markers, which NFKC would make figures.
CIRCLED = re.compile("[\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]")
ZH_HALF = re.compile(r"一半|半数")
EN_HALF_SCALE = re.compile(r"\bhalf an? (million|billion|trillion)\b", re.IGNORECASE)
EN_HYPHENED_IN = re.compile(r"\b([A-Za-z]+|\d+)-in-([A-Za-z]+|\d+)\b")
CENTURY_WORDS = frozenset({"centenary", "centennial", "century", "centuries"})
ZH_DATED_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年(?=\s*\d{1,2}\s*月)")
ZH_RELATIVE_YEAR = re.compile(r"今年|去年|明年|前年|[后後]年|[当當]年|同年|本年|上年|次年")
YEAR = re.compile(r"(?:19|20)\d\d")
ZH_NUMERAL_RUN = re.compile(f"[{CN_NUMERAL}]+")
EN_FIGURE = re.compile(
    r"(?<![A-Za-z0-9.])(\d+(?:,\d{3})*(?:\.\d+)?)(st|nd|rd|th)?(?:[\s-]*(million|billion|trillion|thousand)\b)?"
)


@dataclass(frozen=True, slots=True)
class Anchors:
    """The comparable values of one text.

    ``equivalents`` gives, for a hard value, the other values that render it
    as well (20% ~ ``1/5``; 1.3万亿斤 ~ 650 million metric tons); they are
    soft values too. ``estimates`` are those of them a conversion made
    inexact (15亩 is 1 hectare, 10亩 0.667), which the other side rounds.
    ``approx`` gives an English figure's range when a qualifier precedes it
    ("nearly 30 percent" is 27 to 30). ``bare_days`` are Chinese days of the
    month written without their month (于14日), which English news often
    renders as a weekday (``weekday``: the English names one).
    """

    hard: Counter[str]
    soft: frozenset[str]
    codes: frozenset[str]
    relative_year: bool = False  # 今年, 去年...: the English may name the year
    equivalents: dict[str, frozenset[str]] = field(default_factory=dict)
    estimates: frozenset[str] = frozenset()
    approx: dict[str, tuple[Decimal, Decimal]] = field(default_factory=dict)
    bare_days: frozenset[str] = frozenset()
    weekday: bool = False

    def values(self) -> frozenset[str]:
        return frozenset(self.hard) | self.soft


class _Reading:
    """The values of one text as they are found, before they become Anchors."""

    def __init__(self) -> None:
        self.hard: Counter[str] = Counter()
        self.soft: set[str] = set()
        self.equivalents: dict[str, set[str]] = {}
        self.estimates: set[str] = set()
        self.approx: dict[str, tuple[Decimal, Decimal]] = {}
        self.bare_days: set[str] = set()

    def add(self, key: str, *, hard: bool = True, also: Iterable[str] = ()) -> None:
        if hard:
            self.hard[key] += 1
        else:
            self.soft.add(key)
        same = {a for a in also if a != key}
        if same:
            self.equivalents.setdefault(key, set()).update(same)
            self.soft.update(same)

    def qualify(self, key: str, before: str) -> None:
        factors = qualifier_range(before)
        value = key_value(key)
        if factors is None or value is None:
            return
        low, high = factors[0] * value, factors[1] * value
        if key in self.approx:
            low, high = min(low, self.approx[key][0]), max(high, self.approx[key][1])
        self.approx[key] = (low, high)

    def anchors(self, codes: frozenset[str], relative_year: bool, weekday: bool) -> Anchors:
        return Anchors(
            self.hard,
            frozenset(self.soft),
            codes,
            relative_year,
            {k: frozenset(v) for k, v in self.equivalents.items()},
            frozenset(self.estimates),
            dict(self.approx),
            frozenset(self.bare_days),
            weekday,
        )


def zh_anchors(text: str) -> Anchors:
    """Numbers, dates, percentages and codes of a Chinese text."""
    text = unicodedata.normalize("NFKC", CIRCLED.sub(" ", text))
    codes = frozenset(m.group() for m in CODE.finditer(text))
    text = CODE.sub(" ", text)
    found = _Reading()
    # The year of a full date is often left out of an English dateline
    # ("On July 12, ..."), so it is soft; month and day stay hard.
    for m in ZH_DATED_YEAR.finditer(text):
        found.add(m.group(1), hard=False)
    text = ZH_DATED_YEAR.sub(" ", text)
    text = spread_zh_ranges(text)
    text = _zh_fractions(text, found)
    text = _zh_tenths(text, found)
    text = _zh_compounds(ZH_MORE_INSIDE.sub("", text), found)
    if ZH_HALF.search(text):
        _add_fraction(found, Fraction(1, 2), hard=False)
    for m in ZH_FIGURE.finditer(text):
        value = decimal_figure(m.group(1))
        if value is None:
            continue
        for ch in m.group(2):
            value *= CN_BIG.get(ch) or CN_UNITS[ch]
        key = number_key(value)
        if m.group(3):
            found.add(key, also=filter(None, [percent_fraction(value)]))
            continue
        _add_measure(found, key, value, text[m.end() :])
        if re.match(r"\s*[日号]", text[m.end() :]) and not re.search(r"月\s*$", text[: m.start()]):
            found.bare_days.add(key)
    text = ZH_FIGURE.sub(" ", text)
    for m in ZH_NUMERAL_RUN.finditer(text):
        _zh_numeral_run(text, m, found)
    return found.anchors(codes, bool(ZH_RELATIVE_YEAR.search(text)), weekday=False)


def _zh_fractions(text: str, found: _Reading) -> str:
    """百分之二十, 十五分之一, 1/15: percentages and fractions, each with its other form."""

    def words(m: re.Match[str]) -> str:
        denominator, numerator = zh_number(m.group(1)), zh_number(m.group(2))
        if denominator is None or numerator is None or denominator == 0:
            return m.group()
        if denominator == 100:
            found.add(number_key(numerator), also=filter(None, [percent_fraction(numerator)]))
        else:
            _add_fraction(found, Fraction(numerator) / Fraction(denominator), hard=True)
        return " "

    def slash(m: re.Match[str]) -> str:
        denominator = int(m.group(2))
        if denominator == 0:
            return m.group()
        _add_fraction(found, Fraction(int(m.group(1)), denominator), hard=True)
        return " "

    text = ZH_FRACTION_WORDS.sub(words, text)
    return ZH_FRACTION_SLASH.sub(slash, text)


def _zh_compounds(text: str, found: _Reading) -> str:
    """2万5千, 1亿3千万, 5千多: figures ZH_FIGURE reads in part or not at all."""

    def compound(m: re.Match[str]) -> str:
        value = _compound_value(m.group())
        if value is None:
            return m.group()
        _add_measure(found, number_key(value), value, text[m.end() :].lstrip("多余"))
        return " "

    return ZH_COMPOUND.sub(compound, text)


def _compound_value(figure: str) -> Decimal | None:
    """The value of digits mixed with unit characters, as a Chinese numeral
    reads: sections of 十/百/千, scaled by 万 and 亿 (1亿3千万 is 130,000,000)."""
    total = myriads = section = Decimal(0)
    number: Decimal | None = None
    for part in ZH_COMPOUND_PART.findall(figure):
        if part[0].isdigit():
            if number is not None:
                return None
            number = Decimal(part)
        elif part in CN_UNITS:
            section += (number if number is not None else Decimal(1)) * CN_UNITS[part]
            number = None
        elif CN_BIG[part] == 10_000:
            myriads += (section + (number or 0)) * 10_000
            section, number = Decimal(0), None
        else:
            total += (myriads + section + (number or 0)) * CN_BIG[part]
            myriads = section = Decimal(0)
            number = None
    return total + myriads + section + (number or 0)


def _add_fraction(found: _Reading, share: Fraction, *, hard: bool, before: str = "") -> None:
    key = fraction_key(share)
    found.add(key, hard=hard, also=filter(None, [fraction_percent(share)]))
    if before:
        found.qualify(key, before)


def _zh_tenths(text: str, found: _Reading) -> str:
    def tenths(m: re.Match[str]) -> str:
        digit = m.group(1)
        percent = Decimal(10 * (int(digit) if digit.isdigit() else CN_DIGITS[digit]))
        quantity = ZH_QUANTITY_BEFORE.search(text[: m.start()]) or ZH_QUANTITY_AFTER.match(
            text[m.end() :]
        )
        key = number_key(percent)
        found.add(key, hard=bool(quantity), also=filter(None, [percent_fraction(percent)]))
        return " "

    return ZH_TENTHS.sub(tenths, text)


def _add_measure(found: _Reading, key: str, value: Decimal, after: str) -> None:
    exact, rounded = measure_equivalents(value, after)
    found.add(key, also=[*exact, *rounded])
    found.estimates.update(rounded)


def _zh_numeral_run(text: str, m: re.Match[str], found: _Reading) -> None:
    run = m.group()
    amount = cn_numeral(run)
    is_amount = len(run) >= 2 and any(c in CN_UNITS or c in CN_BIG for c in run)
    is_year = len(run) == 4 and not {"两", "兩"} & set(run) and text[m.end() : m.end() + 1] == "年"
    # 第十届: an ordinal the English must carry (the 10th); 第一线, 第一时间
    # and other small ones are often words.
    is_ordinal = amount is not None and amount >= 10 and text[m.start() - 1 : m.start()] == "第"
    if (
        amount is not None
        and (is_amount or is_year or is_ordinal)
        and not _in_idiom(text, m.start(), m.end())
    ):
        _add_measure(found, number_key(amount), Decimal(amount), text[m.end() :])
        return
    if amount is not None:
        found.add(number_key(amount), hard=False)
    # Parts of a run inside a word: 十三五 gives 13 and 5 as well.
    for start in range(len(run)):
        for end in range(start + 1, len(run) + 1):
            part = cn_numeral(run[start:end])
            if part is not None:
                found.add(number_key(part), hard=False)


def _in_idiom(text: str, start: int, end: int) -> bool:
    # 千百万, 成千上万 and the like are figures of speech, not amounts.
    return bool(re.fullmatch(r"[千百万]+", text[start:end]))


def en_anchors(text: str) -> Anchors:
    """Numbers, dates, percentages and codes of an English text."""
    text = unicodedata.normalize("NFKC", CIRCLED.sub(" ", text))
    found = _Reading()
    if "0s" in text:
        for m in EN_DECADE.finditer(text):  # the 1990s: not a code like 5G
            found.add(m.group(1) + m.group(2), also=[m.group(2)])
        text = EN_DECADE.sub(" ", text)
    codes = frozenset(m.group() for m in CODE.finditer(text))
    text = CODE.sub(" ", text)
    # A code's number may render a Chinese one: G20 for 二十国集团.
    for code in codes:
        for digits in CODE_DIGITS.findall(code):
            found.add(str(int(digits)), hard=False)
    weekday = "day" in text and bool(WEEKDAY.search(text))
    words = set(re.findall(r"[a-z]+", text.lower()))
    if words & EN_SCALES.keys():
        text = spread_en_ranges(text)
    if "half" in words:  # half a million, before "half" is read as a fraction
        text = _en_half_scales(text, found)
    if "-in-" in text:  # six-in-ten: six in ten
        text = EN_HYPHENED_IN.sub(r"\1 in \2", text)
    text, fractions, dozens = en_fractions(text, words)
    for share, hard, before in fractions:
        _add_fraction(found, share, hard=hard, before=before)
    if dozens:
        found.add("12", hard=False)
    if words & CENTURY_WORDS:  # 两个一百年: the Two Centenary Goals
        found.add("100", hard=False)
    for m in EN_FIGURE.finditer(text):
        value = decimal_figure(m.group(1))
        if value is None:
            continue
        if m.group(3):
            value *= EN_SCALES[m.group(3)]
        key = number_key(value)
        # An ordinal (the 24th summit) renders a Chinese one, which is soft:
        # it may also be the English's own addition.
        found.add(key, hard=not m.group(2))
        found.qualify(key, text[: m.start()])
    for m in MONTH.finditer(text):
        # "May" is a month only next to a figure ("May 5", "5 May", "May 2017").
        if (
            m.group() == "May"
            and not re.search(r"\d\s*$", text[: m.start()])
            and not re.match(r"\s*\d", text[m.end() :])
        ):
            continue
        # Soft: "July 12" may render a bare 12日 whose month the Chinese
        # leaves to the context.
        found.add(str(MONTHS[m.group()]), hard=False)
    for m in MONTH_SHORT.finditer(text):
        found.add(str(MONTHS_SHORT[m.group(1)[:3]]), hard=False)
    for number in en_number_words(text):
        found.add(str(number), hard=False)
    return found.anchors(codes, relative_year=False, weekday=weekday)


def _en_half_scales(text: str, found: _Reading) -> str:
    def half(m: re.Match[str]) -> str:
        key = number_key(EN_SCALES[m.group(1).lower()] // 2)
        found.add(key)
        found.qualify(key, text[: m.start()])
        return " "

    return EN_HALF_SCALE.sub(half, text)
