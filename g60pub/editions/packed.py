"""An article's share of the editions in compact form: what a build keeps
of every article until the reduce, and what its cache stores.

The rendered chapters, pages and texts of one article come to about 1 MB as
Python strings; a thousand of them made a build's memory grow past a gigabyte
(bench/README.md). Packed, they take a fifth of that: the EPUB chapters are
deflated once, in the worker, exactly as the container stores them (ocf.py),
so a book is assembled by copying bytes; pages and texts are deflated too and
inflated one at a time when written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from g60pub.editions.ocf import Packed, pack
from g60pub.editions.render import ArticleResult
from g60pub.editions.view import ArticleView, sort_key
from g60pub.model import Publication
from g60pub.translations import QAFinding

# Pages and texts are inflated again within the same build: the fastest level
# keeps the workers' share small; chapters get the container's level.
FAST = 1


@dataclass(frozen=True, slots=True)
class PackedArticle:
    """The fields of :class:`~g60pub.editions.render.ArticleResult`, content packed."""

    slug: str
    error: str | None = None
    published: str | None = None
    publication: Publication | None = None
    views: dict[str, ArticleView] = field(default_factory=dict)
    chapters: dict[str, Packed] = field(default_factory=dict)  # variant -> EPUB XHTML entry
    pages: dict[str, Packed] = field(default_factory=dict)  # variant -> HTML page
    texts: dict[str, Packed] = field(default_factory=dict)  # variant -> plain text
    findings: tuple[QAFinding, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def order(self) -> tuple[str, str]:
        return sort_key(self.published, self.slug)

    def page(self, variant: str) -> bytes:
        """The variant's HTML page, UTF-8."""
        return self.pages[variant].raw()

    def text(self, variant: str) -> str:
        return self.texts[variant].text()


def pack_article(result: ArticleResult) -> PackedArticle:
    """Pack a rendered article (runs in the worker that rendered it)."""
    return PackedArticle(
        slug=result.slug,
        error=result.error,
        published=result.published,
        publication=result.publication,
        views=result.views,
        chapters={v: pack(x) for v, x in result.chapters.items()},
        pages={v: pack(x, level=FAST) for v, x in result.pages.items()},
        texts={v: pack(x, level=FAST) for v, x in result.texts.items()},
        findings=result.findings,
        warnings=result.warnings,
    )
