# ruff: noqa: E501 -- Chinese text and HTML lines are kept whole, as a reader compares them.
"""Pages of many layouts and encodings -> the exact article each holds."""

from __future__ import annotations

from pathlib import Path

from g60pub.model import Article
from g60pub.normalize import normalize, normalize_file

PAGES = Path(__file__).parent / "data" / "pages"
SAMPLE = Path(__file__).parent.parent / "sources" / "g60-corridor-agreement-2017.html"
# The sample article's text as its page reads in a browser (zjqsh.org, 2017-07-18).
SEED = Path(__file__).parent / "data" / "pages" / "g60-corridor-agreement-2017.txt"


def blocks(article: Article) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in article.blocks]


def meta(article: Article) -> tuple[str, str | None, str | None, str | None, str]:
    return article.title, article.author, article.source, article.published, article.lang


def test_sample_page_metadata_comes_from_the_bracketed_byline() -> None:
    article = normalize_file(SAMPLE)
    assert meta(article) == (
        "服务国家战略，松江杭州嘉兴共同签订《沪嘉杭G60科创走廊建设战略合作协议》",
        None,
        "浙江省侨商会",
        "2017-07-18T11:29:57+08:00",
        "zh-Hans",
    )


def test_sample_page_repost_note_is_provenance_not_the_author() -> None:
    assert normalize_file(SAMPLE).via == "转载自微信公众号虹桥馆"


def test_sample_page_has_the_five_section_headings_in_order() -> None:
    article = normalize_file(SAMPLE)
    assert [text for kind, text in blocks(article) if kind == "heading"] == [
        "提升区域协同创新能力",
        "共建高度融合产业体系",
        "营造良好创新发展环境",
        "健全智慧基础设施网络",
        "创新一体发展体制机制",
    ]


def test_sample_page_gives_one_block_per_seed_paragraph() -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    body = lines[
        lines.index(
            "[作者:转载自微信公众号虹桥馆 来源: 浙江省侨商会 时间:2017-07-18 11:29:57 阅读:2587 次"
        )
        + 1 :
    ]
    body = body[: body.index("相关新闻")]
    full_width = str.maketrans({",": "，", ";": "；", "(": "（", ")": "）"})
    expected = [
        line.strip("\u00a0 ").translate(full_width) for line in body if line.strip("\u00a0 ")
    ]
    assert [text for _, text in blocks(normalize_file(SAMPLE))] == expected


def test_sample_page_keeps_the_repost_note_in_the_last_paragraph() -> None:
    assert blocks(normalize_file(SAMPLE))[-1] == (
        "paragraph",
        "千年大计，北方有雄安新区，东方有G60走廊。（转载自微信公众号虹桥馆）",
    )


def test_gb2312_declared_page_with_gbk_bytes_decodes() -> None:
    article = normalize_file(PAGES / "gb2312_declared_gbk_bytes.html")
    assert meta(article) == (
        "嘉兴市召开科技创新大会表彰陶喆王珺等科技标兵",
        None,
        "嘉兴市科学技术局",
        "2018-03-02T15:20:00+08:00",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "3月2日，嘉兴市科技创新大会在市行政中心召开。会议回顾了朱镕基同志当年考察嘉兴时提出的“科技兴市”要求，总结了过去一年全市科技创新工作。"),
        ("paragraph", "会上，陶喆、王珺等十名科技工作者获得“嘉兴市科技创新标兵”称号。他们在新材料、数字经济等领域取得突出成绩，带动了一批企业转型升级。"),
        ("paragraph", "会议要求，全市上下要主动融入G60科创走廊建设，加快打造长三角核心区科技创新高地。"),
    ]  # fmt: skip


def test_big5_page_decodes_as_traditional_chinese() -> None:
    article = normalize_file(PAGES / "big5_traditional.html")
    assert meta(article) == (
        "長三角科創合作再升級",
        "陳大文",
        "香港經濟新聞網",
        "2019-05-20T09:32:00+08:00",
        "zh-Hant",
    )
    assert blocks(article) == [
        (
            "paragraph",
            "長三角三省一市昨日在上海簽署新一輪科技創新合作協議，推動區域創新資源開放共享。",
        ),
        ("heading", "共建研發平臺"),
        (
            "paragraph",
            "根據協議，各方將聯合建設重大科研設施，並設立跨區域技術轉移中心，為企業提供一站式服務。",
        ),
        ("paragraph", "業界人士認為，這將進一步鞏固長三角作為國家創新高地的地位。"),
    ]


