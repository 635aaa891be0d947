"""Two ``update`` runs at once, with translators saving in between, lose no translation.

Real processes only: two ``python -m g60pub update`` runs race a crowd of
translator processes, each saving one msgstr through the library (read,
set, atomic write, under the same directory lock). Every msgstr must be in
the PO file at the end.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from benchmark_corpus import corpus
from conftest import EPOCH, output_tree

from g60pub.translations.pofile import read_po

PARAGRAPHS = [
    f"第{n}段：长三角G60科创走廊推进第{n}项合作，共建共享创新平台。" for n in range(1, 41)
]

TRANSLATOR = """
import sys
from pathlib import Path
from g60pub.atomic import lock_directory, write_atomic
from g60pub.translations.pofile import parse_po, render_po
po, index = Path(sys.argv[1]), int(sys.argv[2])
with lock_directory(po.parent):
    catalog = parse_po(po.read_bytes(), po)
    for message in catalog:
        if isinstance(message.id, str) and message.id.startswith(f"第{index}段："):
            message.string = f"Translation {index}"
    write_atomic(po, render_po(catalog))
"""


def page(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>合作清单</title></head>'
        f"<body><h1>合作清单</h1><p>发布时间：2021-05-01</p>{body}</body></html>"
    )


def test_concurrent_updates_and_translator_saves_lose_no_translation(tmp_path: Path) -> None:
    project = tmp_path / "project"
    sources = project / "sources"
    sources.mkdir(parents=True)
    source = sources / "list.html"
    source.write_text(page(PARAGRAPHS[:30]), "utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    update = [sys.executable, "-m", "g60pub", "update", "--project", str(project)]
    subprocess.run(update, env=env, check=True, capture_output=True, timeout=300)
    po = sources / "list.en.po"

    # The source grows, so each update rewrites the file while translators save.
    source.write_text(page(PARAGRAPHS), "utf-8")
    procs = [subprocess.Popen(update, env=env, stderr=subprocess.PIPE) for _ in range(2)]
    procs += [
        subprocess.Popen(
            [sys.executable, "-c", TRANSLATOR, str(po), str(n)], env=env, stderr=subprocess.PIPE
        )
        for n in range(1, 31)
    ]
    procs += [subprocess.Popen(update, env=env, stderr=subprocess.PIPE) for _ in range(2)]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode("utf-8", "replace")

    catalog = read_po(po)
    found = {m.string for m in catalog if m.string} | {
        m.string for m in catalog.obsolete.values() if m.string
    }
    assert {f"Translation {n}" for n in range(1, 31)} <= found
    chinese = [m.id for m in catalog if isinstance(m.id, str) and m.id.startswith("第")]
    assert len(chinese) == 40


def test_builds_started_together_into_one_output_both_succeed(tmp_path: Path) -> None:
    project = tmp_path / "project"
    corpus.write_corpus(project, 24, seed=11)
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}

    def command(out: Path) -> list[str]:
        return [sys.executable, "-m", "g60pub", "build", "--project", str(project), "--out",
                str(out), "--jobs", "2"]  # fmt: skip

    subprocess.run(command(tmp_path / "alone"), env=env, check=True, capture_output=True)
    # Three at once into one directory, each from a cold cache: without a lock
    # they prune each other's cache entries and remove each other's temp files.
    procs = [
        subprocess.Popen(command(tmp_path / "shared"), env=env, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode("utf-8", "replace")
        assert b"Traceback" not in err
    assert output_tree(tmp_path / "shared") == output_tree(tmp_path / "alone")
