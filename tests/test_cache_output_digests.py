"""The last build's record of output digests lets a rebuild skip reading back
unchanged pages, but never lets it keep a page someone changed since."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from benchmark_corpus import corpus
from conftest import cache_of

from g60pub.build import BuildOptions, build, output_state
from g60pub.build.record import LastBuild, read_last_build, write_last_build


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    out = tmp_path / "project"
    corpus.write_corpus(out, 4, seed=5)
    return out


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1500000000")


def _build(project: Path, out: Path) -> None:
    build(_options(project, out))


def _options(project: Path, out: Path) -> BuildOptions:
    return BuildOptions(project=project, out=out, jobs=1, cache_dir=cache_of(out))


def _change_one_article(project: Path) -> str:
    spec = corpus.make_spec(corpus.load_picker(), 5, 1, revision=1)
    return str(corpus.write_article(project, spec).slug)


def test_last_build_records_a_digest_for_every_output(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(project, out)
    record = read_last_build(output_state(_options(project, out)))
    assert record is not None
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert set(record.digests) == written


def test_a_page_edited_by_hand_is_restored_when_another_article_changes(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    _build(project, out)
    changed = _change_one_article(project)
    cold = tmp_path / "cold"
    _build(project, cold)
    expected = (cold / "html" / "en" / "index.html").read_bytes()
    pages = sorted((out / "html" / "zh-Hans").glob("*.html"))
    victim = next(p for p in pages if changed not in p.name and "index" not in p.name)
    original = victim.read_bytes()
    # Same size, other bytes: only its changed modification time gives it away.
    victim.write_bytes(original[:-2] + b"X\n")
    _build(project, out)
    assert victim.read_bytes() == (cold / victim.relative_to(out)).read_bytes() == original
    assert (out / "html" / "en" / "index.html").read_bytes() == expected


def test_a_record_without_digests_still_gives_a_cold_builds_bytes(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    _build(project, out)
    state = output_state(_options(project, out))
    record = read_last_build(state)
    assert record is not None
    write_last_build(state, LastBuild.made(record.inputs, dict(record.outputs), record.report, {}))
    _change_one_article(project)
    _build(project, out)
    cold = tmp_path / "cold"
    shutil.rmtree(cold, ignore_errors=True)
    _build(project, cold)
    names = [p.relative_to(cold) for p in cold.rglob("*") if p.is_file()]
    assert names
    assert all((out / n).read_bytes() == (cold / n).read_bytes() for n in names)
