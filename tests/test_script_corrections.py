"""The correction table: each phrase OpenCC 1.4.2 gets wrong, fixed.

Each case first asserts that raw OpenCC is wrong, so a table entry that
OpenCC no longer needs shows up as a failing test instead of dead weight.
"""

from __future__ import annotations

import opencc
import pytest

from g60pub.glossary import Glossary
from g60pub.script import convert, corrections

NO_PINS = Glossary([])

CASES = [
    ("被发明", "s2t", "被發明"),
    ("被发明", "s2tw", "被發明"),
    ("被发明", "s2twp", "被發明"),
    ("被发布了", "s2t", "被發佈了"),
    ("论文被发表", "s2hk", "論文被發表"),
    ("展示了如何", "s2t", "展示了如何"),
    ("展示了如何", "s2tw", "展示了如何"),
    ("展示了如何", "s2twp", "展示了如何"),
    ("参与制造", "s2t", "參與製造"),
    ("参与制造", "s2tw", "參與製造"),
    ("参与制造", "s2twp", "參與製造"),
    ("少数组织", "s2twp", "少數組織"),
    ("改变量子比特", "s2twp", "改變量子位元"),
    ("这是只有一种可能", "s2t", "這是只有一種可能"),
    ("中国自制", "s2t", "中國自製"),
    ("粉丝发布", "s2twp", "粉絲發佈"),
    ("粉丝发布", "s2t", "粉絲發佈"),
]


@pytest.mark.parametrize(("text", "config", "expected"), CASES)
def test_correction_fixes_what_opencc_gets_wrong(text: str, config: str, expected: str) -> None:
    assert opencc.OpenCC(config).convert(text) != expected
    assert convert(text, config, NO_PINS) == expected


@pytest.mark.parametrize(("text", "config", "expected"), CASES)
def test_correction_holds_inside_a_longer_sentence(text: str, config: str, expected: str) -> None:
    out = convert(f"研究表明,{text}。", config, NO_PINS)
    assert expected in out


def test_every_correction_row_is_exercised_by_a_case() -> None:
    configs = ("s2t", "s2tw", "s2twp", "s2hk")
    rows = {phrase for config in configs for phrase in corrections(config)}
    covered = {phrase for phrase in rows if any(phrase in text for text, _, _ in CASES)}
    assert covered == rows


def test_corrections_apply_only_to_the_configs_they_list() -> None:
    assert "数组织" in corrections("s2twp")
    assert "数组织" not in corrections("s2t")
    assert corrections("t2s") == {}
