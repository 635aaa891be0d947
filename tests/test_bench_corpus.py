"""The benchmark corpus: pages normalise to what they were written from, and
their PO files translate every block cleanly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from benchmark_corpus import corpus

from g60pub.glossary import Glossary
from g60pub.normalize import normalize_file
from g60pub.project import article_sources
from g60pub.translations import check_publication, load_publication


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Any]]:
    out = tmp_path_factory.mktemp("corpus")
    specs = corpus.write_corpus(out, 5, seed=7)
    return out, specs


def test_each_page_normalises_to_its_title_and_blocks(project: tuple[Path, list[Any]]) -> None:
    out, specs = project
    for spec in specs:
        article = normalize_file(out / "sources" / f"{spec.slug}.html")
        assert article.title == spec.title.zh
        assert [b.kind for b in article.blocks] == [u.kind for u in spec.blocks]
        assert [b.text for b in article.blocks] == [u.zh for u in spec.blocks]


def test_pages_come_in_every_layout(project: tuple[Path, list[Any]]) -> None:
    _, specs = project
    assert {s.layout for s in specs} == set(corpus.LAYOUTS)


def test_articles_are_1500_to_4000_characters(project: tuple[Path, list[Any]]) -> None:
    _, specs = project
    for spec in specs:
        assert 1500 <= sum(len(b.zh) for b in spec.blocks) <= 4000


def test_po_translates_every_block_without_qa_errors(project: tuple[Path, list[Any]]) -> None:
    out, _ = project
    glossary = Glossary.load()
    sources = article_sources(out)
    assert len(sources) == 5
    for source in sources:
        article = source.read()
        pub = load_publication(source.slug, article, source.po_path("en"))
        assert all(p.translated for p in pub.pairs)
        findings = check_publication(pub, glossary, file=str(source.po_path("en")))
        assert [f for f in findings if f.severity == "error"] == []


def test_same_seed_writes_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    corpus.write_corpus(first, 3, seed=11)
    corpus.write_corpus(second, 3, seed=11)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_gbk_pages_declare_gb2312_and_normalise(tmp_path: Path) -> None:
    picker = corpus.load_picker()
    gbk = next(
        s for s in (corpus.make_spec(picker, 0, i) for i in range(40)) if s.encoding == "gbk"
    )
    page = corpus.render_page(gbk)
    assert b"charset=gb2312" in page
    path = tmp_path / "page.html"
    path.write_bytes(page)
    assert normalize_file(path).title == gbk.title.zh


def test_revision_changes_one_paragraph_only() -> None:
    picker = corpus.load_picker()
    before = corpus.make_spec(picker, 0, 3)
    after = corpus.make_spec(picker, 0, 3, revision=1)
    assert before.slug == after.slug
    changed = [
        i for i, (a, b) in enumerate(zip(before.blocks, after.blocks, strict=True)) if a != b
    ]
    assert len(changed) == 1
