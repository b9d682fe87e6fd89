"""Whole games of Genoa and Rapallo through the app's step function: one
with the keyboard alone, one with the mouse alone. Each starts at the main
menu, posts an envoy, makes an offer, answers what comes, and plays to the
end screen."""
from __future__ import annotations

import pygame

from tests.ui.conftest import button, click, key, press, tab_to

MAX_STEPS = 400


def _visible_button(app, text: str):  # type: ignore[no-untyped-def]
    """Any visible pygame_gui button with this text (an open drop-down's options are such buttons)."""
    for sprite in app.manager.get_sprite_group().sprites():
        if type(sprite).__name__ == "UIButton" and getattr(sprite, "text", None) == text and sprite.visible:
            return sprite
    raise AssertionError(f"no visible button {text!r}")


def test_a_whole_game_with_the_keyboard_alone(make_app):
    app = make_app()
    app.step()
    press(app, pygame.K_RETURN)                       # New game
    assert app.top.name == "newgame"
    tab_to(app, app.top.b_start)
    press(app, pygame.K_RETURN)                       # Begin
    assert app.session is not None
    s = app.session
    while app.top.name == "event":
        press(app, pygame.K_RETURN)                   # the first option has the focus
    # Post Chicherin to Berlin from home.
    press(app, pygame.K_h)
    home = app.top
    widget = home.mission_widgets["chicherin"]
    tab_to(app, widget)
    for _ in range(12):
        if s.state.missions["soviet_russia.chicherin"] == "germany":
            break
        press(app, pygame.K_RIGHT, frames=0)
        home.mission_widgets["chicherin"]
    assert s.state.missions["soviet_russia.chicherin"] == "germany"
    # Draft an offer to Germany and send it.
    press(app, pygame.K_n)
    neg = app.top
    tab_to(app, neg.w_counterpart)
    for _ in range(12):
        if neg.counterpart == "germany":
            break
        press(app, pygame.K_RIGHT, frames=0)
    assert neg.counterpart == "germany"
    tab_to(app, neg.row_widgets["renounce_claims"]["check"])
    press(app, pygame.K_SPACE)
    assert "renounce_claims" in neg.draft
    tab_to(app, neg.b_send)
    press(app, pygame.K_RETURN)
    assert any(p.sender == ["soviet_russia"] for p in s.state.proposals)
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "map"
    # Play on to the end: end each turn, decide each event, answer nothing.
    for _ in range(MAX_STEPS):
        if app.top.name == "end":
            break
        if app.top.name == "event":
            press(app, pygame.K_RETURN)
        elif app.top.name != "map":
            press(app, pygame.K_ESCAPE)
        else:
            press(app, pygame.K_e)
    assert app.top.name == "end" and s.game.is_terminal()
    assert s.state.treaties and s.game.returns()["soviet_russia"] >= 0
    tab_to(app, next(c.element for c in app.top.ui.order if c.kind == "button" and c.element.text == "Main menu"))
    press(app, pygame.K_RETURN)
    assert app.top.name == "menu" and app.session is None


def test_a_whole_game_with_the_mouse_alone(make_app):
    app = make_app()
    app.step()
    click(app, button(app, "New game"))
    click(app, button(app, "Begin"))
    s = app.session
    assert s is not None
    while app.top.name == "event":
        click(app, app.top.ui.order[0].element)      # the first option
    # Post Chicherin to Berlin: open his drop-down and pick Germany.
    click(app, button(app, "Moscow"))
    click(app, app.top.mission_widgets["chicherin"])
    click(app, _visible_button(app, "Germany"))
    assert s.state.missions["soviet_russia.chicherin"] == "germany"
    # The negotiation table: choose Germany, tick the clean slate, send.
    click(app, button(app, "Negotiate"))
    neg = app.top
    click(app, neg.w_counterpart)
    click(app, _visible_button(app, "Germany"))
    assert neg.counterpart == "germany"
    click(app, neg.row_widgets["renounce_claims"]["check"])
    click(app, button(app, "Send"))
    assert any(p.sender == ["soviet_russia"] for p in s.state.proposals)
    click(app, button(app, "Map"))
    before = {t.id for t in s.state.treaties}
    cards = 0
    for _ in range(MAX_STEPS):
        if app.top.name == "end":
            break
        if app.top.name == "event":
            click(app, app.top.ui.order[0].element)
        elif app.top.name == "announcement":      # a treaty of ours was signed: its card is read and closed
            cards += 1
            click(app, button(app, "Understood"))
        else:
            click(app, app.top.end_button)
    assert app.top.name == "end" and s.game.is_terminal()
    signed = [t for t in s.state.treaties if t.id not in before   # ours, not those among the other powers
              and s.power in t.parties(s.rules.hub)]
    assert signed, "the game should see a treaty signed"
    assert cards == len(signed)
    click(app, button(app, "Main menu"))
    assert app.top.name == "menu"


def test_keys_are_not_stolen_by_a_modifier(make_app):
    app = make_app()
    app.step()
    app.step([key(pygame.K_e, pygame.KMOD_CTRL)])
    assert app.top.name == "menu"
