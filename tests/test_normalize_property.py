"""Whatever bytes or markup arrive, the normaliser answers an Article or a SourceError."""

from __future__ import annotations

from pathlib import Path

from conftest import assert_article_or_source_error
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PAGES = Path(__file__).parent / "data" / "pages"
SAMPLE = (
    Path(__file__).parent.parent / "sources" / "g60-corridor-agreement-2017.html"
).read_bytes()
GB_PAGE = (PAGES / "gb2312_declared_gbk_bytes.html").read_bytes()

TAGS = [
    "p",
    "div",
    "br",
    "b",
    "strong",
    "h2",
    "td",
    "table",
    "section",
    "span",
    "a",
    "script",
    "svg",
    "font",
]
fragments = st.one_of(
    st.sampled_from([f"<{t}>" for t in TAGS] + [f"</{t}>" for t in TAGS]),
    st.sampled_from(
        [
            "来源：新华社",
            "发布日期：2019-05-20",
            "，",
            "。",
            "相关新闻",
            "&nbsp;",
            "\u3000",
            "<br><br>",
        ]
    ),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
)
markup = st.lists(fragments, max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markup)
def test_random_markup_gives_article_or_source_error(text: str) -> None:
    assert_article_or_source_error("<html><body>" + text)
    assert_article_or_source_error(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes_give_article_or_source_error(data: bytes) -> None:
    assert_article_or_source_error(data)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([SAMPLE, GB_PAGE]), st.data())
def test_mutated_real_pages_give_article_or_source_error(page: bytes, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(page)))
    end = data.draw(st.integers(start, min(len(page), start + 400)))
    insert = data.draw(st.binary(max_size=40))
    assert_article_or_source_error(page[:start] + insert + page[end:])
