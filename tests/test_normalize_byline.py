"""Byline lines and dates as Chinese pages write them."""

from __future__ import annotations

from pathlib import Path

import pytest

from g60pub.normalize import normalize, normalize_file
from g60pub.normalize.byline import Byline, parse_byline
from g60pub.normalize.credits import closing_credit, opening_credit
from g60pub.normalize.dates import find_datetime, from_timestamp
from g60pub.normalize.names import headline_writer, names_row

PAGES = Path(__file__).parent / "data" / "pages"


def test_bracketed_cms_byline() -> None:
    line = "[作者:转载自微信公众号虹桥馆 来源: 浙江省侨商会 时间:2017-07-18 11:29:57 阅读:2587 次]"
    assert parse_byline(line) == Byline(
        None, "浙江省侨商会", "2017-07-18T11:29:57+08:00", via="转载自微信公众号虹桥馆"
    )


def test_government_byline_with_view_count() -> None:
    line = "发布日期：2019-05-20　来源：浙江省人民政府办公厅　浏览次数：1234"
    assert parse_byline(line) == Byline(None, "浙江省人民政府办公厅", "2019-05-20")


def test_news_byline_that_opens_with_the_date() -> None:
    line = "2019年5月20日 09:32 来源：新华网 作者：张三 编辑：李四"
    assert parse_byline(line) == Byline("张三", "新华网", "2019-05-20T09:32:00+08:00")


def test_traditional_script_byline() -> None:
    line = "發佈時間：2019/5/20 09:32　來源：香港經濟新聞網　責任編輯：陳小明"
    assert parse_byline(line) == Byline(None, "香港經濟新聞網", "2019-05-20T09:32:00+08:00")


def test_information_source_and_responsible_editor_labels() -> None:
    assert parse_byline("信息来源：松江区科委 | 责任编辑：王五") == Byline(None, "松江区科委", None)


def test_reporter_without_colon_and_two_names() -> None:
    assert parse_byline("本报记者 王强 李明　2019-06-01") == Byline(
        "王强、李明", None, "2019-06-01"
    )


def test_placeholder_author_means_no_author() -> None:
    assert parse_byline("作者：佚名　来源：本站") == Byline(None, "本站", None)


def test_sentence_mentioning_a_source_is_not_a_byline_in_the_text() -> None:
    line = "据了解，这一数据来源：国家统计局，反映了长三角地区经济持续向好的发展态势，值得关注。"
    assert parse_byline(line, strict=True) is None


def test_signature_date_inside_the_text_is_not_a_byline() -> None:
    assert parse_byline("2019年5月16日", strict=True) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("时间：2017-07-18 11:29:57", "2017-07-18T11:29:57+08:00"),
        ("2017年07月18日", "2017-07-18"),
        ("2017/7/18", "2017-07-18"),
        ("2017.07.18 09:05", "2017-07-18T09:05:00+08:00"),
        ("2019年05月20日 09时32分", "2019-05-20T09:32:00+08:00"),
        ("2022-04-15T00:30:00Z", "2022-04-15T08:30:00+08:00"),
        ("2022-04-15T08:30:00+08:00", "2022-04-15T08:30:00+08:00"),
        ("2017-02-30", None),
        ("其它内容 十一月 6th, 2009", "2009-11-06"),  # a Chinese-locale WordPress blog
        ("二月 3rd, 2010", "2010-02-03"),
        ("三十一月 5, 2009", None),
    ],
)
def test_dates_become_iso_8601_in_china_standard_time(text: str, iso: str | None) -> None:
    assert find_datetime(text) == iso


def test_wechat_timestamp_is_china_standard_time() -> None:
    assert from_timestamp("1499832000") == "2017-07-12T12:00:00+08:00"


def test_heading_broken_with_br_is_one_title() -> None:
    page = (
        "<html><head><title>松江杭州嘉兴签订协议 共建科创走廊_新闻</title></head><body>"
        "<h1>松江杭州嘉兴签订协议<br>共建科创走廊</h1><p>正文第一段，内容从这里开始。</p></body></html>"
    )
    article = normalize(page)
    assert article.title == "松江杭州嘉兴签订协议共建科创走廊"
    assert [b.text for b in article.blocks] == ["正文第一段，内容从这里开始。"]


def test_date_trailing_a_source_is_the_date() -> None:
    assert parse_byline("来源：新华网 | 2019-05-20 09:32") == Byline(
        None, "新华网", "2019-05-20T09:32:00+08:00"
    )


