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
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
CN_NUMERAL = "".join([*CN_DIGITS, *CN_UNITS, *CN_BIG])

MONTHS = {
    m: n
    for n, m in enumerate(
        (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        start=1,
    )
}
EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20,
}  # fmt: skip
EN_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}

# A Latin code with a digit: G60, 5G, COVID-19 (not a bare number).
CODE = re.compile(
    r"(?<![A-Za-z0-9])(?=[A-Za-z0-9-]*[A-Za-z])(?=[A-Za-z0-9-]*\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*"
)
ZH_FIGURE = re.compile(r"(?<![A-Za-z0-9.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*([万萬亿億]*)(%?)")
ZH_DATED_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年(?=\s*\d{1,2}\s*月)")
ZH_RELATIVE_YEAR = re.compile(r"今年|去年|明年|前年|[后後]年|[当當]年|同年|本年|上年|次年")
YEAR = re.compile(r"(?:19|20)\d\d")
ZH_NUMERAL_RUN = re.compile(f"[{CN_NUMERAL}]+")
ZH_PERCENT_WORDS = re.compile(f"百分之([{CN_NUMERAL}点]+)")
EN_FIGURE = re.compile(
    r"(?<![A-Za-z0-9.])(\d+(?:,\d{3})*(?:\.\d+)?)(?:st|nd|rd|th)?(?:\s*(million|billion|trillion|thousand)\b)?"
)
EN_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


@dataclass(frozen=True, slots=True)
class Anchors:
    """The comparable values of one text."""

    hard: Counter[str]
    soft: frozenset[str]
    codes: frozenset[str]
    relative_year: bool = False  # 今年, 去年...: the English may name the year

    def values(self) -> frozenset[str]:
        return frozenset(self.hard) | self.soft


def number_key(value: Decimal | int) -> str:
    """One spelling per value: 1.5亿 and 150 million both give '150000000'."""
    number = Decimal(value)
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def cn_numeral(text: str) -> int | None:
    """The value of a well-formed Chinese numeral (二十三, 一百零五, 二〇一七), else None."""
    if not text:
        return None
    if all(c in CN_DIGITS for c in text):
        if len(text) == 1:
            return CN_DIGITS[text]
        if "两" in text or "兩" in text:
            return None
        return int("".join(str(CN_DIGITS[c]) for c in text))
    total, section, digit = 0, 0, None
    last_unit = 10**13
    for ch in text:
        if ch in CN_DIGITS:
            if digit is not None and digit != 0:
                return None  # two digits in a row without a unit: 十三五
            digit = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            unit = CN_UNITS[ch]
            if unit >= last_unit:
                return None
            section += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        else:
            big = CN_BIG[ch]
            section += digit or 0
            if section == 0:
                return None
            total += section * big
            section, digit, last_unit = 0, None, 10**13
    return total + section + (digit or 0)


def zh_anchors(text: str) -> Anchors:
    """Numbers, dates, percentages and codes of a Chinese text."""
    text = unicodedata.normalize("NFKC", text)
    codes = frozenset(m.group() for m in CODE.finditer(text))
    text = CODE.sub(" ", text)
    hard: Counter[str] = Counter()
    soft: set[str] = set()
    # The year of a full date is often left out of an English dateline
    # ("On July 12, ..."), so it is soft; month and day stay hard.
    for m in ZH_DATED_YEAR.finditer(text):
        soft.add(m.group(1))
    text = ZH_DATED_YEAR.sub(" ", text)
    for m in ZH_FIGURE.finditer(text):
        value = _decimal(m.group(1))
        if value is None:
            continue
        for ch in m.group(2):
            value *= CN_BIG[ch]
        hard[number_key(value)] += 1
    text = ZH_FIGURE.sub(" ", text)
    for m in ZH_PERCENT_WORDS.finditer(text):
        percent = cn_numeral(m.group(1).split("点")[0])
        if percent is not None:
            hard[number_key(percent)] += 1
    text = ZH_PERCENT_WORDS.sub(" ", text)
    for m in ZH_NUMERAL_RUN.finditer(text):
        run = m.group()
        amount = cn_numeral(run)
        is_amount = len(run) >= 2 and any(c in CN_UNITS or c in CN_BIG for c in run)
        is_year = (
            len(run) == 4 and not {"两", "兩"} & set(run) and text[m.end() : m.end() + 1] == "年"
        )
        idiom = _in_idiom(text, m.start(), m.end())
        if amount is not None and (is_amount or is_year) and not idiom:
            hard[number_key(amount)] += 1
            continue
        if amount is not None:
            soft.add(number_key(amount))
        # Parts of a run inside a word: 十三五 gives 13 and 5 as well.
        for start in range(len(run)):
            for end in range(start + 1, len(run) + 1):
                part = cn_numeral(run[start:end])
                if part is not None:
                    soft.add(number_key(part))
    return Anchors(hard, frozenset(soft), codes, bool(ZH_RELATIVE_YEAR.search(text)))


