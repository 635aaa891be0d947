"""Hostile markup in sources never reaches any edition.

A scratch project holds pages carrying every trick in the issue (scripts,
event handlers, javascript:/data: URLs plain and obfuscated, embedded
documents, forms, <base>, refresh, CSS expressions, JSON-LD breaking out of
its script, a javascript: og:url, markup characters in titles). After a real
build every output is parsed: each HTML page, each XHTML file inside each
EPUB, each TXT, the download page and the QA report.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import lxml.etree as etree
import lxml.html
import pytest
from conftest import REPO, copy_project, run_build

from g60pub.editions.bookinfo import BookInfo, Phrase
from g60pub.editions.cover import CoverText, draw_cover
from g60pub.editions.epub import render_chapter, write_epub
from g60pub.editions.html import SiteInfo, render_index_pages
from g60pub.editions.lines import article_line
from g60pub.editions.ocf import pack
from g60pub.editions.variants import make_variant
from g60pub.editions.view import ArticleView, BlockView, Span
from g60pub.model import BlockKind

# Text only hostile markup carries; none of it may show anywhere.
MARK = "禁止出现"

VECTORS: dict[str, str] = {
    "script": f"<script>document.write('{MARK}')</script>",
    "svg-script": f"<svg><script>alert('{MARK}')</script></svg>",
    "svg-onload": f"<svg onload=\"alert('{MARK}')\"><desc>{MARK}</desc></svg>",
    "img-onerror": f"<img src=x onerror=\"alert('{MARK}')\">",
    "onclick": f"<span onclick=\"alert('{MARK}')\">点击事件文字</span>",
    "javascript-link": f"<a href=\"javascript:alert('{MARK}')\">链接一</a>",
    "javascript-upper": '<a href="JAVASCRIPT:alert(1)">链接二</a>',
    "javascript-tab": '<a href="java&#x09;script:alert(1)">链接三</a>',
    "javascript-entity": '<a href="&#106;avascript:alert(1)">链接四</a>',
    "data-link": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">链接五</a>',
    "data-img": '<img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;">',
    "iframe": f'<iframe src="https://evil.example/">{MARK}</iframe>',
    "iframe-srcdoc": f"<iframe srcdoc=\"&lt;script&gt;alert('{MARK}')&lt;/script&gt;\"></iframe>",
    "object": f'<object data="x.swf"><param name=a value=b>{MARK}</object>',
    "embed": '<embed src="x.swf" type="application/x-shockwave-flash">',
    "form": f'<form action="https://evil.example/"><input name=u value="{MARK}">'
    f'<button formaction="javascript:alert(1)">{MARK}</button></form>',
    "base": '<base href="https://evil.example/">',
    "refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "style-expression": f"<style>p {{ width: expression(alert('{MARK}')) }}</style>",
    "style-url": '<p style="background:url(javascript:alert(1))">样式属性里的段落文字要保留。</p>',
    "link-import": '<link rel="import" href="https://evil.example/x.html">',
    "template": f"<template><p>{MARK}</p></template>",
    "noscript": f"<noscript><p>{MARK}</p></noscript>",
    "math": f"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>{MARK}</style>"
    "</mglyph></table></mtext></math>",
    "math-href": '<math href="javascript:alert(1)"><mi>x</mi></math>',
    "xlink": '<svg><a xlink:href="javascript:alert(1)"><text>矢量链接</text></a></svg>',
}


def _page(body: str, head: str = "", title: str = "长三角科创走廊建设稳步推进") -> str:
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{title}</title>{head}</head>\n<body>\n"
        f"<h1>{title}</h1>\n<p>发布时间：2021-03-0{len(body) % 9 + 1}</p>\n"
        "<p>长三角G60科创走廊九城市日前签署合作协议，共同推进区域协同创新。</p>\n"
        f"{body}\n"
        "<p>各方将在产业链、创新链和人才链方面深化合作，打造高质量发展的重要引擎。</p>\n"
        "</body></html>\n"
    )


PAGES: dict[str, str] = {
    "vectors-body": _page(
        "\n".join(f"<p>段落{i}：{v}正文继续。</p>" for i, v in enumerate(VECTORS.values()))
    ),
    "vectors-head": _page(
        "<p>头部里的攻击都不能进入版本。</p>",
        head=VECTORS["script"]
        + VECTORS["base"]
        + VECTORS["refresh"]
        + VECTORS["link-import"]
        + VECTORS["style-expression"],
    ),
    "jsonld-breakout": _page(
        "<p>结构化数据不能逃出脚本元素。</p>",
        head='<script type="application/ld+json">{"@type":"NewsArticle",'
        '"headline":"标题</script><script>alert(\'' + MARK + "')</script>\","
        '"author":{"name":"<img src=x onerror=alert(1)>"}}</script>',
    ),
    "og-url": _page(
        "<p>文章地址不能成为脚本链接。</p>",
        head='<meta property="og:url" content="javascript:alert(1)">'
        '<link rel="canonical" href="data:text/html,hi">',
    ),
    "og-url-spaced": _page(
        "<p>带空白的脚本地址同样不能成为链接。</p>",
        head='<meta property="og:url" content=" &#x09;JaVaScRiPt:alert(1)">',
    ),
    "markup-characters": _page(
        '<p>作者：张&lt;三&gt; &amp; "李四"</p>'
        "<p>正文里的 a &lt; b &amp;&amp; c &gt; d 以及 &lt;script&gt; 字样必须作为文字显示。</p>",
        title="长三角 &lt;科创&gt; &amp; &quot;走廊&quot; &#39;规划&#39;",
    ),
}

DANGEROUS_TAGS = ("script", "iframe", "object", "embed", "form", "base", "input", "button",
                  "frame", "frameset", "applet", "textarea", "select")  # fmt: skip
URL_ATTRS = ("href", "src", "action", "formaction", "data", "srcdoc", "xlink:href",
             "{http://www.w3.org/1999/xlink}href", "poster", "background", "content")  # fmt: skip
BAD_URL = re.compile(r"^\s*(?:java\s*script|vb\s*script|data)\s*:", re.I)


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    project = copy_project(tmp)
    for slug, html in PAGES.items():
        (project / "sources" / f"{slug}.html").write_text(html, "utf-8")
    (project / "sources" / "scripted.html").write_bytes(
        (REPO / "tests/data/pages/hostile.html").read_bytes()
    )
    built = run_build(project, tmp / "output")
    assert not built.report.failures, built.report.failures  # type: ignore[attr-defined]
    return built.out


def _documents(out: Path) -> list[tuple[str, etree._Element]]:
    """Every HTML page and every XHTML/OPF/NCX file inside every EPUB, parsed."""
    docs = [
        (str(path.relative_to(out)), lxml.html.fromstring(path.read_bytes()))
        for path in sorted(out.rglob("*.html"))
    ]
    for book in sorted(out.rglob("*.epub")):
        with zipfile.ZipFile(book) as archive:
            for name in archive.namelist():
                if name.endswith((".xhtml", ".opf", ".ncx", ".html")):
                    root = etree.fromstring(archive.read(name))
                    docs.append((f"{book.name}!{name}", root))
    return docs


def _local(tag: object) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def test_the_hostile_pages_build_as_articles(hostile_out: Path) -> None:
    for slug in [*PAGES, "scripted"]:
        assert (hostile_out / f"html/zh-Hans/{slug}.html").is_file(), slug


def _site_switch(el: etree._Element) -> bool:
    """The site's own term-marks switch: its script file and its radio form."""
    tag = _local(el.tag)
    if tag == "script":
        return el.get("src") == "../marks.js" and not (el.text or "").strip()
    form = next((a for a in el.iterancestors() if _local(a.tag) == "form"), el)
    if tag == "input" and el.get("type") != "radio":
        return False
    return form.get("class") == "marks" and form.get("action") is None


