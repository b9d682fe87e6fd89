"""Screens driven with synthetic events through the app's step function."""
from __future__ import annotations

import json

import pygame
import pytest

from game.engine.commands import AssignNegotiator
from game.ui import stats
from game.ui.screenshot import SCREENS, render
from tests.ui.conftest import button, click, click_at, press, tab_to


@pytest.mark.parametrize("name", SCREENS)
def test_every_screen_draws_without_a_window(name, tmp_path):
    surface = render(name, (1280, 720), None, 2, settings_dir=tmp_path)
    assert surface.get_size() == (1280, 720)
    # Something was drawn: the picture is not one flat colour.
    assert len({surface.get_at((x, y))[:3] for x in range(0, 1280, 97) for y in range(0, 720, 61)}) > 8


def test_enter_on_the_main_menu_opens_a_new_game(make_app):
    app = make_app()
    app.step()
    press(app, pygame.K_RETURN)
    assert app.top.name == "newgame"
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "menu"


def test_menu_items_that_cannot_be_used_say_why(make_app):
    app = make_app()
    app.step()
    ui = app.top.ui
    load = app.top.buttons["load"]
    c = ui.control_of(load)
    assert not c.enabled and c.tooltip
    assert ui.control_of(app.top.buttons["classroom"]).enabled


def test_keys_move_between_the_game_screens(started):
    app = started()
    for k, name in ((pygame.K_n, "negotiation"), (pygame.K_l, "ledger"), (pygame.K_h, "home"),
                    (pygame.K_m, "map")):
        press(app, k)
        assert app.top.name == name
    assert len(app.stack) == 1
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "pause"
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "map"


def test_the_conference_key_explains_when_none_sits(started):
    app = started()
    press(app, pygame.K_c)
    assert app.top.name == "map" and "No conference" in app.toasts[-1][0]


def test_end_turn_moves_the_calendar(started):
    app = started()
    date = app.session.state.date
    press(app, pygame.K_e)
    app.prompt_events()
    while app.top.name == "event":
        press(app, pygame.K_RETURN)
    assert app.session.state.date > date
    assert app.top.name == "map"


def test_a_waiting_decision_blocks_the_end_of_the_turn(make_app):
    from game.ui import demo
    app = make_app()
    app.start(demo.start())
    app.step()
    assert app.top.name == "event"
    press(app, pygame.K_ESCAPE)          # decide later
    assert app.top.name == "map"
    press(app, pygame.K_e)
    assert app.top.name == "event" and "Decide first" in app.toasts[-1][0]
    assert app.session.state.turn == 0


def test_clicking_a_power_on_the_map_opens_its_panel(started):
    app = started()
    screen = app.top
    at = screen.view.anchor("germany")
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=at, rel=(0, 0), buttons=(0, 0, 0))])
    assert screen.hover == "germany"
    click_at(app, at)
    assert app.top.name == "power" and app.top.power == "germany"


def test_the_insets_are_clickable(started):
    app = started()
    view = app.top.view
    inset = next(i for i in view.map.insets if i.id == "united_states")
    x0, y0, x1, y1 = inset.box
    click_at(app, view.to_screen((x0 + x1) / 2, (y0 + y1) / 2))
    assert app.top.name == "power" and app.top.power == "united_states"


def test_a_power_can_be_opened_from_the_keyboard(started):
    app = started()
    hotspot = next(c for c in app.top.ui.order if c.group == "powers" and "Japan" in c.tooltip)
    for _ in range(60):
        if app.top.ui.focus is hotspot:
            break
        press(app, pygame.K_TAB, frames=0)
    press(app, pygame.K_RETURN)
    assert app.top.name == "power" and app.top.power == "japan"


