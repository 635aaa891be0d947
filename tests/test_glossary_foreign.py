"""Term files from elsewhere: translators' CSV/TSV lists and CAT-tool TBX."""

from __future__ import annotations

from pathlib import Path

import pytest

from g60pub.errors import GlossaryError
from g60pub.glossary import Glossary
from g60pub.glossary.csvio import make_term

DATA = Path(__file__).parent / "data" / "glossary"


def rows(g: Glossary) -> list[tuple[str, str, str]]:
    return [(t.zh, t.en, t.note) for t in g]


def test_tab_separated_list_with_chinese_headers_comments_and_padding_loads() -> None:
    g = Glossary.load(DATA / "translator_list.tsv", bundled=False)
    assert rows(g) == [
        ("长三角", "Yangtze River Delta", ""),
        ("中小企业", "small and medium-sized enterprises", "a, b"),
        ("高新区", "high-tech zone", ""),
    ]


def test_excel_sep_line_sets_the_delimiter_and_headers_are_case_insensitive() -> None:
    g = Glossary.load(DATA / "excel_sep_semicolon.csv", bundled=False)
    assert rows(g) == [("长三角", "Yangtze River Delta; YRD", "区域")]


def test_utf16_csv_with_bom_and_a_trailing_empty_column_loads() -> None:
    g = Glossary.load(DATA / "utf16_chinese_headers.csv", bundled=False)
    assert rows(g) == [("长三角", "Yangtze River Delta", "区域, 经济")]


def test_gbk_csv_is_refused_with_a_hint_to_save_as_utf8() -> None:
    with pytest.raises(GlossaryError) as err:
        Glossary.load(DATA / "gbk.csv", bundled=False)
    assert (err.value.line, err.value.reason) == (
        2,
        "not UTF-8 (it reads as GBK/GB18030: save the file as UTF-8)",
    )


def test_value_under_an_unnamed_column_is_an_error_on_its_line() -> None:
    with pytest.raises(GlossaryError) as err:
        Glossary.load(DATA / "value_in_unnamed_column.csv", bundled=False)
    assert (err.value.line, err.value.reason) == (3, "a value in a column without a header")


def test_line_numbers_count_comment_and_blank_lines() -> None:
    with pytest.raises(GlossaryError) as err:
        Glossary.load(DATA / "comment_then_bad_row.csv", bundled=False)
    assert (err.value.line, err.value.reason) == (5, "1 fields, the header has 2")


