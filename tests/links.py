"""A link checker over a directory of outputs: every relative link in every
page, feed and catalog names a file inside the directory (and an id inside
that file, for a link with a fragment). EPUBs and ZIPs are unpacked and
checked the same way, each against its own contents."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.etree as etree
import lxml.html

HTML = (".html", ".xhtml")
FEEDS = (".atom", ".xml", ".opf", ".ncx")
LINKS = "//a/@href | //link/@href | //script/@src | //img/@src | //iframe/@src"
XHTML_LINKS = (
    "//*[local-name()='a' or local-name()='link']/@href"
    " | //*[local-name()='img' or local-name()='script']/@src"
)


def broken_links(root: Path) -> list[str]:
    """``file: link`` for every link under ``root`` that does not resolve inside it."""
    root = root.resolve()
    broken: list[str] = []
    ids: dict[Path, set[str]] = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        for link in _links(path):
            problem = _problem(root, path, link, ids)
            if problem:
                broken.append(f"{path.relative_to(root)}: {link} ({problem})")
        if path.suffix in (".epub", ".zip"):
            broken += [f"{path.relative_to(root)}!{b}" for b in broken_in_archive(path)]
    return broken


def broken_in_archive(path: Path) -> list[str]:
    with tempfile.TemporaryDirectory() as scratch, zipfile.ZipFile(path) as archive:
        archive.extractall(scratch)
        return broken_links(Path(scratch))


def _links(path: Path) -> list[str]:
    if path.suffix in HTML:
        data = path.read_bytes()
        doc = etree.fromstring(data) if path.suffix == ".xhtml" else lxml.html.fromstring(data)
        return [str(v) for v in doc.xpath(XHTML_LINKS if path.suffix == ".xhtml" else LINKS)]
    if path.suffix in FEEDS or path.name == "container.xml":
        doc = etree.parse(str(path))
        return [str(v) for v in doc.xpath("//@href | //@full-path")]
    return []


def _problem(root: Path, page: Path, link: str, ids: dict[Path, set[str]]) -> str | None:
    parts = urlsplit(link)
    if parts.scheme in ("http", "https", "mailto"):
        return None
    if parts.scheme or parts.netloc:
        return "not a relative link"
    # A container's full-path is relative to the container's root.
    base = root if page.name == "container.xml" else page.parent
    target = (base / unquote(parts.path)).resolve() if parts.path else page
    if root not in target.parents and target != root:
        return "outside"
    if not target.is_file():
        return "missing"
    if parts.fragment and target.suffix in HTML:
        if target not in ids:
            doc = (
                etree.parse(str(target)).getroot()
                if target.suffix == ".xhtml"
                else lxml.html.fromstring(target.read_bytes())
            )
            ids[target] = {str(i) for i in doc.xpath("//@id")}
        if unquote(parts.fragment) not in ids[target]:
            return "no such id"
    return None