def _in_idiom(text: str, start: int, end: int) -> bool:
    # 千百万, 成千上万 and the like are figures of speech, not amounts.
    return bool(re.fullmatch(r"[千百万]+", text[start:end]))


def en_anchors(text: str) -> Anchors:
    """Numbers, dates, percentages and codes of an English text."""
    text = unicodedata.normalize("NFKC", text)
    codes = frozenset(m.group() for m in CODE.finditer(text))
    text = CODE.sub(" ", text)
    hard: Counter[str] = Counter()
    soft: set[str] = set()
    for m in EN_FIGURE.finditer(text):
        value = _decimal(m.group(1))
        if value is None:
            continue
        if m.group(2):
            value *= EN_SCALES[m.group(2)]
        hard[number_key(value)] += 1
    for month, n in MONTHS.items():
        for m in re.finditer(rf"\b{month}\b", text):
            # "May" is a month only next to a figure ("May 5", "5 May", "May 2017").
            if (
                month == "May"
                and not re.search(r"\d\s*$", text[: m.start()])
                and not re.match(r"\s*\d", text[m.end() :])
            ):
                continue
            # Soft: "July 12" may render a bare 12日 whose month the Chinese
            # leaves to the context.
            soft.add(str(n))
    _en_number_words(text, soft)
    return Anchors(hard, frozenset(soft), codes)


def _en_number_words(text: str, soft: set[str]) -> None:
    value = 0
    current: int | None = None
    for m in EN_WORD.finditer(text.lower()):
        parts = m.group().split("-")
        for word in parts:
            if word in EN_ORDINALS:
                soft.add(str(EN_ORDINALS[word]))
            if word in EN_UNITS:
                current = (current or 0) + EN_UNITS[word]
            elif word in EN_SCALES and current is None:
                current = EN_SCALES[word]  # "a hundred", "thousands of"
            elif word in EN_SCALES and current is not None:
                current *= EN_SCALES[word]
                if EN_SCALES[word] >= 1000:
                    value += current
                    current = 0
            elif word == "and" and current is not None:
                continue
            else:
                if current is not None or value:
                    soft.add(str(value + (current or 0)))
                value, current = 0, None
    if current is not None or value:
        soft.add(str(value + (current or 0)))


def _decimal(figure: str) -> Decimal | None:
    try:
        return Decimal(figure.replace(",", ""))
    except InvalidOperation:
        return None


def number_mismatch(zh: Anchors, en: Anchors) -> tuple[list[str], list[str]]:
    """(values the English lacks, values the English adds), hard values only."""
    # Presence, not counts: a translation may say a figure once where the
    # Chinese repeats it, or repeat a year the Chinese leaves implicit.
    missing = [v for v in sorted(zh.hard) if v not in en.hard and v not in en.soft]
    zh_values = zh.values()
    added = [
        value
        for value in sorted(en.hard)
        if value not in zh_values and not (zh.relative_year and YEAR.fullmatch(value))
    ]
    missing += [code for code in sorted(zh.codes) if code not in en.codes]
    return missing, added
