"""observe_all: every seat's observation at once, sharing work, reads exactly as each seat asked alone."""
from __future__ import annotations

import json

import pytest

from game.engine.game import Game
from game.engine.legal import FACILITATOR
from game.engine.observe import observe, observe_all, seats
from game.engine.rules import Rules


def as_sent(obs: dict) -> str:
    return json.dumps(obs, sort_keys=True, allow_nan=False)


@pytest.mark.parametrize("seed", [1, 7])
def test_every_seat_reads_the_same_from_observe_all_as_from_its_own_observe(genoa: Rules, seed: int) -> None:
    game = Game.new(genoa, seed=seed, humans=["soviet_russia"])
    game.apply("soviet_russia: assign chicherin germany", by="soviet_russia")
    game.apply("soviet_russia: propose germany: renounce_claims", by="soviet_russia")
    for _ in range(5):
        together = observe_all(genoa, game.state)
        assert set(together) == set(seats(genoa))
        for seat in seats(genoa):
            assert as_sent(together[seat]) == as_sent(observe(genoa, game.state, seat)), seat
        game.apply("advance", by=FACILITATOR)
    assert game.state.causes and game.state.proposals


def test_observe_all_of_a_finished_game_shows_everyone_the_scores(genoa: Rules) -> None:
    game = Game.new(genoa, seed=2)
    game.run_to_end()
    together = observe_all(genoa, game.state, ["france", "observer"])
    assert together["france"]["scores"] and together["observer"]["scores"] == together["france"]["scores"]


def test_observe_all_refuses_an_unknown_seat(genoa: Rules) -> None:
    with pytest.raises(ValueError, match="unknown seat"):
        observe_all(genoa, Game.new(genoa, seed=1).state, ["france", "the_kaiser"])
