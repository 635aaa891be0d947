"""Project configuration: ``[tool.g60pub]`` in pyproject.toml or a ``g60pub.toml``.

Everything is validated here, once, before a build starts (the MkDocs habit):
a bad value is a ``ConfigError`` naming the file and the key, never a
traceback half-way through a build. An unknown key names its line and the
nearest valid key; a table whose name is close to ``[tool.g60pub]`` but not
it (``[tool.g60-pub]``, ``[tool.g60]``) is a ``ConfigWarning``: it would
otherwise be ignored without a word.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from g60pub.book_metadata import (
    METADATA_KEYS,
    BookMetadata,
    LocalText,
    local_text,
    validate_metadata,
)
from g60pub.chinese import opencc_converter, script_quotes
from g60pub.errors import ConfigError, G60Warning

VARIANTS: tuple[str, ...] = (
    "zh-Hans",
    "zh-Hant",
    "en",
    "zh-Hans+en",
    "zh-Hant+en",
    "zh-Hant-vertical",
)
# Made unless the configuration lists its variants; the vertical edition is
# made only when listed.
DEFAULT_VARIANTS: tuple[str, ...] = VARIANTS[:5]
FORMATS: tuple[str, ...] = ("epub", "html", "txt")
TRADITIONAL_CONFIGS: tuple[str, ...] = ("s2t", "s2tw", "s2twp", "s2hk")
DEFAULT_TRADITIONAL = "s2tw"
TITLE_LANGS: tuple[str, ...] = ("zh-Hans", "zh-Hant", "en")
DOWNLOAD_LOCALES: tuple[str, ...] = ("zh-Hans", "zh-Hant", "en")

KNOWN_KEYS = frozenset(
    {
        "name",
        "title",
        "publisher",
        "variants",
        "formats",
        "traditional_config",
        "min_translated",
        "download_locale",
        "glossary",
        "cover_font",
        *METADATA_KEYS,
    }
)


class ConfigWarning(G60Warning):
    """A configuration g60pub can use but that is probably not what was meant."""


@dataclass(frozen=True, slots=True)
class Config:
    """A validated project configuration (every field has a usable default)."""

    name: str = "g60pub"
    title: Mapping[str, str] = field(default_factory=dict)
    publisher: LocalText = field(default_factory=LocalText)  # none unless configured
    variants: tuple[str, ...] = DEFAULT_VARIANTS
    formats: tuple[str, ...] = FORMATS
    # Taiwan character forms (眾, 為, 裡), the mainland's vocabulary kept: a
    # policy text keeps its own terms (信息, 软件), so s2twp's phrase
    # replacements are a choice, not the default.
    traditional_config: str = DEFAULT_TRADITIONAL
    min_translated: float = 0.8
    download_locale: str = "en"
    glossary: tuple[str, ...] = ()  # extra glossary files/dirs, relative to the project
    metadata: BookMetadata = field(default_factory=BookMetadata)
    cover_font: str | None = None  # a font file for the cover's title (else one is looked for)

    def title_for(self, lang: str) -> str:
        """The book title in ``lang`` (``zh-Hans``, ``zh-Hant`` or ``en``)."""
        if lang in self.title:
            return self.title[lang]
        for fallback in (lang.split("-")[0], "en", "zh-Hans", *self.title):
            for key, value in self.title.items():
                if key == fallback:
                    return value
        return self.name

    def cache_key(self) -> str:
        """A canonical text of the settings per-article work depends on."""
        return repr(
            (
                self.name,
                sorted(self.title.items()),
                self.publisher,
                self.variants,
                self.formats,
                self.traditional_config,
                self.min_translated,
                self.glossary,
            )
        )


def slugify(text: str) -> str:
    """An ASCII file-name stem: lower case, runs of other characters become ``-``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "g60pub"


