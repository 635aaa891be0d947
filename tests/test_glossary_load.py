"""Loading the termbase: the bundled glossary and the validation of bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from g60pub.errors import GlossaryError
from g60pub.glossary import Glossary, Term
from g60pub.glossary.check import lint_terms

DATA = Path(__file__).parent / "data" / "glossary"
SEED = DATA / "seed_article.txt"


@pytest.fixture(scope="module")
def bundled() -> Glossary:
    return Glossary.load()


def test_bundled_glossary_has_at_least_120_terms(bundled: Glossary) -> None:
    assert len(bundled) >= 120


def test_every_bundled_term_cites_a_source(bundled: Glossary) -> None:
    assert [t.zh for t in bundled if not t.source] == []


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
    assert len(Glossary.load([tmp_path])) == 2


def test_duplicate_zh_across_files_names_the_second_file_and_line() -> None:
    with pytest.raises(GlossaryError) as err:
        Glossary.load([DATA / "small.csv", DATA / "duplicate_of_small.csv"])
    assert err.value.file == str(DATA / "duplicate_of_small.csv")
    assert err.value.line == 2
    assert "duplicate zh '科创走廊'" in err.value.reason
    assert "small.csv:3" in err.value.reason


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
        Glossary.load([DATA / name])
    assert err.value.file == str(DATA / name)
    assert err.value.line == line
    assert words in err.value.reason


def test_missing_glossary_file_is_a_glossary_error(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError) as err:
        Glossary.load([tmp_path / "nope.csv"])
    assert err.value.file == str(tmp_path / "nope.csv")


def test_csv_export_reloads_to_the_same_terms(bundled: Glossary, tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    out.write_text(bundled.to_csv(), encoding="utf-8")
    assert list(Glossary.load([out])) == list(bundled)


def test_digest_changes_with_any_term(bundled: Glossary) -> None:
    fewer = Glossary(list(bundled)[1:])
    assert bundled.digest() == Glossary(list(bundled)).digest()
    assert fewer.digest() != bundled.digest()


def test_spreadsheet_export_with_bom_and_crlf_loads() -> None:
    g = Glossary.load([DATA / "bom_crlf.csv"])
    assert [(t.zh, t.en, t.source) for t in g] == [
        ("上海", "Shanghai", "test"),
        ("杭州", "Hangzhou", "a, b"),
    ]


def test_a_single_path_is_accepted_as_well_as_a_list() -> None:
    assert list(Glossary.load(DATA / "small.csv")) == list(Glossary.load([DATA / "small.csv"]))
    assert len(Glossary.load(str(DATA / "small.csv"))) == 2
