"""Accepted findings: a translator's comment in the PO file that says a QA
finding is right as it is.

The form is a translator comment, one per entry and set of codes::

    # g60pub-accept: term-missing
    # g60pub-accept: term-missing, number-mismatch [1a2b3c4d]

A translator comment because every PO tool keeps it as written: msgmerge,
msgcat, Poedit (its "Comment" field), Lokalize and Weblate. Flags (``#,``)
are not safe for this: gettext's tools know a fixed set of them.

The bracketed digest names the source and translation the acceptance was
given for (:func:`pair_digest`). ``g60pub update`` adds it to a comment that
has none, from the entry as it stands in the file; once the source or the
translation changes, the digest no longer matches and the finding is open
again until the translator accepts it anew.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from g60pub.model import Acceptance, Pair

PREFIX = "g60pub-accept:"
_COMMENT = re.compile(
    r"^\s*g60pub-accept:\s*([a-z][a-z-]*(?:\s*,\s*[a-z][a-z-]*)*)\s*(?:\[([0-9a-f]{8})\])?\s*$"
)


def pair_digest(source: str, translation: str) -> str:
    """Eight hex digits naming one source text and its translation."""
    data = f"{source}\0{translation}".encode()
    return hashlib.blake2b(data, digest_size=4).hexdigest()


def read_acceptances(comments: Iterable[str]) -> tuple[Acceptance, ...]:
    """Every acceptance in an entry's translator comments, in order."""
    found: list[Acceptance] = []
    for comment in comments:
        match = _COMMENT.match(comment)
        if match:
            for code in match.group(1).split(","):
                found.append(Acceptance(code.strip(), match.group(2)))
    return tuple(found)


def stamp(comments: Iterable[str], source: str, translation: str) -> list[str]:
    """The comments with the digest of (``source``, ``translation``) added to
    every acceptance that has none; other comments as they are."""
    out: list[str] = []
    for comment in comments:
        match = _COMMENT.match(comment)
        if match and match.group(2) is None:
            codes = ", ".join(c.strip() for c in match.group(1).split(","))
            comment = f"{PREFIX} {codes} [{pair_digest(source, translation)}]"
        out.append(comment)
    return out


def accepted_codes(pair: Pair) -> tuple[frozenset[str], frozenset[str]]:
    """(codes accepted for the pair as it is, codes accepted for an earlier text)."""
    current: set[str] = set()
    earlier: set[str] = set()
    digest = pair_digest(pair.block.text, pair.translation or "")
    for acceptance in pair.accepted:
        if acceptance.digest is None or acceptance.digest == digest:
            current.add(acceptance.code)
        else:
            earlier.add(acceptance.code)
    return frozenset(current), frozenset(earlier - current)
