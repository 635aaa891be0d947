"""`g60pub build`: outputs, reproducibility, partial failure, exit codes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import (
    REPO,
    TEST_PROJECT,
    Built,
    cache_of,
    copy_project,
    output_tree,
    run_build,
    run_g60pub,
    source_date_epoch,
)

VARIANTS = ("zh-Hans", "zh-Hant", "en", "zh-Hans+en", "zh-Hant+en")


def cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    with source_date_epoch():
        return run_g60pub("build", *args, cwd=cwd)


def test_every_edition_file_is_named_by_its_variant(built_project: Built) -> None:
    files = set(output_tree(built_project.out))
    for variant in VARIANTS:
        assert f"epub/test-corridor.{variant}.epub" in files
        assert f"txt/test-corridor.{variant}.txt" in files
        assert f"html/{variant}/index.html" in files
        assert f"html/{variant}/glossary.html" in files
    for name in (
        "index.html",
        "glossary.tbx",
        "translations.tmx",
        "qa-report.json",
        "qa-report.html",
    ):
        assert name in files


def test_two_builds_are_byte_identical_whatever_the_number_of_jobs(
    built_project: Built, tmp_path: Path
) -> None:
    again = run_build(TEST_PROJECT, tmp_path / "out", jobs=1, use_cache=False)
    assert output_tree(again.out) == output_tree(built_project.out)


def test_an_unchanged_article_comes_from_the_cache_with_the_same_bytes(tmp_path: Path) -> None:
    first = run_build(TEST_PROJECT, tmp_path / "out")
    before = output_tree(first.out)
    second = run_build(TEST_PROJECT, tmp_path / "out")
    assert second.report.cache_hits == 3  # type: ignore[attr-defined]
    assert output_tree(second.out) == before


def test_article_below_min_translated_is_left_out_of_english_editions_with_a_warning(
    built_project: Built,
) -> None:
    out = built_project.out
    assert (out / "html/zh-Hans/hongqiao-hub-2020.html").is_file()
    assert (out / "html/zh-Hant/hongqiao-hub-2020.html").is_file()
    for variant in ("en", "zh-Hans+en", "zh-Hant+en"):
        assert not (out / f"html/{variant}/hongqiao-hub-2020.html").exists()
    warnings = built_project.report.warnings  # type: ignore[attr-defined]
    assert any("hongqiao-hub-2020.html" in w and "min_translated" in w for w in warnings)


def test_qa_report_lists_the_untranslated_paragraph(built_project: Built) -> None:
    report = json.loads((built_project.out / "qa-report.json").read_text("utf-8"))
    untranslated = [
        f
        for f in report["findings"]
        if f["code"] == "untranslated" and f["file"] == "sources/delta-integration-2018.en.po"
    ]
    assert len(untranslated) == 1


def test_outputs_hold_no_absolute_path_and_no_script_but_the_sites_own(
    built_project: Built,
) -> None:
    for name, data in output_tree(built_project.out).items():
        if name.endswith((".html", ".txt", ".json", ".tmx")):
            text = data.decode("utf-8")
            assert str(TEST_PROJECT) not in text, name
            # The site's own scripts: the search box loader and the term-marks switch.
            scripts = re.findall(r"<script[^>]*>", text, re.IGNORECASE)
            own = {'<script src="../search.js" defer>', '<script src="../marks.js">'}
            assert set(scripts) <= own, name
            assert "never in an edition" not in text, name


def test_the_sample_builds_from_the_repository_root_with_no_options_but_out(tmp_path: Path) -> None:
    proc = cli("--out", str(tmp_path / "output"), "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    assert "built 16 editions from 1 article:" in proc.stdout
    assert (tmp_path / "output/epub/g60-corridor.zh-Hant+en.epub").is_file()


def test_a_bad_source_fails_alone_with_one_line_and_exit_1(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "sources" / "broken.html").write_bytes(b"\x00\x01\x02 not a page \xff\xfe")
    proc = cli("--project", str(project), "--out", str(tmp_path / "out"), "--jobs", "2")
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if "broken.html" in line]
    assert len(errors) == 1 and errors[0].startswith("g60pub: sources/broken.html")
    assert "Traceback" not in proc.stderr
    assert (tmp_path / "out/html/en/delta-integration-2018.html").is_file()
    assert "1 error," in proc.stdout


def test_a_page_read_with_a_few_bytes_replaced_is_built_with_one_warning_naming_it(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path)
    page = REPO / "tests" / "data" / "pages" / "gbk_sidebar_bad_bytes.html"
    (project / "sources" / "sidebar.html").write_bytes(page.read_bytes())
    proc = cli("--project", str(project), "--out", str(tmp_path / "out"), "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    warned = [line for line in proc.stderr.splitlines() if "undecodable" in line]
    assert warned == [
        "g60pub: warning: sources/sidebar.html: 3 undecodable byte sequences replaced "
        "(read as gb18030)"
    ]
    assert (tmp_path / "out/html/zh-Hans/sidebar.html").is_file()


def test_bad_configuration_exits_2_and_leaves_previous_output_whole(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    out = tmp_path / "out"
    assert cli("--project", str(project), "--out", str(out)).returncode == 0
    before = output_tree(out)
    (project / "g60pub.toml").write_text("min_translated = 7\n", encoding="utf-8")
    proc = cli("--project", str(project), "--out", str(out))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "g60pub.toml" in proc.stderr
    assert output_tree(out) == before


def test_an_output_directory_that_cannot_be_made_is_one_line_and_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    proc = cli("--project", str(TEST_PROJECT), "--out", str(blocker / "out"))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"g60pub: {blocker / 'out'}: ")
    assert blocker.read_text(encoding="utf-8") == "not a directory"


def test_unknown_variant_on_the_command_line_exits_2(tmp_path: Path) -> None:
    proc = cli("--project", str(TEST_PROJECT), "--out", str(tmp_path), "--variants", "zh-Hans,fr")
    assert proc.returncode == 2
    assert "fr" in proc.stderr


def test_variants_and_formats_options_limit_the_build(tmp_path: Path) -> None:
    args = ("--project", str(TEST_PROJECT), "--out", str(tmp_path / "o"))
    proc = cli(*args, "--variants", "zh-Hant", "--formats", "txt")
    assert proc.returncode == 0, proc.stderr
    assert [p.name for p in (tmp_path / "o/txt").iterdir()] == ["test-corridor.zh-Hant.txt"]
    assert not (tmp_path / "o/epub").exists()


def test_an_article_removed_from_sources_disappears_from_the_output(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    out = tmp_path / "out"
    run_build(project, out)
    assert (out / "html/zh-Hans/hongqiao-hub-2020.html").is_file()
    (project / "sources" / "hongqiao-hub-2020.html").unlink()
    run_build(project, out)
    assert not (out / "html/zh-Hans/hongqiao-hub-2020.html").exists()
    assert (out / "html/zh-Hans/delta-integration-2018.html").is_file()


def test_without_its_build_state_a_build_still_removes_a_removed_articles_files(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path)
    out = tmp_path / "out"
    run_build(project, out)
    mine = [out / "CNAME", out / "html/notes/readme.html", out / "epub/other.en.epub"]
    for path in mine:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("the user's own\n", "utf-8")
    shutil.rmtree(cache_of(out))
    (project / "sources" / "hongqiao-hub-2020.html").unlink()
    run_build(project, out)
    assert not list(out.rglob("hongqiao-hub-2020.html"))
    assert (out / "html/zh-Hans/delta-integration-2018.html").is_file()
    assert [p.read_text("utf-8") for p in mine] == ["the user's own\n"] * 3


def test_a_regional_traditional_config_tags_the_editions_zh_hant_tw(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    config = project / "g60pub.toml"
    config.write_text(config.read_text("utf-8") + 'traditional_config = "s2twp"\n', "utf-8")
    out = tmp_path / "out"
    run_build(project, out, variants=("zh-Hant+en",), formats=("epub", "html"))
    with zipfile.ZipFile(out / "epub/test-corridor.zh-Hant+en.epub") as archive:
        opf = archive.read("EPUB/package.opf").decode("utf-8")
    assert "<dc:language>zh-Hant-TW</dc:language>\n<dc:language>en</dc:language>" in opf
    page = (out / "html/zh-Hant+en/delta-integration-2018.html").read_text("utf-8")
    assert '<html lang="zh-Hant-TW">' in page


def test_a_javascript_url_from_a_source_never_becomes_a_link(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    page = project / "sources" / "hongqiao-hub-2020.html"
    html = page.read_text("utf-8").replace(
        "<head>", '<head>\n<link rel="canonical" href="javascript:alert(1)">'
    )
    page.write_text(
        html.replace(
            '<meta charset="utf-8">',
            '<meta charset="utf-8">\n<meta property="og:url" content="javascript:alert(2)">',
        ),
        "utf-8",
    )
    out = tmp_path / "out"
    run_build(project, out)
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".txt"):
            assert "javascript:" not in path.read_text("utf-8"), path


def test_progress_bar_shows_on_a_terminal_and_not_in_a_pipe(tmp_path: Path) -> None:
    import os
    import pty

    master, slave = pty.openpty()
    args = ["--project", str(TEST_PROJECT), "--out", str(tmp_path / "o"), "--jobs", "1"]
    with source_date_epoch():
        proc = subprocess.run(
            [sys.executable, "-m", "g60pub", "build", *args],
            stdout=subprocess.PIPE,
            stderr=slave,
            check=False,
            timeout=300,
        )
    os.close(slave)
    shown = os.read(master, 65536).decode("utf-8", "replace")
    os.close(master)
    assert proc.returncode == 0
    assert "3/3 articles" in shown and "\r[" in shown
    piped = cli(*args)
    assert "/3 articles" not in piped.stderr
    assert "\r" not in piped.stderr


def _with_book_and_document(tmp_path: Path) -> Path:
    """The test project plus a three-chapter EPUB and a Word document, every
    article shown in every variant however little is translated."""
    from source_files import Book, make_epub, sample_docx, sections

    project = copy_project(tmp_path)
    config = project / "g60pub.toml"
    config.write_text(
        config.read_text("utf-8").replace("min_translated = 0.5", "min_translated = 0")
    )
    (project / "sources" / "corridor-book.epub").write_bytes(make_epub(Book(sections()[1:4])))
    (project / "sources" / "协议.docx").write_bytes(sample_docx(author="浙江省侨商会"))
    return project


def test_book_chapters_and_a_word_document_are_in_every_edition_and_variant(
    tmp_path: Path,
) -> None:
    from source_files import sections

    project = _with_book_and_document(tmp_path)
    built = run_build(project, tmp_path / "out")
    assert built.report.failures == []  # type: ignore[attr-defined]
    chapter = sections()[2].heading
    for variant in VARIANTS:
        for slug in ("corridor-book-01", "corridor-book-02", "corridor-book-03", "协议"):
            assert (built.out / f"html/{variant}/{slug}.html").is_file(), (variant, slug)
        text = (built.out / f"txt/test-corridor.{variant}.txt").read_text("utf-8")
        if not variant.startswith("zh-Hant"):
            assert chapter in text and "沪嘉杭G60科创走廊" in text, variant
        with zipfile.ZipFile(built.out / f"epub/test-corridor.{variant}.epub") as book:
            chapters = [n for n in book.namelist() if n.startswith("EPUB/ch")]
        assert len(chapters) == 7, variant  # three pages, three chapters, one document
    index = (built.out / "html/zh-Hans/index.html").read_text("utf-8")
    positions = [index.index(f'href="corridor-book-0{n}.html"') for n in (1, 2, 3)]
    assert positions == sorted(positions)  # the book's chapters in its order


def test_a_changed_book_rebuilds_only_the_chapter_that_changed(tmp_path: Path) -> None:
    from source_files import Book, Section, make_epub, sections

    project = _with_book_and_document(tmp_path)
    out = tmp_path / "out"
    run_build(project, out)
    parts = sections()[1:4]
    changed = Section(parts[1].heading, (*parts[1].paragraphs, "三地将定期召开联席会议。"))
    (project / "sources" / "corridor-book.epub").write_bytes(
        make_epub(Book([parts[0], changed, parts[2]]))
    )
    again = run_build(project, out)
    assert again.report.cache_hits == 6  # type: ignore[attr-defined]  # of seven articles
    page = (out / "html/zh-Hans/corridor-book-02.html").read_text("utf-8")
    assert "三地将定期召开联席会议。" in page


def test_a_broken_book_fails_alone_with_one_line_and_exit_1(tmp_path: Path) -> None:
    from source_files import Book, make_epub, sections

    project = copy_project(tmp_path)
    (project / "sources" / "broken.epub").write_bytes(make_epub(Book(sections()))[:4000])
    proc = cli("--project", str(project), "--out", str(tmp_path / "out"), "--jobs", "2")
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if "broken.epub" in line]
    assert errors == [
        "g60pub: sources/broken.epub: not a readable ZIP archive "
        "(a broken or truncated EPUB: File is not a zip file)"
    ]
    assert (tmp_path / "out/html/en/delta-integration-2018.html").is_file()
