"""Quality checks on a Publication's paragraph pairs.

Codes and severities:

* ``untranslated`` (warning), ``fuzzy`` (warning): the pair needs work;
  a fuzzy translation belongs to older text, so no content check runs on it;
* ``term-missing``, ``term-forbidden``: from ``Glossary.check``, with the
  severity the glossary gives;
* ``number-mismatch`` (error): figures, percentages and dates differ
  (see ``g60pub.figures``);
* ``han-in-english`` (error): Chinese characters left in the translation;
* ``length-ratio`` (warning): far outside the document's own English/Chinese
  length ratio.

``check`` must be precise: a correct translation yields no error.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from g60pub.cjk import HAN_RUN
from g60pub.figures import en_anchors, number_mismatch, zh_anchors
from g60pub.glossary import Glossary
from g60pub.model import Pair, Publication

# Chinese -> English character ratio when a document has too few pairs to fit its own.
DEFAULT_RATIO = 3.0
RATIO_SPREAD = 2.5  # a pair more than this factor away from the norm is flagged
MIN_ZH_CHARS = 20  # headings and short lines vary too much to judge


@dataclass(frozen=True, slots=True)
class QAFinding:
    """One problem in one block of one file."""

    file: str
    block: str
    code: str
    severity: str  # "error" | "warning"
    message: str

    def to_json(self) -> dict[str, str]:
        return {
            "file": self.file,
            "block": self.block,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
        }


def check_publication(pub: Publication, glossary: Glossary | None, *, file: str) -> list[QAFinding]:
    """Every finding for one article's pairs, in block order."""
    norm = document_ratio(pub.pairs)
    findings: list[QAFinding] = []
    for pair in pub.pairs:
        findings.extend(check_pair(pair, glossary, file=file, norm=norm))
    return findings


def check_pair(pair: Pair, glossary: Glossary | None, *, file: str, norm: float) -> list[QAFinding]:
    block = pair.block

    def finding(code: str, severity: str, message: str) -> QAFinding:
        return QAFinding(file, block.id, code, severity, message)

    if not pair.translation:
        return [finding("untranslated", "warning", "no translation")]
    if pair.fuzzy:
        return [
            finding(
                "fuzzy", "warning", "translation marked fuzzy: review it against the changed source"
            )
        ]
    zh, en = block.text, pair.translation
    found: list[QAFinding] = []
    if glossary is not None:
        for g in glossary.check(zh, en):
            found.append(finding(g.code, g.severity, g.message))
    missing, added = number_mismatch(zh_anchors(zh), en_anchors(en))
    if missing:
        found.append(
            finding("number-mismatch", "error", f"not in the translation: {', '.join(missing)}")
        )
    if added:
        found.append(finding("number-mismatch", "error", f"not in the source: {', '.join(added)}"))
    han = HAN_RUN.findall(en)
    if han:
        found.append(
            finding(
                "han-in-english", "error", f"Chinese characters in the translation: {' '.join(han)}"
            )
        )
    if len(zh) >= MIN_ZH_CHARS:
        ratio = len(en) / len(zh)
        if ratio > norm * RATIO_SPREAD or ratio < norm / RATIO_SPREAD:
            found.append(
                finding(
                    "length-ratio",
                    "warning",
                    f"English/Chinese length ratio {ratio:.1f}, "
                    f"far from this document's {norm:.1f}",
                )
            )
    return found


def document_ratio(pairs: Iterable[Pair]) -> float:
    """The median English/Chinese length ratio of a document's translated pairs."""
    ratios = [
        len(p.translation) / len(p.block.text)
        for p in pairs
        if p.translation and not p.fuzzy and len(p.block.text) >= MIN_ZH_CHARS
    ]
    if len(ratios) < 3:
        return DEFAULT_RATIO
    return statistics.median(ratios)


def has_errors(findings: Iterable[QAFinding]) -> bool:
    return any(f.severity == "error" for f in findings)
