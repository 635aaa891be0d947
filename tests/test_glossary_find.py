"""Glossary.find and lookup: leftmost-longest matching in Chinese and English."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from g60pub.glossary import Glossary
from g60pub.glossary.csvio import make_term

G = Glossary(
    [
        make_term("科创走廊", "sci-tech innovation corridor"),
        make_term("G60科创走廊", "G60 Science and Technology Innovation Corridor"),
        make_term(
            "沪嘉杭G60科创走廊", "Shanghai-Jiaxing-Hangzhou G60 Sci-Tech Innovation Corridor"
        ),
        make_term("知识产权", "intellectual property", "知識產權", ["IP"]),
        make_term("战略性新兴产业", "strategic emerging industries"),
        make_term("沪", "Shanghai", type="abbr"),
        make_term("上海", "Shanghai", type="place"),
        make_term(
            "军民融合", "military-civilian integration", en_forbidden=["military-civil fusion"]
        ),
        make_term("韩正", "Han Zheng", type="name"),
    ]
)


def spans(text: str) -> list[tuple[str, str, str]]:
    return [(text[m.start : m.end], m.term.zh, m.form) for m in G.find(text)]


def test_longest_term_wins_over_the_term_nested_in_it() -> None:
    assert spans("沪嘉杭G60科创走廊") == [("沪嘉杭G60科创走廊", "沪嘉杭G60科创走廊", "zh")]


def test_nested_term_alone_is_still_found() -> None:
    assert spans("建设科创走廊") == [("科创走廊", "科创走廊", "zh")]


def test_single_character_abbreviation_loses_to_a_longer_term() -> None:
    found = spans("在沪签订沪嘉杭G60科创走廊协议")
    assert [s[1] for s in found] == ["沪", "沪嘉杭G60科创走廊"]


def test_traditional_form_is_found_and_tagged() -> None:
    assert spans("完善知識產權機制") == [("知識產權", "知识产权", "zh_hant")]


def test_derived_traditional_form_is_found() -> None:
    assert spans("滬嘉杭G60科創走廊") == [("滬嘉杭G60科創走廊", "沪嘉杭G60科创走廊", "zh_hant")]


def test_english_is_matched_case_insensitively_with_hyphen_and_space_variation() -> None:
    text = "the SHANGHAI-JIAXING-HANGZHOU G60 sci tech innovation corridor"
    assert spans(text) == [
        (text[4:], "沪嘉杭G60科创走廊", "en"),
    ]


def test_english_plural_and_singular_of_the_last_word_match() -> None:
    assert spans("a strategic emerging industry") == [
        ("strategic emerging industry", "战略性新兴产业", "en")
    ]
    assert spans("two sci-tech innovation corridors.")[0][0] == "sci-tech innovation corridors"


def test_english_matches_only_on_word_boundaries() -> None:
    assert spans("HIPPO and IPSO") == []
    assert spans("IP, protected") == [("IP", "知识产权", "en_alt")]


def test_offsets_point_into_the_original_text_across_collapsed_separators() -> None:
    text = "Kept --  intellectual -  property , ok"
    [(found, zh, _)] = spans(text)
    assert found == "intellectual -  property" and zh == "知识产权"


def test_forbidden_rendering_is_found_as_such() -> None:
    assert spans("military civil fusion")[0][2] == "en_forbidden"


def test_pinyin_with_tone_marks_matches_a_name() -> None:
    assert spans("Hán Zhèng spoke") == [("Hán Zhèng", "韩正", "en")]


def test_shared_english_rendering_names_the_full_term_not_the_abbreviation() -> None:
    assert spans("in Shanghai") == [("Shanghai", "上海", "en")]


def test_lookup_by_simplified_traditional_and_english() -> None:
    assert G.lookup("知识产权") is G.lookup("知識產權") is G.lookup("Intellectual Property")
    assert G.lookup("ip") is G.lookup("知识产权")
    assert G.lookup("no such thing") is None


def brute_force(keys: list[str], text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        best = max((k for k in keys if text.startswith(k, i)), key=len, default="")
        if best:
            out.append((i, i + len(best)))
            i += len(best)
        else:
            i += 1
    return out


@settings(max_examples=300, deadline=None)
@given(
    keys=st.lists(st.text(alphabet="科创走廊沪", min_size=1, max_size=4), min_size=1, max_size=6),
    text=st.text(alphabet="科创走廊沪嘉", max_size=30),
)
def test_chinese_matching_is_leftmost_longest_non_overlapping(keys: list[str], text: str) -> None:
    keys = list(dict.fromkeys(keys))
    glossary = Glossary([make_term(k, f"t{i}") for i, k in enumerate(keys)])
    got = [(m.start, m.end) for m in glossary.find(text)]
    assert got == brute_force(keys, text)


def test_english_rendering_is_not_matched_across_intervening_chinese() -> None:
    g = Glossary([make_term("沪嘉", "Shanghai Jiaxing")])
    assert g.find("Shanghai 嘉兴 Jiaxing") == []
    assert [m.start for m in g.find("在 Shanghai Jiaxing 签订")] == [2]


def test_english_inside_chinese_text_gets_offsets_of_the_whole_text() -> None:
    found = spans("依托知识产权(intellectual property)和 IP 运营")
    assert [(f[0], f[2]) for f in found] == [
        ("知识产权", "zh"),
        ("intellectual property", "en"),
        ("IP", "en_alt"),
    ]


def brute_force_words(keys: list[list[str]], words: list[str]) -> list[tuple[int, int]]:
    """Leftmost-longest over whole words: (first word, last word + 1)."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        lengths = [len(k) for k in keys if words[i : i + len(k)] == k]
        if lengths:
            out.append((i, i + max(lengths)))
            i += max(lengths)
        else:
            i += 1
    return out


