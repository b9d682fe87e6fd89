"""The AI's speed work (issue 11) changes no game: the value tables it now keeps across a turn
(each noting the values it read) and the searches that stop early give the same states, move
for move, as building every table afresh for every search."""
from __future__ import annotations

import pytest

import game.engine.search as search
from game.engine.game import Game
from game.engine.valuation import build_tables


def _fresh_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    """No table kept between searches: every search builds what it needs from the state."""
    monkeypatch.setattr(search, "_shared_tables", lambda rules, state, variants: None)


@pytest.mark.parametrize("seed", [3, 1922])
def test_kept_tables_play_the_same_game_as_fresh_ones(genoa, monkeypatch, seed):
    kept = Game.new(genoa, seed=seed)
    kept.run_to_end(max_turns=10)
    _fresh_tables(monkeypatch)
    fresh = Game.new(genoa, seed=seed)
    fresh.run_to_end(max_turns=10)
    assert kept.state.turn == fresh.state.turn >= 10
    assert kept.state_hash() == fresh.state_hash()
    assert len(kept.state.proposals) > 0       # the AI did negotiate: the tables were used


def test_a_kept_table_is_rebuilt_when_a_value_it_read_changes(genoa):
    game = Game.new(genoa, seed=3)
    game.run_to_end(max_turns=2)
    first = search.Search(genoa, game.state).tables("france", ["france"])
    assert search.Search(genoa, game.state).tables("france", ["france"]) is first
    game.state.values["france.trust"] += 30
    again = search.Search(genoa, game.state).tables("france", ["france"])
    assert again is not first
    assert again.const > first.const      # more trust, more goodwill towards any package
    expected = build_tables(genoa, game.state, "france", ["france"], search.VariantSet.for_search(genoa))
    assert again.const == expected.const and (again.values == expected.values).all()


def test_kept_columns_and_permissions_are_those_a_fresh_build_gives(genoa):
    """Value columns and permissions are kept from turn to turn with what they read; at every turn
    of a game, for the hub and each partner, they equal tables built with nothing kept."""
    game = Game.new(genoa, seed=7)
    kept = search.VariantSet.for_search(genoa)
    compared = 0
    while not game.is_terminal() and game.state.turn < 14:
        for partner in ("britain", "france", "germany", "italy"):
            for evaluator in ("soviet_russia", partner):
                warm = build_tables(genoa, game.state, evaluator, [partner], kept)
                cold = search.VariantSet._build(genoa, ())      # a variant set with an empty memo
                fresh = build_tables(genoa, game.state, evaluator, [partner], cold)
                assert (warm.values == fresh.values).all() and (warm.allowed == fresh.allowed).all()
                assert warm.const == fresh.const
                compared += 1
        game.run_to_end(max_turns=1)
    assert compared >= 8 * 13
    assert game.state.treaties           # the permissions were worked out again after a signature
