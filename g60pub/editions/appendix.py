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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin, load_phrases_dict

from g60pub.cjk import HAN_CHAR
from g60pub.editions.variants import Variant
from g60pub.editions.view import TermEntry

PINYIN_LANG = "zh-Latn-pinyin"  # BCP 47: Chinese in Latin script, Hanyu Pinyin
_ARTICLE = re.compile(r"^(?:the|an?)\s+", re.IGNORECASE)
# Readings pypinyin's phrase list gets wrong for terms of this corpus.
_READINGS = {"长三角": [["cháng"], ["sān"], ["jiǎo"]]}


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
    return (latin_first, _syllables(_numbered(term.zh)), term.zh, term.id)


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
    load_phrases_dict(_READINGS)


def _numbered(chinese: str) -> tuple[str, ...]:
    _load_readings()
    return tuple(
        lazy_pinyin(chinese, style=Style.TONE3, neutral_tone_with_five=True, tone_sandhi=False)
    )
