"""No crash on any screen when the window is resized, when a mod adds a
power, or when values sit at the ends of their ranges."""
from __future__ import annotations

import numpy as np
import pygame
import pytest

from game.ui.screens.game_base import make_game_screen
from game.saves.session import Session

GAME_SCREENS = ("home", "negotiation", "conference", "ledger")
SIZES = ((1024, 576), (2560, 1440), (800, 450), (1366, 768), (1280, 720))


def _drawn(app) -> bool:  # type: ignore[no-untyped-def]
    """The window shows a picture (many colours), not an empty or single-colour surface."""
    pixels = pygame.surfarray.array3d(app.surface)[::7, ::7].reshape(-1, 3)
    return len(np.unique(pixels, axis=0)) > 8 and app.surface.get_size() == tuple(app.size)


def _visit(app, power_id: str) -> None:  # type: ignore[no-untyped-def]
    """Open every game screen and the power's panel; each must become the top screen and draw."""
    from game.ui.screens.power import PowerScreen
    for name in GAME_SCREENS:
        app.push(make_game_screen(app, name))
        app.step()
        assert app.top.name == name and _drawn(app), name
        app.pop()
    app.push(PowerScreen(app, power_id))
    app.step()
    assert app.top.name == "power" and app.top.vm is not None and app.top.vm.id == power_id and _drawn(app)
    app.pop()
    app.step()


def test_every_screen_survives_resizing(started):
    app = started(stage="midgame")
    from game.ui.screens.negotiation import NegotiationScreen
    app.push(NegotiationScreen(app))
    app.top.draft_demo()
    for size in SIZES:
        app.resize(size)
        app.step()
        assert app.surface.get_size() == size and app.top.name == "negotiation"
    app.pop()
    for size in SIZES[:3]:
        app.resize(size)
        _visit(app, "britain")


def test_menu_screens_survive_resizing(make_app):
    app = make_app()
    from game.ui.screens.newgame import NewGameScreen
    from game.ui.screens.scenarios import ScenariosScreen
    from game.ui.screens.settings import SettingsScreen
    for screen in (NewGameScreen, SettingsScreen, ScenariosScreen):
        pushed = screen(app)
        app.push(pushed)
        for size in SIZES[:3]:
            app.resize(size)
            app.step()
            assert app.top is pushed and app.surface.get_size() == size and _drawn(app), (screen.__name__, size)
        app.pop()


def test_a_modal_survives_a_resize_and_keeps_its_picture_underneath(started):
    from game.ui.screens.help import HelpScreen
    app = started()
    app.push(HelpScreen(app))
    app.resize((1600, 900))
    app.step()
    assert app.top.name == "help" and app._under is not None and app._under.get_size() == (1600, 900)


def test_powers_added_by_a_mod_are_on_every_screen(make_app, extra_powers):
    app = make_app()
    assert len(extra_powers.powers) == 11
    session = Session.start(extra_powers, "soviet_russia")
    app.start(session)
    while app.top.name == "event":
        app.top.choose(app.top.vm.options[0].id)
    app.step()
    assert "czechoslovakia" in app.top.vm.powers
    # Czechoslovakia's region is on the map and is coloured as a power; Danzig has no region,
    # so a button beside the map reaches it.
    assert app.top.view.anchor("czechoslovakia") is not None and "czechoslovakia" not in app.top.off_map
    assert app.top.off_map == ["danzig"]
    b = next(c.element for c in app.top.ui.order if c.group == "offmap")
    assert b.text == "Free City of Danzig"
    _visit(app, "czechoslovakia")
    _visit(app, "danzig")
    from game.ui.screens.negotiation import NegotiationScreen
    app.push(NegotiationScreen(app, counterpart="czechoslovakia"))
    app.top.draft_demo()
    app.step()
    assert app.top.card.vm is not None
    from game.engine.commands import EndTurn
    app.session.attempt(EndTurn("soviet_russia"))
    app.pop()
    app.push(make_game_screen(app, "ledger"))
    app.top.set_attitude("trust")
    app.step()


@pytest.mark.parametrize("extreme", ["min", "max"])
def test_values_at_the_ends_of_their_ranges(started, extreme):
    app = started(stage="midgame")
    state, rules = app.session.state, app.session.rules
    for name, d in rules.vars.defs.items():
        if name in state.values:
            state.values[name] = float(d.min if extreme == "min" else d.max)
    for name in list(state.series):
        state.series[name][-1] = state.values.get(name, state.series[name][-1])
    app.session.changed()
    app.step()
    _visit(app, "france")
    app.resize((1024, 576))
    _visit(app, "germany")
    # the panel shows the extreme values themselves, not a clipped or stale copy
    from game.ui.screens.power import PowerScreen
    app.push(PowerScreen(app, "germany"))
    app.step()
    trust = next(a for a in app.top.vm.attitudes if a.id == "trust")
    assert trust.value == getattr(rules.vars.defs["germany.trust"], extreme)


def test_the_largest_text_and_scale_still_draw(started):
    app = started(stage="midgame", ui_scale=2.0, text_size="largest")
    _visit(app, "italy")
    app.resize((2560, 1440))
    _visit(app, "italy")
    assert app.surface.get_size() == (2560, 1440)


def test_a_closed_window_stops_the_app(make_app):
    app = make_app()
    assert app.step([pygame.event.Event(pygame.QUIT)]) is False