def test_byline_printed_below_the_text_is_read() -> None:
    page = (
        "<html><head><title>标题甲乙丙_某网</title></head><body><h1>标题甲乙丙</h1>"
        "<div class=content><p>正文第一段，内容从这里开始。</p><p>第二段也很重要。</p></div>"
        "<div class=info>发布时间：2020-01-02 来源：新华社</div><div class=footer>版权所有</div>"
        "</body></html>"
    )
    article = normalize(page)
    assert (article.source, article.published) == ("新华社", "2020-01-02")
    assert [b.text for b in article.blocks] == ["正文第一段，内容从这里开始。", "第二段也很重要。"]


def test_toolbar_link_run_into_the_editor_line_leaves_a_byline() -> None:
    assert parse_byline("【纠错】 责任编辑：王晓蕾", strict=True) == Byline()


def test_roles_in_front_of_the_names_are_not_part_of_the_author() -> None:
    assert parse_byline("来源：嘉兴日报 作者：本报记者 沈佳 通讯员 李明") == Byline(
        author="沈佳、李明", source="嘉兴日报"
    )
    assert parse_byline("作者：本报记者王强") == Byline(author="王强")


def test_an_outlets_reporter_role_before_the_name_is_not_part_of_it() -> None:
    assert parse_byline("作者：南方周末记者 师小涵") == Byline(author="师小涵")
    assert parse_byline("作者：嘉兴日报记者 沈佳 李明") == Byline(author="沈佳、李明")


def test_system_administrator_as_publisher_means_no_author() -> None:
    assert parse_byline("发布者：系统管理员 发布时间：2022-11-03") == Byline(published="2022-11-03")


def test_signing_date_is_kept_apart_from_the_release_date() -> None:
    assert parse_byline("发文机关： | 湖州市科学技术局 | 成文日期： | 2023-04-10") == Byline(
        source="湖州市科学技术局", written="2023-04-10"
    )
    assert parse_byline("文号： | 湖科发〔2023〕9号 | 发布日期： | 2023-04-14") == Byline(
        published="2023-04-14"
    )


def test_labels_padded_with_spaces_to_a_column_width_are_read() -> None:
    assert parse_byline("时 间：2022-11-03 来　　源：市政府办公室") == Byline(
        source="市政府办公室", published="2022-11-03"
    )


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("記者楊漢聲、趙蔡州／台東報導", "楊漢聲、趙蔡州"),
        ("大陸中心／李育道報導", "李育道"),
        ("聯合報／ 編譯茅毅、記者謝守真／綜合報導", "茅毅、謝守真"),
        ("編輯 陳妍如 報導", "陳妍如"),
        ("上報快訊／鍾知諭、袁維駿 2023年08月30日 14:50:00", "鍾知諭、袁維駿"),
        ("2020-10-04 15:05聯合報 記者林宸誼／即時報導", "林宸誼"),
    ],
)
def test_taiwanese_reporter_credits_name_the_reporters(line: str, author: str) -> None:
    byline = parse_byline(line)
    assert byline is not None and byline.author == author


@pytest.mark.parametrize("line", ["编译模型", "编辑模式"])
def test_a_role_word_run_into_a_word_is_a_heading_not_a_credit(line: str) -> None:
    # A tutorial's step (<strong>编译模型</strong>, "compile the model") is not
    # a translator called 模型.
    byline = parse_byline(line)
    assert byline is None or byline.author is None


@pytest.mark.parametrize(("line", "author"), [("記者楊漢聲", "楊漢聲"), ("编译 茅毅", "茅毅")])
def test_a_reporter_or_a_spaced_role_alone_still_names_the_writer(line: str, author: str) -> None:
    byline = parse_byline(line)
    assert byline is not None and byline.author == author


@pytest.mark.parametrize("line", ["00:01:00 播客制作者育承", "文字工作者王五", "独立创作者李四"])
def test_a_producer_a_worker_or_a_creator_is_no_writer_s_credit(line: str) -> None:
    # 制作者, 工作者, 创作者 end in 作者 ("author") but credit no one: a show's time stamp.
    byline = parse_byline(line, strict=True)
    assert byline is None or byline.author is None


@pytest.mark.parametrize(("line", "author"), [("撰文者平松類", "平松類"), ("执笔者 王强", "王强")])
def test_the_writer_named_as_the_one_who_wrote_it_is_the_author(line: str, author: str) -> None:
    # 商業周刊's health site: <em class="authorname"><span>撰文者</span>平松類</em>.
    byline = parse_byline(line, strict=True)
    assert byline is not None and byline.author == author


