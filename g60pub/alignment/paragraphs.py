"""Paragraph alignment of a Chinese text with an existing English version.

A dynamic programme over beads in the manner of Gale & Church (1993), with
the bead shapes official translations use: 1-1; 1-n and n-1 up to
``LONGEST`` (a paragraph of priorities becomes a lead sentence and a list of
25 items; a list of short Chinese items becomes one English paragraph); 2-2;
1-0 and 0-1 for omissions, bylines and translator's notes. Two passes:

* the cost of a bead adds its shape's prior, the Gale-Church length
  deviation (ratio and variance fitted per document, the second time on the
  first pass's 1-1 beads), the sentence-count difference, and the word
  evidence (``evidence``): each paragraph of a bead pays for the share of
  its weight the other side leaves unanswered and is paid for the share it
  answers, so a paragraph that belongs to a bead lowers its cost and a note
  glued onto it raises it;
* inside a 1-n or n-1 bead each seam between two paragraphs of the long
  side costs, less where the form says the paragraph carries on
  (``layout``: a lead ending in a colon, bulleted items, a semicolon) and
  more where it is a heading;
* headings prefer headings, bylines prefer to stand alone;
* the second pass adds a lexicon learned from the first (``lexicon``).

A bead's score is its posterior under all alignments (forward-backward over
the same lattice): near 1 when no rival comes close.

``length_only=True`` gives the plain Gale-Church baseline (``baseline``)
used in ``bench/``.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import g60pub.alignment.baseline as baseline
import g60pub.alignment.dictionary as dictionary
import g60pub.alignment.lexicon as lexicon
from g60pub.alignment.edges import Edges, edges
from g60pub.alignment.evidence import Links, Paragraphs, en_side, link, zh_side
from g60pub.alignment.lattice import Lattice
from g60pub.glossary import Glossary

LONGEST = 30  # paragraphs on the long side of a 1-n or n-1 bead
ONE = -math.log(0.86)  # a 1-1 bead
SKIP = -math.log(0.02)  # a paragraph without counterpart (1-0, 0-1)
BYLINE_SKIP = -math.log(0.3)  # a byline or dateline without counterpart
MULTI = 1.5  # a 1-n or n-1 bead, beyond a 1-1 one
SEAM = 1.5  # each seam of a 1-n or n-1 bead, less as much as the form says it carries on
SEAM_FLOOR = 0.2
# A 2-2 bead, beyond a 1-1 one and its two seams. Dear: two neighbouring
# 1-1 pairs whose lengths each fit badly fit better summed, and at 3.0 longer
# official texts had neighbours paired 2-2 (bench/README.md); real 2-2
# restructurings are rare and carry their own word evidence.
TWO_TWO = 6.0
HEADING_MATCH = 1.0  # reward for a heading aligned 1-1 with a heading
HEADING_MISMATCH = 1.0  # cost of a heading aligned 1-1 with a paragraph
# Cost of a seam next to a heading: editions keep headings apart, so a
# heading in a bead with a paragraph is nearly always a dropped or added one
# (a title page line, a section heading the English leaves out).
HEADING_SEAM = 3.0
ORPHAN = 2.0  # a paragraph of a 1-n or n-1 bead that the other side answers in nothing
BYLINE_PAIRED = 2.0  # cost of a byline aligned with anything
WORD = 0.1  # per bit of evidence (``evidence.QUANTUM`` bits per unit of weight)
EXPECTED = 0.5  # share of a paragraph's evidence a true counterpart answers, at least
RELATIVE_SPREAD = 0.1  # share of the expected English length
PLAUSIBLE = (2.0, 6.0)  # English characters per Chinese character, spaces left out
FIRST_SPREAD = 0.3  # the same, while the ratio is the whole text's
MIN_FIT_BEADS = 5  # 1-1 beads needed to refit the length model
MIN_FIT_CHARS = 20
SENTENCE_WEIGHT = 1.0  # cost per sentence more on one side of a bead than on the other
SENTENCE_CAP = 6.0
LENGTH_TAIL = 2.0  # deviations (in spreads) beyond which the length cost grows linearly
LENGTH_SLOPE = 1.5
MAX_DELTA = 5.0  # a bead this far off in length is never worth extending
SURE = 0.9  # posterior of the beads a lexicon is learned from
# Reward per edge of a bead (its first sentences, its last) as far as the two
# sides' sentences there answer each other (``edges``).
EDGE = 3.0


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
    if length_only:
        return [Bead(a, b, s) for a, b, s in baseline.align(zh, en)]
    zs, es = zh_side(zh, glossary), en_side(en, zh, glossary)
    # The whole text's ratio is off by whatever one side leaves out, so the
    # first pass keeps it to what English editions of Chinese texts show and
    # holds lengths loosely, letting the words decide.
    ratio = min(max(sum(es.lengths) / sum(zs.lengths), PLAUSIBLE[0]), PLAUSIBLE[1])
    # Where beads begin and end, from the dictionary alone: the lexicon
    # learned below adds little to single sentences and would cost a second
    # pass over them.
    ends = edges(zh, en, glossary)
    beads = _Model(zs, es, ends, ratio, 6.8 * ratio, SENTENCE_WEIGHT, FIRST_SPREAD).run()
    ratio, variance = _refit(beads, zs, es, ratio)
    weight = _sentence_weight(beads, zs, es)
    sure = [
        (
            frozenset().union(*(zs.words[i] for i in b.zh)),
            frozenset().union(*(es.words[j] for j in b.en)),
        )
        for b in beads
        if b.zh and b.en and b.score >= SURE
    ]
    known = {w: dictionary.renderings(w) for z, _ in sure for w in z}
    learned = lexicon.learn(sure, known)
    if learned:
        zs = zh_side(zh, glossary, learned)
    return _Model(zs, es, ends, ratio, variance, weight, RELATIVE_SPREAD).run()


class _Model:
    def __init__(
        self,
        zs: Paragraphs,
        es: Paragraphs,
        ends: Edges,
        ratio: float,
        variance: float,
        sentence_weight: float,
        spread: float,
    ) -> None:
        self.zs, self.es, self.ends = zs, es, ends
        self.ratio, self.variance, self.spread = ratio, variance, spread
        self.sentence_weight = sentence_weight
        self.links: Links = link(zs, es)
        self.zh_seam, self.en_seam = _seams(zs), _seams(es)
        self.zh_skip = [BYLINE_SKIP if b else SKIP for b in zs.bylines]
        self.en_skip = [BYLINE_SKIP if b else SKIP for b in es.bylines]

    def run(self) -> list[Bead]:
        n, m = len(self.zs.lengths), len(self.es.lengths)
        # Alignments stay near the diagonal; a band too narrow for the one
        # found (a 1-25 list, then 25-1) is widened and the search run again.
        band = max(12, abs(n - m) + 8, max(n, m) // 6)
        while True:
            lattice = Lattice(n, m)
            for i in range(n + 1):
                centre = i * m / n
                lo, hi = max(0, int(centre) - band), min(m, int(centre) + band)
                for j in range(lo, hi + 1):
                    if i or j:
                        lattice.add(i, j, self.edges(i, j))
            beads = [Bead(a, b, s) for a, b, s in lattice.beads()]
            if band >= max(n, m) or not _near_edge(beads, n, m, band):
                return beads
            band *= 2

    def edges(self, i: int, j: int) -> list[tuple[int, int, float]]:
        """(zh count, en count, cost) of every bead that ends at (i, j)."""
        found: list[tuple[int, int, float]] = []
        if j:
            found.append((0, 1, self.en_skip[j - 1]))
        if i:
            found.append((1, 0, self.zh_skip[i - 1]))
        if i and j:
            self._one_to_many(i, j, found)
            self._many_to_one(i, j, found)
            if i >= 2 and j >= 2:
                found.append((2, 2, self._two_two(i, j)))
        return found

    def _one_to_many(self, i: int, j: int, found: list[tuple[int, int, float]]) -> None:
        zs, es, links = self.zs, self.es, self.links
        z = i - 1
        lz = zs.lengths[z]
        zrow, erow = links.zh[z], links.en[z]
        first = self.ends.first[z]
        last = -EDGE * self.ends.last[z].get(j - 1, 0.0)
        zbits = 0
        en_len = 0
        en_word = 0.0
        seams = 0.0
        sentences = orphans = 0
        for b in range(1, min(LONGEST, j) + 1):
            k = j - b
            en_len += es.lengths[k]
            zbits |= zrow.get(k, 0)
            answered = erow.get(k, 0).bit_count()
            en_word += EXPECTED * es.total[k] - answered
            orphans += answered == 0
            sentences += es.sentences[k]
            if b > 1:
                seams += self.en_seam[k + 1]
            delta = self.delta(lz, en_len)
            word = en_word + EXPECTED * zs.total[z] - zbits.bit_count()
            cost = ONE + _length_cost(delta) + WORD * word + last - EDGE * first.get(k, 0.0)
            cost += self._sentences(zs.sentences[z], sentences)
            if b == 1:
                cost += self._single(zs.headings[z], es.headings[k])
                cost += BYLINE_PAIRED * (zs.bylines[z] + es.bylines[k])
            else:
                cost += MULTI + seams + ORPHAN * orphans + BYLINE_PAIRED * zs.bylines[z]
            found.append((1, b, cost))
            if delta > MAX_DELTA:
                break

    def _many_to_one(self, i: int, j: int, found: list[tuple[int, int, float]]) -> None:
        zs, es, links = self.zs, self.es, self.links
        e = j - 1
        le = es.lengths[e]
        last = -EDGE * self.ends.last[i - 1].get(e, 0.0)
        ebits = 0
        zh_len = 0
        zh_word = 0.0
        seams = 0.0
        sentences = orphans = 0
        for a in range(1, min(LONGEST, i) + 1):
            k = i - a
            zh_len += zs.lengths[k]
            ebits |= links.en[k].get(e, 0)
            answered = links.zh[k].get(e, 0).bit_count()
            zh_word += EXPECTED * zs.total[k] - answered
            orphans += answered == 0
            sentences += zs.sentences[k]
            if a > 1:
                seams += self.zh_seam[k + 1]
                delta = self.delta(zh_len, le)
                word = zh_word + EXPECTED * es.total[e] - ebits.bit_count()
                cost = ONE + MULTI + seams + ORPHAN * orphans + _length_cost(delta) + WORD * word
                cost += last - EDGE * self.ends.first[k].get(e, 0.0)
                cost += self._sentences(es.sentences[e], sentences)
                cost += BYLINE_PAIRED * es.bylines[e]
                found.append((a, 1, cost))
                if delta < -MAX_DELTA:
                    break

    def _two_two(self, i: int, j: int) -> float:
        zs, es, links, ends = self.zs, self.es, self.links, self.ends
        word = 0.0
        for z in (i - 2, i - 1):
            bits = links.zh_bits(z, j - 2) | links.zh_bits(z, j - 1)
            word += EXPECTED * zs.total[z] - bits.bit_count()
        for e in (j - 2, j - 1):
            bits = links.en_bits(i - 2, e) | links.en_bits(i - 1, e)
            word += EXPECTED * es.total[e] - bits.bit_count()
        delta = self.delta(sum(zs.lengths[i - 2 : i]), sum(es.lengths[j - 2 : j]))
        sentences = sum(zs.sentences[i - 2 : i]) - sum(es.sentences[j - 2 : j])
        return (
            ONE
            + TWO_TWO
            + self.zh_seam[i - 1]
            + self.en_seam[j - 1]
            + _length_cost(delta)
            + WORD * word
            + self._sentences(sentences, 0)
            + BYLINE_PAIRED * (sum(zs.bylines[i - 2 : i]) + sum(es.bylines[j - 2 : j]))
            - EDGE * (ends.first[i - 2].get(j - 2, 0.0) + ends.last[i - 1].get(j - 1, 0.0))
        )

    def _sentences(self, zh: int, en: int) -> float:
        # Capped: a long list whose items the English writes as sentences
        # differs by many sentences, and the seams already pay for each item.
        return min(self.sentence_weight * abs(zh - en), SENTENCE_CAP)

    @staticmethod
    def _single(zh_heading: bool, en_heading: bool) -> float:
        if zh_heading and en_heading:
            return -HEADING_MATCH
        return HEADING_MISMATCH if zh_heading != en_heading else 0.0

    def delta(self, lz: int, le: int) -> float:
        """Gale & Church's normalised length difference of a bead."""
        expected = lz * self.ratio
        # Gale & Church's variance grows with length; translators' ratios also
        # drift by a share of the whole (wordy names, dropped clauses), which
        # matters for the long paragraphs of policy text.
        spread = lz * self.variance + (self.spread * expected) ** 2
        return (le - expected) / math.sqrt(spread)


