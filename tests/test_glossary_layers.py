"""Layered glossaries: the bundled termbase below, a project's files on top."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import copy_project, run_build, run_g60pub, source_date_epoch

from g60pub import __version__
from g60pub.config import load_config
from g60pub.errors import GlossaryError
from g60pub.glossary import Glossary, bundled_files
from g60pub.project import load_glossary

HEADER = "zh,en,zh_hant,en_alt,en_forbidden,type,note,source\n"


def write(path: Path, *rows: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def bundled() -> Glossary:
    return Glossary.bundled()


def test_the_bundled_glossary_is_what_loading_without_files_gives(bundled: Glossary) -> None:
    assert list(Glossary.load()) == list(bundled)
    assert bundled.overrides == () and bundled.removed == ()


def test_the_bundled_files_are_public_and_read_alone_give_the_bundled_glossary(
    bundled: Glossary, tmp_path: Path
) -> None:
    assert [f.name for f in bundled_files()] == [
        "organisations.csv",
        "people.csv",
        "places.csv",
        "terms.csv",
    ]
    assert list(Glossary.load(bundled_files(), bundled=False)) == list(bundled)
    mine = write(tmp_path / "mine.csv", "泗泾镇,Sijing Town,,,,place,,Songjiang gazette")
    assert len(Glossary.load([*bundled_files(), mine])) == len(bundled) + 1


def test_a_layer_adds_its_terms_and_keeps_every_bundled_one(
    bundled: Glossary, tmp_path: Path
) -> None:
    mine = write(tmp_path / "mine.csv", "泗泾镇,Sijing Town,,,,place,,Songjiang gazette")
    g = Glossary.load([mine])
    assert len(g) == len(bundled) + 1
    assert [t.zh for t in g][-1] == "泗泾镇"
    term = g.lookup("军民融合")
    assert term is not None and "military-civil fusion" in term.en_forbidden


def test_a_row_with_a_bundled_zh_overrides_the_term_in_place(
    bundled: Glossary, tmp_path: Path
) -> None:
    mine = write(tmp_path / "mine.csv", "松江,Songjiang District,,,,place,,Songjiang gazette")
    g = Glossary.load([mine])
    assert len(g) == len(bundled)
    position = [t.zh for t in bundled].index("松江")
    assert g.terms[position].en == "Songjiang District"
    [override] = g.overrides
    assert (override.zh, str(override.at), override.removed) == ("松江", f"{mine}:2", False)
    assert override.replaces == bundled.origin("松江")
    assert str(override.replaces).startswith("bundled:places.csv:")


def test_a_row_equal_to_the_bundled_one_is_no_override(bundled: Glossary, tmp_path: Path) -> None:
    same = tmp_path / "same.csv"
    same.write_text(Glossary([t for t in bundled if t.zh == "松江"]).to_csv(), encoding="utf-8")
    assert Glossary.load([same]).overrides == ()


def test_a_removed_row_takes_a_bundled_term_out(tmp_path: Path) -> None:
    mine = write(tmp_path / "mine.csv", "军民融合,,,,,removed,not our usage,")
    g = Glossary.load([mine])
    assert g.lookup("军民融合") is None
    assert g.find("构建军民融合服务创新平台") == []
    assert g.check("推动发展", "advance military-civil fusion") == []
    [override] = g.overrides
    assert override.removed and str(override).startswith(f"{mine}:2: 军民融合 removes the term at")
    assert [r.zh for r in g.removed] == ["军民融合"]


def test_loading_without_the_bundled_base_reads_only_the_files(tmp_path: Path) -> None:
    mine = write(tmp_path / "mine.csv", "泗泾镇,Sijing Town,,,,place,,Songjiang gazette")
    assert [t.zh for t in Glossary.load([mine], bundled=False)] == ["泗泾镇"]
    assert len(Glossary.load(bundled=False)) == 0


def test_files_layer_in_order_and_the_later_one_wins(tmp_path: Path) -> None:
    first = write(tmp_path / "a.csv", "泗泾镇,Sijing,,,,place,,x", "松江,Songjiang,,,,place,,x")
    second = write(tmp_path / "b.csv", "泗泾镇,Sijing Town,,,,place,,y")
    g = Glossary.load([first, second], bundled=False)
    assert [(t.zh, t.en) for t in g] == [("泗泾镇", "Sijing Town"), ("松江", "Songjiang")]
    assert [str(o) for o in g.overrides] == [f"{second}:2: 泗泾镇 overrides the term at {first}:2"]


def test_combining_a_glossary_on_the_bundled_one_equals_loading_it_layered(
    bundled: Glossary, tmp_path: Path
) -> None:
    mine = write(
        tmp_path / "mine.csv",
        "松江,Songjiang District,,,,place,,Songjiang gazette",
        "军民融合,,,,,removed,,",
        "泗泾镇,Sijing Town,,,,place,,Songjiang gazette",
    )
    combined = bundled.combine(Glossary.load([mine], bundled=False))
    loaded = Glossary.load([mine])
    assert list(combined) == list(loaded)
    assert combined.overrides == loaded.overrides
    assert combined.version == loaded.version


def test_a_higher_layer_brings_back_a_term_a_lower_one_removed(tmp_path: Path) -> None:
    gone = write(tmp_path / "a.csv", "军民融合,,,,,removed,,")
    back = write(tmp_path / "b.csv", "军民融合,civil-military integration,,,,term,,x")
    g = Glossary.load([gone, back])
    term = g.lookup("军民融合")
    assert term is not None and term.en == "civil-military integration"
    assert g.removed == ()


def test_terms_by_type(bundled: Glossary) -> None:
    places = bundled.by_type("place")
    assert places and all(t.type == "place" for t in places)
    assert sum(len(bundled.by_type(kind)) for kind in ("term", "name", "org", "place")) + len(
        bundled.by_type("slogan")
    ) + len(bundled.by_type("abbr")) == len(bundled)


def test_version_is_the_package_version_and_a_digest_of_the_content(
    bundled: Glossary, tmp_path: Path
) -> None:
    assert bundled.version == f"{__version__}+{bundled.digest()[:16]}"
    copy = tmp_path / "copy.csv"
    copy.write_text(bundled.to_csv(), encoding="utf-8")
    assert Glossary.load([copy], bundled=False).version == bundled.version
    changed = write(tmp_path / "mine.csv", "泗泾镇,Sijing Town,,,,place,,Songjiang gazette")
    assert Glossary.load([changed]).version != bundled.version


def test_the_layered_glossary_round_trips_through_tbx_and_csv(tmp_path: Path) -> None:
    mine = write(
        tmp_path / "mine.csv",
        "松江,Songjiang District,松江區,,,place,district,Songjiang gazette",
        "军民融合,,,,,removed,not our usage,house style",
        "泗泾镇,Sijing Town,,Sijing,,place,,Songjiang gazette",
    )
    g = Glossary.load([mine])
    again = Glossary.from_tbx(g.to_tbx())
    assert list(again) == list(g)
    assert again.removed == g.removed
    assert again.to_csv() == g.to_csv()
    csv = tmp_path / "again.csv"
    csv.write_text(g.to_csv(), encoding="utf-8")
    assert Glossary.load([csv], bundled=False).to_csv() == g.to_csv()


def test_a_project_glossary_directory_and_configured_files_layer_in_that_order(
    tmp_path: Path,
) -> None:
    write(tmp_path / "glossary" / "a.csv", "泗泾镇,Sijing,,,,place,,x")
    write(tmp_path / "terms" / "extra.csv", "泗泾镇,Sijing Town,,,,place,,y")
    (tmp_path / "g60pub.toml").write_text('glossary = ["terms/extra.csv"]\n', "utf-8")
    g = load_glossary(tmp_path, load_config(tmp_path))
    term = g.lookup("泗泾镇")
    assert term is not None and term.en == "Sijing Town"
    assert [str(o) for o in g.overrides] == [
        "terms/extra.csv:2: 泗泾镇 overrides the term at glossary/a.csv:2"
    ]
    assert g.lookup("军民融合") is not None  # the bundled base is below


def test_the_sample_project_glossary_directory_is_not_layered_on_itself() -> None:
    repo = Path(__file__).resolve().parents[1]
    g = load_glossary(repo, load_config(repo))
    assert g.overrides == () and list(g) == list(Glossary.bundled())


def test_a_build_marks_project_terms_and_keeps_the_bundled_ones(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    write(
        project / "glossary" / "terms.csv",
        "虹桥国际开放枢纽,Hongqiao International Opening-up Hub,,,,place,,english.www.gov.cn",
    )
    out = tmp_path / "out"
    run_build(project, out, formats=("html",))
    glossary_page = (out / "html/zh-Hans/glossary.html").read_text("utf-8")
    assert "Hongqiao International Opening-up Hub" in glossary_page
    assert "Yangtze River Delta" in glossary_page  # a bundled term the articles use
    article = (out / "html/zh-Hans/hongqiao-hub-2020.html").read_text("utf-8")
    assert 'href="glossary.html#' in article
    tbx = (out / "glossary.tbx").read_bytes()
    assert b"Hongqiao International Opening-up Hub" in tbx and "军民融合".encode() in tbx


def test_overrides_are_listed_in_the_qa_report(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    write(project / "glossary" / "terms.csv", "松江,Songjiang District,,,,place,,gazette")
    out = tmp_path / "out"
    run_build(project, out, formats=("html",))
    report = json.loads((out / "qa-report.json").read_text("utf-8"))
    [override] = report["glossary_overrides"]
    assert (override["zh"], override["file"], override["line"]) == ("松江", "glossary/terms.csv", 2)
    assert override["replaces"].startswith("bundled:places.csv:")
    page = (out / "qa-report.html").read_text("utf-8")
    assert "glossary/terms.csv:2: 松江 overrides the term at bundled:places.csv:" in page


def test_a_broken_glossary_stops_the_build_in_one_line_with_exit_2_and_writes_nothing(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path)
    # One field short: "term" would land in en_forbidden.
    write(project / "glossary" / "terms.csv", "泗泾镇,Sijing Town,,,term,,x")
    out = tmp_path / "out"
    with source_date_epoch():
        proc = run_g60pub("build", "--project", project, "--out", out)
    assert proc.returncode == 2
    assert proc.stderr == "g60pub: glossary/terms.csv:2: 7 fields, the header has 8\n"
    assert not out.exists()


def test_a_layer_with_the_same_zh_twice_is_an_error(tmp_path: Path) -> None:
    mine = write(tmp_path / "mine.csv", "松江,Songjiang,,,,place,,x", "松江,Song River,,,,place,,x")
    with pytest.raises(GlossaryError) as err:
        Glossary.load([mine])
    assert (err.value.file, err.value.line) == (str(mine), 3)
