"""A wide search for disagreements between the numpy tables and the breakdown (``evaluate``): at
every turn of observer games of Genoa, for every power (and the joint Franco-Belgian side), random
packages and every package tabled so far are scored both ways.

    python -m bench.check_tables [--seeds N]

Prints the first disagreements and their count; exits 1 if there is any. Broader than the
property test in tests/engine/test_engine_properties.py, and too slow for the test run.
"""
from __future__ import annotations

import argparse
import sys

import numpy as np

from game.engine.game import Game
from game.engine.search import Search, random_rows
from game.engine.valuation import evaluate
from game.scenario import load_rules

POWERS = ("britain", "france", "germany", "italy", "soviet_russia", "belgium", "japan")


def sides(who: str) -> list[list[str]]:
    out = [["germany"]] if who == "soviet_russia" else [[who]]
    return out + ([["france", "belgium"]] if who in ("france", "belgium") else [])


def tabled_rows(search: Search, game: Game) -> list[np.ndarray]:
    rules = search.rules
    return [search.rows_of(tuple(p.clauses)) for p in game.state.proposals
            if all(c.type in rules.clause_index for c in p.clauses)      # side talks have their own terms
            and all(c in search.variants.clauses[rules.clause_index[c.type]] for c in p.clauses)
            and len({c.type for c in p.clauses}) == len(p.clauses)]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=10)
    args = ap.parse_args()
    rules = load_rules("genoa_rapallo_1922")
    found = checked = 0
    for seed in range(1, 1 + 5 * args.seeds, 5):
        game = Game.new(rules, seed=seed)
        while not game.is_terminal():
            for who in POWERS:
                for partners in sides(who):
                    search = Search(rules, game.state)
                    rows = random_rows(search.variants, 200, np.random.default_rng([seed, game.state.turn]), 0.12)
                    seen = tabled_rows(search, game)
                    if seen:
                        rows = np.concatenate([rows, np.array(seen, dtype=rows.dtype)])
                    scores, blocked = search.tables(who, partners).judge(rows)
                    for row, score, blk in zip(rows, scores, blocked):
                        verdict = evaluate(rules, game.state, who, partners, search.variants.package(row))
                        checked += 1
                        if abs(verdict.total - score) >= 1e-6 or bool(verdict.red_lines) != bool(blk):
                            found += 1
                            if found <= 10:
                                print(f"seed {seed} turn {game.state.turn} {who} with {partners}: "
                                      f"{[str(c) for c in verdict.package]} breakdown {verdict.total:.3f} "
                                      f"tables {score:.3f}; red lines {bool(verdict.red_lines)} / {bool(blk)}")
            game.run_to_end(max_turns=1)
    print(f"{checked} packages judged both ways, {found} disagreements")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
