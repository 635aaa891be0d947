"""g60pub: publish Chinese policy and news articles as bilingual Chinese/English editions.

The public API, for projects that use g60pub as a library:

- :func:`normalize`: the bytes of an article page -> a clean :class:`Article`;
- :class:`Glossary` (with :class:`Term`, :class:`Match`, :class:`Finding`):
  the curated termbase, its matching and its checks;
- :func:`convert`, :class:`Converter`, :func:`detect_script`: Simplified <->
  Traditional Chinese with glossary pins;
- the data model: :class:`Article`, :class:`Block`, :class:`Pair`,
  :class:`Publication`; and the errors every function raises for bad input.
"""

from __future__ import annotations

# ``g60pub.normalize`` is also the name of the normaliser's package. Importing
# the function by name here binds it after the package has been loaded, and a
# package is bound to its parent only when first loaded: the name stays the
# function, however the package is imported later.
from g60pub.errors import (
    ConfigError,
    G60Error,
    GlossaryError,
    SourceError,
    TranslationFileError,
)
from g60pub.glossary import Finding, Glossary, Match, Term
from g60pub.model import Article, Block, Pair, Publication
from g60pub.normalize import normalize
from g60pub.script import Converter, convert, detect_script
from g60pub.version import __version__

__all__ = [
    "Article",
    "Block",
    "ConfigError",
    "Converter",
    "Finding",
    "G60Error",
    "Glossary",
    "GlossaryError",
    "Match",
    "Pair",
    "Publication",
    "SourceError",
    "Term",
    "TranslationFileError",
    "__version__",
    "convert",
    "detect_script",
    "normalize",
]
