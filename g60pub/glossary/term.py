"""The glossary's data model: a curated term, a match in a text, a check finding."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# ``removed`` is a row of a layer, not a term: it takes the term with its
# ``zh`` out of the layers below (a project opting out of a bundled term).
TermType = Literal["term", "name", "org", "place", "slogan", "abbr", "removed"]
TERM_TYPES: tuple[TermType, ...] = ("term", "name", "org", "place", "slogan", "abbr", "removed")
REMOVED: TermType = "removed"

Form = Literal["zh", "zh_hant", "en", "en_alt", "en_forbidden"]
Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Term:
    """One termbase entry; fields are named as the CSV columns.

    ``zh_hant`` is always filled: the pinned Traditional form when the
    termbase gives one (``pinned`` is then true), else OpenCC ``s2t`` of ``zh``.
    Only a pinned form overrides the conversion config of an edition.
    """

    zh: str
    en: str
    zh_hant: str
    en_alt: tuple[str, ...] = ()
    en_forbidden: tuple[str, ...] = ()
    type: TermType = "term"
    note: str = ""
    source: str = ""
    pinned: bool = False

    @property
    def english(self) -> tuple[str, ...]:
        """Every accepted English rendering, the approved one first."""
        return (self.en, *self.en_alt)


@dataclass(frozen=True, slots=True)
class Match:
    """An occurrence of a term in a text: ``text[start:end]`` is the matched form."""

    start: int
    end: int
    term: Term
    form: Form


@dataclass(frozen=True, slots=True)
class Finding:
    """A glossary problem in one Chinese/English paragraph pair."""

    code: str
    severity: Severity
    message: str
    term: Term
