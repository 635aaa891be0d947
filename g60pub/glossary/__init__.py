"""The curated glossary: terms, matching, checks, CSV and TBX exchange, layers."""

from __future__ import annotations

from g60pub.errors import GlossaryError
from g60pub.glossary.layers import Origin, Override
from g60pub.glossary.term import Finding, Match, Term
from g60pub.glossary.termbase import Glossary, bundled_files

__all__ = [
    "Finding",
    "Glossary",
    "GlossaryError",
    "Match",
    "Origin",
    "Override",
    "Term",
    "bundled_files",
]
