"""Quantity words of Chinese and English, for reading figures by value.

The vocabulary figures.py reads texts with: English number, ordinal and
fraction words; the qualifiers that make an English figure approximate
("over", "nearly", "about"); Chinese fractions (十五分之一, 1/15) and tenths
(三成 = 30%); and the Chinese measure units whose English rendering is
usually converted (1.3万亿斤 is "650 million metric tons", 15亩 "one
hectare"). Data and small parsers only: comparing two texts is figures.py's job.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction

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

EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000,
}  # fmt: skip
EN_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")

# "a fifth", "one-fifteenth", "two thirds", "three quarters", "half":
# the denominators are the ordinals from "third" on ("a second" is time, not
# a half), with "half" and "quarter".
_DENOMINATORS = {
    **{word: n for word, n in EN_ORDINALS.items() if n >= 3},
    "half": 2,
    "halve": 2,
    "quarter": 4,
}
_NUMERATOR = "|".join(["a", "an", *EN_UNITS, r"\d+"])
EN_FRACTION = re.compile(
    rf"\b({_NUMERATOR})[\s-]+({'|'.join(sorted(_DENOMINATORS, key=len, reverse=True))})s?\b"
    r"|\bhalf\b",
    re.IGNORECASE,
)
FRACTION_WORDS = frozenset({*_DENOMINATORS, *(f"{w}s" for w in _DENOMINATORS), "half"})
NUMBER_WORDS = frozenset(EN_UNITS)
# "one in five", "three out of every ten"
EN_ONE_IN = re.compile(
    rf"\b({_NUMERATOR})\s+(?:in|out\s+of)\s+(?:every\s+)?({'|'.join(EN_UNITS)}|\d+)\b",
    re.IGNORECASE,
)
EN_DOZEN = re.compile(r"\b(?:a|one)\s+dozen\b", re.IGNORECASE)
# 1990s: the decade the Chinese calls 90年代.
EN_DECADE = re.compile(r"\b(18|19|20)(\d0)s\b")

# A qualifier before an English figure makes it a range: "nearly 30 percent"
# renders 29.8%, "over 12 million" renders 1268万. Factors of the figure.
_BELOW = (Decimal("0.9"), Decimal(1))
_AROUND = (Decimal("0.9"), Decimal("1.1"))
_ABOVE = (Decimal(1), Decimal("1.1"))
QUALIFIERS: dict[str, tuple[Decimal, Decimal]] = {
    "nearly": _BELOW, "almost": _BELOW, "close to": _BELOW, "just under": _BELOW,
    "less than": _BELOW, "under": _BELOW, "below": _BELOW, "fewer than": _BELOW,
    "up to": _BELOW, "no more than": _BELOW,
    "about": _AROUND, "around": _AROUND, "approximately": _AROUND, "roughly": _AROUND,
    "some": _AROUND, "an estimated": _AROUND,
    "over": _ABOVE, "more than": _ABOVE, "above": _ABOVE, "in excess of": _ABOVE,
    "exceeding": _ABOVE, "upwards of": _ABOVE, "at least": _ABOVE, "just over": _ABOVE,
}  # fmt: skip
_QUALIFIER = re.compile(
    rf"\b({'|'.join(sorted(QUALIFIERS, key=len, reverse=True))})\s+(?:the\s+)?$", re.IGNORECASE
)

# Chinese measure units an English translation converts, with the factor to
# each English unit. An exact factor gives an exact value; 亩 to hectares
# (1/15) gives a value the English rounds.
UNIT_FACTORS: dict[str, tuple[Fraction, ...]] = {
    "斤": (Fraction(1, 2), Fraction(1, 2000)),  # kilograms, metric tons
    "公斤": (Fraction(1, 1000),),  # metric tons
    "千克": (Fraction(1, 1000),),
    "吨": (Fraction(1000),),  # kilograms
    "亩": (Fraction(1, 15), Fraction(1, 1500)),  # hectares, square kilometers
    "公顷": (Fraction(15), Fraction(1, 100)),  # mu, square kilometers
    "平方公里": (Fraction(100),),  # hectares
    "平方千米": (Fraction(100),),
}
ZH_UNIT = re.compile("|".join(sorted(UNIT_FACTORS, key=len, reverse=True)))
# 近三成, 三成以上: tenths. Alone, "一成" is as likely part of a name (王一成)
# or an idiom (一成不变), so a tenth is required of the English only next to
# a word of quantity; elsewhere it may only answer an English percentage.
ZH_TENTHS = re.compile(
    r"(?<![〇零一二两三四五六七八九十百千万\d.])([一二两三四五六七八九1-9])成(?!不变)"
)
ZH_QUANTITY_BEFORE = re.compile(
    r"(?:近|约|超|逾|占|达|过|超过|接近|将近|不到|不足|下降|增长|提高|减少)$"
)
ZH_QUANTITY_AFTER = re.compile(r"^(?:以上|以下|左右|多|的)")
# 百分之二十 (a percentage), 十五分之一 (a fraction)
ZH_FRACTION_WORDS = re.compile(f"([{CN_NUMERAL}\\d.点]+)分之([{CN_NUMERAL}\\d.点]+)")
ZH_FRACTION_SLASH = re.compile(r"(?<![\d/.])(\d+)\s*/\s*(\d+)(?![\d/])")
# Both ends of a range carry the scale and unit written after the second:
# 5000-6000万元 is 5000万 to 6000万.
ZH_RANGE = re.compile(
    r"(\d+(?:,\d{3})*(?:\.\d+)?)(\s*(?:-|–|—|~|至|到)\s*)(\d+(?:,\d{3})*(?:\.\d+)?)\s*"
    rf"([万萬亿億]+)?({ZH_UNIT.pattern})?"
)
EN_RANGE = re.compile(
    r"(\d+(?:,\d{3})*(?:\.\d+)?)(\s*(?:-|–|to)\s*)(\d+(?:,\d{3})*(?:\.\d+)?)\s+"
    r"(million|billion|trillion|thousand)\b"
)


def number_key(value: Decimal | int) -> str:
    """One spelling per value: 1.5亿 and 150 million both give '150000000'."""
    number = Decimal(value)
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def fraction_key(value: Fraction) -> str:
    """One spelling of a fraction: ``1/15``; a whole number as itself."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{value.numerator}/{value.denominator}"


