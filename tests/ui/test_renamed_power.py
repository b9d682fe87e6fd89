"""A renamed power is called by its name of the day everywhere a person reads the present: the terminal, the
window's view-models, the classroom's pages and the debrief. Lines dated before the rename (the news of that
day, the debrief's account of a treaty signed then) keep the name the power bore at the time.

The long campaign renames Soviet Russia the Soviet Union on 30 December 1922; Genoa with the same ``rename``
effect applied after its first turn is the same case, and seconds faster."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.classroom.debrief import debrief_data
from game.classroom.session import Session
from game.classroom.views import facilitator_vm, projector_vm
from game.engine.clauses import Clause
from game.engine.debrief import debrief, render as render_debrief
from game.engine.model.effects import Rename
from game.engine.strings import news_text
from game.engine.rules import Rules
from game.engine.treaties import sign_treaty
from game.engine.world import Ctx
from game.net.session import HostSession
from game.scenario import load_rules
from game.text import render
from game.ui.viewmodels.ending import end_vm
from game.ui.viewmodels.power import power_panel
from game.ui.viewmodels.world import hud, map_vm

OLD, NEW = "Soviet Russia", "Soviet Union"


@pytest.fixture(scope="module")
def genoa() -> Rules:
    return load_rules("genoa_rapallo_1922")


@pytest.fixture
def session(genoa: Rules) -> Session:
    """A class of Moscow and Berlin: a treaty signed on the first day, then a turn, then the new name."""
    s = Session.start(genoa, ["soviet_russia", "germany"], students=4, pin="2204", seed=5, now=0.0)
    game = s.game
    sign_treaty(genoa, game.state, ["germany"], [genoa.normalise(Clause.of("renounce_claims"))], "", ["germany"])
    game.apply("advance", by="facilitator")
    assert game.state.turn == 1
    Rename.model_validate({"rename": {"power": "soviet_russia", "name": NEW, "adjective": "Soviet"}}).apply(
        Ctx(genoa, game.state))
    return s


def test_the_terminal_status_calls_moscow_by_its_new_name(session: Session) -> None:
    game = session.game
    mine = render.summary(game, "soviet_russia")
    assert f"You are {NEW}." in mine and f"{NEW}: " in mine            # the seat line and the values line
    status = [line for line in mine.splitlines() if not line.startswith("  19")]   # the dated news aside
    assert not [line for line in status if OLD in line], status
    scores = [line for line in render.final_report(game, "soviet_russia").splitlines() if line.endswith(" points")]
    assert [line for line in scores if line.startswith(NEW)], scores
    assert not [line for line in scores if OLD in line], scores


def test_the_window_calls_moscow_by_its_new_name(session: Session) -> None:
    rules, state = session.game.rules, session.game.state
    you = hud(rules, state, "soviet_russia").player
    assert NEW in you and OLD not in you
    assert map_vm(rules, state, "germany").hub_name == NEW
    panel = power_panel(rules, state, "soviet_russia", "germany")
    assert panel.name == NEW
    scores = end_vm(rules, state, "germany").powers
    assert NEW in [name for name, *_ in scores] and OLD not in [name for name, *_ in scores]


def test_the_classroom_pages_call_moscow_by_its_new_name(session: Session, tmp_path: Path) -> None:
    rows = facilitator_vm(session, now=0.0).rows
    assert [r.name for r in rows if r.power == "soviet_russia"] == [NEW]
    host = HostSession(session.game, tmp_path, "QX7K", "key")
    student = json.loads(host.observation_json("soviet_russia"))
    assert student["you"]["name"] == NEW
    delegations = {r["delegation_name"] for r in host.role_list(frozenset())
                   if r["delegation"] == "soviet_russia"}
    assert delegations == {NEW}
    assert any(f"takes a new name: {NEW}" in n for n in projector_vm(session, now=0.0).news)
    assert [r.name for r in debrief_data(session.game).results if r.power == "soviet_russia"] == [NEW]


def test_the_debrief_names_the_present_anew_and_the_past_as_it_was(session: Session) -> None:
    rules, state = session.game.rules, session.game.state
    text = render_debrief(debrief(rules, state))
    assert f"relations with {NEW} stood so" in text
    assert f"On 1922-01-06 {OLD} and Germany signed a treaty" in text     # dated before the rename


def test_news_written_after_the_rename_says_the_new_name_and_news_before_it_keeps_the_old(session: Session) -> None:
    game = session.game
    game.apply("germany: propose soviet_russia: credits", by="germany")
    said = [news_text(n) for n in game.state.news if n["key"] == "news.proposal" and "germany" in n["powers"]]
    assert said and f"Germany proposes to {NEW}" in said[-1]
    before = [news_text(n) for n in game.state.news if n["date"] < "1922-01-20"]
    assert before and not [t for t in before if NEW in t]


def test_what_would_it_take_names_the_power_and_its_values_by_the_name_of_the_day(session: Session) -> None:
    from game.engine.model.conditions import Compare
    from game.engine.search import what_must_become_true
    game = session.game
    cond = Compare.model_validate({"compare": {"var": "soviet_russia.comintern", "op": ">=", "value": 60}})
    before = what_must_become_true(game.rules, cond)                  # no state: the scenario's name
    now = what_must_become_true(game.rules, cond, game.state)
    assert OLD in before, before
    assert NEW in now and OLD not in now, now
