"""Every EPUB passes Ace by DAISY, the vertical one included: no violation of
any impact, and the book claims EPUB Accessibility 1.1 at WCAG 2.1 AA.

Ace (npm ``@daisy/ace``, installed by tests/setup.sh) runs on Debian's
chromium; without either the tests skip locally and fail under CI.
"""

from __future__ import annotations

import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, Built

from g60pub.preview import find_chromium
from tests.browser import unavailable

ACE = REPO / "tests" / "node_modules" / ".bin" / "ace-puppeteer"
CLAIM = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"


def run_ace(book: Path, out: Path) -> dict[str, Any]:
    """Ace's JSON report on ``book``."""
    chromium = find_chromium()
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": str(chromium)}
    cmd = [str(ACE), "--force", "--silent", "--outdir", str(out), str(book)]
    subprocess.run(cmd, env=env, capture_output=True, check=False, timeout=600)
    report = out / "report.json"
    assert report.is_file(), f"Ace wrote no report for {book.name}"
    data: dict[str, Any] = json.loads(report.read_text("utf-8"))
    return data


def violations(report: dict[str, Any]) -> list[str]:
    """Every failed check of the report, with its impact and where."""
    found: list[str] = []
    for document in report["assertions"]:
        for check in document.get("assertions", []):
            if check["earl:result"]["earl:outcome"] != "pass":
                test = check["earl:test"]
                found.append(
                    f"{test.get('earl:impact')} {test.get('dct:title')} in "
                    f"{document['earl:testSubject']['url']}"
                )
    return found


@pytest.fixture(scope="module")
def ace_reports(
    built_sample: Built, built_project: Built, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, Any]]:
    if not ACE.is_file():
        unavailable(f"Ace by DAISY is not installed: run tests/setup.sh ({ACE})")
    if find_chromium() is None:
        unavailable("chromium is not installed")
    books = built_sample.files("epub/*.epub") + built_project.files("epub/*.epub")
    root = tmp_path_factory.mktemp("ace")
    with ThreadPoolExecutor(max_workers=2) as pool:
        reports = pool.map(lambda b: run_ace(b, root / b.name), books)
        return {b.name: r for b, r in zip(books, reports, strict=True)}


def test_ace_checks_every_book_the_vertical_one_included(
    ace_reports: dict[str, dict[str, Any]],
) -> None:
    assert len(ace_reports) == 11
    assert "g60-corridor.zh-Hant-vertical.epub" in ace_reports


def test_ace_finds_no_violation_of_any_impact_in_any_book(
    ace_reports: dict[str, dict[str, Any]],
) -> None:
    found = {name: violations(report) for name, report in ace_reports.items()}
    assert {name: v for name, v in found.items() if v} == {}
    assert {r["earl:result"]["earl:outcome"] for r in ace_reports.values()} == {"pass"}


def test_every_book_claims_epub_accessibility_at_wcag_aa(
    ace_reports: dict[str, dict[str, Any]],
) -> None:
    for name, report in ace_reports.items():
        metadata = report["earl:testSubject"]["metadata"]
        assert metadata["dcterms:conformsTo"] == CLAIM, name
        assert metadata["a11y:certifiedBy"], name
        assert report["a11y-metadata"]["empty"] == [], name
