"""Text -> lxml tree, with everything that must never contribute text removed.

Scripts, styles, forms, iframes, objects, SVG, templates and noscript are
dropped with their content; the article keeps only text, so attributes
(event handlers, ``javascript:`` URLs) go with the tree. The tree is never
walked with Python recursion: libxml2 caps the nesting depth itself, and
every walk here is a flat iteration.
"""

from __future__ import annotations

import itertools
import json
import re

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from g60pub.errors import SourceError
from g60pub.normalize.text import normalize_text

# A link to a site's or a blog's front page: /, ./, index.html, http://host/,
# ../../.. (a bare ".." is the page's parent: a book's chapter links its
# headline there).
_HOME = re.compile(
    r"^\s*(?:(?:https?:)?//[^/?#]+)?(?:\.?/|(?:\.\./)+|(?:\.\./)+\.\.)?(?:(?:index|default|main)\.\w{2,5})?\s*$",
    re.I,
)

# Dropped with their content: code, embedded documents, media, form controls.
_DROP = (
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
    "applet", "svg", "math", "canvas", "video", "audio", "map", "head", "link", "meta", "base",
    "input", "button", "select", "textarea", "option", "optgroup", "datalist", "output",
    "dialog", "picture", "title",
)  # fmt: skip
_BOX_WORDS = 12  # characters after a tick box that label it
_CONTROLS = ("input", "button", "select", "textarea", "datalist", "output")
# Void in HTML, but libxml2 (an HTML 4 parser) opens them as containers and
# nests whatever follows inside: their "children" are the page's next
# siblings, so only the tag goes.
_VOID = ("embed", "param", "source", "track", "wbr", "keygen")
_HIDDEN = re.compile(r"display\s*:\s*none", re.I)
_WRAPPER_TEXT = 200  # characters a form wrapping an article holds; a survey's loader has few
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# Server code left in a template saved as a page: PHP to its closing mark (or
# the file's end), JSP or ASP blocks (<%@ page … %>, <%= … %>) and FreeMarker's
# directives and macro calls (<#global …>, <@frame.html …>). Parsed as
# markup, ``<?php`` is a comment closed by the code's first ``>`` and the rest
# of the code reads as text. A JSP comment (<%-- … --%>) is left: templates
# keep the page's text in one while a script fills the page.
_SERVER_CODE = re.compile(
    r"<\?(?:php\b|=).*?(?:\?>|\Z)|<%[@=!#:\s].{0,20000}?%>"
    r"|</?[#@][\w.]+(?:[^>\"']|\"[^\"]*\"|'[^']*')*>"  # FreeMarker's <#import …>, <@frame.html …>
    r"|(?m:^[ \t]*@(?:extends|section|endsection|parent|yield|include|stop|show|push|endpush)\b"
    r"(?:\([^)\n]*\))?)|\{\{--.*?--\}\}",  # Blade's @extends('layouts.header'), {{-- … --}}
    re.S | re.I,
)
# Not XML-compatible, so lxml refuses them in a str; nor may a character reference
# name them (&#1, &#x0B;), which libxml2 would turn into the character itself.
_UNSAFE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"
    r"|&#0*(?:[0-8]|1[124-9]|2[0-9]|3[01])(?![0-9]);?|&#[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F])(?![0-9a-fA-F]);?"
)


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*>")
_VOID_TAGS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_MAX_DEPTH = 1000
_ANY_HEADING_TAG = re.compile(r"<(/?)[hH]([1-6])\b[^>]*>")
# A heading tag, or a script, style or comment passed over whole: a tag
# written inside one of those is text to the parser and opens nothing.
_HEADING_TAG = re.compile(
    r"<(?P<raw>script|style)\b.*?</(?P=raw)\s*>|<!--.*?-->|<(?P<end>/?)h(?P<level>[1-6])\b[^>]*>",
    re.IGNORECASE | re.DOTALL,
)


