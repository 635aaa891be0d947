"""Character classes of Chinese text, defined once for every module.

The ranges are regular-expression class bodies (no brackets), so that a
module can combine them with its own characters: ``f"[{HAN}，。]"``.
"""

from __future__ import annotations

import re

# Han ideographs: CJK Unified Ideographs and Extension A, the Compatibility
# Ideographs, and the supplementary-plane extensions B to H (rare characters
# and names, U+20000 to U+3134F).
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_CHAR = re.compile(f"[{HAN}]")
HAN_RUN = re.compile(f"[{HAN}]+")
# Characters that count as Chinese context for a neighbouring ASCII mark: Han
# plus CJK punctuation (、。《》「」 …) and full-width punctuation (，：（）…).
CJK_CONTEXT = (
    HAN
    + r"\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
    + r"\u2018-\u201d\u2026\u2014"
)
# Everything that ends a run of Latin-script text inside Chinese: Han, the
# CJK radicals, symbols and punctuation blocks, and the full-width forms.
CJK_BLOCKS = HAN + r"\u2e80-\u33ff\u4dc0-\u4dff\u3000-\u303f\uff00-\uffef"
# A run of Chinese inside other text: from a CJK character to the last one
# before the next Latin word, digits and dashes inside it included
# (《中国制造2025——G60科创走廊行动纲要》 is one run).
CHINESE_RUN = re.compile(f"[{CJK_BLOCKS}](?:[{CJK_BLOCKS}0-9A-Za-z\u2014\u2013·]*[{CJK_BLOCKS}])?")


def has_han(text: str) -> bool:
    """True when ``text`` holds at least one Han ideograph."""
    return HAN_CHAR.search(text) is not None
