"""`g60pub glossary ...` and `g60pub convert` on the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import run_g60pub

DATA = Path(__file__).parent / "data" / "glossary"


def run(*args: str, stdin: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return run_g60pub(*args, stdin=stdin, cwd=cwd)


def test_lookup_prints_the_term_by_its_english_form() -> None:
    result = run("glossary", "lookup", "Military-Civilian Integration")
    assert result.returncode == 0
    assert (
        "zh: 军民融合" in result.stdout and "en_forbidden: military-civil fusion" in result.stdout
    )


def test_lookup_of_an_unknown_term_exits_1() -> None:
    result = run("glossary", "lookup", "没有这个词")
    assert result.returncode == 1 and "no glossary term" in result.stderr


def test_find_reads_standard_input_and_prints_json() -> None:
    result = run("glossary", "find", "-", "--json", stdin="依托G60科创走廊,在沪签订")
    assert result.returncode == 0
    rows = json.loads(result.stdout)
    assert [(r["text"], r["zh"], r["form"]) for r in rows] == [
        ("G60科创走廊", "G60科创走廊", "zh"),
        ("沪", "沪", "zh"),
    ]
    assert rows[0]["start"] == 2 and rows[0]["end"] == 9


def test_find_reads_a_file_and_prints_tab_separated_lines() -> None:
    result = run("glossary", "find", str(DATA / "seed_article.txt"))
    assert result.returncode == 0
    assert "\t韩正\t韩正\tHan Zheng" in result.stdout


def test_check_passes_on_the_bundled_glossary() -> None:
    result = run("glossary", "check")
    assert result.returncode == 0 and "0 problem(s)" in result.stdout


def test_check_exits_1_on_a_broken_glossary_naming_file_and_line() -> None:
    result = run("glossary", "check", "--glossary", str(DATA / "bad_type.csv"))
    assert result.returncode == 1
    assert f"{DATA / 'bad_type.csv'}:3: " in result.stderr


def test_check_exits_1_when_a_row_cites_no_source(tmp_path: Path) -> None:
    csv = tmp_path / "g.csv"
    csv.write_text("zh,en\n上海,Shanghai\n", encoding="utf-8")
    result = run("glossary", "check", "--glossary", str(csv))
    assert result.returncode == 1 and "上海: no source cited" in result.stderr


def test_export_tbx_then_import_gives_back_the_csv(tmp_path: Path) -> None:
    tbx = tmp_path / "out" / "g.tbx"
    assert run("glossary", "export", "--format", "tbx", "-o", str(tbx)).returncode == 0
    imported = run("glossary", "import", str(tbx))
    exported = run("glossary", "export", "--format", "csv")
    assert imported.returncode == 0 and imported.stdout == exported.stdout
    assert imported.stdout.startswith("zh,en,zh_hant,en_alt,en_forbidden,type,note,source\n")


def test_export_of_only_the_given_glossary_with_no_bundled(tmp_path: Path) -> None:
    out = tmp_path / "small.csv"
    result = run(
        "glossary",
        "export",
        "--format",
        "csv",
        "--no-bundled",
        "--glossary",
        str(DATA / "small.csv"),
        "-o",
        str(out),
    )
    assert result.returncode == 0
    assert out.read_text(encoding="utf-8").count("\n") == 3


def test_glossary_option_adds_terms_to_the_bundled_ones(tmp_path: Path) -> None:
    csv = tmp_path / "mine.csv"
    csv.write_text("zh,en,source\n泗泾镇,Sijing Town,Songjiang gazette\n", encoding="utf-8")
    found = run("glossary", "find", "--glossary", str(csv), stdin="泗泾镇与军民融合")
    assert found.returncode == 0
    assert [line.split("\t")[4] for line in found.stdout.splitlines()] == ["泗泾镇", "军民融合"]


def test_check_lists_each_override_once_and_passes(tmp_path: Path) -> None:
    csv = tmp_path / "mine.csv"
    csv.write_text(
        "zh,en,type,source\n松江,Songjiang District,place,Songjiang gazette\n", encoding="utf-8"
    )
    result = run("glossary", "check", "--glossary", str(csv))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{csv}:2: 松江 overrides the term at bundled:places.csv:")
    assert lines[-1].endswith(" terms, 1 override(s), 0 problem(s)")
    assert len(lines) == 2


def test_glossary_commands_use_the_glossary_of_a_project(tmp_path: Path) -> None:
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "terms.csv").write_text(
        "zh,en,type\n军民融合,,removed\n", encoding="utf-8"
    )
    (tmp_path / "extra.csv").write_text("zh,en\n泗泾镇,Sijing Town\n", encoding="utf-8")
    (tmp_path / "g60pub.toml").write_text('glossary = ["extra.csv"]\n', encoding="utf-8")
    gone = run("glossary", "lookup", "--project", str(tmp_path), "军民融合")
    added = run("glossary", "lookup", "--project", str(tmp_path), "Sijing Town")
    kept = run("glossary", "lookup", "--project", str(tmp_path), "松江")
    assert gone.returncode == 1 and added.returncode == 0 and kept.returncode == 0


def test_import_of_an_unsafe_tbx_is_one_error_line_and_exit_2() -> None:
    result = run("glossary", "import", str(DATA / "xxe.tbx"))
    assert result.returncode == 2
    assert result.stderr.startswith("g60pub: ") and result.stderr.count("\n") == 1


def test_convert_reads_stdin_and_keeps_pins() -> None:
    result = run("convert", "--config", "s2twp", stdin="完善知识产权与软件")
    assert result.returncode == 0 and result.stdout == "完善知識產權與軟體"


def test_convert_refuses_bytes_that_are_not_utf8_on_stdin_in_one_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "g60pub", "convert", "-"],
        input="知识产权".encode("gb18030") + b"\xff\xfe\x00",
        capture_output=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == b"g60pub: standard input: not UTF-8 text\n"


def test_convert_glossary_option_keeps_the_bundled_pins(tmp_path: Path) -> None:
    csv = tmp_path / "g.csv"
    csv.write_text("zh,en\n信息,information\n", encoding="utf-8")
    text = tmp_path / "in.txt"
    text.write_text("知识产权信息", encoding="utf-8")
    result = run("convert", "--config", "s2twp", "--glossary", str(csv), str(text))
    assert result.returncode == 0 and result.stdout == "知識產權資訊"


def test_convert_with_no_bundled_uses_only_the_given_glossary(tmp_path: Path) -> None:
    csv = tmp_path / "g.csv"
    csv.write_text("zh,en\n信息,information\n", encoding="utf-8")
    result = run(
        "convert", "--config", "s2twp", "--no-bundled", "--glossary", str(csv), stdin="知识产权"
    )
    assert result.returncode == 0 and result.stdout == "智慧財產權"


def test_convert_of_a_missing_file_is_one_error_line() -> None:
    result = run("convert", "/no/such/file.txt")
    assert result.returncode == 2 and "/no/such/file.txt" in result.stderr


def test_convert_with_an_unknown_config_is_one_error_line() -> None:
    result = run("convert", "--config", "x2y", stdin="知识")
    assert result.returncode == 2 and "unknown OpenCC config" in result.stderr
