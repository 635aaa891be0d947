"""Translations: the PO store, publications, alignment, QA checks and TMX."""

from g60pub.translations.align import Bead, align_paragraphs
from g60pub.translations.pofile import UpdateResult, read_po, update_po
from g60pub.translations.publication import load_publication
from g60pub.translations.qa import QAFinding, check_publication
from g60pub.translations.tmx import write_tmx

__all__ = [
    "Bead",
    "QAFinding",
    "UpdateResult",
    "align_paragraphs",
    "check_publication",
    "load_publication",
    "read_po",
    "update_po",
    "write_tmx",
]
