"""Whether an English text renders the figures of a Chinese one (QA
``number-mismatch``), from their values as ``g60pub.figures`` reads them.

Values compare by value, not as written: a Chinese value is rendered by
itself or one of its equivalents, by an English figure whose qualifier puts
it in range and which is the coarser of the two ("nearly 30 percent" for
29.8%), or, converted inexactly, by its rounding. What the English adds is
a mismatch too, except an ordinal, and a year where the Chinese names none:
context official translations add.
"""

from __future__ import annotations

from decimal import Decimal

from g60pub.figures import YEAR, Anchors
from g60pub.quantities import key_value, rounds_to


def number_mismatch(zh: Anchors, en: Anchors) -> tuple[list[str], list[str]]:
    """(values the English lacks, values the English adds), hard values only.

    Values compare by value: a Chinese value is rendered by itself or by one
    of its ``equivalents``, by an English figure whose qualifier puts it in
    range ("nearly 30 percent"), or, converted inexactly, by its rounding; a
    day of the month without its month may be rendered as a weekday.
    """
    # Presence, not counts: a translation may say a figure once where the
    # Chinese repeats it, or repeat a year the Chinese leaves implicit.
    en_values = en.values()
    missing = [v for v in sorted(zh.hard) if not _rendered(v, zh, en, en_values)]
    zh_values = zh.values()
    # A year the English names where the Chinese names none gives the
    # context the Chinese leaves implicit (2016 for 过去一年, the G20 2016
    # Hangzhou Summit); a year the Chinese names must be rendered as it is.
    zh_years = [v for v in zh_values if YEAR.fullmatch(v)]
    added = [
        value
        for value in sorted(en.hard)
        if value not in zh_values
        and not ((zh.relative_year or not zh_years) and YEAR.fullmatch(value))
        and not _renders(value, zh, en)
    ]
    missing += [code for code in sorted(zh.codes) if code not in en.codes]
    return missing, added


def _rendered(value: str, zh: Anchors, en: Anchors, en_values: frozenset[str]) -> bool:
    forms = {value, *zh.equivalents.get(value, ())}
    if forms & en_values or (value in zh.bare_days and en.weekday):
        return True
    for form in forms:
        number = key_value(form)
        if number is None:
            continue
        if any(_approximates(key, span, number) for key, span in en.approx.items()):
            return True
        if form in zh.estimates and any(_rounds(number, e) for e in en_values):
            return True
    return False


def _renders(value: str, zh: Anchors, en: Anchors) -> bool:
    """An English figure not among the Chinese values still renders one of them:
    it is qualified and one lies in its range, or it rounds a converted one."""
    number = key_value(value)
    if number is None:
        return False
    if value in en.approx:
        for form in zh.values():
            other = key_value(form)
            if other is not None and _approximates(value, en.approx[value], other):
                return True
    return any(_rounds(e, value) for e in (key_value(k) for k in zh.estimates) if e is not None)


def _approximates(written_key: str, span: tuple[Decimal, Decimal], value: Decimal) -> bool:
    """A qualified English figure ("nearly 30 percent", its ``span``) renders
    ``value`` when the range holds it and the figure is the coarser of the
    two: "about 13 percent" rounds no 12%, and "around 6.6 percent" no 6.5%,
    though each is within a tenth of it."""
    written = key_value(written_key)
    if written is None or not span[0] <= value <= span[1]:
        return False
    return _digits(written) < _digits(value)


def _digits(number: Decimal) -> int:
    """Significant digits: 30 has one, 29.8 three, 12,680,000 four."""
    return len(number.normalize().as_tuple().digits)


def _rounds(value: Decimal, written_key: str) -> bool:
    written = key_value(written_key)
    return written is not None and rounds_to(value, written)
