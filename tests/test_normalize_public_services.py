"""Public bodies' pages: notices under a portal's menu.

- A menu (``<nav>``) whose drop-downs hold a paragraph about the region and
  many headlines is a menu, though it holds a good share of the page: the
  notice after it holds more of the page's prose. A menu left open around
  the article holds the article's prose, and is no menu.

The page under tests/data/pages/ is trimmed from a real page whose origin its
opening comment names.
"""

from __future__ import annotations

from pathlib import Path

from g60pub.normalize import normalize_file

PAGES = Path(__file__).parent / "data" / "pages"


def test_a_menus_paragraph_does_not_outweigh_the_notice_after_it() -> None:
    article = normalize_file(PAGES / "portal_menu_with_prose.html")
    texts = [block.text for block in article.blocks]
    assert article.title == "关于海南自由贸易港原辅料“零关税”政策的通知"
    assert "海南省财政厅、海口海关、国家税务总局海南省税务局：" in texts
    assert texts[-4:] == [
        "七、本通知自2020年12月1日起执行。",
        "附件：海南自由贸易港“零关税”原辅料清单",
        "财政部海关总署税务总局",
        "2020年11月11日",
    ]
    assert not any(text.startswith("海南省位于中国最南端") for text in texts)
