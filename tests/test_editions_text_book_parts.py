"""A text book joined from its articles' packed texts has the bytes of the
book written whole, and the size and digest the download page lists."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from g60pub.editions import files
from g60pub.editions.files import Joined, join_texts
from g60pub.editions.ocf import pack
from g60pub.editions.reuse import Reuse
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


def _book(texts: list[str], reuse: Reuse | None = None) -> Joined:
    return join_texts(
        text_book_header("长三角 G60", HEADER).encode("utf-8"),
        [pack(t, level=1) for t in texts],
        b"\n\n",
        b"\n",
        empty_book_text("zh_Hans").encode("utf-8"),
        reuse,
    )


@pytest.mark.parametrize("run", [16, 1 << 22])
@pytest.mark.parametrize("changed", [None, 0, 5, 11])
def test_a_book_joined_from_a_previous_one_has_the_bytes_of_the_whole_book(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: int, changed: int | None
) -> None:
    monkeypatch.setattr(files, "RUN", run)  # read the previous book a few bytes at a time
    before = [f"# 第{i}篇\n\n松江、杭州、嘉兴。{'G60' * i}\n" for i in range(12)]
    after = [t + "改\n" if i == changed else t for i, t in enumerate(before)]
    previous = tmp_path / "book.txt"
    previous.write_bytes(_book(before).raw())
    joined = _book(after, Reuse.of(str(previous), _book(before).placed))
    whole = write_text_book("长三角 G60", HEADER, after, "zh_Hans").encode("utf-8")
    assert joined.raw() == whole
    assert joined.sha256 == hashlib.sha256(whole).hexdigest()
    if run > len(whole):
        assert len(list(joined.chunks())) == 1  # one write call for the whole book
