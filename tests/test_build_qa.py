"""The build and the translations' state: a broken PO file breaks only the
editions that need it, --strict fails on QA errors, the summary names the QA
report, and the report shows what the translator accepted."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, copy_project, run_build, source_date_epoch

PO = "delta-integration-2018.en.po"
GWR = REPO / "tests" / "data" / "gwr2023"


def build(project: Path, out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    with source_date_epoch():
        return subprocess.run(
            [sys.executable, "-m", "g60pub", "build", "--project", str(project), "--out", str(out),
             "--jobs", "1", *options],
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )  # fmt: skip


def test_a_malformed_po_file_leaves_its_article_in_the_chinese_editions_only(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path)
    po = project / "sources" / PO
    po.write_text(po.read_text("utf-8").replace('msgstr "', 'msgstr "unterminated\n', 1), "utf-8")
    out = tmp_path / "out"
    proc = build(project, out)
    assert proc.returncode == 1
    (line,) = [line for line in proc.stderr.splitlines() if PO in line]
    assert line.startswith(f"g60pub: sources/{PO}:") and "English and bilingual" in line
    article = "delta-integration-2018.html"
    for variant in ("zh-Hans", "zh-Hant"):
        assert (out / "html" / variant / article).is_file()
    for variant in ("en", "zh-Hans+en", "zh-Hant+en"):
        assert not (out / "html" / variant / article).exists()
    # the other articles are in every edition they qualify for
    assert (out / "html/en/jiaxing-songjiang-2019.html").is_file()


def test_a_malformed_po_file_fails_the_build_again_when_its_article_comes_from_the_cache(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path)
    po = project / "sources" / PO
    po.write_text(po.read_text("utf-8") + '\nmsgctxt "x"\nmsgid "a"\nmsgstr\n', "utf-8")
    first = run_build(project, tmp_path / "out")
    (project / "sources" / "extra.html").write_text(
        (project / "sources" / "hongqiao-hub-2020.html").read_text("utf-8"), "utf-8"
    )
    second = run_build(project, tmp_path / "out")
    for built in (first, second):
        assert built.report.exit_status == 1  # type: ignore[attr-defined]
        assert [f for f in built.report.failures if PO in f]  # type: ignore[attr-defined]


def _with_a_qa_error(tmp_path: Path) -> Path:
    project = tmp_path / "gwr"
    shutil.copytree(GWR, project)
    po = project / "sources" / "gwr2023-release.en.po"
    po.write_text(po.read_text("utf-8").replace("650 million", "65 million"), "utf-8")
    return project


def test_build_strict_exits_one_on_qa_errors_and_names_the_report(tmp_path: Path) -> None:
    project = _with_a_qa_error(tmp_path)
    plain = build(project, tmp_path / "plain")
    strict = build(project, tmp_path / "strict", "--strict")
    assert plain.returncode == 0 and strict.returncode == 1
    report = tmp_path / "strict" / "qa-report.html"
    assert f"2 QA errors (see {report})" in strict.stdout  # 65 million for 650
    assert f"--strict: the translations have QA errors: see {report}" in strict.stderr


def test_build_strict_exits_zero_when_every_error_is_accepted(tmp_path: Path) -> None:
    proc = build(GWR, tmp_path / "out", "--strict")
    assert proc.returncode == 0, proc.stderr
    assert f"0 QA errors (see {tmp_path / 'out' / 'qa-report.html'})" in proc.stdout


def test_the_qa_report_shows_accepted_findings_without_counting_them(tmp_path: Path) -> None:
    built = run_build(GWR, tmp_path / "out")
    data = json.loads((built.out / "qa-report.json").read_text("utf-8"))
    assert data["summary"] == {"errors": 0, "warnings": 0, "accepted": 3}
    assert [f["accepted"] for f in data["findings"]] == [True, True, True]
    # Indented, and a finding a line: a diff of two reports shows the findings that changed.
    lines = (built.out / "qa-report.json").read_text("utf-8").splitlines()
    assert lines[:2] == ["{", '  "generator": "g60pub",']
    one_line = [json.loads(line.strip().rstrip(",")) for line in lines if '"code": ' in line]
    assert one_line == data["findings"]
    page = (built.out / "qa-report.html").read_text("utf-8")
    assert "0 errors, 0 warnings, 3 accepted." in page
    assert page.count("<td>error (accepted)</td>") == 3