def _flatten(text: str) -> str:
    """Drop the tags nested deeper than ``_MAX_DEPTH``, keeping their text.

    libxml2 stops at depth 2048 and discards the rest of the page; real pages
    never need that depth, so the excess tags (not their text) are removed
    with one flat pass over the tag tokens and the page is parsed again.
    """
    depth = 0

    def visit(match: re.Match[str]) -> str:
        nonlocal depth
        if match.group(2).lower() in _VOID_TAGS or match.group(0).endswith("/>"):
            return match.group(0)
        if match.group(1):
            depth = max(depth - 1, 0)
            return match.group(0) if depth < _MAX_DEPTH else ""
        depth += 1
        return match.group(0) if depth <= _MAX_DEPTH else ""

    return _TAG.sub(visit, text)


def _close_headings(text: str) -> str:
    """Make each heading's end tag name the heading it closes: ``<h2>…</h1>``.

    Browsers end an open heading at any ``</h1>``…``</h6>``; libxml2 ignores
    an end tag that names another, and the rest of the page, article and
    all, stays inside the heading. Most pages close every heading by its
    own name: the tags alone show it, and the page is left as it is.
    """
    tags = _ANY_HEADING_TAG.findall(text)
    if all(opened[1] == closed[1] for opened, closed in itertools.pairwise(tags) if closed[0]):
        return text
    open_level = ""

    def visit(match: re.Match[str]) -> str:
        nonlocal open_level
        closing, level = match.group("end", "level")
        if level is None:
            return match.group(0)
        if not closing:
            open_level = level
            return match.group(0)
        shown, open_level = open_level, ""
        return f"</h{shown}>" if shown and shown != level else match.group(0)

    return _HEADING_TAG.sub(visit, text)


def _parse_once(text: str) -> tuple[HtmlElement, bool]:
    parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as err:
        raise SourceError(f"cannot parse HTML ({err})") from None
    if root is None:
        raise SourceError("cannot parse HTML")
    too_deep = any("Excessive depth" in entry.message for entry in parser.error_log)
    return root, too_deep


def parse(text: str) -> HtmlElement:
    """Parse HTML text into a tree (comments and processing instructions dropped)."""
    text = _SERVER_CODE.sub("", _XML_DECL.sub("", text, count=1))
    text = _close_headings(_UNSAFE.sub("", text))
    root, too_deep = _parse_once(text)
    if too_deep:
        root, _ = _parse_once(_flatten(text))
    _into_body(root)
    return root


def _into_body(root: HtmlElement) -> None:
    """Move what libxml2 put after ``<body>`` or after the document back into the body.

    A page that includes a header with its own ``</html>`` goes on after it;
    browsers keep that in the body, libxml2 makes a second ``<html>`` of it.
    A page that closes the document before its body (``</head></html><body>``)
    gets the whole body in that second ``<html>``, and the first has none.
    """
    body = root.find("body")
    if body is None:
        later = (extra.find("body") for extra in root.itersiblings() if isinstance(extra.tag, str))
        body = next((found for found in later if found is not None), None)
        if body is None:
            return
        root.append(body)
    for element in list(body.itersiblings()):
        body.append(element)
    for extra in list(root.itersiblings()):
        if isinstance(extra.tag, str):
            for element in list(extra):
                body.append(element)


def _body_text_length(root: HtmlElement) -> int:
    body = root.find("body")
    return len((body if body is not None else root).text_content().strip())


# A wiki's edit links inside its headings ([编辑] 特征): no words of the heading.
_EDIT_LINKS = etree.XPath(
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' editsection ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' mw-editsection ')]"
)

