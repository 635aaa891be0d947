"""Every command: the module that implements it and its one line of help.

The top-level parser lists the commands from here and imports only the
module of the command being run: ``g60pub --help`` loads no command, and
``g60pub glossary lookup`` loads the glossary and nothing of the build.
"""

from __future__ import annotations

# command -> (module in g60pub.cli, help line), in the order --help lists them
COMMANDS: dict[str, tuple[str, str]] = {
    "normalize": (
        "normalize",
        "extract the article from a source page, Word document or EPUB book",
    ),
    "glossary": ("glossary", "look up, find, check and exchange glossary terms"),
    "convert": ("convert", "convert Chinese text between scripts"),
    "update": ("translations", "create or merge sources/<slug>.<lang>.po for every source"),
    "status": ("translations", "translation coverage per article"),
    "align": ("translations", "align a Chinese text with an existing English version"),
    "check": ("translations", "QA checks on every translation; exit 1 on any error"),
    "export": ("translations", "export translated pairs"),
    "build": ("build", "build every edition (EPUB, HTML, text) into the output directory"),
    "serve": ("serve", "build, serve the site on 127.0.0.1 and rebuild when a source changes"),
    "preview": (
        "preview",
        "screenshot the download page and an article in each variant (desktop, mobile)",
    ),
}


def help_line(command: str) -> str:
    return COMMANDS[command][1]
