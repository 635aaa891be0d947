"""A text book joined from its articles' packed texts has the bytes of the
book written whole, and the size and digest the download page lists."""

from __future__ import annotations

import hashlib

import pytest

from g60pub.editions.files import join_texts
from g60pub.editions.ocf import pack
from g60pub.editions.text import empty_book_text, text_book_header, write_text_book

HEADER = [("Publisher", "G60"), ("Articles", "3")]


@pytest.mark.parametrize(
    "texts",
    [
        [],
        [""],
        ["\n\n"],
        ["", ""],
        ["# 标题\n\n正文。\n"],
        ["# One\n\nText.\n", "# 二\n\n文字。\n\n\n", "no newline at the end"],
        ["\n", "# Two\n"],
    ],
)
def test_joined_book_has_the_bytes_of_the_whole_book(texts: list[str]) -> None:
    whole = write_text_book("长三角 G60", HEADER, texts, "zh_Hans").encode("utf-8")
    joined = join_texts(
        text_book_header("长三角 G60", HEADER).encode("utf-8"),
        [pack(t, level=1) for t in texts],
        b"\n\n",
        b"\n",
        empty_book_text("zh_Hans").encode("utf-8"),
    )
    assert joined.raw() == whole
    assert joined.size == len(whole)
    assert joined.sha256 == hashlib.sha256(whole).hexdigest()
