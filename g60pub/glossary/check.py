"""Glossary checks on one Chinese/English paragraph pair.

Precision first: a faithful official-style translation must report nothing.
A term in the Chinese is satisfied by its approved rendering or any accepted
alternative, compared case-insensitively, with hyphen/space/punctuation
variation, British/American -isation spelling, and singular/plural of the last
word (see ``english``); names of people are compared on their pinyin with
tone marks ignored. Only the outermost term of a nest is required: when
沪嘉杭G60科创走廊 matches, its sub-term 科创走廊 is not separately required
(leftmost-longest, non-overlapping).

Severity: a missing ``slogan`` is a warning, not an error. Slogans are long
policy formulas ("streamline administration, delegate power, strengthen
regulation and improve services") that careful translators legitimately
recast to fit the sentence; flagging every such recasting as an error would
bury real problems. A missing ``abbr`` is a warning too: an abbreviation
(沪, 双创) is often expanded or dropped. Every other missing term, and any
forbidden rendering, is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from g60pub.glossary.english import key, plural_variants
from g60pub.glossary.matcher import Matcher
from g60pub.glossary.term import Finding, Severity, Term

_LENIENT_TYPES = frozenset({"slogan", "abbr"})


def check_pair(matcher: Matcher, zh: str, en: str) -> list[Finding]:
    """Findings for the paragraph ``zh`` and its translation ``en``, in text order."""
    found_keys: set[str] = set()
    forbidden_hits: dict[str, str] = {}  # key -> the text as written
    for start, end, (_, form), k in matcher.english(en):
        found_keys.add(k)
        if form == "en_forbidden":
            forbidden_hits.setdefault(k, en[start:end])

    findings: list[Finding] = []
    required: list[int] = []
    for match in matcher.find(zh):
        if match.form not in ("zh", "zh_hant"):
            continue
        index = matcher.index_of[match.term.zh]
        if index not in required:
            required.append(index)
    accepted_here: set[str] = set()
    for index in required:
        accepted = matcher.accepted[index]
        accepted_here |= accepted
        if accepted & found_keys:
            continue
        term = matcher.terms[index]
        severity: Severity = "warning" if term.type in _LENIENT_TYPES else "error"
        findings.append(Finding("term-missing", severity, _missing_message(term), term))

    for k, written in forbidden_hits.items():
        # A string one term forbids may be the accepted rendering of a term
        # that is in this very paragraph; then it is not a misuse.
        if k in accepted_here:
            continue
        for index in matcher.forbidding[k]:
            term = matcher.terms[index]
            message = f"“{written}” is a rendering to avoid for {term.zh}; use “{term.en}”"
            findings.append(Finding("term-forbidden", "error", message, term))
    return findings


def _missing_message(term: Term) -> str:
    also = "".join(f" or “{alt}”" for alt in term.en_alt)
    return f"{term.zh} is not rendered as “{term.en}”{also}"


# Words that mean many terms, so never one on their own: matching them would
# mark every "innovation" as 科创. The short ones are ordinary English words an
# acronym turns into when matched case-insensitively (MOST, IT, US).
GENERIC_WORDS = frozenset(
    {
        *("innovation", "development", "cooperation", "platform", "industry", "reform"),
        *("integration", "technology", "science", "economy", "enterprise", "company"),
        *("service", "market", "policy", "strategy", "project", "program", "programme"),
        *("plan", "system", "mechanism", "network", "zone", "area", "region", "center"),
        *("base", "hub", "fund", "growth", "opening", "construction", "manufacturing"),
        *("it", "most", "us", "as", "an", "one", "all", "may", "can", "new", "is", "on"),
        *("in", "at", "or", "do", "go", "no", "so", "up", "we", "he", "me", "am", "be"),
    }
)
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.I)
# What a source names when it is not a public document: a path (POSIX, home,
# Windows, or relative with a file at the end) or a bare file name.
_LOCAL = re.compile(
    r"(?:^|(?<=[\s(\[;,'\"]))(?:~?/[\w.-]+(?:/[\w.-]*)*"
    r"|[A-Za-z]:\\\S*"
    r"|[\w.-]+/[\w./-]*\.\w{1,5}\b)"
    r"|\b[\w-]+\.(?:txt|html?|md|csv|tsv|tbx|po|json|xml|docx?|xlsx?|pdf|py)\b",
    re.I,
)


def local_reference(source: str) -> str | None:
    """The part of a ``source`` cell that names a local file or path rather
    than a public document (URLs are public, so they are skipped), or ``None``."""
    found = _LOCAL.search(_URL.sub(" ", source))
    return found.group().strip() if found else None


def is_generic(rendering: str) -> bool:
    """Whether ``rendering`` is a generic word alone (singular or plural)."""
    k = key(rendering)
    return k in GENERIC_WORDS or any(v in GENERIC_WORDS for v in plural_variants(k))


def lint_terms(terms: Iterable[Term]) -> list[str]:
    """Termbase problems loading does not refuse: a row without a source, or
    whose source names a local file; a generic word as a rendering; one
    Traditional form for two terms (t2s could not restore both); and a
    rendering one term forbids that another term approves."""
    terms = list(terms)
    problems: list[str] = []
    hant_owner: dict[str, str] = {}
    accepted: dict[str, str] = {}
    for term in terms:
        local = local_reference(term.source)
        if not term.source:
            problems.append(f"{term.zh}: no source cited")
        elif local:
            problems.append(f"{term.zh}: source names a local file ({local}), not a document")
        problems.extend(
            f"{term.zh}: “{e}” is a generic word, not a rendering of the term"
            for e in term.english
            if is_generic(e)
        )
        other = hant_owner.setdefault(term.zh_hant, term.zh)
        if other != term.zh:
            problems.append(f"{term.zh}: Traditional form {term.zh_hant} is also {other}'s")
        for rendering in term.english:
            accepted.setdefault(key(rendering), term.zh)
    for term in terms:
        for bad in term.en_forbidden:
            owner = accepted.get(key(bad))
            if owner is not None:
                problems.append(f"{term.zh}: forbids “{bad}”, which {owner} accepts")
    return problems
