"""Merging a PO catalog with the current blocks of its source.

The rules (docs/contracts.md, "Translations"), in the order they are tried:

1. same block id and same Chinese text: the entry is kept as it is;
2. same Chinese text under another id (a duplicate's ``-2`` suffix moved):
   kept as it is, under the new id;
3. a changed paragraph: the most similar unclaimed old entry that has a
   translation (difflib ratio >= ``SIMILARITY``) gives its msgstr, marked
   fuzzy with the old msgid as ``#|`` previous msgid;
4. a rewritten paragraph that sits alone between the same two kept
   neighbours as one old translated entry takes that entry, fuzzy;
5. every old entry left over that carries a translation becomes obsolete
   (``#~``); obsolete entries whose text comes back are revived.

Byline fields (contexts ``meta:author``, ``meta:source``, ...) match only
the old entry of the same field: kept when the value is the same, fuzzy
when it changed; a new or untranslated one takes the entry's ``prefill``.
A fuzzy entry records the msgid and, when it differs, the msgctxt its
translation was made for (``#| msgctxt``, ``#| msgid``). Acceptances
without a digest (accept.py) get the digest of the entry they sit on.

No msgstr is ever dropped: it ends up active, fuzzy or obsolete.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from babel.messages.catalog import Catalog, Message

from g60pub.model import META_CONTEXT, Block
from g60pub.translations.accept import stamp
from g60pub.translations.pofile import (
    previous_context,
    set_previous_context,
    translator_comments,
)

SIMILARITY = 0.5


@dataclass(frozen=True, slots=True)
class EntryState:
    """A block as it should appear in the catalog, before translations are merged in."""

    block: Block
    location: tuple[str, int] | None
    hints: list[str] = field(default_factory=list)
    prefill: str = ""  # the msgstr of a new or untranslated entry

    @property
    def meta(self) -> bool:
        return self.block.id.startswith(META_CONTEXT)


@dataclass(frozen=True, slots=True)
class MergeStats:
    new: int = 0
    kept: int = 0
    fuzzy: int = 0
    obsolete: int = 0
    revived: int = 0


@dataclass(slots=True)
class _Old:
    message: Message
    order: int
    obsolete: bool
    claimed: bool = False


def merge_entries(entries: list[EntryState], old: Catalog | None, catalog: Catalog) -> MergeStats:
    """Fill ``catalog`` with one message per entry, carrying translations over from ``old``."""
    pool = _old_pool(old)
    chosen = _choose(entries, pool)
    new = kept = fuzzy = revived = 0
    for entry, pick in zip(entries, chosen, strict=True):
        message = Message(
            entry.block.text,
            "",
            locations=[entry.location] if entry.location else [],
            auto_comments=list(entry.hints),
            context=entry.block.id,
        )
        if pick is None:
            new += 1
            message.string = entry.prefill
        else:
            source, exact = pick
            revived += source.obsolete
            _carry(source.message, message)
            if exact:
                kept += 1
                if not message.string:
                    message.string = entry.prefill
            else:
                fuzzy += 1
                _mark_fuzzy(source.message, message)
        catalog[message.id] = message

    obsolete = 0
    leftovers = sorted((o for o in pool if not o.claimed), key=lambda o: (not o.obsolete, o.order))
    for item in leftovers:
        if not item.obsolete and not item.message.string and not item.message.user_comments:
            continue  # an untranslated, uncommented entry that left: nothing to keep
        obsolete += not item.obsolete
        msg = item.message
        key: str | tuple[str, str] = (str(msg.id), msg.context) if msg.context else str(msg.id)
        catalog.obsolete[key] = Message(
            msg.id,
            msg.string,
            flags=msg.flags,
            user_comments=translator_comments(msg),
            previous_id=msg.previous_id,
            context=msg.context,
        )
    return MergeStats(new, kept, fuzzy, obsolete, revived)


def _choose(entries: list[EntryState], pool: list[_Old]) -> list[tuple[_Old, bool] | None]:
    """The old entry (and whether it matched exactly) each entry takes, if any."""
    chosen: list[tuple[_Old, bool] | None] = [None] * len(entries)
    body = [i for i, e in enumerate(entries) if not e.meta]
    body_entries = [entries[i] for i in body]
    body_pool = [o for o in pool if not (o.message.context or "").startswith(META_CONTEXT)]
    picks = [_exact(e.block, body_pool) for e in body_entries]
    _similar(body_entries, picks, body_pool)
    _by_position(body_entries, picks, body_pool)
    for i, pick in zip(body, picks, strict=True):
        chosen[i] = pick
    for i, entry in enumerate(entries):
        if entry.meta:
            chosen[i] = _same_field(entry.block, pool)
    return chosen


def _same_field(block: Block, pool: list[_Old]) -> tuple[_Old, bool] | None:
    fields = [o for o in pool if not o.claimed and o.message.context == block.id]
    same = [o for o in fields if o.message.id == block.text]
    if same:
        best = min(same, key=lambda o: (o.obsolete, o.order))
        best.claimed = True
        return best, True
    changed = [o for o in fields if o.message.string]
    if changed:
        best = min(changed, key=lambda o: (o.obsolete, o.order))
        best.claimed = True
        return best, False
    return None


def _carry(old: Message, message: Message) -> None:
    """The translation and comments of ``old``, its acceptances stamped with its text."""
    message.string = old.string
    message.user_comments = stamp(old.user_comments, str(old.id), str(old.string or ""))
    restored = old.id != message.id
    if old.fuzzy and not restored:
        message.flags.add("fuzzy")
        message.previous_id = list(old.previous_id)
    else:
        set_previous_context(message, None)


def _mark_fuzzy(old: Message, message: Message) -> None:
    message.flags.add("fuzzy")
    # Show the text the translation was made for: when the old entry was
    # already fuzzy, that is its own previous msgid (and msgctxt).
    if old.fuzzy and old.previous_id:
        message.previous_id = list(old.previous_id)
        context = previous_context(old) or old.context
    else:
        message.previous_id = [str(old.id)]
        context = old.context
    set_previous_context(message, context if context != message.context else None)


def _old_pool(old: Catalog | None) -> list[_Old]:
    if old is None:
        return []
    pool = [_Old(m, n, False) for n, m in enumerate(m for m in old if m.id)]
    start = len(pool)
    pool += [_Old(m, start + n, True) for n, m in enumerate(old.obsolete.values())]
    return pool


def _exact(block: Block, pool: list[_Old]) -> tuple[_Old, bool] | None:
    same_text = [o for o in pool if not o.claimed and o.message.id == block.text]
    if same_text:
        # Prefer the entry with the same id, then an active one, then file order.
        best = min(same_text, key=lambda o: (o.message.context != block.id, o.obsolete, o.order))
        best.claimed = True
        return best, True
    # A paragraph changed and then changed back: its fuzzy entry still holds
    # the text as previous msgid, and the translation was made for it.
    restored = [
        o
        for o in pool
        if not o.claimed and o.message.fuzzy and "".join(o.message.previous_id) == block.text
    ]
    if restored:
        restored[0].claimed = True
        return restored[0], True
    return None


def _similar(
    entries: list[EntryState], chosen: list[tuple[_Old, bool] | None], pool: list[_Old]
) -> None:
    candidates = [o for o in pool if not o.claimed and o.message.string]
    scored: list[tuple[float, int, int]] = []
    for i, entry in enumerate(entries):
        if chosen[i] is not None:
            continue
        text = entry.block.text
        for j, cand in enumerate(candidates):
            matcher = difflib.SequenceMatcher(None, text, str(cand.message.id), autojunk=False)
            if matcher.real_quick_ratio() < SIMILARITY or matcher.quick_ratio() < SIMILARITY:
                continue
            ratio = matcher.ratio()
            if ratio >= SIMILARITY:
                scored.append((ratio, i, j))
    # Greedy best-first: the most similar pairs are surest.
    for _ratio, i, j in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if chosen[i] is None and not candidates[j].claimed:
            candidates[j].claimed = True
            chosen[i] = (candidates[j], False)


def _by_position(
    entries: list[EntryState], chosen: list[tuple[_Old, bool] | None], pool: list[_Old]
) -> None:
    active = [o for o in pool if not o.obsolete]
    i = 0
    while i < len(entries):
        if chosen[i] is not None:
            i += 1
            continue
        j = i
        while j < len(entries) and chosen[j] is None:
            j += 1
        # entries[i:j] is a run of unmatched blocks between two matched ones.
        lo = _old_order(chosen[i - 1]) if i > 0 else -1
        hi = _old_order(chosen[j]) if j < len(entries) else len(active)
        if j - i == 1 and lo is not None and hi is not None:
            gap = [o for o in active if lo < o.order < hi]
            if len(gap) == 1 and not gap[0].claimed and gap[0].message.string:
                gap[0].claimed = True
                chosen[i] = (gap[0], False)
        i = j


def _old_order(pick: tuple[_Old, bool] | None) -> int | None:
    if pick is None or pick[0].obsolete:
        return None
    return pick[0].order