def test_page_declared_utf8_but_sent_in_gbk_decodes_by_detection() -> None:
    article = normalize_file(PAGES / "utf8_declared_but_gbk_bytes.html")
    assert meta(article) == ("松江区推进科创走廊建设", None, "松江区科委", "2020-09-15", "zh-Hans")
    assert blocks(article) == [
        (
            "paragraph",
            "松江区近日出台若干措施，支持企业在G60科创走廊设立研发中心，对符合条件的项目给予资金补助。",
        ),
        ("paragraph", "区科委表示，将持续优化营商环境，吸引更多创新要素向松江集聚。"),
    ]


def test_utf8_page_with_byte_order_mark_and_no_declaration() -> None:
    article = normalize_file(PAGES / "utf8_bom.html")
    assert meta(article) == ("杭州发布数字经济新政", "王芳", "杭州日报", "2021-06-01", "zh-Hans")
    assert blocks(article) == [
        ("paragraph", "杭州市政府日前发布《关于加快数字经济发展的若干意见》，提出到2025年数字经济核心产业增加值达到七千亿元。"),
        ("paragraph", "意见明确，杭州将重点发展人工智能、集成电路和云计算等产业，并加大对创新型中小企业的扶持力度。"),
    ]  # fmt: skip


def test_undeclared_utf8_page_drops_related_and_hot_lists() -> None:
    article = normalize_file(PAGES / "utf8_undeclared.html")
    assert meta(article) == (
        "长三角生态绿色一体化发展示范区建设提速",
        "李明",
        "长三角在线",
        "2021-03-08T10:15:00+08:00",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "长三角生态绿色一体化发展示范区执委会昨日发布消息，示范区今年将推进重点项目六十余个，总投资超过三百亿元。"),
        ("paragraph", "这些项目聚焦生态环保、设施互通、产业创新和公共服务等领域，将进一步提升示范区的一体化水平。"),
        ("paragraph", "执委会有关负责人表示，示范区将继续探索跨行政区域共建共享、生态文明与经济社会发展相得益彰的新路径。"),
    ]  # fmt: skip


def test_table_layout_with_font_soup_and_centred_bold_headings() -> None:
    article = normalize_file(PAGES / "table_layout.html")
    assert meta(article) == (
        "嘉兴市出台支持G60科创走廊建设若干政策",
        None,
        "嘉兴市发改委",
        "2016-11-23",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "为深入实施创新驱动发展战略，加快融入G60科创走廊建设，嘉兴市日前出台《关于支持G60科创走廊建设的若干政策》（以下简称《政策》）。"),
        ("heading", "加大研发投入支持"),
        ("paragraph", "《政策》明确，对新认定的国家级研发机构给予最高500万元奖励；对企业研发投入按比例给予补助。"),
        ("heading", "强化人才引进"),
        ("paragraph", "对引进的高层次人才团队，根据项目评审结果给予100万元至1000万元资助，并在住房、子女入学等方面提供保障。"),
        ("paragraph", "《政策》自2017年1月1日起施行。"),
    ]  # fmt: skip


def test_br_separated_paragraphs_split_on_double_br_and_join_wrapped_lines() -> None:
    article = normalize_file(PAGES / "br_paragraphs.html")
    assert meta(article) == (
        "湖州南太湖新区签约一批科创项目",
        "沈佳",
        "湖州日报",
        "2018-10-09T08:05:00+08:00",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "10月8日，湖州南太湖新区举行科创项目集中签约仪式，共签约项目12个，总投资超过80亿元。"),
        ("paragraph", "签约项目涵盖新能源汽车、生物医药和数字经济等领域。其中，一家新能源汽车零部件企业将投资建设年产百万套电驱动系统的生产基地。"),
        ("paragraph", "新区负责人表示，将为项目落地提供全过程服务，确保项目早开工、早投产。"),
        ("heading", "服务保障全程跟进"),
        ("paragraph", "据悉，新区已组建项目服务专班，实行“一个项目、一名领导、一套班子”的服务机制。"),
    ]  # fmt: skip


def test_wechat_article_reads_account_author_and_timestamp() -> None:
    article = normalize_file(PAGES / "wechat.html")
    assert meta(article) == (
        "G60科创走廊九城市携手打造创新共同体",
        "张晓燕",
        "虹桥馆",
        "2017-07-12T12:00:00+08:00",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "7月12日，G60科创走廊联席会议在松江召开，九个城市的代表共同发布了协同创新的行动方案。"),
        ("heading", "产业协同"),
        ("paragraph", "方案提出，九城市将围绕集成电路、人工智能、生物医药等产业，共建一批产业合作园区。"),
        ("paragraph", "各地还将互认科技创新券，推动科技资源跨区域开放共享。"),
    ]  # fmt: skip


