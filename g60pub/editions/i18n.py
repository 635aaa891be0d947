"""Interface strings of the editions, from the gettext catalogs in ``g60pub/locale/``.

The ``.po`` files are the only place UI wording lives; they are compiled in
memory with babel when first needed, so no binary ``.mo`` is committed.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

import jinja2
from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from g60pub.editions.markup import block_markup, blocks_markup, chinese_tagged, upright_text
from g60pub.editions.variants import Variant
from g60pub.errors import ConfigError

DOMAIN = "g60pub"
CATALOG_LOCALES = ("zh_Hans", "zh_Hant", "en")


@cache
def translations(locale: str) -> gettext.NullTranslations:
    """The compiled catalog for a babel locale (``zh_Hant_TW`` falls back to ``zh_Hant``)."""
    name = _catalog_name(locale)
    po = resources.files("g60pub").joinpath("locale", name, "LC_MESSAGES", f"{DOMAIN}.po")
    try:
        with po.open("rb") as f:
            catalog = read_po(f, locale=name, domain=DOMAIN)
    except FileNotFoundError:
        return gettext.NullTranslations()
    except Exception as err:  # babel raises plain errors on malformed catalogs
        raise ConfigError(f"cannot read the interface catalog: {err}", str(po)) from err
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _catalog_name(locale: str) -> str:
    parsed = Locale.parse(locale)
    if parsed.language == "zh":
        return "zh_Hant" if parsed.script == "Hant" else "zh_Hans"
    return "en"


def language_name(tag: str, locale: str) -> str:
    """The name of a BCP 47 language tag (``zh-Hant-TW``) in ``locale``, with
    full-width punctuation in Chinese: 中文（繁體，台灣）."""
    name: str = Locale.parse(tag, sep="-").get_display_name(locale) or tag
    return full_width(name) if locale.startswith("zh") else name


def full_width(text: str) -> str:
    """ASCII brackets, commas and colons of an interface string as a Chinese
    text writes them (GB/T 15834): （，：）."""
    return (
        text.replace(" (", "（")
        .replace("(", "（")
        .replace(")", "）")
        .replace(", ", "，")
        .replace(": ", "：")
    )


def native_name(tag: str) -> str:
    """A language's name in that language: ``中文（繁體）``, ``English``."""
    return language_name(tag, tag.replace("-", "_"))


def variant_label(variant: Variant, locale: str) -> str:
    """``Chinese (Traditional) + English`` in ``locale``'s words; the vertical
    edition says so (``中文（繁體，台灣），直排``)."""
    return languages_label(variant.languages, locale, variant.vertical)


def languages_label(tags: Sequence[str], locale: str, vertical: bool = False) -> str:
    """The languages ``tags`` in ``locale``'s words, joined with `` + ``; a
    vertical book says so."""
    label = " + ".join(language_name(tag, locale) for tag in tags)
    if vertical:
        label = translations(locale).gettext("%(edition)s, vertical") % {"edition": label}
    return label


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("g60pub.editions", "templates"),
        autoescape=True,  # every template, .xhtml and .opf included
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["block_markup"] = block_markup
    env.globals["blocks_markup"] = blocks_markup
    env.globals["upright"] = upright_text
    env.globals["chinese_tagged"] = chinese_tagged
    return env


def render_template(name: str, locale: str, **context: Any) -> str:
    """Render a template with the interface strings of ``locale`` bound to ``_``."""
    catalog = translations(locale)

    def _(message: str, **values: Any) -> str:
        text = catalog.gettext(message)
        return text % values if values else text

    def label(message: str) -> str:
        return with_space(_(message))

    ui_lang = _catalog_name(locale).replace("_", "-")
    return _environment().get_template(name).render(_=_, label=label, ui_lang=ui_lang, **context)


def with_space(label: str) -> str:
    """A label followed by its value: ``Author: X`` but ``作者：X`` (the full-width
    colon carries its own space)."""
    return label if label.endswith(("：", " ")) else label + " "
