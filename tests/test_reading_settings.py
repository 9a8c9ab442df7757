"""Tests: the reading settings in settings.json: read with defaults, clamped, never failing on a bad file."""

from __future__ import annotations

import json

from annotator import config
from annotator.config import ReadingSettings


def test_no_file_reads_as_the_defaults() -> None:
    assert config.reading_settings() == ReadingSettings()
    assert ReadingSettings().as_settings() == {
        "font_family": "", "font_size": 0.0, "zoom": 100, "line_width": 75,
        "theme": "system", "highlight_style": "fill", "tag_patterns": False, "language": "",
        "coding_stripes": False,
    }  # fmt: skip


def test_stored_values_are_read_back() -> None:
    chosen = ReadingSettings("DejaVu Sans", 14.5, 130, 60, "sepia", "both", True, "de")
    config.write_settings(chosen.as_settings())
    assert config.reading_settings() == chosen
    assert config.coder_name() is None  # the other settings are left alone


def test_values_out_of_range_or_of_the_wrong_type_are_clamped_or_read_as_defaults() -> None:
    config.settings_path().parent.mkdir(parents=True, exist_ok=True)
    stored = {"font_family": 12, "font_size": 2, "zoom": 9000, "line_width": 5,
              "theme": "neon", "highlight_style": None, "tag_patterns": "yes", "language": "../fr", "coder": "Ann"}  # fmt: skip
    config.settings_path().write_text(json.dumps(stored), encoding="utf-8")
    assert config.reading_settings() == ReadingSettings(
        font_family="", font_size=6.0, zoom=300, line_width=30,
        theme="system", highlight_style="fill", tag_patterns=False, language="",
    )  # fmt: skip
    assert config.coder_name() == "Ann"


def test_any_language_code_is_kept_not_only_the_translations_of_today() -> None:
    """A language added to resources/i18n needs no change here: the window knows which it speaks."""
    for code in ("es", "pt_BR", "fil"):
        assert ReadingSettings(language=code).clamped().language == code
    for wrong in ("Deutsch", "de-DE.UTF-8", "../fr", " de"):
        assert ReadingSettings(language=wrong).clamped().language == ""


def test_zero_means_default_size_and_full_width_and_nan_is_refused() -> None:
    config.settings_path().parent.mkdir(parents=True, exist_ok=True)
    config.settings_path().write_text('{"font_size": NaN, "line_width": 0, "zoom": -1e400}', encoding="utf-8")
    assert config.reading_settings() == ReadingSettings(font_size=0.0, line_width=0, zoom=100)
