"""The translator's commands on a real project: update, status, check, export."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import run_g60pub

from g60pub.translations.pofile import read_po, render_po

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sources" / "g60-corridor-agreement-2017.html"
DATA = Path(__file__).parent / "data" / "po"


def g60pub(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_g60pub(*args, cwd=cwd)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir()
    shutil.copy(SAMPLE, tmp_path / "sources" / SAMPLE.name)
    return tmp_path


def test_update_creates_a_po_file_per_source_and_reports_it(project: Path) -> None:
    done = g60pub("update", "--project", str(project), cwd=project)
    assert done.returncode == 0, done.stderr
    po = project / "sources" / "g60-corridor-agreement-2017.en.po"
    assert po.exists() and "created" in done.stdout and "new" in done.stdout
    assert "#: sources/g60-corridor-agreement-2017.html:1" in po.read_text(encoding="utf-8")


def test_update_again_changes_nothing(project: Path) -> None:
    g60pub("update", "--project", str(project), cwd=project)
    po = project / "sources" / "g60-corridor-agreement-2017.en.po"
    before = po.read_bytes()
    done = g60pub("update", "--project", str(project), cwd=project)
    assert "unchanged" in done.stdout and po.read_bytes() == before


def test_po_lists_glossary_terms_as_extracted_comments(project: Path) -> None:
    g60pub("update", "--project", str(project), cwd=project)
    text = (project / "sources" / "g60-corridor-agreement-2017.en.po").read_text(encoding="utf-8")
    assert "#. 军民融合 = military-civilian integration" in text


def test_status_counts_translated_fuzzy_and_untranslated(project: Path) -> None:
    g60pub("update", "--project", str(project), cwd=project)
    po = project / "sources" / "g60-corridor-agreement-2017.en.po"
    catalog = read_po(po)
    # Text blocks only: the byline fields (meta:source, meta:via) are not counted.
    messages = [m for m in catalog if m.id and not str(m.context).startswith("meta:")]
    messages[0].string = "Title"
    messages[1].string = "Heading"
    messages[1].flags.add("fuzzy")
    po.write_bytes(render_po(catalog))
    done = g60pub("status", "--project", str(project), cwd=project)
    assert done.returncode == 0, done.stderr
    row = next(line for line in done.stdout.splitlines() if line.startswith("g60-corridor"))
    total = len(messages)
    assert row.split()[1:5] == [str(total), "1", "1", str(total - 2)]


def test_check_json_lists_findings_and_exits_zero_without_errors(project: Path) -> None:
    g60pub("update", "--project", str(project), cwd=project)
    done = g60pub("check", "--project", str(project), "--json", cwd=project)
    assert done.returncode == 0, done.stderr
    findings = json.loads(done.stdout)["findings"]
    # The source is pre-filled from the glossary; the repost note is the translator's.
    assert findings and {f["code"] for f in findings} == {"untranslated", "untranslated-metadata"}
    assert set(findings[0]) == {"file", "block", "code", "severity", "message", "accepted"}
    assert findings[0]["file"] == "sources/g60-corridor-agreement-2017.en.po"


def test_check_exits_one_on_an_error(project: Path) -> None:
    g60pub("update", "--project", str(project), cwd=project)
    po = project / "sources" / "g60-corridor-agreement-2017.en.po"
    catalog = read_po(po)
    title = next(m for m in catalog if m.id)
    title.string = "G60 科创走廊 agreement"
    po.write_bytes(render_po(catalog))
    done = g60pub("check", "--project", str(project), cwd=project)
    assert done.returncode == 1
    assert "han-in-english" in done.stdout


def test_malformed_po_is_reported_with_file_and_line(project: Path) -> None:
    po = project / "sources" / "g60-corridor-agreement-2017.en.po"
    shutil.copy(DATA / "malformed.en.po", po)
    done = g60pub("update", "--project", str(project), cwd=project)
    assert done.returncode != 0
    assert "g60-corridor-agreement-2017.en.po:12:" in done.stderr
    assert "Traceback" not in done.stderr
    assert po.read_bytes() == (DATA / "malformed.en.po").read_bytes()


def test_export_writes_tmx_with_translated_pairs(project: Path) -> None:
    g60pub("update", "--project", str(project), cwd=project)
    po = project / "sources" / "g60-corridor-agreement-2017.en.po"
    catalog = read_po(po)
    next(m for m in catalog if m.id).string = "Title"
    po.write_bytes(render_po(catalog))
    out = project / "out.tmx"
    done = g60pub("export", "--project", str(project), "--tmx", str(out), cwd=project)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().count(b"<tu ") == 1


def test_unreadable_source_is_reported_and_the_others_still_update(project: Path) -> None:
    (project / "sources" / "broken.html").write_text(
        "<html><body><p>x</p></body></html>", encoding="utf-8"
    )
    done = g60pub("update", "--project", str(project), cwd=project)
    assert done.returncode == 1
    assert "broken.html" in done.stderr and "Traceback" not in done.stderr
    assert (project / "sources" / "g60-corridor-agreement-2017.en.po").exists()
    assert not (project / "sources" / "broken.en.po").exists()


def test_update_makes_a_po_file_per_book_chapter_and_one_for_a_word_document(
    project: Path,
) -> None:
    from source_files import Book, make_epub, sample_docx, sections

    (project / "sources" / "corridor-book.epub").write_bytes(make_epub(Book(sections()[1:4])))
    (project / "sources" / "协议.docx").write_bytes(sample_docx())
    done = g60pub("update", "--project", str(project), cwd=project)
    assert done.returncode == 0, done.stderr
    made = sorted(p.name for p in (project / "sources").glob("*.en.po"))
    assert made == [
        "corridor-book-01.en.po",
        "corridor-book-02.en.po",
        "corridor-book-03.en.po",
        "g60-corridor-agreement-2017.en.po",
        "协议.en.po",
    ]
    chapter = read_po(project / "sources" / "corridor-book-02.en.po")
    assert next(m.id for m in chapter if m.id) == sections()[2].heading
    text = (project / "sources" / "corridor-book-02.en.po").read_text(encoding="utf-8")
    assert "#: sources/corridor-book.epub:1" in text
    status = g60pub("status", "--project", str(project), cwd=project)
    assert "corridor-book-03" in status.stdout and "协议" in status.stdout


def test_update_keeps_translations_when_the_source_paragraph_changes(project: Path) -> None:
    g60pub("update", "--project", str(project), cwd=project)
    po = project / "sources" / "g60-corridor-agreement-2017.en.po"
    catalog = read_po(po)
    for message in catalog:
        if message.id:
            message.string = f"EN {message.context}"
    po.write_bytes(render_po(catalog))
    page = project / "sources" / SAMPLE.name
    html = page.read_bytes().decode("utf-8")
    assert "当好全国跨区域协同发展的排头兵" in html
    page.write_bytes(
        html.replace("当好全国跨区域协同发展的排头兵", "当好全国区域协同发展的排头兵").encode(
            "utf-8"
        )
    )
    done = g60pub("update", "--project", str(project), cwd=project)
    assert "1 fuzzy" in done.stdout, done.stdout
    text = po.read_text(encoding="utf-8")
    assert "#| msgid" in text and text.count('msgstr "EN ') == len([m for m in catalog if m.id])


def test_po_bootstrapped_by_align_survives_update(project: Path) -> None:
    po = project / "sources" / "g60-corridor-agreement-2017.en.po"
    english = ROOT / "tests" / "data" / "align" / "g60-agreement.en.html"
    source = Path("sources") / SAMPLE.name
    done = g60pub("align", str(source), str(english), "--format", "po", "-o", str(po), cwd=project)
    assert done.returncode == 0, done.stderr
    before = {m.context: (str(m.string), m.fuzzy) for m in read_po(po) if m.id}
    body = {k: v for k, v in before.items() if not str(k).startswith("meta:")}
    assert sum(1 for s, _ in body.values() if s) == len(body) - 1  # the dropped paragraph
    # The byline fields have their entries already, as update makes them.
    assert {"meta:source", "meta:via"} <= set(before)
    data = po.read_bytes()
    done = g60pub("update", "--project", str(project), cwd=project)
    assert done.returncode == 0, done.stderr
    after = {m.context: (str(m.string), m.fuzzy) for m in read_po(po) if m.id}
    assert after == before
    assert po.read_bytes() == data  # update finds the aligned file as it would make it


def test_update_uses_the_glossary_files_the_configuration_names(project: Path) -> None:
    # The same glossary as a build: a term from a file named in g60pub.toml
    # reaches the translator's hints (and check's findings).
    (project / "terms").mkdir()
    (project / "terms" / "extra.csv").write_text(
        "zh,en,source\n内聚外合,inward cohesion and outward cooperation,test\n", "utf-8"
    )
    (project / "g60pub.toml").write_text('glossary = ["terms/extra.csv"]\n', "utf-8")
    done = g60pub("update", "--project", str(project), cwd=project)
    assert done.returncode == 0, done.stderr
    text = (project / "sources" / "g60-corridor-agreement-2017.en.po").read_text(encoding="utf-8")
    assert "#. 内聚外合 = inward cohesion and outward cooperation" in text


@pytest.mark.parametrize("command", ["update", "status", "check", "export"])
def test_a_missing_project_is_one_line_and_exit_2(command: str, tmp_path: Path) -> None:
    extra = ["--tmx", str(tmp_path / "out.tmx")] if command == "export" else []
    done = g60pub(command, "--project", str(tmp_path / "nowhere"), *extra, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == f"g60pub: {tmp_path / 'nowhere'}: project directory does not exist\n"


def test_check_summary_counts_an_unreadable_po_file_as_the_error_it_exits_on(
    project: Path,
) -> None:
    shutil.copy(DATA / "malformed.en.po", project / "sources" / "g60-corridor-agreement-2017.en.po")
    done = g60pub("check", "--project", str(project), cwd=project)
    assert done.returncode == 1
    summary = done.stderr.strip().splitlines()[-1]
    assert summary == "1 error (1 file could not be read), 0 warnings, 0 accepted"
    assert "g60-corridor-agreement-2017.en.po:12:" in done.stderr


def test_check_shows_a_finding_the_translator_accepted_and_exits_zero(project: Path) -> None:
    g60pub("update", "--project", str(project), cwd=project)
    po = project / "sources" / "g60-corridor-agreement-2017.en.po"
    catalog = read_po(po)
    title = next(m for m in catalog if m.id)
    title.string = "A G60 agreement is signed"  # names none of the title's terms
    title.user_comments = ["g60pub-accept: term-missing"]
    po.write_bytes(render_po(catalog))
    done = g60pub("check", "--project", str(project), cwd=project)
    missing = [line for line in done.stdout.splitlines() if ": term-missing: " in line]
    assert missing and all(f": {title.context}: accepted error: " in line for line in missing)
    assert done.returncode == 0
    summary = done.stderr.strip().splitlines()[-1]
    assert summary.startswith("0 errors, ") and summary.endswith(f", {len(missing)} accepted")