def test_an_offer_is_drafted_estimated_and_sent_with_the_mouse(started):
    app = started()
    s = app.session
    s.attempt(AssignNegotiator("soviet_russia", "chicherin", "germany"))
    press(app, pygame.K_n)
    neg = app.top
    neg.set_counterpart("germany")
    app.step()
    assert neg.card.vm is not None and neg.card.vm.empty
    click(app, neg.row_widgets["renounce_claims"]["check"])
    assert "renounce_claims" in neg.draft
    assert not neg.card.vm.empty and neg.card.vm.heading == "How Germany would weigh it"
    total = neg.card.vm.total
    click(app, neg.row_widgets["credits"]["check"])
    assert neg.card.vm.total != total
    click(app, button(app, "Send"))
    sent = [p for p in s.state.proposals if p.sender == ["soviet_russia"]]
    assert sent and {c.type for c in sent[-1].clauses} == {"renounce_claims", "credits"}
    assert neg.mode() == "sent"
    assert app.top.ui.control_of(neg.b_withdraw).enabled


def test_send_is_refused_with_the_engines_reason(started):
    app = started()
    press(app, pygame.K_n)
    neg = app.top
    neg.set_counterpart("france")
    click(app, neg.row_widgets["recognition"]["check"])
    c = app.top.ui.control_of(neg.b_send)
    assert not c.enabled and "negotiator" in c.tooltip


def test_a_slider_moved_from_the_keyboard_changes_the_draft(started):
    app = started()
    app.session.attempt(AssignNegotiator("soviet_russia", "krasin", "britain"))
    press(app, pygame.K_n)
    neg = app.top
    slider = neg.row_widgets["credits"]["amount"]
    tab_to(app, slider)
    press(app, pygame.K_RIGHT)
    assert neg.draft["credits"]["amount"] == 125.0
    press(app, pygame.K_RIGHT)
    assert neg.draft["credits"]["amount"] == 150.0


def _two_player_counter(genoa):  # type: ignore[no-untyped-def]
    """Moscow offers, Berlin (played by a person too) answers with a counter-offer: no AI luck involved."""
    from game.engine.clauses import Clause
    from game.engine.commands import Answer, EndTurn, Propose
    from game.engine.game import Game
    from game.ui import demo
    from game.saves.session import Session
    s = Session(Game.new(genoa, humans=["soviet_russia", "germany"]), "soviet_russia")
    demo.decide_all(s)
    s.attempt(AssignNegotiator("soviet_russia", "chicherin", "germany"))
    mine = (Clause.of("renounce_claims"), Clause.of("credits", {"amount": 200}))
    assert s.attempt(Propose("soviet_russia", ("germany",), mine)).ok
    s.game.apply(EndTurn("germany"), by="germany")    # Berlin's own seat, not Moscow's window
    s.attempt(EndTurn("soviet_russia"))
    demo.decide_all(s)
    offer = next(p for p in s.state.proposals if p.sender == ["soviet_russia"])
    theirs = (Clause.of("renounce_claims"), Clause.of("credits", {"amount": 50}), Clause.of("concessions"))
    s.game.apply(Answer("germany", offer.id, "counter", theirs), by="germany")
    s.game.apply(EndTurn("germany"), by="germany")
    s.attempt(EndTurn("soviet_russia"))
    return s, next(p for p in s.state.proposals if p.reply_to == offer.id)


def test_a_counter_offer_is_marked_against_ours(make_app, genoa):
    app = make_app()
    s, counter = _two_player_counter(genoa)
    app.start(s)
    app.step()
    from game.ui.screens.negotiation import NegotiationScreen
    app.push(NegotiationScreen(app, proposal=counter.id))
    app.step()
    neg = app.top
    assert neg.mode() == "answer" and neg.compare is not None
    assert neg.card.vm.heading == "How it weighs for us"
    from game.ui.viewmodels.negotiation import diff
    marks = diff(s.rules, neg.compare, neg.base)
    assert marks["credits"].kind == "changed" and marks["concessions"].kind == "added"
    assert app.top.ui.control_of(neg.b_accept).enabled
    click(app, button(app, "Reject"))
    assert counter.status == "rejected"


def test_tearing_up_a_treaty_asks_first(started):
    app = started()
    press(app, pygame.K_m)
    app.top.open_power("britain")
    app.step()
    treaty = next(t for t in app.session.state.treaties if "britain" in t.partners)
    click(app, button(app, "Cancel"))
    assert app.top.name == "confirm"
    press(app, pygame.K_RETURN)                 # the keyboard starts on "No"
    assert app.top.name == "power" and treaty.in_force


