"""Games that mix people and the AI: random legal moves for the people, and the AI must never try a
command the rules refuse (its errors are recorded in ``game.ai_errors`` and skipped)."""
from __future__ import annotations

import numpy as np
import pytest

from game.engine.game import Game
from tests.saves.helpers import next_command


def _humans(rules, seed: int) -> list[str]:  # type: ignore[no-untyped-def]
    """One to three partners played by people, and on odd seeds the hub as well."""
    rng = np.random.default_rng(seed)
    chosen = [str(p) for p in rng.choice(list(rules.partners), size=1 + seed % 3, replace=False)]
    return chosen + ([rules.hub] if seed % 2 else [])


# 152: the hub's AI countered the people's proposals, then tabled two more and hit the limit of three.
@pytest.mark.parametrize("seed", [152, 1, 2, 7, 10])
def test_the_ai_never_tries_an_illegal_command_in_a_mixed_game(genoa, seed):
    rng = np.random.default_rng(seed)
    humans = _humans(genoa, seed)
    game = Game.new(genoa, seed=seed, humans=humans)
    moves = 0
    while not game.is_terminal() and moves < 3000:
        game.apply(next_command(game, rng))
        moves += 1
    assert game.is_terminal(), f"the game did not finish in {moves} moves"
    assert set(game.humans()) == set(humans) and len(humans) >= 1
    assert game.ai_errors == []
