"""Saving and loading from the window, through the saves package."""
from __future__ import annotations

from pathlib import Path

import pygame

from tests.ui.conftest import button, click, press


def _saves(tmp_path: Path) -> list[str]:
    folder = tmp_path / "saves"
    return sorted(p.name for p in folder.glob("*")) if folder.is_dir() else []


def test_the_save_dialog_saves_under_the_proposed_name_with_enter(started, tmp_path):
    app = started(stage="midgame")
    press(app, pygame.K_ESCAPE)
    click(app, button(app, "Save the game"))
    assert app.top.name == "save"
    proposed = app.top.entry.get_text()
    assert proposed.startswith("soviet_russia-1922")
    press(app, pygame.K_RETURN)
    assert app.top.name == "map"
    assert f"{proposed}.rapallo" in _saves(tmp_path)


def test_quick_save_and_quick_load_bring_the_game_back(started, tmp_path):
    app = started()
    date = app.session.state.date
    press(app, pygame.K_F5)
    assert "quicksave.rapallo" in _saves(tmp_path)
    press(app, pygame.K_e)
    while app.top.name == "event":
        press(app, pygame.K_RETURN)
    assert app.session.state.date != date
    press(app, pygame.K_F9)
    assert app.session.state.date == date and app.top.name in ("map", "event")


def test_continue_picks_up_the_game_that_was_left(started, make_app, tmp_path):
    app = started()
    press(app, pygame.K_e)
    while app.top.name == "event":
        press(app, pygame.K_RETURN)
    date = app.session.state.date
    press(app, pygame.K_ESCAPE)
    click(app, button(app, "Main menu"))            # leaving autosaves the game
    assert app.top.name == "menu" and any(n.startswith("autosave-") for n in _saves(tmp_path))
    again = make_app()
    again.step()
    click(again, button(again, "Continue"))
    assert again.session is not None and again.session.state.date == date


def test_the_load_dialog_lists_saves_and_refuses_broken_ones(started, make_app, tmp_path):
    app = started()
    press(app, pygame.K_F5)
    (tmp_path / "saves" / "broken.rapallo").write_bytes(b"not a save")
    menu = make_app()
    menu.step()
    click(menu, button(menu, "Load a game"))
    assert menu.top.name == "load"
    rows = [c for c in menu.top.ui.order if c.kind == "button" and c.element.text.startswith(("quicksave", "broken"))]
    broken = next(c for c in rows if c.element.text.startswith("broken"))
    assert not broken.enabled and broken.tooltip
    quick = next(c for c in rows if c.element.text.startswith("quicksave"))
    assert "Genoa and Rapallo" in quick.element.text and "turn 1" in quick.element.text
    click(menu, quick.element)
    assert menu.session is not None and menu.top.name in ("map", "event")


def test_a_hard_game_loads_as_a_hard_game(make_app, genoa, tmp_path):
    from game.saves.session import Session
    app = make_app()
    session = Session.start(genoa, "soviet_russia", "hard", store=app.store)
    app.start(session)
    app.step()
    session.save("hard-one")
    loaded = Session.open("hard-one", app.store)
    assert loaded.difficulty == "hard" and loaded.rules.scenario.tuning.exact_breakdown_skill == 9


def test_ctrl_z_takes_back_the_last_order(started):
    from game.engine.commands import SetPolicy
    app = started()
    s = app.session
    before = s.state.values["soviet_russia.comintern"]
    s.attempt(SetPolicy("soviet_russia", "comintern", 30))
    press(app, pygame.K_z, pygame.KMOD_CTRL)
    assert s.state.values["soviet_russia.comintern"] == before
    assert "Taken back" in app.toasts[-1][0]


def test_an_edited_scenario_is_noticed_and_can_be_restarted(make_app, tmp_path, monkeypatch):
    """Scenario authors: with watching on, an edit is reported and a restart picks it up."""
    import shutil
    from game.content import SCENARIOS
    from game.scenario.loader import load_rules
    from game.saves.session import Session
    work = tmp_path / "scen"
    work.mkdir()
    path = work / "genoa_copy.yaml"
    text = (SCENARIOS / "genoa_rapallo_1922.yaml").read_text(encoding="utf-8").replace(
        "id: genoa_rapallo_1922", "id: genoa_copy")
    path.write_text(text, encoding="utf-8")
    app = make_app(watch_scenario=True)
    import game.ui.app as app_module
    from game.scenario.reload import Reloader
    monkeypatch.setattr(app_module, "make_reloader", lambda sid: Reloader(path, interval=0.0))
    app.start(Session.start(load_rules(path), "soviet_russia", store=app.store))
    app.step()
    assert app.reloader is not None and not app.scenario_edited()
    path.write_text(text.replace("title: Genoa and Rapallo", "title: Genoa, edited"), encoding="utf-8")
    import os
    os.utime(path, ns=(path.stat().st_mtime_ns + 10**9, path.stat().st_mtime_ns + 10**9))
    app.step()
    assert app.scenario_edited() and "edited" in app.toasts[-1][0]
    app.restart_edited()
    assert app.session.rules.scenario.title == "Genoa, edited"
    shutil.rmtree(work)
