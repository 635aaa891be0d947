"""Loading the termbase: the bundled glossary and the validation of bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from g60pub.errors import GlossaryError
from g60pub.glossary import Glossary, Term
from g60pub.glossary.check import is_generic, lint_terms, local_reference

DATA = Path(__file__).parent / "data" / "glossary"
SEED = DATA / "seed_article.txt"


@pytest.fixture(scope="module")
def bundled() -> Glossary:
    return Glossary.load()


def test_bundled_glossary_has_at_least_500_terms(bundled: Glossary) -> None:
    assert len(bundled) >= 500


def test_every_bundled_term_cites_a_source(bundled: Glossary) -> None:
    assert [t.zh for t in bundled if not t.source] == []


def test_no_bundled_source_names_a_local_path_or_file(bundled: Glossary) -> None:
    assert [(t.zh, t.source) for t in bundled if local_reference(t.source)] == []


def test_no_bundled_row_cites_the_sample_article_or_an_internal_note(bundled: Glossary) -> None:
    words = ("seed", "sample", "reference/", "terms.md")
    cited = [t.zh for t in bundled if any(w in f"{t.source} {t.note}".lower() for w in words)]
    assert cited == []


def test_no_bundled_rendering_is_a_generic_word_on_its_own(bundled: Glossary) -> None:
    assert [(t.zh, e) for t in bundled for e in t.english if is_generic(e)] == []


@pytest.mark.parametrize(
    ("zh", "generic"),
    [("科创", "innovation"), ("科技部", "MOST"), ("信息技术", "IT"), ("行动纲要", "action plan")],
)
def test_renderings_that_mean_other_things_are_gone(
    bundled: Glossary, zh: str, generic: str
) -> None:
    term = bundled.lookup(zh)
    assert term is not None and generic.lower() not in [e.lower() for e in term.english]


def test_bundled_glossary_passes_the_termbase_lint(bundled: Glossary) -> None:
    assert lint_terms(bundled) == []


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("韩正", "Han Zheng"),
        ("应勇", "Ying Yong"),
        ("车俊", "Che Jun"),
        ("袁家军", "Yuan Jiajun"),
        ("殷一璀", "Yin Yicui"),
        ("诸葛宇杰", "Zhuge Yujie"),
        ("高兴夫", "Gao Xingfu"),
    ],
)
def test_people_are_named_in_pinyin_surname_first(bundled: Glossary, zh: str, en: str) -> None:
    term = bundled.lookup(zh)
    assert term is not None and term.en == en and term.type == "name"


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("上海市委书记", "Secretary of the CPC Shanghai Municipal Committee"),
        ("清华大学长三角研究院", "Yangtze Delta Region Institute of Tsinghua University"),
        ("浙江省侨商会", "Zhejiang Overseas Chinese Chamber of Commerce"),
        ("中共中央政治局", "Political Bureau of the CPC Central Committee"),
        ("松江", "Songjiang"),
        ("沪", "Shanghai"),
        ("G60科创走廊", "G60 Science and Technology Innovation Corridor"),
        ("中国制造2025", "Made in China 2025"),
    ],
)
def test_seed_vocabulary_is_curated(bundled: Glossary, zh: str, en: str) -> None:
    term = bundled.lookup(zh)
    assert term is not None and term.en == en


def test_military_civil_fusion_is_forbidden_for_junmin_ronghe(bundled: Glossary) -> None:
    term = bundled.lookup("军民融合")
    assert term is not None and "military-civil fusion" in term.en_forbidden


def test_intellectual_property_is_pinned_to_mainland_traditional(bundled: Glossary) -> None:
    term = bundled.lookup("知识产权")
    assert term is not None and term.pinned and term.zh_hant == "知識產權"


def test_unpinned_traditional_form_is_derived_with_opencc(bundled: Glossary) -> None:
    term = bundled.lookup("沪嘉杭G60科创走廊")
    assert term is not None and not term.pinned and term.zh_hant == "滬嘉杭G60科創走廊"


def test_every_seed_person_is_in_the_glossary(bundled: Glossary) -> None:
    text = SEED.read_text(encoding="utf-8")
    names = [m.term.zh for m in bundled.find(text) if m.term.type == "name"]
    assert len(names) == 19


def test_term_is_a_frozen_dataclass_with_list_columns_as_tuples(bundled: Glossary) -> None:
    term = next(iter(bundled))
    assert isinstance(term, Term)
    assert isinstance(term.en_alt, tuple) and isinstance(term.en_forbidden, tuple)
    with pytest.raises(AttributeError):
        term.en = "x"  # type: ignore[misc]


def test_loading_a_directory_reads_its_csv_files(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_bytes((DATA / "small.csv").read_bytes())
    assert len(Glossary.load([tmp_path], bundled=False)) == 2


def test_same_zh_in_a_later_file_overrides_the_earlier_term_in_place() -> None:
    g = Glossary.load([DATA / "small.csv", DATA / "duplicate_of_small.csv"], bundled=False)
    assert [(t.zh, t.en) for t in g] == [
        ("知识产权", "intellectual property"),
        ("科创走廊", "innovation corridor"),
    ]
    [override] = g.overrides
    assert str(override) == (
        f"{DATA / 'duplicate_of_small.csv'}:2: 科创走廊 overrides the term at"
        f" {DATA / 'small.csv'}:3"
    )


def test_duplicate_zh_within_one_file_names_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("zh,en\n松江,Songjiang\n嘉兴,Jiaxing\n松江,Song River\n", "utf-8")
    with pytest.raises(GlossaryError) as err:
        Glossary.load(path, bundled=False)
    assert (err.value.file, err.value.line) == (str(path), 4)
    assert err.value.reason == f"duplicate zh '松江' (first at {path}:2)"


@pytest.mark.parametrize(
    ("name", "line", "words"),
    [
        ("empty_en.csv", 3, "empty en"),
        ("forbidden_is_approved.csv", 2, "also an accepted one"),
        ("unknown_column.csv", 1, "unknown column(s): colour"),
        ("missing_column.csv", 1, "missing column(s): en"),
        ("bad_type.csv", 3, "unknown type 'city'"),
        ("gbk.csv", 2, "not UTF-8"),
        ("multiline_note.csv", 4, "empty en"),
    ],
)
def test_bad_glossary_file_raises_glossary_error_with_file_and_line(
    name: str, line: int, words: str
) -> None:
    with pytest.raises(GlossaryError) as err:
        Glossary.load([DATA / name], bundled=False)
    assert err.value.file == str(DATA / name)
    assert err.value.line == line
    assert words in err.value.reason


def test_missing_glossary_file_is_a_glossary_error(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError) as err:
        Glossary.load([tmp_path / "nope.csv"], bundled=False)
    assert err.value.file == str(tmp_path / "nope.csv")


def test_csv_export_reloads_to_the_same_terms(bundled: Glossary, tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    out.write_text(bundled.to_csv(), encoding="utf-8")
    assert list(Glossary.load([out], bundled=False)) == list(bundled)


def test_digest_changes_with_any_term(bundled: Glossary) -> None:
    fewer = Glossary(list(bundled)[1:])
    assert bundled.digest() == Glossary(list(bundled)).digest()
    assert fewer.digest() != bundled.digest()


def test_spreadsheet_export_with_bom_and_crlf_loads() -> None:
    g = Glossary.load([DATA / "bom_crlf.csv"], bundled=False)
    assert [(t.zh, t.en, t.source) for t in g] == [
        ("上海", "Shanghai", "test"),
        ("杭州", "Hangzhou", "a, b"),
    ]


def test_a_single_path_is_accepted_as_well_as_a_list() -> None:
    assert list(Glossary.load(DATA / "small.csv", bundled=False)) == list(
        Glossary.load([DATA / "small.csv"], bundled=False)
    )
    assert len(Glossary.load(str(DATA / "small.csv"), bundled=False)) == 2


HEADER = "zh,en,zh_hant,en_alt,en_forbidden,type,note,source\n"


def _load_rows(tmp_path: Path, *rows: str) -> Glossary:
    path = tmp_path / "g.csv"
    path.write_text(HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return Glossary.load(path, bundled=False)


def test_a_row_one_field_short_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    # Read leniently, "place" would land in en_forbidden and "x" in type.
    with pytest.raises(GlossaryError) as err:
        _load_rows(tmp_path, "上海,Shanghai,,,,place,,x", "松江,Songjiang,,,place,,x")
    assert (err.value.file, err.value.line) == (str(tmp_path / "g.csv"), 3)
    assert err.value.reason == "7 fields, the header has 8"


def test_a_row_one_field_long_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError) as err:
        _load_rows(tmp_path, "松江,Songjiang,,,,place,,x,")
    assert (err.value.line, err.value.reason) == (2, "9 fields, the header has 8")


def test_a_simplified_zh_hant_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError) as err:
        _load_rows(tmp_path, "知识产权,intellectual property,知识产权,,,term,,x")
    assert err.value.line == 2
    assert err.value.reason == "知识产权: zh_hant '知识产权' is not Traditional Chinese"


@pytest.mark.parametrize(
    ("zh", "zh_hant"), [("知识产权", "知識產權"), ("台湾", "台灣"), ("中高端", "中高端")]
)
def test_traditional_forms_of_any_region_are_accepted(
    tmp_path: Path, zh: str, zh_hant: str
) -> None:
    [term] = _load_rows(tmp_path, f"{zh},x,{zh_hant},,,term,,x")
    assert term.zh_hant == zh_hant and term.pinned


def test_a_removed_row_needs_no_english(tmp_path: Path) -> None:
    g = _load_rows(tmp_path, "军民融合,,,,,removed,not our house style,")
    assert len(g) == 0 and [r.zh for r in g.removed] == ["军民融合"]
