"""Periodicals' issues: a weekly whose headline holds the issue and the
site's name that its <title> sets apart, and a digest of links whose body
the page's microdata marks (itemprop="articleBody").

The markup is trimmed from real saved pages; each names its origin.
"""

from __future__ import annotations

from pathlib import Path

from g60pub.normalize import normalize, normalize_file

PAGES = Path(__file__).parent / "data" / "pages"


def test_a_heading_holding_every_part_of_the_title_is_the_headline_in_full() -> None:
    article = normalize_file(PAGES / "mkdocs_weekly_issue.html")
    assert article.title == "生信爱好者周刊（第 25 期）：从事生信工作，究竟是远见者，还是工具人？"
    assert article.blocks[0].text == "这里记录每周值得分享的生信相关内容，周日发布。"


def _digest(items: str) -> bytes:
    # 东岳 / Dev Comm Shanghai's weekly (dyweb/weekly, Jekyll minima), trimmed:
    # docs/weekly/2015/10/14/weekly.html.
    return (
        '<html><head><meta charset="utf-8"><title>Weekly</title></head><body>'
        '<header class="site-header"><a class="site-title" href="/">Dev Comm Shanghai 联合周报</a>'
        '<nav class="site-nav"><a class="page-link" href="/about/">About</a></nav></header>'
        '<main class="page-content"><div class="wrapper">'
        '<article class="post" itemscope itemtype="http://schema.org/BlogPosting">'
        '<header class="post-header"><h1 class="post-title" itemprop="name headline">Weekly</h1>'
        '<p class="post-meta"><time datetime="2015-10-14T00:00:00+00:00" itemprop="datePublished">'
        'Oct 14, 2015</time> • <span itemprop="author" itemscope itemtype="http://schema.org/Person">'
        '<span itemprop="name">东岳</span></span></p></header>'
        f'<div class="post-content" itemprop="articleBody">{items}</div>'
        "</article></div></main>"
        '<footer class="site-footer"><h2 class="footer-heading">Dev Comm Shanghai 联合周报</h2>'
        '<ul class="social-media-list"><li><a href="https://github.com/dyweb">dyweb</a></li>'
        "</ul></footer></body></html>"
    ).encode()


_ITEMS = (
    "<h1>Weekly 10/07 - 10/14</h1><p>周报第二期</p>"
    "<h2>项目</h2><ul>"
    '<li><a href="https://github.com/dyweb/ring">php处理文件&amp;图片上传的封装 ring</a></li>'
    '<li><a href="https://github.com/junegunn/vim-plug">Vim 插件管理</a></li>'
    '<li><a href="https://github.com/hoisie/web">使用 Go 语言开发 Web</a></li></ul>'
    "<h2>学习</h2><ul>"
    '<li><a href="https://github.com/gokulkrishh/ES6-Examples">ES6示例</a></li>'
    '<li><a href="https://github.com/prerender/prerender">前端使用 MV* 框架时的 SEO优化</a></li>'
    '<li><a href="http://code.tutsplus.com/courses/php-fundamentals">php入门视频教程</a>'
    " Jeffery way的经典教程。下载请自行解决，吃外卖时观看效果更佳。</li></ul>"
)


def test_the_links_of_a_digest_whose_body_the_markup_marks_are_its_text() -> None:
    article = normalize(_digest(_ITEMS))
    texts = [block.text for block in article.blocks]
    assert "Vim 插件管理" in texts
    assert "前端使用 MV* 框架时的 SEO优化" in texts
    assert texts[-1].startswith("php入门视频教程")
    # The site's header, footer and its links stay out.
    assert not any("About" in t or t == "dyweb" for t in texts)


def test_links_under_a_marked_body_of_prose_stay_out_of_its_text() -> None:
    prose = (
        "<p>本周我们讨论了前端工程化的几个问题，包括构建工具的选择、依赖管理以及测试的组织方式。</p>"
        "<p>大家一致认为，工具应当服务于内容，少纠结选什么工具，多生产些内容。</p>"
        '<p><a href="/weekly/2015/10/07/">上一期</a></p>'
    )
    texts = [block.text for block in normalize(_digest(prose)).blocks]
    assert texts[0].startswith("本周我们讨论了")
    assert "上一期" not in texts


def test_a_storys_related_links_inside_its_marked_body_stay_out_of_its_text() -> None:
    # A news site's column (ettoday's 雲論, 2014) marks the story and the list of
    # the writer's other columns under it as one articleBody.
    prose = "".join(
        f"<p>{text}</p>"
        for text in (
            "台灣九合一選舉揭曉，選前儘管大打經濟牌，工商業大老們也強力對經濟選民喊話，"
            "但是似乎沒有發生預期效果，讓部分人士誤認為選民不理性。",
            "選舉的結果讓許多人對繼續推動加入區域經貿組織產生疑慮，"
            "政府部門對於經濟政策的擬定事先應做好溝通，讓民眾了解利弊得失。",
            "特別是未來經濟走向勢必要與他國做經貿結盟，無論是間接擁抱世界還是直接面對世界，"
            "都有它的風險，應將真相向全民說明。",
        )
    )
    related = "".join(
        f'<li><a href="/news/{n}">{title}</a></li>'
        for n, title in enumerate(
            (
                "彭明輝／台灣真的會更好嗎？",
                "彭明輝／火車出軌不能只想換司機",
                "快評／基神，歡迎回到凡間！",
                "這次選舉是鍵盤世代贏了嗎？",
                "中國國民黨與蜀漢王朝",
                "台電員工：電費根本不用漲！",
            )
        )
    )
    texts = [block.text for block in normalize(_digest(f"{prose}<ul>{related}</ul>")).blocks]
    assert texts[0].startswith("台灣九合一選舉揭曉")
    assert not any("彭明輝" in t or "蜀漢" in t for t in texts)
