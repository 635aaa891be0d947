"""Publication dates as Chinese pages write them -> ISO 8601.

China Standard Time (+08:00) is assumed when a time has no zone; a time given
in another zone is converted to +08:00 so every article reads the same way.
A date without a time stays a plain date.

Besides year-month-day (2019-05-20, 2019年5月20日, 2019/5/20), older and
foreign templates write the day first or the month in English: ``7/5/2005
9:23:57 PM`` (month first when the time has AM/PM, as US software prints
it, or when the second number can be no month, 11-22-2014; day first
otherwise, 06/02/2022 - 13:48, as European sites do),
``Dec 28 Sat 2013``, ``Saturday, September 10th, 2005``, ``十一月 6th, 2009``
(a Chinese-locale blog), and two-digit years glued to the time (``18-03-0823:16``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime, timedelta, timezone

from g60pub.chinese import detect_script
from g60pub.cjk import HAN

CST = timezone(timedelta(hours=8))

# …its day may run into the hour where two spans were set side by side (2017-1-1608:34).
_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:[-/.年])\s*(?P<m>\d{1,2})\s*(?:[-/.月])\s*(?P<d>\d{1,2}?)(?:(?!\d)|(?=\d{2}[:：]\d{2}))\s*日?"
    r"(?:\s*(?:T|\s)?\s*(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{1,2})(?:\s*[:：分]\s*(?P<S>\d{1,2}(?:\.\d+)?))?"
    r"(?:\s*(?P<tz>Z|[+-]\d{2}:?\d{2}))?)?"
)


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "jan january", "feb february", "mar march", "apr april", "may", "jun june",
            "jul july", "aug august", "sep sept september", "oct october", "nov november",
            "dec december",
        ),
        start=1,
    )
    for name in names.split()
}  # fmt: skip
# WordPress in a Chinese locale names the month in Chinese and keeps the English
# ordinal and order: 十一月 6th, 2009; Hexo's Tranquilpeak, by its number: 12月 26, 2015.
_MONTHS.update(
    (f"{name}月", number)
    for number, name in enumerate(
        ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"], start=1
    )
)
_MONTHS.update((f"{number}月", number) for number in range(1, 13))
_MONTHS.update((f"0{number}月", number) for number in range(1, 10))
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?"
_TIME = r"(?:\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?)?"
_SLASHED = re.compile(
    r"(?<![\d/-])(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})(?![\d/-])\s*-?"
    + _TIME,
    re.I,
)
_ENGLISH = re.compile(
    r"(?<![a-z])(?P<mon>[a-z]{3,9}|(?<![一二三四五六七八九十\d])(?:[一二三四五六七八九十]{1,2}|1[0-2]|0?[1-9])月)"
    r"\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?:"
    + _WEEKDAY
    # C's clock format puts the time before the year: Wed Apr  7 18:08:56 1999.
    + r"\s+)?(?:\d{1,2}:\d{2}(?::\d{2})?\s+)?(?P<y>(?:19|20)\d{2})(?!\d)"
    + _TIME,
    re.I,
)
# The day first (18 Jul 2010; Pelican in a Chinese locale: 五 13 一月 2012).
_DAY_MONTH = re.compile(
    r"(?<![\d:./-])(?P<d>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?"
    r"(?P<mon>[a-z]{3,9}|(?<![一二三四五六七八九十])[一二三四五六七八九十]{1,2}月)\.?,?\s+"
    r"(?P<y>(?:19|20)\d{2})(?!\d)" + _TIME,
    re.I,
)
_SHORT_YEAR = re.compile(
    r"(?<![\d\-/.])(?P<y>\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?=\s*\d{1,2}:\d{2}|[^\d\-]|$)" + _TIME
)
# A paper's issue named by its day (国际日报20140318期), as an e-paper's <title> names it.
_ISSUE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)期")


# A span of days or hours (2007年10月5日 - 2008年11月26日, 2026.06.30–07.03, an event's
# 2019-06-30 21:30:00 ~ 2019-07-01, 13:30 ~ 17:10): the period a text covers, not its day.
_SPAN = re.compile(
    r"(?:19|20)\d{2}\s*[-./年]\s*\d{1,2}(?:\s*[-./月]\s*\d{1,2}\s*日?)?"
    r"(?:\s*[（(](?:周|星期|礼拜)[一二三四五六日天][)）])?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[-–—~～至到]+\s*"
    r"(?:(?:19|20)\d{2}\s*[-./年]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}[./]\d{1,2}(?![\d./]))"
    r"|\d{1,2}:\d{2}\s*[-–—~～至到]+\s*\d{1,2}:\d{2}"
)


def is_date_span(text: str) -> bool:
    """True for a line naming a span of days (from one date to another)."""
    return _SPAN.search(text) is not None


def find_datetime(text: str) -> str | None:
    """The first valid date (with its time, if one follows) in ``text``, as ISO 8601."""
    for match in _DATE.finditer(text):
        value = _from_match(match)
        if value is not None:
            return value
    return _other_forms(text)


def _other_forms(text: str) -> str | None:
    """Day-first/month-first slashed dates, English month names, two-digit years."""
    found: list[tuple[int, str]] = []
    for match in _SLASHED.finditer(text):
        first, second = int(match["a"]), int(match["b"])
        # Month first with AM/PM, or when the second number is no month (11-22-2014),
        # or on a page that writes its dates month first (see month_first_page).
        us = match["ampm"] or second > 12 or (first <= 12 and _page_month_first())
        month, day_ = (first, second) if us else (second, first)
        value = _compose(int(match["y"]), month, day_, match)
        if value:
            found.append((match.start(), value))
    for match in itertools.chain(_ENGLISH.finditer(text), _DAY_MONTH.finditer(text)):
        named = _MONTHS.get(match["mon"].lower())
        value = _compose(int(match["y"]), named, int(match["d"]), match) if named else None
        if value:
            found.append((match.start(), value))
    for match in _HAN_DATE.finditer(text):  # 一九六四年十二月二十八日, 二〇二一年三月五日
        year = int("".join(str(_han_digit(c)) for c in match["y"]))
        value = _compose(year, _han_number(match["m"]), _han_number(match["d"]), match)
        if value:
            found.append((match.start(), value))
    for match in _SHORT_YEAR.finditer(text):
        if (len(match["m"]) < 2 or len(match["d"]) < 2) and match["H"] is None:
            continue  # 24-5-13 is a date only with its time (24-5-13 17:07), as Weibo writes it
        value = _compose(2000 + int(match["y"]), int(match["m"]), int(match["d"]), match)
        if value:
            found.append((match.start(), value))
    return min(found)[1] if found else None


_HAN_DIGITS = "〇一二三四五六七八九○零"  # ○ and 零 are 〇 too (see _han_digit)
_HAN_DATE = re.compile(
    r"(?P<y>[〇○零一二三四五六七八九]{4})\s*年\s*(?P<m>十[一二]?|[一二三四五六七八九])\s*月\s*"
    r"(?P<d>[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号]" + _TIME
)


def _han_digit(char: str) -> int:
    """〇 to 九, with ○ and 零 for 〇 (二零一六年: 2016)."""
    return _HAN_DIGITS.index(char) if char not in "○零" else 0


def _han_number(text: str) -> int:
    """一 to 三十一 written in Chinese numerals."""
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return _HAN_DIGITS.index(text)
    ten = _HAN_DIGITS.index(tens) if tens else 1
    return ten * 10 + (_HAN_DIGITS.index(units) if units else 0)


_PAGE: ContextVar[list[str | bool] | None] = ContextVar("page", default=None)


@contextmanager
def month_first_page(text: str) -> Iterator[None]:
    """Within the block, a slashed date whose order the date alone leaves open
    (3/2/2021) is read month first when the page's other slashed dates are
    (7/14/2023, 10:55:31 PM: a script's en-US dates) and none is day first.
    The page is read for them only when such a date is met."""
    token = _PAGE.set([text])
    try:
        yield
    finally:
        _PAGE.reset(token)


def _page_month_first() -> bool:
    page = _PAGE.get()
    if page is None:
        return False
    if isinstance(page[0], str):  # read once, at the first open date
        orders = {_order(match) for match in _SLASHED.finditer(page[0])} - {None}
        page[0] = orders == {"month"} or (not orders and _simplified_page(page[0]))
    return bool(page[0])


_HAN = re.compile(f"[{HAN}]")
_SAMPLE = 2000  # Han characters read to tell the script
_FEW_HAN = 50


def _simplified_page(text: str) -> bool:
    """True for a page in Simplified Chinese: there an open slashed date
    (4/8/2021) is a script's en-US date, month first; Hong Kong's pages,
    in Traditional, write the day first (08/04/2021)."""
    han = "".join(_HAN.findall(text)[:_SAMPLE])
    return len(han) >= _FEW_HAN and detect_script(han) == "zh-Hans"


def _order(match: re.Match[str]) -> str | None:
    first, second = int(match["a"]), int(match["b"])
    if first > 12 >= second:
        return "day"
    return "month" if second > 12 >= first or match["ampm"] else None


def without_dates(text: str) -> str:
    """``text`` with every date in it (and the time after it) taken out."""
    for pattern in (_DATE, _SLASHED, _ENGLISH, _SHORT_YEAR):
        text = pattern.sub(" ", text)
    return text


# A day set compactly at the end of a <title>, after a separator (…富商非禮-20120517).
TRAILING_DAY = re.compile(r"\s*[-_|｜]\s*(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)\s*$")


def trailing_day(text: str) -> str | None:
    """The day a ``<title>`` ends with (see above), as ISO 8601."""
    match = TRAILING_DAY.search(text)
    return _valid(int(match["y"]), int(match["m"]), int(match["d"])) if match else None


def issue_date(text: str) -> str | None:
    """The day of the first paper's issue named in ``text`` (20140318期), as ISO 8601."""
    for match in _ISSUE.finditer(text):
        value = _valid(int(match["y"]), int(match["m"]), int(match["d"]))
        if value:
            return value
    return None


def _compose(year: int, month: int, day_: int, match: re.Match[str]) -> str | None:
    try:
        moment = date(year, month, day_)
    except ValueError:
        return None
    if match["H"] is None:
        return moment.isoformat()
    hour = int(match["H"])
    ampm = (match["ampm"] or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        value = datetime(year, month, day_, hour, int(match["M"]), int(match["S"] or 0))
    except ValueError:
        return moment.isoformat()
    return value.replace(tzinfo=CST).isoformat()


def split_datetime(text: str) -> tuple[str, str | None]:
    """``text`` cut before its first valid date, and that date (None when there is none)."""
    for match in _DATE.finditer(text):
        value = _from_match(match)
        if value is not None:
            return text[: match.start()], value
    return text, None


def _from_match(match: re.Match[str]) -> str | None:
    try:
        day = date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None
    if match["H"] is None:
        return day.isoformat()
    try:
        moment = datetime(
            day.year,
            day.month,
            day.day,
            int(match["H"]),
            int(match["M"]),
            int(float(match["S"])) if match["S"] else 0,
        )
    except ValueError:
        return day.isoformat()
    zone = _zone(match["tz"])
    if zone is None:
        moment = moment.replace(tzinfo=CST)
    else:
        moment = moment.replace(tzinfo=zone).astimezone(CST)
    return moment.isoformat()


def time_element(stated: str | None, shown: str | None) -> str | None:
    """The moment a ``<time>`` gives: its ``datetime`` (``stated``), but the day
    its text shows when that is within a day of it: the day in the site's own
    zone, where turning the moment to +08:00 may move it (``2020-04-05T17:54Z``
    shown as 2020-04-05, ``2025-01-24T06:02:24Z`` shown as 2025-01-23)."""
    moment, day = find_datetime(stated or ""), find_datetime(shown or "")
    if moment and day and len(day) == len("2020-04-05") and not moment.startswith(day):
        apart = date.fromisoformat(moment[:10]) - date.fromisoformat(day)
        if abs(apart.days) <= 1:
            return day
    return moment or day


def _zone(text: str | None) -> timezone | None:
    if not text:
        return None
    if text == "Z":
        return UTC
    sign = 1 if text[0] == "+" else -1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4])))


