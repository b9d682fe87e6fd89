"""Pacing: how many decisions a person faces each turn, and the quietest stretch.

A decision is something the seat must answer that turn: a proposal awaiting
its answer, an event asking it to choose, or a treaty refused at home that
it must renegotiate. The seat plays the historical course (``game.bots``),
every other power is the AI, over several seeds. Every seat that has a
classroom role is measured; the target (issue 11) is no stretch of 5 turns
or more without a decision.

    python -m bench.bench_pacing [SEAT ...]
"""
from __future__ import annotations

import statistics
import sys

from bench.common import ROOT, machine, report
from game.balance import decisions_per_turn, quietest
from game.engine.rules import Rules
from game.scenario.loader import load_rules

SCENARIO = ROOT / "scenarios" / "genoa_rapallo_1922.yaml"
#: The longest stretch of turns without a decision that the pacing target allows.
QUIET_MOST = 4


def classroom_seats(rules: Rules) -> list[str]:
    """Every power a student may play: the delegations of the classroom roles, Moscow first."""
    seats = {role.delegation for role in rules.scenario.roles.values()}
    return sorted(seats, key=lambda p: (p != rules.hub, p))


def measure(rules: Rules, power: str, seeds: range = range(5)) -> list[str]:
    games = [decisions_per_turn(rules, power, s) for s in seeds]
    per_turn = [c for g in games for c in g]
    med = statistics.median(per_turn)
    quiet = max(quietest(g) for g in games)
    whole = statistics.mean(sum(g) for g in games)      # a median of 0 hides a decision every few turns
    return [report(f"decisions per turn, {power} (median)", med, "", "(info)", True),
            report(f"decisions in a game, {power} (mean of {len(games)})", whole, "", "(info)", True),
            report(f"quietest stretch, {power} (turns, worst of {len(games)})", quiet, "turns",
                   f"<= {QUIET_MOST}", quiet <= QUIET_MOST)]


def main(seats: list[str] | None = None) -> list[str]:
    rules = load_rules(SCENARIO)
    unknown = [p for p in seats or [] if p not in rules.powers]
    if unknown:
        print(f"bench_pacing: no seat {unknown[0]!r} in {rules.id}; seats: {', '.join(rules.powers)}", file=sys.stderr)
        raise SystemExit(2)
    print(machine(), flush=True)
    out = []
    for power in seats or classroom_seats(rules):
        out += measure(rules, power)
    return out


if __name__ == "__main__":
    main(sys.argv[1:] or None)
