"""TBX-Basic (ISO 30042:2019, DCA style) written and read.

One ``conceptEntry`` per term, ``langSec`` for zh-Hans, zh-Hant and en. The
approved English rendering is ``preferredTerm-admn-sts``, each ``en_alt`` an
``admittedTerm-admn-sts`` and each ``en_forbidden`` a
``deprecatedTerm-admn-sts`` term. The g60pub type rides in
``admin type="projectSubset"`` so that CSV -> TBX -> CSV loses nothing; a
Traditional form that the termbase does not pin carries a ``note`` saying it
was derived, so it is not read back as a pin.

Reading accepts TBX v2 (``termEntry``/``langSet``/``tig``) from CAT tools too.
XML is parsed with entity expansion, DTD loading and network access off; a
document with a DTD is refused, which stops XXE and entity-expansion bombs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from g60pub.errors import GlossaryError
from g60pub.glossary.csvio import Located, make_term
from g60pub.glossary.term import Term

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DERIVED_NOTE = "Traditional form derived with OpenCC s2t (not pinned)"
TYPE_PREFIX = "g60pub-type:"
_PREFERRED = "preferredTerm-admn-sts"
_ADMITTED = "admittedTerm-admn-sts"
_DEPRECATED = ("deprecatedTerm-admn-sts", "supersededTerm-admn-sts")
_PART_OF_SPEECH = {"name": "properNoun", "org": "properNoun", "place": "properNoun"}
_TERM_TYPE = {"abbr": "abbreviation", "slogan": "phrase"}


def concept_id(term: Term) -> str:
    """A stable id: it depends on the Simplified form alone."""
    return "c" + hashlib.blake2b(term.zh.encode("utf-8"), digest_size=6).hexdigest()


def write_tbx(terms: Iterable[Term], title: str = "g60pub glossary") -> bytes:
    root = etree.Element(f"{{{NS}}}tbx", nsmap={None: NS})  # type: ignore[dict-item]
    root.set("type", "TBX-Basic")
    root.set("style", "dca")
    root.set(XML_LANG, "en")
    header = _sub(root, "tbxHeader")
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", title)
    _sub(_sub(file_desc, "sourceDesc"), "p", "Exported by g60pub from glossary/*.csv")
    body = _sub(_sub(root, "text"), "body")
    for term in terms:
        _concept(body, term)
    etree.indent(root, space="  ")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8")) + b"\n"


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, f"{{{NS}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def _concept(body: etree._Element, term: Term) -> None:
    entry = _sub(body, "conceptEntry", id=concept_id(term))
    if term.note:
        _sub(entry, "note", term.note)
    pos = _PART_OF_SPEECH.get(term.type, "other" if term.type == "slogan" else "noun")
    kind = _TERM_TYPE.get(term.type, "fullForm")
    zh = _lang(entry, "zh-Hans")
    sec = _term(zh, term.zh, _PREFERRED, pos, kind)
    _sub(sec, "admin", TYPE_PREFIX + term.type, type="projectSubset")
    sec = _term(_lang(entry, "zh-Hant"), term.zh_hant, _PREFERRED, pos, kind)
    if not term.pinned:
        _sub(sec, "note", DERIVED_NOTE)
    en = _lang(entry, "en")
    sec = _term(en, term.en, _PREFERRED, pos, kind)
    if term.source:
        _sub(sec, "admin", term.source, type="source")
    for alt in term.en_alt:
        _term(en, alt, _ADMITTED, pos, kind)
    for bad in term.en_forbidden:
        _term(en, bad, _DEPRECATED[0], pos, kind)


def _lang(entry: etree._Element, lang: str) -> etree._Element:
    el = _sub(entry, "langSec")
    el.set(XML_LANG, lang)
    return el


def _term(lang: etree._Element, text: str, status: str, pos: str, kind: str) -> etree._Element:
    sec = _sub(lang, "termSec")
    _sub(sec, "term", text)
    _sub(sec, "termNote", pos, type="partOfSpeech")
    _sub(sec, "termNote", kind, type="termType")
    _sub(sec, "termNote", status, type="administrativeStatus")
    return sec


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        dtd_validation=False,
    )


def read_tbx(data: bytes | str | Path) -> list[Located]:
    """Terms of a TBX document (``bytes``) or file (``str``/``Path``)."""
    if isinstance(data, bytes):
        name, payload = "<tbx>", data
    else:
        name = str(data)
        try:
            payload = Path(data).read_bytes()
        except OSError as err:
            raise GlossaryError(f"cannot read TBX: {err.strerror}", name) from None
    try:
        root = etree.fromstring(payload, _parser())
    except etree.XMLSyntaxError as err:
        raise GlossaryError(f"malformed TBX: {err.msg}", name, _line(err.lineno)) from None
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        raise GlossaryError("TBX with a document type declaration is refused", name, 1)
    if _local(root) not in ("tbx", "martif"):
        raise GlossaryError(
            f"not a TBX document (root <{_local(root)}>)", name, _line(root.sourceline)
        )
    terms: list[Located] = []
    for entry in root.iter():
        if _local(entry) in ("conceptEntry", "termEntry"):
            line = _line(entry.sourceline) or 0
            try:
                terms.append((_read_concept(entry), name, line))
            except GlossaryError as err:
                raise err.at(name, line) from None
    return terms


def _line(value: object) -> int | None:
    return value if isinstance(value, int) else None


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _children(el: etree._Element, *names: str) -> list[etree._Element]:
    return [c for c in el if _local(c) in names]


def _text(el: etree._Element) -> str:
    return "".join(str(t) for t in el.itertext()).strip()


def _read_concept(entry: etree._Element) -> Term:
    note = " ".join(_text(n) for n in _children(entry, "note"))
    zh = hant = en = source = kind = ""
    alts: list[str] = []
    forbidden: list[str] = []
    pinned = False
    for lang_sec in _children(entry, "langSec", "langSet"):
        lang = (lang_sec.get(XML_LANG) or lang_sec.get("lang") or "").lower()
        for sec in _children(lang_sec, "termSec", "tig", "ntig"):
            text = next((_text(t) for t in sec.iter() if _local(t) == "term"), "")
            notes = {n.get("type"): _text(n) for n in sec.iter() if _local(n) == "termNote"}
            admins = {a.get("type"): _text(a) for a in sec.iter() if _local(a) == "admin"}
            status = notes.get("administrativeStatus", "")
            subset = admins.get("projectSubset", "")
            if subset.startswith(TYPE_PREFIX):
                kind = subset.removeprefix(TYPE_PREFIX)
            elif not kind and notes.get("termType") in ("abbreviation", "acronym", "shortForm"):
                kind = "abbr"
            if not text:
                continue
            if lang in ("zh-hant", "zh-tw", "zh-hk", "zh-mo") or lang.startswith("zh-hant"):
                if not hant:
                    hant = text
                    pinned = DERIVED_NOTE not in [_text(n) for n in _children(sec, "note")]
            elif lang.startswith("zh"):
                zh = zh or text
            elif lang.startswith("en"):
                if status in _DEPRECATED:
                    forbidden.append(text)
                elif status == _PREFERRED and not en:
                    en = text
                    source = admins.get("source", "")
                else:
                    alts.append(text)
    if not en and alts:
        en = alts.pop(0)
    return make_term(zh, en, hant if pinned else "", alts, forbidden, kind or "term", note, source)
