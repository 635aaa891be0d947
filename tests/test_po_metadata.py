"""The PO store beyond the text blocks: byline entries, accepted findings,
the previous msgctxt of a fuzzy entry, and files left as another editor saved them."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from g60pub.glossary import Glossary
from g60pub.model import Article, BlockKind, make_blocks
from g60pub.translations.accept import pair_digest
from g60pub.translations.pofile import read_po, render_po
from g60pub.translations.publication import load_publication
from g60pub.translations.store import update_po

TITLE = "松江杭州嘉兴共同签订合作协议"
PARAS: list[tuple[BlockKind, str]] = [
    ("paragraph", "7月12日，松江、杭州、嘉兴三地在沪签订《沪嘉杭G60科创走廊建设战略合作协议》。"),
    ("paragraph", "三地将深化全方位、紧密型的科创合作和产业对接。"),
]
SOURCE = "sources/a.html"


def article(items: list[tuple[BlockKind, str]] = PARAS, **byline: str) -> Article:
    return Article(TITLE, make_blocks(items, title=TITLE), published="2017-07-18", **byline)


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load()


def contexts(po: Path) -> list[str]:
    return [str(m.context) for m in read_po(po) if m.id]


def message(po: Path, context: str) -> tuple[str, str, bool]:
    m = next(m for m in read_po(po) if m.context == context)
    return str(m.id), str(m.string), bool(m.fuzzy)


def set_string(po: Path, context: str, text: str, comments: list[str] | None = None) -> None:
    catalog = read_po(po)
    for m in catalog:
        if m.context == context:
            m.string = text
            if comments is not None:
                m.user_comments = comments
    po.write_bytes(render_po(catalog))


def test_byline_fields_are_entries_after_the_title(tmp_path: Path) -> None:
    po = tmp_path / "a.en.po"
    a = article(author="樊亮、张明超", source="浙江省侨商会", via="转载自微信公众号虹桥馆")
    update_po(a, po, source_ref=SOURCE)
    assert contexts(po) == [
        a.title_id,
        "meta:author",
        "meta:source",
        "meta:via",
        *(b.id for b in a.blocks),
    ]
    assert message(po, "meta:author")[0] == "樊亮、张明超"
    assert "#. byline: via" in po.read_text("utf-8")


def test_a_value_the_glossary_knows_whole_is_prefilled(tmp_path: Path, glossary: Glossary) -> None:
    po = tmp_path / "a.en.po"
    update_po(article(source="浙江省侨商会"), po, source_ref=SOURCE, glossary=glossary)
    assert message(po, "meta:source") == (
        "浙江省侨商会",
        "Zhejiang Overseas Chinese Chamber of Commerce",
        False,
    )


def test_authors_the_glossary_knows_are_prefilled_as_an_english_list(
    tmp_path: Path, glossary: Glossary
) -> None:
    po = tmp_path / "a.en.po"
    update_po(article(author="韩正、应勇、车俊"), po, source_ref=SOURCE, glossary=glossary)
    assert message(po, "meta:author")[1] == "Han Zheng, Ying Yong and Che Jun"


def test_a_value_the_glossary_does_not_know_whole_is_left_to_the_translator(
    tmp_path: Path, glossary: Glossary
) -> None:
    po = tmp_path / "a.en.po"
    # Both terms are in the glossary, but not the whole note, nor an unknown author.
    a = article(via="转载自微信公众号虹桥馆", author="韩正、樊亮")
    update_po(a, po, source_ref=SOURCE, glossary=glossary)
    assert message(po, "meta:via")[1] == "" and message(po, "meta:author")[1] == ""


def test_a_changed_byline_value_keeps_its_translation_fuzzy(tmp_path: Path) -> None:
    po = tmp_path / "a.en.po"
    update_po(article(source="浙江省侨商会"), po, source_ref=SOURCE)
    set_string(po, "meta:source", "Zhejiang Overseas Chinese Chamber of Commerce")
    result = update_po(article(source="浙江省侨商总会"), po, source_ref=SOURCE)
    assert result.fuzzy == 1
    assert message(po, "meta:source") == (
        "浙江省侨商总会",
        "Zhejiang Overseas Chinese Chamber of Commerce",
        True,
    )
    assert '#| msgid "浙江省侨商会"' in po.read_text("utf-8")


def test_a_byline_translation_reaches_the_publication(tmp_path: Path) -> None:
    po = tmp_path / "a.en.po"
    a = article(source="浙江省侨商会")
    update_po(a, po, source_ref=SOURCE)
    set_string(po, "meta:source", "Zhejiang Overseas Chinese Chamber of Commerce")
    pub = load_publication("a", a, po)
    assert pub.meta_translation("source") == "Zhejiang Overseas Chinese Chamber of Commerce"
    assert pub.translated_ratio == 0.0  # byline fields are not text blocks


def test_a_fuzzy_entry_records_the_previous_msgctxt(tmp_path: Path) -> None:
    po = tmp_path / "a.en.po"
    update_po(article(), po, source_ref=SOURCE)
    old = article().blocks[1]
    set_string(po, old.id, "The three places will deepen cooperation.")
    changed = [PARAS[0], ("paragraph", "三地将进一步深化全方位、紧密型的科创合作和产业对接。")]
    update_po(article(changed), po, source_ref=SOURCE)
    text = po.read_text("utf-8")
    assert f'#, fuzzy\n#| msgctxt "{old.id}"\n#| msgid "{old.text}"\n' in text
    # and it reads back, so a second update changes nothing
    before = po.read_bytes()
    assert not update_po(article(changed), po, source_ref=SOURCE).changed
    assert po.read_bytes() == before


def test_a_file_with_previous_msgctxt_passes_msgfmt_check(tmp_path: Path) -> None:
    po = tmp_path / "a.en.po"
    update_po(article(), po, source_ref=SOURCE)
    set_string(po, article().blocks[1].id, "The three places will deepen cooperation.")
    update_po(article([PARAS[0], ("paragraph", "三地将深化合作。")]), po, source_ref=SOURCE)
    done = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def _as_another_editor_saves_it(po: Path) -> None:
    # Wrapped at 79 columns with the msgstr on continuation lines, and no
    # Generated-By header: what Poedit writes for the same entries.
    out: list[str] = []
    for line in po.read_text("utf-8").splitlines():
        if line.startswith('"Generated-By'):
            continue
        if line.startswith('msgstr "') and len(line) > 79:
            body = line[len('msgstr "') : -1]
            cut = body.rfind(" ", 0, 60) + 1
            out += ['msgstr ""', f'"{body[:cut]}"', f'"{body[cut:]}"']
        else:
            out.append(line)
    po.write_text("\n".join(out) + "\n", "utf-8")


def test_update_leaves_a_file_laid_out_by_another_editor_untouched(tmp_path: Path) -> None:
    po = tmp_path / "a.en.po"
    a = article(source="浙江省侨商会")
    update_po(a, po, source_ref=SOURCE)
    for block in a.all_blocks():
        set_string(po, block.id, f"A translation of {block.id} long enough to be wrapped by Poedit")
    _as_another_editor_saves_it(po)
    saved = po.read_bytes()
    result = update_po(a, po, source_ref=SOURCE)
    assert not result.changed and po.read_bytes() == saved


def test_update_rewrites_a_file_it_has_something_to_change_in(tmp_path: Path) -> None:
    po = tmp_path / "a.en.po"
    update_po(article(), po, source_ref=SOURCE)
    _as_another_editor_saves_it(po)
    result = update_po(article([*PARAS, ("paragraph", "新增一段。")]), po, source_ref=SOURCE)
    assert result.changed and result.new == 1


def test_update_stamps_an_acceptance_with_the_entry_it_was_given_for(tmp_path: Path) -> None:
    po = tmp_path / "a.en.po"
    a = article()
    update_po(a, po, source_ref=SOURCE)
    block = a.blocks[1]
    english = "The three places will deepen cooperation."
    set_string(po, block.id, english, ["g60pub-accept: term-missing"])
    update_po(a, po, source_ref=SOURCE)
    stamp = f"# g60pub-accept: term-missing [{pair_digest(block.text, english)}]\n"
    assert stamp in po.read_text("utf-8")
    pair = load_publication("a", a, po).pairs[2]
    assert [(x.code, x.digest) for x in pair.accepted] == [
        ("term-missing", pair_digest(block.text, english))
    ]


def test_a_stamped_acceptance_survives_the_entry_going_fuzzy_with_its_old_digest(
    tmp_path: Path,
) -> None:
    po = tmp_path / "a.en.po"
    update_po(article(), po, source_ref=SOURCE)
    block = article().blocks[1]
    english = "The three places will deepen cooperation."
    set_string(po, block.id, english, ["g60pub-accept: term-missing"])
    changed = [PARAS[0], ("paragraph", "三地将进一步深化全方位、紧密型的科创合作和产业对接。")]
    update_po(article(changed), po, source_ref=SOURCE)
    # stamped for the text it was given for, so it no longer matches the new one
    assert f"[{pair_digest(block.text, english)}]" in po.read_text("utf-8")
    pair = replace(load_publication("a", article(changed), po).pairs[2], fuzzy=False)
    assert pair.accepted[0].digest != pair_digest(pair.block.text, pair.translation or "")