def test_html5_article_with_json_ld_news_article() -> None:
    article = normalize_file(PAGES / "html5_jsonld.html")
    assert meta(article) == (
        "长三角一体化：科技创新共同体建设进入快车道",
        "周婷",
        "长三角日报",
        "2022-04-15T08:30:00+08:00",
        "zh-Hans",
    )
    assert article.url == "https://news.example.cn/2022/04/15/kjcx.html"
    assert blocks(article) == [
        ("paragraph", "记者从科技部获悉，长三角科技创新共同体建设方案实施以来，三省一市联合攻关项目已超过两百项。"),
        ("heading", "联合攻关成效显现"),
        ("paragraph", "在集成电路、人工智能等领域，一批“卡脖子”技术取得突破，相关成果已在企业实现转化应用。"),
        ("paragraph", "图为某联合实验室内景。"),
        ("paragraph", "专家表示，下一步应进一步完善成果共享和利益分配机制，激发各方协同创新的积极性。"),
    ]  # fmt: skip


def test_government_page_with_publish_date_source_and_view_count() -> None:
    article = normalize_file(PAGES / "gov_pubdate.html")
    assert meta(article) == (
        "浙江省人民政府办公厅关于推进长三角G60科创走廊建设的实施意见",
        None,
        "浙江省人民政府办公厅",
        "2019-05-20T16:45:00+08:00",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "各市、县（市、区）人民政府，省政府直属各单位："),
        ("paragraph", "为深入贯彻长三角区域一体化发展国家战略，推进G60科创走廊建设，经省政府同意，现提出如下实施意见。"),
        ("heading", "一、总体要求"),
        ("paragraph", "坚持创新驱动、协同发展，着力打造科技和制度创新双轮驱动、产业和城市一体化发展的先行先试走廊。"),
        ("heading", "二、主要任务"),
        ("paragraph", "（一）共建科技创新平台。支持嘉兴、杭州、湖州、金华等地与上海松江共建重大科创平台。"),
        ("paragraph", "（二）推动产业协同发展。聚焦新一代信息技术、高端装备等产业，共建产业合作示范园区。"),
        ("paragraph", "浙江省人民政府办公厅"),
        ("paragraph", "2019年5月16日"),
    ]  # fmt: skip


def test_news_page_with_date_first_byline_and_editor_note() -> None:
    article = normalize_file(PAGES / "news_editor.html")
    assert meta(article) == (
        "上海松江发布G60科创走廊“十四五”规划",
        "赵磊",
        "东方资讯网",
        "2019-05-20T09:32:00+08:00",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "20日，上海市松江区发布《G60科创走廊“十四五”发展规划》，明确了未来五年的发展目标和重点任务。"),
        ("paragraph", "规划提出，到2025年，G60科创走廊九城市地区生产总值力争达到六万亿元，研发投入强度超过百分之三。"),
        ("paragraph", "松江区有关负责人介绍，规划将重点推进“一廊一核多城”空间布局，强化松江的策源功能。"),
    ]  # fmt: skip


def test_hostile_markup_contributes_no_text() -> None:
    article = normalize_file(PAGES / "hostile.html")
    assert meta(article) == (
        "金华科技城新建创新综合体",
        None,
        "金华新闻网",
        "2020-11-03T14:00:00+08:00",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "金华科技城创新综合体日前开工建设，项目总投资十五亿元，建成后将引进研发机构五十家以上。"),
        ("paragraph", "综合体将为入驻企业提供共享实验室、中试基地和人才公寓等配套服务。"),
        ("paragraph", "金华市科技局表示，将以综合体为载体，加快集聚高端创新资源。"),
    ]  # fmt: skip
    everything = repr(article.to_json())
    for word in ("alert", "javascript", "expression", "脚本", "不能出现", "提交", "输入框", "表单"):
        assert word not in everything


def test_url_argument_wins_over_the_canonical_link() -> None:
    data = (PAGES / "html5_jsonld.html").read_bytes()
    assert normalize(data, url="https://example.org/a").url == "https://example.org/a"


def test_text_input_gives_the_same_article_as_bytes() -> None:
    data = (PAGES / "news_editor.html").read_bytes()
    assert normalize(data.decode("utf-8")) == normalize(data)


