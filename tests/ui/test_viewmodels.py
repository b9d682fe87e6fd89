"""The window's view-models, tested as plain data: what each screen would show."""
from __future__ import annotations

import pytest

from game.engine.clauses import Clause
from game.engine.commands import AssignNegotiator, EndTurn, Propose
from game.ui import demo
from game.saves.session import Session
from game.ui.viewmodels import conference as cvm
from game.ui.viewmodels import ending, event, home, ledger, negotiation, power, world
from game.ui.viewmodels.common import clause_text, date_text, num


@pytest.fixture
def session(genoa) -> Session:
    s = Session.start(genoa, "soviet_russia")
    demo.decide_all(s)
    return s


def test_dates_and_numbers_read_as_people_write_them():
    assert date_text("1922-04-16") == "16 April 1922"
    assert num(12000) == "12,000" and num(-8) == "\u22128"


def test_clauses_are_named_in_words_not_command_syntax(genoa):
    text = clause_text(genoa, genoa.normalise(Clause.of("credits", {"amount": 200})))
    assert text.startswith("Credits and loans (") and "200 million gold rubles" in text and "(" in text
    assert "amount=" not in text


def test_top_bar_shows_hub_values_with_their_meaning_and_change(session):
    hud = world.hud(session.rules, session.state, session.power)
    ids = [s.id for s in hud.stats]
    assert ids[0] == "soviet_russia.gold" and "soviet_russia.discontent" in ids
    gold = hud.stats[0]
    assert gold.value == num(session.state.values["soviet_russia.gold"])
    assert "Gold reserve" in gold.tooltip and "Million gold rubles" in gold.tooltip
    assert hud.turn == f"Turn 1 of {session.rules.last_turn + 1}"
    assert hud.proposals_left == 3 and hud.decisions == 0


def test_a_partner_player_sees_its_own_attitudes_in_the_top_bar(genoa):
    s = Session.start(genoa, "germany")
    hud = world.hud(genoa, s.state, "germany")
    assert [x.id for x in hud.stats][0] == "germany.trust"


def test_the_map_knows_every_power_and_its_status(session):
    vm = world.map_vm(session.rules, session.state, session.power)
    assert set(vm.powers) == set(session.rules.powers)
    assert vm.powers["soviet_russia"].is_hub and vm.statuses["soviet_russia"] == -1
    assert vm.powers["britain"].status_text == "trade agreement (de facto)"
    lines = vm.powers["britain"].hover_lines(vm.hub_name)
    assert lines[0] == "Britain" and any("Trust" in line for line in lines)


def test_papers_list_incoming_and_sent_proposals(session):
    s = session
    s.attempt(AssignNegotiator("soviet_russia", "chicherin", "germany"))
    assert s.attempt(Propose("soviet_russia", ("germany",), (Clause.of("renounce_claims"),))).ok
    pv = world.papers(s.rules, s.state, "soviet_russia")
    assert pv.outgoing and pv.outgoing[0].counterpart == "germany" and "Germany" in pv.outgoing[0].label
    assert "Mutual renunciation of claims" in pv.outgoing[0].tooltip


def test_dispatches_drop_the_command_syntax_of_proposals(session):
    s = session
    demo.advance(s, 6)
    items = world.dispatches(s.rules, s.state, s.power, turns=6).items
    assert items
    assert not any("(" in d.text and "=" in d.text for d in items if d.kind == "proposal")


def test_clause_rows_sit_on_the_side_that_grants_them(session):
    rows = {r.type: r for r in negotiation.clause_rows(session.rules, session.state, "soviet_russia", "germany")}
    assert rows["debt_acknowledgement"].side == "give"
    assert rows["credits"].side == "ask"
    assert rows["renounce_claims"].side == "both"
    assert not rows["trade_agreement"].allowed          # already in force with Germany
    assert "not possible" in rows["trade_agreement"].tooltip
    germany = {r.type: r for r in negotiation.clause_rows(session.rules, session.state, "germany", "soviet_russia")}
    assert germany["credits"].side == "give" and germany["debt_acknowledgement"].side == "ask"


