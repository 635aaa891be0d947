# ruff: noqa: E501 -- page templates and sentence pairs read best unwrapped
"""Write a deterministic benchmark corpus: N articles as a g60pub project.

    python bench/corpus.py --articles N --out DIR [--seed S]

DIR gets ``sources/<slug>.html`` in several CMS layouts (some GBK-encoded),
``sources/<slug>.en.po`` with every block translated, ``g60pub.toml`` and
``glossary/`` (a copy of the bundled glossary the articles were written with).
Each article is 1,500-4,000 characters of Chinese built from sentence
templates with glossary terms, written in parallel with its English so that
numbers and glossary renderings agree. Same N and seed, same bytes.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from g60pub.atomic import write_atomic

# (zh, en) of places, used where a template names a city.
CITIES = (
    ("松江", "Songjiang"), ("嘉兴", "Jiaxing"), ("杭州", "Hangzhou"), ("金华", "Jinhua"),
    ("苏州", "Suzhou"), ("湖州", "Huzhou"), ("宣城", "Xuancheng"), ("芜湖", "Wuhu"),
    ("合肥", "Hefei"),
)  # fmt: skip

# Terms used when the glossary offers too few; the glossary's own win.
FALLBACK_TERMS = (
    ("科技创新", "scientific and technological innovation"),
    ("产业协同", "industrial coordination"),
    ("人才交流", "talent exchange"),
    ("营商环境", "business environment"),
)

# Sentence templates: (zh, en). Slots: {c}/{C} city zh/en, {d}/{D} a second
# city, {t}/{T} and {u}/{U} terms, {n} {k} {m} {y} {p} numbers. Numbers appear as
# the same digits on both sides; no 万/亿 (their English changes the digits).
SENTENCES = (
    ("{y}年，{c}围绕{t}推出{n}项具体举措，覆盖园区、企业和科研机构。",
     "In {y}, {C} launched {n} specific measures on {T}, covering parks, enterprises and research institutes."),
    ("截至目前，{c}已有{n}家企业参与{t}相关项目，同比增长{p}%。",
     "So far, {n} enterprises in {C} have joined projects related to {T}, up {p}% year on year."),
    ("会议指出，要把{t}作为推动发展的重要抓手，久久为功。",
     "The meeting noted that {T} should serve as an important lever for development, pursued with persistence."),
    ("{c}与{d}签署合作协议，共同推进{t}，计划在{n}个领域开展合作。",
     "{C} and {D} signed a cooperation agreement to jointly advance {T}, with plans to cooperate in {n} fields."),
    ("专家认为，{t}的关键在于打通创新链、产业链和资金链。",
     "Experts believe that the key to {T} lies in connecting the innovation chain, the industrial chain and the capital chain."),
    ("下一步，{c}将在{t}方面加大投入，力争在{y}年取得新突破。",
     "Next, {C} will invest more in {T}, striving for new breakthroughs by {y}."),
    ("{c}有关负责人介绍，全市已建成{n}个公共服务平台，服务企业{m}家次。",
     "An official in {C} said the city has built {n} public service platforms, serving enterprises {m} times."),
    ("今年前{k}个月，{c}相关产业产值增长{p}%，增速位居前列。",
     "In the first {k} months of this year, the output of related industries in {C} grew by {p}%, among the fastest."),
    ("与会代表围绕{t}和{u}展开深入交流。",
     "Delegates held in-depth exchanges on {T} and {U}."),
    ("这是{c}连续第{n}年举办此类活动。",
     "This is year {n} in a row that {C} has held such an event."),
    ("通过{t}，{c}的发展环境持续优化，企业获得感不断增强。",
     "Through {T}, the development environment of {C} keeps improving and enterprises feel the benefits more and more."),
    ("活动现场，{n}名青年科技人才获得表彰。",
     "At the event, {n} young scientists and engineers were commended."),
    ("{c}方面表示，将以{t}为牵引，推动传统产业转型升级。",
     "Officials in {C} said they would take {T} as the driving force to transform and upgrade traditional industries."),
    ("报告显示，{c}研发投入占地区生产总值的比重达到{p}%。",
     "The report shows that research and development spending in {C} reached {p}% of the regional GDP."),
    ("各方一致同意建立常态化沟通机制，每{k}个月召开一次联席会议。",
     "All parties agreed to set up a regular communication mechanism, with a joint meeting every {k} months."),
    ("{c}把{t}与{u}结合起来，形成了一批可复制、可推广的经验。",
     "{C} has combined {T} with {U}, producing a number of practices that can be copied and spread."),
    ("数据显示，{y}年以来{c}累计引进项目{m}个，其中{n}个已经投产。",
     "Data show that since {y}, {C} has brought in {m} projects, {n} of which are already in production."),
    ("{d}的企业代表说，{t}让跨区域合作变得更加便利。",
     "A business representative from {D} said that {T} has made cross-regional cooperation easier."),
)  # fmt: skip

HEADINGS = (
    ("{t}取得新进展", "New progress in {T}"),
    ("聚焦{t}", "Focusing on {T}"),
    ("{c}：{t}走在前列", "{C}: leading the way in {T}"),
    ("推进{t}与{u}", "Advancing {T} and {U}"),
    ("以{t}引领发展", "Leading development with {T}"),
)

TITLES = (
    ("{c}召开{t}推进会", "{C} holds a meeting to advance {T}"),
    ("{c}与{d}签署{t}合作协议", "{C} and {D} sign a cooperation agreement on {T}"),
    ("{y}年{c}{t}工作综述", "A review of work on {T} in {C}, {y}"),
    ("{c}：以{t}助力高水平发展", "{C}: {T} for development of a high standard"),
    ("{n}个项目落地{c}，{t}再提速", "{n} projects land in {C} as {T} speeds up"),
)

SOURCES = ("浙江省侨商会", "松江区人民政府", "嘉兴日报", "杭州网", "长三角信息网", "科技日报")
AUTHORS = ("王晓明", "李娜", "陈建国", "张伟", "刘洋", "赵敏", "转载自微信公众号虹桥馆")
LAYOUTS = ("chamber", "gov", "news", "wechat", "html5")

Slots = dict[str, str]


@dataclass(frozen=True, slots=True)
class Unit:
    """One block of a generated article: its kind, Chinese and English."""

    kind: str
    zh: str
    en: str


@dataclass(frozen=True, slots=True)
class ArticleSpec:
    """Everything a generated source page and its PO file are written from."""

    slug: str
    layout: str
    encoding: str
    title: Unit
    blocks: tuple[Unit, ...]
    date: str  # YYYY-MM-DD
    time: str  # HH:MM:SS
    author: str
    source: str
    views: int


class TermPicker:
    """Draws (zh, en) terms, keeping only sentences whose every glossary hit
    is rendered as the glossary says, so that the QA checker finds nothing."""

    def __init__(self, terms: Sequence[tuple[str, str]], renders: Callable[[str, str], bool]):
        self.terms = tuple(terms)
        self.renders = renders

    def fill(self, rng: random.Random, pair: tuple[str, str], year: int) -> Unit | None:
        slots = _slots(rng, self.terms, year)
        zh, en = pair[0].format(**slots), pair[1].format(**slots)
        en = en[0].upper() + en[1:]
        return Unit("paragraph", zh, en) if self.renders(zh, en) else None

    def draw(self, rng: random.Random, templates: Sequence[tuple[str, str]], year: int) -> Unit:
        for _ in range(40):
            unit = self.fill(rng, rng.choice(templates), year)
            if unit is not None:
                return unit
        # A sentence of digits alone is safe under any glossary.
        n = rng.randint(2, 99)
        return Unit(
            "paragraph",
            f"统计数据显示，该项指标为{n}。",
            f"Statistics show the indicator stands at {n}.",
        )


def _slots(rng: random.Random, terms: Sequence[tuple[str, str]], year: int) -> Slots:
    (c, cc), (d, dd) = rng.sample(CITIES, 2)
    (t, tt), (u, uu) = rng.sample(terms, 2)
    return {
        "c": c, "C": cc, "d": d, "D": dd, "t": t, "T": tt, "u": u, "U": uu,
        "n": str(rng.randint(2, 60)),
        "k": str(rng.randint(2, 11)), "m": str(rng.randint(100, 980)),
        "y": str(year + rng.randint(0, 3)), "p": f"{rng.randint(3, 40)}.{rng.randint(1, 9)}",
    }  # fmt: skip


def make_spec(picker: TermPicker, seed: int, index: int, revision: int = 0) -> ArticleSpec:
    """The article ``index`` of the corpus for ``seed``; ``revision`` > 0 rewrites one paragraph."""
    rng = random.Random(f"g60pub-bench:{seed}:{index}")
    slug = f"{index:05d}_{rng.getrandbits(40):010x}"
    layout = LAYOUTS[index % len(LAYOUTS)]
    encoding = "gbk" if layout in ("chamber", "gov") and rng.random() < 0.5 else "utf-8"
    year = rng.randint(2016, 2024)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    time = f"{rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    title = replace(picker.draw(rng, TITLES, year), kind="heading")
    target = rng.randint(1500, 3600)  # the last paragraph may add ~400
    blocks: list[Unit] = []
    size = 0
    while size < target:
        if blocks and rng.random() < 0.35:
            blocks.append(replace(picker.draw(rng, HEADINGS, year), kind="heading"))
        sentences = [picker.draw(rng, SENTENCES, year) for _ in range(rng.randint(3, 7))]
        zh = "".join(s.zh for s in sentences)
        if any(b.zh == zh for b in blocks):
            continue
        blocks.append(Unit("paragraph", zh, " ".join(s.en for s in sentences)))
        size += len(zh)
    if revision:
        blocks = _revise(blocks, rng, picker, year, revision)
    return ArticleSpec(
        slug, layout, encoding, title, tuple(blocks), date, time,
        rng.choice(AUTHORS), rng.choice(SOURCES), rng.randint(50, 9000),
    )  # fmt: skip


def _revise(
    blocks: list[Unit], rng: random.Random, picker: TermPicker, year: int, revision: int
) -> list[Unit]:
    # An editor's fix: one more sentence at the end of the first paragraph.
    rev = random.Random(f"revision:{revision}:{blocks[0].zh}")
    extra = picker.draw(rev, SENTENCES, year)
    at = next(i for i, b in enumerate(blocks) if b.kind == "paragraph")
    old = blocks[at]
    blocks[at] = Unit("paragraph", old.zh + extra.zh, f"{old.en} {extra.en}")
    return blocks


# --- source pages -------------------------------------------------------------


def render_page(spec: ArticleSpec) -> bytes:
    """The source page of ``spec`` as its CMS would serve it, in its encoding."""
    charset = "gb2312" if spec.encoding == "gbk" else "utf-8"
    page = _LAYOUT_RENDERERS[spec.layout](spec, charset)
    # gb2312 is declared but GBK bytes are sent, as such servers do.
    return page.encode(spec.encoding)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _body(spec: ArticleSpec, heading: str, indent: str = "") -> str:
    out = []
    for block in spec.blocks:
        if block.kind == "heading":
            out.append(heading.format(_e(block.zh)))
        else:
            out.append(f"<p>{indent}{_e(block.zh)}</p>")
    return "\n".join(out)


def _chamber(spec: ArticleSpec, charset: str) -> str:
    t = _e(spec.title.zh)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{t}-浙江省侨商会</title>
<script type="text/javascript">var _hmt = _hmt || [];</script></head>
<body><div class="top"><a href="/">首页</a> | <a href="/news/">商会动态</a> | <a href="/jkxx/">经科信息</a></div>
<div class="position">您的位置: <a href="/">浙江省侨商会</a> &gt;&gt; <a href="/jkxx/">经科信息</a></div>
<div class="article"><h1 class="title">{t}</h1>
<div class="byline">[作者:{_e(spec.author)} 来源: {_e(spec.source)} 时间:{spec.date} {spec.time} 阅读:{spec.views} 次</div>
<div class="content">
{_body(spec, "<h3>{}</h3>", "　　")}
</div></div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/jkxx/1.html">长三角一体化发展再上新台阶</a></li><li><a href="/jkxx/2.html">侨商企业参观G60科创走廊</a></li></ul></div>
<div class="footer">版权所有 浙江省侨商会 <a href="#" onclick="window.print()">打印本页</a></div>
</body></html>
"""


