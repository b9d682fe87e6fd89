"""``main.py balance``: how a scripted strategy scores when it plays one seat.

Each run plays the seat with a bot from ``game.bots`` against the AI, seed
after seed, and reports the score distribution (and the score already held
after the third turn, to show whether a strategy takes everything early).
"""
from __future__ import annotations

import statistics
from typing import Any

from game.bots import BOTS, _choose, play
from game.engine.commands import EndTurn
from game.engine.game import Game
from game.engine.negotiation import pending_for
from game.engine.rules import Rules

#: The turn after which a score counts as taken "early".
EARLY_TURN = 3


def run_bot(rules: Rules, power: str, bot: str, seed: int) -> dict[str, Any]:
    game = Game.new(rules, seed=seed, humans=[power])
    early: list[float] = []

    def note(g: Game) -> None:
        if g.state.turn == EARLY_TURN + 1 or (g.is_terminal() and not early):
            early.append(g.returns()[power])
    game.on_turn_end.append(note)
    play(game, power, bot)
    start = len(rules.scenario.treaties)
    return {"seed": seed, "score": game.returns()[power], "early": early[0] if early else 0.0,
            "treaties": len(game.state.treaties) - start,
            "unratified": sum(1 for n in game.state.news if n["kind"] == "ratification")}


def distribution(scores: list[float]) -> dict[str, float]:
    return {"mean": round(statistics.fmean(scores), 2), "median": statistics.median(scores),
            "min": min(scores), "max": max(scores),
            "stdev": round(statistics.pstdev(scores), 2) if len(scores) > 1 else 0.0}


def balance(rules: Rules, power: str, bot: str, seeds: list[int]) -> dict[str, Any]:
    runs = [run_bot(rules, power, bot, s) for s in seeds]
    most = sum(o.points for o in rules.scenario.objectives.get(power, []))
    return {"scenario": rules.id, "power": power, "bot": bot, "most": most, "runs": runs,
            "score": distribution([r["score"] for r in runs]),
            "early": distribution([r["early"] for r in runs])}


def lines(report: dict[str, Any]) -> list[str]:
    s, e = report["score"], report["early"]
    return [f"{report['bot']} playing {report['power']} in {report['scenario']}, {len(report['runs'])} seed(s), "
            f"out of {report['most']:g} points:",
            f"  final score: mean {s['mean']:.1f}, median {s['median']:g}, min {s['min']:g}, max {s['max']:g}, "
            f"spread (sd) {s['stdev']:.1f}",
            f"  after turn {EARLY_TURN}: mean {e['mean']:.1f}, max {e['max']:g}",
            "  per seed: " + ", ".join(f"{r['seed']}:{r['score']:g}" for r in report["runs"])]


# --- pacing --------------------------------------------------------------------------------

def decisions_per_turn(rules: Rules, power: str, seed: int, bot: str = "historical") -> list[int]:
    """How many decisions ``power``, played by a person following ``bot``, faces at the start
    of each turn: proposals awaiting its answer, events and obligations asking it to choose,
    and treaties refused at home last turn that it must renegotiate."""
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
        if not game.is_terminal() and game.state.turn != turn + 1:
            raise RuntimeError(f"turn {turn} did not advance after {power} ended it")
    return counts


def quietest(counts: list[int]) -> int:
    """The longest run of turns without a decision."""
    best = run = 0
    for c in counts:
        run = run + 1 if c == 0 else 0
        best = max(best, run)
    return best

