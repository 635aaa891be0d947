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

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources

from g60pub.editions.feeds import FeedInfo, atom_feed, newest
from g60pub.editions.files import FileContent, PackedArticle, stored
from g60pub.editions.html import (
    DownloadLink,
    PageEnd,
    SiteInfo,
    VariantLink,
    glossary_firsts,
    page_end,
    render_glossary_page,
    render_index_pages,
    site_stylesheet,
    variant_links,
)
from g60pub.editions.lines import line_digest, line_terms, line_terms_digest, listed
from g60pub.editions.ocf import Entry, pack, pack_open
from g60pub.editions.site_lists import MadeLists, SiteLists
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
    made: SiteLists | None = None,
) -> SiteFiles:
    """``html/<variant>/``: articles (date order decides previous and next),
    index pages, glossary and Atom feed. Each article's line is unpacked
    only as far as the lists read it (lines.py); the feed's newest articles
    in whole. With ``made``, lists made of the same lines as in the last
    build are taken from it (site_lists.py)."""
    mine = [r for r in articles if variant.id in r.pages]
    online, offline = page_end(variant, download), page_end(variant, None)
    others = variant_links(variant, variants)
    made = made if made is not None else SiteLists("")  # nothing to take: all made now
    lists, glossary = _lists(variant, site, mine, others, online, made)
    base = f"html/{variant.id}"
    out = SiteFiles()
    ends = hashlib.sha256(online.closing + b"\0" + offline.closing).hexdigest()
    finished = lists.finished(ends)
    tails = []
    for i, (result, pager) in enumerate(zip(mine, lists.pager_list(), strict=True)):
        head = result.pages[variant.id]
        name = f"{base}/{result.slug}.html"
        # A page whose start and lists are the last build's is the last
        # build's page: its digests are taken, not worked out again.
        start = head.digest
        last = finished[i] if i < len(finished) and finished[i][0] == start else None
        # The pager's links are the same in both copies; only the footers differ.
        page = Tailed(head, pager, online.closing, last[1] if last else None)
        copy = Tailed(head, pager, offline.closing, *(last[2:] if last else ()))
        out.files[name], out.offline[name] = page, copy
        # The offline copy's CRC too: the archive's headers ask for it.
        tails.append((start, page.digest, copy.digest, str(copy.crc)))
    made.update(variant.id, lists.with_tails(ends, tails))
    for name, head in lists.heads() + glossary.heads():
        _finish(out, f"{base}/{name}", head, online, offline)
    by_slug = {r.slug: r for r in mine}
    data = atom_feed(feed, variant.id, [by_slug[slug].lines[variant.id] for slug in lists.newest])
    out.files[f"{base}/feed.atom"] = stored(data)
    out.offline[f"{base}/feed.atom"] = pack(data)
    out.size = sum(f.size for f in out.files.values())
    return out


def _lists(
    variant: Variant,
    site: SiteInfo,
    mine: Sequence[PackedArticle],
    others: Sequence[VariantLink],
    online: PageEnd,
    made: SiteLists,
) -> tuple[MadeLists, MadeLists]:
    """The variant's index pages, each article's previous/next links and the
    feed's articles; and its glossary page: each as the last build made it
    when its key is the same, else made now."""

    def lists(key: bytes) -> MadeLists:
        lines = [listed(r.lines, variant.id) for r in mine]
        pagers = [
            online.pager(lines[i - 1] if i else None, lines[i + 1] if i + 1 < len(lines) else None)
            for i in range(len(lines))
        ]
        pages = render_index_pages(variant, site, lines, others)
        heads = [(name, pack_open(text)) for name, text in pages]
        return MadeLists.of(key, heads, pagers, [v.slug for v in newest(lines)])

    def glossary(key: bytes) -> MadeLists:
        firsts = glossary_firsts((r.slug, line_terms(r.lines, variant.id)) for r in mine)
        page = pack_open(render_glossary_page(variant, site, firsts, others))
        return MadeLists.of(key, [("glossary.html", page)], [], [])

    context = (site, others, online.pager_label, online.previous, online.next)
    digests = (line_digest(r.lines, variant.id) for r in mine)
    # The glossary links each term's first use: the articles' slugs and
    # terms, in order, are what it is made of.
    uses = (r.slug.encode() + b"\0" + line_terms_digest(r.lines, variant.id) for r in mine)
    return (
        made.get(variant.id, made.key(variant, context, digests), lists),
        made.get(f"{variant.id}/glossary", made.key(variant, (site, others), uses), glossary),
    )


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
