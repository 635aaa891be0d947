"""Glossary matching and glossary-aware conversion throughput.

    python bench/glossary.py [--mb 1] [--terms 10000] [--seed 0]

Prints a table: ``Glossary.find`` MB/s on ~1 MB of Chinese and of English text
with the bundled glossary, with a synthetic glossary of N terms, and with the
synthetic one layered on the bundled one (as a project's glossary is); and
``g60pub.script`` conversion throughput against raw OpenCC on the same text,
converted paragraph by paragraph as a build does. Sizes are UTF-8 bytes.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from g60pub.glossary import Glossary  # noqa: E402
from g60pub.glossary.csvio import make_term  # noqa: E402
from g60pub.script import Converter  # noqa: E402

SEED_TEXT = ROOT / "tests" / "data" / "glossary" / "seed_article.txt"
COMMON_HANZI = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产"
    "种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本"
    "去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或"
    "但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式"
)
WORDS = [
    *("innovation", "corridor", "regional", "development", "platform", "industry"),
    *("science", "technology", "integration", "strategy", "service", "reform", "market"),
    *("capital", "talent", "network", "digital", "green", "manufacturing", "delta"),
    *("cooperation", "pilot", "zone", "demonstration", "base", "system", "policy"),
]


def english_text(glossary: Glossary, size: int, rng: random.Random) -> str:
    renderings = [t.en for t in glossary]
    parts: list[str] = []
    total = 0
    while total < size:
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
        words.insert(rng.randrange(len(words)), rng.choice(renderings))
        sentence = " ".join(words).capitalize() + ". "
        parts.append(sentence)
        total += len(sentence)
    return "".join(parts)


def chinese_text(size: int) -> str:
    seed = SEED_TEXT.read_text(encoding="utf-8")
    text = seed * (size // len(seed.encode("utf-8")) + 1)
    data = text.encode("utf-8")[:size]
    return data.decode("utf-8", errors="ignore")


def synthetic_glossary(n: int, rng: random.Random) -> Glossary:
    terms = {}
    while len(terms) < n:
        zh = "".join(rng.choice(COMMON_HANZI) for _ in range(rng.randint(2, 6)))
        en = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4))) + f" {len(terms)}"
        terms.setdefault(zh, make_term(zh, en, source="synthetic"))
    return Glossary(terms.values())


def rate(fn: Callable[[], object], nbytes: int, repeat: int = 11) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return nbytes / best / 1e6


def paired_rates(
    fn: Callable[[], object], baseline: Callable[[], object], nbytes: int, repeat: int = 15
) -> tuple[float, float]:
    """Best-of-N MB/s of ``fn`` and ``baseline``, run alternately so that a
    busy machine slows both alike."""
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for i, f in enumerate((fn, baseline)):
            start = time.process_time()
            f()
            best[i] = min(best[i], time.process_time() - start)
    return nbytes / best[0] / 1e6, nbytes / best[1] / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--terms", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    size = int(args.mb * 1_000_000)

    bundled = Glossary.bundled()
    synthetic = synthetic_glossary(args.terms, rng)
    start = time.process_time()
    layered = bundled.combine(synthetic)
    combined = time.process_time() - start
    zh = chinese_text(size)
    print(f"text: {len(zh.encode()) / 1e6:.2f} MB Chinese (the sample article repeated);")
    print(f"      {size / 1e6:.2f} MB English sentences, one rendering of the glossary in each")
    print()
    print(f"layering {len(synthetic)} terms on the bundled glossary: {combined:.3f} s")
    print()
    print(f"{'find':<34} {'terms':>7} {'build s':>8} {'MB/s':>8} {'matches':>8}")
    shown = (
        ("bundled", bundled),
        (f"synthetic {args.terms}", synthetic),
        (f"bundled + synthetic {args.terms}", layered),
    )
    for name, glossary in shown:
        start = time.process_time()
        glossary.find("")  # builds the automata
        built = time.process_time() - start
        en = english_text(glossary, size, rng)
        for label, text in (("zh", zh), ("en", en)):
            mbps = rate(lambda g=glossary, t=text: g.find(t), len(text.encode()))
            found = len(glossary.find(text))
            row = f"{name} / {label}"
            print(f"{row:<34} {len(glossary):>7} {built:>8.2f} {mbps:>8.1f} {found:>8}")

    paragraphs = [p for p in zh.split("\n") if p.strip()]
    nbytes = sum(len(p.encode()) for p in paragraphs)
    print()
    print(f"{'convert (per paragraph)':<34} {'MB/s':>8} {'OpenCC MB/s':>12} {'ratio':>7}")
    for config in ("s2t", "s2twp", "t2s"):
        source = paragraphs
        if config == "t2s":
            to_hant = opencc.OpenCC("s2t")
            source = [to_hant.convert(p) for p in paragraphs]
        raw = opencc.OpenCC(config)
        converter = Converter(config, bundled)
        ours, base = paired_rates(
            lambda c=converter, s=source: [c.convert(p) for p in s],
            lambda r=raw, s=source: [r.convert(p) for p in s],
            nbytes,
        )
        print(f"{config + ' bundled glossary':<34} {ours:>8.2f} {base:>12.2f} {ours / base:>7.0%}")


if __name__ == "__main__":
    main()
