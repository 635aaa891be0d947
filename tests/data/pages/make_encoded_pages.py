# ruff: noqa: E501 -- Chinese text and HTML lines are kept whole, as a reader compares them.
"""Write the test pages whose bytes are not UTF-8 (or must carry a BOM).

Run from anywhere: ``python tests/data/pages/make_encoded_pages.py``. The
output files are committed; this script documents how they were made.
"""

from __future__ import annotations

import codecs
from pathlib import Path

HERE = Path(__file__).parent

GB2312_PAGE = """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>嘉兴市召开科技创新大会表彰陶喆王珺等科技标兵_嘉兴新闻_嘉兴市科学技术局</title>
</head>
<body>
<div class="top"><a href="/">首页</a> | <a href="/xw/">新闻中心</a> | <a href="/zc/">政策法规</a> | <a href="/bs/">办事服务</a></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xw/">嘉兴新闻</a></div>
<div class="article">
<h2 class="title">嘉兴市召开科技创新大会表彰陶喆王珺等科技标兵</h2>
<div class="info">发布时间：2018-03-02 15:20　　信息来源：嘉兴市科学技术局　　浏览次数：318</div>
<div class="content">
<p>　　3月2日，嘉兴市科技创新大会在市行政中心召开。会议回顾了朱镕基同志当年考察嘉兴时提出的“科技兴市”要求，总结了过去一年全市科技创新工作。</p>
<p>　　会上，陶喆、王珺等十名科技工作者获得“嘉兴市科技创新标兵”称号。他们在新材料、数字经济等领域取得突出成绩，带动了一批企业转型升级。</p>
<p>　　会议要求，全市上下要主动融入G60科创走廊建设，加快打造长三角核心区科技创新高地。</p>
</div>
<div class="bottom">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
<div class="footer">版权所有：嘉兴市科学技术局　浙ICP备05012345号</div>
</body>
</html>
"""

BIG5_PAGE = """<!DOCTYPE html>
<html>
<head>
<meta charset="big5">
<title>長三角科創合作再升級 - 香港經濟新聞網</title>
</head>
<body>
<ul class="nav"><li><a href="/">首頁</a></li><li><a href="/finance">財經</a></li><li><a href="/tech">科技</a></li></ul>
<div class="news">
<h1>長三角科創合作再升級</h1>
<div class="byline">2019年5月20日 09:32　來源：香港經濟新聞網　作者：陳大文　編輯：李小明</div>
<div class="article-content">
<p>長三角三省一市昨日在上海簽署新一輪科技創新合作協議，推動區域創新資源開放共享。</p>
<h3>共建研發平臺</h3>
<p>根據協議，各方將聯合建設重大科研設施，並設立跨區域技術轉移中心，為企業提供一站式服務。</p>
<p>業界人士認為，這將進一步鞏固長三角作為國家創新高地的地位。</p>
</div>
<div class="share">分享到：<a href="#">微博</a> <a href="#">微信</a></div>
</div>
<div class="footer">Copyright 2019 香港經濟新聞網 版權所有</div>
</body>
</html>
"""

WRONG_CHARSET_PAGE = """<html>
<head>
<meta charset="utf-8">
<title>松江区推进科创走廊建设_松江新闻</title>
</head>
<body>
<div id="main">
<h1>松江区推进科创走廊建设</h1>
<p>发布日期：2020-09-15 来源：松江区科委</p>
<div class="TRS_Editor">
<p>松江区近日出台若干措施，支持企业在G60科创走廊设立研发中心，对符合条件的项目给予资金补助。</p>
<p>区科委表示，将持续优化营商环境，吸引更多创新要素向松江集聚。</p>
</div>
</div>
</body>
</html>
"""

