"""Which part of the page is the article: a text-density choice, as readability does it.

Each line gets a weight: article-like text (long, with Chinese sentence
punctuation, few links) counts for its length; links, page furniture and
lines inside furniture-named regions count against; short unpunctuated lines
(headings, datelines) count for nothing either way. The article root is the
element whose subtree has the greatest total, the deepest one on a tie, but
not a lone paragraph when its container ties with it. The totals are summed
bottom-up over a flat list, so deep nesting costs no recursion.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

from lxml.html import HtmlElement

from g60pub.errors import SourceError
from g60pub.normalize.boilerplate import is_noise
from g60pub.normalize.box_names import hint
from g60pub.normalize.dates import without_dates
from g60pub.normalize.lines import Line
from g60pub.normalize.listing import in_data_tables, is_data_table

_SENTENCE = re.compile(r"[，。；！？、,;!?]")
_SENTENCE_END = re.compile(r"[。！？!?]")
_ADDRESS_WORDS = 10  # characters round a shown address that can make a sentence
_STUB = 40  # characters of text that make no article without a sentence or a date
_LINK_HEAVY = 0.5
_PROSE = 20  # characters of a sentence under links, at least
_ALL_LINKED = 0.95
_CLAUSE = re.compile(r"[，；,;]")
# A link that spells out its own address (文档：https://…): a citation, not navigation.
_WEB_ADDRESS = re.compile(r"https?://\S{8,}")
_SIBLING_TEXT = 1.5  # how much more text a paragraph's container must hold to be the article
_TABLE_PARTS = ("td", "th", "tr", "tbody", "thead", "tfoot")
_CLIMB_TEXT = 1.3  # how much more text a container must hold to be chosen over its heaviest part
_CLIMB_TOTAL = 0.9  # …and the least share of that part's total it may keep
_CODE_MARKS = "{}();=<>$[]"
_CODE_SHARE = 0.05  # share of a block's characters in code's marks that makes it code
_TABLE_KEEP = 0.75  # share of a data table's row or cell's total its table must keep


def weight(line: Line, text: str, in_furniture: bool) -> float:
    """How much a line speaks for the element holding it being the article."""
    value = _weight(line, text, in_furniture)
    # Preformatted text (a code block, the line numbers of its gutter that read
    # like a counter row) may be text, never furniture.
    return max(value, 0.0) if line.owner.tag == "pre" else value


# A value in a data table's cell (365, 90-91, 3.5%): no page number, no furniture.
_VALUE = re.compile(r"[\d.,:%~/\s\-–]+")


def is_value(text: str) -> bool:
    """A number a table's cell holds (365, 90-91, 3.5%)."""
    return _VALUE.fullmatch(text) is not None


def table_values(lines: Sequence[Line], texts: Sequence[str], weights: list[float]) -> list[float]:
    """The weights with the numbers standing in a data table's cells made neutral,
    and the rows of a table under its header row (<th>) that link a term out
    (封高速 | 纵深防御, the second a link): a grid of terms, not a menu."""
    cells = in_data_tables(lines)
    return [
        0.0
        if value < 0 and cell and (is_value(text) or (headed_row(line) and not is_noise(text)))
        else value
        for value, cell, text, line in zip(weights, cells, texts, lines, strict=True)
    ]


def headed_row(line: Line) -> bool:
    """A row of cells, not all linked, in a table with a header row (<th>)."""
    if line.owner.tag != "tr" or line.link_ratio >= _ALL_LINKED:
        return False
    table = next(line.owner.iterancestors("table"), None)
    return table is not None and table.find(".//th") is not None


def _weight(line: Line, text: str, in_furniture: bool) -> float:
    if is_noise(text):
        return -max(3.0, float(line.chars))
    if line.link_ratio > _LINK_HEAVY:
        address = _WEB_ADDRESS.search(text)
        if address and not in_furniture and len(address.group()) * 2 >= len(text):
            return float(len(text) - len(address.group())) if shown_address(text) else 0.0
        return -max(3.0, float(line.chars))
    if in_furniture:
        return -float(line.chars) / 2
    if line.chars >= 10 and _SENTENCE.search(text) and _worded(text):
        return line.chars * (1.0 - line.link_ratio) + 2.0 * len(_SENTENCE.findall(text))
    if _SENTENCE_END.search(text):
        # A short finished sentence still reads as text (a one-line notice).
        return line.chars / 2
    # Headings, captions, datelines: neutral, so that a short article's
    # container never loses to its own longest paragraph.
    return 0.0