def _gov(spec: ArticleSpec, charset: str) -> str:
    t = _e(spec.title.zh)
    return f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{t}_{_e(spec.source)}</title>
<meta name="ArticleTitle" content="{t}"><meta name="PubDate" content="{spec.date} {spec.time[:5]}">
<meta name="ContentSource" content="{_e(spec.source)}"></head>
<body><div class="header"><a href="/">{_e(spec.source)}</a><form action="/search"><input name="q"></form></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 工作动态</div>
<div class="main"><div class="title"><h1>{t}</h1></div>
<div class="info"><span>发布日期：{spec.date}</span> <span>来源：{_e(spec.source)}</span>
<span>浏览次数：<script>document.write(Math.random())</script>{spec.views}</span> <span>【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</span></div>
<div class="TRS_Editor">
{_body(spec, '<p style="text-align:center"><strong>{}</strong></p>')}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div></div>
<div class="footer">主办单位：{_e(spec.source)} 网站标识码：3300000001</div>
</body></html>
"""


def _news(spec: ArticleSpec, charset: str) -> str:
    t = _e(spec.title.zh)
    y, m, d = (int(x) for x in spec.date.split("-"))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}"><title>{t} - {_e(spec.source)}</title>
<meta name="keywords" content="G60,科创走廊"></head>
<body><nav><a href="/">首页</a><a href="/local/">本地</a><a href="/biz/">财经</a></nav>
<div class="article"><h1>{t}</h1>
<div class="meta">{y}年{m}月{d}日 {spec.time[:5]}  来源：{_e(spec.source)}  作者：{_e(spec.author)}</div>
<div id="content">
{_body(spec, "<h2>{}</h2>")}
</div>
<div class="editor">（责任编辑：周立）</div></div>
<div class="hot"><h3>热点推荐</h3><ul><li><a href="/a.html">长三角生态绿色一体化发展示范区建设提速</a></li></ul></div>
</body></html>
"""


