"""English pages: reported as English, headline from the <h1>, bylines as metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from g60pub.normalize import normalize, normalize_file

PAGE = Path(__file__).parent / "data" / "align" / "gwr2026-targets.en.html"
TEXT = (
    "<p>The State Council, China's Cabinet, has issued major holiday dates for 2013, "
    "the General Office of the State Council said in a notice.</p>"
    "<p>The New Year's Day holiday will last three days, from Jan. 1 to 3, and people "
    "will need to work on Jan. 5 (Saturday) and 6 (Sunday).</p>"
)


def page(byline: str) -> str:
    return (
        '<html lang="en"><head><title>China - News</title></head><body>'
        '<nav><a href="/">Home</a> | <a href="/china">China</a></nav>'
        f"<article><h1>China issues holiday dates for 2013</h1><p>{byline}</p>{TEXT}"
        "</article></body></html>"
    )


def test_an_english_page_is_reported_as_english() -> None:
    assert normalize_file(PAGE).lang == "en"


def test_the_headline_of_an_english_page_is_its_h1_not_the_section_in_its_title() -> None:
    article = normalize_file(PAGE)
    assert article.title == "China targets economic growth of 4.5 to 5 percent this year"


def test_the_headline_the_title_states_beats_the_site_s_name_in_the_masthead() -> None:
    # Teahour.fm's Jekyll pages: the podcast's name is the page's first <h1>.
    page = (
        '<html lang="en"><head><title>Interview with Ashchan - Teahour.fm</title></head><body>'
        '<header class="masthead"><h1>Teahour.fm</h1><h2 class="tagline">Tea hour</h2></header>'
        '<article><h2 class="title">Interview with Ashchan</h2>'
        f"{TEXT}</article></body></html>"
    ).encode()
    assert normalize(page).title == "Interview with Ashchan"


def test_an_english_page_keeps_its_paragraphs_and_nothing_else() -> None:
    article = normalize_file(PAGE)
    assert [b.text[:27] for b in article.blocks] == [
        "(ECNS) -- China targets an ",
        "Main targets for developmen",
    ]
    assert (article.source, article.published) == ("ECNS", "2026-03-05T10:12:00+08:00")


@pytest.mark.parametrize(
    ("byline", "author", "source", "published"),
    [
        ("Updated: 2023-03-15 15:57 | Source: China Daily", None, "China Daily",
         "2023-03-15T15:57"),
        ("Xinhua | Updated: 2012-12-10 16:20", None, "Xinhua", "2012-12-10T16:20"),
        ("By Wang Lei in Beijing", "Wang Lei", None, None),
        ("By Wang Lei | chinadaily.com.cn | Updated: 2012-12-10", "Wang Lei", "chinadaily.com.cn",
         "2012-12-10"),
    ],
)  # fmt: skip
def test_an_english_byline_is_metadata_not_a_paragraph(
    byline: str, author: str | None, source: str | None, published: str | None
) -> None:
    article = normalize(page(byline))
    assert [b.text[:30] for b in article.blocks] == [
        "The State Council, China's Cab",
        "The New Year's Day holiday wil",
    ]
    assert (article.author, article.source) == (author, source)
    assert (article.published or "")[: len(published or "")] == (published or "")


def test_a_sentence_about_an_editor_stays_a_paragraph() -> None:
    article = normalize(page("Editor's note: the dates follow the State Council's notice."))
    assert article.blocks[0].text.startswith("Editor's note")


def test_a_chinese_page_is_still_reported_in_its_script() -> None:
    html = (
        "<html><body><h1>松江举行科创走廊推进会</h1>"
        "<p>会议强调，要坚持创新驱动发展战略，加快建设科技创新高地，推动长三角一体化发展。</p>"
        "</body></html>"
    )
    assert normalize(html).lang == "zh-Hans"


def test_a_themes_screen_reader_menu_and_site_name_are_no_headline_its_permalink_is() -> None:
    # A blog theme: the site's name an <h1> linking home, a "Menu" <h1> only
    # screen readers get, then the post's headline as a link to itself.
    html = (
        '<html lang="en"><head><title>2020 letter | A Blog</title></head><body>'
        '<header><h1 class="site-title"><a href="/">A Blog</a></h1>'
        '<nav><h1 class="assistive-text">Menu</h1><div class="skip-link">'
        '<a href="#content">Skip to content</a></div><ul><li><a href="/about">About</a></li>'
        '<li><a href="/books">Books</a></li></ul></nav></header>'
        '<article><div class="entry-meta">January 1, 2021</div>'
        '<h1 class="entry-title"><a href="/2021/01/2020-letter/">2020 letter</a></h1>'
        f'<div class="entry-content">{TEXT}</div></article></body></html>'
    )
    article = normalize(html)
    assert (article.lang, article.title) == ("en", "2020 letter")
    assert article.blocks[0].text.startswith("The State Council")
