"""Strings that contain a glossary term but do not mean it.

Chinese has no spaces, so a short term also matches across a word boundary:
城市长期 holds 市长 (mayor), 韩正式 holds 韩正 (Han Zheng) in 韩国正式
shortened, 时光辉煌 holds 时光辉. Requiring "mayor" in the translation of
"城市长期发展" would be a false error, so the matcher drops any term match
that lies wholly inside an occurrence of one of these strings; a term that
only overlaps it (长三角 in 城市长三角) is still found.

Only strings that contain a term of the glossary in use take part. Add a
string here when a check reports a term that is not there; keep each as short
as the ambiguity allows, and never one a real use of the term would contain
(韩正在, 李强调 are not here: "韩正在会上指出", "李强调研").
"""

from __future__ import annotations

FALSE_FRIENDS: tuple[str, ...] = (
    # 市长 mayor / 省长 governor, across 城市/全市/全省 + 长期/长远/长效/长足
    "城市长",
    "市长期",
    "市长远",
    "市长效",
    "市长足",
    "市长久",
    "省长期",
    "省长远",
    "省长效",
    "省长足",
    # 市长 across 三省一市 + 长三角 (short of 角, so that 长三角 still overlaps)
    "一市长三",
    # 两会 two sessions inside 两会员国 (two member states)
    "两会员",
    # 区委书记 district Party secretary inside 地区委书记 (prefecture Party secretary)
    "地区委书记",
    # 韩正 Han Zheng inside 韩(国)正式
    "韩正式",
    # 时光辉 Shi Guanghui inside 时光辉煌
    "时光辉煌",
    # 周波 Zhou Bo inside 周波动 / 四周波浪
    "周波动",
    "周波浪",
    "周波澜",
    # 高兴夫 Gao Xingfu inside 高兴夫妻
    "高兴夫妻",
    # 中高速 medium-high speed (of growth) inside 其中高速铁路 (of which high-speed rail)
    "其中高速",
)
