"""Observations: each seat sees what it may know and nothing more (information-set tests, after OpenSpiel)."""
from __future__ import annotations

import json

import numpy as np
import pytest

from game.engine.events import event_by_id
from game.engine.game import Game
from game.engine.legal import FACILITATOR, OBSERVER
from game.engine.observe import seats
from game.engine.rules import Rules

HUB = "soviet_russia"


def blob(game: Game, seat: str) -> str:
    """An observation as the bytes a client would receive (strict JSON: no NaN, no infinity)."""
    return json.dumps(game.observe(seat), sort_keys=True, allow_nan=False)


def with_objectives(rules: Rules, title: callable) -> Rules:  # type: ignore[valid-type]
    """A resolved copy of the rules whose objective titles are rewritten by ``title(power, objective)``."""
    sc = rules.scenario
    objectives = {p: [o.model_copy(update={"title": title(p, o)}) for o in objs] for p, objs in sc.objectives.items()}
    return Rules(sc.model_copy(update={"objectives": objectives}))


def marked(rules: Rules) -> Rules:
    return with_objectives(rules, lambda p, o: f"MARK<{p}>{o.id}")


def with_threshold(rules: Rules, power: str, threshold: float) -> Rules:
    sc = rules.scenario
    powers = dict(sc.powers)
    powers[power] = powers[power].model_copy(update={"threshold": threshold})
    return Rules(sc.model_copy(update={"powers": powers}))


def decide_and_end(game: Game, power: str) -> None:
    for c in [c for c in game.state.choices if c.chooser == power]:
        option = event_by_id(game.rules, c.event).options[0].id     # an event's or an obligation's
        game.apply(f"{power}: choose {c.event} {option}", by=power)
    game.apply(f"{power}: end", by=power)


# --- what a seat holds ---------------------------------------------------------------------------

def test_a_delegation_reads_its_own_objectives_and_no_one_else_s(genoa: Rules) -> None:
    rules = marked(genoa)
    assert rules.scenario.objectives["france"] and rules.scenario.objectives["germany"]
    game = Game.new(rules, seed=1, humans=[HUB])
    for _ in range(4):
        russia, france = blob(game, HUB), blob(game, "france")
        assert "MARK<france>" not in russia and "MARK<germany>" not in russia
        assert "MARK<france>" in france and "MARK<germany>" not in france
        assert "MARK<" not in blob(game, OBSERVER)
        assert "MARK<germany>" in blob(game, FACILITATOR)
        game.apply("advance", by=FACILITATOR)


def test_every_objective_is_read_once_the_game_is_over(genoa: Rules) -> None:
    game = Game.new(marked(genoa), seed=1)
    game.run_to_end()
    assert "MARK<germany>" in blob(game, "france")


def test_the_observer_reads_no_attitudes_and_the_hub_reads_them_by_its_envoys_skill(genoa: Rules) -> None:
    game = Game.new(genoa, seed=1, humans=[HUB])
    watched = game.observe(OBSERVER)["powers"]
    assert watched and all(row["attitudes"] == {} for row in watched)
    read = {row["id"]: row for row in game.observe(HUB)["powers"]}
    rough = [row for row in read.values() if row["exact"] is False]
    assert rough, "some partner is read only roughly at the start"
    assert all(v % 5 == 0 for row in rough for v in row["attitudes"].values())
    exact = {row["id"]: row for row in game.observe(FACILITATOR)["powers"]}
    pid = rough[0]["id"]
    assert exact[pid]["attitudes"]["trust"] == round(game.state.values[f"{pid}.trust"], 1)


def test_an_unknown_seat_is_refused(genoa: Rules) -> None:
    game = Game.new(genoa, seed=1)
    with pytest.raises(ValueError, match="unknown seat"):
        game.observe("the_kaiser")


# --- information sets: what is hidden from S changes nothing S receives ---------------------------

def test_another_power_s_objective_text_changes_nothing_france_observes(genoa: Rules) -> None:
    plain = with_objectives(genoa, lambda p, o: o.title)
    secret = with_objectives(genoa, lambda p, o: "A secret alliance" if p == "germany" else o.title)
    a, b = Game.new(plain, seed=3, humans=[HUB]), Game.new(secret, seed=3, humans=[HUB])
    for _ in range(3):
        assert blob(a, "france") == blob(b, "france")
        assert blob(a, OBSERVER) == blob(b, OBSERVER)
        assert blob(a, FACILITATOR) != blob(b, FACILITATOR)
        a.apply("advance", by=FACILITATOR)
        b.apply("advance", by=FACILITATOR)


def test_another_power_s_threshold_changes_nothing_the_observer_reads(genoa: Rules) -> None:
    low, high = with_threshold(genoa, "germany", 0.0), with_threshold(genoa, "germany", 37.25)
    a, b = Game.new(low, seed=2, humans=[HUB]), Game.new(high, seed=2, humans=[HUB])
    assert blob(a, OBSERVER) == blob(b, OBSERVER)
    b.run_to_end(max_turns=3)
    for seat in (HUB, "france", OBSERVER):
        assert "37.25" not in blob(b, seat)


def test_a_private_proposal_is_hidden_from_third_parties(genoa: Rules) -> None:
    quiet, talking = Game.new(genoa, seed=1, humans=[HUB]), Game.new(genoa, seed=1, humans=[HUB])
    talking.apply(f"{HUB}: assign chicherin germany", by=HUB)
    quiet.apply(f"{HUB}: assign chicherin germany", by=HUB)
    talking.apply(f"{HUB}: propose germany: renounce_claims", by=HUB)
    assert blob(quiet, HUB) != blob(talking, HUB)
    for seat in ("france", "britain", OBSERVER):
        assert blob(quiet, seat) == blob(talking, seat)


# --- random playouts --------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", [1, 2])
def test_random_playouts_give_strict_json_without_anyone_else_s_secrets(genoa: Rules, seed: int) -> None:
    rules = marked(genoa)
    humans = [HUB, "france", "germany"]
    game = Game.new(rules, seed=seed, humans=humans)
    gen = np.random.default_rng(seed)
    observed = 0
    for _ in range(5):
        for power in humans:
            legal = [c for c in game.legal_commands(power) if c.VERB not in ("end", "choose")]
            assert legal, f"{power} has something to do"
            for i in gen.choice(len(legal), size=min(3, len(legal)), replace=False):
                try:
                    game.apply(legal[int(i)], by=power)
                except ValueError:
                    pass   # an earlier command this turn may have used up what this one needed
        for seat in seats(rules):
            text = blob(game, seat)
            observed += 1
            others = [p for p in rules.powers if p != seat] if seat != FACILITATOR else []
            assert not any(f"MARK<{p}>" in text for p in others), seat
        for power in humans:
            decide_and_end(game, power)
    assert observed == 5 * len(seats(rules))
    assert game.state.turn == 5
