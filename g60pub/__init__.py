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

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from g60pub.version import __version__

if TYPE_CHECKING:
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

# Each public name is imported on first use, not with the package: every
# command line imports g60pub, and ``g60pub --help`` should not wait for the
# normaliser, the glossary and OpenCC to load.
_PUBLIC = {
    **dict.fromkeys(
        ("ConfigError", "G60Error", "GlossaryError", "SourceError", "TranslationFileError"),
        "g60pub.errors",
    ),
    **dict.fromkeys(("Finding", "Glossary", "Match", "Term"), "g60pub.glossary"),
    **dict.fromkeys(("Article", "Block", "Pair", "Publication"), "g60pub.model"),
    "normalize": "g60pub.normalize",
    **dict.fromkeys(("Converter", "convert", "detect_script"), "g60pub.script"),
}


class _Package(types.ModuleType):
    def __getattr__(self, name: str) -> Any:
        module = _PUBLIC.get(name)
        if module is None:
            raise AttributeError(f"module 'g60pub' has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        object.__setattr__(self, name, value)
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        # ``g60pub.normalize`` is also the name of the normaliser's package,
        # which the import system binds to its parent when it first loads:
        # the public name stays the function.
        if name == "normalize" and isinstance(value, types.ModuleType):
            value = value.normalize
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

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