def key_value(key: str) -> Decimal | None:
    """The number a key (``150000000``, ``12.5``, ``1/15``) stands for; None for a code."""
    try:
        if "/" in key:
            numerator, _, denominator = key.partition("/")
            return Decimal(numerator) / Decimal(denominator)
        return Decimal(key)
    except (InvalidOperation, ZeroDivisionError):
        return None


def percent_fraction(percent: Decimal) -> str | None:
    """20% as ``1/5``, 12.5% as ``1/8``: a fraction an English text may say instead."""
    share = Fraction(percent) / 100
    if 0 < share < 1 and share.denominator <= 20:
        return fraction_key(share)
    return None


def fraction_percent(share: Fraction) -> str | None:
    """1/5 as ``20`` (percent) when that is exact to two decimals."""
    percent = share * 100
    if (percent * 100).denominator == 1:
        return number_key(Decimal(percent.numerator) / Decimal(percent.denominator))
    return None


def en_small_number(word: str) -> int | None:
    """``a``/``one``..``ninety`` or digits: the numerator or count of a fraction."""
    word = word.lower()
    if word in ("a", "an"):
        return 1
    if word.isdigit():
        return int(word)
    return EN_UNITS.get(word)


def en_denominator(word: str) -> int:
    word = word.lower()
    return _DENOMINATORS[word[:-1] if word not in _DENOMINATORS else word]


def qualifier_range(before: str) -> tuple[Decimal, Decimal] | None:
    """The factors a qualifier ending ``before`` ("nearly ") puts around the figure after it."""
    found = _QUALIFIER.search(before[-30:])
    return QUALIFIERS[found.group(1).lower()] if found else None


def rounds_to(value: Decimal, written: Decimal) -> bool:
    """``value`` written rounded as ``written``: within half a unit of its last
    non-zero digit (666.67 as 667, 6.5e8 as "650 million")."""
    if written == 0:
        return value == 0
    exponent = written.normalize().as_tuple().exponent
    if not isinstance(exponent, int):
        return False
    return abs(value - written) <= Decimal(5) * Decimal(10) ** (exponent - 1)


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


def zh_number(text: str) -> Decimal | None:
    """A Chinese or Arabic number with its decimals: 十二点五, 12.5, 三."""
    whole, _, decimals = text.partition("点")
    if re.fullmatch(r"\d+(?:\.\d+)?", whole) and not decimals:
        return decimal_figure(whole)
    value = cn_numeral(whole)
    if value is None:
        return None
    if not decimals:
        return Decimal(value)
    if not all(c in CN_DIGITS for c in decimals):
        return None
    return Decimal(f"{value}.{''.join(str(CN_DIGITS[c]) for c in decimals)}")


