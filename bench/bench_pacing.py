"""Pacing: how many decisions a person faces each turn, and the quietest stretch.

A decision is something the seat must answer that turn: a proposal awaiting
its answer, an event asking it to choose, or a treaty refused at home that
it must renegotiate. The seat plays the historical course (``game.bots``),
every other power is the AI, over several seeds.

    python -m bench.bench_pacing
"""
from __future__ import annotations

import statistics

from bench.common import ROOT, report
from game.bots import BOTS, _choose
from game.engine.commands import EndTurn
from game.engine.game import Game
from game.engine.negotiation import pending_for
from game.scenario.loader import load_rules

SCENARIO = ROOT / "scenarios" / "genoa_rapallo_1922.yaml"


def decisions_per_turn(rules, power: str, seed: int, bot: str = "historical") -> list[int]:
    """The number of decisions ``power`` faces at the start of each turn of one game."""
    game = Game.new(rules, seed=seed, humans=[power])
    counts: list[int] = []
    while not game.is_terminal():
        state = game.state
        waiting = len(pending_for(state, power)) + sum(1 for c in state.choices if c.chooser == power)
        waiting += sum(1 for n in state.news if n["kind"] == "ratification" and n["turn"] == state.turn - 1
                       and power in n["powers"])
        counts.append(waiting)
        turn = state.turn
        _choose(game, power)
        BOTS[bot](game, power)
        _choose(game, power)
        game.apply(EndTurn(power))
        assert game.is_terminal() or game.state.turn == turn + 1
    return counts


def quietest(counts: list[int]) -> int:
    """The longest run of turns without a decision."""
    best = run = 0
    for c in counts:
        run = run + 1 if c == 0 else 0
        best = max(best, run)
    return best


def main(power: str = "soviet_russia", seeds: range = range(5)) -> list[str]:
    rules = load_rules(SCENARIO)
    games = [decisions_per_turn(rules, power, s) for s in seeds]
    per_turn = [c for g in games for c in g]
    med = statistics.median(per_turn)
    quiet = max(quietest(g) for g in games)
    return [report(f"decisions per turn, {power} (median)", med, "", "(info)", True),
            report(f"quietest stretch, {power} (turns, worst of {len(games)})", quiet, "turns", "< 5", quiet < 5)]


if __name__ == "__main__":
    main()
    main("germany")
