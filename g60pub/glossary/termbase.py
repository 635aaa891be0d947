"""The Glossary: a validated collection of terms and what can be asked of it."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from g60pub.errors import GlossaryError
from g60pub.glossary.check import check_pair
from g60pub.glossary.csvio import Located, read_csv_file, write_csv
from g60pub.glossary.english import key, narrow
from g60pub.glossary.layers import Layer, Origin, Override, one_layer, stack
from g60pub.glossary.matcher import Matcher
from g60pub.glossary.tbx import read_tbx, write_tbx
from g60pub.glossary.term import Finding, Match, Term, TermType
from g60pub.version import __version__

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
# How the bundled termbase's files are named in errors and overrides: the same
# on every installation, so a report does not depend on where g60pub lives.
BUNDLED_NAME = "bundled"


def _expand(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.iterdir() if f.suffix.lower() in _SUFFIXES))
        else:
            out.append(p)
    return out


def _read(path: Path, name: str) -> list[Located]:
    if path.suffix.lower() == ".tbx":
        return read_tbx(path, name)
    return read_csv_file(path, name)


def _name(path: Path, relative_to: str | Path | None) -> str:
    if relative_to is None:
        return str(path)
    try:
        return os.path.relpath(path, relative_to)
    except ValueError:  # another drive (Windows): no relative path
        return str(path)


@lru_cache(maxsize=1)
def _bundled_layer() -> Layer:
    files = bundled_files()
    if not files:
        raise GlossaryError("the bundled glossary is missing from the installation")
    return one_layer(row for f in files for row in _read(f, f"{BUNDLED_NAME}:{f.name}"))


class Glossary:
    """A termbase: look terms up, find them in text, check translations, export.

    A glossary is built in layers (see ``layers``): the bundled curated
    termbase below, then files on top, in order; :attr:`overrides` says which
    rows of an upper layer replaced or removed a term below. Matching automata
    are built on first use, so loading stays cheap.
    """

    def __init__(self, terms: Iterable[Term], *, name: str = "<terms>") -> None:
        """A glossary of ``terms``, one layer (rows of type ``removed`` included):
        the same ``zh`` twice is an error."""
        self._layer = one_layer((t, name, i + 1) for i, t in enumerate(terms))
        self._matcher: Matcher | None = None
        self._digest: str | None = None

    @classmethod
    def _of(cls, layer: Layer) -> Glossary:
        glossary = cls(())
        glossary._layer = layer
        return glossary

    @classmethod
    def bundled(cls) -> Glossary:
        """The curated termbase shipped with g60pub: read once per process, and
        one object, so that its matching automata are built once too."""
        return _bundled_glossary()

    @classmethod
    def load(
        cls,
        paths: Iterable[str | Path] | str | Path | None = None,
        *,
        bundled: bool = True,
        relative_to: str | Path | None = None,
    ) -> Glossary:
        """Glossary files layered in order on the bundled termbase (``bundled=False``:
        on nothing). Files are CSV, TSV or TBX; a directory means its ``*.csv``,
        ``*.tsv`` and ``*.tbx`` in name order. Each file is a layer, so a term of a
        later file overrides one of an earlier file. ``relative_to`` names the
        files relative to that directory in errors and overrides.

        ``Glossary.load()`` is the bundled termbase. A file that is one of the
        bundled files (a project whose ``glossary/`` is the termbase's own) is
        not layered on itself.
        """
        if isinstance(paths, str | Path):  # one path, not an iterable of characters
            paths = [paths]
        own = {f.resolve() for f in bundled_files()} if bundled else set()
        files = [path for path in _expand(paths or ()) if path.resolve() not in own]
        if bundled and not files:
            return cls.bundled()
        layer = _bundled_layer() if bundled else Layer()
        for path in files:
            layer = stack(layer, one_layer(_read(path, _name(path, relative_to))))
        return cls._of(layer)

    @classmethod
    def from_tbx(cls, data: bytes | str | Path) -> Glossary:
        """A glossary from a TBX document (``bytes``) or file (``str``/``Path``), alone."""
        return cls._of(one_layer(read_tbx(data)))

    def combine(self, upper: Glossary) -> Glossary:
        """This glossary with ``upper`` layered on it: its terms override those
        with the same ``zh``, its ``removed`` rows take terms out, and the new
        glossary's :attr:`overrides` list each such row."""
        return Glossary._of(stack(self._layer, upper._layer))

    def __len__(self) -> int:
        return len(self._layer.terms)

    def __iter__(self) -> Iterator[Term]:
        return iter(self._layer.terms)

    def __repr__(self) -> str:
        return f"<Glossary {len(self)} terms {self.version}>"

    @property
    def terms(self) -> Sequence[Term]:
        return self._layer.terms

    def by_type(self, kind: TermType) -> tuple[Term, ...]:
        """The terms of one type (``place``, ``name``, ...), in glossary order."""
        return tuple(t for t in self._layer.terms if t.type == kind)

    @property
    def removed(self) -> tuple[Term, ...]:
        """The ``removed`` rows of the layers: each takes a term out of the layers below."""
        return self._layer.removed

    @property
    def overrides(self) -> tuple[Override, ...]:
        """Rows that replaced or removed a term of a lower layer, in layer order."""
        return self._layer.overrides

    def origin(self, zh: str) -> Origin | None:
        """The file and line of the row that gives the term ``zh`` (or removes it)."""
        return self._layer.origins.get(zh)

    @property
    def matcher(self) -> Matcher:
        if self._matcher is None:
            self._matcher = Matcher(self._layer.terms)
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
        ranked = sorted(self._layer.terms, key=lambda t: t.type == "abbr")
        for term in ranked:
            if chinese in (narrow(term.zh), narrow(term.zh_hant)):
                return term
        return next((t for t in ranked if key(t.en) == english), None)

    def find(self, text: str) -> list[Match]:
        """Every term occurrence in ``text``: leftmost-longest, non-overlapping."""
        return self.matcher.find(text)

    def renderings(self, en: str, zh: str) -> list[Match]:
        """The accepted English renderings in ``en`` of the terms in ``zh`` (its
        source): a term counts only when ``zh`` holds it, and at most as often as
        ``zh`` does. Each match names the term of ``zh`` it renders."""
        return self.matcher.renderings(en, zh)

    def check(self, zh: str, en: str) -> list[Finding]:
        """Glossary findings for one paragraph and its translation."""
        return check_pair(self.matcher, zh, en)

    def to_csv(self) -> str:
        """Every term, then every ``removed`` row, as one glossary CSV."""
        return write_csv((*self._layer.terms, *self._layer.removed))

    def to_tbx(self) -> bytes:
        return write_tbx((*self._layer.terms, *self._layer.removed))

    def digest(self) -> str:
        """SHA-256 of the canonical CSV: a cache key that changes with any term."""
        if self._digest is None:
            self._digest = hashlib.sha256(self.to_csv().encode("utf-8")).hexdigest()
        return self._digest

    @property
    def version(self) -> str:
        """``<g60pub version>+<content digest>``: what a consumer pins. Two
        glossaries with the same terms have the same version, whichever files
        they came from."""
        return f"{__version__}+{self.digest()[:16]}"


@lru_cache(maxsize=1)
def _bundled_glossary() -> Glossary:
    return Glossary._of(_bundled_layer())
