"""The normaliser on government portals' article pages: a heading closed by
another level, a long headline over its dateline and tables of names, a
headline holding its date in brackets, a field-columns metadata table, two
copies of the text that differ in their first paragraph, a sidebar of other
stories' dates above the headline, an editor credited in brackets, a
penalty disclosure that is one table with its document's number under the
headline; and pages of colleges and news sites saved the same way: a CMS
body named ``list``, a name over its Latin spelling, a chief reporter's
credit.

Each page under tests/data/pages/ is trimmed from a real page whose origin its
opening comment names.
"""

from __future__ import annotations

from pathlib import Path

from g60pub.normalize import normalize_file
from g60pub.normalize.boilerplate import is_noise
from g60pub.normalize.byline import parse_byline
from g60pub.normalize.credits import closing_credit, opening_credit
from g60pub.normalize.dom import parse
from g60pub.normalize.headline import clean_title
from g60pub.normalize.page_title import with_document_number
from g60pub.normalize.tail import second_copy

PAGES = Path(__file__).parent / "data" / "pages"


def test_a_heading_closed_by_another_levels_end_tag_ends_there() -> None:
    # <h2>…</h1>: browsers close the heading; the article after it is no heading.
    article = normalize_file(PAGES / "gov_heading_closed_by_another_level.html")
    assert article.title == "陕西城市经济文化发展高峰论坛在西安举行"
    assert [block.kind for block in article.blocks] == ["paragraph"] * 3
    assert article.blocks[0].text.startswith("12月21日，第八届陕西城市经济文化发展高峰论坛")
    assert (article.published or "").startswith("2013-12-23")
    root = parse("<body><h2>标题</h1><p>正文。</p></body>")
    assert [element.tag for element in root.find("body")] == ["h2", "p"]


def test_a_reporter_credited_with_a_label_at_the_end_is_the_author() -> None:
    article = normalize_file(PAGES / "gov_heading_closed_by_another_level.html")
    assert article.author == "魏伟"
    assert closing_credit("…企业代表。（记者：魏伟）") == "魏伟"
    assert closing_credit("…群体。（记者 杨啸林）") == "杨啸林"
    assert closing_credit("…全文完。（编辑：张三）") is None


def test_a_long_headline_over_its_dateline_is_no_post_of_its_own() -> None:
    # The headline (…名单、结果的公示) reads like text; the dateline under it
    # is no posting row that ends a first post there.
    article = normalize_file(PAGES / "gov_notice_headline_over_name_tables.html")
    assert article.title.startswith("浙江省文化和旅游厅关于2020年度文物博物")
    assert (article.published or "").startswith("2020-12-29")
    texts = [block.text for block in article.blocks]
    assert texts[0].startswith("根据《浙江省职称评审管理实施办法》")
    assert "1 | 金伟明 | 丽水市博物馆 | 副研究馆员" in texts
    assert "2 | 潘思思 | 浙江图书馆（浙江省古籍保护中心） | 馆员" in texts
    assert any(text.startswith("公示时间：") for text in texts)
    assert not any("索引号" in text or "打印" in text for text in texts)


def test_a_date_in_brackets_closing_the_headline_is_no_part_of_the_title() -> None:
    article = normalize_file(PAGES / "gov_notice_dated_headline_field_columns.html")
    assert article.title == "关于开展2024年“世界家庭医生日”主题宣传活动的通知"
    assert (article.published or "").startswith("2024-05-11")
    assert clean_title("某某会议（2024年5月11日）") == "某某会议（2024年5月11日）"


def test_a_metadata_tables_row_of_field_names_is_furniture() -> None:
    article = normalize_file(PAGES / "gov_notice_dated_headline_field_columns.html")
    texts = [block.text for block in article.blocks]
    assert not any("索取号" in text for text in texts)
    assert "各区卫生健康委:" in texts
    assert texts[-1] == "2024年5月10日"
    assert is_noise("索取号 | 发布时间 | 发布机构 | 文件编号 | 备注")
    assert not is_noise("序号 | 姓名 | 工作单位 | 拟任专业技术职务任职资格")


def test_a_second_copy_whose_first_paragraph_differs_is_left_out() -> None:
    article = normalize_file(PAGES / "gov_copies_differing_in_first_paragraph.html")
    texts = [block.text for block in article.blocks]
    assert len(texts) == 4
    assert "李炎出席活动并致辞" in texts[0]
    assert texts[-1].endswith("高质量发展。（记者陈俊伶）")
    assert not any("杨兴平" in text for text in texts)
    assert article.author == "陈俊伶"


def test_other_stories_dates_above_the_headline_are_not_the_articles() -> None:
    article = normalize_file(PAGES / "gov_sidebar_dates_above_headline.html")
    assert (article.published or "").startswith("2022-11-14")
    assert article.author == "木胜玉"


