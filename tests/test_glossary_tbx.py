"""TBX-Basic export and import, and safe XML parsing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from g60pub.errors import GlossaryError
from g60pub.glossary import Glossary
from g60pub.glossary.csvio import make_term

DATA = Path(__file__).parent / "data" / "glossary"
NS = {"t": "urn:iso:std:iso:30042:ed-2"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def bundled() -> Glossary:
    return Glossary.load()


@pytest.fixture(scope="module")
def tbx(bundled: Glossary) -> etree._Element:
    return etree.fromstring(bundled.to_tbx())


def test_full_glossary_round_trips_csv_to_tbx_to_glossary(bundled: Glossary) -> None:
    again = Glossary.from_tbx(bundled.to_tbx())
    assert list(again) == list(bundled)
    assert again.to_csv() == bundled.to_csv()


def test_tbx_file_path_is_read_like_bytes(bundled: Glossary, tmp_path: Path) -> None:
    path = tmp_path / "g.tbx"
    path.write_bytes(bundled.to_tbx())
    assert list(Glossary.from_tbx(path)) == list(Glossary.from_tbx(str(path))) == list(bundled)


def test_root_is_tbx_basic_dca_in_the_iso_30042_namespace(tbx: etree._Element) -> None:
    assert tbx.tag == "{urn:iso:std:iso:30042:ed-2}tbx"
    assert (tbx.get("type"), tbx.get("style"), tbx.get(XML_LANG)) == ("TBX-Basic", "dca", "en")
    assert tbx.find("t:tbxHeader/t:fileDesc", NS) is not None


def test_one_concept_entry_per_term_with_unique_ids(tbx: etree._Element, bundled: Glossary) -> None:
    ids = [e.get("id") for e in tbx.iterfind(".//t:conceptEntry", NS)]
    assert len(ids) == len(bundled) == len(set(ids))


def test_concept_ids_are_stable_across_exports(bundled: Glossary) -> None:
    reordered = Glossary(reversed(list(bundled)))
    first = {e.get("id") for e in etree.fromstring(bundled.to_tbx()).iter("{*}conceptEntry")}
    second = {e.get("id") for e in etree.fromstring(reordered.to_tbx()).iter("{*}conceptEntry")}
    assert first == second


def test_each_concept_has_zh_hans_zh_hant_and_en_lang_sections(tbx: etree._Element) -> None:
    for entry in tbx.iterfind(".//t:conceptEntry", NS):
        langs = [s.get(XML_LANG) for s in entry.iterfind("t:langSec", NS)]
        assert langs == ["zh-Hans", "zh-Hant", "en"]


def test_english_statuses_mark_preferred_admitted_and_deprecated(tbx: etree._Element) -> None:
    entry = next(
        e
        for e in tbx.iterfind(".//t:conceptEntry", NS)
        if e.findtext(".//t:term", namespaces=NS) == "军民融合"
    )
    statuses = {
        sec.findtext("t:term", namespaces=NS): sec.findtext(
            "t:termNote[@type='administrativeStatus']", namespaces=NS
        )
        for sec in entry.xpath("t:langSec[@xml:lang='en']/t:termSec", namespaces=NS)
    }
    assert statuses["military-civilian integration"] == "preferredTerm-admn-sts"
    assert statuses["civil-military integration"] == "admittedTerm-admn-sts"
    assert statuses["military-civil fusion"] == "deprecatedTerm-admn-sts"


def test_source_and_note_are_carried_as_admin_and_note(tbx: etree._Element) -> None:
    entry = tbx.find(".//t:conceptEntry", NS)
    assert entry is not None
    assert entry.find(".//t:admin[@type='source']", NS) is not None


def test_tbx_v2_from_a_cat_tool_is_imported() -> None:
    g = Glossary.from_tbx(DATA / "tbx2_cat_tool.tbx")
    ip = g.lookup("知识产权")
    assert ip is not None
    assert (ip.en, ip.en_alt, ip.en_forbidden) == (
        "intellectual property",
        ("IP",),
        ("intellectual rights",),
    )
    assert ip.zh_hant == "知識產權" and ip.pinned
    delta = g.lookup("Yangtze River Delta")
    assert delta is not None and delta.zh == "长三角" and not delta.pinned


def test_external_entity_xxe_is_refused_without_reading_the_file() -> None:
    with pytest.raises(GlossaryError) as err:
        Glossary.from_tbx(DATA / "xxe.tbx")
    assert "root:" not in str(err.value)
    assert err.value.file == str(DATA / "xxe.tbx")


def test_billion_laughs_is_refused_cleanly() -> None:
    with pytest.raises(GlossaryError) as err:
        Glossary.from_tbx((DATA / "billion_laughs.tbx").read_bytes())
    assert err.value.file == "<tbx>"


def test_malformed_tbx_names_the_line() -> None:
    with pytest.raises(GlossaryError) as err:
        Glossary.from_tbx(DATA / "malformed.tbx")
    assert err.value.line is not None and err.value.line >= 4


def test_non_tbx_xml_is_refused() -> None:
    with pytest.raises(GlossaryError, match="not a TBX document"):
        Glossary.from_tbx(b"<html><body/></html>")


def test_tbx_files_load_alongside_csv_files(tmp_path: Path) -> None:
    csv = tmp_path / "places.csv"
    csv.write_text("zh,en,type\n松江,Songjiang,place\n", encoding="utf-8")
    g = Glossary.load([csv, DATA / "tbx2_cat_tool.tbx"], bundled=False)
    assert [t.zh for t in g] == ["松江", "知识产权", "长三角"]


def test_a_tbx_layer_overrides_the_same_term_of_a_csv_naming_both_places() -> None:
    g = Glossary.load([DATA / "small.csv", DATA / "tbx2_cat_tool.tbx"], bundled=False)
    [override] = g.overrides
    assert (override.zh, str(override.at), str(override.replaces)) == (
        "知识产权",
        f"{DATA / 'tbx2_cat_tool.tbx'}:5",
        f"{DATA / 'small.csv'}:2",
    )
    term = g.lookup("知识产权")
    assert term is not None and term.en_forbidden == ("intellectual rights",)


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="|\ufffe\uffff"),
    max_size=12,
).map(str.strip)


@settings(max_examples=100, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            _TEXT.filter(bool),
            _TEXT.filter(bool),
            st.lists(_TEXT.filter(bool), max_size=2),
            st.sampled_from(["term", "name", "org", "place", "slogan", "abbr"]),
            _TEXT,
            st.booleans(),
        ),
        max_size=6,
        unique_by=lambda r: r[0],
    )
)
def test_any_valid_glossary_round_trips_through_tbx_and_csv(rows: list[tuple[Any, ...]]) -> None:
    terms = []
    for zh, en, alts, kind, note, pin in rows:
        try:
            terms.append(make_term(zh, en, zh if pin else "", alts, (), kind, note, "src & <x>"))
        except GlossaryError:
            continue  # e.g. an alternative equal to a forbidden rendering
    g = Glossary(terms)
    assert list(Glossary.from_tbx(g.to_tbx())) == terms
    assert Glossary.from_tbx(g.to_tbx()).to_csv() == g.to_csv()


def test_control_character_in_a_csv_cell_is_a_glossary_error(tmp_path: Path) -> None:
    csv = tmp_path / "g.csv"
    csv.write_text("zh,en\n上海,Shang\x07hai\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="control character U\\+0007") as err:
        Glossary.load([csv], bundled=False)
    assert err.value.line == 2
