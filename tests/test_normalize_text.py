"""The text rules every block, title and metadata value goes through."""

from __future__ import annotations

import unicodedata

from g60pub.normalize.text import normalize_text


def test_ideographic_and_no_break_spaces_are_stripped_at_the_edges() -> None:
    assert normalize_text("\u3000\u3000\u00a0 正文开始。 \u00a0") == "正文开始。"


def test_spaces_between_two_han_characters_are_removed() -> None:
    assert normalize_text("松江 杭州\u3000嘉兴\u00a0三地") == "松江杭州嘉兴三地"


def test_spaces_between_han_and_latin_are_kept() -> None:
    assert normalize_text("沪嘉杭 G60 科创走廊") == "沪嘉杭 G60 科创走廊"


def test_ascii_comma_between_han_characters_becomes_full_width() -> None:
    assert (
        normalize_text("服务国家战略,松江杭州嘉兴共同签订") == "服务国家战略，松江杭州嘉兴共同签订"
    )


def test_ascii_colon_semicolon_marks_between_han_become_full_width() -> None:
    assert normalize_text("通知:甲;乙!丙?丁") == "通知：甲；乙！丙？丁"


def test_ascii_parentheses_around_chinese_become_full_width() -> None:
    assert normalize_text("出台政策(以下简称政策)。") == "出台政策（以下简称政策）。"
    assert (
        normalize_text("东方有G60走廊。(转载自微信公众号虹桥馆)")
        == "东方有G60走廊。（转载自微信公众号虹桥馆）"
    )


def test_ascii_marks_in_latin_text_stay_ascii() -> None:
    assert normalize_text("Hello, world (again): yes!") == "Hello, world (again): yes!"
    assert normalize_text("G60,科创") == "G60,科创"


def test_full_width_digits_and_letters_fold_to_half_width() -> None:
    assert normalize_text("Ｇ６０科创走廊２０２５ａｂｃ") == "G60科创走廊2025abc"


def test_full_width_punctuation_is_not_folded() -> None:
    text = "一，二：三；四！五？（六）"
    assert normalize_text(text) == text


def test_nfc_is_applied_but_never_nfkc() -> None:
    decomposed = unicodedata.normalize("NFD", "Café：中文")
    assert normalize_text(decomposed) == "Café：中文"
    assert normalize_text("㎡") == "㎡"


def test_zero_width_characters_are_removed() -> None:
    assert normalize_text("科\u200b创\u200c走\u200d廊\u2060！\ufeff") == "科创走廊！"


def test_runs_of_spaces_inside_latin_text_collapse() -> None:
    assert normalize_text("Yangtze   River\u00a0\u00a0Delta") == "Yangtze River Delta"


def test_a_whole_parenthetical_note_becomes_full_width() -> None:
    assert normalize_text("(转载自微信公众号虹桥馆)") == "（转载自微信公众号虹桥馆）"
    assert normalize_text("详见(附件1)。") == "详见（附件1）。"


def test_parentheses_around_latin_text_stay_ascii() -> None:
    assert normalize_text("简称(G60)。") == "简称(G60)。"


def test_article_and_chapter_numbers_keep_one_full_width_space_before_the_text() -> None:
    assert normalize_text("\u3000\u3000第一条\u3000为推进 协同创新，制定本办法。") == (
        "第一条\u3000为推进协同创新，制定本办法。"
    )
    assert normalize_text("第二章 重点任务") == "第二章\u3000重点任务"


def test_an_article_number_inside_a_sentence_is_not_set_off() -> None:
    assert normalize_text("依照第三条 规定办理") == "依照第三条规定办理"
