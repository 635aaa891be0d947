"""Where a bead begins and ends: the first and last sentences of each side.

Official English editions cut a Chinese paragraph after its topic sentence
("五年来，创新驱动发展成果丰硕。" ~ "Over the past five years, innovation-driven
development has yielded fruitful outcomes.") or close a list with the
paragraph's last clause on a line of its own. Word evidence over whole
paragraphs cannot tell whether such a short English paragraph ends one bead
or opens the next: both neighbours answer some of its words. Its place in the
Chinese can: a bead's first English sentence translates the first Chinese
sentence of the bead far more often than any other, and its last the last.
``Edges`` holds, for each Chinese paragraph i and English paragraph j, how
much of the first (last) sentence of each the other answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from g60pub.alignment.evidence import Paragraphs, en_side, link, zh_side
from g60pub.glossary import Glossary

ZH_SENTENCE = re.compile(r"(?<=[。！？!?])")
EN_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"“‘(]?[A-Z0-9])|(?<=[.!?][\"”’)])\s+(?=[A-Z0-9])")
MIN_SENTENCE = 4  # characters: a shorter piece is an abbreviation's tail, not a sentence


@dataclass(frozen=True, slots=True)
class Edges:
    """``first[i][j]``: 0..1, how far the first sentences of Chinese paragraph
    i and English paragraph j answer each other; ``last`` the same for the last
    sentences. Pairs that share nothing are absent."""

    first: list[dict[int, float]]
    last: list[dict[int, float]]


def edges(zh: Sequence[str], en: Sequence[str], glossary: Glossary | None) -> Edges:
    zh_cut = [_sentences(t, ZH_SENTENCE) for t in zh]
    en_cut = [_sentences(t, EN_SENTENCE) for t in en]
    return Edges(
        _shares(
            zh_side([s[0] for s in zh_cut], glossary), en_side([s[0] for s in en_cut], zh, glossary)
        ),
        _shares(
            zh_side([s[-1] for s in zh_cut], glossary),
            en_side([s[-1] for s in en_cut], zh, glossary),
        ),
    )


def _sentences(text: str, boundary: re.Pattern[str]) -> list[str]:
    pieces: list[str] = []
    for piece in boundary.split(text.strip()):
        if pieces and len(piece.strip()) < MIN_SENTENCE:
            pieces[-1] += piece
        elif piece.strip():
            pieces.append(piece.strip())
    return pieces or [text]


def _shares(zs: Paragraphs, es: Paragraphs) -> list[dict[int, float]]:
    links = link(zs, es)
    rows: list[dict[int, float]] = []
    for i, row in enumerate(links.zh):
        rows.append(
            {
                j: (
                    bits.bit_count() / max(zs.total[i], 1)
                    + links.en[i][j].bit_count() / max(es.total[j], 1)
                )
                / 2
                for j, bits in row.items()
            }
        )
    return rows
