"""Paragraph alignment of a Chinese text with an existing English version.

Gale & Church (1993) dynamic programming over beads (1-1, 1-0, 0-1, 2-1,
1-2, 2-2, 1-3, 3-1, 1-4), in two passes, with these changes for Chinese -> English:

* the length ratio (English characters per Chinese character) and its
  variance are fitted per document, the second time on the first pass's 1-1
  beads; the spread also grows with the paragraph, since long policy
  paragraphs drift by a share of their length;
* anchors (``evidence``): glossary terms, figures, dates, percentages and
  Latin tokens (G60) shared by both sides of a bead lower its cost, anchors
  left without a partner raise it; the second pass adds a lexicon learned
  from the first;
* sentence counts, with a weight fitted on how well the first pass's 1-1
  beads keep them;
* skipped paragraphs (1-0, 0-1) cost their prior only, not a length
  deviation, so that a dropped paragraph is not glued onto its neighbour;
  a merged bead with a paragraph that shares nothing costs more.

A bead's score is its posterior under all alignments (forward-backward over
the same lattice): near 1 when no rival comes close.

``length_only=True`` gives the plain Gale-Church baseline used in ``bench/``.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from g60pub.alignment.evidence import Evidence, gather, overlap, weights, with_lexicon
from g60pub.glossary import Glossary

# Bead -> prior probability. From Gale & Church's figures: 1-2 weighted up
# (English editions split long Chinese paragraphs more often than they merge
# them), skips made likelier (editions drop bylines and add notes), 2-2 made
# rare (it is nearly always a 2-1 next to a skip), 1-3/3-1 added. These and
# the weights below were set on bench/align.py's cases (see bench/README.md).
PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.86,
    (1, 0): 0.02,
    (0, 1): 0.02,
    (2, 1): 0.04,
    (1, 2): 0.05,
    (2, 2): 0.002,
    (1, 3): 0.005,
    (3, 1): 0.005,
    (1, 4): 0.002,  # a long policy paragraph cut into four by an English editor
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
SKIP_PENALTY = 0.0  # cost of a skip beyond its prior (none proved best)
ANCHOR_HIT = 2.5  # reward for each anchor shared by the two sides of a bead
ANCHOR_MISS = 1.5  # cost of each anchor without a partner in its bead
WEAK_HIT = 0.5  # reward per lexicon link (built-in or learned) found on both sides
WEAK_MISS = 0.1  # cost per lexicon link found on one side only
ORPHAN_PENALTY = 3.0  # per paragraph of a merged bead that shares nothing
SENTENCE_WEIGHT = 2.0  # cost per sentence more on one side of a bead than on the other


@dataclass(frozen=True, slots=True)
class Bead:
    """Paragraph indices of each side aligned together, with a confidence in 0..1."""

    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float

    def to_json(self) -> dict[str, object]:
        return {"zh": list(self.zh), "en": list(self.en), "score": round(self.score, 3)}


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
    zs, es = gather(zh, en, glossary, length_only)
    total_zh, total_en = sum(zs.lengths), sum(es.lengths)
    ratio = total_en / total_zh if total_zh else 1.0
    variance = 6.8 * ratio
    priors = GALE_CHURCH_PRIORS if length_only else PRIORS
    model = _Model(zs, es, ratio, variance, priors, length_only)
    beads = model.run()
    if not length_only:
        ratio, variance = _refit(beads, zs, es) or (ratio, variance)
        sure = [(b.zh[0], b.en[0]) for b in beads if len(b.zh) == 1 and len(b.en) == 1]
        zs, es = with_lexicon(sure, zh, en, zs, es)
        model = _Model(zs, es, ratio, variance, priors, length_only)
        model.sentence_weight = _sentence_weight(beads, zs, es)
        beads = model.run()
    return beads


def _sentence_weight(beads: list[Bead], zs: Evidence, es: Evidence) -> float:
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


class _Model:
    def __init__(
        self,
        zs: Evidence,
        es: Evidence,
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
        self.weight = weights(zs.keys, es.keys)
        self.weak_weight = weights(zs.weak or [], es.weak or [])
        self.zh_weak_mass = [sum(self.weak_weight[k] for k in s) for s in zs.weak or []]
        self.en_weak_mass = [sum(self.weak_weight[k] for k in s) for s in es.weak or []]
        self.zh_mass = [sum(self.weight[k] for k in s) for s in zs.keys]
        self.en_mass = [sum(self.weight[k] for k in s) for s in es.keys]

    def run(self) -> list[Bead]:
        n, m = len(self.zs.lengths), len(self.es.lengths)
        inf = math.inf
        cost = [[inf] * (m + 1) for _ in range(n + 1)]
        back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
        edges: dict[tuple[int, int], list[tuple[int, int, float]]] = {}
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
                into: list[tuple[int, int, float]] = []
                for (di, dj), prior in self.priors.items():
                    if di > i or dj > j or cost[i - di][j - dj] == inf:
                        continue
                    c = self.bead_cost(i - di, i, j - dj, j, prior)
                    into.append((di, dj, c))
                    if cost[i - di][j - dj] + c < best:
                        best, arg = cost[i - di][j - dj] + c, (di, dj)
                cost[i][j], back[i][j] = best, arg
                edges[(i, j)] = into
        posterior = _posteriors(edges, n, m)
        beads: list[Bead] = []
        i, j = n, m
        while i or j:
            step = back[i][j]
            assert step is not None
            di, dj = step
            zr, er = tuple(range(i - di, i)), tuple(range(j - dj, j))
            beads.append(Bead(zr, er, posterior(i, j, di, dj)))
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
        return overlap(zc, ec, zsoft, esoft, self.weight, total)

    def lexical(self, i0: int, i1: int, j0: int, j1: int) -> tuple[float, float]:
        """Weighted (hits, misses) of the learned lexicon links of a bead."""
        if self.zs.weak is None or self.es.weak is None:
            return 0.0, 0.0
        zc, _ = self._span(self.zs, "weak", i0, i1)
        ec, _ = self._span(self.es, "weak", j0, j1)
        total = sum(self.zh_weak_mass[i0:i1]) + sum(self.en_weak_mass[j0:j1])
        return overlap(zc, ec, frozenset(), frozenset(), self.weak_weight, total)

    def orphans(self, side: Evidence, a: int, b: int, other: Evidence, c: int, d: int) -> int:
        """Paragraphs of a merged bead that share no anchor and no lexicon link
        with the other side of the bead: more likely added or dropped than a
        piece of the same translation."""
        if side.weak is None or other.weak is None:
            return 0
        partner: set[str] = set()
        for k in range(c, d):
            partner |= other.keys[k] | other.soft[k] | other.weak[k]
        return sum(
            1
            for k in range(a, b)
            if partner.isdisjoint(side.keys[k]) and partner.isdisjoint(side.weak[k])
        )

    def _span(
        self, side: Evidence, field: str, a: int, b: int
    ) -> tuple[Counter[str], frozenset[str]]:
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
            cost += ORPHAN_PENALTY * self.orphans(self.zs, i0, i1, self.es, j0, j1)
        if j1 - j0 > 1:
            cost += ORPHAN_PENALTY * self.orphans(self.es, j0, j1, self.zs, i0, i1)
        if i0 != i1 and j0 != j1:
            sz = sum(self.zs.sentences[i0:i1])
            se = sum(self.es.sentences[j0:j1])
            cost += self.sentence_weight * abs(sz - se)
        return cost


def _posteriors(
    edges: dict[tuple[int, int], list[tuple[int, int, float]]], n: int, m: int
) -> Callable[[int, int, int, int], float]:
    """Forward-backward over the bead lattice: the score of a bead is the
    share of all alignments' weight (exp of minus their cost) that passes
    through it. A bead with a close rival scores low, whatever its own cost."""
    forward: dict[tuple[int, int], float] = {(0, 0): 0.0}
    for (i, j), into in edges.items():  # filled in topological (row) order
        terms = [forward[(i - di, j - dj)] - c for di, dj, c in into if (i - di, j - dj) in forward]
        if terms:
            forward[(i, j)] = _logsumexp(terms)
    backward: dict[tuple[int, int], float] = {(n, m): 0.0}
    for i, j in reversed(list(edges)):
        if (i, j) not in backward:
            continue
        for di, dj, c in edges[(i, j)]:
            start = (i - di, j - dj)
            value = backward[(i, j)] - c
            backward[start] = _logsumexp([backward[start], value]) if start in backward else value
    total = forward.get((n, m), 0.0)

    def posterior(i: int, j: int, di: int, dj: int) -> float:
        c = next((c for a, b, c in edges.get((i, j), []) if (a, b) == (di, dj)), math.inf)
        start = (i - di, j - dj)
        if start not in forward or (i, j) not in backward or c == math.inf:
            return 0.0
        return min(1.0, math.exp(forward[start] - c + backward[(i, j)] - total))

    return posterior


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    if top == -math.inf:
        return top
    return top + math.log(sum(math.exp(v - top) for v in values))


def _refit(beads: list[Bead], zs: Evidence, es: Evidence) -> tuple[float, float] | None:
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
