"""The evidence each paragraph offers the aligner, and how two spans of it compare.

Per paragraph: its length in non-space characters; its strong anchor keys
(``N:`` figures and dates, ``L:`` Latin tokens such as G60, ``T:`` glossary
terms), with the soft values that may answer a key of the other side; its
sentence count; and, on the second pass, the links of a lexicon learned from
the first pass (``lexicon``). Keys weigh 1 / document frequency.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import g60pub.alignment.lexicon as lexicon
from g60pub.figures import en_anchors, zh_anchors
from g60pub.glossary import Glossary

LATIN = re.compile(r"[A-Za-z][A-Za-z0-9&.-]*[A-Za-z0-9]|\d+[A-Za-z]+")
# Semicolons are left out: official English often turns a Chinese list
# separated by 、 into clauses separated by ";", and the reverse.
ZH_SENTENCE_END = re.compile(r"[。！？!?]")
EN_SENTENCE_END = re.compile(r"[.!?](?=\s|$|[\"'”’)])")


SEED_STEMS = {
    word: frozenset(w[: lexicon.STEM] for w in forms) for word, forms in lexicon.seed().items()
}


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the paragraphs of one side offer the aligner, index by index."""

    lengths: list[int]
    keys: list[frozenset[str]]  # anchors that must find a partner
    soft: list[frozenset[str]]  # values that may serve as a partner
    sentences: list[int]
    weak: list[frozenset[str]] | None = None  # lexicon links: built-in, then learned


def gather(
    zh: Sequence[str], en: Sequence[str], glossary: Glossary | None, length_only: bool
) -> tuple[Evidence, Evidence]:
    """Lengths, anchors and sentence counts of both sides (lengths alone for the baseline)."""

    def length(text: str) -> int:
        return max(1, len("".join(text.split())))

    if length_only:
        empty = [frozenset[str]() for _ in zh], [frozenset[str]() for _ in en]
        return (
            Evidence([length(t) for t in zh], empty[0], empty[0], [1] * len(zh)),
            Evidence([length(t) for t in en], empty[1], empty[1], [1] * len(en)),
        )
    zh_latin = {tok.lower() for text in zh for tok in LATIN.findall(text)}
    zh_keys, zh_soft, en_keys, en_soft = [], [], [], []
    for text in zh:
        a = zh_anchors(text)
        latin = {f"L:{t.lower()}" for t in LATIN.findall(text)}
        found = _terms(text, glossary, ("zh", "zh_hant"))
        zh_keys.append(frozenset({f"N:{v}" for v in a.hard} | latin | found))
        zh_soft.append(frozenset(f"N:{v}" for v in a.soft))
    for text in en:
        a = en_anchors(text)
        latin = {f"L:{t.lower()}" for t in LATIN.findall(text) if t.lower() in zh_latin}
        found = _terms(text, glossary, ("en", "en_alt"))
        en_keys.append(frozenset({f"N:{v}" for v in a.hard} | latin | found))
        en_soft.append(frozenset(f"N:{v}" for v in a.soft))
    zh_sentences = [_count(ZH_SENTENCE_END, t) for t in zh]
    en_sentences = [_count(EN_SENTENCE_END, t) for t in en]
    zw = [seed_keys_zh(t) for t in zh]
    ew = [seed_keys_en(t) for t in en]
    zs = Evidence([length(t) for t in zh], zh_keys, zh_soft, zh_sentences, zw)
    es = Evidence([length(t) for t in en], en_keys, en_soft, en_sentences, ew)
    return zs, es


def seed_keys_zh(text: str) -> frozenset[str]:
    """Words of the built-in lexicon (``seed_lexicon.txt``) in a Chinese paragraph."""
    return frozenset(f"S:{word}" for word in lexicon.seed() if word in text)


def seed_keys_en(text: str) -> frozenset[str]:
    """Built-in lexicon entries one of whose English words is in an English paragraph."""
    units = lexicon.en_units(text)
    return frozenset(f"S:{w}" for w, stems in SEED_STEMS.items() if not units.isdisjoint(stems))


def _count(pattern: re.Pattern[str], text: str) -> int:
    # No minimum of one: a heading has no full stop in either language, and
    # when an English edition runs it into the next paragraph it adds none.
    return len(pattern.findall(text.strip()))


def _terms(text: str, glossary: Glossary | None, forms: tuple[str, ...]) -> set[str]:
    """Keys of the glossary terms found in ``text`` in one of ``forms``."""
    if glossary is None:
        return set()
    return {f"T:{m.term.zh}" for m in glossary.find(text) if m.form in forms}


def with_lexicon(
    sure_pairs: Sequence[tuple[int, int]],
    zh: Sequence[str],
    en: Sequence[str],
    zs: Evidence,
    es: Evidence,
) -> tuple[Evidence, Evidence]:
    """The same evidence plus links of a lexicon learned from ``sure_pairs``
    (paragraph index pairs a first pass aligned 1-1)."""
    zu = [lexicon.zh_units(t) for t in zh]
    eu = [lexicon.en_units(t) for t in en]
    sure = [(zu[i], eu[j]) for i, j in sure_pairs]
    links = lexicon.learn(sure)
    back = {e: z for z, e in links.items()}
    zw = [frozenset(z for z in units if z in links) for units in zu]
    ew = [frozenset(back[e] for e in units if e in back) for units in eu]
    if zs.weak is not None and es.weak is not None:
        zw = [a | b for a, b in zip(zs.weak, zw, strict=True)]
        ew = [a | b for a, b in zip(es.weak, ew, strict=True)]
    return replace(zs, weak=zw), replace(es, weak=ew)


def weights(zh: Sequence[frozenset[str]], en: Sequence[frozenset[str]]) -> dict[str, float]:
    """1 / document frequency: a key in every paragraph (the corridor's name)
    says nothing about which paragraphs belong together; a date says a lot."""
    df_z: Counter[str] = Counter()
    df_e: Counter[str] = Counter()
    for s in zh:
        df_z.update(s)
    for s in en:
        df_e.update(s)
    return {k: 1.0 / max(df_z[k], df_e[k], 1) for k in df_z.keys() | df_e.keys()}


def overlap(
    zc: Counter[str],
    ec: Counter[str],
    zsoft: frozenset[str],
    esoft: frozenset[str],
    weight: dict[str, float],
    total: float,
) -> tuple[float, float]:
    """Weighted (hits, misses) of two key counts whose weights sum to ``total``.

    A key shared by both sides is a hit for the paragraphs it pairs and a miss
    for the rest; a key on one side finds a partner in a soft value of the
    other ("three" for 三地). Computed from the intersection only, which is
    small, rather than from the union.
    """
    small, large = (zc, ec) if len(zc) <= len(ec) else (ec, zc)
    shared = sum(weight[k] * min(n, large[k]) for k, n in small.items() if k in large)
    for counts, other, soft in ((zc, ec, esoft), (ec, zc, zsoft)):
        for k in soft:
            if k in counts and k not in other:
                bonus = weight[k] * counts[k]
                shared += bonus
                total += bonus  # the soft partner weighs as much as the key it answers
    return 2 * shared, total - 2 * shared
