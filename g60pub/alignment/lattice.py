"""The lattice of a bead alignment: the cheapest path through it and each
bead's posterior.

Cells (i, j) are the points where i Chinese and j English paragraphs have
been aligned; an edge into a cell is a bead, weighted by its cost (a negative
log probability). The cheapest path from (0, 0) to (n, m) is the alignment;
the posterior of one of its beads is the share of the weight of all paths
(exp of minus their cost, forward-backward) that passes through it, so a bead
with a close rival scores low, whatever its own cost.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

Edge = tuple[int, int, float]  # (Chinese paragraphs, English paragraphs, cost)


class Lattice:
    def __init__(self, n: int, m: int) -> None:
        self.n, self.m = n, m
        self.cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
        self.step: dict[tuple[int, int], tuple[int, int]] = {}
        self.forward: dict[tuple[int, int], float] = {(0, 0): 0.0}
        self.edges: dict[tuple[int, int], list[Edge]] = {}

    def add(self, i: int, j: int, edges: Iterable[Edge]) -> None:
        """The beads that end at (i, j); cells must come in row order."""
        kept: list[Edge] = []
        best, arg = math.inf, (0, 0)
        terms: list[float] = []
        for di, dj, c in edges:
            start = (i - di, j - dj)
            before = self.cost.get(start)
            if before is None:
                continue
            kept.append((di, dj, c))
            if before + c < best:
                best, arg = before + c, (di, dj)
            terms.append(self.forward[start] - c)
        if kept:
            self.cost[(i, j)], self.step[(i, j)] = best, arg
            self.forward[(i, j)] = _logsumexp(terms)
            self.edges[(i, j)] = kept

    def beads(self) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
        """The cheapest path's beads, in order, each with its posterior."""
        backward: dict[tuple[int, int], float] = {(self.n, self.m): 0.0}
        for (i, j), into in reversed(self.edges.items()):
            after = backward.get((i, j))
            if after is None:
                continue
            for di, dj, c in into:
                start = (i - di, j - dj)
                value = after - c
                known = backward.get(start)
                backward[start] = value if known is None else _logsumexp([known, value])
        total = self.forward[(self.n, self.m)]
        found = []
        i, j = self.n, self.m
        while i or j:
            di, dj = self.step[(i, j)]
            c = next(c for a, b, c in self.edges[(i, j)] if (a, b) == (di, dj))
            start = (i - di, j - dj)
            score = math.exp(self.forward[start] - c + backward[(i, j)] - total)
            found.append((tuple(range(i - di, i)), tuple(range(j - dj, j)), min(1.0, score)))
            i, j = start
        found.reverse()
        return found


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    if top == -math.inf:
        return top
    return top + math.log(sum(math.exp(v - top) for v in values))
