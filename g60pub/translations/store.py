"""The PO store: one gettext PO file per article and target language.

This module decides what goes into an article's catalog (header, one entry
per block, glossary hints) and merges an existing file with a changed source
without losing a translator's text (merge.py has the rules); pofile.py reads
and writes the format.

An article's catalog holds, in order: the title (its block id as context),
one entry per byline field the article has (contexts ``meta:author``,
``meta:source``, ``meta:via``; several authors are one value joined with
"、"), then the body blocks. A byline field is pre-filled only when its whole
value is a glossary term, or every name of an author list is a person the
glossary knows (浙江省侨商会 -> Zhejiang Overseas Chinese Chamber of
Commerce); anything else is left to the translator.

A file whose entries already say what the merge would write (its
translations, comments, flags, references and order) is left as it is, byte
for byte, however another PO editor wrapped or laid it out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from babel.core import UnknownLocaleError
from babel.messages.catalog import Catalog, Message

from g60pub.atomic import lock_directory, replace_if_unchanged
from g60pub.errors import ConfigError, TranslationFileError
from g60pub.glossary import Glossary
from g60pub.model import META_CONTEXT, Article, Block
from g60pub.reproducible import source_date_epoch
from g60pub.translations.merge import EntryState, MergeStats, merge_entries
from g60pub.translations.pofile import parse_po, render_po

HEADER_COMMENT = (
    "# Translations of one g60pub article.\n"
    "# Edit the msgstr lines; keep msgctxt (the block id) as it is."
)


def new_catalog(slug: str, lang: str, created: dt.datetime) -> Catalog:
    """An empty catalog with g60pub's header for one article."""
    try:
        catalog = Catalog(
            locale=lang.replace("-", "_"),
            header_comment=HEADER_COMMENT,
            project="g60pub",
            version=slug,
            creation_date=created,
            revision_date=created,
            charset="UTF-8",
            fuzzy=False,
        )
    except (UnknownLocaleError, ValueError) as err:
        raise ConfigError(f"unknown target language {lang!r}") from err
    # Empty rather than babel's placeholders ("FULL NAME <EMAIL@ADDRESS>"),
    # which msgfmt --check flags; the translator's tool fills them in.
    catalog.msgid_bugs_address = ""
    catalog.last_translator = ""
    catalog.language_team = ""
    return catalog


def creation_date(article: Article) -> dt.datetime:
    """A reproducible creation date: SOURCE_DATE_EPOCH, else the article's date, else 1970."""
    moment = source_date_epoch()
    if moment is not None:
        return moment
    if article.published:
        match = re.match(r"(\d{4})-(\d{2})-(\d{2})", article.published)
        if match:
            y, m, d = (int(g) for g in match.groups())
            try:
                return dt.datetime(y, m, d, tzinfo=dt.UTC)
            except ValueError:
                pass
    return dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class UpdateResult:
    """What ``update_po`` did to one file."""

    path: Path
    created: bool
    changed: bool
    total: int
    stats: MergeStats

    @property
    def new(self) -> int:
        return self.stats.new

    @property
    def kept(self) -> int:
        return self.stats.kept

    @property
    def fuzzy(self) -> int:
        return self.stats.fuzzy

    @property
    def obsolete(self) -> int:
        return self.stats.obsolete

    @property
    def revived(self) -> int:
        return self.stats.revived


