"""Text rules applied to every block, the title and the metadata.

The rules follow the usual conventions for Chinese running text (GB/T 15834
punctuation, full-width marks between Han characters; half-width digits and
Latin letters). NFC, never NFKC: NFKC would fold the full-width Chinese
punctuation (，：；) to ASCII.
"""

from __future__ import annotations

import re
import unicodedata

from g60pub.cjk import CJK_CONTEXT as _CJK
from g60pub.cjk import HAN as _HAN
from g60pub.cjk import HAN_CHAR as _HAN_RE

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# Full-width digits and Latin letters only; full-width punctuation stays.
_HALF_WIDTH = {
    code: code - 0xFEE0
    for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))
}
_SPACES = " \u00a0\u3000\t\r\n\f\u2002\u2003\u2009\u202f"
_EDGE = _SPACES
_SPACE_BETWEEN_HAN = re.compile(f"(?<=[{_HAN}])[{_SPACES}]+(?=[{_HAN}])")
_MARK_BETWEEN_CJK = re.compile(f"(?<=[{_CJK}])[ ]?([,:;!?])[ ]?(?=[{_CJK}])")
_FULL_MARK = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}
_PAREN_PAIR = re.compile(r" ?\(([^()\n]*)\) ?")
_SPACE_RUN = re.compile(f"[{_SPACES}]{{2,}}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# 第一条　… / 第二章　…: regulations and plans set their article and chapter
# numbers off with one full-width space (GB/T 9704 layout); removing it, as
# between other Han characters, would run the number into the text.
_ARTICLE_NUMBER = re.compile(
    f"^第[一二三四五六七八九十百千零〇两\\d]{{1,6}}[编章节条款][{_SPACES}]+(?=[{_HAN}])"
)


def _cjk_at(text: str, index: int) -> bool:
    return 0 <= index < len(text) and re.fullmatch(f"[{_CJK}]", text[index]) is not None


def _full_width_parens(text: str) -> str:
    """ASCII parentheses become full-width when they wrap Chinese text in Chinese context.

    Chinese context is a CJK character or the edge of the text on each side.
    A pair is judged as a pair, so ``。(转载自…)`` at the end of a paragraph
    becomes ``。（转载自…）`` rather than a mismatched half of each.
    """

    def swap(match: re.Match[str]) -> str:
        inner = match.group(1)
        if not _HAN_RE.search(inner) or not (_cjk_at(inner, 0) or _cjk_at(inner, len(inner) - 1)):
            return match.group(0)
        before, after = match.start() - 1, match.end()
        left = before < 0 or _cjk_at(text, before)
        right = after >= len(text) or _cjk_at(text, after)
        if left and right:
            return f"（{inner}）"
        return match.group(0)

    return _PAREN_PAIR.sub(swap, text)


def normalize_text(text: str, *, keep_spaces: bool = False) -> str:
    """Apply the text rules to one paragraph, heading, title or metadata value.

    With ``keep_spaces`` (titles), a space between Han clauses is kept as one
    space: a headline sets its two halves apart with it (穷困潦倒 一夜暴富),
    which running text never does.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_ZERO_WIDTH)
    text = _CONTROL.sub("", text)
    text = text.translate(_HALF_WIDTH)
    text = text.strip(_EDGE)
    number = _ARTICLE_NUMBER.match(text)
    if number:
        rest = normalize_text(text[number.end() :], keep_spaces=keep_spaces)
        return f"{number.group(0).rstrip(_SPACES)}\u3000{rest}"
    text = _SPACE_BETWEEN_HAN.sub(" " if keep_spaces else "", text)
    text = _MARK_BETWEEN_CJK.sub(lambda m: _FULL_MARK[m.group(1)], text)
    text = _full_width_parens(text)
    # Runs of spaces (any width) inside Latin text collapse to one ASCII space.
    return _SPACE_RUN.sub(" ", text)


def unspaced(text: str) -> str:
    """A word set in spaced characters (起　诉, 通 知) as the word; other text as it is."""
    letters = text.split()
    if len(letters) > 1 and all(len(c) == 1 and _HAN_RE.fullmatch(c) for c in letters):
        return "".join(letters)
    return text
