"""Pages made for phones: a site's own header box (logo, name, download link)
over the story.

- The ``<title>`` and the header's heading name the site (我的酷跑世界); the
  heading over the story's dateline, below the header's links, is its headline.

The page under tests/data/pages/ is trimmed from a real page whose origin its
opening comment names.
"""

from __future__ import annotations

from pathlib import Path

from g60pub.normalize import normalize_file

PAGES = Path(__file__).parent / "data" / "pages"


def test_the_heading_over_the_dateline_beats_the_site_name_the_title_repeats() -> None:
    article = normalize_file(PAGES / "mobile_game_news.html")
    assert (article.title, article.published) == (
        "圈地大作战手游新手怎么玩？",
        "2014-12-15T10:03:00+08:00",
    )
    assert article.blocks[0].text.startswith("圈地大作战Splix.io游戏玩法")
    assert "我的酷跑世界" not in [block.text for block in article.blocks]
