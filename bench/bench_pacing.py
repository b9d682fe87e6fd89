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
from game.balance import decisions_per_turn, quietest
from game.scenario.loader import load_rules

SCENARIO = ROOT / "scenarios" / "genoa_rapallo_1922.yaml"


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