def shown_address(text: str) -> bool:
    """A sentence round a link shown as its web address (本站点不再更新文章，博客站点
    移动至 https://…): text, however much of it the link is."""
    address = _WEB_ADDRESS.search(text)
    rest = text.replace(address.group(), "") if address else ""
    return len(rest) >= _ADDRESS_WORDS and _SENTENCE.search(rest) is not None


def linked(line: Line, text: str) -> bool:
    """Mostly a link, and no sentence round a link shown as its address: no text."""
    if line.link_ratio <= _LINK_HEAVY or shown_address(text):
        return False
    return not (line.link_ratio < _ALL_LINKED and linked_prose(text))


def linked_prose(text: str) -> bool:
    """A sentence begun outside links and run on under them, its clauses and its
    full stop inside (第一条 为保护、<a>濒危野生动物，保护、发展和合理利用野生动物资源。</a>:
    an encyclopedia's links pasted with a law): text. A teaser is all link."""
    text = text.strip()
    return len(text) >= _PROSE and text[-1] == "。" and _CLAUSE.search(text[:-1]) is not None


def _worded(text: str) -> bool:
    """Punctuated beyond its dates: a comment's signature (火柴 at February 21, 2009
    09:54 PM comment) is a dated row, however long, and no sentence."""
    return not any(c.isdigit() for c in text) or bool(_SENTENCE.search(without_dates(text)))


_POST_LINES = 3
_MARKED_TEXT = 1.2  # how much more text the marked body holds than the heaviest part
_MARKED_SHARE = 1.5  # the heaviest part holds at most this much more text than the marked body


def choose_root(root: HtmlElement, weighted: Iterable[tuple[Line, float]]) -> HtmlElement:
    """The element whose subtree holds the greatest total weight (deepest on a tie)."""
    own: dict[HtmlElement, float] = {}
    text: dict[HtmlElement, float] = {}
    for line, value in weighted:
        own[line.owner] = own.get(line.owner, 0.0) + value
        if value > 0:
            text[line.owner] = text.get(line.owner, 0.0) + value
    order = list(root.iter())
    total: dict[HtmlElement, float] = {}
    positive: dict[HtmlElement, float] = {}
    best, best_total = root, float("-inf")
    for element in reversed(order):
        value = total.get(element, 0.0) + own.get(element, 0.0)
        total[element] = value
        positive[element] = positive.get(element, 0.0) + text.get(element, 0.0)
        parent = element.getparent()
        if parent is not None:
            total[parent] = total.get(parent, 0.0) + value
            positive[parent] = positive.get(parent, 0.0) + positive[element]
        if value > best_total:
            best, best_total = element, value
    # A block of code set as text (a forum's <div>, not <pre>) with a container
    # holding much more text for a little less total (a box of related links
    # under the post's code and closing paragraphs): the container is the
    # article, and what trails it is cut later.
    node, code = best, _code_like(best)
    while code and (up := node.getparent()) is not None and total[up] >= _CLIMB_TOTAL * best_total:
        node = up
        if positive[node] >= _CLIMB_TEXT * positive[best]:
            best, best_total, code = node, total[node], _code_like(node)
    parent = best.getparent()
    holds_lines = any(element in own for element in best.iterdescendants())
    # A one-paragraph notice: the paragraph alone outweighs nothing, but its
    # container also holds the neutral lines that belong with it (附件, the
    # signature and date), so the container is the article. So it is when the
    # container holds more paragraphs of text and furniture lines (a notice, a
    # download link) pull its total under the one paragraph.
    if (
        best in own
        and parent is not None
        and not holds_lines
        and (
            total[parent] >= best_total
            or positive[parent] >= _SIBLING_TEXT * positive[best]
            or _opens_post(best, parent, own)
        )
    ):
        # The one text paragraph closes a post of headings and code blocks
        # (neutral lines), or notes a data table beside it (a Word export's
        # reference table): the post goes on up as far as nothing is lost.
        while (above := parent.getparent()) is not None and total[above] >= total[parent] > 0:
            more = _code_blocks(above) > _code_blocks(parent) or _tables(above) > _tables(parent)
            if positive[above] > positive[parent] or not more:
                break
            parent = above
        return _whole_table(parent, total)
    # The one body the page's microdata marks holds more text than the part that
    # weighs most (a show's notes: its lead, then sections of times and links).
    # So is it when the part holds it and little more text besides (a sidebar's
    # about-the-show beside a show's notes).
    marked = root.xpath(_ARTICLE_BODY)
    if len(marked) == 1 and total.get(marked[0], 0.0) > 0:
        body = marked[0]
        if body in best.iterancestors() and positive[body] > _MARKED_TEXT * positive[best]:
            return body
        if best in body.iterancestors() and positive[body] * _MARKED_SHARE >= positive[best]:
            return body
    return _whole_table(best, total)