def test_list_without_a_header_row_names_the_expected_columns(tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text("长三角,Yangtze River Delta\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as err:
        Glossary.load(path, bundled=False)
    assert str(err.value) == (
        f"{path}:1: unknown column(s): 长三角, Yangtze River Delta (the header row names"
        " columns from: zh, en, zh_hant, en_alt, en_forbidden, type, note, source)"
    )


def test_duplicate_term_with_different_english_names_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("zh,en\n高新区,high-tech zone\n高新区,hi-tech park\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as err:
        Glossary.load(path, bundled=False)
    assert (err.value.line, err.value.reason) == (3, f"duplicate zh '高新区' (first at {path}:2)")


def test_quoted_english_with_a_comma_and_fullwidth_spaces_around_chinese(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    text = 'zh,en,note\n\u3000中小企业\u3000 ,"SMEs, small firms",n \n'
    path.write_text(text, encoding="utf-8")
    assert rows(Glossary.load(path, bundled=False)) == [("中小企业", "SMEs, small firms", "n")]


def _matching_glossary() -> Glossary:
    return Glossary(
        [
            make_term("G60科创走廊", "G60 Science and Technology Innovation Corridor"),
            make_term("中国(上海)自由贸易试验区", "China (Shanghai) Pilot Free Trade Zone"),
            make_term("上海", "Shanghai", type="place"),
            make_term("长三角", "Yangtze River Delta"),
            make_term("长三角一体化", "Yangtze River Delta integration"),
            make_term("中小企业", "SMEs", en_alt=["small and medium-sized enterprises"]),
            make_term("高新区", "high-tech zone", en_forbidden=["hi-tech park"]),
        ]
    )


def spans(g: Glossary, text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.term.zh) for m in g.find(text)]


def test_fullwidth_digits_in_text_match_a_term_written_with_ascii_digits() -> None:
    assert spans(_matching_glossary(), "建设Ｇ６０科创走廊") == [("Ｇ６０科创走廊", "G60科创走廊")]


def test_term_with_ascii_parentheses_matches_normalised_fullwidth_ones() -> None:
    g = _matching_glossary()
    text = "中国（上海）自由贸易试验区"
    assert spans(g, text) == [(text, "中国(上海)自由贸易试验区")]
    assert g.lookup(text) is g.lookup("中国(上海)自由贸易试验区") is not None


def test_english_with_fullwidth_parentheses_and_letters_matches() -> None:
    text = "China （Shanghai） Pilot Free Trade Zone and Ｓｈａｎｇｈａｉ"
    assert spans(_matching_glossary(), text) == [
        ("China （Shanghai） Pilot Free Trade Zone", "中国(上海)自由贸易试验区"),
        ("Ｓｈａｎｇｈａｉ", "上海"),
    ]


def test_wrong_rendering_of_a_fullwidth_digit_term_is_reported() -> None:
    findings = _matching_glossary().check("Ｇ６０科创走廊", "G60 Sci-Tech Corridor")
    assert [(f.code, f.term.zh) for f in findings] == [("term-missing", "G60科创走廊")]


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("长三角的发展", "the Yangtze River Delta's development"),
        ("长三角的发展", "the Yangtze River Delta’s development"),
        ("长三角一体化", "Yangtze River Delta Integration"),
        ("中小企业", "an SME"),
        ("中小企业", "small- and medium-sized enterprises"),
        ("高新区", "High-Tech Zones"),
    ],
)
def test_accepted_english_variants_report_nothing(zh: str, en: str) -> None:
    assert _matching_glossary().check(zh, en) == []


def test_forbidden_plural_rendering_is_reported_with_the_missing_term() -> None:
    findings = _matching_glossary().check("高新区", "hi-tech parks")
    assert [(f.code, f.message) for f in findings] == [
        ("term-missing", "高新区 is not rendered as “high-tech zone”"),
        (
            "term-forbidden",
            "“hi-tech parks” is a rendering to avoid for 高新区; use “high-tech zone”",
        ),
    ]


def _fields(g: Glossary) -> list[tuple[object, ...]]:
    return [
        (t.zh, t.zh_hant, t.pinned, t.en, t.en_alt, t.en_forbidden, t.type, t.note, t.source)
        for t in g
    ]


_DELTA = ("Yangtze Delta",)
_DEFINITION = "The region around the mouth of the Yangtze"
_SMES = ("small and medium-sized enterprises",)
_CAT_TOOL_TERMS = [
    ("长三角", "長三角", False, "Yangtze River Delta", _DELTA, ("Changjiang Delta",), "term",
     _DEFINITION, "Xinhua"),
    ("长江三角洲", "長江三角洲", False, "Yangtze River Delta", _DELTA, (), "term",
     _DEFINITION, "Xinhua"),
    ("高新区", "高新區", True, "high-tech zone", (), (), "term", "", ""),
    ("中小企业", "中小企業", True, "SMEs", _SMES, (), "term", "", ""),
]  # fmt: skip


@pytest.mark.parametrize("name", ["cat_tool_2008.tbx", "cat_tool_2008_utf16.tbx"])
def test_tbx_2008_from_a_cat_tool_is_read_as_documented(name: str) -> None:
    # Preferred Chinese and English win over document order; the deprecated
    # Chinese term is dropped, the admitted one is a term of its own (the
    # forbidden renderings stay with the first, so a misuse is reported once);
    # a Traditional-only concept gets its Simplified form from OpenCC; a
    # concept with no English (zh + ja) is skipped; an English acronym does
    # not make the Chinese term an abbreviation.
    assert _fields(Glossary.load(DATA / name, bundled=False)) == _CAT_TOOL_TERMS


def _one_concept(lang: str, term: str) -> bytes:
    return (
        '<martif type="TBX"><text><body><termEntry>'
        f'<langSet xml:lang="{lang}"><tig><term>{term}</term></tig></langSet>'
        '<langSet xml:lang="en"><tig><term>high-tech zone</term></tig></langSet>'
        "</termEntry></body></text></martif>"
    ).encode()


@pytest.mark.parametrize(
    ("lang", "term", "read"),
    [
        ("zh-CN", "高新区", [("高新区", "高新區", False)]),
        ("ZH-cn", "高新区", [("高新区", "高新區", False)]),
        ("zh_Hans", "高新区", [("高新区", "高新區", False)]),
        ("zh-CHS", "高新区", [("高新区", "高新區", False)]),
        ("zh-Hans-HK", "高新区", [("高新区", "高新區", False)]),
        ("zh-TW", "高新區", [("高新区", "高新區", True)]),
        ("zh_TW", "高新區", [("高新区", "高新區", True)]),
        ("zh-HK", "高新區", [("高新区", "高新區", True)]),
        ("zh-Hant", "高新區", [("高新区", "高新區", True)]),
        ("zh-CHT", "高新區", [("高新区", "高新區", True)]),
        ("ja", "高新区", []),
    ],
)
def test_tbx_language_tags_as_tools_write_them(
    lang: str, term: str, read: list[tuple[str, str, bool]]
) -> None:
    g = Glossary.from_tbx(_one_concept(lang, term))
    assert [(t.zh, t.zh_hant, t.pinned) for t in g] == read


def test_tbx_v3_from_another_tool_prefers_the_first_accepted_english() -> None:
    g = Glossary.load(DATA / "other_tool_v3.tbx", bundled=False)
    assert _fields(g) == [
        ("高新区", "高新區", True, "high-tech zone", (), ("hi-tech park",), "term", "", "")
    ]


def test_concept_with_only_deprecated_english_is_an_error_on_its_line() -> None:
    with pytest.raises(GlossaryError) as err:
        Glossary.load(DATA / "only_deprecated_english.tbx", bundled=False)
    assert (err.value.line, err.value.reason) == (
        7,
        "no accepted English term (every one is deprecated)",
    )


def test_alternative_rendering_from_a_cat_tool_satisfies_the_check() -> None:
    g = Glossary.load(DATA / "cat_tool_2008.tbx", bundled=False)
    assert g.check("长江三角洲的中小企业", "SMEs in the Yangtze Delta") == []
    assert [(f.code, f.term.zh) for f in g.check("长三角", "the Changjiang Delta")] == [
        ("term-missing", "长三角"),
        ("term-forbidden", "长三角"),
    ]


def test_directory_load_takes_tsv_and_upper_case_suffixes(tmp_path: Path) -> None:
    (tmp_path / "A.CSV").write_text("zh,en\n上海,Shanghai\n", encoding="utf-8")
    (tmp_path / "b.tsv").write_text("zh\ten\n松江\tSongjiang\n", encoding="utf-8")
    (tmp_path / "C.TBX").write_bytes(_one_concept("zh-CN", "高新区"))
    (tmp_path / "readme.txt").write_text("not a glossary", encoding="utf-8")
    # name order is code-point order: A.CSV, C.TBX, b.tsv
    assert [t.zh for t in Glossary.load(tmp_path, bundled=False)] == ["上海", "高新区", "松江"]


def test_type_values_are_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("ZH,EN,Type\n上海,Shanghai,Place\n沪,Shanghai,ABBR\n", encoding="utf-8")
    assert [t.type for t in Glossary.load(path, bundled=False)] == ["place", "abbr"]
