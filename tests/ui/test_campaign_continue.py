"""The window's ending of 1921 offers Genoa: a focused 'Continue to Genoa and Rapallo' button with a line
on what carries over; pressing it puts the same power on Genoa's map with 1921's treaties, and saves made
there load into Genoa. A next part that a mod removed is a line on the ending, and the game is kept."""
from __future__ import annotations

import pygame
import pytest

from game.engine.rules import Rules
from game.saves.session import Session
from game.saves.store import SaveStore
from game.scenario import load_rules
from game.ui import demo
from tests.ui.conftest import button, click, press

SEAT = "britain"
CONTINUE = "Continue to Genoa and Rapallo"


@pytest.fixture(scope="module")
def y1921() -> Rules:
    return load_rules("return_to_europe_1921")


def _at_the_end(make_app, rules: Rules, saves):  # type: ignore[no-untyped-def]
    app = make_app((1024, 600))
    session = Session.start(rules, SEAT, store=SaveStore(saves))
    demo.advance(session, 400)
    assert session.game.is_terminal()
    app.start(session)
    app.step()
    return app, session


def _texts(app) -> str:  # type: ignore[no-untyped-def]
    """Every text box on the top screen, as the player reads it."""
    return " ".join(str(getattr(e, "html_text", "")) for e in app.top.root.elements)


def test_the_ending_of_1921_offers_genoa_first_and_enter_plays_on_there(make_app, y1921, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app, session = _at_the_end(make_app, y1921, tmp_path)
    first = session.game
    assert app.top.name == "end"
    go = button(app, CONTINUE)
    assert app.top.ui.focus is not None and app.top.ui.focus.element is go      # Enter plays on
    assert "Treaties, relations, values and events carry over." in _texts(app)
    press(app, pygame.K_RETURN)
    assert app.session is session and session.rules.id == "genoa_rapallo_1922" and session.power == SEAT
    assert app.top.name != "end" and not session.game.is_terminal()
    carried = {t.title for t in first.state.treaties if t.in_force}
    assert carried & {t.title for t in session.state.treaties}, "no 1921 treaty reached Genoa"
    saved = session.save("genoa-from-the-window")
    assert Session.open(str(saved), SaveStore(tmp_path)).rules.id == "genoa_rapallo_1922"
    assert session.last_autosave is not None
    assert Session.open(str(session.last_autosave), SaveStore(tmp_path)).game.chain[0]["scenario"] == y1921.id


def test_a_click_on_continue_lands_in_genoa_too(make_app, y1921, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app, session = _at_the_end(make_app, y1921, tmp_path)
    click(app, button(app, CONTINUE))
    assert session.rules.id == "genoa_rapallo_1922" and app.top.name != "end"


def test_a_next_part_removed_by_a_mod_is_said_on_the_ending_and_the_game_is_kept(make_app, y1921, tmp_path) -> None:  # type: ignore[no-untyped-def]
    gone = type(y1921)(y1921.scenario.model_copy(update={"next": "genoa_removed_by_a_mod"}), y1921.content_hash,
                       difficulty=y1921.difficulty)
    app, session = _at_the_end(make_app, gone, tmp_path)
    labels = [c.element.text for c in app.top.ui.order if c.kind == "button"]
    assert labels and not any(t.startswith("Continue to") for t in labels)
    assert "The campaign cannot go on into genoa_removed_by_a_mod" in _texts(app)
    assert session.rules.scenario.next == "genoa_removed_by_a_mod" and session.game.is_terminal()
    assert session.last_autosave is not None and session.last_autosave.is_file()


def test_the_new_game_screen_says_1921_plays_on_into_genoa_and_genoa_says_nothing_of_the_kind() -> None:
    from game.ui.viewmodels.newgame import scenarios
    by_id = {s.id: s for s in scenarios()}
    assert by_id["return_to_europe_1921"].summary.endswith("you may play on into Genoa and Rapallo, with this "
                                                           "game's treaties and relations.")
    assert "play on into" not in by_id["genoa_rapallo_1922"].summary


@pytest.mark.parametrize("size", [(1024, 600), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_ending_of_1921_with_its_continue_button_clips_nothing_at_the_largest_text(size, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from game.ui.screenshot import SETUPS
    from tests.ui.test_layout import _app, _check
    app = _app(size, tmp_path)
    SETUPS["end"](app, "return_to_europe_1921")
    app.step()
    app.step()
    assert button(app, CONTINUE).rect.right <= button(app, "Ledger").rect.left
    _check(app, f"the end of 1921 at {size[0]}x{size[1]}, largest text")
