"""English word stems, the built-in lexicon, and a lexicon learned from one document.

The built-in lexicon (``seed_lexicon.txt``) holds news and policy words the
general dictionary renders poorly (科创 "innovation", 走廊 "corridor").
The learned one is hunalign's trick: the beads a first pass is sure of show
which Chinese words keep company with which English stems in this very
document. Pairs that co-occur in at least ``MIN_SHARED`` beads, with a Dice
coefficient of at least ``MIN_DICE`` and linked competitively (each word to
its best partner only), become links for the second pass.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache
from importlib import resources

EN_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
STEM = 6  # prefix length: "manufacturing" and "manufacturer" share a stem
MIN_PAIRS = 4  # fewer sure beads teach more noise than words
MIN_SHARED = 2
MIN_DICE = 0.6
_STOPWORDS = (
    "the and for are was were has had have not but its our all any can may who why how out "
    "own per via yet nor its his her him she they them their there these those this that "
    "with from will been which into also such other more most than then when where while "
    "what about after before over under between through during including would should could "
    "shall must being each both only very well just said says one's oneself sth etc "
    "someone something"
)
STOPWORDS = frozenset(_STOPWORDS.split())


def stem(word: str) -> str:
    """A crude stem: lower case, plural and possessive endings off, then a prefix."""
    w = word.lower()
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return w[:STEM]


def en_stems(text: str) -> Iterator[str]:
    """Stems of the content words of an English text, in order."""
    for m in EN_WORD.finditer(text):
        word = m.group().lower()
        if len(word) >= 3 and word not in STOPWORDS:
            yield stem(word)


def learn(
    pairs: Sequence[tuple[frozenset[str], frozenset[str]]], known: dict[str, frozenset[str]]
) -> dict[str, str]:
    """Chinese word -> English stem links from the word sets of sure beads.

    ``known`` holds what the dictionaries already give each word; a link they
    already make is not learned again.
    """
    if len(pairs) < MIN_PAIRS:
        return {}
    zh_count: Counter[str] = Counter()
    en_count: Counter[str] = Counter()
    joint: Counter[tuple[str, str]] = Counter()
    for zh, en in pairs:
        zh_count.update(zh)
        en_count.update(en)
        joint.update((z, e) for z in zh for e in en if e not in known.get(z, ()))
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
    that may render it."""
    text = resources.files("g60pub.alignment").joinpath("seed_lexicon.txt").read_text("utf-8")
    entries: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        zh, *en = line.split()
        words = tuple(w.lower() for part in en for w in part.split("-") if len(w) >= 3)
        if words:
            entries[zh] = tuple(dict.fromkeys((*entries.get(zh, ()), *words)))
    return entries
