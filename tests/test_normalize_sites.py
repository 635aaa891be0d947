# ruff: noqa: E501 -- Chinese text and HTML lines are kept whole, as a reader compares them.
"""Kinds of Chinese sites the other page tests do not cover -> the exact article each holds."""

from __future__ import annotations

from pathlib import Path

from g60pub.model import Article
from g60pub.normalize import normalize, normalize_file

PAGES = Path(__file__).parent / "data" / "pages"


def blocks(article: Article) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in article.blocks]


def meta(article: Article) -> tuple[str, str | None, str | None, str | None, str]:
    return article.title, article.author, article.source, article.published, article.lang


def test_municipal_page_with_bom_reads_date_and_source_from_separate_spans() -> None:
    article = normalize_file(PAGES / "municipal_spans_bom.html")
    assert meta(article) == (
        "嘉兴市科技局召开G60科创走廊协同创新推进会",
        None,
        "嘉兴市科技局",
        "2022-11-03",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "11月2日，嘉兴市科技局召开G60科创走廊协同创新推进会，总结今年以来全市融入走廊建设的进展，部署下一阶段重点工作。"),
        ("paragraph", "会议通报，今年前三季度，全市与走廊沿线城市联合实施科技项目四十八项，引进共建创新载体十一家，技术交易额同比增长百分之二十六。"),
        ("paragraph", "会议要求，各县（市、区）要围绕产业链部署创新链，加快推进长三角（嘉兴）科技成果转化中心建设，力争年底前再引进一批高水平研发机构。"),
    ]  # fmt: skip


def test_university_cms_page_in_nested_tables_drops_the_review_note() -> None:
    article = normalize_file(PAGES / "university_news.html")
    assert meta(article) == (
        "学校与G60科创走廊九城市共建技术转移中心",
        "孙佳怡",
        None,
        "2021-12-08",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "12月7日，学校与长三角G60科创走廊九城市科技部门在松江签署合作协议，共建G60科创走廊高校技术转移中心。"),
        ("paragraph", "根据协议，中心将设立九个城市分中心，面向走廊企业发布学校的专利和技术成果，组织教师团队开展技术攻关和咨询服务，并联合培养工程硕士。"),
        ("paragraph", "副校长在签约仪式上表示，学校将把中心建成服务区域创新的重要平台，推动更多科研成果在走廊落地转化。"),
        ("paragraph", "签约仪式现场"),
    ]  # fmt: skip


def test_html5_article_wins_over_a_longer_aside() -> None:
    article = normalize_file(PAGES / "html5_aside_heavy.html")
    assert meta(article) == (
        "湖州：科创飞地让研发在上海、生产在湖州",
        "钱佳宁",
        None,
        "2022-08-19T09:00:00+08:00",
        "zh-Hans",
    )
    assert article.url == "https://csj.example.cn/2022/0819/hzfd.html"
    assert blocks(article) == [
        ("paragraph", "在上海漕河泾的一栋写字楼里，十几家湖州企业的研发团队比邻而居。这里是湖州在上海设立的科创飞地。"),
        ("paragraph", "飞地由湖州出资运营，入驻企业在上海招人、在上海研发，成果拿回湖州产业化，税收和统计归属湖州。"),
        ("heading", "人才留在上海，产能落在湖州"),
        ("paragraph", "一家新能源材料企业负责人说，过去在湖州招研发人员很难，入驻飞地后半年就组建了二十多人的团队。"),
    ]  # fmt: skip


def test_data_table_inside_the_article_keeps_one_line_per_row() -> None:
    article = normalize_file(PAGES / "data_table.html")
    assert meta(article) == (
        "金华市2022年G60科创走廊重大产业项目清单公布",
        None,
        "市发改委",
        "2022-03-10",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "近日，市发改委公布2022年度融入G60科创走廊重大产业项目清单，共安排项目十二个，总投资约五百六十亿元。具体如下："),
        ("paragraph", "序号 | 项目名称 | 投资额（亿元） | 建设地点"),
        ("paragraph", "1 | 新能源汽车电驱动系统产业化项目 | 85 | 金东区"),
        ("paragraph", "2 | 高端磁性材料生产基地 | 62 | 东阳市"),
        ("paragraph", "3 | 集成电路封装测试项目 | 58 | 金华开发区"),
        ("paragraph", "4 | 智能装备制造产业园 | 55 | 永康市"),
        ("paragraph", "5 | 生物医药创新产业园 | 48 | 婺城区"),
        ("paragraph", "6 | 光伏组件智能工厂 | 46 | 义乌市"),
        ("paragraph", "7 | 数字经济产业园二期 | 42 | 金华开发区"),
        ("paragraph", "8 | 氢能装备制造项目 | 40 | 兰溪市"),
        ("paragraph", "9 | 高性能纤维材料项目 | 38 | 浦江县"),
        ("paragraph", "10 | 智慧物流装备基地 | 33 | 义乌市"),
        ("paragraph", "11 | 医疗器械产业化项目 | 29 | 武义县"),
        ("paragraph", "12 | 工业互联网平台建设项目 | 24 | 磐安县"),
        ("paragraph", "市发改委表示，将建立重大项目专班推进机制，实行清单化管理，确保项目按期开工建设。"),
    ]  # fmt: skip


