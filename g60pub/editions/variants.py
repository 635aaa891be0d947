"""Edition variants: which script, which languages, which language tags.

A variant id is ``zh-Hans``, ``zh-Hant``, ``en``, ``zh-Hans+en``,
``zh-Hant+en`` or ``zh-Hant-vertical`` (Traditional set in vertical columns
read right to left, an EPUB only). Regional Traditional conversions carry regional tags
(``s2tw``/``s2twp`` -> ``zh-Hant-TW``, ``s2hk`` -> ``zh-Hant-HK``) as
BCP 47 (RFC 5646) asks: a script subtag, then the region.
"""

from __future__ import annotations

from dataclasses import dataclass

from g60pub.model import Script

REGION_TAGS = {"s2t": "zh-Hant", "s2tw": "zh-Hant-TW", "s2twp": "zh-Hant-TW", "s2hk": "zh-Hant-HK"}
# A source already in Traditional script keeps its characters; only the
# regional variant forms are applied (OpenCC's t2tw / t2hk).
FROM_TRADITIONAL = {"s2t": None, "s2tw": "t2tw", "s2twp": "t2tw", "s2hk": "t2hk"}
# Babel locale of each script, for dates and UI strings.
LOCALES = {"zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant", "en": "en"}


@dataclass(frozen=True, slots=True)
class Variant:
    """One edition variant, resolved against the project's Traditional config."""

    id: str
    script: Script | None  # the Chinese script shown, None for the English edition
    english: bool  # English text is shown (alone or after each Chinese paragraph)
    zh_tag: str  # BCP 47 tag of Chinese text in this variant
    traditional_config: str = "s2tw"
    vertical: bool = False  # set in vertical columns, right to left

    @property
    def formats(self) -> tuple[str, ...]:
        """The formats this variant is made in: a vertical edition is a book only
        (a web page or a text file has no page to set in columns)."""
        return ("epub",) if self.vertical else ("epub", "html", "txt")

    @property
    def bilingual(self) -> bool:
        return self.script is not None and self.english

    @property
    def lang(self) -> str:
        """The primary language tag of the edition."""
        return self.zh_tag if self.script is not None else "en"

    @property
    def languages(self) -> tuple[str, ...]:
        """Every language of the edition, primary first (for ``dc:language``)."""
        if self.script is None:
            return ("en",)
        return (self.zh_tag, "en") if self.english else (self.zh_tag,)

    @property
    def ui_locale(self) -> str:
        """Babel locale for dates and interface strings."""
        return LOCALES[self.script or "en"]

    @property
    def title_lang(self) -> str:
        """The key of the configured title to use (``zh-Hans``, ``zh-Hant`` or ``en``)."""
        return self.script or "en"

    def conversion(self, source_script: Script) -> str | None:
        """The OpenCC config turning a source in ``source_script`` into this variant's script.

        ``None`` means the text is shown as it is.
        """
        target: Script = self.script or "zh-Hans"
        if target == "zh-Hans":
            return None if source_script == "zh-Hans" else "t2s"
        if source_script == "zh-Hant":
            return FROM_TRADITIONAL[self.traditional_config]
        return self.traditional_config


def make_variant(variant_id: str, traditional_config: str = "s2tw") -> Variant:
    """Resolve a variant id (already validated by the config) into a ``Variant``."""
    chinese, _, english = variant_id.partition("+")
    if chinese == "en":
        return Variant("en", None, True, "zh-Hans", traditional_config)
    vertical = chinese.endswith("-vertical")
    script: Script = "zh-Hant" if chinese.startswith("zh-Hant") else "zh-Hans"
    tag = REGION_TAGS[traditional_config] if script == "zh-Hant" else "zh-Hans"
    return Variant(variant_id, script, english == "en", tag, traditional_config, vertical)


def make_variants(ids: tuple[str, ...], traditional_config: str = "s2tw") -> tuple[Variant, ...]:
    return tuple(make_variant(v, traditional_config) for v in ids)