@settings(max_examples=300, deadline=None)
@given(
    keys=st.lists(
        st.lists(st.sampled_from(["ab", "cd", "ef"]), min_size=1, max_size=3),
        min_size=1,
        max_size=5,
    ),
    words=st.lists(st.sampled_from(["ab", "cd", "ef", "abcd", "AB", "Cd"]), max_size=12),
    separators=st.lists(
        st.sampled_from([" ", "-", ", ", "  ", " - ", "/"]), min_size=12, max_size=12
    ),
)
def test_english_matching_is_leftmost_longest_over_whole_words(
    keys: list[list[str]], words: list[str], separators: list[str]
) -> None:
    unique = list(dict.fromkeys(" ".join(k) for k in keys))
    glossary = Glossary([make_term(f"术语{i}", k) for i, k in enumerate(unique)])
    text, starts, ends = "", [], []
    for word, sep in zip(words, separators, strict=False):
        starts.append(len(text))
        text += word
        ends.append(len(text))
        text += sep
    folded_words = [w.lower() for w in words]
    expected = brute_force_words([k.split() for k in unique], folded_words)
    got = [(m.start, m.end) for m in glossary.find(text)]
    assert got == [(starts[a], ends[b - 1]) for a, b in expected]


def test_term_inside_a_false_friend_is_not_found() -> None:
    g = Glossary([make_term("市长", "mayor"), make_term("韩正", "Han Zheng", type="name")])
    assert g.find("推动城市长期发展") == []
    assert g.find("韩正式宣布") == []


def test_medium_high_speed_is_not_read_in_of_which_high_speed_rail() -> None:
    # The 2016 Report on the Work of the Government: 其中高速铁路超过1.9万公里.
    g = Glossary([make_term("中高速", "medium-high speed")])
    assert g.find("铁路营业里程达到12.1万公里，其中高速铁路超过1.9万公里") == []
    assert len(g.find("经济保持中高速增长")) == 1


def test_term_overlapping_a_false_friend_is_still_found() -> None:
    g = Glossary([make_term("市长", "mayor"), make_term("长三角", "Yangtze River Delta")])
    assert [m.term.zh for m in g.find("城市长三角一体化")] == ["长三角"]


def test_real_use_next_to_a_false_friend_pattern_is_found() -> None:
    g = Glossary([make_term("市长", "mayor"), make_term("韩正", "Han Zheng", type="name")])
    assert [m.term.zh for m in g.find("市长应勇,韩正在会上指出")] == ["市长", "韩正"]


def test_false_friends_in_traditional_text_are_recognised_too() -> None:
    g = Glossary([make_term("时光辉", "Shi Guanghui", type="name")])
    assert g.find("時光輝煌") == [] and len(g.find("時光輝等")) == 1


def test_false_friend_is_not_a_lookup_result() -> None:
    g = Glossary([make_term("市长", "mayor")])
    assert g.lookup("城市长") is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("东盟十国中有两会员国表示支持", []),
        ("全国两会期间", ["两会"]),
        ("时任地区委书记", []),
        ("松江区委书记程向民", ["区委书记"]),
        ("三省一市长三角一体化", ["长三角"]),
        ("副市长,长三角", ["市长", "长三角"]),
    ],
)
def test_two_sessions_district_secretary_and_mayor_inside_other_words(
    text: str, found: list[str]
) -> None:
    g = Glossary(
        [
            make_term("两会", "two sessions", type="abbr"),
            make_term("区委书记", "Secretary of the CPC District Committee"),
            make_term("市长", "mayor"),
            make_term("长三角", "Yangtze River Delta"),
        ]
    )
    assert [m.term.zh for m in g.find(text)] == found
