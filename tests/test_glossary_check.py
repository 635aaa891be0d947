"""Glossary.check on a paragraph pair: precise, so faithful translations pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from g60pub.glossary import Glossary
from g60pub.glossary.check import lint_terms
from g60pub.glossary.csvio import make_term

PAIRS = Path(__file__).parent / "data" / "glossary" / "pairs" / "seed_official_style.json"


@pytest.fixture(scope="module")
def g() -> Glossary:
    return Glossary.load()


def codes(g: Glossary, zh: str, en: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.severity, f.term.zh) for f in g.check(zh, en)]


SEED_PAIRS = json.loads(PAIRS.read_text(encoding="utf-8"))


@pytest.mark.parametrize("pair", SEED_PAIRS, ids=[f"paragraph{i}" for i in range(len(SEED_PAIRS))])
def test_official_style_translation_of_the_seed_reports_nothing(
    g: Glossary, pair: dict[str, str]
) -> None:
    assert g.check(pair["zh"], pair["en"]) == []


def test_missing_term_is_an_error(g: Glossary) -> None:
    assert codes(g, "推广智能制造生产模式", "promote new production models") == [
        ("term-missing", "error", "智能制造")
    ]


def test_accepted_alternative_rendering_satisfies_the_term(g: Glossary) -> None:
    assert codes(g, "推广智能制造生产模式", "promote Intelligent-Manufacturing models") == []


def test_forbidden_rendering_is_an_error_even_beside_the_approved_one(g: Glossary) -> None:
    en = "military-civilian integration, also called military-civil fusion"
    assert codes(g, "构建军民融合服务创新平台", en) == [("term-forbidden", "error", "军民融合")]


def test_forbidden_rendering_is_flagged_when_the_source_term_is_absent(g: Glossary) -> None:
    assert codes(g, "推动发展", "advance Military Civil Fusion") == [
        ("term-forbidden", "error", "军民融合")
    ]


def test_forbidden_finding_quotes_the_text_as_written(g: Glossary) -> None:
    [finding] = g.check("推动发展", "advance Military-Civil Fusion")
    assert "“Military-Civil Fusion”" in finding.message


def test_slogan_rendered_differently_is_only_a_warning(g: Glossary) -> None:
    zh = "共同推进简政放权、放管结合、优化服务改革"
    en = "jointly push forward reforms that cut red tape and make services better"
    assert codes(g, zh, en) == [("term-missing", "warning", "简政放权、放管结合、优化服务")]


def test_slogan_with_british_spelling_and_plural_powers_is_accepted(g: Glossary) -> None:
    zh = "共同推进简政放权、放管结合、优化服务改革"
    en = (
        "advance the reform to streamline administration, delegate powers,"
        " improve regulation and optimise services"
    )
    assert codes(g, zh, en) == []


def test_missing_abbreviation_is_only_a_warning(g: Glossary) -> None:
    assert codes(g, "三地在沪签订协议", "the three signed the agreement there") == [
        ("term-missing", "warning", "沪")
    ]


def test_nested_sub_term_is_not_separately_required(g: Glossary) -> None:
    zh = "建设沪嘉杭G60科创走廊"
    en = "build the Shanghai-Jiaxing-Hangzhou G60 Sci-Tech Innovation Corridor"
    assert codes(g, zh, en) == []


def test_term_repeated_in_chinese_is_required_once(g: Glossary) -> None:
    zh = "完善知识产权价值评估机制,探索知识产权运营"
    assert codes(g, zh, "improve IP valuation and explore its operation") == []


def test_person_name_matches_pinyin_with_tone_marks_and_any_case(g: Glossary) -> None:
    assert codes(g, "诸葛宇杰见证签约", "ZHUGE Yújié witnessed the signing ceremony") == []


def test_person_name_in_western_order_is_reported(g: Glossary) -> None:
    assert codes(g, "袁家军", "Jiajun Yuan") == [("term-missing", "error", "袁家军")]


def test_traditional_source_text_is_checked_too(g: Glossary) -> None:
    assert codes(g, "完善知識產權機制", "improve mechanisms") == [
        ("term-missing", "error", "知识产权")
    ]


def test_rendering_shared_by_two_terms_satisfies_both(g: Glossary) -> None:
    assert codes(g, "上海市领导在沪见证", "Shanghai leaders witnessed it in Shanghai") == []


def test_mayor_is_not_required_where_chengshi_meets_changqi(g: Glossary) -> None:
    assert codes(g, "推动城市长期发展", "promote the long-term development of cities") == []


def lint(**row: str) -> list[str]:
    cells = {"zh": "松江", "en": "Songjiang", "type": "place", "source": "GB/T 16159-2012"} | row
    return lint_terms(
        [
            make_term(
                cells.pop("zh"), cells.pop("en"), en_alt=cells.pop("en_alt", "").split("|"), **cells
            )
        ]
    )


@pytest.mark.parametrize(
    "source",
    [
        "/home/me/reference/terms.md",
        "seed article 000_0ad6bb7bc15059e9.txt",
        "notes/places.csv",
        r"C:\Users\me\terms.xlsx",
    ],
)
def test_lint_rejects_a_source_that_names_a_local_file(source: str) -> None:
    assert lint(source=source) == [
        f"松江: source names a local file ({source.split()[-1]}), not a document"
    ]


@pytest.mark.parametrize(
    "source",
    [
        "Shanghai Daily, 2023-07-11: https://www.shine.cn/feature/district/2307119874/",
        "State Council, Made in China 2025 (国发〔2015〕28号)",
        "GB/T 16159-2012 Basic rules of the Chinese phonetic alphabet orthography",
        "ISO/ASTM 52900:2021 Additive manufacturing",
    ],
)
def test_lint_accepts_a_public_document_by_url_number_or_standard(source: str) -> None:
    assert lint(source=source) == []


def test_lint_rejects_a_generic_word_as_a_rendering() -> None:
    assert lint(zh="科创", en="sci-tech innovation", en_alt="innovation", type="abbr") == [
        "科创: “innovation” is a generic word, not a rendering of the term"
    ]


def test_lint_rejects_an_acronym_that_is_an_english_word() -> None:
    assert lint(zh="信息技术", en="information technology", en_alt="IT", type="term") == [
        "信息技术: “IT” is a generic word, not a rendering of the term"
    ]
