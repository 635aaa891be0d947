"""What a book says about itself, in its own language: titles, who made it,
rights, description, subjects, dates. The EPUB's package, title page and
imprint page and the text book's header all read one :class:`BookInfo`.

Texts configured once or in another script are shown in the edition's
script: a Simplified name in a Traditional book goes through the edition's
conversion, glossary pins included.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import format_date, format_skeleton
from babel.lists import format_list

from g60pub.book_metadata import ANY, LocalText, Person
from g60pub.chinese import detect_script
from g60pub.cjk import has_han
from g60pub.config import Config
from g60pub.editions.i18n import variant_label
from g60pub.editions.variants import Variant
from g60pub.glossary import Glossary
from g60pub.script import Converter

# A fixed namespace: the same project name and variant give the same identifier.
IDENTIFIER_NAMESPACE = uuid.UUID("5b0f7c64-6f2e-5a7e-9a60-6760707562ff")


@dataclass(frozen=True, slots=True)
class Phrase:
    """A text and the language it is in."""

    text: str
    lang: str


@dataclass(frozen=True, slots=True)
class Credit:
    name: Phrase
    role: str  # a MARC relator code


@dataclass(frozen=True, slots=True)
class BookInfo:
    """Book-level metadata of one variant's book."""

    name: str
    variant: Variant
    title: str
    subtitle: str | None  # the English title of a bilingual book
    publisher: Phrase | None
    date_iso: str  # publication date: configured, else the build date
    date_text: str
    modified: str  # CCYY-MM-DDThh:mm:ssZ
    zip_time: tuple[int, int, int, int, int, int]
    built_iso: str = ""
    built_text: str = ""
    creators: tuple[Credit, ...] = ()
    contributors: tuple[Credit, ...] = ()
    rights: Phrase | None = None
    description: Phrase | None = None
    subjects: tuple[Phrase, ...] = ()
    edition: str = ""  # the edition's name in its own language: 中文（繁體）

    @property
    def identifier(self) -> str:
        return "urn:uuid:" + str(uuid.uuid5(IDENTIFIER_NAMESPACE, f"{self.name}/{self.variant.id}"))

    @property
    def lang(self) -> str:
        return self.variant.lang

    @property
    def languages(self) -> tuple[str, ...]:
        return self.variant.languages

    @property
    def translators(self) -> tuple[Credit, ...]:
        return tuple(c for c in self.contributors if c.role == "trl")

    def names(self, credits: tuple[Credit, ...]) -> str:
        """Names as a list in the book's language: 甲、乙和丙 / A, B, and C."""
        return str(format_list([c.name.text for c in credits], locale=self.variant.ui_locale))


def book_info(
    config: Config,
    variant: Variant,
    glossary: Glossary,
    built: dt.datetime,
    modified: str,
    zip_time: tuple[int, int, int, int, int, int],
) -> BookInfo:
    """The book of ``variant``: configured metadata resolved for its language."""
    meta = config.metadata
    locale = variant.ui_locale
    published = meta.date or built.date().isoformat()
    return BookInfo(
        name=config.name,
        variant=variant,
        title=config.title_for(variant.title_lang),
        subtitle=config.title_for("en") if variant.bilingual else None,
        publisher=_phrase(config.publisher, variant, glossary),
        date_iso=published,
        date_text=_date_text(published, locale),
        modified=modified,
        zip_time=zip_time,
        built_iso=built.date().isoformat(),
        built_text=str(format_date(built.date(), format="long", locale=locale)),
        creators=_credits(meta.creators, variant, glossary),
        contributors=_credits(meta.contributors, variant, glossary),
        rights=_phrase(meta.rights, variant, glossary),
        description=_phrase(meta.description, variant, glossary),
        subjects=tuple(
            p for p in (_phrase(s, variant, glossary) for s in meta.subjects) if p is not None
        ),
        edition=edition_name(variant),
    )


def edition_name(variant: Variant) -> str:
    """The edition named in its own language, the vertical one said so."""
    return variant_label(variant, variant.ui_locale)


def _date_text(iso: str, locale: str) -> str:
    """2017年7月18日 / July 18, 2017; a year or a month alone as such."""
    parts = [int(p) for p in iso.split("-")]
    day = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    fmt = {1: "y", 2: "yMMMM", 3: "long"}[len(parts)]
    if fmt == "long":
        return str(format_date(day, format="long", locale=locale))
    return str(format_skeleton(fmt, day, locale=locale))


def _credits(
    people: tuple[Person, ...], variant: Variant, glossary: Glossary
) -> tuple[Credit, ...]:
    out: list[Credit] = []
    for person in people:
        name = _phrase(person.name, variant, glossary)
        if name is not None:
            out.append(Credit(name, person.role))
    return tuple(out)


def _phrase(value: LocalText, variant: Variant, glossary: Glossary) -> Phrase | None:
    picked = value.pick(variant.title_lang)
    if picked is None:
        return None
    text, lang = picked
    if lang == ANY:
        lang = detect_script(text) if has_han(text) else "en"
    if lang == "en":
        return Phrase(text, "en")
    if variant.script is None:
        # The English book names a body the glossary knows (浙江省侨商会) in
        # English, as the PO files pre-fill a byline; other Chinese stays Chinese.
        term = glossary.lookup(text)
        if term is not None and text in (term.zh, term.zh_hant):
            return Phrase(term.en, "en")
    if variant.script == "zh-Hant" and lang == "zh-Hans":
        text = _converter(variant.traditional_config, glossary).convert(text)
    elif variant.script != "zh-Hant" and lang == "zh-Hant":
        text = _converter("t2s", glossary).convert(text)
    return Phrase(text, variant.zh_tag)


@lru_cache(maxsize=4)
def _converter(config: str, glossary: Glossary) -> Converter:
    return Converter(config, glossary)
