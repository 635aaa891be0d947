"""The book metadata of a project's configuration: who made the books, who
translated them, their rights, description, subjects and publication date.

Texts a reader sees may be given once (a string, every edition, in whatever
language it is written) or per language as a table
(``{ zh-Hans = "…", en = "…" }``), like ``title``. A Traditional edition
reads the ``zh-Hant`` text, else the ``zh-Hans`` one converted; see
:meth:`LocalText.pick`.

People carry MARC relator codes (``aut`` author, ``trl`` translator,
``edt`` editor, …; https://id.loc.gov/vocabulary/relators), as EPUB's
``role`` property asks.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from g60pub.errors import ConfigError

LANGS: tuple[str, ...] = ("zh-Hans", "zh-Hant", "en")
ANY = "*"  # the key of a text given once, for every edition
METADATA_KEYS = frozenset(
    {"creators", "translators", "contributors", "rights", "description", "subjects", "date"}
)
_RELATOR = re.compile(r"^[a-z]{3}$")
# Where a text is missing in a language, the one read instead (Traditional
# from Simplified converted, and the other way round, before English).
_FALLBACK = {
    "zh-Hans": ("zh-Hans", "zh-Hant", "en"),
    "zh-Hant": ("zh-Hant", "zh-Hans", "en"),
    "en": ("en", "zh-Hans", "zh-Hant"),
}


@dataclass(frozen=True, slots=True)
class LocalText:
    """A text by language (``zh-Hans``, ``zh-Hant``, ``en``)."""

    values: tuple[tuple[str, str], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.values)

    def pick(self, lang: str) -> tuple[str, str] | None:
        """The text for an edition in ``lang`` and the language it is in
        (:data:`ANY` when it was given once, in a language not said)."""
        given = dict(self.values)
        for key in (lang, ANY, *_FALLBACK.get(lang, LANGS)):
            if key in given:
                return given[key], key
        return None


@dataclass(frozen=True, slots=True)
class Person:
    """A creator or contributor: a name (by language) and a MARC relator code."""

    name: LocalText
    role: str = "aut"


@dataclass(frozen=True, slots=True)
class BookMetadata:
    creators: tuple[Person, ...] = ()
    contributors: tuple[Person, ...] = ()  # translators among them, role ``trl``
    rights: LocalText = LocalText()
    description: LocalText = LocalText()
    subjects: tuple[LocalText, ...] = ()
    date: str | None = None  # the publication date, YYYY, YYYY-MM or YYYY-MM-DD

    @property
    def translators(self) -> tuple[Person, ...]:
        return tuple(p for p in self.contributors if p.role == "trl")


def validate_metadata(raw: dict[str, Any], file: Path | None) -> BookMetadata:
    """The metadata keys of a configuration table, checked."""
    creators = tuple(_person(v, "aut", "creators", file) for v in _list(raw, "creators", file))
    contributors = [_person(v, "trl", "translators", file) for v in _list(raw, "translators", file)]
    contributors += [
        _person(v, None, "contributors", file) for v in _list(raw, "contributors", file)
    ]
    subjects = tuple(_text(v, "subjects", file) for v in _list(raw, "subjects", file))
    return BookMetadata(
        creators=creators,
        contributors=tuple(contributors),
        rights=_text(raw["rights"], "rights", file) if "rights" in raw else LocalText(),
        description=(
            _text(raw["description"], "description", file) if "description" in raw else LocalText()
        ),
        subjects=subjects,
        date=_date(raw["date"], file) if "date" in raw else None,
    )


def local_text(value: Any, key: str, file: Path | None) -> LocalText:
    """A string, or a table of language = text, as ``key`` of the configuration."""
    return _text(value, key, file)


def _list(raw: dict[str, Any], key: str, file: Path | None) -> list[Any]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        value = [value]
    if not value and key in raw:
        raise ConfigError(f"{key} must not be empty", file)
    return value


def _text(value: Any, key: str, file: Path | None) -> LocalText:
    if isinstance(value, str) and value.strip():
        return LocalText(((ANY, value.strip()),))
    if isinstance(value, dict) and value:
        bad = sorted(set(value) - set(LANGS))
        if bad:
            raise ConfigError(f"{key}: unknown language(s) {', '.join(bad)}", file)
        if all(isinstance(v, str) and v.strip() for v in value.values()):
            return LocalText(tuple((lang, value[lang].strip()) for lang in LANGS if lang in value))
    raise ConfigError(f"{key} must be a string or a table of language = text", file)


def _person(value: Any, role: str | None, key: str, file: Path | None) -> Person:
    """``"Name"``, ``{ zh-Hans = "…", en = "…" }`` or ``{ name = …, role = "edt" }``."""
    if isinstance(value, dict) and "name" in value:
        unknown = sorted(set(value) - {"name", "role"})
        if unknown:
            raise ConfigError(f"{key}: unknown field(s) {', '.join(unknown)}", file)
        given = value.get("role", role)
        if not isinstance(given, str) or not _RELATOR.match(given):
            raise ConfigError(
                f"{key}: role must be a MARC relator code such as aut, trl or edt, not {given!r}",
                file,
            )
        return Person(_text(value["name"], key, file), given)
    if role is None:
        raise ConfigError(f"{key}: each entry needs a name and a role", file)
    return Person(_text(value, key, file), role)


def _date(value: Any, file: Path | None) -> str:
    text = value.isoformat() if isinstance(value, dt.date) else value
    if isinstance(text, str) and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        try:
            dt.date.fromisoformat(text if len(text) == 10 else (text + "-01-01")[:10])
        except ValueError:
            pass
        else:
            return text
    raise ConfigError(f"date must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}", file)
