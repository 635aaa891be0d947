"""Paragraph alignment benchmark: strict bead F1, length-only Gale-Church vs g60pub.

Cases are built here, deterministically, with their ground truth:

* ``sample``: the bundled article's Chinese blocks and their English from
  ``sources/<slug>.en.po``, the English then split, merged, thinned and
  padded at random (several seeds);
* ``policy``: synthetic policy/news articles assembled from the sentence
  pairs in ``tests/data/align/policy_sentences.tsv`` (figures and dates
  filled in at random), perturbed the same way;
* ``loose``: the same articles with a translator who joins a third of the
  sentences, so that sentence counts no longer match.

Perturbations of the English side, each with its true bead: a paragraph
split in two or three (1-2, 1-3), two paragraphs merged (2-1), a paragraph
dropped (1-0), an English-only paragraph added (0-1).

    python bench/align.py [--cases N] [--dump DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from g60pub.alignment import align_paragraphs  # noqa: E402
from g60pub.glossary import Glossary  # noqa: E402
from g60pub.translations.pofile import read_po  # noqa: E402

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


def sample_pairs() -> list[tuple[str, str]]:
    catalog = read_po(SAMPLE_PO)
    return [
        (str(m.id), str(m.string))
        for m in catalog
        if m.id and m.string and not str(m.context).startswith("meta:")  # byline fields
    ]


def perturb(
    pairs: list[tuple[str, str]], rng: random.Random, rate: float
) -> tuple[list[str], list[Bead]]:
    """The English side after random splits/merges/drops/additions, with the true beads."""
    en: list[str] = []
    beads: list[Bead] = []
    i = 0
    while i < len(pairs):
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
            beads.append(((i,), tuple(range(len(en), len(en) + parts))))
            en.extend(pieces)
        elif r < rate * 0.6 and i + 1 < len(pairs):
            beads.append(((i, i + 1), (len(en),)))
            en.append(text + " " + pairs[i + 1][1])
            i += 1
        elif r < rate * 0.8:
            beads.append(((i,), ()))
        else:
            beads.append(((i,), (len(en),)))
            en.append(text)
        if rng.random() < rate * 0.15:
            beads.append(((), (len(en),)))
            en.append(rng.choice(ADDED))
        i += 1
    return en, beads


def build_cases(n: int, rate: float) -> list[Case]:
    cases: list[Case] = []
    if SAMPLE_PO.exists():
        pairs = sample_pairs()
        for seed in range(n):
            en, gold = perturb(pairs, random.Random(1000 + seed), rate)
            cases.append((f"sample-{seed}", [z for z, _ in pairs], en, gold))
    for family, loose in (("policy", False), ("loose", True)):
        for seed in range(n):
            rng = random.Random(seed)
            pairs = policy_pairs(rng, loose)
            en, gold = perturb(pairs, rng, rate)
            cases.append((f"{family}-{seed}", [z for z, _ in pairs], en, gold))
    return cases


def f1(pred: list[Bead], gold: list[Bead]) -> tuple[int, int, int]:
    hits = len(set(pred) & set(gold))
    return hits, len(pred), len(gold)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=20, help="cases per family")
    parser.add_argument("--rate", type=float, default=0.3, help="perturbation rate per paragraph")
    parser.add_argument("--dump", type=Path, help="write each case with its ground truth as JSON")
    args = parser.parse_args()
    cases = build_cases(args.cases, args.rate)
    totals: dict[tuple[str, str], list[int]] = {}
    glossary = Glossary.load()
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
            start = time.perf_counter()
            beads = align_paragraphs(zh, en, glos, length_only=length_only)
            seconds[system] += time.perf_counter() - start
            pred = [(b.zh, b.en) for b in beads]
            for key in ((family, system), ("all", system)):
                acc = totals.setdefault(key, [0, 0, 0])
                for k, v in enumerate(f1(pred, gold)):
                    acc[k] += v
    print(f"{'cases':<10} {'system':<14} {'precision':>9} {'recall':>7} {'strict F1':>9}")
    for (family, system), (hits, n_pred, n_gold) in sorted(totals.items()):
        p, r = hits / max(n_pred, 1), hits / max(n_gold, 1)
        score = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{family:<10} {system:<14} {p:>9.3f} {r:>7.3f} {score:>9.3f}")
    print(f"\n{len(cases)} cases; time: " + ", ".join(f"{k} {v:.2f}s" for k, v in seconds.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
