"""Bytes -> str: BOM, then the declared charset, then detection.

Chinese servers routinely declare GB2312 while sending GBK (and GB18030)
characters such as 镕 or 喆, and declare Big5 while sending HKSCS characters,
so those labels are widened to the superset. A page whose declared (or
detected) encoding decodes all but a tiny share of its bytes (at most one
bad sequence in a thousand bytes: a cut-off "…" link title in a sidebar,
a stray byte pasted from elsewhere) is read
with those bytes replaced, and a :class:`DecodeWarning` says how many; a
page that only decodes with replacement characters throughout is rejected
rather than passed on as mojibake.
"""

from __future__ import annotations

import codecs
import re
import warnings

from charset_normalizer import from_bytes

from g60pub.cjk import HAN_CHAR
from g60pub.errors import G60Warning, SourceError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "an OLE (Office) document"),
    (b"\x7fELF", "an executable"),
)

# Labels widened to the superset real servers send (WHATWG Encoding does the
# same for GB2312/GBK -> gb18030).
_WIDER = {
    "gb2312": "gb18030",
    "gb_2312": "gb18030",
    "gb_2312-80": "gb18030",
    "csgb2312": "gb18030",
    "euc-cn": "gb18030",
    "x-gbk": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "ms936": "gb18030",
    "windows-936": "gb18030",
    "x-euc-cn": "gb18030",
    "iso-ir-58": "gb18030",
    "chinese": "gb18030",
    "big5": "big5hkscs",
    "big-5": "big5hkscs",
    "cn-big5": "big5hkscs",
    "csbig5": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "x-big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "cp950": "big5hkscs",
}
# Single-byte labels that decode any bytes at all: a Chinese page mislabelled
# with one of them must still be checked against UTF-8 and detection.
_PERMISSIVE = {"latin_1", "iso8859-1", "cp1252", "iso8859-15", "ascii"}

# Undecodable byte sequences a page may have per byte and still be read with
# them replaced: real pages with a broken sidebar title stay far below it,
# a page in the wrong encoding far above.
_TOLERATED = 0.001
_HEAD = 16384  # meta charset sometimes follows long inline scripts
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.I)
_HTML_SIGN = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|title|meta|p|div|table|span|br|section|article|h[1-6]|font|center|td)\b",
    re.I,
)
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_SHARE = 20  # one character in this many a control one: binary, however it opens