def test_table_whose_cells_hold_paragraphs_keeps_one_line_per_row_and_the_notice_whole() -> None:
    article = normalize_file(PAGES / "gov_notice_table_cells_in_paragraphs.html")
    assert blocks(article)[0] == ("paragraph", "莲都区人民政府，市直各单位：")
    assert (
        "paragraph",
        "附件：2023年市区符合政府安排工作条件退役士兵和退出消防员安置任务",
    ) in blocks(article)
    assert blocks(article)[-9:] == [
        ("paragraph", "序号 | 安置单位名称 | 安置任务 | 岗位类别"),
        ("paragraph", "1 | 丽水国家粮食储备库 | 1 | 事业"),
        ("paragraph", "2 | 市建筑工程施工管理中心 | 1 | 事业"),
        ("paragraph", "3 | 市直属公路港航管理中心 | 1 | 事业"),
        ("paragraph", "4 | 市白云山生态林场 | 1 | 事业"),
        ("paragraph", "5 | 南明山街道退役军人服务站 | 1 | 事业"),
        ("paragraph", "6 | 市体彩中心 | 1 | 事业"),
        ("paragraph", "7 | 丽水学院 | 1 | 事业"),
        ("paragraph", "8 | 莲都区退役军人服务中心 | 1 | 事业"),
    ]  # fmt: skip


def test_video_page_drops_the_player_and_the_qr_block() -> None:
    article = normalize_file(PAGES / "video_qr.html")
    assert meta(article) == (
        "视频｜G60科创走廊九城市联合招聘会开幕",
        "陆一鸣",
        "湖州新闻网",
        "2023-02-18T15:42:10+08:00",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "2月18日，长三角G60科创走廊九城市联合招聘会在湖州开幕，来自九城市的六百余家企业现场提供岗位一万四千余个。"),
        ("paragraph", "本次招聘会首次实现九城市岗位信息互通，求职者可在任一城市的分会场投递走廊内所有企业的岗位。"),
        ("paragraph", "湖州市人力社保局相关负责人介绍，今年走廊九城市还将联合举办线上线下招聘活动三十场，推动人才在走廊内自由流动。"),
    ]  # fmt: skip


def test_news_agency_page_drops_the_correction_link_and_editor_line() -> None:
    article = normalize_file(PAGES / "xinhua_news.html")
    assert meta(article) == (
        "长三角G60科创走廊九城市联合发布科技成果转化清单",
        "顾立新",  # 新华社上海6月1日电（记者顾立新）opens the text
        "新华网",
        "2023-06-01T10:20:35+08:00",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "新华社上海6月1日电（记者顾立新）长三角G60科创走廊联席会议办公室1日在上海松江发布首批科技成果转化清单，涵盖集成电路、生物医药、新能源等领域的成果三百二十项。"),
        ("paragraph", "记者了解到，清单中的成果均来自走廊沿线九城市的高校和科研院所，其中近七成已完成中试，具备产业化条件。联席办将通过线上平台向企业集中推介，并为成果对接提供技术评估、知识产权和融资等一站式服务。"),
        ("paragraph", "6月1日，与会嘉宾在发布会现场参观科技成果展示。新华社记者刘洋摄"),
        ("paragraph", "“过去企业找成果像大海捞针，现在有了清单，供需两端能直接对上。”嘉兴一家新材料企业负责人说。"),
        ("paragraph", "据介绍，九城市今年还将联合设立成果转化引导基金，首期规模二十亿元，重点支持清单内成果在走廊范围内落地。"),
    ]  # fmt: skip


