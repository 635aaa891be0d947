"""The static HTML site and the download page."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
from conftest import Built


def page(built: Built, name: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((built.out / name).read_bytes())


def test_bilingual_pairs_hold_a_chinese_and_an_english_block_each_with_its_lang(
    built_project: Built,
) -> None:
    doc = page(built_project, "html/zh-Hant+en/delta-integration-2018.html")
    pairs = doc.xpath("//*[contains(concat(' ', @class, ' '), ' pair ')]")
    assert len(pairs) == 8  # title + 7 blocks
    for pair in pairs:
        zh, en = list(pair)
        assert zh.get("lang") == "zh-Hant-TW" and "zh" in zh.get("class")
        assert "en" in en.get("class").split()
    translated = [p for p in pairs if "untranslated" not in p.get("class")]
    assert all(list(p)[1].get("lang") == "en" for p in translated)
    # An English heading is a heading too, at the level of its Chinese one.
    headings = [p for p in translated if "heading" in p.get("class")]
    tags = [tuple(child.tag for child in p) for p in headings]
    assert tags and all(zh == en for zh, en in tags)
    assert {en for _, en in tags} == {"h1", "h2"}


def test_untranslated_paragraph_shows_the_chinese_with_a_visible_marker(
    built_project: Built,
) -> None:
    doc = page(built_project, "html/zh-Hans+en/delta-integration-2018.html")
    (missing,) = doc.xpath("//*[contains(@class, 'untranslated')]")
    assert "放管服" in missing.text_content()
    assert missing.xpath(".//*[@class='marker']")[0].text_content() == "尚未翻译"
    english = page(built_project, "html/en/delta-integration-2018.html")
    (shown,) = english.xpath("//p[contains(@class, 'untranslated')]")
    assert shown.get("lang") == "zh-Hans"
    assert "Not yet translated" in shown.text_content()


def test_pages_run_only_the_sites_own_scripts_and_link_only_relatively(
    built_project: Built,
) -> None:
    out = built_project.out
    for path in sorted(out.rglob("*.html")):
        doc = lxml.html.fromstring(path.read_bytes())
        # The marks switch is a form without an action: it submits nothing.
        assert not doc.xpath("//iframe | //object | //form[@action]"), path
        for script in doc.xpath("//script"):
            # The site's own files beside its stylesheet, never inline.
            src = script.get("src")
            assert src in ("../search.js", "../marks.js") and not (script.text or "").strip(), path
            assert (path.parent / src).resolve().is_file(), path
        for element in doc.iter():
            if not isinstance(element.tag, str):
                continue
            assert not any(a.lower().startswith("on") for a in element.attrib), path
        for href in doc.xpath("//a/@href | //link/@href"):
            parts = urlsplit(href)
            if parts.scheme in ("http", "https"):
                continue
            assert not parts.scheme and not href.startswith("/"), (path, href)
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            assert target.is_file(), (path, href)
            if parts.fragment and target.suffix == ".html":
                ids = lxml.html.fromstring(target.read_bytes()).xpath("//@id")
                assert parts.fragment in ids, (path, href)


def test_index_lists_articles_newest_first(built_project: Built) -> None:
    doc = page(built_project, "html/zh-Hans/index.html")
    hrefs = doc.xpath("//ul[@class='articles']//a/@href")
    assert hrefs == [
        "hongqiao-hub-2020.html",
        "jiaxing-songjiang-2019.html",
        "delta-integration-2018.html",
    ]


def test_article_page_switches_to_the_same_article_in_other_variants(built_project: Built) -> None:
    doc = page(built_project, "html/zh-Hant/delta-integration-2018.html")
    switch = doc.xpath("//nav[@class='variants']//a/@href")
    assert switch == [
        "../zh-Hans/delta-integration-2018.html",
        "../en/delta-integration-2018.html",
        "../zh-Hans+en/delta-integration-2018.html",
        "../zh-Hant+en/delta-integration-2018.html",
    ]


def test_glossary_terms_link_to_the_glossary_page(built_project: Built) -> None:
    doc = page(built_project, "html/zh-Hans/delta-integration-2018.html")
    terms = doc.xpath("//a[@class='term']")
    assert terms and all(t.get("href").startswith("glossary.html#") for t in terms)
    assert any(t.text_content() == "长三角" or "G60" in t.text_content() for t in terms)


def test_site_css_sets_pairs_side_by_side_on_wide_screens_only(built_project: Built) -> None:
    css = (built_project.out / "html/style.css").read_text("utf-8")
    assert "display: grid" in css
    assert re.search(
        r"@media \(min-width: [\d.]+em\) \{\s*\.pair \{ grid-template-columns: 1fr 1fr", css
    )


def test_download_page_lists_the_variants_in_their_configured_order(built_project: Built) -> None:
    # The build assembles the bilingual variants first (their lines are the
    # largest: memory); readers still find them in the order configured.
    from g60pub.config import load_config
    from g60pub.editions.variants import make_variants

    config = load_config(built_project.project)
    ids = [v.id for v in make_variants(config.variants, config.traditional_config)]
    assert any("+" in i for i in ids) and "+" not in ids[0]
    doc = page(built_project, "index.html")
    books = [h for h in doc.xpath("//table[@class='downloads']/tbody/tr//a/@href") if ".epub" in h]
    assert books == [f"epub/test-corridor.{i}.epub" for i in ids]
    sites = [h for h in doc.xpath("//a/@href") if h.endswith("/index.html")]
    assert sites == [f"html/{i}/index.html" for i in ids]
    opds = (built_project.out / "opds.xml").read_text("utf-8")
    places = [opds.index(f"test-corridor.{i}.epub") for i in ids]
    assert places == sorted(places)


def test_download_page_lists_every_edition_with_size_and_sha256(built_project: Built) -> None:
    out = built_project.out
    doc = page(built_project, "index.html")
    assert doc.get("lang") == "en"
    rows = doc.xpath("//table[@class='downloads']/tbody/tr")
    listed = {}
    for row in rows:
        cells = [c.text_content() for c in row.xpath("td")]
        listed[row.xpath(".//a/@href")[0]] = cells
    expected = [
        p.relative_to(out).as_posix()
        for p in [*sorted(out.glob("epub/*")), *sorted(out.glob("txt/*")), *out.glob("html/*.zip")]
    ]
    for name in [*expected, "glossary.tbx", "translations.tmx", "qa-report.json", "qa-report.html"]:
        assert name in listed, name
        data = (out / name).read_bytes()
        assert listed[name][4] == hashlib.sha256(data).hexdigest()
        assert listed[name][3].endswith("kB")
    assert (
        listed["epub/test-corridor.zh-Hant+en.epub"][0] == "Chinese (Traditional, Taiwan) + English"
    )
    assert listed["html/test-corridor.html.zip"][:2] == [
        "Chinese (Simplified) + Chinese (Traditional, Taiwan) + English",
        "Website (ZIP)",
    ]


def test_the_site_archive_holds_every_page_of_every_variant_without_the_download_link(
    built_project: Built,
) -> None:
    out = built_project.out
    site = {
        f"test-corridor/{p.relative_to(out / 'html').as_posix()}": p.read_bytes()
        for p in sorted((out / "html").rglob("*"))
        if p.is_file() and p.suffix != ".zip" and "pagefind" not in p.parts
    }
    # The one difference: the footer's link to the download page, which the
    # offline copy does not hold.
    download = re.compile(rb'<li><a href="\.\./\.\./index[^"]*" hreflang="[^"]*">[^<]*</a></li>\n')
    with zipfile.ZipFile(out / "html/test-corridor.html.zip") as archive:
        assert archive.testzip() is None
        held = {i.filename: archive.read(i) for i in archive.infolist()}
        # Dated like the books: the build's date (SOURCE_DATE_EPOCH 1700000000, UTC).
        assert {i.date_time for i in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    assert held.keys() == site.keys()
    for name, data in site.items():
        assert held[name] == download.sub(b"", data), name
        assert not download.search(held[name])
    assert any(name.endswith("/zh-Hant/index.html") for name in site)


def test_download_page_links_every_site(built_project: Built) -> None:
    doc = page(built_project, "index.html")
    sites = doc.xpath("//a[contains(@href, '/index.html')]/@href")
    assert sites == [
        f"html/{v}/index.html" for v in ("zh-Hans", "zh-Hant", "en", "zh-Hans+en", "zh-Hant+en")
    ]
    assert all((built_project.out / Path(s)).is_file() for s in sites)


def test_download_page_speaks_the_configured_locale(tmp_path: Path) -> None:
    from conftest import copy_project, run_build

    project = copy_project(tmp_path)
    config = project / "g60pub.toml"
    config.write_text(config.read_text("utf-8") + 'download_locale = "zh-Hant"\n', "utf-8")
    built = run_build(project, tmp_path / "out", formats=("txt",))
    doc = page(built, "index.html")
    assert doc.get("lang") == "zh-Hant"
    assert doc.xpath("//h1")[0].text_content() == "長三角文選"
    headers = [th.text_content() for th in doc.xpath("//th")]
    assert headers[:4] == ["語言", "格式", "檔案", "大小"]
    first = [td.text_content() for td in doc.xpath("//tbody/tr[1]/td")]
    assert first[0] == "中文（簡體）" and first[1] == "純文字" and first[3].endswith("kB")


def test_variant_switch_names_each_edition_in_its_own_languages(built_project: Built) -> None:
    doc = page(built_project, "html/zh-Hans/delta-integration-2018.html")
    labels = [a.text_content() for a in doc.xpath("//nav[@class='variants']//a")]
    assert labels == [
        "中文（繁體，台灣）",
        "English",
        "中文（简体） + English",
        "中文（繁體，台灣） + English",
    ]
