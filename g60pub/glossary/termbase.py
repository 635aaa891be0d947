"""The Glossary: a validated collection of terms and what can be asked of it."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path

from g60pub.errors import GlossaryError
from g60pub.glossary.check import check_pair
from g60pub.glossary.csvio import Located, read_csv_file, write_csv
from g60pub.glossary.english import key, narrow
from g60pub.glossary.matcher import Matcher
from g60pub.glossary.tbx import read_tbx, write_tbx
from g60pub.glossary.term import Finding, Match, Term

# The curated termbase lives in the repository's top-level glossary/ and is
# installed as the data package g60pub._glossary_data (see pyproject.toml).
_BUNDLED_PACKAGE = "g60pub._glossary_data"
_SOURCE_TREE = Path(__file__).resolve().parents[2] / "glossary"


def bundled_files() -> list[Path]:
    """The CSV files of the bundled glossary, in name order."""
    try:
        root = resources.files(_BUNDLED_PACKAGE)
        files = sorted((p for p in root.iterdir() if p.name.endswith(".csv")), key=lambda p: p.name)
        if files:
            return [Path(str(p)) for p in files]
    except ModuleNotFoundError:
        pass
    return sorted(_SOURCE_TREE.glob("*.csv"))


# A directory's glossary files, by suffix in any case (TERMS.CSV from Windows).
_SUFFIXES = (".csv", ".tsv", ".tbx")


def _expand(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.iterdir() if f.suffix.lower() in _SUFFIXES))
        else:
            out.append(p)
    return out


def _unique(located: Iterable[Located]) -> list[Term]:
    seen: dict[str, tuple[str, int]] = {}
    terms: list[Term] = []
    for term, file, line in located:
        if term.zh in seen:
            first_file, first_line = seen[term.zh]
            reason = f"duplicate zh {term.zh!r} (first at {first_file}:{first_line})"
            raise GlossaryError(reason, file, line)
        seen[term.zh] = (file, line)
        terms.append(term)
    return terms


class Glossary:
    """A termbase: look terms up, find them in text, check translations, export.

    Matching automata are built on first use, so loading stays cheap.
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        self._terms: tuple[Term, ...] = tuple(
            _unique((t, "<terms>", i + 1) for i, t in enumerate(terms))
        )
        self._matcher: Matcher | None = None
        self._digest: str | None = None

    @classmethod
    def load(cls, paths: Iterable[str | Path] | str | Path | None = None) -> Glossary:
        """Load CSV/TSV/TBX glossary files (a directory means its *.csv, *.tsv
        and *.tbx, in name order);
        no argument loads the bundled curated glossary."""
        if isinstance(paths, str | Path):  # one path, not an iterable of characters
            paths = [paths]
        files = bundled_files() if paths is None else _expand(paths)
        if paths is None and not files:
            raise GlossaryError("the bundled glossary is missing from the installation")
        located: list[Located] = []
        for f in files:
            located.extend(read_tbx(f) if f.suffix.lower() == ".tbx" else read_csv_file(f))
        return cls(_unique(located))

    @classmethod
    def from_tbx(cls, data: bytes | str | Path) -> Glossary:
        """A glossary from a TBX document (``bytes``) or file (``str``/``Path``)."""
        return cls(_unique(read_tbx(data)))

    def __len__(self) -> int:
        return len(self._terms)

    def __iter__(self) -> Iterator[Term]:
        return iter(self._terms)

    def __repr__(self) -> str:
        return f"<Glossary {len(self)} terms {self.digest()[:12]}>"

    @property
    def terms(self) -> Sequence[Term]:
        return self._terms

    @property
    def matcher(self) -> Matcher:
        if self._matcher is None:
            self._matcher = Matcher(self._terms)
        return self._matcher

    def lookup(self, text: str) -> Term | None:
        """The term by its Simplified, Traditional or (case-insensitive) English form.

        A term's own Chinese form or approved rendering finds it without the
        matcher (whose regional Traditional forms need three OpenCC converters,
        most of the time of a ``glossary lookup``); other forms go through it.
        """
        return self._own_form(text) or self.matcher.lookup(text)

    def _own_form(self, text: str) -> Term | None:
        chinese, english = narrow(text.strip()), key(text)
        # Full terms before abbreviations, as the matcher ranks them.
        ranked = sorted(self._terms, key=lambda t: t.type == "abbr")
        for term in ranked:
            if chinese in (narrow(term.zh), narrow(term.zh_hant)):
                return term
        return next((t for t in ranked if key(t.en) == english), None)

    def find(self, text: str) -> list[Match]:
        """Every term occurrence in ``text``: leftmost-longest, non-overlapping."""
        return self.matcher.find(text)

    def check(self, zh: str, en: str) -> list[Finding]:
        """Glossary findings for one paragraph and its translation."""
        return check_pair(self.matcher, zh, en)

    def to_csv(self) -> str:
        return write_csv(self._terms)

    def to_tbx(self) -> bytes:
        return write_tbx(self._terms)

    def digest(self) -> str:
        """SHA-256 of the canonical CSV: a cache key that changes with any term."""
        if self._digest is None:
            self._digest = hashlib.sha256(self.to_csv().encode("utf-8")).hexdigest()
        return self._digest
