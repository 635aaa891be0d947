"""The PO store: create, merge, never lose a translation, deterministic bytes."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from g60pub.atomic import write_atomic
from g60pub.errors import TranslationFileError
from g60pub.model import Article, BlockKind, make_blocks
from g60pub.translations.pofile import read_po, render_po
from g60pub.translations.publication import load_publication
from g60pub.translations.store import update_po

DATA = Path(__file__).parent / "data" / "po"
TITLE = "松江杭州嘉兴共同签订合作协议"
PARAS: list[tuple[BlockKind, str]] = [
    ("heading", "提升区域协同创新能力"),
    ("paragraph", "7月12日，松江、杭州、嘉兴三地在沪签订《沪嘉杭G60科创走廊建设战略合作协议》。"),
    ("paragraph", "三地将深化全方位、紧密型的科创合作和产业对接。"),
    ("paragraph", "协议将引导和支持三地企业、高校和科研机构加强合作。"),
]


def article(items: list[tuple[BlockKind, str]], title: str = TITLE) -> Article:
    return Article(title, make_blocks(items, title=title), published="2017-07-18")


def translate_all(po: Path) -> None:
    catalog = read_po(po)
    for message in catalog:
        if message.id:
            message.string = f"EN[{message.id}]"
    write_atomic(po, render_po(catalog))


def entries(po: Path) -> dict[str, tuple[str, str, bool]]:
    return {str(m.context): (str(m.id), str(m.string), m.fuzzy) for m in read_po(po) if m.id}


def test_new_po_has_one_entry_per_block_title_first(tmp_path: Path) -> None:
    po = tmp_path / "a.en.po"
    a = article(PARAS)
    result = update_po(a, po, source_ref="sources/a.html")
    assert result.created and result.new == 5
    ids = [m.context for m in read_po(po) if m.id]
    assert ids == [b.id for b in a.all_blocks()]


def test_new_po_header_names_language_project_and_charset(tmp_path: Path) -> None:
    po = tmp_path / "g60-sample.en.po"
    update_po(article(PARAS), po, source_ref="sources/g60-sample.html")
    text = po.read_text(encoding="utf-8")
    assert '"Language: en\\n"' in text
    assert '"Project-Id-Version: g60pub g60-sample\\n"' in text
    assert "Content-Type: text/plain; charset=UTF-8" in text
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in text
    assert "POT-Creation-Date: 2017-07-18" in text


def test_references_name_the_source_and_block_ordinal(tmp_path: Path) -> None:
    po = tmp_path / "a.en.po"
    update_po(article(PARAS), po, source_ref="sources/a.html")
    text = po.read_text(encoding="utf-8")
    assert "#: sources/a.html:1\n" in text and "#: sources/a.html:5\n" in text
    assert "#. heading\n" in text


def test_chinese_msgid_is_not_wrapped(tmp_path: Path) -> None:
    long = "依托G60科创走廊，" + "松江、杭州、嘉兴将深化全方位、紧密型的科创合作和产业对接，" * 4
    po = tmp_path / "a.en.po"
    update_po(article([("paragraph", long)]), po, source_ref="sources/a.html")
    assert f'msgid "{long}"' in po.read_text(encoding="utf-8")


def test_update_twice_gives_identical_bytes(tmp_path: Path) -> None:
    po = tmp_path / "a.en.po"
    update_po(article(PARAS), po, source_ref="sources/a.html")
    first = po.read_bytes()
    result = update_po(article(PARAS), po, source_ref="sources/a.html")
    assert not result.changed and po.read_bytes() == first


def test_source_date_epoch_sets_the_creation_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1500000000")
    po = tmp_path / "a.en.po"
    update_po(article(PARAS), po, source_ref="sources/a.html")
    assert "POT-Creation-Date: 2017-07-14 02:40+0000" in po.read_text(encoding="utf-8")


def test_unchanged_paragraphs_keep_their_translation(tmp_path: Path) -> None:
    po = tmp_path / "a.en.po"
    update_po(article(PARAS), po, source_ref="sources/a.html")
    translate_all(po)
    moved = [PARAS[0], PARAS[2], PARAS[1], PARAS[3]]
    result = update_po(article(moved), po, source_ref="sources/a.html")
    assert result.kept == 5 and result.fuzzy == 0
    assert all(s == f"EN[{zh}]" and not fz for zh, s, fz in entries(po).values())


def test_changed_paragraph_keeps_old_translation_fuzzy_with_previous_msgid(tmp_path: Path) -> None:
    po = tmp_path / "a.en.po"
    update_po(article(PARAS), po, source_ref="sources/a.html")
    translate_all(po)
    changed = list(PARAS)
    changed[2] = ("paragraph", "三地将进一步深化全方位、紧密型的科创合作和产业对接。")
    result = update_po(article(changed), po, source_ref="sources/a.html")
    assert result.fuzzy == 1 and result.obsolete == 0
    message = next(m for m in read_po(po) if m.id == changed[2][1])
    assert message.fuzzy and message.string == f"EN[{PARAS[2][1]}]"
    assert message.previous_id == [PARAS[2][1]]
    assert f'#| msgid "{PARAS[2][1]}"' in po.read_text(encoding="utf-8")


def test_removed_paragraph_becomes_obsolete_and_comes_back(tmp_path: Path) -> None:
    po = tmp_path / "a.en.po"
    update_po(article(PARAS), po, source_ref="sources/a.html")
    translate_all(po)
    result = update_po(article(PARAS[:3]), po, source_ref="sources/a.html")
    assert result.obsolete == 1
    assert f'#~ msgid "{PARAS[3][1]}"' in po.read_text(encoding="utf-8")
    result = update_po(article(PARAS), po, source_ref="sources/a.html")
    assert result.revived == 1
    assert entries(po)[article(PARAS).blocks[3].id] == (PARAS[3][1], f"EN[{PARAS[3][1]}]", False)


def test_rewritten_paragraph_between_same_neighbours_carries_translation(tmp_path: Path) -> None:
    po = tmp_path / "a.en.po"
    update_po(article(PARAS), po, source_ref="sources/a.html")
    translate_all(po)
    rewritten = list(PARAS)
    rewritten[2] = ("paragraph", "全新的内容：长三角一体化发展上升为国家战略。")
    result = update_po(article(rewritten), po, source_ref="sources/a.html")
    assert result.fuzzy == 1 and result.obsolete == 0


def test_no_translation_is_ever_dropped_over_many_edits(tmp_path: Path) -> None:
    po = tmp_path / "a.en.po"
    update_po(article(PARAS), po, source_ref="sources/a.html")
    translate_all(po)
    for items in ([PARAS[0]], [("paragraph", "完全不同的一段。")], PARAS[1:]):
        update_po(article(items, title="新标题"), po, source_ref="sources/a.html")
    text = po.read_text(encoding="utf-8")
    for _kind, zh in [("heading", TITLE), *PARAS]:
        assert f"EN[{zh}]" in text


def test_translator_comments_and_previous_msgid_survive_merge(tmp_path: Path) -> None:
    po = tmp_path / "sample.en.po"
    shutil.copy(DATA / "poedit-saved.en.po", po)
    a = Article("标题", make_blocks([("paragraph", "三地在沪签订协议。")], title="标题"))
    update_po(a, po, source_ref="sources/sample.html")
    text = po.read_text(encoding="utf-8")
    assert "# translator: checked against the Xinhua release" in text
    assert '#| msgid "三地签订协议。"' in text
    assert "Last-Translator: Li Ming <li@example.org>" in text
    assert "PO-Revision-Date: 2024-03-01 10:20+0800" in text


def test_malformed_po_is_an_error_with_file_and_line_and_left_untouched(tmp_path: Path) -> None:
    po = tmp_path / "bad.en.po"
    shutil.copy(DATA / "malformed.en.po", po)
    before = po.read_bytes()
    with pytest.raises(TranslationFileError) as err:
        update_po(article(PARAS), po, source_ref="sources/bad.html")
    assert err.value.file == str(po) and err.value.line == 12
    assert po.read_bytes() == before


def test_po_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    po = tmp_path / "gbk.en.po"
    po.write_bytes('msgid ""\nmsgstr ""\n\nmsgid "第一段"\nmsgstr ""\n'.encode("gbk"))
    with pytest.raises(TranslationFileError) as err:
        read_po(po)
    assert err.value.line == 4


def test_a_second_entry_for_a_block_is_an_error_naming_both_lines(tmp_path: Path) -> None:
    po = tmp_path / "a.en.po"
    update_po(article(PARAS), po, source_ref="sources/a.html")
    translate_all(po)
    text = po.read_text("utf-8")
    ctxt = next(iter(entries(po)))
    start = text.index(f'msgctxt "{ctxt}"')
    entry = text[start : text.index("\n\n", start)]
    first = text[:start].count("\n") + 1
    # A merge gone wrong: the block twice, with two translations (babel would keep one).
    po.write_text(text + "\n" + entry.replace('msgstr "', 'msgstr "another ', 1) + "\n", "utf-8")
    before = po.read_bytes()
    with pytest.raises(TranslationFileError, match=f"first at line {first}") as err:
        update_po(article(PARAS), po, source_ref="sources/a.html")
    assert err.value.line == text.count("\n") + 2
    assert po.read_bytes() == before
    # The same Chinese under another block id, and an obsolete copy, are not duplicates.
    other = entry.replace(ctxt, "b0000000000")
    obsolete = "\n".join(f"#~ {line}" for line in entry.splitlines() if line.startswith("msg"))
    po.write_text(text + "\n" + other + "\n\n" + obsolete + "\n", "utf-8")
    assert ctxt in entries(po) and "b0000000000" in entries(po)


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext not installed")
def test_written_po_passes_msgfmt_check(tmp_path: Path) -> None:
    po = tmp_path / "a.en.po"
    update_po(article(PARAS), po, source_ref="sources/a.html")
    translate_all(po)
    changed = [*PARAS[:2], ("paragraph", "三地将进一步深化科创合作和产业对接。")]
    update_po(article(changed), po, source_ref="sources/a.html")
    done = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "warning" not in done.stderr


def test_publication_pairs_follow_article_order_with_fuzzy_flags(tmp_path: Path) -> None:
    po = tmp_path / "a.en.po"
    update_po(article(PARAS), po, source_ref="sources/a.html")
    translate_all(po)
    changed = list(PARAS)
    changed[1] = (
        "paragraph",
        "7月12日，松江、杭州、嘉兴三地在上海签订《沪嘉杭G60科创走廊建设战略合作协议》。",
    )
    update_po(article(changed), po, source_ref="sources/a.html")
    pub = load_publication("a", article(changed), po)
    assert [p.block.text for p in pub.pairs] == [TITLE, *(t for _k, t in changed)]
    assert [p.fuzzy for p in pub.pairs] == [False, False, True, False, False]
    assert pub.title.translation == f"EN[{TITLE}]"


def test_publication_without_po_file_is_all_untranslated(tmp_path: Path) -> None:
    pub = load_publication("a", article(PARAS), tmp_path / "missing.en.po")
    assert len(pub.pairs) == 5 and all(p.translation is None for p in pub.pairs)


def test_update_waits_for_a_concurrent_update_to_finish(tmp_path: Path) -> None:
    from g60pub.atomic import lock_directory

    po = tmp_path / "a.en.po"
    script = (
        "import sys\n"
        "from g60pub.model import Article, make_blocks\n"
        "from g60pub.translations.store import update_po\n"
        "a = Article('标题', make_blocks([('paragraph', '一段。')], title='标题'))\n"
        "update_po(a, sys.argv[1], source_ref='sources/a.html')\n"
    )
    with lock_directory(tmp_path):
        proc = subprocess.Popen([sys.executable, "-c", script, str(po)])
        wait_until_blocked_on_a_lock(proc)
        assert not po.exists()
    assert proc.wait(timeout=60) == 0
    assert po.exists()


def wait_until_blocked_on_a_lock(proc: subprocess.Popen[bytes]) -> None:
    """Return once ``proc`` waits for a file lock (Linux lists waiters in
    /proc/locks as ``N: -> FLOCK ... PID ...``); fail if it ends first."""
    deadline = time.monotonic() + 60  # a ceiling against a hang, not a timing claim
    while time.monotonic() < deadline:
        assert proc.poll() is None, "update finished without waiting for the lock"
        for line in Path("/proc/locks").read_text().splitlines():
            fields = line.split()
            if len(fields) > 5 and fields[1] == "->" and fields[5] == str(proc.pid):
                return
        time.sleep(0.01)
    pytest.fail("update never waited for the lock")


def test_a_save_landing_while_update_merges_is_kept_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import g60pub.translations.store as store

    po = tmp_path / "a.en.po"
    update_po(article(PARAS), po, source_ref="sources/a.html")
    translate_all(po)
    saved = po.read_bytes().replace(b"EN[", b"Saved by the editor: EN[", 1)
    merge = store.merge_entries

    def merge_while_an_editor_saves(*args: Any, **kwargs: Any) -> Any:
        po.write_bytes(saved)  # Poedit saves without taking the lock
        return merge(*args, **kwargs)

    monkeypatch.setattr(store, "merge_entries", merge_while_an_editor_saves)
    changed = [*PARAS, ("paragraph", "新增一段。")]
    with pytest.raises(TranslationFileError, match="run update again") as err:
        update_po(article(changed), po, source_ref="sources/a.html")
    assert err.value.file == str(po)
    assert po.read_bytes() == saved
    assert not list(tmp_path.glob(".*.tmp"))
    monkeypatch.undo()
    update_po(article(changed), po, source_ref="sources/a.html")  # the rerun merges the save
    assert any(s.startswith("Saved by the editor") for _, s, _ in entries(po).values())
    assert "新增一段。" in {i for i, _, _ in entries(po).values()}


PARAGRAPH_TEXT = st.text(alphabet="三地将深化科创合作协议签订走廊建设。", min_size=1, max_size=30)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(PARAGRAPH_TEXT, min_size=1, max_size=8, unique=True),
    st.lists(PARAGRAPH_TEXT, min_size=0, max_size=8, unique=True),
)
def test_no_translation_is_dropped_whatever_the_edit(old: list[str], new: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        po = Path(tmp) / "a.en.po"
        update_po(article([("paragraph", t) for t in old]), po, source_ref="sources/a.html")
        translate_all(po)
        update_po(article([("paragraph", t) for t in new]), po, source_ref="sources/a.html")
        catalog = read_po(po)
        kept = {str(m.string) for m in catalog if m.id} | {
            str(m.string) for m in catalog.obsolete.values()
        }
        assert {f"EN[{t}]" for t in [TITLE, *old]} <= kept


def test_po_with_byte_order_mark_and_crlf_reads(tmp_path: Path) -> None:
    po = tmp_path / "bom.en.po"
    lines = ['msgid ""', 'msgstr ""', '"Language: en\\n"', "", 'msgctxt "b1"', 'msgid "一段。"']
    text = "\r\n".join([*lines, 'msgstr "A paragraph."', ""])
    po.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert [str(m.string) for m in read_po(po) if m.id] == ["A paragraph."]


def test_paragraph_changed_twice_keeps_the_text_the_translation_was_made_for(
    tmp_path: Path,
) -> None:
    po = tmp_path / "a.en.po"
    update_po(article(PARAS), po, source_ref="sources/a.html")
    translate_all(po)
    once, twice = list(PARAS), list(PARAS)
    once[2] = ("paragraph", "三地将深化全方位、紧密型的科创合作与产业对接。")
    twice[2] = ("paragraph", "三地将继续深化全方位、紧密型的科创合作与产业对接。")
    update_po(article(once), po, source_ref="sources/a.html")
    update_po(article(twice), po, source_ref="sources/a.html")
    message = next(m for m in read_po(po) if m.id == twice[2][1])
    assert message.fuzzy and message.previous_id == [PARAS[2][1]]


def test_obsolete_entry_with_previous_msgid_reads(tmp_path: Path) -> None:
    po = tmp_path / "old.en.po"
    lines = [
        'msgid ""',
        'msgstr ""',
        '"Language: en\\n"',
        "",
        '#~| msgid "旧"',
        '#~ msgid "新"',
        '#~ msgstr "New"',
    ]
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [str(m.string) for m in read_po(po).obsolete.values()] == ["New"]
