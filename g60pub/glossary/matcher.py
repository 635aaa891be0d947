"""Finding glossary terms in Chinese and English text with Aho-Corasick.

Two automata, one pass each, linear in the text:

- Chinese: the Simplified form and the Traditional forms (pinned or derived
  with OpenCC ``s2t``/``s2tw``/``s2hk``) are matched on the raw text. Chinese
  has no word boundaries, so every occurrence counts; leftmost-longest
  selection keeps a sub-term (科创走廊) from matching inside a longer term
  (沪嘉杭G60科创走廊).
- Both: fullwidth ASCII forms count as ASCII (Ｇ６０ is G60, （ is (), in
  keys and text alike (``english.narrow``), so a term file written in either
  width matches a normalised article and raw text.
- English: renderings are matched on the folded text (see ``english``) and
  kept only at word boundaries, case-insensitively, with hyphen/space variation
  and singular/plural of the last word.

``abbr`` entries (沪 Shanghai, 科创 sci-tech innovation) are matched like any
term: a single-character abbreviation inside a longer glossary term loses to
the longer term by the leftmost-longest rule, and ``check`` treats a missing
rendering of an abbreviation as a warning only, because a translation often
expands or drops it ("在沪签订" -> "signed in Shanghai" or "signed there").

pyahocorasick's ``iter_long`` misses matches (it does not restart after a
failed extension), so the leftmost-longest selection is done here over
``iter`` results.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence

import ahocorasick

from g60pub.chinese import opencc_converter
from g60pub.cjk import CJK_BLOCKS, HAN_CHAR
from g60pub.glossary.english import WORD_CHARS, FoldedText, key, narrow, plural_variants
from g60pub.glossary.falsefriends import FALSE_FRIENDS
from g60pub.glossary.term import Form, Match, Term

_HANT_CONFIGS = ("s2t", "s2tw", "s2hk")
# A stretch of Latin-script text: from a letter or digit up to the next CJK
# character or CJK/fullwidth punctuation.
_LATIN_RUN = re.compile(f"[0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff][^{CJK_BLOCKS}]*")

Entry = tuple[int, Form]  # (term index, form)
_BLOCKER: Entry = (-1, "zh")  # a false friend: a string that is not the term inside it


def chinese_forms(term: Term) -> list[tuple[str, Form]]:
    """The Chinese strings that stand for ``term``: Simplified, then Traditional ones."""
    forms: list[tuple[str, Form]] = [(narrow(term.zh), "zh")]
    hant = [term.zh_hant] + [opencc_converter(c).convert(term.zh) for c in _HANT_CONFIGS]
    for text in map(narrow, hant):
        if all(text != f for f, _ in forms):
            forms.append((text, "zh_hant"))
    return forms


def english_forms(term: Term) -> list[tuple[str, Form]]:
    """The folded English keys of ``term`` with the form each stands for."""
    out: list[tuple[str, Form]] = []
    seen: set[str] = set()
    groups: list[tuple[Iterable[str], Form]] = [
        ((term.en,), "en"),
        (term.en_alt, "en_alt"),
        (term.en_forbidden, "en_forbidden"),
    ]
    for phrases, form in groups:
        for phrase in phrases:
            k = key(phrase)
            variants = [k] if term.type == "name" else [k, *plural_variants(k)]
            for v in variants:
                if v and v not in seen:
                    seen.add(v)
                    out.append((v, form))
    return out


def _build(pairs: Iterable[tuple[str, Entry]]) -> tuple[ahocorasick.Automaton, dict[str, Entry]]:
    best: dict[str, Entry] = {}
    for text, entry in pairs:
        if text not in best:
            best[text] = entry
    automaton = ahocorasick.Automaton()
    for text, entry in best.items():
        automaton.add_word(text, (len(text), entry))
    if best:
        automaton.make_automaton()
    return automaton, best


def _no_han(text: str) -> bool:
    return text.isascii() or not HAN_CHAR.search(text)


class Matcher:
    """Aho-Corasick automata over every form of every term of a glossary."""

    def __init__(self, terms: Sequence[Term]) -> None:
        self.terms = list(terms)
        self.index_of = {term.zh: i for i, term in enumerate(self.terms)}
        order = sorted(range(len(self.terms)), key=lambda i: self.terms[i].type == "abbr")
        zh_pairs: list[tuple[str, Entry]] = []
        for i in order:
            for text, form in chinese_forms(self.terms[i]):
                zh_pairs.append((text, (i, form)))
        en_forms = [english_forms(term) for term in self.terms]
        # When several terms share a key, the approved rendering beats an
        # alternative, and a full term beats an abbreviation.
        en_pairs = [
            (text, (i, form))
            for rank in ("en", "en_alt", "en_forbidden")
            for i in order
            for text, form in en_forms[i]
            if form == rank
        ]
        keys = {text for text, _ in zh_pairs}
        blockers = [
            (form, _BLOCKER)
            for friend in FALSE_FRIENDS
            for form in {friend, *(opencc_converter(c).convert(friend) for c in _HANT_CONFIGS)}
            if any(k in form for k in keys)
        ]
        self._zh, self._zh_keys = _build([*zh_pairs, *blockers])
        for text, _ in blockers:
            if self._zh_keys.get(text) == _BLOCKER:
                del self._zh_keys[text]
        # A text without Han characters cannot hold a key that has one, so
        # English text skips the Chinese pass when every key has one.
        self._zh_keys_all_han = all(HAN_CHAR.search(k) for k in self._zh_keys)
        self._en, self._en_keys = _build(en_pairs)
        # Per term, the English keys that satisfy it; per forbidden key, the
        # terms that forbid it.
        self.accepted = [
            frozenset(k for k, f in forms if f != "en_forbidden") for forms in en_forms
        ]
        self._approved = [frozenset(k for k, f in forms if f == "en") for forms in en_forms]
        self.forbidding: dict[str, list[int]] = {}
        for i, forms in enumerate(en_forms):
            for k, f in forms:
                if f == "en_forbidden":
                    self.forbidding.setdefault(k, []).append(i)

    def lookup(self, text: str) -> Term | None:
        """The term whose Chinese form is ``text``, or whose English rendering it is."""
        entry = self._zh_keys.get(narrow(text.strip())) or self._en_keys.get(key(text))
        return self.terms[entry[0]] if entry else None

    def find(self, text: str) -> list[Match]:
        """Leftmost-longest, non-overlapping occurrences of terms in ``text``."""
        # Aho-Corasick reports matches in order of their end, so for one start
        # a later report is a longer match: plain assignment keeps the longest.
        text = narrow(text)
        longest: dict[int, tuple[int, Entry]] = {}
        blocked: list[tuple[int, int]] = []
        if self._zh_keys and not (self._zh_keys_all_han and _no_han(text)):
            for last, (length, entry) in self._zh.iter(text):
                if entry[0] < 0:
                    blocked.append((last + 1 - length, last + 1))
                else:
                    longest[last + 1 - length] = (last + 1, entry)
        for start, end in blocked:  # see falsefriends.py
            for inner in range(start, end):
                found = longest.get(inner)
                if found is not None and found[0] <= end:
                    del longest[inner]
        for start, end, entry, _ in self.english(text):
            if start not in longest or longest[start][0] < end:
                longest[start] = (end, entry)
        matches: list[Match] = []
        reached = 0
        terms = self.terms
        for start in sorted(longest):
            if start >= reached:
                end, (i, form) = longest[start]
                matches.append(Match(start, end, terms[i], form))
                reached = end
        return matches

    def renderings(self, en: str, zh: str) -> list[Match]:
        """Leftmost-longest occurrences in ``en`` of accepted renderings of the
        terms ``zh`` holds, each term at most as often as ``zh`` holds it; every
        match names the term of ``zh`` it renders ("Shanghai" is 沪 where the
        Chinese has 沪 and not 上海)."""
        left = Counter(
            self.index_of[m.term.zh] for m in self.find(zh) if m.form in ("zh", "zh_hant")
        )
        if not left:
            return []
        candidates: list[tuple[int, int, list[int], str]] = []
        for start, end, (i, _), k in self.english(en):
            owners = [j for j in (i, *left) if left[j] and k in self.accepted[j]]
            if owners:
                candidates.append((start, -end, owners, k))
        candidates.sort(key=lambda c: (c[0], c[1]))
        matches: list[Match] = []
        reached = 0
        for start, negative_end, owners, k in candidates:
            owner = next((j for j in owners if left[j] > 0), None)
            if start < reached or owner is None:
                continue
            left[owner] -= 1
            form: Form = "en" if k in self._approved[owner] else "en_alt"
            matches.append(Match(start, -negative_end, self.terms[owner], form))
            reached = -negative_end
        return matches

    def english(self, text: str) -> Iterable[tuple[int, int, Entry, str]]:
        """Every English occurrence at word boundaries, overlapping ones included,
        as (start, end, (term index, form), matched key) in offsets of ``text``.

        A key shared by several terms ("Shanghai" for 上海 and 沪) names the
        first term that lists it; callers that care compare keys.

        Only the Latin-script runs of the text are folded and scanned, joined
        by a space: in Chinese text they are a few "G60"s, so the English pass
        costs next to nothing there.
        """
        if not self._en_keys:
            return
        text = narrow(text)
        runs = [(m.start(), m.end()) for m in _LATIN_RUN.finditer(text)]
        if not runs:
            return
        if len(runs) == 1:  # English text: one run, no joining, no run lookup
            first, end = runs[0]
            folded = FoldedText(text[first:end] if first or end < len(text) else text)
            norm = folded.text
            for last, (length, entry) in self._en.iter(norm):
                start = last + 1 - length
                if (start > 0 and norm[start - 1] in WORD_CHARS) or (
                    last + 1 < len(norm) and norm[last + 1] in WORD_CHARS
                ):
                    continue
                a, b = folded.to_original(start), folded.to_original(last)
                yield a + first, b + first + 1, entry, norm[start : last + 1]
            return
        joined_starts: list[int] = []
        pos = 0
        for s, e in runs:
            joined_starts.append(pos)
            pos += e - s + 1
        folded = FoldedText(" ".join(text[s:e] for s, e in runs))
        norm = folded.text
        for last, (length, entry) in self._en.iter(norm):
            start = last + 1 - length
            if (start > 0 and norm[start - 1] in WORD_CHARS) or (
                last + 1 < len(norm) and norm[last + 1] in WORD_CHARS
            ):
                continue
            a, b = folded.to_original(start), folded.to_original(last)
            run = bisect_right(joined_starts, a) - 1
            if bisect_right(joined_starts, b) - 1 != run:
                continue  # would span a stretch of Chinese between two runs
            offset = runs[run][0] - joined_starts[run]
            yield a + offset, b + offset + 1, entry, norm[start : last + 1]
