"""Term recall on a held-out official bilingual document (glossary/README.md):
the 2025 Report on the Work of the Government, never used for curation."""

from __future__ import annotations

import csv
from pathlib import Path

from g60pub.glossary import Glossary
from g60pub.glossary.english import key

HELD_OUT = Path(__file__).parent / "data" / "glossary" / "heldout-gwr2025.tsv"


def held_out_terms() -> list[tuple[str, str]]:
    with HELD_OUT.open(encoding="utf-8", newline="") as f:
        return [(row["zh"], row["official rendering"]) for row in csv.DictReader(f, delimiter="\t")]


def known(glossary: Glossary, zh: str, official: str) -> bool:
    """The glossary has the term with the official rendering as ``en`` or an ``en_alt``."""
    term = glossary.lookup(zh)
    return term is not None and term.zh == zh and key(official) in {key(e) for e in term.english}


def test_the_held_out_list_has_44_policy_terms() -> None:
    terms = held_out_terms()
    assert len(terms) == 44 and len({zh for zh, _ in terms}) == 44


def test_the_glossary_knows_at_least_15_of_the_44_held_out_terms_as_officially_rendered() -> None:
    glossary = Glossary.bundled()
    hits = [zh for zh, official in held_out_terms() if known(glossary, zh, official)]
    assert len(hits) >= 15, hits
