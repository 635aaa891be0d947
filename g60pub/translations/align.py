"""Paragraph alignment of a Chinese text with an existing English version.

Gale & Church (1993) dynamic programming over beads (1-1, 1-0, 0-1, 2-1,
1-2, 2-2, 1-3, 3-1), with two changes for Chinese -> English:

* the length ratio (English characters per Chinese character) and its
  variance are fitted per document: first on the whole text, then again on
  the confident 1-1 beads of a first pass;
* anchors: glossary terms, figures, dates, percentages and Latin tokens
  (G60, APEC) found on both sides of a bead lower its cost, anchors left
  without a partner raise it. Skipped paragraphs (1-0, 0-1) cost a flat
  penalty rather than a length deviation, so that a dropped paragraph is
  not glued onto its neighbour.

``length_only=True`` gives the plain Gale-Church baseline used in ``bench/``.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from g60pub.translations import lexicon
from g60pub.translations.anchors import en_anchors, zh_anchors

if TYPE_CHECKING:
    from g60pub.glossary import Glossary

# Bead -> prior probability (Gale & Church's figures, with the rarer 1-3/3-1
# shapes added and 1-2 weighted up: English editions split long Chinese
# paragraphs more often than they merge them).
PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.86,
    (1, 0): 0.02,
    (0, 1): 0.02,
    (2, 1): 0.04,
    (1, 2): 0.05,
    (2, 2): 0.002,
    (1, 3): 0.005,
    (3, 1): 0.005,
}
GALE_CHURCH_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.89,
    (1, 0): 0.0099 / 2,
    (0, 1): 0.0099 / 2,
    (2, 1): 0.089 / 2,
    (1, 2): 0.089 / 2,
    (2, 2): 0.011,
}
RELATIVE_SPREAD = 0.1  # share of the expected English length
MIN_FIT_BEADS = 5  # 1-1 beads needed to refit the length model
MIN_FIT_CHARS = 20
SKIP_PENALTY = 0.0  # cost of leaving one paragraph unaligned, beyond its prior
ANCHOR_HIT = 2.5  # reward for each anchor shared by the two sides of a bead
ANCHOR_MISS = 1.5  # cost of each anchor without a partner in its bead
WEAK_HIT = 0.5  # reward per learned lexicon link found on both sides
WEAK_MISS = 0.1  # cost per learned link found on one side only
ORPHAN_PENALTY = 3.0  # per paragraph of a merged bead that shares nothing
SENTENCE_WEIGHT = 2.0  # cost per sentence more on one side of a bead than on the other
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9&.-]*[A-Za-z0-9]|\d+[A-Za-z]+")
# Semicolons are left out: official English often turns a Chinese list
# separated by 、 into clauses separated by ";", and the reverse.
ZH_SENTENCE_END = re.compile(r"[。！？!?]")
EN_SENTENCE_END = re.compile(r"[.!?](?=\s|$|[\"'”’)])")


@dataclass(frozen=True, slots=True)
class Bead:
    """Paragraph indices of each side aligned together, with a confidence in 0..1."""

    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float

    def to_json(self) -> dict[str, object]:
        return {"zh": list(self.zh), "en": list(self.en), "score": round(self.score, 3)}


@dataclass(frozen=True, slots=True)
class _Side:
    lengths: list[int]
    keys: list[frozenset[str]]  # anchors that must find a partner
    soft: list[frozenset[str]]  # values that may serve as a partner
    sentences: list[int]
    weak: list[frozenset[str]] | None = None  # learned lexicon links


def align_paragraphs(
    zh: Sequence[str],
    en: Sequence[str],
    glossary: Glossary | None = None,
    *,
    length_only: bool = False,
) -> list[Bead]:
    """Align Chinese paragraphs with English ones.

    Every index of both sides lands in exactly one bead, beads in order.
    """
    if not zh or not en:
        return [Bead((i,), (), 0.0) for i in range(len(zh))] + [
            Bead((), (j,), 0.0) for j in range(len(en))
        ]
    zs, es = _sides(zh, en, glossary, length_only)
    total_zh, total_en = sum(zs.lengths), sum(es.lengths)
    ratio = total_en / total_zh if total_zh else 1.0
    variance = 6.8 * ratio
    priors = GALE_CHURCH_PRIORS if length_only else PRIORS
    model = _Model(zs, es, ratio, variance, priors, length_only)
    beads = model.run()
    if not length_only:
        ratio, variance = _refit(beads, zs, es) or (ratio, variance)
        zs, es = _with_lexicon(beads, zh, en, zs, es)
        model = _Model(zs, es, ratio, variance, priors, length_only)
        model.sentence_weight = _sentence_weight(beads, zs, es)
        beads = model.run()
    return beads


def _sentence_weight(beads: list[Bead], zs: _Side, es: _Side) -> float:
    """Cost per sentence of difference, fitted on the first pass's 1-1 beads.

    A translator who keeps sentence boundaries makes a difference rare and
    telling; one who splits and joins sentences freely makes it noise. The
    difference is modelled as geometric: P(d) ~ q^d, q = mean / (1 + mean).
    """
    diffs = [
        abs(zs.sentences[b.zh[0]] - es.sentences[b.en[0]])
        for b in beads
        if len(b.zh) == 1 and len(b.en) == 1
    ]
    if len(diffs) < MIN_FIT_BEADS:
        return SENTENCE_WEIGHT
    mean = statistics.mean(diffs)
    q = max(mean / (1 + mean), 1e-3)
    return min(max(-math.log(q), 0.5), 3.0)


def _with_lexicon(
    beads: list[Bead], zh: Sequence[str], en: Sequence[str], zs: _Side, es: _Side
) -> tuple[_Side, _Side]:
    zu = [lexicon.zh_units(t) for t in zh]
    eu = [lexicon.en_units(t) for t in en]
    sure = [(zu[b.zh[0]], eu[b.en[0]]) for b in beads if len(b.zh) == 1 and len(b.en) == 1]
    links = lexicon.learn(sure)
    back = {e: z for z, e in links.items()}
    zw = [frozenset(z for z in units if z in links) for units in zu]
    ew = [frozenset(back[e] for e in units if e in back) for units in eu]
    return replace(zs, weak=zw), replace(es, weak=ew)


def _sides(
    zh: Sequence[str], en: Sequence[str], glossary: Glossary | None, length_only: bool
) -> tuple[_Side, _Side]:
    def length(text: str) -> int:
        return max(1, len("".join(text.split())))

    if length_only:
        empty = [frozenset[str]() for _ in zh], [frozenset[str]() for _ in en]
        return (
            _Side([length(t) for t in zh], empty[0], empty[0], [1] * len(zh)),
            _Side([length(t) for t in en], empty[1], empty[1], [1] * len(en)),
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
    zs = _Side([length(t) for t in zh], zh_keys, zh_soft, [_count(ZH_SENTENCE_END, t) for t in zh])
    es = _Side([length(t) for t in en], en_keys, en_soft, [_count(EN_SENTENCE_END, t) for t in en])
    return zs, es


def _count(pattern: re.Pattern[str], text: str) -> int:
    # No minimum of one: a heading has no full stop in either language, and
    # when an English edition runs it into the next paragraph it adds none.
    return len(pattern.findall(text.strip()))


def _terms(text: str, glossary: Glossary | None, forms: tuple[str, ...]) -> set[str]:
    """Keys of the glossary terms found in ``text`` in one of ``forms``."""
    if glossary is None:
        return set()
    return {f"T:{m.term.zh}" for m in glossary.find(text) if m.form in forms}


class _Model:
    def __init__(
        self,
        zs: _Side,
        es: _Side,
        ratio: float,
        variance: float,
        priors: dict[tuple[int, int], float],
        length_only: bool,
    ) -> None:
        self.zs, self.es = zs, es
        self.ratio, self.variance = ratio, variance
        self.priors = priors
        self.length_only = length_only
        self.sentence_weight = SENTENCE_WEIGHT
        self._cache: dict[tuple[int, str, int, int], tuple[Counter[str], frozenset[str]]] = {}
        self.weight = _weights(zs.keys, es.keys)
        self.weak_weight = _weights(zs.weak or [], es.weak or [])
        self.zh_weak_mass = [sum(self.weak_weight[k] for k in s) for s in zs.weak or []]
        self.en_weak_mass = [sum(self.weak_weight[k] for k in s) for s in es.weak or []]
        self.zh_mass = [sum(self.weight[k] for k in s) for s in zs.keys]
        self.en_mass = [sum(self.weight[k] for k in s) for s in es.keys]

    def run(self) -> list[Bead]:
        n, m = len(self.zs.lengths), len(self.es.lengths)
        inf = math.inf
        cost = [[inf] * (m + 1) for _ in range(n + 1)]
        back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
        cost[0][0] = 0.0
        # Paragraph alignments stay near the diagonal; the band leaves room
        # for the length difference plus a dropped section of a sixth.
        band = max(12, abs(n - m) + 8, max(n, m) // 6)
        for i in range(n + 1):
            centre = i * m / n if n else 0
            lo, hi = max(0, int(centre) - band), min(m, int(centre) + band)
            for j in range(lo, hi + 1):
                if i == 0 and j == 0:
                    continue
                best, arg = inf, None
                for (di, dj), prior in self.priors.items():
                    if di > i or dj > j or cost[i - di][j - dj] == inf:
                        continue
                    c = cost[i - di][j - dj] + self.bead_cost(i - di, i, j - dj, j, prior)
                    if c < best:
                        best, arg = c, (di, dj)
                cost[i][j], back[i][j] = best, arg
        beads: list[Bead] = []
        i, j = n, m
        while i or j:
            step = back[i][j]
            assert step is not None
            di, dj = step
            zr, er = tuple(range(i - di, i)), tuple(range(j - dj, j))
            beads.append(Bead(zr, er, self.confidence(i - di, i, j - dj, j)))
            i, j = i - di, j - dj
        beads.reverse()
        return beads

    def delta(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Gale & Church's normalised length difference of a bead."""
        lz = sum(self.zs.lengths[i0:i1])
        le = sum(self.es.lengths[j0:j1])
        expected = lz * self.ratio
        # Gale & Church's variance grows with length; translators' ratios also
        # drift by a share of the whole (wordy names, dropped clauses), which
        # matters for the long paragraphs of policy text.
        spread = max(lz, 1) * self.variance + (RELATIVE_SPREAD * expected) ** 2
        return (le - expected) / math.sqrt(spread)

    def length_logp(self, i0: int, i1: int, j0: int, j1: int) -> float:
        delta = self.delta(i0, i1, j0, j1)
        p = 2 * (1 - _phi(abs(delta)))
        return math.log(max(p, 1e-12))

    def anchors(self, i0: int, i1: int, j0: int, j1: int) -> tuple[float, float]:
        """Weighted (hits, misses) of the strong anchors of a bead."""
        zc, zsoft = self._span(self.zs, "keys", i0, i1)
        ec, esoft = self._span(self.es, "keys", j0, j1)
        total = sum(self.zh_mass[i0:i1]) + sum(self.en_mass[j0:j1])
        return _overlap(zc, ec, zsoft, esoft, self.weight, total)

    def lexical(self, i0: int, i1: int, j0: int, j1: int) -> tuple[float, float]:
        """Weighted (hits, misses) of the learned lexicon links of a bead."""
        if self.zs.weak is None or self.es.weak is None:
            return 0.0, 0.0
        zc, _ = self._span(self.zs, "weak", i0, i1)
        ec, _ = self._span(self.es, "weak", j0, j1)
        total = sum(self.zh_weak_mass[i0:i1]) + sum(self.en_weak_mass[j0:j1])
        return _overlap(zc, ec, frozenset(), frozenset(), self.weak_weight, total)

    def orphans(self, side: _Side, a: int, b: int) -> int:
        """Paragraphs of a merged bead with no anchor and no lexicon link at all:
        more likely added or dropped than a piece of the same translation."""
        if side.weak is None:
            return 0
        return sum(1 for k in range(a, b) if not side.keys[k] and not side.weak[k])

    def _span(self, side: _Side, field: str, a: int, b: int) -> tuple[Counter[str], frozenset[str]]:
        # Paragraphs of a bead counted per key: a merged bead must find a
        # partner for each paragraph that holds the key, not just one.
        key = (id(side), field, a, b)
        cached = self._cache.get(key)
        if cached is None:
            sets = side.keys if field == "keys" else (side.weak or [])
            counts: Counter[str] = Counter()
            for s in sets[a:b]:
                counts.update(s)
            soft = frozenset().union(*side.soft[a:b]) if field == "keys" else frozenset()
            cached = (counts, soft)
            self._cache[key] = cached
        return cached

    def bead_cost(self, i0: int, i1: int, j0: int, j1: int, prior: float) -> float:
        cost = -math.log(prior)
        if i0 == i1 or j0 == j1:
            cost += SKIP_PENALTY if not self.length_only else -self.length_logp(i0, i1, j0, j1)
        else:
            cost -= self.length_logp(i0, i1, j0, j1)
        if self.length_only:
            return cost
        hits, misses = self.anchors(i0, i1, j0, j1)
        cost += ANCHOR_MISS * misses - ANCHOR_HIT * hits / 2
        hits, misses = self.lexical(i0, i1, j0, j1)
        cost += WEAK_MISS * misses - WEAK_HIT * hits / 2
        if i1 - i0 > 1:
            cost += ORPHAN_PENALTY * self.orphans(self.zs, i0, i1)
        if j1 - j0 > 1:
            cost += ORPHAN_PENALTY * self.orphans(self.es, j0, j1)
        if i0 != i1 and j0 != j1:
            sz = sum(self.zs.sentences[i0:i1])
            se = sum(self.es.sentences[j0:j1])
            cost += self.sentence_weight * abs(sz - se)
        return cost

    def confidence(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """A score in 0..1: length fit, anchor agreement, and the bead's shape."""
        hits, misses = (0.0, 0.0) if self.length_only else self.anchors(i0, i1, j0, j1)
        if i0 == i1 or j0 == j1:
            # A skipped paragraph that holds anchors probably has a partner somewhere.
            return 0.5 / (1.0 + misses)
        delta = self.delta(i0, i1, j0, j1)
        fit = math.exp(-delta * delta / 8)  # 1.0 at delta 0, 0.61 at 2, 0.32 at 3
        score = fit if hits + misses == 0 else 0.5 * fit + 0.5 * hits / (hits + misses)
        if (i1 - i0, j1 - j0) != (1, 1):
            score *= 0.9
        return score


def _weights(zh: Sequence[frozenset[str]], en: Sequence[frozenset[str]]) -> dict[str, float]:
    """1 / document frequency: a key in every paragraph (the corridor's name)
    says nothing about which paragraphs belong together; a date says a lot."""
    df_z: Counter[str] = Counter()
    df_e: Counter[str] = Counter()
    for s in zh:
        df_z.update(s)
    for s in en:
        df_e.update(s)
    return {k: 1.0 / max(df_z[k], df_e[k], 1) for k in df_z.keys() | df_e.keys()}


def _overlap(
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


def _refit(beads: list[Bead], zs: _Side, es: _Side) -> tuple[float, float] | None:
    """Ratio and variance fitted on the first pass's 1-1 beads of real paragraphs.

    Dropped and added paragraphs bias the whole-text ratio; titles and
    headings are too short to say anything about it.
    """
    ones = [
        (zs.lengths[b.zh[0]], es.lengths[b.en[0]])
        for b in beads
        if len(b.zh) == 1 and len(b.en) == 1 and zs.lengths[b.zh[0]] >= MIN_FIT_CHARS
    ]
    if len(ones) < MIN_FIT_BEADS:
        return None
    ratio = statistics.median(le / lz for lz, le in ones)
    deviations = [(le - lz * ratio) ** 2 / lz for lz, le in ones]
    variance = statistics.median(deviations) / 0.455  # median of chi-square(1) is 0.455
    return ratio, min(max(variance, 2.0 * ratio), 40.0 * ratio)


def _phi(x: float) -> float:
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))
