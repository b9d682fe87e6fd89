"""The language of the window: chosen in Settings (and kept), or with --lang; German where it has the words."""
from __future__ import annotations

import json
from typing import Iterator

import pygame
import pytest

from game import i18n
from tests.ui.conftest import button, click, press, tab_to  # noqa: F401


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


def test_the_menu_speaks_german_when_settings_say_so(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(language="de")
    app.step()
    assert button(app, "Neues Spiel") and button(app, "Einstellungen") and button(app, "Beenden")


def test_choosing_german_in_settings_relabels_the_window_and_is_kept(make_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    app.step()
    click(app, button(app, "Settings"))
    assert app.top.name == "settings"
    tab_to(app, app.top.w_lang)
    press(app, pygame.K_RIGHT)
    assert app.settings.language == "de"
    assert button(app, "Zurück")                                   # the screen was built again, in German
    saved = json.loads((tmp_path / "config" / "settings.json").read_text())
    assert saved["language"] == "de"
    click(app, button(app, "Zurück"))
    assert button(app, "Neues Spiel")


def test_lang_on_the_command_line_wins_over_the_saved_setting(make_app) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("de", pin=True)
    app = make_app(language="en")
    app.step()
    assert button(app, "Neues Spiel")


def test_an_unknown_language_in_the_settings_file_gives_english(make_app) -> None:  # type: ignore[no-untyped-def]
    from game.ui.settings import Settings
    assert Settings.from_dict({"language": "klingon"}).language == ""
    app = make_app()
    app.step()
    assert button(app, "New game")