def test_an_editor_credited_in_brackets_is_not_the_author() -> None:
    # <meta name="author"> holds the editor, whom the page credits as 编辑：（胡冠山）.
    article = normalize_file(PAGES / "gov_editor_in_brackets.html")
    assert article.author is None
    assert article.source == "济南市文化和旅游局（原市文广新局）"
    assert len(article.blocks) == 4
    byline = parse_byline("来源：（新华社）")
    assert byline is not None and byline.source == "新华社"


def test_a_portals_dialog_before_an_outside_link_is_furniture() -> None:
    assert is_noise("您访问的链接即将离开“首都之窗”门户网站 是否继续？")
    assert not is_noise("他即将离开工作了三十年的岗位。")


def test_a_cms_body_named_list_without_a_main_is_no_list_of_posts() -> None:
    # Hugo names a page of posts <body class="list"> and sets the list in <main>.
    article = normalize_file(PAGES / "college_news_body_named_list.html")
    assert article.title.startswith("纺织与服装工程学院（紫卿书院）——新生入学教育")
    assert (article.published or "").startswith("2022-09-30")
    assert len(article.blocks) == 3
    assert article.blocks[-1].text.startswith("本次系列讲座为学院新生提供了")


def test_a_cms_page_title_meta_names_the_headline_over_its_latin_spelling() -> None:
    article = normalize_file(PAGES / "school_profile_name_over_latin_spelling.html")
    assert article.title == "鲍增谢"
    assert not any(block.text == "BAOZENGXIE" for block in article.blocks)


def test_a_reporters_credit_may_name_the_paper_and_a_chief_reporter() -> None:
    assert opening_credit("晨报首席记者曾玉报道 近日，…") == "曾玉"
    assert opening_credit("记者梁爽报道　6月10日，…") == "梁爽"
    assert opening_credit("据报记者称，…") is None


def test_a_bookmark_button_and_a_video_sites_app_pitch_are_furniture() -> None:
    assert is_noise("插入书签")
    assert is_noise("点赞收藏评论客户端看安装央视影音客户端，随时随地给你精彩！")
    assert not is_noise("市民可下载“i深圳”客户端办理。")


def test_a_copy_of_a_two_paragraph_text_is_still_found() -> None:
    # The opening pair is looked for first, right after itself; only then a
    # pair one paragraph in, for a copy whose first paragraph was edited.
    first = "一段足够长的第一段落文字，用来检验复制的情况。"
    second = "第二段也要足够长，这样它才算作一段正文内容。"
    assert second_copy([first, second, "2024-01-01 10:00", first, second], [0, 1, 3, 4]) == 2


def test_a_heading_tag_inside_a_script_or_comment_closes_nothing() -> None:
    # Only a real heading sets the level an end tag is renamed to; a renamed
    # </h1> would leave the text after it inside the headline.
    asides = ("<script>var open = '<h3>';</script>", "<!-- <h4> -->", "<style>/* <h5> */</style>")
    for aside in asides:
        root = parse(f"<body><div><h1>标题{aside}</h1>正文。</div></body>")
        (headline,) = root.iter("h1")
        assert headline.text == "标题", aside
        assert headline.tail == "正文。", aside


def test_a_disclosure_table_is_the_article_not_its_one_cell_of_sentences() -> None:
    # Only the offences read as a sentence; the table of names, numbers and
    # penalties around that cell is the disclosure, and its centred cells are
    # no headings. The document's number under the headline goes with it.
    article = normalize_file(PAGES / "gov_penalty_table_merged_cells.html")
    texts = [block.text for block in article.blocks]
    assert (
        article.title
        == "国家金融监督管理总局浙江监管局行政处罚信息公开表（浙金罚决字〔2024〕52号）"
    )
    assert article.published == "2025-06-03"
    assert texts[0].startswith("序号 | 当事人名称")
    assert "中国太平洋财产保险股份有限公司温州分公司" in texts
    assert "罚款56万元" in texts
    assert texts[-1].startswith("2 | 陈首伟")
    assert {block.kind for block in article.blocks} == {"paragraph"}
    assert not any("版权" in text or "凡本站" in text for text in texts)


def test_a_documents_number_under_its_headline_is_no_headline_alone() -> None:
    texts = ["某某市人民政府关于印发某某办法的通知", "（某政发〔2024〕12号）", "各区人民政府："]
    assert with_document_number(texts, "（某政发〔2024〕12号）", 1) == (
        "某某市人民政府关于印发某某办法的通知（某政发〔2024〕12号）",
        1,
    )
    # A headline that is no number stays, and so does a number with nothing over it.
    assert with_document_number(texts, texts[0], 0) == (texts[0], 0)
    assert with_document_number(["", texts[1]], texts[1], 1) == (texts[1], 1)