def load_config(
    project_dir: str | Path,
    *,
    variants: Sequence[str] | None = None,
    formats: Sequence[str] | None = None,
) -> Config:
    """Read and validate the project's configuration; command-line overrides win."""
    project = Path(project_dir)
    if not project.is_dir():
        raise ConfigError("project directory does not exist", project)
    raw, file, text = _read_raw(project)
    values = _validate(raw, file, default_name=slugify(project.resolve().name), text=text)
    config = Config(**values)
    if config.cover_font:
        font = project / config.cover_font
        if not font.is_file():
            raise ConfigError(f"cover_font: no font file at {config.cover_font}", file)
        config = replace(config, cover_font=str(font.resolve()))
    if variants:
        config = replace(config, variants=_choices(list(variants), VARIANTS, "--variants", None))
    if formats:
        config = replace(config, formats=_choices(list(formats), FORMATS, "--formats", None))
    return config


def _read_raw(project: Path) -> tuple[dict[str, Any], Path | None, str]:
    own = project / "g60pub.toml"
    if own.is_file():
        text, data = _parse_toml(own)
        if "tool" not in data:
            return data, own, text
        tool = data["tool"]
        if isinstance(tool, dict) and "g60pub" in tool:
            return _table(tool["g60pub"], own), own, text
        _warn_misspelt(tool, own, text)
        return {k: v for k, v in data.items() if k != "tool"}, own, text
    pyproject = project / "pyproject.toml"
    if pyproject.is_file():
        text, data = _parse_toml(pyproject)
        tool = data.get("tool", {})
        if isinstance(tool, dict) and "g60pub" in tool:
            return _table(tool["g60pub"], pyproject), pyproject, text
        _warn_misspelt(tool, pyproject, text)
        return {}, pyproject, text
    return {}, None, ""


def _table(value: Any, file: Path) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError("[tool.g60pub] must be a table", file)
    return dict(value)


def _warn_misspelt(tool: Any, file: Path, text: str) -> None:
    """Warn about a ``[tool.X]`` table that looks meant for g60pub."""
    if not isinstance(tool, dict):
        return
    for name in tool:
        squashed = re.sub(r"[-_.\s]", "", str(name).lower())
        close = difflib.SequenceMatcher(None, squashed, "g60pub").ratio() >= 0.7
        if squashed.startswith("g60") or close:
            header = re.compile(rf"^\s*\[\s*tool\s*\.\s*[\"']?{re.escape(str(name))}[\"']?\s*[\].]")
            line = _line_of(header, text)
            where = f"{file}:{line}" if line else str(file)
            warnings.warn(
                ConfigWarning(f"{where}: [tool.{name}] is not read; did you mean [tool.g60pub]?"),
                stacklevel=3,
            )


def _line_of(pattern: re.Pattern[str], text: str, start: int = 0) -> int | None:
    for n, line in enumerate(text.splitlines()[start:], start=start + 1):
        if pattern.match(line):
            return n
    return None


def _parse_toml(path: Path) -> tuple[str, dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
        return text, tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"cannot read configuration: {err}", path) from err
    except tomllib.TOMLDecodeError as err:
        # Python 3.11's tomllib gives the position only inside the message.
        found = re.search(r"at line (\d+)", str(err))
        line = int(found.group(1)) if found else text.count("\n") + 1
        raise ConfigError(f"invalid TOML: {err}", path, line) from err


def _unknown_key(unknown: list[str], file: Path | None, text: str) -> ConfigError:
    """The first unknown key in the file, with its line and the nearest valid key."""
    in_file: list[tuple[int, str]] = []
    start = 0
    if file is not None and file.name == "pyproject.toml":
        start = (_line_of(re.compile(r"^\s*\[\s*tool\s*\.\s*g60pub\s*\]"), text) or 1) - 1
    for key in unknown:
        pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*[=.]")
        in_file.append((_line_of(pattern, text, start) or 0, key))
    line, key = min(in_file, key=lambda item: (item[0] or 10**9, item[1]))
    near = difflib.get_close_matches(key, sorted(KNOWN_KEYS), n=1, cutoff=0.5)
    hint = (
        f"did you mean {near[0]!r}?"
        if near
        else f"the settings are {', '.join(sorted(KNOWN_KEYS))}"
    )
    more = f" (and {len(unknown) - 1} more)" if len(unknown) > 1 else ""
    return ConfigError(f"unknown setting {key!r}{more}; {hint}", file, line or None)