def test_a_row_of_days_labelled_after_them_gives_the_day_it_was_created() -> None:
    # Hexo's Redefine theme: each day twice (desktop, phone), its hover label after it.
    row = "\u00a0 2024-10-26 2024-10-26 创建 \u00a0 2025-08-05 23:21:33 2025-08-05 23:21:33 更新"
    assert parse_byline(row) == Byline(published="2024-10-26")
    assert parse_byline("2025-08-05 23:21:33 更新") == Byline(written="2025-08-05T23:21:33+08:00")


def test_a_school_s_credits_name_the_writer_not_the_photographer_or_the_class() -> None:
    # A school's student-union page: 撰稿 / 图片 / 审核 / 排版, each with a class.
    row = "撰稿：高二9班 熊箐岚 图片：高三8班 王仁杰 审核：董纯雪  吴元林 排版：陈宇"
    byline = parse_byline(row)
    assert byline is not None and byline.author == "熊箐岚"


def test_a_desk_s_credit_names_no_one() -> None:
    byline = parse_byline("社會中心／綜合報導")
    assert byline is None or byline.author is None


def test_a_reporter_s_credit_in_front_of_a_labelled_date_gives_both() -> None:
    byline = parse_byline("陳宥蓁／綜合報導 發布時間： 2023-08-22 18:28")
    assert byline == Byline("陳宥蓁", None, "2023-08-22T18:28:00+08:00")


def test_a_taiwanese_byline_under_the_headline_beats_the_site_name_and_is_no_paragraph() -> None:
    article = normalize((PAGES / "tw_news_byline.html").read_bytes())
    assert article.author == "楊漢聲、趙蔡州"
    assert not any("報導" in block.text for block in article.blocks)


@pytest.mark.parametrize(
    ("paragraph", "author"),
    [
        ("警方將進一步釐清死因。（王煌忠／台中報導）", "王煌忠"),
        ("将重创全球最脆弱的群体。（记者 杨啸林）", "杨啸林"),
        ("核处理水排放问题。（译者：王嘉语/核稿：严思祺）", None),
        ("当地时间周二晚间举行。（完）", None),
        ("目前全国共有三家。（中央社）", None),
    ],
)
def test_a_credit_closing_the_text_names_the_reporter_and_nothing_else_does(
    paragraph: str, author: str | None
) -> None:
    assert closing_credit(paragraph) == author


def test_a_closing_credit_beats_the_site_name_in_the_markup() -> None:
    article = normalize((PAGES / "tw_news_closing_credit.html").read_bytes())
    assert article.author == "王煌忠"


def test_a_disclosure_template_s_field_list_dates_the_page_not_its_related_reading() -> None:
    # 万载县人民政府's template: 生成日期 in a <dl> of labelled fields over the
    # headline, a related reading's date under it, a PubDate of the page's
    # last regeneration in the markup.
    article = normalize((PAGES / "gov_field_list_related_story.html").read_bytes())
    assert article.published == "2023-05-11"
    assert not any("图文解读" in block.text for block in article.blocks)


def test_a_related_reading_s_date_under_the_headline_is_not_the_article_s() -> None:
    page = (
        "<html><body><h1>全县秋粮收购工作有序推进</h1>"
        "<div class='rel'><h3>关联稿件：</h3><ul><li>"
        "<a href='/a/1.shtml'>图文解读：全县秋粮收购政策问答</a> <span>2023-07-12</span>"
        "</li></ul></div><div class='content'>"
        "<p>入秋以来，全县各收购网点陆续开秤，粮食部门组织人员深入乡镇，做好政策宣传和质量检验服务。</p>"
        "<p>截至目前，全县已收购秋粮一万余吨，收购价格保持平稳，农户交售积极性较高。</p>"
        "</div></body></html>"
    )
    assert normalize(page.encode()).published is None


def test_a_generation_date_field_is_a_publication_date() -> None:
    assert parse_byline("生成日期： 2023-05-11", strict=True) == Byline(None, None, "2023-05-11")


def test_a_byline_row_s_link_and_word_count_are_no_part_of_the_name() -> None:
    found = parse_byline("2023年04月20日 作者: 李祯 文章链接 21024字 42分钟阅读")
    assert found is not None and found.author == "李祯"


def test_a_forum_poster_s_handle_before_his_posting_time_is_the_author() -> None:
    found = parse_byline("gensmusic 发表于 2023-06-12 21:37")
    assert found is not None and found.author == "gensmusic"


@pytest.mark.parametrize("line", ["© 著作权归作者所有", "编辑于 2014-09-25 • 举报 • 作者保留权利"])
def test_a_rights_notice_names_no_author(line: str) -> None:
    found = parse_byline(line)
    assert found is None or found.author is None


def test_a_translated_paper_s_byline_in_capitals_names_the_reporter() -> None:
    found = parse_byline("ERIK ECKHOLM 报道 2012年08月02日")
    assert found is not None and found.author == "ERIK ECKHOLM"


