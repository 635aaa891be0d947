"""Aligned English into a PO file that may already hold a translator's work.

The file is first merged with the Chinese side as ``update`` merges it
(``merge``): every translation it holds stays, active, fuzzy or obsolete,
and its obsolete entries stay. Then the aligned English fills the entries
that are still empty; where a translator's text differs from the aligned
English, the English is added as a translator comment, a suggestion, and the
translator's text is left as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from g60pub.atomic import lock_directory, replace_if_unchanged
from g60pub.errors import TranslationFileError
from g60pub.model import Block
from g60pub.translations.merge import EntryState, merge_entries
from g60pub.translations.pofile import parse_po, render_po
from g60pub.translations.store import keep_header, new_catalog

SUGGESTION = "aligned English (a suggestion): "


@dataclass(frozen=True, slots=True)
class FillResult:
    """What writing aligned English into one PO file did."""

    path: Path
    created: bool
    filled: int  # empty entries given the aligned English
    kept: int  # entries whose translation was kept as it was
    suggested: int  # of those, the ones given the aligned English as a comment
    obsolete: int  # obsolete entries kept


def fill_po(
    aligned: Catalog,
    po_path: str | Path,
) -> FillResult:
    """Write ``aligned`` (``bootstrap.beads_catalog``) to ``po_path``, keeping
    every translation the file already holds.

    The write is atomic, under the lock ``update`` takes, and only if no editor
    saved the file meanwhile (then :class:`TranslationFileError`).
    """
    po_path = Path(po_path)
    with lock_directory(po_path.parent):
        old_bytes = po_path.read_bytes() if po_path.exists() else None
        if old_bytes is None:
            catalog, result = aligned, FillResult(po_path, True, _count(aligned), 0, 0, 0)
        else:
            catalog, result = _onto(aligned, parse_po(old_bytes, po_path), po_path)
        data = render_po(catalog)
        if data != old_bytes and not replace_if_unchanged(po_path, data, old_bytes):
            raise TranslationFileError(
                "changed by another program while the alignment was written; "
                "kept as it is now, run align again",
                po_path,
            )
    return result


def _count(catalog: Catalog) -> int:
    return sum(1 for m in catalog if m.id and m.string)


def _onto(aligned: Catalog, old: Catalog, path: Path) -> tuple[Catalog, FillResult]:
    created = aligned.creation_date
    assert isinstance(created, dt.datetime)  # beads_catalog sets it from the article
    catalog = new_catalog(aligned.version or "", str(aligned.locale), created)
    keep_header(old, catalog)
    entries = [
        EntryState(
            Block(m.context or "", "paragraph", str(m.id)),
            m.locations[0] if m.locations else ("", 0),
            list(m.auto_comments),
        )
        for m in aligned
        if m.id
    ]
    merge_entries(entries, old, catalog)
    filled = kept = suggested = 0
    for message in (m for m in catalog if m.id):
        found = aligned.get(message.id, context=message.context)
        if found is None:
            continue
        comments = [c for c in found.user_comments if not _has_comment(message, c)]
        if not message.string:
            if found.string:
                filled += 1
                message.string = found.string
                if found.fuzzy:
                    message.flags.add("fuzzy")
            message.user_comments = [*message.user_comments, *comments]
            continue
        kept += 1
        if found.string and found.string != message.string:
            suggestion = SUGGESTION + str(found.string)
            if not _has_comment(message, suggestion):
                suggested += 1
                message.user_comments = [*message.user_comments, suggestion]
    return catalog, FillResult(path, False, filled, kept, suggested, len(catalog.obsolete))


def _has_comment(message: Message, comment: str) -> bool:
    # A long comment comes back from the file as several lines.
    said = " ".join(" ".join(message.user_comments).split())
    return " ".join(comment.split()) in said
