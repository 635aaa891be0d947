"""``kill -9`` at any moment leaves whole files: builds and ``update`` interrupted for real.

A corpus of 60 articles (bench/corpus.py) makes a build last long enough
for several kill points. A kill point is a state the process is seen to
reach (the output directory locked, cache entries written, outputs being
written, PO files replaced), not a time: each test asserts that the kill
landed (the process died of SIGKILL), so none of them can pass by testing an
ordinary build. Whatever the process had reached, every output present must
be whole, and the next build must give the bytes of a clean build.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import lxml.etree as etree
import pytest
from conftest import EPOCH, REPO, cache_of

from g60pub.build.record import LAST_BUILD
from g60pub.build.write import UNFINISHED, begin_writing, end_writing

ARTICLES = 60
ENV = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
OPF_NS = {"opf": "http://www.idpf.org/2007/opf"}


def g60pub(*args: str, cwd: Path | None = None) -> subprocess.Popen[bytes]:
    if "--out" in args:  # each output its own cache, as if each were its own project
        args = (*args, "--cache-dir", str(cache_of(Path(args[args.index("--out") + 1]))))
    return subprocess.Popen(
        [sys.executable, "-m", "g60pub", *args],
        cwd=cwd,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # the kill reaches the worker processes too
    )


def kill_when(proc: subprocess.Popen[bytes], reached: Callable[[], bool]) -> None:
    """SIGKILL ``proc`` and its workers as soon as ``reached()``; fail if it ends first."""
    deadline = time.monotonic() + 300  # a ceiling against a hang, not a timing claim
    while not reached():
        if proc.poll() is not None:
            pytest.fail("the process finished before the kill point")
        if time.monotonic() > deadline:
            pytest.fail("the kill point was never reached")
        time.sleep(0.005)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the kill did not land"


def entries(out: Path, since: int = 0) -> int:
    """Cache entries under ``out`` written after ``since`` (ns)."""
    root = cache_of(out) / "articles"
    if not root.is_dir():
        return 0
    count = 0
    for shard in os.scandir(root):
        if not shard.is_dir():
            continue
        try:
            found = list(os.scandir(shard.path))
        except FileNotFoundError:
            continue  # a shard the build's pruning emptied and removed meanwhile
        for entry in found:
            if entry.name.startswith("."):
                continue  # an entry being written (a temp file that may vanish)
            try:
                count += entry.stat().st_mtime_ns > since
            except FileNotFoundError:
                continue
    return count


def writing(directory: Path) -> bool:
    """Temp files of an atomic write are in ``directory``: outputs are being written."""
    return directory.is_dir() and any(_temp(Path(e.path)) for e in os.scandir(directory))


def finish(proc: subprocess.Popen[bytes]) -> None:
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err.decode("utf-8", "replace")


def outputs(out: Path) -> dict[str, bytes]:
    """The build's outputs: every file but a killed build's temp files."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not _temp(p)
    }


