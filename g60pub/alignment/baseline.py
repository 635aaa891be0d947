"""Length-only Gale & Church (1993): the baseline the aligner is measured against.

Their bead priors and one character ratio for the whole document (English
characters per Chinese character, variance 6.8 times the ratio), with the
spread also growing by a share of the expected length as ``paragraphs``
does, so that the comparison is of the evidence, not of the length model.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from g60pub.alignment.lattice import Edge, Lattice

PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.89,
    (1, 0): 0.0099 / 2,
    (0, 1): 0.0099 / 2,
    (2, 1): 0.089 / 2,
    (1, 2): 0.089 / 2,
    (2, 2): 0.011,
}
RELATIVE_SPREAD = 0.1


def align(
    zh: Sequence[str], en: Sequence[str]
) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Beads (Chinese indices, English indices, posterior) of a non-empty pair."""
    zl = [max(1, len("".join(t.split()))) for t in zh]
    el = [max(1, len("".join(t.split()))) for t in en]
    ratio = sum(el) / sum(zl)
    variance = 6.8 * ratio
    n, m = len(zl), len(el)

    def cost(i: int, j: int, di: int, dj: int, prior: float) -> float:
        lz, le = sum(zl[i - di : i]), sum(el[j - dj : j])
        expected = lz * ratio
        spread = max(lz, 1) * variance + (RELATIVE_SPREAD * expected) ** 2
        delta = (le - expected) / math.sqrt(spread)
        p = math.erfc(abs(delta) / math.sqrt(2))
        return -math.log(prior) - math.log(max(p, 1e-12))

    lattice = Lattice(n, m)
    band = max(12, abs(n - m) + 8, max(n, m) // 6)
    for i in range(n + 1):
        centre = i * m / n
        for j in range(max(0, int(centre) - band), min(m, int(centre) + band) + 1):
            if i or j:
                edges: list[Edge] = [
                    (di, dj, cost(i, j, di, dj, prior))
                    for (di, dj), prior in PRIORS.items()
                    if di <= i and dj <= j
                ]
                lattice.add(i, j, edges)
    return lattice.beads()
