"""The evidence each paragraph offers the aligner, and which of it two paragraphs share.

A paragraph is a set of *units*, each with the keys a unit of the other
language may answer it with:

* words: a Chinese dictionary word (``dictionary``) is keyed by the stems of
  its English renderings (CC-CEDICT, the built-in lexicon, on the second pass
  the lexicon learned from the first), an English word by its stem;
* figures and dates (``N:``, from ``figures``), Latin tokens such as G60
  (``L:``), glossary terms (``T:``) and ordinals (``O:``: 三是 ~ "Third").

Units weigh by kind and by 1 / sqrt(document frequency): the corridor's name
in every paragraph says little about which paragraphs belong together, a
date says a lot. Weights are counted in bits (``QUANTUM`` of a unit each), so
that which units of a paragraph a set of paragraphs answers is one integer
and its weight is that integer's ``bit_count()``: unions over the paragraphs
of a long bead cost one ``|`` each. Soft values (a numeral inside a word,
"three") weigh nothing but still answer a hard value of the other side.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import g60pub.alignment.dictionary as dictionary
import g60pub.alignment.layout as layout
from g60pub.alignment.lexicon import en_stems
from g60pub.figures import Anchors, en_anchors, zh_anchors
from g60pub.glossary import Glossary

LATIN = re.compile(r"[A-Za-z][A-Za-z0-9&.-]*[A-Za-z0-9]|\d+[A-Za-z]+")
ZH_SENTENCE_END = re.compile(r"[。！？!?]")
EN_SENTENCE_END = re.compile(r"[.!?](?=\s|$|[\"'”’)])")
QUANTUM = 4  # bits per unit of weight
KIND_WEIGHT = {"word": 1.0, "figure": 3.0, "latin": 2.0, "term": 2.0, "ordinal": 1.5}
CHARACTER_WEIGHT = 0.5  # a word of one character is a weaker clue than a compound

Unit = tuple[str, str, frozenset[str]]  # (kind, name, keys)


@dataclass(frozen=True, slots=True)
class Paragraphs:
    """What the paragraphs of one side offer the aligner, index by index."""

    lengths: tuple[int, ...]  # non-space characters
    sentences: tuple[int, ...]
    headings: tuple[bool, ...]
    bylines: tuple[bool, ...]
    joins: tuple[float, ...]  # joins[k]: how plainly paragraph k carries on k - 1
    words: tuple[frozenset[str], ...]  # dictionary words / stems, for learning
    keys: tuple[dict[str, int], ...]  # key -> bits of the units it answers
    total: tuple[int, ...]  # bits of all units


def zh_side(
    texts: Sequence[str], glossary: Glossary | None, learned: dict[str, str] | None = None
) -> Paragraphs:
    learned = learned or {}
    units = []
    for text in texts:
        found: list[Unit] = []
        for word in set(dictionary.words(text)):
            keys = {f"D:{s}" for s in dictionary.renderings(word)}
            if word in learned:
                keys.add(f"D:{learned[word]}")
            if keys:
                kind = "word" if len(word) > 1 else "character"
                found.append((kind, word, frozenset(keys)))
        found += _common(text, zh_anchors(text), layout.zh_ordinals(text))
        found += [("latin", t, frozenset({f"L:{t}"})) for t in _latin(text)]
        found += _terms(text, glossary, ("zh", "zh_hant"))
        units.append(found)
    return _side(
        texts,
        units,
        ZH_SENTENCE_END,
        layout.zh_heading,
        layout.zh_byline,
        layout.zh_joins,
    )


def en_side(texts: Sequence[str], zh: Sequence[str], glossary: Glossary | None) -> Paragraphs:
    zh_latin = {t for text in zh for t in _latin(text)}
    units = []
    for text in texts:
        found: list[Unit] = [("word", s, frozenset({f"D:{s}"})) for s in set(en_stems(text))]
        found += _common(text, en_anchors(text), layout.en_ordinals(text))
        found += [("latin", t, frozenset({f"L:{t}"})) for t in _latin(text) if t in zh_latin]
        found += _terms(text, glossary, ("en", "en_alt"))
        units.append(found)
    return _side(
        texts,
        units,
        EN_SENTENCE_END,
        layout.en_heading,
        layout.en_byline,
        layout.en_joins,
    )


def _common(text: str, anchors: Anchors, ordinals: Iterable[int]) -> list[Unit]:
    found: list[Unit] = [("figure", v, frozenset({f"N:{v}"})) for v in anchors.hard]
    found += [("soft", v, frozenset({f"N:{v}"})) for v in anchors.soft if v not in anchors.hard]
    found += [("ordinal", str(n), frozenset({f"O:{n}"})) for n in ordinals]
    return found


def _latin(text: str) -> set[str]:
    return {t.lower() for t in LATIN.findall(text)}


def _terms(text: str, glossary: Glossary | None, forms: tuple[str, ...]) -> list[Unit]:
    if glossary is None:
        return []
    found = {m.term.zh for m in glossary.find(text) if m.form in forms}
    return [("term", t, frozenset({f"T:{t}"})) for t in found]


def _side(
    texts: Sequence[str],
    units: list[list[Unit]],
    sentence_end: re.Pattern[str],
    heading: Callable[[str], bool],
    byline: Callable[[str], bool],
    joins: Callable[[str, str], float],
) -> Paragraphs:
    df: Counter[tuple[str, str]] = Counter()
    for found in units:
        df.update({(kind, name) for kind, name, _ in found})
    keys: list[dict[str, int]] = []
    total: list[int] = []
    for found in units:
        masks: dict[str, int] = defaultdict(int)
        offset = 0
        for kind, name, unit_keys in sorted(found):
            if kind == "soft":
                bits = 0
            else:
                weight = KIND_WEIGHT.get(kind, CHARACTER_WEIGHT) / math.sqrt(df[(kind, name)])
                bits = max(1, round(weight * QUANTUM))
            mask = ((1 << bits) - 1) << offset
            offset += bits
            for key in unit_keys:
                masks[key] |= mask
        keys.append(dict(masks))
        total.append(offset)
    return Paragraphs(
        lengths=tuple(max(1, len("".join(t.split()))) for t in texts),
        sentences=tuple(len(sentence_end.findall(t.strip())) for t in texts),
        headings=tuple(heading(t) for t in texts),
        bylines=tuple(byline(t) for t in texts),
        joins=(0.0, *(joins(a, b) for a, b in itertools.pairwise(texts))),
        words=tuple(frozenset(n for k, n, _ in f if k in ("word", "character")) for f in units),
        keys=tuple(keys),
        total=tuple(total),
    )


@dataclass(frozen=True, slots=True)
class Links:
    """For each Chinese paragraph i and English paragraph j: the bits of i's
    units that j answers (``zh[i][j]``) and of j's units that i answers
    (``en[i][j]``); pairs that share nothing are absent."""

    zh: list[dict[int, int]]
    en: list[dict[int, int]]

    def zh_bits(self, i: int, j: int) -> int:
        return self.zh[i].get(j, 0)

    def en_bits(self, i: int, j: int) -> int:
        return self.en[i].get(j, 0)


def link(zh: Paragraphs, en: Paragraphs) -> Links:
    index: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for j, masks in enumerate(en.keys):
        for key, bits in masks.items():
            index[key].append((j, bits))
    zh_rows: list[dict[int, int]] = []
    en_rows: list[dict[int, int]] = []
    for masks in zh.keys:
        z: dict[int, int] = defaultdict(int)
        e: dict[int, int] = defaultdict(int)
        for key, zbits in masks.items():
            for j, ebits in index.get(key, ()):
                z[j] |= zbits
                e[j] |= ebits
        zh_rows.append(dict(z))
        en_rows.append(dict(e))
    return Links(zh_rows, en_rows)
