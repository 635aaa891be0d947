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
from lxml import etree
from lxml import html as lxml_html

from g60pub.alignment import Bead, align_paragraphs
from g60pub.errors import SourceError
from g60pub.glossary import Glossary
from g60pub.model import Article, make_blocks
from g60pub.normalize import normalize_file
from g60pub.normalize.decode import decode
from g60pub.normalize.dom import parse
from g60pub.translations.pofile import render_po
from g60pub.translations.store import creation_date, new_catalog, translator_hints

BLOCK_TAGS = ("h1", "h2", "h3", "h4", "p", "li", "blockquote")
CONFIDENT = 0.7  # bead posterior below which the PO entry is fuzzy
EN_SENTENCE = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[A-Z\"“(0-9])")


@dataclass(frozen=True, slots=True)
class Side:
    """The paragraphs of one side of an alignment, with the article when it is Chinese HTML."""

    paragraphs: tuple[str, ...]
    article: Article | None = None


def read_side(path: str | Path, *, chinese: bool) -> Side:
    """Paragraphs of an HTML page (normalised like a source) or a text file.

    Text files hold one paragraph per blank-line separated chunk.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SourceError(f"cannot read: {err.strerror}", path) from err
    if path.suffix.lower() not in (".html", ".htm", ".xhtml"):
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
        return Side(kept)
    if chinese:
        article = normalize_file(path)
        return Side(tuple(b.text for b in article.all_blocks()), article)
    return Side(_html_paragraphs(data, path))


def _html_paragraphs(data: bytes, path: Path) -> tuple[str, ...]:
    # An English edition page: its headings and paragraphs in document order,
    # decoded and parsed as a source page is (any encoding; binary refused).
    try:
        root = parse(decode(data))
    except SourceError as err:
        raise err.at(path) from None
    except (etree.ParserError, ValueError) as err:
        raise SourceError(f"cannot parse HTML: {err}", path) from err
    for bad in list(root.iter("script", "style", "nav", "header", "footer", "aside")):
        if isinstance(bad, lxml_html.HtmlElement):
            bad.drop_tree()
    scope = root
    for tag in ("main", "article"):
        found = next(root.iter(tag), None)
        if found is not None:
            scope = found
    blocks = [el for el in scope.iter(*BLOCK_TAGS) if isinstance(el, lxml_html.HtmlElement)]
    # A <p> inside an <li> (or the reverse) is one paragraph, not two.
    outer = [el for el in blocks if not any(a.tag in BLOCK_TAGS for a in el.iterancestors())]
    title = next(root.iter("h1"), None)
    if scope is not root and title is not None and title not in outer:
        outer.insert(0, title)  # the headline often sits above the article body
    paragraphs = [" ".join(el.text_content().split()) for el in outer]
    if not any(paragraphs):
        # Text kept in <div>s and <br>s: blank lines separate paragraphs.
        for br in scope.iter("br", "div"):
            br.tail = "\n\n" + (br.tail or "") if br.tag == "div" else "\n" + (br.tail or "")
        paragraphs = re.split(r"\n\s*\n", "\n".join(str(t) for t in scope.itertext()))
        paragraphs = [" ".join(p.split()) for p in paragraphs]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise SourceError("no paragraphs found", path)
    return tuple(paragraphs)


def beads_json(beads: Sequence[Bead]) -> dict[str, object]:
    return {"beads": [b.to_json() for b in beads]}


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
    article = zh.article or _plain_article(zh.paragraphs)
    blocks = article.all_blocks()
    catalog = new_catalog(slug, lang, creation_date(article))
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
            if len(bead.zh) > 1:
                ids = ", ".join(blocks[k].id for k in bead.zh)
                notes[i].append(f"aligned as one unit with blocks {ids}: check the cut")
    for n, block in enumerate(blocks):
        message = catalog.add(
            block.text,
            strings[n],
            locations=[(source_ref, n + 1)],
            auto_comments=translator_hints(block, glossary),
            user_comments=notes[n],
            context=block.id,
        )
        if fuzzy[n] and message is not None:
            message.flags.add("fuzzy")
    return catalog


def beads_po(
    zh: Side,
    en: Side,
    beads: Sequence[Bead],
    *,
    slug: str,
    source_ref: str,
    lang: str = "en",
    glossary: Glossary | None = None,
) -> bytes:
    catalog = beads_catalog(
        zh, en, beads, slug=slug, source_ref=source_ref, lang=lang, glossary=glossary
    )
    return render_po(catalog)


def align_sides(zh: Side, en: Side, glossary: Glossary | None = None) -> list[Bead]:
    return align_paragraphs(zh.paragraphs, en.paragraphs, glossary)


def _plain_article(paragraphs: Sequence[str]) -> Article:
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