def _temp(path: Path) -> bool:
    return path.name.startswith(".") and path.name.endswith(".tmp")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    subprocess.run(
        [
            sys.executable,
            str(REPO / "bench/corpus.py"),
            "--articles",
            str(ARTICLES),
            "--out",
            str(root),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return root


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("reference") / "output"
    finish(g60pub("build", "--project", str(corpus), "--out", str(out), "--jobs", "2"))
    return outputs(out)


def assert_whole(out: Path) -> None:
    for path in sorted(out.rglob("*")):
        if not path.is_file() or _temp(path):
            continue
        if path.suffix == ".epub":
            _assert_whole_epub(path)
        elif path.suffix == ".html":
            text = path.read_text("utf-8")
            assert text.rstrip().endswith("</html>"), path
            etree.fromstring(text.encode(), etree.HTMLParser(recover=False))
        elif path.suffix in (".tbx", ".tmx"):
            etree.fromstring(path.read_bytes())


def _assert_whole_epub(path: Path) -> None:
    with zipfile.ZipFile(path) as book:
        assert book.testzip() is None, path
        names = book.namelist()
        assert names[0] == "mimetype", path
        container = etree.fromstring(book.read("META-INF/container.xml"))
        rootfile = next(el for el in container.iter() if etree.QName(el).localname == "rootfile")
        opf_name = str(rootfile.get("full-path"))
        opf = etree.fromstring(book.read(opf_name))
        base = opf_name.rsplit("/", 1)[0] + "/" if "/" in opf_name else ""
        for item in opf.iterfind("opf:manifest/opf:item", namespaces=OPF_NS):
            assert base + str(item.get("href")) in names, (path, item.get("href"))


BUILD_POINTS: dict[str, Callable[[Path], bool]] = {
    "output locked": lambda out: out.is_dir(),
    "first entry cached": lambda out: entries(out) >= 1,
    "half the entries cached": lambda out: entries(out) >= ARTICLES // 2,
    "books being written": lambda out: writing(out / "epub"),
}


@pytest.mark.parametrize("point", BUILD_POINTS)
def test_a_build_killed_mid_way_leaves_only_whole_files_and_the_next_build_is_clean(
    corpus: Path, reference: dict[str, bytes], tmp_path: Path, point: str
) -> None:
    out = tmp_path / "output"
    proc = g60pub("build", "--project", str(corpus), "--out", str(out), "--jobs", "2")
    kill_when(proc, lambda: BUILD_POINTS[point](out))
    assert_whole(out)
    index = out / "index.html"
    if index.exists():
        assert ".tmp" not in index.read_text("utf-8")
    finish(g60pub("build", "--project", str(corpus), "--out", str(out), "--jobs", "2"))
    assert outputs(out) == reference
    assert not list(out.rglob("*.tmp"))


REBUILD_POINTS: dict[str, Callable[[Path, int], bool]] = {
    "first entry rewritten": lambda out, since: entries(out, since) >= 1,
    "every entry rewritten": lambda out, since: entries(out, since) >= ARTICLES,
    "pages being written": lambda out, since: writing(out / "html" / "zh-Hans"),
}


def _edit(project: Path, every: int = 1) -> None:
    for page in sorted((project / "sources").glob("*.html"))[::every]:
        page.write_bytes(page.read_bytes().replace("合作".encode(), "协作".encode()))


@dataclass(frozen=True)
class Previous:
    """A project built once, kept aside: each test puts it back in place
    (the build state names the output directory) and builds over it."""

    place: Path  # the project and its output, where they were built
    kept: Path  # a copy to restore them from
    clean: dict[str, bytes]  # a fresh build of the project after _edit(every=3)

    def restore(self) -> tuple[Path, Path]:
        shutil.rmtree(self.place, ignore_errors=True)
        shutil.copytree(self.kept, self.place, symlinks=True)
        return self.place / "project", self.place / "output"


@pytest.fixture(scope="module")
def previous(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Previous:
    root = tmp_path_factory.mktemp("previous")
    place = root / "place"
    project, out = place / "project", place / "output"
    shutil.copytree(corpus, project)
    finish(g60pub("build", "--project", str(project), "--out", str(out), "--jobs", "2"))
    shutil.copytree(place, root / "kept", symlinks=True)
    edited = root / "edited"
    shutil.copytree(corpus, edited)
    _edit(edited, every=3)
    clean = root / "clean"
    finish(g60pub("build", "--project", str(edited), "--out", str(clean), "--jobs", "2"))
    return Previous(place, root / "kept", outputs(clean))


@pytest.mark.parametrize("point", REBUILD_POINTS)
def test_a_rebuild_killed_over_a_previous_output_leaves_old_or_new_files(
    previous: Previous, reference: dict[str, bytes], point: str
) -> None:
    project, out = previous.restore()
    assert outputs(out) == reference
    _edit(project, every=3)
    started = time.time_ns()
    proc = g60pub("build", "--project", str(project), "--out", str(out), "--jobs", "2", "--force")
    kill_when(proc, lambda: REBUILD_POINTS[point](out, started))
    assert_whole(out)
    finish(g60pub("build", "--project", str(project), "--out", str(out), "--jobs", "2"))
    assert outputs(out) == previous.clean != reference


@pytest.fixture(scope="module")
def updated(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The PO files ``update`` makes after _edit(): what an update run whole writes."""
    complete = tmp_path_factory.mktemp("updated") / "project"
    shutil.copytree(corpus, complete)
    _edit(complete)
    finish(g60pub("update", "--project", str(complete)))
    return {p.name: p.read_bytes() for p in (complete / "sources").glob("*.po")}


@pytest.mark.parametrize("replaced", (1, ARTICLES // 3, 2 * ARTICLES // 3))
def test_update_killed_mid_way_leaves_each_po_file_old_or_new(
    corpus: Path, updated: dict[str, bytes], tmp_path: Path, replaced: int
) -> None:
    project = tmp_path / "project"
    shutil.copytree(corpus, project)
    _edit(project)
    old = {p.name: p.read_bytes() for p in (project / "sources").glob("*.po")}
    new = updated
    assert new != old

    started = time.time_ns()

    def po_files_replaced() -> bool:
        files = os.scandir(project / "sources")
        done = sum(1 for e in files if e.name.endswith(".po") and e.stat().st_mtime_ns > started)
        return done >= replaced

    kill_when(g60pub("update", "--project", str(project)), po_files_replaced)
    for po in sorted((project / "sources").glob("*.po")):
        assert po.read_bytes() in (old[po.name], new[po.name]), po.name
    finish(g60pub("update", "--project", str(project)))
    assert {p.name: p.read_bytes() for p in (project / "sources").glob("*.po")} == new


def test_temp_files_a_killed_build_left_are_removed_by_the_next_build(tmp_path: Path) -> None:
    out = tmp_path / "output"
    left = [out / ".index.html.k1ll3d.tmp", out / "html/en/.delta-integration-2018.html.x9.tmp"]
    for path in left:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"<html><body>half a pa")
    finish(g60pub("build", "--project", str(REPO / "tests/data/project"), "--out", str(out)))
    assert not any(path.exists() for path in left)
    assert (out / "index.html").is_file()


def test_a_build_stopped_mid_write_leaves_its_mark_and_the_next_build_removes_its_temp_files(
    tmp_path: Path,
) -> None:
    out = tmp_path / "output"
    project = ("--project", str(REPO / "tests/data/project"), "--out", str(out))
    finish(g60pub("build", *project))
    states = list((cache_of(out) / "outputs").iterdir())
    assert len(states) == 1 and (states[0] / LAST_BUILD).is_file()
    assert not (states[0] / UNFINISHED).exists()  # the build ended
    # As a build killed while writing leaves it: its mark and a temp file.
    (states[0] / UNFINISHED).touch()
    left = out / "html/en/.delta-integration-2018.html.x9.tmp"
    left.write_bytes(b"<html><body>half a pa")
    finish(g60pub("build", "--force", *project))
    assert not left.exists()
    assert not (states[0] / UNFINISHED).exists()


def test_after_a_build_that_ended_the_output_tree_is_not_searched_for_temp_files(
    tmp_path: Path,
) -> None:
    out, state = tmp_path / "output", tmp_path / "state"
    state.mkdir()
    (state / LAST_BUILD).write_bytes(b"")
    name = out / "html/en/.notes.txt.kept.tmp"  # not the build's: nothing stopped it
    name.parent.mkdir(parents=True)
    name.write_bytes(b"")
    begin_writing(out, state)
    assert name.exists() and (state / UNFINISHED).exists()
    begin_writing(out, state)  # the mark still there: the last build was stopped
    assert not name.exists()
    end_writing(state)
    assert not (state / UNFINISHED).exists()