def from_timestamp(seconds: str | int) -> str | None:
    """A Unix timestamp (as WeChat's ``var ct``) in China Standard Time."""
    try:
        value = int(seconds)
    except (TypeError, ValueError):
        return None
    if not 0 < value < 4_102_444_800:
        return None
    return datetime.fromtimestamp(value, CST).isoformat()


_BARE_DAY = re.compile(r"\s*(?P<d>[0-3]?\d)\s*日?\s*")
_YEAR_MONTH = re.compile(r"\s*(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*月?\s*")
_BARE_YEAR = re.compile(r"\s*(?P<y>(?:19|20)\d{2})\s*年?\s*")
# A month and year alone, as a headline's element may end (<h1>标题 <span>Jun, 2015</span>).
MONTH_YEAR = re.compile(r"[A-Z][a-z]{2,8}\.?,?\s+(?:19|20)\d{2}|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月")
_MONTH_DAY = re.compile(r"\s*(?P<m>[01]?\d)\s*[-/.月]\s*(?P<d>[0-3]?\d)\s*日?\s*")


def split_date(first: str, second: str) -> str | None:
    """A date a template prints over two lines: the day large over its year and
    month (``21`` / ``2024年02月``) or under them, or the year over the month
    and day (``2020`` / ``07/08``)."""
    for day_text, month_text in ((first, second), (second, first)):
        day_ = _BARE_DAY.fullmatch(day_text)
        month = _YEAR_MONTH.fullmatch(month_text)
        if day_ and month:
            return _valid(int(month["y"]), int(month["m"]), int(day_["d"]))
    year = _BARE_YEAR.fullmatch(first)
    month_day = _MONTH_DAY.fullmatch(second)
    if year and month_day:
        return _valid(int(year["y"]), int(month_day["m"]), int(month_day["d"]))
    return None