# A heading's permalink mark (<a class="header-anchor" href="#a">#</a> a, Sphinx's
# and MkDocs' ¶): a link to the heading itself, no word of it.
# A code block's line numbers, set apart from its code by the highlighter: Hexo's
# and Rouge's gutter cells, Chroma's (Hugo) number spans, highlight.js and Prism's;
# and the name of its language over it (VitePress: <span class="lang">bash</span>).
_CODE_MARKS = etree.XPath(
    "//td[contains(concat(' ', normalize-space(@class), ' '), ' gutter ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' rouge-gutter ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' hljs-ln-numbers ')]"
    " | //pre//span[contains(concat(' ', normalize-space(@class), ' '), ' lnt ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' ln ')]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' line-numbers-rows ')]"
    " | //span[contains(concat(' ', normalize-space(@class), ' '), ' lang ')]"
    "[following-sibling::pre]"
)
_SR_ONLY = (
    "contains(@class, 'sr-only') or contains(@class, 'visually-hidden')"
    " or contains(@class, 'screen-reader-text')"
)
# …or one whose only words are for screen readers (<span class="sr-only">链接到标题</span>).
_HEADING_ANCHORS = etree.XPath(
    "(//h1|//h2|//h3|//h4|//h5|//h6)//a[contains(@href, '#')]"
    "[normalize-space(.)='#' or normalize-space(.)='¶' or normalize-space(.)='§'"
    f" or normalize-space(.)='🔗' or normalize-space(.)=normalize-space(.//*[{_SR_ONLY}])]"
)

# The text a platform recognised in a picture, laid over it for selecting
# (Yuque's <div class="ne-ui-image-ocr-mask">): the picture's, not the writer's.
_OCR_LAYERS = etree.XPath("//*[contains(translate(@class, 'OCR', 'ocr'), 'ocr')]")
_CLASS_TOKEN = re.compile(r"[\s_-]+")


# A count a widget sets beside a headline or a paragraph (起点's comment count
# per paragraph, <span class="review-count">241</span>): no words of the text.
_COUNT_TOKENS = frozenset(
    ("count", "counts", "review", "reviews", "comment", "comments", "like", "likes", "reply")
)
_COUNT_TEXT = re.compile(r"\s*\d{1,7}\+?\s*")


def _counts(root: HtmlElement) -> list[HtmlElement]:
    return [
        el
        for el in root.iter("span", "em", "i", "b", "small", "sup")
        if el.get("class")
        and _COUNT_TEXT.fullmatch(el.text_content())
        and not _COUNT_TOKENS.isdisjoint(_CLASS_TOKEN.split(el.get("class", "").lower()))
    ]


def _ocr_layers(root: HtmlElement) -> list[HtmlElement]:
    found: list[HtmlElement] = _OCR_LAYERS(root)  # type: ignore[assignment]
    return [el for el in found if "ocr" in _CLASS_TOKEN.split((el.get("class") or "").lower())]


_JSON_OPEN = re.compile(r'^\s*(?:\[\s*)?\{\s*"')


def _data_boxes(root: HtmlElement) -> list[HtmlElement]:
    """Boxes holding only a JSON object or list of objects (a gallery's
    [{"url": "https://…", "alt": "泳池"}] for its script): data, not words.
    Code shown to the reader (<code>, <pre>) keeps it."""
    found = []
    for text in root.xpath(
        "//text()[starts-with(normalize-space(.), '[') or starts-with(normalize-space(.), '{')]"
    ):
        box = text.getparent()
        if box is None or text.is_tail or box.tag in ("code", "pre", "script", "style"):
            continue
        whole = box.text_content().strip()
        if not _JSON_OPEN.match(whole) or next(box.iterancestors("pre", "code"), None) is not None:
            continue
        try:
            data = json.loads(whole)
        except ValueError:
            continue
        if isinstance(data, (dict, list)) and data:
            found.append(box)
    return found