def _near_edge(beads: list[Bead], n: int, m: int, band: int) -> bool:
    i = j = 0
    for bead in beads:
        i, j = i + len(bead.zh), j + len(bead.en)
        if abs(j - i * m / n) >= band - 2:
            return True
    return False


def _seams(side: Paragraphs) -> list[float]:
    """Cost of the seam before each paragraph, were it inside a 1-n or n-1 bead."""
    costs = []
    for k, strength in enumerate(side.joins):
        cost = SEAM * (1.0 - strength) + SEAM_FLOOR
        # Two short lines in a row are a title page's name and position or a
        # date line broken in two (国务院总理 李克强 ~ "Li Keqiang" / "Premier
        # of the State Council"), not a heading glued to a paragraph.
        before = bool(k) and side.headings[k - 1]
        if (side.headings[k] != before) and strength < 0.8:
            cost += HEADING_SEAM
        costs.append(cost)
    return costs


def _length_cost(delta: float) -> float:
    # Gaussian near the expected length, then a straight line: official
    # English spells out what the Chinese abbreviates ("两学一做" becomes a
    # sentence), so lengths far off are rare but not as rare as a normal
    # tail says, and the words must be able to outweigh them.
    d = min(abs(delta), LENGTH_TAIL)
    cost = -math.log(max(math.erfc(d / math.sqrt(2)), 1e-12))  # 2 * (1 - phi(d))
    return cost + LENGTH_SLOPE * max(abs(delta) - LENGTH_TAIL, 0.0)


