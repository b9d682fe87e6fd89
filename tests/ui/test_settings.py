"""The settings file: kept between runs, forgiving of old or broken files."""
from __future__ import annotations

import json

from game.ui.settings import Settings, config_dir


def test_the_config_folder_can_be_moved_for_tests(tmp_path, monkeypatch):
    monkeypatch.setenv("RAPALLO_CONFIG_DIR", str(tmp_path / "elsewhere"))
    assert config_dir() == tmp_path / "elsewhere"


def test_settings_round_trip(tmp_path):
    s = Settings(window_size=(1600, 900), fullscreen=True, ui_scale=1.5, text_size="large", colour_blind=True,
                 advisor=False, advisor_seen=["welcome"])
    assert s.save(tmp_path) == tmp_path / "settings.json"
    again = Settings.load(tmp_path)
    assert again == s


def test_a_broken_or_missing_file_gives_the_defaults(tmp_path):
    assert Settings.load(tmp_path) == Settings()
    (tmp_path / "settings.json").write_text("{not json", encoding="utf-8")
    assert Settings.load(tmp_path) == Settings()


def test_odd_values_are_brought_into_range(tmp_path):
    (tmp_path / "settings.json").write_text(json.dumps(
        {"ui_scale": 9, "text_size": "gigantic", "window_size": [10, 10], "fullscreen": "yes", "colour": 1}),
        encoding="utf-8")
    s = Settings.load(tmp_path)
    assert s.ui_scale == 2.0 and s.text_size == "normal" and s.window_size == (800, 450) and s.fullscreen is False


def test_an_unwritable_folder_is_not_an_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert Settings().save(blocker / "sub") is None
