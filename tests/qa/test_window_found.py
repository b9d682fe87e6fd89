"""What a keyboard-only player met in the window (QA pass 2, 2026-11-30)."""
from __future__ import annotations

import pygame

from tests.ui.conftest import button, press, tab_to


def test_enter_on_begin_does_not_also_take_the_first_decision_of_the_game(tmp_path, monkeypatch):
    # Starting a game takes a moment; a held Enter's repeats, queued by pygame meanwhile, reached the
    # first decision's screen and chose its first option before the player had seen it.
    monkeypatch.setenv("RAPALLO_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("RAPALLO_SAVES", str(tmp_path / "saves"))
    from game.i18n import S
    from game.ui.app import App
    from game.ui.screens.newgame import NewGameScreen
    from game.ui.settings import Settings
    app = App((1280, 720), Settings(advisor=False), settings_dir=tmp_path / "config")
    pygame.event.clear()
    app.push(NewGameScreen(app))
    app.step()
    start = app.start

    def start_while_enter_is_held(session):  # type: ignore[no-untyped-def]
        start(session)
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0))

    monkeypatch.setattr(app, "start", start_while_enter_is_held)
    tab_to(app, button(app, S["ui.new.start"]))
    press(app, pygame.K_RETURN, frames=3)
    assert app.session is not None
    assert app.top.name == "event", app.top.name
    assert [c.event for c in app.session.state.choices] == ["cannes_conditions"]
