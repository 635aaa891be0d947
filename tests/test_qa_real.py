"""QA on real translations: no error on the bundled sample nor on a real
Xinhua release with its official English (tests/data/gwr2023), while every
planted mistake is still caught."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from g60pub.config import load_config
from g60pub.project import load_glossary
from g60pub.translations.catalogs import check_project
from g60pub.translations.qa import QAFinding

ROOT = Path(__file__).resolve().parent.parent
GWR = ROOT / "tests" / "data" / "gwr2023"
SAMPLE_PO = "g60-corridor-agreement-2017.en.po"
GWR_PO = "gwr2023-release.en.po"


def check(project: Path) -> list[QAFinding]:
    findings, unreadable = check_project(project, load_glossary(project, load_config(project)))
    assert unreadable == []
    return findings


def errors(findings: list[QAFinding]) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in findings if f.counts_as_error]


def test_the_sample_translation_has_no_finding() -> None:
    assert check(ROOT) == []


def test_the_official_english_of_a_real_release_has_no_error() -> None:
    findings = check(GWR)
    assert errors(findings) == []
    # Its omissions (新华社 in the title; 李克强 ... 国务院 in the lead) are
    # accepted in the PO file, and shown.
    assert [(f.code, f.accepted) for f in findings] == [("term-missing", True)] * 3


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir()
    for name in (SAMPLE_PO, SAMPLE_PO.replace(".en.po", ".html")):
        shutil.copy(ROOT / "sources" / name, tmp_path / "sources" / name)
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    return tmp_path


@pytest.fixture
def gwr(tmp_path: Path) -> Path:
    shutil.copytree(GWR, tmp_path / "gwr")
    return tmp_path / "gwr"


def plant(project: Path, po: str, old: str, new: str) -> None:
    path = project / "sources" / po
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_wrong_date_in_the_sample_is_caught(sample: Path) -> None:
    plant(sample, SAMPLE_PO, "On July 12,", "On July 21,")
    assert [code for code, _ in errors(check(sample))] == ["number-mismatch"] * 2


def test_a_wrong_converted_figure_in_the_release_is_caught(gwr: Path) -> None:
    plant(gwr, GWR_PO, "over 650 million metric tons", "over 65 million metric tons")
    assert [code for code, _ in errors(check(gwr))] == ["number-mismatch"] * 2


def test_a_forbidden_rendering_is_caught(sample: Path) -> None:
    plant(
        sample,
        SAMPLE_PO,
        "platform for military-civilian integration",
        "platform for military-civil fusion",
    )
    found = errors(check(sample))
    assert (
        "term-forbidden",
        "“military-civil fusion” is a rendering to avoid for 军民融合; "
        "use “military-civilian integration”",
    ) in found


def test_a_missing_term_is_caught(sample: Path) -> None:
    plant(
        sample,
        SAMPLE_PO,
        "in the north there is the Xiongan New Area",
        "in the north there is a new area",
    )
    assert [code for code, _ in errors(check(sample))] == ["term-missing"]


def test_chinese_left_in_a_translation_is_caught(sample: Path) -> None:
    plant(
        sample, SAMPLE_PO, "witnessed the signing ceremony.", "witnessed the signing ceremony 仪式."
    )
    assert [code for code, _ in errors(check(sample))] == ["han-in-english"]


def test_chinese_left_in_a_byline_translation_is_caught(sample: Path) -> None:
    plant(sample, SAMPLE_PO, '"Reposted from the WeChat', '"Reposted from the 微信')
    found = [(f.block, f.code) for f in check(sample) if f.counts_as_error]
    assert found == [("meta:via", "han-in-english")]


def test_an_accepted_finding_reopens_when_the_translation_changes(gwr: Path) -> None:
    plant(gwr, GWR_PO, "released in full via Xinhua", "published in full via Xinhua")
    found = errors(check(gwr))
    assert [code for code, _ in found] == ["term-missing"] * 2
    assert all("accepted for an earlier text" in message for _, message in found)
