"""Numbers compare by value, as a translator means them: fractions, tenths,
Chinese units with their factor, converted measures, ordinals, ranges,
decades, qualifiers and spelled-out English numbers render the Chinese; a
wrong value is still a mismatch."""

from __future__ import annotations

import pytest

from g60pub.figures import en_anchors, zh_anchors
from g60pub.mismatch import number_mismatch

FAITHFUL = [
    ("耕地占1/15。", "Farmland takes up one fifteenth."),
    ("耕地占十五分之一。", "Farmland takes up one-fifteenth."),
    ("民营企业占1/5。", "Private firms make up a fifth."),
    ("民营企业占1/5。", "Private firms make up one fifth."),
    ("民营企业占1/5。", "Private firms make up 20 percent."),
    ("民营企业占20%。", "Private firms make up a fifth."),
    ("民营企业占五分之一。", "One in five firms is private."),
    ("近三成企业参加。", "Nearly 30% of the enterprises took part."),
    ("三成以上企业参加。", "Over 30 percent of the enterprises took part."),
    ("投资3.5亿元。", "An investment of 350 million yuan."),
    ("总额1.2万亿元。", "A total of 1.2 trillion yuan."),
    ("投资3千万元。", "An investment of 30 million yuan."),
    ("举办第三届论坛。", "The third forum was held."),
    ("举办第三十届论坛。", "The thirtieth forum was held."),
    ("举办第二十一届论坛。", "The twenty-first forum was held."),
    ("十四届全国人大一次会议", "the first session of the 14th National People's Congress"),
    ("用3至5年时间。", "Over three to five years."),
    ("投资5000-6000万元。", "An investment of 50 million to 60 million yuan."),
    ("投资5000-6000万元。", "An investment of 50-60 million yuan."),
    ("增长29.8%。", "It grew nearly 30 percent."),
    ("增长29.8%。", "It grew by about 30 percent."),
    ("增长6.9%。", "It grew by nearly 7 percent."),
    ("国内生产总值增长6.5%左右。", "GDP growth of around 6.5 percent."),
    ("新增就业1268万人。", "Over 12 million new jobs were created."),
    ("新增12家企业。", "Twelve new enterprises were added."),
    ("新增12家企业。", "A dozen new enterprises were added."),
    ("增长百分之十二点五。", "It grew by 12.5 percent."),
    ("粮食产量保持在1.3万亿斤以上。", "Grain output of over 650 million metric tons."),
    ("粮食产量1.4万亿斤。", "Grain output of 700 million tonnes."),
    ("建设10万亩农田。", "Farmland of 6,667 hectares will be built."),
    ("上世纪90年代以来。", "Since the 1990s."),
    ("新华社受权于14日全文播发。", "Xinhua released it in full on Tuesday."),
    ("一半企业参加。", "Half of the enterprises took part."),
    # From official translations (Government Work Reports 2017 and 2018, the
    # State Council Information Office's 2021 report on US democracy):
    # 多 inside a figure, figures of several groups, 5千多.
    ("实际使用外资1300多亿美元。", "China utilized more than US$130 billion of investment."),
    ("共减轻市场主体负担3万多亿元。", "reducing the burden by more than 3 trillion yuan."),
    ("运营里程从9000多公里增加到2万5千公里。", "grown from over 9,000 to 25,000 kilometers."),
    ("出境旅游人次由8300万增加到1亿3千多万。", "from 83 million to more than 130 million."),
    ("日均新设企业由5千多户增加到1万6千多户。", "risen from over 5,000 to more than 16,000."),
    # A figure joined to its word is no code; a code's number renders a Chinese one.
    ("国内生产总值增长6.7%。", "GDP saw 6.7-percent growth."),
    ("结束了66年的营业税征收历史。", "calling time on the 66-year history of business tax."),
    ("中央财政安排1000亿元专项奖补资金。", "a 100-billion-yuan fund for rewards and subsidies."),
    ("成功主办二十国集团领导人杭州峰会。", "China successfully hosted the G20 Hangzhou Summit."),
    # A short month, a hyphenated share, half a million, the centenary goals.
    ("春节：2月9日至15日放假。", "The holiday will last from Feb. 9 to 15."),
    ("2021年1月6日下午。", "On the afternoon of Jan. 6, 2021."),
    ("近六成美国受访者认为。", "About six-in-ten respondents thought."),
    ("老年人已超过50万。", "More than half a million elderly people."),
    ("“两个一百年”奋斗目标历史交汇。", "At the convergence of the Two Centenary Goals."),
    # A footnote marker is no figure.
    ("①2021年，美国加剧了紧张。", "In 2021, the United States raised tensions."),
    # Context the Chinese leaves implicit: an ordinal, a year where it names none.
    ("出席亚太经合组织领导人非正式会议。", "attended the 24th APEC Economic Leaders Meeting."),
    ("回顾过去一年，走过的路很不寻常。", "2016 was an unusual year in our development."),
]


