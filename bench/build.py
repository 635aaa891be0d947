"""Benchmark the build: full, no-op and one-article-changed, at N and 2N articles.

    python bench/build.py --articles N [--jobs 2] [--keep DIR] [--seed S] [--once]
                          [--formats html]

Each build runs as its own process (``python -m g60pub build``), so the wall
time includes interpreter start-up and the peak memory is that of the whole
process tree: the parent and its pool workers, sampled from /proc and summed.
The build's own per-stage seconds come from ``--timings`` (a JSON object on
the last line of its standard output). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # bench/ is not a package: found through the path above

PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True, slots=True)
class Run:
    """One measured build."""

    articles: int
    kind: str
    wall: float
    tree_rss: int  # bytes, peak of the sum over the process tree
    max_rss: int  # bytes, largest single process (getrusage)
    cpu: float  # seconds of user + system time over the process tree
    stages: dict[str, float] = field(default_factory=dict)
    status: int = 0

    @property
    def rate(self) -> float:
        return self.articles / self.wall if self.wall else 0.0


_LIBC = ctypes.CDLL(None, use_errno=True)
_SYS_KCMP, _KCMP_VM = 312, 1  # x86-64 Linux


def _shares_memory(pid: int, parent: int) -> bool:
    """Whether ``pid`` runs in ``parent``'s address space: a child between
    ``vfork`` and ``exec`` (as ``subprocess`` starts Pagefind) shows its
    parent's resident pages as its own, though they are the same pages."""
    if os.uname().machine != "x86_64":
        return False
    return bool(_LIBC.syscall(_SYS_KCMP, pid, parent, _KCMP_VM, 0, 0) == 0)


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and every descendant, read from /proc; a
    descendant that shares its parent's address space is counted once."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit() and (fields := _stat(int(entry.name))):
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    total, stack = 0, [(root, 0)]
    while stack:
        pid, parent = stack.pop()
        stack.extend((child, pid) for child in children.get(pid, ()))
        # Asked before the size is read: a child that has run exec since
        # reads as its own (small) size, not as its parent's.
        if parent and _shares_memory(pid, parent):
            continue
        fields = _stat(pid)
        total += int(fields[21]) * PAGE if fields else 0
    return total


