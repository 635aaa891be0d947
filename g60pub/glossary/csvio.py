"""Glossary CSV (UTF-8, header row, RFC 4180) read and written.

Columns: ``zh, en, zh_hant, en_alt, en_forbidden, type, note, source``; ``zh``
and ``en`` are required (``en`` may stay empty in a ``removed`` row), lists are
``|``-separated. The file is read strictly, because a lenient reader turns a
slip into a wrong term without a word: a row with more or fewer fields than
the header, an unknown ``type``, an empty ``en``, a ``zh_hant`` that is not
Traditional, an ``en_forbidden`` that is also an accepted rendering: each is a
:class:`GlossaryError` with the file and the line it is on.

Reading also takes term lists as translators keep them (glossary/README.md):
UTF-16 with a BOM, tab- or semicolon-separated (the delimiter is the one the
header row uses; Excel's ``sep=`` first line wins), headers in any case or in
Chinese (中文, 英文, 备注, ...), and ``#`` comment lines. A file that is not
UTF-8 is refused rather than guessed at: GB18030 decodes almost any bytes, so
a guess would turn a mis-encoded file into wrong terms without a word.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

from g60pub.chinese import opencc_converter
from g60pub.cjk import has_han
from g60pub.errors import GlossaryError
from g60pub.glossary.english import key
from g60pub.glossary.term import REMOVED, TERM_TYPES, Term

COLUMNS = ("zh", "en", "zh_hant", "en_alt", "en_forbidden", "type", "note", "source")
REQUIRED = ("zh", "en")
# Header names other tools and translators use, folded (see _column_name).
ALIASES = {
    "chinese": "zh",
    "中文": "zh",
    "简体": "zh",
    "简体中文": "zh",
    "术语": "zh",
    "zh-cn": "zh",
    "zh-hans": "zh",
    "english": "en",
    "英文": "en",
    "译文": "en",
    "en-us": "en",
    "en-gb": "en",
    "繁体": "zh_hant",
    "繁體": "zh_hant",
    "繁体中文": "zh_hant",
    "zh-tw": "zh_hant",
    "zh-hant": "zh_hant",
    "备注": "note",
    "注释": "note",
    "说明": "note",
    "notes": "note",
    "comment": "note",
    "comments": "note",
    "来源": "source",
    "出处": "source",
    "类型": "type",
}
DELIMITERS = (",", "\t", ";")
LIST_SEPARATOR = "|"

Located = tuple[Term, str, int]  # term, file, line
# Characters XML 1.0 cannot carry (so TBX could not either); tab and newline
# are fine in a note.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def derived_hant(zh: str) -> str:
    """The Traditional form OpenCC gives when the termbase pins none."""
    return str(opencc_converter("s2t").convert(zh))


def derived_simplified(zh_hant: str) -> str:
    """The Simplified form OpenCC gives for a term known only in Traditional."""
    return str(opencc_converter("t2s").convert(zh_hant))


_TRADITIONAL_CONFIGS = ("s2t", "s2tw", "s2hk")


def is_traditional(text: str) -> bool:
    """Whether ``text`` is written in Traditional characters: OpenCC leaves it as
    it is in one of its Traditional standards (OpenCC, Taiwan or Hong Kong
    forms: 裡, 台灣 and 衞 are Traditional too). Text that is the same in both
    scripts (中高端, G60) passes."""
    return any(str(opencc_converter(c).convert(text)) == text for c in _TRADITIONAL_CONFIGS)


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
    # The same rendering twice (en-US and en-GB sections of a TBX) is one.
    alts = tuple(dict.fromkeys(a.strip() for a in en_alt if a.strip() and a.strip() != en))
    forbidden = tuple(dict.fromkeys(f.strip() for f in en_forbidden if f.strip()))
    kind = type.strip().lower() or "term"
    if not zh:
        raise GlossaryError("empty zh")
    if kind not in TERM_TYPES:
        raise GlossaryError(f"{zh}: unknown type {kind!r} (one of {', '.join(TERM_TYPES)})")
    if not en and kind != REMOVED:
        raise GlossaryError(f"{zh}: empty en")
    if zh_hant and not is_traditional(zh_hant):
        raise GlossaryError(f"{zh}: zh_hant {zh_hant!r} is not Traditional Chinese")
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


def _column_name(cell: str) -> str:
    name = cell.strip().lower().replace(" ", "_")
    return ALIASES.get(name.replace("_", "-"), ALIASES.get(name, name))


def _delimiter(first_line: str) -> str:
    """The delimiter the header row uses: the most frequent of comma, tab and
    semicolon outside quotes (comma on a tie, and for a one-column header)."""
    unquoted = re.sub(r'"[^"]*"', "", first_line)
    return max(DELIMITERS, key=lambda d: (unquoted.count(d), d == ","))


def _is_comment(row: list[str]) -> bool:
    return bool(row) and row[0].lstrip().startswith("#")


def read_csv(text: str, file: str | Path) -> list[Located]:
    """Terms of one glossary CSV document, each with its file and line."""
    text = text.removeprefix("\ufeff")
    first_line, _, rest = text.partition("\n")
    skipped = 0
    sep = re.fullmatch(r"sep=(.)\r?", first_line)  # Excel's delimiter line
    if sep:
        delimiter, text, skipped = sep.group(1), rest, 1
    else:
        lines = (ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#"))
        delimiter = _delimiter(next(lines, ""))
    # strict: a quote left open must not swallow the rest of the file as one
    # cell (RFC 4180 has no such field), nor may text follow a closing quote.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        row = next(reader)
        while _is_comment(row) or not any(c.strip() for c in row):
            row = next(reader)
    except StopIteration:
        raise GlossaryError("empty glossary file (no header row)", file, 1 + skipped) from None
    except csv.Error as err:
        raise GlossaryError(f"malformed CSV: {err}", file, reader.line_num + skipped) from None
    header_line = reader.line_num + skipped
    header = [_column_name(h) for h in row]
    # An unnamed column (a trailing delimiter, as spreadsheets write) is
    # allowed while its cells are empty.
    unknown = [h for h, name in zip(row, header, strict=True) if name not in (*COLUMNS, "")]
    if unknown:
        raise GlossaryError(
            f"unknown column(s): {', '.join(h.strip() for h in unknown)}"
            f" (the header row names columns from: {', '.join(COLUMNS)})",
            file,
            header_line,
        )
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise GlossaryError(f"missing column(s): {', '.join(missing)}", file, header_line)
    named = [h for h in header if h]
    if len(set(named)) != len(named):
        raise GlossaryError("duplicate column in header", file, header_line)
    terms: list[Located] = []
    line = reader.line_num + 1 + skipped
    try:
        for row in reader:
            if any(cell.strip() for cell in row) and not _is_comment(row):
                terms.append((_row_term(header, row, file, line), str(file), line))
            line = reader.line_num + 1 + skipped
    except csv.Error as err:
        raise GlossaryError(f"malformed CSV: {err}", file, line) from None
    return terms


def _row_term(header: list[str], row: list[str], file: str | Path, line: int) -> Term:
    # A row one field short would shift its cells into the wrong columns
    # ("term" landing in en_forbidden), so the count must be the header's;
    # only unnamed columns at the end (a trailing delimiter) may be left out.
    named = len(header)
    while named and not header[named - 1]:
        named -= 1
    if not named <= len(row) <= len(header):
        expected = named if len(row) < named else len(header)
        raise GlossaryError(f"{len(row)} fields, the header has {expected}", file, line)
    if any(cell.strip() for name, cell in zip(header, row, strict=False) if not name):
        raise GlossaryError("a value in a column without a header", file, line)
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


def read_csv_file(path: str | Path, name: str | None = None) -> list[Located]:
    """Terms of the glossary CSV at ``path``, named ``name`` (else the path) in
    errors and in the locations returned."""
    where = str(path) if name is None else name
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise GlossaryError(f"cannot read glossary: {err.strerror}", where) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return read_csv(data.decode("utf-16"), where)
        except UnicodeDecodeError:
            raise GlossaryError("malformed UTF-16", where) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        reason = "not UTF-8"
        if _decodes_as_gb18030(data):
            reason += " (it reads as GBK/GB18030: save the file as UTF-8)"
        raise GlossaryError(reason, where, line) from None
    return read_csv(text, where)


def _decodes_as_gb18030(data: bytes) -> bool:
    try:
        return has_han(data.decode("gb18030"))
    except UnicodeDecodeError:
        return False


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
