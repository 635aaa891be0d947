"""A small general Chinese-English lexicon of news and policy vocabulary.

It gives the aligner word-level evidence from the first pass on, before a
document has taught it anything (``lexicon.learn``), much as hunalign uses a
dictionary. Entries are common words, not curated renderings: the glossary
stays the authority on how a term must be translated. Each Chinese word maps
to English words any of which may render it; only words of four letters or
more count (see ``lexicon.en_units``).
"""

from __future__ import annotations

_ENTRIES = """
会议 meeting conference session
峰会 summit
论坛 forum
举行 held hold holds
召开 held convened convene
开幕 opened opening
闭幕 closed closing
表示 said says stated noted
指出 pointed noted said
强调 stressed emphasized underlined
认为 believe believes think
介绍 introduced briefed
签署 signed sign signing
签订 signed sign signing
签约 signing signed contract
协议 agreement
合作 cooperation cooperate partnership
协同 coordinated coordination collaborative
一体化 integration integrated
发展 development develop growth
建设 construction building build develop
推进 advance promote push
推动 promote drive push
加快 accelerate speed faster
加强 strengthen enhance
深化 deepen
完善 improve improving
优化 optimize improve
提升 improve enhance raise upgrade
支持 support
鼓励 encourage
引导 guide guidance
培育 foster cultivate nurture
打造 build create
实施 implement implementation
制定 formulate draw
规划 plan planning
方案 plan scheme program
计划 plan program
政策 policy policies
改革 reform reforms
创新 innovation innovative
科技 technology technological science scientific
技术 technology technologies technical
研发 research development
研究 research study
成果 results achievements
转化 commercialization transformation conversion application
产业 industry industries industrial
企业 enterprises enterprise companies company firms firm business
制造 manufacturing manufacture
制造业 manufacturing
服务 services service serve
平台 platform platforms
中心 center centre hub
基地 base bases
园区 park parks zone
示范 demonstration pilot model
试点 pilot trial
项目 projects project
投资 investment invest investors
资金 funds funding capital
基金 fund funds
金融 financial finance
融资 financing
市场 market markets
经济 economy economic
增长 growth grew increase rose
下降 fell decline decrease dropped
总额 total
总量 total volume
规模 scale size
地区 region regional area
区域 regional region
城市 city cities urban
全国 national nationwide country
国家 national state country
国际 international global
全球 global world
世界 world global
政府 government
部门 departments department authorities
领导 leaders leadership officials
书记 secretary
市长 mayor
省长 governor
主任 director chairman
人才 talent talents professionals
人员 personnel staff people
专家 experts expert
高校 universities university colleges
大学 university
学校 schools school
教育 education educational
培训 training
就业 employment jobs
招聘 recruitment hiring
工作 work working
生产 production produce
产品 products product
质量 quality
标准 standards standard criteria
数据 data
信息 information
网络 network networks internet online
互联网 internet online
数字 digital
智能 smart intelligent
智慧 smart
平均 average
人口 population
交通 transport transportation traffic
铁路 railway rail railways
高铁 high-speed railway
高速 expressway high-speed highway
公路 highway road roads
机场 airport
港口 port ports harbor
物流 logistics
贸易 trade
出口 exports export
进口 imports import
外资 foreign investment
开放 opening open
生态 ecological ecology environment
环境 environment environmental
绿色 green
能源 energy
医疗 medical healthcare
健康 health
文化 culture cultural
旅游 tourism tourist
农业 agriculture agricultural farming
农村 rural countryside
居民 residents
社会 social society public
公共 public
安全 safety security safe
治理 governance
管理 management administration manage
监管 regulation supervision oversight
知识产权 intellectual property
专利 patent patents
资源 resources resource
要素 factors elements
机制 mechanism mechanisms
体系 system systems
模式 model mode
网站 website site
报告 report reports
年度 annual yearly
目标 goal goals target targets
任务 tasks task
问题 problems issues problem issue
挑战 challenges challenge
机遇 opportunities opportunity
优势 strengths advantages advantage
水平 level levels standards
能力 capacity capability ability
效率 efficiency
成本 costs cost
价格 prices price
收入 income revenue
消费 consumption consumer spending
居民 residents
活动 activities events activity event
展览 exhibition
博览会 fair expo exhibition
大赛 competition contest
仪式 ceremony
代表 representatives delegates representative
参加 attended participated took
出席 attended
记者 reporter reporters journalists
采访 interview
新闻 news press
发布 released release issued published launch
公布 announced released published
宣布 announced announce
启动 launched launch started
建成 completed built
投产 operation production
完成 completed complete
实现 achieve achieved realize
超过 more than exceeded over
达到 reached
累计 total cumulative
首次 first time
历史 history historic historical
未来 future
去年 last year
上半年 first half
季度 quarter
长三角 yangtze delta
上海 shanghai
浙江 zhejiang
江苏 jiangsu
安徽 anhui
杭州 hangzhou
嘉兴 jiaxing
松江 songjiang
苏州 suzhou
湖州 huzhou
合肥 hefei
金华 jinhua
宣城 xuancheng
芜湖 wuhu
北京 beijing
中国 china chinese
走廊 corridor
新区 area district zone
""".strip()


def _parse(text: str) -> dict[str, tuple[str, ...]]:
    entries: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        zh, *en = line.split()
        words = tuple(w.lower() for part in en for w in part.split("-") if len(w) >= 4)
        if words:
            entries[zh] = tuple(dict.fromkeys((*entries.get(zh, ()), *words)))
    return entries


SEED: dict[str, tuple[str, ...]] = _parse(_ENTRIES)
