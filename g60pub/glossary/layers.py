"""Glossaries in layers: the bundled termbase below, a project's files above.

A layer is what one file holds (the bundled termbase counts as one file: its
four CSVs must agree). Layers stack in order: a term with a ``zh`` the layers
below already have overrides the lower one in place (the glossary keeps its
order), a new ``zh`` adds a term at the end, and a ``removed`` row takes the
term out. Every override and removal is an :class:`Override` naming both rows,
so a project sees once what it changed and a report can list it. Within one
layer the same ``zh`` twice is an error: which row is meant is for the file's
owner to say.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from g60pub.errors import GlossaryError
from g60pub.glossary.term import REMOVED, Term


@dataclass(frozen=True, slots=True, order=True)
class Origin:
    """Where a row is: a file (as the loader names it) and a line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class Override:
    """A row of an upper layer that replaces, or removes, a term of a lower one."""

    zh: str
    at: Origin  # the upper row
    replaces: Origin  # the lower row it overrides
    removed: bool = False

    def __str__(self) -> str:
        verb = "removes" if self.removed else "overrides"
        return f"{self.at}: {self.zh} {verb} the term at {self.replaces}"

    def to_json(self) -> dict[str, str | int | bool]:
        return {
            "zh": self.zh,
            "file": self.at.file,
            "line": self.at.line,
            "replaces": str(self.replaces),
            "removed": self.removed,
        }


@dataclass(frozen=True, slots=True)
class Layer:
    """Terms, removal rows and where each row is; overrides made while stacking."""

    terms: tuple[Term, ...] = ()
    removed: tuple[Term, ...] = ()  # rows of type ``removed``
    origins: Mapping[str, Origin] = field(default_factory=dict)  # by zh, terms and removals
    overrides: tuple[Override, ...] = ()


def one_layer(rows: Iterable[tuple[Term, str, int]]) -> Layer:
    """The rows of one file (or of one termbase) as a layer; the same ``zh``
    twice is a :class:`GlossaryError` naming both places."""
    origins: dict[str, Origin] = {}
    terms: list[Term] = []
    removed: list[Term] = []
    for term, file, line in rows:
        first = origins.get(term.zh)
        if first is not None:
            reason = f"duplicate zh {term.zh!r} (first at {first})"
            raise GlossaryError(reason, file, line)
        origins[term.zh] = Origin(file, line)
        (removed if term.type == REMOVED else terms).append(term)
    return Layer(tuple(terms), tuple(removed), origins)


def stack(lower: Layer, upper: Layer) -> Layer:
    """``upper`` on ``lower``: its terms override or add, its removal rows remove.

    Stacking is associative, so a project's files may be combined first and
    put on the bundled termbase later: a removal that finds no term stays in
    the layer (it may meet one further down), and a term of a higher layer
    cancels a removal below it.
    """
    terms = {t.zh: t for t in lower.terms}  # insertion order: an override keeps its place
    removed = {r.zh: r for r in lower.removed}
    origins = dict(lower.origins)
    new: list[Override] = []
    for term in upper.terms:
        old = terms.get(term.zh)
        if old is not None and old != term:  # the same row again changes nothing
            new.append(Override(term.zh, upper.origins[term.zh], origins[term.zh]))
        terms[term.zh] = term
        removed.pop(term.zh, None)
        origins[term.zh] = upper.origins[term.zh]
    for row in upper.removed:
        if terms.pop(row.zh, None) is not None:
            new.append(Override(row.zh, upper.origins[row.zh], origins[row.zh], removed=True))
        removed[row.zh] = row
        origins[row.zh] = upper.origins[row.zh]
    # Report in the upper layer's own order: by file as it was stacked, then line.
    rank = {f: i for i, f in enumerate(dict.fromkeys(o.file for o in upper.origins.values()))}
    new.sort(key=lambda o: (rank[o.at.file], o.at.line))
    return Layer(
        tuple(terms.values()),
        tuple(removed.values()),
        origins,
        (*lower.overrides, *upper.overrides, *new),
    )
