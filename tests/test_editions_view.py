"""Variants, views of hand-built publications, dates and interface catalogs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from g60pub.editions.i18n import language_name, translations
from g60pub.editions.variants import make_variant
from g60pub.editions.view import format_published, make_view, mark_chinese, sort_key
from g60pub.glossary import Glossary
from g60pub.model import Article, Pair, Publication, make_blocks
from g60pub.script import Converter

PACKAGE = Path(__file__).resolve().parents[1] / "g60pub"


def publication(*translations: str | None, fuzzy: int | None = None) -> Publication:
    title = "松江召开科创大会"
    blocks = make_blocks([("paragraph", "第一段。"), ("paragraph", "第二段。")], title=title)
    article = Article(title, blocks, published="2017-07-18")
    pairs = tuple(
        Pair(block, text, fuzzy=(i == fuzzy))
        for i, (block, text) in enumerate(zip(article.all_blocks(), translations, strict=True))
    )
    return Publication("s", article, pairs)


@pytest.mark.parametrize(
    ("config", "tag"),
    [("s2t", "zh-Hant"), ("s2tw", "zh-Hant-TW"), ("s2twp", "zh-Hant-TW"), ("s2hk", "zh-Hant-HK")],
)
def test_traditional_config_sets_the_language_tag(config: str, tag: str) -> None:
    variant = make_variant("zh-Hant+en", config)
    assert variant.languages == (tag, "en")
    assert variant.conversion("zh-Hans") == config


def test_a_traditional_source_keeps_its_characters_in_the_traditional_edition() -> None:
    assert make_variant("zh-Hant", "s2t").conversion("zh-Hant") is None
    assert make_variant("zh-Hant", "s2hk").conversion("zh-Hant") == "t2hk"
    assert make_variant("zh-Hans", "s2t").conversion("zh-Hant") == "t2s"


def test_dates_follow_the_locale() -> None:
    assert format_published("2017-07-18T11:29:57+08:00", "zh_Hans") == "2017年7月18日"
    assert format_published("2017-07-18", "en") == "July 18, 2017"
    assert format_published(None, "en") is None


def test_a_book_past_99_chapters_keeps_its_chapters_in_order() -> None:
    slugs = ["book-100", "book-02", "book-99", "book-10", "book-01"]
    ordered = sorted(slugs, key=lambda slug: sort_key("2019-06-01", slug))
    assert ordered == ["book-01", "book-02", "book-10", "book-99", "book-100"]


def test_bilingual_view_marks_untranslated_and_fuzzy_blocks_missing() -> None:
    pub = publication("Songjiang holds a sci-tech conference", "First.", "Second.", fuzzy=2)
    view = make_view(pub, make_variant("zh-Hant+en"), Glossary([]), Converter("s2t", Glossary([])))
    assert view.title.zh_text == "松江召開科創大會"
    assert view.title.en_text == "Songjiang holds a sci-tech conference"
    assert [b.missing for b in view.blocks] == [False, True]
    assert view.blocks[1].en is None


def test_english_view_shows_chinese_where_untranslated() -> None:
    view = make_view(publication(None, "First.", None), make_variant("en"), Glossary([]), None)
    assert view.title_text == "松江召开科创大会" and view.title_lang == "zh-Hans"
    assert view.blocks[0].en_text == "First." and view.blocks[0].zh is None
    assert view.blocks[1].missing and view.blocks[1].zh_text == "第二段。"
    assert view.missing_count == 2


def _template_messages() -> set[str]:
    found: set[str] = set()
    pattern = re.compile(r"""(?:\b_|label)\(\s*["']([^"']+)["']""")
    for path in [*PACKAGE.glob("editions/templates/*"), *PACKAGE.glob("editions/*.py")]:
        found.update(pattern.findall(path.read_text("utf-8")))
    return found


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant"])
def test_every_interface_string_is_translated_in_the_chinese_catalogs(locale: str) -> None:
    with (PACKAGE / "locale" / locale / "LC_MESSAGES" / "g60pub.po").open("rb") as f:
        catalog = read_po(f)
    messages = _template_messages()
    assert "Not yet translated" in messages and "Glossary" in messages
    missing = [m for m in messages if not (catalog.get(m) and catalog.get(m).string)]
    assert missing == []


def test_regional_locales_fall_back_to_their_script_catalog() -> None:
    assert translations("zh_Hant_TW").gettext("Glossary") == "術語表"
    assert translations("en").gettext("Glossary") == "Glossary"


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hans+en", "zh-Hant", "zh-Hant+en"])
def test_chinese_marked_once_gives_the_view_marked_per_variant(variant: str) -> None:
    glossary = Glossary.load()  # the bundled glossary: 科创 and 松江 are terms
    title = "松江召开科创大会"
    blocks = make_blocks(
        [("paragraph", "松江发展科创产业。"), ("paragraph", "松江。")], title=title
    )
    article = Article(title, blocks, published="2017-07-18")
    texts = ("Songjiang holds a sci-tech conference", None, "Songjiang.")
    pairs = tuple(Pair(b, t) for b, t in zip(article.all_blocks(), texts, strict=True))
    pub = Publication("s", article, pairs)
    v = make_variant(variant, "s2t")
    conversion = v.conversion("zh-Hans")
    converter = Converter(conversion, glossary) if conversion else None
    marked = mark_chinese(pub, glossary, converter)
    view = make_view(pub, v, glossary, converter, marked)
    assert view == make_view(pub, v, glossary, converter)
    assert view.terms and any(s.term for s in view.title.zh or ())
    assert view.terms == marked.terms
    assert [t.zh for t in view.terms] == ["松江", "科创"]


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant"])
def test_chinese_interface_strings_use_full_width_punctuation_and_no_han_latin_space(
    locale: str,
) -> None:
    with (PACKAGE / "locale" / locale / "LC_MESSAGES" / "g60pub.po").open("rb") as f:
        catalog = read_po(f)
    strings = [m.string for m in catalog if m.id and m.string]
    assert len(strings) > 40
    for text in strings:
        bare = re.sub(r"%\(\w+\)s", "X", text)
        assert not re.search(r"[,:;!?()]", bare), text
        assert not re.search(r"[\u4e00-\u9fff] +[\x21-\x7e]|[\x21-\x7e] +[\u4e00-\u9fff]", bare), (
            text
        )


def test_language_names_in_chinese_use_full_width_brackets() -> None:
    assert language_name("zh-Hant-TW", "zh_Hant") == "中文（繁體，台灣）"
    assert language_name("zh-Hans", "zh_Hans") == "中文（简体）"
    assert language_name("zh-Hant", "en") == "Chinese (Traditional)"
