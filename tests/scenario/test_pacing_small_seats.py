"""Every seat with a classroom role decides something at least every five turns (issue 11).

Belgium, Japan, Poland and the United States have no treaty with Moscow in the
course of 1922, so their decisions are events of their own in Genoa: cabinet
choices that the AI takes at once and a person takes during the turn. Given
the historical course, or any of the main divergent courses, when the turns go
by, then no seat with a role waits five turns for a decision; and a decision
taken in a cabinet is news for that cabinet only.
"""
from __future__ import annotations

import datetime as dt

import pytest

from game.balance import decisions_per_turn, quietest
from game.classroom.views import PUBLIC_KINDS
from game.engine.commands import Advance, ChooseOption
from game.engine.game import Game
from game.engine.model.events import Event
from game.engine.rules import Rules
from game.scenario import load_rules
from tests.scenario.test_history_consistency import COURSES, play

#: The longest run of turns without a decision that the pacing target allows (bench/bench_pacing.py).
QUIET_MOST = 4
SMALL_SEATS = ("belgium", "japan", "poland", "united_states")


def role_seats(rules: Rules) -> list[str]:
    return sorted({role.delegation for role in rules.scenario.roles.values()})


def test_the_four_silent_delegations_have_classroom_roles(genoa: Rules) -> None:
    assert set(SMALL_SEATS) <= set(role_seats(genoa))


@pytest.mark.parametrize("seat", ["soviet_russia", "britain", "france", "germany", "italy", *SMALL_SEATS])
def test_a_seat_with_a_role_never_waits_five_turns_in_the_historical_course(genoa: Rules, seat: str) -> None:
    assert seat in role_seats(genoa)
    for seed in range(3):
        counts = decisions_per_turn(genoa, seat, seed)
        assert len(counts) == genoa.last_turn + 1
        assert quietest(counts) <= QUIET_MOST, (seat, seed, "".join(map(str, counts)))


def _decision_turns(rules: Rules, game: Game, seat: str) -> list[int]:
    """The turns on which an event put a choice to ``seat`` (taken at once by the AI)."""
    choosers = {e.id: e.chooser for e in rules.scenario.events}
    return sorted(turn for eid, turn in game.state.fired.items() if choosers.get(eid) == seat)


@pytest.mark.parametrize("course", sorted(COURSES))
def test_the_small_delegations_decide_whatever_course_the_game_takes(genoa: Rules, course: str) -> None:
    game, problems, _ = play(genoa, COURSES[course])
    assert problems == []
    for seat in SMALL_SEATS:
        turns = _decision_turns(genoa, game, seat)
        assert len(turns) >= 6, (seat, turns)
        counts = [int(t in turns) for t in range(genoa.last_turn + 1)]
        assert quietest(counts) <= QUIET_MOST, (course, seat, turns)


def test_rapallo_reaches_warsaw_only_when_berlin_signed(genoa: Rules) -> None:
    with_treaty, _, _ = play(genoa, COURSES["early_rapallo"])
    without, _, _ = play(genoa, COURSES["no_deal"])
    assert "warsaw_hears_of_rapallo" in with_treaty.state.fired
    assert "warsaw_watches_berlin" not in with_treaty.state.fired
    assert "warsaw_watches_berlin" in without.state.fired
    assert "warsaw_hears_of_rapallo" not in without.state.fired


def _news_keys(game: Game, seat: str) -> list[str]:
    return [n["text"] for n in game.observe(seat)["news"]]


def test_a_cabinet_decision_is_news_for_its_cabinet_only(genoa: Rules) -> None:
    game = Game.new(genoa, seed=0, humans=["belgium"])
    while "owners_committee" not in game.state.fired:
        game.apply(Advance())
    headline = next(e.title for e in genoa.scenario.events if e.id == "owners_committee")
    assert any(headline in t for t in _news_keys(game, "belgium"))
    for seat in ("france", "soviet_russia", "observer"):
        assert not any(headline in t for t in _news_keys(game, seat)), seat
    entry = next(n for n in game.state.news if n.get("event") == "owners_committee")
    assert entry["kind"] not in PUBLIC_KINDS          # the classroom projector leaves it out too


def test_a_public_event_of_a_small_delegation_is_heard_by_everyone(genoa: Rules) -> None:
    game = Game.new(genoa, seed=0, humans=["poland"])
    while "warsaw_conference" not in game.state.fired:
        for pending in [c for c in game.state.choices if c.chooser == "poland"]:
            event = next(e for e in genoa.scenario.events if e.id == pending.event)
            game.apply(ChooseOption("poland", pending.event, event.options[0].id))
        game.apply(Advance())
    assert any("The neighbours meet in Warsaw" in t for t in _news_keys(game, "soviet_russia"))


def test_a_person_choosing_leaves_the_cause_in_the_ledger(genoa: Rules) -> None:
    game = Game.new(genoa, seed=0, humans=["belgium"])
    while "owners_committee" not in game.state.fired:
        game.apply(Advance())
    game.apply(ChooseOption("belgium", "owners_committee", "compensation"))
    causes = [c for c in game.state.causes if c["var"] == "belgium.trust"]
    assert causes and causes[-1]["cause"] == "Brussels would take compensation for the works"
    assert causes[-1]["by"] > 0


def test_a_private_event_without_a_chooser_is_refused() -> None:
    with pytest.raises(ValueError, match="private event needs a chooser"):
        Event.model_validate({"id": "secret", "title": "A secret", "text": "Nobody hears of it.", "private": True})


#: decisions tied to a dated fact (docs/HISTORY.md, "Facts for the smaller delegations") -> the day
DATED = {"warsaw_conference": "1922-03-17", "dairen_breaks": "1922-04-16", "maritime_withdrawal": "1922-06-24",
         "dairen_resumes": "1922-03-25"}


def test_a_dated_decision_comes_in_the_turn_of_its_day_or_the_next(genoa: Rules) -> None:
    game, _, _ = play(genoa, COURSES["no_deal"])
    dates = [d.isoformat() for d in genoa.turn_dates]
    for eid, day in DATED.items():
        assert eid in game.state.fired, eid
        turn = game.state.fired[eid]
        on_or_before = max(i for i, d in enumerate(dates) if d <= day)
        assert turn in (on_or_before, on_or_before + 1), (eid, dates[turn], day)


def test_when_a_mod_seats_washington_at_genoa_its_instructions_are_a_delegations() -> None:
    rules = load_rules("genoa_us_attends")
    game = Game.new(rules, seed=1)
    while game.state.today < dt.date(1922, 4, 20):
        game.run_to_end(max_turns=1)
    assert "child_delegation" in game.state.fired and "child_instructions" not in game.state.fired
    assert "hughes_reasons" in game.state.fired          # its text holds whatever Washington answered
