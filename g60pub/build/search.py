"""The site's search index: Pagefind run over each variant's written pages.

Pagefind (PyPI ``pagefind[extended]``, whose binary segments Chinese) reads
the pages a build has just written and makes ``html/<variant>/pagefind/``:
one index per variant, so a search from a page finds articles in that
page's variant. It runs locally, at build time; the site then searches in
the reader's browser with no server and no request leaving the site. Its
files are written like every other output (atomically, only when changed)
and its output is the same bytes for the same pages (tests compare builds).

The index is not in the offline ZIP: a browser does not let a page opened
from disk fetch it, so the offline copy hides the search box instead.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from g60pub.errors import G60Error

BUNDLE = "pagefind"
"""The folder of a variant's site that holds its search index."""


def pagefind_binary() -> Path | None:
    """The Pagefind binary with Chinese segmentation, if installed."""
    try:
        from pagefind_bin_extended import get_executable  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        return None
    try:
        return Path(get_executable())
    except (FileNotFoundError, OSError):
        return None


def index_variant(out: Path, variant: str, staging: Path) -> Iterator[tuple[str, bytes]]:
    """Index ``out/html/<variant>``'s pages; yields each file of the index as
    ``(path under out, bytes)``. ``staging`` is a scratch directory."""
    binary = pagefind_binary()
    if binary is None:
        raise G60Error("pagefind[extended] is not installed: the site has no search")
    site = out / "html" / variant
    target = staging / variant
    shutil.rmtree(target, ignore_errors=True)
    command = [str(binary), "--site", str(site), "--output-path", str(target)]
    command += ["--glob", "*.html", "--silent"]
    proc = subprocess.run(command, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        reason = (proc.stderr or proc.stdout).strip().splitlines()
        raise G60Error(f"search index: {reason[-1] if reason else 'pagefind failed'}", str(site))
    for path in sorted(p for p in target.rglob("*") if p.is_file()):
        yield f"html/{variant}/{BUNDLE}/{path.relative_to(target).as_posix()}", path.read_bytes()
    shutil.rmtree(target, ignore_errors=True)
