"""The glossary appendix as its reader reads it: headwords in the edition's
script, in the order a reader of that language looks a word up.

A Chinese edition files its headwords in pinyin order (the order of the
《现代汉语词典》: syllable by syllable, by letters then tone), shows the
pinyin, and puts headwords that begin with a Latin letter or a digit (G60…)
after the rest, as that dictionary does. The English edition files its
English headwords alphabetically, ignoring a leading article.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata

from g60pub.cjk import HAN_CHAR
from g60pub.editions.variants import Variant
from g60pub.editions.view import TermEntry

PINYIN_LANG = "zh-Latn-pinyin"  # BCP 47: Chinese in Latin script, Hanyu Pinyin
_ARTICLE = re.compile(r"^(?:the|an?)\s+", re.IGNORECASE)
# Readings pypinyin's phrase list gets wrong for terms of this corpus.
_READINGS = {"长三角": [["cháng"], ["sān"], ["jiǎo"]]}

Reading = tuple[str, tuple[str, ...]]
"""A headword's pinyin: with tone marks (shown), and by syllable with tone
numbers (its place in the order)."""


class Readings:
    """Headwords' pinyin, each worked out once per process.

    pypinyin's phrase list is about 55 MB once loaded, for an appendix of a
    few hundred headwords: it is imported only when a headword is not
    already known. A build hands on what it learned (:meth:`known`) and
    seeds the next one with it (:meth:`learn`), so a rebuild of an
    unchanged glossary never loads it."""

    def __init__(self) -> None:
        self._known: dict[str, Reading] = {}
        self.added = 0  # readings worked out here, not learned

    def of(self, chinese: str) -> Reading:
        known = self._known.get(chinese)
        if known is None:
            known = self._known[chinese] = (_marked(chinese), _numbered(chinese))
            self.added += 1
        return known

    def learn(self, readings: Mapping[str, Reading]) -> None:
        """Take ``readings`` as known (from a build made with the same :func:`readings_source`)."""
        self._known.update(readings)

    def known(self) -> dict[str, Reading]:
        return dict(self._known)


READINGS = Readings()
"""The process's readings, which every appendix uses."""


def readings_source() -> str:
    """What the readings depend on: pypinyin's version and this module's
    corrections. Readings learned from another source are worked out again."""
    fixed = ",".join(f"{k}={v}" for k, v in sorted(_READINGS.items()))
    try:
        version = metadata.version("pypinyin")
    except metadata.PackageNotFoundError:
        version = "?"
    return f"pypinyin {version}; {fixed}"


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """One entry of the appendix: the headword in the edition's language first."""

    id: str
    headword: str
    headword_lang: str
    pinyin: str | None  # the Chinese headword's (or gloss's) reading, tone marks
    gloss: str  # the other language
    gloss_lang: str
    note: str  # English; the Chinese it quotes is in ``note_lang``
    note_lang: str
    href: str  # the first use


def glossary_entries(
    terms: Sequence[tuple[TermEntry, str]], variant: Variant
) -> tuple[GlossaryEntry, ...]:
    """The appendix of ``variant`` from the terms it uses, each with the
    address of its first use, in the reader's order."""
    key = _english_key if variant.script is None else _chinese_key
    keyed = sorted((key(term), _entry(term, href, variant)) for term, href in terms)
    return tuple(entry for _, entry in keyed)


def pinyin(chinese: str) -> str:
    """Hanyu Pinyin with tone marks, a space between syllables; Latin runs kept."""
    return READINGS.of(chinese)[0]


def _marked(chinese: str) -> str:
    from pypinyin import Style, lazy_pinyin  # ~55 MB: see Readings

    _load_readings()
    return " ".join(lazy_pinyin(chinese, style=Style.TONE, tone_sandhi=False))


def _entry(term: TermEntry, href: str, variant: Variant) -> GlossaryEntry:
    reading = pinyin(term.zh)
    if variant.script is None:
        return GlossaryEntry(
            term.id,
            term.en,
            "en",
            reading,
            term.shown,
            variant.zh_tag,
            term.note,
            variant.zh_tag,
            href,
        )
    return GlossaryEntry(
        term.id, term.shown, variant.zh_tag, reading, term.en, "en", term.note, variant.zh_tag, href
    )


def _english_key(term: TermEntry) -> tuple[object, ...]:
    return (_ARTICLE.sub("", term.en).casefold(), term.en, term.id)


def _chinese_key(term: TermEntry) -> tuple[object, ...]:
    latin_first = not HAN_CHAR.match(term.zh)
    return (latin_first, _syllables(READINGS.of(term.zh)[1]), term.zh, term.id)


def _syllables(numbered: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """('ke1', 'chuang4') -> (('ke', 1), ('chuang', 4)); a Latin run sorts by its letters."""
    out: list[tuple[str, int]] = []
    for syllable in numbered:
        tone = syllable[-1]
        if tone.isdigit() and syllable[:-1].isalpha():
            out.append((syllable[:-1].replace("ü", "v"), int(tone)))
        else:
            out.append((syllable.casefold(), 0))
    return tuple(out)


@lru_cache(maxsize=1)
def _load_readings() -> None:
    from pypinyin import load_phrases_dict

    load_phrases_dict(_READINGS)


def _numbered(chinese: str) -> tuple[str, ...]:
    from pypinyin import Style, lazy_pinyin

    _load_readings()
    return tuple(
        lazy_pinyin(chinese, style=Style.TONE3, neutral_tone_with_five=True, tone_sandhi=False)
    )
