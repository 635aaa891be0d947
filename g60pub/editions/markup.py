"""Block markup of the EPUB chapters and site pages, in Python.

The templates' ``block`` macro ran once per block per variant per format,
and Jinja's macro calls made it the build's hottest code (bench/README.md);
this renders the same bytes directly. ``_blocks.j2`` calls it, so the markup
of a block is defined here and nowhere else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from markupsafe import Markup, escape

from g60pub.chinese import detect_script
from g60pub.cjk import CHINESE_RUN
from g60pub.editions.view import ArticleView, BlockView, Span

# Vertical text (clreq §3.1.3, JLREQ §3.1.3): a run of one or two digits
# stands upright in one column (tate-chu-yoko); three or four digits (a year)
# stand upright one under another; longer Latin runs lie on their side.
_MARKUP_SPECIAL = re.compile("[&<>\"']")
_DIGITS = re.compile(r"(?<![0-9A-Za-z])([0-9]{1,2}|[0-9]{3,4})(?![0-9A-Za-z])")


@lru_cache(maxsize=64)
def lang_attrs(tag: str, xhtml: bool) -> str:
    """``lang`` (and ``xml:lang`` in XHTML, which EPUB reading systems read)."""
    tag = str(escape(tag))
    return f'lang="{tag}" xml:lang="{tag}"' if xhtml else f'lang="{tag}"'


def render_spans(
    spans: Sequence[Span] | None,
    glossary_href: str,
    text_lang: str,
    xhtml: bool,
    vertical: bool = False,
) -> Markup:
    """Spans as inline (X)HTML. A term's first use in the article is a link to
    its glossary entry (``doc-glossref``; in the EPUB also ``epub:type``, which
    reading systems show as a pop-up). The link carries the gloss's language
    and the gloss as its ``title``, the term inside it its own language: so
    the gloss is announced in English and the term in Chinese. Later uses are
    plain text in a book; on the site they are a ``span.term-use``, which the
    reader may choose to see marked too (static/marks.js).

    Plain string building over ``escape`` (markupsafe's C speedups): this runs
    for every block of every variant, and ``Markup.format`` is many times slower.
    """
    out: list[str] = []
    for span in spans or ():
        text = _upright(span.text) if vertical else _escaped(span.text)
        if span.term is None:
            out.append(text)
        elif span.first:
            gloss_lang = span.gloss_lang or text_lang
            book = ' epub:type="glossref"' if xhtml else ""
            out.append(
                f'<a class="term" id="u-{span.term}" href="{glossary_href}#{span.term}"{book}'
                f' role="doc-glossref" {lang_attrs(gloss_lang, xhtml)}'
                f' title="{_escaped(span.gloss or "")}">'
                f"<span {lang_attrs(text_lang, xhtml)}>{text}</span></a>"
            )
        elif xhtml:
            out.append(text)
        else:
            out.append(f'<span class="term-use">{text}</span>')
    return Markup("".join(out))


def _escaped(text: str) -> str:
    """``text`` escaped for markup, as a plain string: most runs of text hold
    nothing to escape, and a ``Markup`` object for each of them cost more
    than the escaping (this runs for every span of every block)."""
    return text if _MARKUP_SPECIAL.search(text) is None else str(escape(text))


def chinese_tagged(text: str, xhtml: bool, tag: str | None = None) -> Markup:
    """English text that quotes Chinese (a glossary note citing 《…》), each
    Chinese run in a span tagged ``tag`` (the edition's Chinese) or else with
    the script it is in, so that it is read, hyphenated and voiced as Chinese
    (WCAG 3.1.2, language of parts)."""
    out: list[str] = []
    last = 0
    for run in CHINESE_RUN.finditer(text):
        run_tag = tag or detect_script(run.group())
        out.append(escape(text[last : run.start()]))
        out.append(f"<span {lang_attrs(run_tag, xhtml)}>{escape(run.group())}</span>")
        last = run.end()
    out.append(escape(text[last:]))
    return Markup("".join(out))


def upright_text(text: str, vertical: bool) -> Markup:
    """Escaped text, its short digit runs set upright in a vertical edition."""
    return Markup(_upright(text) if vertical else escape(text))


def _upright(text: str) -> str:
    """Escaped text with short digit runs set upright (see ``_DIGITS``)."""
    out: list[str] = []
    last = 0
    for found in _DIGITS.finditer(text):
        out.append(escape(text[last : found.start()]))
        digits = found.group(1)
        kind = "tcy" if len(digits) <= 2 else "upright"
        out.append(f'<span class="{kind}">{digits}</span>')
        last = found.end()
    out.append(escape(text[last:]))
    return "".join(out)


def block_markup(
    b: BlockView,
    view: ArticleView,
    href: str,
    xhtml: bool,
    level: int,
    ui_lang: str,
    not_translated: str,
) -> Markup:
    """One block as the variant shows it: English, Chinese, or a bilingual pair."""
    v = view.variant
    tag = f"h{level}" if b.kind == "heading" else "p"
    bid = escape(b.id)
    marker = f'<span class="marker" {lang_attrs(ui_lang, xhtml)}>{escape(not_translated)}</span>'
    zh_lang = v.zh_tag
    if v.script is None:
        if b.missing:
            return Markup(
                f'<{tag} id="{bid}" class="untranslated" {lang_attrs(zh_lang, xhtml)}>'
                f"{marker} {render_spans(b.zh, href, zh_lang, xhtml)}</{tag}>"
            )
        return Markup(f'<{tag} id="{bid}">{render_spans(b.en, href, "en", xhtml)}</{tag}>')
    chinese = render_spans(b.zh, href, zh_lang, xhtml, v.vertical)
    if not v.english:
        return Markup(f'<{tag} id="{bid}">{chinese}</{tag}>')
    classes = "pair" + (" heading" if b.kind == "heading" else "")
    classes += " untranslated" if b.missing else ""
    if b.missing:
        english = f'<p class="en missing" {lang_attrs(ui_lang, xhtml)}>{marker}</p>'
    else:
        # An English heading is a heading too: the outline and the table of
        # contents are bilingual.
        english = (
            f'<{tag} class="en" {lang_attrs("en", xhtml)}>'
            f"{render_spans(b.en, href, 'en', xhtml)}</{tag}>"
        )
    return Markup(
        f'<div class="{classes}" id="{bid}">\n'
        f'<{tag} class="zh" {lang_attrs(zh_lang, xhtml)}>{chinese}</{tag}>\n'
        f"{english}\n</div>"
    )


def blocks_markup(
    view: ArticleView, href: str, xhtml: bool, ui_lang: str, not_translated: str
) -> Markup:
    """The article's body blocks, each followed by a newline."""
    return Markup(
        "".join(
            f"{block_markup(b, view, href, xhtml, 2, ui_lang, not_translated)}\n"
            for b in view.blocks
        )
    )