def test_no_output_holds_a_dangerous_element(hostile_out: Path) -> None:
    for where, root in _documents(hostile_out):
        found = [
            _local(el.tag)
            for el in root.iter()
            if _local(el.tag) in DANGEROUS_TAGS
            and not _site_switch(el)
            and not _site_search_script(el)
        ]
        assert not found, (where, found)
        refresh = [
            el for el in root.iter()
            if _local(el.tag) == "meta" and (el.get("http-equiv") or "").lower() == "refresh"
        ]  # fmt: skip
        assert not refresh, where


def _site_search_script(el: etree._Element) -> bool:
    # The site's own search.js, loaded from the site, with no inline code.
    return _local(el.tag) == "script" and el.get("src") == "../search.js" and not el.text


def test_no_output_holds_an_event_handler_attribute(hostile_out: Path) -> None:
    for where, root in _documents(hostile_out):
        for el in root.iter():
            if isinstance(el.tag, str):
                handlers = [
                    a for a in el.attrib if etree.QName(a).localname.lower().startswith("on")
                ]
                assert not handlers, (where, el.tag, handlers)


def test_no_output_links_to_a_javascript_or_data_url(hostile_out: Path) -> None:
    for where, root in _documents(hostile_out):
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            for name, raw in el.attrib.items():
                value = str(raw)
                if name in URL_ATTRS or etree.QName(name).localname in URL_ATTRS:
                    assert not BAD_URL.match(value), (where, el.tag, name, value)
                assert "expression(" not in value.lower(), (where, name, value)
                assert "javascript:" not in value.lower().replace("\t", ""), (where, name, value)


