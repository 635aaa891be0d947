"""English text folded for matching, with a way back to the original offsets.

Folding makes matching tolerant the way translators vary: case, accents
(pinyin with tone marks matches plain pinyin), hyphen/space/punctuation
variation ("sci-tech" = "sci tech"), and British -isation / centre spellings.
Folding keeps the length of the text; collapsing runs of separators to one
space does not, so :class:`FoldedText` keeps the few offsets needed to map a
match back to the original text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

_SPACES = re.compile(r" {2,}")
# British spellings folded to American ones of the same length. Folding applies
# to keys and text alike, so over-folding ("enterprise") is harmless.
_BRITISH = (
    ("isation", "ization"),
    ("ise", "ize"),
    ("ising", "izing"),
    ("yse", "yze"),
    ("centre", "center"),
)


def _accent_table() -> dict[int, str]:
    """Latin letters with diacritics -> their base letter (pinyin tone marks too)."""
    table: dict[int, str] = {}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        ch = chr(code)
        base = unicodedata.normalize("NFKD", ch)[:1].lower()
        if ch.isalpha() and base.isascii() and base.isalpha():
            table[code] = base
    return table


def _ascii_table() -> dict[int, str]:
    return {c: " " for c in range(128) if not chr(c).isalnum()}


# Fullwidth ASCII forms (Ｇ６０, （）) and the ideographic space to ASCII. A
# normalised article has half-width digits and letters but full-width
# parentheses around Chinese, while a termbase from elsewhere may write either.
_NARROW = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_WIDE = re.compile("[\uff01-\uff5e\u3000]")


def narrow(text: str) -> str:
    """``text`` with fullwidth ASCII forms made ASCII; the length is kept."""
    return text.translate(_NARROW) if _WIDE.search(text) else text


_ACCENTS = _accent_table()
_ACCENTED = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")
_ASCII = _ascii_table()
# Every non-word character, one at a time (so the length is kept): punctuation,
# symbols, spaces, CJK and fullwidth punctuation.
_SEPARATOR = re.compile(r"[\W_]")


def fold(text: str) -> str:
    """Fold ``text`` for matching; the result has exactly ``len(text)`` chars."""
    lowered = text.lower()
    if len(lowered) != len(text):  # rare characters whose lower case is longer
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    if lowered.isascii():
        folded = lowered.translate(_ASCII)  # CPython's fast path for ASCII
    else:
        lowered = narrow(lowered)
        if _ACCENTED.search(lowered):
            lowered = lowered.translate(_ACCENTS)
        folded = _SEPARATOR.sub(" ", lowered)
    for british, american in _BRITISH:
        if british in folded:
            folded = folded.replace(british, american)
    return folded


def key(phrase: str) -> str:
    """The matching key of an English rendering: folded, trimmed, single-spaced."""
    return _SPACES.sub(" ", fold(phrase)).strip()


WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def plural_variants(phrase_key: str) -> list[str]:
    """Singular and plural forms of a key's last word ("industry" <-> "industries")."""
    head, _, last = phrase_key.rpartition(" ")
    prefix = f"{head} " if head else ""
    if not last or not last[-1].isalpha() or len(last) < 3:
        return []
    forms: list[str] = []
    if last.endswith("ies"):
        forms.append(last[:-3] + "y")
    elif last.endswith(("ses", "xes", "ches", "shes")):
        forms.append(last[:-2])
    elif last.endswith("s") and not last.endswith("ss"):
        forms.append(last[:-1])
    else:
        if last.endswith("y") and last[-2] not in "aeiou":
            forms.append(last[:-1] + "ies")
        elif last.endswith(("s", "x", "ch", "sh")):
            forms.append(last + "es")
        else:
            forms.append(last + "s")
    return [prefix + f for f in forms if f != last]


class FoldedText:
    """``text`` folded with separator runs collapsed, and the way back to offsets."""

    __slots__ = ("_norm_starts", "_removed", "text")

    def __init__(self, original: str) -> None:
        folded = fold(original)
        pieces: list[str] = []
        norm_starts: list[int] = [0]
        removed: list[int] = [0]
        last = gone = 0
        size = len(folded)
        # str.find scans in C; a regex over the whole text costs 4x more.
        pos = folded.find("  ")
        while pos != -1:
            end = pos + 2
            while end < size and folded[end] == " ":
                end += 1
            pieces.append(folded[last : pos + 1])  # keep one space of the run
            gone += end - pos - 1
            last = end
            norm_starts.append(last - gone)
            removed.append(gone)
            pos = folded.find("  ", end)
        pieces.append(folded[last:])
        self.text = "".join(pieces) if len(pieces) > 1 else folded
        self._norm_starts = norm_starts
        self._removed = removed

    def to_original(self, pos: int) -> int:
        """The offset in the original text of folded offset ``pos``."""
        i = bisect_right(self._norm_starts, pos) - 1
        return pos + self._removed[i]
