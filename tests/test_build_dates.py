"""The build date: SOURCE_DATE_EPOCH when set, else the newest source file."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from conftest import copy_project

from g60pub.build import BuildOptions, build


def modified(out: Path) -> str:
    with zipfile.ZipFile(out / "epub/test-corridor.zh-Hans.epub") as archive:
        opf = archive.read("EPUB/package.opf").decode("utf-8")
        when = archive.infolist()[0].date_time
    stamp = opf.split('property="dcterms:modified">')[1].split("<")[0]
    return f"{stamp} {when}"


def test_without_source_date_epoch_the_newest_source_mtime_dates_the_books(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    project = copy_project(tmp_path)
    for path in (project / "sources").iterdir():
        os.utime(path, (1_600_000_000, 1_600_000_000))
    os.utime(project / "sources" / "hongqiao-hub-2020.html", (1_600_003_600, 1_600_003_600))
    build(BuildOptions(project, tmp_path / "out", formats=("epub",)))
    assert modified(tmp_path / "out") == "2020-09-13T13:26:40Z (2020, 9, 13, 13, 26, 40)"


def test_source_date_epoch_wins_over_file_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1500000000")
    build(BuildOptions(copy_project(tmp_path), tmp_path / "out", formats=("epub",)))
    assert modified(tmp_path / "out") == "2017-07-14T02:40:00Z (2017, 7, 14, 2, 40, 0)"
