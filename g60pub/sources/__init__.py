"""Sources beyond web pages: EPUB books and Word documents.

A web page is read by the normaliser (g60pub.normalize); these readers turn
the other kinds of source file into the same :class:`~g60pub.model.Article`:
``book`` (an EPUB: one article per chapter, through the normaliser's book
mode), ``word`` (a .docx: one article), with ``container`` checking the ZIP
archive both come in and ``furniture`` telling a book's chapters from its
cover, title, contents and copyright pages.
"""

from __future__ import annotations

from g60pub.sources.book import BookInfo, Chapter, chapter_article, read_book
from g60pub.sources.word import read_word

__all__ = ["BookInfo", "Chapter", "chapter_article", "read_book", "read_word"]
