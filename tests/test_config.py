"""Project configuration: read from pyproject.toml or g60pub.toml, validated in one place."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, TEST_PROJECT

from g60pub.config import FORMATS, VARIANTS, ConfigWarning, load_config
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


@pytest.mark.parametrize("table", ["tool.g60-pub", "tool.g60", "tool.G60pub", 'tool."g60_pub"'])
def test_a_misspelt_table_in_pyproject_warns_with_the_right_name(
    tmp_path: Path, table: str
) -> None:
    write(tmp_path, f'[project]\nname = "x"\n\n[{table}]\nformats = ["txt"]\n', "pyproject.toml")
    with pytest.warns(ConfigWarning) as caught:
        config = load_config(tmp_path)
    (warning,) = caught
    name = table.removeprefix("tool.").strip('"')
    assert str(warning.message) == (
        f"{tmp_path / 'pyproject.toml'}:4: [tool.{name}] is not read; did you mean [tool.g60pub]?"
    )
    assert config.formats == FORMATS  # the table really is not read


def test_a_misspelt_tool_table_in_g60pub_toml_warns_too(tmp_path: Path) -> None:
    write(tmp_path, '# settings\n[tool.g60-pub]\nformats = ["txt"]\n')
    with pytest.warns(ConfigWarning, match=r"g60pub\.toml:2: \[tool\.g60-pub\] is not read"):
        load_config(tmp_path)


def test_other_tools_tables_are_left_alone(
    tmp_path: Path, recwarn: pytest.WarningsRecorder
) -> None:
    write(
        tmp_path, "[tool.ruff]\nline-length = 100\n\n[tool.mypy]\nstrict = true\n", "pyproject.toml"
    )
    load_config(tmp_path)
    assert not [w for w in recwarn if issubclass(w.category, ConfigWarning)]


def test_an_unknown_key_names_its_line_and_the_nearest_valid_key(tmp_path: Path) -> None:
    write(tmp_path, 'name = "ok"\n\nmin_translate = 0.5\n')
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path)
    assert err.value.line == 3
    assert str(err.value) == (
        f"{tmp_path / 'g60pub.toml'}:3: unknown setting 'min_translate'; "
        "did you mean 'min_translated'?"
    )


def test_an_unknown_key_in_pyproject_is_found_in_its_table(tmp_path: Path) -> None:
    text = '[project]\nname = "x"\nvariant = 1\n\n[tool.g60pub]\nvariant = ["en"]\n'
    write(tmp_path, text, "pyproject.toml")
    with pytest.raises(ConfigError, match="did you mean 'variants'") as err:
        load_config(tmp_path)
    assert err.value.line == 6


def test_an_unknown_key_like_no_setting_lists_the_settings(tmp_path: Path) -> None:
    write(tmp_path, "colour = 1\n")
    with pytest.raises(
        ConfigError, match="the settings are contributors, cover_font, creators"
    ) as err:
        load_config(tmp_path)
    assert err.value.line == 1


def test_with_only_a_simplified_title_the_traditional_title_is_its_conversion(
    tmp_path: Path,
) -> None:
    write(tmp_path, 'title = { "zh-Hans" = "长三角文选", "en" = "Delta Readings" }\n')
    config = load_config(tmp_path)
    assert config.title_for("zh-Hant") == "長三角文選"
    assert config.title_for("zh-Hans") == "长三角文选"
    assert config.title_for("en") == "Delta Readings"


def test_the_traditional_title_follows_the_configured_conversion(tmp_path: Path) -> None:
    write(tmp_path, 'traditional_config = "s2twp"\ntitle = { "zh-Hans" = "软件文选" }\n')
    assert load_config(tmp_path).title_for("zh-Hant") == "軟體文選"


def test_the_cli_prints_a_configuration_warning_as_one_line(tmp_path: Path) -> None:
    write(tmp_path, '[tool.g60]\nformats = ["txt"]\n', "pyproject.toml")
    (tmp_path / "sources").mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "g60pub", "check", "--project", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    warnings = [line for line in done.stderr.splitlines() if "did you mean" in line]
    assert warnings == [
        f"g60pub: warning: {tmp_path / 'pyproject.toml'}:1: [tool.g60] is not read; "
        "did you mean [tool.g60pub]?"
    ]
