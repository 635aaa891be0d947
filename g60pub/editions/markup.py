"""Block markup of the EPUB chapters and site pages, in Python.

The templates' ``block`` macro ran once per block per variant per format,
and Jinja's macro calls made it the build's hottest code (bench/README.md);
this renders the same bytes directly. ``_blocks.j2`` calls it, so the markup
of a block is defined here and nowhere else.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from g60pub.editions.view import ArticleView, BlockView, render_spans


def lang_attrs(tag: str, xhtml: bool) -> str:
    """``lang`` (and ``xml:lang`` in XHTML, which EPUB reading systems read)."""
    tag = str(escape(tag))
    return f'lang="{tag}" xml:lang="{tag}"' if xhtml else f'lang="{tag}"'


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
    if v.script is None:
        if b.missing:
            return Markup(
                f'<{tag} id="{bid}" class="untranslated" {lang_attrs(v.zh_tag, xhtml)}>'
                f"{marker} {render_spans(b.zh, href)}</{tag}>"
            )
        return Markup(f'<{tag} id="{bid}">{render_spans(b.en, href)}</{tag}>')
    if not v.english:
        return Markup(f'<{tag} id="{bid}">{render_spans(b.zh, href)}</{tag}>')
    classes = "pair" + (" heading" if b.kind == "heading" else "")
    classes += " untranslated" if b.missing else ""
    if b.missing:
        english = f'<p class="en missing" {lang_attrs(ui_lang, xhtml)}>{marker}</p>'
    else:
        english = f'<p class="en" {lang_attrs("en", xhtml)}>{render_spans(b.en, href)}</p>'
    return Markup(
        f'<div class="{classes}" id="{bid}">\n'
        f'<{tag} class="zh" {lang_attrs(v.zh_tag, xhtml)}>{render_spans(b.zh, href)}</{tag}>\n'
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
