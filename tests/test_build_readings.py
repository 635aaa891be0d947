"""The glossary appendix's pinyin is worked out once and kept with the build
state: a rebuild does not load pypinyin's phrase list (about 55 MB), and
what it writes is the same as a build that worked every reading out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import build_with_cache, cache_of, edit_a_translation, output_tree

from g60pub.build.record import READINGS_RECORD, learn_readings
from g60pub.build.sealed import write_record
from g60pub.editions.appendix import READINGS, Readings, pinyin


def _build_in_own_process(project: Path, out: Path) -> list[str]:
    """Build in a new process; the heavy modules it loaded, of pypinyin and
    python-docx, after making sure it assembled the editions."""
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from g60pub.build import BuildOptions, build\n"
        f"report = build(BuildOptions(project=Path({str(project)!r}), out=Path({str(out)!r}),"
        f" cache_dir=Path({str(cache_of(out))!r})))\n"
        "assert 'reduce' in report.stages, report.stages\n"
        "print(json.dumps(sorted(m for m in sys.modules if m in ('pypinyin', 'docx'))))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    )
    loaded: list[str] = json.loads(proc.stdout.strip().splitlines()[-1])
    return loaded


def test_a_rebuild_reads_the_readings_and_loads_neither_pypinyin_nor_docx(
    corpus_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert _build_in_own_process(corpus_copy, out) == ["pypinyin"]
    assert (cache_of(out) / READINGS_RECORD).is_file()
    # One article's translation changed: its headwords were all seen before.
    edit_a_translation(corpus_copy)
    assert _build_in_own_process(corpus_copy, out) == []
    cold = tmp_path / "cold"
    build_with_cache(corpus_copy, cold, use_cache=False)
    assert output_tree(out) == output_tree(cold)


def test_readings_learned_are_the_readings_worked_out() -> None:
    fresh = Readings()
    worked = {zh: fresh.of(zh) for zh in ("长三角", "科创走廊", "重庆", "G60科创走廊")}
    assert fresh.added == 4
    seeded = Readings()
    seeded.learn(worked)
    assert {zh: seeded.of(zh) for zh in worked} == worked
    assert seeded.added == 0
    assert worked["长三角"][0] == "cháng sān jiǎo"
    assert worked["重庆"] == ("chóng qìng", ("chong2", "qing4"))


def test_a_readings_record_of_another_kind_is_not_learned(tmp_path: Path) -> None:
    # Written by another pypinyin (or other corrections), it would be wrong.
    write_record(tmp_path / READINGS_RECORD, "readings/0000", {"银行": ("xxx", ("xxx1",))})
    learn_readings(tmp_path)
    assert pinyin("银行") == "yín háng"


def test_a_damaged_readings_record_gives_a_cold_build_s_bytes(
    corpus_copy: Path, tmp_path: Path
) -> None:
    cold = tmp_path / "cold"
    build_with_cache(corpus_copy, cold, use_cache=False)
    out = tmp_path / "out"
    build_with_cache(corpus_copy, out)
    record = cache_of(out) / READINGS_RECORD
    record.write_bytes(record.read_bytes()[:-5] + b"xxxxx")
    edit_a_translation(corpus_copy)
    build_with_cache(corpus_copy, cold, use_cache=False)
    build_with_cache(corpus_copy, out)
    assert output_tree(out) == output_tree(cold)
    assert READINGS.of("科创走廊")[0] == "kē chuàng zǒu láng"
