"""Bad sources in a real build: each fails alone with one line, nothing escapes output/.

The corpus is made here, in a scratch copy of tests/data/project: broken
pages next to good ones, and file names that are awkward (spaces, Chinese)
or would clash with the build's own outputs.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest
from conftest import REPO, copy_project, source_date_epoch
from source_files import Book, make_epub, sample_docx, sections, with_member

from g60pub.errors import SourceError
from g60pub.project import check_slug

GOOD = (REPO / "tests/data/project/sources/hongqiao-hub-2020.html").read_bytes()
NO_ARTICLE = (REPO / "tests/data/pages/no_article.html").read_bytes()


def _deep(depth: int) -> bytes:
    return (
        b"<html><body>"
        + b"<div>" * depth
        + "<h1>深层标题</h1><p>嵌套很深的页面也要么成文，要么清楚地报错。</p>".encode()
        + b"</div>" * depth
        + b"</body></html>"
    )


def _big(size: int) -> bytes:
    paragraph = "<p>长三角一体化发展，G60科创走廊建设持续推进，区域协同创新水平不断提升。</p>\n"
    head = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>大页面</title></head>"
    body = "<body><h1>大页面</h1>\n" + paragraph * (size // len(paragraph.encode()))
    return (head + body + "</body></html>").encode("utf-8")


# name -> bytes: every one must fail with exactly one line naming it.
BROKEN: dict[str, bytes] = {
    "empty.html": b"",
    "blank.html": b" \n\t\n",
    "garbage.html": random.Random(7).randbytes(4096),
    "truncated.html": GOOD[:60],
    "no-article.html": NO_ARTICLE,
    "charset-lies.html": (
        b"<html><head><meta charset='gb2312'></head><body><h1>"
        + bytes(random.Random(3).randrange(0x80, 0x100) for _ in range(600))
        + b"</h1></body></html>"
    ),
    "pdf-in-disguise.html": b"%PDF-1.7\n" + random.Random(5).randbytes(512),
    "drm.epub": with_member(make_epub(Book(sections()[:2])), "META-INF/rights.xml", b"<rights/>"),
    "cut-short-book.epub": make_epub(Book(sections()[:2]))[:3000],
    "pictures-only.epub": make_epub(Book([])),
    "really-a-doc.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + random.Random(9).randbytes(2048),
    "cut-short-document.docx": sample_docx()[:3000],
}
# name -> what the page's slug clashes with; each must be refused, not written.
CLASHING = {
    "index.html": "the site's index page",
    "glossary.html": "the site's glossary page",
    "Index.htm": "the site's index page on a case-insensitive file system",
    "index-2.html": "the site's second index page",
    "CON.html": "a reserved device name",
    "nul.html": "a reserved device name",
    "lpt1.html": "a reserved device name",
    "back\\slash.html": "a path separator",
    "colon:name.html": "a character some file systems refuse",
}
# Two sources giving one slug: both refused, with one line naming both.
SAME_SLUG = (
    ("twice.htm", "twice.html"),
    ("memo.docx", "memo.html"),
    ("reader.epub", "reader-01.html"),
)
# Awkward but legitimate: must build like any other page.
AWKWARD = ("with space.html", "虹桥 枢纽.html", "mixed 中文-name_2020.html")


def build(project: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    with source_date_epoch():
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "g60pub",
                "build",
                *("--project", str(project)),
                "--out",
                str(out),
                *extra,
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str, str, int]:
    tmp = tmp_path_factory.mktemp("robust")
    project = copy_project(tmp)
    sources = project / "sources"
    for name, data in BROKEN.items():
        (sources / name).write_bytes(data)
    (sources / "deep.html").write_bytes(_deep(50_000))
    (sources / "big.html").write_bytes(_big(20 * 1024 * 1024))
    for name in CLASHING:
        (sources / name).write_bytes(GOOD)
    for name in AWKWARD:
        (sources / name).write_bytes(GOOD)
    (sources / ".hidden.html").write_bytes(GOOD)
    (sources / "..html").write_bytes(GOOD)
    for pair in SAME_SLUG:
        for name in pair:
            kind = name.rsplit(".", 1)[1]
            data = {"docx": sample_docx, "epub": lambda: make_epub(Book(sections()[:2]))}
            (sources / name).write_bytes(data[kind]() if kind in data else GOOD)
    out = tmp / "output"
    proc = build(project, out, "--jobs", "2")
    return project, out, proc.stdout, proc.stderr, proc.returncode


def test_a_build_with_bad_sources_exits_1_without_a_traceback(
    broken_build: tuple[Path, Path, str, str, int],
) -> None:
    _, _, _stdout, stderr, code = broken_build
    assert code == 1, stderr
    assert "Traceback" not in stderr


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_each_broken_page_is_one_line_naming_the_file_and_a_reason(
    broken_build: tuple[Path, Path, str, str, int], name: str
) -> None:
    stderr = broken_build[3]
    lines = [line for line in stderr.splitlines() if f"sources/{name}" in line]
    assert len(lines) == 1, stderr
    reason = lines[0].split(f"sources/{name}", 1)[1]
    assert len(reason.strip(": ")) > 5, lines[0]


@pytest.mark.parametrize("name", sorted(CLASHING))
def test_a_page_whose_name_would_clash_with_an_output_is_refused_with_one_line(
    broken_build: tuple[Path, Path, str, str, int], name: str
) -> None:
    stderr = broken_build[3]
    lines = [line for line in stderr.splitlines() if f"sources/{name}:" in line]
    assert len(lines) == 1, stderr


@pytest.mark.parametrize("pair", SAME_SLUG, ids=[a for a, _ in SAME_SLUG])
def test_two_sources_giving_one_slug_are_refused_with_one_line_naming_both(
    broken_build: tuple[Path, Path, str, str, int], pair: tuple[str, str]
) -> None:
    _, out, _, stderr, _ = broken_build
    first, second = pair
    errors = [line for line in stderr.splitlines() if "warning:" not in line]
    lines = [line for line in errors if first in line or second in line]
    assert len(lines) == 1, stderr
    assert f"sources/{first}" in lines[0] and f"sources/{second}" in lines[0]
    assert "rename one" in lines[0]
    assert not (out / f"html/zh-Hans/{second.rsplit('.', 1)[0]}.html").exists()


def test_a_book_whose_first_chapter_clashes_builds_its_other_chapters(
    broken_build: tuple[Path, Path, str, str, int],
) -> None:
    out = broken_build[1]
    assert (out / "html/zh-Hans/reader-02.html").is_file()
    assert not (out / "html/zh-Hans/reader-01.html").exists()


def test_the_site_index_and_glossary_pages_are_not_overwritten_by_an_article(
    broken_build: tuple[Path, Path, str, str, int],
) -> None:
    out = broken_build[1]
    for variant in ("zh-Hans", "en"):
        index = lxml.html.parse(str(out / f"html/{variant}/index.html")).getroot()
        assert index.find(".//ol") is not None or index.find(".//ul") is not None
        assert not (out / f"html/{variant}/CON.html").exists()
        assert not (out / f"html/{variant}/Index.html").exists()


def test_the_good_articles_and_awkward_names_still_build(
    broken_build: tuple[Path, Path, str, str, int],
) -> None:
    _, out, _stdout, stderr, _ = broken_build
    for slug in ("delta-integration-2018", "hongqiao-hub-2020", *(n[:-5] for n in AWKWARD)):
        assert (out / f"html/zh-Hans/{slug}.html").is_file(), stderr
        errors = [line for line in stderr.splitlines() if "warning:" not in line]
        assert not any(f"sources/{slug}.html" in line for line in errors), stderr


def test_links_to_awkward_names_are_percent_encoded_and_resolve(
    broken_build: tuple[Path, Path, str, str, int],
) -> None:
    from urllib.parse import unquote

    out = broken_build[1]
    site = out / "html/zh-Hans"
    index = lxml.html.parse(str(site / "index.html")).getroot()
    hrefs = [a.get("href") for a in index.iter("a") if a.get("href")]
    for name in AWKWARD:
        assert any(unquote(h) == name for h in hrefs), hrefs
    for href in hrefs:
        assert " " not in href and "\\" not in href, href
        if "://" not in href and not href.startswith("#"):
            assert (site / unquote(href.split("#")[0])).exists(), href


def test_the_deep_and_the_big_page_build_or_fail_with_one_line(
    broken_build: tuple[Path, Path, str, str, int],
) -> None:
    _, out, _, stderr, _ = broken_build
    for slug in ("deep", "big"):
        lines = [
            line
            for line in stderr.splitlines()
            if f"sources/{slug}.html" in line and "warning:" not in line
        ]
        built = (out / f"html/zh-Hans/{slug}.html").is_file()
        assert built != bool(lines) and len(lines) <= 1, stderr


def test_hidden_files_are_not_sources_and_nothing_lands_outside_the_output(
    broken_build: tuple[Path, Path, str, str, int],
) -> None:
    project, out, _, _, _ = broken_build
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert not any(name.split("/")[-1].startswith(".h") for name in written)
    assert not any("/..html" in name or "/.html" in name for name in written)
    outside = {p.name for p in out.parent.iterdir()} - {"output", "project"}
    assert not outside
    assert not any(p.suffix == ".html" for p in (project.parent).glob("*.html"))


def test_the_qa_report_lists_every_failure_and_only_the_good_articles(
    broken_build: tuple[Path, Path, str, str, int],
) -> None:
    out = broken_build[1]
    report = json.loads((out / "qa-report.json").read_text("utf-8"))
    failed = "\n".join(report["failed"])
    for name in [*BROKEN, *CLASHING]:
        assert f"sources/{name}" in failed, name
    assert "index" not in report["articles"] and "CON" not in report["articles"]
    assert "hongqiao-hub-2020" in report["articles"]
    page = lxml.html.parse(str(out / "qa-report.html")).getroot()
    assert page.tag == "html"


@pytest.mark.parametrize(
    "slug",
    ["..", "../escape", "/etc/passwd", "a/b", "a\\b", ".hidden", "", "CON", "aux", "com1",
     "index", "GLOSSARY", "tab\there", "trailing.", "trailing "],
)  # fmt: skip
def test_an_unsafe_slug_is_a_source_error(slug: str) -> None:
    with pytest.raises(SourceError):
        check_slug(slug)


@pytest.mark.parametrize(
    "slug", ["hongqiao-hub-2020", "with space", "虹桥 枢纽", "a.b", "con-2020"]
)
def test_an_ordinary_slug_is_accepted(slug: str) -> None:
    check_slug(slug)


def test_normalising_a_20_mb_page_keeps_memory_within_a_few_times_its_size(tmp_path: Path) -> None:
    page = tmp_path / "big.html"
    page.write_bytes(_big(20 * 1024 * 1024))
    size = page.stat().st_size
    child = (
        "import resource, sys\n"
        "from g60pub.errors import SourceError\n"
        "from g60pub.normalize import normalize_file\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
        "try:\n"
        "    normalize_file(sys.argv[1])\n"
        "except SourceError as err:\n"
        "    print(err)\n"
    )
    # A parent of its own, so RUSAGE_CHILDREN sees only the normalising process.
    parent = (
        "import resource, subprocess, sys\n"
        "out = subprocess.run([sys.executable, '-c', sys.argv[1], sys.argv[2]],\n"
        "                     capture_output=True, text=True, check=True).stdout\n"
        "print(out.split()[0], resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", parent, child, str(page)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    baseline, peak = (int(kb) * 1024 for kb in proc.stdout.split())  # ru_maxrss is in kB on Linux
    assert peak - baseline < 20 * size, (peak, baseline, size)


@pytest.mark.parametrize("command", ["update", "status", "check"])
def test_translator_commands_report_each_broken_page_once_and_go_on(
    broken_build: tuple[Path, Path, str, str, int], command: str
) -> None:
    project = broken_build[0]
    proc = subprocess.run(
        [sys.executable, "-m", "g60pub", command, "--project", str(project)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    for name in BROKEN:
        assert sum(f"sources/{name}:" in line for line in proc.stderr.splitlines()) == 1, name
    assert (project / "sources/hongqiao-hub-2020.en.po").is_file() or command != "update"