def _wechat(spec: ArticleSpec, charset: str) -> str:
    t = _e(spec.title.zh)
    paras = []
    for block in spec.blocks:
        if block.kind == "heading":
            paras.append(
                f'<section><p><strong><span style="color:#0052ff">{_e(block.zh)}</span></strong></p></section>'
            )
        else:
            paras.append(
                f'<p style="text-indent:2em"><span style="font-size:15px">{_e(block.zh)}</span></p>'
            )
    body = "\n".join(paras)
    return f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{t}</title>
<meta property="og:title" content="{t}"><meta property="og:type" content="article">
<meta property="og:article:author" content="{_e(spec.author)}"></head>
<body id="activity-detail"><div class="rich_media">
<h1 class="rich_media_title" id="activity-name">{t}</h1>
<div id="meta_content" class="rich_media_meta_list">
<a class="rich_media_meta rich_media_meta_link" id="js_name" href="javascript:void(0);">{_e(spec.source)}</a>
<em id="publish_time" class="rich_media_meta rich_media_meta_text">{spec.date} {spec.time[:5]}</em></div>
<div class="rich_media_content" id="js_content">
{body}
<p><img data-src="https://mmbiz.qpic.cn/qr.png" alt="二维码"></p>
<p><span>长按识别二维码关注我们</span></p>
</div></div>
<script>var ct = "{spec.views}";</script>
</body></html>
"""


def _html5(spec: ArticleSpec, charset: str) -> str:
    t = _e(spec.title.zh)
    stamp = f"{spec.date}T{spec.time}+08:00"
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": spec.title.zh,
            "datePublished": stamp,
            "author": {"@type": "Person", "name": spec.author},
            "publisher": {"@type": "Organization", "name": spec.source},
        },
        ensure_ascii=False,
    )
    return f"""<!DOCTYPE html>