def test_bold_paragraph_headings_and_trailing_source_and_editor_lines() -> None:
    article = normalize_file(PAGES / "plan_headings.html")
    assert meta(article) == (
        "松江区加快建设G60科创走廊策源地三年行动方案（2023—2025年）",
        None,
        "松江区科委",
        "2023-03-15T14:05:00+08:00",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "为深入贯彻长三角一体化发展国家战略，加快建设G60科创走廊策源地，制定本行动方案。"),
        ("heading", "一、总体要求"),
        ("paragraph", "坚持科技创新和制度创新双轮驱动，到2025年，全区研发投入强度达到百分之五，高新技术企业突破三千家。"),
        ("heading", "第二章\u3000重点任务"),
        ("paragraph", "（一）建设创新策源平台。布局建设一批重大科技基础设施和新型研发机构，支持企业牵头组建创新联合体。"),
        ("paragraph", "（二）壮大先导产业集群。聚焦集成电路、人工智能、生物医药三大先导产业，打造千亿级产业集群。"),
        ("heading", "二、保障措施"),
        ("paragraph", "加强组织领导，建立区级统筹推进机制，将重点任务纳入年度考核。"),
    ]  # fmt: skip


def test_links_to_attached_documents_are_text_and_links_to_pages_are_not() -> None:
    page = (
        "<html><head><title>关于开展申报工作的通知_网</title></head><body><h1>关于开展申报工作的通知</h1>"
        "<div class=content><p>各有关单位：现将申报工作有关事项通知如下，请认真组织申报。</p>"
        "<p>申报材料请于3月31日前报送市科技局，逾期不予受理。</p>"
        '<p>附件：<a href="/files/a.pdf">1. 申报指南.pdf</a></p>'
        '<p><a href="/files/b.XLSX?v=2">2. 项目汇总表.xlsx</a></p>'
        '<p><a href="/news/2021/c.html">其他通知公告</a></p></div></body></html>'
    )
    assert blocks(normalize(page)) == [
        ("paragraph", "各有关单位：现将申报工作有关事项通知如下，请认真组织申报。"),
        ("paragraph", "申报材料请于3月31日前报送市科技局，逾期不予受理。"),
        ("paragraph", "附件：1. 申报指南.pdf"),
        ("paragraph", "2. 项目汇总表.xlsx"),
    ]


def test_gbk_policy_document_keeps_numbered_articles_and_attachment_list() -> None:
    article = normalize_file(PAGES / "province_policy_gbk.html")
    assert meta(article) == (
        "浙江省人民政府办公厅关于印发浙江省长三角G60科创走廊协同创新促进办法的通知",
        None,
        "浙江省人民政府办公厅",
        "2021-09-28T16:30:00+08:00",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "各市、县（市、区）人民政府，省政府直属各单位："),
        ("paragraph", "《浙江省长三角G60科创走廊协同创新促进办法》已经省政府同意，现印发给你们，请结合实际认真贯彻执行。"),
        ("heading", "浙江省长三角G60科创走廊协同创新促进办法"),
        ("paragraph", "第一条\u3000为推进长三角G60科创走廊协同创新，促进创新资源跨区域流动，根据有关法律法规和国家有关规定，结合本省实际，制定本办法。"),
        ("paragraph", "第二条\u3000本办法适用于本省嘉兴、杭州、湖州、金华等地参与G60科创走廊建设的协同创新活动。"),
        ("paragraph", "第三条\u3000省科技厅负责统筹协调协同创新工作，会同省发展改革委、省经信厅等部门建立工作推进机制。"),
        ("paragraph", "第四条\u3000鼓励企业、高校和科研院所与走廊沿线城市共建研发平台，对绩效评价优秀的平台按规定给予支持。"),
        ("paragraph", "第五条\u3000本办法自2021年11月1日起施行。"),
        ("paragraph", "附件：1. 浙江省长三角G60科创走廊协同创新项目申报指南.docx"),
        ("paragraph", "2. 重点平台建设任务分解表.xlsx"),
        ("paragraph", "浙江省人民政府办公厅"),
        ("paragraph", "2021年9月26日"),
        ("paragraph", "（此件公开发布）"),
    ]  # fmt: skip


def test_one_paragraph_notice_keeps_its_attachment_signature_and_date() -> None:
    article = normalize_file(PAGES / "one_paragraph_notice.html")
    assert meta(article) == (
        "关于公布2022年度G60科创走廊产业合作示范园区名单的通知",
        None,
        "某某市科学技术局",
        "2022-12-20",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "各区县科技局，各有关单位：经单位申报、专家评审和网上公示，现将2022年度G60科创走廊产业合作示范园区名单予以公布。"),
        ("paragraph", "附件：2022年度G60科创走廊产业合作示范园区名单.pdf"),
        ("paragraph", "某某市科学技术局"),
        ("paragraph", "2022年12月20日"),
    ]  # fmt: skip


