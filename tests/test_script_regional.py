"""Traditional as its readers write it: a Taiwan edition is in Taiwan forms (a
fixed point of OpenCC t2tw), a Hong Kong one in Hong Kong forms (t2hk), and
every Traditional edition quotes with corner brackets."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, Built, copy_project, run_build

from g60pub.chinese import opencc_converter
from g60pub.config import load_config
from g60pub.project import load_glossary
from g60pub.script import convert


def pinned_forms(project: Path) -> list[str]:
    glossary = load_glossary(project, load_config(project))
    return sorted((t.zh_hant for t in glossary if t.pinned), key=len, reverse=True)


def chinese_lines(text: str) -> list[str]:
    """The book's Chinese lines (the header's and the markers' aside)."""
    return [line for line in text.splitlines() if any("\u4e00" <= ch <= "\u9fff" for ch in line)]


def unchanged_by(config: str, text: str, pins: list[str]) -> list[tuple[str, str]]:
    """Lines of ``text`` that OpenCC ``config`` would change, pinned forms aside."""
    converter = opencc_converter(config)
    changed = []
    for line in chinese_lines(text):
        for pin in pins:
            line = line.replace(pin, "\ue000")
        again = converter.convert(line)
        if again != line:
            changed.append((line, again))
    return changed


def test_the_taiwan_edition_is_a_fixed_point_of_t2tw(
    built_sample: Built, built_project: Built
) -> None:
    for built, project in ((built_sample, REPO), (built_project, built_project.project)):
        (book,) = built.files("txt/*.zh-Hant.txt")
        assert unchanged_by("t2tw", book.read_text("utf-8"), pinned_forms(project)) == []


def test_the_taiwan_edition_writes_taiwan_forms_not_opencc_ones(built_sample: Built) -> None:
    (book,) = built_sample.files("txt/*.zh-Hant.txt")
    text = book.read_text("utf-8")
    assert "大眾創業萬眾創新" in text and "為先導" in text
    assert "衆" not in text and "爲" not in text


def test_the_hong_kong_edition_is_a_fixed_point_of_t2hk(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    config = project / "g60pub.toml"
    config.write_text(config.read_text("utf-8") + 'traditional_config = "s2hk"\n', "utf-8")
    built = run_build(project, tmp_path / "out", variants=("zh-Hant",), formats=("txt",))
    (book,) = built.files("txt/*.zh-Hant.txt")
    assert unchanged_by("t2hk", book.read_text("utf-8"), pinned_forms(project)) == []


def test_every_traditional_edition_quotes_with_corner_brackets(built_sample: Built) -> None:
    for pattern in ("txt/*.zh-Hant.txt", "txt/*.zh-Hant+en.txt"):
        (book,) = built_sample.files(pattern)
        chinese = "\n".join(chinese_lines(book.read_text("utf-8")))
        assert "「雙創」" in chinese
        assert "“" not in chinese and "”" not in chinese
    (simplified,) = built_sample.files("txt/*.zh-Hans.txt")
    assert "“双创”" in simplified.read_text("utf-8")


def test_a_traditional_source_is_quoted_with_corner_brackets_in_an_s2t_edition(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path)
    config = project / "g60pub.toml"
    config.write_text(config.read_text("utf-8") + 'traditional_config = "s2t"\n', "utf-8")
    source = project / "sources" / "jiaxing-songjiang-2019.html"
    data = source.read_bytes().decode("big5")
    assert "“" not in data
    quoted = data.replace("，嘉興與松江兩地", "，“嘉興”與松江兩地")
    assert quoted != data
    source.write_bytes(quoted.encode("big5"))
    built = run_build(project, tmp_path / "out", variants=("zh-Hant",), formats=("txt",))
    (book,) = built.files("txt/*.zh-Hant.txt")
    assert "「嘉興」" in book.read_text("utf-8")


@pytest.mark.parametrize(
    ("text", "config", "expected"),
    [
        ("他说：“‘双创’是什么？”", "s2tw", "他說：「『雙創』是什麼？」"),
        ("他說：「『雙創』是什麼？」", "t2s", "他说：“‘双创’是什么？”"),
        ("《People’s Daily》报道", "s2hk", "《People’s Daily》報道"),
        ("见’字", "s2t", "見’字"),
    ],
)
def test_quotes_follow_the_script_converted_to(text: str, config: str, expected: str) -> None:
    assert convert(text, config) == expected
