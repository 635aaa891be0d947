"""Simplified <-> Traditional Chinese: script detection and conversion."""

from __future__ import annotations

from functools import lru_cache

import opencc

from g60pub.model import Script


@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def detect_script(text: str) -> Script:
    """Tell Simplified from Traditional by which direction of conversion changes more.

    A character that t2s changes is Traditional-only; one that s2t changes is
    Simplified-only. Characters common to both scripts count for neither, so a
    text with no script-specific character is taken as Simplified.
    """
    to_simp = _converter("t2s").convert(text)
    to_trad = _converter("s2t").convert(text)
    trad_only = sum(a != b for a, b in zip(text, to_simp, strict=False))
    simp_only = sum(a != b for a, b in zip(text, to_trad, strict=False))
    return "zh-Hant" if trad_only > simp_only else "zh-Hans"
