"""Publication dates as Chinese pages write them -> ISO 8601.

China Standard Time (+08:00) is assumed when a time has no zone; a time given
in another zone is converted to +08:00 so every article reads the same way.
A date without a time stays a plain date.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

CST = timezone(timedelta(hours=8))

_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:[-/.年])\s*(?P<m>\d{1,2})\s*(?:[-/.月])\s*(?P<d>\d{1,2})(?!\d)\s*日?"
    r"(?:\s*(?:T|\s)?\s*(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{1,2})(?:\s*[:：分]\s*(?P<S>\d{1,2}(?:\.\d+)?))?"
    r"(?:\s*(?P<tz>Z|[+-]\d{2}:?\d{2}))?)?"
)


def find_datetime(text: str) -> str | None:
    """The first valid date (with its time, if one follows) in ``text``, as ISO 8601."""
    for match in _DATE.finditer(text):
        value = _from_match(match)
        if value is not None:
            return value
    return None


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


def has_time(value: str) -> bool:
    return "T" in value
