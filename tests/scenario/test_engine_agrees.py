"""The checker and the engine agree: a scenario that validates with no error
runs to its end in ``simulate --seeds 2`` without raising.

The mutants are seeded mutations of the shipped Genoa scenario
(tests/scenario/mutants.py): power ids swapped (the hub among them) in
treaties, blocs, proposals, events, effects and conditions; state values
swapped; numbers and dates pushed out; keys and list items removed.
RAPALLO_AGREE_MUTANTS=3000 runs a deep hunt by hand.
"""
from __future__ import annotations

import os
from pathlib import Path

from game.engine.game import Game
from game.scenario.library import Library
from game.scenario.loader import check, rules_from
from tests.scenario.mutants import WORK_NAME, mutant_text

MUTANTS = int(os.environ.get("RAPALLO_AGREE_MUTANTS", "24"))
LIB = Library.for_game()


def test_mutants_that_validate_clean_run_two_seeds_to_the_end(tmp_path) -> None:
    ran = refused = 0
    for seed in range(MUTANTS):
        loaded = check(LIB.resolve_text(mutant_text(seed), tmp_path / WORK_NAME, WORK_NAME))
        if not loaded.ok:
            refused += 1
            continue
        rules = rules_from(loaded)
        for game_seed in (1, 2):
            game = Game.new(rules, seed=game_seed)
            game.run_to_end()
            assert game.state.turn > 0, f"mutant {seed}, seed {game_seed}: the game did not run"
        ran += 1
    assert ran > 0 and refused > 0, f"the mutants should both pass and fail the checker ({ran} ran, {refused} refused)"


def test_the_four_files_that_crashed_the_engine_are_refused(tmp_path) -> None:
    """An event that signs with the hub itself, a proposal from the hub to itself, a set on status,
    the hub in a bloc: each now an error with its own code."""
    cases = {
        "R010": "events:\n  - {id: e, title: E, text: T, effects: [{sign: {with: [soviet_russia], "
                "clauses: [trade_agreement], title: X}}]}\n",
        "R011": "events:\n  - {id: e, title: E, text: T, effects: [{propose: {from: [soviet_russia], "
                "to: soviet_russia, clauses: [trade_agreement], title: X}}]}\n",
        "R013": "events:\n  - {id: e, title: E, text: T, effects: [{set: {var: soviet_russia.status, to: 3}}]}\n",
        "R012": "blocs:\n  b: {name: B, leader: britain, members: [britain, soviet_russia]}\n",
    }
    (tmp_path / "base.yaml").write_bytes((Path(__file__).parent / "fixtures" / "codes" / "base.yaml").read_bytes())
    for code, extra in cases.items():
        text = f"id: crash_{code.lower()}\nextends: base\n{extra}"
        loaded = check(Library([tmp_path]).resolve_text(text, tmp_path / "c.yaml", "c.yaml"))
        assert not loaded.ok and code in {f.code for f in loaded.findings if f.is_error}, (code, loaded.findings)


def test_a_discount_over_a_parameter_that_can_be_negative_is_refused(tmp_path) -> None:
    """The engine divides a discounted term by (1 + rate x years); years below 0 could divide by zero."""
    (tmp_path / "base.yaml").write_bytes((Path(__file__).parent / "fixtures" / "codes" / "base.yaml").read_bytes())
    text = ("id: disc\nextends: base\nclause_types:\n  loan:\n    title: A loan\n    params:\n"
            "      years: {min: -20, max: 10, default: 0}\n    value:\n"
            "      hub: [{label: money, interest: trade, amount: 5, discount: {param: years, rate: 0.1}}]\n"
            "      partner: [{label: money, interest: trade, amount: 5}]\n")
    loaded = check(Library([tmp_path]).resolve_text(text, tmp_path / "d.yaml", "d.yaml"))
    assert [(f.code, f.line) for f in loaded.findings if f.is_error] == [("R008", 9)]
