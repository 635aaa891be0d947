"""Same inputs, same SOURCE_DATE_EPOCH: the same bytes, wherever and however the build runs.

tests/test_build.py compares two builds in one place; here the project is
copied to two different directories (one with a space and Chinese in its
path), built from different working directories, with different hash seeds,
time zones, locales and umasks, and every output byte is compared, EPUB
entries (order, timestamps, attributes) included.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import EPOCH, REPO, TEST_PROJECT


def build_copy(
    root: Path, name: str, cwd_inside: bool, env_extra: dict[str, str], umask: int
) -> Path:
    project = root / name / "project"
    shutil.copytree(TEST_PROJECT, project, ignore=shutil.ignore_patterns("output"))
    for extra in sorted((REPO / "sources").iterdir()):  # the bundled sample, with its PO
        shutil.copy(extra, project / "sources" / extra.name)
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, **env_extra}
    cwd = project if cwd_inside else root
    args = ["--project", "."] if cwd_inside else ["--project", str(project.relative_to(root))]
    proc = subprocess.run(
        [sys.executable, "-m", "g60pub", "build", *args, "--jobs", "2"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        preexec_fn=lambda: os.umask(umask),
    )
    assert proc.returncode == 0, proc.stderr
    return project / "output"


def tree(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
    }


def test_builds_in_different_directories_and_environments_are_byte_identical(
    tmp_path: Path,
) -> None:
    first = build_copy(
        tmp_path,
        "a",
        True,
        {"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C", "LANG": "C"},
        0o022,
    )
    second = build_copy(
        tmp_path,
        "second build 第二次/deeper",
        False,
        {"PYTHONHASHSEED": "4242", "TZ": "Asia/Shanghai", "LC_ALL": "C.UTF-8", "LANG": "zh_CN"},
        0o077,
    )
    one, two = tree(first), tree(second)
    assert one.keys() == two.keys()
    differing = sorted(name for name in one if one[name] != two[name])
    assert differing == []
    assert not any(
        str(tmp_path).encode() in data or b"second build" in data for data in two.values()
    )


def test_epub_entries_have_fixed_order_timestamps_and_permissions(tmp_path: Path) -> None:
    out = build_copy(tmp_path, "x", True, {"TZ": "America/New_York"}, 0o027)
    books = sorted(out.glob("epub/*.epub"))
    assert books
    for book in books:
        with zipfile.ZipFile(book) as archive:
            infos = archive.infolist()
            assert infos[0].filename == "mimetype"
            assert len({i.date_time for i in infos}) == 1, book
            assert len({i.external_attr for i in infos[1:]}) == 1, book
            assert len({i.create_system for i in infos}) == 1, book


def test_the_output_holds_only_what_readers_get_and_the_build_state_is_git_ignored(
    tmp_path: Path,
) -> None:
    out = build_copy(tmp_path, "p", True, {}, 0o022)
    assert not [p for p in out.rglob(".*")]
    state = out.parent / ".g60pub-cache"
    assert list((state / "articles").glob("*/*"))
    assert (state / ".gitignore").read_text("utf-8").splitlines()[-1] == "*"
