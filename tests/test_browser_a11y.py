"""axe-core in the browser: no serious or critical accessibility violation on
the download page and each variant's index and article pages (issue 8)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from tests.browser import Served, Tab

pytest_plugins = ("tests.browser",)


SERIOUS = ("serious", "critical")


def axe_violations(page: Any, axe: Path) -> list[str]:
    page.add_script_tag(path=str(axe))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} @ {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in SERIOUS
    ]


def test_axe_finds_no_serious_violations(tab: Tab, served: Served, axe: Path) -> None:
    pages = ["index.html"]
    for variant in served.variants():
        pages += [f"html/{variant}/index.html", served.article_path(variant)]
    found = {}
    for path in pages:
        violations = axe_violations(tab.open(path, served.base), axe)
        if violations:
            found[path] = violations
    assert found == {}


def test_axe_finds_no_serious_violations_in_dark_mode(tab: Tab, sample: Served, axe: Path) -> None:
    tab.page.emulate_media(color_scheme="dark")
    found = {}
    for path in ["index.html", sample.article_path(sample.bilingual()[0])]:
        violations = axe_violations(tab.open(path), axe)
        if violations:
            found[path] = violations
    assert found == {}