def test_decorative_end_mark_closing_a_repost_is_dropped_but_a_closing_note_stays() -> None:
    page = (
        "<html><head><title>标题甲乙_网</title></head><body><h1>标题甲乙</h1><div class=content>"
        "<p>正文第一段，内容从这里开始。</p><p>正文第二段，内容到这里结束。</p>"
        '<section style="text-align:center"><span>— END —</span></section>'
        '<p style="text-align:center">（完）</p></div></body></html>'
    )
    assert blocks(normalize(page)) == [
        ("paragraph", "正文第一段，内容从这里开始。"),
        ("paragraph", "正文第二段，内容到这里结束。"),
        ("paragraph", "（完）"),
    ]


def test_wechat_desktop_page_reads_the_author_span_and_drops_the_end_mark() -> None:
    article = normalize_file(PAGES / "wechat_desktop.html")
    assert meta(article) == (
        "科创走廊上的“双城记”：一家企业的九城之旅",
        "林晓",
        "G60科创走廊联席办",
        "2022-04-15T13:20:00+08:00",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "▲企业位于松江G60科创云廊的研发中心"),
        ("paragraph", "从松江的一间孵化器起步，到在嘉兴、湖州建起生产基地，再到在合肥设立研究院，一家做工业传感器的企业用五年时间走完了G60科创走廊的九座城市。"),
        ("heading", "01 从孵化器到生产线"),
        ("paragraph", "公司创始人回忆，最初团队只有六个人，样品做出来了，却找不到合适的地方量产。走廊沿线城市之间的产业对接会，让他们在嘉兴找到了配套完整的园区。"),
        ("paragraph", "“跨城办事不用来回跑，营业执照异地办理，一周就搞定了。”他说。"),
        ("paragraph", "▲嘉兴生产基地的自动化产线"),
        ("heading", "02 九城协同的红利"),
        ("paragraph", "如今，这家企业的研发在松江和合肥，生产在嘉兴和湖州，销售网络覆盖走廊全域。去年营收突破三亿元，比五年前增长了二十倍。"),
    ]  # fmt: skip


def test_wechat_author_span_without_an_id_is_the_author_not_the_original_tag() -> None:
    page = (
        '<html><body><h1 id="activity-name">标题甲乙丙丁</h1><div id="meta_content">'
        '<span id="copyright_logo" class="rich_media_meta">原创</span>'
        '<span class="rich_media_meta rich_media_meta_text">林晓</span>'
        '<span class="rich_media_meta rich_media_meta_nickname"><a id="js_name">某公众号</a></span>'
        '<em id="publish_time" class="rich_media_meta rich_media_meta_text"></em></div>'
        '<div id="js_content"><p>正文第一段，内容从这里开始。</p><p>正文第二段，内容到这里结束。</p></div>'
        "</body></html>"
    )
    article = normalize(page)
    assert (article.author, article.source) == ("林晓", "某公众号")


def test_newspaper_e_paper_page_names_reporter_and_correspondent_without_their_roles() -> None:
    article = normalize_file(PAGES / "epaper_founder.html")
    assert meta(article) == (
        "九城市共建科技成果转化服务联盟",
        "沈佳、李明",
        None,
        "2022-11-05",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "本报讯\u300011月4日，长三角G60科创走廊科技成果转化服务联盟在嘉兴成立，九城市的技术转移机构、高校和金融机构等八十六家单位成为首批成员。"),
        ("paragraph", "联盟将搭建统一的成果信息发布平台，推动九城市技术经纪人资格互认，并设立专项基金支持成果转化项目。"),
        ("paragraph", "据了解，今年以来，我市通过走廊平台引进转化科技成果一百三十余项，技术交易额同比增长三成。"),
    ]  # fmt: skip


def test_disclosure_table_above_the_title_gives_issuing_office_and_release_date() -> None:
    article = normalize_file(PAGES / "gov_disclosure_table.html")
    assert meta(article) == (
        "湖州市科学技术局关于印发《湖州市融入长三角G60科创走廊建设科技创新券管理办法》的通知",
        None,
        "湖州市科学技术局",
        "2023-04-14",
        "zh-Hans",
    )
    assert blocks(article) == [
        ("paragraph", "各区县科技局，南太湖新区科技局："),
        ("paragraph", "现将《湖州市融入长三角G60科创走廊建设科技创新券管理办法》印发给你们，请认真贯彻执行。"),
        ("paragraph", "创新券可用于购买走廊九城市科技服务机构提供的检验检测、技术开发和技术咨询等服务，每家企业每年最高可申领二十万元。"),
        ("paragraph", "湖州市科学技术局"),
        ("paragraph", "2023年4月10日"),
    ]  # fmt: skip