<html lang="zh-Hans"><head><meta charset="{charset}"><title>{t} | {_e(spec.source)}</title>
<script type="application/ld+json">{ld}</script></head>
<body><header class="site"><a href="/">{_e(spec.source)}</a></header>
<main><article><header><h1>{t}</h1>
<p class="byline">作者：<span class="author">{_e(spec.author)}</span> 发布时间：<time datetime="{stamp}">{spec.date}</time></p></header>
{_body(spec, "<h2>{}</h2>")}
<footer><p>本文来源：{_e(spec.source)}</p></footer></article>
<aside><h2>相关阅读</h2><ul><li><a href="/x.html">G60科创走廊九城市协同发展</a></li></ul></aside></main>
<footer class="site">© {_e(spec.source)}</footer>
</body></html>
"""


_LAYOUT_RENDERERS: dict[str, Callable[[ArticleSpec, str], str]] = {
    "chamber": _chamber,
    "gov": _gov,
    "news": _news,
    "wechat": _wechat,
    "html5": _html5,
}


# --- the project ----------------------------------------------------------------


class CorpusError(Exception):
    """A generated page did not normalise to the article it was written from."""


def load_picker() -> TermPicker:
    """A picker over the bundled glossary, judging sentences with the QA checks
    themselves: no glossary finding and no number mismatch."""
    from g60pub.figures import en_anchors, zh_anchors
    from g60pub.glossary import Glossary
    from g60pub.mismatch import number_mismatch

    glossary = Glossary.load()

    def renders(zh: str, en: str) -> bool:
        missing, added = number_mismatch(zh_anchors(zh), en_anchors(en))
        return not missing and not added and not glossary.check(zh, en)

    usable = [
        (t.zh, t.en)
        for t in glossary.terms
        # Concepts rather than titles of office: lower-case English, 3+ characters.
        if t.type in ("term", "slogan")
        and t.en[:1].islower()
        and len(t.zh) >= 3
        and not any(ch.isdigit() for ch in t.zh + t.en)
    ]
    return TermPicker(usable if len(usable) >= 4 else [*usable, *FALLBACK_TERMS], renders)


CONFIG = """\
# g60pub project configuration (benchmark corpus)
name = "g60-bench"
publisher = "g60pub benchmark"
variants = ["zh-Hans", "zh-Hant", "en", "zh-Hans+en", "zh-Hant+en"]
formats = ["epub", "html", "txt"]

