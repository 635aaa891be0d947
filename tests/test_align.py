"""Paragraph alignment: beads cover every index once, in order; real official pairs align
as a reader pairs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from g60pub.alignment import align_paragraphs
from g60pub.glossary import Glossary
from g60pub.translations.bootstrap import Side, beads_catalog, read_side

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "align"
REAL = DATA / "real"  # official documents and their official English (README.md there)
GLOSSARY = Path(__file__).parent / "data" / "po" / "glossary.csv"


def case(name: str) -> tuple[list[str], list[str], list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    zh = list(read_side(DATA / f"{name}.zh.txt", chinese=True).paragraphs)
    en = list(read_side(DATA / f"{name}.en.txt", chinese=False).paragraphs)
    gold = json.loads((DATA / f"{name}.gold.json").read_text(encoding="utf-8"))["beads"]
    return zh, en, [(tuple(b["zh"]), tuple(b["en"])) for b in gold]


def covers_in_order(beads: list, n_zh: int, n_en: int) -> bool:
    zh = [i for b in beads for i in b.zh]
    en = [j for b in beads for j in b.en]
    return zh == list(range(n_zh)) and en == list(range(n_en)) and all(b.zh or b.en for b in beads)


@pytest.mark.parametrize("name", ["g60-agreement", "g60-talent"])
def test_split_merge_drop_and_addition_are_found(name: str) -> None:
    zh, en, gold = case(name)
    beads = align_paragraphs(zh, en, Glossary.load([GLOSSARY], bundled=False))
    # Adjacent 1-0 and 0-1 beads may come in either order.
    assert {(b.zh, b.en) for b in beads} == set(gold)


def test_a_paragraph_the_english_leaves_out_is_found_without_any_glossary() -> None:
    zh, en, gold = case("g60-talent")
    assert {(b.zh, b.en) for b in align_paragraphs(zh, en)} == set(gold)


def test_one_to_one_text_aligns_one_to_one() -> None:
    zh, en, gold = case("g60-agreement")
    pairs = [(zh[a[0]], en[b[0]]) for a, b in gold if len(a) == 1 and len(b) == 1]
    beads = align_paragraphs([z for z, _ in pairs], [e for _, e in pairs])
    assert [(b.zh, b.en) for b in beads] == [((i,), (i,)) for i in range(len(pairs))]


def test_scores_are_between_zero_and_one() -> None:
    zh, en, _gold = case("g60-agreement")
    assert all(0.0 <= b.score <= 1.0 for b in align_paragraphs(zh, en))


def test_empty_side_gives_only_skips() -> None:
    beads = align_paragraphs(["一段。", "二段。"], [])
    assert [(b.zh, b.en) for b in beads] == [((0,), ()), ((1,), ())]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.text(alphabet="协议签订三地科创走廊。7月12日", min_size=1, max_size=40),
        min_size=1,
        max_size=12,
    ),
    st.lists(
        st.text(alphabet="abc July 12 G60 corridor.", min_size=1, max_size=90),
        min_size=1,
        max_size=12,
    ),
)
def test_every_index_lands_in_exactly_one_bead_in_order(zh: list[str], en: list[str]) -> None:
    assert covers_in_order(align_paragraphs(zh, en), len(zh), len(en))


def test_po_output_joins_split_english_and_marks_merged_blocks_fuzzy() -> None:
    zh, en, _gold = case("g60-agreement")
    beads = align_paragraphs(zh, en, Glossary.load([GLOSSARY], bundled=False))
    catalog = beads_catalog(
        Side(tuple(zh)), Side(tuple(en)), beads, slug="t", source_ref="t.zh.txt"
    )
    messages = [m for m in catalog if m.id]
    assert [m.id for m in messages] == zh
    assert messages[1].string == en[1] + " " + en[2]
    assert messages[4].string == ""  # dropped in the English
    assert messages[6].fuzzy and messages[7].fuzzy  # one English paragraph shared by two blocks
    assert messages[6].string and messages[7].string
    assert any("without a Chinese counterpart" in c for c in messages[7].user_comments)


def real(name: str) -> tuple[list[str], list[str], set[tuple[tuple[int, ...], tuple[int, ...]]]]:
    zh = list(read_side(REAL / name / "zh.txt", chinese=True).paragraphs)
    en = list(read_side(REAL / name / "en.txt", chinese=False).paragraphs)
    gold = json.loads((REAL / name / "gold.json").read_text(encoding="utf-8"))["beads"]
    return zh, en, {(tuple(a), tuple(b)) for a, b in gold}


def test_a_paragraph_of_requirements_given_as_a_lead_and_16_bullets_is_one_bead() -> None:
    zh, en, gold = real("gwr2015-requirements")
    assert len(en) == 17
    assert {(b.zh, b.en) for b in align_paragraphs(zh, en, Glossary.load())} == gold


def test_an_untranslated_headline_and_a_dropped_paragraph_stand_alone() -> None:
    zh, en, gold = real("gwr2026-targets-flash")
    beads = {(b.zh, b.en) for b in align_paragraphs(zh, en, Glossary.load())}
    assert beads == gold == {((0,), ()), ((1,), (0, 1)), ((2,), ())}


def test_title_page_lines_stand_alone_and_the_section_heading_pairs_with_its_heading() -> None:
    zh, en, gold = real("gwr2008-opening")
    beads = {(b.zh, b.en) for b in align_paragraphs(zh, en, Glossary.load())}
    assert beads == gold
    assert (
        (2,),
        (7,),
    ) in beads  # 一、 过去五年工作回顾 ~ I. Review of the Work of the Past Five Years


def test_official_paragraphs_translated_one_by_one_align_one_to_one() -> None:
    zh, en, gold = real("gwr2007-plan")
    assert {(b.zh, b.en) for b in align_paragraphs(zh, en, Glossary.load())} == gold


def test_the_premier_on_two_english_title_page_lines_is_one_bead() -> None:
    zh, en, gold = real("gwr2019-opening")
    beads = {(b.zh, b.en) for b in align_paragraphs(zh, en, Glossary.load())}
    assert beads == gold
    assert (
        (2,),
        (3, 4),
    ) in beads  # 国务院总理 李克强 ~ "Li Keqiang" / "Premier of the State Council"


def test_a_topic_sentence_set_apart_opens_its_own_paragraphs_bead() -> None:
    # Each 五年来 paragraph becomes a one-sentence English paragraph and the rest.
    zh, en, gold = real("gwr2018-five-years")
    beads = {(b.zh, b.en) for b in align_paragraphs(zh, en, Glossary.load())}
    assert beads == gold
    assert (
        (3,),
        (7, 8, 9),
    ) in beads  # 五年来，创新驱动发展成果丰硕。 ~ "Over the past five years, ..."


def test_the_line_closing_a_dashed_list_stays_with_the_list() -> None:
    zh, en, gold = real("gwr2017-targets-list")
    beads = {(b.zh, b.en) for b in align_paragraphs(zh, en, Glossary.load())}
    assert beads == gold
    assert ((1,), tuple(range(1, 20))) in beads  # lead, 17 dashed items, "These efforts ..."


def test_a_greeting_the_english_spells_out_pairs_with_its_chinese() -> None:
    zh, en, gold = real("newyear2021-greeting")
    beads = {(b.zh, b.en) for b in align_paragraphs(zh, en, Glossary.load())}
    assert beads == gold
    assert ((0,), (0,)) in beads  # 大家好！ ~ "Comrades, friends, ladies and gentlemen, ..."


FILLED = {
    "{Y}": "2023", "{M}": "5", "{D}": "20", "{N}": "120", "{P}": "8", "{B}": "15",
    "{CITY}": "松江、嘉兴", "{CITYen}": "Songjiang and Jiaxing", "{Men}": "May",
    "{Ben}": "1.5 billion",
}  # fmt: skip


def policy_items() -> list[tuple[str, str]]:
    """The sentence pairs of policy_sentences.tsv, placeholders filled in."""
    rows = (DATA / "policy_sentences.tsv").read_text(encoding="utf-8").splitlines()
    pairs = []
    for line in rows:
        if line and not line.startswith("#"):
            for key in sorted(FILLED, key=len, reverse=True):
                line = line.replace(key, FILLED[key])
            zh, en = line.split("\t")
            pairs.append((zh, en))
    return pairs


def test_a_paragraph_of_25_priorities_given_as_a_lead_and_25_items_is_one_bead() -> None:
    items = policy_items()[:25]
    before, after = items[0], items[1]
    zh = [
        before[0],
        "今年要重点做好以下工作：" + "；".join(z.rstrip("。") for z, _ in items) + "。",
        after[0],
    ]
    listed = [f"-- {e[0].lower()}{e[1:].rstrip('.')};" for _, e in items]
    en = [before[1], "This year, we will focus on the following tasks:", *listed, after[1]]
    beads = [(b.zh, b.en) for b in align_paragraphs(zh, en)]
    assert beads == [((0,), (0,)), ((1,), tuple(range(1, 27))), ((2,), (27,))]