def test_the_writer_s_name_before_the_date_and_source_labels_is_the_author() -> None:
    found = parse_byline("克雷西 2023-09-13 10:00:39 来源：量子位")
    assert found is not None and (found.author, found.source) == ("克雷西", "量子位")


def test_a_font_size_switch_over_a_date_led_byline_row_is_no_author() -> None:
    article = normalize((PAGES / "tw_news_font_size_byline.html").read_bytes())
    assert article.author == "林宸誼"
    assert not any("A+" in block.text for block in article.blocks)


def test_a_bracketed_credit_opening_the_text_under_a_caption_names_the_reporter() -> None:
    article = normalize((PAGES / "tw_news_opening_credit.html").read_bytes())
    assert article.author == "巫其倫"


def test_a_news_desk_s_credit_opening_the_text_names_no_one() -> None:
    assert opening_credit("〔即時新聞／綜合報導〕國內疫情持續升溫，指揮中心今日宣布") is None


def test_a_row_of_spaced_names_lists_writers_and_a_dateline_or_menu_does_not() -> None:
    assert names_row("葛翔宇\u3000胡永放") == "葛翔宇、胡永放"
    assert names_row("关亮亮 韩智琼 张济伟") == "关亮亮、韩智琼、张济伟"
    assert names_row("克雷西 发自 凹非寺") is None  # a name and where it was sent from
    assert names_row("张三") is None  # one word alone may be anything
    assert names_row("首页 工作动态 政策文件") is None


def test_a_login_after_the_uploader_label_is_no_author_but_a_name_is() -> None:
    assert parse_byline("日期：2020-12-02 09:37:09 发布人：twzx 浏览量：30") == Byline(
        None, None, "2020-12-02T09:37:09+08:00"
    )
    assert parse_byline("发布人：张红 发布时间：2020-12-02") == Byline("张红", None, "2020-12-02")


def test_a_date_label_run_into_the_source_closes_it() -> None:
    assert parse_byline("来源：中新网时间：2020-07-23") == Byline(None, "中新网", "2020-07-23")


def test_a_headline_names_its_writer_only_after_an_office_and_before_a_colon() -> None:
    assert headline_writer("特约研究员 周春明：推进马克思主义大众化的两个重要基础") == "周春明"
    assert headline_writer("茉莉：我是怎样卷入八九民运的") is None  # no office: a name or a topic
    assert headline_writer("北京 上海：两地联合发布通知") is None


def test_the_editor_in_the_author_meta_is_no_author_and_the_reporter_under_the_text_is() -> None:
    # <meta name="author"> holds 青网新闻杨逸凡, whom the page credits as 责任编辑;
    # the credit closing the text names the reporter before its source.
    page = (PAGES / "news_editor_in_author_meta.html").read_text("utf-8")
    article = normalize(page)
    assert (article.author, article.source) == ("魏其濛", "中国青年报")
    credit_line = "<p>　　中青报·中青网记者 魏其濛 来源：中国青年报</p>"
    assert normalize(page.replace(credit_line, "")).author is None
    assert parse_byline("中青报·中青网记者 魏其濛 来源：中国青年报", strict=True) == Byline(
        "魏其濛", "中国青年报"
    )


def test_a_reporter_named_at_the_head_of_the_first_paragraph_is_the_author() -> None:
    article = normalize((PAGES / "gov_reporter_opening_the_text.html").read_text("utf-8"))
    assert (article.author, article.source) == ("梁爽", "辽阳日报")
    assert opening_credit("新华社北京5月19日电（刘艺、杨吉）中国科学院专家19日介绍") == "刘艺、杨吉"
    assert opening_credit("本报讯（记者 李四 通讯员 王五）近日，某地召开会议。") == "李四"
    assert opening_credit("长江网10月4日讯（记者陈智整合） 国庆中秋长假过半") == "陈智"
    assert opening_credit("记者来到现场，看到工人们正在忙碌。") is None
    assert opening_credit("新华社北京5月19日电 中国科学院专家19日介绍") is None


def test_labelled_spans_set_side_by_side_without_a_space_are_read_apart() -> None:
    line = "作者：谷慧文来源：海洋生命学院发布时间：2024-09-25"
    assert parse_byline(line) == Byline(
        author="谷慧文", source="海洋生命学院", published="2024-09-25"
    )
    # Only after a label that opens the line: a name in running text stays whole.
    assert parse_byline("原文来源：人民日报") == Byline(source="人民日报")