[title]
zh-Hans = "G60科创走廊文选（基准语料）"
zh-Hant = "G60科創走廊文選（基準語料）"
en = "G60 Sci-Tech Innovation Corridor: Benchmark Corpus"
"""


def write_article(project: Path, spec: ArticleSpec) -> ArticleSpec:
    """Write the source page of ``spec`` and its complete English PO file;
    returns the spec written (see below for when it is not ``spec``)."""
    try:
        _write_article(project, spec)
    except CorpusError as err:
        # Keep the benchmark running, but say so: this is a page the
        # normaliser misreads, worth a look on its own.
        print(f"warning: {err}; written as an html5 page instead", file=sys.stderr)
        spec = replace(spec, layout="html5", encoding="utf-8")
        _write_article(project, spec)
    return spec


def _write_article(project: Path, spec: ArticleSpec) -> None:
    from g60pub.normalize import normalize
    from g60pub.translations.pofile import read_po, render_po
    from g60pub.translations.store import update_po

    sources = project / "sources"
    page_path = sources / f"{spec.slug}.html"
    page = render_page(spec)
    write_atomic(page_path, page)
    article = normalize(page, path=page_path)
    blocks = article.all_blocks()
    units = (spec.title, *spec.blocks)
    if [b.text for b in blocks] != [u.zh for u in units]:
        raise CorpusError(f"{page_path}: does not normalise to the blocks it was written with")
    po_path = sources / f"{spec.slug}.en.po"
    update_po(article, po_path, source_ref=f"sources/{page_path.name}", slug=spec.slug)
    catalog = read_po(po_path)
    for block, unit in zip(blocks, units, strict=True):
        message = catalog.get(block.text, context=block.id)
        if message is None:
            raise CorpusError(f"{po_path}: no entry for block {block.id}")
        message.string = unit.en
        # A revised paragraph comes back from the merge as fuzzy with the old
        # text as previous msgid; its new translation is written alongside.
        message.flags.discard("fuzzy")
        message.previous_id = []
    write_atomic(po_path, render_po(catalog))


def write_corpus(out: Path, articles: int, seed: int = 0) -> list[ArticleSpec]:
    """Write a project of ``articles`` generated articles into ``out``."""
    from g60pub.glossary.termbase import bundled_files

    picker = load_picker()
    write_atomic(out / "g60pub.toml", CONFIG)
    # The project carries its own copy of the glossary it was written with, so
    # its QA findings and cache keys stay put while the bundled one evolves.
    for path in bundled_files():
        write_atomic(out / "glossary" / path.name, path.read_bytes())
    specs = [write_article(out, make_spec(picker, seed, i)) for i in range(articles)]
    return specs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, required=True, help="how many articles")
    parser.add_argument("--out", type=Path, required=True, help="project directory to write")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    args = parser.parse_args(argv)
    specs = write_corpus(args.out, args.articles, args.seed)
    chars = sum(len(b.zh) for s in specs for b in s.blocks)
    print(f"wrote {len(specs)} articles ({chars} characters of Chinese) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
