"""`g60pub preview`: PNG screenshots of the download page and an article per
variant, desktop and mobile, by the system's headless chromium."""

from __future__ import annotations

import os
import struct
import subprocess
from pathlib import Path

import pytest
from conftest import run_g60pub

from g60pub.cli import main
from g60pub.preview import DESKTOP, MOBILE, PreviewError, find_chromium, preview_shots
from tests.conftest import Built, copy_project

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(autouse=True)
def browser_available() -> None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "playwright is not installed"
    else:
        reason = "" if find_chromium() else "chromium is not installed"
    if reason and os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must run the browser tests)")
    if reason:
        pytest.skip(reason)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE), path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_preview_shows_the_download_page_and_an_article_per_variant(built_sample: Built) -> None:
    shots = preview_shots(built_sample.out)
    assert shots[0].path == "index.html"
    variants = {p.name for p in (built_sample.out / "html").iterdir() if p.is_dir()}
    assert {s.path.split("/")[1] for s in shots[1:]} == variants
    assert all((built_sample.out / s.path).is_file() for s in shots)


def preview(*args: str) -> subprocess.CompletedProcess[str]:
    # A process of its own: Playwright's sync API cannot start inside another
    # test's running Playwright (the browser tests share one per session).
    return run_g60pub("preview", *args)


def test_preview_command_builds_first_and_writes_desktop_and_mobile_pngs(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    dest = tmp_path / "shots"
    run = preview("--project", str(project), "--out", str(dest))
    assert run.returncode == 0, run.stderr
    printed = run.stdout.split()
    written = sorted(dest.iterdir())
    assert sorted(printed) == sorted(map(str, written))
    assert (project / "output" / "index.html").is_file()
    shots = preview_shots(project / "output")
    assert len(written) == 2 * len(shots)
    for shot in shots:
        for viewport in (DESKTOP, MOBILE):
            width, height = png_size(dest / f"{shot.name}-{viewport.name}.png")
            assert width == viewport.width
            assert viewport.height // 4 <= height <= 4 * viewport.height


def test_preview_writes_into_the_output_directory_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path)
    assert main(["build", "--project", str(project), "--jobs", "1"]) in (0, 1)
    run = preview("--project", str(project))
    assert run.returncode == 0, run.stderr
    printed = run.stdout.split()
    assert printed and all(Path(p).parent == project / "output" / "preview" for p in printed)


def test_preview_of_a_directory_without_a_build_names_the_missing_page(tmp_path: Path) -> None:
    with pytest.raises(PreviewError) as err:
        preview_shots(tmp_path)
    assert "index.html" in str(err.value)


def test_preview_of_a_missing_project_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["preview", "--project", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nowhere" in err[0]
