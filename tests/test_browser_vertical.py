"""The vertical edition as chromium draws one of its chapters: columns top to
bottom, read right to left, short digit runs upright (tate-chu-yoko).

The chapter is opened straight from the book (its XHTML and stylesheet, as a
reading system built on a browser engine shows them); the screenshot is
kept beside the test's files to look at.
"""

from __future__ import annotations

import base64
import io
import itertools
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PIL import Image

from g60pub.preview import serve_directory

if TYPE_CHECKING:
    from tests.browser import Tab
    from tests.conftest import Built

pytest_plugins = ("tests.browser",)

BOOK = "epub/g60-corridor.zh-Hant-vertical.epub"


@pytest.fixture(scope="module")
def vertical_book(built_sample: Built, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample's vertical book, unpacked and served; yields the base URL."""
    root = tmp_path_factory.mktemp("vertical")
    with zipfile.ZipFile(built_sample.out / BOOK) as archive:
        archive.extractall(root)
    with serve_directory(root) as base:
        yield base


@pytest.fixture
def chapter(tab: Tab, vertical_book: str) -> Any:
    page = tab.open("EPUB/ch001.xhtml", vertical_book)
    page.evaluate("document.fonts.ready.then(() => true)")
    return page


def screenshot(page: Any) -> Image.Image:
    """The viewport as drawn. Playwright's own screenshot comes out blank for a
    vertical-rl root (its capture starts at the scroll origin, off to the
    left), so the DevTools capture of the viewport is used."""
    session = page.context.new_cdp_session(page)
    shot = session.send("Page.captureScreenshot", {"format": "png"})
    return Image.open(io.BytesIO(base64.b64decode(shot["data"])))


def test_the_chapter_is_set_in_vertical_columns(chapter: Any) -> None:
    mode = chapter.evaluate("getComputedStyle(document.documentElement).writingMode")
    assert mode == "vertical-rl"


def test_paragraphs_follow_one_another_from_right_to_left(tab: Tab, chapter: Any) -> None:
    boxes = tab.boxes("section.article > p")
    assert len(boxes) >= 5
    for before, after in itertools.pairwise(boxes):
        assert after["right"] <= before["left"] + 1, (before, after)
    # The title, the first thing read, is the rightmost column.
    (title,) = tab.boxes("h1")
    assert title["right"] > boxes[0]["right"]
    assert title["bottom"] - title["top"] > title["right"] - title["left"]


def test_short_digit_runs_stand_upright_in_one_column(tab: Tab, chapter: Any) -> None:
    combined = chapter.eval_on_selector_all(
        ".tcy",
        """els => els.map(e => [e.textContent, getComputedStyle(e).textCombineUpright,
            e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).fontSize)])""",
    )
    assert ["7", "all"] in [c[:2] for c in combined]
    assert ["12", "all"] in [c[:2] for c in combined]
    # Two digits take one character's cell along the column (in ems).
    assert all(ems <= 1.1 for _, _, ems in combined), combined


def test_screenshot_shows_ink_in_columns_from_the_right(chapter: Any, tmp_path: Path) -> None:
    image = screenshot(chapter).convert("L")
    image.save(tmp_path / "vertical-chapter.png")
    width, height = image.size
    # Ink per vertical strip of the page: the text starts at the right edge.
    strips = [
        sum(
            1
            for x in range(left, left + 20)
            for y in range(0, height, 4)
            if image.getpixel((x, y)) < 128
        )
        for left in range(0, width - 20, 20)
    ]
    inked = [i for i, ink in enumerate(strips) if ink]
    assert inked and inked[-1] >= len(strips) - 5  # the first column sits at the right
    assert len(inked) > len(strips) // 2  # columns fill the page leftwards
