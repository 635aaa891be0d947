"""The curated glossary: terms, matching, checks, CSV and TBX exchange."""

from __future__ import annotations

from g60pub.errors import GlossaryError
from g60pub.glossary.term import Finding, Match, Term
from g60pub.glossary.termbase import Glossary

__all__ = ["Finding", "Glossary", "GlossaryError", "Match", "Term"]