def update_po(
    article: Article,
    po_path: str | Path,
    *,
    source_ref: str,
    lang: str = "en",
    glossary: Glossary | None = None,
    slug: str | None = None,
) -> UpdateResult:
    """Create or merge the PO file of ``article``; never drops a translator's msgstr.

    ``source_ref`` is the source file as the references should name it
    (relative to the project). Concurrent runs are serialised by a lock on
    the file's directory; the write is atomic and happens only when the
    bytes change, and only if nobody (a PO editor does not take the lock)
    saved the file while it was being merged: then the save is kept and
    ``TranslationFileError`` says to run update again.
    """
    po_path = Path(po_path)
    slug = slug or po_path.name.removesuffix(f".{lang}.po").removesuffix(".po")
    with lock_directory(po_path.parent):
        old_bytes = po_path.read_bytes() if po_path.exists() else None
        old = parse_po(old_bytes, po_path) if old_bytes is not None else None
        catalog = new_catalog(slug, lang, creation_date(article))
        if old is not None:
            keep_header(old, catalog)
        entries = catalog_entries(article, source_ref, glossary)
        stats = merge_entries(entries, old, catalog)
        data = render_po(catalog)
        changed = data != old_bytes and (old is None or _content(old) != _content(catalog))
        if changed and not replace_if_unchanged(po_path, data, old_bytes):
            # An editor saved the file while it was being merged: its save wins.
            raise TranslationFileError(
                "changed by another program while being updated; kept as it is now, "
                "run update again",
                po_path,
            )
    return UpdateResult(po_path, old is None, changed, len(entries), stats)


def keep_header(old: Catalog, new: Catalog) -> None:
    """Carry the header fields a translator's tool owns from ``old`` over to ``new``."""
    # The translator's tool owns these fields (PO-Revision-Date, Last-Translator,
    # Language-Team); keeping them also keeps `update` byte-stable.
    new.creation_date = old.creation_date
    new.revision_date = old.revision_date
    new.last_translator = old.last_translator or ""
    new.language_team = old.language_team or ""
    new.msgid_bugs_address = old.msgid_bugs_address or ""
    if old.header_comment.strip():
        new.header_comment = old.header_comment


def catalog_entries(
    article: Article, source_ref: str, glossary: Glossary | None
) -> list[EntryState]:
    """The entries of the article's catalog in file order: title, byline fields, body."""
    title, *body = article.all_blocks()
    located = [(title, 1), *((block, n) for n, block in enumerate(body, start=2))]
    entries = [
        EntryState(block, (source_ref, n), translator_hints(block, glossary))
        for block, n in located
    ]
    meta = [
        EntryState(block, None, translator_hints(block, glossary), prefill(block, glossary))
        for block in article.meta_blocks()
    ]
    return [entries[0], *meta, *entries[1:]]


def prefill(block: Block, glossary: Glossary | None) -> str:
    """The English of a byline value the glossary knows whole, else ``""``."""
    if glossary is None or not block.id.startswith(META_CONTEXT):
        return ""
    term = glossary.lookup(block.text)
    if term is not None and block.text in (term.zh, term.zh_hant):
        return term.en
    if block.id != f"{META_CONTEXT}author" or "、" not in block.text:
        return ""
    names = [glossary.lookup(name.strip()) for name in block.text.split("、")]
    if not all(t is not None and t.type == "name" and t.en != t.zh for t in names):
        return ""
    english = [t.en for t in names if t is not None]
    return ", ".join(english[:-1]) + " and " + english[-1]


def _content(catalog: Catalog) -> tuple[object, ...]:
    """What a catalog says, without how a file lays it out (wrapping, quoting)."""

    def entry(m: Message) -> tuple[object, ...]:
        hints = " ".join(" ".join(m.auto_comments).split())
        flags = tuple(sorted(m.flags))
        return (m.context, m.id, m.string, flags, tuple(m.user_comments), hints,
                tuple(m.locations), tuple(m.previous_id))  # fmt: skip

    header = tuple(catalog.mime_headers)
    named = tuple(v for k, v in header if k in ("Project-Id-Version", "Language"))
    return (
        named,
        catalog.header_comment.strip(),
        tuple(entry(m) for m in catalog if m.id),
        tuple(entry(m) for m in catalog.obsolete.values()),
    )


def translator_hints(block: Block, glossary: Glossary | None) -> list[str]:
    """Extracted comments for a block: ``heading`` (or ``byline: <field>``), then
    ``zh = approved English`` per term."""
    hints: list[str] = []
    if block.id.startswith(META_CONTEXT):
        hints.append(f"byline: {block.id.removeprefix(META_CONTEXT)}")
    elif block.kind == "heading":
        hints.append("heading")
    if glossary is not None:
        for match in glossary.find(block.text):
            hint = f"{match.term.zh} = {match.term.en}"
            if hint not in hints:
                hints.append(hint)
    return hints
