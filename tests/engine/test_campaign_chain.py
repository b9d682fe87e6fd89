"""Scenarios chained: 1921 carries into Genoa, and a save of the second part replays exactly."""
from __future__ import annotations

import pytest

from game.engine.chain import carry_over
from game.engine.game import Game, initial_state
from game.saves import document
from game.saves.document import SaveMeta
from game.saves.replay import replay
from game.saves.restore import from_document
from game.scenario import load_rules


@pytest.fixture(scope="module")
def chained() -> tuple[Game, Game]:
    first = Game.new(load_rules("return_to_europe_1921"), seed=11)
    first.run_to_end()
    second = first.continue_into(load_rules("genoa_rapallo_1922"))
    return first, second


def test_1921_names_genoa_as_what_comes_next() -> None:
    assert load_rules("return_to_europe_1921").scenario.next == "genoa_rapallo_1922"


def test_a_campaign_continues_only_from_the_end_of_a_part() -> None:
    game = Game.new(load_rules("return_to_europe_1921"), seed=11)
    with pytest.raises(ValueError, match="has not ended"):
        game.continue_into(load_rules("genoa_rapallo_1922"))


def test_treaties_statuses_and_values_carry_into_genoa(chained: tuple[Game, Game]) -> None:
    first, second = chained
    carried = {(t.title, t.signed) for t in first.state.treaties
               if t.in_force and all(p in second.rules.scenario.powers for p in t.parties(first.rules.hub))
               and any(c.type in second.rules.scenario.clause_types for c in t.clauses)}
    assert carried, "the 1921 run signed nothing that Genoa knows"
    assert carried <= {(t.title, t.signed) for t in second.state.treaties}
    for p in second.rules.partners:
        if p in first.state.status:
            assert second.state.status[p] >= first.state.status[p], p
    fresh = initial_state(second.rules, 11, [])
    carry_over(first.rules, first.state, second.rules, fresh, ("values",))
    assert fresh.values["soviet_russia.gold"] == first.state.values["soviet_russia.gold"]
    assert fresh.values["soviet_russia.gold"] != initial_state(second.rules, 11, []).values["soviet_russia.gold"]
    assert second.state.date == "1922-01-06" and second.chain[0]["scenario"] == "return_to_europe_1921"


def test_a_save_of_the_second_part_replays_the_first_then_its_own_log(chained: tuple[Game, Game]) -> None:
    _, second = chained
    game = second.clone()
    game.run_to_end(max_turns=3)
    doc = document.build(game, SaveMeta(kind="observer"))
    assert doc["chain"][0]["scenario"] == "return_to_europe_1921"
    again = replay(game.rules, doc["seed"], doc["humans"], doc["log"], chain=doc["chain"]).game
    assert again.state_hash() == game.state_hash()
    doc["seal"] = "tampered"                      # a broken seal forces the rebuild from the chain and the log
    loaded = from_document(document.check(doc), current=game.rules)
    assert not loaded.from_snapshot and loaded.game.state_hash() == game.state_hash()


def test_an_observer_run_can_go_on_through_the_whole_campaign() -> None:
    from game.sim import run_one
    rec = run_one(load_rules("return_to_europe_1921"), 12, chain=True)
    assert rec["parts"] == ["return_to_europe_1921", "genoa_rapallo_1922"]
    assert rec["debrief"] and rec["turns"] > 0


def test_a_status_a_carried_treaty_grants_falls_when_the_treaty_is_cancelled_in_genoa(
        chained: tuple[Game, Game]) -> None:
    # Given 1921 ended with a partner whose status only a treaty grants (the treaty carries into Genoa)
    first, second = chained
    held = [(p, t) for t in second.state.treaties if t.in_force and t.hub_party for p in t.partners
            if second.state.status[p] > second.state.status_floor[p]
            and sum(1 for u in second.state.treaties if u.in_force and p in u.partners) == 1]
    assert held, "no status in Genoa rests on a single carried treaty"
    power, treaty = held[0]
    assert second.state.status[power] == first.state.status[power]
    # When Moscow, taken over by a person, cancels that treaty in Genoa
    game = second.clone()
    game.state.controllers[game.rules.hub] = "human"
    game.apply(f"{game.rules.hub}: cancel {treaty.id}", by=game.rules.hub)
    # Then the status falls: the end of 1921 did not become a floor that Genoa's own rules cannot move
    assert game.state.status[power] < first.state.status[power]


def test_a_status_no_carried_treaty_explains_holds_as_a_floor(chained: tuple[Game, Game]) -> None:
    first, second = chained
    fresh = initial_state(second.rules, 11, [])
    carry_over(first.rules, first.state, second.rules, fresh, ("statuses",))   # the treaties stay behind
    reached = {p: s for p, s in first.state.status.items() if s > 0 and p in fresh.status_floor}
    assert reached
    for p, s in reached.items():
        assert fresh.status[p] >= s, p
