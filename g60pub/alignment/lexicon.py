"""A bilingual lexicon learned from one document's own first-pass alignment.

With no dictionary to hand, hunalign's trick works for Chinese too: the
paragraph pairs a length-and-anchor pass is sure of show which Chinese
character bigrams keep company with which English words (智能制造 with
"smart", 走廊 with "corridor"). Pairs that co-occur in at least
``MIN_SHARED`` paragraph pairs, with a Dice coefficient of at least
``MIN_DICE`` and linked competitively (each unit to its best partner only),
become weak anchors for the second pass.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib import resources

from g60pub.cjk import HAN_RUN

EN_WORD = re.compile(r"[A-Za-z]{4,}")
STEM = 6  # prefix length: "manufacturing" and "manufacturer" share a stem
MIN_PAIRS = 6  # fewer sure pairs teach more noise than words
MIN_SHARED = 2
MIN_DICE = 0.6
_STOPWORDS = (
    "that this with from have will been were which their there these those they them "
    "into also such other more most than then when where while what about after before "
    "over under between through during including would should could shall must being "
    "each both only very well just said says"
)
STOPWORDS = frozenset(_STOPWORDS.split())


def zh_units(text: str) -> frozenset[str]:
    """Han character bigrams of a text."""
    units: set[str] = set()
    for run in HAN_RUN.findall(text):
        units.update(run[k : k + 2] for k in range(len(run) - 1))
    return frozenset(units)


def en_units(text: str) -> frozenset[str]:
    """Stems of the content words of a text."""
    return frozenset(
        w[:STEM] for w in (m.group().lower() for m in EN_WORD.finditer(text)) if w not in STOPWORDS
    )


def learn(pairs: Sequence[tuple[frozenset[str], frozenset[str]]]) -> dict[str, str]:
    """Chinese bigram -> English stem links from aligned unit sets."""
    if len(pairs) < MIN_PAIRS:
        return {}
    zh_count: Counter[str] = Counter()
    en_count: Counter[str] = Counter()
    joint: Counter[tuple[str, str]] = Counter()
    for zh, en in pairs:
        zh_count.update(zh)
        en_count.update(en)
        joint.update((z, e) for z in zh if zh_count[z] for e in en)
    scored = []
    for (z, e), shared in joint.items():
        if shared < MIN_SHARED:
            continue
        dice = 2 * shared / (zh_count[z] + en_count[e])
        if dice >= MIN_DICE:
            scored.append((dice, shared, z, e))
    links: dict[str, str] = {}
    taken: set[str] = set()
    for _dice, _shared, z, e in sorted(scored, key=lambda t: (-t[0], -t[1], t[2], t[3])):
        if z not in links and e not in taken:
            links[z] = e
            taken.add(e)
    return links


@cache
def seed() -> dict[str, tuple[str, ...]]:
    """The built-in lexicon (``seed_lexicon.txt``): Chinese word -> English words
    of four letters or more that may render it."""
    text = resources.files("g60pub.alignment").joinpath("seed_lexicon.txt").read_text("utf-8")
    entries: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        zh, *en = line.split()
        words = tuple(w.lower() for part in en for w in part.split("-") if len(w) >= 4)
        if words:
            entries[zh] = tuple(dict.fromkeys((*entries.get(zh, ()), *words)))
    return entries
