"""QA checks: each code fires on its fault, and a correct translation yields no error."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from g60pub.figures import cn_numeral, en_anchors, zh_anchors
from g60pub.glossary import Glossary
from g60pub.mismatch import number_mismatch
from g60pub.model import Acceptance, Article, BlockKind, Pair, Publication, make_blocks
from g60pub.translations.accept import pair_digest
from g60pub.translations.qa import QAFinding, check_publication, has_errors

GLOSSARY = Path(__file__).parent / "data" / "po" / "glossary.csv"
TITLE = "松江杭州嘉兴签订协议"
CORRECT: list[tuple[str, str]] = [
    (
        "7月12日，在中共中央政治局委员、上海市委书记韩正的见证下，松江、杭州、嘉兴三地在沪签订协议。",
        "On July 12, witnessed by Han Zheng, member of the Political Bureau of the CPC Central "
        "Committee and Secretary of the CPC Shanghai Municipal Committee, Songjiang, Hangzhou and "
        "Jiaxing signed the agreement in Shanghai.",
    ),
    (
        "联合制定实施《中国制造2025——G60科创走廊行动纲要》，构建军民融合服务创新平台。",
        "They will jointly formulate and implement the Made in China 2025 - G60 Science and "
        "Technology Innovation Corridor Action Plan and build a service and innovation platform "
        "for military-civilian integration.",
    ),
    (
        "三地将培育和打造一批智能制造龙头骨干企业，提供一站式服务。",
        "The three places will foster a number of leading enterprises in smart manufacturing "
        "and provide one-stop services.",
    ),
    (
        "2017年全市投资增长12.5%，达到1.5亿元，新增企业二十家。",
        "In 2017, the city's investment grew by 12.5 percent to 150 million yuan, and twenty "
        "new enterprises were added.",
    ),
    (
        "千年大计，北方有雄安新区，东方有G60走廊。",
        "A strategy crucial for the millennium to come: the Xiongan New Area in the north and "
        "the G60 Corridor in the east.",
    ),
]


def publication(pairs: list[tuple[str, str | None]], fuzzy: set[int] | None = None) -> Publication:
    items: list[tuple[BlockKind, str]] = [("paragraph", zh) for zh, _ in pairs]
    article = Article(TITLE, make_blocks(items, title=TITLE))
    fuzzy = fuzzy or set()
    built = [Pair(article.title_block, "Songjiang, Hangzhou and Jiaxing sign agreement")]
    built += [
        Pair(b, en, i in fuzzy)
        for i, (b, (_, en)) in enumerate(zip(article.blocks, pairs, strict=True))
    ]
    return Publication("a", article, tuple(built))


def codes(findings: list[QAFinding]) -> list[str]:
    return [f.code for f in findings]


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load([GLOSSARY], bundled=False)


def test_correct_translation_has_no_findings(glossary: Glossary) -> None:
    findings = check_publication(publication(list(CORRECT)), glossary, file="a.en.po")
    assert findings == []


def test_untranslated_and_fuzzy_are_warnings(glossary: Glossary) -> None:
    pub = publication([(CORRECT[0][0], None), CORRECT[1]], fuzzy={1})
    findings = check_publication(pub, glossary, file="a.en.po")
    assert [(f.code, f.severity) for f in findings] == [
        ("untranslated", "warning"),
        ("fuzzy", "warning"),
    ]
    assert not has_errors(findings)


def test_finding_names_file_and_block(glossary: Glossary) -> None:
    pub = publication([(CORRECT[0][0], None)])
    (finding,) = check_publication(pub, glossary, file="sources/a.en.po")
    assert finding.file == "sources/a.en.po" and finding.block == pub.pairs[1].block.id


def test_wrong_day_is_a_number_mismatch(glossary: Glossary) -> None:
    zh, en = CORRECT[0]
    findings = check_publication(
        publication([(zh, en.replace("July 12", "July 21"))]), glossary, file="f"
    )
    assert codes(findings) == ["number-mismatch", "number-mismatch"]
    assert has_errors(findings)


def test_wrong_percentage_and_scaled_amount_are_mismatches(glossary: Glossary) -> None:
    zh, en = CORRECT[3]
    wrong = en.replace("12.5 percent", "125 percent").replace("150 million", "15 million")
    assert "number-mismatch" in codes(
        check_publication(publication([(zh, wrong)]), glossary, file="f")
    )


def test_dropped_year_is_a_number_mismatch(glossary: Glossary) -> None:
    zh, en = CORRECT[3]
    findings = check_publication(
        publication([(zh, en.replace("In 2017, the", "The"))]), glossary, file="f"
    )
    assert codes(findings) == ["number-mismatch"]


def test_han_left_in_english_is_an_error(glossary: Glossary) -> None:
    zh, en = CORRECT[2]
    findings = check_publication(publication([(zh, en + " 一站式")]), glossary, file="f")
    assert codes(findings) == ["han-in-english"]


def test_missing_and_forbidden_terms_come_from_the_glossary(glossary: Glossary) -> None:
    zh, en = CORRECT[1]
    bad = en.replace("military-civilian integration", "military-civil fusion")
    findings = check_publication(publication([(zh, bad)]), glossary, file="f")
    assert sorted(codes(findings)) == ["term-forbidden", "term-missing"]


def test_far_too_short_translation_is_a_length_warning(glossary: Glossary) -> None:
    pairs = [
        *CORRECT[:4],
        (CORRECT[4][0] + "依托G60科创走廊，三地将深化全方位、紧密型的科创合作。", "Yes."),
    ]
    findings = check_publication(publication(pairs), glossary, file="f")
    assert ("length-ratio", "warning") in [(f.code, f.severity) for f in findings]


def test_words_run_together_at_a_stop_are_a_spacing_warning(glossary: Glossary) -> None:
    # As the 2017 Report on the Work of the Government's English reads in
    # the bilingual text it was copied from.
    zh = (
        "过去一年，我国发展面临国内外诸多矛盾叠加、风险隐患交汇的严峻挑战。"
        "在党中央坚强领导下，全国各族人民迎难而上。"
    )
    en = (
        "In the past year, China's development has faced grave challenges both at home and "
        "abroad.However, under the strong leadership of the Central Committee,the Chinese "
        "people have risen to the challenge. The U.S. and e.g. 1,000 yuan are fine."
    )
    findings = check_publication(publication([(zh, en)]), glossary, file="f")
    spacing = [f for f in findings if f.code == "spacing"]
    assert [(f.severity, f.message) for f in spacing] == [
        ("warning", "no space after punctuation: “abroad.However”, “Committee,the”")
    ]


def test_chinese_numerals_convert() -> None:
    assert [
        cn_numeral(t) for t in ("二十三", "一百零五", "三万五千", "二〇一七", "两千", "十三五")
    ] == [
        23,
        105,
        35000,
        2017,
        2000,
        None,
    ]


def test_numerals_inside_words_are_not_required() -> None:
    zh = zh_anchors("三地将发挥各自优势，培育一批企业，实现万众创新，千年大计。")
    assert not zh.hard
    assert number_mismatch(zh, en_anchors("The three cities will foster enterprises.")) == ([], [])


def test_dates_match_across_languages() -> None:
    zh = zh_anchors("2017年7月12日，协议签订。")
    assert number_mismatch(zh, en_anchors("The agreement was signed on July 12, 2017.")) == ([], [])
    assert number_mismatch(zh, en_anchors("The agreement was signed on June 12, 2017.")) == (
        ["7"],
        [],
    )


def test_wan_and_yi_scale_figures() -> None:
    zh = zh_anchors("投资3万元和1.5亿元，占百分之二十。")
    en = en_anchors("An investment of 30,000 yuan and 150 million yuan, 20 percent of the total.")
    assert number_mismatch(zh, en) == ([], [])


def test_year_of_a_full_date_may_be_left_out() -> None:
    zh = zh_anchors("2017年7月18日，三地签订协议。")
    assert number_mismatch(zh, en_anchors("On July 18, the three cities signed it.")) == ([], [])
    assert number_mismatch(zh, en_anchors("On July 18, 2016, they signed it.")) == ([], ["2016"])


def test_english_may_name_the_year_the_chinese_calls_this_year() -> None:
    zh = zh_anchors("今年以来，全市投资增长12%。")
    assert number_mismatch(
        zh, en_anchors("Since the start of 2019, investment grew 12 percent.")
    ) == ([], [])


def test_scale_word_alone_matches_a_chinese_amount() -> None:
    zh = zh_anchors("吸引了一百多家企业。")
    assert number_mismatch(zh, en_anchors("It attracted over a hundred companies.")) == ([], [])


def test_traditional_chinese_figures_are_read() -> None:
    zh = zh_anchors("投資1.5億元，兩萬人參加。")
    en = en_anchors("An investment of 150 million yuan; 20,000 people took part.")
    assert number_mismatch(zh, en) == ([], [])


# --- a term named in the block before, accepted findings, byline fields ------------


@pytest.fixture(scope="module")
def curated() -> Glossary:
    return Glossary.load()


BACK_REFERENCE = [
    (
        "松江区是G60科创走廊的策源地。",
        "Songjiang District is where the G60 Science and Technology Innovation Corridor began.",
    ),
    ("松江区建成了一批企业。", "The district has built a number of enterprises."),
]


def _glossary_codes(findings: list[QAFinding]) -> list[str]:
    return [f.code for f in findings if f.code.startswith("term-")]


def test_a_term_the_block_before_named_is_not_missing_when_referred_back_to(
    curated: Glossary,
) -> None:
    findings = check_publication(publication(BACK_REFERENCE), curated, file="f")
    assert _glossary_codes(findings) == []


def test_a_term_the_block_before_did_not_name_is_still_missing(curated: Glossary) -> None:
    # The title names Songjiang, but the block just before does not.
    pairs = [CORRECT[2], BACK_REFERENCE[1]]
    findings = check_publication(publication(pairs), curated, file="f")
    assert _glossary_codes(findings) == ["term-missing"]
    assert "松江区" in next(f.message for f in findings if f.code == "term-missing")


def _accepting(pub: Publication, block: int, *accepted: Acceptance) -> Publication:
    pairs = list(pub.pairs)
    pairs[block] = replace(pairs[block], accepted=accepted)
    return replace(pub, pairs=tuple(pairs))


def _missing_term(glossary: Glossary) -> Publication:
    zh, en = CORRECT[1]
    return publication([(zh, en.replace("military-civilian integration", "the armed forces"))])


def test_an_accepted_finding_is_reported_as_accepted_and_is_no_error(glossary: Glossary) -> None:
    pub = _accepting(_missing_term(glossary), 1, Acceptance("term-missing"))
    (finding,) = check_publication(pub, glossary, file="f")
    assert finding.code == "term-missing" and finding.accepted
    assert not has_errors([finding])


def test_an_acceptance_given_for_this_text_holds(glossary: Glossary) -> None:
    pub = _missing_term(glossary)
    pair = pub.pairs[1]
    digest = pair_digest(pair.block.text, pair.translation or "")
    (finding,) = check_publication(
        _accepting(pub, 1, Acceptance("term-missing", digest)), glossary, file="f"
    )
    assert finding.accepted


def test_an_acceptance_given_for_an_earlier_text_is_reopened(glossary: Glossary) -> None:
    pub = _missing_term(glossary)
    earlier = pair_digest(pub.pairs[1].block.text, "an earlier translation")
    findings = check_publication(
        _accepting(pub, 1, Acceptance("term-missing", earlier)), glossary, file="f"
    )
    (finding,) = findings
    assert not finding.accepted and "accepted for an earlier text" in finding.message
    assert has_errors(findings)


def test_an_acceptance_covers_only_its_code(glossary: Glossary) -> None:
    zh, en = CORRECT[0]
    pub = _accepting(
        publication([(zh, en.replace("July 12", "July 21"))]), 1, Acceptance("term-missing")
    )
    findings = check_publication(pub, glossary, file="f")
    assert codes(findings) == ["number-mismatch", "number-mismatch"]
    assert has_errors(findings)


def _with_source(translation: str | None) -> Publication:
    pub = publication([CORRECT[2]])
    article = replace(pub.article, source="浙江省侨商会")
    (block,) = article.meta_blocks()
    return replace(pub, article=article, meta=(Pair(block, translation),))


def test_an_untranslated_byline_field_is_a_warning_naming_it(glossary: Glossary) -> None:
    findings = check_publication(_with_source(None), glossary, file="f")
    assert [(f.block, f.code, f.severity) for f in findings] == [
        ("meta:source", "untranslated-metadata", "warning")
    ]
    assert "浙江省侨商会" in findings[0].message


def test_chinese_left_in_a_byline_translation_is_an_error(glossary: Glossary) -> None:
    findings = check_publication(_with_source("Zhejiang 侨商会"), glossary, file="f")
    assert [(f.block, f.code) for f in findings] == [("meta:source", "han-in-english")]


def test_a_translated_byline_field_has_no_finding(glossary: Glossary) -> None:
    translated = _with_source("Zhejiang Overseas Chinese Chamber of Commerce")
    assert check_publication(translated, glossary, file="f") == []