@pytest.mark.parametrize(("zh", "en"), FAITHFUL)
def test_a_faithful_rendering_of_a_value_is_no_mismatch(zh: str, en: str) -> None:
    assert number_mismatch(zh_anchors(zh), en_anchors(en)) == ([], [])


WRONG = [
    ("民营企业占1/5。", "Private firms make up a sixth.", ["1/5"], []),
    ("近三成企业参加。", "Nearly 40% of the enterprises took part.", ["30"], ["40"]),
    ("投资3.5亿元。", "An investment of 35 million yuan.", ["350000000"], ["35000000"]),
    (
        "粮食产量1.3万亿斤。",
        "Grain output of 600 million metric tons.",
        ["1300000000000"],
        ["600000000"],
    ),
    ("增长29.8%。", "It grew by about 40 percent.", ["29.8"], ["40"]),
    ("新增就业1268万人。", "Over 13 million new jobs were created.", ["12680000"], ["13000000"]),
    ("新华社于14日播发。", "Xinhua released it on March 15.", ["14"], ["15"]),
    ("上世纪90年代以来。", "Since the 1980s.", ["90"], ["1980"]),
    # An English ordinal may be the English's own addition: only the value
    # it fails to render counts.
    ("十四届全国人大", "the 15th National People's Congress", ["14"], []),
    ("第十届全国人民代表大会", "the 11th National People's Congress", ["10"], []),
    ("实际使用外资1300多亿美元。", "US$140 billion", ["130000000000"], ["140000000000"]),
    ("增加到2万5千公里。", "rose to 35,000 kilometers.", ["25000"], ["35000"]),
    ("国内生产总值增长6.7%。", "GDP saw 6.8-percent growth.", ["6.7"], ["6.8"]),
    ("春节：2月9日至15日放假。", "from Feb. 10 to 15.", ["9"], ["10"]),
    # A qualifier rounds a finer figure, never one as fine as its own.
    ("国内生产总值增长6.5%左右。", "GDP growth of around 6.6 percent.", ["6.5"], ["6.6"]),
    ("货币供应量预期增长12%左右。", "M2 is forecast to grow by around 13 percent.", ["12"], ["13"]),
    # A year the Chinese names must be rendered as it is, in a date as well.
    ("2021年3月5日在会议上", "at the session on March 5, 2022", [], ["2022"]),
    ("比2020年增长10.1%。", "up 10.1 percent from 2019.", ["2020"], ["2019"]),
]


@pytest.mark.parametrize(("zh", "en", "missing", "added"), WRONG)
def test_a_wrong_value_is_still_a_mismatch(
    zh: str, en: str, missing: list[str], added: list[str]
) -> None:
    assert number_mismatch(zh_anchors(zh), en_anchors(en)) == (missing, added)


def test_a_name_ending_in_a_tenth_asks_nothing_of_the_english() -> None:
    # 王一成 is a name and 一成不变 an idiom: no 10 percent to find.
    zh = zh_anchors("王一成说，政策一成不变。")
    assert number_mismatch(zh, en_anchors("Wang Yicheng said the policy stays the same.")) == (
        [],
        [],
    )


def test_a_tenth_next_to_a_word_of_quantity_is_required() -> None:
    zh = zh_anchors("近三成企业参加。")
    assert number_mismatch(zh, en_anchors("Many enterprises took part.")) == (["30"], [])


def test_kilometres_are_not_thousands() -> None:
    assert number_mismatch(zh_anchors("全长5千米。"), en_anchors("It is 5 km long.")) == ([], [])


def test_a_weekday_does_not_stand_for_a_dated_day() -> None:
    # 3月14日 names its month: "Tuesday" does not render it.
    zh = zh_anchors("3月14日全文播发。")
    assert number_mismatch(zh, en_anchors("It was released on Tuesday.")) == (["14", "3"], [])
