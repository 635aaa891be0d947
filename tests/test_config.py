"""Project configuration: read from pyproject.toml or g60pub.toml, validated in one place."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, TEST_PROJECT

from g60pub.config import FORMATS, VARIANTS, load_config
from g60pub.errors import ConfigError


def write(project: Path, text: str, name: str = "g60pub.toml") -> Path:
    project.mkdir(parents=True, exist_ok=True)
    (project / name).write_text(text, encoding="utf-8")
    return project


def test_repository_pyproject_configures_the_bundled_sample() -> None:
    config = load_config(REPO)
    assert config.name == "g60-corridor"
    assert config.variants == VARIANTS
    assert config.formats == FORMATS
    assert config.title_for("zh-Hant") == "G60科創走廊文選"
    assert config.min_translated == 0.8


def test_g60pub_toml_is_read_from_the_project_directory() -> None:
    config = load_config(TEST_PROJECT)
    assert config.name == "test-corridor"
    assert config.min_translated == 0.5
    assert config.title_for("en") == "Yangtze River Delta Readings"


def test_without_configuration_the_name_is_the_slugified_directory(tmp_path: Path) -> None:
    project = tmp_path / "My Policy Papers"
    project.mkdir()
    config = load_config(project)
    assert config.name == "my-policy-papers"
    assert config.traditional_config == "s2tw"


def test_pyproject_tool_table_is_read(tmp_path: Path) -> None:
    write(tmp_path, '[tool.g60pub]\nformats = ["txt"]\n', "pyproject.toml")
    assert load_config(tmp_path).formats == ("txt",)


def test_unknown_variant_is_a_config_error_naming_the_file(tmp_path: Path) -> None:
    write(tmp_path, 'variants = ["zh-Hans", "fr"]\n')
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path)
    assert "g60pub.toml" in str(err.value)
    assert "'fr'" in str(err.value)


@pytest.mark.parametrize(
    "line",
    [
        "min_translated = 1.5",
        'min_translated = "most"',
        'traditional_config = "t2s"',
        'formats = "pdf"',
        'name = "Not A Slug"',
        "colour = 1",
        "title = 3",
    ],
)
def test_bad_values_are_config_errors(tmp_path: Path, line: str) -> None:
    write(tmp_path, line + "\n")
    with pytest.raises(ConfigError):
        load_config(tmp_path)


def test_invalid_toml_reports_its_line(tmp_path: Path) -> None:
    write(tmp_path, 'name = "ok"\nformats = [\n')
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path)
    assert err.value.line is not None


def test_command_line_overrides_keep_canonical_order(tmp_path: Path) -> None:
    config = load_config(tmp_path, variants=["zh-Hant+en", "en"], formats=["txt", "epub"])
    assert config.variants == ("en", "zh-Hant+en")
    assert config.formats == ("epub", "txt")


def test_bad_command_line_variant_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="--variants"):
        load_config(tmp_path, variants=["zh"])


def test_missing_project_directory_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        load_config(tmp_path / "nowhere")


def test_a_tool_g60pub_value_that_is_not_a_table_is_a_config_error(tmp_path: Path) -> None:
    project = write(tmp_path / "p", '[tool]\ng60pub = "x"\n')
    with pytest.raises(ConfigError, match=r"\[tool\.g60pub\] must be a table"):
        load_config(project)
