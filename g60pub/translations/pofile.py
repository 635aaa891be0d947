"""The PO store: one gettext PO file per article and target language.

Read and written with ``babel.messages``; this module only decides what goes
into the catalog (header, one entry per block, glossary hints) and how an
existing file is merged with a changed source without losing a translator's
text (DESIGN.md, "Translations").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from babel.core import UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, unescape
from babel.messages.pofile import read_po as babel_read_po
from babel.messages.pofile import write_po as babel_write_po

from g60pub.atomic import lock_directory, replace_if_unchanged
from g60pub.errors import ConfigError, TranslationFileError
from g60pub.model import Article, Block
from g60pub.reproducible import source_date_epoch
from g60pub.translations.merge import EntryState, MergeStats, merge_entries

if TYPE_CHECKING:
    from g60pub.glossary import Glossary

HEADER_COMMENT = (
    "# Translations of one g60pub article.\n"
    "# Edit the msgstr lines; keep msgctxt (the block id) as it is."
)
# No wrapping: Chinese has no spaces, so a wrapped msgid would be cut
# mid-sentence; gettext, Poedit and msgfmt all read unwrapped strings.
WIDTH = 0


def read_po(path: str | Path) -> Catalog:
    """Read a PO file; a malformed one raises TranslationFileError with its line."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise TranslationFileError(f"cannot read: {err.strerror}", path) from err
    return parse_po(data, path)


def parse_po(data: bytes, path: str | Path) -> Catalog:
    """Parse PO bytes (``path`` names the file in errors)."""
    data = data.removeprefix(b"\xef\xbb\xbf")  # a BOM some Windows editors add
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise TranslationFileError("not valid UTF-8", path, line) from err
    text = data.decode("utf-8")
    _check_strings(text, path)
    _check_duplicates(text, path)
    # msgmerge writes an obsolete entry's previous msgid as "#~| msgid ...",
    # which babel cannot parse; it is only a comment, so it is blanked (the
    # line count, and so the line numbers in errors, stay the same).
    data = OBSOLETE_PREVIOUS.sub(b"", data)
    try:
        catalog = babel_read_po(BytesIO(data), abort_invalid=True, charset="utf-8")
    except PoFileError as err:
        raise TranslationFileError(f"malformed PO: {err}", path, err.lineno + 1) from err
    except (ValueError, UnknownLocaleError) as err:
        raise TranslationFileError(f"malformed PO header: {err}", path, 1) from err
    for message in (*catalog, *catalog.obsolete.values()):
        _take_previous_id(message)
    return catalog


OBSOLETE_PREVIOUS = re.compile(rb"(?m)^[ \t]*#~[ \t]*\|[^\r\n]*")
QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')


def _check_strings(text: str, path: str | Path) -> None:
    # babel accepts an unterminated string ("msgstr \"abc") silently; msgfmt
    # and the translators' tools reject it, so must we.
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#~"):
            line = line[2:].strip()
            if line.startswith("|") or not line:
                continue  # an obsolete entry's previous msgid: a comment
        elif line.startswith("#") or not line:
            continue
        _keyword, _, rest = line.partition(" ") if not line.startswith('"') else ("", "", line)
        if not QUOTED.fullmatch(rest.strip()):
            raise TranslationFileError("malformed PO: string not properly quoted", path, n)


def _check_duplicates(text: str, path: str | Path) -> None:
    """Refuse two entries with the same msgctxt and msgid.

    babel keeps the last of them and drops the other's translation without a
    word; msgfmt refuses such a file ("duplicate message definition"), and so
    do we: a translator's text is never dropped. Obsolete entries (``#~``)
    are comments here. Runs after ``_check_strings``: every string is quoted.
    """
    seen: dict[tuple[str | None, str], int] = {}
    ctxt: str | None = None
    msgid: str | None = None
    start = 0
    field = ""
    translated = True  # the previous entry's msgstr was seen: the next keyword opens one

    def close() -> None:
        if msgid is None:
            return
        first = seen.setdefault((ctxt, msgid), start)
        if first != start:
            what = f"msgctxt {ctxt!r}" if ctxt is not None else f"msgid {msgid[:40]!r}"
            reason = f"duplicate entry for {what} (first at line {first})"
            raise TranslationFileError(reason, path, start)

    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ") if not line.startswith('"') else ("", "", line)
        value = rest.strip()[1:-1]
        if keyword in ("msgctxt", "msgid") and translated:
            close()
            ctxt, msgid, start, translated = None, None, n, False
        if keyword:
            field = keyword
        if field == "msgctxt":
            ctxt = (ctxt or "") + value
        elif field == "msgid":
            msgid = (msgid or "") + value
        elif field.startswith("msgstr"):
            translated = True
    close()


def _take_previous_id(message: Message) -> None:
    # babel keeps `#| msgid "..."` lines as user comments "| msgid ..."; turn
    # them back into previous_id so that writing them again yields `#|`.
    previous = [c for c in message.user_comments if c.startswith("|")]
    if not previous:
        return
    message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
    parts: list[str] = []
    field = ""
    for comment in previous:
        body = comment[1:].strip()
        keyword, _, rest = body.partition(" ")
        if keyword in ("msgid", "msgctxt", "msgid_plural"):
            field, body = keyword, rest.strip()
        if field == "msgid" and body.startswith('"'):
            parts.append(unescape(body))
    if parts:
        message.previous_id = ["".join(parts)]


def render_po(catalog: Catalog) -> bytes:
    """The PO file bytes of a catalog, as g60pub always writes them."""
    buf = BytesIO()
    babel_write_po(buf, catalog, width=WIDTH, include_previous=True)
    return buf.getvalue()


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
            _keep_header(old, catalog)
        entries = [
            EntryState(block, (source_ref, n), translator_hints(block, glossary))
            for n, block in enumerate(article.all_blocks(), start=1)
        ]
        stats = merge_entries(entries, old, catalog)
        data = render_po(catalog)
        changed = data != old_bytes
        if changed and not replace_if_unchanged(po_path, data, old_bytes):
            # An editor saved the file while it was being merged: its save wins.
            raise TranslationFileError(
                "changed by another program while being updated; kept as it is now, "
                "run update again",
                po_path,
            )
    return UpdateResult(po_path, old is None, changed, len(entries), stats)


def _keep_header(old: Catalog, new: Catalog) -> None:
    # The translator's tool owns these fields (PO-Revision-Date, Last-Translator,
    # Language-Team); keeping them also keeps `update` byte-stable.
    new.creation_date = old.creation_date
    new.revision_date = old.revision_date
    new.last_translator = old.last_translator or ""
    new.language_team = old.language_team or ""
    new.msgid_bugs_address = old.msgid_bugs_address or ""
    if old.header_comment.strip():
        new.header_comment = old.header_comment


def translator_hints(block: Block, glossary: Glossary | None) -> list[str]:
    """Extracted comments for a block: ``heading``, then ``zh = approved English`` per term."""
    hints: list[str] = []
    if block.kind == "heading":
        hints.append("heading")
    if glossary is not None:
        for match in glossary.find(block.text):
            hint = f"{match.term.zh} = {match.term.en}"
            if hint not in hints:
                hints.append(hint)
    return hints
