"""A build holds each article's lines packed from the map to the reduce: the
lines it unpacks are the lines the article was rendered with, in every
variant, also after the packed lines went through a ledger or cache entry."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from g60pub.build.article import render_article
from g60pub.build.entry import dumps
from g60pub.build.plan import plan_build
from g60pub.config import load_config
from g60pub.editions.lines import ArticleLine, PackedLines, listed, listed_line, pack_lines
from g60pub.project import load_glossary


def _rendered_lines(project: Path) -> list[dict[str, ArticleLine]]:
    config = load_config(project)
    glossary = load_glossary(project, config)
    plan = plan_build(project, config, glossary)
    return [dict(render_article(job, glossary).lines) for job in plan.jobs[:2]]


def test_packed_lines_unpack_to_the_lines_rendered_in_every_variant(
    corpus_project: Path,
) -> None:
    for lines in _rendered_lines(corpus_project):
        packed = pack_lines(lines)
        assert isinstance(packed, PackedLines)
        assert list(packed) == list(lines)
        assert {v: packed[v] for v in packed} == lines


def test_packed_lines_survive_pickling_as_an_index_is_pickled(corpus_project: Path) -> None:
    for lines in _rendered_lines(corpus_project):
        again = pickle.loads(dumps(pack_lines(lines)))
        assert isinstance(again, PackedLines)
        assert dict(again.items()) == lines


def test_packed_lines_share_the_glossary_entries_of_their_terms(corpus_project: Path) -> None:
    rendered = _rendered_lines(corpus_project)
    first, second = (pickle.loads(dumps(pack_lines(lines))) for lines in rendered)
    shared = {t.id: t for line in first.values() for t in line.terms}
    common = [t for line in second.values() for t in line.terms if t.id in shared]
    assert common  # the two articles use some of the same terms
    assert any(t is shared[t.id] for t in common)


def _count_unpacking(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The variants whose whole line is unpacked from now on, in order."""
    unpacked: list[str] = []
    unpack = PackedLines.__getitem__

    def counted(self: PackedLines, variant: str) -> ArticleLine:
        unpacked.append(variant)
        return unpack(self, variant)

    monkeypatch.setattr(PackedLines, "__getitem__", counted)
    return unpacked


def test_asking_whether_a_variant_has_a_line_unpacks_nothing(
    corpus_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = _rendered_lines(corpus_project)[0]
    packed = pack_lines(lines)
    unpacked = _count_unpacking(monkeypatch)
    assert all(variant in packed for variant in lines)
    assert "xx-Nope" not in packed
    assert unpacked == []


def test_the_part_a_site_lists_unpacks_alone_to_the_lines_fields(corpus_project: Path) -> None:
    for lines in _rendered_lines(corpus_project):
        packed = pack_lines(lines)
        for variant, line in lines.items():
            part = packed.listed(variant)
            assert part == listed_line(line) == listed(lines, variant)
            assert all(getattr(part, f) == getattr(line, f) for f in part._fields)


def test_a_site_unpacks_whole_lines_only_for_its_feed(
    corpus_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Index pages, glossary and previous/next links read the listed part of
    # every article's line; only the feed's newest articles are unpacked whole.
    from conftest import run_build

    from g60pub.editions import feeds

    monkeypatch.setattr(feeds, "NEWEST", 2)
    whole = _count_unpacking(monkeypatch)
    built = run_build(corpus_project, tmp_path / "out", formats=("html",))
    variants = {p.parent.name for p in (tmp_path / "out" / "html").glob("*/feed.atom")}
    assert len(variants) >= 4
    assert sorted(whole) == sorted(v for v in variants for _ in range(2))
    assert built.report.articles == 6 and not built.report.failures
