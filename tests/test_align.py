"""Paragraph alignment: beads cover every index once, in order; real cases align right."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from g60pub.alignment import align_paragraphs
from g60pub.glossary import Glossary
from g60pub.translations.bootstrap import Side, beads_catalog, read_side
from g60pub.translations.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "align"
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


def test_align_command_prints_beads_json(tmp_path: Path) -> None:
    out = tmp_path / "beads.json"
    done = subprocess.run(
        [sys.executable, "-m", "g60pub", "align", str(DATA / "g60-agreement.zh.txt"),
         str(DATA / "g60-agreement.en.txt"), "-o", str(out)],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    beads = json.loads(out.read_text(encoding="utf-8"))["beads"]
    assert {"zh", "en", "score"} <= set(beads[0])
    assert [i for b in beads for i in b["zh"]] == list(range(8))


def test_english_html_page_aligns_with_the_normalised_source() -> None:
    zh = read_side(ROOT / "sources" / "g60-corridor-agreement-2017.html", chinese=True)
    en = read_side(DATA / "g60-agreement.en.html", chinese=False)
    assert en.paragraphs[0].startswith(
        "Serving the national strategy"
    )  # nav, header, footer left out
    gold = json.loads((DATA / "g60-agreement-html.gold.json").read_text(encoding="utf-8"))["beads"]
    beads = align_paragraphs(zh.paragraphs, en.paragraphs, Glossary.load())
    # Adjacent 1-0 and 0-1 beads may come in either order.
    assert {(b.zh, b.en) for b in beads} == {(tuple(b["zh"]), tuple(b["en"])) for b in gold}


def test_align_command_writes_a_po_file_keyed_by_block_ids(tmp_path: Path) -> None:
    out = tmp_path / "sample.en.po"
    source = ROOT / "sources" / "g60-corridor-agreement-2017.html"
    done = subprocess.run(
        [sys.executable, "-m", "g60pub", "align", str(source), str(DATA / "g60-agreement.en.html"),
         "--format", "po", "-o", str(out)],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    article = read_side(source, chinese=True).article
    assert article is not None
    catalog = read_po(out)
    assert [m.context for m in catalog if m.id] == [b.id for b in article.all_blocks()]
    title = next(m for m in catalog if m.id)
    assert title.string.startswith("Serving the national strategy") and not title.fuzzy


def test_english_page_of_divs_and_line_breaks_splits_on_blank_lines(tmp_path: Path) -> None:
    page = tmp_path / "en.html"
    page.write_text(
        "<html><body><div>First paragraph.<br><br>Second paragraph.</div>"
        "<div>Third.</div></body></html>",
        encoding="utf-8",
    )
    assert read_side(page, chinese=False).paragraphs == (
        "First paragraph.",
        "Second paragraph.",
        "Third.",
    )


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("en.txt", b"\n\n  \n", "no paragraphs found"),
        ("en.html", b"\x00\x01PK\x03\x04" + bytes(range(256)) * 8, "not HTML: binary data"),
        ("en.html", b"", "empty file"),
    ],
    ids=["blank-text", "binary-html", "empty-html"],
)
def test_an_english_side_with_nothing_to_align_is_one_line_naming_it(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    english = tmp_path / name
    english.write_bytes(data)
    source = ROOT / "sources" / "g60-corridor-agreement-2017.html"
    done = subprocess.run(
        [sys.executable, "-m", "g60pub", "align", str(source), str(english)],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"g60pub: {english}: {reason}") and done.stderr.count("\n") == 1


def test_an_english_page_in_another_encoding_is_read_like_a_source(tmp_path: Path) -> None:
    page = tmp_path / "en.html"
    page.write_bytes(
        '<html><head><meta charset="windows-1252"></head><body>'
        "<p>The corridor’s “first” résumé.</p></body></html>".encode("cp1252")
    )
    assert read_side(page, chinese=False).paragraphs == ("The corridor’s “first” résumé.",)
