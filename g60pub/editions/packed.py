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

import copyreg
import dataclasses
import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from g60pub.editions.ocf import Packed, pack
from g60pub.editions.render import ArticleResult
from g60pub.editions.variants import Variant
from g60pub.editions.view import ArticleView, BlockView, Span, TermEntry, sort_key
from g60pub.model import Article, Block, Pair, Publication
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


@dataclass(frozen=True, slots=True)
class Joined:
    """A file made of parts it shares with the articles (a text book is its
    articles' texts between separators), joined only when it is written.

    Held whole, the five text books of a 1,000-article build were 60 MB of
    the parent's memory, on top of the packed texts they are made of.
    ``parts`` are ``(content, end)``: bytes, or a packed text cut at ``end``.
    """

    parts: tuple[tuple[bytes | Packed, int], ...]
    size: int
    sha256: str  # hex digest of the joined bytes

    def raw(self) -> bytes:
        return b"".join(_pieces(self.parts))


def join_texts(
    head: bytes, texts: Sequence[Packed], sep: bytes, tail: bytes, empty: bytes
) -> Joined:
    """``head + sep.join(t.rstrip("\\n") for t in texts) + tail``, with ``empty``
    as the body when that join is empty; each text is inflated once, here, for
    the size and digest, and again when the file is written."""
    parts: list[tuple[bytes | Packed, int]] = []
    digest = hashlib.sha256()

    def add(content: bytes | Packed, data: bytes) -> None:
        parts.append((content, len(data)))
        digest.update(data)

    add(head, head)
    body = False
    for i, text in enumerate(texts):
        data = text.raw().rstrip(b"\n")
        if i:
            add(sep, sep)
        body = body or bool(i) or bool(data)
        add(text, data)
    if not body:
        add(empty, empty)
    add(tail, tail)
    return Joined(tuple(parts), sum(end for _, end in parts), digest.hexdigest())


def _pieces(parts: Sequence[tuple[bytes | Packed, int]]) -> Iterator[bytes]:
    for content, end in parts:
        data = content.raw() if isinstance(content, Packed) else content
        yield data if end == len(data) else data[:end]


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


def _by_constructor(cls: type) -> None:
    """Pickle ``cls`` as a constructor call with its fields in order.

    Frozen slotted dataclasses otherwise unpickle through ``__setstate__``,
    which calls ``dataclasses.fields()`` once per object: with ~500 objects
    per article that was half the cost of reading a warm build's cache.
    """
    names = tuple(f.name for f in dataclasses.fields(cls))
    if any(not f.init or f.kw_only for f in dataclasses.fields(cls)):
        return  # not constructible positionally: keep the default

    def reduce(obj: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, tuple(getattr(obj, n) for n in names)

    reducer: Callable[[Any], tuple[type, tuple[Any, ...]]] = reduce
    copyreg.pickle(cls, reducer)


# Every article's views list the glossary terms they use, in each variant: the
# same few hundred (id, zh, zh_hant, en) entries over and over. Unpickled one
# copy per article they were ~300 objects and ~45 kB an article, a fifth of
# what a warm build holds in memory at 1,000 articles (bench/README.md).
_INTERNED: dict[tuple[Any, ...], Any] = {}
_INTERNED_LIMIT = 100_000


def interned(cls: type, *args: Any) -> Any:
    """``cls(*args)``, one shared instance per distinct value (frozen classes only)."""
    key = (cls, *args)
    obj = _INTERNED.get(key)
    if obj is None:
        if len(_INTERNED) >= _INTERNED_LIMIT:
            _INTERNED.clear()
        obj = _INTERNED[key] = cls(*args)
    return obj


def _by_shared_instance(cls: type) -> None:
    """Pickle ``cls`` so that equal values unpickle to one shared instance."""
    names = tuple(f.name for f in dataclasses.fields(cls))

    def reduce(obj: Any) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return interned, (cls, *(getattr(obj, n) for n in names))

    copyreg.pickle(cls, reduce)


for _cls in (
    Span, BlockView, ArticleView,
    Block, Article, Pair, Publication, QAFinding, Packed, PackedArticle,
):  # fmt: skip
    _by_constructor(_cls)
for _shared in (TermEntry, Variant):
    _by_shared_instance(_shared)