def _validate(
    raw: dict[str, Any], file: Path | None, *, default_name: str, text: str = ""
) -> dict[str, Any]:
    unknown = sorted(set(raw) - KNOWN_KEYS)
    if unknown:
        raise _unknown_key(unknown, file, text)
    out: dict[str, Any] = {"name": default_name}
    if "name" in raw:
        name = _string(raw["name"], "name", file)
        if slugify(name) != name:
            raise ConfigError(
                f"name {name!r} must be a file-name slug like {slugify(name)!r}", file
            )
        out["name"] = name
    if "publisher" in raw:
        out["publisher"] = local_text(raw["publisher"], "publisher", file)
    out["metadata"] = validate_metadata(raw, file)
    if "cover_font" in raw:
        out["cover_font"] = _string(raw["cover_font"], "cover_font", file)
    if "variants" in raw:
        out["variants"] = _choices(raw["variants"], VARIANTS, "variants", file)
    if "formats" in raw:
        out["formats"] = _choices(raw["formats"], FORMATS, "formats", file)
    if "traditional_config" in raw:
        out["traditional_config"] = _one_of(raw, "traditional_config", TRADITIONAL_CONFIGS, file)
    if "title" in raw:
        out["title"] = _title(
            raw["title"], out.get("traditional_config", DEFAULT_TRADITIONAL), file
        )
    if "min_translated" in raw:
        value = raw["min_translated"]
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise ConfigError(f"min_translated must be a number from 0 to 1, not {value!r}", file)
        out["min_translated"] = float(value)
    if "download_locale" in raw:
        out["download_locale"] = _one_of(raw, "download_locale", DOWNLOAD_LOCALES, file)
    if "glossary" in raw:
        value = raw["glossary"]
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError("glossary must be a path or a list of paths", file)
        out["glossary"] = tuple(value)
    return out


def _title(title: Any, traditional_config: str, file: Path | None) -> dict[str, str]:
    """The titles by language; a Chinese title given in one script only is
    converted for the other (never replaced by the English title)."""
    if isinstance(title, str):
        title = {lang: title for lang in TITLE_LANGS}
    if not isinstance(title, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in title.items()
    ):
        raise ConfigError("title must be a string or a table of language = title", file)
    bad = sorted(set(title) - set(TITLE_LANGS))
    if bad:
        raise ConfigError(f"title: unknown language(s) {', '.join(bad)}", file)
    titles = dict(title)
    if "zh-Hans" in titles and "zh-Hant" not in titles:
        hant = str(opencc_converter(traditional_config).convert(titles["zh-Hans"]))
        titles["zh-Hant"] = script_quotes(hant, traditional_config)
    elif "zh-Hant" in titles and "zh-Hans" not in titles:
        hans = str(opencc_converter("t2s").convert(titles["zh-Hant"]))
        titles["zh-Hans"] = script_quotes(hans, "t2s")
    return titles


def _one_of(raw: dict[str, Any], key: str, allowed: Sequence[str], file: Path | None) -> str:
    value = raw[key]
    if value not in allowed:
        raise ConfigError(f"{key} must be one of {', '.join(allowed)}, not {value!r}", file)
    return str(value)


def _string(value: Any, key: str, file: Path | None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{key} must be a non-empty string", file)
    return value.strip()


def _choices(value: Any, allowed: tuple[str, ...], key: str, file: Path | None) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",")]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key} must be a non-empty list", file)
    bad = [v for v in value if v not in allowed]
    if bad:
        unknown, choices = ", ".join(map(repr, bad)), ", ".join(allowed)
        raise ConfigError(f"{key}: unknown value(s) {unknown}; choose from {choices}", file)
    # Keep the canonical order so the outputs do not depend on how options were spelt.
    return tuple(v for v in allowed if v in value)