def test_font_soup_cell_with_bold_title_and_reporter_line() -> None:
    article = normalize_file(PAGES / "gbk_font_soup.html")
    assert meta(article) == (
        "松江G60科创走廊新添一批重大项目",
        "王强、李明",
        None,
        "2019-06-01",
        "zh-Hans",
    )
    assert blocks(article) == [
        (
            "paragraph",
            "6月1日，松江区举行重大项目集中签约活动，共签约项目二十个，总投资约三百亿元。",
        ),
        ("paragraph", "这些项目主要集中在集成电路、生物医药和智能制造领域。"),
        ("paragraph", "区领导出席签约活动并致辞。"),
    ]


def test_bare_column_title_yields_to_the_heading_above_the_text() -> None:
    article = normalize_file(PAGES / "column_title.html")
    # The notice states no date but the one under its signature: that dates it.
    assert meta(article) == (
        "关于开展2021年度科技项目申报工作的通知",
        None,
        None,
        "2021-02-20",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "各有关单位："),
        (
            "paragraph",
            "根据《某某市科技计划项目管理办法》，现将2021年度科技项目申报工作有关事项通知如下：",
        ),
        ("heading", "一、申报范围"),
        ("paragraph", "本市注册的企业、高校和科研院所。"),
        ("heading", "二、申报时间"),
        ("paragraph", "2021年3月1日至3月31日。"),
        ("paragraph", "某某市科学技术局"),
        ("paragraph", "2021年2月20日"),
    ]


def test_sidebar_prose_is_not_taken_into_the_article() -> None:
    article = normalize_file(PAGES / "sidebar_text.html")
    assert meta(article) == ("某某集团召开年度总结大会", None, None, "2020-01-15", "zh-Hans")
    assert blocks(article) == [
        ("paragraph", "1月14日，某某集团召开2019年度总结表彰大会，集团董事长出席会议并讲话。"),
        ("paragraph", "会议指出，过去一年集团实现营业收入五十亿元，同比增长百分之十二。"),
        ("paragraph", "会议强调，新的一年要坚持创新驱动，加快数字化转型，确保完成全年目标任务。"),
        ("paragraph", "会上还表彰了一批先进集体和个人。"),
    ]


def test_wechat_repost_takes_source_from_the_text_and_drops_the_tail() -> None:
    article = normalize_file(PAGES / "wechat_repost.html")
    assert meta(article) == (
        "重磅！长三角G60科创走廊发布最新政策",
        "G60科创走廊",
        "松江发布",
        "2023-11-15T06:13:20+08:00",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "近日，长三角G60科创走廊联席办印发《关于支持科技型企业发展的若干措施》。"),
        ("paragraph", "措施共十二条，涵盖研发投入、人才引进、金融支持等方面。"),
        ("heading", "一、加大研发投入"),
        ("paragraph", "对九城市企业联合开展的研发项目，按实际投入给予最高百分之三十的补助。"),
    ]


def test_portal_news_page_with_date_run_into_the_source_label() -> None:
    article = normalize_file(PAGES / "portal_news.html")
    assert meta(article) == (
        "G60科创走廊九城市协同发展成效显著",
        "孙明",  # 人民网上海5月20日电（记者 孙明）opens the text
        "人民网－财经频道",
        "2019-05-20T09:32:00+08:00",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "人民网上海5月20日电（记者孙明）记者从G60科创走廊联席办获悉，一季度九城市地区生产总值同比增长百分之八，高于全国平均水平。"),
        ("paragraph", "G60科创走廊松江段。资料图"),
        ("paragraph", "联席办负责人表示，九城市在科技成果转化、产业协同和人才流动等方面持续发力，一体化发展的制度框架基本形成。"),
        ("paragraph", "下一步，九城市将联合实施一批重大科技专项，共同打造世界级产业集群。"),
    ]  # fmt: skip


def test_government_portal_with_font_switch_in_the_byline() -> None:
    article = normalize_file(PAGES / "gov_portal.html")
    assert meta(article) == (
        "长三角G60科创走廊建设方案印发",
        None,
        "科技部网站",
        "2020-11-03T16:45:00+08:00",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "近日，科技部、国家发展改革委、工业和信息化部、人民银行、银保监会、证监会联合印发《长三角G60科创走廊建设方案》（以下简称《方案》）。"),
        ("paragraph", "《方案》提出，到2025年，基本形成若干世界级制造业集群，建成具有国际影响力的科创走廊。"),
        ("paragraph", "《方案》明确了五个方面的重点任务：布局重大科技基础设施、推动产业协同创新、促进要素自由流动、深化开放合作、优化营商环境。"),
    ]  # fmt: skip