def _opens_post(best: HtmlElement, parent: HtmlElement, own: dict[HtmlElement, float]) -> bool:
    """The one paragraph opening a post's lists and headings (a list of titles
    under a line of why), its dateline and reading time above it: the post's
    <article> holds nothing after the paragraph that speaks against it."""
    named = parent.tag != "article" and hint(parent) > 0  # <div class="post-content">
    if parent.tag != "article" and not named:
        return False
    following = [
        own[element]
        for sibling in best.itersiblings()
        for element in sibling.iter()
        if element in own
    ]
    if named:
        # A box the template names as the post's body may end on its own links
        # (More Resources, a song list): most of what follows must be text.
        kept = sum(1 for weight in following if weight >= 0)
        return kept >= _POST_LINES and kept * 3 >= len(following) * 2
    return len(following) >= _POST_LINES and min(following) >= 0


def _whole_table(element: HtmlElement, total: dict[HtmlElement, float]) -> HtmlElement:
    """A row or cell of a data table is no article alone: the table is.

    A roster or a schedule's cells hold names, times and numbers, which weigh
    nothing, so its one row of sentences (a note of duties under the roster)
    outweighs them all; the table holds that row and loses nothing to it, or
    little: a cell holding only a row's number (1, 2) weighs a little against.
    """
    if element.tag not in _TABLE_PARTS:
        return element
    table = next(element.iterancestors("table"), None)
    if table is None or not is_data_table(table) or total[table] < _TABLE_KEEP * total[element]:
        return element
    return table


def _tables(element: HtmlElement) -> int:
    return sum(is_data_table(table) for table in element.iter("table"))


def _code_like(element: HtmlElement) -> bool:
    text = "".join(element.itertext())
    return sum(text.count(mark) for mark in _CODE_MARKS) >= _CODE_SHARE * len(text.strip())


def _code_blocks(element: HtmlElement) -> int:
    return sum(1 for _ in element.iter("pre"))


_RUN_GAIN = 1.5  # how much more a run of lines must weigh than the best subtree


def _best_run(weights: Sequence[float]) -> tuple[float, int, int]:
    """The contiguous run of lines with the greatest total weight: (total, first, last)."""
    best = (0.0, 0, -1)
    total, start = 0.0, 0
    for index, value in enumerate(weights):
        if total <= 0:
            total, start = value, index
        else:
            total += value
        if total > best[0]:
            best = (total, start, index)
    return best


def _common_ancestor(elements: Sequence[HtmlElement]) -> HtmlElement:
    ancestors = [elements[0], *elements[0].iterancestors()]
    depth = {id(element): position for position, element in enumerate(ancestors)}
    deepest = 0
    for element in elements[1:]:
        while id(element) not in depth:
            element = element.getparent()
        deepest = max(deepest, depth[id(element)])
    return ancestors[deepest]


