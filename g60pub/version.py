"""The package's version, in a module of its own so that any layer can name it
(the glossary's version carries it) without importing the package's API."""

from __future__ import annotations

__version__ = "0.1.0"  # also in pyproject.toml
