"""Translations: the PO store, publications, QA checks, TMX, and bootstrapping
a PO file from an existing English version."""

from g60pub.translations.pofile import read_po
from g60pub.translations.publication import load_publication
from g60pub.translations.qa import QAFinding, check_publication
from g60pub.translations.store import UpdateResult, update_po
from g60pub.translations.tmx import write_tmx

__all__ = [
    "QAFinding",
    "UpdateResult",
    "check_publication",
    "load_publication",
    "read_po",
    "update_po",
    "write_tmx",
]
