"""Simplified and Traditional Chinese below the glossary: OpenCC's converters,
the correction table for phrases OpenCC gets wrong, and script detection.

The glossary (which derives Traditional forms of its terms) and the
normaliser (which tells a Big5 page's script) use this module; the
glossary-aware :class:`~g60pub.script.Converter` is built on top of it.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import opencc

from g60pub.errors import ConfigError
from g60pub.model import Script

CONFIGS = (
    "s2t",
    "s2tw",
    "s2twp",
    "s2hk",
    "t2s",
    "tw2s",
    "tw2sp",
    "hk2s",
    "t2tw",
    "t2hk",
    "tw2t",
    "hk2t",
)


@cache
def opencc_converter(config: str) -> opencc.OpenCC:
    """The (shared, cached) raw OpenCC converter for ``config``."""
    try:
        return opencc.OpenCC(config)
    except Exception as err:  # OpenCC raises a bare Exception for unknown configs
        raise ConfigError(f"unknown OpenCC config {config!r}: {err}") from None


def script_evidence(text: str) -> tuple[int, int]:
    """How many characters of ``text`` are Traditional-only, and how many Simplified-only.

    A character that t2s changes is Traditional-only; one that s2t changes is
    Simplified-only. Characters common to both scripts count for neither.
    """
    to_simp = opencc_converter("t2s").convert(text)
    to_trad = opencc_converter("s2t").convert(text)
    trad_only = sum(a != b for a, b in zip(text, to_simp, strict=False))
    simp_only = sum(a != b for a, b in zip(text, to_trad, strict=False))
    return trad_only, simp_only


def detect_script(text: str) -> Script:
    """Tell Simplified from Traditional by which direction of conversion changes more
    (:func:`script_evidence`); a text with no script-specific character is taken as
    Simplified."""
    trad_only, simp_only = script_evidence(text)
    return "zh-Hant" if trad_only > simp_only else "zh-Hans"


# Quotation marks as each script's readers write them: Taiwan and Hong Kong
# write corner brackets (「」 outer, 『』 inner; MOE 《重訂標點符號手冊》),
# the mainland writes curly quotes (GB/T 15834-2011 §4.1).
_TO_CORNER = {"\u201c": "「", "\u201d": "」", "\u2018": "『", "\u2019": "』"}
_TO_CURLY = {v: k for k, v in _TO_CORNER.items()}
# Every paragraph of a Traditional edition passes here: visit the single
# quotation marks only, not every character (a scan in Python halved
# conversion speed); double ones map one to one.
_SINGLE_MARK = re.compile("[\u2018\u2019]")


def corner_quotes(text: str) -> str:
    """“…‘…’…” -> 「…『…』…」. An apostrophe (’ with no ‘ open, or between two
    Latin letters, as in People’s) stays as it is."""
    if "\u201c" in text or "\u201d" in text:
        text = text.replace("\u201c", "「").replace("\u201d", "」")
    if "\u2018" not in text and "\u2019" not in text:
        return text  # most paragraphs quote nothing inside a quotation
    out: list[str] = []
    last = 0
    open_single = 0
    for mark in _SINGLE_MARK.finditer(text):
        i = mark.start()
        if text[i] == "\u2018":
            open_single += 1
        else:
            between_letters = 0 < i < len(text) - 1 and all(
                c.isascii() and c.isalpha() for c in (text[i - 1], text[i + 1])
            )
            if not open_single or between_letters:
                continue
            open_single -= 1
        out.append(text[last:i])
        out.append(_TO_CORNER[text[i]])
        last = i + 1
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def curly_quotes(text: str) -> str:
    """「…『…』…」 -> “…‘…’…”."""
    for corner, curly in _TO_CURLY.items():
        if corner in text:  # str.replace and ``in`` run in C; str.translate is slower
            text = text.replace(corner, curly)
    return text


def script_quotes(text: str, config: str) -> str:
    """``text``'s quotation marks in the script ``config`` converts to."""
    return curly_quotes(text) if direction(config) == "t2s" else corner_quotes(text)


def direction(config: str) -> str:
    """'s2t' (to Traditional), 't2s' (to Simplified) or 't2t' from a config name or path."""
    name = Path(config).stem if config.endswith(".json") else config
    if name.startswith("s2"):
        return "s2t"
    if name.endswith(("2s", "2sp")):
        return "t2s"
    return "t2t"


@lru_cache(maxsize=1)
def corrections_text() -> str:
    return resources.files("g60pub").joinpath("script_corrections.json").read_text("utf-8")


def corrections(config: str) -> dict[str, str]:
    """The correction table for ``config``: Simplified phrase -> correct output."""
    table = json.loads(corrections_text())["corrections"]
    return {row["zh"]: row["to"][config] for row in table if config in row["to"]}
