"""Start-up time of the command line: wall seconds from exec to exit.

    python bench/startup.py [--runs 7]

Runs each command as its own process (``python -m g60pub ...``) and prints
the median and the fastest of the runs as a Markdown table, with the bare
interpreter (``python -c pass``) for comparison.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence

COMMANDS = (
    ("python -c pass", [sys.executable, "-c", "pass"]),
    ("g60pub --help", [sys.executable, "-m", "g60pub", "--help"]),
    ("g60pub build --help", [sys.executable, "-m", "g60pub", "build", "--help"]),
    ("g60pub serve --help", [sys.executable, "-m", "g60pub", "serve", "--help"]),
    ("g60pub update --help", [sys.executable, "-m", "g60pub", "update", "--help"]),
    ("g60pub glossary lookup 科创走廊",
     [sys.executable, "-m", "g60pub", "glossary", "lookup", "科创走廊"]),
)  # fmt: skip


def measure(cmd: Sequence[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - started)
    return times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Start-up time of g60pub commands.")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    print("| command | median s | fastest s |")
    print("|---|---|---|")
    for name, cmd in COMMANDS:
        times = measure(cmd, args.runs)
        print(f"| `{name}` | {statistics.median(times):.3f} | {min(times):.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
