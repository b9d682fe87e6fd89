"""The window's smaller defects found by players, each as the player met it."""
from __future__ import annotations

import pygame

from game.engine.commands import MeetPrivately
from game.engine.strings import S
from game.ui.widgets.charts import nice_ticks
from tests.ui.conftest import click, key, press


def test_meet_privately_at_genoa_is_open_although_the_villa_talks_met_us(started):
    app = started(stage="midgame")
    s = app.session
    villa = [m for m in s.state.conferences["genoa"].meetings if m["turn"] == s.state.turn and s.power in (m["a"], m["b"])]
    assert villa, "the demo game should have had the other side call a meeting this session"
    press(app, pygame.K_c)
    conf = app.top
    assert conf.name == "conference"
    assert app.top.ui.control_of(conf.b_meet).enabled, app.top.ui.control_of(conf.b_meet).tooltip
    before = len(s.state.conferences["genoa"].meetings)
    click(app, conf.b_meet)
    assert len(s.state.conferences["genoa"].meetings) == before + 1
    # Our own meeting is used now: a second one is refused, with the reason on the button.
    assert not app.top.ui.control_of(conf.b_meet).enabled
    ok, why = s.legal(MeetPrivately(s.power, "genoa", conf.meet_with))
    assert not ok and why


def test_a_disabled_button_is_reached_with_tab_and_says_why(started):
    app = started(stage="midgame")
    press(app, pygame.K_n)
    ui = app.top.ui
    accept = ui.control_of(app.top.b_accept)
    assert not accept.enabled
    for _ in range(len(ui.order) + 1):
        if ui.focus is accept:
            break
        app.step([key(pygame.K_TAB)])
    assert ui.focus is accept
    hint = ui.hint_text(ui.hint())
    assert hint.startswith(S["ui.hint.disabled"].split("{")[0].strip()) and "answer" in hint.lower()


def test_a_disabled_button_under_the_mouse_says_why(started):
    app = started(stage="midgame")
    press(app, pygame.K_n)
    ui = app.top.ui
    pos = app.top.b_withdraw.rect.center
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))])
    c = ui.hint()
    assert c is not None and c.element is app.top.b_withdraw
    assert S["ui.neg.only_sent"] in ui.hint_text(c)


def test_the_with_list_of_the_conference_opens_inside_the_window(started):
    app = started(size=(1024, 600), stage="midgame", text_size="largest")
    press(app, pygame.K_c)
    d = app.top.w_meet
    d.current_state.finish()
    d.current_state = d.menu_states["expanded"]
    d.current_state.start()
    app.step()
    listing = d.current_state.options_selection_list
    assert listing is not None
    assert pygame.Rect((0, 0), app.size).contains(listing.rect), (listing.rect, app.size)


def test_the_estimate_shows_each_reason_whole_over_several_lines(started):
    app = started(size=(1024, 600), stage="midgame")
    from game.ui.screens.negotiation import NegotiationScreen
    screen = NegotiationScreen(app, counterpart="germany")
    app.push(screen)
    screen.draft_demo()
    app.step()
    app.step()
    vm = screen.card.vm
    assert vm is not None and vm.lines
    rows = [(num.text, lab.text) for num, lab in screen.card.rows if lab.text]
    assert any(not number for number, _ in rows), "no reason needed a second line at 1024x600"
    shown = " ".join(text for _, text in rows)
    for line in vm.lines[:3]:
        assert line.label in shown, f"{line.label!r} is not shown whole"


def test_a_chart_axis_labels_every_value_it_marks_at_an_even_step():
    ticks = nice_ticks(100.0, 111.0)
    steps = {round(b - a, 6) for a, b in zip(ticks, ticks[1:])}
    assert len(steps) == 1 and ticks[0] <= 100 and ticks[-1] >= 111
    assert all(float(t).is_integer() for t in ticks)


def test_the_save_dialog_mentions_the_autosaves_when_no_game_was_saved_by_name(started, tmp_path):
    app = started(stage="midgame")
    from game.ui.saves_link import quick
    quick(app, save=True)  # a quicksave, not a save by name
    press(app, pygame.K_ESCAPE)
    from tests.ui.conftest import button
    click(app, button(app, "Save the game"))
    assert app.top.name == "save"
    texts = [getattr(e, "text", "") for e in app.manager.get_sprite_group().sprites()]
    assert S["ui.menu.no_saves"] not in texts
    assert any("autosave" in t for t in texts)


def test_a_sent_proposal_is_named_for_the_player_not_by_its_number(started):
    import re
    app = started(stage="midgame")
    from game.ui.screens.negotiation import NegotiationScreen
    screen = NegotiationScreen(app, counterpart="germany")
    app.push(screen)
    app.step()
    screen.draft_demo()
    screen._sync_rows()
    screen._dirty = True
    app.step()
    assert app.top.ui.control_of(screen.b_send).enabled
    click(app, screen.b_send)
    assert screen.mode() == "sent"
    line = screen.ui.full_text.get(id(screen.l_mode), screen.l_mode.text)
    assert "Germany" in line and not re.search(r"[Pp]roposal \d", line), line
