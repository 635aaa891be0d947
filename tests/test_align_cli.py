"""`g60pub align`: what it reads, what it writes, and that it never loses a translation."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from babel.messages.catalog import Message
from conftest import run_g60pub

from g60pub.alignment import align_paragraphs
from g60pub.glossary import Glossary
from g60pub.translations.bootstrap import read_side
from g60pub.translations.pofile import read_po, render_po

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "align"
SOURCE = ROOT / "sources" / "g60-corridor-agreement-2017.html"
ENGLISH = DATA / "g60-agreement.en.html"


def align(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_g60pub("align", *args, cwd=cwd)


def test_json_beads_give_each_sides_block_ids_and_text(tmp_path: Path) -> None:
    out = tmp_path / "beads.json"
    done = align(
        DATA / "g60-agreement.zh.txt", DATA / "g60-agreement.en.txt", "-o", out, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    beads = json.loads(out.read_text(encoding="utf-8"))["beads"]
    zh = read_side(DATA / "g60-agreement.zh.txt", chinese=True)
    en = read_side(DATA / "g60-agreement.en.txt", chinese=False)
    assert [i for b in beads for i in b["zh"]] == list(range(8))
    split = next(b for b in beads if len(b["en"]) == 2)
    assert {"zh", "en", "score"} <= set(split)
    assert split["zh_blocks"] == [
        {"id": zh.blocks()[i].id, "text": zh.paragraphs[i]} for i in split["zh"]
    ]
    assert [b["text"] for b in split["en_blocks"]] == [en.paragraphs[j] for j in split["en"]]
    assert all(b["id"].startswith("b") for b in split["en_blocks"])


def test_english_html_page_aligns_with_the_normalised_source() -> None:
    zh = read_side(SOURCE, chinese=True)
    en = read_side(ENGLISH, chinese=False)
    assert en.article is not None and en.article.lang == "en"
    assert en.paragraphs[0].startswith("Serving the national strategy")  # the <h1>, not <title>
    gold = json.loads((DATA / "g60-agreement-html.gold.json").read_text(encoding="utf-8"))["beads"]
    beads = align_paragraphs(zh.paragraphs, en.paragraphs, Glossary.load())
    # Adjacent 1-0 and 0-1 beads may come in either order.
    assert {(b.zh, b.en) for b in beads} == {(tuple(b["zh"]), tuple(b["en"])) for b in gold}


def test_po_output_is_keyed_by_block_ids(tmp_path: Path) -> None:
    out = tmp_path / "sample.en.po"
    done = align(SOURCE, ENGLISH, "--format", "po", "-o", out, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    article = read_side(SOURCE, chinese=True).article
    assert article is not None
    catalog = read_po(out)
    # The entries update makes, in its order: the title, the byline fields, the body.
    title_block, *body = article.all_blocks()
    byline = [b.id for b in article.meta_blocks()]
    assert byline == ["meta:source", "meta:via"]
    assert [m.context for m in catalog if m.id] == [title_block.id, *byline, *(b.id for b in body)]
    # A byline value the glossary knows whole comes with its English.
    strings = {m.context: m.string for m in catalog if m.id}
    assert strings["meta:source"] == "Zhejiang Overseas Chinese Chamber of Commerce"
    assert strings["meta:via"] == ""
    title = next(m for m in catalog if m.id)
    assert title.string.startswith("Serving the national strategy") and not title.fuzzy
    assert f"{out}: created:" in done.stdout


def test_aligning_onto_a_po_file_keeps_every_translator_string(tmp_path: Path) -> None:
    po = tmp_path / "sample.en.po"
    assert align(SOURCE, ENGLISH, "--format", "po", "-o", po, cwd=tmp_path).returncode == 0
    catalog = read_po(po)
    messages = [m for m in catalog if m.id]
    aligned = {m.context: m.string for m in messages}
    body = [m for m in messages if not str(m.context).startswith("meta:")]
    mine = {body[1].context: "My own rendering of the first paragraph."}
    mine[body[2].context] = body[2].string  # a translator who kept the aligned text
    for m in messages:
        m.string = mine.get(m.context, "")
    gone = Message("一段已删除的旧文字。", "An old paragraph, since removed.", context="bold")
    catalog.obsolete[("一段已删除的旧文字。", "bold")] = gone
    po.write_bytes(render_po(catalog))

    done = align(SOURCE, ENGLISH, "--format", "po", "-o", po, cwd=tmp_path)

    assert done.returncode == 0, done.stderr
    after = read_po(po)
    strings = {m.context: m.string for m in after if m.id}
    assert all(strings[k] == v for k, v in mine.items())  # every translator string kept
    assert after.obsolete[("一段已删除的旧文字。", "bold")].string == gone.string
    changed = next(m for m in after if m.context == body[1].context)
    assert any(c.startswith("aligned English (a suggestion): ") for c in changed.user_comments)
    filled = [m for m in after if m.id and m.context not in mine and m.string]
    # Every emptied entry the alignment (or the glossary, for a byline) fills again.
    assert len(filled) == sum(1 for k, v in aligned.items() if v and k not in mine)
    assert done.stdout.startswith(f"{po}: {len(filled)} empty entries filled from the alignment, ")
    assert "2 translations kept (1 with the aligned English as a suggestion), " in done.stdout
    assert done.stdout.rstrip().endswith("1 obsolete entries kept")


def test_aligning_onto_the_same_po_file_twice_changes_nothing(tmp_path: Path) -> None:
    po = tmp_path / "sample.en.po"
    align(SOURCE, ENGLISH, "--format", "po", "-o", po, cwd=tmp_path)
    first = po.read_bytes()
    assert align(SOURCE, ENGLISH, "--format", "po", "-o", po, cwd=tmp_path).returncode == 0
    assert po.read_bytes() == first


CHINESE = "松江举行科创走廊推进会。\n\n会议强调，要坚持创新驱动发展战略，加快建设科技创新高地。\n"
BINARY = b"\x00\x01PK\x03\x04" + bytes(range(256)) * 8


@pytest.mark.parametrize(
    ("side", "name", "data", "reason"),
    [
        ("en", "en.txt", b"", "empty file"),
        ("en", "en.txt", b"\n\n  \n", "no paragraphs found"),
        ("zh", "zh.txt", b"", "empty file"),
        ("en", "en.txt", BINARY, "binary data, not text"),
        ("en", "en.html", BINARY, "not HTML: binary data"),
        ("en", "en.html", b"", "empty file"),
        ("en", "en.txt", CHINESE.encode(), "expected the English side, but the text is Chinese"),
        ("zh", "zh.txt", (DATA / "g60-agreement.en.txt").read_bytes(),
         "expected the Chinese side, but the text is English"),
    ],
    ids=["empty-en", "blank-en", "empty-zh", "binary-text", "binary-html", "empty-html",
         "two-chinese", "two-english"],
)  # fmt: skip
def test_a_side_that_cannot_be_aligned_is_one_line_naming_it(
    tmp_path: Path, side: str, name: str, data: bytes, reason: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    zh, en = (bad, ENGLISH) if side == "zh" else (SOURCE, bad)
    done = align(zh, en, cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"g60pub: {bad}: {reason}") and done.stderr.count("\n") == 1


def test_an_english_page_in_another_encoding_is_read_like_a_source(tmp_path: Path) -> None:
    page = tmp_path / "en.html"
    page.write_bytes(
        '<html><head><meta charset="windows-1252"></head><body><h1>The corridor’s plan</h1>'
        "<p>The corridor’s “first” résumé of its plan for the year, as the cities agreed it.</p>"
        "</body></html>".encode("cp1252")
    )
    assert read_side(page, chinese=False).paragraphs == (
        "The corridor’s plan",
        "The corridor’s “first” résumé of its plan for the year, as the cities agreed it.",
    )
