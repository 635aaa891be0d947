"""A site's lists (index pages, glossary page, previous/next links, the feed's
articles) are taken from the last build when its articles list as they did,
and made again when they do not: either way, the bytes of a cold build."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from benchmark_corpus import corpus
from conftest import build_with_cache, cache_of, output_tree

import g60pub.editions.site as site_module
from g60pub.build import BuildOptions, output_state
from g60pub.build.record import SITE_LISTS
from g60pub.editions.html import glossary_firsts
from g60pub.editions.view import TermEntry

_HTML_VARIANTS = 5  # the corpus's variants, each with a site


def _count_renders(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Which variants' index and glossary pages are rendered from now on."""
    rendered: dict[str, list[str]] = {"index": [], "glossary": []}
    index, glossary = site_module.render_index_pages, site_module.render_glossary_page

    def index_pages(variant, *args, **kwargs):  # type: ignore[no-untyped-def]
        rendered["index"].append(variant.id)
        return index(variant, *args, **kwargs)

    def glossary_page(variant, *args, **kwargs):  # type: ignore[no-untyped-def]
        rendered["glossary"].append(variant.id)
        return glossary(variant, *args, **kwargs)

    monkeypatch.setattr(site_module, "render_index_pages", index_pages)
    monkeypatch.setattr(site_module, "render_glossary_page", glossary_page)
    return rendered


def _count_taken_digests(
    monkeypatch: pytest.MonkeyPatch, crcs: list[int] | None = None
) -> list[str]:
    """The digests of the site's pages taken from the last build, from now
    on; and into ``crcs``, the CRCs taken (those of the offline copies)."""
    taken: list[str] = []
    made = site_module.Tailed

    def tailed(*args, **kwargs):  # type: ignore[no-untyped-def]
        page = made(*args, **kwargs)
        if len(args) > 3 and args[3] is not None:
            taken.append(page.digest)
        if len(args) > 4 and crcs is not None:
            crcs.append(page.crc)
        return page

    monkeypatch.setattr(site_module, "Tailed", tailed)
    return taken


def _as_cold(project: Path, out: Path, tmp_path: Path) -> None:
    """``out`` holds the bytes a cold build of ``project`` makes."""
    cold = tmp_path / "cold"
    build_with_cache(project, cold)
    assert output_tree(out) == output_tree(cold)


def _article(index: int, revision: int = 0) -> corpus.ArticleSpec:
    """The corpus's article ``index`` (conftest's ``corpus_project``: seed 3)."""
    return corpus.make_spec(corpus.load_picker(), 3, index, revision=revision)


def test_an_edited_paragraph_takes_the_index_pages_from_the_last_build(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build_with_cache(corpus_copy, out)
    rendered = _count_renders(monkeypatch)
    crcs: list[int] = []
    taken = _count_taken_digests(monkeypatch, crcs)
    # One sentence more in the first paragraph: the title and date stay.
    corpus.write_article(corpus_copy, _article(2, revision=1))
    assert build_with_cache(corpus_copy, out).cache_hits == 5
    assert rendered["index"] == []
    # Every article's pages but the edited one's (both copies, each variant)
    # keep their digests from the last build; the offline copies their CRCs.
    assert len(taken) == 2 * (6 - 1) * _HTML_VARIANTS
    assert len(crcs) == (6 - 1) * _HTML_VARIANTS
    _as_cold(corpus_copy, out, tmp_path)  # taken, they are the bytes a cold build makes


def test_a_new_title_makes_the_lists_again(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build_with_cache(corpus_copy, out)
    rendered = _count_renders(monkeypatch)
    spec = _article(2)
    title = replace(spec.title, zh=spec.title.zh + "（修订稿）", en=spec.title.en + " (revised)")
    corpus.write_article(corpus_copy, replace(spec, title=title))
    build_with_cache(corpus_copy, out)
    assert len(rendered["index"]) == _HTML_VARIANTS
    index = (out / "html" / "en" / "index.html").read_text("utf-8")
    assert "(revised)" in index
    # Its neighbours' previous/next links name it anew.
    pages = [p for p in (out / "html" / "en").glob("0*.html") if spec.slug not in p.name]
    assert any("(revised)" in p.read_text("utf-8") for p in pages)
    _as_cold(corpus_copy, out, tmp_path)


def test_a_damaged_or_foreign_record_of_the_lists_is_not_taken(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build_with_cache(corpus_copy, out)
    record = output_state(BuildOptions(corpus_copy, out, cache_dir=cache_of(out))) / SITE_LISTS
    assert record.is_file()
    expected = output_tree(out)
    rendered = _count_renders(monkeypatch)
    record.write_bytes(record.read_bytes()[:-9] + b"damaged!!")
    (out / "html" / "en" / "index.html").unlink()  # so that the reduce runs again
    build_with_cache(corpus_copy, out)
    assert len(rendered["index"]) == _HTML_VARIANTS
    assert output_tree(out) == expected
    # Another project title is another salt: the lists are made again, with it.
    config = corpus_copy / "g60pub.toml"
    config.write_text(config.read_text("utf-8").replace('en = "', 'en = "New '), "utf-8")
    build_with_cache(corpus_copy, out)
    assert len(rendered["index"]) == 2 * _HTML_VARIANTS
    assert "New " in (out / "html" / "en" / "index.html").read_text("utf-8")


def test_the_glossary_page_links_each_terms_first_use_in_date_order() -> None:
    a, b, c = (TermEntry(i, f"术语{i}", f"術語{i}", f"term {i}") for i in "abc")
    firsts = glossary_firsts([("one", (a, b)), ("two", (b, c)), ("three", (c, a))])
    assert [(term.id, href) for term, href in firsts] == [
        ("a", "one.html#u-a"),
        ("b", "one.html#u-b"),
        ("c", "two.html#u-c"),
    ]


def test_the_first_uses_are_those_of_reading_every_article_in_turn() -> None:
    # Shared objects, and terms of one id in two forms (a Traditional
    # source shows a term otherwise): the first use of each id wins.
    rng = random.Random(7)
    forms = [TermEntry(f"t{i}", f"术语{i}", f"術語{i}", f"term {i}") for i in range(30)]
    forms += [replace(t, shown=t.zh_hant) for t in forms[:10]]
    uses = [(f"a{n}", tuple(rng.sample(forms, rng.randint(0, 6)))) for n in range(200)]
    expected: dict[str, tuple[TermEntry, str]] = {}
    for slug, terms in uses:
        for term in terms:
            expected.setdefault(term.id, (term, f"{slug}.html#u-{term.id}"))
    firsts = glossary_firsts(uses)
    assert firsts == tuple(expected.values())
    assert all(term is expected[term.id][0] for term, _ in firsts)


def test_the_glossary_page_is_taken_while_no_articles_terms_change(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build_with_cache(corpus_copy, out)
    rendered = _count_renders(monkeypatch)
    (out / "html" / "en" / "glossary.html").unlink()  # the reduce runs again, on the same articles
    build_with_cache(corpus_copy, out)
    assert rendered == {"index": [], "glossary": []}
    # A paragraph that names one more glossary term: that article's terms change.
    spec = _article(2)
    named = corpus.Unit("paragraph", "韩正出席了签约仪式。", "Han Zheng attended the signing.")
    corpus.write_article(corpus_copy, replace(spec, blocks=(*spec.blocks, named)))
    build_with_cache(corpus_copy, out)
    assert rendered["index"] == [] and len(rendered["glossary"]) == _HTML_VARIANTS
    _as_cold(corpus_copy, out, tmp_path)
