"""Plain-text books: UTF-8, LF, one per variant.

Paragraphs are separated by one blank line and never hard-wrapped: Chinese
has no spaces to break at, and a reader's own wrapping is always better.
Headings are marked the Markdown way (``#`` title, ``##`` section) so they
survive any viewer.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from g60pub.editions.bookinfo import BookInfo
from g60pub.editions.i18n import translations, with_space
from g60pub.editions.view import ArticleView, BlockView


def render_article_text(view: ArticleView) -> str:
    """One article as text (pure; runs per article). Ends with a newline."""
    _ = translations(view.variant.ui_locale).gettext
    lines: list[str] = [_heading(view.title, view, "#")]
    meta = [
        f"{with_space(_('Author:'))}{_meta(view, 'author')}" if view.author else None,
        f"{with_space(_('Source:'))}{_meta(view, 'source')}" if view.source else None,
        f"{with_space(_('Published:'))}{view.date_text}" if view.date_text else None,
        _meta(view, "via") if view.via else None,
        view.link,
    ]
    byline = [m for m in meta if m]
    if byline:
        lines.append("\n".join(byline))
    for block in view.blocks:
        if block.kind == "heading":
            lines.append(_heading(block, view, "##"))
        else:
            lines.extend(_paragraph(block, view))
    return "\n\n".join(lines) + "\n"


def write_text_book(
    title: str, header: Sequence[tuple[str, str]], articles: Sequence[str], locale: str
) -> str:
    """The book: a metadata header, then each article (already rendered) in order."""
    body = "\n\n".join(a.rstrip("\n") for a in articles)
    contents = body if body else empty_book_text(locale)
    return text_book_header(title, header) + contents + "\n"


def text_book_header(title: str, header: Sequence[tuple[str, str]]) -> str:
    """What a book starts with, up to its first article: title, rule, metadata
    (each a label with its colon, ``作者：`` or ``Author:``, and its value)."""
    lines = [title, "=" * _width(title), ""]
    lines.extend(f"{with_space(label)}{value}" for label, value in header)
    lines.append("")
    return "\n".join(lines) + "\n"


def book_header(info: BookInfo, articles: int) -> list[tuple[str, str]]:
    """A text book's metadata lines, labelled and valued in its own language."""
    _ = translations(info.variant.ui_locale).gettext
    lines: list[tuple[str, str]] = []
    if info.subtitle:
        lines.append((_("English title:"), info.subtitle))
    if info.creators:
        lines.append((_("Author:"), info.names(info.creators)))
    if info.translators:
        lines.append((_("Translator:"), info.names(info.translators)))
    if info.publisher:
        lines.append((_("Publisher:"), info.publisher.text))
    lines.append((_("Edition:"), info.edition))
    lines.append((_("Publication date:"), info.date_text))
    if info.rights:
        lines.append((_("Rights:"), info.rights.text))
    lines.append((_("Articles:"), str(articles)))
    return lines


def empty_book_text(locale: str) -> str:
    return translations(locale).gettext("No articles in this edition yet.")


def _width(text: str) -> int:
    """Display columns of ``text``: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _marker(view: ArticleView) -> str:
    return "[" + translations(view.variant.ui_locale).gettext("Not yet translated") + "]"


def _meta(view: ArticleView, name: str) -> str:
    # Text has no language tags: an English edition marks a byline field it
    # shows in Chinese the way it marks an untranslated paragraph.
    value = str(getattr(view, name))
    return f"{_marker(view)} {value}" if view.meta_lang(name) else value


def _heading(block: BlockView, view: ArticleView, mark: str) -> str:
    variant = view.variant
    if variant.script is None:
        text = f"{_marker(view)} {block.zh_text}" if block.missing else block.en_text
        return f"{mark} {text}"
    heading = f"{mark} {block.zh_text}"
    if variant.english:
        english = _marker(view) if block.missing else block.en_text
        heading += f"\n{mark} {english}"
    return heading


def _paragraph(block: BlockView, view: ArticleView) -> list[str]:
    variant = view.variant
    if variant.script is None:
        return [f"{_marker(view)} {block.zh_text}" if block.missing else block.en_text]
    out = [block.zh_text]
    if variant.english:
        out.append(_marker(view) if block.missing else block.en_text)
    return out