def test_short_html5_article_keeps_every_paragraph_and_heading() -> None:
    article = normalize_file(PAGES / "html5_graph_short.html")
    assert meta(article) == (
        "九城市共建科创走廊：三年成效几何",
        "韩梅梅、李雷",
        "长三角观察社",
        "2022-04-15T10:00:00+08:00",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "会议于4月14日召开。"),
        ("heading", "成果转化"),
        ("paragraph", "技术合同成交额翻番。"),
    ]


def test_government_metadata_table_gives_issuing_office_and_date() -> None:
    article = normalize_file(PAGES / "gov_metadata_table.html")
    assert meta(article) == (
        "关于推进科创走廊建设的通知",
        None,
        "某某市人民政府办公室",
        "2019-05-20",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "各县（市、区）人民政府，市政府各部门："),
        ("paragraph", "为推进科创走廊建设，经市政府同意，现将有关事项通知如下。"),
        ("paragraph", "一、各地要把科创走廊建设摆在突出位置，加强组织领导，落实工作责任。"),
    ]


def test_centred_caption_under_a_picture_is_a_paragraph_not_a_heading() -> None:
    page = (
        "<html><head><title>标题甲乙_网</title></head><body><h1>标题甲乙</h1><div class=content>"
        "<p>正文第一段，内容从这里开始。</p>"
        '<p style="text-align:center"><img src=a.jpg></p><p style="text-align:center">图为签约现场</p>'
        "<p><strong>二、小标题</strong></p><p>第二段，内容。</p>"
        '<p style="text-align:center">（完）</p></div></body></html>'
    )
    assert blocks(normalize(page)) == [
        ("paragraph", "正文第一段，内容从这里开始。"),
        ("paragraph", "图为签约现场"),
        ("heading", "二、小标题"),
        ("paragraph", "第二段，内容。"),
        ("paragraph", "（完）"),
    ]


def test_an_article_inside_a_form_without_controls_is_kept_and_its_follow_call_dropped() -> None:
    # VSB CMS wraps the article in <form name="_newscontent_fromname">: no login
    # box, and it holds less than half of the page's text under the menus.
    article = normalize_file(PAGES / "college_news_in_form_wrapper.html")
    texts = [block.text for block in article.blocks]
    assert article.title == "电大2021春开放教育招生工作迈上新台阶"
    assert len(texts) == 3 and texts[0].startswith("2021年是学校")


def test_a_site_name_in_brackets_before_the_byline_labels_leaves_the_printed_date() -> None:
    article = normalize_file(PAGES / "gov_bracketed_site_before_byline.html")
    assert (article.published or "").startswith("2020-12-10")
    assert article.source == "四川日报"


def test_a_row_of_bare_names_under_the_date_is_the_byline_not_the_headline() -> None:
    article = normalize_file(PAGES / "price_research_names_under_date.html")
    assert (article.title, article.author) == (
        "网络交易价格行为界定存在的问题及对策",
        "葛翔宇、胡永放",
    )
    assert blocks(article)[0][1].startswith("近年来")


def test_a_signature_naming_the_site_over_its_date_is_not_the_headline() -> None:
    # The <title> starts with the site's name, which the notice's signature repeats.
    article = normalize_file(PAGES / "gov_notice_signature_names_the_site.html")
    assert article.title == "关于开展2018年会计师事务所综合评价工作的通知"
    assert (article.published or "").startswith("2018-03-19")


def test_a_title_escaped_twice_reads_its_quotation_marks_and_a_designer_credit_is_no_author() -> (
    None
):
    article = normalize_file(PAGES / "highway_news_title_escaped_twice.html")
    assert article.title == '交通运输部回应"7月20日起高速免费通行":消息不实'
    assert article.author is None
    assert (article.source, article.published) == ("中新网", "2020-07-23")


def test_the_account_that_posted_a_notice_is_not_its_author() -> None:
    article = normalize_file(PAGES / "college_notice_uploader_account.html")
    assert (article.author, article.published) == (None, "2020-12-02T09:37:09+08:00")


def test_a_commentary_s_writer_named_in_its_headline_before_the_colon_is_its_author() -> None:
    article = normalize_file(PAGES / "commentary_writer_in_headline.html")
    assert (
        article.title == "自治区党委改革办副主任、政研室副主任 李芳源：加快构建广西改革开放新格局"
    )
    assert (article.author, article.source) == ("李芳源", "广西日报")
