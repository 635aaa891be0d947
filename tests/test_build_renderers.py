"""The processes that render articles: forked before the build reads its plan
and the last build's record, so that they do not hold them (at 10,000
articles, a rebuild rendering every article again had each at 175 MB), and
stopped when the map ends, so that they are not held beside the reduce."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest
from conftest import cache_of, output_tree

import g60pub.build as build_module
from g60pub.build import BuildOptions, build


def _children_seen(monkeypatch: pytest.MonkeyPatch, name: str) -> list[int]:
    """Wrap ``g60pub.build.<name>`` to count this process's children each time it is called."""
    seen: list[int] = []
    real = getattr(build_module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        seen.append(len(multiprocessing.active_children()))
        return real(*args, **kwargs)

    monkeypatch.setattr(build_module, name, counted)
    return seen


def test_workers_are_forked_before_the_plan_and_stopped_before_the_reduce(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_plan = _children_seen(monkeypatch, "plan_build")
    at_reduce = _children_seen(monkeypatch, "assemble_outputs")
    out = tmp_path / "out"
    report = build(BuildOptions(project=corpus_copy, out=out, jobs=2, cache_dir=cache_of(out)))
    assert report.failures == [] and report.cache_hits == 0
    assert at_plan == [2]  # the two workers already run when the plan is read
    assert at_reduce == [0]  # and are gone by the reduce


def test_a_build_with_workers_forked_early_gives_the_bytes_of_one_without(
    corpus_copy: Path, tmp_path: Path
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    build(BuildOptions(project=corpus_copy, out=one, jobs=1, cache_dir=cache_of(one)))
    build(BuildOptions(project=corpus_copy, out=two, jobs=2, cache_dir=cache_of(two)))
    assert output_tree(one) == output_tree(two)
