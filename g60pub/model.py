"""The data model: plain frozen dataclasses shared by every stage.

Formats (HTML, PO, CSV, TBX, EPUB, ...) are read and written at the edges;
nothing here knows about them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

BlockKind = Literal["heading", "paragraph"]
Script = Literal["zh-Hans", "zh-Hant"]
Lang = Literal["zh-Hans", "zh-Hant", "en"]  # an article's language: a Chinese script, or English
# The byline fields an article carries besides its title, in the order a
# byline shows them; each is translated as a unit of context ``meta:<field>``.
META_FIELDS: tuple[str, ...] = ("author", "source", "via")
META_CONTEXT = "meta:"


def block_id(text: str, taken: set[str] | None = None) -> str:
    """Return a stable id for a block, derived from its normalised text.

    The id depends on the text alone (not on the block's position), so that
    inserting or reordering other blocks never orphans a translation. When the
    same text occurs twice in one article, the later one gets ``-2``, ``-3``...
    ``taken`` is updated in place.
    """
    base = _base_id(text)
    if taken is None:
        return base
    return _next_free(base, taken, {})


def _base_id(text: str) -> str:
    return "b" + hashlib.blake2b(text.encode("utf-8"), digest_size=5).hexdigest()


def _next_free(base: str, taken: set[str], tried: dict[str, int]) -> str:
    # ``tried`` remembers the last suffix used per base, so a page repeating
    # one paragraph thousands of times costs linear, not quadratic, time.
    candidate, n = base, tried.get(base, 1)
    if n > 1:
        candidate = f"{base}-{n}"
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    tried[base] = n
    taken.add(candidate)
    return candidate


@dataclass(frozen=True, slots=True)
class Block:
    """One heading or paragraph of an article, in the source language."""

    id: str
    kind: BlockKind
    text: str

    def to_json(self) -> dict[str, str]:
        return {"id": self.id, "kind": self.kind, "text": self.text}


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article as the normaliser produces it.

    ``title_id`` is the block id of the title: the title is translated like
    any other block. ``blocks`` never contains the title.

    ``author`` names the people (or organisation) who wrote the article;
    several are joined with "、" (``樊亮、张明超``). ``via`` is a repost note,
    provenance rather than authorship, as the page writes it
    (``转载自微信公众号虹桥馆``).
    """

    title: str
    blocks: tuple[Block, ...]
    lang: Lang = "zh-Hans"
    author: str | None = None
    source: str | None = None
    published: str | None = None  # ISO 8601: "2017-07-18T11:29:57+08:00" or "2017-07-18"
    url: str | None = None
    via: str | None = None

    @property
    def title_id(self) -> str:
        return block_id(self.title)

    @property
    def title_block(self) -> Block:
        return Block(self.title_id, "heading", self.title)

    def all_blocks(self) -> tuple[Block, ...]:
        """The title block followed by the body blocks: every translatable unit of the text."""
        return (self.title_block, *self.blocks)

    def meta_blocks(self) -> tuple[Block, ...]:
        """The byline fields the article has, as translatable units whose id is
        their context (``meta:author``, ``meta:source``, ``meta:via``)."""
        values = ((name, getattr(self, name)) for name in META_FIELDS)
        return tuple(
            Block(f"{META_CONTEXT}{name}", "paragraph", value) for name, value in values if value
        )

    def to_json(self) -> dict[str, Any]:
        """The Article JSON contract (docs/contracts.md), keys exactly as there."""
        return {
            "title": self.title,
            "author": self.author,
            "source": self.source,
            "published": self.published,
            "via": self.via,
            "url": self.url,
            "lang": self.lang,
            "blocks": [b.to_json() for b in self.blocks],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Article:
        return cls(
            title=data["title"],
            author=data.get("author"),
            source=data.get("source"),
            published=data.get("published"),
            url=data.get("url"),
            via=data.get("via"),
            lang=data.get("lang", "zh-Hans"),
            blocks=tuple(Block(b["id"], b["kind"], b["text"]) for b in data["blocks"]),
        )


def make_blocks(
    items: Iterable[tuple[BlockKind, str]], title: str | None = None
) -> tuple[Block, ...]:
    """Give ids to (kind, text) items; the title's id is reserved first."""
    taken: set[str] = set()
    tried: dict[str, int] = {}
    if title is not None:
        _next_free(_base_id(title), taken, tried)
    return tuple(
        Block(_next_free(_base_id(text), taken, tried), kind, text) for kind, text in items
    )


@dataclass(frozen=True, slots=True)
class Acceptance:
    """A translator's word that one QA finding code is right as it is for one
    entry (``# g60pub-accept: term-missing [1a2b3c4d]`` in the PO file).

    ``digest`` names the source and translation it was given for; ``None``
    until ``update`` records it. When the entry's text changes, the digest no
    longer matches and the finding is open again.
    """

    code: str
    digest: str | None = None


@dataclass(frozen=True, slots=True)
class Pair:
    """A source block and its translation (None when untranslated)."""

    block: Block
    translation: str | None = None
    fuzzy: bool = False
    accepted: tuple[Acceptance, ...] = ()

    @property
    def translated(self) -> bool:
        return bool(self.translation) and not self.fuzzy


@dataclass(frozen=True, slots=True)
class Publication:
    """One article ready for the editions: its zh blocks aligned with one target language.

    ``pairs[0]`` is the title pair; the rest follow the article's blocks in order.
    ``meta`` pairs the byline fields (``Article.meta_blocks``) with theirs.
    """

    slug: str
    article: Article
    pairs: tuple[Pair, ...]
    target_lang: str = "en"
    source_path: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)
    meta: tuple[Pair, ...] = ()

    def meta_translation(self, name: str) -> str | None:
        """The translation of the byline field ``name`` ("source"), if it is translated."""
        for pair in self.meta:
            if pair.block.id == f"{META_CONTEXT}{name}" and pair.translated:
                return pair.translation
        return None

    @property
    def title(self) -> Pair:
        return self.pairs[0]

    @property
    def body(self) -> tuple[Pair, ...]:
        return self.pairs[1:]

    @property
    def translated_ratio(self) -> float:
        if not self.pairs:
            return 0.0
        return sum(p.translated for p in self.pairs) / len(self.pairs)
