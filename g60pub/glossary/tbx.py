"""TBX-Basic (ISO 30042:2019, DCA style) written and read.

One ``conceptEntry`` per term, ``langSec`` for zh-Hans, zh-Hant and en. The
approved English rendering is ``preferredTerm-admn-sts``, each ``en_alt`` an
``admittedTerm-admn-sts`` and each ``en_forbidden`` a
``deprecatedTerm-admn-sts`` term. The g60pub type rides in
``admin type="projectSubset"`` so that CSV -> TBX -> CSV loses nothing; a
Traditional form that the termbase does not pin carries a ``note`` saying it
was derived, so it is not read back as a pin. A ``removed`` row of a layer is a
concept with its Simplified term alone, of type ``removed``.

Reading accepts TBX v2 (``termEntry``/``langSet``/``tig``/``ntig``) from CAT
tools too, in any encoding XML allows (UTF-16 with a BOM). What is read from
a concept that was not written here is set out in glossary/README.md ("Term
files from elsewhere"). XML is parsed with entity expansion, DTD loading and network access off; a
document with a DTD is refused, which stops XXE and entity-expansion bombs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from g60pub.errors import GlossaryError
from g60pub.glossary.csvio import Located, derived_simplified, make_term
from g60pub.glossary.term import REMOVED, Term

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DERIVED_NOTE = "Traditional form derived with OpenCC s2t (not pinned)"
TYPE_PREFIX = "g60pub-type:"
_PREFERRED = "preferredTerm-admn-sts"
_ADMITTED = "admittedTerm-admn-sts"
_DEPRECATED = ("deprecatedTerm-admn-sts", "supersededTerm-admn-sts")
_PART_OF_SPEECH = {"name": "properNoun", "org": "properNoun", "place": "properNoun"}
_SHORT_FORMS = ("abbreviation", "acronym", "shortForm")
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
    if term.type == REMOVED:
        if term.source:
            _sub(sec, "admin", term.source, type="source")
        return
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


def read_tbx(data: bytes | str | Path, name: str | None = None) -> list[Located]:
    """Terms of a TBX document (``bytes``) or file (``str``/``Path``), named
    ``name`` (else the path, or ``<tbx>``) in errors and locations."""
    if isinstance(data, bytes):
        name, payload = name or "<tbx>", data
    else:
        name = name or str(data)
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
                terms.extend((term, name, line) for term in _read_concept(entry))
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


def _script(lang: str) -> str:
    """``hans``, ``hant`` or ``en`` for a language tag as tools write it
    (zh-CN, ZH-cn, zh_Hans, zh-TW, zh-HK, zh-CHT, zh-Hant-TW, en-US, en_GB),
    else ``""`` for a language the glossary does not hold."""
    tags = lang.lower().replace("_", "-").split("-")
    if tags[0] in ("en", "eng"):
        return "en"
    if tags[0] not in ("zh", "zho", "chi", "cmn"):
        return ""
    if "hans" in tags or "chs" in tags:
        return "hans"
    if {"hant", "cht", "tw", "hk", "mo"} & set(tags[1:]):
        return "hant"
    return "hans"


def _status(notes: dict[str | None, str]) -> str:
    """``preferred``, ``admitted`` or ``deprecated`` (superseded counts as
    deprecated); TBX v2 tools may write ``normativeAuthorization`` instead."""
    value = notes.get("administrativeStatus") or notes.get("normativeAuthorization") or ""
    value = value.strip().lower().removesuffix("-admn-sts")
    if value in ("preferredterm", "preferred"):
        return "preferred"
    if value in ("deprecatedterm", "supersededterm", "deprecated", "superseded"):
        return "deprecated"
    return "admitted"


def _accepted(terms: list[tuple[str, str]]) -> list[str]:
    """The non-deprecated terms, preferred ones first, else in document order."""
    order = sorted(range(len(terms)), key=lambda i: (terms[i][1] != "preferred", i))
    return [terms[i][0] for i in order if terms[i][1] != "deprecated"]


def _read_concept(entry: etree._Element) -> list[Term]:
    notes_text = [_text(n) for n in _children(entry, "note")]
    notes_text += [
        _text(d) for d in entry.iter() if _local(d) == "descrip" and d.get("type") == "definition"
    ]
    note = " ".join(dict.fromkeys(n for n in notes_text if n))
    kind = ""
    sources: dict[str, str] = {}
    found: dict[str, list[tuple[str, str]]] = {"hans": [], "hant": [], "en": []}
    hant_derived: set[str] = set()
    for lang_sec in _children(entry, "langSec", "langSet"):
        script = _script(lang_sec.get(XML_LANG) or lang_sec.get("lang") or "")
        for sec in _children(lang_sec, "termSec", "tig", "ntig"):
            text = next((_text(t) for t in sec.iter() if _local(t) == "term"), "")
            notes = {n.get("type"): _text(n) for n in sec.iter() if _local(n) == "termNote"}
            admins = {a.get("type"): _text(a) for a in sec.iter() if _local(a) == "admin"}
            subset = admins.get("projectSubset", "")
            if subset.startswith(TYPE_PREFIX):
                kind = subset.removeprefix(TYPE_PREFIX)
            elif script in ("hans", "hant") and notes.get("termType") in _SHORT_FORMS:
                kind = kind or "abbr"  # an English acronym (SMEs) says nothing of the zh
            if not text or not script:
                continue
            found[script].append((text, _status(notes)))
            if "source" in admins:
                sources.setdefault(text, admins["source"])
            if DERIVED_NOTE in [_text(n) for n in _children(sec, "note")]:
                hant_derived.add(text)
    hans, hant = _accepted(found["hans"]), _accepted(found["hant"])
    english = _accepted(found["en"])
    if kind == REMOVED and hans:
        return [make_term(hans[0], "", type=REMOVED, note=note, source=sources.get(hans[0], ""))]
    if not (hans or hant) or not found["en"]:
        return []  # a concept of another language pair: nothing to match or check
    if not english:
        raise GlossaryError("no accepted English term (every one is deprecated)")
    zh = hans[0] if hans else derived_simplified(hant[0])
    pinned = hant[0] if hant and hant[0] not in hant_derived else ""
    alts = english[1:]
    forbidden = [t for t, status in found["en"] if status == "deprecated"]
    source = sources.get(english[0], "")
    first = make_term(zh, english[0], pinned, alts, forbidden, kind or "term", note, source)
    # Further Simplified synonyms are terms of their own with the same English;
    # the first term alone carries the forbidden renderings, so a misuse is
    # reported once.
    more = [
        make_term(other, english[0], "", alts, (), kind or "term", note, source)
        for other in dict.fromkeys(hans[1:])
        if other != zh
    ]
    return [first, *more]