def _sentence_weight(beads: list[Bead], zs: Paragraphs, es: Paragraphs) -> float:
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


def _refit(beads: list[Bead], zs: Paragraphs, es: Paragraphs, ratio: float) -> tuple[float, float]:
    """Ratio and variance fitted on the first pass's beads.

    The ratio is that of the text the first pass paired (dropped and added
    paragraphs bias the whole text's); the variance needs enough 1-1 beads of
    real paragraphs, since titles and headings are too short to say anything.
    """
    paired = [b for b in beads if b.zh and b.en]
    lz = sum(zs.lengths[i] for b in paired for i in b.zh)
    le = sum(es.lengths[j] for b in paired for j in b.en)
    if lz >= MIN_FIT_CHARS and le:
        ratio = le / lz
    ones = [
        (zs.lengths[b.zh[0]], es.lengths[b.en[0]])
        for b in paired
        if len(b.zh) == 1 and len(b.en) == 1 and zs.lengths[b.zh[0]] >= MIN_FIT_CHARS
    ]
    if len(ones) < MIN_FIT_BEADS:
        return ratio, 6.8 * ratio
    ratio = statistics.median(le / lz for lz, le in ones)
    deviations = [(le - lz * ratio) ** 2 / lz for lz, le in ones]
    variance = statistics.median(deviations) / 0.455  # median of chi-square(1) is 0.455
    return ratio, min(max(variance, 2.0 * ratio), 40.0 * ratio)