def _codec(label: str) -> str | None:
    label = label.strip().lower()
    if label in _WIDER:
        return _WIDER[label]
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _WIDER.get(name, name)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        if codec == "big5hkscs":
            return _strict(data, "cp950")
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares (meta charset, http-equiv or XML declaration)."""
    head = data[:_HEAD]
    for pattern in (_XML_DECL, _META_CHARSET):
        match = pattern.search(head)
        if match:
            return match.group(1).decode("ascii", "replace")
    return None


def _multibyte(codec: str) -> bool:
    return codec.startswith(("utf", "gb", "big5", "cp9", "euc", "shift", "iso2022", "hz"))


def _detected(data: bytes) -> str | None:
    """Detection's guess, if it decodes strictly.

    A single-byte guess decodes any bytes at all, so it is trusted only for
    text that is nearly all ASCII; for a Chinese page it would be mojibake.
    """
    best = from_bytes(data).best()
    if best is None:
        return None
    codec = _codec(best.encoding)
    if codec is None:
        return None
    if not _multibyte(codec) and sum(b >= 0x80 for b in data) > len(data) // 50:
        codec = "gb18030"
    for candidate in (codec, "gb18030", "big5hkscs"):
        text = _strict(data, candidate)
        if text is not None:
            return text
    return None


class DecodeWarning(G60Warning):
    """A page was read with a few undecodable bytes replaced (U+FFFD)."""


def _tolerant(data: bytes, codec: str) -> tuple[str, int] | None:
    """The text with undecodable byte sequences replaced, and their count, when few enough."""
    try:
        text = data.decode(codec, errors="replace")
    except LookupError:
        return None
    bad = text.count("\ufffd")
    if bad > len(data) * _TOLERATED:
        return None
    return text, bad


def _bytes_to_text(data: bytes, path: str | None) -> str:
    for bom, marked_codec in _BOMS:
        if data.startswith(bom):
            marked = _strict(data[len(bom) :], marked_codec)
            if marked is None:
                raise SourceError(f"cannot decode as {marked_codec} (its byte order mark says so)")
            return marked
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise SourceError(f"not HTML: {what}")
    if b"\x00" in data:
        # UTF-16 without a byte order mark is the one text encoding with NULs.
        for wide in ("utf-16-le", "utf-16-be"):
            text = _strict(data, wide)
            if text is not None and "\x00" not in text and _HTML_SIGN.search(text[:4096]):
                return text
        nuls = data.count(b"\x00")
        if nuls > len(data) * _TOLERATED or not _HTML_SIGN.search(data[:4096].decode("latin-1")):
            raise SourceError("not HTML: binary data (NUL bytes)")
        # A page with a stray NUL or two in its text (a copy-paste's, an
        # editor's): the NULs dropped, the rest read as any page.
        where = f"{path}: " if path else ""
        warnings.warn(DecodeWarning(f"{where}{nuls} NUL bytes dropped"), stacklevel=3)
        data = data.replace(b"\x00", b"")
    label = declared_charset(data)
    codec = _codec(label) if label else None
    # Multi-byte text that is valid UTF-8 is UTF-8: GBK or Big5 text almost
    # never is, while pages moved to UTF-8 often keep a stale gb2312 <meta>.
    utf8 = _strict(data, "utf-8")
    if utf8 is not None and (codec in (None, "utf-8") or not utf8.isascii()):
        return repaired(utf8)
    if codec is not None and codec not in _PERMISSIVE:
        declared = _strict(data, codec)
        if declared is not None:
            return declared
    if utf8 is not None:
        return utf8
    if codec is not None and codec in _PERMISSIVE and not _looks_cjk(data):
        single = _strict(data, codec)
        if single is not None:
            return single
    detected = _detected(data)
    if detected is None:
        for candidate in dict.fromkeys(
            [c for c in (codec, "utf-8", "gb18030", "big5hkscs") if c and c not in _PERMISSIVE]
        ):
            tolerated = _tolerant(data, candidate)
            if tolerated is not None:
                text, bad = tolerated
                if not bad:  # the text's own U+FFFD characters, nothing replaced
                    return text
                where = f"{path}: " if path else ""
                warnings.warn(
                    DecodeWarning(
                        f"{where}{bad} undecodable byte sequences replaced (read as {candidate})"
                    ),
                    stacklevel=3,
                )
                return text
        where = f"declared {label}" if label else "no charset declared"
        raise SourceError(
            f"cannot decode ({where}; no encoding decodes it without replacement characters)"
        )
    return detected


def _looks_cjk(data: bytes) -> bool:
    """True when the high bytes decode cleanly as GB18030 or Big5 (a mislabelled Chinese page)."""
    if not any(b >= 0x80 for b in data):
        return False
    return any(_strict(data, codec) is not None for codec in ("gb18030", "big5hkscs"))


def decode(data: bytes | str, path: str | None = None) -> str:
    """Return the text of a page, or raise :class:`SourceError` naming why it cannot be read.

    ``path`` names the file in a :class:`DecodeWarning`.
    """
    if isinstance(data, str):
        text = data.removeprefix("\ufeff")
    else:
        data = http_body(data)
        if not data.strip():
            raise SourceError("empty file")
        text = _bytes_to_text(data, path)
    if not text.strip():
        raise SourceError("empty file")
    controls = len(_BINARY.findall(text[:65536]))
    if controls > max(2, len(text[:65536]) // 100):
        # A page that opens as HTML may carry control characters a spammer hid
        # among its words (a hacked site's page): they go, the page stays.
        if not _HTML_SIGN.search(text[:1024]) or controls > len(text[:65536]) // _CONTROL_SHARE:
            raise SourceError("not HTML: binary data")
        text = _BINARY.sub("", text)
    if not _HTML_SIGN.search(text):
        raise SourceError("not HTML: no HTML markup found")
    return text


# A server's whole response saved as the page: its status line and headers first.
_STATUS_LINE = re.compile(rb"HTTP/\d(?:\.\d)?\s+(\d{3})[^\r\n]*\r?\n")
_HEADERS_END = re.compile(rb"\r?\n\r?\n")
_CHUNK_SIZE = re.compile(rb"\s*([0-9a-fA-F]{1,8})[^\r\n]*\r?\n")


def http_body(data: bytes) -> bytes:
    """The page in a saved HTTP response (``HTTP/1.1 200 OK``, headers, a blank
    line, the body, perhaps in chunks); other bytes as they are. A response
    that is no page (301 Moved Permanently, 404) holds no article."""
    status = _STATUS_LINE.match(data)
    if status is None:
        return data
    code = int(status.group(1))
    if not 200 <= code < 300:
        raise SourceError(f"no article found (an HTTP {code} response, not a page)")
    end = _HEADERS_END.search(data, status.end())
    head, body = (data, b"") if end is None else (data[: end.start()], data[end.end() :])
    if b"chunked" not in head.lower():
        return body
    pieces, at = [], 0
    while (size := _CHUNK_SIZE.match(body, at)) is not None and int(size.group(1), 16):
        start = size.end()
        pieces.append(body[start : start + int(size.group(1), 16)])
        at = start + int(size.group(1), 16)
    return b"".join(pieces)  # a response cut short keeps the chunks it holds


# UTF-8 read as Latin-1 (or Windows-1252) and saved as UTF-8 again: each Han
# character became three (ç¬¬ for 第). A page of such runs and no Han text
# is read back; one that also holds Han characters is left as it is.
_MOJIBAKE = re.compile(r"[\u00c2-\u00ef][\u0080-\u00bf\u0152-\u2122]{1,3}")
_GARBLED_RUNS = 20  # runs that make a page garbled, at least
_RUN = re.compile(r"[\u0080-\u00ff\u0152-\u2122]+")


def repaired(text: str) -> str:
    """``text`` with its doubly encoded UTF-8 read back (see above)."""
    if HAN_CHAR.search(text) or len(_MOJIBAKE.findall(text, 0, 65536)) < _GARBLED_RUNS:
        return text
    return _RUN.sub(_read_back, text)


def _read_back(run: re.Match[str]) -> str:
    try:
        raw = bytes(ord(c) if ord(c) < 0x100 else c.encode("cp1252")[0] for c in run.group())
        return raw.decode("utf-8")
    except (UnicodeError, ValueError):
        return run.group()
