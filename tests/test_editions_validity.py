"""Every edition passes its validator: EPUBCheck 0 errors / 0 warnings, Nu HTML Checker 0 errors."""

from __future__ import annotations

import pytest
from conftest import Built, java_available, run_epubcheck, run_vnu

pytestmark = pytest.mark.skipif(not java_available(), reason="the validators need Java")

VARIANTS = ("zh-Hans", "zh-Hant", "en", "zh-Hans+en", "zh-Hant+en")


def test_every_variant_gets_an_epub_and_the_vertical_one_when_listed(
    built_sample: Built, built_project: Built
) -> None:
    # The sample lists zh-Hant-vertical; the test project keeps the default variants.
    sample = {p.name.split(".", 1)[1] for p in built_sample.files("epub/*.epub")}
    assert sample == {f"{v}.epub" for v in (*VARIANTS, "zh-Hant-vertical")}
    project = {p.name.split(".", 1)[1] for p in built_project.files("epub/*.epub")}
    assert project == {f"{v}.epub" for v in VARIANTS}


def test_every_epub_passes_epubcheck_without_errors_or_warnings(
    built_sample: Built, built_project: Built
) -> None:
    books = built_sample.files("epub/*.epub") + built_project.files("epub/*.epub")
    assert len(books) == 11
    messages = run_epubcheck(books)
    assert {p.name: m for p, m in messages.items() if m} == {}


def test_every_html_page_passes_the_nu_html_checker(
    built_sample: Built, built_project: Built
) -> None:
    pages = built_sample.files("**/*.html") + built_project.files("**/*.html")
    assert built_sample.out / "index.html" in pages
    assert built_sample.out / "qa-report.html" in pages
    assert len(pages) > 20
    assert run_vnu(pages) == []
