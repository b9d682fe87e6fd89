"""The window's smaller defects found by players, each as the player met it."""
from __future__ import annotations

import pygame

from game.engine.commands import MeetPrivately
from game.i18n import S
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


def test_the_use_this_package_button_stays_put_away_after_saving(started):
    # Given the negotiation table with a fresh draft, whose card has no package to suggest
    app = started(stage="midgame")
    press(app, pygame.K_n)
    neg = app.top
    neg.new_draft()
    app.step()
    assert neg.card.vm is not None and neg.card.vm.advice_package is None
    assert not neg.card.use.visible
    # When the player saves through the menu's save dialog and comes back to the table
    from game.ui.screens.saveload import SaveScreen
    app.push(SaveScreen(app))
    app.step()
    press(app, pygame.K_ESCAPE)
    assert app.top is neg
    # Then the button is still put away, not shown without anything to put on the table
    assert not neg.card.use.visible
    assert neg.card.use not in [c.element for c in neg.ui.reachable()]


def test_the_papers_list_says_who_sent_what_not_a_proposal_number(started):
    # Given a game in which others have sent the player papers
    app = started(stage="midgame")
    press(app, pygame.K_n)
    neg = app.top
    s = app.session
    assert neg.paper_buttons, "the demo game should have papers on the table"
    for pid, b in neg.paper_buttons.items():
        prop = next(p for p in s.state.proposals if p.id == pid)
        line = neg.ui.full_text[id(b)]
        # Then each paper reads as who sent what, in the game's words, with no clerk's number
        assert "Proposal" not in line and str(pid) not in line.split(":")[0]
        other = prop.receivers[0] if s.power in prop.sender else prop.sender[0]
        assert s.rules.scenario.powers[other].name in line
        named = prop.title.lower() != f"proposal {pid}"
        assert (prop.title.lower() in line.lower() if named
                else s.rules.scenario.clause_types[prop.clauses[0].type].title in line)
    assert any(p.title.lower() == f"proposal {p.id}" for p in s.state.proposals if p.id in neg.paper_buttons)


def _notes_on(app, screen: str, session) -> list[str]:  # type: ignore[no-untyped-def]
    """Every note the advisor would show on this screen, read one after the other."""
    from game.ui.advisor import current_note
    seen = list(app.settings.advisor_seen)
    shown = []
    while (note := current_note(screen, session, seen, True)) is not None:
        shown.append(note.id)
        seen.append(note.id)
    return shown


def test_the_advisor_does_not_tell_a_player_who_has_sent_an_offer_to_make_one(started):
    # Given a player who has sent an offer and ended turns since
    app = started(stage="midgame", advisor=True)
    s = app.session
    assert any(s.power in p.sender for p in s.state.proposals)
    # Then no note tells them to open the table, find a carrier, or end the turn once papers are out
    on_map = _notes_on(app, "map", s)
    assert "welcome" in on_map
    assert "negotiate" not in on_map and "end_turn" not in on_map
    assert "channel" not in _notes_on(app, "negotiation", s)


def test_the_advisor_tells_a_new_player_to_negotiate_until_they_open_the_table(started):
    # Given a new game, where the map's notes include "open the negotiation table"
    app = started(advisor=True)
    assert "negotiate" in _notes_on(app, "map", app.session)
    # When the player opens the table and comes back to the map
    press(app, pygame.K_n)
    press(app, pygame.K_m)
    # Then the advisor no longer asks them to do it
    assert app.top.name == "map"
    assert "negotiate" not in _notes_on(app, "map", app.session)
    assert "negotiate" in app.settings.advisor_seen


def test_the_end_turn_note_goes_once_the_turn_that_sent_the_papers_is_over(started):
    from game.engine.clauses import Clause
    from game.engine.commands import AssignNegotiator, Propose
    from game.ui import demo
    app = started(advisor=True)
    s = app.session
    assert s.attempt(AssignNegotiator(s.power, "chicherin", "germany")).ok
    demo.advance(s, 1)
    assert "end_turn" not in _notes_on(app, "map", s), "no papers out yet: nothing to end the turn for"
    # Given a paper just sent this turn, the note to end the turn is due
    out = s.attempt(Propose(s.power, ("germany",), (Clause.of("renounce_claims"),)))
    assert out.ok, out.message
    assert "end_turn" in _notes_on(app, "map", s)
    # When the turn ends (any decision waiting taken first: an obligation may be due)
    demo.decide_all(s)
    turn = s.state.turn
    app.end_turn()
    demo.decide_all(s)
    assert s.state.turn == turn + 1
    # Then the advisor does not ask for what was just done
    assert "end_turn" not in _notes_on(app, "map", s)


def test_signing_a_treaty_is_announced_on_a_card_with_its_parties_and_clauses(started):
    # Given the negotiation table with Germany's offer selected
    app = started(stage="midgame")
    s = app.session
    press(app, pygame.K_n)
    neg = app.top
    offer = next(p for p in s.state.proposals if s.power in p.receivers and p.sender == ["germany"]
                 and p.status == "pending")
    neg.select_paper(offer.id)
    app.step()
    before = len(s.state.treaties)
    # When the player accepts it
    click(app, neg.b_accept)
    assert len(s.state.treaties) == before + 1
    # Then a card announces the treaty: its title, both parties, and each clause in words
    card = app.top
    assert card.name == "announcement" and card.modal
    treaty = s.state.treaties[-1]
    assert card.item.title.lower() == treaty.title.lower()
    assert "Germany" in card.item.lead and "Soviet Russia" in card.item.lead
    assert len(card.item.lines) == len(offer.clauses)
    assert s.rules.scenario.clause_types[offer.clauses[0].type].title in card.item.lines[0]
    # And Enter closes it, back to the table, and the same treaty is not announced again
    press(app, pygame.K_RETURN)
    assert app.top is neg
    app.prompt_events()
    assert app.top is neg


def test_each_dispatch_has_a_headline_that_opens_to_its_whole_text(started):
    # Given the map with this turn's dispatches
    app = started(stage="midgame")
    m = app.top
    assert m.name == "map"
    heads = [c for c in m.ui.order if c.group == "news" and c.kind == "button"]
    assert len(heads) >= 3
    for c in heads:
        words = m.ui.full_text[id(c.element)].split("\u00b7", 1)[-1].split()
        assert len(words) >= 2, "a headline is more than one word"
    # When the player opens one whose headline is shorter than the dispatch
    d = next(d for d in m.news if len(d.full or d.text) > len(m.ui.full_text[id(heads[m.news.index(d)].element)])
             and m.news.index(d) < len(heads))
    click(app, heads[m.news.index(d)].element)
    # Then its whole text is there to read, and Escape goes back to the map
    card = app.top
    assert card.name == "announcement"
    assert card.item.lines == (d.full,)
    press(app, pygame.K_ESCAPE)
    assert app.top is m


def test_dispatches_that_do_not_fit_are_behind_one_more_line(started):
    app = started(size=(1024, 600), stage="midgame", text_size="largest")
    m = app.top
    heads = [c for c in m.ui.order if c.group == "news" and c.kind == "button"]
    assert len(heads) < len(m.news)
    more = heads[-1].element
    click(app, more)
    assert app.top.name == "announcement"
    assert len(app.top.item.lines) == len(m.news) - (len(heads) - 1)