def decimal_figure(figure: str) -> Decimal | None:
    try:
        return Decimal(figure.replace(",", ""))
    except InvalidOperation:
        return None


EN_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def en_number_words(text: str) -> set[int]:
    """The numbers English words spell: "twelve", "one hundred and five",
    "twenty-first" (21, and 1 for "first" on its own), "a hundred"."""
    numbers: set[int] = set()
    value = 0
    current: int | None = None

    def flush() -> None:
        nonlocal value, current
        if current is not None or value:
            numbers.add(value + (current or 0))
        value, current = 0, None

    for m in EN_WORD.finditer(text.lower()):
        for word in m.group().split("-"):
            if word in EN_ORDINALS:
                # "twenty-first": the ordinal ends the number it belongs to.
                ordinal = EN_ORDINALS[word]
                numbers.add(ordinal)
                if current is not None or value:
                    numbers.add(value + (current or 0) + ordinal)
                value, current = 0, None
            elif word in EN_UNITS:
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
                flush()
    flush()
    return numbers


def measure_equivalents(value: Decimal, after: str) -> tuple[list[str], list[str]]:
    """The values an English text may give for the Chinese ``value`` followed
    by ``after``, exact and rounded: a converted unit (1.3万亿斤 as 650 million
    metric tons, 10亩 as 0.667 hectares) and the decade of 90年代 (the 1990s)."""
    after = after.lstrip()
    unit = ZH_UNIT.match(after)
    exact: list[str] = []
    rounded: list[str] = []
    if unit:
        for factor in UNIT_FACTORS[unit.group()]:
            converted = Fraction(value) * factor
            key = number_key(Decimal(converted.numerator) / Decimal(converted.denominator))
            (exact if (converted * 10**6).denominator == 1 else rounded).append(key)
    if after.startswith("年代") and value < 100 and value % 10 == 0:
        exact += [f"19{int(value):02d}", f"20{int(value):02d}"]
    return exact, rounded


def spread_zh_ranges(text: str) -> str:
    """5000-6000万元 as 5000万元-6000万元: both ends carry the scale and unit."""

    def spread(m: re.Match[str]) -> str:
        scale, unit = m.group(4) or "", m.group(5) or ""
        return f"{m.group(1)}{scale}{unit}{m.group(2)}{m.group(3)}{scale}{unit}"

    return ZH_RANGE.sub(spread, text)


def spread_en_ranges(text: str) -> str:
    """ "50-60 million" as "50 million-60 million"."""

    def spread(m: re.Match[str]) -> str:
        scale = m.group(4)
        return f"{m.group(1)} {scale}{m.group(2)}{m.group(3)} {scale}"

    return EN_RANGE.sub(spread, text)


Fractions = list[tuple[Fraction, bool, str]]


def en_fractions(text: str, words: set[str]) -> tuple[str, Fractions, int]:
    """The fractions of an English text ("a fifth", "one in five", "1/15"),
    each with whether it is written in figures and the text before it (for
    its qualifier); the number of dozens ("a dozen"); and the text with all
    of them blanked. ``words`` are the text's lower-case words."""
    found: Fractions = []

    def spelt(m: re.Match[str]) -> str:
        if m.group(1) is None:  # "half" on its own
            found.append((Fraction(1, 2), False, m.string[: m.start()]))
            return " "
        numerator = en_small_number(m.group(1))
        if numerator is None:
            return m.group()
        found.append(
            (Fraction(numerator, en_denominator(m.group(2))), False, m.string[: m.start()])
        )
        return " "

    def one_in(m: re.Match[str]) -> str:
        numerator, denominator = en_small_number(m.group(1)), en_small_number(m.group(2))
        if not numerator or not denominator:
            return m.group()
        found.append((Fraction(numerator, denominator), False, m.string[: m.start()]))
        return " "

    def slash(m: re.Match[str]) -> str:
        if int(m.group(2)) == 0:
            return m.group()
        found.append((Fraction(int(m.group(1)), int(m.group(2))), True, m.string[: m.start()]))
        return " "

    # The fraction patterns are long alternations: run each only on a text
    # that has one of its words (most paragraphs have none).
    if words & FRACTION_WORDS:
        text = EN_FRACTION.sub(spelt, text)
    if words & {"in", "of"} and (words & NUMBER_WORDS or re.search(r"\d", text)):
        text = EN_ONE_IN.sub(one_in, text)
    if "/" in text:
        text = ZH_FRACTION_SLASH.sub(slash, text)
    dozens = 0
    if "dozen" in words:
        text, dozens = EN_DOZEN.subn(" ", text)
    return text, found, dozens
