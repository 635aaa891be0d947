"""Tables that are the text: a reference table a word processor exported
with a note over it, its cells wrapped in ``<font><p>`` and holding numbers.

- The table goes with the note it follows: its rows weigh nothing (no
  sentence), so without it the note alone was the article.
- A number in a data table's cell (365, 90-91) is a value, not a page
  number: it neither weighs against the table nor drops from its row.
- A row of short cells is one line, also when Word wraps each cell's
  paragraph in a ``<font>``, and a centred header row is no heading.
- The headline, set over two centred paragraphs (八十九及一百廿一心 /
  之聖典出處), is one title: the second line cannot open one.

The page under tests/data/pages/ is trimmed from a real page whose origin its
opening comment names.
"""

from __future__ import annotations

from pathlib import Path

from g60pub.normalize import normalize_file
from g60pub.normalize.content import is_value

PAGES = Path(__file__).parent / "data" / "pages"


def test_a_reference_table_under_its_note_is_part_of_the_text() -> None:
    article = normalize_file(PAGES / "word97_reference_table.html")
    texts = [block.text for block in article.blocks]
    assert article.title == "八十九及一百廿一心之聖典出處"
    assert texts[0].startswith("註：《法聚論》的參照號碼是段落號碼")
    assert texts[1:3] == [
        "法聚論 | 清淨道論 | 殊勝義註",
        "貪根 | 悅俱邪見相應無行 | 365 | 90-91 | 336",
    ]
    assert texts[-1] == "悅俱邪見不相應有行 | 402 | 341"
    assert {block.kind for block in article.blocks} == {"paragraph"}


def test_a_cells_number_is_a_value() -> None:
    assert all(is_value(text) for text in ("365", "90-91", "3.5%", "1,024"))
    assert not any(is_value(text) for text in ("第365段", "365页", "註"))
