"""Paragraph alignment benchmark: strict bead F1, length-only Gale-Church vs g60pub.

Real cases: official Chinese documents with their official English
translations, in ``bench/data/align/<case>/`` (``zh.txt``, ``en.txt``,
``gold.json`` with beads made by reading both sides; provenance in
``bench/README.md``). Each case's standing (tuned, tuned since, checked,
held-out) is named below; only the cases scored once by the aligner as it
stands are pooled as held-out.

Synthetic families, built here deterministically with their ground truth:

* ``sample``: the bundled article's Chinese blocks and their English from
  ``sources/<slug>.en.po``, the English then split, merged, thinned and
  padded at random (several seeds); its headings are dropped or kept, never
  run into a paragraph, as English editions keep them (``--merge-headings``
  runs them in as well);
* ``policy``: synthetic policy/news articles assembled from the sentence
  pairs in ``tests/data/align/policy_sentences.tsv`` (figures and dates
  filled in at random), perturbed the same way;
* ``loose``: the same articles with a translator who joins a third of the
  sentences, so that sentence counts no longer match;
* ``lists``: policy articles one or two of whose paragraphs are lists of 5 to
  25 items (Chinese items joined by semicolons, as the reports write them),
  which the English gives as a lead sentence and one paragraph per item
  (1-6 to 1-26 beads), the way official editions do; items are the sentence
  pairs above and the 1-1 paragraph pairs of the tuned real cases; a quarter
  of the lists go the other way, numbered Chinese items run into one English
  paragraph (6-1 to 26-1).

Perturbations of the English side, each with its true bead: a paragraph
split in two or three (1-2, 1-3), two paragraphs merged (2-1), a paragraph
dropped (1-0), an English-only paragraph added (0-1).

Speed: CPU seconds to align a pair of 25 Chinese and 60 English paragraphs
(a ``lists`` article), the dictionary already loaded, and the one-off cost
of loading it.

    python bench/align.py [--cases N] [--rate R] [--dump DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from g60pub.alignment import align_paragraphs, dictionary  # noqa: E402
from g60pub.glossary import Glossary  # noqa: E402
from g60pub.translations.pofile import read_po  # noqa: E402

REAL = ROOT / "bench" / "data" / "align"
# Each real case's standing at the latest scoring (bench/README.md keeps each
# one's score at its held-out run):
# - "tuned": used to set the aligner's weights from the start;
# - "tuned since": held out once, then its misses were looked at while the
#   aligner was changed;
# - "checked": held out once, then run unexamined, as a check against
#   regressions, while the aligner was changed for other cases;
# - "held-out": scored once by the aligner as it stands, nothing changed since.
# Only "held-out" is pooled as the held-out figure.
TUNED = (
    "gwr2007-plan",
    "gwr2008-opening",
    "gwr2015-new-drivers",
    "gwr2015-plan-final",
    "gwr2015-requirements",
    "gwr2024-outlook",
    "gwr2026-targets-flash",
    "holiday2013-notice",
)
TUNED_SINCE = (
    "gwr2019-policy-directions",
    "gwr2020-targets-plan",
    "newyear2024-address",
    "gwr2019-opening",
    "gwr2017-review-plan",
    "gwr2018-review-plan",
    "newyear2021-address",
)
CHECKED = (
    "gwr2015-targets",
    "gwr2022-opening",
    "gwr2023-release-flash",
    "newyear2023-address",
    "gwr2021-plan",
    "newyear2022-address",
)
HELD_OUT = (
    "gwr2018-tasks",
    "gwr2021-opening",
    "newyear2020-address",
    "usrights2021-foreword-i",
    "usrights2021-democracy",
    "gwr2016-five-year",
    "gwr2016-closing",
)
STANDINGS = (
    ("tuned", TUNED),
    ("tuned since", TUNED_SINCE),
    ("checked", CHECKED),
    ("held-out", HELD_OUT),
)
SENTENCES = ROOT / "tests" / "data" / "align" / "policy_sentences.tsv"
SAMPLE_PO = ROOT / "sources" / "g60-corridor-agreement-2017.en.po"
MONTHS = "January February March April May June July August September October November December"
MONTHS_EN = MONTHS.split()
CITIES = [
    ("松江、嘉兴", "Songjiang and Jiaxing"),
    ("杭州、湖州", "Hangzhou and Huzhou"),
    ("苏州、合肥", "Suzhou and Hefei"),
    ("金华、芜湖", "Jinhua and Wuhu"),
]
ADDED = [
    "Editor's note: this article has been edited for length.",
    "The Chinese version of this report was first published by the city's official news portal.",
    "Related coverage: corridor cities step up cooperation on talent and finance.",
    "Photos courtesy of the organizers.",
]
EN_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
LEADS = [
    ("今年要重点做好以下工作：", "This year, we will focus on the following tasks:"),
    ("主要预期目标是：", "The main targets are as follows:"),
    ("会议提出，", "The meeting set out these priorities:"),
    ("下一步，", "Next, we will:"),
]

Bead = tuple[tuple[int, ...], tuple[int, ...]]
Case = tuple[str, list[str], list[str], list[Bead]]


def policy_pairs(rng: random.Random, loose: bool = False) -> list[tuple[str, str]]:
    """One synthetic article: paragraphs of 1-4 sentence pairs.

    ``loose``: the translator joins sentences freely (a third of the
    sentence boundaries inside a paragraph become "; "), so sentence counts
    stop matching.
    """
    rows = [
        line.split("\t")
        for line in SENTENCES.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    rng.shuffle(rows)
    paragraphs: list[tuple[str, str]] = []
    k = 0
    while k < len(rows) and len(paragraphs) < rng.randint(8, 16):
        size = rng.choice([1, 1, 2, 2, 2, 3, 3, 4])
        zh, en = [], []
        for zh_s, en_s in rows[k : k + size]:
            a, b = _fill(zh_s, en_s, rng)
            zh.append(a)
            en.append(b)
        text = en[0]
        for sentence in en[1:]:
            if loose and rng.random() < 0.35:
                text = text.rstrip(".") + "; " + sentence[0].lower() + sentence[1:]
            else:
                text += " " + sentence
        paragraphs.append(("".join(zh), text))
        k += size
    return paragraphs


def _fill(zh: str, en: str, rng: random.Random) -> tuple[str, str]:
    year, month, day = rng.randint(2016, 2024), rng.randint(1, 12), rng.randint(1, 28)
    n, p, b = rng.randint(3, 900), rng.randint(2, 40), rng.randint(2, 900)
    city = rng.choice(CITIES)
    values = {"Y": str(year), "M": str(month), "D": str(day), "N": str(n), "P": str(p), "B": str(b)}
    for key, value in values.items():
        zh = zh.replace("{" + key + "}", value)
    zh = zh.replace("{CITY}", city[0])
    en_values = {
        "Men": MONTHS_EN[month - 1],
        "Ben": f"{b * 100} million" if b < 10 else f"{b / 10:g} billion",
        "CITYen": city[1],
        **values,
    }
    for key, value in en_values.items():
        en = en.replace("{" + key + "}", value)
    return zh, en


def sample_pairs() -> tuple[list[tuple[str, str]], frozenset[int]]:
    """The sample's (Chinese, English) pairs and the indices of its headings
    (byline fields, ``meta:`` entries, are not paragraphs)."""
    messages = [
        m
        for m in read_po(SAMPLE_PO)
        if m.id and m.string and not str(m.context).startswith("meta:")
    ]
    headings = frozenset(k for k, m in enumerate(messages) if "heading" in m.auto_comments)
    return [(str(m.id), str(m.string)) for m in messages], headings


def perturb(
    pairs: list[tuple[str, str]],
    rng: random.Random,
    rate: float,
    unmerged: frozenset[int] = frozenset(),
) -> tuple[list[str], list[Bead]]:
    """The English side after random splits/merges/drops/additions, with the true beads."""
    en: list[str] = []
    beads: list[Bead] = []
    i = 0
    while i < len(pairs):
        i = _perturb_one(pairs, i, i, rng, rate, en, beads, unmerged)
    return en, beads


def _perturb_one(
    pairs: list[tuple[str, str]],
    i: int,
    at: int,
    rng: random.Random,
    rate: float,
    en: list[str],
    beads: list[Bead],
    unmerged: frozenset[int] = frozenset(),
) -> int:
    """Perturb pair ``i`` (Chinese index ``at``) into ``en`` and ``beads``; the next index."""
    r = rng.random()
    text = pairs[i][1]
    sentences = EN_SENTENCE.split(text)
    if r < rate * 0.35 and len(sentences) >= 2:
        parts = 3 if len(sentences) >= 3 and rng.random() < 0.3 else 2
        cuts = sorted(rng.sample(range(1, len(sentences)), parts - 1))
        pieces = [
            " ".join(sentences[a:b])
            for a, b in zip([0, *cuts], [*cuts, len(sentences)], strict=True)
        ]
        beads.append(((at,), tuple(range(len(en), len(en) + parts))))
        en.extend(pieces)
    elif r < rate * 0.6 and i + 1 < len(pairs) and not {i, i + 1} & unmerged:
        beads.append(((at, at + 1), (len(en),)))
        en.append(text + " " + pairs[i + 1][1])
        i += 1
    elif r < rate * 0.8:
        beads.append(((at,), ()))
    else:
        beads.append(((at,), (len(en),)))
        en.append(text)
    if rng.random() < rate * 0.15:
        beads.append(((), (len(en),)))
        en.append(rng.choice(ADDED))
    return i + 1


def real_cases() -> list[tuple[str, list[str], list[str], list[Bead]]]:
    """The real official pairs: (name, zh paragraphs, en paragraphs, gold beads)."""
    cases = []
    for folder in sorted(p for p in REAL.iterdir() if (p / "gold.json").exists()):
        zh = _blocks(folder / "zh.txt")
        en = _blocks(folder / "en.txt")
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["beads"]
        cases.append((folder.name, zh, en, [(tuple(a), tuple(b)) for a, b in gold]))
    return cases


def standing(name: str) -> str:
    """The case's standing at this scoring: tuned, tuned since, checked or held-out."""
    for kind, names in STANDINGS:
        if name in names:
            return kind
    raise SystemExit(f"{name}: a real case must be named in one of {[k for k, _ in STANDINGS]}")