def choose_article(
    root: HtmlElement, lines: Sequence[Line], weights: Sequence[float]
) -> tuple[HtmlElement, list[int]]:
    """The article's element and the indexes of its lines.

    Usually the heaviest subtree (``choose_root``) and every line in it. On
    old table layouts the article's paragraphs share one cell with link lists
    and slideshows that outweigh them; then the article is the heaviest run
    of consecutive lines, when it weighs far more than any subtree and lies
    mostly outside the heaviest one: the lines of that run, under their
    common ancestor.
    """
    article = choose_root(root, zip(lines, weights, strict=True))
    inside = set(article.iter())
    members = [i for i, line in enumerate(lines) if line.owner in inside]
    subtree = sum(weights[i] for i in members)
    total, first, last = _best_run(weights)
    texts = [i for i in range(first, last + 1) if weights[i] > 0]
    held = sum(weights[i] for i in texts if lines[i].owner in inside)
    if len(texts) >= 2 and total > _RUN_GAIN * max(subtree, 0.0) and held * 2 < total:
        article = _common_ancestor([lines[i].owner for i in texts])
        return article, list(range(first, last + 1))
    return article, members


def is_stub(texts: Sequence[str]) -> bool:
    """A few words and not one sentence (林业风采 / Agency profile): a channel's heading
    over its pictures, which makes no article when the page gives no date either."""
    return sum(map(len, texts)) < _STUB and not any(_SENTENCE_END.search(t) for t in texts)


# A thread's first post, as the board marks it (百度贴吧: d_post_content_firstfloor).
_FIRST_FLOOR = (
    "//*[contains(@class, 'firstfloor') or contains(@class, 'first-floor')"
    " or contains(@class, 'first_floor')]"
)
# A question's answers (知乎: ContentItem AnswerItem): the first is the article.
_ANSWER = "//*[contains(concat(' ', normalize-space(@class), ' '), ' AnswerItem ')]"
_BEFORE_FIRST_POST = 100  # weight of text above a marked first post: then it is a comment's


def marked_first_post(
    root: HtmlElement,
    lines: Sequence[Line],
    weights: Sequence[float],
    furniture: Collection[HtmlElement],
) -> list[float]:
    """The weights of a thread whose board marks its first post, or of a
    question's page whose answers are marked: the first post's (or answer's)
    lines, not its share box, each count for their length, and nothing
    outside it for more than nothing. A first post of one short line is
    still the thread's article, however long the replies under it; one of
    pictures or tags alone holds none, and the page is refused."""
    floors = root.xpath(_FIRST_FLOOR)
    answers = [] if floors else root.xpath(_ANSWER)
    if len(floors) != 1 and not answers:
        return list(weights)
    first = floors[0] if floors else answers[0]
    inside = set(first.iter())
    start = min((i for i, line in enumerate(lines) if line.owner in inside), default=0)
    if floors and sum(w for w in weights[:start] if w > 0) > _BEFORE_FIRST_POST:
        return list(weights)  # text above it: a comment section's first floor
    own = {
        i
        for i, line in enumerate(lines)
        if line.owner in inside and line.owner not in furniture and not is_noise(line.text)
    }
    if not own:
        raise SourceError("no article found (a thread whose first post holds no text)")
    return [
        max(w, float(lines[i].chars)) if i in own else min(w, 0.0) for i, w in enumerate(weights)
    ]


# The element a page's microdata marks as the article's body (schema.org).
_ARTICLE_BODY = "//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' articleBody ')]"
_LINKED_SHARE = 0.5  # share of the marked body's lines that are links: a digest of links
_LINK_LINES = 5  # link lines in the marked body, at least


def digest_links(
    root: HtmlElement,
    lines: Sequence[Line],
    weights: Sequence[float],
    furniture: Collection[HtmlElement],
) -> set[int]:
    """The link lines that are the text of a digest of links whose body the markup
    marks (itemprop="articleBody": a weekly's items, each a link and a word on it)."""
    marked = root.xpath(_ARTICLE_BODY)
    if len(marked) != 1:
        return set()
    inside = set(marked[0].iter())
    own = [
        i
        for i, line in enumerate(lines)
        if line.owner in inside
        and line.owner not in furniture
        and not line.heading
        and not is_noise(line.text)
    ]
    links = [i for i in own if lines[i].link_ratio > _LINK_HEAVY]
    if len(links) < _LINK_LINES or len(links) < _LINKED_SHARE * len(own):
        return set()
    # Its links are its matter, not a list closing a text (a story's related
    # links inside its marked body): less prose stands before them than they hold.
    before = sum(lines[i].chars for i in own if i < links[0] and weights[i] > 0)
    return set() if before >= sum(lines[i].chars for i in links) else set(links)
