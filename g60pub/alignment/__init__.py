"""Paragraph alignment of a Chinese text with an existing translation.

``paragraphs`` holds the dynamic programme over beads, ``evidence`` what each
paragraph offers it (lengths, figures, dates, Latin tokens, glossary terms,
lexicon links), ``lexicon`` the built-in and the learned word pairs.
"""

from g60pub.alignment.paragraphs import Bead, align_paragraphs

__all__ = ["Bead", "align_paragraphs"]
