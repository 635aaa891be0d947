"""Sources beyond web pages: EPUB books and Word documents.

A web page is read by the normaliser (g60pub.normalize); these readers turn
the other kinds of source file into the same :class:`~g60pub.model.Article`:
``book`` (an EPUB: one article per chapter, through the normaliser's book
mode), ``word`` (a .docx: one article), with ``container`` checking the ZIP
archive both come in and ``furniture`` telling a book's chapters from its
cover, title, contents and copyright pages.
"""

from __future__ import annotations

from g60pub.model import Article
from g60pub.sources.book import BookInfo, Chapter, chapter_article, read_book


def read_word(data: bytes, *, name: str | None = None) -> Article:
    """The article of the Word document ``data`` (see ``sources/word.py``).
    python-docx is loaded by the first Word document read, not by every
    process that reads a project: most projects hold none, and the build's
    process and its workers would each carry it."""
    from g60pub.sources.word import read_word as read

    return read(data, name=name)


__all__ = ["BookInfo", "Chapter", "chapter_article", "read_book", "read_word"]
