"""Glossary-aware Simplified <-> Traditional conversion."""

from __future__ import annotations

import opencc
import pytest

from g60pub.errors import ConfigError
from g60pub.glossary import Glossary
from g60pub.glossary.csvio import make_term
from g60pub.script import Converter, convert, convert_all, detect_script

PINNED = Glossary(
    [
        make_term("知识产权", "intellectual property", "知識產權"),
        make_term("信息经济", "information economy", "信息經濟"),
        make_term(
            "沪嘉杭G60科创走廊", "Shanghai-Jiaxing-Hangzhou G60 Sci-Tech Innovation Corridor"
        ),
    ]
)
EMPTY = Glossary([])


@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2twp", "s2hk"])
def test_pinned_term_wins_in_every_traditional_config(config: str) -> None:
    assert convert("完善知识产权信用担保机制", config, PINNED).startswith("完善知識產權")


def test_s2twp_without_a_pin_gives_the_taiwan_term() -> None:
    assert convert("知识产权", "s2twp", EMPTY) == "智慧財產權"


def test_rest_of_the_text_follows_the_config() -> None:
    out = convert("信息经济与软件的知识产权", "s2twp", PINNED)
    assert out == "信息經濟與軟體的知識產權"


@pytest.mark.parametrize("config", ["t2s", "tw2s", "hk2s"])
def test_converting_to_simplified_restores_each_terms_zh(config: str) -> None:
    assert convert("完善知識產權,建設滬嘉杭G60科創走廊", config, PINNED) == (
        "完善知识产权,建设沪嘉杭G60科创走廊"
    )


def test_pinned_traditional_form_stays_under_traditional_to_taiwan_conversion() -> None:
    assert convert("信息經濟", "t2tw", PINNED) == "信息經濟"


def test_bundled_glossary_is_used_when_none_is_given() -> None:
    assert convert("知识产权与智能制造", "s2twp") == "知識產權與智能製造"


def test_text_without_protected_phrases_equals_plain_opencc() -> None:
    text = "三地将面向国际国内聚合创新资源,健全机制。"
    assert convert(text, "s2tw", PINNED) == opencc.OpenCC("s2tw").convert(text)


def test_text_containing_the_placeholder_character_converts_correctly() -> None:
    assert convert("\ue000知识产权\ue000软件", "s2twp", PINNED) == "\ue000知識產權\ue000軟體"


def test_converter_converts_many_texts_like_convert() -> None:
    texts = ["知识产权", "被发明", "普通的文字", ""]
    converter = Converter("s2t", PINNED)
    assert [converter.convert(t) for t in texts] == [convert(t, "s2t", PINNED) for t in texts]
    assert convert_all(texts, "s2t", PINNED) == [converter.convert(t) for t in texts]


def test_cache_key_changes_with_the_glossary_and_the_config() -> None:
    keys = {
        Converter("s2t", PINNED).cache_key,
        Converter("s2t", EMPTY).cache_key,
        Converter("s2tw", PINNED).cache_key,
    }
    assert len(keys) == 3
    assert Converter("s2t", PINNED).cache_key == Converter("s2t", PINNED).cache_key


def test_unknown_config_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown OpenCC config"):
        Converter("s2klingon", EMPTY)


@pytest.mark.parametrize(
    ("text", "script"),
    [("知识产权", "zh-Hans"), ("知識產權", "zh-Hant"), ("G60", "zh-Hans")],
)
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text) == script


# Cases OpenCC already gets right (where a character-by-character converter
# fails): the correction table and the pins must not disturb them.
@pytest.mark.parametrize(
    ("text", "config", "expected"),
    [
        ("太后的头发很干燥", "s2t", "太后的頭髮很乾燥"),
        ("我干什么不干你事", "s2t", "我幹什麼不干你事"),
        ("几周之后 茶几周围", "s2tw", "幾週之後 茶几周圍"),
        ("鼠标里面的硅二极管坏了", "s2twp", "滑鼠裡面的矽二極體壞了"),
        ("郭台铭 龙应台", "s2t", "郭台銘 龍應台"),
        ("说明了如何", "s2t", "說明了如何"),
        ("被发现", "s2t", "被發現"),
    ],
)
def test_what_opencc_gets_right_stays_right(text: str, config: str, expected: str) -> None:
    assert convert(text, config) == expected
