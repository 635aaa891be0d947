"""English term marks are precise: a span is marked only in a block whose
Chinese holds the term, at most as often, and the marks on the sample and on
real translated articles are the hand-checked ones (precision at least 0.95)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from g60pub.editions.variants import make_variant
from g60pub.editions.view import make_view
from g60pub.glossary import Glossary
from g60pub.glossary.csvio import make_term
from g60pub.glossary.tbx import concept_id
from g60pub.model import Article, Pair, Publication, make_blocks
from g60pub.normalize import normalize_file
from g60pub.translations.publication import load_publication

REPO = Path(__file__).resolve().parents[1]
MARKS = REPO / "tests" / "data" / "glossary" / "marks"
ARTICLES = ("gwr2023-release-flash", "gwr2022-opening")


def sample_publication() -> Publication:
    sources = REPO / "sources"
    article = normalize_file(sources / "g60-corridor-agreement-2017.html")
    return load_publication("sample", article, sources / "g60-corridor-agreement-2017.en.po")


def article_publication(case: str) -> Publication:
    """A real article as its English edition shows it: each Chinese block with
    the English blocks its bead pairs it with; the first block is the title."""
    zh = (MARKS / f"{case}.zh.txt").read_text("utf-8").strip().split("\n\n")
    en = (MARKS / f"{case}.en.txt").read_text("utf-8").strip().split("\n\n")
    beads = json.loads((MARKS / f"{case}.beads.json").read_text("utf-8"))["beads"]
    english = {zs[0]: " ".join(en[i] for i in es) for zs, es in beads if zs and es}
    article = Article(zh[0], make_blocks([("paragraph", z) for z in zh[1:]], title=zh[0]))
    pairs = [Pair(block, english.get(i)) for i, block in enumerate(article.all_blocks())]
    return Publication(case, article, tuple(pairs))


def english_marks(pub: Publication, glossary: Glossary) -> list[tuple[str, str, str]]:
    """(block id, marked English span, the term's zh) for every mark of the English edition."""
    zh_of = {concept_id(t): t.zh for t in glossary}
    view = make_view(pub, make_variant("en"), glossary, None)
    return [
        (block.id, span.text, zh_of[span.term])
        for block in (view.title, *view.blocks)
        for span in block.en or ()
        if span.term is not None
    ]


def checked(name: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = json.loads((MARKS / f"{name}.marks.json").read_text("utf-8"))
    return rows


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.bundled()


CASES = ["sample", *ARTICLES]


def _publication(name: str) -> Publication:
    return sample_publication() if name == "sample" else article_publication(name)


@pytest.mark.parametrize("name", CASES)
def test_english_marks_are_the_hand_checked_ones(glossary: Glossary, name: str) -> None:
    expected = [(r["block"], r["en"], r["term"]) for r in checked(name)]
    assert english_marks(_publication(name), glossary) == expected


def test_precision_of_english_marks_is_at_least_95_percent() -> None:
    rows = [row for name in CASES for row in checked(name)]
    real = [row for name in ARTICLES for row in checked(name)]
    assert len(rows) >= 100 and real
    assert sum(bool(r["correct"]) for r in rows) / len(rows) >= 0.95
    assert sum(bool(r["correct"]) for r in real) / len(real) >= 0.95


def _one_pair(zh: str, en: str) -> Publication:
    article = Article(zh, make_blocks([], title=zh))
    return Publication("x", article, (Pair(article.title_block, en),))


G = Glossary(
    [
        make_term("科创", "sci-tech innovation", type="abbr"),
        make_term("上海", "Shanghai", type="place"),
        make_term("沪", "Shanghai", type="abbr"),
        make_term("松江", "Songjiang", type="place"),
    ]
)


def test_a_rendering_is_not_marked_where_the_chinese_lacks_the_term() -> None:
    pub = _one_pair("松江举行大会", "Songjiang holds a sci-tech innovation conference")
    assert english_marks(pub, G) == [(pub.article.title_id, "Songjiang", "松江")]


def test_a_rendering_is_marked_no_more_often_than_the_chinese_has_the_term() -> None:
    pub = _one_pair("松江科创", "Songjiang, sci-tech innovation and Songjiang again")
    assert [m[1:] for m in english_marks(pub, G)] == [
        ("Songjiang", "松江"),
        ("sci-tech innovation", "科创"),
    ]


def test_a_rendering_two_terms_share_names_the_term_the_chinese_has() -> None:
    pub = _one_pair("在沪签订", "signed in Shanghai")
    assert [m[1:] for m in english_marks(pub, G)] == [("Shanghai", "沪")]


def test_renderings_name_the_chinese_term_and_the_form() -> None:
    [match] = G.renderings("met in Shanghai and in Shanghai", "在沪签订")
    assert (match.term.zh, match.form, match.start) == ("沪", "en", 7)