def _stat(pid: int) -> list[bytes]:
    """The fields of /proc/PID/stat after the command name (state, ppid, ...)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return []
    return stat[stat.rindex(b")") + 2 :].split()


def run_build(
    project: Path, out: Path, jobs: int, kind: str, articles: int, formats: str | None = None
) -> Run:
    """Run one build process and measure it (``formats``: as ``--formats`` takes them)."""
    cmd = [
        sys.executable, "-m", "g60pub", "build", "--project", str(project), "--out", str(out),
        "--jobs", str(jobs), "--timings", *(("--formats", formats) if formats else ()),
    ]  # fmt: skip
    with tempfile.TemporaryFile() as out_f, tempfile.TemporaryFile() as err_f:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out_f, stderr=err_f)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], _tree_rss(proc.pid))
                done.wait(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        # wait4 gives this child's own rusage; on Linux its ru_maxrss is the
        # largest of the build process and the pool workers it reaped.
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        done.set()
        sampler.join()
        out_f.seek(0)
        err_f.seek(0)
        stdout, stderr = out_f.read(), err_f.read()
    if proc.returncode not in (0, 1):
        sys.stderr.write(stderr.decode("utf-8", "replace"))
    cpu = usage.ru_utime + usage.ru_stime
    stages = _stages(stdout)
    return Run(articles, kind, wall, peak[0], usage.ru_maxrss * 1024, cpu, stages, proc.returncode)


def _stages(stdout: bytes) -> dict[str, float]:
    for line in reversed(stdout.decode("utf-8", "replace").splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                continue
            stages = dict(data.get("stages", data))
            if "cache_hits" in data:
                stages["cache hits"] = data["cache_hits"]
            if "inputs_read" in data:
                stages["inputs read"] = data["inputs_read"]
            return {k: float(v) for k, v in stages.items() if isinstance(v, int | float)}
    return {}


def prepare(project: Path, articles: int, seed: int) -> tuple[corpus.TermPicker, int]:
    """Write (or reuse) the corpus; returns the picker and the article to change."""
    picker = corpus.load_picker()
    changed = articles // 2
    have = len(list((project / "sources").glob("*.html"))) if project.is_dir() else 0
    if have != articles or not (project / "glossary").is_dir():
        shutil.rmtree(project, ignore_errors=True)
        t = time.perf_counter()
        corpus.write_corpus(project, articles, seed)
        print(f"corpus of {articles} written in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    else:
        # A kept corpus may hold the changed article from the previous run.
        corpus.write_article(project, corpus.make_spec(picker, seed, changed))
    return picker, changed


def bench(articles: int, jobs: int, base: Path, seed: int, formats: str | None = None) -> list[Run]:
    project, out = base / f"corpus-{articles}", base / f"out-{articles}"
    picker, changed = prepare(project, articles, seed)
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(project / ".g60pub-cache", ignore_errors=True)  # the build state: cold
    runs = [run_build(project, out, jobs, "full (cold)", articles, formats)]
    runs.append(run_build(project, out, jobs, "no-op rebuild", articles, formats))
    corpus.write_article(project, corpus.make_spec(picker, seed, changed, revision=1))
    runs.append(run_build(project, out, jobs, "one article changed", articles, formats))
    return runs


# Per-article stages and the functions that do them (cumulative profile time).
STAGE_FUNCTIONS = {
    "normalise": ("normalize_file",),
    "align/QA": ("load_publication", "check_publication"),
    "convert + terms": ("make_view", "mark_chinese"),
    "render epub": ("render_chapter",),
    "render html": ("render_article_page",),
    "render txt": ("render_article_text",),
    "pack": ("pack_article", "to_entry"),
}


def stage_profile(project: Path, count: int) -> dict[str, float]:
    """Milliseconds of CPU per article in each stage over the first ``count``
    articles rendered in this process (total measured, split by cProfile)."""
    import cProfile
    import pstats

    from g60pub.build.article import render_article
    from g60pub.build.entry import to_entry
    from g60pub.build.plan import ArticleJob
    from g60pub.config import load_config
    from g60pub.editions.files import pack_article
    from g60pub.project import article_sources, load_glossary

    config = load_config(project)
    glossary = load_glossary(project, config)
    jobs = [ArticleJob.for_source(s, project, config) for s in article_sources(project)[:count]]
    # What a pool worker does per article: render, pack, make the cache entry.
    to_entry(pack_article(render_article(jobs[0], glossary)))  # warm: converters, templates
    started = time.process_time()
    for job in jobs:
        to_entry(pack_article(render_article(job, glossary)))
    real = (time.process_time() - started) * 1000 / len(jobs)
    # cProfile's own cost inflates every call; its shares, scaled to the time
    # measured without it, estimate each stage's milliseconds.
    profiler = cProfile.Profile()
    profiler.enable()
    for job in jobs:
        to_entry(pack_article(render_article(job, glossary)))
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]

    def cumulative(names: tuple[str, ...]) -> float:
        return float(sum(ct for (_, _, name), (_, _, _, ct, _) in stats.items() if name in names))

    profiled = cumulative(("render_article", "pack_article", "to_entry"))
    out = {"total": real}
    for stage, names in STAGE_FUNCTIONS.items():
        out[stage] = real * cumulative(names) / profiled
    return out


def table(runs: Sequence[Run]) -> str:
    stage_names: list[str] = []
    for run in runs:
        stage_names.extend(s for s in run.stages if s not in stage_names)
    head = ["articles", "build", "wall s", "CPU s", "articles/s", "peak RSS tree MB", "max proc MB"]
    head += [s if s in ("cache hits", "inputs read") else f"{s} s" for s in stage_names]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in runs:
        cells = [
            str(r.articles),
            r.kind + ("" if r.status in (0, 1) else f" (exit {r.status})"),
            f"{r.wall:.2f}",
            f"{r.cpu:.2f}",
            f"{r.rate:.0f}",
            f"{r.tree_rss / 2**20:.0f}",
            f"{r.max_rss / 2**20:.0f}",
        ]
        cells += [_cell(r.stages.get(s)) for s in stage_names]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cell(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.0f}" if value.is_integer() and value >= 10 else f"{value:.2f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark g60pub builds at N and 2N articles.")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="keep corpora and outputs here (and reuse them)")
    parser.add_argument(
        "--once", action="store_true", help="N articles only, not N and 2N (for a large N)"
    )
    parser.add_argument(
        "--formats", help="the formats to build, as build --formats takes them (default: all)"
    )
    args = parser.parse_args(argv)
    base = args.keep or Path(tempfile.mkdtemp(prefix="g60pub-bench-"))
    runs: list[Run] = []
    try:
        for n in (args.articles,) if args.once else (args.articles, 2 * args.articles):
            runs += bench(n, args.jobs, base, args.seed, args.formats)
        profile = stage_profile(base / f"corpus-{args.articles}", min(args.articles, 100))
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    print(table(runs))
    print("\nCPU per article by stage (ms, cProfile in one process, which adds overhead):\n")
    print("| " + " | ".join(profile) + " |")
    print("|" + "---|" * len(profile))
    print("| " + " | ".join(f"{v:.1f}" for v in profile.values()) + " |")
    full = [r for r in runs if r.kind.startswith("full")]
    if len(full) == 2:
        print(f"\n2N/N full-build cost: {full[1].wall / full[0].wall:.2f}x")
    return 0 if all(r.status in (0, 1) for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
