"""Wiki entries saved from a search engine's cache: the cache's banner is no
part of the entry, and the wiki's last edit, the one day the entry gives, dates
it. Modelled on a fan wiki's MediaWiki pages (Minerva skin) saved from Google's
cache, in Traditional script.
"""

from __future__ import annotations

import pytest

from g60pub.normalize import normalize
from g60pub.normalize.byline import parse_byline

_ENTRY = (
    "<p>久米田康治，日本漫畫家，代表作有《改造新人類》、《絕望先生》等。作品以自虐與吐槽著稱。</p>"
    "<p>隨著久米田在講談社得到肯定，編輯部也沒給他什麼壓力，雖然還是有不少自虐橋段。</p>"
    "<p>改藏年代開始已採用電腦作畫，一直都是Macintosh的支持者，作品的網點也都是電腦處理。</p>"
)


def _cached_entry(bar: str) -> bytes:
    return (
        '<html><head><meta charset="utf-8"><title>久米田康治 - Komica wiki</title></head><body>'
        '<div id="bN015htcoyT__google-cache-hdr"><div><span>這是 Google 對 '
        '<a href="https://wiki.komica.org/x">https://wiki.komica.org/x</a> 的快取。</span>'
        "<span>這是該網頁於 2022年11月13日 23:11:20 GMT 顯示時的快照。</span></div></div>"
        '<main><h1 id="section_0">久米田康治</h1><div class="content">'
        f"{_ENTRY}</div>{bar}</main></body></html>"
    ).encode()


_BAR = (
    '<div class="last-modified-bar"><a href="/特殊:歷史/久米田康治" data-user-name="幻想機"'
    ' data-timestamp="1582029139">最後編輯於 2020年2月18日 (週二) 20:32</a></div>'
    "<p>Komica wiki</p><p>隱私方針</p><p>桌面版</p>"
)


def test_a_search_engine_s_cache_banner_is_no_part_of_the_entry() -> None:
    texts = [block.text for block in normalize(_cached_entry(_BAR)).blocks]
    assert texts[0].startswith("久米田康治，日本漫畫家")
    assert not any("快取" in text or "快照" in text for text in texts)


def test_a_wiki_s_last_edit_dates_the_entry_when_it_gives_no_other_day() -> None:
    article = normalize(_cached_entry(_BAR))
    assert article.published is not None and article.published.startswith("2020-02-18")


@pytest.mark.parametrize(
    ("row", "day"),
    [
        ("最後編輯於 2020年2月18日 (週二) 20:32", "2020-02-18"),
        ("發表於 2020-02-18 12:00", "2020-02-18"),
    ],
)
def test_a_posting_row_in_traditional_script_gives_its_day_and_no_name(row: str, day: str) -> None:
    byline = parse_byline(row, strict=True)
    assert byline is not None and byline.author is None
    assert byline.published is not None and byline.published.startswith(day)