def test_drafts_round_trip_through_packages(genoa):
    pkg = negotiation.package_of(genoa, {"credits": {"amount": 130.0}, "recognition": {}})
    assert [c.type for c in pkg] == ["credits", "recognition"]
    assert dict(pkg[0].params)["amount"] == 125.0            # snapped to the step of 25
    assert negotiation.package_of(genoa, negotiation.draft_of(pkg)) == pkg


def test_channels_say_who_can_carry_an_offer(session):
    s = session
    none = negotiation.channels(s.rules, s.state, "soviet_russia", "germany")
    assert len(none) == 1 and not none[0].ok and "Moscow" in none[0].tooltip
    s.attempt(AssignNegotiator("soviet_russia", "chicherin", "germany"))
    envoy = negotiation.channels(s.rules, s.state, "soviet_russia", "germany")
    assert envoy[0].ok and "Chicherin" in envoy[0].label


def test_the_estimate_lists_every_reason_and_adds_up(session):
    s = session
    s.attempt(AssignNegotiator("soviet_russia", "chicherin", "germany"))
    pkg = negotiation.package_of(s.rules, {"renounce_claims": {}})
    vm = negotiation.estimate_vm(s.rules, s.state, "soviet_russia", ["soviet_russia"], ["germany"], pkg)
    assert vm.heading == "How Germany would weigh it" and vm.exact
    assert abs(sum(line.value for line in vm.lines) - vm.total) < 1.0
    assert all(line.tooltip and ("for" in line.tooltip or "against" in line.tooltip) for line in vm.lines)
    assert vm.verdict in ("WOULD ACCEPT", "WOULD REFUSE")


def test_an_empty_draft_asks_for_a_clause(session):
    vm = negotiation.estimate_vm(session.rules, session.state, "soviet_russia", ["soviet_russia"], ["britain"], ())
    assert vm.empty and "Add a clause" in vm.advice


def test_on_hard_the_envoys_read_reasons_only_roughly(genoa):
    s = Session.start(genoa, "soviet_russia", "hard")
    pkg = negotiation.package_of(s.rules, {"renounce_claims": {}})
    vm = negotiation.estimate_vm(s.rules, s.state, "soviet_russia", ["soviet_russia"], ["germany"], pkg)
    assert not vm.exact
    assert all(line.value % 5 == 0 and line.text.startswith("\u2248") for line in vm.lines)
    assert "roughly" in vm.lines[0].tooltip


def test_what_would_it_take_names_clauses_in_words(genoa):
    s = Session.start(genoa, "soviet_russia", "easy")
    demo.decide_all(s)
    s.attempt(AssignNegotiator("soviet_russia", "chicherin", "germany"))
    demo.advance(s, 1)
    pkg = negotiation.package_of(s.rules, {"renounce_claims": {}, "credits": {"amount": 500}})
    vm = negotiation.estimate_vm(s.rules, s.state, "soviet_russia", ["soviet_russia"], ["germany"], pkg)
    if vm.advice_package is not None:
        assert "What would it take" in vm.advice and "=" not in vm.advice
    else:
        assert vm.advice


def test_a_counter_offer_is_shown_against_the_offer_it_answers(genoa):
    mine = genoa.normalise_package([Clause.of("credits", {"amount": 200}), Clause.of("recognition")])
    theirs = genoa.normalise_package([Clause.of("credits", {"amount": 100}), Clause.of("debt_acknowledgement")])
    d = negotiation.diff(genoa, mine, theirs)
    assert d["debt_acknowledgement"].kind == "added"
    assert d["recognition"].kind == "removed"
    assert d["credits"].kind == "changed" and "200" in d["credits"].text
    summary = negotiation.diff_summary(genoa, mine, theirs)
    assert len(summary) == 3 and any("Acknowledgement of pre-war debts" in line for line in summary)


