"""What a build did: counts, warnings, failures and timings, for the closing
summary line and the exit status."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from g60pub.editions.assemble import Outputs
from g60pub.editions.files import PackedArticle


@dataclass(slots=True)
class BuildReport:
    """What a build did, for the closing summary and the exit status."""

    editions: int = 0
    articles: int = 0
    files: int = 0
    warnings: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    qa_errors: int = 0
    qa_report: str | None = None  # the QA report's path, when the build wrote one
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    cache_hits: int = 0
    inputs_read: int = 0  # source and PO files read (the others' digests were known)

    @property
    def exit_status(self) -> int:
        return 1 if self.failures else 0

    def strict_exit_status(self) -> int:
        """The exit status when QA errors fail the build too (``build --strict``)."""
        return 1 if self.failures or self.qa_errors else 0

    def summary(self) -> str:
        report = f" (see {self.qa_report})" if self.qa_report else ""
        return (
            f"built {_count(self.editions, 'edition')} from {_count(self.articles, 'article')}: "
            f"{_count(len(self.warnings), 'warning')}, {_count(len(self.failures), 'error')}, "
            f"{_count(self.qa_errors, 'QA error')}{report}, {self.seconds:.1f} s"
        )

    def tally(self, results: Sequence[PackedArticle], outputs: Outputs) -> None:
        """Count what the map and the reduce made."""
        self.articles = sum(r.ok for r in results)
        self.editions = outputs.editions
        self.files = len(outputs.files)
        self.failures.extend(e for r in results for e in (r.error, *r.failures) if e)
        self.warnings.extend(w for r in results for w in r.warnings)
        self.qa_errors = sum(f.counts_as_error for r in results for f in r.findings)

    def record(self) -> dict[str, object]:
        """The summary a later build with nothing to do reports again."""
        return {
            "editions": self.editions,
            "articles": self.articles,
            "files": self.files,
            "warnings": self.warnings,
            "failures": self.failures,
            "qa_errors": self.qa_errors,
        }

    def restore(self, record: dict[str, object]) -> None:
        # A build with nothing to do reports what the build that did the work said,
        # warnings, failures and exit status included.
        self.editions = int(str(record.get("editions", 0)))
        self.articles = int(str(record.get("articles", 0)))
        self.files = int(str(record.get("files", 0)))
        self.qa_errors = int(str(record.get("qa_errors", 0)))
        warnings, failures = record.get("warnings", []), record.get("failures", [])
        self.warnings = [str(w) for w in warnings] if isinstance(warnings, list) else []
        self.failures = [str(f) for f in failures] if isinstance(failures, list) else []


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


class Stages:
    """Wall seconds of each step, into the report (``--timings``)."""

    def __init__(self, report: BuildReport) -> None:
        self.report = report
        self.started = self.clock = time.perf_counter()

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        self.report.stages[name] = round(now - self.clock, 4)
        self.clock = now

    def done(self) -> BuildReport:
        self.report.seconds = time.perf_counter() - self.started
        return self.report


def progress_bar(stream: TextIO = sys.stderr) -> Callable[[int, int], None] | None:
    """A one-line progress bar on a terminal; nothing when not a TTY."""
    if not stream.isatty():
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // total if total else width
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} articles")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show
