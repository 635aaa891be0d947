"""The PO file format: read, check and write gettext PO files with ``babel.messages``.

What goes into a catalog, and how an existing file is merged with a changed
source, is the store's business (store.py, merge.py); this module only
turns bytes into a :class:`~babel.messages.catalog.Catalog` and back, and
refuses what PO editors and ``msgfmt`` would refuse.
"""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

from babel.core import UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, unescape
from babel.messages.pofile import read_po as babel_read_po
from babel.messages.pofile import write_po as babel_write_po

from g60pub.errors import TranslationFileError

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


# The previous msgctxt of a fuzzy entry (``#| msgctxt "..."``) has no place in
# babel's Message: it is kept among the translator comments, as babel reads
# it, in this one spelling, and written back as a ``#|`` line by render_po.
PREVIOUS_CONTEXT = "| msgctxt "


def previous_context(message: Message) -> str | None:
    """The msgctxt of the entry a fuzzy translation was made for, if it differs."""
    for comment in message.user_comments:
        if comment.startswith(PREVIOUS_CONTEXT):
            return unescape(comment.removeprefix(PREVIOUS_CONTEXT).strip())
    return None


def set_previous_context(message: Message, context: str | None) -> None:
    """Record (or, with ``None``, clear) the previous msgctxt of ``message``."""
    comments = [c for c in message.user_comments if not c.startswith(PREVIOUS_CONTEXT)]
    if context is not None:
        comments.append(PREVIOUS_CONTEXT + _quote(context))
    message.user_comments = comments


def translator_comments(message: Message) -> list[str]:
    """The translator's own comments of an entry (the previous msgctxt left out)."""
    return [c for c in message.user_comments if not c.startswith(PREVIOUS_CONTEXT)]


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _take_previous_id(message: Message) -> None:
    # babel keeps `#| msgid "..."` lines as user comments "| msgid ..."; turn
    # them back into previous_id so that writing them again yields `#|`, and
    # keep a previous msgctxt as one comment (see PREVIOUS_CONTEXT).
    previous = [c for c in message.user_comments if c.startswith("|")]
    if not previous:
        return
    message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
    parts: list[str] = []
    context: list[str] = []
    field = ""
    for comment in previous:
        body = comment[1:].strip()
        keyword, _, rest = body.partition(" ")
        if keyword in ("msgid", "msgctxt", "msgid_plural"):
            field, body = keyword, rest.strip()
        if not body.startswith('"'):
            continue
        if field == "msgid":
            parts.append(unescape(body))
        elif field == "msgctxt":
            context.append(unescape(body))
    if parts:
        message.previous_id = ["".join(parts)]
    if context:
        set_previous_context(message, "".join(context))


def render_po(catalog: Catalog) -> bytes:
    """The PO file bytes of a catalog, as g60pub always writes them."""
    buf = BytesIO()
    babel_write_po(buf, catalog, width=WIDTH, include_previous=True)
    return _place_previous_contexts(buf.getvalue())


def _place_previous_contexts(data: bytes) -> bytes:
    # babel writes the kept comment as a translator comment ("# | msgctxt");
    # gettext puts "#| msgctxt" right before "#| msgid" (or before msgctxt
    # when there is no previous msgid). An obsolete entry keeps none.
    marker = ("# " + PREVIOUS_CONTEXT).encode("utf-8")
    if marker not in data:
        return data
    out: list[bytes] = []
    for entry in data.split(b"\n\n"):
        lines = entry.split(b"\n")
        moved = [b"#" + line[2:] for line in lines if line.startswith(marker)]
        lines = [line for line in lines if not line.startswith(marker)]
        if moved and not any(line.startswith(b"#~") for line in lines):
            at = next(
                (i for i, line in enumerate(lines) if line.startswith((b"#| msgid", b"msgctxt"))),
                len(lines),
            )
            lines[at:at] = moved
        out.append(b"\n".join(lines))
    return b"\n\n".join(out)