def test_event_options_list_their_known_effects(session, genoa):
    vm = event.event_vm(genoa, session.state, "cannes_conditions")
    accept = vm.options[0]
    assert accept.title == "Accept the invitation"
    assert "Prestige +4" in accept.effects and "Britain: trust +4" in accept.effects
    assert vm.picture in ("conference", "newspaper", "telegram")


def test_conference_shows_sessions_seats_and_meetings(genoa):
    s = demo.midgame()
    cid = cvm.which(s.rules, s.state, s.power)
    assert cid == "genoa"
    vm = cvm.conference_vm(s.rules, s.state, s.power, cid)
    assert len(vm.sessions) > 5 and 0 <= vm.current < len(vm.sessions)
    assert {seat.id for seat in vm.seats} == set(genoa.scenario.conferences["genoa"].invited)
    assert any(ch.extra.startswith("Kept out: Germany") for ch in vm.channels)
    assert all(m.text for m in vm.meetings)


def test_the_ledger_has_one_point_per_recorded_turn(genoa):
    s = demo.midgame()
    econ = ledger.economy_chart(s.rules, s.state)
    assert econ.series and all(len(x.values) == len(econ.dates) for x in econ.series)
    att = ledger.attitude_chart(s.rules, s.state, "trust")
    assert {x.name for x in att.series} == {genoa.scenario.powers[p].name for p in genoa.partners}
    assert ledger.gold_account(s.rules, s.state)
    assert "lowest" in econ.series[0].tooltip


def test_the_power_panel_shows_claims_history_and_fading_grievances(genoa):
    s = demo.finished()
    vm = power.power_panel(s.rules, s.state, "france", s.power)
    assert vm.name == "France" and "Poincar" in vm.leader
    assert {c.id for c in vm.claims} >= {"prewar_debt", "property"}
    trust = next(a for a in vm.attitudes if a.id == "trust")
    assert len(trust.history) > 1 and "\u2192" in trust.tooltip
    for g in vm.grievances:
        assert 0 < g.fraction <= 1 and "halves every" in g.text


def test_home_offers_levers_and_missions(session):
    vm = home.home(session.rules, session.state, "soviet_russia")
    assert {lv.id for lv in vm.levers} == set(session.rules.scenario.policies)
    chicherin = next(n for n in vm.negotiators if n.id == "chicherin")
    assert ("germany", "Germany") in chicherin.options and chicherin.mission == "home"


def test_the_end_compares_the_game_with_history(genoa):
    s = demo.finished()
    vm = ending.end_vm(s.rules, s.state, s.power)
    assert 0 <= vm.score_value <= vm.best
    assert vm.outcome and vm.versus
    assert any(row.history for row in vm.timeline) and any(row.yours for row in vm.timeline)
    assert any(me for _, _, me in vm.powers)


def test_a_broken_scenario_is_listed_with_its_problems_in_plain_words(tmp_path):
    from game.ui.viewmodels.newgame import scenarios
    (tmp_path / "broken.yaml").write_text("format_version: 1\nid: broken_one\ntitle: Broken\n", encoding="utf-8")
    items = {s.id: s for s in scenarios((tmp_path,))}
    assert items["genoa_rapallo_1922"].playable
    broken = items["broken_one"]
    assert not broken.playable and broken.problems and "line 1" in broken.problems[0]
    assert "S00" not in broken.problems[0]  # no checker codes for players


def test_view_models_never_change_the_game(session):
    before = session.state.hash()
    world.hud(session.rules, session.state, session.power)
    world.map_vm(session.rules, session.state, session.power)
    negotiation.estimate_vm(session.rules, session.state, "soviet_russia", ["soviet_russia"], ["germany"],
                            negotiation.package_of(session.rules, {"renounce_claims": {}}))
    power.power_panel(session.rules, session.state, "britain", session.power)
    home.home(session.rules, session.state, session.power)
    ledger.economy_chart(session.rules, session.state)
    assert session.state.hash() == before
    session.attempt(EndTurn("soviet_russia"))
