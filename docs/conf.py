"""Sphinx configuration of g60pub's documentation.

Build it with ``python -m sphinx -W -b html docs docs/_build/html`` (the tests
do, with warnings as errors).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from g60pub import __version__

project = "g60pub"
author = "the g60pub authors"
copyright = "the g60pub authors"
release = version = __version__

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
myst_heading_anchors = 3
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}
html_theme = "alabaster"
html_title = f"g60pub {release}"