def sanitise(root: HtmlElement, reveal: str | None = None, headline: str | None = None) -> None:
    """Remove in place every element whose text must never reach an article.

    ``reveal``: a headline; hidden markup that holds it stays (an article a
    script shows, on a page whose visible text is no article). ``headline``:
    the ``<title>``'s headline; hidden markup whose ``<h1>`` reads it stays
    (a post's headline and byline a script shows over the visible text)."""
    for element in list(root.iter(*_VOID)):
        if element.getparent() is not None:
            element.drop_tag()
    # A <label> names a form control, except where a government page sets the
    # field names of its document table in labels (<label>生成日期：</label>):
    # one that names no control is text (nor does an empty for="").
    for element in list(root.iter("label")):
        if (element.get("for") or "").strip() or next(element.iter(*_CONTROLS), None) is not None:
            element.drop_tree()
    # …as do the few words after a tick box (<input type="checkbox">我已阅知).
    for box in root.xpath("//input[@type='checkbox' or @type='radio']"):
        if len((box.tail or "").strip()) <= _BOX_WORDS:
            box.tail = None
    # A form of some text and no control to fill in is a CMS's wrapper (<form
    # name="_newscontent_fromname"> round a VSB article), not a login or search box.
    wrappers = {
        form
        for form in root.iter("form")
        if next(form.iter(*_CONTROLS), None) is None
        and len(form.text_content().strip()) >= _WRAPPER_TEXT
    }
    # Marks and layers that are no words of the page: wiki edit links,
    # headings' permalinks, code's line numbers and label, a picture's recognised text,
    # a script's data, the banner over a page saved from Google's cache.
    marks: list[HtmlElement] = _EDIT_LINKS(root)  # type: ignore[assignment]
    marks += _HEADING_ANCHORS(root)  # type: ignore[arg-type]
    marks += _CODE_MARKS(root)  # type: ignore[arg-type]
    marks += _ocr_layers(root)
    marks += _counts(root)
    marks += _data_boxes(root)
    marks += root.xpath("//*[contains(@id, 'google-cache-hdr')]")  # a search engine's cache banner
    for element in [*root.iter(*_DROP), *marks]:
        if element.getparent() is not None:
            element.drop_tree()
    # A form is a login box or a search field and hidden markup is hidden,
    # except where one <form> wraps the whole page (ASP.NET) or the article
    # waits hidden for a script to reveal it: an element holding most of the
    # page's text stays (form controls are already gone).
    total = _body_text_length(root)
    optional = [
        el
        for el in root.iter()
        if (el.tag == "form" and el not in wrappers) or (isinstance(el.tag, str) and _hidden(el))
    ]
    revealed: set[HtmlElement] = set()
    for element in optional:
        if element.getparent() is None:
            continue
        text = element.text_content()
        if reveal and _hidden(element) and reveal in "".join(normalize_text(text).split()):
            continue
        if element in revealed:
            continue
        if headline and _hidden(element) and _heads(element, headline):
            # The text a theme hides with its headline (a VuePress theme
            # fades both in) follows it, hidden the same way; its footer
            # (更新于 …) stays hidden.
            revealed.update(s for s in element.itersiblings() if _hidden(s) and s.tag != "footer")
            continue
        if total == 0 or len(text.strip()) * 2 < total:
            element.drop_tree()


def _heads(element: HtmlElement, headline: str) -> bool:
    # The <h1> of the hidden element reads the headline, spaces aside.
    wanted = "".join(headline.split())
    return any("".join(h1.text_content().split()) == wanted for h1 in element.iter("h1"))


def _hidden(element: HtmlElement) -> bool:
    if element.tag in ("html", "body"):
        return False
    if element.get("hidden") is not None or (element.get("aria-hidden") or "").lower() == "true":
        return True
    return bool(_HIDDEN.search(element.get("style") or ""))


def links_home(element: HtmlElement) -> bool:
    """True when every link in ``element`` leads to a site's or a blog's front
    page: the links in it, or the one it stands in (``<a href="/"><h1>``)."""
    links = element.xpath("descendant-or-self::a[@href]") or element.xpath("ancestor::a[@href]")
    # href="": the page itself (a CMS's headline linking nowhere), not its front page.
    hrefs = [str(a.get("href")).strip() for a in links]
    return bool(hrefs) and all(href and _HOME.search(href) for href in hrefs)


_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.I)
_ALIGN_STYLE = re.compile(r"text-align\s*:\s*(\w+)", re.I)


def is_bold(element: HtmlElement) -> bool:
    """Bold by its tag or its style."""
    return element.tag in ("b", "strong") or bool(_BOLD_STYLE.search(element.get("style") or ""))


def alignment(element: HtmlElement) -> bool | None:
    """True/False when the element sets its text alignment, None when it inherits."""
    if element.tag == "center":
        return True
    style = _ALIGN_STYLE.search(element.get("style") or "")
    if style:
        return bool(style.group(1).lower() == "center")
    align = str(element.get("align") or "")
    if align and element.tag not in ("table", "img"):
        return align.strip().lower() == "center"
    return None