BOM_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<title>杭州发布数字经济新政 | 杭州日报</title>
</head>
<body>
<header class="site-header"><nav><a href="/">首页</a> <a href="/news">新闻</a> <a href="/city">城事</a></nav></header>
<main>
<h1 class="article-title">杭州发布数字经济新政</h1>
<p class="meta">作者：王芳　来源：杭州日报　时间：2021年06月01日</p>
<div class="article-body">
<p>杭州市政府日前发布《关于加快数字经济发展的若干意见》，提出到2025年数字经济核心产业增加值达到七千亿元。</p>
<p>意见明确，杭州将重点发展人工智能、集成电路和云计算等产业，并加大对创新型中小企业的扶持力度。</p>
</div>
</main>
<footer>© 2021 杭州日报 浙ICP备08000000号</footer>
</body>
</html>
"""

# Font soup in one table cell: a bold title, a reporter line, then
# paragraphs separated by single <br> with the customary indentation.
FONT_SOUP_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>松江新闻</title></head><body>
<table width="760"><tr><td class="lm">松江新闻</td></tr><tr><td>
<font size=5><b>松江G60科创走廊新添一批重大项目</b></font><br>
<font size=2 color=#666666>本报记者 王强 李明　2019-06-01</font><br><br>
<font size=3>　　6月1日，松江区举行重大项目集中签约活动，共签约项目二十个，总投资约三百亿元。<br>　　这些项目主要集中在集成电路、生物医药和智能制造领域。<br>　　区领导出席签约活动并致辞。</font>
</td></tr></table>
<p>上一篇：<a href="/n/1.html">松江召开人才工作会议</a></p>
</body></html>
"""


PROVINCE_POLICY_PAGE = """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<meta name="ArticleTitle" content="浙江省人民政府办公厅关于印发浙江省长三角G60科创走廊协同创新促进办法的通知">
<meta name="PubDate" content="2021-09-28 16:30">
<meta name="ContentSource" content="浙江省人民政府办公厅">
<title>浙江省人民政府办公厅关于印发浙江省长三角G60科创走廊协同创新促进办法的通知</title>
<script type="text/javascript" src="/js/jquery.min.js"></script>
</head>
<body>
<div class="header"><img src="/images/banner.jpg" alt="浙江省人民政府"></div>
<div class="nav"><a href="/">首页</a><a href="/col/col1/">要闻动态</a><a href="/col/col2/">政务公开</a><a href="/col/col3/">政策文件</a><a href="/col/col4/">政务服务</a></div>
<div class="crumb">您现在的位置：<a href="/">首页</a> &gt; <a href="/col/col3/">政策文件</a> &gt; <a href="/col/col31/">省政府办公厅文件</a></div>
<div class="main">
<table class="xxgk_table" width="100%" border="1" cellspacing="0" cellpadding="0">
<tr><td class="label">索引号：</td><td>002482070/2021-12345</td><td class="label">主题分类：</td><td>科技、教育</td></tr>
<tr><td class="label">发文机关：</td><td>浙江省人民政府办公厅</td><td class="label">成文日期：</td><td>2021-09-26</td></tr>
<tr><td class="label">标　　题：</td><td colspan="3">浙江省人民政府办公厅关于印发浙江省长三角G60科创走廊协同创新促进办法的通知</td></tr>
<tr><td class="label">发文字号：</td><td>浙政办发〔2021〕58号</td><td class="label">发布日期：</td><td>2021-09-28</td></tr>
</table>
<div class="article">
<h2 class="title">浙江省人民政府办公厅关于印发浙江省长三角G60科创走廊协同创新促进办法的通知</h2>
<p class="fwzh" style="text-align:center">浙政办发〔2021〕58号</p>
<div class="zoom" id="zoom">
<p>各市、县（市、区）人民政府，省政府直属各单位：</p>
<p>　　《浙江省长三角G60科创走廊协同创新促进办法》已经省政府同意，现印发给你们，请结合实际认真贯彻执行。</p>
<p style="text-align:center"><strong>浙江省长三角G60科创走廊协同创新促进办法</strong></p>
<p>　　第一条　为推进长三角G60科创走廊协同创新，促进创新资源跨区域流动，根据有关法律法规和国家有关规定，结合本省实际，制定本办法。</p>
<p>　　第二条　本办法适用于本省嘉兴、杭州、湖州、金华等地参与G60科创走廊建设的协同创新活动。</p>
<p>　　第三条　省科技厅负责统筹协调协同创新工作，会同省发展改革委、省经信厅等部门建立工作推进机制。</p>
<p>　　第四条　鼓励企业、高校和科研院所与走廊沿线城市共建研发平台，对绩效评价优秀的平台按规定给予支持。</p>
<p>　　第五条　本办法自2021年11月1日起施行。</p>
<p>　　附件：<a href="/art/2021/9/28/fj1.docx">1. 浙江省长三角G60科创走廊协同创新项目申报指南.docx</a></p>
<p>　　　　　<a href="/art/2021/9/28/fj2.xlsx">2. 重点平台建设任务分解表.xlsx</a></p>
<p style="text-align:right">浙江省人民政府办公厅</p>
<p style="text-align:right">2021年9月26日</p>
<p>　　（此件公开发布）</p>
</div>
</div>
<div class="print">【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</div>
</div>
<div class="footer">
<p>主办：浙江省人民政府办公厅　承办：浙江省大数据发展管理局</p>
<p>网站标识码：3300000068　浙ICP备05003876号　浙公网安备 33010602000011号</p>
</div>
</body>
</html>
"""