def _valid(year: int, month: int, day_: int) -> str | None:
    try:
        return date(year, month, day_).isoformat()
    except ValueError:
        return None


def has_time(value: str) -> bool:
    return "T" in value


# A headline element that holds its dateline too (<h2>标题 <small>2023-08-19
# 来源：某报</small></h2>): a full date at the end, with its time and a label after it,
# or a numeric date alone in brackets (<small>( 2024-05-11)</small>).
_DATELINE_TAIL = re.compile(
    r"\s+(?:\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?:\s+(?:来源|發布|发布|作者|编辑|字号|浏览|點擊|点击)\s*[:：].*)?$"
    r"|\s+[(（]\s*\d{4}-\d{1,2}-\d{1,2}\s*[)）]$"
)


def without_dateline(text: str, shortest: int) -> str:
    """``text`` without the dateline run into its end, if ``shortest`` characters stay before it."""
    tail = _DATELINE_TAIL.search(text)
    return text[: tail.start()] if tail and tail.start() >= shortest else text


def pick_date(candidates: Sequence[str | None]) -> str | None:
    """The first date given; if it has no time, a later one for the same day may add it."""
    dates = [c for c in candidates if c]
    if not dates:
        return None
    first = dates[0]
    if has_time(first):
        return first
    return next((d for d in dates[1:] if has_time(d) and d.startswith(first)), first)


_SMALL_HOURS = 8  # a moment before 08:00 at +08:00 was the day before in UTC


def site_day_first(dates: Sequence[str]) -> list[str]:
    """The markup's dates, a moment turned to +08:00 across midnight
    (2018-07-19T18:00:39Z read as 2018-07-20T02:00:39+08:00) after the date the
    page gives for the day before: the day in the site's own zone, as it shows it."""
    if len(dates) < 2 or not has_time(dates[0]) or int(dates[0][11:13]) >= _SMALL_HOURS:
        return list(dates)
    before = (date.fromisoformat(dates[0][:10]) - timedelta(days=1)).isoformat()
    other = next((d for d in dates[1:] if d.startswith(before)), None)
    return list(dates) if other is None else [other, *(d for d in dates if d is not other)]