def _blocks(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def item_pairs(rng: random.Random) -> list[tuple[str, str]]:
    """List items: the sentence pairs, and the 1-1 paragraph pairs of the tuned real cases."""
    rows = [
        _fill(*line.split("\t"), rng)
        for line in SENTENCES.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    for name, zh, en, gold in real_cases():
        if name in TUNED:
            rows += [
                (zh[a[0]], en[b[0]])
                for a, b in gold
                if len(a) == len(b) == 1 and zh[a[0]].endswith("。") and len(zh[a[0]]) < 150
            ]
    return rows


def _item(text: str, style: str, last: bool) -> str:
    body = text.rstrip(".")
    if style == "plain":
        return text
    lower = body[0].lower() + body[1:]
    end = "." if last else ";"
    if style == "bullet":
        return f"■ {lower}{end}"
    if style == "dash":
        return f"-- {lower}"
    return f"{lower}{end if not last else '.'}" if not last else f"and {lower}."


_CN = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三",
    "十四", "十五", "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三",
    "二十四", "二十五",
]  # fmt: skip


def list_case(rng: random.Random, rate: float, paragraphs: int | None = None) -> Case:
    """A policy article one or two of whose paragraphs the English gives as lists."""
    pairs = policy_pairs(rng)
    while paragraphs is not None and len(pairs) < paragraphs:
        pairs += policy_pairs(rng)
    pairs = pairs[:paragraphs] if paragraphs else pairs
    pool = item_pairs(rng)
    lists = set(rng.sample(range(len(pairs)), k=min(len(pairs), rng.choice([1, 1, 2]))))
    zh: list[str] = []
    en: list[str] = []
    gold: list[Bead] = []
    i = 0
    while i < len(pairs):
        if i in lists:
            items = rng.sample(pool, rng.randint(5, 25))
            lead_zh, lead_en = rng.choice(LEADS)
            if rng.random() < 0.25:
                # The reverse: numbered Chinese items, one English paragraph.
                numbered = [f"（{_CN[k]}）{z}" for k, (z, _) in enumerate(items)]
                run_on = "; ".join(e[0].lower() + e[1:].rstrip(".") for _, e in items)
                gold.append((tuple(range(len(zh), len(zh) + len(items) + 1)), (len(en),)))
                zh += [lead_zh, *numbered]
                en.append(f"{lead_en} {run_on}.")
                i += 1
                continue
            style = rng.choice(["bullet", "bullet", "dash", "semicolon", "plain"])
            zh.append(lead_zh + "；".join(z.rstrip("。") for z, _ in items) + "。")
            rendered = [_item(e, style, k == len(items) - 1) for k, (_, e) in enumerate(items)]
            gold.append(((len(zh) - 1,), tuple(range(len(en), len(en) + len(items) + 1))))
            en += [lead_en, *rendered]
            i += 1
            continue
        step = _perturb_one(pairs, i, len(zh), rng, rate, en, gold)
        zh += [z for z, _ in pairs[i:step]]
        i = step
    return ("lists", zh, en, gold)


def build_cases(n: int, rate: float, merge_headings: bool = False) -> list[Case]:
    cases: list[Case] = []
    if SAMPLE_PO.exists():
        pairs, headings = sample_pairs()
        unmerged = frozenset() if merge_headings else headings
        for seed in range(n):
            en, gold = perturb(pairs, random.Random(1000 + seed), rate, unmerged)
            cases.append((f"sample-{seed}", [z for z, _ in pairs], en, gold))
    for family, loose in (("policy", False), ("loose", True)):
        for seed in range(n):
            rng = random.Random(seed)
            pairs = policy_pairs(rng, loose)
            en, gold = perturb(pairs, rng, rate)
            cases.append((f"{family}-{seed}", [z for z, _ in pairs], en, gold))
    for seed in range(n):
        _, zh, en, gold = list_case(random.Random(500 + seed), rate)
        cases.append((f"lists-{seed}", zh, en, gold))
    return cases


def speed_case() -> tuple[list[str], list[str]]:
    """A lists article of 25 Chinese and about 60 English paragraphs."""
    seed = 0
    while True:
        _, zh, en, _gold = list_case(random.Random(9000 + seed), 0.3, paragraphs=25)
        if len(zh) == 25 and 55 <= len(en) <= 65:
            return zh, en
        seed += 1


def f1(pred: list[Bead], gold: list[Bead]) -> tuple[int, int, int]:
    hits = len(set(pred) & set(gold))
    return hits, len(pred), len(gold)


def score(hits: int, n_pred: int, n_gold: int) -> float:
    p, r = hits / max(n_pred, 1), hits / max(n_gold, 1)
    return 2 * p * r / (p + r) if p + r else 0.0


def real_table(glossary: Glossary) -> None:
    """Score every real case, and pool the cases of each standing."""
    print(f"{'real case':<24} {'set':<11} {'zh':>3} {'en':>3} {'longest':>7} "
          f"{'gale-church':>11} {'g60pub':>7}")  # fmt: skip
    sets: dict[tuple[str, str], list[int]] = {}
    for name, zh, en, gold in real_cases():
        kind = standing(name)
        longest = max(max(len(a), len(b)) for a, b in gold)
        shape = next(f"{len(a)}:{len(b)}" for a, b in gold if max(len(a), len(b)) == longest)
        row = []
        for system, length_only in (("gale-church", True), ("g60pub", False)):
            beads = align_paragraphs(zh, en, glossary, length_only=length_only)
            counts = f1([(b.zh, b.en) for b in beads], gold)
            row.append(score(*counts))
            acc = sets.setdefault((kind, system), [0, 0, 0])
            for k, v in enumerate(counts):
                acc[k] += v
        print(f"{name:<24} {kind:<11} {len(zh):>3} {len(en):>3} {shape:>7} "
              f"{row[0]:>11.3f} {row[1]:>7.3f}")  # fmt: skip
    for kind, _ in STANDINGS:
        gc, ours = (score(*sets.get((kind, s), [0, 0, 0])) for s in ("gale-church", "g60pub"))
        print(f"{'all ' + kind:<24} {kind:<11} {'':>3} {'':>3} {'':>7} {gc:>11.3f} {ours:>7.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=20, help="cases per synthetic family")
    parser.add_argument("--rate", type=float, default=0.3, help="perturbation rate per paragraph")
    parser.add_argument("--dump", type=Path, help="write synthetic cases as JSON")
    parser.add_argument("--real-only", action="store_true", help="the real cases alone")
    parser.add_argument(
        "--synthetic-only",
        action="store_true",
        help="the synthetic families alone (real cases held out stay unscored)",
    )
    parser.add_argument(
        "--merge-headings",
        action="store_true",
        help="let the perturbation run the sample's headings into a paragraph",
    )
    args = parser.parse_args()
    glossary = Glossary.load()
    start = time.process_time()
    dictionary.entries()
    load = time.process_time() - start

    if not args.synthetic_only:
        real_table(glossary)
    if args.real_only:
        return 0

    cases = build_cases(args.cases, args.rate, args.merge_headings)
    totals: dict[tuple[str, str], list[int]] = {}
    systems = (
        ("gale-church", True, None),
        ("g60pub-noglos", False, None),
        ("g60pub", False, glossary),
    )
    seconds = {name: 0.0 for name, _, _ in systems}
    for name, zh, en, gold in cases:
        family = name.split("-")[0]
        if args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
            case = {"zh": zh, "en": en, "beads": [{"zh": list(a), "en": list(b)} for a, b in gold]}
            (args.dump / f"{name}.json").write_text(json.dumps(case, ensure_ascii=False, indent=1))
        for system, length_only, glos in systems:
            start = time.process_time()
            beads = align_paragraphs(zh, en, glos, length_only=length_only)
            seconds[system] += time.process_time() - start
            pred = [(b.zh, b.en) for b in beads]
            for key in ((family, system), ("all", system)):
                acc = totals.setdefault(key, [0, 0, 0])
                for k, v in enumerate(f1(pred, gold)):
                    acc[k] += v
    print(f"\n{'synthetic':<10} {'system':<14} {'precision':>9} {'recall':>7} {'strict F1':>9}")
    for (family, system), (hits, n_pred, n_gold) in sorted(totals.items()):
        p, r = hits / max(n_pred, 1), hits / max(n_gold, 1)
        print(f"{family:<10} {system:<14} {p:>9.3f} {r:>7.3f} {score(hits, n_pred, n_gold):>9.3f}")
    print(f"\n{len(cases)} cases; CPU: " + ", ".join(f"{k} {v:.2f}s" for k, v in seconds.items()))

    zh, en = speed_case()
    runs = []
    for _ in range(5):
        start = time.process_time()
        align_paragraphs(zh, en, glossary)
        runs.append(time.process_time() - start)
    print(
        f"speed: {len(zh)} x {len(en)} paragraphs: median {statistics.median(runs):.3f}s CPU "
        f"(max {max(runs):.3f}s); loading CC-CEDICT once: {load:.3f}s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
