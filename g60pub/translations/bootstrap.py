"""Bootstrap a translation from an English version that already exists:
read both sides as paragraphs, align them, and turn the beads into a PO file.

Beads become PO entries per Chinese block:

* 1-1, 1-n: the English paragraphs joined with a space; fuzzy when the
  bead's score is below ``CONFIDENT``;
* n-1, n-m (one English text for several Chinese blocks): the English
  sentences are shared out over the blocks in proportion to their length
  when there are enough sentences, else the whole English goes to the
  first block; every block of such a bead is fuzzy, with a comment naming
  the bead, since a translator must check the cut;
* 1-0: the block stays untranslated;
* 0-1: the English has nothing to attach to; it is kept as a translator
  comment on the nearest Chinese block so that nothing is lost.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog

from g60pub.alignment import Bead, align_paragraphs
from g60pub.cjk import HAN_CHAR
from g60pub.errors import SourceError
from g60pub.glossary import Glossary
from g60pub.model import Article, Block, make_blocks
from g60pub.normalize import normalize_file
from g60pub.normalize.english import LATIN_LETTER, is_english
from g60pub.translations.store import catalog_entries, creation_date, new_catalog

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
CONFIDENT = 0.7  # bead posterior below which the PO entry is fuzzy
CHINESE_SHARE = 0.3  # of letters and Han characters, at least, in a Chinese text
EN_SENTENCE = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[A-Z\"“(0-9])")


@dataclass(frozen=True, slots=True)
class Side:
    """The paragraphs of one side of an alignment, with the article they form.

    An HTML page gives the article the normaliser reads (title, byline and
    furniture left out); a text file gives its paragraphs, the first read as
    the title.
    """

    paragraphs: tuple[str, ...]
    article: Article | None = None

    def blocks(self) -> tuple[Block, ...]:
        """One block (with its id) per paragraph, in order."""
        return (self.article or _plain_article(self.paragraphs)).all_blocks()


def read_side(path: str | Path, *, chinese: bool) -> Side:
    """Paragraphs of an HTML page (normalised like a source) or a text file.

    Text files hold one paragraph per blank-line separated chunk. A side in
    the other language, an empty or a binary file is a :class:`SourceError`
    naming the file.
    """
    path = Path(path)
    if path.suffix.lower() in HTML_SUFFIXES:
        article = normalize_file(path)
        side = Side(tuple(b.text for b in article.all_blocks()), article)
    else:
        side = Side(_text_paragraphs(path))
    _check_language(side.paragraphs, path, chinese=chinese)
    return side


def _text_paragraphs(path: Path) -> tuple[str, ...]:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SourceError(f"cannot read: {err.strerror}", path) from err
    if not data:
        raise SourceError("empty file", path)
    if b"\x00" in data:
        raise SourceError("binary data, not text", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SourceError(
            "text file is not UTF-8", path, data[: err.start].count(b"\n") + 1
        ) from err
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    kept = tuple(p for p in paragraphs if p)
    if not kept:
        raise SourceError("no paragraphs found", path)
    return kept


def _check_language(paragraphs: Sequence[str], path: Path, *, chinese: bool) -> None:
    text = " ".join(paragraphs)
    if chinese:
        han = len(HAN_CHAR.findall(text))
        if han < CHINESE_SHARE * (han + len(LATIN_LETTER.findall(text))):
            found = "English" if is_english(text) else "not Chinese"
            raise SourceError(f"expected the Chinese side, but the text is {found}", path)
    elif not is_english(text):
        found = "Chinese" if HAN_CHAR.search(text) else "not English"
        raise SourceError(f"expected the English side, but the text is {found}", path)


def beads_json(zh: Side, en: Side, beads: Sequence[Bead]) -> dict[str, object]:
    """The beads with, for each side, the ids and text of their blocks, so that
    a person can check them."""
    zb, eb = zh.blocks(), en.blocks()
    return {
        "beads": [
            {
                **b.to_json(),
                "zh_blocks": [{"id": zb[i].id, "text": zb[i].text} for i in b.zh],
                "en_blocks": [{"id": eb[j].id, "text": eb[j].text} for j in b.en],
            }
            for b in beads
        ]
    }


def beads_catalog(
    zh: Side,
    en: Side,
    beads: Sequence[Bead],
    *,
    slug: str,
    source_ref: str,
    lang: str = "en",
    glossary: Glossary | None = None,
) -> Catalog:
    """A PO catalog for the Chinese side, its entries filled from the beads."""
    blocks = zh.blocks()
    catalog = new_catalog(slug, lang, creation_date(zh.article or _plain_article(zh.paragraphs)))
    strings: list[str] = [""] * len(blocks)
    fuzzy = [False] * len(blocks)
    notes: list[list[str]] = [[] for _ in blocks]
    last = 0
    for bead in beads:
        english = [en.paragraphs[j] for j in bead.en]
        if not bead.zh:
            target = last if last < len(blocks) else len(blocks) - 1
            notes[target].append("English without a Chinese counterpart: " + " ".join(english))
            continue
        last = bead.zh[-1]
        if not english:
            continue
        shares = _share(english, [blocks[i].text for i in bead.zh])
        for i, text in zip(bead.zh, shares, strict=True):
            strings[i] = text
            fuzzy[i] = bead.score < CONFIDENT or len(bead.zh) > 1
            if bead.score < CONFIDENT:
                notes[i].append(f"aligned with confidence {bead.score:.2f}: check the English")
            if len(bead.zh) > 1:
                ids = ", ".join(blocks[k].id for k in bead.zh)
                notes[i].append(f"aligned as one unit with blocks {ids}: check the cut")
    # The entries `update` makes, in its order: the title, the byline fields
    # (the glossary's English where it knows a value whole), then the body.
    article = zh.article or _plain_article(zh.paragraphs)
    body = iter(range(len(blocks)))
    for entry in catalog_entries(article, source_ref, glossary):
        if entry.location is None:
            catalog.add(
                entry.block.text,
                entry.prefill,
                auto_comments=list(entry.hints),
                context=entry.block.id,
            )
            continue
        n = next(body)
        message = catalog.add(
            entry.block.text,
            strings[n],
            locations=[entry.location],
            auto_comments=list(entry.hints),
            user_comments=notes[n],
            context=entry.block.id,
        )
        if fuzzy[n] and message is not None:
            message.flags.add("fuzzy")
    return catalog


def align_sides(zh: Side, en: Side, glossary: Glossary | None = None) -> list[Bead]:
    return align_paragraphs(zh.paragraphs, en.paragraphs, glossary)


def _plain_article(paragraphs: Sequence[str]) -> Article:
    # The first paragraph of a text file is its title, as in a source page.
    title, *rest = paragraphs
    return Article(title, make_blocks((("paragraph", p) for p in rest), title=title))


def _share(english: list[str], zh: list[str]) -> list[str]:
    """Cut the English of one bead into one piece per Chinese block, by length."""
    if len(zh) == 1:
        return [" ".join(english)]
    units = english if len(english) >= len(zh) else EN_SENTENCE.split(" ".join(english))
    if len(units) < len(zh):
        return [" ".join(english)] + [""] * (len(zh) - 1)
    total_zh = sum(len(t) for t in zh)
    total_en = sum(len(u) for u in units)
    pieces: list[str] = []
    start = 0
    consumed_zh = 0
    for k, text in enumerate(zh[:-1]):
        consumed_zh += len(text)
        goal = total_en * consumed_zh / total_zh
        # Leave at least one unit for each remaining block.
        best_end, best_gap = start + 1, float("inf")
        for end in range(start + 1, len(units) - (len(zh) - 1 - k) + 1):
            gap = abs(sum(len(u) for u in units[:end]) - goal)
            if gap < best_gap:
                best_end, best_gap = end, gap
        pieces.append(" ".join(units[start:best_end]))
        start = best_end
    pieces.append(" ".join(units[start:]))
    return pieces
