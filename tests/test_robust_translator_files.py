"""A translator's broken file is reported with file and line and never rewritten.

Each malformed PO file or glossary CSV is put into a scratch project, then
``update``, ``build`` and ``check`` run as real processes; the file's bytes
must be the same afterwards, whatever the command's outcome.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_project, source_date_epoch

PO = "delta-integration-2018.en.po"


def _last_entry(po: str) -> str:
    return po[po.rindex("msgctxt ") :]


# name -> how to break a good PO file (its text in, bytes out)
PO_BREAKS = {
    "bad-syntax": lambda po: (po + '\nmsgctxt "x"\nmsgid "a"\nmsgstr\n').encode(),
    "unterminated-string": lambda po: po.replace('msgstr "', 'msgstr "unterminated\n', 1).encode(),
    "bad-encoding": lambda po: po.encode("utf-8") + '\nmsgid "句"\nmsgstr "坏"\n'.encode("gb18030"),
    "garbage-keyword": lambda po: po.replace("msgid ", "msgidx ", 2).encode(),
    "nul-bytes": lambda po: po.encode() + b"\x00\x00\x00",
    "duplicate-entry": lambda po: (
        po + "\n" + _last_entry(po).replace('msgstr "', 'msgstr "x', 1)
    ).encode(),
}
CSV_BREAKS = {
    "bad-quoting": 'zh,en\n走廊,corridor\n"长三角,"Yangtze River Delta\n',
    "unclosed-quote": 'zh,en\n走廊,"corridor\n长三角,Yangtze River Delta\n',
    "duplicate-zh": "zh,en\n走廊,corridor\n长三角,Yangtze River Delta\n走廊,gallery\n",
    "missing-column": "zh\n走廊\n",
    "empty-en": "zh,en\n走廊,\n",
}
COMMANDS = ("build", "check", "update")


def run(command: str, project: Path, tmp: Path) -> subprocess.CompletedProcess[str]:
    extra = ["--out", str(tmp / "out")] if command == "build" else []
    with source_date_epoch():
        return subprocess.run(
            [sys.executable, "-m", "g60pub", command, "--project", str(project), *extra],
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_line_with_file_and_line(stderr: str, name: str) -> str:
    lines = [line for line in stderr.splitlines() if name in line and "warning:" not in line]
    assert len(lines) == 1, stderr
    assert re.search(re.escape(name) + r":\d+:", lines[0]), lines[0]
    return lines[0]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind", sorted(PO_BREAKS))
def test_a_malformed_po_file_is_named_with_its_line_and_left_untouched(
    tmp_path: Path, kind: str, command: str
) -> None:
    project = copy_project(tmp_path)
    po = project / "sources" / PO
    po.write_bytes(PO_BREAKS[kind](po.read_text("utf-8")))
    before = digest(po)
    proc = run(command, project, tmp_path)
    assert "Traceback" not in proc.stderr
    # One article's file: the others go on, the exit status is 1 (as for a bad source).
    assert proc.returncode == 1, proc.stderr
    _one_line_with_file_and_line(proc.stderr, PO)
    assert digest(po) == before
    assert not [p for p in po.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind", sorted(CSV_BREAKS))
def test_a_malformed_glossary_csv_is_named_with_its_line_and_left_untouched(
    tmp_path: Path, kind: str, command: str
) -> None:
    project = copy_project(tmp_path)
    glossary = project / "glossary"
    glossary.mkdir(exist_ok=True)
    csv = glossary / "terms.csv"
    csv.write_text(CSV_BREAKS[kind], "utf-8")
    before = digest(csv)
    po_before = {p.name: digest(p) for p in (project / "sources").glob("*.po")}
    proc = run(command, project, tmp_path)
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 2, proc.stderr
    _one_line_with_file_and_line(proc.stderr, "terms.csv")
    assert digest(csv) == before
    assert {p.name: digest(p) for p in (project / "sources").glob("*.po")} == po_before
    assert not (tmp_path / "out").exists()
