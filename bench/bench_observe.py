"""Observation speed: what the network classroom pays each time the game changes.

The host sends every seat its own observation after each command, so the cost
that matters is ``observe_all`` over every seat of Genoa (nine delegations, the
facilitator, the observer) in the middle of a game, beside asking each seat
separately with ``observe``. Target: all seats in well under the 200 ms p95 a
client may wait, leaving the rest for the network.

    python -m bench.bench_observe
"""
from __future__ import annotations

import statistics
import time

from bench.common import machine, report
from game.engine.game import Game
from game.engine.observe import observe, observe_all, seats
from game.scenario import load_rules

TURNS = 8


def game_after(turns: int, seed: int = 1) -> Game:
    game = Game.new(load_rules("genoa_rapallo_1922"), seed=seed)
    for _ in range(turns):
        game.apply("advance", by="facilitator")
    return game


def times_ms(fn, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def main(runs: int = 41) -> list[str]:
    game = game_after(TURNS)
    rules, state, every = game.rules, game.state, seats(game.rules)
    one_by_one = times_ms(lambda: [observe(rules, state, s) for s in every], runs)
    hub = times_ms(lambda: observe(rules, state, rules.hub), runs)
    shared = times_ms(lambda: observe_all(rules, state, every), runs)
    med_all, p95_all = statistics.median(shared), statistics.quantiles(shared, n=20)[-1]
    return [
        report(f"observe(hub) on Genoa after {TURNS} turns (median)", statistics.median(hub), "ms", "(info)", True),
        report(f"observe each of {len(every)} seats in turn (median)", statistics.median(one_by_one), "ms",
               "(baseline)", True),
        report(f"observe_all, {len(every)} seats (median)", med_all, "ms", "<= 40 ms", med_all <= 40),
        report(f"observe_all, {len(every)} seats (p95)", p95_all, "ms", "<= 50 ms", p95_all <= 50),
        report(f"observe_all, {len(every)} seats (fastest run; the load-free cost)", min(shared), "ms", "(info)", True),
        report(f"observe each of {len(every)} seats in turn (fastest run)", min(one_by_one), "ms", "(info)", True),
        report("observe_all per seat (median)", med_all / len(every), "ms", "(info)", True),
    ]


if __name__ == "__main__":
    print(f"machine: {machine()}")
    main()