def test_no_style_in_any_output_carries_a_css_trick(hostile_out: Path) -> None:
    # Pagefind's own stylesheets (the search interface) hold nothing of the sources.
    css = [p.read_text("utf-8") for p in hostile_out.rglob("*.css") if "pagefind" not in p.parts]
    for _where, root in _documents(hostile_out):
        css += [el.text or "" for el in root.iter() if _local(el.tag) == "style"]
        css += [el.get("style") or "" for el in root.iter() if isinstance(el.tag, str)]
    for sheet in css:
        lowered = sheet.lower()
        assert "expression(" not in lowered and "javascript" not in lowered
        assert "behavior" not in lowered and "-moz-binding" not in lowered


def test_no_text_of_hostile_markup_reaches_any_output(hostile_out: Path) -> None:
    for path in sorted(hostile_out.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix == ".epub":
            with zipfile.ZipFile(path) as archive:
                blobs = [archive.read(n) for n in archive.namelist()]
        else:
            blobs = [path.read_bytes()]
        for blob in blobs:
            text = blob.decode("utf-8", "replace")
            assert MARK not in text, path
            assert "alert(" not in text, path


def test_plain_text_editions_hold_no_script_url(hostile_out: Path) -> None:
    texts = sorted(hostile_out.rglob("*.txt"))
    assert texts
    for path in texts:
        assert "javascript:" not in path.read_text("utf-8").lower(), path


def test_markup_characters_in_a_title_show_as_text(hostile_out: Path) -> None:
    page = lxml.html.document_fromstring(
        (hostile_out / "html/zh-Hans/markup-characters.html").read_bytes()
    )
    shown = "".join(str(t) for t in page.itertext())
    title = "长三角 <科创> & \"走廊\" '规划'"
    assert title in (page.findtext(".//h1") or "") or title in shown
    assert "a < b && c > d" in shown
    assert "<script>" in shown
    index = lxml.html.fromstring((hostile_out / "index.html").read_bytes())
    assert not index.xpath("//script")
    text = (hostile_out / "txt").glob("*.zh-Hans.txt")
    assert any(title in p.read_text("utf-8") for p in text)


def test_markup_characters_survive_as_text_inside_the_epub(hostile_out: Path) -> None:
    book = next(hostile_out.glob("epub/*.zh-Hans.epub"))
    with zipfile.ZipFile(book) as archive:
        chapters = [
            etree.fromstring(archive.read(n)) for n in archive.namelist() if n.endswith(".xhtml")
        ]
    texts = ["".join(str(t) for t in ch.itertext()) for ch in chapters]
    assert any("a < b && c > d" in t for t in texts)


# The per-chapter and per-article lists are written in Python (epub.py and html.py), not
# by the autoescaping templates: each must escape what it inserts on its own.
HOSTILE = "<script>alert(1)</script> \"&' 标题"
HOSTILE_URL = "https://example.com/a?b=1&c=\"<x>\"&d='y'"
HOSTILE_SLUG = "a\"b<c>&'d"


def _hostile_view(variant_id: str, translated: bool) -> ArticleView:
    variant = make_variant(variant_id)
    english = variant.script is None

    def block(bid: str, kind: BlockKind) -> BlockView:
        if english and translated:
            return BlockView(bid, kind, None, (Span(HOSTILE),))
        return BlockView(bid, kind, (Span(HOSTILE),), None, missing=english)

    return ArticleView(
        slug=HOSTILE_SLUG,
        variant=variant,
        title=block('t"<1>', "heading"),
        blocks=(block("h\"<2>&'", "heading"), block("p3", "paragraph")),
        author=HOSTILE,
        source=HOSTILE,
        url=HOSTILE_URL,
        published="2021-03-04",
        date_text=HOSTILE,
        terms=(),
    )


LIST_CASES = [("en", True), ("en", False), ("zh-Hans", False), ("zh-Hant+en", True)]


@pytest.mark.parametrize(("variant_id", "translated"), LIST_CASES)
def test_epub_lists_escape_hostile_titles_headings_sources_and_links(
    variant_id: str, translated: bool
) -> None:
    view = _hostile_view(variant_id, translated)
    info = BookInfo(
        name="hostile",
        variant=view.variant,
        title="书",
        subtitle=None,
        publisher=Phrase("出版者", "zh-Hans"),
        date_iso="2021-03-04",
        date_text="2021-03-04",
        modified="2021-03-04T00:00:00Z",
        zip_time=(2021, 3, 4, 0, 0, 0),
    )
    cover = draw_cover(CoverText("书", "zh-Hans"), fonts=())
    data = write_epub(info, [article_line(view)], [pack(render_chapter(view))], cover).raw()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        raw = {n: archive.read(n) for n in ("EPUB/nav.xhtml", "EPUB/colophon.xhtml")}
        raw["EPUB/package.opf"] = archive.read("EPUB/package.opf")
    for name, blob in raw.items():
        text = blob.decode("utf-8")
        assert "<script" not in text and "alert(1)</" not in text, name
        root = etree.fromstring(blob)  # well-formed whatever the titles hold
        assert not [el for el in root.iter() if _local(el.tag) == "script"], name
    nav = etree.fromstring(raw["EPUB/nav.xhtml"])
    entries = [el for el in nav.iter() if _local(el.tag) == "a" and el.get("href", "") != ""]
    shown = ["".join(str(t) for t in a.itertext()) for a in entries]
    assert shown.count(HOSTILE) == 2  # the chapter's title and its heading
    assert "ch001.xhtml#h\"<2>&'" in [a.get("href") for a in entries]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#34;&amp;&#39; 标题" in raw[
        "EPUB/nav.xhtml"
    ].decode("utf-8")
    colophon = etree.fromstring(raw["EPUB/colophon.xhtml"])
    (item,) = [el for el in colophon.iter() if _local(el.tag) == "li"]
    opening, closing, colon = ("（", "）", "：") if view.variant.script else (" (", ")", ": ")
    assert "".join(str(t) for t in item.itertext()) == (
        f"{HOSTILE}{opening}{HOSTILE}{closing}{colon}{HOSTILE_URL}"
    )
    (link,) = [el for el in item.iter() if _local(el.tag) == "a"]
    assert link.get("href") == HOSTILE_URL
    opf = etree.fromstring(raw["EPUB/package.opf"])
    assert "ch001.xhtml" in [el.get("href") for el in opf.iter() if _local(el.tag) == "item"]


@pytest.mark.parametrize(("variant_id", "translated"), LIST_CASES)
def test_site_index_escapes_hostile_titles_slugs_and_dates(
    variant_id: str, translated: bool
) -> None:
    view = _hostile_view(variant_id, translated)
    site = SiteInfo("站点", view.variant.lang)
    ((_, page),) = render_index_pages(view.variant, site, [article_line(view)], ())
    assert page.count("<script") == 1 and '<script src="../search.js" defer></script>' in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#34;&amp;&#39; 标题" in page
    root = lxml.html.document_fromstring(page)
    (item,) = root.xpath("//ul[@class='articles']/li")
    (link,) = item.xpath("a")
    assert link.get("href") == "a%22b%3Cc%3E%26%27d.html"
    assert link.text_content() == HOSTILE
    assert item.text_content() == f"{HOSTILE} {HOSTILE}"
