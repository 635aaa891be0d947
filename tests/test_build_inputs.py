"""A build reads again only the source and PO files that changed since the
last build; the others' digests come from the last build's record."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from conftest import build_with_cache, cache_of, output_tree

from g60pub.build.inputs import SETTLED

ARTICLES = 6


@pytest.fixture
def project(corpus_project: Path, tmp_path: Path, fixed_date: None) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(corpus_project, copy)
    # A stamp is kept only for a file unchanged for a while (see inputs.py):
    # the copies are just made.
    time.sleep(SETTLED / 1e9 + 0.1)
    return copy


def _inputs(project: Path) -> list[Path]:
    sources = project / "sources"
    return sorted([*sources.glob("*.html"), *sources.glob("*.en.po")])


def test_a_first_build_reads_every_source_and_po_file(project: Path, tmp_path: Path) -> None:
    report = build_with_cache(project, tmp_path / "out")
    assert report.inputs_read == len(_inputs(project)) == 2 * ARTICLES


def test_unchanged_files_are_not_read_again(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    (out / "index.html").unlink()  # a real build, not one with nothing to do
    report = build_with_cache(project, out)
    assert report.inputs_read == 0
    assert report.cache_hits == ARTICLES


def test_an_edited_file_of_the_same_size_is_read_again(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    po = sorted((project / "sources").glob("*.en.po"))[-1]
    page = out / "html" / "en" / (po.name.removesuffix(".en.po") + ".html")
    before = page.read_bytes()
    text = po.read_text("utf-8")
    found = re.search(r'^msgstr "[A-Za-z]', text, re.MULTILINE)  # a translation's first letter
    assert found is not None
    at = found.end() - 1
    edited = text[:at] + ("Q" if text[at] != "Q" else "Z") + text[at + 1 :]
    po.write_text(edited, "utf-8")
    report = build_with_cache(project, out)
    assert report.inputs_read == 1
    assert report.cache_hits == ARTICLES - 1
    assert page.read_bytes() != before


def test_a_forced_build_reads_every_file_again(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    assert build_with_cache(project, out, force=True).inputs_read == 2 * ARTICLES


def test_outputs_are_the_same_whether_digests_were_read_or_recorded(
    project: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    build_with_cache(project, first)
    shutil.copytree(cache_of(first), cache_of(second))
    shutil.rmtree(cache_of(second) / "articles")  # the digests kept, the articles rendered
    report = build_with_cache(project, second)
    assert report.inputs_read == 0
    assert output_tree(second) == output_tree(first)


def test_planning_stats_each_input_file_once_and_dates_the_build_by_the_newest(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from g60pub.build.inputs import InputFiles
    from g60pub.build.plan import plan_build
    from g60pub.config import load_config
    from g60pub.project import load_glossary

    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    newest = _inputs(project)[2]
    os.utime(newest, (2_000_000_000, 2_000_000_000))
    config = load_config(project)
    glossary = load_glossary(project, config)
    stat, seen = os.stat, []

    def counted(path: object, *args: object, **kwargs: object) -> os.stat_result:
        seen.append(str(path))
        return stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", counted)
    plan = plan_build(project, config, glossary, InputFiles(None))
    monkeypatch.setattr(os, "stat", stat)
    assert plan.date.moment.timestamp() == 2_000_000_000
    for path in _inputs(project):
        assert seen.count(str(path)) == 1, path