MUNICIPAL_SPANS_PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>嘉兴市科技局召开G60科创走廊协同创新推进会</title>
<style type="text/css">.con{font-size:16px;line-height:2em}</style>
</head>
<body>
<div class="top"><div class="w1000"><a href="/">嘉兴市科学技术局</a> <a href="http://www.jiaxing.gov.cn/">嘉兴市人民政府</a> 2022年11月3日 星期四</div></div>
<div class="menu"><ul><li><a href="/">首页</a></li><li><a href="/col/col1/">机构概况</a></li><li><a href="/col/col2/">新闻动态</a></li><li><a href="/col/col3/">政务公开</a></li><li><a href="/col/col4/">互动交流</a></li></ul></div>
<div class="w1000">
<div class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/col/col2/">新闻动态</a> &gt; <a href="/col/col21/">工作动态</a></div>
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td class="wztitle" align="center">嘉兴市科技局召开G60科创走廊协同创新推进会</td></tr>
<tr><td align="center" class="wzinfo">
<span>时间：2022年11月3日</span>&nbsp;&nbsp;&nbsp;<span>信息来源：嘉兴市科技局</span>&nbsp;&nbsp;&nbsp;<span>浏览次数：<script>document.write(356)</script></span>&nbsp;&nbsp;&nbsp;<span>【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</span>
</td></tr>
<tr><td class="bt_content" id="zoom">
<p style="text-indent:2em">11月2日，嘉兴市科技局召开G60科创走廊协同创新推进会，总结今年以来全市融入走廊建设的进展，部署下一阶段重点工作。</p>
<p style="text-indent:2em">会议通报，今年前三季度，全市与走廊沿线城市联合实施科技项目四十八项，引进共建创新载体十一家，技术交易额同比增长百分之二十六。</p>
<p style="text-indent:2em">会议要求，各县（市、区）要围绕产业链部署创新链，加快推进长三角（嘉兴）科技成果转化中心建设，力争年底前再引进一批高水平研发机构。</p>
</td></tr>
<tr><td align="right" class="bt_link">【<a href="javascript:window.print()">打印本页</a>】&nbsp;&nbsp;【<a href="javascript:window.opener=null;window.close()">关闭窗口</a>】</td></tr>
</table>
</div>
<div class="footer">
<p>主办单位：嘉兴市科学技术局　地址：嘉兴市南湖区行政中心　邮编：314000</p>
<p>网站标识码：3304000012　浙ICP备05012345号　浙公网安备 33040202000123号</p>
</div>
</body>
</html>
"""


def write_pages() -> None:
    (HERE / "gb2312_declared_gbk_bytes.html").write_bytes(GB2312_PAGE.encode("gb18030"))
    (HERE / "big5_traditional.html").write_bytes(BIG5_PAGE.encode("big5hkscs"))
    (HERE / "utf8_declared_but_gbk_bytes.html").write_bytes(WRONG_CHARSET_PAGE.encode("gbk"))
    (HERE / "gbk_font_soup.html").write_bytes(FONT_SOUP_PAGE.encode("gbk"))
    (HERE / "utf8_bom.html").write_bytes(codecs.BOM_UTF8 + BOM_PAGE.encode("utf-8"))
    (HERE / "province_policy_gbk.html").write_bytes(PROVINCE_POLICY_PAGE.encode("gbk"))
    (HERE / "municipal_spans_bom.html").write_bytes(
        codecs.BOM_UTF8 + MUNICIPAL_SPANS_PAGE.encode("utf-8")
    )
    # GBK declared, but the body holds bytes no Chinese encoding accepts.
    broken = GB2312_PAGE.encode("gb18030").replace("获得".encode("gb18030"), b"\x81\x20\xff\xff")
    (HERE / "undecodable.html").write_bytes(broken)
    garbage = bytes((i * 193 + 71) % 256 for i in range(4096))
    (HERE / "binary_garbage.bin").write_bytes(garbage)
    (HERE / "empty.html").write_bytes(b"")


if __name__ == "__main__":
    write_pages()
