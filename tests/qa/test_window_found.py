"""What a keyboard-only player met in the window (QA pass 2, 2026-11-30)."""
from __future__ import annotations

import pygame
import pytest

from tests.ui.conftest import button, make_app, press, tab_to  # noqa: F401 - make_app is a fixture


@pytest.fixture(autouse=True)
def _own_config(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("RAPALLO_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("RAPALLO_SAVES", str(tmp_path / "saves"))


@pytest.fixture(autouse=True, scope="module")
def _forget_fonts_afterwards():  # type: ignore[no-untyped-def]
    """As in tests/classroom/test_screens.py: tests/test_fonts.py quits pygame.font later, which
    would leave the fonts this module made dead for the window tests after it."""
    yield
    from game.ui import text
    text._fonts.clear()
    text.clear_cache()


def test_enter_on_begin_does_not_also_take_the_first_decision_of_the_game(make_app, monkeypatch):
    # Starting a game takes a moment; a held Enter's repeats, queued by pygame meanwhile, reached the
    # first decision's screen and chose its first option before the player had seen it.
    from game.i18n import S
    from game.ui.screens.newgame import NewGameScreen
    app = make_app()
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