def test_the_conference_screen_speaks_and_meets(started):
    app = started(stage="midgame")
    press(app, pygame.K_c)
    conf = app.top
    assert conf.name == "conference" and conf.cid == "genoa"
    speeches = len(app.session.state.conferences["genoa"].speeches)
    b = next(b for b in conf.speak_buttons.values() if app.top.ui.control_of(b).enabled)
    click(app, b)
    assert len(app.session.state.conferences["genoa"].speeches) == speeches + 1
    assert not any(app.top.ui.control_of(b).enabled for b in conf.speak_buttons.values())
    assert "one speech a session" in app.top.ui.control_of(b).tooltip.lower()


def test_settings_are_kept_between_runs(make_app, tmp_path):
    app = make_app()
    app.step()
    click(app, app.top.buttons["settings"])
    assert app.top.name == "settings"
    click(app, app.top.w_cb)
    assert app.settings.colour_blind and app.palette.accent == "#B84F12"
    saved = json.loads((tmp_path / "config" / "settings.json").read_text())
    assert saved["colour_blind"] is True
    from game.ui.app import App
    again = App((1280, 720), settings_dir=tmp_path / "config")
    assert again.settings.colour_blind


def test_ui_scale_and_text_size_lay_everything_out_again(make_app):
    app = make_app()
    app.step()
    size = app.top.buttons["new"].rect.height
    from dataclasses import replace
    app.apply_settings(replace(app.settings, ui_scale=1.25, text_size="largest"))
    app.step()
    assert app.top.buttons["new"].rect.height > size


def test_the_advisor_guides_the_first_game_and_can_be_turned_off(started, tmp_path):
    app = started(advisor=True)
    card = app.top.advisor
    assert card.note is not None and card.note.id == "welcome"
    click(app, button(app, "Understood"))
    assert "welcome" in app.settings.advisor_seen
    assert card.note is not None and card.note.id != "welcome"
    click(app, button(app, "No more notes"))
    assert card.note is None and not app.settings.advisor
    saved = json.loads((tmp_path / "config" / "settings.json").read_text())
    assert saved["advisor"] is False and "welcome" in saved["advisor_seen"]


def test_f1_lists_the_keys(started):
    app = started()
    press(app, pygame.K_F1)
    assert app.top.name == "help"
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "map"


@pytest.mark.parametrize("screen", ["map", "negotiation", "ledger", "power", "conference"])
def test_nothing_is_laid_out_again_in_frames_where_nothing_changed(started, screen):
    app = started(stage="midgame")
    if screen == "negotiation":
        press(app, pygame.K_n)
        app.top.draft_demo()
    elif screen == "ledger":
        press(app, pygame.K_l)
    elif screen == "power":
        app.top.open_power("britain")
    elif screen == "conference":
        press(app, pygame.K_c)
    for _ in range(5):
        app.step()
    before = stats.text_layouts()
    for _ in range(30):
        app.step()
    assert stats.text_layouts() == before


def _new_game_note(app, scenario: str, power: str) -> str:  # type: ignore[no-untyped-def]
    screen = app.top
    screen.choose(next(i for i, s in enumerate(screen.items) if s.id == scenario))
    screen.set_power(power)
    return str(screen.l_note.html_text)


def test_the_new_game_note_says_who_bargains_with_whom(make_app):
    app = make_app()
    app.step()
    press(app, pygame.K_RETURN)
    assert app.top.name == "newgame"
    # Genoa has talks among the other powers: Germany may bargain with London and Paris as well as Moscow.
    germany = _new_game_note(app, "genoa_rapallo_1922", "germany")
    assert "Soviet Russia" in germany and "Britain" in germany and "France" in germany
    hub = _new_game_note(app, "genoa_rapallo_1922", "soviet_russia")
    assert "every treaty" not in hub and "among themselves" in hub
    # Return to Europe has no side talks: no such promise there.
    britain = _new_game_note(app, "return_to_europe_1921", "britain")
    assert "Soviet Russia" in britain and "topics you share" not in britain
