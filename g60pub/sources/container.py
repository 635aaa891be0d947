"""The ZIP container of an EPUB book or a Word document, checked before a reader opens it.

What is refused, each with its own reason: bytes that are no ZIP archive
(or a truncated one); an Office file in the old binary format (an OLE2
compound file: a ``.doc`` renamed ``.docx``, or a password-protected
``.docx``, which Office stores the same way); an archive that unpacks to
more than any book or document could hold (a ZIP bomb); and an EPUB whose
content is encrypted (DRM).
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from g60pub.errors import SourceError

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Office writes a password-protected OOXML file as an OLE2 file holding this stream.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
MAX_UNPACKED = 512 * 1024 * 1024
# Font obfuscation (EPUB 3 OCF, and Adobe's older scheme) scrambles embedded
# fonts only: the text stays readable, so such a book is not DRM.
_FONT_OBFUSCATION = frozenset(
    ["http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"]
)


def open_archive(data: bytes, what: str) -> zipfile.ZipFile:
    """The ZIP archive ``data`` holds; ``what`` names the format in the reasons given."""
    if not data.strip():
        raise SourceError("empty file")
    if data.startswith(_OLE2):
        if _ENCRYPTED_PACKAGE in data:
            raise SourceError(f"a password-protected {what}: save a copy without the password")
        raise SourceError(
            f"an old binary Office file (Word 97-2003 .doc or similar), not a {what}: "
            "save it as .docx"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as err:
        raise SourceError(
            f"not a readable ZIP archive (a broken or truncated {what}: {err})"
        ) from None
    if unpacked > MAX_UNPACKED:
        raise SourceError(
            f"{what} too large: unpacks to {unpacked:,} bytes (limit {MAX_UNPACKED:,})"
        )
    return archive


def refuse_drm(archive: zipfile.ZipFile) -> None:
    """Refuse an EPUB whose content is encrypted: ``META-INF/rights.xml`` (Adobe
    ADEPT and similar) or an ``META-INF/encryption.xml`` that encrypts more
    than obfuscated fonts."""
    names = set(archive.namelist())
    if "META-INF/rights.xml" in names:
        raise SourceError(
            "encrypted (DRM: META-INF/rights.xml); only books without DRM can be read"
        )
    if "META-INF/encryption.xml" not in names:
        return
    try:
        methods = _algorithms(archive.read("META-INF/encryption.xml"))
    except (zipfile.BadZipFile, OSError, ValueError, etree.XMLSyntaxError):
        methods = None
    if methods is None or not methods <= _FONT_OBFUSCATION:
        raise SourceError(
            "encrypted (DRM: META-INF/encryption.xml); only books without DRM can be read"
        )


def _algorithms(data: bytes) -> set[str] | None:
    """The encryption algorithms ``encryption.xml`` names; None when it declares a DTD."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    tree = etree.fromstring(data, parser=parser).getroottree()
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        return None
    values = tree.xpath("//*[local-name()='EncryptionMethod']/@Algorithm")
    return {str(value) for value in values} if isinstance(values, list) else set()
