"""Typed errors. Each carries the file (and line where known) it is about;
the command line turns any of them into one clear line, never a traceback."""

from __future__ import annotations

from pathlib import Path


class G60Error(Exception):
    """Base of every error g60pub reports to a user."""

    def __init__(self, reason: str, file: str | Path | None = None, line: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.file = str(file) if file is not None else None
        self.line = line

    def __str__(self) -> str:
        where = self.file or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.reason}" if where else self.reason

    def at(self, file: str | Path, line: int | None = None) -> G60Error:
        """Fill in the file (and line) when the raiser did not know it."""
        if self.file is None:
            self.file = str(file)
        if self.line is None:
            self.line = line
        return self


class SourceError(G60Error):
    """A source page cannot be read, decoded, parsed, or holds no article."""


class GlossaryError(G60Error):
    """A glossary file (CSV or TBX) is malformed or inconsistent."""


class TranslationFileError(G60Error):
    """A PO/TMX translation file is malformed."""


class ConfigError(G60Error):
    """The project configuration or the command-line usage is wrong."""


class G60Warning(UserWarning):
    """Base of the warnings g60pub gives about input it could still use."""
