"""The bundled glossary ships inside the package: a plain (non-editable)
install finds it from any directory, with no checkout around it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_NOT_SOURCE = (
    ".git",
    "node_modules",
    "build",
    "dist",
    "output",
    "*.egg-info",
    "__pycache__",
    ".*cache",
)


def test_plain_install_loads_the_bundled_glossary_from_any_directory(tmp_path: Path) -> None:
    target = tmp_path / "site"
    build = tmp_path / "build"
    # Build from a copy: an in-tree build would leave build/ in the checkout.
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, symlinks=True, ignore=shutil.ignore_patterns(*_NOT_SOURCE))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    subprocess.run(
        [*pip, "wheel", str(source), "--no-deps", "-q", "-w", str(build)], check=True, cwd=tmp_path
    )
    [wheel] = build.glob("g60pub-*.whl")
    subprocess.run(
        [*pip, "install", str(wheel), "--no-deps", "-q", "--target", str(target)],
        check=True,
        cwd=tmp_path,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import g60pub.glossary as G, g60pub.glossary.termbase as T;"
        "g = G.Glossary.load();"
        "from g60pub.script import convert;"
        "print(len(g), T.bundled_files()[0].parent.name, G.__file__,"
        " convert('被发明知识产权', 's2twp'))"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r}); {code}"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        check=True,
    )
    count, folder, module, converted = result.stdout.split()
    assert int(count) >= 120
    assert folder == "_glossary_data"
    assert module.startswith(str(target))
    assert converted == "被發明知識產權"  # the correction table and the pins ship too
    shipped = sorted(p.name for p in (target / "g60pub" / "_glossary_data").glob("*.csv"))
    assert shipped == sorted(p.name for p in (ROOT / "glossary").glob("*.csv"))
