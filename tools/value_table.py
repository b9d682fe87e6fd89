"""Print what each clause is worth to each side, for scenario authors.

    python tools/value_table.py [SCENARIO_PATH] [--turns N] [--seed S]

Runs an observer game for N turns (default 0), then prints, for every partner,
the value of every clause variant to the partner and to the hub, the context
terms (trust, fear of being left out, urgency...), thresholds and red lines.
Use it to tune a scenario's numbers before running the calibration script.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.engine.game import Game  # noqa: E402
from game.engine.valuation import VariantSet, active_red_lines, build_tables, context_lines  # noqa: E402
from game.scenario import load_rules  # noqa: E402  (an id, a mod scenario's id too, or a file path)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("scenario", nargs="?", default="scenarios/genoa_rapallo_1922.yaml")
    ap.add_argument("--turns", type=int, default=0)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--partner", default=None)
    args = ap.parse_args()
    rules = load_rules(args.scenario)
    game = Game.new(rules, seed=args.seed)
    game.run_to_end(max_turns=args.turns) if args.turns else None
    state = game.state
    variants = VariantSet.for_search(rules)
    print(f"date {state.date}")
    for p in rules.partners:
        if args.partner and p != args.partner:
            continue
        mine = build_tables(rules, state, p, [p], variants)
        hub = build_tables(rules, state, rules.hub, [p], variants)
        print(f"\n== {p}: threshold {mine.threshold:g}, context {mine.const:+.1f} | hub threshold {hub.threshold:g}, "
              f"hub context {hub.const:+.1f}")
        for line in context_lines(rules, state, p, [p]):
            print(f"     {line.value:+6.1f}  {line.label}")
        for r in active_red_lines(rules, state, p, [p]):
            print(f"     RED  {r.reason}")
        for i, cid in enumerate(rules.clause_ids):
            for k, c in enumerate(variants.clauses[i]):
                ok = "" if mine.allowed[i, k + 1] else "  (not possible)"
                print(f"  {str(c):60} {p:>14} {mine.values[i, k + 1]:+7.1f}   hub {hub.values[i, k + 1]:+7.1f}{ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
