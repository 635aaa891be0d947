"""A Publication: an article's blocks paired with their translations from its PO file."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog, Message

from g60pub.model import Article, Block, Pair, Publication
from g60pub.translations.accept import read_acceptances
from g60pub.translations.pofile import read_po


def load_publication(
    slug: str, article: Article, po_path: Path | None, lang: str = "en"
) -> Publication:
    """Pair every block of ``article`` (title first) and every byline field
    with its translation.

    A missing PO file means nothing is translated yet. An entry whose
    Chinese text no longer matches the source (the PO file was not updated
    since the source changed) counts as fuzzy, with a warning.
    """
    catalog = read_po(po_path) if po_path is not None and po_path.exists() else None
    warnings: list[str] = []

    def pair(block: Block) -> Pair:
        message, stale = _find(catalog, block)
        if message is None:
            return Pair(block)
        accepted = read_acceptances(message.user_comments)
        if not message.string:
            return Pair(block, accepted=accepted)
        if stale:
            warnings.append(
                f"{po_path}: block {block.id}: source changed since the PO file was updated"
            )
        fuzzy = bool(message.fuzzy) or stale
        return Pair(block, str(message.string), fuzzy, accepted)

    pairs = tuple(pair(block) for block in article.all_blocks())
    meta = tuple(pair(block) for block in article.meta_blocks())
    return Publication(
        slug=slug,
        article=article,
        pairs=pairs,
        target_lang=lang,
        source_path=str(po_path) if po_path is not None else None,
        warnings=tuple(warnings),
        meta=meta,
    )


def _find(catalog: Catalog | None, block: Block) -> tuple[Message | None, bool]:
    if catalog is None:
        return None, False
    message = catalog.get(block.text, context=block.id)
    if message is not None:
        return message, False
    message = catalog.get(block.text)
    if message is not None:
        return message, False
    for candidate in catalog:
        if candidate.context == block.id and candidate.id:
            return candidate, True
    return None, False
