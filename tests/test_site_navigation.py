"""The site at scale: index pages newest first by month, 100 articles a page;
previous and next on every article; the variant switch and a download link
in the page's language on every page; the download page in each interface
language; feeds; and every link of the whole output (site, offline ZIP,
EPUBs, download pages) resolving where it is read."""

from __future__ import annotations

import zipfile
from pathlib import Path

import lxml.etree as etree
import lxml.html
import pytest
from benchmark_corpus import corpus
from conftest import Built, run_build
from links import broken_in_archive, broken_links

ARTICLES = 105
VARIANTS = ("zh-Hans", "zh-Hant", "en", "zh-Hans+en", "zh-Hant+en")
ATOM = {"a": "http://www.w3.org/2005/Atom"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    project = tmp_path_factory.mktemp("corpus")
    corpus.write_corpus(project, ARTICLES, seed=7)
    return run_build(project, tmp_path_factory.mktemp("site") / "output", jobs=2)


def _doc(built: Built, name: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((built.out / name).read_bytes())


def _index_pages(built: Built, variant: str) -> list[lxml.html.HtmlElement]:
    pages = [_doc(built, f"html/{variant}/index.html")]
    number = 2
    while (built.out / f"html/{variant}/index-{number}.html").is_file():
        pages.append(_doc(built, f"html/{variant}/index-{number}.html"))
        number += 1
    return pages


def _listed(page: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    return [
        (str(li.xpath("string(.//time/@datetime)")), str(li.xpath("string(a/@href)")))
        for li in page.xpath("//ul[@class='articles']/li")
    ]


def test_index_pages_list_every_article_newest_first_100_a_page(built: Built) -> None:
    pages = _index_pages(built, "zh-Hans")
    assert [len(_listed(p)) for p in pages] == [100, ARTICLES - 100]
    listed = [entry for p in pages for entry in _listed(p)]
    dates = [date for date, _ in listed]
    assert dates == sorted(dates, reverse=True) and all(dates)
    assert len({href for _, href in listed}) == ARTICLES


def test_index_pages_group_articles_under_a_heading_per_month(built: Built) -> None:
    page = _index_pages(built, "zh-Hans")[0]
    for section in page.xpath("//main/section"):
        heading = section.xpath("string(h2)")
        months = {d[:7] for d in section.xpath(".//time/@datetime")}
        assert len(months) == 1
        year, month = next(iter(months)).split("-")
        assert heading == f"{int(year)}年{int(month)}月"
    english = _index_pages(built, "en")[0].xpath("string(//main/section[1]/h2)")
    assert english.split()[-1].isdigit() and english.split()[0].isalpha()  # "May 2019"


def test_index_pages_link_each_other_and_mark_the_current_one(built: Built) -> None:
    for number, page in enumerate(_index_pages(built, "zh-Hant+en"), start=1):
        nav = page.xpath("//nav[@class='pages']")[0]
        assert nav.xpath("string(.//a[@aria-current='page'])") == str(number)
        assert nav.xpath(".//a/@href") == ["index-2.html"] if number == 1 else ["index.html"]


def test_each_article_links_the_articles_before_and_after_it_in_date_order(built: Built) -> None:
    pages = _index_pages(built, "en")
    chronological = [href for p in reversed(pages) for _, href in reversed(_listed(p))]
    for i, href in enumerate(chronological):
        doc = _doc(built, f"html/en/{href}")
        prev = doc.xpath("//nav[@class='pager']/a[@rel='prev']/@href")
        nxt = doc.xpath("//nav[@class='pager']/a[@rel='next']/@href")
        assert prev == ([chronological[i - 1]] if i else [])
        assert nxt == ([chronological[i + 1]] if i + 1 < len(chronological) else [])


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_page_has_the_variant_switch_and_a_download_link_in_its_language(
    built: Built, variant: str
) -> None:
    folder = built.out / "html" / variant
    pages = sorted(folder.glob("*.html"))
    assert {"index.html", "index-2.html", "glossary.html"} <= {p.name for p in pages}
    for path in pages:
        doc = lxml.html.fromstring(path.read_bytes())
        switch = doc.xpath("//nav[@class='variants']//a/@href")
        assert {h.split("/")[1] for h in switch} == set(VARIANTS) - {variant}, path
        # The same page in the other variants; an index page, their first one.
        same = "index.html" if path.name.startswith("index") else path.name
        assert all(h.endswith("/" + same) for h in switch), path
        (download,) = doc.xpath("//footer//a[@hreflang]/@href")
        target = lxml.html.fromstring((path.parent / download).read_bytes())
        ui = "en" if variant == "en" else variant.split("+")[0]
        assert target.get("lang") == ui, (path, download)


def test_the_download_page_is_written_in_each_interface_language(built: Built) -> None:
    names = {"index.html": "en", "index.zh-Hans.html": "zh-Hans", "index.zh-Hant.html": "zh-Hant"}
    headings = {}
    for name, lang in names.items():
        doc = _doc(built, name)
        assert doc.get("lang") == lang
        assert set(doc.xpath("//nav[@class='variants']//a/@href")) == set(names) - {name}
        headings[lang] = doc.xpath("string(//th[1])")
    assert headings == {"en": "Language", "zh-Hans": "语言", "zh-Hant": "語言"}


def _atom(path: Path) -> etree._Element:
    """A feed, checked for what RFC 4287 requires of feeds and entries."""
    root = etree.parse(str(path)).getroot()
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    for element in (root, *root.xpath("a:entry", namespaces=ATOM)):
        for required in ("id", "title", "updated"):
            assert len(element.xpath(f"a:{required}", namespaces=ATOM)) == 1, (path, required)
        assert element.xpath("string(a:id)", namespaces=ATOM).startswith("urn:uuid:")
    assert root.xpath("a:author/a:name", namespaces=ATOM)
    return root


def test_each_variant_has_an_atom_feed_of_its_newest_articles(built: Built) -> None:
    for variant in VARIANTS:
        feed = _atom(built.out / f"html/{variant}/feed.atom")
        entries = feed.xpath("a:entry", namespaces=ATOM)
        assert len(entries) == 50
        first = entries[0].xpath("string(a:link[@rel='alternate']/@href)", namespaces=ATOM)
        assert first == _listed(_index_pages(built, variant)[0])[0][1]
        dates = feed.xpath("a:entry/a:published/text()", namespaces=ATOM)
        assert dates == sorted(dates, reverse=True)


def test_the_opds_catalog_offers_every_epub_for_download(built: Built) -> None:
    feed = _atom(built.out / "opds.xml")
    self_link = feed.xpath("a:link[@rel='self']/@type", namespaces=ATOM)
    assert self_link == ["application/atom+xml;profile=opds-catalog;kind=acquisition"]
    links = feed.xpath(
        "a:entry/a:link[@rel='http://opds-spec.org/acquisition/open-access']", namespaces=ATOM
    )
    assert {a.get("href") for a in links} == {
        p.relative_to(built.out).as_posix() for p in built.out.glob("epub/*.epub")
    }
    assert {a.get("type") for a in links} == {"application/epub+zip"}
    for link in links:
        assert int(link.get("length")) == (built.out / link.get("href")).stat().st_size
    assert _doc(built, "index.html").xpath("//link[contains(@type, 'opds-catalog')]/@href") == [
        "opds.xml"
    ]


def test_every_link_of_the_whole_output_resolves(built: Built) -> None:
    assert broken_links(built.out) == []


def test_every_link_inside_the_offline_zip_resolves_inside_it(built: Built) -> None:
    (archive,) = built.out.glob("html/*.zip")
    assert broken_in_archive(archive) == []
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
    assert not [n for n in names if "/pagefind/" in n]
    assert any(n.endswith("/search.js") for n in names)
    assert any(n.endswith("/favicon.svg") for n in names)


def test_the_link_checker_finds_a_link_to_a_missing_page(built: Built, tmp_path: Path) -> None:
    copy = tmp_path / "out"
    copy.mkdir()
    for name in ("index.html", "html/style.css", "html/favicon.svg"):
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        (copy / name).write_bytes((built.out / name).read_bytes())
    assert any("html/zh-Hans/index.html (missing)" in b for b in broken_links(copy))