def test_a_college_news_page_with_glued_byline_spans_and_a_null_meta_author() -> None:
    article = normalize_file(PAGES / "college_news_glued_byline.html")
    assert (article.author, article.source, article.published) == (
        "王明远",
        "海洋学院",
        "2024-09-25",
    )


def test_a_cms_s_null_in_the_author_meta_names_no_one() -> None:
    assert normalize_file(PAGES / "profile_bare_title.html").author is None


def test_a_bare_date_under_the_text_counts_in_a_row_that_counts_readers() -> None:
    # 聚合物水泥防水涂料 2019-8-8 本文被阅读 627 次: a posting row, not a signature.
    article = normalize_file(PAGES / "product_page_date_under_text.html")
    assert article.published == "2019-08-08"


def test_a_byline_listed_for_screen_readers_names_its_author() -> None:
    # BBC News 中文 lists its byline as key, value items: Author, 李雨梦 / Role, BBC中文记者.
    assert parse_byline("Author, 李雨梦") == Byline(author="李雨梦")
    assert parse_byline("Author, critic, and translator of the essays", strict=True) is None


def test_a_reporter_credited_after_the_last_sentence_without_brackets_is_the_author() -> None:
    assert closing_credit("区领导汤晓强、卓大林等参加会议。记者李秋晨") == "李秋晨"
    assert closing_credit("他说：“我是记者。”记者 王强 李明") == "王强、李明"
    assert closing_credit("我们采访了当地记者张明") is None  # inside a sentence


def test_a_reporters_name_over_the_paper_he_writes_for_is_the_author() -> None:
    # 王培民/华商报 under a portal's headline: the paper's reporter.
    assert parse_byline("王培民/华商报", strict=True) == Byline(author="王培民")
    assert parse_byline("新华社/人民网", strict=True) is None  # two outlets
    assert parse_byline("上海/浦东新区", strict=True) is None


@pytest.mark.parametrize(
    ("paragraph", "author"),
    [
        ("据新华社拉萨电（记者 格桑边觉）记者近日从西藏自治区农业农村厅了解到", "格桑边觉"),
        ("新华网巴黎4月17日专电(记者尚栩)中国清朝乾隆皇帝的一方御用私人印章", "尚栩"),
        ("（中央社記者蘇思云台北23日電）數位部推動數據公益政策", "蘇思云"),
        ("（中央社記者王明台北23日電）數位部今天表示", "王明"),
        ("（中央社記者王小明、李大同高雄23日電）高雄市政府今天表示", "王小明、李大同"),
    ],
)
def test_an_agency_dispatch_opening_the_text_names_its_reporters(
    paragraph: str, author: str
) -> None:
    assert opening_credit(paragraph) == author


def test_a_word_ending_in_dian_before_a_bracket_is_no_dispatch() -> None:
    assert opening_credit("国家电网（张三）今天发布公告") is None
    assert opening_credit("用电（李明）") is None


def test_a_writer_named_by_his_handle_is_named_without_the_at_sign() -> None:
    assert parse_byline("作者丨 @忘川", strict=True) == Byline(author="忘川")
    assert parse_byline("作者：＠忘川", strict=True) == Byline(author="忘川")


def test_a_link_to_a_job_notice_for_interns_credits_no_one() -> None:
    assert parse_byline("磐石科研实习生招聘启事", strict=True) is None
    assert parse_byline("本报实习生 刘国栋", strict=True) == Byline(author="刘国栋")


@pytest.mark.parametrize(
    ("row", "author", "published"),
    [
        ("A-肖老师-树谷学院 于 2024-05-06 15:47:53 发布", "A-肖老师-树谷学院",
         "2024-05-06T15:47:53+08:00"),
        ("原创 Marilynmontu 最后发布于2018-06-09 11:50:19 阅读数 1133 收藏", "Marilynmontu",
         "2018-06-09T11:50:19+08:00"),
        ("crispsea 已于 2024-11-19 16:16:18 修改", "crispsea", None),
    ],
)  # fmt: skip
def test_a_blog_platforms_posting_row_names_the_blogger_and_the_day(
    row: str, author: str, published: str | None
) -> None:
    assert parse_byline(row, strict=True) == Byline(author=author, published=published)


def test_no_posting_row_is_read_into_another_articles_date_a_sentence_or_a_label() -> None:
    assert parse_byline("最新推荐文章于 2024-03-05 18:15:56 发布", strict=True) is None
    assert parse_byline("会议于2024年5月6日在北京召开", strict=True) is None
    assert parse_byline("本文于2024-05-06 发布", strict=True) is None
    assert parse_byline("发表于2022-10-17 更新于2022-11-09", strict=True) == Byline(
        published="2022-10-17"
    )
