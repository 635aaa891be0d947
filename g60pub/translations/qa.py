"""Quality checks on a Publication's paragraph pairs.

Codes and severities:

* ``untranslated`` (warning), ``fuzzy`` (warning): the pair needs work;
  a fuzzy translation belongs to older text, so no content check runs on it;
* ``term-missing``, ``term-forbidden``: from ``Glossary.check``, with the
  severity the glossary gives;
* ``number-mismatch`` (error): figures, percentages and dates differ
  (see ``g60pub.figures`` and ``g60pub.mismatch``);
* ``han-in-english`` (error): Chinese characters left in the translation;
* ``length-ratio`` (warning): far outside the document's own English/Chinese
  length ratio;
* ``untranslated-metadata`` (warning): a byline field (author, source, repost
  note) has no English, so the English editions show it in Chinese;
* ``spacing`` (warning): words run together at a punctuation mark
  ("abroad.However", "Committee,the"), as text pasted from a page whose
  line breaks were lost often has: the editions would print it so.

``check`` must be precise: a correct translation yields no error. Two rules
serve that beyond the figures' comparison by value (figures.py):

* a term the English of the block before named is not missing when this
  block's English refers back to it ("Songjiang District ..." then "The
  district has built ..." for 松江区);
* a finding the translator accepted in the PO file (accept.py) is reported
  as accepted, not counted, until the entry's text changes.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, replace

from g60pub.cjk import HAN_RUN
from g60pub.figures import en_anchors, zh_anchors
from g60pub.glossary import Glossary, Term
from g60pub.mismatch import number_mismatch
from g60pub.model import META_CONTEXT, Pair, Publication
from g60pub.translations.accept import accepted_codes

# Chinese -> English character ratio when a document has too few pairs to fit its own.
DEFAULT_RATIO = 3.0
RATIO_SPREAD = 2.5  # a pair more than this factor away from the norm is flagged
MIN_ZH_CHARS = 20  # headings and short lines vary too much to judge
# A word's end, a sentence's or a clause's mark, the next word at once:
# "abroad.However", "Committee,the". Not "U.S.", "e.g.", "1,000", "gov.cn".
RUN_TOGETHER = re.compile(r"\b[A-Za-z]*[a-z]{2}(?:[.!?][A-Z][a-z]+|[,;][A-Za-z]{2,})\b")


@dataclass(frozen=True, slots=True)
class QAFinding:
    """One problem in one block of one file."""

    file: str
    block: str
    code: str
    severity: str  # "error" | "warning"
    message: str
    accepted: bool = False  # the translator accepted it for the entry as it is

    @property
    def counts_as_error(self) -> bool:
        return self.severity == "error" and not self.accepted

    def to_json(self) -> dict[str, str | bool]:
        return {
            "file": self.file,
            "block": self.block,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "accepted": self.accepted,
        }


REOPENED = " (accepted for an earlier text of this entry: check it and accept it again)"


def check_publication(pub: Publication, glossary: Glossary | None, *, file: str) -> list[QAFinding]:
    """Every finding for one article's pairs, in the order of its PO file:
    the title, the byline fields, then the body."""
    norm = document_ratio(pub.pairs)
    findings: list[QAFinding] = []
    previous: str | None = None
    for n, pair in enumerate(pub.pairs):
        found = check_pair(pair, glossary, file=file, norm=norm, previous=previous)
        findings.extend(_with_acceptances(pair, found))
        previous = pair.translation if pair.translated else None
        if n == 0:
            for meta in pub.meta:
                findings.extend(_with_acceptances(meta, check_meta(meta, file=file)))
    return findings


def _with_acceptances(pair: Pair, found: list[QAFinding]) -> list[QAFinding]:
    if not pair.accepted:
        return found
    current, earlier = accepted_codes(pair)
    out: list[QAFinding] = []
    for f in found:
        if f.code in current:
            f = replace(f, accepted=True)
        elif f.code in earlier:
            f = replace(f, message=f.message + REOPENED)
        out.append(f)
    return out


def check_meta(pair: Pair, *, file: str) -> list[QAFinding]:
    """Findings for a byline field: untranslated, fuzzy, or Chinese left in it."""
    block = pair.block
    name = block.id.removeprefix(META_CONTEXT)
    if not pair.translation:
        message = (
            f"the {name} “{block.text}” has no translation: English editions show it in Chinese"
        )
        return [QAFinding(file, block.id, "untranslated-metadata", "warning", message)]
    if pair.fuzzy:
        message = "translation marked fuzzy: review it against the changed source"
        return [QAFinding(file, block.id, "fuzzy", "warning", message)]
    return _han(pair.translation, file, block.id)


def _han(english: str, file: str, block: str) -> list[QAFinding]:
    han = HAN_RUN.findall(english)
    if not han:
        return []
    message = f"Chinese characters in the translation: {' '.join(han)}"
    return [QAFinding(file, block, "han-in-english", "error", message)]


def check_pair(
    pair: Pair,
    glossary: Glossary | None,
    *,
    file: str,
    norm: float,
    previous: str | None = None,
) -> list[QAFinding]:
    """The findings for one block; ``previous`` is the English of the block before it."""
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
            if g.code == "term-missing" and previous and _named(g.term, previous, glossary):
                continue
            found.append(finding(g.code, g.severity, g.message))
    missing, added = number_mismatch(zh_anchors(zh), en_anchors(en))
    if missing:
        found.append(
            finding("number-mismatch", "error", f"not in the translation: {', '.join(missing)}")
        )
    if added:
        found.append(finding("number-mismatch", "error", f"not in the source: {', '.join(added)}"))
    found.extend(_han(en, file, block.id))
    run_together = RUN_TOGETHER.findall(en)
    if run_together:
        shown = ", ".join(f"“{r}”" for r in run_together)
        found.append(finding("spacing", "warning", f"no space after punctuation: {shown}"))
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


def _named(term: Term, english: str, glossary: Glossary) -> bool:
    """``english`` renders ``term`` (an approved or accepted rendering of it)."""
    return not any(f.code == "term-missing" for f in glossary.check(term.zh, english))


def has_errors(findings: Iterable[QAFinding]) -> bool:
    """Any error the translator has not accepted."""
    return any(f.counts_as_error for f in findings)
