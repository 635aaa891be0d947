"""Plain-text books: UTF-8, LF, blank-line paragraphs, never hard-wrapped."""

from __future__ import annotations

from conftest import Built


def text(built: Built, variant: str) -> str:
    data = (built.out / f"txt/test-corridor.{variant}.txt").read_bytes()
    assert b"\r" not in data
    return data.decode("utf-8")


def test_header_names_title_publisher_and_edition_in_the_books_language(
    built_project: Built,
) -> None:
    head = text(built_project, "zh-Hant").split("\n# ")[0]
    assert head.startswith("長三角文選\n=")
    assert "\n出版者：g60pub tests\n" in head
    assert "\n版本：中文（繁體，台灣）\n" in head
    assert "\n作者：長三角日報編輯部\n" in head and "\n譯者：Jane Smith\n" in head
    english = text(built_project, "en").split("\n# ")[0]
    assert "\nEdition: English\n" in english and "\nTranslator: Jane Smith\n" in english
    assert "\nAuthor: Yangtze Delta Daily editorial desk\n" in english


def test_each_paragraph_is_one_line_separated_by_a_blank_line(built_project: Built) -> None:
    book = text(built_project, "zh-Hans")
    paragraph = "三省一市将共同建设一批高水平的创新平台，促进科技成果转化，提升区域协同创新能力。"
    assert f"\n\n{paragraph}\n\n" in book


def test_headings_are_marked(built_project: Built) -> None:
    book = text(built_project, "zh-Hans")
    assert "\n# 长三角一体化发展迈出新步伐\n" in book
    assert "\n## 推进科技创新合作\n" in book


def test_bilingual_book_follows_each_chinese_paragraph_with_its_english(
    built_project: Built,
) -> None:
    book = text(built_project, "zh-Hans+en")
    zh = "会议还就生态环境保护、基础设施互联互通等议题进行了深入讨论，明确了下一阶段的重点任务。"
    en = "The meeting also discussed in depth ecological and environmental protection"
    assert f"\n\n{zh}\n\n{en}" in book


def test_untranslated_paragraph_is_marked_in_the_english_book(built_project: Built) -> None:
    book = text(built_project, "en")
    assert "[Not yet translated] 各地将进一步深化“放管服”改革" in book
    assert "虹桥" not in book  # below min_translated: left out


def test_traditional_book_converts_simplified_sources(built_project: Built) -> None:
    book = text(built_project, "zh-Hant")
    assert "長三角一體化發展邁出新步伐" in book
    assert "2018年6月1日" in book
