"""Glossary CSV (UTF-8, header row, RFC 4180) read and written.

Columns as in DESIGN.md: ``zh, en, zh_hant, en_alt, en_forbidden, type, note,
source``; ``zh`` and ``en`` are required, lists are ``|``-separated. Every
problem is a :class:`GlossaryError` with the file and the line it is on.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

from g60pub.errors import GlossaryError
from g60pub.glossary.english import key
from g60pub.glossary.term import TERM_TYPES, Term
from g60pub.script import opencc_converter

COLUMNS = ("zh", "en", "zh_hant", "en_alt", "en_forbidden", "type", "note", "source")
REQUIRED = ("zh", "en")
LIST_SEPARATOR = "|"

Located = tuple[Term, str, int]  # term, file, line
# Characters XML 1.0 cannot carry (so TBX could not either); tab and newline
# are fine in a note.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def derived_hant(zh: str) -> str:
    """The Traditional form OpenCC gives when the termbase pins none."""
    return str(opencc_converter("s2t").convert(zh))


def make_term(
    zh: str,
    en: str,
    zh_hant: str = "",
    en_alt: Iterable[str] = (),
    en_forbidden: Iterable[str] = (),
    type: str = "term",
    note: str = "",
    source: str = "",
) -> Term:
    """A validated :class:`Term`; raises :class:`GlossaryError` without a location."""
    zh, en, zh_hant = zh.strip(), en.strip(), zh_hant.strip()
    alts = tuple(a.strip() for a in en_alt if a.strip())
    forbidden = tuple(f.strip() for f in en_forbidden if f.strip())
    kind = type.strip() or "term"
    if not zh:
        raise GlossaryError("empty zh")
    if not en:
        raise GlossaryError(f"{zh}: empty en")
    if kind not in TERM_TYPES:
        raise GlossaryError(f"{zh}: unknown type {kind!r} (one of {', '.join(TERM_TYPES)})")
    for text in (zh, en, zh_hant, *alts, *forbidden, note, source):
        bad_char = _CONTROL.search(text)
        if bad_char:
            raise GlossaryError(
                f"{zh}: control character U+{ord(bad_char.group()):04X} in {text!r}"
            )
    for text in (*alts, *forbidden):
        if LIST_SEPARATOR in text:
            raise GlossaryError(f"{zh}: {LIST_SEPARATOR!r} inside the rendering {text!r}")
    approved = {key(e) for e in (en, *alts)}
    for bad in forbidden:
        if key(bad) in approved:
            raise GlossaryError(f"{zh}: forbidden rendering {bad!r} is also an accepted one")
    return Term(
        zh=zh,
        en=en,
        zh_hant=zh_hant or derived_hant(zh),
        en_alt=alts,
        en_forbidden=forbidden,
        type=kind,
        note=note.strip(),
        source=source.strip(),
        pinned=bool(zh_hant),
    )


def read_csv(text: str, file: str | Path) -> list[Located]:
    """Terms of one glossary CSV document, each with its file and line."""
    # strict: a quote left open must not swallow the rest of the file as one
    # cell (RFC 4180 has no such field), nor may text follow a closing quote.
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise GlossaryError("empty glossary file (no header row)", file, 1) from None
    except csv.Error as err:
        raise GlossaryError(f"malformed CSV: {err}", file, 1) from None
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise GlossaryError(f"unknown column(s): {', '.join(unknown)}", file, 1)
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise GlossaryError(f"missing column(s): {', '.join(missing)}", file, 1)
    if len(set(header)) != len(header):
        raise GlossaryError("duplicate column in header", file, 1)
    terms: list[Located] = []
    line = reader.line_num + 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                terms.append((_row_term(header, row, file, line), str(file), line))
            line = reader.line_num + 1
    except csv.Error as err:
        raise GlossaryError(f"malformed CSV: {err}", file, line) from None
    return terms


def _row_term(header: list[str], row: list[str], file: str | Path, line: int) -> Term:
    if len(row) > len(header):
        raise GlossaryError(f"{len(row)} fields, header has {len(header)}", file, line)
    cells = dict(zip(header, row, strict=False))
    try:
        return make_term(
            cells.get("zh", ""),
            cells.get("en", ""),
            zh_hant=cells.get("zh_hant", ""),
            en_alt=cells.get("en_alt", "").split(LIST_SEPARATOR),
            en_forbidden=cells.get("en_forbidden", "").split(LIST_SEPARATOR),
            type=cells.get("type", ""),
            note=cells.get("note", ""),
            source=cells.get("source", ""),
        )
    except GlossaryError as err:
        raise err.at(file, line) from None


def read_csv_file(path: str | Path) -> list[Located]:
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise GlossaryError(f"cannot read glossary: {err.strerror}", path) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise GlossaryError("not UTF-8", path, line) from None
    return read_csv(text, path)


def write_csv(terms: Iterable[Term]) -> str:
    """The terms as one CSV document (LF line ends; derived ``zh_hant`` left empty)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for t in terms:
        writer.writerow(
            [
                t.zh,
                t.en,
                t.zh_hant if t.pinned else "",
                LIST_SEPARATOR.join(t.en_alt),
                LIST_SEPARATOR.join(t.en_forbidden),
                t.type,
                t.note,
                t.source,
            ]
        )
    return out.getvalue()
