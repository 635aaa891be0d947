"""The build's records (last build, containers' parts, input stamps) are
compact checksummed files; a damaged or foreign one is ignored whole, and
the build that finds it gives a cold build's bytes."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from benchmark_corpus import corpus
from conftest import build_with_cache, cache_of, output_tree

from g60pub.build import BuildOptions, output_state
from g60pub.build.inputs import INPUTS, SETTLED
from g60pub.build.record import CONTAINERS, LAST_BUILD, read_last_build
from g60pub.build.sealed import read_record, read_records, write_record, write_records

ARTICLES = 6


@pytest.fixture
def project(corpus_project: Path, tmp_path: Path, fixed_date: None) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(corpus_project, copy)
    time.sleep(SETTLED / 1e9 + 0.1)  # stamps are kept only for settled files (inputs.py)
    return copy


def _state(project: Path, out: Path) -> Path:
    return output_state(BuildOptions(project=project, out=out, cache_dir=cache_of(out)))


def _change_one_article(project: Path) -> None:
    corpus.write_article(project, corpus.make_spec(corpus.load_picker(), 3, 2, revision=7))


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) * 2 // 3] ^= 0x20  # one bit, inside the record's body
    path.write_bytes(bytes(data))


def test_a_record_reads_back_what_was_written(tmp_path: Path) -> None:
    value = {"html/en/a.html": (12, 1_700_000_000_123_456_789, "raw:ab"), "b": (0, 0, "")}
    write_record(tmp_path / "r", "kind/1", value)
    assert read_record(tmp_path / "r", "kind/1") == value


def test_a_record_of_another_kind_or_version_is_not_read(tmp_path: Path) -> None:
    write_record(tmp_path / "r", "kind/1", {"a": 1})
    assert read_record(tmp_path / "r", "kind/2") is None


def test_a_record_with_one_bit_changed_is_not_read(tmp_path: Path) -> None:
    write_record(tmp_path / "r", "kind/1", {"a": "x" * 100})
    _damage(tmp_path / "r")
    assert read_record(tmp_path / "r", "kind/1") is None


def test_a_damaged_last_build_record_makes_a_real_build_with_a_cold_builds_bytes(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    state = _state(project, out)
    assert read_last_build(state) is not None
    _damage(state / LAST_BUILD)
    assert read_last_build(state) is None
    report = build_with_cache(project, out)
    assert "map" in report.stages  # not a build with nothing to do
    assert read_last_build(state) is not None  # written again, whole


def test_damaged_records_after_a_change_still_give_a_cold_builds_bytes(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    state = _state(project, out)
    for path in (state / LAST_BUILD, state / CONTAINERS, cache_of(out) / INPUTS):
        _damage(path)
    _change_one_article(project)
    report = build_with_cache(project, out)
    assert report.inputs_read == 2 * ARTICLES  # no stamp trusted: every file read again
    cold = tmp_path / "cold"
    build_with_cache(project, cold)
    assert output_tree(out) == output_tree(cold)


def test_a_build_removes_the_json_records_of_earlier_versions(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build_with_cache(project, out)
    state = _state(project, out)
    legacy = [
        state / f"{LAST_BUILD}.json",
        state / f"{CONTAINERS}.json",
        cache_of(out) / f"{INPUTS}.json",
    ]
    for path in legacy:
        path.write_text("{}", encoding="utf-8")
    _change_one_article(project)
    build_with_cache(project, out)
    assert [path for path in legacy if path.exists()] == []


def test_the_last_build_s_stamps_and_digests_read_back_as_made(tmp_path: Path) -> None:
    from g60pub.build.record import LastBuild, write_last_build

    sha = "0123456789abcdef" * 4
    stamps = {"a.html": (12, 1_700_000_000_123_456_789), "b.zip": (0, -5), "c": (7, 1), "d": (1, 2)}
    digests = {"a.html": f"tailed:{sha}", "b.zip": f"raw:{sha}", "c": "other:not hex"}
    write_last_build(tmp_path, LastBuild.made("inputs", stamps, {"files": 4}, digests))
    record = read_last_build(tmp_path)
    assert record is not None
    assert (record.inputs, record.report) == ("inputs", {"files": 4})
    assert dict(record.outputs) == stamps
    assert dict(record.digests) == digests  # "d" was recorded without one
    assert record.digests.get("d") is None and "d" not in record.digests
    untouched = record.untouched(["a.html"])
    assert dict(untouched) == {"b.zip": f"raw:{sha}", "c": "other:not hex"}
    assert untouched.get("a.html") is None and "a.html" not in untouched


def test_after_a_build_only_the_outputs_it_wrote_are_stamped_again(tmp_path: Path) -> None:
    from g60pub.build.record import LastBuild, untouched_digests

    sha, other = "0123456789abcdef" * 4, "fedcba9876543210" * 4
    out = tmp_path / "out"
    out.mkdir()
    for name in ("kept.html", "touched.html", "written.html"):
        (out / name).write_text(name, encoding="utf-8")
    os.utime(out / "kept.html", ns=(1, 1_600_000_000_000_000_000))
    stamps = {
        "kept.html": (9, 1_600_000_000_000_000_000),
        "touched.html": (12, 5),  # not the stamp on disk: edited by hand since
        "written.html": (12, os.stat(out / "written.html").st_mtime_ns),
        "gone.html": (3, 4),
        "plain": (5, 6),
    }
    digests = {name: f"raw:{sha}" for name in stamps if name != "plain"}
    last = LastBuild.made("before", stamps, {}, digests)
    known = untouched_digests(out, last)
    # Found as the last build left them: same size and time; "plain" was
    # recorded without a digest.
    assert dict(known) == {"kept.html": f"raw:{sha}", "written.html": f"raw:{sha}"}
    # This build wrote "written.html" anew and "touched.html" back; "kept.html"
    # it did not write (its digest is its known one).
    (out / "written.html").write_text("written again", encoding="utf-8")
    now = {"kept.html": f"raw:{sha}", "touched.html": f"raw:{sha}", "written.html": f"raw:{other}"}
    (out / "kept.html").unlink()  # were it stat'ed again, the record could not be made
    record = LastBuild.after(out, "after", {"files": 3}, now, last, known)
    assert record.inputs == "after" and record.report == {"files": 3}
    assert record.packed["kept.html"] == last.packed["kept.html"]
    assert dict(record.digests) == now
    assert record.outputs["written.html"] == (13, os.stat(out / "written.html").st_mtime_ns)
    assert record.outputs["touched.html"] == (12, os.stat(out / "touched.html").st_mtime_ns)


def test_records_written_one_after_another_read_back_in_order(tmp_path: Path) -> None:
    values = [("epub/a.epub", (("mimetype", "raw:" + "0" * 64, 38, 20),)), ("b", ()), {"c": 1}]
    write_records(tmp_path / "r", "kind/1", iter(values))
    assert list(read_records(tmp_path / "r", "kind/1") or ()) == values
    assert read_records(tmp_path / "r", "kind/2") is None
    _damage(tmp_path / "r")
    assert read_records(tmp_path / "r", "kind/1") is None
    assert not list(tmp_path.glob(".r.*.tmp"))
