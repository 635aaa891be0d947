"""The site's share of the reduce: each variant's pages finished with their
tails, its index pages, glossary and feed; the files every variant shares;
and the offline ZIP of every variant.

Two copies of each page come out of one rendering: the published one, whose
footer links the download page in the variant's language, and the one in the
offline ZIP, whose every link resolves inside the ZIP (no download page, no
search bundle). Article pages are finished with :class:`~tailed.Tailed`, so
neither copy renders or deflates an article again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources

from g60pub.editions.feeds import FeedInfo, atom_feed, newest
from g60pub.editions.files import FileContent, PackedArticle, stored
from g60pub.editions.html import (
    DownloadLink,
    PageEnd,
    SiteInfo,
    page_end,
    render_glossary_page,
    render_index_pages,
    site_stylesheet,
    variant_links,
)
from g60pub.editions.lines import listed
from g60pub.editions.ocf import Entry, pack, pack_open
from g60pub.editions.tailed import Tailed
from g60pub.editions.variants import Variant

PAGE_FILES = ("favicon.svg",)
"""Files of ``editions/static`` every page uses, the download page too, beside ``style.css``."""
SITE_SCRIPTS = ("marks.js", "search.js")
"""Files of ``editions/static`` only the site's pages use."""


@dataclass(slots=True)
class SiteFiles:
    """One variant's site: its files by path under the output directory,
    the same pages as the offline ZIP holds them, and its size."""

    files: dict[str, FileContent] = field(default_factory=dict)
    offline: dict[str, Entry] = field(default_factory=dict)
    size: int = 0


def variant_site(
    variant: Variant,
    variants: Sequence[Variant],
    site: SiteInfo,
    articles: Sequence[PackedArticle],
    download: DownloadLink,
    feed: FeedInfo,
) -> SiteFiles:
    """``html/<variant>/``: articles (date order decides previous and next),
    index pages, glossary and Atom feed. Each article's line is unpacked
    only as far as the lists read it (lines.py); the feed's newest articles
    in whole."""
    mine = [r for r in articles if variant.id in r.pages]
    lines = [listed(r.lines, variant.id) for r in mine]
    online, offline = page_end(variant, download), page_end(variant, None)
    base = f"html/{variant.id}"
    out = SiteFiles()
    for i, result in enumerate(mine):
        older = lines[i - 1] if i else None
        newer = lines[i + 1] if i + 1 < len(mine) else None
        head = result.pages[variant.id]
        name = f"{base}/{result.slug}.html"
        # The pager's links are the same in both copies; only the footers differ.
        pager = online.pager(older, newer)
        out.files[name] = Tailed(head, pager, online.closing)
        out.offline[name] = Tailed(head, pager, offline.closing)
    others = variant_links(variant, variants)
    lists = render_index_pages(variant, site, lines, others)
    lists.append(("glossary.html", render_glossary_page(variant, site, lines, others)))
    for name, text in lists:
        _finish(out, f"{base}/{name}", pack_open(text), online, offline)
    by_slug = {r.slug: r for r in mine}
    data = atom_feed(feed, variant.id, [by_slug[v.slug].lines[variant.id] for v in newest(lines)])
    out.files[f"{base}/feed.atom"] = stored(data)
    out.offline[f"{base}/feed.atom"] = pack(data)
    out.size = sum(f.size for f in out.files.values())
    return out


def _finish(out: SiteFiles, name: str, head: Entry, online: PageEnd, offline: PageEnd) -> None:
    out.files[name] = Tailed(head, b"", online.closing)
    out.offline[name] = Tailed(head, b"", offline.closing)


def shared_files(site: bool) -> dict[str, bytes]:
    """``html/style.css`` and the other files every page uses (the download
    page and QA report too); with ``site``, also the site's scripts."""
    files = {"html/style.css": site_stylesheet().encode("utf-8")}
    static = resources.files("g60pub.editions").joinpath("static")
    for name in PAGE_FILES + (SITE_SCRIPTS if site else ()):
        files[f"html/{name}"] = static.joinpath(name).read_bytes()
    return files
