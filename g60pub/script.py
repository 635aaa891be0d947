"""Simplified <-> Traditional Chinese: script detection and glossary-aware conversion.

Conversion is OpenCC plus two layers that win over it:

1. glossary pins: a term's pinned ``zh_hant`` comes out whatever the config
   (s2twp turns 知识产权 into 智慧財產權; a glossary pinning 知識產權 wins),
   and converting to Simplified restores each term's ``zh``;
2. a curated correction table (``script_corrections.json``) for phrases
   OpenCC 1.4.2 gets wrong (被发明 -> 被髮明, 展示了如何 -> 展示瞭如何, ...);

and the quotation marks of the target script: corner brackets 「」『』 for
Traditional (every regional config), curly quotes for Simplified.

Speed: the protected phrases are found with one Aho-Corasick pass; the runs
between them are joined with a private-use placeholder and converted with a
single OpenCC call per text, then the protected outputs are put back. A text
with no protected phrase costs one automaton pass over plain OpenCC.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache

import ahocorasick
import opencc

from g60pub.chinese import (
    CONFIGS,
    corner_quotes,
    corrections,
    corrections_text,
    curly_quotes,
    detect_script,
    direction,
    opencc_converter,
)
from g60pub.glossary import Glossary
from g60pub.glossary.matcher import chinese_forms

# U+E000 is in the Private Use Area: OpenCC passes it through untouched and it
# breaks OpenCC's phrase segmentation exactly where a protected phrase was.
_PLACEHOLDER = "\ue000"


class Converter:
    """A reusable converter for one config and glossary (build it once, convert many)."""

    def __init__(self, config: str = "s2t", glossary: Glossary | None = None) -> None:
        self.config = config
        self._cc = opencc_converter(config)
        # Quotation marks follow the script converted to: 「」 in Traditional.
        self._quotes = curly_quotes if direction(config) == "t2s" else corner_quotes
        self._glossary_digest = glossary.digest() if glossary is not None else ""
        table = corrections(config)
        if glossary is not None:
            table.update(self._pins(glossary))
        self._table = table
        self._automaton = ahocorasick.Automaton()
        for phrase, output in table.items():
            self._automaton.add_word(phrase, (len(phrase), output))
        if table:
            self._automaton.make_automaton()

    def _pins(self, glossary: Glossary) -> dict[str, str]:
        towards = direction(self.config)
        pins: dict[str, str] = {}
        for term in glossary:
            if towards == "s2t":
                # Only a pinned form overrides the edition's config; an unpinned
                # term converts the way the config converts the rest of the text.
                if term.pinned:
                    pins[term.zh] = term.zh_hant
                continue
            target = term.zh if towards == "t2s" else term.zh_hant
            if towards == "t2t" and not term.pinned:
                continue
            for form, kind in chinese_forms(term):
                if kind == "zh_hant" and self._cc.convert(form) != target:
                    pins.setdefault(form, target)
        return pins

    @property
    def cache_key(self) -> str:
        """Changes whenever the output could: config, OpenCC, corrections, glossary."""
        parts = [
            self.config,
            getattr(opencc, "__version__", ""),
            corrections_text(),
            self._glossary_digest,
            "quotes-by-script",
        ]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()

    def convert(self, text: str) -> str:
        return self._quotes(self._convert(text))

    def _convert(self, text: str) -> str:
        if not self._table:
            return str(self._cc.convert(text))
        spans = self._protected(text)
        if not spans:
            return str(self._cc.convert(text))
        if _PLACEHOLDER in text:
            return self._convert_runs(text, spans)
        runs: list[str] = []
        last = 0
        for start, end, _ in spans:
            runs.append(text[last:start])
            last = end
        runs.append(text[last:])
        converted = str(self._cc.convert(_PLACEHOLDER.join(runs))).split(_PLACEHOLDER)
        if len(converted) != len(runs):  # cannot happen with OpenCC; stay correct anyway
            return self._convert_runs(text, spans)
        out = [converted[0]]
        for (_, _, output), run in zip(spans, converted[1:], strict=True):
            out.append(output)
            out.append(run)
        return "".join(out)

    def _convert_runs(self, text: str, spans: list[tuple[int, int, str]]) -> str:
        out: list[str] = []
        last = 0
        for start, end, output in spans:
            out.append(str(self._cc.convert(text[last:start])))
            out.append(output)
            last = end
        out.append(str(self._cc.convert(text[last:])))
        return "".join(out)

    def _protected(self, text: str) -> list[tuple[int, int, str]]:
        """Leftmost-longest, non-overlapping protected phrases in ``text``."""
        longest: dict[int, tuple[int, str]] = {}
        for last, (length, output) in self._automaton.iter(text):
            start = last + 1 - length
            if longest.get(start, (0, ""))[0] <= last:
                longest[start] = (last + 1, output)
        spans: list[tuple[int, int, str]] = []
        reached = 0
        for start in sorted(longest):
            if start >= reached:
                end, output = longest[start]
                spans.append((start, end, output))
                reached = end
        return spans


@lru_cache(maxsize=32)
def _cached(config: str, glossary: Glossary | None) -> Converter:
    return Converter(config, glossary)


def convert(text: str, config: str = "s2t", glossary: Glossary | None = None) -> str:
    """Convert ``text`` with OpenCC ``config``, the correction table and ``glossary`` pins.

    ``glossary=None`` means the bundled curated glossary; pass ``Glossary([])``
    for corrections without pins. Converters are cached per (config, glossary).
    """
    if glossary is None:
        glossary = _bundled()
    return _cached(config, glossary).convert(text)


def convert_all(
    texts: Iterable[str], config: str = "s2t", glossary: Glossary | None = None
) -> list[str]:
    """Convert many texts with one converter."""
    converter = _cached(config, glossary if glossary is not None else _bundled())
    return [converter.convert(t) for t in texts]


@lru_cache(maxsize=1)
def _bundled() -> Glossary:
    return Glossary.bundled()


__all__ = ["CONFIGS", "Converter", "convert", "convert_all", "corrections", "detect_script"]
